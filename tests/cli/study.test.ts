import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { BUILT_IN_BOTS } from "../../src/sim/bots/index.ts";
import { bundledRoster, bundledScenario } from "../../src/sim/catalog.ts";
import type { Scenario } from "../../src/sim/scenarioSchema.ts";
import { createSession, stateOf } from "../../src/sim/session.ts";
import { STUDY_COLUMNS, studyRows } from "../../src/sim/studyRows.ts";
import { parseVary, VariationError, variantsOf } from "../../src/sim/variation.ts";

const node = process.execPath;
const dir = mkdtempSync(join(tmpdir(), "cbc-study-"));
function sim(...args: string[]) {
  const r = spawnSync(node, ["src/cli/sim.ts", ...args], { encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
function sources(id: string) {
  const scenario = bundledScenario(id) as Scenario;
  return {
    scenario,
    scenarioFile: `scenarios/${id}.json`,
    roster: bundledRoster(),
    rosterFile: "scenarios/allies.json",
    bots: BUILT_IN_BOTS,
  };
}

describe("npm run sim --vary (study mode)", () => {
  it("writes one CSV row per seed and value that a standard parser reads back", () => {
    const file = join(dir, "study.csv");
    const r = sim(
      ...["--scenario", "control-article-5", "--seeds", "1-4", "--vary", "attribution.clarity=0.3,1,1.7"],
      ...["--csv", file],
    );
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/12 rows written/);
    const rows: Record<string, string>[] = parse(readFileSync(file, "utf8"), { columns: true });
    expect(rows).toHaveLength(4 * 3);
    expect(Object.keys(rows[0] ?? {})).toEqual([...STUDY_COLUMNS]);
    for (const row of rows) {
      expect(row.parameter).toBe("attribution.clarity");
      expect(["0.3", "1", "1.7"]).toContain(row.value);
      expect(row.outcome).toMatch(/^(article-5|collective-response|statements|coalition|no-consensus)$/);
      expect(Number.isFinite(Number(row.cohesion))).toBe(true);
    }
    const seeds = new Map<string, Set<string>>();
    for (const row of rows) seeds.set(row.seed ?? "", (seeds.get(row.seed ?? "") ?? new Set()).add(row.crisis ?? ""));
    expect(seeds.size).toBe(4);
    for (const crises of seeds.values()) expect(crises.size).toBe(1); // identical seeds share the crisis
    expect(new Set(rows.map((r) => r.crisis)).size).toBe(4); // and different seeds do not
    // Murky evidence keeps the control case short of Article 5; clear evidence does not.
    const article5 = (v: string) => rows.filter((r) => r.value === v && r.article5 === "true").length;
    expect(article5("0.3")).toBeLessThan(article5("1.7"));
  });

  it.each([
    ["foo.bar=1,2", /^sim: scenarios\/control-article-5\.json: \$: unknown parameter "foo\.bar"/],
    ["POL.courage=0.5", /^sim: scenarios\/allies\.json: \$\.allies\[\d+\]\.params\.courage: unknown ally parameter/],
    ["adversary.resolve=0.5,1.5", /^sim: scenarios\/control-article-5\.json: \$\.adversary\.resolve: Too big/],
    ["POL.threshold.article5=-1", /allies\.json: \$\.allies\[\d+\]\.params\.severityThreshold: -1 is out of range/],
    ["bot.XKX=ai", /XKX has no seat in the control-article-5 Council/],
  ])("refuses %s with exit code 2 and one line", (vary, message) => {
    const r = sim("--scenario", "control-article-5", "--seeds", "1-2", "--vary", vary, "--csv", join(dir, "x.csv"));
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err.trimEnd().split("\n")).toHaveLength(1);
    expect(r.err).toMatch(message);
  });
});

describe("variations", () => {
  it("an ally's threshold changes that ally's drawn profile only; the rest of the Council is the same draw", () => {
    const variants = variantsOf(sources("estonia-2007"), "HUN.threshold.article5", ["0.3", "0.9"]);
    const [low, high] = variants.map((v) =>
      stateOf(createSession(v.env, 11, { role: "chair", chair: "ai", humans: [] })),
    );
    const hun = (s: typeof low) => s?.allies.find((a) => a.code === "HUN")?.params.severityThreshold ?? Number.NaN;
    expect(hun(high) - hun(low)).toBeCloseTo(0.6, 2);
    const others = (s: typeof low) => s?.allies.filter((a) => a.code !== "HUN").map((a) => a.params);
    expect(others(high)).toEqual(others(low));
    expect(high?.domestic).toEqual(low?.domestic);
  });

  it("evidence timing and clarity reach every item, and values are validated like a scenario file", () => {
    const src = sources("notpetya-2017");
    const [early] = variantsOf(src, "evidence.timing", ["0.5"]);
    const first = src.scenario.injects[0]?.evidence[1];
    const moved = early?.env.scenario.injects[0]?.evidence[1];
    expect(moved?.hour).toBe(Math.round((first?.hour ?? 0) * 0.5));
    const [murky] = variantsOf(src, "attribution.clarity", ["0"]);
    for (const inject of murky?.env.scenario.injects ?? [])
      for (const e of inject.evidence) if (e.pointsTo === src.scenario.truth.actor) expect(e.strength).toEqual([0, 0]);
    expect(() => variantsOf(src, "settings.silenceHours", ["500"])).toThrow(/\$\.settings\.silenceHours: Too big/);
    expect(() => variantsOf(src, "injects.0.targets", ["EST"])).toThrow(VariationError);
    expect(() => parseVary("adversary.resolve=0.2,0.2")).toThrow(/given twice/);
  });

  it("a bot in one seat plays only that seat; rows come seed by seed", () => {
    const variants = variantsOf(sources("colonial-pipeline-2021"), "bot.USA", ["ai", "maximalist"]);
    const rows = [...studyRows("bot.USA", variants, 3, 4)];
    expect(rows.map((r) => `${r.seed}:${r.value}`)).toEqual(["3:ai", "3:maximalist", "4:ai", "4:maximalist"]);
    expect(rows[0]?.crisis).toBe(rows[1]?.crisis);
  });
});
