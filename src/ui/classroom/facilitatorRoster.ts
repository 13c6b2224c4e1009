/**
 * The facilitator's class list: paste the names (one a line, "Name, Team" or "Name, Estonia" to group them),
 * choose how they are seated (key roles first, at random, by hand) and how many share a seat, then see every
 * person — planned, joined, away — with their seat and role, and move, make speaker, remove or block them.
 * Every change is a facilitator action; the server decides and the panel shows its answer.
 */
import type { PersonStatus, Seating } from "../../net/protocol.ts";
import type { RemoteGame } from "../../net/remoteGame.ts";
import { parseRoster } from "../../net/roster.ts";
import { button, h } from "../dom.ts";
import type { Run } from "./facilitatorPanels.ts";

const SEATING_WORDS: Record<Seating, string> = {
  key: "Key roles first (the scenario's main allies, then those hit)",
  random: "At random (the same for this session every time)",
  hand: "By hand (choose a seat for each name below)",
};

/** Seat names for the selects: the chair (when a person chairs) and every ally, in seating order. */
function seatChoices(game: RemoteGame): [string, string][] {
  return game.view.seats.map((s): [string, string] => [
    s.ally,
    s.ally === "chair"
      ? "Secretary General (chair)"
      : (game.session.env.profiles.find((p) => p.code === s.ally)?.name ?? s.ally),
  ]);
}

/** The paste box and its seating choices. */
function pasteForm(run: Run, people: number): HTMLElement {
  const text = h("textarea", {
    id: "roster-text",
    rows: 8,
    maxlength: 3800,
    spellcheck: "false",
    placeholder: "Ann Smith\nBen Jones, Estonia\nCleo Park, Team A\nDev Shah, Team A",
  });
  const count = h("p", { class: "meta", "aria-live": "polite" });
  text.addEventListener("input", () => {
    const n = parseRoster(text.value).length;
    count.textContent = n ? `${n} ${n === 1 ? "name" : "names"}` : "";
  });
  const seating = h(
    "fieldset",
    { class: "roster-seating" },
    h("legend", {}, "Seat them"),
    ...(Object.keys(SEATING_WORDS) as Seating[]).map((s) =>
      h(
        "label",
        {},
        h("input", { type: "radio", name: "roster-seating", value: s, checked: s === "key" }),
        ` ${SEATING_WORDS[s]}`,
      ),
    ),
  );
  const team = h(
    "select",
    { id: "roster-team" },
    h("option", { value: "1" }, "One student a seat (extra students join teams)"),
    ...[2, 3, 4].map((n) => h("option", { value: String(n) }, `Teams of ${n}`)),
  );
  const form = h(
    "form",
    { class: "roster-form" },
    h("label", { for: "roster-text" }, "Class list: one name a line (optionally “Name, Team” or “Name, Estonia”)"),
    text,
    count,
    seating,
    h("div", { class: "field roster-team" }, h("label", { for: "roster-team" }, "Delegations"), team),
    button(people ? "Seat the class again" : "Seat the class", "seat-roster", () => form.requestSubmit(), {
      class: "primary",
    }),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const chosen = form.querySelector<HTMLInputElement>('input[name="roster-seating"]:checked')?.value as Seating;
    run({ op: "roster", text: text.value, seating: chosen ?? "key", teamSize: Number(team.value) || 1 });
  });
  return form;
}

function statusWords(p: PersonStatus): string {
  if (!p.joined) return "not joined yet";
  return p.connected ? "here" : "away";
}

/** One person: name, seat (a select), role, whether they are here, and what the facilitator can do. */
function personRow(game: RemoteGame, p: PersonStatus, seats: [string, string][], run: Run): HTMLElement {
  const id = `seat-of-${p.player}`;
  const taken = (ally: string) => game.view.people.some((q) => q !== p && q.seat === ally);
  const select = h(
    "select",
    { id, "data-player": p.player },
    h("option", { value: "" }, "No seat"),
    ...seats.map(([code, name]) => h("option", { value: code, selected: p.seat === code }, name)),
  );
  select.addEventListener("change", () => {
    const ally = select.value;
    if (!ally) return;
    run({ op: "assign", player: p.player, ally, ...(taken(ally) ? { role: "adviser" as const } : {}) });
  });
  return h(
    "tr",
    { "data-person": p.name },
    h("th", { scope: "row" }, h("span", { class: "delegate-name" }, p.name)),
    h("td", {}, h("label", { for: id, class: "visually-hidden" }, `Seat for ${p.name}`), select),
    h("td", {}, p.seat ? (p.adviser ? "adviser" : "speaker") : "—"),
    h("td", { class: p.joined && !p.connected ? "away" : "" }, statusWords(p)),
    h(
      "td",
      { class: "seat-actions" },
      p.adviser && p.joined
        ? button("Make speaker", "make-speaker", () => run({ op: "speaker", player: p.player }), {
            "data-player": p.player,
          })
        : null,
      button("Remove", "remove-person", () => run({ op: "remove", player: p.player }), { "data-player": p.player }),
      p.joined
        ? button("Block device", "block-person", () => run({ op: "block", player: p.player }), {
            "data-player": p.player,
            class: "danger",
          })
        : null,
    ),
  );
}

/** The class list panel. */
export function rosterPanel(game: RemoteGame, run: Run): HTMLElement {
  const people = game.view.people;
  const seats = seatChoices(game);
  const order = new Map(seats.map(([code], i) => [code, i]));
  const sorted = [...people].sort(
    (a, b) =>
      (order.get(a.seat ?? "") ?? 999) - (order.get(b.seat ?? "") ?? 999) ||
      Number(a.adviser) - Number(b.adviser) ||
      a.name.localeCompare(b.name),
  );
  const joined = people.filter((p) => p.joined).length;
  const teams = new Set(people.filter((p) => p.adviser && p.seat).map((p) => p.seat)).size;
  return h(
    "section",
    { class: "panel fac-roster", "aria-labelledby": "roster-title" },
    h("h2", { id: "roster-title" }, "Class list"),
    h(
      "details",
      { class: "roster-paste", open: people.length === 0 },
      h("summary", {}, people.length ? "Paste a new list" : "Paste your class list"),
      pasteForm(run, people.length),
    ),
    people.length
      ? h(
          "p",
          { class: "meta roster-count" },
          `${people.length} people · ${joined} joined · ${teams} ${teams === 1 ? "team" : "teams"} with advisers`,
        )
      : null,
    people.length
      ? h(
          "div",
          { class: "grid-wrap" },
          h(
            "table",
            { class: "seats-table roster-table" },
            h("caption", { class: "visually-hidden" }, "People, their seats, roles and whether they have joined"),
            h(
              "thead",
              {},
              h(
                "tr",
                {},
                h("th", { scope: "col" }, "Name"),
                h("th", { scope: "col" }, "Seat"),
                h("th", { scope: "col" }, "Role"),
                h("th", { scope: "col" }, "Status"),
                h("th", { scope: "col" }, h("span", { class: "visually-hidden" }, "Actions")),
              ),
            ),
            h("tbody", {}, ...sorted.map((p) => personRow(game, p, seats, run))),
          ),
        )
      : null,
  );
}
