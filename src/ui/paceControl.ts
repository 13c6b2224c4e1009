/**
 * The pace controls: a choice of relaxed, standard or brisk before a game (on the seat screen) and a picker
 * in the council header during play. Both keep the choice in storage (pace.ts), so the next game starts at it.
 */
import type { Director } from "./director.ts";
import { h } from "./dom.ts";
import { loadPace, PACES, type Pace, paceLabel, paceTimings, savePace } from "./pace.ts";
import "./pace.css";

/** One line on what a pace means for the player: the silence countdown it gives. */
export function paceHint(pace: Pace): string {
  const t = paceTimings(pace);
  const what =
    pace === "relaxed"
      ? "time to read every statement and check dossiers"
      : pace === "standard"
        ? "time to read each round"
        : "for players who know the table";
  return `${what}; ${t.silenceSeconds} s to break silence`;
}

/** The choice before a game: three radio buttons, remembered in `storage`. */
export function paceChooser(storage: Storage | null): HTMLElement {
  const current = loadPace(storage);
  const option = (pace: Pace) =>
    h(
      "label",
      { class: "pace-option" },
      h("input", {
        type: "radio",
        name: "pace",
        value: pace,
        checked: pace === current,
        "data-pace": pace,
        onchange: () => savePace(storage, pace),
      }),
      h("span", { class: "pace-name" }, paceLabel(pace)),
      h("span", { class: "pace-hint" }, paceHint(pace)),
    );
  return h(
    "fieldset",
    { class: "card pace-chooser" },
    h("legend", {}, "Pace of the table"),
    h(
      "p",
      { class: "meta" },
      "How long the AI allies take over each round. You can change it during play; Pause and Skip ahead stay.",
    ),
    ...PACES.map(option),
  );
}

/** The picker in the council header: changes the Director's pace at once (and remembers it). */
export function paceSelect(director: Director): HTMLElement {
  const select = h(
    "select",
    {
      id: "pace-select",
      "data-action": "pace",
      onchange: () => director.setPace(select.value as Pace),
    },
    ...PACES.map((pace) => h("option", { value: pace, selected: pace === director.pace }, paceLabel(pace))),
  );
  return h("label", { class: "pace-select" }, h("span", {}, "Pace"), select);
}
