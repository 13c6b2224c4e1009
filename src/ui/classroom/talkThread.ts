/**
 * Corridor talks between delegations people play, in the classroom: each thread (one pair of delegations)
 * as a list of what was written, and a compose box to write to another delegate. The first message opens
 * talks (the offer's usual capital: 1 with nothing offered); writing back is free. Messages are shown as text,
 * never HTML. The facilitator's console reads every thread with `threadsPanel`. Sends events only.
 */
import type { RemoteGame } from "../../net/remoteGame.ts";
import { OFFER_NAMES } from "../../sim/explain.ts";
import { OFFER_COST } from "../../sim/negotiation.ts";
import { phaseOf, type Session, stateOf } from "../../sim/session.ts";
import type { SeatId, SessionState, Talk } from "../../sim/state.ts";
import { between, MESSAGE_MAX, playedByPerson } from "../../sim/talkThreads.ts";
import { button, h } from "../dom.ts";
import { allyName, clockLabel } from "../viewModel.ts";
import "./talkThread.css";

/** One pair of delegations and every talk between them, oldest first. */
export interface Thread {
  a: SeatId;
  b: SeatId;
  talks: Talk[];
}

/** Talks grouped by pair of delegations (in the order each pair first met); only those `keep` accepts. */
export function threadsOf(s: SessionState, keep: (t: Talk) => boolean = () => true): Thread[] {
  const threads: Thread[] = [];
  for (const t of s.talks) {
    if (!keep(t)) continue;
    const thread = threads.find((x) => between(t, x.a, x.b));
    if (thread) thread.talks.push(t);
    else threads.push({ a: t.by, b: t.with, talks: [t] });
  }
  return threads;
}

/** A delegation's name with its delegate's ("Latvia (Bo)"); the chair is "The chair". */
function seatName(game: RemoteGame, seat: SeatId): string {
  const base = seat === "chair" ? "The chair" : allyName(game.session, seat);
  const person = game.view.seats.find((x) => x.ally === seat)?.name;
  return person ? `${base} (${person})` : base;
}

/** The lines of a thread: who opened talks (and what they offered), then every message, as text. */
function threadLines(game: RemoteGame, thread: Thread): HTMLElement {
  const items: HTMLElement[] = [];
  for (const t of thread.talks) {
    const offer = t.offer === "none" ? "" : `, offering ${OFFER_NAMES[t.offer]}`;
    items.push(
      h(
        "li",
        { class: "thread-meta" },
        `${clockLabel(t.hour)}: ${seatName(game, t.by)} opened talks with ${seatName(game, t.with)}${offer}`,
      ),
    );
    if (!t.messages) {
      const heard = t.heard.length ? ` (heard about ${t.heard.length} measure${t.heard.length === 1 ? "" : "s"})` : "";
      items[items.length - 1]?.append(heard);
    }
    for (const m of t.messages ?? [])
      items.push(
        h(
          "li",
          { class: "thread-message", "data-by": m.by },
          h("span", { class: "thread-who" }, `${seatName(game, m.by)} · ${clockLabel(m.hour)}`),
          h("span", { class: "thread-text" }, m.text), // text, never HTML
        ),
      );
  }
  return h("ol", { class: "thread-lines" }, ...items);
}

/** Every thread of the session, readable (the facilitator sees them all); null when nobody has met. */
export function threadsPanel(game: RemoteGame): HTMLElement {
  const threads = threadsOf(stateOf(game.session));
  return h(
    "section",
    { class: "panel fac-talks", "aria-labelledby": "fac-talks-title" },
    h("h2", { id: "fac-talks-title" }, "Corridor talks"),
    threads.length
      ? h(
          "ul",
          { class: "threads" },
          ...threads.map((t) =>
            h(
              "li",
              { class: "thread", "data-pair": `${t.a}-${t.b}` },
              h("h3", {}, `${seatName(game, t.a)} and ${seatName(game, t.b)}`),
              threadLines(game, t),
            ),
          ),
        )
      : h("p", { class: "meta" }, "No delegation has held corridor talks yet."),
  );
}

/** A key that changes whenever anything in the threads does (a reply changes no count). */
export function threadsKey(session: Session): string {
  return JSON.stringify(stateOf(session).talks.map((t) => [t.by, t.with, t.hour, t.messages?.length ?? -1]));
}

/** The delegations `you` may write to: others played by people, and any you already have a thread with. */
function partners(game: RemoteGame, you: SeatId): SeatId[] {
  const s = stateOf(game.session);
  const seats: SeatId[] = [...(s.chair === "human" ? ["chair"] : []), ...s.allies.map((a) => a.code)];
  return seats.filter((seat) => seat !== you && playedByPerson(s, seat));
}

const OPEN_PHASES = ["attribution", "consultation", "decision"];

/**
 * A delegate's corridor talks with other delegates: their threads and a compose box. The box keeps what is
 * being typed while views come in; the threads are redrawn when they change. `update` follows the session.
 */
export function talkThreads(game: RemoteGame, you: SeatId): { el: HTMLElement; update(): void } {
  const to = h("select", { id: "thread-to", name: "to" });
  const text = h("textarea", { id: "thread-text", name: "text", rows: 3, maxlength: MESSAGE_MAX });
  const count = h("span", { class: "meta thread-count", "aria-live": "off" }, `0 / ${MESSAGE_MAX}`);
  const cost = h("p", { class: "meta thread-cost", id: "thread-cost" });
  const error = h("p", { class: "rejection thread-error", role: "alert" });
  const sendButton = button("Send", "send-message", () => void submit(), { class: "primary" });
  const list = h("div", { class: "thread-list" });
  const closed = h("p", { class: "meta" });
  const form = h(
    "form",
    { class: "thread-compose", "aria-labelledby": "thread-compose-title" },
    h("h3", { id: "thread-compose-title" }, "Write to a delegate"),
    h("div", { class: "control-row" }, h("label", { for: "thread-to" }, "To"), to),
    h("label", { for: "thread-text" }, "Message (plain text)"),
    text,
    h("div", { class: "thread-send" }, count, sendButton),
    cost,
    error,
  );
  text.setAttribute("aria-describedby", "thread-cost");
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void submit();
  });
  const el = h(
    "section",
    { class: "panel talk-threads", "aria-labelledby": "threads-title" },
    h("h2", { id: "threads-title" }, "Talks with delegates"),
    h("p", { class: "meta" }, "Private: only the two delegations and the facilitator read a thread."),
    list,
    closed,
    form,
  );

  const hasThread = (seat: SeatId) =>
    stateOf(game.session).talks.some((t) => t.messages !== undefined && between(t, you, seat));

  function describeCost(): void {
    const seat = to.value;
    const left = stateOf(game.session).capital[you] ?? 0;
    cost.textContent = !seat
      ? ""
      : hasThread(seat)
        ? "Writing back in an open thread is free."
        : `Opening talks costs ${OFFER_COST.none} political capital (${left} left this cycle).`;
    count.textContent = `${text.value.trim().length} / ${MESSAGE_MAX}`;
  }

  async function submit(): Promise<void> {
    const message = text.value.trim();
    const seat = to.value;
    if (!message || !seat) {
      error.textContent = !seat ? "No delegate to write to." : "Write a message first.";
      return;
    }
    error.textContent = "";
    const event = hasThread(seat)
      ? { type: "corridor.reply", to: seat, text: message }
      : { type: "corridor.talk", with: seat, offer: "none", message };
    // The box empties as the message leaves (the thread may show it before the server's answer arrives);
    // a refused message comes back into the box with the reason.
    sendButton.disabled = true;
    text.value = "";
    const reason = await game.send(event);
    sendButton.disabled = false;
    if (reason) {
      error.textContent = `Not sent: ${reason}`;
      if (!text.value) text.value = message;
    }
    describeCost();
  }

  let listKey = "";
  let partnersKey = "";
  function update(): void {
    const s = stateOf(game.session);
    const seats = partners(game, you);
    const pk = JSON.stringify([seats, game.view.seats.map((x) => x.name)]);
    if (pk !== partnersKey) {
      partnersKey = pk;
      const chosen = to.value;
      to.replaceChildren(...seats.map((seat) => h("option", { value: seat }, seatName(game, seat))));
      if (seats.includes(chosen)) to.value = chosen;
    }
    const key = `${threadsKey(game.session)}|${pk}`;
    if (key !== listKey) {
      listKey = key;
      const mine = threadsOf(s, (t) => t.messages !== undefined && (t.by === you || t.with === you));
      list.replaceChildren(
        ...mine.map((t) => {
          const other = t.a === you ? t.b : t.a;
          return h(
            "article",
            { class: "thread", "data-with": other },
            h("h3", {}, `With ${seatName(game, other)}`),
            threadLines(game, t),
          );
        }),
      );
      for (const lines of list.querySelectorAll(".thread-lines")) lines.scrollTop = lines.scrollHeight;
    }
    const open = OPEN_PHASES.includes(phaseOf(game.session));
    const anyone = seats.length > 0;
    form.hidden = !open || !anyone;
    closed.textContent = !anyone
      ? "No other delegation is played by a person."
      : open
        ? ""
        : "Talks open in attribution, consultation and the silence procedure.";
    el.hidden = !anyone && list.childElementCount === 0;
    describeCost();
  }
  to.addEventListener("change", describeCost);
  text.addEventListener("input", describeCost);
  update();
  return { el, update };
}
