/**
 * The people part of the facilitator's export: who played which seat, in which team, when each person
 * joined and when each act was sent (the server's wall clock, ISO 8601), linked to the record's events by
 * position. Only the facilitator's download carries it; the record itself (seed, seats, events) never names
 * anyone, so it can be shared as it is.
 */
import type { Seating } from "../net/protocol.ts";
import type { SeatId } from "../sim/state.ts";
import { PeopleLog, readBlocks } from "./peopleLog.ts";
import type { Store } from "./store.ts";

export interface PeopleRecord {
  note: string;
  seating: Seating | null;
  members: {
    name: string;
    seat: SeatId | null;
    role: "speaker" | "adviser" | null; // null: waiting for a seat
    fromClassList: boolean;
    joinedAt: string | null; // null: on the class list, never joined
  }[];
  timeline: {
    at: string;
    kind: string; // roster, join, rejoin, act, seat, speaker, remove, block
    name: string;
    seat: SeatId | null;
    event: number | null; // for an act: its index in `events`
    detail: string; // an act's event type, a seat's role, how the list was seated
  }[];
}

const NOTE =
  "Names are the facilitator's: keep this file private. Times are the server's clock (UTC). `event` is an index into `events`.";

const iso = (ms: number): string => new Date(ms).toISOString();

/** The people of session `code` as the durable store has them (running or over, this process or another). */
export function peopleRecord(store: Store, code: string): PeopleRecord {
  const events = new PeopleLog(store.database).events(code);
  return {
    note: NOTE,
    seating: readBlocks(events).seating,
    members: store.players(code).map((p) => ({
      name: p.name,
      seat: p.seat,
      role: p.seat ? (p.adviser ? "adviser" : "speaker") : null,
      fromClassList: p.roster ?? false,
      joinedAt: p.joinedAt ? iso(p.joinedAt) : null,
    })),
    timeline: events.map((e) => ({
      at: iso(e.at),
      kind: e.kind,
      name: e.name,
      seat: e.seat,
      event: e.seq,
      detail: e.kind === "block" ? "device blocked" : e.detail,
    })),
  };
}
