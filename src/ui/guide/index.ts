/**
 * The guide's part of the app shell: the reading bar placed on every screen, the glossary dialog (its terms load
 * when it is first opened), and the offer of a guided first game. The guide's cards come with the game
 * (gameGuide.ts), so the menu downloads neither the cards nor the glossary.
 */
import { button, h } from "../dom.ts";
import { readingBar } from "./bar.ts";
import type { GlossaryDialog } from "./glossaryDialog.ts";
import { type GuideState, guideState, setGuideState } from "./state.ts";

export interface Guide {
  storage: Storage | null;
  /** Puts the reading bar on a screen that is about to be shown (in the council's header, else at the top). */
  place(screen: HTMLElement): void;
  /** Turns the guide on for the next game (the menu's "Guided first game"). */
  enable(): void;
  state(): string | null;
  setState(value: GuideState): void;
  /** Opens the glossary, at `term` when given (loading its entries the first time). */
  openGlossary(term?: string): void;
}

/** The offer of a guided game, shown on the scenario list until the player has answered it once. */
function offer(answer: (yes: boolean) => void): HTMLElement {
  const el = h(
    "section",
    { class: "guide-offer", "aria-labelledby": "guide-offer-title" },
    h("h2", { id: "guide-offer-title" }, "First time at the Council?"),
    h(
      "p",
      {},
      "The guide explains the Council, consensus, the silence procedure, Articles 4 and 5 and attribution as they come up in your game, and holds the clock while you read.",
    ),
    h(
      "div",
      { class: "guide-buttons" },
      button("Guide me through my first game", "guide-accept", () => done(true), { class: "primary" }),
      button("No thanks", "guide-decline", () => done(false)),
    ),
  );
  const done = (yes: boolean) => {
    answer(yes);
    el.replaceChildren(
      h(
        "p",
        { class: "meta", role: "status" },
        yes ? "The guide is on: choose a crisis and a seat." : "No guide. The Glossary button is always at the top.",
      ),
    );
  };
  return el;
}

export function startGuide(storage: Storage | null): Guide {
  const glossary = lazyGlossary(() => bar);
  const bar = readingBar(storage, () => glossary());
  const guide: Guide = {
    storage,
    place(screen) {
      const header = screen.querySelector(".council-header");
      if (header) header.append(bar);
      else screen.prepend(bar);
      if (screen.classList.contains("scenarios") && guide.state() === null)
        screen.querySelector("h1")?.after(offer((yes) => guide.setState(yes ? "on" : "off")));
    },
    enable: () => guide.setState("on"),
    state: () => guideState(storage),
    setState: (value) => setGuideState(storage, value),
    openGlossary: (term) => glossary(term),
  };
  return guide;
}

/** How long a chunk may take before the button says it is loading (a quick load shows no flicker). */
const LOADING_AFTER_MS = 150;

/**
 * The glossary dialog, built from its chunk on first use. While it loads the Glossary button says so; when the
 * chunk cannot be loaded, a notice under the reading bar says why and the next click tries again.
 */
function lazyGlossary(barOf: () => HTMLElement): (term?: string) => void {
  let dialog: Promise<GlossaryDialog> | null = null;
  return (term) => {
    const bar = barOf();
    const glossaryButton = bar.querySelector<HTMLButtonElement>('[data-action="glossary"]');
    const slow = setTimeout(() => {
      glossaryButton?.setAttribute("aria-busy", "true");
      glossaryButton?.classList.add("loading");
    }, LOADING_AFTER_MS);
    dialog ??= import("./glossaryDialog.ts").then((m) => m.glossaryDialog());
    dialog
      .then(
        (d) => {
          bar.parentElement?.querySelector(".glossary-failed")?.remove();
          d.open(term);
        },
        (err: unknown) => {
          dialog = null;
          bar.parentElement?.querySelector(".glossary-failed")?.remove();
          bar.after(
            h(
              "p",
              { class: "notice glossary-failed", role: "alert" },
              `The glossary could not be loaded (${(err as Error).message}). Check the connection and try again.`,
            ),
          );
        },
      )
      .finally(() => {
        clearTimeout(slow);
        glossaryButton?.removeAttribute("aria-busy");
        glossaryButton?.classList.remove("loading");
      });
  };
}
