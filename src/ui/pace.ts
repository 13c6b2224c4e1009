/**
 * The pace of a solo game: how long the Council takes over each step, so that a player can read a round and
 * plan a move. One table of timings per pace; the Director waits what `waitAfterMs` says, and the game-length
 * model (paceModel.ts) adds up the same waits, so the two cannot drift apart. No DOM: testable in node.
 */
import { phaseOf, type Session, stateOf } from "../sim/session.ts";
import type { LogEntry } from "../sim/state.ts";

export const PACES = ["relaxed", "standard", "brisk"] as const;
export type Pace = (typeof PACES)[number];
export const DEFAULT_PACE: Pace = "standard";
/** Storage key of the pace the player chose last. */
export const PACE_KEY = "case-by-case.pace";

/** How long the table takes over each kind of step, in milliseconds of wall time. */
export interface PaceTimings {
  pace: Pace;
  /** Any step the Director takes, before what it brought is counted. */
  stepMs: number;
  /** Extra for an attribution step: hours pass while the capitals weigh the evidence. */
  attributionMs: number;
  /** Each new item to read: a piece of evidence, shared intelligence, a request, an argument, a break. */
  perItemMs: number;
  /** Extra for a consultation round, before its statements. */
  roundMs: number;
  /** Each ally's statement in a round (up to `statementsRead` of them; beyond that a reader skims). */
  perStatementMs: number;
  /** Extra when a draft is tabled: the player reads the text before the countdown starts. */
  tabledMs: number;
  /** Extra for reading the outcome of a silence procedure (adopted, or who broke). */
  outcomeMs: number;
  /** The countdown the player has to break silence (whole seconds, shown on screen). */
  silenceSeconds: number;
  /** The table's answer after a move of the player's that changed the phase (or that it was waiting for). */
  afterPlayerMs: number;
}

/** The Director's first step after the council screen opens (the pace model starts its clock there too). */
export const FIRST_STEP_MS = 400;

/** Statements a reader takes in one by one; a longer round is skimmed. */
export const STATEMENTS_READ = 12;

const TIMINGS: Readonly<Record<Pace, PaceTimings>> = {
  relaxed: {
    pace: "relaxed",
    stepMs: 9_000,
    attributionMs: 45_000,
    perItemMs: 18_000,
    roundMs: 60_000,
    perStatementMs: 9_000,
    tabledMs: 32_000,
    outcomeMs: 50_000,
    silenceSeconds: 135,
    afterPlayerMs: 1_200,
  },
  standard: {
    pace: "standard",
    stepMs: 6_500,
    attributionMs: 32_000,
    perItemMs: 13_000,
    roundMs: 45_000,
    perStatementMs: 6_500,
    tabledMs: 23_000,
    outcomeMs: 36_000,
    silenceSeconds: 100,
    afterPlayerMs: 900,
  },
  brisk: {
    pace: "brisk",
    stepMs: 3_000,
    attributionMs: 15_000,
    perItemMs: 6_000,
    roundMs: 20_000,
    perStatementMs: 3_000,
    tabledMs: 10_000,
    outcomeMs: 16_000,
    silenceSeconds: 45,
    afterPlayerMs: 600,
  },
};

export function paceTimings(pace: Pace): PaceTimings {
  return TIMINGS[pace];
}

export function isPace(value: unknown): value is Pace {
  return typeof value === "string" && (PACES as readonly string[]).includes(value);
}

/** Words for a pace in the controls. */
export function paceLabel(pace: Pace): string {
  return pace === "relaxed" ? "Relaxed" : pace === "standard" ? "Standard" : "Brisk";
}

/** The pace kept in storage, or the default when none (or storage is disabled). */
export function loadPace(storage: Storage | null): Pace {
  try {
    const saved = storage?.getItem(PACE_KEY);
    return isPace(saved) ? saved : DEFAULT_PACE;
  } catch {
    return DEFAULT_PACE;
  }
}

export function savePace(storage: Storage | null, pace: Pace): void {
  try {
    storage?.setItem(PACE_KEY, pace);
  } catch {
    // Storage disabled: the pace holds for this page only.
  }
}

/** Time to read one log entry the step brought (beyond the step itself). */
function entryMs(t: PaceTimings, e: LogEntry): number {
  switch (e.k) {
    case "round":
      return t.roundMs + t.perStatementMs * Math.min(e.notes.length, STATEMENTS_READ);
    case "statement":
      return t.perStatementMs;
    case "table":
      return t.tabledMs;
    case "silence":
      return t.outcomeMs;
    case "phase":
    case "proposal":
    case "end":
    case "control":
    case "private": // another delegation's act this viewer may not read
      return 0;
    default:
      return t.perItemMs;
  }
}

/**
 * How long the Director waits after a step took the session from `before` to `after`: the step itself, what
 * there is to read (statements, evidence, a tabled draft, the outcome of a silence), and the hours of an
 * attribution step.
 */
export function waitAfterMs(t: PaceTimings, before: Session, after: Session): number {
  const added = stateOf(after).log.slice(stateOf(before).log.length);
  let ms = t.stepMs;
  for (const e of added) ms += entryMs(t, e);
  if (phaseOf(before) === "attribution" && phaseOf(after) === "attribution") ms += t.attributionMs;
  return ms;
}
