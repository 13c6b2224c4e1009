/**
 * The session API: create a session (POST /api/sessions), read its public status (GET /api/sessions/:code)
 * and, with the facilitator token, download its record (GET /api/sessions/:code/record); GET /api/server says
 * which addresses phones can reach. JSON in and out;
 * bad input gets a 400 with a reason.
 */
import { matchMaker } from "@colyseus/core";
import express, { type NextFunction, type Request, type Response } from "express";
import { codeSchema, createSessionSchema } from "../net/protocol.ts";
import type { ReachableAddresses } from "./addresses.ts";
import type { CouncilRoom } from "./councilRoom.ts";
import type { SessionStatus } from "./councilSession.ts";
import { API_BODY_LIMIT } from "./httpGate.ts";
import { peopleRecord } from "./peopleRecord.ts";
import { RateLimiter } from "./rateLimit.ts";
import { BusyError, LimitError, type Registry, RequestError } from "./registry.ts";
import { secretMatches } from "./seats.ts";
import { StoreError } from "./store.ts";

/** Sessions one address may create per minute (burst 20). */
const createLimiter = new RateLimiter({ burst: 20, perSecond: 0.2 });
const lookupLimiter = new RateLimiter({ burst: 60, perSecond: 2 });

const fail = (res: Response, status: number, error: string) => res.status(status).json({ error });

/** The status of a session whose room another process runs (scale-out), or null when no room has that code. */
async function remoteStatus(code: string): Promise<SessionStatus | null> {
  try {
    if (!(await matchMaker.getRoomById(code))) return null;
    return (await matchMaker.remoteRoomCall<CouncilRoom>(code, "publicStatus")) as SessionStatus;
  } catch {
    return null;
  }
}

/** `openRoom` starts the session's room (so players can join) once the session is in the store. */
export function apiRouter(
  registry: Registry,
  openRoom: (code: string) => Promise<void>,
  reachable: () => ReachableAddresses = () => ({ urls: [], loopbackOnly: true }),
): express.Router {
  const router = express.Router();
  router.use(express.json({ limit: API_BODY_LIMIT }));

  // Where phones can reach this server: the console and projector build join links and QR codes from it.
  router.get("/server", (_req, res) => res.json(reachable()));

  router.post("/sessions", async (req, res) => {
    if (!createLimiter.take(req.ip ?? "?")) return fail(res, 429, "too many sessions created: wait a minute");
    const parsed = createSessionSchema.safeParse(req.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail(res, 400, `${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}`);
    }
    try {
      const created = registry.create(parsed.data, req.ip ?? "?");
      await openRoom(created.code);
      if (parsed.data.autoStart) registry.running(created.code)?.facilitate({ op: "start" });
      registry.log(`session ${created.code} created (${parsed.data.scenario}, seed ${parsed.data.seed})`);
      return res.status(201).json({ ...created, scenario: parsed.data.scenario, seed: parsed.data.seed });
    } catch (err) {
      if (err instanceof RequestError) return fail(res, 400, err.message);
      if (err instanceof BusyError) return fail(res, 503, err.message);
      if (err instanceof LimitError) return fail(res, 429, err.message);
      throw err;
    }
  });

  router.get("/sessions/:code", async (req, res) => {
    if (!lookupLimiter.take(req.ip ?? "?")) return fail(res, 429, "too many lookups: wait a minute");
    const code = codeSchema.safeParse(req.params.code);
    if (!code.success) return fail(res, 404, "no such session");
    const status = registry.running(code.data)?.status() ?? (await remoteStatus(code.data));
    return status ? res.json(status) : fail(res, 404, "no such session");
  });

  // The names on the class list nobody has claimed yet, for the join screen's list (while the session runs).
  router.get("/sessions/:code/roster", (req, res) => {
    if (!lookupLimiter.take(req.ip ?? "?")) return fail(res, 429, "too many lookups: wait a minute");
    const code = codeSchema.safeParse(req.params.code);
    const council = code.success ? registry.running(code.data) : undefined;
    if (!council) return fail(res, 404, "no such session");
    return res.json({ names: council.finished ? [] : council.people.unclaimedNames() });
  });

  router.get("/sessions/:code/record", (req, res) => {
    if (!lookupLimiter.take(req.ip ?? "?")) return fail(res, 429, "too many lookups: wait a minute"); // token guesses
    const code = codeSchema.safeParse(req.params.code);
    const header = req.get("authorization") ?? "";
    const token = header.startsWith("Bearer ") ? header.slice(7) : ""; // never in the URL (logs, history)
    if (!code.success || !token || !secretMatches(token, registry.facilitatorHash(code.data)))
      return fail(res, 404, "no such session, or wrong facilitator token");
    // The durable log has every accepted event, also of sessions that are over or run by another process.
    let record: ReturnType<typeof registry.storedRecord>;
    try {
      record = registry.running(code.data)?.record ?? registry.storedRecord(code.data);
    } catch (err) {
      if (!(err instanceof StoreError)) throw err;
      registry.log(err.message);
      return fail(res, 500, `${err.message}; the other sessions are not affected`);
    }
    if (!record) return fail(res, 404, "no such session, or wrong facilitator token");
    // The facilitator's export names who played, with times; `?names=0` is the record to share, without them.
    const named = req.query.names !== "0";
    const body = named ? { ...record, people: peopleRecord(registry.store, code.data) } : record;
    res.setHeader(
      "content-disposition",
      `attachment; filename="case-by-case-${code.data}${named ? "" : "-no-names"}.json"`,
    );
    return res.type("application/json").send(`${JSON.stringify(body, null, 2)}\n`);
  });

  router.use((_req, res) => fail(res, 404, "no such endpoint"));
  // Malformed JSON and oversized bodies end here (Express reports them as errors with a status).
  router.use((err: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    if (err.type === "entity.too.large") {
      fail(res, 413, `request body too large: at most ${API_BODY_LIMIT} bytes for /api/…`);
      return;
    }
    const status = err.status && err.status < 500 ? err.status : 500;
    if (status === 500) registry.log(`api error: ${err.stack ?? err.message}`);
    fail(res, status, status === 500 ? "internal error" : err.message);
  });
  return router;
}
