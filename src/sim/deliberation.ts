/**
 * Reducers for the Council's own work: AI allies acting in a round, statements, the chair's working text,
 * tabling a draft, the silence procedure and the adversary's answer. Each takes a state and returns a new one.
 */
import { stateConfidence } from "./attribution.ts";
import { chairTablesNow, consensusText, gambleText } from "./chair.ts";
import { AI_MEASURES, directTargets, isHuman, judgeAll } from "./council.ts";
import { advanceClock, requestArticle4, requestAssistance, shareIntelligence } from "./incidents.ts";
import { type MeasureId, measureById } from "./measures.ts";
import { drawMany } from "./rng.ts";
import { type DraftJudgement, judgementOf, objectionStrength } from "./stance.ts";
import type {
  AllyCode,
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

/** AI allies act on what they know: share intelligence, ask for help, request Article 4. */
export function aiActions(env: Env, s: SessionState): SessionState {
  const { values, state: rng } = drawMany(s.rng, s.allies.length);
  const direct = directTargets(env, s);
  let next: SessionState = { ...s, rng };
  let holders = countHolders(next);
  s.allies.forEach((ally, i) => {
    const profile = env.profiles[i];
    if (!profile || isHuman(s, ally.code)) return;
    const p = profile.params;
    const current = next.allies[i] ?? ally;
    const confidence = stateConfidence(current.belief);
    const willingness = 0.2 + 0.5 * p.solidarity + (direct.has(ally.code) ? 0.3 : 0);
    const unshared = current.held.some((id) => (holders.get(id) ?? 0) < s.allies.length);
    if (confidence >= 0.5 && (values[i] ?? 1) < willingness && unshared) {
      next = shareIntelligence(env, next, ally.code, "all");
      holders = countHolders(next);
    }
    if (direct.has(ally.code) && !current.assisted && p.cyberCapability < 0.75)
      next = requestAssistance(next, ally.code);
    const wantsArticle4 =
      direct.has(ally.code) &&
      !next.article4.requestedBy.includes(ally.code) &&
      current.severity >= 0.55 + 0.4 * p.severityThreshold &&
      confidence >= p.attributionThreshold;
    if (wantsArticle4) next = requestArticle4(next, ally.code);
  });
  return next;
}

function countHolders(s: SessionState): Map<string, number> {
  const holders = new Map<string, number>();
  for (const ally of s.allies) for (const id of ally.held) holders.set(id, (holders.get(id) ?? 0) + 1);
  return holders;
}

/** A consultation round: time passes, AI allies act and state positions, and an AI chair revises or tables. */
export function consultationRound(env: Env, s0: SessionState): SessionState {
  let s = advanceClock(env, s0, env.scenario.settings.roundHours);
  s = aiActions(env, s);
  s = { ...s, round: s.round + 1 };
  const judged = judgeAll(env, s, s.proposal);
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
  const text = consensusText(s, judged);
  s = { ...s, proposal: text, log: [...s.log, { k: "proposal", h: s.hour, measures: text }] };
  if (s.chair !== "ai") return s;
  const wait = evidenceWorthAwaiting(s, judged);
  if (wait) return { ...s, awaitUntil: wait.until, waited: true, log: [...s.log, { k: "await", h: s.hour, ...wait }] };
  if (!chairTablesNow(s, env.scenario.settings.maxConsultationRounds, previous, text)) return s;
  const { values, state: rng } = drawMany(s.rng, 1);
  return tableDraft(env, { ...s, rng }, gambleText(s, judged, text, values[0] ?? 1));
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
    const blocked = judged.map((j) => judgementOf(j, k, m)).filter((x) => x && !x.accept);
    const onlyAttribution = blocked.every(
      (x) =>
        x?.reasons.some((r) => r.code === "attribution_below_threshold") &&
        x.reasons.every(
          (r) => !["severity_below_threshold", "not_available", "rejects_by_instruction"].includes(r.code),
        ),
    );
    if (blocked.length > 0 && onlyAttribution) return { until: Math.max(...due.map((e) => e.dueHour)), measure: m };
  }
  return null;
}

/** A human ally states its position on the working text: its stance, what it asks for, what it rules out. */
export function makeStatement(
  s: SessionState,
  by: AllyCode,
  stance: StanceKind,
  wants: MeasureId[],
  rejects: MeasureId[],
): SessionState {
  const allies = s.allies.map((ally) => {
    if (ally.code !== by) return ally;
    const position: Position = { stance, round: s.round, hour: s.hour, accepts: [], wants, reasons: [] };
    return { ...ally, position, rejects };
  });
  const entry: LogEntry = { k: "statement", h: s.hour, by, stance, reasons: [], wants };
  return { ...s, allies, log: [...s.log, entry] };
}

/** The chair tables a draft under the silence procedure. */
export function tableDraft(env: Env, s: SessionState, measures: MeasureId[]): SessionState {
  const hours = env.scenario.settings.silenceHours;
  const draft = {
    measures,
    tabledHour: s.hour,
    deadlineHour: s.hour + hours,
    attempt: s.silenceAttempts + 1,
    breaks: [],
  };
  const entry: LogEntry = { k: "table", h: s.hour, measures, attempt: draft.attempt };
  return { ...s, draft, silenceAttempts: s.silenceAttempts + 1, log: [...s.log, entry] };
}

/** A human ally breaks silence before the deadline. */
export function breakSilence(s: SessionState, by: AllyCode, reason: string): SessionState {
  if (!s.draft || s.draft.breaks.some((b) => b.by === by)) return s;
  const draft = { ...s.draft, breaks: [...s.draft.breaks, { by, reason }] };
  return { ...s, draft, log: [...s.log, { k: "break", h: s.hour, by, reason }] };
}

/**
 * The silence deadline passes: AI allies who object break silence unless peer pressure holds them back
 * (they may keep silence with a reservation). Adopted only if nobody broke silence.
 */
export function resolveSilence(env: Env, s0: SessionState): SessionState {
  const draft = s0.draft;
  if (!draft) return s0;
  let s = advanceClock(env, s0, Math.max(0, draft.deadlineHour - s0.hour));
  const judged = judgeAll(env, s, draft.measures);
  const supportive =
    judged.filter((j) => draft.measures.every((m) => j.accepts.includes(m))).length / Math.max(1, judged.length);
  const { values, state: rng } = drawMany(s.rng, s.allies.length);
  const brokenBy: AllyCode[] = draft.breaks.map((b) => b.by);
  const reservations: AllyCode[] = [];
  const vetoed = new Set(s.vetoed);
  const log: LogEntry[] = [];
  s.allies.forEach((ally, i) => {
    const j = judged[i];
    const profile = env.profiles[i];
    if (!j || !profile || isHuman(s, ally.code)) return;
    const objection = objectionStrength(j.judgements, draft.measures);
    if (objection === 0) return;
    const pressure = profile.params.solidarity * 0.45 * supportive;
    if (objection - pressure + ((values[i] ?? 0.5) - 0.5) * 0.3 > 0.2) {
      brokenBy.push(ally.code);
      for (const x of j.judgements) if (draft.measures.includes(x.measure) && !x.accept) vetoed.add(x.measure);
      const reason = j.reasons.find((r) => r.measure && draft.measures.includes(r.measure));
      log.push({
        k: "break",
        h: s.hour,
        by: ally.code,
        reason: reason ? `${reason.code}:${reason.measure}` : "objects",
      });
    } else reservations.push(ally.code);
  });
  const adopted = brokenBy.length === 0;
  const decision: Decision = {
    cycle: s.cycle,
    injectId: currentInjectId(s),
    hour: s.hour,
    measures: draft.measures,
    adopted,
    brokenBy,
    reservations,
  };
  log.push({ k: "silence", h: s.hour, adopted, brokenBy, reservations });
  const article4 = adopted && draft.measures.includes("article4") ? { ...s.article4, held: true } : s.article4;
  // A person who breaks silence gives no machine-readable reason: the chair drops the strongest measure.
  if (draft.breaks.length) vetoed.add(strongest(draft.measures));
  s = {
    ...s,
    rng,
    article4,
    vetoed: [...vetoed],
    draft: null,
    decisions: [...s.decisions, decision],
    log: [...s.log, ...log],
  };
  if (adopted || s.silenceAttempts >= env.scenario.settings.maxSilenceAttempts) return s;
  const round = Math.max(0, env.scenario.settings.maxConsultationRounds - 2);
  return { ...s, round, proposal: draft.measures.filter((m) => m === "concern" || m === "solidarity") };
}

function strongest(measures: readonly MeasureId[]): MeasureId {
  return measures.reduce(
    (best, m) => (measureById(m).rank > measureById(best).rank ? m : best),
    measures[0] ?? "concern",
  );
}

/** The chair closes consultation without a decision for this cycle. */
export function closeConsultation(s: SessionState): SessionState {
  const decision: Decision = {
    cycle: s.cycle,
    injectId: currentInjectId(s),
    hour: s.hour,
    measures: [],
    adopted: false,
    brokenBy: [],
    reservations: [],
  };
  return { ...s, draft: null, decisions: [...s.decisions, decision], log: [...s.log, { k: "close", h: s.hour }] };
}

/** True when the last silence procedure of this cycle adopted the draft or the cycle is spent. */
export function cycleDecided(env: Env, s: SessionState): boolean {
  const last = s.decisions[s.decisions.length - 1];
  if (!last || last.cycle !== s.cycle || s.draft) return false;
  return last.adopted || s.silenceAttempts >= env.scenario.settings.maxSilenceAttempts || last.measures.length === 0;
}

function currentInjectId(s: SessionState): string {
  return s.injects[s.injects.length - 1]?.id ?? "";
}

/** The measures adopted in the current cycle (empty when nothing was adopted). */
export function adoptedThisCycle(s: SessionState): MeasureId[] {
  return s.decisions.filter((d) => d.cycle === s.cycle && d.adopted).flatMap((d) => d.measures);
}

/** Combined deterrent value of a set of measures (0..1). */
export function deterrenceOf(measures: readonly MeasureId[]): number {
  return 1 - measures.reduce((rest, id) => rest * (1 - measureById(id).deterrence), 1);
}

/** The adversary answers the Council: deterred, continues, or escalates (seeded). */
export function resolveResponse(env: Env, s: SessionState): SessionState {
  const adopted = adoptedThisCycle(s);
  const deterrence = deterrenceOf(adopted);
  const provocation = adopted.reduce((m, id) => Math.max(m, measureById(id).escalation), 0);
  const { resolve, escalation } = env.scenario.adversary;
  const pDeter = 1 / (1 + Math.exp(-6 * (deterrence - resolve)));
  const pEscalate = Math.min(1, escalation * (0.6 * (1 - deterrence) + 0.4 * provocation * (1 - resolve)));
  const { values, state: rng } = drawMany(s.rng, 1);
  const u = values[0] ?? 0;
  const reaction: Reaction =
    u < pDeter ? "deterred" : u < pDeter + pEscalate * (1 - pDeter) ? "escalates" : "continues";
  const entry: LogEntry = { k: "response", h: s.hour, reaction, deterrence: r2(deterrence) };
  const nextEscalation = reaction === "escalates" ? s.escalation * 1.25 : s.escalation;
  return { ...s, rng, escalation: nextEscalation, reactions: [...s.reactions, reaction], log: [...s.log, entry] };
}
