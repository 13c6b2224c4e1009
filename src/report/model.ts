/**
 * The after-action report as plain data: everything the Markdown, HTML, CSV and in-game debrief show, built
 * from a session record and its scenario (src/report/build.ts). JSON-able; no DOM, no clock, no file system.
 */
import type { StanceKind } from "../sim/state.ts";

/** Who played a seat in a classroom, when the facilitator's record names them. */
export interface Person {
  name: string;
  seat: string; // "chair" or an ally code
  team?: string;
  role?: "speaker" | "adviser"; // in a delegation of several: who speaks, who advises
}

/** What kind of moment a timeline item is, for filters, colours and the events CSV. */
export type TimelineKind =
  | "inject"
  | "evidence"
  | "confidence"
  | "round"
  | "statement"
  | "talk"
  | "draft"
  | "break"
  | "reservation"
  | "decision"
  | "coalition"
  | "response"
  | "phase"
  | "other";

/** One line said at a moment (a round's stances, a procedure's reservations), in the delegation's words. */
export interface SaidItem {
  code: string;
  name: string;
  text: string;
  detail: string; // the figures behind it; "" when none
}

/** One moment of the crisis, in game time (and wall-clock time when the record carries it). */
export interface TimelineItem {
  seq: number; // order in the report
  hour: number; // game hours since the scenario's start (never runs backwards)
  day: number;
  when: string; // "Day 2, 14:00"
  wall?: string; // wall-clock time from a classroom record
  kind: TimelineKind;
  code?: string; // the ally who acted, if one did
  measures?: string[]; // the measures it concerns, by name
  text: string;
  detail?: string;
  said?: SaidItem[];
}

/** The crisis's numbers over game time: the Council's harm and each ally's confidence and harm. */
export interface Series {
  hours: number[];
  councilHarm: number[]; // the median ally's severity assessment (0..1)
  medianConfidence: number[]; // the median ally's confidence that a state is behind it (0..1)
  allies: { code: string; name: string; victim: boolean; confidence: number[]; harm: number[] }[];
}

/** Each ally's stance in one consultation round (null: not yet stated). */
export interface RoundColumn {
  round: number;
  hour: number;
  when: string;
  stances: (StanceKind | null)[]; // in seating order, as Report.allies
}

/** What an ally did when one draft went under the silence procedure. */
export type SilenceAct = "kept silence" | "broke silence" | "reservation";

/** One draft tabled under the silence procedure, and each ally's stance on it. */
export interface DraftRecord {
  number: number; // 1, 2, … over the session
  cycle: number;
  attempt: number;
  hour: number;
  when: string;
  measures: string[]; // as worded in the text
  separate: string[]; // measures decided separately (a split package)
  adopted: string[]; // what passed
  fell: string[]; // what fell
  allies: {
    code: string;
    before: StanceKind | null; // its stance in the last round before tabling
    act: SilenceAct;
    on: string[]; // what a break named (empty: the whole text)
    words: string; // its break or reservation in words; "" when it kept silence
  }[];
}

/** One ally's course through the session. */
export interface AllyReport {
  code: string;
  name: string;
  playedBy: "ai" | "person";
  people: Person[]; // students or a team, in a classroom record
  victim: boolean;
  finalStance: StanceKind | null;
  finalConfidence: number | null; // null where this view hides the ally's own reading (a networked view)
  finalHarm: number;
  breaks: number; // silence procedures in which it broke silence
  reservations: number; // silence procedures in which it kept silence with a reservation
  history: { hour: number; when: string; text: string }[];
  arguments: string[]; // what it argued at the table, in words
  talks: string[]; // corridor talks it held or was held with
}

/** A score, and what raised or lowered it, in words. */
export interface ScoreReport {
  key: string;
  label: string;
  value: number;
  higherIsBetter: boolean;
  meaning: string;
  because: string[];
}

/** Questions for the discussion, for one role. */
export interface QuestionSet {
  role: string; // "chair" or an ally code
  label: string; // "The Secretary General (chair)", "Estonia"
  questions: string[];
}

export interface Report {
  meta: {
    title: string;
    scenarioId: string;
    scenarioDate: string;
    kind: string;
    seed: number;
    engine: string;
    scenarioHash: string;
    role: string;
    roleName: string;
    chair: "ai" | "human";
    days: number;
    stateHash: string;
    finished: boolean;
    fromRecord: boolean; // false when built from a networked view without the full record
  };
  outcome: { key: string; sentence: string; adopted: string[]; coalition: string[]; reactions: string[] };
  history: { outcome: string; text: string; measures: string[]; comparison: string[]; truth: string };
  scores: ScoreReport[];
  objectives: { text: string; met: boolean }[];
  timeline: TimelineItem[];
  series: Series;
  rounds: RoundColumn[];
  drafts: DraftRecord[];
  allies: AllyReport[];
  people: Person[];
  teachingPoints: string[];
  sources: { label: string; urls: string[] }[];
  questions: QuestionSet[];
}
