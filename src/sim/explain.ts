/** Words for the engine's machine-readable reasons and log entries; shared by the CLI, the UI and debriefs. */
import { type MeasureId, measureById } from "./measures.ts";
import type { LogEntry, Reason } from "./state.ts";

const n2 = (x: number) => x.toFixed(2);
const name = (m?: MeasureId) => (m ? measureById(m).name.toLowerCase() : "the draft");

/** One reason as a sentence, e.g. "attribution confidence 0.45 < our threshold 0.60 for invoke article 5". */
export function explainReason(r: Reason): string {
  switch (r.code) {
    case "not_available":
      return `${name(r.measure)} is not yet in NATO's toolbox${r.measure && measureById(r.measure).sinceNote ? ` (from ${measureById(r.measure).since}: ${measureById(r.measure).sinceNote})` : ""}`;
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

/** Game hour as "day 3, 14:00". */
export function formatHour(hour: number): string {
  const day = Math.floor(hour / 24);
  const h = Math.floor(hour % 24);
  return `day ${day}, ${String(h).padStart(2, "0")}:00`;
}

const list = (ms: readonly MeasureId[]) => (ms.length ? ms.map((m) => measureById(m).name).join("; ") : "nothing");

/** One log entry as a line of the transcript. `title` names an inject or evidence id for display. */
export function describeEntry(e: LogEntry, title: (id: string) => string = (id) => id): string {
  switch (e.k) {
    case "phase":
      return `— ${e.phase.toUpperCase()} —`;
    case "inject":
      return `Incident: ${title(e.id)} (severity ${n2(e.severity)}${e.escalation > 1 ? `, escalated ×${n2(e.escalation)}` : ""})`;
    case "evidence":
      return `Evidence: ${title(e.id)} reaches ${e.recipients} ${e.recipients === 1 ? "ally" : "allies"}`;
    case "share":
      return `${e.by} shares intelligence with ${e.to === "all" ? "all allies" : e.to.join(", ")} (${e.items} items)`;
    case "assist":
      return `${e.by} requests technical assistance; rapid-response teams deploy`;
    case "article4":
      return `${e.by} requests consultations under Article 4`;
    case "statement":
      return `${e.by}: ${e.stance}${e.reasons.length ? ` — ${e.reasons.map(explainReason).join("; ")}` : ""}`;
    case "round": {
      const count = (letter: string) => [...e.stances].filter((c) => c === letter).length;
      return `Round ${e.round}: ${count("S")} support, ${count("U")} undecided, ${count("O")} oppose`;
    }
    case "proposal":
      return `Chair's working text: ${list(e.measures)}`;
    case "table":
      return `Draft tabled under silence procedure (attempt ${e.attempt}): ${list(e.measures)}`;
    case "break":
      return `${e.by} BREAKS SILENCE (${e.reason})`;
    case "silence":
      return e.adopted
        ? `Silence holds: the decision is adopted${e.reservations.length ? ` (reservations: ${e.reservations.join(", ")})` : ""}`
        : `Silence broken by ${e.brokenBy.join(", ")}: the draft falls`;
    case "await":
      return `The chair suspends consultation until ${formatHour(e.until)} to await further evidence (${name(e.measure)} is held back by attribution)`;
    case "close":
      return "The chair closes consultation without a decision";
    case "response":
      return `Adversary ${e.reaction === "deterred" ? "is deterred and stops" : e.reaction === "escalates" ? "escalates" : "continues the campaign"} (deterrence ${n2(e.deterrence)})`;
    case "end":
      return `Session ends: ${e.outcome}`;
    case "control":
      return `${e.ally} is now played by ${e.controller === "human" ? "a delegate" : "the AI"}`;
    case "note":
      return `Facilitator: ${e.text}`;
    case "reveal":
      return "The facilitator reveals who was really behind the attack";
  }
}
