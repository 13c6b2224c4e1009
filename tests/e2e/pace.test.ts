/**
 * End-to-end: the pace of a solo game. The scenario cards show the measured game length at each pace; the
 * seat screen offers relaxed / standard / brisk; the chosen pace is the one the table keeps (timed on the
 * page's own clock against the pace model), and the header's picker changes it during play.
 * Needs Chromium (see harness.ts); skipped loudly without it.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { bundledRoster, bundledScenario } from "../../src/sim/catalog.ts";
import { createEnv } from "../../src/sim/session.ts";
import { type Pace, paceTimings } from "../../src/ui/pace.ts";
import { autoplayGame, cardRange, paceTimeline } from "../../src/ui/paceModel.ts";
import { axeViolations, DESKTOP, E2E_SKIP, fitsWidth, openTab, type Tab, useHarness, VIEWPORTS } from "./harness.ts";

const TEST_TIMEOUT = 240_000;
const SCENARIO = "estonia-2007";
const STEP_MS = 500; // the page clock is run forward this much between looks

function waitPhase(page: Page, phase: string): Promise<unknown> {
  return page.waitForFunction((p) => document.getElementById("app")?.dataset.phase === p, phase, {
    timeout: 30_000,
    polling: 100,
  });
}

const click = (page: Page, selector: string) => page.locator(selector).first().click();

/** The scenario cards with their measured lengths (waits until every card has been measured). */
async function measuredCards(page: Page): Promise<{ id: string; text: string; card: string }[]> {
  await page.waitForFunction(
    () => {
      const lines = document.querySelectorAll("[data-lengths]");
      return lines.length > 0 && [...lines].every((l) => (l as HTMLElement).dataset.measured === "true");
    },
    undefined,
    { timeout: 60_000, polling: 250 },
  );
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("[data-lengths]")].map((l) => ({
      id: l.dataset.lengths ?? "",
      text: l.textContent ?? "",
      card: l.closest(".card")?.querySelector(".meta")?.textContent ?? "",
    })),
  );
}

/** Looks at the page at every size: no sideways scroll, a screenshot (of `show` scrolled into view); axe at 1920×1080. */
async function everySize(tab: Tab, name: string, show?: string): Promise<string[]> {
  const found: string[] = [];
  for (const size of VIEWPORTS) {
    await tab.page.setViewportSize(size);
    await tab.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const fit = await fitsWidth(tab.page);
    if (!fit.fits) found.push(`${name} at ${size.width}: scrollWidth ${fit.scrollWidth}`);
    if (size === DESKTOP) found.push(...(await axeViolations(tab.page)).map((v) => `${name}: ${v}`));
    if (show) await tab.page.locator(show).first().scrollIntoViewIfNeeded();
    await tab.shot(name);
  }
  await tab.page.setViewportSize(DESKTOP);
  return found;
}

/** The header's clock line (game hour, phase, round): it changes with every step of the table. */
const headerClock = (page: Page) => page.locator(".council-header .clock").textContent();

/** Runs the page's clock forward until the table takes its next step; returns the page-clock ms it took. */
async function untilNextStep(page: Page, limitMs = 200_000): Promise<number> {
  const before = await headerClock(page);
  for (let t = STEP_MS; t <= limitMs; t += STEP_MS) {
    await page.clock.runFor(STEP_MS);
    if ((await headerClock(page)) !== before) return t;
  }
  throw new Error(`the table did not move in ${limitMs} ms (still "${before}")`);
}

/** The model's gap before each event of the autoplayed chair game on this seed, at a pace. */
function modelGaps(seed: number, pace: Pace): { gaps: number[]; types: string[] } {
  const scenario = bundledScenario(SCENARIO);
  if (!scenario) throw new Error(SCENARIO);
  const { start, events } = autoplayGame(createEnv(scenario, bundledRoster()), seed, "chair");
  const beats = paceTimeline(paceTimings(pace), start, events);
  return {
    gaps: beats.map((b, i) => b.at - (beats[i - 1]?.at ?? 0)),
    types: beats.map((b) => `${b.event.type}${b.director ? "" : " (player)"}`),
  };
}

describe.skipIf(E2E_SKIP)("pace of a solo game in Chromium", () => {
  const harness = useHarness(180_000);

  it(
    "the scenario cards show the measured length at each pace, inside the card's range at standard",
    async () => {
      const tab = await openTab(harness(), DESKTOP);
      const { page } = tab;
      try {
        await page.goto("/");
        await waitPhase(page, "menu");
        await click(page, '[data-action="solo"]');
        await waitPhase(page, "scenarios");
        const cards = await measuredCards(page);
        expect(cards.length).toBe(4);
        for (const c of cards) {
          const m = /About (\d+) min at standard pace · (\d+) relaxed · (\d+) brisk/.exec(c.text);
          expect(m, c.text).not.toBeNull();
          const [standard, relaxed, brisk] = [m?.[1], m?.[2], m?.[3]].map(Number);
          expect(relaxed, c.id).toBeGreaterThan(standard ?? 0);
          expect(standard, c.id).toBeGreaterThan(brisk ?? 0);
          const range = cardRange(c.card);
          expect(range, c.card).not.toBeNull();
          expect(standard, `${c.id}: ${c.text} against "${c.card}"`).toBeGreaterThanOrEqual(range?.min ?? Infinity);
          expect(standard, `${c.id}: ${c.text} against "${c.card}"`).toBeLessThanOrEqual(range?.max ?? -Infinity);
        }
        expect(await everySize(tab, "pace-scenario-cards", "[data-lengths]")).toEqual([]);
        expect(tab.errors).toEqual([]);
      } finally {
        await tab.close();
      }
    },
    TEST_TIMEOUT,
  );

  it(
    "brisk chosen before the game is the table's pace; standard picked in the header slows the next step",
    async () => {
      const seed = 3;
      const brisk = modelGaps(seed, "brisk");
      const standard = modelGaps(seed, "standard");
      // The first steps of the game: begin, continue, two attribution steps, to consultation, two rounds.
      expect(brisk.types.slice(0, 7)).toEqual([
        "session.start (player)",
        "phase.advance (player)",
        "ai.round",
        "ai.round",
        "phase.advance",
        "ai.round",
        "ai.round",
      ]);
      const tab = await openTab(harness(), DESKTOP);
      const { page } = tab;
      try {
        await page.clock.install();
        await page.goto("/");
        await waitPhase(page, "menu");
        await click(page, '[data-action="solo"]');
        await waitPhase(page, "scenarios");
        await click(page, `[data-action="choose-scenario"][data-scenario="${SCENARIO}"]`);
        await waitPhase(page, "roles");
        expect(await page.locator('input[name="pace"]:checked').getAttribute("value")).toBe("standard");
        await page.locator('input[name="pace"][value="brisk"]').check();
        expect(await everySize(tab, "pace-chooser")).toEqual([]);
        expect(await page.evaluate(() => localStorage.getItem("case-by-case.pace"))).toBe("brisk");

        // The game link fixes the seed (the model times the same game); the pace is the one just chosen.
        await page.goto(`/?scenario=${SCENARIO}&seed=${seed}&role=chair`);
        await waitPhase(page, "briefing");
        expect(await page.locator("#pace-select").inputValue()).toBe("brisk");
        expect(await everySize(tab, "pace-header-briefing")).toEqual([]);
        // From here the page's clock only moves when the test runs it (no frames are drawn either).
        await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
        await click(page, '[data-action="begin"]');
        await waitPhase(page, "incident");
        await click(page, '[data-action="continue"]');
        await waitPhase(page, "attribution");

        // Brisk: the table's answer to "continue", then the wait after the first attribution step.
        const toFirst = await untilNextStep(page);
        expect(Math.abs(toFirst - (brisk.gaps[2] ?? 0))).toBeLessThanOrEqual(STEP_MS);
        const briskStep = await untilNextStep(page);
        expect(Math.abs(briskStep - (brisk.gaps[3] ?? 0))).toBeLessThanOrEqual(STEP_MS);
        await untilNextStep(page); // the Council turns to consultation (its wait was planned at brisk)
        expect(await page.locator("#pace-select").inputValue()).toBe("brisk");

        // Standard from the header: the step planned from now on takes standard's time.
        await page.locator("#pace-select").selectOption("standard");
        expect(await page.evaluate(() => localStorage.getItem("case-by-case.pace"))).toBe("standard");
        const toRound = await untilNextStep(page);
        expect(Math.abs(toRound - (brisk.gaps[5] ?? 0))).toBeLessThanOrEqual(STEP_MS);
        const standardRound = await untilNextStep(page);
        expect(Math.abs(standardRound - (standard.gaps[6] ?? 0))).toBeLessThanOrEqual(STEP_MS);
        expect(standardRound).toBeGreaterThan((brisk.gaps[6] ?? 0) + 10_000);
        await page.locator('.council-header [data-action="pause"]').click(); // hold the table for the pictures
        await page.clock.resume();
        expect(await everySize(tab, "pace-header-consultation")).toEqual([]);

        // Skip ahead and Pause stay beside the picker.
        expect(await page.locator('.council-header [data-action="skip"]').count()).toBe(1);
        expect(await page.locator('.council-header [data-action="pause"]').count()).toBe(1);
        expect(tab.errors).toEqual([]);
      } finally {
        await tab.close();
      }
    },
    TEST_TIMEOUT,
  );
});
