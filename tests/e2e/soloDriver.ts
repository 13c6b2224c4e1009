/**
 * Driving a solo game in Chromium from a test: reading the phase, pressing the header's Pause and Skip ahead,
 * waiting for the chair's move, and screenshots of one part of the page at every size. Shared by the desk tests.
 */
import type { Page } from "playwright-core";
import { fitsWidth, type Tab, VIEWPORTS } from "./harness.ts";
import { control, phase, waitPhase } from "./roomProbe.ts";

export { control, pauseWhenPhase, phase, waitPhase } from "./roomProbe.ts";

// --- Reading and pacing the page (see solo.test.ts for why most of this happens inside the page) ----------

export function click(page: Page, action: string, extra = ""): Promise<void> {
  return page.click(`[data-action="${action}"]${extra}`, { timeout: 30_000 });
}

/** True while the game is paused. */
export function paused(page: Page): Promise<boolean> {
  return page.evaluate(() => document.querySelector('.council-header [data-action="pause"]')?.textContent === "Resume");
}

/** Presses Pause unless paused already. */
export async function hold(page: Page): Promise<void> {
  if (!(await paused(page))) await control(page, "pause");
}

/** Presses Resume if paused. */
export async function release(page: Page): Promise<void> {
  if (await paused(page)) await control(page, "pause");
}

/** The consultation round the chair's desk is in, and the last one, e.g. [2, 4]. */
export async function roundOf(page: Page): Promise<[number, number]> {
  const form = page.locator("form.draft");
  return [Number((await form.getAttribute("data-round")) ?? -1), Number((await form.getAttribute("data-max")) ?? -1)];
}

/** Waits until the consultation rounds are spent: the chair's move. */
export async function roundsSpent(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const form = document.querySelector<HTMLElement>("form.draft");
      return form !== null && form.dataset.round === form.dataset.max;
    },
    null,
    { timeout: 90_000, polling: 100 },
  );
}

/** From the briefing, begins and moves on to attribution. */
export async function beginGame(page: Page): Promise<void> {
  await waitPhase(page, ["briefing"]);
  await click(page, "begin");
  await waitPhase(page, ["incident"]);
  await click(page, "continue");
  await waitPhase(page, ["attribution", "consultation"]);
}

/** Skips ahead until the debrief (each press runs the AI to the player's next decision; incident cards are read). */
export async function skipToDebrief(page: Page, timeout = 120_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const now = await phase(page);
    if (now === "debrief") return;
    // An incident card waits for the player to read it.
    if (now === "incident")
      await page.evaluate(() => document.querySelector<HTMLElement>('[data-action="continue"]')?.click());
    await release(page);
    await control(page, "skip");
    await page
      .waitForFunction(() => document.getElementById("app")?.dataset.phase === "debrief", null, {
        timeout: 3_000,
        polling: 200,
      })
      .catch(() => {});
  }
  throw new Error(`no debrief; now ${await phase(page)}`);
}

/** Screenshots of `selector` scrolled into view at each size (no sideways scroll); the list of layout faults. */
export async function shots(tab: Tab, name: string, selector: string): Promise<string[]> {
  const { page } = tab;
  const faults: string[] = [];
  for (const size of VIEWPORTS) {
    await page.setViewportSize(size);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.locator(selector).first().scrollIntoViewIfNeeded();
    const fit = await fitsWidth(page);
    if (!fit.fits) faults.push(`${name} at ${size.width}: scrollWidth ${fit.scrollWidth}`);
    await tab.shot(name);
  }
  await page.setViewportSize(tab.viewport);
  return faults;
}

/** The chair's draft as the form shows it: ticked measures, their wordings, the measures decided separately. */
export function draftOnPage(page: Page) {
  return page.evaluate(() => {
    const ticked = [...document.querySelectorAll<HTMLInputElement>('form.draft input[name="measure"]:checked')];
    const measures = ticked.map((i) => i.value);
    const wording: Record<string, string> = {};
    for (const m of measures) {
      const select = document.getElementById(`wording-${m}`) as HTMLSelectElement | null;
      if (select) wording[m] = select.value;
    }
    const split = [...document.querySelectorAll<HTMLInputElement>('form.draft input[name="separate"]:checked')].map(
      (i) => i.value,
    );
    return { measures, wording, split };
  });
}
