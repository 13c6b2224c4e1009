/**
 * The classroom protocol, shared by the server and every client: join options, the messages a client may
 * send (validated with zod and size-capped), and what the server sends back. docs/protocol.md describes it
 * in words; this file is the contract.
 */
import { z } from "zod";
import type { LogEntry, Phase, SeatId, SessionState } from "../sim/state.ts";
import type { WireAlly } from "../sim/views.ts";

/** The Colyseus room every session lives in. */
export const ROOM_NAME = "council";

/** Join codes: 6 characters from an alphabet without look-alikes (no 0/O, 1/I/L). */
export const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const codeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-HJKMNP-Z2-9]{6}$/, "a join code is 6 letters and digits");

/** Names are shown as text, never HTML; they are trimmed and at most 40 characters. */
export const nameSchema = z.string().trim().min(1, "enter a name").max(40, "a name is at most 40 characters");
const seatSchema = z.union([z.literal("chair"), z.string().regex(/^[A-Z]{3}$/, "expected an ally code such as EST")]);
const tokenSchema = z.string().min(16).max(128);
/** A browser's random id, kept in its storage (src/net/credentials.ts). */
const deviceSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "a device id is 16 to 64 letters and digits");

/** How a pasted class list is seated: key roles first, at random (reproducible per session), or by hand. */
export const SEATINGS = ["key", "random", "hand"] as const;
export type Seating = (typeof SEATINGS)[number];
/** The place a person takes in a delegation: its speaker (the only one who acts) or an adviser. */
const roleSchema = z.enum(["speaker", "adviser"]);
const playerId = z.string().min(1).max(64);

/** Timers a facilitator sets (seconds of real time). */
const timerFields = {
  incidentSeconds: z.number().int().min(0).max(3600), // reading an incident card
  stepSeconds: z.number().int().min(0).max(600), // between AI steps (attribution, response)
  roundSeconds: z.number().int().min(0).max(3600), // a consultation round: time to speak
  silenceSeconds: z.number().int().min(0).max(3600), // to break silence before the deadline
};
export const timerSettingsSchema = z.strictObject({
  incidentSeconds: timerFields.incidentSeconds.default(30),
  stepSeconds: timerFields.stepSeconds.default(6),
  roundSeconds: timerFields.roundSeconds.default(90),
  silenceSeconds: timerFields.silenceSeconds.default(60),
});
export type TimerSettings = z.infer<typeof timerSettingsSchema>;
/** Some timers changed, the others left as they are (`.partial()` of the above would fill in the defaults). */
export const timerChangesSchema = z.strictObject(timerFields).partial();

/** `POST /api/sessions` body. */
export const createSessionSchema = z.strictObject({
  scenario: z.string().min(1).max(80),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1),
  timers: timerChangesSchema.optional(),
  chair: z.enum(["ai", "human"]).optional(), // a human chair is a student given the "chair" seat
  autoStart: z.boolean().optional(), // start the briefing as soon as the session is created
});
export type CreateSessionRequest = z.infer<typeof createSessionSchema>;

/** `client.join("council", options)`: a player, the facilitator or the room's projector. */
export const joinSchema = z.union([
  z.strictObject({ code: codeSchema, facilitatorToken: tokenSchema }),
  z.strictObject({ code: codeSchema, projector: z.literal(true) }),
  z.strictObject({
    code: codeSchema,
    name: nameSchema,
    ally: seatSchema.optional(), // the seat asked for; the first free seat otherwise
    seatToken: tokenSchema.optional(), // from an earlier join on this device: the same seat back
    device: deviceSchema.optional(), // this browser's id: a device the facilitator blocked cannot join again
  }),
]);
export type JoinOptions = z.infer<typeof joinSchema>;

/** Largest message a client may send, in bytes of its JSON. */
export const MAX_MESSAGE_BYTES = 4096;

/** A player's action: an engine event for their own seat (`by` may be left out; if given, it must match). */
export const actSchema = z.strictObject({
  id: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional(), // echoed in the result
  event: z.record(z.string(), z.unknown()),
});

/** What a facilitator may do. */
export const facilitatorOpSchema = z.discriminatedUnion("op", [
  z.strictObject({ op: z.literal("start") }),
  z.strictObject({ op: z.literal("pause") }),
  z.strictObject({ op: z.literal("resume") }),
  z.strictObject({ op: z.literal("extend"), seconds: z.number().int().min(5).max(1800) }),
  z.strictObject({ op: z.literal("advance") }), // the next step now, without waiting for its timer
  z.strictObject({ op: z.literal("timers"), timers: timerChangesSchema }),
  // A person to a seat: as its speaker (the speaker there goes to the waiting list) or as an adviser in its team.
  z.strictObject({ op: z.literal("assign"), player: playerId, ally: seatSchema, role: roleSchema.optional() }),
  // A pasted class list: its names are seated (teams of up to `teamSize` when the class outnumbers the seats).
  z.strictObject({
    op: z.literal("roster"),
    text: z.string().max(3800),
    seating: z.enum(SEATINGS),
    teamSize: z.number().int().min(1).max(4).optional(),
  }),
  z.strictObject({ op: z.literal("speaker"), player: playerId }), // this adviser speaks for their seat now
  z.strictObject({ op: z.literal("remove"), player: playerId }), // out of the session; may join again
  z.strictObject({ op: z.literal("block"), player: playerId }), // out, and their device refused from now on
  z.strictObject({ op: z.literal("free"), ally: seatSchema }), // the player waits for a seat; the AI plays it
  z.strictObject({ op: z.literal("inject"), inject: z.string().min(1).max(80) }),
  z.strictObject({ op: z.literal("note"), text: z.string().trim().min(1).max(500) }),
  z.strictObject({ op: z.literal("reveal") }),
  z.strictObject({ op: z.literal("end") }),
]);
export const facilitatorSchema = z.strictObject({
  id: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
  action: facilitatorOpSchema,
});
export type FacilitatorOp = z.infer<typeof facilitatorOpSchema>;

/** Client → server message types. */
export const CLIENT_MESSAGES = { act: actSchema, facilitate: facilitatorSchema } as const;
export type ClientMessageType = keyof typeof CLIENT_MESSAGES;

/** A seat at the table as everyone may see it. */
export interface SeatStatus {
  ally: SeatId;
  name: string; // the delegate's name, or "" when the AI plays it
  connected: boolean;
  ai: boolean;
  player?: string; // the holder's player id (in the facilitator's view only, to move them to another seat)
  advisers?: number; // people advising the speaker in this seat's team (no names), when there are any
}

/** A member of a delegation, as its own members see it. */
export interface TeamMember {
  name: string;
  speaker: boolean;
  connected: boolean;
}

/** Everyone in the session as the facilitator sees them: on the roster, joined, seated, in a team. */
export interface PersonStatus {
  player: string;
  name: string;
  seat: SeatId | null; // the seat they hold or are planned for
  adviser: boolean; // in the seat's team, not its speaker
  joined: boolean; // false for a name on the class list nobody has claimed yet
  connected: boolean;
  roster: boolean; // the name came from the class list
}

/** A connected person without a seat (the Council is full, or the facilitator freed their seat). */
export interface WaitingPlayer {
  player: string;
  name: string;
  connected: boolean;
}

/** The session's clock: what runs next and when (server time, milliseconds since the epoch). */
export interface ClockStatus {
  paused: boolean;
  next: string | null; // the step the timer will take ("ai.round", "silence.deadline", …)
  dueAt: number | null; // when; null while paused or waiting for the facilitator
  remainingMs: number | null; // at the time the view was sent (clients without a synced clock use this)
  timers: TimerSettings;
}

/** Who this connection is. */
export type Viewer =
  | { kind: "facilitator" }
  | { kind: "projector" }
  | {
      kind: "player";
      player: string;
      name: string;
      seat: SeatId | null;
      seatToken: string;
      adviser?: boolean; // advises the seat's speaker: sees the seat's private view, cannot act
      team?: TeamMember[]; // their delegation, when it has more than one member
    };

/** The close code of a connection whose person the facilitator removed (the client does not rejoin). */
export const REMOVED_CODE = 4401;

/**
 * `view` (server → client): the session as this connection may see it. `state` has its log left out; `log`
 * carries entries from index `from` on, which the client appends to what it has (from 0 on a full view).
 */
export interface ViewMessage {
  code: string;
  scenario: string;
  seq: number; // accepted events so far
  phase: Phase;
  state: Omit<SessionState, "log" | "allies"> & { allies: WireAlly[] }; // other seats' profiles left out
  log: { from: number; entries: LogEntry[] };
  seats: SeatStatus[];
  waiting: WaitingPlayer[];
  people: PersonStatus[]; // the facilitator's view only (empty for everyone else)
  clock: ClockStatus;
  viewer: Viewer;
  revealed: boolean; // the facilitator has revealed the truth (or the session is over)
}

/** Where a value sits in the state: object keys and array indices from the top. */
export type PatchPath = (string | number)[];
/** A change to the state: `[path, value]` puts the value there (replacing what was), `[path]` deletes the key. */
export type PatchOp = [PatchPath, unknown] | [PatchPath];

/**
 * A `view` that updates the previous one sent to the same connection (src/net/viewPatch.ts merges it): `seq`,
 * `phase`, `log`, `clock` and `revealed` always; `seats`, `waiting`, `people` and `viewer` only when they
 * changed; `patch` instead of `state`: the state's changes since that view, applied in order.
 */
export type ViewUpdate = Omit<ViewMessage, "state" | "seats" | "waiting" | "people" | "viewer"> &
  Partial<Pick<ViewMessage, "seats" | "waiting" | "people" | "viewer">> & { patch: PatchOp[] };

/** What a `view` message carries: the complete view (a connection's first, or after it missed one) or an update. */
export type ViewFrame = ViewMessage | ViewUpdate;

/** `result` (server → client): the outcome of an `act` or `facilitate` message. */
export interface ResultMessage {
  id: number | null;
  ok: boolean;
  reason: string | null;
}

const utf8 = new TextEncoder();

/** Parses a message of a known type, or explains what is wrong (checks the size first). */
export function parseClientMessage<T extends ClientMessageType>(
  type: T,
  raw: unknown,
): { ok: true; value: z.infer<(typeof CLIENT_MESSAGES)[T]> } | { ok: false; reason: string } {
  let size = 0;
  try {
    size = utf8.encode(JSON.stringify(raw ?? null)).length; // bytes, not UTF-16 characters
  } catch {
    return { ok: false, reason: `${type}: not JSON-serialisable` };
  }
  if (size > MAX_MESSAGE_BYTES) return { ok: false, reason: `${type}: ${size} bytes is over ${MAX_MESSAGE_BYTES}` };
  const result = CLIENT_MESSAGES[type].safeParse(raw);
  if (result.success) return { ok: true, value: result.data as z.infer<(typeof CLIENT_MESSAGES)[T]> };
  const issue = result.error.issues[0];
  return { ok: false, reason: `${type}: ${issue?.path.join(".") || "message"}: ${issue?.message ?? "invalid"}` };
}

/** The engine event types a player may send for their seat (ally seats; the chair seat adds its own). */
export const ALLY_ACTIONS = [
  "intel.share",
  "assistance.request",
  "article4.request",
  "consultation.statement",
  "silence.break",
  "silence.reserve",
  "corridor.talk",
  "corridor.reply",
  "coalition.join",
] as const;
export const CHAIR_ACTIONS = [
  "draft.table",
  "consultation.close",
  "phase.attribution", // await evidence
  "corridor.talk",
  "corridor.reply",
] as const;
