/**
 * The local transport for solo play: the engine runs in the page, every accepted event is appended to the
 * record, and the record is autosaved so a reload resumes exactly where the player was.
 */
import { bundledRoster, bundledScenario } from "../sim/catalog.ts";
import { newRecord, parseRecord, replayRecord, type SessionRecord } from "../sim/record.ts";
import { applyEvent, createEnv, createSession, phaseOf, type SeatPlan, type Session } from "../sim/session.ts";

export const AUTOSAVE_KEY = "case-by-case.autosave";

export type Listener = (game: LocalGame) => void;

export class LocalGame {
  session: Session;
  record: SessionRecord;
  lastRejection: string | null = null;
  private readonly listeners = new Set<Listener>();
  private readonly storage: Storage | null;

  private constructor(session: Session, record: SessionRecord, storage: Storage | null) {
    this.session = session;
    this.record = record;
    this.storage = storage;
  }

  /** A new game of a bundled scenario. Throws on an unknown scenario or a seat outside the Council. */
  static start(scenarioId: string, seed: number, seats: SeatPlan, storage: Storage | null): LocalGame {
    const scenario = bundledScenario(scenarioId);
    if (!scenario) throw new Error(`unknown scenario "${scenarioId}"`);
    const env = createEnv(scenario, bundledRoster());
    const game = new LocalGame(createSession(env, seed, seats), newRecord(env, seed, seats), storage);
    game.save();
    return game;
  }

  /** Resumes from a record (an autosave or an imported file). Throws a readable error when it cannot. */
  static fromRecord(data: unknown, storage: Storage | null): LocalGame {
    const record = parseRecord(data);
    const scenario = bundledScenario(record.scenario.id);
    if (!scenario) throw new Error(`unknown scenario "${record.scenario.id}"`);
    const session = replayRecord(createEnv(scenario, bundledRoster()), record);
    const game = new LocalGame(session, record, storage);
    game.save();
    return game;
  }

  /** The autosaved game, if there is one that can be resumed. */
  static resume(storage: Storage | null): LocalGame | null {
    const text = storage?.getItem(AUTOSAVE_KEY);
    if (!text) return null;
    try {
      return LocalGame.fromRecord(JSON.parse(text), storage);
    } catch {
      return null;
    }
  }

  /** Applies an event; returns the reason when the engine refuses it (nothing changes then). */
  send(event: unknown): string | null {
    const result = applyEvent(this.session, event);
    if (!result.ok) {
      this.lastRejection = result.reason;
      this.notify();
      return result.reason;
    }
    this.session = result.session;
    this.record = { ...this.record, events: [...this.record.events, result.event] };
    this.lastRejection = null;
    this.save();
    this.notify();
    return null;
  }

  get finished(): boolean {
    return phaseOf(this.session) === "debrief";
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The record as a downloadable JSON text (the same format as `npm run sim -- --json`'s record). */
  exportText(): string {
    return `${JSON.stringify(this.record, null, 2)}\n`;
  }

  private save(): void {
    try {
      this.storage?.setItem(AUTOSAVE_KEY, JSON.stringify(this.record));
    } catch {
      // Storage full or disabled: the game goes on; export still works.
    }
  }

  private notify(): void {
    for (const l of this.listeners) l(this);
  }
}
