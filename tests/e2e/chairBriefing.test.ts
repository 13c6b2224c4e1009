/**
 * End-to-end: the chair's briefings and a measure whose softer text comes into the toolbox first, in Chromium.
 * As chair of Estonia 2007 a player can table only "Share threat indicators across allied networks" (defensive
 * cyber operations come in 2018), has the whole Council briefed on the law, sees whom it moved in the log and
 * that the briefing is spent for the cycle, and tables the indicators separately.
 */
import { describe, expect, it } from "vitest";
import { axeViolations, E2E_SKIP, LAPTOP, openTab, useHarness } from "./harness.ts";
import { beginGame, click, control, draftOnPage, roundsSpent, shots } from "./soloDriver.ts";

describe.skipIf(E2E_SKIP)("the chair's briefings in Chromium", () => {
  const harness = useHarness(240_000);

  it("a chair tables the only wording the toolbox has and briefs the Council on the law", async () => {
    const tab = await openTab(harness(), LAPTOP);
    const { page } = tab;
    const layout: string[] = [];
    try {
      await page.goto("/?scenario=estonia-2007&seed=4&role=chair");
      await beginGame(page);
      expect(await control(page, "skip")).toBe(true);
      await roundsSpent(page);

      // In 2007 defensive cyber operations can be tabled only as their softer text.
      await page.check('input[name="measure"][value="defensiveCyber"]');
      const options = await page.locator("#wording-defensiveCyber option").allTextContents();
      expect(options).toEqual(["Softer"]);
      expect(await page.textContent("#wording-text-defensiveCyber")).toContain(
        "Share threat indicators across allied networks",
      );

      // The briefing reaches the whole table; the log says how many allies it moved.
      const legal = page.locator('[data-action="brief-legal"]');
      expect(await legal.isDisabled()).toBe(false);
      expect(await page.textContent(".briefings")).toMatch(/costs 3 political capital \(you have \d+\)/);
      await legal.click();
      const line = page.locator(".log-lines li", { hasText: "briefed on the law" });
      await line.first().waitFor();
      expect(await line.first().textContent()).toMatch(/weighs with \d+ allies/);
      await page.locator('[data-action="brief-legal"][disabled]').waitFor();
      expect(await page.textContent("#brief-legal-effect")).toContain("already been briefed on the law");
      layout.push(...(await shots(tab, "chair-briefings", ".briefings")));
      expect(await axeViolations(page), "axe on the chair's briefings").toEqual([]);

      // The desk was rebuilt by the briefing: the draft is still the chair's; tabled, the indicators go separately.
      await page.check('input[name="measure"][value="defensiveCyber"]');
      await page.check('input[name="separate"][value="defensiveCyber"]');
      expect(await draftOnPage(page)).toEqual(
        expect.objectContaining({ wording: expect.objectContaining({ defensiveCyber: "soft" }) }),
      );
      await click(page, "table");
      await page.locator(".log-lines li.table", { hasText: "decided separately" }).first().waitFor();
      expect(layout, "no horizontal scroll").toEqual([]);
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  }, 240_000);
});
