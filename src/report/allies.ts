/**
 * Each ally's course through the session, and each draft tabled with every ally's stance on it: the same
 * voiced lines the game's dossiers and log show (src/sim/voice.ts through src/ui/tableVoices.ts). Pure.
 */
import { stateConfidence } from "../sim/attribution.ts";
import { victims } from "../sim/council.ts";
import { ARGUMENT_NAMES, OFFER_NAMES } from "../sim/explain.ts";
import { type MeasureId, wordedName } from "../sim/measures.ts";
import { type Session, stateOf } from "../sim/session.ts";
import type { LogEntry, StanceKind } from "../sim/state.ts";
import { spokenName } from "../sim/voice.ts";
import { breakVoices, reservationVoices, roundStances, roundVoices } from "../ui/tableVoices.ts";
import { allyName, clockLabel } from "../ui/viewModel.ts";
import type { AllyReport, DraftRecord, Person, RoundColumn, SilenceAct } from "./model.ts";

type Table = Extract<LogEntry, { k: "table" }>;
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Each consultation round's stances, every seat counted (people's seats from their latest statement). */
export function roundColumns(session: Session): RoundColumn[] {
  return stateOf(session).log.flatMap((e, i) =>
    e.k === "round" ? [{ round: e.round, hour: e.h, when: clockLabel(e.h), stances: roundStances(session, i) }] : [],
  );
}

/** The latest stances before a log index (the last round's, or null for everyone before any round). */
function stancesBefore(session: Session, index: number): (StanceKind | null)[] {
  const log = stateOf(session).log;
  for (let i = index - 1; i >= 0; i--) if (log[i]?.k === "round") return roundStances(session, i);
  return stateOf(session).allies.map(() => null);
}

/** A table entry's measures as worded in the text. */
function wordedMeasures(e: Table, ms: readonly MeasureId[] = e.measures): string[] {
  return ms.map((m) => wordedName(m, e.soft.includes(m) ? "soft" : e.strong.includes(m) ? "strong" : "standard"));
}

/** Every draft tabled, with what each ally did under its silence procedure and why. */
export function draftRecords(session: Session): DraftRecord[] {
  const s = stateOf(session);
  const breaks = breakVoices(session);
  const out: DraftRecord[] = [];
  let cycle = 0;
  s.log.forEach((e, i) => {
    if (e.k === "inject" && !s.injects.find((x) => x.id === e.id)?.optional) cycle++;
    if (e.k !== "table") return;
    const end = s.log.findIndex((x, j) => j > i && (x.k === "table" || (x.k === "phase" && x.phase !== "decision")));
    const within = s.log.slice(i + 1, end < 0 ? undefined : end).map((x, k) => ({ x, index: i + 1 + k }));
    const before = stancesBefore(session, i);
    const adopted = new Set<MeasureId>();
    const fell = new Set<MeasureId>();
    const words = new Map<string, { act: SilenceAct; on: string[]; words: string }>();
    for (const { x, index } of within) {
      if (x.k === "break")
        words.set(x.by, {
          act: "broke silence",
          on: wordedMeasures(e, x.measures),
          words: breaks.get(index)?.lead ?? `“${x.reason}”`,
        });
      if (x.k === "reserve") words.set(x.by, { act: "reservation", on: [], words: `“${x.text}”` });
      if (x.k === "silence") {
        const parts = x.measures.length ? x.measures : e.measures;
        for (const m of parts) (x.adopted ? adopted : fell).add(m);
        const voiced = reservationVoices(session, index);
        for (const code of x.reservations)
          if (!words.has(code))
            words.set(code, { act: "reservation", on: [], words: voiced.find((v) => v.by === code)?.lead ?? "" });
      }
    }
    out.push({
      number: out.length + 1,
      cycle,
      attempt: e.attempt,
      hour: e.h,
      when: clockLabel(e.h),
      measures: wordedMeasures(e),
      separate: wordedMeasures(e, e.separate),
      adopted: wordedMeasures(e, [...adopted]),
      fell: wordedMeasures(e, [...fell]),
      allies: s.allies.map((a, k) => ({
        code: a.code,
        before: before[k] ?? null,
        ...(words.get(a.code) ?? { act: "kept silence" as const, on: [], words: "" }),
      })),
    });
  });
  return out;
}

/** Whom an argument moved: a few by name, many by number. */
function movedText(session: Session, moved: readonly string[]): string {
  if (!moved.length) return " (nobody was moved)";
  if (moved.length > 4) return ` (it weighed with ${moved.length} allies)`;
  return ` (it weighed with ${moved.map((c) => allyName(session, c)).join(", ")})`;
}

/** What an ally argued at the table, in words, each argument once. */
function argumentsOf(session: Session, code: string): string[] {
  const said = new Set<string>();
  for (const e of stateOf(session).log) {
    if (e.k === "argument" && e.by === code) said.add(`argued ${ARGUMENT_NAMES[e.arg]}${movedText(session, e.moved)}`);
    if (e.k === "statement" && e.by === code) {
      for (const a of e.args)
        if (![...said].some((x) => x.startsWith(`argued ${ARGUMENT_NAMES[a]}`)))
          said.add(`argued ${ARGUMENT_NAMES[a]}`);
      if (e.wants.length) said.add(`asked for ${e.wants.map(spokenName).join(", ")}`);
      if (e.rejects.length) said.add(`ruled out ${e.rejects.map(spokenName).join(", ")}`);
      if (e.text) said.add(`said “${e.text}”`);
    }
    if (e.k === "article4" && e.by === code) said.add("requested Article 4 consultations");
    if (e.k === "share" && e.by === code) said.add("shared its intelligence");
    if (e.k === "assist" && e.by === code) said.add("requested technical assistance");
  }
  return [...said];
}

/** Corridor talks an ally held or was held with, in a line each. */
function talksOf(session: Session, code: string): string[] {
  return stateOf(session)
    .talks.filter((t) => t.by === code || t.with === code)
    .map((t) => {
      const by = t.by === "chair" ? "the chair" : allyName(session, t.by);
      const about = t.measure ? ` about ${spokenName(t.measure)}` : "";
      const offer = t.offer === "none" ? "" : `, offering ${OFFER_NAMES[t.offer]}`;
      const lines = t.messages?.length ? ` (${t.messages.length} messages)` : "";
      return `${clockLabel(t.hour)}: ${by} met ${allyName(session, t.with)}${about}${offer}${lines}`;
    });
}

const STANCE_WORD: Record<StanceKind, string> = { support: "supports", undecided: "undecided", oppose: "opposes" };

/**
 * Every ally's stance history at once, in the words the game's dossier uses (src/ui/tableVoices.ts's
 * allyHistory), each round and silence procedure voiced a single time for the whole table.
 */
function histories(session: Session): Map<string, { hour: number; when: string; text: string }[]> {
  const s = stateOf(session);
  const out = new Map(s.allies.map((a) => [a.code, [] as { hour: number; when: string; text: string }[]]));
  const push = (code: string, h: number, text: string) => out.get(code)?.push({ hour: h, when: clockLabel(h), text });
  const breaks = breakVoices(session);
  const plain = new Map<object, { stance: StanceKind; first: number; round: number }>();
  s.log.forEach((e, i) => {
    if (e.k === "round") {
      const stances = roundStances(session, i);
      const voices = new Map(roundVoices(session, e).map((v) => [v.by, v.lead]));
      s.allies.forEach((a, k) => {
        const stance = stances[k];
        const lead = voices.get(a.code);
        if (!stance) return;
        const list = out.get(a.code);
        const last = list?.at(-1);
        const run = last && plain.get(last);
        // Rounds in which an ally simply held the same stance are one line ("Rounds 1–4: supports").
        if (!lead && last && run && run.stance === stance && run.round === e.round - 1) {
          last.text = `Rounds ${run.first}–${e.round}: ${STANCE_WORD[stance]}`;
          last.when = `${clockLabel(last.hour)} to ${clockLabel(e.h)}`;
          plain.set(last, { ...run, round: e.round });
          return;
        }
        push(a.code, e.h, `Round ${e.round}: ${STANCE_WORD[stance]}${lead ? `. ${lead}` : ""}`);
        const added = out.get(a.code)?.at(-1);
        if (!lead && added) plain.set(added, { stance, first: e.round, round: e.round });
      });
    } else if (e.k === "break") push(e.by, e.h, `Breaks silence. ${breaks.get(i)?.lead ?? `“${e.reason}”`}`);
    else if (e.k === "reserve") push(e.by, e.h, `Keeps silence with a reservation: “${e.text}”`);
    else if (e.k === "silence" && e.reservations.length)
      for (const v of reservationVoices(session, i)) push(v.by, e.h, v.lead);
  });
  return out;
}

/** Every seated ally's course, in seating order. */
export function allyReports(session: Session, people: readonly Person[], drafts: readonly DraftRecord[]): AllyReport[] {
  const acts = (code: string, act: SilenceAct) =>
    drafts.filter((d) => d.allies.some((a) => a.code === code && a.act === act)).length;
  const s = stateOf(session);
  const hit = victims(session.env, s);
  const course = histories(session);
  return s.allies.map((a) => ({
    code: a.code,
    name: allyName(session, a.code),
    playedBy: s.humans.includes(a.code) || people.some((p) => p.seat === a.code) ? "person" : "ai",
    people: people.filter((p) => p.seat === a.code),
    victim: hit.has(a.code),
    finalStance: a.position?.stance ?? null,
    // A networked view replaces other seats' readings with a uniform belief: no figure is better than a false one.
    finalConfidence: a.belief.every((w) => w === a.belief[0]) ? null : round3(stateConfidence(a.belief)),
    finalHarm: round3(a.severity),
    breaks: acts(a.code, "broke silence"),
    reservations: acts(a.code, "reservation"),
    history: course.get(a.code) ?? [],
    arguments: argumentsOf(session, a.code),
    talks: talksOf(session, a.code),
  }));
}
