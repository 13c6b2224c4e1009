/**
 * The guided first game's steps, and when each comes up: a pure function from what the session has shown so
 * far (its phase and log) to the next card. No DOM here, so the triggering is tested on real sessions.
 * Texts link glossary entries as [[id]] or [[id|shown words]].
 */
import type { LogEntry, Phase, SeatId } from "../../sim/state.ts";

export type GuideStepId =
  | "council"
  | "incident"
  | "attribution"
  | "article4"
  | "consultation"
  | "working-text"
  | "article5"
  | "silence"
  | "break"
  | "decision"
  | "response"
  | "coalition"
  | "debrief";

/** The part of the screen a card points at. */
export type GuideLook =
  | "briefing"
  | "incidents"
  | "intelligence"
  | "seats"
  | "status"
  | "actions"
  | "log"
  | "hint"
  | "outcome";

/** What the guide knows of the session: where it is and what has been logged. */
export interface GuideSituation {
  phase: Phase;
  log: readonly LogEntry[];
  you: SeatId;
  nameOf?: (code: string) => string; // an ally's name for its code
}

export interface GuideStep {
  id: GuideStepId;
  title: string;
  look(sit: GuideSituation): GuideLook;
  text(sit: GuideSituation): string;
  due(sit: GuideSituation): boolean;
}

const has = (sit: GuideSituation, k: LogEntry["k"]) => sit.log.some((e) => e.k === k);
const first = <K extends LogEntry["k"]>(sit: GuideSituation, k: K) =>
  sit.log.find((e): e is Extract<LogEntry, { k: K }> => e.k === k);
const chairs = (sit: GuideSituation) => sit.you === "chair";
const named = (sit: GuideSituation, code: string) => sit.nameOf?.(code) ?? code;
const reached = (sit: GuideSituation, phase: Phase) =>
  sit.phase === phase || sit.log.some((e) => e.k === "phase" && e.phase === phase);

/** The steps in the order they are shown; each is shown once, when it falls due. */
export const GUIDE_STEPS: readonly GuideStep[] = [
  {
    id: "council",
    title: "Welcome to the North Atlantic Council",
    look: () => "briefing",
    due: () => true,
    text: (sit) =>
      `Allies decide together at the [[nac|North Atlantic Council]]. There is no vote: every decision needs [[consensus]], so one ally can stop it. ${
        chairs(sit)
          ? "You chair it as [[sg|Secretary General]]: your task is a text that nobody will block."
          : "You are your country's [[permrep|Permanent Representative]], on instructions from your capital: your objectives and red lines."
      } Read the briefing, then press Begin.`,
  },
  {
    id: "incident",
    title: "A cyber incident",
    look: () => "incidents",
    due: (sit) => has(sit, "inject"),
    text: () =>
      "The incident card says who was hit, which sectors and how badly. Each ally judges the harm for itself: what one calls an [[armed-attack|armed attack]] another sees as a nuisance. Harm from several incidents adds up.",
  },
  {
    id: "attribution",
    title: "Who did it? Attribution",
    look: () => "intelligence",
    due: (sit) => reached(sit, "attribution"),
    text: () =>
      "Evidence arrives over the coming hours. [[attribution|Attribution]] is a national decision: every ally holds its own confidence about who is behind the attack, and stronger measures need more confidence. Allies may share intelligence and ask for [[assistance|technical assistance]].",
  },
  {
    id: "article4",
    title: "Article 4 is requested",
    look: () => "log",
    due: (sit) => has(sit, "article4"),
    text: (sit) =>
      `${named(sit, first(sit, "article4")?.by ?? "An ally")} asks for consultations under [[article4|Article 4]]: allies consult whenever one of them feels its security is threatened. It signals concern; it does not commit anyone to act.`,
  },
  {
    id: "consultation",
    title: "The first consultation round",
    look: () => "seats",
    due: (sit) => has(sit, "round"),
    text: (sit) =>
      `Each ally has stated its [[stance]] on the [[secretariat-text|working text]] — support, undecided or oppose — with its reasons. Select a seat to read its dossier. ${
        chairs(sit)
          ? "You can sound allies out in [[corridor|corridor talks]], paid for in [[capital|political capital]]."
          : "You can make a statement, put an argument, or hold [[corridor|corridor talks]] for [[capital|political capital]]."
      } Unsure? Press Hint to see what the AI would do in your seat, and why.`,
  },
  {
    id: "working-text",
    title: "The working text",
    look: (sit) => (chairs(sit) ? "actions" : "status"),
    due: (sit) => has(sit, "proposal"),
    text: () =>
      "The Secretariat redrafts the text from what every seat accepts. It is built from the [[ladder|measures ladder]], from a statement of concern up to [[article5|Article 5]]. [[wording|Wording]] matters: softer words are easier to accept and deter less.",
  },
  {
    id: "article5",
    title: "Article 5 is on the table",
    look: () => "log",
    due: (sit) => sit.log.some((e) => (e.k === "proposal" || e.k === "table") && e.measures.includes("article5")),
    text: () =>
      "[[article5|Article 5]] is collective defence: an attack on one is an attack on all. It has been invoked once, in 2001, and never for a cyber attack. Allies accept it only if they judge the harm an [[armed-attack|armed attack]] and are confident who did it.",
  },
  {
    id: "silence",
    title: "A draft under the silence procedure",
    look: () => "actions",
    due: (sit) => has(sit, "table"),
    text: (sit) =>
      `A draft is tabled under the [[silence|silence procedure]]: it is adopted at the deadline unless an ally [[break|breaks silence]]. ${
        chairs(sit)
          ? "Watch the countdown; you cannot force a text through."
          : "If you cannot accept it, break silence — or keep silence with a [[reservation]] to put your concern on record without blocking."
      } A draft may be one [[package]] or split into parts.`,
  },
  {
    id: "break",
    title: "Silence is broken",
    look: () => "log",
    due: (sit) => has(sit, "break"),
    text: (sit) =>
      `${named(sit, first(sit, "break")?.by ?? "An ally")} has broken silence. One objection is enough: the draft, or the part it names, falls. The chair drops what was refused, and consultation resumes if attempts remain.`,
  },
  {
    id: "decision",
    title: "The silence procedure ends",
    look: () => "log",
    due: (sit) => has(sit, "silence"),
    text: (sit) =>
      first(sit, "silence")?.adopted
        ? "Silence held: the draft is adopted as a decision of all allies. [[reservation|Reservations]] stay on record but do not stop it."
        : "Silence was broken, so this draft falls: no [[consensus]] yet. The chair may table again with what was refused left out.",
  },
  {
    id: "response",
    title: "The adversary answers",
    look: () => "log",
    due: (sit) => has(sit, "response"),
    text: () =>
      "The adversary reacts to what the Council did: it stops, carries on or escalates. [[deterrence|Deterrence]] depends on what was decided and how firmly. If the campaign goes on, a new incident follows and the harm adds up.",
  },
  {
    id: "coalition",
    title: "A coalition acts",
    look: () => "log",
    due: (sit) => has(sit, "coalition"),
    text: () =>
      "Where the Council did not agree, some allies act together as a [[coalition|coalition of the willing]]. It deters, but it is not a Council decision.",
  },
  {
    id: "debrief",
    title: "The debrief",
    look: () => "outcome",
    due: (sit) => sit.phase === "debrief",
    text: () =>
      "The crisis is over. The debrief shows what the Council decided and when, who blocked, each ally's stance by round, and what happened in the real case. Play again with the same seed to try another approach; the Glossary button stays at the top of every screen.",
  },
];

/** The first step that is due and not yet seen, in the guide's order; null when there is none. */
export function nextGuideStep(sit: GuideSituation, seen: ReadonlySet<GuideStepId>): GuideStep | null {
  return GUIDE_STEPS.find((step) => !seen.has(step.id) && step.due(sit)) ?? null;
}

/** A guide text cut into plain words and glossary links. */
export type GuidePiece = { text: string } | { term: string; label: string };

export function parseGuideText(text: string): GuidePiece[] {
  const pieces: GuidePiece[] = [];
  const pattern = /\[\[([a-z0-9-]+)(?:\|([^\]]+))?\]\]/g;
  let at = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > at) pieces.push({ text: text.slice(at, m.index) });
    const term = m[1] ?? "";
    pieces.push({ term, label: m[2] ?? term });
    at = m.index + m[0].length;
  }
  if (at < text.length) pieces.push({ text: text.slice(at) });
  return pieces;
}

/** The glossary ids a text links to. */
export function linkedTerms(text: string): string[] {
  return parseGuideText(text).flatMap((p) => ("term" in p ? [p.term] : []));
}
