/**
 * End-to-end: the guide in Chromium — the guided first game from the menu to its debrief (its cards in order,
 * each holding the clock), the glossary from every screen and by keyboard alone, text size and high contrast,
 * the first-time offer, and hints with reasons. Needs Chromium (see harness.ts); skipped loudly without it.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { GUIDE_STEPS } from "../../src/ui/guide/steps.ts";
import { axeViolations, DESKTOP, E2E_SKIP, fitsWidth, openTab, type Tab, useHarness, VIEWPORTS } from "./harness.ts";

const TEST_TIMEOUT = 240_000;
const STEP_ORDER = GUIDE_STEPS.map((s) => s.id);

function nextFrames(page: Page): Promise<void> {
  return page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

function phase(page: Page): Promise<string> {
  return page.evaluate(() => document.getElementById("app")?.dataset.phase ?? "");
}

async function waitPhase(page: Page, phases: readonly string[], timeout = 60_000): Promise<string> {
  await page.waitForFunction((ps) => ps.includes(document.getElementById("app")?.dataset.phase ?? ""), phases, {
    timeout,
    polling: 100,
  });
  return phase(page);
}

/** Something that changes whenever the game or the guide moves. */
const STATE_KEY = `(() => {
  const log = document.querySelectorAll(".log-lines li");
  return [
    document.getElementById("app")?.dataset.phase,
    document.querySelector(".council-header .clock")?.textContent,
    log.length,
    document.querySelector(".guide-card")?.getAttribute("data-step") ?? "",
  ].join("|");
})()`;

async function waitForChange(page: Page, before: string, timeout = 20_000): Promise<void> {
  await page
    .waitForFunction(`${STATE_KEY} !== ${JSON.stringify(before)}`, undefined, { timeout, polling: 100 })
    .catch(() => {});
}

/** The step of the open guide card, or null. */
function openCard(page: Page): Promise<string | null> {
  return page.evaluate(() => document.querySelector(".guide-card")?.getAttribute("data-step") ?? null);
}

/** Presses a council header control from inside the page (the header may be redrawn under a mouse). */
function control(page: Page, action: "skip" | "pause"): Promise<boolean> {
  return page.evaluate((a) => {
    const button = document.querySelector<HTMLButtonElement>(`.council-header [data-action="${a}"]`);
    button?.click();
    return button !== null;
  }, action);
}

function activeDescription(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el ? `${el.tagName.toLowerCase()}#${el.id}[${el.dataset.action ?? ""}]` : "none";
  });
}

/** Presses Tab until the focused element matches `selector` (at most `limit` presses); true when it did. */
async function tabTo(page: Page, selector: string, limit = 40): Promise<boolean> {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return true;
    await page.keyboard.press("Tab");
  }
  return false;
}

/** Opens the glossary with the keyboard from the reading bar, filters it, and closes it with Escape. */
async function glossaryByKeyboard(page: Page, where: string, found: string[]): Promise<void> {
  expect(await tabTo(page, '.reading-bar [data-action="glossary"]'), `${where}: Tab reaches Glossary`).toBe(true);
  await page.keyboard.press("Enter");
  await page.waitForSelector("dialog.glossary[open]");
  expect(await activeDescription(page)).toBe("input#glossary-filter[]");
  await page.keyboard.type("silence");
  const visible = await page.locator(".glossary-entry:visible").count();
  expect(visible, `${where}: the filter narrows the list`).toBeGreaterThan(0);
  expect(visible).toBeLessThan(await page.locator(".glossary-entry").count());
  found.push(...(await axeViolations(page)).map((v) => `${where} glossary: ${v}`));
  await page.keyboard.press("Escape");
  await page.waitForSelector("dialog.glossary:not([open])", { state: "attached" });
  expect(await activeDescription(page), `${where}: focus returns to the Glossary button`).toBe("button#[glossary]");
}

/** Screenshots at every size (scrolled to `selector` when given); checks no sideways scroll. */
async function shots(tab: Tab, name: string, layout: string[], selector?: string): Promise<void> {
  const { page } = tab;
  for (const size of VIEWPORTS) {
    await page.setViewportSize(size);
    await nextFrames(page);
    if (selector) await page.locator(selector).first().scrollIntoViewIfNeeded();
    const fit = await fitsWidth(page);
    if (!fit.fits) layout.push(`${name} at ${size.width}: scrollWidth ${fit.scrollWidth}`);
    await tab.shot(name);
  }
  await page.setViewportSize(DESKTOP);
  await nextFrames(page);
}

describe.skipIf(E2E_SKIP)("the guide in Chromium", () => {
  const harness = useHarness(240_000);

  it(
    "the guided first game from the menu to its debrief: cards in order, each holding the clock; the glossary by keyboard on the menu, the council and the debrief",
    async () => {
      const tab = await openTab(harness(), DESKTOP);
      const { page } = tab;
      const found: string[] = [];
      const layout: string[] = [];
      const cards: string[] = [];
      try {
        await page.goto("/");
        await waitPhase(page, ["menu"]);
        await glossaryByKeyboard(page, "menu", found);
        found.push(...(await axeViolations(page)).map((v) => `menu: ${v}`));
        await page.click('[data-action="guided"]');
        await waitPhase(page, ["briefing"]);
        expect(await page.locator(".council-header .seat-label").textContent()).toContain("Estonia");

        // The first card: focused, pointing at the briefing; its terms open the glossary at their entry.
        await page.waitForSelector('.guide-card[data-step="council"]');
        expect(await activeDescription(page)).toBe("h2#guide-title[]");
        expect(await page.evaluate(() => document.documentElement.dataset.guideLook)).toBe("briefing");
        expect(await page.locator(".panel.briefing").evaluate((el) => getComputedStyle(el).outlineStyle)).toBe("solid");
        found.push(...(await axeViolations(page)).map((v) => `guide card: ${v}`));
        await shots(tab, "guide-card-briefing", layout);
        expect(await tabTo(page, '.guide-card [data-term="consensus"]'), "Tab reaches a glossary term").toBe(true);
        await page.keyboard.press("Enter");
        await page.waitForSelector("dialog.glossary[open]");
        expect(await activeDescription(page)).toBe("dt#glossary-consensus[]");
        expect(await page.locator(".glossary-entry.current dt").textContent()).toBe("Consensus");
        found.push(...(await axeViolations(page)).map((v) => `glossary at a term: ${v}`));
        await shots(tab, "guide-glossary-term", layout);
        await page.keyboard.press("Escape");
        expect(await activeDescription(page), "focus back on the term").toBe("button#[glossary-term]");
        // The glossary from the council header, by keyboard.
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        await glossaryByKeyboard(page, "council", found);

        // Play on, reading each card: Got it by keyboard; the clock holds while a card is open.
        let checkedHold = false;
        const deadline = Date.now() + 200_000;
        while (Date.now() < deadline) {
          const before = (await page.evaluate(STATE_KEY)) as string;
          const now = await phase(page);
          const step = await openCard(page);
          if (step) {
            if (!cards.includes(step)) cards.push(step);
            if (now === "debrief") break;
            if (!checkedHold && now === "consultation") {
              checkedHold = true;
              const clock = await page.textContent(".council-header .clock");
              const lines = await page.locator(".log-lines li").count();
              await page.waitForTimeout(3500);
              expect(await page.textContent(".council-header .clock"), "the clock holds under a card").toBe(clock);
              expect(await page.locator(".log-lines li").count()).toBe(lines);
              await shots(tab, `guide-card-${step}`, layout);
            }
            if (step === "silence") await shots(tab, "guide-card-silence", layout);
            await page.focus('.guide-card [data-action="guide-ok"]');
            await page.keyboard.press("Enter");
          } else if (now === "debrief") {
            await page.waitForSelector(".guide-card", { timeout: 10_000 });
            continue;
          } else if (now === "briefing") await page.click('[data-action="begin"]');
          else if (now === "incident") await page.click('[data-action="continue"]');
          else await control(page, "skip");
          await waitForChange(page, before);
        }
        expect(await phase(page)).toBe("debrief");
        expect(cards.at(-1)).toBe("debrief");
        expect(cards, "cards in the guide's order").toEqual(
          [...cards].sort((a, b) => STEP_ORDER.indexOf(a as never) - STEP_ORDER.indexOf(b as never)),
        );
        expect(cards).toEqual(
          expect.arrayContaining([
            "council",
            "incident",
            "attribution",
            "consultation",
            "silence",
            "decision",
            "response",
          ]),
        );
        expect(checkedHold, "a card was open during consultation").toBe(true);

        // The debrief card points at the outcome; the glossary opens from the debrief too.
        expect(await page.evaluate(() => document.documentElement.dataset.guideLook)).toBe("outcome");
        found.push(...(await axeViolations(page)).map((v) => `debrief card: ${v}`));
        await shots(tab, "guide-card-debrief", layout);
        await page.keyboard.press("Escape"); // Escape on a card is "Got it"
        await page.waitForSelector(".guide-card", { state: "detached" });
        expect(await page.evaluate(() => localStorage.getItem("case-by-case.guide"))).toBe("done");
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        await glossaryByKeyboard(page, "debrief", found);
        expect(found).toEqual([]);
        expect(layout, "no horizontal scroll").toEqual([]);
        expect(tab.errors).toEqual([]);
      } finally {
        await tab.close();
      }
    },
    TEST_TIMEOUT,
  );

  it(
    "text size and high contrast change the page's computed styles, persist over a reload, and stay axe clean",
    async () => {
      const tab = await openTab(harness(), DESKTOP);
      const { page } = tab;
      const found: string[] = [];
      const layout: string[] = [];
      const rootSize = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
      const paper = () =>
        page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--paper").trim());
      try {
        await page.goto("/?scenario=estonia-2007&seed=3&role=EST");
        await waitPhase(page, ["briefing"]);
        await page.waitForSelector("#room[data-ready]", { state: "attached", timeout: 60_000 });
        expect(await rootSize()).toBe("16px");
        const bodyBefore = await page.locator(".panel.briefing").evaluate((el) => getComputedStyle(el).fontSize);
        await page.click('[data-action="text-larger"]');
        expect(await rootSize()).toBe("20px");
        expect(await page.getAttribute('[data-action="text-larger"]', "aria-pressed")).toBe("true");
        expect(await page.locator(".panel.briefing").evaluate((el) => getComputedStyle(el).fontSize)).not.toBe(
          bodyBefore,
        );
        await page.click('[data-action="text-large"]');
        expect(await rootSize()).toBe("18px");
        await page.click('[data-action="contrast"]');
        expect(await page.getAttribute('[data-action="contrast"]', "aria-pressed")).toBe("true");
        expect(await paper()).toBe("#fff");
        expect(await page.locator(".council-header").evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
          "rgb(0, 0, 0)",
        );
        found.push(...(await axeViolations(page)).map((v) => `council, contrast: ${v}`));
        await shots(tab, "contrast-large-council", layout);
        // Kept over a reload, and on the menu.
        await page.reload();
        await waitPhase(page, ["briefing"]);
        expect(await rootSize()).toBe("18px");
        expect(await page.evaluate(() => document.documentElement.classList.contains("high-contrast"))).toBe(true);
        await page.click('[data-action="menu"]');
        await waitPhase(page, ["menu"]);
        await page.click('[data-action="text-larger"]');
        found.push(...(await axeViolations(page)).map((v) => `menu, contrast: ${v}`));
        await shots(tab, "contrast-larger-menu", layout);
        await page.click('[data-action="contrast"]');
        await page.click('[data-action="text-normal"]');
        expect(await rootSize()).toBe("16px");
        expect(await paper()).toBe("#f8fafc");
        expect(found).toEqual([]);
        expect(layout).toEqual([]);
        expect(tab.errors).toEqual([]);
      } finally {
        await tab.close();
      }
    },
    TEST_TIMEOUT,
  );

  it(
    "the first time someone plays, the scenario list offers the guide; accepting it guides the game chosen",
    async () => {
      const tab = await openTab(harness(), DESKTOP);
      const { page } = tab;
      try {
        await page.goto("/");
        await waitPhase(page, ["menu"]);
        await page.click('[data-action="solo"]');
        await waitPhase(page, ["scenarios"]);
        expect(await page.locator(".guide-offer").isVisible()).toBe(true);
        expect(await axeViolations(page)).toEqual([]);
        await tab.shot("guide-offer");
        await page.click('[data-action="guide-accept"]');
        expect(await page.locator(".guide-offer [role=status]").textContent()).toContain("The guide is on");
        await page.click('[data-action="choose-scenario"][data-scenario="estonia-2007"]');
        await waitPhase(page, ["roles"]);
        await page.click('[data-action="choose-role"][data-role="chair"]');
        await waitPhase(page, ["briefing"]);
        await page.waitForSelector('.guide-card[data-step="council"]');
        expect(await page.locator(".guide-card").textContent()).toContain("You chair it as Secretary General");
        // Skip the guide: no more cards, and the offer is not made again.
        await page.click('[data-action="guide-skip"]');
        await page.waitForSelector(".guide-card", { state: "detached" });
        await page.click('[data-action="begin"]');
        await waitPhase(page, ["incident"]);
        await page.waitForTimeout(500);
        expect(await openCard(page)).toBeNull();
        await page.click('[data-action="menu"]');
        await waitPhase(page, ["menu"]);
        await page.click('[data-action="solo"]');
        await waitPhase(page, ["scenarios"]);
        expect(await page.locator(".guide-offer").count()).toBe(0);
        expect(tab.errors).toEqual([]);
      } finally {
        await tab.close();
      }
    },
    TEST_TIMEOUT,
  );

  it(
    "Hint shows what the AI would do in the player's seat, with its reasons, and goes stale when the Council moves",
    async () => {
      const tab = await openTab(harness(), DESKTOP);
      const { page } = tab;
      const found: string[] = [];
      const layout: string[] = [];
      try {
        await page.goto("/?scenario=estonia-2007&seed=7&role=EST");
        await waitPhase(page, ["briefing"]);
        await page.click('[data-action="begin"]');
        await waitPhase(page, ["incident"]);
        await page.click('[data-action="continue"]');
        // Press Pause the moment consultation begins, then skip there.
        await page.evaluate(() => {
          const app = document.getElementById("app");
          if (!app) return;
          const observer = new MutationObserver(() => {
            if (app.dataset.phase !== "consultation") return;
            observer.disconnect();
            document.querySelector<HTMLButtonElement>('.council-header [data-action="pause"]')?.click();
          });
          observer.observe(app, { attributes: true, attributeFilter: ["data-phase"] });
        });
        await control(page, "skip");
        await waitPhase(page, ["consultation"]);
        await page.focus('[data-action="hint"]'); // the keyboard from here on
        await page.keyboard.press("Enter");
        const answer = page.locator("#hint-answer");
        await answer.locator(".hint-move").waitFor();
        expect(await answer.locator(".hint-move").textContent()).toMatch(/The AI would: State your position: /);
        const reasons = await answer.locator(".hint-reasons li").allTextContents();
        expect(reasons.length).toBeGreaterThan(0);
        for (const r of reasons) expect(r).not.toMatch(/[a-z]+_[a-z]+:/);
        found.push(...(await axeViolations(page)).map((v) => `hint: ${v}`));
        await shots(tab, "guide-hint", layout, ".guide-hint");
        await control(page, "pause"); // resume: the next round makes the hint stale
        await answer.locator("text=ask again for a fresh hint").waitFor({ timeout: 30_000 });
        expect(found).toEqual([]);
        expect(layout).toEqual([]);
        expect(tab.errors).toEqual([]);
      } finally {
        await tab.close();
      }
    },
    TEST_TIMEOUT,
  );
});
