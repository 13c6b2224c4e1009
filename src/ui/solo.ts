/**
 * Solo games, loaded on demand by the app shell (app.ts) the first time a game, a scenario list or a saved game
 * is needed: scenario → role → council → debrief, record import, and the autosave. The engine is the only
 * authority; this file wires screens to a LocalGame. The menu's first download holds none of it.
 */
import { LocalGame } from "../net/localGame.ts";
import { bundledScenario } from "../sim/catalog.ts";
import { phaseOf } from "../sim/session.ts";
import type { SeatId } from "../sim/state.ts";
import type { Shell } from "./classroom/shell.ts";
import { councilScreen } from "./council/screen.ts";
import { Director } from "./director.ts";
import { h } from "./dom.ts";
import { gameGuide } from "./guide/gameGuide.ts";
import type { Guide } from "./guide/index.ts";
import type { Opener } from "./lazyScreen.ts";
import { loadPace } from "./pace.ts";
import { rolesScreen } from "./screens/roles.ts";
import { scenariosScreen } from "./screens/scenarios.ts";

/** What solo games need from the app shell, beyond what the networked screens need. */
export interface SoloShell extends Shell {
  guide: Guide;
  open: Opener;
  /** Whether the page's link asked for autoplay (a replay for a demonstration). */
  autoplay: boolean;
}

export interface Solo {
  /** The autosaved game, if there is one that can be resumed (finished or not). */
  saved(): LocalGame | null;
  /** Shows a game: its council, or its debrief when it is over. */
  play(game: LocalGame, autoplay?: boolean): void;
  scenarios(): void;
  /** The menu's "Guided first game": Estonia 2007 as Estonia, with the guide on. */
  guided(): void;
  loadFile(file: File): Promise<void>;
  /** Starts the game a link asks for (?scenario=…&seed=…&role=…&autoplay=1); false when the scenario is unknown. */
  startLink(params: URLSearchParams): boolean;
}

/** The debrief's code (with its counterfactual panel) is fetched while the game is played, not with the menu. */
const loadDebrief = () => import("./screens/debrief.ts");
const prefetchDebrief = () => void loadDebrief().catch(() => {}); // a failure is reported when the game ends

export function soloGames(shell: SoloShell): Solo {
  const { storage, guide } = shell;
  const cards = gameGuide(guide);

  function scenarios(): void {
    shell.show(
      "scenarios",
      scenariosScreen(
        (id) => roles(id),
        () => shell.menu(),
      ),
    );
  }

  function roles(id: string): void {
    shell.show(
      "roles",
      rolesScreen(id, (role) => newGame(id, shell.randomSeed(), role, false), scenarios, storage),
    );
  }

  function newGame(scenarioId: string, seed: number, role: SeatId, autoplay: boolean): void {
    const seats =
      role === "chair" ? { role, chair: "human" as const, humans: [] } : { role, chair: "ai" as const, humans: [role] };
    try {
      play(LocalGame.start(scenarioId, seed, seats, storage), autoplay);
    } catch (err) {
      shell.menu(`Could not start: ${(err as Error).message}`);
    }
  }

  async function loadFile(file: File): Promise<void> {
    try {
      play(LocalGame.fromRecord(JSON.parse(await file.text()), storage), false);
    } catch (err) {
      shell.menu(`${file.name}: ${(err as Error).message}`);
    }
  }

  function play(game: LocalGame, autoplay = false): void {
    if (game.finished) {
      debrief(game);
      return;
    }
    const you: SeatId = game.record.seats.role;
    const director = new Director(game, { you, autoplay, pace: loadPace(storage), storage });
    const screen = councilScreen(game, director, you, () => shell.menu());
    const unguide = cards.follow(game, director, you);
    screen.refresh(); // before it is shown: the browser then styles the screen once, complete
    let alive = true;
    let room: { destroy(): void } | null = null;
    shell.show(phaseOf(game.session), screen.el, () => {
      alive = false;
      director.stop();
      unguide();
      unsubscribe();
      room?.destroy(); // before it was ready, the screen does not know it yet
      screen.destroy();
    });
    director.onTick = () => screen.tick();
    const unsubscribe = game.subscribe(() => {
      shell.setPhase(phaseOf(game.session));
      if (game.finished) debrief(game);
    });
    director.start();
    void shell
      .loadRoom()
      .then(({ mountCouncil }) => {
        if (!alive) return; // the player has left the council already
        room = mountCouncil(screen.roomHost, {
          onSelect: (code) => code && screen.el.querySelector<HTMLButtonElement>(`[data-seat="${code}"]`)?.click(),
          onReady: (ready) => {
            screen.attachRoom(ready);
            prefetchDebrief(); // once the table is drawn: the download does not delay it
          },
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
        prefetchDebrief();
      });
  }

  function debrief(game: LocalGame): void {
    const { scenario, seed, seats } = game.record;
    shell.open("the debrief", loadDebrief, ({ debriefScreen }) =>
      shell.show(
        "debrief",
        debriefScreen(game.session, {
          sameSeed: () => newGame(scenario.id, seed, seats.role, shell.autoplay),
          newSeed: () => newGame(scenario.id, shell.randomSeed(), seats.role, shell.autoplay),
          exportRecord: () => {
            const a = h("a", {
              href: URL.createObjectURL(new Blob([game.exportText()], { type: "application/json" })),
              download: `case-by-case-${scenario.id}-seed${seed}.json`,
            });
            a.click();
          },
          report: { load: () => JSON.parse(game.exportText()), fileStem: `case-by-case-${scenario.id}-seed${seed}` },
          menu: () => shell.menu(),
        }),
      ),
    );
  }

  function startLink(p: URLSearchParams): boolean {
    const scenarioId = p.get("scenario") ?? "";
    if (!bundledScenario(scenarioId)) return false;
    const seedText = p.get("seed");
    const seed = seedText !== null && /^-?\d+$/.test(seedText) ? Number(seedText) : shell.randomSeed();
    const roleText = (p.get("role") ?? "chair").toUpperCase();
    const role: SeatId = roleText === "CHAIR" ? "chair" : roleText;
    newGame(scenarioId, seed, role, shell.autoplay);
    return true;
  }

  return {
    saved: () => LocalGame.resume(storage),
    play,
    scenarios,
    guided: () => {
      guide.enable();
      newGame("estonia-2007", shell.randomSeed(), "EST", false);
    },
    loadFile,
    startLink,
  };
}
