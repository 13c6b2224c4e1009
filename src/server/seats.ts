/**
 * Who sits where: the people in a session, the seat each holds, their secret seat tokens (stored hashed) and
 * whether they are connected. Pure bookkeeping; the session turns seat changes into engine events.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { SeatId } from "../sim/state.ts";
import type { StoredPlayer } from "./store.ts";

export interface Player {
  player: string; // a public id (shown to the facilitator to assign seats)
  name: string;
  tokenHash: string;
  seat: SeatId | null;
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

export class Seats {
  private readonly players = new Map<string, Player>();

  constructor(stored: readonly StoredPlayer[]) {
    for (const p of stored) this.players.set(p.player, { ...p, connections: 0 });
  }

  all(): Player[] {
    return [...this.players.values()];
  }

  get(player: string): Player | undefined {
    return this.players.get(player);
  }

  byToken(token: string): Player | undefined {
    return this.all().find((p) => secretMatches(token, p.tokenHash));
  }

  holder(seat: SeatId): Player | undefined {
    return this.all().find((p) => p.seat === seat);
  }

  /** Adds a person; returns them with their new secret token. */
  add(name: string, seat: SeatId | null): { player: Player; token: string } {
    const token = newSecret();
    const player: Player = {
      player: `p${randomBytes(6).toString("hex")}`,
      name,
      tokenHash: hashSecret(token),
      seat,
      connections: 0,
    };
    this.players.set(player.player, player);
    return { player, token };
  }
}
