/**
 * The silence procedures of a recorded crisis, read from its timeline: when each draft was tabled, when its
 * deadline passed, who broke silence on what and why. The search builds its changes from these. Pure.
 */
import type { MeasureId } from "../measures.ts";
import { phaseOf, type Session, stateOf } from "../session.ts";
import type { AllyCode, Decision, Draft } from "../state.ts";
import type { Timeline } from "./timeline.ts";

/** One break of silence: who, on which measures, and the engine's reason code (people give none). */
export interface BreakSeen {
  by: AllyCode;
  measures: MeasureId[];
  code: string | null; // e.g. "attribution_below_threshold"; null for a person's own words
  event: number | null; // the record's index of a person's silence.break, else null
}

export interface Procedure {
  tabled: number; // index of the event that tabled the draft (draft.table, or the AI chair's ai.round)
  deadline: number; // index of the event that ended it (the silence deadline)
  cycle: number;
  draft: Draft;
  byChair: "human" | "ai";
  decisions: Decision[];
  breaks: BreakSeen[];
  reservations: AllyCode[];
  adopted: boolean; // every part adopted
}

/** Every silence procedure that ran its course in the record, in order. */
export function procedures(t: Timeline): Procedure[] {
  const out: Procedure[] = [];
  const n = t.record.events.length;
  for (let i = 0; i < n; i++) {
    const prev = t.before[i];
    const next = t.before[i + 1];
    if (!prev || !next || phaseOf(prev) === "decision" || phaseOf(next) !== "decision") continue;
    const draft = stateOf(next).draft;
    if (!draft) continue;
    let d = i + 1;
    while (d < n && phaseOf(t.before[d + 1] ?? next) === "decision") d++;
    if (d >= n) continue;
    out.push(readProcedure(t, i, d, draft));
  }
  return out;
}

function readProcedure(t: Timeline, tabled: number, deadline: number, draft: Draft): Procedure {
  const before = stateOf(t.before[deadline] as Session);
  const after = stateOf(t.before[deadline + 1] as Session);
  const decisions = after.decisions.slice(before.decisions.length);
  const breaks: BreakSeen[] = [];
  for (let j = tabled + 1; j < deadline; j++) {
    const e = t.record.events[j];
    if (e?.type === "silence.break") breaks.push({ by: e.by, measures: e.measures ?? [], code: null, event: j });
  }
  for (const entry of after.log.slice(before.log.length)) {
    if (entry.k !== "break" || breaks.some((b) => b.by === entry.by)) continue;
    breaks.push({ by: entry.by, measures: entry.measures, code: entry.reason.split(":")[0] ?? null, event: null });
  }
  return {
    tabled,
    deadline,
    cycle: after.decisions[after.decisions.length - 1]?.cycle ?? before.cycle,
    draft,
    byChair: t.record.events[tabled]?.type === "draft.table" ? "human" : "ai",
    decisions,
    breaks,
    reservations: [...new Set(decisions.flatMap((x) => x.reservations))],
    adopted: decisions.length > 0 && decisions.every((x) => x.adopted),
  };
}

/** The measures a procedure's breaks named (a break naming none is read as aimed at the whole draft). */
export function refusedMeasures(p: Procedure): MeasureId[] {
  const named = new Set(p.breaks.flatMap((b) => (b.measures.length ? b.measures : p.draft.measures)));
  return p.draft.measures.filter((m) => named.has(m));
}
