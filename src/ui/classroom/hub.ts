/**
 * Classroom and Workshop: the teacher or facilitator sets up a session (scenario, seed, chair, timers); students
 * and participants go on to join with a code. The same console runs both; only the words and the default
 * timers differ (a 45-minute lesson moves faster than a professional exercise).
 */
import type { CreateSessionRequest, TimerSettings } from "../../net/protocol.ts";
import { createRemoteSession } from "../../net/sessionApi.ts";
import { bundledScenario, SCENARIO_IDS } from "../../sim/catalog.ts";
import { button, h } from "../dom.ts";
import type { Mode } from "./shell.ts";

const DEFAULT_TIMERS: Record<Mode, TimerSettings> = {
  classroom: { incidentSeconds: 30, stepSeconds: 6, roundSeconds: 90, silenceSeconds: 60 },
  workshop: { incidentSeconds: 60, stepSeconds: 8, roundSeconds: 180, silenceSeconds: 90 },
};

const WORDS: Record<Mode, { title: string; intro: string; host: string; guest: string; guestText: string }> = {
  classroom: {
    title: "Classroom",
    intro:
      "Run one Council for your class. Students join on their phones or laptops with a short code and each represents an ally; the AI takes the empty seats. Put the projector view on the screen and run the clock from your console.",
    host: "Start a session (teacher)",
    guest: "Join a session (student)",
    guestText: "Got a code from your teacher? Join with it and you will be given an ally to represent.",
  },
  workshop: {
    title: "Workshop",
    intro:
      "Run a facilitated exercise. Participants join with a code and each represents an ally; the AI plays the rest. As facilitator you pace the rounds, inject intelligence and events live, reveal the truth at the end and download the full record for the after-action review.",
    host: "Set up an exercise (facilitator)",
    guest: "Join an exercise (participant)",
    guestText: "Given a code by the facilitator? Join with it to take your seat at the table.",
  },
};

export interface HubActions {
  created(code: string, token: string): void;
  reopen(code: string): void; // a session this browser created earlier
  join(): void;
  menu(): void;
}

function numberField(id: string, label: string, value: number, min: number, max: number): HTMLElement {
  return h(
    "div",
    { class: "field" },
    h("label", { for: id }, label),
    h("input", { id, name: id, type: "number", inputmode: "numeric", min, max, step: 1, value, required: true }),
  );
}

/** The form that creates a session on the server. */
function createForm(mode: Mode, randomSeed: number, created: HubActions["created"]): HTMLFormElement {
  const t = DEFAULT_TIMERS[mode];
  const error = h("p", { class: "rejection", role: "alert" });
  const scenarios = SCENARIO_IDS.map((id) => bundledScenario(id))
    .filter((s) => s !== undefined)
    .map((s) => h("option", { value: s.id }, `${s.title} (${s.date})`));
  const submit = button("Create the session", "create-session", () => form.requestSubmit(), { class: "primary" });
  submit.type = "submit";
  const form = h(
    "form",
    { class: "create-session", "aria-label": "New session" },
    h(
      "div",
      { class: "field" },
      h("label", { for: "new-scenario" }, "Crisis"),
      h("select", { id: "new-scenario", name: "scenario" }, ...scenarios),
    ),
    numberField("new-seed", "Seed (the same seed replays the same crisis)", randomSeed, 0, 2 ** 31 - 1),
    h(
      "fieldset",
      { class: "stance" },
      h("legend", {}, "Who chairs the Council (the Secretary General)"),
      h("label", {}, h("input", { type: "radio", name: "chair", value: "ai", checked: true }), " The AI chairs"),
      h(
        "label",
        {},
        h("input", { type: "radio", name: "chair", value: "human" }),
        mode === "classroom" ? " A student chairs" : " A participant chairs",
      ),
    ),
    h(
      "fieldset",
      { class: "timers" },
      h("legend", {}, "Timers (seconds; you can change them during the session)"),
      numberField("new-round", "Consultation round", t.roundSeconds, 0, 3600),
      numberField("new-silence", "Silence procedure", t.silenceSeconds, 0, 3600),
      numberField("new-incident", "Reading an incident", t.incidentSeconds, 0, 3600),
      numberField("new-step", "Between AI steps", t.stepSeconds, 0, 600),
    ),
    error,
    submit,
  );
  const value = (id: string) => Number(form.querySelector<HTMLInputElement>(`#${id}`)?.value ?? "0");
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (!form.reportValidity()) return;
    const request: CreateSessionRequest = {
      scenario: form.querySelector<HTMLSelectElement>("#new-scenario")?.value ?? "",
      seed: value("new-seed"),
      chair: form.querySelector<HTMLInputElement>('input[name="chair"]:checked')?.value === "human" ? "human" : "ai",
      timers: {
        roundSeconds: value("new-round"),
        silenceSeconds: value("new-silence"),
        incidentSeconds: value("new-incident"),
        stepSeconds: value("new-step"),
      },
    };
    submit.disabled = true;
    error.textContent = "";
    createRemoteSession(request).then(
      (session) => created(session.code, session.facilitatorToken),
      (err: unknown) => {
        submit.disabled = false;
        error.textContent = `Could not create the session: ${(err as Error).message}`;
      },
    );
  });
  return form;
}

/** Sessions this browser created, to reopen their console (a closed tab, a restarted laptop). */
function yourSessions(codes: readonly string[], reopen: (code: string) => void): HTMLElement | null {
  if (!codes.length) return null;
  return h(
    "section",
    { class: "card", "aria-labelledby": "yours-title" },
    h("h2", { id: "yours-title" }, "Your sessions on this browser"),
    h(
      "ul",
      { class: "row plain" },
      ...codes.map((code) =>
        h(
          "li",
          {},
          button(`Reopen ${code}`, "reopen", () => reopen(code), { "data-code": code }),
        ),
      ),
    ),
  );
}

export function hubScreen(mode: Mode, randomSeed: number, codes: readonly string[], actions: HubActions): HTMLElement {
  const w = WORDS[mode];
  return h(
    "section",
    { class: "screen net-hub", "aria-labelledby": "hub-title", "data-view": "hub" },
    h("h1", { id: "hub-title", tabindex: -1 }, w.title),
    h("p", { class: "tagline" }, w.intro),
    h(
      "div",
      { class: "cards two" },
      h("div", { class: "card featured" }, h("h2", {}, w.host), createForm(mode, randomSeed, actions.created)),
      h(
        "div",
        { class: "card" },
        h("h2", {}, w.guest),
        h("p", {}, w.guestText),
        button("Join with a code", "go-join", actions.join, { class: "primary" }),
      ),
    ),
    yourSessions(codes, actions.reopen),
    button("Menu", "menu", actions.menu),
  );
}
