/**
 * The projector: the whole council table for the room, the join code and its QR code in large type, the clock,
 * and what the Council has said aloud. It joins as the projector, so the server sends it the public view only:
 * no ally's private reading or intelligence ever reaches this screen.
 */
import type { RemoteGame } from "../../net/remoteGame.ts";
import type { CouncilRoom } from "../../scenes/mountCouncil.ts";
import { phaseOf, stateOf } from "../../sim/session.ts";
import { incidentPanel, intelligencePanel, logPanel } from "../council/info.ts";
import type { CouncilView } from "../councilView.ts";
import { h } from "../dom.ts";
import { debriefScreen } from "../screens/debrief.ts";
import { clockLabel, councilView } from "../viewModel.ts";
import { classDebrief } from "./classDebrief.ts";
import { projectorBanner } from "./projectorBanner.ts";
import { qrCode } from "./qr.ts";
import { joinLink, mountRoom, reachabilityWarning, type Shell } from "./shell.ts";
import { clockText, connectionBanner, connectionPill, every } from "./status.ts";

/** The code, the link and the QR code, for students to join from their seats. */
export function joinBox(code: string): HTMLElement {
  const link = joinLink(code);
  return h(
    "section",
    { class: "join-box", "aria-label": "How to join" },
    h(
      "p",
      { class: "join-how" },
      "Join at ",
      h("span", { class: "join-url" }, link.replace(/\?join=.*$/, "")),
      " with the code",
    ),
    h("p", { class: "join-code", "aria-label": `Join code ${code.split("").join(" ")}` }, code),
    qrCode(link, `QR code: a link to join session ${code}`),
    reachabilityWarning(),
  );
}

/** What the room should read now: the facilitator's latest note and, once revealed, the truth. */
function announcements(game: RemoteGame): HTMLElement | null {
  const log = stateOf(game.session).log;
  let note: string | null = null;
  for (let i = log.length - 1; i >= 0 && note === null; i--) {
    const e = log[i];
    if (e?.k === "note") note = e.text;
  }
  const truth = game.view.revealed ? game.session.env.scenario.truth.text : null;
  if (!note && !truth) return null;
  return h(
    "section",
    { class: "panel announcements", "aria-label": "Announcements", "aria-live": "polite" },
    note ? h("p", { class: "announcement" }, h("strong", {}, "From the facilitator: "), note) : null,
    truth ? h("p", { class: "truth" }, h("strong", {}, "Who was really behind it: "), truth) : null,
  );
}

/** Who is at the table, by name (as text). */
function delegates(game: RemoteGame): HTMLElement {
  const people = game.view.seats.filter((s) => s.name);
  const names = new Map(game.session.env.profiles.map((p) => [p.code, p.name]));
  return h(
    "section",
    { class: "panel delegates", "aria-label": "Delegates" },
    h("h2", {}, `Delegates: ${people.length} of ${game.view.seats.length} seats · the AI plays the rest`),
    people.length
      ? h(
          "ul",
          { class: "delegate-list" },
          ...people.map((s) =>
            h(
              "li",
              { class: s.connected ? "" : "away" },
              h("span", { class: "delegate-name" }, s.name),
              ` — ${s.ally === "chair" ? "chair" : (names.get(s.ally) ?? s.ally)}${s.connected ? "" : " (away)"}`,
            ),
          ),
        )
      : h("p", { class: "meta" }, "Nobody has joined yet."),
  );
}

/** The room's view with each played seat's delegate named on it (names as the players gave them; drawn as text). */
function roomView(game: RemoteGame): CouncilView {
  const view = councilView(game.session, "", null);
  const names = new Map(game.view.seats.filter((s) => s.name).map((s) => [s.ally, s.name]));
  return { ...view, seats: view.seats.map((s) => (names.has(s.code) ? { ...s, delegate: names.get(s.code) } : s)) };
}

export function openProjector(shell: Shell, game: RemoteGame): void {
  const host = h("div", { class: "net-host", "data-view": "projector" });
  const banner = connectionBanner(game);
  const title = h("h1", {}, game.session.env.scenario.title);
  const clock = h("p", { class: "clock" });
  const countdown = h("p", { class: "countdown big", role: "timer" });
  const pill = h("span", {});
  const roomHost = h("div", { id: "room", class: "room", role: "img", "aria-label": "The council table" });
  const side = h("aside", { class: "projector-side panels", "aria-label": "The Council so far" });
  const moments = projectorBanner();
  const screen = h(
    "section",
    { class: "screen council net-projector", "aria-label": "The North Atlantic Council (projector)" },
    banner.el,
    h("header", { class: "council-header" }, title, clock, countdown, pill),
    h("div", { class: "council-body" }, roomHost, side),
    moments.el,
  );
  let room: CouncilRoom | null = null;
  let debrief = false;
  let sideKey = "";

  const render = () => {
    const phase = phaseOf(game.session);
    shell.setPhase(phase);
    banner.update();
    pill.replaceChildren(connectionPill(game));
    if (game.finished && !debrief) {
      debrief = true;
      unmount();
      room = null;
      host.replaceChildren(
        debriefScreen(game.session, {
          sameSeed: null,
          newSeed: null,
          exportRecord: null,
          menu: () => shell.menu(),
          showHash: false,
          roleLabel: null, // the room has no role card of its own
        }),
      );
      // What each student's seat said and why (no names on the projector).
      host.querySelector(".debrief .stance-grid")?.closest(".grid-wrap")?.after(classDebrief(game, false));
      return;
    }
    const s = stateOf(game.session);
    const view = roomView(game);
    moments.update(game.session);
    clock.textContent = `${clockLabel(s.hour)} · ${phase}${view.roundLabel ? ` · ${view.roundLabel}` : ""}`;
    room?.update(view);
    const key = `${s.log.length}|${phase}|${game.view.revealed}|${game.view.seats.map((x) => `${x.name}${x.connected}`).join()}`;
    if (key === sideKey) return;
    sideKey = key;
    side.replaceChildren(
      ...[
        joinBox(game.code),
        announcements(game),
        delegates(game),
        logPanel(game.session),
        incidentPanel(game.session),
        intelligencePanel(game.session, ""),
      ].filter((x): x is HTMLElement => x !== null),
    );
    const log = side.querySelector(".log-lines");
    if (log) log.scrollTop = log.scrollHeight;
  };
  const tick = () => {
    const text = clockText(game);
    if (countdown.textContent !== text) countdown.textContent = text;
  };
  host.append(screen);
  const unsubscribe = game.subscribe(() => {
    render();
    tick();
  });
  const stop = every(500, tick);
  let unmount: () => void = () => {};
  shell.show(phaseOf(game.session), host, () => {
    unsubscribe();
    stop();
    moments.destroy();
    unmount();
    void game.leave();
  });
  render();
  tick();
  unmount = mountRoom(shell, roomHost, (r) => {
    room = r;
    r.update(roomView(game));
    roomHost.dataset.ready = "true";
  });
}
