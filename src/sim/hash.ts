/** Canonical JSON and a stable 64-bit hash: the same data gives the same hex everywhere. */

function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(record).sort()) out[k] = record[k];
  return out;
}

/** JSON with object keys sorted at every level, so equal data serialises identically. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, sortedKeys) ?? "null";
}

/** FNV-1a over UTF-16 code units in two mixed lanes: 16 hex digits. Not cryptographic. */
export function hashString(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (a >>> 7);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}

/** The hash of a value's canonical JSON: independent of key order (for data people write, like scenarios). */
export function hashValue(value: unknown): string {
  return hashString(canonicalJson(value));
}

/**
 * The hash of a value's JSON in its own key order. For engine state this is exact and deterministic: every
 * state is built by the same reducers in the same order, and snapshots keep that order when restored.
 */
export function hashOrdered(value: unknown): string {
  return hashString(JSON.stringify(value) ?? "null");
}
