/**
 * src/report is shared by the browser and the CLI, so the linter keeps it free of Node built-ins, the DOM and
 * the layers that do I/O. Probed with code that breaks the rule, in a scratch copy of the real Biome config.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(".");
const scratch = mkdtempSync(join(tmpdir(), "cbc-report-lint-"));
const config = JSON.parse(readFileSync(join(root, "biome.json"), "utf8"));
config.$schema = undefined;
config.vcs = { enabled: false };
writeFileSync(join(scratch, "biome.json"), JSON.stringify(config));
cpSync(join(root, "lint"), join(scratch, "lint"), { recursive: true });

let probes = 0;
function lint(path: string, code: string) {
  const file = join(scratch, path.replace(/probe/, `probe${probes++}`));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, code);
  const r = spawnSync(join(root, "node_modules/.bin/biome"), ["lint", file], { cwd: scratch, encoding: "utf8" });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe("the report layer's rule", () => {
  it.each([
    ['import { readFileSync } from "node:fs";\nexport const r = readFileSync;\n', /no Node built-ins/],
    ["export const t = document.title;\n", /never touches the DOM/],
    ["export const w = window.innerWidth;\n", /never touches the DOM/],
    ['import { x } from "../server/room.ts";\nexport const y = x;\n', /engine and the UI's pure selectors only/],
    ['import { x } from "../cli/report.ts";\nexport const y = x;\n', /engine and the UI's pure selectors only/],
  ])("fails on %j", (source, message) => {
    const r = lint("src/report/probe.ts", source);
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(message);
  });

  it("allows the engine and the UI's pure selectors", () => {
    const r = lint(
      "src/report/probe.ts",
      'import { x } from "../sim/summary.ts";\nimport { y } from "../ui/viewModel.ts";\nexport const z = [x, y];\n',
    );
    expect(r.code).toBe(0);
  });
});
