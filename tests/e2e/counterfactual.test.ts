/**
 * End-to-end: a solo game autoplayed to the debrief shows "What would have changed it", searched in a Web
 * Worker, with the same flips Node finds for the same record. The seed is found here first, by the same search:
 * the first seed of the control case whose chair game has a flip. Screenshots at three sizes; axe clean; the
 * panel is reachable by keyboard reading order. Needs Chromium (see harness.ts); skipped loudly without it.
 */
import { describe, expect, it } from "vitest";
import { autoplayRecord } from "../../src/cli/bench/counterfactual.ts";
import { bundledRoster, bundledScenario } from "../../src/sim/catalog.ts";
import { searchCounterfactuals } from "../../src/sim/counterfactual/search.ts";
import { parseRecord } from "../../src/sim/record.ts";
import { createEnv } from "../../src/sim/session.ts";
import type { Env } from "../../src/sim/state.ts";
import { axeViolations, E2E_SKIP, openTab, useHarness, VIEWPORTS } from "./harness.ts";

const TEST_TIMEOUT = 180_000;
const SCENARIO = "control-article-5";
const ROLE = "chair";
const AUTOSAVE_KEY = "case-by-case.autosave";

function controlEnv(): Env {
  const scenario = bundledScenario(SCENARIO);
  if (!scenario) throw new Error(SCENARIO);
  return createEnv(scenario, bundledRoster());
}

/** The first seed from 1 whose autoplayed chair game has at least one flip. */
function seedWithFlip(env: Env): { seed: number; sentences: string[] } {
  for (let seed = 1; seed <= 40; seed++) {
    const result = searchCounterfactuals(env, autoplayRecord(env, seed, ROLE));
    if (result.flips.length) return { seed, sentences: result.flips.map((f) => f.sentence) };
  }
  throw new Error(`no seed of ${SCENARIO} in 1–40 has a flip`);
}

describe.skipIf(E2E_SKIP)("the debrief's counterfactuals", () => {
  const harness = useHarness();
  const env = controlEnv();
  const found = seedWithFlip(env);

  it.each(VIEWPORTS)(
    "at $width×$height: the panel shows the flips Node finds for the same record",
    async (viewport) => {
      const tab = await openTab(harness(), viewport);
      const { page } = tab;
      try {
        await page.goto(`/?scenario=${SCENARIO}&seed=${found.seed}&role=${ROLE}&autoplay=1`);
        const panel = page.locator(".counterfactuals");
        await panel.waitFor({ timeout: 90_000 });
        // While the worker runs the panel says so (busy, with a status line); it may already be done.
        const first = await panel.evaluate((el) => ({
          state: el.getAttribute("data-state"),
          busy: el.getAttribute("aria-busy"),
          status: el.querySelector("[role=status]")?.textContent ?? "",
        }));
        if (first.state === "running") {
          expect(first.busy).toBe("true");
          expect(first.status).toMatch(/^Rerunning the crisis/);
        }
        await expect.poll(() => panel.getAttribute("data-state"), { timeout: 30_000 }).toBe("done");
        expect(await panel.getAttribute("aria-busy")).toBe("false");
        const ms = {
          search: await panel.getAttribute("data-search-ms"),
          total: await panel.getAttribute("data-total-ms"),
        };
        process.stdout.write(
          `counterfactual search at ${viewport.width}: ${ms.search} ms (${ms.total} ms with the worker's start)\n`,
        );
        await expect.poll(() => panel.locator("h2").textContent()).toBe("What would have changed it");
        const shown = await panel
          .locator(".cf-flip")
          .evaluateAll((els) => els.map((el) => el.firstChild?.textContent ?? ""));
        expect(shown.length).toBeGreaterThan(0);
        for (const s of shown) expect(s).toMatch(/^Had .+, .+\.$/);

        // The browser searched the record it autosaved; Node's search of that record says the same.
        const saved = await page.evaluate((key) => localStorage.getItem(key), AUTOSAVE_KEY);
        const record = parseRecord(JSON.parse(saved ?? "null"));
        expect(searchCounterfactuals(env, record).flips.map((f) => f.sentence)).toEqual(shown);
        expect(shown).toEqual(found.sentences);

        // The panel fits the width (other debrief sections are measured by their own tests).
        const fit = await panel.evaluate((el) => ({
          right: el.getBoundingClientRect().right,
          inner: el.scrollWidth <= el.clientWidth,
          width: innerWidth,
        }));
        expect(fit.right, "the panel ends inside the viewport").toBeLessThanOrEqual(fit.width);
        expect(fit.inner, "nothing in the panel is wider than it").toBe(true);
        await panel.scrollIntoViewIfNeeded();
        await tab.shot("counterfactual-panel");
        if (viewport.width === 1920) {
          expect(await axeViolations(page)).toEqual([]);
          // Reading by keyboard: Tab from the panel's heading lands on the debrief's buttons, past nothing hidden.
          await panel.locator("h2").evaluate((el) => {
            el.setAttribute("tabindex", "-1");
            (el as HTMLElement).focus();
          });
          await page.keyboard.press("Tab");
          const focused = await page.evaluate(() => document.activeElement?.closest(".counterfactuals") === null);
          expect(focused, "the panel traps no focus").toBe(true);
        }
        expect(tab.errors).toEqual([]);
      } finally {
        await tab.close();
      }
    },
    TEST_TIMEOUT,
  );
});
