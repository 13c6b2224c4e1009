/**
 * The soak's bookkeeping, without a network: what a client was told the server accepted, and whether the
 * session's durable record still holds each of those events at the end. A client knows where its event went
 * only within a window: at or after the events it had seen when it sent the action (the server had those
 * already), and before the events it had seen when the verdict came (the server sends an action's views
 * before its result). An acknowledged event is lost when no event of its kind by its sender is in that window
 * of the record — each record event counts for one acknowledgement at most.
 */

/** An action the server acknowledged (its result said ok). */
export interface Acknowledged {
  by: string; // the seat ("EST") or "system" for the facilitator's notes
  type: string; // the engine event's type
  from: number; // events the client had seen when it sent the action
  to: number; // events the client had seen when the acknowledgement arrived
  text?: string; // the event's own words, when it has some (statements, notes): must match too
}

/** The fields of a record event the count reads. */
export interface RecordedEvent {
  type: string;
  by?: string;
  text?: unknown;
}

/** Acknowledged events that the record does not hold (in the order given). */
export function lostEvents(acks: readonly Acknowledged[], record: readonly RecordedEvent[]): Acknowledged[] {
  const used = new Set<number>();
  const lost = new Set<Acknowledged>();
  const ordered = [...acks].sort((a, b) => a.to - b.to || a.from - b.from); // narrowest claims first
  for (const ack of ordered) {
    let found = -1;
    for (let i = Math.max(0, ack.from); i < Math.min(ack.to, record.length); i++) {
      const e = record[i];
      if (!e || used.has(i) || e.type !== ack.type || e.by !== ack.by) continue;
      if (ack.text !== undefined && e.text !== ack.text) continue;
      found = i;
      break;
    }
    if (found < 0) lost.add(ack);
    else used.add(found);
  }
  return acks.filter((a) => lost.has(a));
}

/** Who sat where, by delegate name (the facilitator's seat rows). */
export type Seating = ReadonlyMap<string, string>;

/** Seats at the table as the facilitator sees them: name → seat, for seats a person holds. */
export function seatingOf(seats: readonly { ally: string; name: string }[]): Map<string, string> {
  return new Map(seats.filter((s) => s.name).map((s) => [s.name, s.ally]));
}

/** How many of the delegates seated at `start` hold the same seat in `end` (and how many there were). */
export function seatsKept(start: Seating, end: Seating): { kept: number; of: number } {
  let kept = 0;
  for (const [name, seat] of start) if (end.get(name) === seat) kept++;
  return { kept, of: start.size };
}

/** The soak's running totals, summed over every session of every classroom. */
export interface SoakTotals {
  sessions: number; // sessions created
  ended: number; // sessions that reached the debrief or were ended, and whose record was checked
  acknowledged: number; // actions the server acknowledged, in the checked sessions
  lost: number; // of those, not in the record
  seatsKept: number; // delegates holding the seat they started in, at each checked session's end
  seatsOf: number;
  seatsBack: number; // of those, connected to it then (the others were still coming back)
  drops: number; // connections cut under a student (the SDK reconnects)
  rejoins: number; // students who came back with a fresh join and their seat token
  refused: number; // actions the server refused (not errors: e.g. a statement after the round closed)
  repeats: number; // answered ok as a repeat of the sender's previous action, so not written again
  refusals: Record<string, number>; // the refusals' reasons, counted
  lockedOut: number; // people who could not join (again) for three minutes of attempts
  failed: number; // sessions that could not run (not everyone seated within a minute), begun again
  unanswered: number; // actions without a verdict (sent as a connection or the server died)
}

export const newTotals = (): SoakTotals => ({
  sessions: 0,
  ended: 0,
  acknowledged: 0,
  lost: 0,
  seatsKept: 0,
  seatsOf: 0,
  seatsBack: 0,
  drops: 0,
  rejoins: 0,
  refused: 0,
  repeats: 0,
  refusals: {},
  lockedOut: 0,
  failed: 0,
  unanswered: 0,
});
