/**
 * The main menu: Continue, Solo, Guided first game, Classroom, Workshop, Join a session, Printable materials,
 * Load a record, About.
 */
import { button, h } from "../dom.ts";

export interface MenuActions {
  solo(): void;
  guided(): void; // a first game with the guide explaining the Council as it goes
  resume: (() => void) | null;
  load(file: File): void;
  classroom(): void; // a teacher runs a session for the class
  workshop(): void; // a facilitator runs an exercise
  join(): void; // a student or participant joins with a code
  materials(): void; // role cards, handouts, script and guide to print
  about(): void;
}

export function menuScreen(actions: MenuActions, message: string | null): HTMLElement {
  const file = h("input", {
    type: "file",
    accept: "application/json,.json",
    id: "load-file",
    class: "visually-hidden",
    tabindex: -1,
    "aria-label": "Record file to load",
  });
  file.addEventListener("change", () => {
    const chosen = file.files?.[0];
    if (chosen) actions.load(chosen);
  });
  return h(
    "section",
    { class: "screen menu", "aria-labelledby": "menu-title" },
    h("h1", { id: "menu-title" }, "Case by Case"),
    h("p", { class: "tagline" }, "The North Atlantic Council must decide a cyber crisis — unanimously, case by case."),
    message ? h("p", { class: "notice", role: "alert" }, message) : null,
    h(
      "nav",
      { class: "menu-buttons", "aria-label": "Main menu" },
      actions.resume ? button("Continue", "continue", actions.resume, { class: "primary" }) : null,
      button("Solo", "solo", actions.solo, { class: actions.resume ? undefined : "primary" }),
      button("Guided first game", "guided", actions.guided),
      button("Classroom: run a session for your class", "classroom", actions.classroom),
      button("Workshop: facilitate an exercise", "workshop", actions.workshop),
      button("Join a session with a code", "join", actions.join),
      button("Printable materials", "materials", actions.materials),
      button("Load a record…", "load", () => file.click()),
      file,
      button("About", "about", actions.about),
    ),
  );
}
