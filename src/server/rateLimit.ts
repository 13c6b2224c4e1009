/** Token buckets by key (a connection, an address): a burst, then a steady refill. Time is read from a clock. */
export interface RateLimitOptions {
  burst: number;
  perSecond: number;
  now?: () => number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly burst: number;
  private readonly perSecond: number;
  private readonly now: () => number;

  constructor(options: RateLimitOptions) {
    this.burst = options.burst;
    this.perSecond = options.perSecond;
    this.now = options.now ?? (() => Date.now());
  }

  /** Takes one token for `key`; false when the bucket is empty (the caller refuses the request). */
  take(key: string): boolean {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    const ok = bucket.tokens >= 1;
    if (ok) bucket.tokens -= 1;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 10_000) this.sweep(now);
    return ok;
  }

  forget(key: string): void {
    this.buckets.delete(key);
  }

  /** Drops full buckets so the map does not grow without bound. */
  private sweep(now: number): void {
    for (const [key, b] of this.buckets)
      if (b.tokens + ((now - b.at) / 1000) * this.perSecond >= this.burst) this.buckets.delete(key);
  }
}

/** Corridor messages a delegate may write (opening talks with a message, or writing back) per minute. */
export const MESSAGES_PER_MINUTE = 6;
/** Why a message over that limit is refused (not applied, not recorded, not logged). */
export const TOO_MANY_MESSAGES = `too many corridor messages: at most ${MESSAGES_PER_MINUTE} a minute; wait a few seconds and send it again`;

/** Corridor messages by delegate: MESSAGES_PER_MINUTE at once, then one every 60/MESSAGES_PER_MINUTE seconds. */
export function messageLimiter(now?: () => number): RateLimiter {
  return new RateLimiter({ burst: MESSAGES_PER_MINUTE, perSecond: MESSAGES_PER_MINUTE / 60, ...(now ? { now } : {}) });
}

/** Whether an `act` event carries text between delegations (a corridor talk with a message, or a reply). */
export function isCorridorMessage(event: Record<string, unknown>): boolean {
  return event.type === "corridor.reply" || (event.type === "corridor.talk" && event.message !== undefined);
}
