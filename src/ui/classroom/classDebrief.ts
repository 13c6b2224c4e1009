/**
 * The classroom debrief's account of the people's seats: for every seat a student played, each statement
 * (its round, stance, arguments, what it asked for and ruled out, and its own words), each break of silence
 * with its reason, each reservation and each draft the chair tabled. Read from the session's public log, so
 * every screen can show it; the people's names are added in the facilitator's debrief only.
 */
import type { RemoteGame } from "../../net/remoteGame.ts";
import { formatHour } from "../../sim/explain.ts";
import { measureById } from "../../sim/measures.ts";
import { stateOf } from "../../sim/session.ts";
import type { LogEntry, SeatId } from "../../sim/state.ts";
import { h } from "../dom.ts";

const STANCE: Record<string, string> = { support: "supports", undecided: "is undecided on", oppose: "opposes" };
const ARGUMENT: Record<string, string> = {
  evidence: "the evidence",
  solidarity: "solidarity with the allies hit",
  legal: "international law",
  escalation: "the risk of escalation",
};

const measures = (ids: readonly string[]) => ids.map((m) => measureById(m as never).name).join("; ");

/** "day 2, 12:00" as it starts a line. */
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** One line of a seat's account, or null when the entry is not that seat's. */
function line(e: LogEntry, seat: SeatId): HTMLElement | null {
  const when = capital(formatHour(e.h));
  if (e.k === "statement" && e.by === seat) {
    const parts = [
      e.args.length ? `arguing ${e.args.map((a) => ARGUMENT[a] ?? a).join(", ")}` : "",
      e.wants.length ? `asks for ${measures(e.wants)}` : "",
      e.rejects.length ? `rules out ${measures(e.rejects)}` : "",
    ].filter(Boolean);
    return h(
      "li",
      { "data-kind": "statement" },
      h("strong", {}, `${when}: ${STANCE[e.stance] ?? e.stance} the working text`),
      parts.length ? `; ${parts.join("; ")}.` : ".",
      e.text ? h("q", { class: "own-words" }, e.text) : null, // their words, as text
    );
  }
  if (e.k === "break" && e.by === seat)
    return h(
      "li",
      { "data-kind": "break" },
      h("strong", {}, `${when}: broke silence`),
      e.measures.length ? ` over ${measures(e.measures)}` : "",
      ". Reason: ",
      h("q", { class: "own-words" }, e.reason),
    );
  if (e.k === "reserve" && e.by === seat)
    return h(
      "li",
      { "data-kind": "reserve" },
      h("strong", {}, `${when}: kept silence with a reservation`),
      ": ",
      h("q", { class: "own-words" }, e.text),
    );
  if (e.k === "table" && seat === "chair")
    return h("li", { "data-kind": "table" }, h("strong", {}, `${when}: tabled`), ` ${measures(e.measures)}.`);
  return null;
}

/** Seats people played at any point: the chair when a person chaired, and every ally a person took. */
function peoplesSeats(game: RemoteGame): SeatId[] {
  const s = stateOf(game.session);
  const taken = new Set(s.log.flatMap((e) => (e.k === "control" && e.controller === "human" ? [e.ally] : [])));
  for (const code of s.humans) taken.add(code);
  const allies = s.allies.map((a) => a.code).filter((c) => taken.has(c));
  return s.chair === "human" ? ["chair", ...allies] : allies;
}

/** The section; `withNames` (the facilitator) adds who sat in each seat and their roles. */
export function classDebrief(game: RemoteGame, withNames: boolean): HTMLElement {
  const s = stateOf(game.session);
  const seatName = (seat: SeatId) =>
    seat === "chair" ? "Secretary General" : (game.session.env.profiles.find((p) => p.code === seat)?.name ?? seat);
  const seats = peoplesSeats(game).map((seat) => {
    const lines = s.log.map((e) => line(e, seat)).filter((el): el is HTMLElement => el !== null);
    const team = withNames ? game.view.people.filter((p) => p.seat === seat && p.joined) : [];
    return h(
      "article",
      { class: "class-seat", "data-seat": seat },
      h(
        "h3",
        {},
        seatName(seat),
        team.length
          ? h(
              "span",
              { class: "class-names" },
              ` — ${team.map((p) => `${p.name}${p.adviser ? " (adviser)" : ""}`).join(", ")}`,
            )
          : null,
      ),
      lines.length
        ? h("ul", { class: "class-lines" }, ...lines)
        : h("p", { class: "meta" }, "Made no statement, broke no silence."),
    );
  });
  return h(
    "section",
    { class: "class-debrief", "aria-labelledby": "class-debrief-title" },
    h("h2", { id: "class-debrief-title" }, "What the students said and why"),
    seats.length ? h("div", { class: "class-seats" }, ...seats) : h("p", {}, "No seat was played by a student."),
  );
}
