/**
 * GET /api/health: whether this process can run sessions now — it answers, its store takes writes, and (when
 * configured) Redis, which scale-out matchmaking needs, replies. 200 when all hold, 503 otherwise, so a
 * container's HEALTHCHECK, a load balancer or a school's monitoring can read it without parsing. It carries no
 * secrets (a store problem names the data folder, for whoever runs the server): anyone may call it.
 */
import { matchMaker } from "@colyseus/core";
import type { Request, Response } from "express";
import type { Registry } from "./registry.ts";

const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;

/** How long Redis has to answer before it counts as unreachable. */
export const REDIS_TIMEOUT_MS = 1500;

export interface Health {
  ok: boolean;
  process: string; // this process's name in the store (PROCESS_NAME, PUBLIC_ADDRESS or "local")
  uptimeSeconds: number;
  store: { writable: boolean; problem?: string };
  sessions: { unfinished: number; rooms: number; connections: number }; // this process's
  redis: "not configured" | "reachable" | "unreachable";
  /**
   * The process's resident memory; its live JavaScript heap and the heap's reserved size; memory outside the
   * heap that JavaScript objects hold (buffers: `externalMB`, of which `arrayBuffersMB`).
   */
  memory: { rssMB: number; heapUsedMB: number; heapTotalMB: number; externalMB: number; arrayBuffersMB: number };
}

/** Resolves true when Redis answers a read within the timeout (ioredis queues commands while it is down). */
async function redisAnswers(): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<false>((done) => {
    timer = setTimeout(() => done(false), REDIS_TIMEOUT_MS);
  });
  try {
    return await Promise.race([matchMaker.presence.exists("case-by-case:health").then(() => true), late]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** The process's health now; `redis` says whether this process was configured with a Redis URL. */
export async function checkHealth(registry: Registry, redis: boolean): Promise<Health> {
  const problem = registry.store.writeProblem();
  let unfinished = 0;
  if (!problem) unfinished = registry.unfinished().length;
  const redisState = !redis ? "not configured" : (await redisAnswers()) ? "reachable" : "unreachable";
  const { roomCount, ccu } = matchMaker.stats.local;
  const memory = process.memoryUsage();
  return {
    ok: !problem && redisState !== "unreachable",
    process: registry.owner,
    uptimeSeconds: Math.round(process.uptime()),
    store: problem ? { writable: false, problem } : { writable: true },
    sessions: { unfinished, rooms: roomCount, connections: ccu },
    redis: redisState,
    memory: {
      rssMB: mb(memory.rss),
      heapUsedMB: mb(memory.heapUsed),
      heapTotalMB: mb(memory.heapTotal),
      externalMB: mb(memory.external),
      arrayBuffersMB: mb(memory.arrayBuffers),
    },
  };
}

/** The Express handler for GET /api/health (never cached). */
export function healthHandler(registry: Registry, redis: boolean) {
  return async (_req: Request, res: Response) => {
    const health = await checkHealth(registry, redis);
    res.setHeader("cache-control", "no-store");
    res.status(health.ok ? 200 : 503).json(health);
  };
}
