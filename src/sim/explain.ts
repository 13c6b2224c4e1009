/** Words for the engine's machine-readable reasons and log entries; shared by the CLI, the UI and debriefs. */
import { type MeasureId, measureById, wordedName } from "./measures.ts";
import { ARGUMENT_TOPIC } from "./negotiation.ts";
import type { ArgumentKind, LogEntry, Offer, Reason, StanceKind, Talk } from "./state.ts";
import { parseBreakReason, voiceOne } from "./voice.ts";

const n2 = (x: number) => x.toFixed(2);

/** A count with its noun in the right number: "1 item", "3 items", "2 people". */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
const name = (m?: MeasureId) => (m ? measureById(m).name.toLowerCase() : "the draft");

/** Why a measure is not yet in the toolbox, and its softer text when that one already is. */
function notYetAvailable(id?: MeasureId): string {
  const m = id ? measureById(id) : undefined;
  if (!m) return "the measure is not yet in NATO's toolbox";
  const since = m.sinceNote ? ` (from ${m.since}: ${m.sinceNote})` : "";
  const soft = m.softSince ? `; its softer text, “${wordedName(m.id, "soft")}”, is (${m.softSinceNote})` : "";
  return `${name(id)} is not yet in NATO's toolbox${since}${soft}`;
}

/** One reason as a sentence, e.g. "attribution confidence 0.45 < our threshold 0.60 for invoke article 5". */
export function explainReason(r: Reason): string {
  switch (r.code) {
    case "not_available":
      return notYetAvailable(r.measure);
    case "severity_below_threshold":
      return `severity ${n2(r.value)} < our threshold ${n2(r.threshold)} for ${name(r.measure)}`;
    case "attribution_below_threshold":
      return `attribution confidence ${n2(r.value)} < our threshold ${n2(r.threshold)} for ${name(r.measure)}`;
    case "escalation_risk":
      return `escalation risk of ${name(r.measure)} outweighs its value (net ${n2(-r.value)}, tolerance ${n2(r.threshold)})`;
    case "economic_cost":
      return `economic cost of ${name(r.measure)} outweighs its value (net ${n2(-r.value)}, tolerance ${n2(r.threshold)})`;
    case "domestic_constraint":
      return `${name(r.measure)} needs a domestic mandate we lack (net ${n2(-r.value)})`;
    case "wants_more":
      return `we ask the Council to add ${name(r.measure)}`;
    case "rejects_by_instruction":
      return `our instructions rule out ${name(r.measure)}`;
    case "supports":
      return "we can support the text as it stands";
  }
}

/** A break's reason in words: the engine's reason voiced, or a person's own words in quotes. */
function breakWords(by: string, reason: string, measures: readonly MeasureId[]): string {
  const parsed = parseBreakReason(reason);
  if (!parsed && reason !== "objects") return `"${reason}"`;
  const speaker = { code: by, name: by };
  return voiceOne(speaker, { kind: "break", reasons: parsed ? [parsed] : [], measures }, by).lead;
}

const STANCE_SAID: Record<StanceKind, string> = {
  support: "supports the working text",
  undecided: "is undecided on the working text",
  oppose: "opposes the working text",
};

/** A delegation's statement as sent: its stance, what it asks for and rules out, its arguments and words. */
function statementLine(e: Extract<LogEntry, { k: "statement" }>, who: (code: string) => string): string {
  const parts = [`${who(e.by)} ${STANCE_SAID[e.stance]}`];
  if (e.wants.length) parts.push(`asks for ${list(e.wants).toLowerCase()}`);
  if (e.rejects.length) parts.push(`rules out ${list(e.rejects).toLowerCase()}`);
  if (e.args.length) parts.push(`argues ${e.args.map((a) => ARGUMENT_NAMES[a]).join(", ")}`);
  const reasons = e.reasons.filter((r) => r.code !== "supports" && r.code !== "wants_more");
  if (reasons.length) parts.push(`because ${reasons.map(explainReason).join("; ")}`);
  return `${parts.join("; ")}${e.text ? ` — "${e.text}"` : ""}`;
}

/** Game hour as "day 3, 14:00". */
export function formatHour(hour: number): string {
  const day = Math.floor(hour / 24);
  const h = Math.floor(hour % 24);
  return `day ${day}, ${String(h).padStart(2, "0")}:00`;
}

const list = (ms: readonly MeasureId[]) => (ms.length ? ms.map((m) => measureById(m).name).join("; ") : "nothing");
const listWorded = (ms: readonly MeasureId[], soft: readonly MeasureId[], strong: readonly MeasureId[]) =>
  ms.length
    ? ms.map((m) => wordedName(m, soft.includes(m) ? "soft" : strong.includes(m) ? "strong" : "standard")).join("; ")
    : "nothing";

/** Words for each kind of argument a statement can carry. */
export const ARGUMENT_NAMES: Record<ArgumentKind, string> = {
  evidence: "from the evidence",
  solidarity: "for solidarity with the allies attacked",
  legal: "a legal reading of the harm",
  escalation: "the risk of escalation",
};

/** One corridor talk as a line for the two parties' (and the facilitator's) transcript. */
export function describeTalk(t: Talk): string {
  return `${t.by === "chair" ? "The chair" : t.by} holds corridor talks with ${t.with}${t.offer === "none" ? "" : ` (offers ${OFFER_NAMES[t.offer]})`}`;
}

/** Words for each offer a corridor talk can carry. */
export const OFFER_NAMES: Record<Offer, string> = {
  none: "nothing but a hearing",
  reassurance: "reassurance on proportionality and de-escalation",
  linkage: "support for its own priorities",
  intelligence: "an intelligence briefing",
  legal: "a legal reading of the harm",
};

/**
 * One log entry as a line of the transcript. `title` names an inject or evidence id for display, `who` an ally
 * (its code unless told).
 */
export function describeEntry(
  e: LogEntry,
  title: (id: string) => string = (id) => id,
  who: (code: string) => string = (code) => code,
): string {
  switch (e.k) {
    case "phase":
      return `— ${e.phase.toUpperCase()} —`;
    case "inject":
      return `Incident: ${title(e.id)} (severity ${n2(e.severity)}${e.escalation > 1 ? `, escalated ×${n2(e.escalation)}` : ""})`;
    case "evidence":
      return `Evidence: ${title(e.id)} reaches ${e.recipients} ${e.recipients === 1 ? "ally" : "allies"}`;
    case "share":
      return `${who(e.by)} shares intelligence with ${e.to === "all" ? "all allies" : e.to.map(who).join(", ")} (${countOf(e.items, "item")})`;
    case "assist":
      return `${who(e.by)} requests technical assistance; rapid-response teams deploy`;
    case "article4":
      return `${who(e.by)} requests consultations under Article 4`;
    case "statement":
      return statementLine(e, who);
    case "argument":
      return `${who(e.by)} argues ${ARGUMENT_NAMES[e.arg]}${e.moved.length ? `; it weighs with ${e.moved.length} ${e.moved.length === 1 ? "ally" : "allies"}` : "; nobody is moved"}`;
    case "briefing":
      return `The chair has the Council briefed ${ARGUMENT_TOPIC[e.arg]}${e.moved.length ? `; it weighs with ${countOf(e.moved.length, "ally", "allies")}` : "; nobody is moved"}`;
    case "reserve":
      return `${who(e.by)} keeps silence with a reservation: "${e.text}"`;
    case "coalition":
      return `Outside the Council, ${countOf(e.members.length, "ally", "allies")} act${e.members.length === 1 ? "s" : ""} together: ${measureById(e.measure).name.toLowerCase()} (${e.members.map(who).join(", ")})`;
    case "domestic":
      return `${who(e.ally)}: a new government takes office, ${e.change === "hawkish" ? "readier to act" : "more cautious"}`;
    case "round": {
      const count = (letter: string) => [...e.stances].filter((c) => c === letter).length;
      const people = count("-");
      return `Round ${e.round}: ${count("S")} support, ${count("U")} undecided, ${count("O")} oppose${people ? `, ${countOf(people, "seat")} played by people` : ""}`;
    }
    case "proposal":
      return `Chair's working text: ${list(e.measures)}`;
    case "table":
      return `Draft tabled under silence procedure (attempt ${e.attempt}${e.separate.length ? `, with ${list(e.separate)} decided separately` : ""}): ${listWorded(e.measures, e.soft, e.strong)}`;
    case "break":
      return `${who(e.by)} BREAKS SILENCE${e.measures.length ? ` on ${list(e.measures)}` : ""}: ${breakWords(e.by, e.reason, e.measures)}`;
    case "silence": {
      const what = e.measures.length ? `the draft (${list(e.measures)})` : "the draft";
      return e.adopted
        ? `Silence holds: ${what} is adopted${e.reservations.length ? ` (reservations: ${e.reservations.map(who).join(", ")})` : ""}`
        : `Silence broken by ${e.brokenBy.map(who).join(", ")}: ${what} falls`;
    }
    case "await":
      return `The chair suspends consultation until ${formatHour(e.until)} to await further evidence (${name(e.measure)} is held back by attribution)`;
    case "close":
      return "The chair closes consultation without a decision";
    case "response":
      return `Adversary ${e.reaction === "deterred" ? "is deterred and stops" : e.reaction === "escalates" ? "escalates" : "continues the campaign"} (deterrence ${n2(e.deterrence)})`;
    case "end":
      return `Session ends: ${e.outcome}`;
    case "control":
      return `${who(e.ally)} is now played by ${e.controller === "human" ? "a delegate" : "the AI"}`;
    case "note":
      return `Facilitator: ${e.text}`;
    case "reveal":
      return "The facilitator reveals who was really behind the attack";
    case "private":
      return "";
  }
}
