/** Changes and their consequences in words: "Had you met Hungary …, the text would have passed." Pure. */
import type { EngineEvent } from "../events.ts";
import { formatHour } from "../explain.ts";
import { type MeasureId, measureById, wordedName } from "../measures.ts";
import type { Outcome } from "../scoring.ts";
import { stateOf } from "../session.ts";
import type { ArgumentKind, Offer, SeatId } from "../state.ts";
import type { Timeline } from "./timeline.ts";
import type { Edit, ParamName } from "./types.ts";

const OFFER_WORDS: Record<Offer, string> = {
  none: "listened to its concerns",
  reassurance: "offered reassurance against escalation",
  linkage: "offered a linkage deal to ease its costs",
  legal: "offered a legal reading of the harm",
  intelligence: "briefed it on the intelligence",
};

const ARGUMENT_WORDS: Record<ArgumentKind, string> = {
  evidence: "the evidence",
  solidarity: "solidarity with the allies attacked",
  legal: "a legal reading of the harm",
  escalation: "the risk of escalation",
};

const PARAM_WORDS: Record<ParamName, string> = {
  exposure: "exposure to the adversary",
  severityThreshold: "threshold for treating the harm as grave",
  attributionThreshold: "threshold of attribution confidence",
  escalationAversion: "aversion to escalation",
  solidarity: "weight on alliance solidarity",
  cyberCapability: "cyber capability",
  domesticConstraint: "domestic constraint",
  economicTies: "economic ties to the adversary",
  economicHarmWeight: "weight on non-physical harm",
};

const OUTCOME_WORDS: Record<Outcome, string> = {
  "no-consensus": "no consensus",
  coalition: "only a coalition acting outside the Council",
  statements: "agreed statements",
  "collective-response": "a collective response",
  "article-5": "Article 5",
};

const measureName = (m: MeasureId) => measureById(m).name;
const quoted = (m: MeasureId, w: "soft" | "standard") => `“${wordedName(m, w)}”`;
const listOf = (xs: readonly string[]) =>
  xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`;

/** Who a seat is in a sentence: "you" for the record's own seat, else the delegation's name. */
function who(t: Timeline, seat: SeatId): string {
  if (seat === t.record.seats.role) return "you";
  if (seat === "chair") return "the Secretary General";
  return t.env.profiles[t.env.index.get(seat) ?? -1]?.name ?? seat;
}

const allyName = (t: Timeline, code: string) => t.env.profiles[t.env.index.get(code) ?? -1]?.name ?? code;

/** "on day 3, 14:00": when the record's event `at` happened. */
function when(t: Timeline, at: number): string {
  const s = t.before[at];
  return s ? `on ${formatHour(stateOf(s).hour)}` : "";
}

function withdrawn(t: Timeline, e: EngineEvent, at: number): string {
  const time = when(t, at);
  switch (e.type) {
    case "silence.break":
      return `${who(t, e.by)} not broken silence ${time}`;
    case "corridor.talk":
      return `${who(t, e.by)} not met ${allyName(t, e.with)} in the corridors ${time}`;
    case "intel.share":
      return `${who(t, e.by)} not shared intelligence ${time}`;
    case "article4.request":
      return `${who(t, e.by)} not requested Article 4 consultations ${time}`;
    case "assistance.request":
      return `${who(t, e.by)} not asked for technical assistance ${time}`;
    case "consultation.statement":
      return `${who(t, e.by)} not made the statement ${time}`;
    case "coalition.join":
      return `${who(t, e.by)} not joined the coalition on ${measureName(e.measure).toLowerCase()}`;
    default:
      return `${who(t, e.by)} not sent “${e.type}” ${time}`;
  }
}

/** How a tabled draft differs from the recorded one: measures added, left out, softened or decided separately. */
export function tableDiff(
  e: Extract<EngineEvent, { type: "draft.table" }>,
  was: EngineEvent,
): { change: "add" | "drop" | "soften" | "split" | "other"; measures: MeasureId[] } {
  if (was.type !== "draft.table") return { change: "other", measures: [] };
  const added = e.measures.filter((m) => !was.measures.includes(m));
  if (added.length) return { change: "add", measures: added };
  const left = was.measures.filter((m) => !e.measures.includes(m));
  if (left.length) return { change: "drop", measures: left };
  const softened = e.measures.filter((m) => e.wording?.[m] === "soft" && was.wording?.[m] !== "soft");
  if (softened.length) return { change: "soften", measures: softened };
  const wasSplit = Array.isArray(was.split) ? was.split : [];
  const split = Array.isArray(e.split) ? e.split.filter((m) => !wasSplit.includes(m)) : [];
  return split.length ? { change: "split", measures: split } : { change: "other", measures: [] };
}

function tableChange(
  t: Timeline,
  e: Extract<EngineEvent, { type: "draft.table" }>,
  was: EngineEvent,
  at: number,
): string {
  const subject = who(t, e.by);
  const draft = `the draft ${when(t, at).replace(/^on /, "of ")}`;
  const { change, measures } = tableDiff(e, was);
  const names = listOf(measures.map(measureName));
  switch (change) {
    case "add":
      return `${subject} added ${names} to ${draft}`;
    case "drop":
      return `${subject} left ${names} out of ${draft}`;
    case "soften":
      return `${subject} softened ${listOf(measures.map((m) => `${quoted(m, "standard")} to ${quoted(m, "soft")}`))} in ${draft}`;
    case "split":
      return `${subject} put ${names} to a separate decision in ${draft}`;
    case "other":
      return `${subject} tabled ${draft} differently`;
  }
}

function replaced(t: Timeline, e: EngineEvent, was: EngineEvent, at: number): string {
  if (e.type === "silence.reserve")
    return `${who(t, e.by)} kept silence with a reservation instead of breaking it ${when(t, at)}`;
  if (e.type === "draft.table") return tableChange(t, e, was, at);
  if (
    e.type === "consultation.statement" &&
    was.type === "consultation.statement" &&
    e.arguments?.length !== was.arguments?.length
  ) {
    const added = (e.arguments ?? []).filter((a) => !(was.arguments ?? []).includes(a));
    return `${who(t, e.by)} argued ${listOf(added.map((a) => ARGUMENT_WORDS[a]))} in the statement ${when(t, at)}`;
  }
  if (e.type === "consultation.statement" && was.type === "consultation.statement") {
    const freed = was.rejects.filter((m) => !e.rejects.includes(m));
    return `${who(t, e.by)} not ruled out ${listOf(freed.map(measureName).map((x) => x.toLowerCase()))} ${when(t, at)}`;
  }
  return `${who(t, e.by)} acted differently ${when(t, at)}`;
}

function inserted(t: Timeline, e: EngineEvent, at: number): string {
  if (e.type !== "corridor.talk") return `${who(t, e.by)} sent “${e.type}” ${when(t, at)}`;
  const next = t.record.events[at];
  const moment = next?.type === "silence.deadline" ? "during the silence procedure" : "before the draft was tabled";
  const about = e.measure ? ` on ${measureName(e.measure).toLowerCase()}` : "";
  return `${who(t, e.by)} met ${allyName(t, e.with)} ${moment} (${when(t, at).replace(/^on /, "")}) and ${OFFER_WORDS[e.offer]}${about}`;
}

/** One change as the clause after "Had …". */
export function describeEdit(t: Timeline, edit: Edit): string {
  switch (edit.kind) {
    case "withdraw":
      return withdrawn(t, edit.event, edit.at);
    case "replace":
      return replaced(t, edit.event, edit.was, edit.at);
    case "insert":
      return inserted(t, edit.event, edit.at);
    case "wait":
      return `${who(t, edit.event.by)} suspended consultation to await the evidence before tabling the draft ${when(t, edit.at).replace(/^on /, "of ")}`;
    case "chairText":
      return edit.change === "soften"
        ? `the Secretary General softened ${quoted(edit.measure, "standard")} to ${quoted(edit.measure, "soft")} in the draft ${when(t, edit.at)}`
        : `the Secretary General put ${measureName(edit.measure)} to a separate decision ${when(t, edit.at)}`;
    case "threshold":
      return `${allyName(t, edit.ally)}’s ${PARAM_WORDS[edit.param]} been ${edit.to.toFixed(2)} instead of ${edit.from.toFixed(2)}`;
    case "evidence": {
      const title = t.env.evidence.get(edit.evidence)?.evidence.title ?? edit.evidence;
      const sooner = edit.afterHours === 0 ? "as the incident broke" : `${edit.afterHours} hours after the incident`;
      return `“${title}” reached allies ${sooner} instead of ${edit.wasHours} hours after it`;
    }
  }
}

/** What the change would have done, from the recorded outcome to the rerun's. */
export function describeConsequence(
  before: { outcome: Outcome; adopted: readonly MeasureId[] },
  after: { outcome: Outcome; adopted: readonly MeasureId[] },
): string {
  const gained = after.adopted.filter((m) => !before.adopted.includes(m)).map(measureName);
  const lost = before.adopted.filter((m) => !after.adopted.includes(m)).map(measureName);
  if (!before.adopted.length && after.adopted.length)
    return `the text would have passed (${listOf(after.adopted.map(measureName))})`;
  if (before.adopted.length && !after.adopted.length)
    return `the Council would have agreed on nothing (${OUTCOME_WORDS[after.outcome]})`;
  const parts: string[] = [];
  if (after.outcome !== before.outcome)
    parts.push(
      `the Council would have reached ${OUTCOME_WORDS[after.outcome]} instead of ${OUTCOME_WORDS[before.outcome]}`,
    );
  if (gained.length) parts.push(`${listOf(gained)} would also have been adopted`);
  if (lost.length) parts.push(`${listOf(lost)} would not have been adopted`);
  return parts.join(", and ") || "the outcome would have been the same";
}

/** The whole sentence: "Had you … and …, the text would have passed (…)." */
export function describeFlip(
  t: Timeline,
  edits: readonly Edit[],
  before: { outcome: Outcome; adopted: readonly MeasureId[] },
  after: { outcome: Outcome; adopted: readonly MeasureId[] },
): string {
  const clauses = edits.map((e) => describeEdit(t, e).replace(/\s+/g, " ").trim());
  return `Had ${listOf(clauses)}, ${describeConsequence(before, after)}.`;
}
