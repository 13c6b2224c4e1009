/**
 * Who sits where: the people in a session, the seat each holds or is planned for, their place in the seat's
 * team (its speaker or an adviser), their secret seat tokens (stored hashed) and whether they are connected.
 * A name on the class list that nobody has claimed yet is a person without a token. Pure bookkeeping; the
 * session turns seat changes into engine events.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { PersonStatus } from "../net/protocol.ts";
import type { SeatId } from "../sim/state.ts";
import type { StoredPlayer } from "./store.ts";

export interface Player {
  player: string; // a public id (shown to the facilitator to assign seats)
  name: string;
  tokenHash: string; // "" until someone joins as this name on the class list
  seat: SeatId | null;
  adviser: boolean; // in the seat's team without speaking for it
  roster: boolean; // the name came from the class list
  joinedAt: number | null; // when the person first joined (null: not yet)
  device: string; // the browser they joined from ("" when it did not say)
  connections: number; // open connections (a person may have two tabs)
}

/** A new random secret, URL-safe. */
export const newSecret = (): string => randomBytes(24).toString("base64url");
export const hashSecret = (secret: string): string => createHash("sha256").update(secret).digest("hex");

/** Compares a secret with a stored hash in constant time. */
export function secretMatches(secret: string, hash: string): boolean {
  const a = Buffer.from(hashSecret(secret), "hex");
  const b = Buffer.from(hash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

const newId = (): string => `p${randomBytes(6).toString("hex")}`;

export class Seats {
  private readonly players = new Map<string, Player>();

  constructor(stored: readonly StoredPlayer[]) {
    for (const p of stored)
      this.players.set(p.player, {
        ...p,
        adviser: p.adviser ?? false,
        roster: p.roster ?? false,
        joinedAt: p.joinedAt ?? (p.tokenHash ? 0 : null),
        device: p.device ?? "",
        connections: 0,
      });
  }

  all(): Player[] {
    return [...this.players.values()];
  }

  get(player: string): Player | undefined {
    return this.players.get(player);
  }

  byToken(token: string): Player | undefined {
    return this.all().find((p) => p.tokenHash !== "" && secretMatches(token, p.tokenHash));
  }

  /** The seat's speaker among the people who have joined: the one who acts for it. */
  holder(seat: SeatId): Player | undefined {
    return this.all().find((p) => p.seat === seat && !p.adviser && p.joinedAt !== null);
  }

  /** Everyone in the seat's delegation, joined or planned, its speaker first. */
  team(seat: SeatId): Player[] {
    return this.all()
      .filter((p) => p.seat === seat)
      .sort((a, b) => Number(a.adviser) - Number(b.adviser));
  }

  /** True when nobody holds the seat and nobody on the class list is planned to speak for it. */
  free(seat: SeatId): boolean {
    return !this.all().some((p) => p.seat === seat && !p.adviser);
  }

  /** An unclaimed name on the class list, matched however it was typed. */
  unclaimed(name: string, same: (a: string, b: string) => boolean): Player | undefined {
    return this.all().find((p) => p.roster && p.joinedAt === null && same(p.name, name));
  }

  /** Adds a person who has joined; returns them with their new secret token. */
  add(name: string, at: number, device: string): { player: Player; token: string } {
    const player: Player = {
      player: newId(),
      name,
      tokenHash: "",
      seat: null,
      adviser: false,
      roster: false,
      joinedAt: null,
      device,
      connections: 0,
    };
    this.players.set(player.player, player);
    return { player, token: this.claim(player, at, device) };
  }

  /** A name on the class list, planned for a seat, until someone joins as it. */
  plan(name: string, seat: SeatId | null, adviser: boolean): Player {
    const player: Player = {
      player: newId(),
      name,
      tokenHash: "",
      seat,
      adviser,
      roster: true,
      joinedAt: null,
      device: "",
      connections: 0,
    };
    this.players.set(player.player, player);
    return player;
  }

  /** Someone joins as this person: a new token, the time and the device. Returns the token. */
  claim(player: Player, at: number, device: string): string {
    const token = newSecret();
    player.tokenHash = hashSecret(token);
    player.joinedAt = at;
    player.device = device;
    return token;
  }

  delete(player: string): void {
    this.players.delete(player);
  }
}

/** A person as the facilitator's list shows them. */
export function personStatus(p: Player): PersonStatus {
  return {
    player: p.player,
    name: p.name,
    seat: p.seat,
    adviser: p.adviser,
    joined: p.joinedAt !== null,
    connected: p.connections > 0,
    roster: p.roster,
  };
}
