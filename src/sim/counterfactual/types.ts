/** The data of a counterfactual search: the changes it tries, what a rerun gives, and the flips it reports. */
import type { EngineEvent } from "../events.ts";
import type { MeasureId } from "../measures.ts";
import type { AllyParams } from "../scenarioSchema.ts";
import type { Outcome } from "../scoring.ts";
import type { AllyCode } from "../state.ts";

/** The scalar profile parameters a change may move. */
export type ParamName = Exclude<keyof AllyParams, "instruments">;

/**
 * One change to a record. `at` is the index of the record's event where the changed crisis parts from the
 * recorded one: everything before it is replayed exactly; from it on, the crisis is re-run.
 */
export type Edit =
  | { kind: "withdraw"; at: number; event: EngineEvent } // a person's move at `at` is taken back
  | { kind: "replace"; at: number; event: EngineEvent; was: EngineEvent } // a person's move made differently
  | { kind: "insert"; at: number; event: EngineEvent } // a move a person could have made just before event `at`
  | { kind: "wait"; at: number; event: EngineEvent } // a person chairing awaits evidence, then tables the same draft
  | {
      kind: "chairText"; // the AI chair's draft of one cycle and attempt tabled differently
      at: number;
      cycle: number;
      attempt: number;
      measure: MeasureId;
      change: "soften" | "split";
    }
  | { kind: "threshold"; at: 0; ally: AllyCode; param: ParamName; from: number; to: number } // one ally's profile
  | { kind: "evidence"; at: number; evidence: string; afterHours: number; wasHours: number }; // evidence arriving sooner

/** What a rerun of the crisis gave. */
export interface RunOutcome {
  finished: boolean; // reached the debrief (a stuck or runaway rerun is never reported as a flip)
  applied: boolean; // the change itself took effect (an inserted move the engine refused changes nothing)
  outcome: Outcome;
  adopted: MeasureId[];
  breakers: number; // allies who broke silence on the last draft of the last cycle (how close it came)
  dropped: number; // recorded moves that no longer fitted the changed crisis and were left out
  stoodIn: number; // moves the AI made for a person's seat beyond what the record held
}

/** A change that flips the outcome, in data and in words. */
export interface Flip {
  edits: Edit[];
  sentence: string; // "Had you met Hungary before the draft was tabled and offered reassurance, the text would have passed."
  before: { outcome: Outcome; adopted: MeasureId[] };
  after: { outcome: Outcome; adopted: MeasureId[] };
  classFlip: boolean; // the outcome class changed, not only the measures adopted
  dropped: number;
  stoodIn: number;
  cost: number; // the size of the change, as ranked (smaller first)
}

export interface SearchOptions {
  maxSingles?: number; // single changes tried at most (default 90)
  maxPairs?: number; // pairs tried at most when singles find fewer than `top` flips (default 24)
  top?: number; // flips returned (default 3)
}

export interface SearchResult {
  flips: Flip[];
  tried: number; // reruns made
  baseline: { outcome: Outcome; adopted: MeasureId[] };
  reproducible: boolean; // the record re-runs to its own outcome (otherwise nothing is reported)
}
