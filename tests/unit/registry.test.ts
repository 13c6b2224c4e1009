import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Clock } from "../../src/server/pacer.ts";
import { BusyError, Registry, RequestError } from "../../src/server/registry.ts";
import { Store } from "../../src/server/store.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const stillClock: Clock = { now: () => 1_800_000_000_000, set: () => 0, clear: () => {} };

function registry(maxSessions: number): Registry {
  const dir = mkdtempSync(join(tmpdir(), "cbc-registry-"));
  dirs.push(dir);
  return new Registry({ store: new Store(dir), clock: stillClock, owner: "local", maxSessions });
}

describe("the session registry", () => {
  it("runs a bounded number of unfinished sessions, and makes room as sessions end", () => {
    const r = registry(2);
    const first = r.create({ scenario: "estonia-2007", seed: 1 });
    r.create({ scenario: "estonia-2007", seed: 2 });
    expect(() => r.create({ scenario: "estonia-2007", seed: 3 })).toThrow(BusyError);
    const council = r.open(first.code);
    expect(council.facilitate({ op: "end" })).toEqual({ ok: true });
    expect(r.create({ scenario: "estonia-2007", seed: 3 }).code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
  });

  it("refuses unknown scenarios as the caller's mistake", () => {
    expect(() => registry(5).create({ scenario: "nope", seed: 1 })).toThrow(RequestError);
  });

  it("keeps a session open by one room from being opened or closed by another", () => {
    const r = registry(5);
    const { code } = r.create({ scenario: "estonia-2007", seed: 1 });
    const room = {};
    const council = r.open(code, room);
    expect(() => r.open(code, {})).toThrow(/already open/);
    r.close(code, {}); // a duplicate room's dispose: the real room's session stays
    expect(r.running(code)).toBe(council);
    r.close(code, room);
    expect(r.running(code)).toBeUndefined();
  });
});
