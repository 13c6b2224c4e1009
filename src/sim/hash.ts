/** Canonical JSON and a stable 64-bit hash: the same data gives the same hex everywhere. */

/** JSON with object keys sorted at every level, so equal data serialises identically. */
export function canonicalJson(value: unknown): string {
  const parts: string[] = [];
  walk(value, (text) => parts.push(text));
  return parts.join("");
}

/** Feeds the canonical JSON of `value` to `emit`, piece by piece, without building the whole text. */
function walk(value: unknown, emit: (text: string) => void): void {
  if (value === null || typeof value === "boolean") {
    emit(String(value));
  } else if (typeof value === "number") {
    emit(Number.isFinite(value) ? String(value) : "null");
  } else if (typeof value === "string") {
    emit(JSON.stringify(value));
  } else if (Array.isArray(value)) {
    emit("[");
    value.forEach((item, i) => {
      if (i) emit(",");
      walk(item === undefined ? null : item, emit);
    });
    emit("]");
  } else if (typeof value === "object") {
    emit("{");
    let first = true;
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record).sort()) {
      const v = record[key];
      if (v === undefined || typeof v === "function") continue;
      emit(first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`);
      first = false;
      walk(v, emit);
    }
    emit("}");
  } else {
    emit("null");
  }
}

/** FNV-1a over UTF-16 code units in two mixed lanes: 16 hex digits. Not cryptographic. */
function createHasher() {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  return {
    update(text: string): void {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        a = Math.imul(a ^ c, 0x01000193) >>> 0;
        b = Math.imul(b ^ c, 0x01000193) >>> 0;
        b = (b ^ (a >>> 7)) >>> 0;
      }
    },
    digest(): string {
      return a.toString(16).padStart(8, "0") + b.toString(16).padStart(8, "0");
    },
  };
}

/** The hash of a string. */
export function hashString(text: string): string {
  const h = createHasher();
  h.update(text);
  return h.digest();
}

/** The hash of a value's canonical JSON (equal to hashString(canonicalJson(value))). */
export function hashValue(value: unknown): string {
  const h = createHasher();
  walk(value, (text) => h.update(text));
  return h.digest();
}
