/**
 * Screens whose code loads when they are first opened (the game, the debrief, the classroom, the materials,
 * About): a loading screen if the download takes a moment, a clear message if it fails, and only the last
 * screen asked for is shown when several were.
 */
import { button, h } from "./dom.ts";

/** How long a download may take before the loading screen replaces the current one (a quick load shows none). */
export const LOADING_AFTER_MS = 150;

/** Loads a screen's module, then runs `then` with it; `failed` gets a message for the player when it cannot. */
export type Opener = <T>(what: string, load: () => Promise<T>, then: (module: T) => void, failed?: Failed) => void;
export type Failed = (message: string) => void;

export interface Openers {
  open: Opener;
  /** Called whenever a screen is shown: a download still running for an earlier request is then not shown. */
  navigated(): void;
}

/** The message for a chunk that could not be downloaded (the server is gone, the connection dropped). */
export function loadFailedMessage(what: string, err: unknown): string {
  const reason = err instanceof Error ? err.message : String(err);
  return `${what[0]?.toUpperCase() ?? ""}${what.slice(1)} could not be loaded (${reason}). Check the connection and try again.`;
}

export function loadingScreen(what: string, back: () => void): HTMLElement {
  return h(
    "section",
    { class: "screen loading", "aria-labelledby": "loading-title", "aria-busy": "true" },
    h("h1", { id: "loading-title" }, "Case by Case"),
    h("p", { role: "status" }, `Loading ${what}…`),
    button("Back to the menu", "back", back),
  );
}

/**
 * `showLoading` puts the loading screen up (without counting as a navigation); `failed` is the default for
 * errors (the app shows the menu with the message).
 */
export function openers(showLoading: (what: string) => void, failed: Failed): Openers {
  let latest = 0;
  const open: Opener = (what, load, then, onFail = failed) => {
    const ticket = ++latest;
    const slow = setTimeout(() => {
      if (ticket === latest) showLoading(what);
    }, LOADING_AFTER_MS);
    load().then(
      (module) => {
        clearTimeout(slow);
        if (ticket === latest) then(module);
      },
      (err: unknown) => {
        clearTimeout(slow);
        if (ticket === latest) onFail(loadFailedMessage(what, err));
      },
    );
  };
  return { open, navigated: () => void ++latest };
}
