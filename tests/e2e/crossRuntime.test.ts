/**
 * End-to-end: a solo game autoplayed in Chromium and the same record replayed here in Node must reach the
 * same state hash. Guards against engine arithmetic whose last bit depends on the JavaScript engine (see
 * src/sim/detMath.ts). Needs Chromium (see harness.ts); skipped loudly without it.
 */
import { describe, expect, it } from "vitest";
import { bundledRoster, bundledScenario } from "../../src/sim/catalog.ts";
import { parseRecord, replayRecord } from "../../src/sim/record.ts";
import { createEnv, stateHash } from "../../src/sim/session.ts";
import { E2E_SKIP, LAPTOP, openTab, useHarness } from "./harness.ts";

const TEST_TIMEOUT = 120_000;
const AUTOSAVE_KEY = "case-by-case.autosave";

/** Games autoplayed to the debrief: an ally in two historical cases and the chair in the control case. */
const GAMES = [
  { scenario: "estonia-2007", seed: 4, role: "EST" },
  { scenario: "notpetya-2017", seed: 7, role: "DNK" },
  { scenario: "control-article-5", seed: 3, role: "chair" },
];

describe.skipIf(E2E_SKIP)("the browser and Node agree on every state", () => {
  const harness = useHarness();

  it.each(GAMES)(
    "$scenario seed $seed as $role: Chromium's state hash equals Node's replay of its record",
    async ({ scenario, seed, role }) => {
      const tab = await openTab(harness(), LAPTOP);
      const { page } = tab;
      try {
        await page.goto(`/?scenario=${scenario}&seed=${seed}&role=${role}&autoplay=1`);
        const meta = page.locator(".debrief .meta", { hasText: "state hash" }).first();
        await meta.waitFor({ timeout: 90_000 });
        const shown = /state hash ([0-9a-f]{16})/.exec((await meta.textContent()) ?? "")?.[1];
        expect(shown, "the debrief shows the state hash").toBeDefined();

        const saved = await page.evaluate((key) => localStorage.getItem(key), AUTOSAVE_KEY);
        expect(saved, "the game was autosaved").not.toBeNull();
        const record = parseRecord(JSON.parse(saved ?? "null"));
        expect(record.events.length).toBeGreaterThan(0);
        const bundled = bundledScenario(scenario);
        if (!bundled) throw new Error(`no bundled scenario ${scenario}`);
        const session = replayRecord(createEnv(bundled, bundledRoster()), record);
        expect(stateHash(session), "Node's replay of the browser's record").toBe(shown);
        expect(tab.errors).toEqual([]);
      } finally {
        await tab.close();
      }
    },
    TEST_TIMEOUT,
  );
});
