/**
 * How an ally judges a measure and a draft: hard requirements (severity and attribution against its own
 * thresholds) and a weighing of deterrence against escalation, economic cost and domestic constraint.
 * Every judgement carries machine-readable reasons. Pure functions.
 */
import {
  MEASURES,
  type Measure,
  type MeasureId,
  measureById,
  type Wording,
  type WordingMap,
  wordingAvailableAt,
  wordingTerms,
} from "./measures.ts";
import type { AllyParams } from "./scenarioSchema.ts";
import { CYBER_ARTICLE5_DOCTRINE_DATE } from "./severity.ts";
import type { Reason, StanceKind, Sway } from "./state.ts";

/** What an ally knows about its own situation when it judges a measure. */
export interface AllyOutlook {
  params: AllyParams;
  severity: number; // its legal severity assessment, 0..1
  confidence: number; // its state-attribution confidence, 0..1
  victim: boolean; // directly hit or hit by spillover
  sway: Sway; // how far talks and arguments have moved it
  stateHarm: number; // how far the attacks strike allied states themselves, not only companies (0..1)
  pleaded: number; // severity as seen by the ally under attack that has pleaded its case this cycle (0: none)
  helpSought: boolean; // an ally under attack has asked for technical assistance
  terms?: readonly MeasureTerms[]; // precomputed per-measure terms (by rank), when the caller has them
}

/** An ally nobody has talked to or argued with. */
export const NO_SWAY: Sway = { escalation: 0, cost: 0, motivation: 0, severity: 0, goodwill: 0 };

/** What an ally's judgement of one measure needs that does not change during a session. */
export interface MeasureTerms {
  available: boolean; // in NATO's toolbox at the scenario's date (its standard and stronger wordings)
  softAvailable: boolean; // its softer wording is
  severity: number; // severity the ally requires
  attribution: number; // state-attribution confidence the ally requires
  benefit: number; // deterrent value weighted by the ally's taste for the instrument
  escalationCost: number;
  economicCost: number;
  domesticCost: number;
  tolerance: number; // how far below zero the weighing may fall before the ally objects
}

export interface MeasureJudgement {
  measure: MeasureId;
  accept: boolean;
  want: boolean;
  hard: boolean; // rejected on a threshold, not a weighing
  score: number;
  tolerance: number;
  reasons: Reason[];
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const NO_REASONS: Reason[] = [];

/** The harm an ally needs before it can accept a measure: its armed-attack threshold, scaled down the ladder. */
export function requiredSeverity(params: AllyParams, m: Measure, date: string): number {
  const base = (m.minSeverity / 0.7) * params.severityThreshold;
  const preWales = m.id === "article5" && date < CYBER_ARTICLE5_DOCTRINE_DATE ? 0.12 : 0;
  return Math.min(0.97, base + preWales);
}

/** The state-attribution confidence an ally needs before it will name a culprit with a measure. */
export function requiredAttribution(params: AllyParams, m: Measure): number {
  if (m.minAttribution === 0) return 0;
  return Math.min(0.97, m.minAttribution * (0.6 + 0.6 * params.attributionThreshold));
}

/** The fixed terms of one measure for one ally at one date. */
export function measureTerms(p: AllyParams, m: Measure, date: string): MeasureTerms {
  return {
    available: wordingAvailableAt(m, "standard", date),
    softAvailable: wordingAvailableAt(m, "soft", date),
    severity: requiredSeverity(p, m, date),
    attribution: requiredAttribution(p, m),
    benefit: m.deterrence * (0.6 + 0.8 * p.instruments[m.instrument]),
    escalationCost: m.escalation * p.escalationAversion * 1.1,
    economicCost: m.economicCost * p.economicTies * 1.2,
    domesticCost: m.instrument === "military" ? p.domesticConstraint * 0.35 * m.escalation : 0,
    tolerance: 0.1 + 0.25 * p.solidarity,
  };
}

/** The fixed terms of every measure (indexed by rank) for one ally at one date. */
export function termsTable(p: AllyParams, date: string): MeasureTerms[] {
  return MEASURES.map((m) => measureTerms(p, m, date));
}

/**
 * The harm an ally weighs for a measure: its own assessment, or for anything short of Article 5, the harm
 * that the ally under attack has pleaded at the table, discounted by how little the ally cares for solidarity.
 * Whether an armed attack occurred remains each ally's own judgement.
 */
export function severityWeighed(outlook: Omit<AllyOutlook, "confidence">, id: MeasureId): number {
  if (id === "article5" || outlook.pleaded === 0) return outlook.severity;
  return Math.max(outlook.severity, outlook.pleaded * (0.5 + 0.4 * outlook.params.solidarity));
}

/** How much the situation calls for a measure of this kind (0..1): see Measure.demand. */
export function demandFor(m: Measure, outlook: Omit<AllyOutlook, "confidence">): number {
  if (m.demand === "state") return Math.min(1, 1.6 * outlook.stateHarm);
  if (m.demand === "need") return outlook.helpSought ? 1 : 0.1;
  return 1;
}

/**
 * Everything in an ally's judgement of one measure that does not depend on its attribution confidence (which
 * changes with every piece of evidence): the weighing, done once, then compared with the confidence.
 */
interface MeasureBasis {
  measure: MeasureId;
  available: boolean;
  severity: number; // the harm weighed
  needSeverity: number; // the harm required
  needAttribution: number;
  gain: number; // deterrent value weighed by demand, wording and motivation
  costs: number; // escalation + economic + domestic, as weighed
  worstCost: Reason["code"]; // which cost weighs most
  tolerance: number;
}

// Judging is the engine's hottest path: the basis of one judgement is filled into this one object, read at
// once by judgeFromBasis and never kept, so judging a measure allocates only the judgement itself.
const BASIS: MeasureBasis = {
  measure: "concern",
  available: false,
  severity: 0.5,
  needSeverity: 0.5,
  needAttribution: 0.5,
  gain: 0.5,
  costs: 0.5,
  worstCost: "escalation_risk",
  tolerance: 0.5,
};

/** Fills BASIS with the confidence-independent part of judging one measure (see judgeMeasure). */
function fillBasis(
  outlook: Omit<AllyOutlook, "confidence">,
  id: MeasureId,
  date: string,
  wording: Wording,
): MeasureBasis {
  const m = measureById(id);
  const p = outlook.params;
  const t = outlook.terms?.[m.rank] ?? measureTerms(p, m, date);
  const w = wordingTerms(m, wording);
  const sway = outlook.sway;
  const motivation =
    0.35 * p.exposure + 0.35 * p.solidarity + (outlook.victim ? 0.5 : 0) + 0.6 * outlook.severity + sway.motivation;
  const escalationCost = t.escalationCost * w.cost * (1 - sway.escalation);
  const economicCost = t.economicCost * w.cost * (1 - sway.cost);
  const domesticCost = t.domesticCost * w.cost * (1 - sway.cost);
  const worst = Math.max(escalationCost, economicCost, domesticCost);
  const b = BASIS;
  b.measure = id;
  b.available = wording === "soft" ? t.softAvailable : t.available;
  b.severity = severityWeighed(outlook, id);
  b.needSeverity = t.severity * w.threshold * (1 - sway.severity);
  b.needAttribution = t.attribution * w.threshold;
  b.gain = t.benefit * demandFor(m, outlook) * w.deterrence * motivation;
  b.costs = escalationCost + economicCost + domesticCost;
  b.worstCost =
    worst === escalationCost ? "escalation_risk" : worst === economicCost ? "economic_cost" : "domestic_constraint";
  b.tolerance = t.tolerance;
  return b;
}

/** The state-attribution confidence an ally needs for a measure in its standard wording, from its terms. */
export function attributionNeeded(terms: readonly MeasureTerms[], id: MeasureId): number {
  return terms[measureById(id).rank]?.attribution ?? 0;
}

/** The list with one more reason; the shared empty list is never written to. */
function withReason(reasons: Reason[], r: Reason): Reason[] {
  if (reasons === NO_REASONS) return [r];
  reasons.push(r);
  return reasons;
}

/** A judgement from its confidence-independent basis and the ally's attribution confidence. Pure. */
function judgeFromBasis(b: MeasureBasis, confidence: number): MeasureJudgement {
  const id = b.measure;
  let reasons: Reason[] = NO_REASONS; // replaced by a real array only when there is something to say
  let hard = false;
  if (!b.available) {
    hard = true;
    reasons = withReason(reasons, { code: "not_available", measure: id, value: 0, threshold: 0 });
  }
  if (b.severity < b.needSeverity) {
    hard = true;
    reasons = withReason(reasons, {
      code: "severity_below_threshold",
      measure: id,
      value: round3(b.severity),
      threshold: round3(b.needSeverity),
    });
  }
  if (confidence < b.needAttribution) {
    hard = true;
    reasons = withReason(reasons, {
      code: "attribution_below_threshold",
      measure: id,
      value: round3(confidence),
      threshold: round3(b.needAttribution),
    });
  }
  // Once an armed attack is established, Article 5 is a treaty duty and each ally chooses its own
  // contribution, so its costs weigh far less than the same costs of a measure taken by choice.
  const costWeight = id === "article5" && !hard ? 0.4 : 1;
  const score = b.gain - costWeight * b.costs;
  const soft = score < -b.tolerance;
  if (soft)
    reasons = withReason(reasons, {
      code: b.worstCost,
      measure: id,
      value: round3(-score),
      threshold: round3(b.tolerance),
    });
  const accept = !hard && !soft;
  return {
    measure: id,
    accept,
    want: accept && score > 0.02,
    hard,
    score: round3(score),
    tolerance: b.tolerance,
    reasons,
  };
}

/** Judges one measure for one ally at one date, in a wording (standard unless said). Pure. */
export function judgeMeasure(
  outlook: AllyOutlook,
  id: MeasureId,
  date: string,
  wording: Wording = "standard",
): MeasureJudgement {
  return judgeFromBasis(fillBasis(outlook, id, date, wording), outlook.confidence);
}

export interface DraftJudgement {
  stance: StanceKind;
  accepts: MeasureId[];
  wants: MeasureId[];
  reasons: Reason[];
  judgements: readonly MeasureJudgement[];
}

/** An ally's judgement of every measure in `all`, in that order. */
export function judgeMeasures(
  outlook: AllyOutlook,
  all: readonly MeasureId[],
  date: string,
  wording: WordingMap = {},
): MeasureJudgement[] {
  return all.map((id) => judgeMeasure(outlook, id, date, wording[id] ?? "standard"));
}

/** An ally's stance on a proposal: oppose if it cannot accept a measure, undecided if it wants more. */
export function stanceOn(judgements: readonly MeasureJudgement[], proposal: readonly MeasureId[]): DraftJudgement {
  const accepts: MeasureId[] = [];
  const wants: MeasureId[] = [];
  const reasons: Reason[] = [];
  let stance: StanceKind = "support";
  for (const j of judgements) {
    if (j.accept) accepts.push(j.measure);
    if (j.want) wants.push(j.measure);
    if (proposal.includes(j.measure) && !j.accept) {
      stance = "oppose";
      reasons.push(...j.reasons);
    }
  }
  if (stance === "support") {
    for (const j of judgements) {
      if (j.want && !proposal.includes(j.measure) && j.measure !== "concern") {
        stance = "undecided";
        reasons.push({ code: "wants_more", measure: j.measure, value: j.score, threshold: 0 });
      }
    }
  }
  if (stance === "support") reasons.push({ code: "supports", value: proposal.length, threshold: 0 });
  return { stance, accepts, wants, reasons, judgements };
}

/** The judgement of measure `m`, expected at position `k` (judgements follow the order they were asked in). */
export function judgementOf(j: DraftJudgement, k: number, m: MeasureId): MeasureJudgement | undefined {
  const at = j.judgements[k];
  return at?.measure === m ? at : j.judgements.find((x) => x.measure === m);
}

/** judgeMeasures then stanceOn, in one call. */
export function judgeDraft(
  outlook: AllyOutlook,
  proposal: readonly MeasureId[],
  all: readonly MeasureId[],
  date: string,
  wording: WordingMap = {},
): DraftJudgement {
  return stanceOn(judgeMeasures(outlook, all, date, wording), proposal);
}

/**
 * How strongly an ally objects to a draft (0 = not at all). Threshold failures weigh more than weighings,
 * and more the further the value falls short.
 */
export function objectionStrength(judgements: readonly MeasureJudgement[], draft: readonly MeasureId[]): number {
  let strongest = 0;
  for (const j of judgements) {
    if (!draft.includes(j.measure) || j.accept) continue;
    let s = 0.3 + Math.max(0, -j.score - j.tolerance) * 1.5;
    for (const r of j.reasons) {
      if (r.code === "severity_below_threshold" || r.code === "attribution_below_threshold")
        s = Math.max(s, 0.45 + ((r.threshold - r.value) / Math.max(r.threshold, 0.01)) * 2);
    }
    strongest = Math.max(strongest, s);
  }
  return strongest;
}
