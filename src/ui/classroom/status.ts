/**
 * The connection and the clock, as people in a room see them: a banner while the connection is down, a status
 * line, and the countdown to the session's next step (the server's clock, counted down here between views).
 */
import type { RemoteGame } from "../../net/remoteGame.ts";
import { phaseOf, stateOf } from "../../sim/session.ts";
import { button, h } from "../dom.ts";

/** Whole seconds left before the server's next step, or null when no timer runs (or it is paused). */
export function secondsLeft(game: RemoteGame): number | null {
  const ms = game.remainingMs();
  return ms === null || game.view.clock.paused ? null : Math.ceil(ms / 1000);
}

/** Seconds before the silence deadline, while a draft is under silence procedure. */
export function silenceLeft(game: RemoteGame): number | null {
  return phaseOf(game.session) === "decision" && game.view.clock.next === "silence.deadline" ? secondsLeft(game) : null;
}

/**
 * What the session's clock is doing, in words: "Round closes in 42 s", "Paused by the facilitator", … The
 * facilitator reads the same clock addressed to them ("Paused", "Start when the class is ready").
 */
export function clockText(game: RemoteGame, forFacilitator = false): string {
  const phase = phaseOf(game.session);
  if (phase === "debrief") return "The session is over";
  if (phase === "briefing")
    return forFacilitator ? "Start when everyone has joined" : "Waiting for the facilitator to start";
  const clock = game.view.clock;
  if (clock.paused) return forFacilitator ? "Paused — press Resume" : "Paused by the facilitator";
  const left = secondsLeft(game);
  if (left === null)
    return phase === "consultation" && stateOf(game.session).chair === "human"
      ? "Waiting for the chair"
      : forFacilitator
        ? "Waiting for you: press Next step now"
        : "Waiting for the facilitator";
  const what: Record<string, string> = {
    incident: "Attribution begins",
    attribution: "Next development",
    consultation: "Round closes",
    decision: "Silence deadline",
    response: "The adversary answers",
  };
  return `${what[phase] ?? "Next step"} in ${formatSeconds(left)}`;
}

/** 75 → "1:15", 42 → "42 s". */
export function formatSeconds(s: number): string {
  return s >= 60 ? `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}` : `${s} s`;
}

const STATE_WORDS = {
  connecting: "Connecting…",
  connected: "Connected",
  reconnecting: "Reconnecting…",
  lost: "Connection lost",
  closed: "Left the session",
  removed: "Removed by the facilitator",
} as const;

/** A small status pill (connected / reconnecting / lost). */
export function connectionPill(game: RemoteGame): HTMLElement {
  return h(
    "span",
    { class: `pill ${game.connection}`, "data-connection": game.connection },
    STATE_WORDS[game.connection],
  );
}

/**
 * A banner across the top while the connection is down: "Reconnecting…" (the SDK and then this page retry on
 * their own) or "Connection lost" with a button to try at once. Nothing is lost meanwhile: the seat stays yours.
 */
export function connectionBanner(game: RemoteGame): { el: HTMLElement; update(): void } {
  const text = h("span", {});
  const detail = h("span", { class: "net-detail" });
  const retry = button("Try now", "reconnect", () => game.retryNow());
  const el = h("div", { class: "net-banner", role: "status", "aria-live": "polite" }, h("p", {}, text, detail), retry);
  const update = () => {
    const down = game.connection === "reconnecting" || game.connection === "lost";
    el.hidden = !down;
    el.dataset.state = game.connection;
    retry.hidden = game.connection !== "lost";
    text.textContent = !down
      ? ""
      : game.connection === "lost"
        ? "Connection lost — your seat is kept. Still trying…"
        : "Reconnecting… your seat is kept; actions wait until the connection is back.";
    detail.textContent = down && game.connectionNote ? ` (${game.connectionNote})` : "";
  };
  update();
  return { el, update };
}

/** Calls `tick` twice a second until the returned function is called (countdowns between views). */
export function every(ms: number, tick: () => void): () => void {
  const timer = setInterval(tick, ms);
  return () => clearInterval(timer);
}
