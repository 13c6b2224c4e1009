/**
 * Golden records: every bundled scenario played by the AI from seeds 1, 2 and 3 (role chair, no people)
 * must end in exactly the pinned state hash and outcome, and the seeded generator and the hash functions
 * must give exactly the pinned values. A change in the RNG, the hashing, the scenarios or the rules shows up
 * here first.
 *
 * When a change of rules (or of a scenario, the RNG or hashing) is intended, bump ENGINE_VERSION if
 * outcomes change, then regenerate and review the diff of hashes.json before committing it:
 *
 *   UPDATE_GOLDEN=1 node_modules/.bin/vitest run tests/golden
 *
 * In that mode the test rewrites tests/golden/hashes.json from the current engine instead of comparing.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { runToEnd } from "../../src/sim/autopilot.ts";
import { bundledRoster, bundledScenario, SCENARIO_IDS } from "../../src/sim/catalog.ts";
import { hashString, hashValue } from "../../src/sim/hash.ts";
import { drawMany, seedRng } from "../../src/sim/rng.ts";
import { createEnv, createSession, stateHash, stateOf } from "../../src/sim/session.ts";

const GOLDEN_FILE = new URL("./hashes.json", import.meta.url);
const UPDATE = process.env.UPDATE_GOLDEN === "1";
const SEEDS = [1, 2, 3] as const;
const RNG_SEED = 42;
const HASH_TEXT = "case-by-case";
const HASH_INPUT = { b: [1, "two", null, true], a: { y: 0.5, x: -3 } };

const runSchema = z.strictObject({
  stateHash: z.string().regex(/^[0-9a-f]{16}$/),
  outcome: z.string(),
  events: z.number().int().positive(),
});
const goldenSchema = z.strictObject({
  rng: z.strictObject({ seed: z.number().int(), first5: z.array(z.number()).length(5) }),
  hashString: z.record(z.string(), z.string()),
  hashValue: z.strictObject({ input: z.unknown(), hash: z.string() }),
  scenarios: z.record(z.string(), z.strictObject({ scenarioHash: z.string(), runs: z.record(z.string(), runSchema) })),
});
type Golden = z.infer<typeof goldenSchema>;
type Run = z.infer<typeof runSchema>;

function playAsAi(id: string, seed: number): { scenarioHash: string; run: Run } {
  const scenario = bundledScenario(id);
  if (!scenario) throw new Error(`no bundled scenario ${id}`);
  const env = createEnv(scenario, bundledRoster());
  const { session, events } = runToEnd(createSession(env, seed, { role: "chair", chair: "ai", humans: [] }));
  const outcome = stateOf(session).outcome;
  if (outcome === null) throw new Error(`${id} seed ${seed} did not finish`);
  return { scenarioHash: env.scenarioHash, run: { stateHash: stateHash(session), outcome, events: events.length } };
}

/** The golden values as the current engine computes them. */
function computeGolden(): Golden {
  const scenarios: Golden["scenarios"] = {};
  for (const id of SCENARIO_IDS) {
    const runs: Record<string, Run> = {};
    let scenarioHash = "";
    for (const seed of SEEDS) {
      const played = playAsAi(id, seed);
      scenarioHash = played.scenarioHash;
      runs[String(seed)] = played.run;
    }
    scenarios[id] = { scenarioHash, runs };
  }
  return {
    rng: { seed: RNG_SEED, first5: drawMany(seedRng(RNG_SEED), 5).values },
    hashString: { [HASH_TEXT]: hashString(HASH_TEXT) },
    hashValue: { input: HASH_INPUT, hash: hashValue(HASH_INPUT) },
    scenarios,
  };
}

/** Two-space JSON with short arrays of plain values on one line, as the formatter (biome) wants it. */
function formatJson(value: unknown): string {
  const text = JSON.stringify(value, null, 2).replace(
    /\[\n\s*([^[\]{}]*?)\n\s*\]/g,
    (_match, body: string) => `[${body.split(/,\n\s*/).join(", ")}]`,
  );
  return `${text}\n`;
}

function loadGolden(): Golden | null {
  if (!existsSync(GOLDEN_FILE)) return null;
  return goldenSchema.parse(JSON.parse(readFileSync(GOLDEN_FILE, "utf8")));
}

function pinned(): Golden {
  const golden = loadGolden();
  if (!golden) throw new Error("tests/golden/hashes.json is missing: run with UPDATE_GOLDEN=1 to create it");
  return golden;
}

describe.runIf(UPDATE)("golden values (update mode)", () => {
  it("rewrites tests/golden/hashes.json from the current engine", () => {
    const golden = computeGolden();
    writeFileSync(GOLDEN_FILE, formatJson(golden));
    expect(loadGolden()).toEqual(golden);
  });
});

describe.skipIf(UPDATE)("golden values", () => {
  it("pins the first five draws of the seeded generator", () => {
    const golden = pinned();
    expect(golden.rng.seed).toBe(RNG_SEED);
    const { values, state } = drawMany(seedRng(RNG_SEED), 5);
    values.forEach((v, i) => {
      expect(v).toBe(golden.rng.first5[i]);
    });
    // Drawing is pure and resumable: the same state gives the same numbers, and the next five continue.
    expect(drawMany(seedRng(RNG_SEED), 5).values).toEqual(values);
    expect(drawMany(seedRng(RNG_SEED), 10).values.slice(5)).toEqual(drawMany(state, 5).values);
  });

  it("pins the string and value hashes", () => {
    const golden = pinned();
    expect(hashString(HASH_TEXT)).toBe(golden.hashString[HASH_TEXT]);
    expect(golden.hashValue.input).toEqual(HASH_INPUT);
    expect(hashValue(HASH_INPUT)).toBe(golden.hashValue.hash);
  });

  it("pins exactly the bundled scenarios and seeds", () => {
    const golden = pinned();
    expect(Object.keys(golden.scenarios)).toEqual([...SCENARIO_IDS]);
    for (const id of SCENARIO_IDS)
      expect(Object.keys(golden.scenarios[id]?.runs ?? {})).toEqual(SEEDS.map((s) => String(s)));
  });

  describe.each(SCENARIO_IDS.flatMap((id) => SEEDS.map((seed) => [id, seed] as const)))("%s seed %i", (id, seed) => {
    it("replays to the pinned state hash and outcome", () => {
      const entry = pinned().scenarios[id];
      const want = entry?.runs[String(seed)];
      if (!entry || !want) throw new Error(`no golden entry for ${id} seed ${seed}: run with UPDATE_GOLDEN=1`);
      const got = playAsAi(id, seed);
      expect(got.scenarioHash, "scenario file changed").toBe(entry.scenarioHash);
      expect(got.run.outcome).toBe(want.outcome);
      expect(got.run.events).toBe(want.events);
      expect(got.run.stateHash).toBe(want.stateHash);
    });
  });
});
