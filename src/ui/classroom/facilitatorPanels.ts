/**
 * The facilitator's panels: running the session (clock, timers, injects, notes, the reveal, the end) and the
 * seats (who sits where, who waits, who is away). Each sends a facilitator action and shows the server's
 * answer as text; none decides anything itself.
 */
import type { FacilitatorOp, TimerSettings } from "../../net/protocol.ts";
import type { RemoteGame } from "../../net/remoteGame.ts";
import { stateConfidence } from "../../sim/attribution.ts";
import { phaseOf, stateOf } from "../../sim/session.ts";
import { button, h, pct } from "../dom.ts";
import { seatsLine } from "../words.ts";
import { clockText } from "./status.ts";

export type Run = (op: FacilitatorOp, done?: () => void) => void;

/** True while the person is editing a field inside `el` (a rebuild then would take it from under their hand). */
export function editingIn(el: HTMLElement): boolean {
  const active = document.activeElement;
  return !!active && el.contains(active) && /^(SELECT|INPUT|TEXTAREA)$/.test(active.tagName);
}

/** A button that asks for a second press within 5 seconds before it acts (ending a session is for good). */
function confirmButton(label: string, confirm: string, action: string, act: () => void): HTMLButtonElement {
  let armed: ReturnType<typeof setTimeout> | null = null;
  const el = button(
    label,
    action,
    () => {
      if (armed) {
        clearTimeout(armed);
        armed = null;
        el.textContent = label;
        act();
        return;
      }
      el.textContent = confirm;
      armed = setTimeout(() => {
        armed = null;
        el.textContent = label;
      }, 5000);
    },
    { class: "danger" },
  );
  return el;
}

function timerField(id: string, label: string, value: number): HTMLElement {
  return h(
    "div",
    { class: "field inline" },
    h("label", { for: id }, label),
    h("input", { id, type: "number", inputmode: "numeric", min: 0, max: 3600, step: 1, value }),
  );
}

/** The timers, editable during the session. */
function timersForm(timers: TimerSettings, run: Run): HTMLElement {
  const form = h(
    "form",
    { class: "timers-form" },
    timerField("t-round", "Consultation round (s)", timers.roundSeconds),
    timerField("t-silence", "Silence procedure (s)", timers.silenceSeconds),
    timerField("t-incident", "Reading an incident (s)", timers.incidentSeconds),
    timerField("t-step", "Between AI steps (s)", timers.stepSeconds),
    button("Apply the timers", "apply-timers", () => form.requestSubmit()),
  );
  const value = (id: string) => Math.max(0, Math.round(Number(form.querySelector<HTMLInputElement>(`#${id}`)?.value)));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    run({
      op: "timers",
      timers: {
        roundSeconds: value("t-round"),
        silenceSeconds: value("t-silence"),
        incidentSeconds: value("t-incident"),
        stepSeconds: Math.min(600, value("t-step")),
      },
    });
  });
  return h("details", { class: "timers" }, h("summary", {}, "Timers"), form);
}

/** Live events: one of the scenario's optional injects, or a note in the facilitator's own words. */
function injectForms(game: RemoteGame, run: Run): HTMLElement {
  const env = game.session.env;
  const played = new Set(stateOf(game.session).injects.map((i) => i.id));
  const choices = env.scenario.optionalInjects.map((i) =>
    h("option", { value: i.id, disabled: played.has(i.id) }, `${i.title}${played.has(i.id) ? " (played)" : ""}`),
  );
  const select = h("select", { id: "inject-choice" }, ...choices);
  const note = h("textarea", {
    id: "note-text",
    rows: 3,
    maxlength: 500,
    placeholder: "e.g. A national CERT reports the same malware in a second ministry.",
  });
  return h(
    "section",
    { class: "panel fac-inject", "aria-labelledby": "inject-title" },
    h("h2", { id: "inject-title" }, "Inject"),
    choices.length
      ? h(
          "div",
          { class: "row" },
          h("label", { for: "inject-choice" }, "An event from the scenario"),
          select,
          button("Play this inject", "play-inject", () => select.value && run({ op: "inject", inject: select.value })),
        )
      : h("p", { class: "meta" }, "This scenario has no optional injects."),
    h("label", { for: "note-text" }, "Intelligence or news in your words (everyone sees it, as text)"),
    note,
    button("Send to the Council", "send-note", () => {
      const text = note.value.trim();
      if (text) run({ op: "note", text }, () => (note.value = ""));
    }),
  );
}

/** Clock and session controls; `update` refreshes the texts and which buttons apply. */
export function controlsPanel(game: RemoteGame, run: Run): { el: HTMLElement; update(): void; tick(): void } {
  const countdown = h("p", { class: "countdown big", role: "timer" });
  const start = button("Start the session", "start", () => run({ op: "start" }), { class: "primary" });
  const pause = button("Pause", "pause", () => run({ op: game.view.clock.paused ? "resume" : "pause" }));
  const injects = h("div", {});
  const truth = h("p", { class: "truth" });
  const reveal = button("Reveal who was behind it", "reveal", () => run({ op: "reveal" }));
  const el = h(
    "section",
    { class: "panel fac-controls", "aria-labelledby": "controls-title" },
    h("h2", { id: "controls-title" }, "Run the session"),
    countdown,
    h(
      "div",
      { class: "row" },
      start,
      pause,
      button("+30 s", "extend-30", () => run({ op: "extend", seconds: 30 })),
      button("+2 min", "extend-120", () => run({ op: "extend", seconds: 120 })),
      button("Next step now", "advance", () => run({ op: "advance" })),
    ),
    timersForm(game.view.clock.timers, run),
    injects,
    h(
      "section",
      { class: "panel fac-end", "aria-labelledby": "end-title" },
      h("h2", { id: "end-title" }, "The truth and the end"),
      h(
        "div",
        { class: "row" },
        reveal,
        confirmButton("End the session", "Press again to end", "end", () => run({ op: "end" })),
      ),
      truth,
    ),
  );
  let injectKey = "";
  const update = () => {
    const phase = phaseOf(game.session);
    start.hidden = phase !== "briefing";
    pause.textContent = game.view.clock.paused ? "Resume" : "Pause";
    reveal.disabled = game.view.revealed;
    truth.textContent = game.view.revealed ? `Revealed: ${game.session.env.scenario.truth.text}` : "";
    const key = `${stateOf(game.session).injects.length}`;
    if (key !== injectKey && !editingIn(injects)) {
      injectKey = key;
      injects.replaceChildren(injectForms(game, run));
    }
  };
  const tick = () => {
    const text = clockText(game, true);
    if (countdown.textContent !== text) countdown.textContent = text;
  };
  update();
  tick();
  return { el, update, tick };
}

/** People waiting for a seat, each with a choice of free seats. */
function waitingList(game: RemoteGame, names: Map<string, string>, run: Run): HTMLElement | null {
  const waiting = game.view.waiting;
  if (!waiting.length) return null;
  const free = game.view.seats.filter((s) => !s.name);
  return h(
    "div",
    { class: "waiting-list" },
    h("h3", {}, `Waiting for a seat (${waiting.length})`),
    h(
      "ul",
      {},
      ...waiting.map((p) => {
        const id = `assign-${p.player}`;
        const select = h(
          "select",
          { id, "data-player": p.player },
          ...free.map((s) => h("option", { value: s.ally }, names.get(s.ally) ?? s.ally)),
        );
        return h(
          "li",
          {},
          h("label", { for: id, class: "delegate-name" }, p.name),
          p.connected ? "" : " (away) ",
          select,
          button("Give this seat", "assign", () => run({ op: "assign", player: p.player, ally: select.value }), {
            disabled: !free.length,
            "data-player": p.player,
          }),
        );
      }),
    ),
  );
}

/** Moves a seated delegate to a free seat in one step (their old seat goes to the AI). */
function moveControl(
  game: RemoteGame,
  player: string,
  name: string,
  names: Map<string, string>,
  run: Run,
): HTMLElement | null {
  const free = game.view.seats.filter((s) => !s.name);
  if (!free.length) return null;
  const id = `move-${player}`;
  const select = h(
    "select",
    { id, "data-player": player },
    ...free.map((s) => h("option", { value: s.ally }, names.get(s.ally) ?? s.ally)),
  );
  return h(
    "span",
    { class: "move" },
    h("label", { for: id, class: "visually-hidden" }, `Move ${name} to`),
    select,
    button("Move", "move", () => run({ op: "assign", player, ally: select.value }), { "data-player": player }),
  );
}

/** "Hand to AI" for one seat (its name is read out to screen readers, after the visible words). */
function freeButton(ally: string, name: string, run: Run): HTMLButtonElement {
  const el = button("Hand to AI", "free", () => run({ op: "free", ally }), { "data-ally": ally });
  el.append(h("span", { class: "visually-hidden" }, `: ${name}`));
  return el;
}

/** Every seat: who holds it, whether they are connected, their stance and (facilitator only) their reading. */
export function seatsPanel(game: RemoteGame, run: Run): HTMLElement {
  const s = stateOf(game.session);
  const names = new Map<string, string>([
    ["chair", "Secretary General (chair)"],
    ...game.session.env.profiles.map((p): [string, string] => [p.code, p.name]),
  ]);
  const people = game.view.seats.filter((x) => x.name).length;
  const rows = game.view.seats.map((seat) => {
    const ally = s.allies.find((a) => a.code === seat.ally);
    return h(
      "tr",
      { "data-seat-row": seat.ally },
      h("th", { scope: "row" }, names.get(seat.ally) ?? seat.ally),
      h(
        "td",
        {},
        seat.name ? h("span", { class: "delegate-name" }, seat.name) : h("span", { class: "meta" }, "AI"),
        seat.name && !seat.connected ? h("span", { class: "away" }, " away") : null,
      ),
      h("td", { class: `stance-cell ${ally?.position?.stance ?? ""}` }, ally?.position?.stance ?? "—"),
      h("td", {}, ally ? pct(stateConfidence(ally.belief)) : "—"),
      h(
        "td",
        { class: "seat-actions" },
        seat.name ? freeButton(seat.ally, names.get(seat.ally) ?? seat.ally, run) : "",
        seat.player ? moveControl(game, seat.player, seat.name, names, run) : null,
      ),
    );
  });
  return h(
    "section",
    { class: "panel fac-seats", "aria-labelledby": "seats-title" },
    h("h2", { id: "seats-title" }, "Seats"),
    h("p", { class: "meta" }, seatsLine(people, game.view.waiting.length, game.view.seats.length)),
    waitingList(game, names, run),
    h(
      "div",
      { class: "grid-wrap" },
      h(
        "table",
        { class: "seats-table" },
        h("caption", { class: "visually-hidden" }, "Seats, delegates, stances and attribution confidence"),
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", { scope: "col" }, "Seat"),
            h("th", { scope: "col" }, "Delegate"),
            h("th", { scope: "col" }, "Stance"),
            h(
              "th",
              { scope: "col", title: "Their private confidence that a state is behind it" },
              "Confidence",
              h("span", { class: "visually-hidden" }, " that a state is behind it"),
            ),
            h("th", { scope: "col" }, h("span", { class: "visually-hidden" }, "Action")),
          ),
        ),
        h("tbody", {}, ...rows),
      ),
    ),
  );
}
