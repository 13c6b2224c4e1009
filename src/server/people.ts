/**
 * The people of one networked Council: who joins (a name on the class list, or a newcomer), which seat and
 * team they take, who speaks for each seat, and the facilitator's moves (seat, speaker, remove, block, a
 * pasted class list). A seat is played by a person exactly when a member of its team who has joined speaks for
 * it; every change is settled into that rule with the engine's seat.control events. Every join, act and move
 * is written to the people log with the wall-clock time.
 */
import type { FacilitatorOp, PersonStatus, Seating, TeamMember } from "../net/protocol.ts";
import { parseRoster, sameName } from "../net/roster.ts";
import type { Env, SeatId, SessionState } from "../sim/state.ts";
import { type PeopleEvent, type PeopleEventKind, type PeopleLog, readBlocks } from "./peopleLog.ts";
import { MAX_TEAM, planSeats, seatOrder } from "./seating.ts";
import { hashSecret, type Player, personStatus, Seats } from "./seats.ts";
import type { Store } from "./store.ts";

export type Outcome = { ok: true } | { ok: false; reason: string };
const OK: Outcome = { ok: true };
const refuse = (reason: string): Outcome => ({ ok: false, reason });

/** People a session takes (seated, advising, waiting and on the class list): a class of 32 and a bound. */
export const MAX_PLAYERS = 100;
/** People one device may join as (a shared laptop), so that one device cannot take every seat. */
export const MAX_PER_DEVICE = 4;
export const BLOCKED = "this device was blocked by the facilitator";

/** What the people need of their session. */
export interface Council {
  readonly env: Env;
  state(): SessionState;
  finished(): boolean;
  control(ally: string, controller: "human" | "ai"): Outcome;
  emit(): void;
}

export class People {
  readonly seats: Seats;
  private readonly store: Store;
  private readonly log: PeopleLog;
  private readonly code: string;
  private readonly key: string; // the random order's seed: code and seed
  private readonly council: Council;
  private readonly now: () => number;
  private readonly blockedTokens: Set<string>;
  private readonly blockedDevices: Set<string>;
  seating: Seating | null;

  constructor(store: Store, log: PeopleLog, code: string, seed: number, council: Council, now: () => number) {
    this.store = store;
    this.log = log;
    this.code = code;
    this.key = `${code}:${seed}`;
    this.council = council;
    this.now = now;
    this.seats = new Seats(store.players(code));
    const blocks = readBlocks(log.events(code));
    this.blockedTokens = blocks.tokens;
    this.blockedDevices = blocks.devices;
    this.seating = blocks.seating;
  }

  private get humanChair(): boolean {
    return this.council.state().chair === "human";
  }

  /** The seats in the order this session offers them. */
  order(): SeatId[] {
    return seatOrder(this.council.env, this.humanChair, this.seating, this.key);
  }

  /** Whether a token or a device was blocked. */
  blocked(token: string | undefined, device: string | undefined): boolean {
    return (!!token && this.blockedTokens.has(hashSecret(token))) || (!!device && this.blockedDevices.has(device));
  }

  events(): PeopleEvent[] {
    return this.log.events(this.code);
  }

  // ── Joining ───────────────────────────────────────────────────────────────────────────────────────────

  /**
   * Seats a newcomer: the seat asked for if free; else their name on the class list (its planned seat); else
   * the next free seat in the session's order; else a place in the smallest team; else the waiting list.
   */
  join(name: string, ally: SeatId | undefined, device = ""): { player: Player; token: string } | { reason: string } {
    if (this.blocked(undefined, device)) return { reason: BLOCKED };
    if (device && this.seats.all().filter((p) => p.device === device).length >= MAX_PER_DEVICE)
      return { reason: `this device has already joined as ${MAX_PER_DEVICE} people: ask the facilitator` };
    if (ally !== undefined) {
      const problem = this.seatProblem(ally);
      if (problem) return { reason: problem };
    }
    const listed = ally === undefined ? this.seats.unclaimed(name, sameName) : undefined;
    if (listed) {
      const token = this.seats.claim(listed, this.now(), device);
      if (listed.seat && !listed.adviser && this.speakerOtherThan(listed.seat, listed)) listed.adviser = true;
      this.persist(listed);
      this.record("join", listed, "class list");
      this.settle(listed.seat);
      this.council.emit();
      return { player: listed, token };
    }
    if (this.seats.all().length >= MAX_PLAYERS) return { reason: `this session is full (${MAX_PLAYERS} people)` };
    const added = this.seats.add(name, this.now(), device);
    const seat = ally ?? this.order().find((s) => this.seats.free(s)) ?? null;
    const team = seat ? null : this.smallestTeam();
    added.player.seat = seat ?? team;
    added.player.adviser = !seat && team !== null;
    this.persist(added.player);
    this.record("join", added.player, ally ? "asked for the seat" : "");
    const settled = this.settle(added.player.seat);
    if (!settled.ok) this.leaveSeat(added.player); // the engine refused: they wait for a seat
    this.council.emit();
    return added;
  }

  /** A person back with their token after closing the tab: noted in the log (not the SDK's reconnections). */
  rejoined(player: Player): void {
    this.record("rejoin", player, "");
  }

  private speakerOtherThan(seat: SeatId, player: Player): Player | undefined {
    return this.seats.all().find((p) => p !== player && p.seat === seat && !p.adviser && p.joinedAt !== null);
  }

  private smallestTeam(): SeatId | null {
    const open = this.order().filter((s) => !this.seats.free(s) && this.seats.team(s).length < MAX_TEAM);
    const sizes = open.map((s) => this.seats.team(s).length);
    return open[sizes.indexOf(Math.min(...sizes))] ?? null;
  }

  seatProblem(seat: SeatId): string | null {
    const s = this.council.state();
    if (seat === "chair" ? s.chair !== "human" : !this.council.env.index.has(seat))
      return seat === "chair" ? "the AI chairs this session" : `${seat} has no seat in this Council`;
    const holder = this.seats.holder(seat);
    if (holder) return `${seat} is taken by ${holder.name}`;
    return this.seats.free(seat) ? null : `${seat} is kept for someone on the class list`;
  }

  // ── Settling seats into the engine ─────────────────────────────────────────────────────────────────────

  /**
   * Makes the engine agree with the seat's team: a member who has joined speaks for it (the first one, when
   * its speaker has gone or not yet come) and the seat is the people's; with nobody joined, the AI's.
   */
  settle(seat: SeatId | null): Outcome {
    if (!seat) return OK;
    if (!this.seats.holder(seat)) {
      const next = this.seats.team(seat).find((p) => p.joinedAt !== null);
      if (next) {
        for (const p of this.seats.team(seat))
          if (!p.adviser && p !== next) {
            p.adviser = true;
            this.persist(p);
          }
        next.adviser = false;
        this.persist(next);
        this.record("speaker", next, "the first of the team present");
      }
    }
    if (seat === "chair" || this.council.finished()) return OK;
    const human = this.council.state().humans.includes(seat);
    const held = this.seats.holder(seat) !== undefined;
    if (held && !human) return this.council.control(seat, "human");
    if (!held && human) return this.council.control(seat, "ai");
    return OK;
  }

  /**
   * After a crash between a seat's event and its members' rows the engine is the truth: people seated at a
   * seat the AI plays wait for a seat again (names on the class list keep their plan); a seat people play
   * with nobody holding it goes back to the AI.
   */
  reconcile(): void {
    if (this.council.finished()) return;
    const s = this.council.state();
    for (const p of this.seats.all())
      if (p.seat && p.seat !== "chair" && p.joinedAt !== null && !s.humans.includes(p.seat)) this.leaveSeat(p);
    for (const ally of s.humans) if (!this.seats.holder(ally)) this.council.control(ally, "ai");
  }

  private leaveSeat(p: Player): void {
    p.seat = null;
    p.adviser = false;
    this.persist(p);
  }

  // ── The facilitator's moves ─────────────────────────────────────────────────────────────────────────────

  facilitate(op: FacilitatorOp): Outcome | null {
    switch (op.op) {
      case "assign":
        return this.withPlayer(op.player, (p) => this.assign(p, op.ally, op.role));
      case "free":
        return this.free(op.ally);
      case "speaker":
        return this.withPlayer(op.player, (p) => this.makeSpeaker(p));
      case "remove":
        return this.withPlayer(op.player, (p) => this.remove(p, false));
      case "block":
        return this.withPlayer(op.player, (p) => this.remove(p, true));
      case "roster":
        return this.roster(op.text, op.seating, op.teamSize ?? 1);
      default:
        return null;
    }
  }

  private withPlayer(id: string, act: (p: Player) => Outcome): Outcome {
    const player = this.seats.get(id);
    if (!player) return refuse(`no player ${id}`);
    const outcome = act(player);
    this.council.emit();
    return outcome;
  }

  /** To a seat as its speaker (no role: its speaker waits; "speaker": its speaker advises) or as an adviser. */
  private assign(p: Player, seat: SeatId, role: "speaker" | "adviser" | undefined): Outcome {
    const s = this.council.state();
    if (seat === "chair" ? s.chair !== "human" : !this.council.env.index.has(seat))
      return refuse(seat === "chair" ? "the AI chairs this session" : `${seat} has no seat in this Council`);
    if (p.seat === seat && p.adviser === (role === "adviser")) return OK;
    const others = this.seats.team(seat).filter((q) => q !== p);
    if (role === "adviser" && others.length >= MAX_TEAM) return refuse(`${seat}'s team already has ${MAX_TEAM}`);
    const from = p.seat;
    if (role !== "adviser")
      for (const q of others.filter((x) => !x.adviser)) {
        if (role === undefined && q.joinedAt !== null) this.leaveSeat(q);
        else q.adviser = true;
        this.persist(q);
      }
    if (from !== seat) {
      this.leaveSeat(p);
      const left = this.settle(from);
      if (!left.ok) return left;
    }
    p.seat = seat;
    p.adviser = role === "adviser";
    this.persist(p);
    this.record("seat", p, p.adviser ? "adviser" : "speaker");
    return this.settle(seat);
  }

  /** The seat to the AI: its whole team waits for a seat. */
  private free(seat: SeatId): Outcome {
    const team = this.seats.team(seat);
    if (!team.length && !(seat !== "chair" && this.council.state().humans.includes(seat)))
      return refuse(`nobody holds ${seat}`);
    for (const p of team) {
      this.leaveSeat(p);
      this.record("seat", p, "waiting");
    }
    const outcome = this.settle(seat);
    this.council.emit();
    return outcome;
  }

  private makeSpeaker(p: Player): Outcome {
    if (!p.seat || !p.adviser) return refuse(`${p.name} is not an adviser in a team`);
    if (p.joinedAt === null) return refuse(`${p.name} has not joined yet`);
    for (const q of this.seats.team(p.seat))
      if (!q.adviser) {
        q.adviser = true;
        this.persist(q);
      }
    p.adviser = false;
    this.persist(p);
    this.record("speaker", p, "chosen by the facilitator");
    return this.settle(p.seat);
  }

  /** Out of the session (their seat to the team or the AI); blocked, their token and device stay refused. */
  private remove(p: Player, block: boolean): Outcome {
    const seat = p.seat;
    if (block) {
      if (p.tokenHash) this.blockedTokens.add(p.tokenHash);
      if (p.device) this.blockedDevices.add(p.device);
    }
    this.record(block ? "block" : "remove", p, block ? JSON.stringify({ token: p.tokenHash, device: p.device }) : "");
    this.seats.delete(p.player);
    this.store.deletePlayer(this.code, p.player);
    return this.settle(seat);
  }

  /** A pasted class list: names nobody has claimed yet are replaced by the new list, seated by `seating`. */
  private roster(text: string, seating: Seating, teamSize: number): Outcome {
    const lines = parseRoster(text);
    for (const p of this.seats.all())
      if (p.roster && p.joinedAt === null) {
        this.seats.delete(p.player);
        this.store.deletePlayer(this.code, p.player);
      }
    const present = this.seats.all();
    const fresh = lines.filter((l) => !present.some((p) => sameName(p.name, l.name)));
    const room = MAX_PLAYERS - present.length;
    if (fresh.length > room) return refuse(`the session takes ${MAX_PLAYERS} people: ${room} more names fit`);
    this.seating = seating;
    const held = new Set(present.flatMap((p) => (p.seat && !p.adviser ? [p.seat] : [])));
    const plan = planSeats(this.council.env, fresh, this.order(), {
      seating,
      teamSize,
      held,
      humanChair: this.humanChair,
    });
    for (const planned of plan) this.persist(this.seats.plan(planned.name, planned.seat, planned.adviser));
    this.log.append(this.code, {
      at: this.now(),
      kind: "roster",
      player: "",
      name: `${plan.length} names`,
      seat: null,
      seq: null,
      detail: seating,
    });
    this.council.emit();
    return OK;
  }

  // ── Acting and views ───────────────────────────────────────────────────────────────────────────────────

  /** Why this person may not act for their seat (an adviser), or null. */
  actProblem(p: Player): string | null {
    if (!p.adviser || !p.seat) return null;
    const speaker = this.seats.holder(p.seat);
    return `you advise this delegation; only its speaker${speaker ? `, ${speaker.name},` : ""} can act for the seat`;
  }

  /** An accepted act, with the position of its event in the record. */
  acted(p: Player, seq: number, type: string): void {
    this.log.append(this.code, {
      at: this.now(),
      kind: "act",
      player: p.player,
      name: p.name,
      seat: p.seat,
      seq,
      detail: type,
    });
  }

  /** The delegation a person sees: its members who have joined, when there is more than the person. */
  teamOf(p: Player): TeamMember[] | undefined {
    if (!p.seat) return undefined;
    const team = this.seats.team(p.seat).filter((q) => q.joinedAt !== null);
    return team.length > 1
      ? team.map((q) => ({ name: q.name, speaker: !q.adviser, connected: q.connections > 0 }))
      : undefined;
  }

  /** Advisers present in a seat's team (a count: their names are their delegation's and the facilitator's). */
  advisers(seat: SeatId): number {
    return this.seats.team(seat).filter((p) => p.adviser && p.joinedAt !== null).length;
  }

  /** Names on the class list nobody has joined as yet, in alphabetical order (the join screen's list). */
  unclaimedNames(): string[] {
    return this.seats
      .all()
      .filter((p) => p.roster && p.joinedAt === null)
      .map((p) => p.name)
      .sort((a, b) => a.localeCompare(b));
  }

  /** Everyone, for the facilitator. */
  status(): PersonStatus[] {
    return this.seats.all().map(personStatus);
  }

  persist(p: Player): void {
    this.store.savePlayer(this.code, {
      player: p.player,
      name: p.name,
      tokenHash: p.tokenHash,
      seat: p.seat,
      adviser: p.adviser,
      roster: p.roster,
      joinedAt: p.joinedAt,
      device: p.device,
    });
  }

  private record(kind: PeopleEventKind, p: Player, detail: string): void {
    this.log.append(this.code, {
      at: this.now(),
      kind,
      player: p.player,
      name: p.name,
      seat: p.seat,
      seq: null,
      detail,
    });
  }
}
