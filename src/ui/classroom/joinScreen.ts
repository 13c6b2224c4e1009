/**
 * Joining a session: the code (from a `?join=CODE` link, a QR code, or typed), a name — picked from the class
 * list when the teacher pasted one (the seat planned for it follows), or typed — and optionally a seat.
 * A device that has joined this session before rejoins its seat at once with the token it kept.
 */
import { storedSeat } from "../../net/credentials.ts";
import { codeSchema, nameSchema } from "../../net/protocol.ts";
import { RemoteGame } from "../../net/remoteGame.ts";
import { lookupSession, rosterNames, type SessionInfo } from "../../net/sessionApi.ts";
import { bundledRoster, bundledScenario } from "../../sim/catalog.ts";
import { createEnv } from "../../sim/session.ts";
import { button, h } from "../dom.ts";
import { remoteOptions } from "./endpoint.ts";

export interface JoinActions {
  joined(game: RemoteGame): void;
  codeChanged(code: string | null): void;
  back(): void;
}

/** Seat choices for a session: "any free seat", then each free seat by its ally's name. */
function seatOptions(info: SessionInfo): HTMLOptionElement[] {
  const scenario = bundledScenario(info.scenario);
  const names = new Map(scenario ? createEnv(scenario, bundledRoster()).profiles.map((p) => [p.code, p.name]) : []);
  const free = info.seats.filter((s) => !s.name);
  return [
    h("option", { value: "" }, "Any free seat (recommended)"),
    ...free.map((s) =>
      h("option", { value: s.ally }, s.ally === "chair" ? "Secretary General (chair)" : (names.get(s.ally) ?? s.ally)),
    ),
  ];
}

/** The class list's names to pick from, and a way out for a name that is not on it. */
function rosterPicker(name: HTMLInputElement): { el: HTMLElement; show(names: readonly string[]): void } {
  const select = h("select", { id: "join-roster", name: "roster" });
  const el = h(
    "div",
    { class: "join-roster", hidden: true },
    h("label", { for: "join-roster" }, "Pick your name from the class list"),
    select,
    h("p", { class: "meta" }, "Your teacher has planned your seat. Not on the list? Type your name below."),
  );
  select.addEventListener("change", () => {
    if (select.value) name.value = select.value;
  });
  return {
    el,
    show: (names) => {
      el.hidden = names.length === 0;
      select.replaceChildren(
        h("option", { value: "" }, "Choose your name…"),
        ...names.map((n) => h("option", { value: n }, n)),
      );
    },
  };
}

export function joinScreen(storage: Storage | null, initialCode: string | null, actions: JoinActions): HTMLElement {
  const error = h("p", { class: "rejection", role: "alert" });
  const found = h("p", { class: "meta", "aria-live": "polite" });
  const code = h("input", {
    id: "join-code",
    name: "code",
    autocomplete: "off",
    autocapitalize: "characters",
    spellcheck: "false",
    maxlength: 6,
    required: true,
    class: "code-input",
    value: initialCode ?? "",
    "aria-describedby": "join-code-help",
  });
  const name = h("input", { id: "join-name", name: "name", maxlength: 40, required: true, autocomplete: "nickname" });
  const seat = h(
    "select",
    { id: "join-seat", name: "seat" },
    h("option", { value: "" }, "Any free seat (recommended)"),
  );
  const submit = button("Join", "join", () => form.requestSubmit(), { class: "primary" });
  submit.type = "submit";
  const roster = rosterPicker(name);
  const seatField = h("div", { class: "join-seat-field" }, h("label", { for: "join-seat" }, "Seat"), seat);
  const form = h(
    "form",
    { class: "join-form", "aria-label": "Join a session" },
    h("label", { for: "join-code" }, "Session code"),
    code,
    h("p", { id: "join-code-help", class: "meta" }, "Six letters and digits, shown on the projector."),
    found,
    roster.el,
    h("label", { for: "join-name" }, "Your name (as the class will see it)"),
    name,
    seatField,
    error,
    submit,
  );

  let looked = "";
  const look = () => {
    const parsed = codeSchema.safeParse(code.value);
    if (!parsed.success) {
      found.textContent = "";
      return;
    }
    const c = parsed.data;
    if (c === looked) return;
    looked = c;
    const stored = storedSeat(storage, c);
    if (stored && !name.value) name.value = stored.name;
    lookupSession(c).then(
      (info) => {
        if (looked !== c) return;
        const title = bundledScenario(info.scenario)?.title ?? info.scenario;
        const people = info.seats.filter((s) => s.name).length;
        found.textContent = `Session found: ${title} · ${people} of ${info.seats.length} seats taken by people.`;
        seat.replaceChildren(...seatOptions(info));
        error.textContent = "";
        actions.codeChanged(c);
        rosterNames(c).then(
          (names) => {
            if (looked !== c) return;
            roster.show(names);
            seatField.hidden = names.length > 0; // the teacher plans the seats
            if (names.length) seat.value = "";
          },
          () => roster.show([]),
        );
      },
      (err: unknown) => {
        if (looked !== c) return;
        found.textContent = "";
        error.textContent = (err as Error).message;
      },
    );
  };
  code.addEventListener("input", () => {
    code.value = code.value.toUpperCase().replace(/[^A-Z0-9]/g, "");
    look();
  });

  const join = (c: string, who: string, ally: string | undefined) => {
    submit.disabled = true;
    error.textContent = "";
    found.textContent = "Joining…";
    const options = { ...remoteOptions(storage), onWait: (note: string) => found.replaceChildren(note) }; // busy server
    RemoteGame.join({ kind: "player", code: c, name: who, ...(ally ? { ally } : {}) }, options).then(
      (game) => actions.joined(game),
      (err: unknown) => {
        submit.disabled = false;
        found.textContent = "";
        error.textContent = `Could not join: ${(err as Error).message}`;
      },
    );
  };
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const c = codeSchema.safeParse(code.value);
    const n = nameSchema.safeParse(name.value);
    if (!c.success) error.textContent = c.error.issues[0]?.message ?? "check the code";
    else if (!n.success) error.textContent = n.error.issues[0]?.message ?? "check your name";
    else join(c.data, n.data, seat.value || undefined);
  });

  const el = h(
    "section",
    { class: "screen net-join", "aria-labelledby": "join-title", "data-view": "join" },
    h("h1", { id: "join-title", tabindex: -1 }, "Join a session"),
    form,
    button("Menu", "menu", actions.back),
  );
  // A device that sat in this session before goes straight back to its seat.
  const c = codeSchema.safeParse(initialCode ?? "");
  const stored = c.success ? storedSeat(storage, c.data) : null;
  if (c.success && stored) {
    name.value = stored.name;
    join(c.data, stored.name, undefined);
  } else if (c.success) look();
  return el;
}
