/** The events a session accepts: their shape (zod) and who may send them. One list for every transport. */
import { z } from "zod";
import { joinRefusal } from "./coalition.ts";
import { isHuman } from "./council.ts";
import { availableAt, defaultWording, hasWording, MEASURE_IDS, measureById, WORDINGS, wordedName } from "./measures.ts";
import { briefingRefusal, talkRefusal } from "./negotiation.ts";
import type { Env, Phase, SessionState } from "./state.ts";
import { MESSAGE_MAX, replyRefusal } from "./talkThreads.ts";

const ally = z.string().regex(/^[A-Z]{3}$/, "expected an ally code such as EST");
const measure = z.enum(MEASURE_IDS);
const freeText = z.string().trim().max(500);
/** A line written in corridor talks: plain text, trimmed, short. */
const message = z.string().trim().min(1, "write a message").max(MESSAGE_MAX);
const seat = z.union([z.literal("chair"), ally]);
export const OFFERS = ["none", "reassurance", "linkage", "intelligence", "legal"] as const;
export const ARGUMENTS = ["evidence", "solidarity", "legal", "escalation"] as const;
const system = z.literal("system");
const chairOrSystem = z.enum(["chair", "system"]);

export const eventSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("session.start"), by: system }),
  z.strictObject({ type: z.literal("phase.advance"), by: chairOrSystem }),
  z.strictObject({ type: z.literal("phase.attribution"), by: chairOrSystem }),
  z.strictObject({ type: z.literal("clock.advance"), by: system, hours: z.number().int().min(1).max(336) }),
  z.strictObject({ type: z.literal("ai.round"), by: system }),
  z.strictObject({ type: z.literal("inject.play"), by: system, inject: z.string().min(1).max(80) }),
  z.strictObject({
    type: z.literal("intel.share"),
    by: ally,
    to: z.union([z.literal("all"), z.array(ally).min(1).max(40)]),
  }),
  z.strictObject({ type: z.literal("assistance.request"), by: ally }),
  z.strictObject({ type: z.literal("article4.request"), by: ally }),
  z.strictObject({
    type: z.literal("consultation.statement"),
    by: ally,
    stance: z.enum(["support", "undecided", "oppose"]),
    wants: z.array(measure).max(10),
    rejects: z.array(measure).max(10),
    arguments: z.array(z.enum(ARGUMENTS)).max(4).optional(), // what the statement argues
    wording: z.partialRecord(measure, z.enum(WORDINGS)).optional(), // compromise language it proposes
    text: freeText.optional(), // what the delegate says, in its own words
  }),
  z.strictObject({
    type: z.literal("draft.table"),
    by: z.literal("chair"),
    measures: z.array(measure).min(1).max(10),
    wording: z.partialRecord(measure, z.enum(WORDINGS)).optional(), // standard where not named
    // Split the package: true decides every measure separately; a list decides those measures separately
    // and the rest as one package. Each separate decision has its own silence procedure.
    split: z.union([z.boolean(), z.array(measure).max(10)]).optional(),
  }),
  z.strictObject({ type: z.literal("consultation.close"), by: z.literal("chair") }),
  // The chair has the whole Council briefed at the table (the law, the pooled evidence, solidarity, escalation).
  z.strictObject({ type: z.literal("chair.brief"), by: z.literal("chair"), argument: z.enum(ARGUMENTS) }),
  z.strictObject({
    type: z.literal("corridor.talk"),
    by: seat,
    with: ally,
    offer: z.enum(OFFERS),
    measure: measure.optional(), // the measure the talk is about
    message: message.optional(), // to a delegation a person plays: the first line of the thread
  }),
  z.strictObject({
    type: z.literal("corridor.reply"),
    by: seat,
    to: seat, // the other party of an open thread, played by a person
    text: message,
  }),
  z.strictObject({
    type: z.literal("silence.break"),
    by: ally,
    reason: z.string().max(500),
    measures: z.array(measure).max(10).optional(), // what it objects to (none named: the whole text)
  }),
  z.strictObject({ type: z.literal("silence.reserve"), by: ally, text: freeText.min(1) }),
  z.strictObject({ type: z.literal("coalition.join"), by: ally, measure }),
  z.strictObject({ type: z.literal("silence.deadline"), by: system }),
  z.strictObject({ type: z.literal("response.resolve"), by: system }),
  z.strictObject({ type: z.literal("session.end"), by: system }),
  // A facilitator's moves (sent as the system): who plays a seat, a free-text announcement, the truth revealed.
  z.strictObject({
    type: z.literal("seat.control"),
    by: system,
    ally,
    controller: z.enum(["human", "ai"]),
  }),
  z.strictObject({ type: z.literal("facilitator.note"), by: system, text: z.string().trim().min(1).max(500) }),
  z.strictObject({ type: z.literal("truth.reveal"), by: system }),
]);

export type EngineEvent = z.infer<typeof eventSchema>;
export type EventType = EngineEvent["type"];

/** Parses untrusted input into an event, or explains what is wrong with it. */
export function parseEvent(raw: unknown): { event: EngineEvent } | { reason: string } {
  const result = eventSchema.safeParse(raw);
  if (result.success) return { event: result.data };
  const issue = result.error.issues[0];
  const path = issue?.path.length ? issue.path.join(".") : "event";
  return { reason: `malformed event: ${path}: ${issue?.message ?? "invalid"}` };
}

/**
 * Whether the sender may do this now, beyond the phase rules the statechart enforces: ally actions come
 * from seated allies played by people (AI allies act in AI rounds), chair actions from a human chair.
 * Returns a reason to reject, or null.
 */
export function checkAuthority(env: Env, s: SessionState, phase: Phase, event: EngineEvent): string | null {
  if (event.by === "chair") {
    if (s.chair !== "human") return "the chair is played by the AI";
    if (event.type === "draft.table") return draftRefusal(env, event);
    if (event.type === "chair.brief") return briefingRefusal(s, event.argument);
    if (event.type === "corridor.talk") return talkRefusal(s, "chair", event.with, event.offer, event.message);
    if (event.type === "corridor.reply") return replyRefusal(s, "chair", event.to);
    return null;
  }
  if (event.by === "system") return checkSystem(env, s, phase, event);
  if (!env.index.has(event.by)) return `${event.by} has no seat in this Council`;
  if (!isHuman(s, event.by)) return `${event.by} is played by the AI`;
  if (event.type === "intel.share" && event.to !== "all") {
    const stranger = event.to.find((c) => !env.index.has(c));
    if (stranger) return `${stranger} has no seat in this Council`;
  }
  if (event.type === "silence.break" && s.draft?.breaks.some((b) => b.by === event.by))
    return `${event.by} has already broken silence`;
  if (event.type === "silence.break" && s.draft && event.measures?.some((m) => !s.draft?.measures.includes(m)))
    return "a break can only name measures in the draft";
  if (event.type === "silence.reserve" && s.draft?.breaks.some((b) => b.by === event.by))
    return `${event.by} has broken silence; it cannot also keep it`;
  if (event.type === "silence.reserve" && s.draft?.reserves.some((r) => r.by === event.by))
    return `${event.by} has already put a reservation on record`;
  if (event.type === "corridor.talk") return talkRefusal(s, event.by, event.with, event.offer, event.message);
  if (event.type === "corridor.reply") return replyRefusal(s, event.by, event.to);
  if (event.type === "coalition.join") return joinRefusal(env, s, event.by, event.measure);
  return null;
}

/** Why a draft cannot be tabled at the scenario's date: a measure or wording not yet in the toolbox, or a stray wording. */
function draftRefusal(env: Env, event: Extract<EngineEvent, { type: "draft.table" }>): string | null {
  const date = env.scenario.date;
  for (const [m, w] of Object.entries(event.wording ?? {})) {
    const id = m as (typeof MEASURE_IDS)[number];
    if (!event.measures.includes(id)) return `wording for ${measureById(id).name}, which is not in the draft`;
    if (w && !hasWording(id, w)) return `${measureById(id).name} has no ${w} wording`;
  }
  for (const id of event.measures) {
    const m = measureById(id);
    const wording = event.wording?.[id] ?? "standard";
    if (hasWording(id, wording, date)) continue;
    if (!availableAt(m, date)) return `${m.name} is not in NATO's toolbox on ${date} (from ${m.since})`;
    return `on ${date} ${m.name.toLowerCase()} can only be tabled as “${wordedName(id, defaultWording(id, date))}” (the rest from ${m.since})`;
  }
  return null;
}

function checkSystem(env: Env, s: SessionState, phase: Phase, event: EngineEvent): string | null {
  if (event.type === "ai.round" && phase === "consultation" && s.round >= env.scenario.settings.maxConsultationRounds)
    return "the consultation rounds are spent: the chair must table a draft or close";
  if (event.type === "inject.play") {
    if (!env.scenario.optionalInjects.some((i) => i.id === event.inject))
      return `no optional inject ${event.inject} in this scenario`;
    if (s.injects.some((i) => i.id === event.inject)) return `inject ${event.inject} has already been played`;
  }
  if (event.type === "seat.control") {
    if (!env.index.has(event.ally)) return `${event.ally} has no seat in this Council`;
    if (isHuman(s, event.ally) === (event.controller === "human"))
      return `${event.ally} is already played by ${event.controller === "human" ? "a person" : "the AI"}`;
  }
  if (event.type === "truth.reveal" && s.log.some((e) => e.k === "reveal")) return "the truth is already revealed";
  return null;
}
