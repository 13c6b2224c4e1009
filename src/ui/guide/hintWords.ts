/**
 * A hint in words: what the `ai` bot would do now in the player's seat, and why — read from the seat's own
 * view (its own judgement of the text, the Secretariat's soundings for the chair). No DOM: the hint panel
 * renders what this returns.
 */
import { stateConfidence } from "../../sim/attribution.ts";
import { suggestMove } from "../../sim/autopilot.ts";
import { type BotView, botView, type Move } from "../../sim/bots/bot.ts";
import { ownAlly, ownJudgement, textOnTable } from "../../sim/bots/seatReading.ts";
import { soundOut } from "../../sim/bots/soundings.ts";
import { type MeasureId, measureById } from "../../sim/measures.ts";
import type { Session } from "../../sim/session.ts";
import { speakerFor } from "../../sim/speaker.ts";
import type { SeatId } from "../../sim/state.ts";
import { parseBreakReason, reasonSaid } from "../../sim/voice.ts";

export interface Hint {
  move: string; // what to do, as a sentence
  reasons: string[]; // why, one sentence each
  event: Move | null; // the move itself (null: wait)
}

const names = (ms: readonly MeasureId[]) => ms.map((m) => measureById(m).name.toLowerCase()).join(", ");
const pct = (x: number) => `${Math.round(x * 100)}%`;
const nameOf = (view: BotView, code: string) => {
  const i = view.env.index.get(code);
  return (i === undefined ? undefined : view.env.profiles[i]?.name) ?? code;
};
const STANCE_WORDS = {
  support: "support the working text",
  undecided: "say you are undecided on the working text",
  oppose: "oppose the working text",
} as const;

/** Why the seat's own judgement takes the text on the table as it does (at most `max` reasons), and its reading. */
function ownReasons(view: BotView, max = 4): string[] {
  const { measures, wording } = textOnTable(view.state);
  const j = ownJudgement(view, measures, wording);
  const own = ownAlly(view);
  if (!j || !own) return [];
  const speaker = speakerFor(view.env, view.state, own.ally.code);
  const lines = [...new Set(j.reasons.map((r) => reasonSaid(r, speaker)))];
  const reading = `Your reading: harm ${pct(own.ally.severity)}, confidence that a state is behind it ${pct(stateConfidence(own.ally.belief))}.`;
  return [...lines.slice(0, max), reading];
}

/** The chair's reading of the table: predicted support for each measure on the text, and who may hold out. */
function chairReasons(view: BotView): string[] {
  const { measures, wording } = textOnTable(view.state);
  return measures.map((m) => {
    const soundings = soundOut(view, m, wording[m] ?? "standard");
    const holdouts = soundings.filter((x) => !x.judgement.accept).map((x) => x.ally);
    const share = 1 - holdouts.length / Math.max(1, soundings.length);
    return `${measureById(m).name}: the Secretariat expects about ${pct(share)} of the table to accept${
      holdouts.length
        ? ` (may object: ${holdouts
            .slice(0, 6)
            .map((c) => nameOf(view, c))
            .join(", ")}${holdouts.length > 6 ? ` and ${holdouts.length - 6} more` : ""})`
        : ""
    }`;
  });
}

/** Moves the `ai` bot does not make today, in words, should it come to make them. */
const OTHER_MOVES: Partial<Record<Move["type"], string>> = {
  "article4.request": "Request consultations under Article 4.",
  "corridor.talk": "Hold corridor talks with an ally.",
  "consultation.close": "Close consultation without a decision.",
  "phase.attribution": "Return to attribution to await more evidence.",
};

function describeMove(view: BotView, move: Move): Hint {
  switch (move.type) {
    case "consultation.statement": {
      const missing = move.wants.filter((m) => !view.state.proposal.includes(m)); // what the text lacks
      const asks = missing.length ? `, and ask for ${names(missing)}` : "";
      const argues = move.arguments?.includes("solidarity") ? ", pleading solidarity with the allies attacked" : "";
      return {
        move: `State your position: ${STANCE_WORDS[move.stance]}${asks}${argues}.`,
        reasons: ownReasons(view),
        event: move,
      };
    }
    case "silence.break": {
      const parsed = parseBreakReason(move.reason);
      const own = ownAlly(view);
      const why = parsed && own ? [reasonSaid(parsed, speakerFor(view.env, view.state, own.ally.code))] : [];
      return {
        move: `Break silence${move.measures?.length ? ` on ${names(move.measures)}` : ""}.`,
        reasons: [...new Set([...why, ...ownReasons(view, 2)])],
        event: move,
      };
    }
    case "silence.reserve":
      return { move: "Keep silence, with a reservation on record.", reasons: [move.text], event: move };
    case "intel.share": {
      const own = ownAlly(view);
      const confidence = own ? stateConfidence(own.ally.belief) : 0;
      return {
        move: "Share your intelligence with all allies.",
        reasons: [
          `Your confidence that a state is behind the attack is ${pct(confidence)}, enough to stand behind.`,
          "You hold evidence some allies lack; sharing raises their confidence too.",
        ],
        event: move,
      };
    }
    case "assistance.request":
      return {
        move: "Request technical assistance.",
        reasons: ["You were hit directly, and allied incident-response teams would improve your own forensics."],
        event: move,
      };
    case "coalition.join":
      return {
        move: `Join a coalition of the willing for ${measureById(move.measure).name.toLowerCase()}.`,
        reasons: ["Your government wants this measure, and the Council did not adopt it this cycle."],
        event: move,
      };
    case "draft.table":
      return {
        move: `Table the working text under the silence procedure: ${names(move.measures) || "nothing"}.`,
        reasons: ["Positions have settled, or the consultation rounds are spent.", ...chairReasons(view)],
        event: move,
      };
    default:
      return { move: OTHER_MOVES[move.type] ?? "Make your next move.", reasons: [], event: move };
  }
}

/** What waiting means in each phase, when the bot would not move. */
function describeWait(view: BotView): Hint {
  const wait = (move: string, reasons: string[]): Hint => ({ move, reasons, event: null });
  if (!view.legal.length) return wait("Nothing for your seat to decide right now: let the Council move on.", []);
  const s = view.state;
  if (view.seat === "chair" && view.phase !== "consultation")
    return wait("Nothing for the chair to decide now: the allies have the floor.", chairReasons(view));
  if (view.seat === "chair")
    return wait("Let the table speak for another round before tabling.", [
      `Round ${s.round} of ${view.env.scenario.settings.maxConsultationRounds}: positions may still move.`,
      ...chairReasons(view),
    ]);
  switch (view.phase) {
    case "attribution": {
      const own = ownAlly(view);
      return wait("Wait for more evidence before acting.", [
        `Your confidence that a state is behind the attack is ${pct(own ? stateConfidence(own.ally.belief) : 0)}.`,
      ]);
    }
    case "consultation":
      return wait("You have stated your position this round: wait for the next.", ownReasons(view));
    case "decision":
      return wait("Keep silence: you can live with this draft.", ownReasons(view));
    case "response":
      return wait("No coalition worth joining: let the response run its course.", []);
    default:
      return wait("Nothing to do for now.", []);
  }
}

/** The hint for `seat` now: the `ai` bot's move (or its wait) in words, with its reasons. */
export function hintFor(session: Session, seat: SeatId): Hint {
  const view = botView(session, seat);
  const move = suggestMove(session, seat);
  return move ? describeMove(view, move) : describeWait(view);
}
