/**
 * The bot contract: a bot plays one seat. It sees exactly what a person in that seat sees (the redacted
 * state, the scenario without its hidden truth) plus the moves that are legal now, and returns one move or
 * null to wait. The built-in AI, hints and autoplay, the tournament and study runs all go through it.
 */

import { COALITION_MEASURES, joinRefusal } from "../coalition.ts";
import { type EngineEvent, parseEvent } from "../events.ts";
import { availableAt, MEASURE_IDS, type MeasureId, measureById, type Wording, wordingsAt } from "../measures.ts";
import { briefingRefusal, OFFER_COST } from "../negotiation.ts";
import { applyParsed, phaseOf, type Session, stateOf } from "../session.ts";
import type { AllyCode, ArgumentKind, Env, Offer, Phase, SeatId, SessionState } from "../state.ts";
import { redactState } from "../views.ts";

/** A move is an engine event sent for the bot's own seat. */
export type Move = EngineEvent;

/** A kind of move that is legal now, with the values each of its parameters may take. */
export type MoveSpec =
  | { type: "draft.table"; measures: MeasureId[]; wordings: Partial<Record<MeasureId, Wording[]>> }
  | { type: "consultation.close" }
  | { type: "chair.brief"; arguments: ArgumentKind[] }
  | { type: "phase.attribution" }
  | { type: "corridor.talk"; with: AllyCode[]; offers: Offer[] }
  | { type: "consultation.statement"; arguments: ArgumentKind[] }
  | { type: "intel.share" }
  | { type: "assistance.request" }
  | { type: "article4.request" }
  | { type: "silence.break"; measures: MeasureId[] }
  | { type: "silence.reserve" }
  | { type: "coalition.join"; measures: MeasureId[] };

/** What a bot sees: its seat, the phase, the state as that seat may see it, the public environment, the legal moves. */
export interface BotView {
  seat: SeatId;
  phase: Phase;
  state: SessionState; // redacted for the seat: other allies' private readings are hidden
  env: Env; // the scenario with its truth withheld, and the public roster
  legal: MoveSpec[];
}

/** A bot: a name and a policy from view to move. It must be deterministic in its view: no clock, no unseeded randomness. */
export interface Bot {
  name: string;
  act(view: BotView): Move | null;
}

const publicEnvs = new WeakMap<Env, Env>();

/** The environment a bot may read: the same scenario and roster with the truth about the attacker withheld. */
export function publicEnv(env: Env): Env {
  let pub = publicEnvs.get(env);
  if (!pub) {
    pub = { ...env, scenario: { ...env.scenario, truth: { actor: "state", text: "withheld until the debrief" } } };
    publicEnvs.set(env, pub);
  }
  return pub;
}

const ARGUMENT_KINDS: readonly ArgumentKind[] = ["evidence", "solidarity", "legal", "escalation"];
const OFFER_KINDS: readonly Offer[] = ["none", "reassurance", "linkage", "intelligence", "legal"];

/** The kinds of move `seat` may make now (each parameter domain is what the engine would accept). */
export function legalMoves(session: Session, seat: SeatId): MoveSpec[] {
  const s = stateOf(session);
  const env = session.env;
  const phase = phaseOf(session);
  const mine = seat === "chair" ? s.chair === "human" : s.humans.includes(seat);
  if (!mine || phase === "debrief") return [];
  const specs: MoveSpec[] = [];
  const capital = s.capital[seat] ?? 0;
  const offers = OFFER_KINDS.filter((o) => OFFER_COST[o] <= capital);
  const talkable = phase === "attribution" || phase === "consultation" || phase === "decision";
  if (talkable && offers.length)
    specs.push({ type: "corridor.talk", with: s.allies.map((a) => a.code).filter((c) => c !== seat), offers });
  if (seat === "chair") {
    if (phase === "consultation") {
      const measures = MEASURE_IDS.filter((m) => availableAt(measureById(m), env.scenario.date));
      const wordings: Partial<Record<MeasureId, Wording[]>> = {};
      for (const m of measures) wordings[m] = wordingsAt(m, env.scenario.date);
      const briefings = ARGUMENT_KINDS.filter((a) => briefingRefusal(s, a) === null);
      if (briefings.length) specs.push({ type: "chair.brief", arguments: briefings });
      specs.push(
        { type: "draft.table", measures, wordings },
        { type: "consultation.close" },
        { type: "phase.attribution" },
      );
    }
    return specs;
  }
  const me = s.allies.find((a) => a.code === seat);
  if (!me) return specs;
  if (phase === "attribution" || phase === "consultation") {
    specs.push({ type: "intel.share" }, { type: "assistance.request" }, { type: "article4.request" });
  }
  if (phase === "consultation")
    specs.push({ type: "consultation.statement", arguments: ARGUMENT_KINDS.filter((a) => !me.argued.includes(a)) });
  if (phase === "decision" && s.draft) {
    const draft = s.draft;
    const broke = draft.breaks.some((b) => b.by === seat);
    if (!broke) specs.push({ type: "silence.break", measures: [...draft.measures] });
    if (!broke && !draft.reserves.some((r) => r.by === seat)) specs.push({ type: "silence.reserve" });
  }
  if (phase === "response") {
    const measures = coalitionCandidatesFor(session, seat);
    if (measures.length) specs.push({ type: "coalition.join", measures });
  }
  return specs;
}

/** The coalitions a seat may join now: every measure allies can take outside the Council that it may still join. */
function coalitionCandidatesFor(session: Session, seat: AllyCode): MeasureId[] {
  return COALITION_MEASURES.filter((m) => joinRefusal(session.env, stateOf(session), seat, m) === null);
}

/** The view of `seat` now. */
export function botView(session: Session, seat: SeatId): BotView {
  return {
    seat,
    phase: phaseOf(session),
    state: redactState(stateOf(session), seat),
    env: publicEnv(session.env),
    legal: legalMoves(session, seat),
  };
}

/** True when the engine would accept the move now (a dry run: the session is not changed). */
export function isLegal(session: Session, move: Move): boolean {
  return applyParsed(session, move).ok;
}

/** Asks a bot for its move in `seat`; a move the engine would refuse is dropped (the bot waits). */
export function askBot(bot: Bot, session: Session, seat: SeatId): Move | null {
  const view = botView(session, seat);
  if (!view.legal.length) return null;
  const raw = bot.act(view);
  if (!raw) return null;
  const parsed = parseEvent(raw); // a bot's move is untrusted input like any other
  if ("reason" in parsed || parsed.event.by !== seat) return null;
  return isLegal(session, parsed.event) ? parsed.event : null;
}
