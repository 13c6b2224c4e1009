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

  it.each([
    "export const e = Math.exp(1);\n",
    "export const p = 2 ** 3;\n",
    "let x = 2;\nx **= 3;\nexport const y = x;\n",
    "export const l = Math.log(2) + Math.log10(2) + Math.log2(2) + Math.log1p(2) + Math.expm1(2);\n",
    "export const p = Math.pow(2, 0.5);\n",
    "export const t = Math.sin(1) + Math.atan2(1, 2) + Math.tanh(1) + Math.cbrt(2) + Math.hypot(3, 4);\n",
    "export const f = [1, 2].map(Math.exp);\n",
  ])("fails on engine-dependent arithmetic %j", (source) => {
    const r = lint("src/sim/probe.ts", source);
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/implementation-approximated[\s\S]*src\/sim\/detMath\.ts/);
  });

  it("allows correctly rounded arithmetic in the core, and src/sim/detMath.ts itself", () => {
    const plain = lint(
      "src/sim/probe.ts",
      "export const s = Math.sqrt(2) * Math.floor(2.5) + Math.abs(-1) / 3 - Math.max(1, 2);\n",
    );
    expect(plain.out).not.toMatch(/implementation-approximated/);
    expect(plain.code).toBe(0);
    const detMath = lint("src/sim/probe.ts", readFileSync(join(root, "src/sim/detMath.ts"), "utf8"));
    expect(detMath.out).not.toMatch(/implementation-approximated/);
    expect(detMath.code).toBe(0);
  });

  it("allows the same code outside the core (the UI may read the clock)", () => {
    const r = lint("src/ui/probe.ts", "export const t = Date.now();\n");
    expect(r.out).not.toMatch(/must be deterministic/);
    expect(r.code).toBe(0);
  });
});

describe("the printable materials' layer rule (shared by the CLI and the browser)", () => {
  it.each([
    ['import { readFileSync } from "node:fs";\nexport const r = readFileSync;\n', /src\/materials is shared/],
    ["export const t = () => document.title;\n", /src\/materials is shared/],
    ['import { x } from "../server/room.ts";\nexport const y = x;\n', /src\/materials reads the scenario files/],
  ])("fails on %j", (source, message) => {
    const r = lint("src/materials/probe.ts", source);
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(message);
  });

  it("allows the engine and the UI's words", () => {
    const r = lint(
      "src/materials/probe.ts",
      'import { x } from "../sim/profiles.ts";\nimport { y } from "../ui/words.ts";\nexport const z = [x, y];\n',
    );
    expect(r.code).toBe(0);
  });
});
