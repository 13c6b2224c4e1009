/**
 * The table's voices: who said what in each round, silence procedure and dossier, in the delegations' own
 * words (src/sim/voice.ts), voiced a whole table at a time so that no two delegations repeat a line. Pure.
 */
import { judgeOne } from "../sim/council.ts";
import { countOf } from "../sim/explain.ts";
import type { WordingMap } from "../sim/measures.ts";
import { type Session, stateOf } from "../sim/session.ts";
import { NEUTRAL_PARAMS } from "../sim/severity.ts";
import { speakerFor } from "../sim/speaker.ts";
import type { LogEntry, Reason, StanceKind } from "../sim/state.ts";
import { parseBreakReason, type Speaker, type Utterance, type Voiced, voiceTable } from "../sim/voice.ts";

type Round = Extract<LogEntry, { k: "round" }>;
const STANCE_OF: Record<string, StanceKind> = { S: "support", U: "undecided", O: "oppose" };

/** A seated ally as a speaker: its name and the public profile that colours its words. */
export function speakerOf(session: Session, code: string): Speaker {
  return speakerFor(session.env, stateOf(session), code);
}

/** The voiced line of each AI ally that did not simply support the working text in a round. */
export function roundVoices(session: Session, e: Round): Voiced[] {
  const items = e.notes.map((n) => ({
    speaker: speakerOf(session, n.by),
    utterance: { kind: "stance", stance: n.stance, reasons: n.reasons } as Utterance,
  }));
  return voiceTable(items, `round|${e.h}|${e.round}`);
}

/** The silence procedure (its "table" entry's index) that each log index belongs to. */
function procedureOf(log: readonly LogEntry[], index: number): number {
  for (let i = index; i >= 0; i--) if (log[i]?.k === "table") return i;
  return -1;
}

/** The latest reasons an ally gave (its round notes or statements) before a log index, for a reason's figures. */
function lastReasons(log: readonly LogEntry[], code: string, before: number): readonly Reason[] {
  for (let i = before - 1; i >= 0; i--) {
    const e = log[i];
    if (e?.k === "round") {
      const note = e.notes.find((n) => n.by === code);
      if (note) return note.reasons;
    }
    if (e?.k === "statement" && e.by === code) return e.reasons;
  }
  return [];
}

const QUIET_SINCE = new Set<LogEntry["k"]>(["break", "silence", "phase"]);

/**
 * The figures behind a break of the latest silence procedure, judged again now: exact while nothing has
 * happened since the deadline (the same state the ally judged), else unknown.
 */
function deadlineFigures(session: Session, index: number, parsed: Reason): Reason | undefined {
  const s = stateOf(session);
  if (s.log.slice(index + 1).some((e) => !QUIET_SINCE.has(e.k))) return undefined;
  const table = s.log[procedureOf(s.log, index)];
  const e = s.log[index];
  const seat = e?.k === "break" ? s.allies.findIndex((a) => a.code === e.by) : -1;
  if (table?.k !== "table" || seat < 0) return undefined;
  // A networked view hides other seats' readings behind a neutral profile and belief: no figures from those.
  const ally = s.allies[seat];
  if (!ally || ally.params === NEUTRAL_PARAMS || ally.belief.every((w) => w === ally.belief[0])) return undefined;
  const wording: WordingMap = {};
  for (const m of table.soft) wording[m] = "soft";
  for (const m of table.strong) wording[m] = "strong";
  const j = judgeOne(session.env, s, seat, table.measures, wording);
  return j.reasons.find((r) => r.code === parsed.code && r.measure === parsed.measure);
}

/**
 * Every break of silence by an AI ally in the log, voiced per silence procedure: log index → its line. A
 * person's break carries their own words and is not voiced.
 */
export function breakVoices(session: Session): Map<number, Voiced> {
  const log = stateOf(session).log;
  const groups = new Map<number, { index: number; speaker: Speaker; utterance: Utterance }[]>();
  log.forEach((e, index) => {
    if (e.k !== "break") return;
    const parsed = parseBreakReason(e.reason);
    if (!parsed && e.reason !== "objects") return;
    // The figures, when the ally gave the same reason in the round before.
    const known = parsed
      ? lastReasons(log, e.by, index).find((r) => r.code === parsed.code && r.measure === parsed.measure)
      : undefined;
    const reasons = known ? [known] : parsed ? [deadlineFigures(session, index, parsed) ?? parsed] : [];
    const key = procedureOf(log, index);
    const list = groups.get(key) ?? [];
    list.push({
      index,
      speaker: speakerOf(session, e.by),
      utterance: { kind: "break", reasons, measures: e.measures },
    });
    groups.set(key, list);
  });
  const out = new Map<number, Voiced>();
  for (const [key, list] of groups) {
    const voiced = voiceTable(list, `break|${key}`);
    list.forEach((item, k) => {
      const v = voiced[k];
      if (v) out.set(item.index, v);
    });
  }
  return out;
}

/** AI allies who kept silence with a reservation at one silence entry, voiced together. */
export function reservationVoices(session: Session, index: number): Voiced[] {
  const log = stateOf(session).log;
  const e = log[index];
  if (e?.k !== "silence") return [];
  const start = procedureOf(log, index);
  // People's reservations carry their own words (a "reserve" entry in the same procedure); the AI's are voiced.
  const ownWords = new Set(log.slice(start + 1, index).flatMap((x) => (x.k === "reserve" ? [x.by] : [])));
  const items = e.reservations
    .filter((code) => !ownWords.has(code))
    .map((code) => ({
      speaker: speakerOf(session, code),
      utterance: {
        kind: "reservation",
        reasons: lastReasons(log, code, index).filter((r) => r.measure && e.measures.includes(r.measure)),
      } as Utterance,
    }));
  return voiceTable(items, `reserve|${index}`);
}

/** The stance of every seat at a round, people's seats read from their latest statement before it. */
export function roundStances(session: Session, index: number): (StanceKind | null)[] {
  const log = stateOf(session).log;
  const e = log[index];
  if (e?.k !== "round") return [];
  return stateOf(session).allies.map((ally, i) => {
    const letter = e.stances[i];
    if (letter && letter !== "-") return STANCE_OF[letter] ?? null;
    for (let j = index - 1; j >= 0; j--) {
      const x = log[j];
      if (x?.k === "statement" && x.by === ally.code) return x.stance;
    }
    return null;
  });
}

/** A round's tally with every seat counted, people's included: "Round 2: 13 support, 3 undecided, …". */
export function roundTally(session: Session, index: number): string {
  const e = stateOf(session).log[index];
  if (e?.k !== "round") return "";
  const stances = roundStances(session, index);
  const count = (k: StanceKind | null) => stances.filter((x) => x === k).length;
  const people = [...e.stances].filter((c) => c === "-").length;
  const silent = count(null);
  return `Round ${e.round}: ${count("support")} support, ${count("undecided")} undecided, ${count("oppose")} oppose${silent ? `, ${silent} not yet stated` : ""}${people ? ` (${countOf(people, "seat")} played by people included)` : ""}`;
}

const STANCE_WORD: Record<StanceKind, string> = { support: "supports", undecided: "undecided", oppose: "opposes" };

/**
 * How an ally moved over the session, oldest first: its stance in each round (with its words when it did not
 * simply support), its breaks of silence and its reservations — the same lines the log shows.
 */
export function allyHistory(session: Session, code: string): { h: number; text: string }[] {
  const s = stateOf(session);
  const seat = s.allies.findIndex((a) => a.code === code);
  const breaks = breakVoices(session);
  const out: { h: number; text: string }[] = [];
  s.log.forEach((e, i) => {
    if (e.k === "round") {
      const stance = roundStances(session, i)[seat];
      const v = roundVoices(session, e).find((x) => x.by === code);
      if (stance) out.push({ h: e.h, text: `Round ${e.round}: ${STANCE_WORD[stance]}${v ? `. ${v.lead}` : ""}` });
    } else if (e.k === "break" && e.by === code) {
      const v = breaks.get(i);
      out.push({ h: e.h, text: `Breaks silence. ${v ? v.lead : `“${e.reason}”`}` });
    } else if (e.k === "reserve" && e.by === code) {
      out.push({ h: e.h, text: `Keeps silence with a reservation: “${e.text}”` });
    } else if (e.k === "silence" && e.reservations.includes(code)) {
      const v = reservationVoices(session, i).find((x) => x.by === code);
      if (v) out.push({ h: e.h, text: v.lead });
    }
  });
  return out;
}
