/**
 * Private acts in the log (src/sim/views.ts): a request for technical assistance is the requester's to read,
 * intelligence shared with named allies the sharer's and the recipients'; everyone else reads a `private`
 * entry in its place (the log keeps its length), the facilitator reads everything, and intelligence shared
 * with all stays public. The server's batched views (ViewBatch) redact the same way.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Packr, unpack } from "msgpackr";
import { afterAll, describe, expect, it } from "vitest";
import type { Viewer } from "../../src/net/protocol.ts";
import type { Clock } from "../../src/server/pacer.ts";
import { Registry } from "../../src/server/registry.ts";
import { Store } from "../../src/server/store.ts";
import { ViewBatch } from "../../src/server/viewBatch.ts";
import { bundledRoster, bundledScenario } from "../../src/sim/catalog.ts";
import { describeEntry } from "../../src/sim/explain.ts";
import { applyEvent, createEnv, createSession, stateOf } from "../../src/sim/session.ts";
import type { LogEntry } from "../../src/sim/state.ts";
import { redactLog, redactState } from "../../src/sim/views.ts";
import { ok, until } from "../support/drive.ts";

const scenario = bundledScenario("estonia-2007");
if (!scenario) throw new Error("no scenario");
const env = createEnv(scenario, bundledRoster());

/** Estonia asks for assistance and briefs Latvia alone, then shares with all; Lithuania is a third party. */
function played() {
  let s = until(createSession(env, 4, { role: "EST", chair: "ai", humans: ["EST", "LVA", "LTU"] }), "consultation");
  s = ok(applyEvent(s, { type: "assistance.request", by: "EST" }));
  s = ok(applyEvent(s, { type: "intel.share", by: "EST", to: ["LVA"] }));
  s = ok(applyEvent(s, { type: "intel.share", by: "LVA", to: "all" }));
  return stateOf(s);
}
const state = played();
const privateActs = (log: readonly LogEntry[]) =>
  log.filter((e) => e.k === "assist" || (e.k === "share" && e.to !== "all"));
const publicShares = (log: readonly LogEntry[]) => log.filter((e) => e.k === "share" && e.to === "all");

describe("private acts in the log", () => {
  it("starts from a log that names them", () => {
    expect(privateActs(state.log).map((e) => e.k)).toEqual(["assist", "share"]);
  });

  it.each(["LTU", "public", "chair"])("hides them from %s, keeping the log's length", (audience) => {
    const seen = redactState(state, audience).log;
    expect(seen).toHaveLength(state.log.length);
    expect(privateActs(seen)).toEqual([]);
    expect(seen.filter((e) => e.k === "private")).toHaveLength(2);
    expect(JSON.stringify(seen)).not.toMatch(/"assist"/);
    expect(publicShares(seen)).toEqual(publicShares(state.log));
  });

  it("shows each party what it took part in, and the facilitator everything", () => {
    expect(privateActs(redactLog(state.log, "EST")).map((e) => e.k)).toEqual(["assist", "share"]);
    expect(privateActs(redactLog(state.log, "LVA")).map((e) => e.k)).toEqual(["share"]);
    expect(redactState(state, "facilitator").log).toBe(state.log);
  });

  it("has no words for a private entry", () => {
    expect(describeEntry({ k: "private", h: 3 })).toBe("");
  });
});

describe("private acts in the server's batched views", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  const stillClock: Clock = { now: () => 1_800_000_000_000, set: () => 0, clear: () => {} };
  const packr = new Packr({ useRecords: false });

  it("sends each connection the log its audience may read, as the unbatched view does", () => {
    const dir = mkdtempSync(join(tmpdir(), "cbc-private-"));
    dirs.push(dir);
    const registry = new Registry({ store: new Store(dir), clock: stillClock, owner: "local" });
    const council = registry.open(registry.create({ scenario: "estonia-2007", seed: 4, chair: "ai" }).code);
    const people = ["Ann", "Bo", "Cy"].map((name) => {
      const joined = council.join(name, undefined);
      if ("reason" in joined) throw new Error(joined.reason);
      return joined.player;
    });
    council.facilitate({ op: "start" });
    for (let i = 0; i < 30 && council.phase !== "consultation"; i++) council.facilitate({ op: "advance" });
    const [ann, bo, cy] = people;
    if (!ann?.seat || !bo?.seat || !cy?.seat) throw new Error("three seated delegates expected");
    const before = council.view({ kind: "projector" }, 0).log.entries.length;
    expect(council.act(ann, { type: "assistance.request" })).toEqual({ ok: true });
    expect(council.act(ann, { type: "intel.share", to: [bo.seat] })).toEqual({ ok: true });
    const viewers: Viewer[] = [
      { kind: "facilitator" },
      { kind: "projector" },
      ...people.map((p): Viewer => ({ kind: "player", player: p.player, name: p.name, seat: p.seat, seatToken: "t" })),
    ];
    const batch = new ViewBatch(council);
    const logs = new Map<string, LogEntry[]>();
    for (const viewer of viewers)
      for (const from of [0, before]) {
        const whole = unpack(packr.pack(council.view(viewer, from)));
        const encoded = unpack(batch.encode(viewer, from).bytes);
        expect(encoded).toStrictEqual(whole);
        if (from === 0) logs.set(viewer.kind === "player" ? viewer.name : viewer.kind, encoded.log.entries);
      }
    expect(privateActs(logs.get("facilitator") ?? [])).toHaveLength(2);
    expect(privateActs(logs.get("Ann") ?? [])).toHaveLength(2);
    expect(privateActs(logs.get("Bo") ?? []).map((e) => e.k)).toEqual(["share"]);
    expect(privateActs(logs.get("Cy") ?? [])).toEqual([]);
    expect(privateActs(logs.get("projector") ?? [])).toEqual([]);
    council.stop();
  });
});
