/**
 * When the Council turns to the player — the silence procedure, the chair's draft, a coalition to join — the
 * action must be on screen: the side panel keeps its scroll between phases, so without this the "Break silence"
 * button can sit far above the visible area while its countdown runs.
 */
import type { Phase } from "../../sim/state.ts";

/** Where the player's move is in the actions panel for `phase`: the block to show, and where keyboard focus goes. */
interface Move {
  region: HTMLElement; // shown from its top when it fits
  target: HTMLElement; // must be visible in any case (the button that acts)
  focus: HTMLElement; // a heading (never the button itself: a stray key press must not break silence)
}

/** The phases in which the Council waits on the player. */
const ACT_PHASES: ReadonlySet<Phase> = new Set<Phase>(["consultation", "decision", "response"]);

function findMove(actions: HTMLElement, phase: Phase): Move | null {
  const q = <T extends HTMLElement>(sel: string) => actions.querySelector<T>(sel);
  const heading = q("h2");
  if (phase === "decision") {
    const region = q(".silence");
    const target = q('[data-action="break-silence"]') ?? q("#silence-countdown");
    const focus = q(".choice.break h3") ?? heading;
    return region && target && focus ? { region, target, focus } : null;
  }
  if (phase === "response") {
    const region = q(".coalition");
    const target = q('[data-action="join-coalition"]');
    const focus = q("#coalition-title");
    return region && target && focus ? { region, target, focus } : null;
  }
  const region = q(".panel.actions");
  const target = q("button.primary, [data-action='table'], [data-action='state']") ?? heading;
  return region && target && heading ? { region, target, focus: heading } : null;
}

/** True while the player is typing into a field: focus then stays where it is. */
function typing(): boolean {
  const el = document.activeElement;
  if (!(el instanceof HTMLElement)) return false;
  return (
    el.isContentEditable ||
    el.matches("input:not([type=checkbox]):not([type=radio]):not([type=button]), textarea, select")
  );
}

/** True when `el` scrolls its own content (the panel column on desktops and phones). */
function scrolls(el: HTMLElement): boolean {
  const overflow = getComputedStyle(el).overflowY;
  return (overflow === "auto" || overflow === "scroll") && el.scrollHeight > el.clientHeight;
}

/**
 * Scrolls the panel column so that the move's block starts at its top, or, when the block is taller than the
 * column, so that the acting button sits at its foot. Only the column scrolls: the page and the room stay put.
 */
function scrollToMove(scroller: HTMLElement, move: Move): void {
  if (!scrolls(scroller)) {
    move.target.scrollIntoView({ block: "nearest", inline: "nearest" });
    return;
  }
  const margin = 8;
  const view = scroller.getBoundingClientRect();
  const region = move.region.getBoundingClientRect();
  scroller.scrollTop += region.top - view.top - margin;
  const target = move.target.getBoundingClientRect();
  const bottom = Math.min(view.bottom, window.innerHeight);
  if (target.bottom > bottom - margin) scroller.scrollTop += target.bottom - bottom + margin;
}

/**
 * Brings the player's move into view when the phase has just changed to one that asks them to act; moves focus to
 * its heading unless they are typing in a field. Returns true when it found a move to show.
 */
export function bringMoveIntoView(actions: HTMLElement, scroller: HTMLElement, phase: Phase): boolean {
  if (!ACT_PHASES.has(phase)) return false;
  const move = findMove(actions, phase);
  if (!move) return false;
  scrollToMove(scroller, move);
  if (!typing()) {
    if (!move.focus.hasAttribute("tabindex")) move.focus.setAttribute("tabindex", "-1");
    move.focus.focus({ preventScroll: true });
  }
  return true;
}
