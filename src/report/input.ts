/**
 * Reading a record for a report: a plain record, a `{ record, … }` wrapper, or a facilitator's classroom
 * export that also carries the students' names, teams and wall-clock times. Whatever of those a file has is
 * read; what it lacks is left out, and the report degrades to seats and game time. Pure.
 */
import { eventSchema } from "../sim/events.ts";
import { parseRecord, type SessionRecord } from "../sim/record.ts";
import type { Person } from "./model.ts";

export interface ReportInput {
  record: SessionRecord;
  people: Person[];
  wall: (string | undefined)[]; // wall-clock time of each event, where the record has one
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === "object" && x !== null && !Array.isArray(x);
const text = (x: unknown): string | undefined => (typeof x === "string" && x.trim() ? x.trim() : undefined);

/** The keys each event type may carry, from the engine's own schema. */
const EVENT_KEYS = new Map<string, Set<string>>(
  eventSchema.options.map((o) => [String(o.shape.type.value), new Set(Object.keys(o.shape))]),
);
const WALL_KEYS = ["at", "time", "wall", "wallClock", "clock", "ts", "timestamp"];

/** An event with only the keys the engine knows (a classroom export may add times and names). */
function engineEvent(e: unknown): unknown {
  if (!isObj(e)) return e;
  const keys = EVENT_KEYS.get(String(e.type));
  if (!keys) return e;
  return Object.fromEntries(Object.entries(e).filter(([k]) => keys.has(k)));
}

/** A wall-clock time as ISO text, from an ISO string or epoch milliseconds. */
function wallOf(x: unknown): string | undefined {
  if (typeof x === "number" && Number.isFinite(x) && x > 1e11) return new Date(x).toISOString();
  const t = text(x);
  return t && /^\d{4}-\d{2}-\d{2}T/.test(t) ? t : undefined;
}

/** The record inside a file: the object itself, or its `record` field. */
function recordPart(data: unknown): Obj {
  if (isObj(data) && isObj(data.record)) return data.record;
  if (isObj(data)) return data;
  throw new Error("$: expected a session record (a JSON object)");
}

/** A seat's people from one entry of a list: { name, seat | ally | code, team }. */
function personOf(x: unknown): Person | null {
  if (!isObj(x)) return null;
  const name = text(x.name) ?? text(x.student) ?? text(x.displayName);
  const seat = text(x.seat) ?? text(x.ally) ?? text(x.code);
  if (!name || !seat) return null;
  const norm = seat.toLowerCase() === "chair" ? "chair" : seat.toUpperCase();
  if (norm !== "chair" && !/^[A-Z]{3}$/.test(norm)) return null;
  const team = text(x.team) ?? (isObj(x.team) ? text(x.team.name) : undefined);
  const role = x.role === "speaker" || x.role === "adviser" ? x.role : undefined;
  return { name, seat: norm, ...(team ? { team } : {}), ...(role ? { role } : {}) };
}

/** People named by seat in a map: { EST: "Ana" } or { EST: ["Ana", "Ben"] } or { EST: { team, members } }. */
function peopleFromMap(map: Obj): Person[] {
  const out: Person[] = [];
  for (const [seat, v] of Object.entries(map)) {
    const names = typeof v === "string" ? [v] : Array.isArray(v) ? v : isObj(v) ? (v.members ?? v.names ?? v.name) : [];
    const team = isObj(v) ? (text(v.team) ?? text(v.name)) : undefined;
    const list = Array.isArray(names) ? names : [names];
    for (const n of list) {
      const p = personOf({
        name: isObj(n) ? n.name : n,
        seat,
        team: isObj(v) && Array.isArray(names) ? team : undefined,
      });
      if (p) out.push(p);
    }
  }
  return out;
}

/** Every list or map of people the file carries, at the top level, beside the record, or in its seats. */
function peopleOf(data: unknown, rec: Obj): Person[] {
  const places: unknown[] = [];
  for (const holder of [data, rec, rec.seats, isObj(data) ? data.classroom : undefined])
    if (isObj(holder))
      for (const key of ["people", "roster", "players", "students", "names", "delegates", "teams"])
        places.push(holder[key]);
  const out: Person[] = [];
  for (const place of places) {
    if (Array.isArray(place)) {
      for (const x of place) {
        const p = personOf(x);
        if (p) out.push(p);
        else if (isObj(x) && Array.isArray(x.members))
          for (const m of x.members) {
            const q = personOf({ ...(isObj(m) ? m : { name: m }), seat: x.seat ?? x.ally, team: x.name ?? x.team });
            if (q) out.push(q);
          }
      }
    } else if (isObj(place) && Array.isArray(place.members)) {
      // The facilitator's export: { members: [{ name, seat, role }], timeline: [...] }.
      for (const m of place.members) {
        const p = personOf(m);
        if (p) out.push(p);
      }
    } else if (isObj(place)) out.push(...peopleFromMap(place));
  }
  const seen = new Set<string>();
  return out.filter((p) => {
    const key = `${p.seat}|${p.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Wall-clock times of people's acts from a people timeline: [{ at, kind: "act", event: <index in events> }]. */
function actTimes(data: unknown, rec: Obj): Map<number, string> {
  const out = new Map<number, string>();
  for (const holder of [data, rec])
    if (isObj(holder) && isObj(holder.people) && Array.isArray(holder.people.timeline))
      for (const t of holder.people.timeline)
        if (isObj(t) && t.kind === "act" && typeof t.event === "number") {
          const at = wallOf(t.at);
          if (at) out.set(t.event, at);
        }
  return out;
}

/** Reads a record file's JSON for a report. Throws RecordError (naming the JSON path) when it is no record. */
export function readReportInput(data: unknown): ReportInput {
  const rec = recordPart(data);
  const events = Array.isArray(rec.events) ? rec.events : [];
  const seats = isObj(rec.seats) ? rec.seats : {};
  const clean = {
    format: rec.format,
    engine: rec.engine,
    scenario: rec.scenario,
    seed: rec.seed,
    seats: { role: seats.role, chair: seats.chair, humans: seats.humans },
    events: events.map(engineEvent),
  };
  const record = parseRecord(clean);
  const times = isObj(data) && Array.isArray(data.times) ? data.times : Array.isArray(rec.times) ? rec.times : [];
  const acts = actTimes(data, rec);
  const wall = events.map((e, i) => {
    const own = isObj(e) ? WALL_KEYS.map((k) => wallOf(e[k])).find((t) => t) : undefined;
    return own ?? wallOf(times[i]) ?? acts.get(i);
  });
  return { record, people: peopleOf(data, rec), wall };
}

/** The JSON export: the record file as it was read (a wrapper keeps its names and times) with the report beside it. */
export function recordWithReport(data: unknown, report: unknown): Record<string, unknown> {
  if (data === null || data === undefined) return { report };
  return isObj(data) && isObj(data.record) ? { ...data, report } : { record: data, report };
}
