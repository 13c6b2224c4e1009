import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MEASURE_IDS } from "../../src/sim/measures.ts";

const node = process.execPath;
function tournament(...args: string[]) {
  const r = spawnSync(node, ["src/cli/tournament.ts", ...args], { encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const dir = mkdtempSync(join(tmpdir(), "cbc-tournament-"));
const fixture = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};
const OUTCOME_KEYS = ["article-5", "coalition", "collective-response", "no-consensus", "statements"];
const ALL = ["--bots", "ai,secretariat,maximalist,negotiator"];

describe("npm run tournament", () => {
  it("prints one JSON line per scenario × seat × bot, with the documented keys and counts that add up", () => {
    const r = tournament(
      "--scenario",
      "estonia-2007",
      "--scenario",
      "notpetya-2017",
      "--seat",
      "chair",
      "--seat",
      "DNK",
      "--seeds",
      "1-3",
      ...ALL,
      "--json",
    );
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    const lines = r.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => `${l.scenario} ${l.seat} ${l.bot}`)).toEqual(
      ["estonia-2007", "notpetya-2017"].flatMap((s) =>
        ["chair", "DNK"].flatMap((seat) =>
          ["ai", "secretariat", "maximalist", "negotiator"].map((b) => `${s} ${seat} ${b}`),
        ),
      ),
    );
    for (const l of lines) {
      expect(Object.keys(l).slice(0, 6)).toEqual(["scenario", "seat", "bot", "runs", "outcomes", "adopted"]);
      expect(
        Object.keys(l)
          .slice(6)
          .every((k) => k === "mean"),
      ).toBe(true);
      expect(l.runs).toBe(3);
      expect(Object.keys(l.outcomes).sort()).toEqual(OUTCOME_KEYS);
      expect(Object.values(l.outcomes).reduce((a: number, b) => a + (b as number), 0)).toBe(3);
      for (const [m, n] of Object.entries(l.adopted)) {
        expect(MEASURE_IDS).toContain(m);
        expect(n).toBeGreaterThan(0);
        expect(n).toBeLessThanOrEqual(3);
      }
      const decided = 3 - l.outcomes["no-consensus"] - l.outcomes.coalition;
      if (decided > 0) expect(Object.keys(l.adopted).length).toBeGreaterThan(0);
    }
  });

  it("is deterministic: the same invocation prints the same lines", () => {
    const args = ["--scenario", "colonial-pipeline-2021", "--seat", "USA", "--seeds", "1-3", ...ALL, "--json"];
    const a = tournament(...args);
    const b = tournament(...args);
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
  });

  it("prints a Markdown table per scenario and seat, and the speed", () => {
    const r = tournament("--scenario", "estonia-2007", "--seat", "chair", "--seeds", "1-2", ...ALL);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^## estonia-2007, the chair \(seeds 1-2\)$/m);
    expect(r.out).toMatch(/^\| bot \| runs \| mean \| no-consensus \| coalition \| statements \|/m);
    for (const bot of ["ai", "secretariat", "maximalist", "negotiator"])
      expect(r.out).toMatch(new RegExp(`^\\| ${bot} \\| 2 \\| \\d\\.\\d\\d \\|`, "m"));
    expect(r.out).toMatch(/^8 runs in [\d.]+ s: \d+ runs\/s$/m);
  });

  it("loads and plays the example bot file in the chair and in an ally's seat", () => {
    const r = tournament(
      "--scenario",
      "control-article-5",
      "--seat",
      "chair",
      "--seat",
      "EST",
      "--seeds",
      "1-2",
      "--bots",
      "ai,examples/bots/cautious.ts",
      "--json",
    );
    expect(r.code).toBe(0);
    const lines = r.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const cautious = lines.filter((l) => l.bot === "cautious");
    expect(cautious.map((l) => l.seat)).toEqual(["chair", "EST"]);
    // It never lets military measures through: no Article 5, no posture changes.
    for (const l of cautious) {
      expect(l.runs).toBe(2);
      expect(l.outcomes["article-5"]).toBe(0);
      expect(l.adopted).not.toHaveProperty("posture");
    }
  });

  const notBot = fixture("not-a-bot.ts", 'export default { name: "half", act: "not a function" };\n');
  const broken = fixture("broken.ts", "export default {{\n");
  const thrower = fixture(
    "thrower.js",
    'export default { name: "thrower", act(view) { if (view.phase === "consultation") throw new Error("boom"); return null; } };\n',
  );
  const scribbler = fixture(
    "scribbler.ts",
    'export default { name: "scribbler", act: (view: { seat: string }) => ({ type: "draft.table", by: view.seat, measures: "all" }) };\n',
  );
  const base = ["--scenario", "estonia-2007", "--seat", "chair", "--seeds", "1-2"];
  it.each([
    [["--scenario", "nope", "--bots", "ai"], /unknown scenario "nope"/],
    [["--seeds", "1-2", "--bots", "ai"], /--scenario .* is required/],
    [
      ["--scenario", "estonia-2007", "--seat", "FIN", "--bots", "ai"],
      /--seat FIN has no seat in the estonia-2007 Council/,
    ],
    [["--scenario", "estonia-2007", "--seat", "nato", "--bots", "ai"], /--seat must be "chair" or/],
    [[...base.slice(0, 4), "--seeds", "x", "--bots", "ai"], /--seeds must look like 1-100/],
    [[...base.slice(0, 4), "--seeds", "5-1", "--bots", "ai"], /--seeds range 5-1 is empty/],
    [[...base, "--bots", "ai,nobody"], /unknown bot "nobody"; built-in: ai, secretariat/],
    [[...base, "--bots", "ai,ai"], /names the bot "ai" twice/],
    [[...base, "--bots", join(dir, "missing.ts")], /bot file .*missing\.ts: no such file/],
    [[...base, "--bots", notBot], /not-a-bot\.ts: the default export is not a bot/],
    [[...base, "--bots", broken], /broken\.ts: does not load/],
    [[...base, "--bots", thrower], /bot "thrower" threw boom \(estonia-2007, seat chair, seed 1\)/],
    [[...base, "--bots", scribbler], /bot "scribbler" returned a move that is not an event .*seed 1\)/],
    [["--bogus"], /Unknown option/],
  ])("exits 2 with one line for bad input %j", (args, message) => {
    const r = tournament(...args);
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toMatch(/^tournament: /);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/at .*\.ts:\d+/);
  });
});
