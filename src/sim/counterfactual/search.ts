/**
 * The counterfactual search: rerun a finished record with one change (and, when singles find too few, two),
 * keep the changes that flip the outcome (its class, or the measures adopted), and rank them smallest first:
 * fewer changes, then a smaller change, then a change of outcome class before a change of measures only, then
 * an earlier change. A flip that hangs on a corridor talk is checked against a placebo talk (the same time and
 * draws, no substance) and left out when the placebo flips it too: that was chance, not the talk. Deterministic:
 * the same record gives the same flips in the same order. Pure.
 */
import type { EngineEvent } from "../events.ts";
import type { SessionRecord } from "../record.ts";
import { adoptedMeasures, outcomeOf } from "../scoring.ts";
import { stateHash, stateOf } from "../session.ts";
import type { AllyCode, Env } from "../state.ts";
import { peopleSeats, singleEdits } from "./candidates.ts";
import { describeFlip, tableDiff } from "./describe.ts";
import { procedures } from "./drafts.ts";
import { rerun } from "./rerun.ts";
import { buildTimeline, finalSession, type Timeline } from "./timeline.ts";
import type { Edit, Flip, RunOutcome, SearchOptions, SearchResult } from "./types.ts";

const DEFAULTS: Required<SearchOptions> = { maxSingles: 90, maxPairs: 24, top: 3 };
const PAIR_POOL = 7;
const PAIR_BREAKERS = 2;

/** How big a change is (1 is one ordinary move made differently). */
export function editCost(e: Edit): number {
  switch (e.kind) {
    case "withdraw":
      return 1;
    case "wait":
      return 1.2;
    case "replace":
      return e.event.type === "silence.reserve" ? 0.9 : 1.1;
    case "insert":
      return e.event.type === "corridor.talk" && e.event.offer !== "none" ? 1.1 : 1;
    case "chairText":
      return e.change === "soften" ? 1.1 : 1.2;
    case "threshold":
      return 1 + Math.abs(e.to - e.from) * 4;
    case "evidence":
      return 1 + (e.wasHours - e.afterHours) / 96;
  }
}

/** What a change is about, so that the flips shown are different changes rather than one change three ways. */
export function editKey(e: Edit): string {
  switch (e.kind) {
    case "withdraw":
    case "replace":
      return moveKey(e);
    case "wait":
      return "wait";
    case "insert":
      return e.event.type === "corridor.talk" ? `talk:${e.event.with}` : `insert:${e.event.type}:${e.at}`;
    case "chairText":
      return `chair:${e.measure}:${e.change}`;
    case "threshold":
      return `profile:${e.ally}`;
    case "evidence":
      return `evidence:${e.evidence}`;
  }
}

/** A recorded move changed: the same kind of change to the same thing is one key, whenever it was made. */
function moveKey(e: Extract<Edit, { kind: "withdraw" | "replace" }>): string {
  const x = e.event;
  if (e.kind === "replace" && x.type === "draft.table") {
    const d = tableDiff(x, e.was);
    return `table:${d.change}:${d.measures.join("+")}`;
  }
  if (x.type === "silence.break" || x.type === "silence.reserve") return `break:${x.by}`; // taken back, or kept as a reservation
  if (e.kind === "replace" && x.type === "consultation.statement" && e.was.type === "consultation.statement") {
    const was = e.was;
    const argued = (x.arguments ?? []).filter((a) => !(was.arguments ?? []).includes(a));
    const freed = was.rejects.filter((m) => !x.rejects.includes(m));
    return `statement:${x.by}:${argued.join("+")}:${freed.join("+")}`;
  }
  return `${e.kind}:${x.type}:${x.by}:${x.type === "corridor.talk" ? x.with : ""}`;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Whether the record reruns to itself when nothing is changed (the driver's events are the autopilot's). */
function reproduces(t: Timeline): boolean {
  const replay = rerun(t, [], 0);
  return replay.finished && stateHash(replay.session) === stateHash(finalSession(t));
}

function rank(a: Flip, b: Flip): number {
  const at = (f: Flip) => Math.min(...f.edits.map((e) => e.at));
  return (
    a.edits.length - b.edits.length ||
    a.cost - b.cost ||
    Number(b.classFlip) - Number(a.classFlip) ||
    at(a) - at(b) ||
    editKey(a.edits[0] as Edit).localeCompare(editKey(b.edits[0] as Edit))
  );
}

/** The best flips with different keys that pass `genuine`. */
function pickDistinct(flips: Flip[], top: number, genuine: (f: Flip) => boolean = () => true): Flip[] {
  const out: Flip[] = [];
  const keys = new Set<string>();
  for (const f of [...flips].sort(rank)) {
    const key = f.edits.map(editKey).sort().join("+");
    if (keys.has(key) || !genuine(f)) continue;
    keys.add(key);
    out.push(f);
    if (out.length >= top) break;
  }
  return out;
}

/** Two edits that can be made together (not two changes of one recorded move, not one change twice). */
function compatible(a: Edit, b: Edit): boolean {
  if (editKey(a) === editKey(b)) return false;
  const eventEdit = (e: Edit) => e.kind === "withdraw" || e.kind === "replace" || e.kind === "wait";
  return !(eventEdit(a) && eventEdit(b) && a.at === b.at);
}

/** Searches for the smallest changes that would have flipped a finished record's outcome. */
export function searchCounterfactuals(env: Env, record: SessionRecord, options: SearchOptions = {}): SearchResult {
  const o = { ...DEFAULTS, ...options };
  const t = buildTimeline(env, record);
  const end = stateOf(finalSession(t));
  const baseline = { outcome: outcomeOf(end), adopted: adoptedMeasures(end) };
  if (!reproduces(t)) return { flips: [], tried: 1, baseline, reproducible: false };
  let tried = 1;
  const flips: Flip[] = [];
  const misses: { edit: Edit; run: RunOutcome }[] = [];
  const judge = (edits: Edit[]): RunOutcome => {
    tried++;
    const run = rerun(t, edits);
    if (!run.finished || !run.applied) return run;
    const classFlip = run.outcome !== baseline.outcome;
    if (!classFlip && sameSet(run.adopted, baseline.adopted)) return run;
    const after = { outcome: run.outcome, adopted: run.adopted };
    flips.push({
      edits,
      sentence: describeFlip(t, edits, baseline, after),
      before: baseline,
      after,
      classFlip,
      dropped: run.dropped,
      stoodIn: run.stoodIn,
      cost: edits.reduce((sum, e) => sum + editCost(e), 0),
    });
    return { ...run, finished: false }; // a flip: not a near miss
  };
  // A talk takes game time and seeded draws; a flip that a talk of no substance would also give is chance.
  const others = bystanders(t);
  const verdicts = new Map<Flip, boolean>();
  const genuine = (f: Flip): boolean => {
    const known = verdicts.get(f);
    if (known !== undefined) return known;
    const control = placebo(f.edits, others);
    let verdict = true;
    if (control) {
      tried++;
      const run = rerun(t, control);
      verdict = !(run.finished && run.outcome === f.after.outcome && sameSet(run.adopted, f.after.adopted));
    }
    verdicts.set(f, verdict);
    return verdict;
  };
  // Cheapest changes first: once `top` flips are found, a costlier single cannot rank above them, so stop.
  const singles = singleEdits(t, o.maxSingles).sort((a, b) => editCost(a) - editCost(b));
  let level = Number.NEGATIVE_INFINITY;
  for (const edit of singles) {
    const cost = editCost(edit);
    if (cost > level) {
      level = cost;
      const picked = pickDistinct(flips, o.top, genuine);
      if (picked.length >= o.top && picked.every((f) => f.cost < cost)) break;
    }
    const run = judge([edit]);
    if (run.finished && run.applied) misses.push({ edit, run });
  }
  if (pickDistinct(flips, o.top, genuine).length < o.top) {
    const pool = pairPool(misses);
    let pairs = 0;
    for (let i = 0; i < pool.length && pairs < o.maxPairs; i++)
      for (let j = i + 1; j < pool.length && pairs < o.maxPairs; j++) {
        const a = pool[i] as Edit;
        const b = pool[j] as Edit;
        if (!compatible(a, b)) continue;
        pairs++;
        judge(a.at <= b.at ? [a, b] : [b, a]);
      }
  }
  return { flips: pickDistinct(flips, o.top, genuine), tried, baseline, reproducible: true };
}

/** AI allies who broke silence on nothing in the record, in seating order: whom a placebo talk meets. */
function bystanders(t: Timeline): AllyCode[] {
  const people = peopleSeats(t);
  const breakers = new Set(procedures(t).flatMap((p) => p.breaks.map((b) => b.by)));
  return t.env.profiles.map((p) => p.code).filter((c) => !breakers.has(c) && !people.includes(c));
}

/**
 * The same change with every corridor talk in it replaced by a talk of no substance (the same seat, at the same
 * moment, offering nothing to an ally who objected to nothing): the same game time and the same seeded draws.
 * Null when the change holds no talk.
 */
function placebo(edits: readonly Edit[], others: readonly AllyCode[]): Edit[] | null {
  let any = false;
  const out = edits.map((e): Edit => {
    if ((e.kind !== "insert" && e.kind !== "withdraw") || e.event.type !== "corridor.talk") return e;
    const talk = e.event;
    const bystander = others.find((c) => c !== talk.by && c !== talk.with);
    if (!bystander) return e;
    any = true;
    const event: EngineEvent = { type: "corridor.talk", by: talk.by, with: bystander, offer: "none" };
    return e.kind === "insert" ? { ...e, event } : { kind: "replace", at: e.at, event, was: talk };
  });
  return any ? out : null;
}

/**
 * The near misses worth pairing: changes after which at most PAIR_BREAKERS allies still broke silence on the
 * last draft (a second change can win over one or two more, rarely a crowd), fewest first, one per key.
 */
function pairPool(misses: { edit: Edit; run: RunOutcome }[]): Edit[] {
  const sorted = misses
    .filter((m) => m.run.breakers <= PAIR_BREAKERS)
    .sort((a, b) => a.run.breakers - b.run.breakers || editCost(a.edit) - editCost(b.edit) || a.edit.at - b.edit.at);
  const out: Edit[] = [];
  const keys = new Set<string>();
  for (const m of sorted) {
    const key = editKey(m.edit);
    if (keys.has(key)) continue;
    keys.add(key);
    out.push(m.edit);
    if (out.length >= PAIR_POOL) break;
  }
  return out;
}
