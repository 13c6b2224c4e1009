/**
 * A delegate's view (phone first): the council screen of solo play for their own seat — their actions, their
 * own attribution confidence and intelligence, the table — over the networked game, with the server's countdown
 * and the connection's status in place of solo play's pause and skip. On the waiting list it says so; at the end
 * it shows the debrief.
 */
import type { RemoteGame } from "../../net/remoteGame.ts";
import { computeScores } from "../../sim/scoring.ts";
import { phaseOf, restoreSnapshot, type Session, saveSnapshot, stateOf } from "../../sim/session.ts";
import type { SeatId } from "../../sim/state.ts";
import { councilLayout } from "../council/screen.ts";
import { button, h } from "../dom.ts";
import { debriefScreen } from "../screens/debrief.ts";
import { classDebrief } from "./classDebrief.ts";
import { delegationCard } from "./delegation.ts";
import { mountRoom, type Shell } from "./shell.ts";
import { clockText, connectionBanner, connectionPill, every, silenceLeft } from "./status.ts";
import { talkThreads } from "./talkThread.ts";

interface Part {
  key: string;
  el: HTMLElement;
  update(): void;
  tick(): void;
  destroy(): void;
}

/** The header's live bits: the connection pill and the countdown. */
function liveStatus(game: RemoteGame): { el: HTMLElement; update(): void } {
  const pill = h("span", {});
  const countdown = h("span", { class: "countdown", role: "timer", "aria-live": "off" });
  const el = h("p", { class: "net-status" }, pill, " ", countdown);
  const update = () => {
    pill.replaceChildren(connectionPill(game));
    const text = clockText(game);
    if (countdown.textContent !== text) countdown.textContent = text;
  };
  update();
  return { el, update };
}

function seatPart(shell: Shell, game: RemoteGame, seat: SeatId, name: string, leave: () => void): Part {
  const banner = connectionBanner(game);
  const live = liveStatus(game);
  const mine = seat === "chair" ? null : seat;
  const controls = h(
    "div",
    { class: "controls" },
    h("span", { class: "who" }, name),
    live.el,
    mine ? button("Your dossier", "my-dossier", () => screen.select(mine)) : null,
    button("Leave", "leave", leave),
  );
  const screen = councilLayout(game, seat, {
    controls,
    banner: banner.el,
    silenceLeft: () => silenceLeft(game),
    sent: () => {},
    refreshed: () => {
      banner.update();
      live.update();
    },
    playerPaces: false,
    privateReadings: false,
  });
  screen.el.classList.add("net-player");
  const viewer = game.view.viewer;
  const adviser = viewer.kind === "player" && viewer.adviser === true;
  // An adviser sees the seat's private view; its moves are the speaker's (the server refuses them anyway).
  screen.el.classList.toggle("net-adviser", adviser);
  const seatName =
    seat === "chair" ? "the Secretary General" : (game.session.env.profiles.find((p) => p.code === seat)?.name ?? seat);
  const team = delegationCard(game, seatName);
  screen.el.querySelector(".slot-actions")?.before(team.el);
  // Talks with other delegates sit under "Your move", kept apart from the panels the screen redraws.
  const threads = talkThreads(game, seat);
  screen.el.querySelector(".slot-actions")?.after(threads.el);
  const unmount = mountRoom(
    shell,
    screen.roomHost,
    (room) => screen.attachRoom(room),
    (code) => {
      if (code) screen.el.querySelector<HTMLButtonElement>(`[data-seat="${code}"]`)?.click();
    },
  );
  screen.refresh();
  return {
    key: `seat:${seat}:${adviser ? "adviser" : "speaker"}`,
    el: screen.el,
    update: () => {
      threads.update();
      team.update();
    },
    tick: () => {
      live.update();
      screen.tick();
    },
    destroy: () => {
      unmount();
      screen.destroy();
    },
  };
}

function waitingPart(game: RemoteGame, name: string, leave: () => void): Part {
  const banner = connectionBanner(game);
  const live = liveStatus(game);
  const el = h(
    "section",
    { class: "screen net-waiting", "aria-labelledby": "waiting-title" },
    banner.el,
    h("h1", { id: "waiting-title", tabindex: -1 }, "You are on the waiting list"),
    h(
      "p",
      {},
      `Hello ${name}. Every seat you could take is held, or the facilitator moved you; they can give you a seat at any moment. Keep this page open.`,
    ),
    live.el,
    button("Leave", "leave", leave),
  );
  return {
    key: "waiting",
    el,
    update: () => {
      banner.update();
      live.update();
    },
    tick: () => live.update(),
    destroy: () => {},
  };
}

/**
 * The session as scored for `seat`: the server scores the objectives of the record's role (the chair); a
 * delegate's debrief scores their own ally's (all public: decisions, reactions, harm).
 */
function scoredFor(session: Session, seat: SeatId | null): Session {
  const s = stateOf(session);
  if (!seat || !s.scores) return session;
  const mine = { ...s, role: seat };
  const scores = { ...s.scores, role: computeScores(session.env, mine).role };
  return restoreSnapshot(session.env, { ...saveSnapshot(session), state: { ...mine, scores } });
}

function removedPart(leave: () => void): Part {
  const el = h(
    "section",
    { class: "screen net-waiting", "aria-labelledby": "removed-title", "data-view": "removed" },
    h("h1", { id: "removed-title", tabindex: -1 }, "The facilitator removed you from this session"),
    h("p", {}, "Your seat has gone back to your team or to the AI. If this is a mistake, ask your teacher."),
    button("Menu", "leave", leave),
  );
  return { key: "removed", el, update: () => {}, tick: () => {}, destroy: () => {} };
}

function debriefPart(game: RemoteGame, seat: SeatId | null, leave: () => void): Part {
  const el = debriefScreen(scoredFor(game.session, seat), {
    sameSeed: null,
    newSeed: null,
    exportRecord: null,
    menu: leave,
    menuLabel: "Leave the session",
    showHash: false,
  });
  // What each student's seat said and why (names are the facilitator's).
  el.querySelector(".stance-grid")?.closest(".grid-wrap")?.after(classDebrief(game, false));
  return { key: "debrief", el, update: () => {}, tick: () => {}, destroy: () => {} };
}

/** Shows a joined delegate's view until they leave (the seat stays theirs: the code brings them back). */
export function openPlayer(shell: Shell, game: RemoteGame): void {
  const host = h("div", { class: "net-host", "data-view": "player" });
  let part: Part | null = null;
  const leave = () => shell.menu("You left the session. Join again with the same code to take your seat back.");
  const render = () => {
    const viewer = game.view.viewer;
    if (viewer.kind !== "player") return;
    const role = viewer.adviser ? "adviser" : "speaker";
    const key =
      game.connection === "removed"
        ? "removed"
        : game.finished
          ? "debrief"
          : viewer.seat
            ? `seat:${viewer.seat}:${role}`
            : "waiting";
    shell.setPhase(phaseOf(game.session));
    if (part?.key === key) {
      part.update();
      return;
    }
    part?.destroy();
    if (key === "removed") part = removedPart(() => shell.menu());
    else if (key === "debrief") part = debriefPart(game, viewer.seat, leave);
    else if (viewer.seat) part = seatPart(shell, game, viewer.seat, viewer.name, leave);
    else part = waitingPart(game, viewer.name, leave);
    host.replaceChildren(part.el);
    part.el.querySelector<HTMLElement>("h1")?.focus();
  };
  const unsubscribe = game.subscribe(render);
  const stop = every(500, () => part?.tick());
  shell.show(phaseOf(game.session), host, () => {
    unsubscribe();
    stop();
    part?.destroy();
    void game.leave();
  });
  render();
}
