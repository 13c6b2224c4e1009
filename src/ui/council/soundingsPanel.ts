/**
 * The Secretariat's soundings on a draft, before it is tabled: for each measure (and for the package as a
 * whole) who is likely to object and why, from public positions only (src/sim/bots/soundings.ts), corrected
 * by what the seat itself heard in corridor talks this cycle. An estimate, and it says so.
 */
import { botView } from "../../sim/bots/bot.ts";
import { soundOut } from "../../sim/bots/soundings.ts";
import { type MeasureId, measureById, type Wording, wordedName } from "../../sim/measures.ts";
import { type Session, stateOf } from "../../sim/session.ts";
import type { Concern, Reason, SeatId } from "../../sim/state.ts";
import { playedByPerson } from "../../sim/talkThreads.ts";
import { reasonBrief } from "../../sim/voice.ts";
import { button, h } from "../dom.ts";
import { allyName } from "../viewModel.ts";
import type { ChairDraft } from "./draft.ts";

export type Verdict = "pass" | "doubtful" | "blocked";

/** One ally predicted to object to a measure, and what talks told the seat since. */
export interface Objector {
  code: string;
  reasons: Reason[];
  hard: boolean; // below a threshold (harm, attribution): not a weighing an offer easily moves
  heard: Concern | null; // the latest thing heard in talks this cycle about this measure
}

export interface MeasureSounding {
  measure: MeasureId;
  wording: Wording;
  separate: boolean;
  verdict: Verdict;
  objectors: Objector[];
}

export const VERDICT_TEXT: Record<Verdict, string> = {
  pass: "likely to pass",
  doubtful: "doubtful",
  blocked: "likely blocked",
};

/** A reason in a few plain words about the ally ("not yet sure who is behind it"); the figures are on its dossier. */
export function reasonWords(r: Reason): string {
  return reasonBrief(r);
}

/** What the seat last heard in talks this cycle about `measure` from `code`. */
function heardFrom(session: Session, you: SeatId, code: string, measure: MeasureId): Concern | null {
  const s = stateOf(session);
  let found: Concern | null = null;
  for (const t of s.talks)
    if (t.by === you && t.with === code && t.cycle === s.cycle)
      for (const c of t.heard) if (c.measure === measure) found = c;
  return found;
}

/** True when what was heard in talks says the ally would let the measure through in this wording. */
function movedInTalks(heard: Concern | null, wording: Wording): boolean {
  return heard !== null && (heard.accepts || (heard.acceptsSoft && wording === "soft"));
}

/** The verdict on one measure from its remaining objectors. */
function verdictOf(objectors: readonly Objector[]): Verdict {
  if (!objectors.length) return "pass";
  if (objectors.some((o) => o.hard) || objectors.length > 3) return "blocked";
  return "doubtful";
}

/** The soundings on every measure of a draft, as `you` can estimate them now. Reads the session; changes nothing. */
export function soundDraft(session: Session, you: SeatId, draft: ChairDraft): MeasureSounding[] {
  const view = botView(session, you);
  return draft.measures.map((m) => {
    const wording = draft.wording[m] ?? "standard";
    const objectors: Objector[] = soundOut(view, m, wording)
      .filter((x) => !x.judgement.accept && x.ally !== you)
      .sort((a, b) => a.judgement.score - b.judgement.score)
      .map((x) => ({
        code: x.ally,
        reasons: x.judgement.reasons.filter((r) => r.code !== "supports" && r.code !== "wants_more"),
        hard: x.judgement.hard,
        heard: heardFrom(session, you, x.ally, m),
      }));
    const standing = objectors.filter((o) => !movedInTalks(o.heard, wording));
    return { measure: m, wording, separate: draft.split.includes(m), verdict: verdictOf(standing), objectors };
  });
}

/** The package verdict: the measures decided together stand or fall as one. */
export function packageVerdict(soundings: readonly MeasureSounding[]): Verdict {
  const order: Verdict[] = ["pass", "doubtful", "blocked"];
  return soundings
    .filter((x) => !x.separate)
    .reduce<Verdict>((worst, x) => (order.indexOf(x.verdict) > order.indexOf(worst) ? x.verdict : worst), "pass");
}

/** What talks said, in words, or null. */
function heardText(o: Objector, wording: Wording): string | null {
  if (!o.heard) return null;
  if (o.heard.accepts) return "in talks it said it would accept";
  if (o.heard.acceptsSoft)
    return wording === "soft"
      ? "in talks it said it would accept softer wording"
      : "in talks: only with softer wording";
  return "in talks it still objected";
}

/** One objector: name, reasons in plain words (figures on hover), what talks said, and a way to talk to it. */
function objectorItem(session: Session, o: Objector, m: MeasureSounding, talk: TalkOpener | null): HTMLElement {
  const name = allyName(session, o.code);
  const heard = heardText(o, m.wording);
  const why = o.reasons.length ? o.reasons.map(reasonWords).join(", ") : "would rather not";
  return h(
    "li",
    { "data-objector": o.code },
    h("strong", {}, name),
    ` (${why})`,
    heard ? h("span", { class: "heard" }, ` — ${heard}`) : null,
    talk && !playedByPerson(stateOf(session), o.code)
      ? button(`Talk to ${name}`, "sound-talk", () => talk(o.code, m.measure, o.reasons), {
          class: "link",
          "data-seat": o.code,
          "data-measure": m.measure,
        })
      : null,
  );
}

export type TalkOpener = (code: string, measure: MeasureId, reasons: readonly Reason[]) => void;

/** How a measure is named on its line: its ladder name, and the words it is tabled in when they differ. */
function measureLabel(m: MeasureSounding): string {
  const name = measureById(m.measure).name;
  const worded = wordedName(m.measure, m.wording);
  return worded === name ? name : `${name}, as “${worded}”`;
}

/** One measure's line: its wording, the verdict and the likely objectors. */
function measureItem(session: Session, m: MeasureSounding, talk: TalkOpener | null): HTMLElement {
  const shown = m.objectors.slice(0, 6);
  const more = m.objectors.length - shown.length;
  const won = m.objectors.filter((o) => movedInTalks(o.heard, m.wording)).length;
  const standing = m.objectors.length - won;
  const count = [
    standing ? `${standing === 1 ? "1 ally" : `${standing} allies`} may object` : "",
    won ? `${won === 1 ? "1 ally" : `${won} allies`} won over in talks` : "",
  ]
    .filter(Boolean)
    .join("; ");
  return h(
    "li",
    { class: `sounding ${m.verdict}`, "data-measure": m.measure, "data-verdict": m.verdict },
    h(
      "p",
      {},
      h("strong", {}, measureLabel(m)),
      m.separate ? " (decided separately)" : "",
      " — ",
      h("span", { class: "verdict" }, VERDICT_TEXT[m.verdict]),
      count ? `: ${count}` : "",
    ),
    shown.length
      ? h(
          "ul",
          { class: "objectors" },
          ...shown.map((o) => objectorItem(session, o, m, talk)),
          more > 0 ? h("li", {}, `and ${more} more`) : null,
        )
      : null,
  );
}

/** The soundings panel for a draft; `talk` opens corridor talks with an objector (null when talks are closed). */
export function soundingsPanel(
  session: Session,
  you: SeatId,
  draft: ChairDraft,
  talk: TalkOpener | null,
  soundings: readonly MeasureSounding[] = soundDraft(session, you, draft),
): HTMLElement {
  const together = soundings.filter((x) => !x.separate);
  const verdict = packageVerdict(soundings);
  const summary = !draft.measures.length
    ? "Tick at least one measure to hear the soundings."
    : together.length
      ? `The package (${together.map((x) => measureById(x.measure).name.toLowerCase()).join(", ")}) needs every ally: ${VERDICT_TEXT[verdict]}.`
      : "Every measure is decided separately: each stands or falls alone.";
  return h(
    "section",
    { class: "soundings", id: "soundings", "aria-labelledby": "soundings-title", "data-verdict": verdict },
    h("h3", { id: "soundings-title" }, "Soundings on this draft"),
    h("p", { class: "package-verdict" }, summary),
    h("ul", { class: "sounding-list" }, ...soundings.map((m) => measureItem(session, m, talk))),
    h(
      "p",
      { class: "meta" },
      "An estimate from public positions and the evidence each capital is known to hold; capitals' own intelligence and instructions may differ. What you hear in corridor talks counts for more.",
    ),
  );
}
