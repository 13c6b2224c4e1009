/**
 * The report's timeline: every entry of the session log in words (the same lines the game's log shows, voiced
 * by the delegations), corridor talks at their hour, and each game day's state of attribution. Pure.
 */
import { measureById } from "../sim/measures.ts";
import { type Session, stateOf } from "../sim/session.ts";
import type { LogEntry, Talk } from "../sim/state.ts";
import { allyName, clockLabel, logLines, talkSummary } from "../ui/viewModel.ts";
import type { Series, TimelineItem, TimelineKind } from "./model.ts";

const KIND: Partial<Record<LogEntry["k"], TimelineKind>> = {
  inject: "inject",
  evidence: "evidence",
  round: "round",
  statement: "statement",
  argument: "statement",
  proposal: "draft",
  table: "draft",
  break: "break",
  reserve: "reservation",
  silence: "decision",
  close: "decision",
  coalition: "coalition",
  response: "response",
  phase: "phase",
};

const pct = (x: number) => `${Math.round(x * 100)}%`;
const names = (ms: readonly string[]) => ms.map((m) => measureById(m as never).name);

/** The ally an entry is about, if one acted. */
function actorOf(e: LogEntry): string | undefined {
  if ("by" in e && typeof e.by === "string") return e.by;
  if (e.k === "domestic" || e.k === "control") return e.ally;
  return undefined;
}

/** The measures an entry concerns. */
function measuresOf(e: LogEntry): string[] | undefined {
  if (e.k === "table" || e.k === "proposal" || e.k === "break" || e.k === "silence") return names(e.measures);
  if (e.k === "coalition") return names([e.measure]);
  return undefined;
}

/** A game day's attribution in one line: the median ally, the least and most convinced. */
function confidenceLine(series: Series, at: number): string {
  const values = series.allies.map((a) => ({ name: a.name, v: a.confidence[at] ?? 0 }));
  const sorted = [...values].sort((a, b) => a.v - b.v);
  const low = sorted[0];
  const high = sorted[sorted.length - 1];
  const sure = values.filter((x) => x.v >= 0.6).length;
  const median = series.medianConfidence[at] ?? 0;
  return `Attribution: the median ally is ${pct(median)} confident that a state is behind the attacks; ${sure} of ${values.length} are at 60% or more (least sure ${low?.name} ${pct(low?.v ?? 0)}, most sure ${high?.name} ${pct(high?.v ?? 0)}).`;
}

/** Each game day's last sample at which confidence moved since the day before, as an item. */
function confidenceItems(series: Series): { hour: number; text: string }[] {
  const out: { hour: number; text: string }[] = [];
  let shown = -1;
  series.hours.forEach((hour, i) => {
    const nextHour = series.hours[i + 1];
    const lastOfDay = nextHour === undefined || Math.floor(nextHour / 24) !== Math.floor(hour / 24);
    if (!lastOfDay || i === 0) return;
    const moved =
      shown < 0 || series.allies.some((a) => Math.abs((a.confidence[i] ?? 0) - (a.confidence[shown] ?? 0)) >= 0.02);
    if (!moved) return;
    shown = i;
    out.push({ hour, text: confidenceLine(series, i) });
  });
  return out;
}

function talkItem(session: Session, t: Talk): { hour: number; text: string; code: string } {
  const summary = talkSummary(session, t);
  const said = t.messages?.length
    ? ` They wrote: ${t.messages.map((m) => `${m.by === "chair" ? "the chair" : allyName(session, m.by)}: “${m.text}”`).join("; ")}.`
    : t.heard.length
      ? ` Heard: ${summary.heard.map((x) => x.replace(/\.$/, "")).join("; ")}.`
      : "";
  return {
    hour: t.hour,
    text: `Corridor talks: ${summary.title.replace(/^Day \d+, \d\d:\d\d: /, "")}.${said}`,
    code: t.with,
  };
}

/**
 * The timeline, oldest first. `wallOfLog` gives a log entry's wall-clock time (classroom records); talks take
 * their wall-clock time from `wallOfTalk`.
 */
export function buildTimeline(
  session: Session,
  series: Series,
  wallOfLog: (index: number) => string | undefined = () => undefined,
  wallOfTalk: (index: number) => string | undefined = () => undefined,
): TimelineItem[] {
  const s = stateOf(session);
  const lines = logLines(session);
  const codeOf = new Map(session.env.profiles.map((p) => [p.name, p.code]));
  const extra = [
    ...s.talks.map((t, i) => ({ ...talkItem(session, t), kind: "talk" as const, wall: wallOfTalk(i) })),
    ...confidenceItems(series).map((c) => ({ ...c, kind: "confidence" as const, code: undefined, wall: undefined })),
  ].sort((a, b) => a.hour - b.hour);
  const items: Omit<TimelineItem, "seq" | "day" | "when">[] = [];
  let clock = 0;
  let next = 0;
  const flushUntil = (hour: number) => {
    for (; next < extra.length && (extra[next]?.hour ?? 0) <= hour; next++) {
      const x = extra[next];
      if (x)
        items.push({
          hour: Math.max(clock, x.hour),
          kind: x.kind,
          text: x.text,
          ...(x.code ? { code: x.code } : {}),
          ...(x.wall ? { wall: x.wall } : {}),
        });
    }
  };
  s.log.forEach((e, i) => {
    flushUntil(e.h - 1);
    clock = Math.max(clock, e.h);
    const line = lines[i];
    const code = actorOf(e);
    const measures = measuresOf(e);
    const wall = wallOfLog(i);
    items.push({
      hour: clock,
      kind: KIND[e.k] ?? "other",
      text: line?.text ?? "",
      ...(code ? { code } : {}),
      ...(measures?.length ? { measures } : {}),
      ...(line?.detail ? { detail: line.detail } : {}),
      ...(line?.said?.length
        ? {
            said: line.said.map((x) => ({
              code: codeOf.get(x.who) ?? "",
              name: x.who,
              text: x.text,
              detail: x.detail,
            })),
          }
        : {}),
      ...(wall ? { wall } : {}),
    });
  });
  flushUntil(Number.POSITIVE_INFINITY);
  return items.map((x, seq) => ({ seq, day: Math.floor(x.hour / 24), when: clockLabel(x.hour), ...x }));
}
