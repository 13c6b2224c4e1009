/**
 * The guided first game: a card that explains each part of the crisis as it comes up (steps.ts says when),
 * points at the panel concerned, and holds the Director while it is open so the clock never runs on a
 * player who is reading. "Got it" moves on; "Skip the guide" ends it. What was seen is kept per game, so a
 * reload does not repeat it.
 */
import type { LocalGame } from "../../net/localGame.ts";
import { phaseOf, stateOf } from "../../sim/session.ts";
import type { SeatId } from "../../sim/state.ts";
import type { Director } from "../director.ts";
import { button, h } from "../dom.ts";
import { type GuideState, guideState, readStored as read, setGuideState, writeStored as write } from "./state.ts";
import {
  GUIDE_STEPS,
  type GuideLook,
  type GuideStep,
  type GuideStepId,
  nextGuideStep,
  parseGuideText,
} from "./steps.ts";

const SEEN_KEY = "case-by-case.guide.seen";

const LOOK: Record<GuideLook, { selector: string; words: string }> = {
  briefing: { selector: ".panel.briefing", words: "the briefing" },
  incidents: { selector: ".panel.incidents", words: "the Incidents panel" },
  intelligence: { selector: ".panel.intelligence", words: "the Intelligence feed" },
  seats: { selector: ".panel.seats", words: "the allies at the table" },
  status: { selector: ".panel.status", words: "your situation" },
  actions: { selector: ".panel.actions", words: "Your move" },
  log: { selector: ".panel.log", words: "the session log" },
  hint: { selector: ".guide-hint", words: "the Hint button" },
  outcome: { selector: ".debrief .outcome", words: "the outcome" },
};

/**
 * Shows the panel a card points at: by scrolling the council's side panels when they scroll on their own (wide
 * screens, where moving the page would push the header away), else the page (phone).
 */
function bringIntoView(target: HTMLElement | null): void {
  if (!target) return;
  const panels = target.closest<HTMLElement>(".panels");
  if (panels && panels.scrollHeight > panels.clientHeight && getComputedStyle(panels).overflowY !== "visible") {
    panels.scrollTop += target.getBoundingClientRect().top - panels.getBoundingClientRect().top - 8;
    return;
  }
  target.scrollIntoView({ block: "start" });
}

export interface Coach {
  host: HTMLElement;
  state(): string | null;
  setState(value: GuideState): void;
  /** Guides this game if the guide is on; returns the function that stops following it. */
  follow(game: LocalGame, director: Director, you: SeatId): () => void;
}

export function coach(storage: Storage | null, openGlossary: (term: string) => void): Coach {
  const host = h("aside", { class: "guide-host", "aria-label": "Guide", hidden: true });
  // The page keeps the card's height free (guide.css: the room or the page gives way), so it covers nothing.
  const root = document.documentElement;
  const measure = () => {
    const tall = host.hidden ? 0 : Math.ceil(host.getBoundingClientRect().height);
    root.style.setProperty("--guide-h", `${tall}px`);
    root.classList.toggle("guide-open", tall > 0);
  };
  if (typeof ResizeObserver !== "undefined") new ResizeObserver(measure).observe(host);

  function card(step: GuideStep, text: string, look: GuideLook, number: number, ok: () => void, skip: () => void) {
    const para = h("p", { id: "guide-text" });
    for (const piece of parseGuideText(text))
      para.append(
        "term" in piece
          ? button(piece.label, "glossary-term", () => openGlossary(piece.term), {
              class: "term-link",
              "data-term": piece.term,
              "aria-label": `${piece.label} (glossary)`,
            })
          : piece.text,
      );
    const el = h(
      "section",
      {
        class: "guide-card",
        role: "dialog",
        "aria-modal": "false",
        "aria-labelledby": "guide-title",
        "aria-describedby": "guide-text",
        "data-step": step.id,
      },
      h("p", { class: "guide-count" }, `Guide · step ${number}`),
      h("h2", { id: "guide-title", tabindex: -1 }, step.title),
      para,
      h("p", { class: "meta guide-look" }, `Look at ${LOOK[look].words} (outlined).`),
      h(
        "div",
        { class: "guide-buttons" },
        button("Got it", "guide-ok", ok, { class: "primary" }),
        button("Skip the guide", "guide-skip", skip),
      ),
    );
    el.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && !document.querySelector("dialog[open]")) {
        e.preventDefault();
        ok();
      }
    });
    return el;
  }

  const api: Coach = {
    host,
    state: () => guideState(storage),
    setState: (value) => setGuideState(storage, value),
    follow(game, director, you) {
      if (api.state() !== "on") return () => {};
      const gameKey = `${game.record.scenario.id}:${game.record.seed}:${you}`;
      const seen = new Set<GuideStepId>();
      try {
        const saved = JSON.parse(read(storage, SEEN_KEY) ?? "null") as { game?: string; seen?: GuideStepId[] } | null;
        if (saved?.game === gameKey) for (const id of saved.seen ?? []) seen.add(id);
      } catch {
        // Nothing usable kept: start from the first step.
      }
      const html = document.documentElement;
      let open: GuideStepId | null = null;
      let held = false;
      let returnTo: HTMLElement | null = null;
      let following = true;
      const nameOf = (code: string) => game.session.env.profiles.find((p) => p.code === code)?.name ?? code;
      const situation = () => {
        return { phase: phaseOf(game.session), log: stateOf(game.session).log, you, nameOf };
      };

      const close = () => {
        open = null;
        host.replaceChildren();
        host.hidden = true;
        measure();
        delete html.dataset.guideLook;
        const back = returnTo;
        returnTo = null;
        if (back?.isConnected) back.focus();
      };
      const release = () => {
        if (held && director.paused) director.togglePause();
        held = false;
      };
      const remember = (id: GuideStepId) => {
        seen.add(id);
        write(storage, SEEN_KEY, JSON.stringify({ game: gameKey, seen: [...seen] }));
      };
      const showStep = (step: GuideStep) => {
        const sit = situation();
        const look = step.look(sit);
        open = step.id;
        if (!(document.activeElement && host.contains(document.activeElement)))
          returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        if (!game.finished && !director.paused) {
          director.paused = true; // hold the clock while the card is read
          held = true;
        }
        const number = seen.size + 1;
        const ok = () => {
          remember(step.id);
          close();
          if (step.id === "debrief") api.setState("done");
          else if (following) check();
          if (open === null) release();
        };
        const skip = () => {
          api.setState("off");
          close();
          release();
        };
        host.replaceChildren(card(step, step.text(sit), look, number, ok, skip));
        host.hidden = false;
        measure();
        html.dataset.guideLook = look;
        bringIntoView(document.querySelector<HTMLElement>(LOOK[look].selector));
        host.querySelector<HTMLElement>("#guide-title")?.focus();
      };
      const check = () => {
        if (!following || open !== null || api.state() !== "on" || game.finished) return;
        const step = nextGuideStep(situation(), seen);
        if (step) showStep(step);
      };
      const unsubscribe = game.subscribe(check);
      queueMicrotask(check);
      return () => {
        following = false;
        unsubscribe();
        release();
        if (!game.finished || api.state() !== "on") {
          if (open !== "debrief") close();
          return;
        }
        // The game is over: what is left of the guide is the debrief, shown once the debrief screen is up.
        close();
        for (const step of GUIDE_STEPS) if (step.id !== "debrief" && step.due(situation())) remember(step.id);
        setTimeout(() => {
          const step = nextGuideStep(situation(), seen);
          if (step) showStep(step);
        }, 0);
      };
    },
  };
  return api;
}
