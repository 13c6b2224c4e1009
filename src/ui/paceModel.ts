/**
 * How long a solo game takes at a pace: the wall time of a sequence of engine events as the Director would
 * play it (its waits come from pace.ts, the same numbers the Director uses), with a player who reads the
 * briefing and each incident card and thinks over the chair's decisions. The game lengths on the scenario
 * cards and in `npm run bench` come from here. No DOM: testable in node.
 */
import { nextSystemEvent } from "../sim/autopilot.ts";
import { aiBot } from "../sim/bots/aiBot.ts";
import { botSeats, playWithBot } from "../sim/bots/play.ts";
import type { EngineEvent } from "../sim/events.ts";
import { applyParsed, createSession, phaseOf, type Session, stateOf } from "../sim/session.ts";
import type { Env, SeatId } from "../sim/state.ts";
import { FIRST_STEP_MS, type Pace, type PaceTimings, paceTimings, waitAfterMs } from "./pace.ts";

/**
 * The player the model assumes, the same at every pace (a pace sets the table's tempo, not the reader's):
 * reading speed for the briefing and incident cards, a look at the table per card, a chair's time to decide
 * what to table when the rounds are spent, and how long before the table moves on a player acts on a round.
 */
export const READER = { wordsPerMinute: 160, glanceMs: 15_000, decideMs: 75_000, leadMs: 1_000 };

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** What the player reads before moving on from the briefing or an incident card. */
function cardWords(session: Session): number {
  const s = stateOf(session);
  const scenario = session.env.scenario;
  if (phaseOf(session) === "briefing") {
    const seat = s.role;
    const brief = seat === "chair" ? "" : (scenario.roleCards[seat]?.brief ?? "");
    return words(scenario.summary) + words(brief) + 40; // the seat's part and objectives
  }
  const id = s.injects[s.injects.length - 1]?.id;
  const inject = [...scenario.injects, ...scenario.optionalInjects].find((i) => i.id === id);
  return inject ? words(inject.title) + words(inject.text) + 3 * inject.sectors.length : 0;
}

/** The player's time over the briefing or an incident card. */
export function readingMs(session: Session): number {
  return READER.glanceMs + Math.round((cardWords(session) / READER.wordsPerMinute) * 60_000);
}

/** One event of the game and the wall time (ms since the council screen opened) it happened at. */
export interface Beat {
  at: number;
  event: EngineEvent;
  director: boolean; // sent by the Director (else by the player, or by the player's "continue")
}

/**
 * The wall time of `events` played from `start` at `t`. The Director sends system events when its wait runs
 * out (a silence deadline after the countdown); the player moves on from the briefing and incident cards after
 * reading them, decides as chair after the round's wait when the table waits for the chair, and otherwise acts
 * inside the table's wait (a move that changes the phase, such as tabling, just before the wait ends).
 */
export function paceTimeline(t: PaceTimings, start: Session, events: readonly EngineEvent[]): Beat[] {
  const beats: Beat[] = [];
  let session = start;
  let now = 0;
  let due = FIRST_STEP_MS; // when the Director's pending step runs
  for (const event of events) {
    const phase = phaseOf(session);
    const cardStep = phase === "briefing" || phase === "incident";
    const director = event.by === "system" && !cardStep;
    let at: number;
    if (cardStep) at = now + readingMs(session);
    else if (director) at = phase === "decision" ? due + t.silenceSeconds * 1000 : due;
    else if (nextSystemEvent(session) === null) at = Math.max(now, due) + READER.decideMs;
    else at = now;
    const result = applyParsed(session, event);
    if (!result.ok) throw new Error(`${event.type} was refused: ${result.reason}`);
    const after = result.session;
    if (!director && !cardStep && phaseOf(after) !== phase && at === now) at = Math.max(now, due - READER.leadMs);
    if (director) due = at + waitAfterMs(t, session, after);
    else if (cardStep || phaseOf(after) !== phase || at >= due) due = at + t.afterPlayerMs;
    beats.push({ at, event: result.event, director });
    session = after;
    now = at;
  }
  return beats;
}

/** Wall time of a whole game, in ms: when its last event happened. */
export function wallTimeMs(t: PaceTimings, start: Session, events: readonly EngineEvent[]): number {
  return paceTimeline(t, start, events).at(-1)?.at ?? 0;
}

/** A game as autoplay plays it: the `ai` bot in the player's seat, the built-in AI everywhere else. */
export function autoplayGame(env: Env, seed: number, seat: SeatId): { start: Session; events: EngineEvent[] } {
  const { events } = playWithBot(env, seed, seat, aiBot);
  return { start: createSession(env, seed, botSeats(seat)), events };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Minutes one autoplayed game takes at each pace. */
export function gameMinutes(env: Env, seed: number, seat: SeatId = "chair"): Record<Pace, number> {
  const { start, events } = autoplayGame(env, seed, seat);
  const at = (pace: Pace) => wallTimeMs(paceTimings(pace), start, events) / 60_000;
  return { relaxed: at("relaxed"), standard: at("standard"), brisk: at("brisk") };
}

/** The median at each pace of several games' minutes. */
export function medianMinutes(games: readonly Record<Pace, number>[]): Record<Pace, number> {
  const at = (pace: Pace) => median(games.map((g) => g[pace]));
  return { relaxed: at("relaxed"), standard: at("standard"), brisk: at("brisk") };
}

/** Median game length in minutes at each pace over `seeds`, autoplay in `seat` (default: the chair). */
export function gameLengths(env: Env, seeds: readonly number[], seat: SeatId = "chair"): Record<Pace, number> {
  return medianMinutes(seeds.map((seed) => gameMinutes(env, seed, seat)));
}

/** How a scenario card states the measured lengths: "About 24 min at standard pace · 32 relaxed · 13 brisk". */
export function lengthText(m: Record<Pace, number>): string {
  const r = (x: number) => Math.round(x);
  return `About ${r(m.standard)} min at standard pace · ${r(m.relaxed)} relaxed · ${r(m.brisk)} brisk`;
}

/** The range a scenario card promises ("20–30 minutes"), in minutes; null when it cannot be read. */
export function cardRange(length: string): { min: number; max: number } | null {
  const m = /(\d+)\s*[–-]\s*(\d+)\s*min/.exec(length);
  return m ? { min: Number(m[1]), max: Number(m[2]) } : null;
}

/** Seeds for the game-length figures (bench and tests): the first `count`. */
export function lengthSeeds(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i + 1);
}
