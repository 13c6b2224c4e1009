/** The measures ladder: the menu a draft decision is built from, weakest first. Pure data. */

export const MEASURE_IDS = [
  "concern",
  "solidarity",
  "acknowledge",
  "article4",
  "assistance",
  "sanctions",
  "defensiveCyber",
  "countermeasures",
  "posture",
  "article5",
] as const;

export type MeasureId = (typeof MEASURE_IDS)[number];
export type Instrument = "political" | "economic" | "cyber" | "military";

export interface Measure {
  id: MeasureId;
  rank: number; // position on the ladder, 0 = weakest
  name: string;
  instrument: Instrument;
  minSeverity: number; // Council-level harm (0..1) below which allies see it as premature
  minAttribution: number; // state-attribution confidence (0..1) an ally needs before naming a culprit with it
  escalation: number; // escalation cost, 0..1
  deterrence: number; // deterrent value, 0..1
  economicCost: number; // cost to allies' own economies, 0..1
  since?: string; // first date (YYYY-MM-DD) the measure is in NATO's toolbox
  sinceNote?: string; // why that date
  summary: string;
}

export const MEASURES: readonly Measure[] = [
  {
    id: "concern",
    rank: 0,
    name: "Statement of concern",
    instrument: "political",
    minSeverity: 0,
    minAttribution: 0,
    escalation: 0,
    deterrence: 0.05,
    economicCost: 0,
    summary: "The Council notes the incident and calls for restraint; nobody is named.",
  },
  {
    id: "solidarity",
    rank: 1,
    name: "Statement of solidarity",
    instrument: "political",
    minSeverity: 0.1,
    minAttribution: 0,
    escalation: 0.02,
    deterrence: 0.1,
    economicCost: 0,
    summary: "The Council stands with the allies affected and condemns the activity.",
  },
  {
    id: "acknowledge",
    rank: 2,
    name: "Collective acknowledgement of national attributions",
    instrument: "political",
    minSeverity: 0.15,
    minAttribution: 0.65,
    escalation: 0.25,
    deterrence: 0.2,
    economicCost: 0,
    summary: "Allies who have attributed the attack say so; the Council acknowledges their findings.",
  },
  {
    id: "article4",
    rank: 3,
    name: "Article 4 consultations",
    instrument: "political",
    minSeverity: 0.3,
    minAttribution: 0.2,
    escalation: 0.15,
    deterrence: 0.2,
    economicCost: 0,
    summary: "The Council formally consults because an ally's security is threatened.",
  },
  {
    id: "assistance",
    rank: 4,
    name: "Technical assistance",
    instrument: "cyber",
    minSeverity: 0.1,
    minAttribution: 0,
    escalation: 0.02,
    deterrence: 0.1,
    economicCost: 0.02,
    summary: "Rapid-response teams help the victims restore and investigate (incident response, forensics).",
  },
  {
    id: "sanctions",
    rank: 5,
    name: "Coordinated sanctions",
    instrument: "economic",
    minSeverity: 0.35,
    minAttribution: 0.7,
    escalation: 0.3,
    deterrence: 0.35,
    economicCost: 0.45,
    summary: "Allies align national sanctions on those responsible.",
  },
  {
    id: "defensiveCyber",
    rank: 6,
    name: "Defensive cyber operations",
    instrument: "cyber",
    minSeverity: 0.4,
    minAttribution: 0.6,
    escalation: 0.25,
    deterrence: 0.3,
    economicCost: 0.05,
    since: "2018-07-11",
    sinceNote: "the Brussels Summit agreed to integrate allies' sovereign cyber effects into NATO operations",
    summary: "Allies hunt and block the intruders on allied networks, with shared indicators.",
  },
  {
    id: "countermeasures",
    rank: 7,
    name: "Sovereign cyber countermeasures",
    instrument: "cyber",
    minSeverity: 0.5,
    minAttribution: 0.75,
    escalation: 0.55,
    deterrence: 0.5,
    economicCost: 0.1,
    since: "2018-07-11",
    sinceNote: "the Brussels Summit agreed to integrate allies' sovereign cyber effects into NATO operations",
    summary: "Allies act against the responsible state's infrastructure, proportionately, to make it stop.",
  },
  {
    id: "posture",
    rank: 8,
    name: "Military posture changes",
    instrument: "military",
    minSeverity: 0.55,
    minAttribution: 0.7,
    escalation: 0.6,
    deterrence: 0.55,
    economicCost: 0.15,
    summary: "Readiness is raised and forces reinforce the allies attacked.",
  },
  {
    id: "article5",
    rank: 9,
    name: "Invoke Article 5",
    instrument: "military",
    minSeverity: 0.7,
    minAttribution: 0.8,
    escalation: 0.9,
    deterrence: 0.9,
    economicCost: 0.3,
    summary: "The Council finds an armed attack on one is an attack on all; each ally assists as it deems necessary.",
  },
];

const BY_ID = new Map(MEASURES.map((m) => [m.id, m]));

/** The measure with this id; throws only for ids outside MEASURE_IDS (a programming error). */
export function measureById(id: MeasureId): Measure {
  const m = BY_ID.get(id);
  if (!m) throw new Error(`unknown measure ${id}`);
  return m;
}

/** True when the measure is in NATO's toolbox at the scenario's date. */
export function availableAt(m: Measure, date: string): boolean {
  return !m.since || date >= m.since;
}

/** True when the string names a measure on the ladder. */
export function isMeasureId(id: string): id is MeasureId {
  return BY_ID.has(id as MeasureId);
}
