/**
 * Allies that speak like diplomats: the engine's machine-readable reasons as sentences a student can read,
 * in the voice of a delegation. Each reason has several phrasings; which one an ally uses is chosen by a
 * stable hash of its code and the moment (never by chance), coloured by its public profile where the data
 * supports it, and a whole table is voiced together so that no two delegations say the same line. The
 * figures behind each reason stay available as a short detail. Pure.
 */
import { hashString } from "./hash.ts";
import { isMeasureId, type MeasureId, measureById } from "./measures.ts";
import type { AllyParams } from "./scenarioSchema.ts";
import type { Reason, StanceKind } from "./state.ts";

/** Who speaks, and what of its public profile may colour its words. */
export interface Speaker {
  code: string;
  name: string;
  params?: AllyParams; // its published profile at the scenario's date (not the seed's private draw)
  victim?: boolean; // hit by the attacks, directly or by spillover
  tie?: string; // its own short note on its ties to the adversary, e.g. "gas and nuclear dependence"
  adversary?: string; // the state the evidence points to, e.g. "the Russian Federation"
}

/** What a delegation says: a stance on the working text, a break of silence, or a reservation. */
export type Utterance =
  | { kind: "stance"; stance: StanceKind; reasons: readonly Reason[] }
  | { kind: "break"; reasons: readonly Reason[]; measures: readonly MeasureId[] }
  | { kind: "reservation"; reasons: readonly Reason[] };

/** A voiced line: the lead sentence in words, and the figures behind it for readers who want them. */
export interface Voiced {
  by: string;
  lead: string;
  detail: string; // e.g. "confidence 45% < 60% needed"; "" when there is nothing to measure
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
/** Measures as a delegate names them in a sentence (shorter than the ladder's titles). */
const SPOKEN: Record<MeasureId, string> = {
  concern: "a statement of concern",
  solidarity: "a statement of solidarity",
  acknowledge: "acknowledging national attributions",
  article4: "Article 4 consultations",
  assistance: "technical assistance",
  sanctions: "coordinated sanctions",
  defensiveCyber: "defensive cyber measures", // covers sharing indicators (its softer text) and operations
  countermeasures: "cyber countermeasures",
  posture: "changes to military posture",
  article5: "invoking Article 5",
};
const lower = (m?: MeasureId) => (m ? SPOKEN[m] : "the text");

/** A measure as it reads inside a sentence ("invoking Article 5", "coordinated sanctions"). */
export function spokenName(m: MeasureId): string {
  return SPOKEN[m];
}
const capital = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

type Clause = (m: string, sp: Speaker) => string;

/** Several phrasings of each reason, as clauses that follow an opener. */
const CLAUSES: Record<Reason["code"], readonly Clause[]> = {
  not_available: [
    (m) => `${m} is not yet among the Alliance's agreed tools`,
    (m) => `NATO has not yet agreed ${m} as something it does`,
    (m) => `the Alliance has no agreed basis for ${m} at this time`,
  ],
  severity_below_threshold: [
    (m) => `the harm so far does not justify ${m}`,
    (m) => `${m} would be out of proportion to what has happened`,
    (m) => `the effects we see do not yet reach the level ${m} requires`,
    (m) => `this is serious, but not serious enough for ${m}`,
    (m) => `we do not judge the damage grave enough for ${m}`,
  ],
  attribution_below_threshold: [
    (m) => `our own services are not yet sure enough that a state is behind this to support ${m}`,
    (m) => `we cannot name a culprit through ${m} on the evidence we hold`,
    (m) => `the attribution is not firm enough for us to join ${m}`,
    (m) => `we need stronger evidence of who is responsible before ${m}`,
    (m) => `${m} points at a state, and our own assessment does not yet allow that`,
    (m) => `we will not endorse ${m} while our national attribution remains open`,
  ],
  escalation_risk: [
    (m, sp) => `${m} risks an escalation with ${sp.adversary ?? "the attacker"} that we are not prepared to provoke`,
    (m) => `we fear ${m} would invite a harsher answer`,
    (m) => `the risk of escalation from ${m} outweighs what it would achieve`,
    (m) => `${m} could turn this crisis into a wider confrontation`,
  ],
  economic_cost: [
    (m) => `${m} would cost our economy more than it would achieve`,
    (m) => `the price of ${m} for our own economy is too high`,
    (m) => `we cannot carry the economic cost of ${m}`,
  ],
  domestic_constraint: [
    (m) => `${m} needs a mandate from our parliament that we do not have`,
    (m) => `our domestic rules do not let us commit to ${m} now`,
    (m) => `we would need our parliament's approval for ${m}`,
  ],
  wants_more: [
    (m) => `we ask the Council to add ${m}`,
    (m) => `the text should also include ${m}`,
    (m) => `we would like to see ${m} added`,
    (m) => `without ${m} the text falls short for us`,
  ],
  rejects_by_instruction: [
    (m) => `our instructions from capital rule out ${m}`,
    (m) => `we are instructed not to accept ${m}`,
    (m) => `our capital will not accept ${m}`,
  ],
  supports: [
    () => "we can support the text as it stands",
    () => "the text has our support",
    () => "we are content with this text",
    () => "we join the consensus on this text",
    () => "this text is acceptable to us",
    () => "we see no obstacle in this text",
  ],
};

/** Article 5 turns on two findings of each ally's own; they are said in those terms. */
const ARTICLE5_CLAUSES: Partial<Record<Reason["code"], readonly Clause[]>> = {
  severity_below_threshold: [
    () => "we do not judge the harm an armed attack, so we cannot join Article 5",
    () => "in our reading these effects fall short of an armed attack, which Article 5 requires",
    () => "we cannot call this an armed attack, and without that there is no Article 5",
  ],
  attribution_below_threshold: [
    () => "an Article 5 finding needs an attribution our own services cannot yet give",
    () => "we cannot invoke Article 5 without knowing with high confidence who attacked",
    () => "before Article 5, our own services must be sure a state is behind this, and they are not",
  ],
};

/** A profile's colour for one reason: a clause that only this kind of ally would add, when the data backs it. */
function colour(r: Reason, sp: Speaker): { before: string; after: string } {
  const p = sp.params;
  if (r.code === "attribution_below_threshold" && sp.victim)
    return { before: "we are under attack ourselves and want those responsible named, but ", after: "" };
  if (r.code === "attribution_below_threshold" && p && p.attributionThreshold >= 0.75)
    return { before: "", after: ", and we hold a high bar before naming a state" };
  if (r.code === "severity_below_threshold" && p && p.severityThreshold >= 0.8)
    return { before: "", after: ", as we read the threshold strictly" };
  if (r.code === "economic_cost" && sp.tie && p && p.economicTies >= 0.4) return { before: "", after: ` (${sp.tie})` };
  if (r.code === "escalation_risk" && p && p.escalationAversion >= 0.7)
    return { before: "", after: ", and avoiding escalation is our first concern" };
  if (r.code === "wants_more" && sp.victim) return { before: "as an ally under attack, ", after: "" };
  return { before: "", after: "" };
}

/** The phrasings of one reason for one speaker, coloured. */
function clausesFor(r: Reason, sp: Speaker): string[] {
  const list = (r.measure === "article5" ? ARTICLE5_CLAUSES[r.code] : undefined) ?? CLAUSES[r.code];
  const { before, after } = colour(r, sp);
  return list.map((c) => `${before}${c(lower(r.measure), sp)}${after}`);
}

/** The figures behind a reason, short: "confidence 45% < 60% needed". */
export function reasonDetail(r: Reason): string {
  if (r.threshold === 0 && r.code !== "not_available") return ""; // figures not known (a break read back from the log)
  switch (r.code) {
    case "severity_below_threshold":
      return `harm ${pct(r.value)} < ${pct(r.threshold)} needed`;
    case "attribution_below_threshold":
      return `confidence ${pct(r.value)} < ${pct(r.threshold)} needed`;
    case "escalation_risk":
    case "economic_cost":
    case "domestic_constraint":
      return `cost outweighs value by ${pct(r.value)}, tolerance ${pct(r.threshold)}`;
    case "not_available": {
      const m = r.measure ? measureById(r.measure) : undefined;
      return m?.since ? `from ${m.since}` : "";
    }
    default:
      return "";
  }
}

const OPENERS: Record<string, readonly string[]> = {
  support: ["", "Thank you, Chair;", "Colleagues,", "For our part,", "Let us be clear that", "We can say simply that"],
  oppose: [
    "We cannot accept the text, because",
    "We have a difficulty with the text, as",
    "We are not in a position to join, since",
    "Regretfully, we must object, because",
    "We cannot go along with this text, as",
    "We oppose the text as it stands, since",
  ],
  undecided: [
    "We are not there yet, because",
    "We reserve our position, as",
    "We could join a fuller text, because",
    "We hesitate, since",
    "We are close, but",
  ],
  break: [
    "We break silence, because",
    "We must break silence, as",
    "We cannot let this pass in silence, because",
    "We object and break silence, since",
    "With regret, we break silence, as",
    "This text cannot pass in silence, because",
  ],
  reservation: [
    "We keep silence, but place on record that",
    "We will not block, but note that",
    "We let the text pass, with the reservation that",
    "We do not stand in the way, though",
    "We keep silence, while noting that",
  ],
};

const CLOSERS: Record<string, readonly string[]> = {
  support: ["", " We thank the chair.", " Let us move ahead.", " We hope others can join.", " We are ready to act."],
  oppose: ["", " We remain ready to talk.", " We ask the chair to look again.", " Our door stays open."],
  undecided: ["", " We are ready to talk.", " We will listen to colleagues.", " A better text would have our support."],
  break: ["", " We remain ready to talk.", " We ask the chair for a new text.", " We regret it, but must."],
  reservation: [
    "",
    " We do not stand in the way of consensus.",
    " We ask that this be minuted.",
    " We will watch closely.",
  ],
};

/** The opener's key for an utterance. */
function keyOf(u: Utterance): string {
  return u.kind === "stance" ? u.stance : u.kind;
}

/** The reasons an utterance leads with (a stance of support says so even without reasons). */
function mainReasons(u: Utterance): Reason[] {
  const rs = u.reasons.filter((r) => u.kind === "stance" || r.code !== "supports");
  if (rs.length) return rs;
  if (u.kind === "stance" && u.stance === "support") return [{ code: "supports", value: 0, threshold: 0 }];
  return [];
}

/** Every lead sentence a speaker could say for an utterance, in the order its hash walks them. */
function candidates(sp: Speaker, u: Utterance, salt: string): string[] {
  const key = keyOf(u);
  const reasons = mainReasons(u);
  const first = reasons[0];
  const second = reasons.find((r) => r.code !== first?.code || r.measure !== first?.measure);
  const clauses = first ? clausesFor(first, sp) : [fallbackClause(u)];
  const also = second && second.code !== "supports" ? ` Besides, ${clausesFor(second, sp)[0]}.` : "";
  const openers = OPENERS[key] ?? [""];
  const closers = CLOSERS[key] ?? [""];
  const total = openers.length * clauses.length * closers.length;
  const start = Number.parseInt(hashString(`${sp.code}|${salt}|${key}`).slice(0, 8), 16) % total;
  const out: string[] = [];
  for (let k = 0; k < total; k++) {
    const n = (start + k) % total;
    const o = openers[n % openers.length] ?? "";
    const c = clauses[Math.floor(n / openers.length) % clauses.length] ?? "";
    const z = closers[Math.floor(n / (openers.length * clauses.length)) % closers.length] ?? "";
    out.push(`${o ? `${o} ${c}` : capital(c)}.${also}${z}`);
  }
  return [...new Set(out)];
}

/** What a delegation says when the engine gives no reason (an objection it does not explain). */
function fallbackClause(u: Utterance): string {
  if (u.kind === "break")
    return `we cannot accept ${u.measures.length ? u.measures.map(lower).join(" and ") : "the text"}`;
  if (u.kind === "reservation") return "we have concerns about the text";
  return u.stance === "undecided" ? "we want more from the text" : "we have concerns about the text";
}

/** The figures behind an utterance's reasons, joined. */
function detailOf(u: Utterance): string {
  return [...new Set(u.reasons.map(reasonDetail).filter((d) => d))].join("; ");
}

/** One delegation's line, on its own (see voiceTable to voice a table without repeats). */
export function voiceOne(sp: Speaker, u: Utterance, salt = ""): Voiced {
  return voiceTable([{ speaker: sp, utterance: u }], salt)[0] ?? { by: sp.code, lead: "", detail: "" };
}

/**
 * A whole table's lines for one moment (a round, a silence procedure), voiced together: each speaker takes
 * its hashed phrasing unless another already said it, then the next; no two lead sentences are ever equal.
 */
export function voiceTable(items: readonly { speaker: Speaker; utterance: Utterance }[], salt: string): Voiced[] {
  const used = new Set<string>();
  return items.map(({ speaker, utterance }) => {
    const options = candidates(speaker, utterance, salt);
    let lead = options.find((l) => !used.has(l));
    if (lead === undefined) {
      // Every phrasing is taken (a very large table): the speaker says it in its own name.
      const base = options[0] ?? "";
      lead = `${base} So says ${speaker.name}.`;
      for (let k = 2; used.has(lead); k++) lead = `${base} So says ${speaker.name} (${k}).`;
    }
    used.add(lead);
    return { by: speaker.code, lead, detail: detailOf(utterance) };
  });
}

/** A voiced line as plain text, with its figures in brackets when there are any. */
export function voicedText(v: Voiced): string {
  return v.detail ? `${v.lead} (${v.detail})` : v.lead;
}

/** A reason as a break of silence records it ("attribution_below_threshold:acknowledge"; "objects" with none). */
export function breakReasonCode(r: Reason | undefined): string {
  return r?.measure ? `${r.code}:${r.measure}` : "objects";
}

/** A break of silence as the log keeps it ("attribution_below_threshold:acknowledge") read back as a reason. */
export function parseBreakReason(text: string): Reason | null {
  const m = /^([a-z_]+):([A-Za-z0-9]+)$/.exec(text);
  const [, code, measure] = m ?? [];
  if (!code || !measure || !(code in CLAUSES) || !isMeasureId(measure)) return null;
  return { code: code as Reason["code"], measure, value: 0, threshold: 0 };
}

/** One reason as a delegation says it, a whole sentence (its first phrasing), with its figures in brackets. */
export function reasonSaid(r: Reason, sp: Speaker): string {
  const detail = reasonDetail(r);
  return `${capital(clausesFor(r, sp)[0] ?? "")}${detail ? ` (${detail})` : ""}.`;
}

/** Why an ally objects, in a few plain words about it ("not yet sure who is behind it"), for lists of names. */
const BRIEF: Record<Reason["code"], string> = {
  not_available: "not yet an agreed NATO tool",
  severity_below_threshold: "harm below its threshold",
  attribution_below_threshold: "not yet sure who is behind it",
  escalation_risk: "fears escalation",
  economic_cost: "fears the cost to its economy",
  domestic_constraint: "lacks a mandate from its parliament",
  wants_more: "wants more in the text",
  rejects_by_instruction: "its capital rules it out",
  supports: "can support the text",
};

/** A reason in a few plain words, in the third person (see BRIEF). */
export function reasonBrief(r: Reason): string {
  return BRIEF[r.code];
}
