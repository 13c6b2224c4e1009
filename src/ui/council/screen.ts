/**
 * The council screen: the Phaser room (drawn from a CouncilView) beside accessible DOM panels. Panels are
 * rebuilt when the state moves on; forms are kept while the player is still in the same step.
 */
import type { CouncilGame } from "../../net/game.ts";
import type { LocalGame } from "../../net/localGame.ts";
import { phaseOf, stateOf } from "../../sim/session.ts";
import type { SeatId } from "../../sim/state.ts";
import type { CouncilView } from "../councilView.ts";
import type { Director } from "../director.ts";
import { button, h } from "../dom.ts";
import { hintPanel } from "../guide/hint.ts";
import { paceSelect } from "../paceControl.ts";
import { councilView } from "../viewModel.ts";
import { actionsPanel } from "./actions.ts";
import { briefingPanel } from "./briefing.ts";
import { dossierPanel, incidentPanel, intelligencePanel, logPanel, seatList, statusPanel } from "./info.ts";
import { bringMoveIntoView } from "./yourMove.ts";

export interface CouncilRoomHandle {
  update(view: CouncilView): void;
  resize(): void;
  destroy(): void;
}

export interface CouncilScreen {
  el: HTMLElement;
  roomHost: HTMLElement;
  attachRoom(room: CouncilRoomHandle): void;
  select(code: string | null): void;
  refresh(): void;
  tick(): void;
  destroy(): void;
}

/** What differs between solo and networked play: the header's controls, and who paces the session. */
export interface CouncilChrome {
  controls: HTMLElement; // the header's controls (solo: pause, skip, export, menu)
  banner?: HTMLElement; // shown above the header (networked: the connection status)
  silenceLeft(): number | null; // seconds before the silence deadline, if a countdown runs
  passResponse?: () => void; // solo: the player lets the response run without joining a coalition
  sent(): void; // the player sent an event
  refreshed(): void; // the screen was redrawn (update the controls' texts)
  playerPaces: boolean; // the player begins the session and moves on from incident cards (solo)
  privateReadings: boolean; // other allies' beliefs are known (solo); false when the server hides them
}

/** The solo council screen: the engine in the page, paced by a Director. */
export function councilScreen(game: LocalGame, director: Director, you: SeatId, menu: () => void): CouncilScreen {
  function exportRecord(): void {
    const blob = new Blob([game.exportText()], { type: "application/json" });
    const a = h("a", {
      href: URL.createObjectURL(blob),
      download: `case-by-case-${game.record.scenario.id}-seed${game.record.seed}.json`,
    });
    a.click();
    URL.revokeObjectURL(a.href);
  }
  // The header is built once; only its texts change, so its buttons stay put under the pointer.
  const pause = button("Pause", "pause", () => {
    director.togglePause();
    pause.textContent = director.paused ? "Resume" : "Pause";
  });
  const controls = h(
    "div",
    { class: "controls" },
    paceSelect(director),
    pause,
    button("Skip ahead", "skip", () => director.skip()),
    button("Export record", "export", exportRecord),
    button("Menu", "menu", menu),
  );
  return councilLayout(game, you, {
    controls,
    silenceLeft: () => director.silenceLeft,
    sent: () => director.poke(),
    passResponse: () => director.passResponse(),
    refreshed: () => {
      pause.textContent = director.paused ? "Resume" : "Pause";
    },
    playerPaces: true,
    privateReadings: true,
  });
}

/** The council screen over any game (local or networked); `chrome` supplies what differs. */
export function councilLayout(game: CouncilGame, you: SeatId, chrome: CouncilChrome): CouncilScreen {
  let selected: string | null = null;
  let room: CouncilRoomHandle | null = null;
  let actionsKey = "";
  let lastSideKey = "";
  let lastPhase = "";
  const roomHost = h("div", { id: "room", class: "room", role: "img", "aria-label": "The council table" });
  const header = h("header", { class: "council-header" });
  const actions = h("div", { class: "slot-actions" });
  const side = h("div", { class: "side" });
  const notice = h("p", { class: "rejection", role: "alert", "aria-live": "assertive" });
  const panels = h("div", { class: "panels" }, notice, actions, hintPanel(game, you), side);
  const el = h(
    "section",
    { class: "screen council", "aria-label": "The North Atlantic Council" },
    chrome.banner ?? null,
    header,
    h("div", { class: "council-body" }, roomHost, panels),
  );

  const send = (event: unknown) => {
    game.send(event);
    chrome.sent();
  };
  const select = (code: string | null) => {
    selected = selected === code ? null : code;
    refresh();
    if (selected) document.getElementById("dossier")?.focus();
  };

  // The header is built once; only its texts change, so its buttons stay put under the pointer.
  const clock = h("p", { class: "clock", "aria-live": "polite" });
  const profileName = game.session.env.profiles.find((p) => p.code === you)?.name ?? you;
  header.append(
    h("h1", {}, game.session.env.scenario.title),
    clock,
    h("p", { class: "seat-label" }, you === "chair" ? "You chair the Council" : `You represent ${profileName}`),
    chrome.controls,
  );

  function renderHeader(view: CouncilView): void {
    const text = `${view.clockLabel} · ${phaseOf(game.session)}${view.roundLabel ? ` · ${view.roundLabel}` : ""}`;
    if (clock.textContent !== text) clock.textContent = text;
    chrome.refreshed();
  }

  function refresh(): void {
    const s = stateOf(game.session);
    const phase = phaseOf(game.session);
    const view = councilView(game.session, you, selected);
    renderHeader(view);
    notice.textContent = game.lastRejection ? `Not possible: ${game.lastRejection}` : "";
    const me = s.allies.find((a) => a.code === you);
    const key = `${phase}|${s.round}|${s.draft?.attempt ?? 0}|${s.silenceAttempts}|${me?.position?.round ?? -1}|${me?.position?.hour ?? -1}|${s.injects.length}|${s.draft?.breaks.length ?? 0}|${s.article4.requestedBy.length}|${me?.held.length ?? 0}|${me?.assisted}|${s.talks.length}|${s.capital[you] ?? 0}|${s.draft?.reserves.length ?? 0}|${s.joining.length}|${me?.argued.length ?? 0}`;
    if (key !== actionsKey) {
      actionsKey = key;
      const hadFocus = actions.contains(document.activeElement);
      const ctx = { session: game.session, you, send, silenceLeft: chrome.silenceLeft() };
      actions.replaceChildren(
        phase === "briefing" ? briefingPanel(game.session, you) : "",
        actionsPanel(
          ctx,
          chrome.playerPaces ? () => send({ type: "session.start", by: "system" }) : null,
          chrome.playerPaces ? () => send({ type: "phase.advance", by: "system" }) : null,
          chrome.passResponse ?? null,
        ),
      );
      // Keep keyboard users in the flow: the control they used is gone, so focus the next step.
      if (hadFocus) actions.querySelector<HTMLElement>("button.primary, button, h2")?.focus();
      // A new phase that asks the player to act: show the move (the panel keeps its old scroll otherwise).
      if (phase !== lastPhase) bringMoveIntoView(actions, panels, phase);
      lastPhase = phase;
    }
    const sideKey = `${s.log.length}|${s.hour}|${selected}|${phase}|${s.proposal.join()}|${s.talks.length}`;
    if (sideKey === lastSideKey) {
      room?.update(view);
      return;
    }
    lastSideKey = sideKey;
    side.replaceChildren(
      ...[
        dossierPanel(game.session, selected, () => select(null), you),
        statusPanel(game.session, you, chrome.privateReadings),
        incidentPanel(game.session),
        intelligencePanel(game.session, you),
        seatList(game.session, selected, select),
        logPanel(game.session),
      ].filter((x): x is HTMLElement => x !== null),
    );
    room?.update(view);
  }

  const unsubscribe = game.subscribe(() => refresh());
  const onResize = () => room?.resize();
  window.addEventListener("resize", onResize);

  return {
    el,
    roomHost,
    attachRoom(r) {
      room = r;
      r.update(councilView(game.session, you, selected));
      roomHost.dataset.ready = "true";
    },
    select,
    refresh,
    tick() {
      const countdown = document.getElementById("silence-countdown");
      const left = chrome.silenceLeft();
      if (countdown) countdown.textContent = left === null ? "Deadline pending" : `Silence deadline in ${left} s`;
    },
    destroy() {
      unsubscribe();
      window.removeEventListener("resize", onResize);
      room?.destroy();
    },
  };
}
