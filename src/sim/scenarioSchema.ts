/** Zod schemas for scenario files and the ally roster: the single definition of their shape. */
import { z } from "zod";
import { MEASURE_IDS } from "./measures.ts";

const unit = z.number().min(0).max(1);
const range = (min: number, max: number) =>
  z
    .tuple([z.number().min(min).max(max), z.number().min(min).max(max)])
    .refine(([lo, hi]) => lo <= hi, { message: "range must be [low, high] with low <= high" });
const unitRange = range(0, 1);
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** True when `text` (already shaped YYYY-MM-DD) names a day that exists in the Gregorian calendar. */
function isCalendarDate(text: string): boolean {
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const max = month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return day >= 1 && day <= max;
}
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "expected a date as YYYY-MM-DD", abort: true })
  .refine(isCalendarDate, "expected a real calendar date as YYYY-MM-DD");
const allyCode = z.string().regex(/^[A-Z]{3}$/, "expected an ISO 3166 alpha-3 code such as EST");
/** A state as a possible adversary (ISO 3166 alpha-3); not necessarily an ally. */
const stateCode = z.string().regex(/^[A-Z]{3}$/, "expected an ISO 3166 alpha-3 code such as RUS");

export const ACTOR_TYPES = ["state", "proxy", "patriotic", "criminal"] as const;
export const actorType = z.enum(ACTOR_TYPES);
export const measureId = z.enum(MEASURE_IDS);

export const OBJECTIVE_IDS = [
  "consensus", // a decision is adopted
  "noBreaks", // nobody breaks silence
  "solidarity", // a statement of solidarity (or stronger) is adopted
  "assistance", // technical assistance is adopted
  "article4", // Article 4 consultations are held
  "acknowledge", // national attributions are acknowledged collectively
  "strongResponse", // sanctions, cyber or military measures are adopted
  "avoidEscalation", // nothing with a high escalation cost is adopted and the adversary does not escalate
  "avoidEconomicCost", // no coordinated sanctions
  "deterrence", // the adversary stops
  "proportionate", // the response fits the harm
] as const;
export const objectiveId = z.enum(OBJECTIVE_IDS);

const instrumentsSchema = z.strictObject({ political: unit, economic: unit, cyber: unit, military: unit });

export const allyParamsSchema = z.strictObject({
  exposure: unit, // exposure to an adversary the scenario does not name (geography, history, dependence)
  severityThreshold: unit, // perceived severity at which effects amount to an armed attack
  attributionThreshold: unit, // state-attribution confidence needed to act publicly
  escalationAversion: unit, // weight on avoiding escalation
  solidarity: unit, // weight on alliance solidarity and peer pressure
  cyberCapability: unit, // what it can detect, share and offer
  domesticConstraint: unit, // e.g. a parliamentary mandate for military measures
  economicTies: unit, // economic ties to an adversary the scenario does not name
  economicHarmWeight: unit, // how far non-physical harm counts toward an armed attack
  instruments: instrumentsSchema,
});

/** Some of an ally's parameters (instruments too), as an era overrides them. */
export const allyParamsPatchSchema = allyParamsSchema.extend({ instruments: instrumentsSchema.partial() }).partial();

/** An ally's standing towards one named state: replaces params.exposure and params.economicTies for it. */
export const adversaryTiesSchema = z.strictObject({
  exposure: unit, // exposure to this state (geography, history of incidents, dependence)
  economicTies: unit, // economic ties to this state (trade, energy, investment)
  note: z.string().min(1), // why, in a few words
});

/** What an ally's profile was before a date; every era whose `before` is after the scenario date applies. */
export const allyEraSchema = z.strictObject({
  before: isoDate, // the era ends the day before this date
  params: allyParamsPatchSchema.optional(),
  adversaries: z.record(stateCode, adversaryTiesSchema.partial()).optional(), // overrides of entries the ally has
  dossier: z.string().min(20).optional(), // the role-card text as it would have read then
  provenance: z.string().min(20).optional(), // the profile's basis as it could be stated then
  note: z.string().min(1), // what changed at `before`, and why (with a source label where one exists)
});

export const allyProfileSchema = z.strictObject({
  code: allyCode,
  name: z.string().min(1),
  joined: isoDate,
  params: allyParamsSchema,
  provenance: z.string().min(20), // where the stylized numbers come from
  dossier: z.string().min(20), // the profile in words, for the role card
  objectives: z.array(objectiveId).min(1),
  redLines: z.array(z.string().min(1)).min(1),
  adversaries: z.record(stateCode, adversaryTiesSchema).optional(), // per named adversary state
  eras: z.array(allyEraSchema).optional(), // earlier versions of the profile
  spread: unit.optional(), // stated uncertainty of the parameters, per seed (else the roster's)
});

export const rosterSchema = z.strictObject({
  note: z.string(),
  spread: unit.optional(), // default uncertainty of every ally's parameters (0.05 when absent: DEFAULT_SPREAD in profiles.ts)
  allies: z.array(allyProfileSchema).min(1),
});

export const effectsSchema = z.strictObject({
  disruption: unitRange, // share of targeted services disrupted
  durationDays: range(0, 365), // how long the disruption lasts
  economicLossMusd: range(0, 1_000_000), // economic loss in millions of US dollars
  physicalDamage: unitRange, // destruction of physical objects
  casualties: range(0, 100_000), // deaths and injuries caused
  dataCompromise: unitRange, // data stolen or destroyed
  militaryReadiness: unitRange, // impact on military readiness
  democraticInstitutions: unitRange, // impact on parliaments, elections, government
});

export const evidenceSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, "ids are lower-case words joined by hyphens"),
  hour: z
    .number()
    .int()
    .min(0)
    .max(24 * 120), // hours after its inject
  kind: z.enum(["technical", "intelligence", "claim", "falseFlag"]),
  pointsTo: actorType, // the hypothesis it supports on its face
  reveals: actorType.optional(), // for a false flag: what an ally who sees through it learns
  strength: unitRange, // how strongly it supports pointsTo; the seed draws within the range
  holders: z.union([z.literal("all"), z.array(allyCode).min(1)]), // who receives it directly
  title: z.string().min(1),
  text: z.string().min(1),
});

export const injectSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, "ids are lower-case words joined by hyphens"),
  day: z.number().int().min(0).max(365),
  title: z.string().min(1),
  text: z.string().min(1),
  targets: z.array(allyCode).min(1), // allies directly hit
  spillover: z.array(allyCode), // allies hit as collateral
  sectors: z.array(z.string().min(1)).min(1),
  effects: effectsSchema,
  factors: z.strictObject({
    immediacy: unit, // how quickly effects follow the operation
    directness: unit, // how directly the operation causes the harm
    invasiveness: unit, // how deeply it penetrates secured systems
    measurability: unit, // how clearly the harm can be measured
  }),
  evidence: z.array(evidenceSchema),
});

export const scenarioSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, "ids are lower-case words joined by hyphens"),
  title: z.string().min(1),
  date: isoDate,
  summary: z.string().min(20),
  length: z.string().min(1), // e.g. "20–30 minutes"
  difficulty: z.enum(["introductory", "intermediate", "advanced"]),
  kind: z.enum(["historical", "control", "hypothetical"]),
  adversary: z.strictObject({
    name: z.string().min(1),
    state: stateCode.optional(), // the state the "state" attribution hypothesis names, e.g. RUS
    stateName: z.string().min(1).optional(), // e.g. "the Russian Federation"
    resolve: unit, // how hard it is to deter
    escalation: unit, // propensity to escalate when unanswered or provoked
  }),
  truth: z.strictObject({ actor: actorType, text: z.string().min(1) }),
  settings: z.strictObject({
    maxConsultationRounds: z.number().int().min(1).max(12),
    silenceHours: z.number().int().min(1).max(168),
    maxSilenceAttempts: z.number().int().min(1).max(5),
    roundHours: z.number().int().min(1).max(48),
  }),
  injects: z.array(injectSchema).min(1),
  optionalInjects: z.array(injectSchema), // for a facilitator to play live
  roleCards: z.record(allyCode, z.strictObject({ brief: z.string().min(1), objectives: z.array(objectiveId).min(1) })),
  history: z.strictObject({
    outcome: z.string().min(1),
    measures: z.array(measureId),
    article4: z.boolean(),
    article5: z.boolean(),
    text: z.string().min(1),
  }),
  teachingPoints: z.array(z.string().min(1)).min(1),
  sources: z.array(z.strictObject({ label: z.string().min(1), ref: z.string().min(1) })).min(1),
});

export type AllyParams = z.infer<typeof allyParamsSchema>;
export type AllyParamsPatch = z.infer<typeof allyParamsPatchSchema>;
export type AdversaryTies = z.infer<typeof adversaryTiesSchema>;
export type AllyEra = z.infer<typeof allyEraSchema>;
export type AllyProfile = z.infer<typeof allyProfileSchema>;
export type Roster = z.infer<typeof rosterSchema>;
export type Effects = z.infer<typeof effectsSchema>;
export type Evidence = z.infer<typeof evidenceSchema>;
export type Inject = z.infer<typeof injectSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;
export type ActorType = (typeof ACTOR_TYPES)[number];
export type ObjectiveId = (typeof OBJECTIVE_IDS)[number];
