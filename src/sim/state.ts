/** The session state: plain, serialisable data. Everything the engine knows lives here or in the scenario. */
import type { MeasureId, Wording, WordingMap } from "./measures.ts";
import type { RngState } from "./rng.ts";
import type { AllyParams, AllyProfile, Evidence, Scenario } from "./scenarioSchema.ts";

export type AllyCode = string;
export type SeatId = "chair" | AllyCode;
export type Controller = "ai" | "human";
export type Phase = "briefing" | "incident" | "attribution" | "consultation" | "decision" | "response" | "debrief";
export type StanceKind = "support" | "undecided" | "oppose";
export type Reaction = "deterred" | "continues" | "escalates";
/** What a seat may offer an ally in corridor talks. */
export type Offer = "none" | "reassurance" | "linkage" | "intelligence" | "legal";
/** The kinds of argument a statement can carry. */
export type ArgumentKind = "evidence" | "solidarity" | "legal" | "escalation";

/** A machine-readable reason behind a stance: which rule, which value, which threshold. */
export interface Reason {
  code:
    | "not_available"
    | "severity_below_threshold"
    | "attribution_below_threshold"
    | "escalation_risk"
    | "economic_cost"
    | "domestic_constraint"
    | "wants_more"
    | "rejects_by_instruction"
    | "supports";
  measure?: MeasureId;
  value: number;
  threshold: number;
}

export interface Position {
  stance: StanceKind;
  round: number;
  hour: number;
  accepts: MeasureId[]; // measures this AI ally can live with (people are read from wants and rejects)
  wants: MeasureId[]; // measures this ally asks for
  wording?: WordingMap; // compromise language a delegation proposes for the measures it asks for
  reasons: Reason[];
}

/** How far talks and arguments have moved an ally this cycle (0 = not at all). */
export interface Sway {
  escalation: number; // relief on escalation costs (reassurance; negative after warnings)
  cost: number; // relief on economic and domestic costs (linkage)
  motivation: number; // added will to act (pleas of solidarity)
  severity: number; // relief on the harm it requires (a legal reading it finds persuasive)
  goodwill: number; // consulted in person: more willing to keep silence with a reservation
}

export interface AllyState {
  code: AllyCode;
  params: AllyParams; // this seed's profile (drawn around the roster's means; private to the seat)
  sway: Sway;
  argued: ArgumentKind[]; // arguments this ally has already put to the table in this cycle
  belief: number[]; // log-weights over ACTOR_TYPES (state, proxy, patriotic, criminal)
  held: string[]; // evidence ids this ally has received
  assisted: boolean; // received technical assistance (better forensics)
  harm: number; // cumulative harm as this ally sees it, decaying slowly
  severity: number; // current legal severity assessment (0..1), cumulative harm included
  position: Position | null; // latest statement
  rejects: MeasureId[]; // measures a human seat said it will not accept (its stated red lines)
}

export interface DrawnEffects {
  disruption: number;
  durationDays: number;
  economicLossMusd: number;
  physicalDamage: number;
  casualties: number;
  dataCompromise: number;
  militaryReadiness: number;
  democraticInstitutions: number;
}

export interface ActiveInject {
  id: string;
  optional: boolean; // played live by a facilitator rather than scheduled
  startHour: number;
  effects: DrawnEffects;
  severity: number; // magnitude through a neutral legal lens (0..1), for display
  evidence: { id: string; dueHour: number; strength: number; delivered: boolean }[];
}

export interface Draft {
  measures: MeasureId[];
  wording: Partial<Record<MeasureId, Wording>>; // measures not in their standard wording
  separate: MeasureId[]; // measures decided separately, each under its own silence procedure; the rest is one package
  tabledHour: number;
  deadlineHour: number;
  attempt: number; // 1 for the first silence procedure of this cycle
  breaks: { by: AllyCode; reason: string; measures: MeasureId[] }[]; // by people before the deadline (no measures: all)
  reserves: { by: AllyCode; text: string }[]; // human seats keeping silence with an interpretative statement
}

export interface Decision {
  cycle: number; // which cycle (scheduled inject) it answered
  injectId: string; // the latest inject when it was decided
  hour: number;
  measures: MeasureId[];
  wording: Partial<Record<MeasureId, Wording>>;
  adopted: boolean;
  brokenBy: AllyCode[];
  reservations: AllyCode[]; // allies who objected but kept silence
}

/** A corridor talk: one seat meets one ally privately; what it heard is the talker's (noisy) reading. */
export interface Talk {
  by: SeatId;
  with: AllyCode;
  hour: number;
  cycle: number;
  offer: Offer;
  measure: MeasureId | null; // the measure the talk was about, if any
  heard: Concern[];
  messages?: TalkMessage[]; // when a person plays the ally: what the two delegations wrote (nothing is "heard")
}

/** One line written in corridor talks between two delegations people play (plain text, never markup). */
export interface TalkMessage {
  by: SeatId;
  hour: number;
  text: string;
}

/** What a corridor talk revealed about one measure: would the ally accept it, softened, and why not. */
export interface Concern {
  measure: MeasureId;
  accepts: boolean;
  acceptsSoft: boolean;
  reasons: Reason[]; // values are the talker's estimates, with noise
}

/** Allies acting together outside the Council when it could not agree. */
export interface CoalitionAct {
  cycle: number;
  hour: number;
  measure: MeasureId;
  members: AllyCode[];
}

export type LogEntry =
  | { k: "phase"; h: number; phase: Phase }
  | { k: "inject"; h: number; id: string; severity: number; escalation: number }
  | { k: "evidence"; h: number; id: string; recipients: number }
  | { k: "share"; h: number; by: AllyCode; to: AllyCode[] | "all"; items: number }
  | { k: "assist"; h: number; by: AllyCode }
  | { k: "article4"; h: number; by: AllyCode }
  | {
      k: "statement";
      h: number;
      by: AllyCode;
      stance: StanceKind;
      reasons: Reason[];
      wants: MeasureId[];
      rejects: MeasureId[];
      args: ArgumentKind[];
      text: string;
    }
  | { k: "argument"; h: number; by: AllyCode; arg: ArgumentKind; moved: AllyCode[] }
  | { k: "briefing"; h: number; cycle: number; arg: ArgumentKind; moved: AllyCode[] } // the chair's, to the table
  | { k: "reserve"; h: number; by: AllyCode; text: string }
  | { k: "coalition"; h: number; measure: MeasureId; members: AllyCode[] }
  | { k: "domestic"; h: number; ally: AllyCode; change: "hawkish" | "dovish" }
  | { k: "round"; h: number; round: number; stances: string; notes: RoundNote[] }
  | { k: "proposal"; h: number; measures: MeasureId[] }
  | {
      k: "table";
      h: number;
      measures: MeasureId[];
      attempt: number;
      separate: MeasureId[];
      soft: MeasureId[];
      strong: MeasureId[];
    }
  | { k: "break"; h: number; by: AllyCode; reason: string; measures: MeasureId[] }
  | { k: "silence"; h: number; adopted: boolean; brokenBy: AllyCode[]; reservations: AllyCode[]; measures: MeasureId[] }
  | { k: "close"; h: number }
  | { k: "await"; h: number; until: number; measure: MeasureId }
  | { k: "response"; h: number; reaction: Reaction; deterrence: number }
  | { k: "end"; h: number; outcome: string }
  | { k: "control"; h: number; ally: AllyCode; controller: Controller }
  | { k: "note"; h: number; text: string }
  | { k: "reveal"; h: number }
  // In a networked view only: an entry this viewer may not read (src/sim/views.ts), kept so the log's length holds.
  | { k: "private"; h: number };

/** Why an AI ally did not simply support the working text in a consultation round. */
export interface RoundNote {
  by: AllyCode;
  stance: StanceKind;
  reasons: Reason[];
}

export interface Scores {
  cohesion: number;
  deterrence: number;
  escalationRisk: number; // higher means riskier
  proportionality: number;
  timeliness: number;
  role: number;
}

export interface SessionState {
  scenarioId: string;
  scenarioHash: string;
  seed: number;
  role: SeatId;
  chair: Controller;
  allies: AllyState[]; // seating order (English alphabetical)
  humans: AllyCode[]; // ally seats controlled by people
  hour: number; // game time since the scenario's start
  nextInject: number; // index into scenario.injects of the next scheduled inject
  cycle: number; // crisis cycles started (one per scheduled inject; optional injects join the current one)
  injects: ActiveInject[]; // injects that have happened, in order
  round: number; // consultation rounds used in this cycle
  silenceAttempts: number; // silence procedures run in this cycle
  proposal: MeasureId[]; // the chair's working text in consultation
  proposalWording: WordingMap; // its wording, where not standard
  awaitUntil: number | null; // the chair has suspended consultation until this hour, for evidence
  waited: boolean; // the chair has already waited for evidence in this cycle
  vetoed: MeasureId[]; // measures that made an ally break silence in this cycle
  draft: Draft | null;
  decisions: Decision[];
  article4: { held: boolean; requestedBy: AllyCode[] };
  capital: Record<SeatId, number>; // political capital left in this cycle, per seat
  talks: Talk[]; // corridor talks (private to the two parties and the facilitator)
  coalition: CoalitionAct[]; // measures allies took together outside the Council
  joining: { by: AllyCode; measure: MeasureId }[]; // people joining a coalition in this response phase
  domestic: { cycle: number; seat: number; change: "hawkish" | "dovish" }; // planned by the seed (cycle 0: none)
  escalation: number; // multiplier on the adversary's next effects
  reactions: Reaction[];
  rng: RngState;
  outcome: string | null;
  scores: Scores | null;
  log: LogEntry[];
}

/** What the engine reads but never changes: the scenario and the profiles of the seated allies. */
export interface Env {
  scenario: Scenario;
  scenarioHash: string;
  profiles: AllyProfile[]; // seated allies, seating order
  index: Map<AllyCode, number>; // ally code -> seat index
  evidence: Map<string, EvidenceRef>; // evidence id -> where it is defined
  means: AllyParams[]; // each seated ally's profile at the scenario's date and adversary, before the seed's draw
  spreads: number[]; // each seated ally's stated uncertainty (the seed draws within it)
}

/** Where a piece of evidence sits in the scenario. */
export interface EvidenceRef {
  injectId: string;
  evidence: Evidence;
}
