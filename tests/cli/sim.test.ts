import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const node = process.execPath;
function sim(...args: string[]) {
  const r = spawnSync(node, ["src/cli/sim.ts", ...args], { encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const dir = mkdtempSync(join(tmpdir(), "cbc-cli-"));

describe("npm run sim", () => {
  it("prints one JSON object with the record and a summary of the documented shape", () => {
    const r = sim("--scenario", "estonia-2007", "--seed", "7", "--json");
    expect(r.code).toBe(0);
    const { record, summary } = JSON.parse(r.out);
    expect(summary.scenario).toBe("estonia-2007");
    expect(summary.seed).toBe(7);
    expect(summary.allies).toHaveLength(26);
    expect(summary.allies.slice(0, 3)).toEqual(["BEL", "BGR", "CAN"]);
    expect(typeof summary.article4).toBe("boolean");
    expect(typeof summary.article5).toBe("boolean");
    expect(summary.outcome).toMatch(/^(article-5|collective-response|statements|no-consensus)$/);
    expect(summary.stateHash).toMatch(/^[0-9a-f]{16}$/);
    for (const d of summary.decisions) {
      expect(Number.isInteger(d.day)).toBe(true);
      expect(Array.isArray(d.measures)).toBe(true);
      expect(typeof d.adopted).toBe("boolean");
      expect(Array.isArray(d.brokenBy)).toBe(true);
    }
    for (const v of Object.values(summary.scores)) expect(typeof v).toBe("number");
    expect(record.format).toBe(1);
    expect(record.scenario.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(record.events.length).toBeGreaterThan(5);
  });

  it("replays a record to the same state hash", () => {
    const r = sim("--scenario", "notpetya-2017", "--seed", "3", "--role", "DNK", "--json");
    const file = join(dir, "record.json");
    writeFileSync(file, r.out);
    const replay = sim("--replay", file);
    expect(replay.code).toBe(0);
    expect(JSON.parse(replay.out).stateHash).toBe(JSON.parse(r.out).summary.stateHash);
  });

  it("runs a batch: one summary per line, deterministic across runs", () => {
    const a = sim("--scenario", "colonial-pipeline-2021", "--seeds", "1-5");
    const b = sim("--scenario", "colonial-pipeline-2021", "--seeds", "1-5");
    const lines = a.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.seed)).toEqual([1, 2, 3, 4, 5]);
    expect(a.out).toBe(b.out);
    expect(lines[0]).not.toHaveProperty("record");
  });

  it("prints a readable transcript by default", () => {
    const r = sim("--scenario", "control-article-5", "--seed", "1");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/— CONSULTATION —/);
    expect(r.out).toMatch(/Draft tabled under silence procedure/);
    expect(r.out).toMatch(/Outcome: /);
  });

  it.each([
    [["--scenario", "nope", "--seed", "1"], /unknown scenario "nope"/],
    [["--scenario", "estonia-2007", "--seed", "x"], /--seed must be an integer/],
    [["--scenario", "estonia-2007", "--role", "FIN"], /FIN has no seat/],
    [["--scenario", "estonia-2007", "--seeds", "5"], /--seeds must look like/],
    [["--bogus"], /Unknown option/],
    [["--scenario", join(dir, "missing.json")], /cannot read file/],
    [["--replay", join(dir, "missing.json")], /cannot read file/],
  ])("exits 2 with one line for bad input %j", (args, message) => {
    const r = sim(...args);
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/at .*\.ts:\d+/);
  });

  it("names the file and JSON path of a malformed scenario file", () => {
    const file = join(dir, "bad-scenario.json");
    writeFileSync(file, JSON.stringify({ id: "x" }));
    const r = sim("--scenario", file, "--seed", "1");
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${file}: $.title:`);
  });

  it("rejects a tampered record with the path of the bad event", () => {
    const r = sim("--scenario", "estonia-2007", "--seed", "2", "--json");
    const data = JSON.parse(r.out);
    data.record.events[3] = { type: "draft.table", by: "chair", measures: ["article5"] };
    const file = join(dir, "tampered.json");
    writeFileSync(file, JSON.stringify(data));
    const replay = sim("--replay", file);
    expect(replay.code).toBe(2);
    expect(replay.err).toMatch(/\$\.events\[3\] \(draft\.table\) was refused: the chair is played by the AI/);
  });

  it("refuses a record naming an ally that has no seat, with exit 2 and one line", () => {
    const r = sim("--scenario", "estonia-2007", "--seed", "2", "--json");
    for (const [key, value] of [
      ["humans", ["XXX"]],
      ["role", "ZZZ"],
    ] as const) {
      const data = JSON.parse(r.out);
      data.record.seats[key] = value;
      const file = join(dir, `unknown-ally-${key}.json`);
      writeFileSync(file, JSON.stringify(data));
      const replay = sim("--replay", file);
      expect(replay.code, key).toBe(2);
      expect(replay.err.trim().split("\n")).toHaveLength(1);
      expect(replay.err).toMatch(/\$\.seats: (XXX|ZZZ) has no seat in this Council/);
    }
  });
});
