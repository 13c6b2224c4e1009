/**
 * Who did what, when, in a session's durable store: joins, actions (by the event's position in the log),
 * seat changes, removals and blocks, with the server's wall-clock time. Kept beside the event log, never in
 * it: the record replays without names; the facilitator's export adds them (src/server/peopleRecord.ts).
 * A block's row also keeps the hashed token and the device it refuses from then on.
 */
import type { DatabaseSync, StatementSync } from "node:sqlite";
import type { Seating } from "../net/protocol.ts";
import type { SeatId } from "../sim/state.ts";

export type PeopleEventKind = "roster" | "join" | "rejoin" | "act" | "seat" | "speaker" | "remove" | "block";

export interface PeopleEvent {
  at: number; // wall clock, ms since the epoch
  kind: PeopleEventKind;
  player: string;
  name: string;
  seat: SeatId | null;
  seq: number | null; // for an act: the event's position in the record
  detail: string; // the act's event type, the seat's role, the roster's seating, a block's token hash and device
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS people_log (
  code TEXT NOT NULL, at INTEGER NOT NULL, kind TEXT NOT NULL, player TEXT NOT NULL, name TEXT NOT NULL,
  seat TEXT, seq INTEGER, detail TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS people_log_code ON people_log (code);
`;

export class PeopleLog {
  private readonly add: StatementSync;
  private readonly rows: StatementSync;

  constructor(db: DatabaseSync) {
    db.exec(SCHEMA);
    this.add = db.prepare(
      "INSERT INTO people_log (code, at, kind, player, name, seat, seq, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    );
    this.rows = db.prepare(
      "SELECT at, kind, player, name, seat, seq, detail FROM people_log WHERE code = ? ORDER BY rowid",
    );
  }

  append(code: string, e: PeopleEvent): void {
    this.add.run(code, e.at, e.kind, e.player, e.name, e.seat, e.seq, e.detail);
  }

  events(code: string): PeopleEvent[] {
    return this.rows.all(code) as unknown as PeopleEvent[];
  }
}

/** What a session's people log says about blocks and seating: refused tokens and devices, the last seating. */
export function readBlocks(events: readonly PeopleEvent[]): {
  tokens: Set<string>;
  devices: Set<string>;
  seating: Seating | null;
} {
  const tokens = new Set<string>();
  const devices = new Set<string>();
  let seating: Seating | null = null;
  for (const e of events) {
    if (e.kind === "block") {
      const { token, device } = JSON.parse(e.detail) as { token?: string; device?: string };
      if (token) tokens.add(token);
      if (device) devices.add(device);
    } else if (e.kind === "roster") seating = e.detail as Seating;
  }
  return { tokens, devices, seating };
}
