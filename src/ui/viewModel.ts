/** Pure selectors from the engine's state to what the room and the panels show. No DOM, no Phaser. */
import { findInject, victims } from "../sim/council.ts";
import { countOf, describeEntry, formatHour, OFFER_NAMES } from "../sim/explain.ts";
import { defaultWording, hasWording, MEASURES, type MeasureId, measureById, wordedName } from "../sim/measures.ts";
import { phaseOf, type Session, stateOf } from "../sim/session.ts";
import type { Concern, LogEntry, SeatId, StanceKind, Talk } from "../sim/state.ts";
import { reasonSaid, spokenName, type Voiced, voicedText, voiceTable } from "../sim/voice.ts";
import type { CouncilView, SeatStance, SeatView } from "./councilView.ts";
import { ISO2 } from "./iso.ts";
import { breakVoices, reservationVoices, roundTally, roundVoices, speakerOf } from "./tableVoices.ts";

const clip = (text: string, n = 60) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

/** "Day 3, 14:00" */
export function clockLabel(hour: number): string {
  const f = formatHour(hour);
  return f.charAt(0).toUpperCase() + f.slice(1);
}

/** The latest entry of a kind in the log, if any since `since` (an index). */
function latest<K extends LogEntry["k"]>(log: readonly LogEntry[], k: K): Extract<LogEntry, { k: K }> | undefined {
  for (let i = log.length - 1; i >= 0; i--) {
    const e = log[i];
    if (e?.k === k) return e as Extract<LogEntry, { k: K }>;
  }
  return undefined;
}

/** Short speech for each seat from the latest round, statements and breaks. */
function speeches(session: Session): Map<string, string> {
  const s = stateOf(session);
  const out = new Map<string, string>();
  const round = latest(s.log, "round");
  for (const note of round?.notes.slice(0, 8) ?? []) {
    const r = note.reasons[0];
    if (!r) continue;
    const m = r.measure ? measureById(r.measure).name : "the text";
    out.set(note.by, clip(note.stance === "oppose" ? `We cannot accept: ${m}` : `We ask for ${m.toLowerCase()}`));
  }
  const tail = s.log.slice(-12);
  for (const e of tail) {
    if (e.k === "break") out.set(e.by, "We break silence.");
    if (e.k === "reserve") out.set(e.by, "We keep silence, with a reservation.");
    if (e.k === "article4") out.set(e.by, "We request Article 4 consultations.");
    if (e.k === "share") out.set(e.by, "We share our intelligence.");
    if (e.k === "statement")
      out.set(
        e.by,
        `We ${e.stance === "support" ? "support the text" : e.stance === "oppose" ? "oppose the text" : "reserve our position"}.`,
      );
  }
  return out;
}

function chairSpeech(session: Session): string | null {
  const s = stateOf(session);
  const e = s.log[s.log.length - 1];
  if (!e) return "The Council is in session.";
  switch (e.k) {
    case "table":
      return "The draft is under silence procedure.";
    case "silence":
      return e.adopted ? "Silence holds: adopted." : "Silence is broken.";
    case "await":
      return "We will wait for more evidence.";
    case "proposal":
      return "I have revised the text.";
    case "inject":
      return "Colleagues, a new incident.";
    case "end":
      return "The session is closed.";
    default:
      return null;
  }
}

/**
 * Where consultation stands, counted the way a player lives it: before the first round, round n of the
 * cycle's rounds, or after a broken silence the rounds left (the engine then grants a shorter second try, so
 * its own counter would seem to jump).
 */
export function roundLabel(session: Session): string {
  const s = stateOf(session);
  const max = session.env.scenario.settings.maxConsultationRounds;
  const left = Math.max(0, max - s.round);
  const lastSilence = s.silenceAttempts > 0 ? latest(s.log, "silence") : undefined;
  if (lastSilence && !lastSilence.adopted)
    return `After the broken silence: ${left ? `${countOf(left, "round")} left` : "no rounds left"}`;
  if (s.round === 0) return `Before round 1 of ${max}`;
  return `Round ${s.round} of ${max}`;
}

/** The council room's view for the player holding `you`. */
export function councilView(session: Session, you: SeatId, selected: string | null): CouncilView {
  const s = stateOf(session);
  const env = session.env;
  const hit = victims(env, s);
  const talk = speeches(session);
  const brokenNow = new Set([...(s.draft?.breaks.map((b) => b.by) ?? []), ...(s.decisions.at(-1)?.brokenBy ?? [])]);
  const seats: SeatView[] = s.allies.map((ally, i) => {
    const profile = env.profiles[i];
    const stance: SeatStance = ally.position?.stance ?? "silent";
    return {
      code: ally.code,
      name: profile?.name ?? ally.code,
      iso2: ISO2[ally.code] ?? "un",
      stance,
      speech: talk.get(ally.code) ?? null,
      isYou: you === ally.code,
      isHuman: s.humans.includes(ally.code),
      victim: hit.has(ally.code),
      brokeSilence: brokenNow.has(ally.code),
    };
  });
  const phase = phaseOf(session);
  const current = s.injects.at(-1);
  return {
    phase,
    scenarioTitle: env.scenario.title,
    clockLabel: clockLabel(s.hour),
    roundLabel: phase !== "consultation" ? "" : roundLabel(session),
    seats,
    chairIsYou: you === "chair",
    chairSpeech: chairSpeech(session),
    incidentTitle: current ? (findInject(env, current.id)?.title ?? null) : null,
    deadlineLabel: s.draft ? `Silence until ${formatHour(s.draft.deadlineHour)}` : null,
    selected,
  };
}

/** What one delegation said, voiced, under a log line (a round's stances, a procedure's reservations). */
export interface SaidLine {
  who: string;
  text: string;
  detail: string;
}

/** One line of the session log: when, what, and (for rounds and silences) what each delegation said. */
export interface LogLine {
  hour: string;
  text: string;
  kind: string;
  detail?: string; // the figures behind a voiced reason
  said?: SaidLine[];
}

/**
 * The session log as readable lines, newest last. Hours never run backwards: evidence that reached the
 * capitals later than it fell due is shown when it arrived.
 */
export function logLines(session: Session): LogLine[] {
  const env = session.env;
  const title = (id: string) => {
    const inject = findInject(env, id);
    if (inject) return inject.title;
    return env.evidence.get(id)?.evidence.title ?? id;
  };
  const log = stateOf(session).log;
  const breaks = breakVoices(session);
  const said = (v: Voiced) => ({ who: allyName(session, v.by), text: v.lead, detail: v.detail });
  let clock = 0;
  return log
    .map((e, i) => {
      const late = e.h < clock;
      clock = Math.max(clock, e.h);
      const hour = clockLabel(clock);
      const line = { hour, kind: e.k };
      switch (e.k) {
        case "round": {
          const voices = roundVoices(session, e).map(said);
          return { ...line, text: roundTally(session, i), ...(voices.length ? { said: voices } : {}) };
        }
        case "break": {
          const v = breaks.get(i);
          const on = e.measures.length ? ` on ${e.measures.map(spokenName).join(", ")}` : "";
          const who = allyName(session, e.by);
          if (!v) return { ...line, text: `${who} breaks silence${on}: “${e.reason}”` };
          return { ...line, text: `${who} breaks silence${on}. ${v.lead}`, ...(v.detail ? { detail: v.detail } : {}) };
        }
        case "silence": {
          const voices = reservationVoices(session, i).map(said);
          return {
            ...line,
            text: describeEntry(e, title, (code) => allyName(session, code)),
            ...(voices.length ? { said: voices } : {}),
          };
        }
        case "evidence":
          return { ...line, text: `${describeEntry(e, title)}${late ? ` (due ${formatHour(e.h)})` : ""}` };
        default:
          return { ...line, text: describeEntry(e, title, (code) => allyName(session, code)) };
      }
    })
    .filter((line) => line.kind !== "private"); // entries this viewer may not read say nothing
}

/** A seat's latest position in words, for its dossier: its stance as it said it, and the figures behind it. */
export function positionLines(session: Session, code: string): string[] {
  const ally = stateOf(session).allies.find((a) => a.code === code);
  const p = ally?.position;
  if (!p) return ["Has not spoken yet."];
  const v = currentVoices(session).get(code);
  const head = `${STANCE_HEAD[p.stance]} (${p.round === 0 ? "opening statements" : `round ${p.round}`})`;
  return [head, ...(v ? [voicedText(v)] : [])];
}

const STANCE_HEAD: Record<StanceKind, string> = {
  support: "Supports the working text",
  undecided: "Undecided on the working text",
  oppose: "Opposes the working text",
};

/** Every AI ally's current position voiced as one table (so no two say the same line); people speak for themselves. */
export function currentVoices(session: Session): Map<string, Voiced> {
  const s = stateOf(session);
  const items = s.allies.flatMap((a) =>
    a.position && !s.humans.includes(a.code)
      ? [
          {
            speaker: speakerOf(session, a.code),
            utterance: { kind: "stance", stance: a.position.stance, reasons: a.position.reasons } as const,
          },
        ]
      : [],
  );
  const voiced = voiceTable(items, `now|${s.hour}|${s.round}`);
  return new Map(voiced.map((v) => [v.by, v]));
}

/**
 * The measures a delegate may ask for or rule out by name, ladder order: those whose standard text is in NATO's
 * toolbox at the scenario's date (a measure that exists then only in softer words is the chair's to table).
 */
export function availableMeasures(session: Session): MeasureId[] {
  const date = session.env.scenario.date;
  return MEASURES.filter((m) => hasWording(m.id, "standard", date)).map((m) => m.id);
}

/** A measure's name as the toolbox has it at the date: its softer text when that is all there is yet. */
export function toolboxName(id: MeasureId, date: string): string {
  return hasWording(id, "standard", date) ? measureById(id).name : wordedName(id, defaultWording(id, date));
}

/** An ally's name as seated in this Council (its code when unknown). */
export function allyName(session: Session, code: string): string {
  const i = session.env.index.get(code);
  return (i === undefined ? undefined : session.env.profiles[i]?.name) ?? code;
}

/** What a corridor talk revealed about one measure, in words: "Hungary would not accept …: “its reasons, in its voice.”". */
export function concernLine(session: Session, withCode: string, c: Concern): string {
  const measure = measureById(c.measure).name.toLowerCase();
  const speaker = speakerOf(session, withCode);
  const reasons = c.reasons.filter((r) => r.code !== "supports").map((r) => reasonSaid(r, speaker));
  const soft =
    !c.accepts && hasWording(c.measure, "soft")
      ? ` In softer wording it ${c.acceptsSoft ? "would" : "would still not"} accept it.`
      : "";
  return `${allyName(session, withCode)} would ${c.accepts ? "" : "not "}accept ${measure}${!c.accepts && reasons.length ? `: “${reasons.join(" ")}”` : "."}${soft}`;
}

/** A corridor talk as a heading line and what was heard (the talks a seat sees are its own). */
export function talkSummary(session: Session, t: Talk): { title: string; heard: string[] } {
  const about = t.measure ? ` about ${measureById(t.measure).name.toLowerCase()}` : "";
  return {
    title: `${clockLabel(t.hour)}: ${t.by === "chair" ? "the chair" : allyName(session, t.by)} met ${allyName(session, t.with)}${about}, offering ${OFFER_NAMES[t.offer]}`,
    heard: t.heard.length
      ? t.heard.map((c) => concernLine(session, t.with, c))
      : [`${allyName(session, t.with)} raised no concern about the text.`],
  };
}

/** The corridor talks `you` held this session, oldest first. */
export function talksBy(session: Session, you: SeatId, withCode?: string): Talk[] {
  return stateOf(session).talks.filter((t) => t.by === you && (withCode === undefined || t.with === withCode));
}
