/**
 * The app shell: menu → scenario → role → council → debrief, URL parameters, autosave and resume, record
 * import and export. The engine is the only authority; this file wires screens to a LocalGame.
 */
import { LocalGame } from "../net/localGame.ts";
import { bundledScenario } from "../sim/catalog.ts";
import { phaseOf } from "../sim/session.ts";
import type { SeatId } from "../sim/state.ts";
import type { Route, Shell } from "./classroom/shell.ts";
import { councilScreen } from "./council/screen.ts";
import { Director } from "./director.ts";
import { h } from "./dom.ts";
import { startGuide } from "./guide/index.ts";
import { loadPace } from "./pace.ts";
import { aboutScreen } from "./screens/about.ts";
import { debriefScreen } from "./screens/debrief.ts";
import { menuScreen } from "./screens/menu.ts";
import { rolesScreen } from "./screens/roles.ts";
import { scenariosScreen } from "./screens/scenarios.ts";

export interface AppOptions {
  root: HTMLElement;
  storage: Storage | null;
  params: URLSearchParams;
  randomSeed(): number;
  /** Removes a game link's parameters from the address bar once the game has started (so a reload resumes). */
  forgetLink(): void;
}

export function startApp(options: AppOptions): void {
  const { root, storage } = options;
  const guide = startGuide(storage); // the reading bar, the glossary and the guided first game
  let teardown: () => void = () => {};
  // Fetch the council room (and Phaser, its own chunk) while the player reads the menus.
  let roomModule: Promise<typeof import("../scenes/mountCouncil.ts")> | null = null;
  const loadRoom = () => {
    roomModule ??= import("../scenes/mountCouncil.ts");
    return roomModule;
  };

  const show = (phase: string, el: HTMLElement, onLeave?: () => void) => {
    teardown();
    teardown = onLeave ?? (() => {});
    root.dataset.phase = phase;
    guide.place(el);
    root.replaceChildren(el);
    el.querySelector<HTMLElement>("h1")?.focus?.();
    window.scrollTo(0, 0);
  };

  function menu(message: string | null = null): void {
    const saved = LocalGame.resume(storage);
    show(
      "menu",
      menuScreen(
        {
          solo: scenarios,
          guided: () => {
            guide.enable();
            newGame("estonia-2007", options.randomSeed(), "EST", false);
          },
          resume: saved ? () => play(saved, false) : null,
          load: (file) => void loadFile(file),
          classroom: () => networked({ to: "hub", mode: "classroom" }),
          workshop: () => networked({ to: "hub", mode: "workshop" }),
          join: () => networked({ to: "join", code: null }),
          materials,
          about: () =>
            show(
              "about",
              aboutScreen(() => menu()),
            ),
        },
        message,
      ),
    );
  }

  /** The printable materials (loaded on demand: the generator is not part of the game's first download). */
  function materials(): void {
    import("./screens/materials.ts").then(
      (m) =>
        show(
          "materials",
          m.materialsScreen(() => menu()),
        ),
      (err: unknown) => menu(`The printable materials could not be loaded: ${(err as Error).message}`),
    );
  }

  /** Classroom and workshop screens (loaded on demand: solo play never downloads the multiplayer client). */
  function networked(route: Route): void {
    const shell: Shell = {
      storage,
      show,
      setPhase: (phase) => {
        root.dataset.phase = phase;
      },
      menu: (message) => menu(message ?? null),
      loadRoom,
      randomSeed: options.randomSeed,
    };
    import("./classroom/index.ts").then(
      (m) => m.openClassroom(shell, route),
      (err: unknown) => menu(`The classroom screens could not be loaded: ${(err as Error).message}`),
    );
  }

  function scenarios(): void {
    show(
      "scenarios",
      scenariosScreen(
        (id) => roles(id),
        () => menu(),
      ),
    );
  }

  function roles(id: string): void {
    show(
      "roles",
      rolesScreen(id, (role) => newGame(id, options.randomSeed(), role, false), scenarios, storage),
    );
  }

  function newGame(scenarioId: string, seed: number, role: SeatId, autoplay: boolean): void {
    const seats =
      role === "chair" ? { role, chair: "human" as const, humans: [] } : { role, chair: "ai" as const, humans: [role] };
    try {
      play(LocalGame.start(scenarioId, seed, seats, storage), autoplay);
    } catch (err) {
      menu(`Could not start: ${(err as Error).message}`);
    }
  }

  async function loadFile(file: File): Promise<void> {
    try {
      play(LocalGame.fromRecord(JSON.parse(await file.text()), storage), false);
    } catch (err) {
      menu(`${file.name}: ${(err as Error).message}`);
    }
  }

  function play(game: LocalGame, autoplay: boolean): void {
    if (game.finished) {
      debrief(game);
      return;
    }
    const you: SeatId = game.record.seats.role;
    const director = new Director(game, { you, autoplay, pace: loadPace(storage), storage });
    const screen = councilScreen(game, director, you, () => menu());
    const unguide = guide.follow(game, director, you);
    screen.refresh(); // before it is shown: the browser then styles the screen once, complete
    show(phaseOf(game.session), screen.el);
    director.onTick = () => screen.tick();
    const unsubscribe = game.subscribe(() => {
      root.dataset.phase = phaseOf(game.session);
      if (game.finished) debrief(game);
    });
    let alive = true;
    let room: { destroy(): void } | null = null;
    teardown = () => {
      alive = false;
      director.stop();
      unguide();
      unsubscribe();
      room?.destroy(); // before it was ready, the screen does not know it yet
      screen.destroy();
    };
    director.start();
    void loadRoom()
      .then(({ mountCouncil }) => {
        if (!alive) return; // the player has left the council already
        room = mountCouncil(screen.roomHost, {
          onSelect: (code) => code && screen.el.querySelector<HTMLButtonElement>(`[data-seat="${code}"]`)?.click(),
          onReady: (ready) => screen.attachRoom(ready),
        });
      })
      .catch((err: unknown) => {
        screen.roomHost.replaceChildren(
          h(
            "p",
            { class: "notice" },
            `The council room could not be drawn (${(err as Error).message}); the panels still work.`,
          ),
        );
        screen.roomHost.dataset.ready = "fallback";
      });
  }

  function debrief(game: LocalGame): void {
    const { scenario, seed, seats } = game.record;
    const autoplay = options.params.get("autoplay") === "1";
    show(
      "debrief",
      debriefScreen(game.session, {
        sameSeed: () => newGame(scenario.id, seed, seats.role, autoplay),
        newSeed: () => newGame(scenario.id, options.randomSeed(), seats.role, autoplay),
        exportRecord: () => {
          const a = h("a", {
            href: URL.createObjectURL(new Blob([game.exportText()], { type: "application/json" })),
            download: `case-by-case-${scenario.id}-seed${seed}.json`,
          });
          a.click();
        },
        report: { load: () => JSON.parse(game.exportText()), fileStem: `case-by-case-${scenario.id}-seed${seed}` },
        menu: () => menu(),
      }),
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
    if (!bundledScenario(scenarioId)) {
      menu(`Unknown scenario "${scenarioId}" in the link.`);
      return;
    }
    const seedText = p.get("seed");
    const seed = seedText !== null && /^-?\d+$/.test(seedText) ? Number(seedText) : options.randomSeed();
    const roleText = (p.get("role") ?? "chair").toUpperCase();
    const role: SeatId = roleText === "CHAIR" ? "chair" : roleText;
    newGame(scenarioId, seed, role, p.get("autoplay") === "1");
    options.forgetLink();
    return;
  }
  const saved = LocalGame.resume(storage);
  if (saved && !saved.finished) play(saved, false);
  else menu();
}
