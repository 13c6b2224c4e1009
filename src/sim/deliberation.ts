/**
 * Reducers for the Council's own work: AI allies acting in a round, statements, the chair's working text,
 * tabling a draft, the silence procedure and the adversary's answer. Each takes a state and returns a new one.
 */
import { chairReading, chairTablesNow, consensusText, gambleText } from "./chair.ts";
import { COALITION_WEIGHT, coalitionDeterrence, formCoalitions } from "./coalition.ts";
import {
  AI_MEASURES,
  confidenceOf,
  directTargets,
  isHuman,
  judgeAll,
  needsAssistance,
  stateHarmOf,
} from "./council.ts";
import { exp } from "./detMath.ts";
import { advanceClock, holderCounts, requestArticle4, requestAssistance, shareIntelligence } from "./incidents.ts";
import { MEASURE_IDS, type MeasureId, measureById, type WordingMap, wordingTerms } from "./measures.ts";
import { makeArguments } from "./negotiation.ts";
import { drawMany } from "./rng.ts";
import { tableDraft } from "./silence.ts";
import { type DraftJudgement, judgementOf } from "./stance.ts";
import type {
  AllyCode,
  ArgumentKind,
  Decision,
  Env,
  LogEntry,
  Position,
  Reaction,
  RoundNote,
  SessionState,
  StanceKind,
} from "./state.ts";

const r2 = (x: number) => Math.round(x * 100) / 100;
/** One letter per stance in a round's stance string (seating order; "-" for seats people play). */
export const STANCE_LETTER: Record<StanceKind, string> = { support: "S", undecided: "U", oppose: "O" };

/**
 * Each round, the chance that an ally under a campaign against its own institutions asks for Article 4
 * consultations before its harm reaches the level where it always would: zero below 40% of its armed-attack
 * threshold, growing with its harm and with how squarely the attacks strike the state.
 */
export function article4Hazard(severity: number, threshold: number, stateHarm: number): number {
  const floor = 0.4 * threshold;
  return Math.min(1, Math.max(0, (severity - floor) / floor)) * stateHarm * ARTICLE4_HAZARD;
}
const ARTICLE4_HAZARD = 0.06;

/** AI allies act on what they know: share intelligence, ask for help, request Article 4. */
export function aiActions(env: Env, s: SessionState): SessionState {
  const { values, state: rng } = drawMany(s.rng, s.allies.length * 2);
  const n = s.allies.length;
  const stateHarm = stateHarmOf(s);
  const direct = directTargets(env, s);
  let next: SessionState = { ...s, rng };
  let holders: Map<string, number> | null = null; // counted once, when an ally is first minded to share
  s.allies.forEach((ally, i) => {
    if (isHuman(s, ally.code)) return;
    const current = next.allies[i] ?? ally;
    const p = current.params;
    const confidence = confidenceOf(env, next, i);
    const willingness = 0.2 + 0.5 * p.solidarity + (direct.has(ally.code) ? 0.3 : 0);
    if (confidence >= 0.5 && (values[i] ?? 1) < willingness && current.held.length) {
      const counts = holders ?? countHolders(next);
      holders = counts;
      if (current.held.some((id) => (counts.get(id) ?? 0) < n)) {
        next = shareIntelligence(env, next, ally.code, "all");
        for (const id of current.held) counts.set(id, n); // shared with all: now everyone holds each of them
      }
    }
    if (needsAssistance(next, current, direct.has(ally.code))) next = requestAssistance(next, ally.code);
    const grave = current.severity >= 0.55 + 0.4 * p.severityThreshold && confidence >= p.attributionThreshold;
    const pressed = (values[n + i] ?? 1) < article4Hazard(current.severity, p.severityThreshold, stateHarm);
    const wantsArticle4 = direct.has(ally.code) && !next.article4.requestedBy.includes(ally.code) && (grave || pressed);
    if (wantsArticle4) next = requestArticle4(next, ally.code);
  });
  return next;
}

// How many allies hold each piece of evidence changes only when some ally's list of holdings does, and those
// lists are replaced, never mutated: a one-entry memo of the counts for the last lists seen (never a source of
// truth; the caller gets its own copy, which it updates as it shares).
let lastHolders: { held: (readonly string[])[]; counts: Map<string, number> } | null = null;

function countHolders(s: SessionState): Map<string, number> {
  const memo = lastHolders;
  if (memo && memo.held.length === s.allies.length && s.allies.every((a, i) => a.held === memo.held[i]))
    return new Map(memo.counts);
  const counts = holderCounts(s.allies);
  lastHolders = { held: s.allies.map((a) => a.held), counts };
  return new Map(counts);
}

/** A consultation round: time passes, AI allies act and state positions, and an AI chair revises or tables. */
export function consultationRound(env: Env, s0: SessionState): SessionState {
  let s = advanceClock(env, s0, env.scenario.settings.roundHours);
  s = aiActions(env, s);
  s = { ...s, round: s.round + 1 };
  // Allies under attack plead for solidarity at the table, once a cycle.
  for (const code of directTargets(env, s)) {
    const ally = s.allies.find((a) => a.code === code);
    if (ally && !isHuman(s, code) && !ally.argued.includes("solidarity"))
      s = makeArguments(env, s, code, ["solidarity"]);
  }
  const judged = judgeAll(env, s, s.proposal, s.proposalWording);
  let stances = "";
  const notes: RoundNote[] = [];
  const allies = s.allies.map((ally, i) => {
    const j = judged[i];
    if (!j || isHuman(s, ally.code)) {
      stances += "-";
      return ally;
    }
    stances += STANCE_LETTER[j.stance];
    if (j.stance !== "support") notes.push({ by: ally.code, stance: j.stance, reasons: j.reasons.slice(0, 2) });
    const position: Position = {
      stance: j.stance,
      round: s.round,
      hour: s.hour,
      accepts: j.accepts,
      wants: j.wants,
      reasons: j.reasons.slice(0, 3),
    };
    return { ...ally, position };
  });
  s = { ...s, allies, log: [...s.log, { k: "round", h: s.hour, round: s.round, stances, notes }] };
  // The Secretariat drafts the consensus text either way; a human chair decides what to do with it.
  const previous = s.proposal;
  const proposed = compromiseText(env, s, consensusText(s, judged));
  const text = proposed.text;
  const proposalWording: WordingMap = proposed.wording;
  s = { ...s, proposal: text, proposalWording, log: [...s.log, { k: "proposal", h: s.hour, measures: text }] };
  if (s.chair !== "ai") return s;
  const read = chairReading(s, judged);
  const wait = evidenceWorthAwaiting(s, read);
  if (wait) return { ...s, awaitUntil: wait.until, waited: true, log: [...s.log, { k: "await", h: s.hour, ...wait }] };
  if (!chairTablesNow(s, env.scenario.settings.maxConsultationRounds, previous, text)) return s;
  const { values, state: rng } = drawMany(s.rng, 1);
  const softened = (m: MeasureId) =>
    chairReading(s, judgeAll(env, s, [m], { [m]: "soft" })).flatMap((j) => j.judgements.filter((x) => x.measure === m));
  const gamble = gambleText(s, read, text, values[0] ?? 1, directTargets(env, s), softened);
  return tableDraft(env, { ...s, rng }, gamble.measures, { ...proposalWording, ...gamble.wording });
}

/**
 * Compromise language: a measure a delegation asked for in softer (or stronger) words joins the Secretariat's
 * text in those words when every AI ally can accept it so worded and no delegation has ruled it out.
 */
function compromiseText(
  env: Env,
  s: SessionState,
  base: readonly MeasureId[],
): { text: MeasureId[]; wording: WordingMap } {
  const wording: WordingMap = {};
  for (const m of base) if (s.proposalWording[m]) wording[m] = s.proposalWording[m];
  const text = [...base];
  for (const ally of s.allies) {
    if (!isHuman(s, ally.code) || !ally.position?.wording) continue;
    for (const [key, w] of Object.entries(ally.position.wording)) {
      const m = key as MeasureId;
      if (!w || s.vetoed.includes(m) || !ally.position.wants.includes(m)) continue;
      if (s.allies.some((a) => isHuman(s, a.code) && a.rejects.includes(m))) continue;
      const judged = judgeAll(env, s, [m], { [m]: w });
      const everyone = s.allies.every((a, i) => isHuman(s, a.code) || judged[i]?.accepts.includes(m));
      if (!everyone) continue;
      if (!text.includes(m)) text.push(m);
      wording[m] = w;
    }
  }
  return { text: MEASURE_IDS.filter((m) => text.includes(m)), wording };
}

/**
 * The AI chair waits (once a cycle) when a measure most allies want is held back only by attribution
 * and more evidence on this incident is due within three days.
 */
function evidenceWorthAwaiting(
  s: SessionState,
  judged: readonly DraftJudgement[],
): { until: number; measure: MeasureId } | null {
  if (s.waited) return null;
  const due = s.injects[s.injects.length - 1]?.evidence.filter((e) => !e.delivered && e.dueHour <= s.hour + 72) ?? [];
  if (!due.length) return null;
  for (let k = AI_MEASURES.length - 1; k >= 0; k--) {
    const m = AI_MEASURES[k] as MeasureId;
    const wanting = judged.filter((j) => j.wants.includes(m)).length;
    if (wanting * 2 < judged.length) continue;
    // A delegation's stated "no" gives no reason, so it neither argues for waiting nor against it.
    const blocked = judged
      .map((j) => judgementOf(j, k, m))
      .filter((x) => x && !x.accept && !x.reasons.some((r) => r.code === "rejects_by_instruction"));
    const onlyAttribution = blocked.every(
      (x) =>
        x?.reasons.some((r) => r.code === "attribution_below_threshold") &&
        x.reasons.every((r) => !["severity_below_threshold", "not_available"].includes(r.code)),
    );
    if (blocked.length > 0 && onlyAttribution) return { until: Math.max(...due.map((e) => e.dueHour)), measure: m };
  }
  return null;
}

/** A human ally states its position on the working text: its stance, what it asks for, what it rules out. */
export function makeStatement(
  env: Env,
  s: SessionState,
  by: AllyCode,
  stance: StanceKind,
  wants: MeasureId[],
  rejects: MeasureId[],
  args: readonly ArgumentKind[] = [],
  text = "",
  wording: WordingMap = {},
): SessionState {
  const allies = s.allies.map((ally) => {
    if (ally.code !== by) return ally;
    const position: Position = { stance, round: s.round, hour: s.hour, accepts: [], wants, wording, reasons: [] };
    return { ...ally, position, rejects };
  });
  const entry: LogEntry = {
    k: "statement",
    h: s.hour,
    by,
    stance,
    reasons: [],
    wants,
    rejects,
    args: [...new Set(args)],
    text,
  };
  return makeArguments(env, { ...s, allies, log: [...s.log, entry] }, by, args);
}

/** The chair closes consultation without a decision for this cycle. */
export function closeConsultation(s: SessionState): SessionState {
  const decision: Decision = {
    cycle: s.cycle,
    injectId: currentInjectId(s),
    hour: s.hour,
    measures: [],
    wording: {},
    adopted: false,
    brokenBy: [],
    reservations: [],
  };
  return { ...s, draft: null, decisions: [...s.decisions, decision], log: [...s.log, { k: "close", h: s.hour }] };
}

/** True when the last silence procedure of this cycle adopted something or the cycle is spent. */
export function cycleDecided(env: Env, s: SessionState): boolean {
  const last = s.decisions[s.decisions.length - 1];
  if (!last || last.cycle !== s.cycle || s.draft) return false;
  const latest = s.decisions.filter((d) => d.cycle === s.cycle && d.hour === last.hour);
  return (
    latest.some((d) => d.adopted) ||
    s.silenceAttempts >= env.scenario.settings.maxSilenceAttempts ||
    last.measures.length === 0
  );
}

function currentInjectId(s: SessionState): string {
  return s.injects[s.injects.length - 1]?.id ?? "";
}

/** The measures adopted in the current cycle (empty when nothing was adopted). */
export function adoptedThisCycle(s: SessionState): MeasureId[] {
  return s.decisions.filter((d) => d.cycle === s.cycle && d.adopted).flatMap((d) => d.measures);
}

/** Combined deterrent value of a set of measures in their wording (0..1). */
export function deterrenceOf(measures: readonly MeasureId[], wording: WordingMap = {}): number {
  return (
    1 -
    measures.reduce(
      (rest, id) =>
        rest *
        (1 -
          Math.min(
            1,
            measureById(id).deterrence * wordingTerms(measureById(id), wording[id] ?? "standard").deterrence,
          )),
      1,
    )
  );
}

/** The wording of what the Council adopted in this cycle. */
function adoptedWording(s: SessionState): WordingMap {
  const w: WordingMap = {};
  for (const d of s.decisions) if (d.cycle === s.cycle && d.adopted) Object.assign(w, d.wording);
  return w;
}

/** The adversary answers the Council: deterred, continues, or escalates (seeded). */
export function resolveResponse(env: Env, s0: SessionState): SessionState {
  const s = formCoalitions(env, s0);
  const adopted = adoptedThisCycle(s);
  const deterrence = 1 - (1 - deterrenceOf(adopted, adoptedWording(s))) * (1 - coalitionDeterrence(s));
  // Softer words provoke less; allies acting outside the Council provoke at a coalition's weight.
  const provocation = Math.max(
    adopted.reduce(
      (m, id) =>
        Math.max(
          m,
          measureById(id).escalation * wordingTerms(measureById(id), adoptedWording(s)[id] ?? "standard").cost,
        ),
      0,
    ),
    ...s.coalition.filter((c) => c.cycle === s.cycle).map((c) => measureById(c.measure).escalation * COALITION_WEIGHT),
  );
  const { resolve, escalation } = env.scenario.adversary;
  const pDeter = 1 / (1 + exp(-6 * (deterrence - resolve)));
  const pEscalate = Math.min(1, escalation * (0.6 * (1 - deterrence) + 0.4 * provocation * (1 - resolve)));
  const { values, state: rng } = drawMany(s.rng, 1);
  const u = values[0] ?? 0;
  const reaction: Reaction =
    u < pDeter ? "deterred" : u < pDeter + pEscalate * (1 - pDeter) ? "escalates" : "continues";
  const entry: LogEntry = { k: "response", h: s.hour, reaction, deterrence: r2(deterrence) };
  const nextEscalation = reaction === "escalates" ? s.escalation * 1.25 : s.escalation;
  return { ...s, rng, escalation: nextEscalation, reactions: [...s.reactions, reaction], log: [...s.log, entry] };
}
