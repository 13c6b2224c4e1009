/**
 * Secrets a device keeps per session: a delegate's seat token (to come back to the same seat after closing the
 * tab) and a facilitator's token (to run the session from this browser). Kept in localStorage, keyed by the join
 * code, never put in a URL.
 */

const seatKey = (code: string) => `case-by-case.seat.${code}`;
const facilitatorKey = (code: string) => `case-by-case.facilitator.${code}`;
const deviceKey = "case-by-case.device";

/**
 * This browser's random id, sent with a delegate's join: a device the facilitator blocked is refused from
 * then on, and one device cannot take every seat. Made once and kept (a fresh one when storage is disabled).
 */
export function deviceId(storage: Storage | null): string {
  const kept = read(storage, deviceKey);
  if (kept && /^[A-Za-z0-9_-]{16,64}$/.test(kept)) return kept;
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  const id = btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_");
  write(storage, deviceKey, id);
  return id;
}

export interface StoredSeat {
  token: string;
  name: string;
}

function read(storage: Storage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(storage: Storage | null, key: string, value: string | null): void {
  try {
    if (value === null) storage?.removeItem(key);
    else storage?.setItem(key, value);
  } catch {
    // Storage full or disabled: the seat still works until the tab closes.
  }
}

/** The seat token and name this device used for a session, if any. */
export function storedSeat(storage: Storage | null, code: string): StoredSeat | null {
  const text = read(storage, seatKey(code));
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<StoredSeat>;
    return typeof value.token === "string" && typeof value.name === "string"
      ? { token: value.token, name: value.name }
      : null;
  } catch {
    return null;
  }
}

export function storeSeat(storage: Storage | null, code: string, seat: StoredSeat | null): void {
  write(storage, seatKey(code), seat ? JSON.stringify(seat) : null);
}

export function storedFacilitatorToken(storage: Storage | null, code: string): string | null {
  return read(storage, facilitatorKey(code));
}

/** Join codes of sessions this browser can run (it holds their facilitator tokens). */
export function storedFacilitatorCodes(storage: Storage | null): string[] {
  const codes: string[] = [];
  try {
    for (let i = 0; i < (storage?.length ?? 0); i++) {
      const key = storage?.key(i) ?? "";
      if (key.startsWith(facilitatorKey(""))) codes.push(key.slice(facilitatorKey("").length));
    }
  } catch {
    // Storage disabled: nothing to list.
  }
  return codes.sort();
}

export function storeFacilitatorToken(storage: Storage | null, code: string, token: string | null): void {
  write(storage, facilitatorKey(code), token);
}
