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

/** How a measure is worded in a draft: softer wording is easier to accept and deters less. */
export const WORDINGS = ["soft", "standard", "strong"] as const;
export type Wording = (typeof WORDINGS)[number];

/** The wording of each measure in a text; a measure not named is in its standard wording. */
export type WordingMap = Partial<Record<MeasureId, Wording>>;

/** What a wording does to a measure: the thresholds allies need, the costs they weigh, the deterrence it buys. */
export interface WordingTerms {
  threshold: number; // multiplies the severity and attribution an ally requires
  cost: number; // multiplies escalation, economic and domestic costs
  deterrence: number; // multiplies deterrent value
}

export const WORDING_TERMS: Record<Wording, WordingTerms> = {
  soft: { threshold: 0.75, cost: 0.55, deterrence: 0.55 },
  standard: { threshold: 1, cost: 1, deterrence: 1 },
  strong: { threshold: 1.1, cost: 1.3, deterrence: 1.35 },
};
export type Instrument = "political" | "economic" | "cyber" | "military";
/**
 * What makes allies ask for a measure: `any` harm; an attack on the `state` itself (its institutions, its
 * forces, its people's safety) rather than on companies caught in it; or the `need` of a victim who asked for help.
 */
export type Demand = "any" | "state" | "need";

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
  demand: Demand; // what makes allies ask for it
  since?: string; // first date (YYYY-MM-DD) the measure is in NATO's toolbox
  sinceNote?: string; // why that date
  softSince?: string; // an earlier date from which its softer wording alone is in the toolbox
  softSinceNote?: string; // why that date
  softTerms?: Partial<WordingTerms>; // where its softer text asks less (or more) than softer words usually do
  summary: string;
}

export const MEASURES: readonly Measure[] = [
  {
    id: "concern",
    demand: "any",
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
    demand: "state",
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
    demand: "any",
    rank: 2,
    name: "Collective acknowledgement of national attributions",
    instrument: "political",
    minSeverity: 0.15,
    minAttribution: 0.65,
    escalation: 0.3,
    deterrence: 0.2,
    economicCost: 0.15,
    summary: "Allies who have attributed the attack say so; the Council acknowledges their findings.",
  },
  {
    id: "article4",
    demand: "state",
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
    demand: "need",
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
    demand: "any",
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
    demand: "any",
    rank: 6,
    name: "Defensive cyber operations",
    instrument: "cyber",
    minSeverity: 0.4,
    minAttribution: 0, // hunting intruders on allied networks names nobody
    escalation: 0.25,
    deterrence: 0.3,
    economicCost: 0.05,
    since: "2018-07-11",
    sinceNote: "the Brussels Summit agreed to integrate allies' sovereign cyber effects into NATO operations",
    // Sharing threat indicators asks no new mandate: NATO's incident response capability dates from Prague.
    softSince: "2002-11-21",
    softSinceNote: "the Prague Summit set up NATO's Computer Incident Response Capability",
    // Sharing indicators is a far smaller step than operating on allied networks: allies need much less harm.
    softTerms: { threshold: 0.5 },
    summary: "Allies hunt and block the intruders on allied networks, with shared indicators.",
  },
  {
    id: "countermeasures",
    demand: "any",
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
    demand: "state",
    rank: 8,
    name: "Military posture changes",
    instrument: "military",
    minSeverity: 0.5,
    minAttribution: 0.3, // reassurance of the allies attacked names nobody; it presumes a threat
    escalation: 0.6,
    deterrence: 0.55,
    economicCost: 0.15,
    summary: "Readiness is raised and forces reinforce the allies attacked.",
  },
  {
    id: "article5",
    demand: "state",
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

/** What a wording does to this measure: the usual terms, unless the measure's softer text is a step of its own. */
export function wordingTerms(m: Measure, wording: Wording): WordingTerms {
  const usual = WORDING_TERMS[wording];
  return wording === "soft" && m.softTerms ? { ...usual, ...m.softTerms } : usual;
}

/** True when the measure, in this wording, is in NATO's toolbox at the scenario's date. */
export function wordingAvailableAt(m: Measure, wording: Wording, date: string): boolean {
  const since = wording === "soft" && m.softSince ? m.softSince : m.since;
  return !since || date >= since;
}

/** True when the measure is in NATO's toolbox at the scenario's date in some wording (see wordingsAt). */
export function availableAt(m: Measure, date: string): boolean {
  return wordingAvailableAt(m, "standard", date) || (hasWording(m.id, "soft") && wordingAvailableAt(m, "soft", date));
}

/** True when the string names a measure on the ladder. */
export function isMeasureId(id: string): id is MeasureId {
  return BY_ID.has(id as MeasureId);
}

/**
 * The softer and stronger texts of each measure; a measure without one has only its standard wording
 * (Article 4 and Article 5 are treaty procedures, not phrasing).
 */
export const WORDING_TEXT: Record<MeasureId, Partial<Record<Wording, string>>> = {
  concern: {
    soft: "Take note of the reported cyber activity",
    strong: "Condemn the malicious cyber activity in the strongest terms",
  },
  solidarity: {
    soft: "Express sympathy with the allies affected",
    strong: "Declare full solidarity and readiness to help by every means",
  },
  acknowledge: {
    soft: "Take note of allies' national assessments",
    strong: "Condemn the state responsible by name",
  },
  article4: {},
  assistance: {
    soft: "Offer expert advice on request",
    strong: "Deploy a standing assistance mission",
  },
  sanctions: {
    soft: "Consider coordinated sanctions",
    strong: "Impose coordinated sanctions on a fixed timetable",
  },
  defensiveCyber: {
    soft: "Share threat indicators across allied networks",
    strong: "Conduct persistent defensive operations against the intruders",
  },
  countermeasures: {
    soft: "Reserve the right to proportionate countermeasures",
    strong: "Take countermeasures now against the responsible infrastructure",
  },
  posture: {
    soft: "Review the readiness of allied forces",
    strong: "Deploy reinforcements to the allies attacked at once",
  },
  article5: {},
};

/** True when the measure can be tabled in this wording (at `date`, when one is given). */
export function hasWording(id: MeasureId, wording: Wording, date?: string): boolean {
  const phrased = wording === "standard" || WORDING_TEXT[id][wording] !== undefined;
  if (!phrased || date === undefined) return phrased;
  const m = measureById(id);
  // A stronger text goes no further back than the standard one.
  return wordingAvailableAt(m, wording === "strong" ? "standard" : wording, date);
}

/** The wordings a measure can be tabled in at `date`, softest first (empty when it is not in the toolbox). */
export function wordingsAt(id: MeasureId, date: string): Wording[] {
  return WORDINGS.filter((w) => hasWording(id, w, date));
}

/** The wording a measure takes when none is chosen: standard, or the only one in the toolbox at `date`. */
export function defaultWording(id: MeasureId, date: string): Wording {
  const all = wordingsAt(id, date);
  return all.includes("standard") ? "standard" : (all[0] ?? "standard");
}

/** The measure as worded in a draft, for people to read. */
export function wordedName(id: MeasureId, wording: Wording = "standard"): string {
  return WORDING_TEXT[id][wording] ?? measureById(id).name;
}
