/**
 * The app shell: the menu, URL parameters, and the screens it opens. Everything past the menu loads when it is
 * first needed (lazyScreen.ts): solo games with the engine (solo.ts), the classroom, the printable materials and
 * About. A first visit downloads the menu, the reading bar and the council room's code (fetched while the
 * player reads the menu), nothing else.
 */
import type { LocalGame } from "../net/localGame.ts";
import type { Route } from "./classroom/shell.ts";
import { startGuide } from "./guide/index.ts";
import { type Failed, loadingScreen, openers } from "./lazyScreen.ts";
import { menuScreen } from "./screens/menu.ts";
import type { Solo, SoloShell } from "./solo.ts";

export interface AppOptions {
  root: HTMLElement;
  storage: Storage | null;
  params: URLSearchParams;
  randomSeed(): number;
  /** Removes a game link's parameters from the address bar once the game has started (so a reload resumes). */
  forgetLink(): void;
}

/** Where LocalGame autosaves (src/net/localGame.ts AUTOSAVE_KEY): the shell looks without loading the engine. */
export const AUTOSAVE_KEY = "case-by-case.autosave";

/** The menu's buttons that need the engine (solo.ts). */
const GAME_ACTIONS = new Set(["solo", "guided", "continue", "load"]);

function hasAutosave(storage: Storage | null): boolean {
  try {
    return !!storage?.getItem(AUTOSAVE_KEY);
  } catch {
    return false;
  }
}

export function startApp(options: AppOptions): void {
  const { root, storage } = options;
  const guide = startGuide(storage); // the reading bar and the glossary; the guide's cards come with a game
  let teardown: () => void = () => {};
  // Fetch the council room (and Phaser, its own chunk) while the player reads the menus.
  let roomModule: Promise<typeof import("../scenes/mountCouncil.ts")> | null = null;
  const loadRoom = () => {
    roomModule ??= import("../scenes/mountCouncil.ts");
    return roomModule;
  };

  const place = (phase: string, el: HTMLElement, onLeave?: () => void) => {
    teardown();
    teardown = onLeave ?? (() => {});
    root.dataset.phase = phase;
    guide.place(el);
    root.replaceChildren(el);
    el.querySelector<HTMLElement>("h1")?.focus?.();
    window.scrollTo(0, 0);
  };
  const { open, navigated } = openers(
    (what) =>
      place(
        "loading",
        loadingScreen(what, () => menu()),
      ),
    (message) => menu(message),
  );
  const show = (phase: string, el: HTMLElement, onLeave?: () => void) => {
    navigated();
    place(phase, el, onLeave);
  };

  const shell: SoloShell = {
    storage,
    show,
    setPhase: (phase) => {
      root.dataset.phase = phase;
    },
    menu: (message) => menu(message ?? null),
    loadRoom,
    randomSeed: options.randomSeed,
    guide,
    open,
    autoplay: options.params.get("autoplay") === "1",
  };

  // The solo games and the engine: one download, the first time a game, a scenario or a saved game is needed.
  let soloModule: Promise<Solo> | null = null;
  const loadSolo = () => {
    soloModule ??= import("./solo.ts").then((m) => m.soloGames(shell));
    soloModule.catch(() => {
      soloModule = null; // the next attempt downloads it again
    });
    return soloModule;
  };
  const withSolo = (what: string, then: (solo: Solo) => void, failed?: Failed) => open(what, loadSolo, then, failed);

  /** The menu; its Continue button needs the engine (to replay the autosave), so only when there is one. */
  function menu(message: string | null = null): void {
    if (!hasAutosave(storage)) {
      showMenu(message, null);
      return;
    }
    withSolo(
      "your saved game",
      (solo) => showMenu(message, solo.saved()),
      (failure) => showMenu(message ?? failure, null),
    );
  }

  function showMenu(message: string | null, saved: LocalGame | null): void {
    const el = menuScreen(
      {
        solo: () => withSolo("the crises", (solo) => solo.scenarios()),
        guided: () => withSolo("the game", (solo) => solo.guided()),
        resume: saved ? () => withSolo("your saved game", (solo) => solo.play(saved)) : null,
        load: (file) => withSolo("the game", (solo) => void solo.loadFile(file)),
        classroom: () => networked({ to: "hub", mode: "classroom" }),
        workshop: () => networked({ to: "hub", mode: "workshop" }),
        join: () => networked({ to: "join", code: null }),
        materials: () =>
          open(
            "the printable materials",
            () => import("./screens/materials.ts"),
            (m) =>
              show(
                "materials",
                m.materialsScreen(() => menu()),
              ),
          ),
        about: () =>
          open(
            "the About page",
            () => import("./screens/about.ts"),
            (m) =>
              show(
                "about",
                m.aboutScreen(() => menu()),
              ),
          ),
      },
      message,
    );
    warmSoloOnIntent(el);
    show("menu", el);
  }

  /** A pointer on, or focus in, a button that starts a game begins the engine's download (before the click). */
  function warmSoloOnIntent(menuEl: HTMLElement): void {
    const warm = (e: Event) => {
      const action = (e.target as HTMLElement | null)?.closest?.<HTMLElement>("[data-action]")?.dataset.action;
      if (action && GAME_ACTIONS.has(action)) void loadSolo().catch(() => {}); // a click reports a failure
    };
    menuEl.addEventListener("pointerover", warm);
    menuEl.addEventListener("focusin", warm);
  }

  /** Classroom and workshop screens (solo play never downloads the multiplayer client). */
  function networked(route: Route): void {
    open(
      "the classroom screens",
      () => import("./classroom/index.ts"),
      (m) => m.openClassroom(shell, route),
    );
  }

  // URL parameters start a game directly; otherwise an unfinished autosave resumes; otherwise the menu.
  void loadRoom().catch(() => {}); // a failure is reported when the room is mounted
  const p = options.params;
  const code = (name: string) => p.get(name)?.trim().toUpperCase() || null;
  const projectorCode = code("projector");
  const facilitateCode = code("facilitate");
  if (projectorCode || facilitateCode || p.has("join")) {
    if (projectorCode) networked({ to: "projector", code: projectorCode });
    else if (facilitateCode)
      networked({ to: "facilitate", code: facilitateCode }); // its token: this browser's storage
    else networked({ to: "join", code: code("join") });
    return;
  }
  const scenarioId = p.get("scenario");
  if (scenarioId) {
    withSolo("the game", (solo) => {
      if (!solo.startLink(p)) {
        menu(`Unknown scenario "${scenarioId}" in the link.`);
        return;
      }
      options.forgetLink();
    });
    return;
  }
  if (!hasAutosave(storage)) {
    menu();
    return;
  }
  withSolo(
    "your saved game",
    (solo) => {
      const saved = solo.saved();
      if (saved && !saved.finished) solo.play(saved);
      else showMenu(null, saved);
    },
    (failure) => showMenu(failure, null),
  );
}
