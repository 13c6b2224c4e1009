/**
 * Joining a server under load. When a whole class joins at once the server may answer "too many join
 * attempts", time out, or let a seat reservation expire before the connection reaches it: none of these is
 * the person's mistake, so the join is tried again after a growing wait, and the waiting is told in words
 * ("The server is busy, joining again in 3 s…") rather than as a failure. Anything else fails at once.
 */

/** Waits before the next attempt, in ms (the last one repeats); a refusal for rate waits at least RATE_WAIT_MS. */
export const BUSY_DELAYS_MS = [2000, 3000, 5000, 8000, 10_000];
const RATE_WAIT_MS = 10_000; // the server's Retry-After for join attempts
/** Attempts before giving up (about two minutes of waiting). */
export const BUSY_ATTEMPTS = 14;

/** What a busy server's refusals say (Colyseus's and this server's), as opposed to a wrong code or a full seat. */
const BUSY =
  /seat reservation expired|already full|is not available|timed out|sent nothing|too many join attempts|service unavailable|server is busy/i;

/** The wait before trying a failed join again (attempt 0 is the first retry), or null when it should not be. */
export function busyDelay(err: unknown, attempt: number): number | null {
  const code = typeof err === "object" && err && "code" in err ? Number((err as { code: unknown }).code) : 0;
  const message = err instanceof Error ? err.message : String(err);
  const rate = code === 429 || /too many join attempts/i.test(message);
  // 1006: the connection was cut before the room answered (a busy server refuses the upgrade itself).
  if (!rate && code !== 503 && code !== 1006 && !BUSY.test(message)) return null;
  const delay = BUSY_DELAYS_MS[Math.min(attempt, BUSY_DELAYS_MS.length - 1)] ?? 10_000;
  return rate ? Math.max(delay, RATE_WAIT_MS) : delay;
}

/** The words shown while waiting. */
export const busyNote = (seconds: number) => `The server is busy, joining again in ${seconds} s…`;

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` until it succeeds, it fails for another reason than a busy server, or BUSY_ATTEMPTS are
 * spent; while waiting, `onWait` hears the note every second (the countdown).
 */
export async function withBusyRetry<T>(attempt: () => Promise<T>, onWait?: (note: string) => void): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt();
    } catch (err) {
      const delay = n + 1 < BUSY_ATTEMPTS ? busyDelay(err, n) : null;
      if (delay === null) throw err;
      for (let left = Math.ceil(delay / 1000); left > 0; left--) {
        onWait?.(busyNote(left));
        await pause(1000);
      }
    }
  }
}
