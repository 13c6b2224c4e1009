/**
 * What the networked screens need from the app shell, and the routes between them. The shell (app.ts) owns the
 * page: it swaps screens and tears the old one down; these screens own their connection to the game server.
 */
import type { CouncilRoom } from "../../scenes/mountCouncil.ts";
import { h } from "../dom.ts";

export interface Shell {
  storage: Storage | null;
  /** Shows a screen; `onLeave` runs when another screen replaces it. */
  show(phase: string, el: HTMLElement, onLeave?: () => void): void;
  /** Sets the page's phase marker (#app[data-phase]) without replacing the screen. */
  setPhase(phase: string): void;
  menu(message?: string | null): void;
  loadRoom(): Promise<typeof import("../../scenes/mountCouncil.ts")>;
  randomSeed(): number;
}

export type Mode = "classroom" | "workshop";

export type Route =
  | { to: "hub"; mode: Mode }
  | { to: "join"; code: string | null }
  | { to: "projector"; code: string }
  | { to: "facilitate"; code: string; token?: string };

/** The address of a networked screen: `?join=CODE`, `?projector=CODE`, `?facilitate=CODE` (never a token). */
export function setAddress(param: "join" | "projector" | "facilitate" | null, code?: string): void {
  const search = param && code ? `?${param}=${encodeURIComponent(code)}` : "";
  history.replaceState(null, "", `${location.pathname}${search}`);
}

/** Where phones can reach the server, as GET /api/server says (null until asked, or when it cannot say). */
let reachable: { urls: string[]; loopbackOnly: boolean } | null = null;

const pageIsLoopback = () => /^(localhost|127\.|\[::1\]|0\.0\.0\.0)/.test(location.hostname || "localhost");

/** Asks the server where phones can reach it, once; the join link and QR code use the answer. */
export async function loadReachable(): Promise<void> {
  if (reachable) return;
  try {
    const res = await fetch("/api/server");
    if (res.ok) reachable = (await res.json()) as { urls: string[]; loopbackOnly: boolean };
  } catch {
    // An older server, or none: the page's own address is the best guess.
  }
}

/** The link a student opens to join (what the QR code holds): a network address, not this machine's loopback. */
export function joinLink(code: string): string {
  const base = pageIsLoopback() && reachable?.urls[0] ? reachable.urls[0] : `${location.origin}${location.pathname}`;
  return `${base}?join=${encodeURIComponent(code)}`;
}

/** A warning for the facilitator when no phone can reach the address the join link holds; null when fine. */
export function reachabilityWarning(): HTMLElement | null {
  if (!pageIsLoopback() || reachable?.urls[0]) return null;
  return h(
    "p",
    { class: "notice warning", role: "note" },
    "Phones cannot open this address: it belongs to this computer only. Stop the server and start it with ",
    h("code", {}, "npm run classroom"),
    " on the school network, then open the address it prints.",
  );
}

/**
 * Mounts the Phaser council room in `host` (lazily loaded); `ready` gets it once it draws. When the room cannot
 * be drawn, the host says so and the text panels carry on. Returns the function that removes it.
 */
export function mountRoom(
  shell: Shell,
  host: HTMLElement,
  ready: (room: CouncilRoom) => void,
  onSelect: (code: string | null) => void = () => {},
): () => void {
  let alive = true;
  let room: CouncilRoom | null = null;
  shell
    .loadRoom()
    .then(({ mountCouncil }) => {
      if (!alive) return;
      room = mountCouncil(host, { onSelect, onReady: (r) => ready(r) });
    })
    .catch((err: unknown) => {
      host.replaceChildren(
        h("p", { class: "notice" }, `The council room could not be drawn (${(err as Error).message}).`),
      );
      host.dataset.ready = "fallback";
    });
  return () => {
    alive = false;
    room?.destroy();
  };
}
