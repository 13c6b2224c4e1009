/**
 * The single changes a search tries, built from the record's own silence procedures with the game's general
 * levers (never a scenario's particulars): a person's break withdrawn or turned into a reservation; the draft
 * softened, split or trimmed on what was refused; a corridor talk with an ally who broke silence; that ally's
 * profile a little different; evidence arriving sooner; a person's own move taken back. Most promising first.
 * Pure.
 */
import { ARGUMENTS, type EngineEvent } from "../events.ts";
import { availableAt, hasWording, MEASURE_IDS, type MeasureId, measureById } from "../measures.ts";
import { type Session, stateOf } from "../session.ts";
import type { AllyCode, Offer, SeatId } from "../state.ts";
import { type Procedure, procedures, refusedMeasures } from "./drafts.ts";
import { isDriverEvent, type Timeline } from "./timeline.ts";
import type { Edit, ParamName } from "./types.ts";

/** The offer that answers each reason an ally gives for breaking silence. */
const OFFER_FOR: Readonly<Record<string, Offer>> = {
  escalation_risk: "reassurance",
  economic_cost: "linkage",
  domestic_constraint: "linkage",
  severity_below_threshold: "legal",
  attribution_below_threshold: "intelligence",
};

/** The profile parameter behind each reason, and which way makes the ally easier to carry. */
const PARAM_FOR: Readonly<Record<string, { param: ParamName; sign: -1 | 1 }>> = {
  attribution_below_threshold: { param: "attributionThreshold", sign: -1 },
  severity_below_threshold: { param: "severityThreshold", sign: -1 },
  escalation_risk: { param: "escalationAversion", sign: -1 },
  economic_cost: { param: "economicTies", sign: -1 },
  domestic_constraint: { param: "domesticConstraint", sign: -1 },
};
const STEPS = [0.05, 0.1, 0.2];
const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** The seats people play in the record: the chair if a person chaired, and the people's allies. */
export function peopleSeats(t: Timeline): SeatId[] {
  return [...(t.record.seats.chair === "human" ? ["chair"] : []), ...t.record.seats.humans];
}

function personMove(e: EngineEvent): boolean {
  return e.by !== "system" && !isDriverEvent(e);
}

/** A person's own breaks: taken back, or kept as a reservation instead. */
function ownBreaks(t: Timeline, failed: readonly Procedure[]): Edit[] {
  const out: Edit[] = [];
  for (const p of failed)
    for (const b of p.breaks) {
      const e = b.event === null ? undefined : t.record.events[b.event];
      if (b.event === null || e?.type !== "silence.break") continue;
      const reserve: EngineEvent = {
        type: "silence.reserve",
        by: e.by,
        text: `We keep silence, with concerns: ${e.reason || "on record"}`.slice(0, 500),
      };
      out.push({ kind: "replace", at: b.event, event: reserve, was: e });
      out.push({ kind: "withdraw", at: b.event, event: e });
    }
  return out;
}

/** The draft, changed on what was refused: softer words, a separate decision, or left out. */
function draftChanges(t: Timeline, failed: readonly Procedure[]): Edit[] {
  const out: Edit[] = [];
  for (const p of failed) {
    const tabled = t.record.events[p.tabled];
    for (const m of refusedMeasures(p)) {
      const soft = hasWording(m, "soft") && p.draft.wording[m] !== "soft";
      const split = p.draft.measures.length > 1 && !p.draft.separate.includes(m);
      if (tabled?.type === "draft.table") {
        const wording = { ...(tabled.wording ?? {}) };
        if (soft)
          out.push({
            kind: "replace",
            at: p.tabled,
            was: tabled,
            event: { ...tabled, wording: { ...wording, [m]: "soft" } },
          });
        if (split) {
          const named = Array.isArray(tabled.split) ? tabled.split : [];
          const separate = tabled.split === true ? [...tabled.measures] : [...named, m];
          out.push({ kind: "replace", at: p.tabled, was: tabled, event: { ...tabled, split: separate } });
          const { [m]: _, ...rest } = wording;
          const measures = tabled.measures.filter((x) => x !== m);
          const trimmed: EngineEvent = { type: "draft.table", by: "chair", measures, wording: rest };
          out.push({ kind: "replace", at: p.tabled, was: tabled, event: trimmed });
        }
        continue;
      }
      const base = { kind: "chairText" as const, at: p.tabled, cycle: p.cycle, attempt: p.draft.attempt, measure: m };
      if (soft) out.push({ ...base, change: "soften" });
      if (split) out.push({ ...base, change: "split" });
    }
  }
  return out;
}

/** AI allies who broke silence on a procedure, with the reason code each gave. */
function aiBreakers(t: Timeline, p: Procedure): { by: AllyCode; code: string; measure: MeasureId | null }[] {
  const people = peopleSeats(t);
  return p.breaks
    .filter((b) => b.event === null && !people.includes(b.by))
    .map((b) => ({ by: b.by, code: b.code ?? "objects", measure: b.measures[0] ?? null }));
}

/** Corridor talks a person could have held with an ally who broke silence: before tabling, or under silence. */
function talks(t: Timeline, failed: readonly Procedure[]): Edit[] {
  const first: Edit[] = [];
  const rest: Edit[] = [];
  for (const p of failed)
    for (const b of aiBreakers(t, p))
      for (const by of peopleSeats(t)) {
        if (by === b.by) continue;
        const matched = OFFER_FOR[b.code] ?? "reassurance";
        // The offer that answers its reason, and a plain hearing (goodwill only); other offers answer nothing it said.
        for (const offer of matched === "none" ? [matched] : [matched, "none" as const]) {
          const talk = (at: number): Edit => ({
            kind: "insert",
            at,
            event: { type: "corridor.talk", by, with: b.by, offer, ...(b.measure ? { measure: b.measure } : {}) },
          });
          (offer === matched ? first : rest).push(talk(p.tabled), talk(p.deadline));
        }
      }
  return [...first, ...rest];
}

/** A person chairing who tabled a draft that failed on attribution: the chair waits for the evidence first. */
function waits(t: Timeline, failed: readonly Procedure[]): Edit[] {
  if (t.record.seats.chair !== "human") return [];
  return failed
    .filter((p) => p.byChair === "human" && p.breaks.some((b) => b.code === "attribution_below_threshold"))
    .map((p) => ({ kind: "wait", at: p.tabled, event: t.record.events[p.tabled] as EngineEvent }));
}

/** A person's statement carrying one more argument to the table (each kind moves different listeners). */
function arguments_(t: Timeline): Edit[] {
  const out: Edit[] = [];
  t.record.events.forEach((e, at) => {
    if (e.type !== "consultation.statement" || e.by === "system") return;
    const made = e.arguments ?? [];
    for (const arg of ARGUMENTS)
      if (!made.includes(arg)) out.push({ kind: "replace", at, was: e, event: { ...e, arguments: [...made, arg] } });
  });
  return out;
}

/** One ally who broke silence, a little easier to carry on the reason it gave. */
function thresholds(t: Timeline, failed: readonly Procedure[]): Edit[] {
  const out: Edit[] = [];
  const start = stateOf(t.before[0] as Session);
  const seen = new Set<string>();
  for (const p of failed)
    for (const b of aiBreakers(t, p)) {
      const rule = PARAM_FOR[b.code] ?? { param: "solidarity" as const, sign: 1 as const };
      const key = `${b.by}:${rule.param}`;
      const ally = start.allies.find((a) => a.code === b.by);
      if (!ally || seen.has(key)) continue;
      seen.add(key);
      const from = ally.params[rule.param];
      for (const step of STEPS) {
        const to = r3(Math.min(1, Math.max(0, from + rule.sign * step)));
        if (to !== from) out.push({ kind: "threshold", at: 0, ally: b.by, param: rule.param, from, to });
      }
    }
  return out;
}

/** Evidence on the incident a draft answered that had not arrived when it was tabled, arriving sooner. */
function sooner(t: Timeline, procs: readonly Procedure[]): Edit[] {
  const out: Edit[] = [];
  const seen = new Set<string>();
  for (const p of procs) {
    const s = stateOf(t.before[p.tabled] as Session);
    for (const active of s.injects)
      for (const item of active.evidence) {
        if (item.delivered || seen.has(item.id)) continue;
        seen.add(item.id);
        const wasHours = item.dueHour - active.startHour;
        const at = t.before.findIndex((x) => stateOf(x).injects.some((a) => a.id === active.id));
        if (at < 0 || at >= t.record.events.length) continue;
        for (const afterHours of [Math.floor(wasHours / 2), 0])
          if (afterHours < wasHours) out.push({ kind: "evidence", at, evidence: item.id, afterHours, wasHours });
      }
  }
  return out;
}

/** A person's other moves taken back (talks, shared intelligence, requests, statements) or stated without red lines. */
function ownMoves(t: Timeline): Edit[] {
  const out: Edit[] = [];
  t.record.events.forEach((e, at) => {
    if (!personMove(e) || e.type === "silence.break" || e.type === "silence.reserve" || e.type === "corridor.reply")
      return;
    if (e.type === "draft.table" || e.type === "consultation.close") return;
    if (e.type === "consultation.statement")
      for (const m of wantedByTable(t, at).filter((x) => e.rejects.includes(x)))
        out.push({ kind: "replace", at, was: e, event: { ...e, rejects: e.rejects.filter((x) => x !== m) } });
    out.push({ kind: "withdraw", at, event: e });
  });
  return out;
}

/** Measures some delegation asked for at the table just before event `at`, available at the scenario's date. */
function wantedByTable(t: Timeline, at: number): MeasureId[] {
  const s = stateOf(t.before[at] as Session);
  const wanted = new Set(s.allies.flatMap((a) => a.position?.wants ?? []));
  return MEASURE_IDS.filter((m) => wanted.has(m) && availableAt(measureById(m), t.env.scenario.date));
}

/** A person chairing who tabled a draft that passed: one more measure the table asked for. */
function bolderDrafts(t: Timeline, passed: readonly Procedure[]): Edit[] {
  const out: Edit[] = [];
  for (const p of passed) {
    const e = t.record.events[p.tabled];
    if (e?.type !== "draft.table") continue;
    for (const m of wantedByTable(t, p.tabled)) {
      if (e.measures.includes(m)) continue;
      out.push({ kind: "replace", at: p.tabled, was: e, event: { ...e, measures: [...e.measures, m] } });
    }
  }
  return out;
}

/** Every single change worth trying for this record, most promising first, at most `max`. */
export function singleEdits(t: Timeline, max: number): Edit[] {
  const procs = procedures(t);
  const failed = procs.filter((p) => !p.adopted);
  const passed = procs.filter((p) => p.adopted);
  const buckets: Edit[][] = [
    ownBreaks(t, failed),
    draftChanges(t, failed),
    talks(t, failed),
    waits(t, failed),
    thresholds(t, failed),
    sooner(t, [...failed, ...passed]),
    ownMoves(t),
    bolderDrafts(t, passed),
    arguments_(t),
  ];
  // Round-robin over the kinds of change, so that a long list of one kind does not crowd out the others.
  const out: Edit[] = [];
  for (let k = 0; out.length < max && buckets.some((b) => k < b.length); k++)
    for (const b of buckets) if (k < b.length && out.length < max) out.push(b[k] as Edit);
  return out;
}
