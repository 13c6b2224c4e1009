/** Read-only council panels: status, incident cards, intelligence, allies at the table, dossier, log. */
import { beliefProbabilities, stateConfidence } from "../../sim/attribution.ts";
import { findInject } from "../../sim/council.ts";
import { countOf } from "../../sim/explain.ts";
import { dossierAt, provenanceAt } from "../../sim/profiles.ts";
import { ACTOR_TYPES } from "../../sim/scenarioSchema.ts";
import { councilSeverity } from "../../sim/scoring.ts";
import { type Session, stateOf } from "../../sim/session.ts";
import type { SeatId } from "../../sim/state.ts";
import { button, h, pct } from "../dom.ts";
import { allyHistory } from "../tableVoices.ts";
import { clockLabel, type LogLine, logLines, positionLines } from "../viewModel.ts";
import { objectiveText } from "../words.ts";
import { openTalksWith, talkHistory, talkPartners } from "./talks.ts";

const ACTOR_WORDS: Record<string, string> = {
  state: "a state",
  proxy: "a state-directed proxy",
  patriotic: "patriotic hackers",
  criminal: "criminals",
};

function meter(label: string, value: number, id: string): HTMLElement {
  return h(
    "div",
    { class: "meter" },
    h("label", { for: id }, `${label}: ${pct(value)}`),
    h("meter", { id, min: 0, max: 1, value: value.toFixed(3), low: 0.4, high: 0.7, optimum: 0 }),
  );
}

/**
 * Your attribution confidence (an ally's own, private) and the harm gauge. Seeing the whole table (the chair),
 * it counts the capitals that are fairly sure, unless `privateReadings` is false (a networked view, where the
 * server hides other allies' readings).
 */
export function statusPanel(session: Session, you: SeatId, privateReadings = true): HTMLElement {
  const s = stateOf(session);
  const ally = s.allies.find((a) => a.code === you);
  const parts: (HTMLElement | null)[] = [];
  if (ally) {
    const p = beliefProbabilities(ally.belief);
    parts.push(meter("Your confidence a state is behind it", stateConfidence(ally.belief), "meter-confidence"));
    parts.push(
      h(
        "p",
        { class: "meta" },
        `Your services' reading: ${ACTOR_TYPES.map((a, i) => `${ACTOR_WORDS[a]} ${pct(p[i] ?? 0)}`).join(" · ")}`,
      ),
    );
    parts.push(meter("Harm as you assess it", ally.severity, "meter-harm"));
  } else {
    parts.push(meter("Harm as the Council assesses it (median)", councilSeverity(s), "meter-harm"));
  }
  if (!ally && privateReadings) {
    const conf = s.allies.map((a) => stateConfidence(a.belief));
    const convinced = conf.filter((c) => c >= 0.65).length;
    parts.push(
      h(
        "p",
        { class: "meta" },
        `${convinced} of ${s.allies.length} capitals say privately they are fairly sure a state is behind it.`,
      ),
    );
  }
  return h("section", { class: "panel status", "aria-label": "Your situation" }, ...parts);
}

/** The incidents so far, newest first, with their drawn effects. */
export function incidentPanel(session: Session): HTMLElement {
  const s = stateOf(session);
  const cards = [...s.injects].reverse().map((active) => {
    const inject = findInject(session.env, active.id);
    if (!inject) return null;
    const e = active.effects;
    return h(
      "article",
      { class: "incident" },
      h("h3", {}, inject.title, active.optional ? " (live inject)" : ""),
      h("p", {}, inject.text),
      h(
        "p",
        { class: "meta" },
        `Hit: ${inject.targets.join(", ")}${inject.spillover.length ? ` · spillover: ${inject.spillover.join(", ")}` : ""} · sectors: ${inject.sectors.join(", ")}`,
      ),
      h(
        "p",
        { class: "meta" },
        `Disruption ${pct(e.disruption)} for ${countOf(e.durationDays, "day")} · loss $${e.economicLossMusd}m · physical damage ${pct(e.physicalDamage)} · casualties ${e.casualties} · severity ${pct(active.severity)}`,
      ),
    );
  });
  return h("section", { class: "panel incidents", "aria-label": "Incidents" }, h("h2", {}, "Incidents"), ...cards);
}

/** Evidence your seat holds (the chair sees what has been shared with every ally). */
export function intelligencePanel(session: Session, you: SeatId): HTMLElement {
  const s = stateOf(session);
  const held =
    s.allies.find((a) => a.code === you)?.held ??
    s.allies.reduce<string[]>(
      (common, a, i) => (i === 0 ? [...a.held] : common.filter((id) => a.held.includes(id))),
      [],
    );
  // Newest first by the hour each item surfaced (held lists arrival, and shared items arrive late).
  const due = new Map(s.injects.flatMap((a) => a.evidence.map((x) => [x.id, x.dueHour] as const)));
  const order = held.map((id, k) => ({ id, k, at: due.get(id) ?? 0 }));
  order.sort((a, b) => b.at - a.at || b.k - a.k);
  const items = order.map(({ id, at }) => {
    const ref = session.env.evidence.get(id);
    if (!ref) return null;
    const e = ref.evidence;
    return h(
      "li",
      {},
      h("span", { class: "when" }, clockLabel(at)),
      " ",
      h("strong", {}, e.title),
      h("span", { class: `tag ${e.kind}` }, e.kind === "falseFlag" ? "claim?" : e.kind),
      h("p", {}, e.text),
    );
  });
  return h(
    "section",
    { class: "panel intelligence", "aria-label": "Intelligence feed" },
    h("h2", {}, "Intelligence"),
    items.length
      ? h("ul", { class: "feed", "aria-live": "polite" }, ...items)
      : h("p", { class: "meta" }, "Nothing yet."),
  );
}

/** A seat's stance for the list of allies: "opposes the text", "broke silence", "not yet spoken". */
function seatStanceWords(session: Session, code: string): string {
  const s = stateOf(session);
  if (s.draft?.breaks.some((b) => b.by === code)) return "broke silence";
  const stance = s.allies.find((a) => a.code === code)?.position?.stance;
  return stance ? SEAT_STANCE[stance] : "not yet spoken";
}
const SEAT_STANCE = { support: "supports the text", undecided: "undecided", oppose: "opposes the text" } as const;

/** The allies at the table as a keyboard-friendly list; choosing one opens its dossier. */
export function seatList(session: Session, selected: string | null, select: (code: string) => void): HTMLElement {
  const s = stateOf(session);
  const items = s.allies.map((ally, i) =>
    h(
      "li",
      {},
      button(
        `${session.env.profiles[i]?.name ?? ally.code} — ${seatStanceWords(session, ally.code)}`,
        "select-seat",
        () => select(ally.code),
        {
          "data-seat": ally.code,
          "aria-pressed": selected === ally.code ? "true" : "false",
          class: `seat ${ally.position?.stance ?? "silent"}`,
        },
      ),
    ),
  );
  return h(
    "section",
    { class: "panel seats", "aria-label": "Allies at the table" },
    h("h2", {}, "Allies at the table"),
    h("ul", { class: "seat-list" }, ...items),
  );
}

/**
 * One ally's dossier as it stood on the scenario's date: the profile in words, objectives, red lines, its
 * position and reasons, and what `you` heard from it in corridor talks (with a way to the talks form).
 */
export function dossierPanel(
  session: Session,
  code: string | null,
  close: () => void,
  you: SeatId | null = null,
): HTMLElement | null {
  if (!code) return null;
  const i = session.env.index.get(code);
  const profile = i === undefined ? undefined : session.env.profiles[i];
  if (!profile) return null;
  const date = session.env.scenario.date;
  const card = session.env.scenario.roleCards[code];
  const heard = you && you !== code ? talkHistory(session, you, code) : null;
  const canTalk = you !== null && talkPartners(session, you).includes(code);
  return h(
    "section",
    { class: "panel dossier", "aria-label": `Dossier: ${profile.name}`, tabindex: -1, id: "dossier" },
    h("h2", {}, `Dossier: ${profile.name}`),
    card ? h("p", { class: "brief" }, card.brief) : null,
    h("p", {}, dossierAt(profile, date)),
    h("p", { class: "meta" }, "Objectives: ", (card?.objectives ?? profile.objectives).map(objectiveText).join("; ")),
    h("p", { class: "meta" }, "Red lines: ", profile.redLines.join("; ")),
    h("h3", {}, "Position and reasons"),
    h("ul", { class: "position" }, ...positionLines(session, code).map((l) => h("li", {}, l))),
    movedSection(session, code),
    heard ? h("h3", {}, "What you heard in corridor talks") : null,
    heard,
    h(
      "p",
      { class: "meta small" },
      `Profile basis (stylized, not an official position): ${provenanceAt(profile, date)}`,
    ),
    canTalk ? button(`Hold corridor talks with ${profile.name}…`, "talk-with", () => openTalksWith(code)) : null,
    button("Close dossier", "close-dossier", close),
  );
}

/** How an ally moved over the session: its stance each round, its breaks and reservations, oldest first. */
function movedSection(session: Session, code: string): HTMLElement {
  const history = allyHistory(session, code);
  return h(
    "div",
    { class: "moved" },
    h("h3", {}, "How it moved"),
    history.length
      ? h("ol", { class: "history" }, ...history.map((x) => h("li", {}, `${clockLabel(x.h)}: ${x.text}`)))
      : h("p", { class: "meta" }, "No consultation round yet."),
  );
}

/** One log line: its time and text, the figures behind a voiced reason, and what each delegation said. */
function logItem(l: LogLine): HTMLElement {
  return h(
    "li",
    { class: l.kind },
    h("span", { class: "when" }, l.hour),
    " ",
    l.text,
    l.detail ? h("span", { class: "meta figures" }, ` (${l.detail})`) : null,
    l.said
      ? h(
          "details",
          { class: "said" },
          h("summary", {}, `What ${countOf(l.said.length, "delegation")} said`),
          h(
            "ul",
            {},
            ...l.said.map((x) =>
              h(
                "li",
                {},
                h("strong", {}, x.who),
                `: ${x.text}`,
                x.detail ? h("span", { class: "meta figures" }, ` (${x.detail})`) : null,
              ),
            ),
          ),
        )
      : null,
  );
}

/** The session log, newest last. */
export function logPanel(session: Session): HTMLElement {
  const lines = logLines(session);
  return h(
    "section",
    { class: "panel log", "aria-label": "Session log" },
    h("h2", {}, "Session log"),
    h(
      "ol",
      { class: "log-lines", tabindex: 0, "aria-label": "Session log entries, newest last" },
      ...lines.slice(-80).map(logItem),
    ),
  );
}
