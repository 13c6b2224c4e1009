/** npm run report: a record from `npm run sim` to Markdown, HTML, CSV and JSON; bad input exits 2 with one line. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";

const node = process.execPath;
function run(script: string, ...args: string[]) {
  const r = spawnSync(node, [script, ...args], { encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const dir = mkdtempSync(join(tmpdir(), "cbc-report-"));

describe("npm run report", () => {
  // The sim's --json line is { record, summary }: the report reads the record inside it.
  const sim = run("src/cli/sim.ts", "--scenario", "colonial-pipeline-2021", "--seed", "4", "--json");
  const path = join(dir, "colonial.json");
  writeFileSync(path, sim.out);

  it("writes Markdown to standard output by default", () => {
    const r = run("src/cli/report.ts", path);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^# After-action report: /);
    expect(r.out).toContain("seed 4");
    expect(r.out).toContain(`## Outcome\n\n`);
  });

  it("writes a self-contained HTML file with its charts' library inlined", () => {
    const out = join(dir, "colonial.html");
    const r = run("src/cli/report.ts", path, "--format", "html", "--out", out);
    expect(r.code).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('id="chart-data"');
    expect(html).toContain("uPlot");
    expect(html).toContain("@media print");
  });

  it("writes two tidy CSV tables beside --out", () => {
    const r = run("src/cli/report.ts", path, "--format", "csv", "--out", join(dir, "colonial"));
    expect(r.code).toBe(0);
    const events = parse(readFileSync(join(dir, "colonial-events.csv"), "utf8"), { columns: true });
    const stances = parse(readFileSync(join(dir, "colonial-stances.csv"), "utf8"), { columns: true });
    expect(events.length).toBeGreaterThan(10);
    expect(stances.length % 30).toBe(0); // 30 allies in May 2021
  });

  it("writes the record and the report as JSON, still replayable by sim --replay", () => {
    const out = join(dir, "colonial-report.json");
    expect(run("src/cli/report.ts", path, "--format", "json", "--out", out).code).toBe(0);
    const both = JSON.parse(readFileSync(out, "utf8"));
    expect(both.report.meta.seed).toBe(4);
    const replay = run("src/cli/sim.ts", "--replay", out);
    expect(replay.code).toBe(0);
    expect(JSON.parse(replay.out).stateHash).toBe(both.report.meta.stateHash);
  });

  it("refuses bad input with exit 2 and one line", () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ format: 1, engine: "x" }));
    for (const args of [[bad], [path, "--format", "docx"], [join(dir, "missing.json")], []]) {
      const r = run("src/cli/report.ts", ...args);
      expect(r.code).toBe(2);
      expect(r.err.trim().split("\n")).toHaveLength(1);
      expect(r.err).toMatch(/^report: /);
    }
    expect(existsSync(join(dir, "bad.pdf"))).toBe(false);
  });
});
