/**
 * Session records: format, engine, scenario id and content hash, seed, seats and the ordered events with
 * who sent each. A record is the save file, the server log, the after-action data and the bug report.
 */
import { z } from "zod";
import { type EngineEvent, eventSchema } from "./events.ts";
import { applyParsed, checkSeats, createSession, type SeatPlan, type Session } from "./session.ts";
import type { Env } from "./state.ts";
import { ENGINE_VERSION, RECORD_FORMAT } from "./version.ts";

export interface SessionRecord {
  format: number;
  engine: string;
  scenario: { id: string; hash: string };
  seed: number;
  seats: SeatPlan;
  events: EngineEvent[];
}

const seatId = z.union([z.literal("chair"), z.string().regex(/^[A-Z]{3}$/)]);
export const recordSchema = z.strictObject({
  format: z.literal(RECORD_FORMAT),
  engine: z.string(),
  scenario: z.strictObject({ id: z.string().min(1), hash: z.string().regex(/^[0-9a-f]{16}$/) }),
  seed: z.number().int(),
  seats: z.strictObject({
    role: seatId,
    chair: z.enum(["ai", "human"]),
    humans: z.array(z.string().regex(/^[A-Z]{3}$/)),
  }),
  events: z.array(eventSchema),
  // A classroom facilitator's export adds who played, with times (src/server/peopleRecord.ts); replay ignores it.
  people: z.unknown().optional(),
});

/** A record that cannot be replayed, and where it went wrong. */
export class RecordError extends Error {
  override name = "RecordError";
}

/** An empty record for a new session. */
export function newRecord(env: Env, seed: number, seats: SeatPlan): SessionRecord {
  return {
    format: RECORD_FORMAT,
    engine: ENGINE_VERSION,
    scenario: { id: env.scenario.id, hash: env.scenarioHash },
    seed,
    seats: { role: seats.role, chair: seats.chair, humans: [...seats.humans] },
    events: [],
  };
}

/** Validates parsed JSON as a record; throws RecordError naming the JSON path and the problem. */
export function parseRecord(data: unknown): SessionRecord {
  const result = recordSchema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = `$${(issue?.path ?? []).map((k) => (typeof k === "number" ? `[${k}]` : `.${String(k)}`)).join("")}`;
  throw new RecordError(`${path}: ${issue?.message ?? "invalid record"}`);
}

/** Replays a record from the start. Throws RecordError if it belongs elsewhere or an event is refused. */
export function replayRecord(env: Env, record: SessionRecord): Session {
  if (record.scenario.id !== env.scenario.id || record.scenario.hash !== env.scenarioHash)
    throw new RecordError(
      `record is for ${record.scenario.id}@${record.scenario.hash}; this scenario is ${env.scenario.id}@${env.scenarioHash}`,
    );
  if (record.engine !== ENGINE_VERSION)
    throw new RecordError(
      `record was made by engine ${record.engine}; this engine is ${ENGINE_VERSION}, whose rules may differ`,
    );
  const problem = checkSeats(env, record.seats);
  if (problem) throw new RecordError(`$.seats: ${problem}`);
  let session = createSession(env, record.seed, record.seats);
  record.events.forEach((event, i) => {
    const result = applyParsed(session, event);
    if (!result.ok) throw new RecordError(`$.events[${i}] (${event.type}) was refused: ${result.reason}`);
    session = result.session;
  });
  return session;
}
