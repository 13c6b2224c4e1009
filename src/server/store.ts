/**
 * The durable log: every session's settings, players and accepted events in SQLite (node:sqlite). An event is
 * committed here before anyone is told about it, so a crash or SIGKILL loses nothing that was acknowledged.
 * WAL journal: several processes on one machine may share the file (scale-out); synchronous=NORMAL keeps
 * every committed transaction through a process crash (an OS crash may lose the last few).
 */
import { accessSync, constants, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { DatabaseSync, type StatementSync } from "node:sqlite";
import type { TimerSettings } from "../net/protocol.ts";
import type { EngineEvent } from "../sim/events.ts";
import type { SeatPlan } from "../sim/session.ts";
import type { SeatId } from "../sim/state.ts";

export interface StoredSession {
  code: string;
  scenario: string;
  seed: number;
  seats: SeatPlan;
  timers: TimerSettings;
  facilitatorHash: string;
  createdAt: number;
  finished: boolean;
  owner: string;
  pausedMs: number | null; // the facilitator paused the clock with this much left on its step
  activeAt?: number; // when someone last used it (written at most once a minute; expiry.ts)
}

export interface StoredPlayer {
  player: string;
  name: string;
  tokenHash: string; // "" for a name on the class list nobody has claimed yet
  seat: SeatId | null;
  adviser?: boolean; // in the seat's team, not its speaker
  roster?: boolean; // the name came from the class list
  joinedAt?: number | null; // when the person first joined (wall clock, ms)
  device?: string; // the browser they joined from
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (
  code TEXT PRIMARY KEY, scenario TEXT NOT NULL, seed INTEGER NOT NULL, seats TEXT NOT NULL, timers TEXT NOT NULL,
  facilitator_hash TEXT NOT NULL, created_at INTEGER NOT NULL, finished INTEGER NOT NULL DEFAULT 0, owner TEXT NOT NULL,
  paused_ms INTEGER
);
CREATE TABLE IF NOT EXISTS events (
  code TEXT NOT NULL, seq INTEGER NOT NULL, event TEXT NOT NULL, PRIMARY KEY (code, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS players (
  code TEXT NOT NULL, player TEXT NOT NULL, name TEXT NOT NULL, token_hash TEXT NOT NULL, seat TEXT,
  PRIMARY KEY (code, player)
);
`;

interface SessionRow {
  code: string;
  scenario: string;
  seed: number;
  seats: string;
  timers: string;
  facilitator_hash: string;
  created_at: number;
  finished: number;
  owner: string;
  paused_ms: number | null;
  active_at: number | null;
}

function prepareAll(db: DatabaseSync) {
  const prepare = (sql: string): StatementSync => db.prepare(sql);
  return {
    insertSession: prepare(
      "INSERT INTO sessions (code, scenario, seed, seats, timers, facilitator_hash, created_at, owner) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    ),
    session: prepare("SELECT * FROM sessions WHERE code = ?"),
    codeTaken: prepare("SELECT 1 AS taken FROM sessions WHERE code = ?"),
    unfinished: prepare("SELECT code FROM sessions WHERE finished = 0 AND owner = ? ORDER BY created_at"),
    finish: prepare("UPDATE sessions SET finished = 1 WHERE code = ?"),
    timers: prepare("UPDATE sessions SET timers = ? WHERE code = ?"),
    pause: prepare("UPDATE sessions SET paused_ms = ? WHERE code = ?"),
    touch: prepare("UPDATE sessions SET active_at = ? WHERE code = ?"),
    append: prepare("INSERT INTO events (code, seq, event) VALUES (?, ?, ?)"),
    events: prepare("SELECT event FROM events WHERE code = ? ORDER BY seq"),
    upsertPlayer: prepare(
      "INSERT INTO players (code, player, name, token_hash, seat, adviser, roster, joined_at, device) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code, player) DO UPDATE SET name = excluded.name, seat = excluded.seat, token_hash = excluded.token_hash, adviser = excluded.adviser, joined_at = excluded.joined_at, device = excluded.device",
    ),
    players: prepare(
      "SELECT player, name, token_hash, seat, adviser, roster, joined_at, device FROM players WHERE code = ? ORDER BY rowid",
    ),
    deletePlayer: prepare("DELETE FROM players WHERE code = ? AND player = ?"),
  };
}

export class Store {
  readonly path: string;
  private readonly db: DatabaseSync;
  private readonly stmt: ReturnType<typeof prepareAll>;

  constructor(dataDir: string) {
    this.path = join(dataDir, "sessions.sqlite");
    checkWritable(dataDir);
    try {
      this.db = new DatabaseSync(this.path);
      this.db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;");
      this.db.exec(SCHEMA);
      const check = this.db.prepare("PRAGMA quick_check(1)").get() as { quick_check?: string } | undefined;
      if (check?.quick_check !== "ok") throw new Error(check?.quick_check ?? "integrity check failed");
    } catch (err) {
      throw new StoreError(
        `${this.path} is damaged (${oneLine((err as Error).message)}): move it aside or restore a backup, then start again`,
      );
    }
    // Logs written before the clock's pause was kept lack its column.
    const columns = this.db.prepare("PRAGMA table_info(sessions)").all() as { name: string }[];
    if (!columns.some((c) => c.name === "paused_ms")) this.db.exec("ALTER TABLE sessions ADD COLUMN paused_ms INTEGER");
    if (!columns.some((c) => c.name === "active_at")) this.db.exec("ALTER TABLE sessions ADD COLUMN active_at INTEGER");
    addPeopleColumns(this.db);
    this.stmt = prepareAll(this.db);
  }

  codeTaken(code: string): boolean {
    return this.stmt.codeTaken.get(code) !== undefined;
  }

  createSession(s: Omit<StoredSession, "pausedMs">): void {
    this.stmt.insertSession.run(
      s.code,
      s.scenario,
      s.seed,
      JSON.stringify(s.seats),
      JSON.stringify(s.timers),
      s.facilitatorHash,
      s.createdAt,
      s.owner,
    );
  }

  session(code: string): StoredSession | null {
    const row = this.stmt.session.get(code) as SessionRow | undefined;
    if (!row) return null;
    return {
      code: row.code,
      scenario: row.scenario,
      seed: row.seed,
      seats: JSON.parse(row.seats) as SeatPlan,
      timers: JSON.parse(row.timers) as TimerSettings,
      facilitatorHash: row.facilitator_hash,
      createdAt: row.created_at,
      finished: row.finished === 1,
      owner: row.owner,
      pausedMs: row.paused_ms ?? null,
      activeAt: row.active_at ?? row.created_at,
    };
  }

  /** Codes of the sessions this process owns that have not reached the debrief (nor were closed unused). */
  unfinished(owner: string): string[] {
    return (this.stmt.unfinished.all(owner) as { code: string }[]).map((r) => r.code);
  }

  /** Someone used the session at `at` (ms): a restart closes sessions idle for too long (expiry.ts). */
  touchSession(code: string, at: number): void {
    this.stmt.touch.run(at, code);
  }

  /** The session is over (its debrief, or closed unused): it is not restored after a restart. */
  markFinished(code: string): void {
    this.stmt.finish.run(code);
  }

  saveTimers(code: string, timers: TimerSettings): void {
    this.stmt.timers.run(JSON.stringify(timers), code);
  }

  /** The clock paused with `ms` left on its step, or running (null). */
  savePause(code: string, ms: number | null): void {
    this.stmt.pause.run(ms === null ? null : Math.round(ms), code);
  }

  /** Appends the event at position `seq` (0-based); throws if that position is already taken. */
  append(code: string, seq: number, event: EngineEvent): void {
    this.stmt.append.run(code, seq, JSON.stringify(event));
  }

  /** The session's events in order; throws StoreError naming the row when one cannot be read. */
  events(code: string): EngineEvent[] {
    return (this.stmt.events.all(code) as { event: string }[]).map((r, seq) => {
      try {
        return JSON.parse(r.event) as EngineEvent;
      } catch (err) {
        throw new StoreError(`session ${code}: event ${seq} is damaged in ${this.path} (${(err as Error).message})`);
      }
    });
  }

  savePlayer(code: string, p: StoredPlayer): void {
    const flag = (b: boolean | undefined) => (b ? 1 : 0);
    this.stmt.upsertPlayer.run(
      code,
      p.player,
      p.name,
      p.tokenHash,
      p.seat,
      flag(p.adviser),
      flag(p.roster),
      p.joinedAt ?? null,
      p.device ?? "",
    );
  }

  deletePlayer(code: string, player: string): void {
    this.stmt.deletePlayer.run(code, player);
  }

  players(code: string): StoredPlayer[] {
    return (this.stmt.players.all(code) as unknown as PlayerRow[]).map((r) => ({
      player: r.player,
      name: r.name,
      tokenHash: r.token_hash,
      seat: r.seat,
      adviser: r.adviser === 1,
      roster: r.roster === 1,
      joinedAt: r.joined_at,
      device: r.device ?? "",
    }));
  }

  /** The database, for the tables kept beside the log (src/server/peopleLog.ts). */
  get database(): DatabaseSync {
    return this.db;
  }

  /**
   * Whether the store can take a write now (the health check): the data folder takes a file and SQLite grants
   * its write lock, and the file is still where it was opened. Null when it can, else what is wrong, in one
   * line. Writes nothing to the log.
   */
  writeProblem(): string | null {
    try {
      if (!existsSync(this.path)) throw new Error(`${this.path} was moved or deleted while the server ran: restart it`);
      checkWritable(dirname(this.path));
      this.db.exec("BEGIN IMMEDIATE; ROLLBACK;");
      return null;
    } catch (err) {
      if (this.db.isOpen && this.db.isTransaction) this.db.exec("ROLLBACK");
      return (err as Error).message;
    }
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }
}

interface PlayerRow {
  player: string;
  name: string;
  token_hash: string;
  seat: string | null;
  adviser: number | null;
  roster: number | null;
  joined_at: number | null;
  device: string | null;
}

/** Players' team, class-list and join columns, added to logs written before classes had rosters. */
function addPeopleColumns(db: DatabaseSync): void {
  const have = new Set((db.prepare("PRAGMA table_info(players)").all() as { name: string }[]).map((c) => c.name));
  const columns = ["adviser INTEGER", "roster INTEGER", "joined_at INTEGER", "device TEXT"];
  for (const column of columns)
    if (!have.has(column.split(" ")[0] ?? "")) db.exec(`ALTER TABLE players ADD COLUMN ${column}`);
}

/** SQLite's report in one line (an integrity check's spans several, framed in asterisks). */
const oneLine = (text: string) =>
  text
    .replace(/\*\*\*[^*]*\*\*\*/g, "")
    .replace(/\s+/g, " ")
    .trim();

/** The durable store cannot be used as it is: the message says what and where, in one line. */
export class StoreError extends Error {
  override name = "StoreError";
}

/** Refuses a data folder the server could not write to, before any player trusts it with a session. */
function checkWritable(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.W_OK);
    const probe = join(dataDir, `.write-check-${process.pid}`);
    writeFileSync(probe, "");
    rmSync(probe);
  } catch (err) {
    throw new StoreError(
      `cannot write to the data folder ${dataDir} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}): set DATA_DIR to a folder this user can write`,
    );
  }
}
