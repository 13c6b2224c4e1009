/**
 * Plain words for printed materials: dates, game times, lists of allies, an incident's expected effects and
 * an ally's stylized profile as sentences a student can act on. Pure.
 */
import type { AllyParams, Effects, Evidence } from "../sim/scenarioSchema.ts";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "2007-04-27" as "27 April 2007". */
export function dateWords(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

/** A game hour as "Day 1, 06:00". */
export function dayTime(hour: number): string {
  return `Day ${Math.floor(hour / 24)}, ${String(hour % 24).padStart(2, "0")}:00`;
}

/** "Estonia", "Estonia and Latvia", "Estonia, Latvia and Lithuania". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const money = (m: number) => (m >= 1000 ? `$${Math.round(m / 100) / 10} billion` : `$${m} million`);

/** One range in words: "none", "up to 5%", "40–65%". */
function rangeWords(range: readonly [number, number], unit: (x: number) => string): string {
  const [lo, hi] = range;
  if (hi === 0) return "none";
  if (lo === 0) return `up to ${unit(hi)}`;
  if (lo === hi) return unit(lo);
  const [a, b] = [unit(lo), unit(hi)];
  const suffix = /\s\S+$/.exec(b)?.[0] ?? "";
  return `${suffix && a.endsWith(suffix) ? a.slice(0, -suffix.length) : a}–${b}`;
}

/** An incident's first estimates, from the ranges the scenario allows (each game draws within them). */
export function effectLines(e: Effects): string[] {
  const people = (x: number) => `${x.toLocaleString("en-GB")} ${x === 1 ? "person" : "people"}`;
  const disrupted = rangeWords(e.disruption, pct);
  const [lo, hi] = e.durationDays;
  const duration =
    hi === 0 ? "none" : lo === hi ? `${hi} ${hi === 1 ? "day" : "days"}` : `${rangeWords(e.durationDays, String)} days`;
  return [
    `Services disrupted: ${disrupted === "none" ? "none" : `${disrupted} of those targeted`}`,
    `Expected duration: ${hi === 1 && lo === 0 ? "up to 1 day" : duration}`,
    `Economic loss: ${rangeWords(e.economicLossMusd, money)}`,
    `Physical damage: ${rangeWords(e.physicalDamage, pct)}`,
    `Killed or injured: ${rangeWords(e.casualties, people)}`,
    `Data stolen or destroyed: ${rangeWords(e.dataCompromise, pct)}`,
    `Impact on military readiness: ${rangeWords(e.militaryReadiness, pct)}`,
    `Impact on parliament, elections and government: ${rangeWords(e.democraticInstitutions, pct)}`,
  ];
}

/** How a piece of evidence is labelled on a handout; a planted item looks like any other claim. */
export function evidenceKindWords(kind: Evidence["kind"]): string {
  if (kind === "technical") return "Technical indicators";
  if (kind === "intelligence") return "Intelligence report";
  return "Claim (unverified)";
}

/** Picks the words for a 0..1 value: the first band whose floor it reaches. */
function band(x: number, bands: readonly [number, string][]): string {
  return bands.find(([floor]) => x >= floor)?.[1] ?? bands[bands.length - 1]?.[1] ?? "";
}

/** The stylized profile as sentences in the second person ("You …"), towards `adversary`. */
export function leaningLines(p: AllyParams, adversary: string): string[] {
  const instruments = (Object.entries(p.instruments) as [string, number][])
    .sort((a, b) => b[1] - a[1])
    .slice(0, 2)
    .map(([k]) => k);
  return [
    band(p.attributionThreshold, [
      [0.8, "Attribution: you need near-certainty about who is behind an attack before you name anyone in public."],
      [0.65, "Attribution: you need strong, corroborated evidence before you name a state in public."],
      [0.45, "Attribution: you will act publicly on a reasonable assessment of who is behind it."],
      [0, "Attribution: you are ready to point at a culprit early, before all the evidence is in."],
    ]),
    band(p.severityThreshold, [
      [0.85, "Armed attack: almost no cyber operation would count as an armed attack for you."],
      [0.7, "Armed attack: only destruction or loss of life would make a cyber attack an armed attack for you."],
      [0.5, "Armed attack: serious, lasting disruption of vital services could amount to an armed attack for you."],
      [0, "Armed attack: you are ready to treat a campaign against an ally's state as an armed attack early."],
    ]),
    band(p.escalationAversion, [
      [0.7, "Escalation: you strongly want to avoid any step that could escalate the crisis."],
      [0.45, "Escalation: you weigh the risk of escalation carefully against the need to respond."],
      [0, "Escalation: you accept some risk of escalation for a firm response."],
    ]),
    band(p.solidarity, [
      [0.7, "Solidarity: standing with the allies attacked matters a great deal to you."],
      [0.45, "Solidarity: you want to stand with allies, but not at any price."],
      [0, "Solidarity: you put your own national interests first."],
    ]),
    band(p.exposure, [
      [0.6, `Exposure: you feel directly exposed to ${adversary}.`],
      [0.3, `Exposure: you are somewhat exposed to ${adversary}.`],
      [0, `Exposure: you feel little direct threat from ${adversary}.`],
    ]),
    band(p.economicTies, [
      [0.55, `Economy: you have close economic ties with ${adversary}; sanctions would cost you.`],
      [0.25, `Economy: you have some trade with ${adversary}.`],
      [0, `Economy: you have few economic ties with ${adversary}.`],
    ]),
    band(p.cyberCapability, [
      [0.7, "Cyber capability: strong; you can share intelligence and send experts."],
      [0.4, "Cyber capability: moderate; you can offer some help."],
      [0, "Cyber capability: limited; you rely on allies for technical help."],
    ]),
    band(p.domesticConstraint, [
      [0.6, "At home: military steps need a parliamentary mandate or face strong opposition."],
      [0.3, "At home: your government must explain any strong step to a watchful parliament."],
      [0, "At home: your government has a free hand."],
    ]),
    `Preferred tools: ${instruments.join(" and ")} measures.`,
  ];
}
