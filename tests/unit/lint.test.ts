import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

// The layer rule is enforced by the linter. Probe it with code that breaks it, placed at src/sim/ in a scratch
// copy of the project's own Biome configuration (the real file, not a stand-in).
const root = resolve(".");
const scratch = mkdtempSync(join(tmpdir(), "cbc-lint-"));
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

describe("the simulation core's layer rule", () => {
  it.each([
    ['import Phaser from "phaser";\nexport const p = Phaser;\n', /Phaser belongs in src\/scenes/],
    ['import { Client } from "@colyseus/sdk";\nexport const c = Client;\n', /networking belongs/],
    ['import { readFileSync } from "node:fs";\nexport const r = readFileSync;\n', /must not use Node built-ins/],
    ['import { x } from "../ui/panel.ts";\nexport const y = x;\n', /may not import the layers above it/],
    ['import { x } from "../server/room.ts";\nexport const y = x;\n', /may not import the layers above it/],
    ["export const r = Math.random();\n", /must be deterministic/],
    ["export const t = Date.now();\n", /must be deterministic/],
    ["export const d = new Date();\n", /must be deterministic/],
    ["export const p = performance.now();\n", /must be deterministic/],
    ["setTimeout(() => {}, 1);\n", /must be deterministic/],
    ["setInterval(() => {}, 1);\n", /must be deterministic/],
  ])("fails on %j", (source, message) => {
    const r = lint("src/sim/probe.ts", source);
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(message);
  });

  it("allows the same code outside the core (the UI may read the clock)", () => {
    const r = lint("src/ui/probe.ts", "export const t = Date.now();\n");
    expect(r.out).not.toMatch(/must be deterministic/);
    expect(r.code).toBe(0);
  });
});
