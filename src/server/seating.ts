/**
 * Where a class sits. Seats are filled in an order read from the scenario's data, never from its name: the
 * chair when a person chairs, the allies the scenario wrote role cards for, then the allies its injects hit,
 * then the others by the capability they bring to the table (cyber capability at the scenario's date), so a
 * small class plays the seats that matter and the AI the rest. At random, the order is shuffled from the
 * session's code and seed: the same session always seats the same way. Pure (hashing aside).
 */
import { createHash } from "node:crypto";
import type { Seating } from "../net/protocol.ts";
import type { RosterLine } from "../net/roster.ts";
import type { Env, SeatId } from "../sim/state.ts";

/** People in one delegation at most: its speaker and three advisers. */
export const MAX_TEAM = 4;

/** The seats in the order key roles first. */
export function keyRoleOrder(env: Env, humanChair: boolean): SeatId[] {
  const seated = (code: string) => env.index.has(code);
  const cards = Object.keys(env.scenario.roleCards).filter(seated);
  const hit = env.scenario.injects.flatMap((i) => i.targets).filter(seated);
  const byWeight = env.profiles
    .map((p, i) => ({ code: p.code, weight: env.means[i]?.cyberCapability ?? 0, i }))
    .sort((a, b) => b.weight - a.weight || a.i - b.i)
    .map((x) => x.code);
  const order = [...new Set([...cards, ...hit, ...byWeight])];
  return humanChair ? ["chair", ...order] : order;
}

/** The same seats shuffled by a generator seeded from `key` (the session's code and seed). */
export function shuffledOrder(seats: readonly SeatId[], key: string): SeatId[] {
  const out = [...seats];
  let block = Buffer.alloc(0);
  let counter = 0;
  let at = 0;
  const next = (): number => {
    if (at + 4 > block.length) {
      block = createHash("sha256").update(`${key}:${counter++}`).digest();
      at = 0;
    }
    const value = block.readUInt32BE(at);
    at += 4;
    return value;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = next() % (i + 1);
    [out[i], out[j]] = [out[j] as SeatId, out[i] as SeatId];
  }
  return out;
}

/** The order free seats are offered in, for a session seated by `seating` (key roles unless at random). */
export function seatOrder(env: Env, humanChair: boolean, seating: Seating | null, key: string): SeatId[] {
  const order = keyRoleOrder(env, humanChair);
  return seating === "random" ? shuffledOrder(order, key) : order;
}

/** One person of the list and the place planned for them (no seat: they wait, or the facilitator seats them). */
export interface PlannedSeat {
  name: string;
  seat: SeatId | null;
  adviser: boolean;
}

/** What a line's team names: a seat (an ally's code or name, the chair) or a label grouping a delegation. */
function teamSeat(env: Env, humanChair: boolean, team: string): SeatId | null {
  const t = team.trim().toLowerCase();
  if (/^(chair|the chair|secretary[ -]general|sg)$/.test(t)) return humanChair ? "chair" : null;
  const ally = env.profiles.find((p) => p.code.toLowerCase() === t || p.name.toLowerCase() === t);
  return ally?.code ?? null;
}

/**
 * Plans seats for a list. Lines that name a seat go there (its first name speaks, the others advise); lines
 * that share a label form a delegation at the next free seat in `order`; the other names take free seats in
 * `order`, `teamSize` to a seat, and once every seat is taken they join the delegations as advisers, in order
 * (at most MAX_TEAM to a delegation; beyond that they wait). By hand, only lines that name a seat are placed.
 * `held` are the seats people already hold (their holders stay).
 */
export function planSeats(
  env: Env,
  lines: readonly RosterLine[],
  order: readonly SeatId[],
  options: { seating: Seating; teamSize: number; held: ReadonlySet<SeatId>; humanChair: boolean },
): PlannedSeat[] {
  const size = new Map<SeatId, number>([...options.held].map((s) => [s, 1]));
  const plan: PlannedSeat[] = [];
  const place = (name: string, seat: SeatId | null) => {
    const n = seat ? (size.get(seat) ?? 0) : 0;
    if (!seat || n >= MAX_TEAM) return plan.push({ name, seat: null, adviser: false });
    size.set(seat, n + 1);
    return plan.push({ name, seat, adviser: n > 0 });
  };
  const nextFree = () => order.find((s) => !size.has(s)) ?? null;
  const singles: string[] = [];
  const groups = new Map<string, string[]>();
  for (const line of lines) {
    const seat = line.team ? teamSeat(env, options.humanChair, line.team) : null;
    if (seat) place(line.name, seat);
    else if (line.team)
      groups.set(line.team.toLowerCase(), [...(groups.get(line.team.toLowerCase()) ?? []), line.name]);
    else singles.push(line.name);
  }
  for (const members of groups.values()) {
    const seat = nextFree();
    for (const name of members) place(name, seat);
  }
  if (options.seating === "hand") {
    for (const name of singles) plan.push({ name, seat: null, adviser: false });
    return plan;
  }
  const k = Math.max(1, Math.min(MAX_TEAM, options.teamSize));
  for (let i = 0; i < singles.length; i += k) {
    const seat = nextFree();
    if (!seat) {
      joinTeams(singles.slice(i), order, size, place);
      break;
    }
    for (const name of singles.slice(i, i + k)) place(name, seat);
  }
  return plan;
}

/** Names beyond the seats join delegations as advisers, one to each in order, smallest teams first. */
function joinTeams(
  names: readonly string[],
  order: readonly SeatId[],
  size: Map<SeatId, number>,
  place: (name: string, seat: SeatId | null) => void,
): void {
  for (const name of names) {
    const open = order.filter((s) => (size.get(s) ?? 0) < MAX_TEAM);
    const smallest = Math.min(...open.map((s) => size.get(s) ?? 0));
    place(name, open.find((s) => (size.get(s) ?? 0) === smallest) ?? null);
  }
}
