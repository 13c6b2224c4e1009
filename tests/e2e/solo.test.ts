/**
 * End-to-end: solo games in Chromium against the built game, clicking the UI as a player would.
 * Needs Chromium (see harness.ts); skipped loudly without it.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  axeViolations,
  DESKTOP,
  E2E_SKIP,
  fitsWidth,
  LAPTOP,
  openTab,
  PHONE,
  type Tab,
  useHarness,
  VIEWPORTS,
} from "./harness.ts";

const TEST_TIMEOUT = 180_000;
/** Screens audited with axe-core (during the 1920×1080 chair game), and what was found on each. */
const AUDITED = ["menu", "council-briefing", "council-consultation", "council-decision", "debrief"];
const audits = new Map<string, string[]>();
const COUNCIL_PHASES = ["briefing", "incident", "attribution", "consultation", "decision", "response"];

// --- Reading the page -------------------------------------------------------------------------------------
// Each call is a round trip to a page whose main thread is shared with a WebGL room drawn in software, so the
// helpers look once and wait inside the page.

/** Resolves after the page has painted twice (e.g. after a resize, before a screenshot). */
function nextFrames(page: Page): Promise<void> {
  return page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

function phase(page: Page): Promise<string> {
  return page.evaluate(() => document.getElementById("app")?.dataset.phase ?? "");
}

async function waitPhase(page: Page, phases: readonly string[], timeout = 30_000): Promise<string> {
  await page.waitForFunction((ps) => ps.includes(document.getElementById("app")?.dataset.phase ?? ""), phases, {
    timeout,
    polling: 100,
  });
  return phase(page);
}

/** In-page expression for something that changes whenever the game moves (phase, clock, log, actions). */
const STATE_KEY = `(() => {
  const log = document.querySelectorAll(".log-lines li");
  return [
    document.getElementById("app")?.dataset.phase,
    document.querySelector(".council-header .clock")?.textContent,
    log.length,
    log[log.length - 1]?.textContent,
    document.querySelector(".slot-actions")?.textContent,
  ].join("|");
})()`;

function stateKey(page: Page): Promise<string> {
  return page.evaluate(STATE_KEY) as Promise<string>;
}

/** Waits (up to `timeout`) for the game to move on from `before`; the caller looks again either way. */
async function waitForChange(page: Page, before: string, timeout = 15_000): Promise<void> {
  await page
    .waitForFunction(`${STATE_KEY} !== ${JSON.stringify(before)}`, undefined, { timeout, polling: 100 })
    .catch(() => {});
}

/** Waits until the council room has been drawn, and returns how ("true", or "fallback" if it could not be). */
async function roomState(page: Page): Promise<string> {
  await page.waitForSelector("#room[data-ready]", { state: "attached", timeout: 30_000 });
  return (await page.getAttribute("#room", "data-ready")) ?? "";
}

/** A real mouse click on the `data-action` button (Playwright waits until it is visible, stable and enabled). */
function click(page: Page, action: string, extra = ""): Promise<void> {
  return page.click(`[data-action="${action}"]${extra}`, { timeout: 30_000 });
}

/**
 * Presses a council header control (Skip ahead, Pause) and says whether it was there. The header is rebuilt on
 * every engine event, so while the AI is running the button is replaced many times a second and a mouse click,
 * which needs the element to stay put for two frames, may never land: the button that is there now is clicked
 * from inside the page instead. It does not wait: when the game has just ended there is no control to press.
 */
function control(page: Page, action: "skip" | "pause"): Promise<boolean> {
  return page.evaluate((a) => {
    const button = document.querySelector<HTMLButtonElement>(`.council-header [data-action="${a}"]`);
    button?.click();
    return button !== null;
  }, action);
}

/** Presses Pause unless the game is paused already (or over); true when it did. */
function hold(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const button = document.querySelector<HTMLButtonElement>('.council-header [data-action="pause"]');
    if (!button || button.textContent === "Resume") return false;
    button.click();
    return true;
  });
}

/** Arms the page to press Pause as soon as `#app` enters `phase` (faster than any round trip could). */
function pauseWhenPhase(page: Page, phase: string): Promise<void> {
  return page.evaluate((wanted) => {
    const app = document.getElementById("app");
    if (!app) return;
    const observer = new MutationObserver(() => {
      if (app.dataset.phase !== wanted) return;
      observer.disconnect();
      document.querySelector<HTMLButtonElement>('.council-header [data-action="pause"]')?.click();
    });
    observer.observe(app, { attributes: true, attributeFilter: ["data-phase"] });
  }, phase);
}

// --- Playing ----------------------------------------------------------------------------------------------

interface PlayOptions {
  you: string; // "chair" or an ally's ISO3 code
  /** Called the first time each phase is seen (screenshots, axe, layout checks). */
  onFirst?(phase: string): Promise<void>;
  /** Handles a step itself; returns true when it did (then the default move is not made). */
  custom?(phase: string): Promise<boolean>;
  timeoutMs?: number;
}

/**
 * The chair, in consultation: let the rounds run out, then tick the draft — untick one of the Secretariat's
 * measures and tick it again (or tick the first measure if none is suggested) — and table it.
 */
async function chairTables(page: Page): Promise<void> {
  const m = /Round (\d+) of (\d+)/.exec((await page.locator("form.draft p").first().textContent()) ?? "");
  if (m && Number(m[1]) < Number(m[2])) {
    expect(await control(page, "skip")).toBe(true);
    await page.waitForFunction(
      (max) => document.querySelector("form.draft p")?.textContent?.includes(`Round ${max} of ${max}`) ?? false,
      m[2],
      { timeout: 30_000, polling: 100 },
    );
  }
  const values = await page
    .locator('input[name="measure"]')
    .evaluateAll((els) => (els as HTMLInputElement[]).map((e) => ({ value: e.value, checked: e.checked })));
  const suggested = values.filter((v) => v.checked).map((v) => v.value);
  const box = (value: string) => page.locator(`input[name="measure"][value="${value}"]`);
  const first = suggested[0];
  if (first) {
    await box(first).uncheck();
    expect(await page.locator('input[name="measure"]:checked').count()).toBe(suggested.length - 1);
    await box(first).check();
  } else {
    const any = values[0]?.value;
    if (!any) throw new Error("no measure to table");
    await box(any).check();
  }
  expect(await page.locator('input[name="measure"]:checked').count()).toBe(Math.max(1, suggested.length));
  await click(page, "table");
}

/** Plays from wherever the council is to the debrief, using Skip ahead to keep it fast. Returns the phases seen. */
async function playToDebrief(tab: Tab, options: PlayOptions): Promise<string[]> {
  const { page } = tab;
  const seen: string[] = [];
  const deadline = Date.now() + (options.timeoutMs ?? 150_000);
  let steps = 0;
  while (Date.now() < deadline) {
    const before = await stateKey(page);
    const now = before.split("|")[0] ?? "";
    if (now === "debrief") return seen;
    if (!COUNCIL_PHASES.includes(now)) throw new Error(`left the council for "${now}"`);
    if (!seen.includes(now)) {
      // Hold the game still while this phase is looked at (unless the player had paused it already).
      const held = await hold(page);
      if ((await phase(page)) === now) {
        seen.push(now);
        await options.onFirst?.(now);
      }
      if (held) await control(page, "pause");
      continue; // look again before acting
    }
    if (!(await options.custom?.(now))) {
      if (now === "briefing") await click(page, "begin");
      else if (now === "incident") await click(page, "continue");
      else if (now === "consultation" && options.you === "chair") await chairTables(page);
      else await control(page, "skip");
    }
    await waitForChange(page, before);
    steps++;
  }
  throw new Error(`no debrief after ${steps} steps; phases seen: ${seen.join(", ")}; now ${await phase(page)}`);
}

// --- The tests --------------------------------------------------------------------------------------------

describe.skipIf(E2E_SKIP)("solo game in Chromium", () => {
  const harness = useHarness(180_000);

  it(
    "chairs a game from the menu to the debrief; every screen at 1920×1080, 1366×768 and 390×844",
    async () => {
      const tab = await openTab(harness(), DESKTOP);
      const { page } = tab;
      const layout: string[] = [];
      /** Looks at the screen at every size: no sideways scroll, axe (at 1920×1080), a screenshot. */
      const screen = async (name: string) => {
        for (const size of VIEWPORTS) {
          await page.setViewportSize(size);
          await nextFrames(page);
          const fit = await fitsWidth(page);
          if (!fit.fits) layout.push(`${name}: scrollWidth ${fit.scrollWidth} > innerWidth ${fit.innerWidth}`);
          if (size === DESKTOP && AUDITED.includes(name)) audits.set(name, await axeViolations(page));
          await tab.shot(name);
        }
        await page.setViewportSize(DESKTOP);
      };
      try {
        await page.goto("/");
        expect(await waitPhase(page, ["menu"])).toBe("menu");
        expect(await page.locator('[data-action="continue"]').count()).toBe(0); // a fresh context has no autosave
        await screen("menu");
        await click(page, "solo");
        await waitPhase(page, ["scenarios"]);
        await screen("scenarios");
        await click(page, "choose-scenario", '[data-scenario="estonia-2007"]');
        await waitPhase(page, ["roles"]);
        await screen("roles");
        await click(page, "choose-role", '[data-role="chair"]');
        await waitPhase(page, ["briefing"]);
        expect(await page.locator(".council-header .seat-label").textContent()).toContain("chair");

        const seen = await playToDebrief(tab, {
          you: "chair",
          onFirst: async (p) => {
            expect(await roomState(page), "the council room is drawn").toBe("true");
            await screen(`council-${p}`);
          },
        });
        expect(seen).toEqual(
          expect.arrayContaining(["briefing", "incident", "attribution", "consultation", "decision"]),
        );

        await waitPhase(page, ["debrief"]);
        expect(await page.locator("h1#debrief-title").isVisible()).toBe(true);
        expect(await page.locator(".timeline li").count()).toBeGreaterThan(0);
        expect(await page.locator('[data-action="replay-same-seed"]').isVisible()).toBe(true);
        await screen("debrief");

        expect(layout, "no horizontal scroll").toEqual([]);
        expect(tab.errors, "no console or page errors").toEqual([]);
      } finally {
        await tab.close();
      }
    },
    TEST_TIMEOUT,
  );

  it("axe-core finds no serious or critical violations on the menu, the council and the debrief", () => {
    // The pages were audited during the chair game above (one game fewer to play).
    expect([...audits.keys()].sort(), "screens audited during the chair game").toEqual([...AUDITED].sort());
    const found = [...audits].flatMap(([name, violations]) => violations.map((v) => `${name}: ${v}`));
    expect(found).toEqual([]);
  });

  it(
    "on a phone (390×844) the menu leads to the council, and Begin is on screen and clickable without sideways scroll",
    async () => {
      const tab = await openTab(harness(), PHONE);
      const { page } = tab;
      const layout: string[] = [];
      const fits = async (name: string) => {
        const fit = await fitsWidth(page);
        if (!fit.fits) layout.push(`${name}: scrollWidth ${fit.scrollWidth} > innerWidth ${fit.innerWidth}`);
      };
      try {
        await page.goto("/");
        await waitPhase(page, ["menu"]);
        await fits("menu");
        await click(page, "solo");
        await waitPhase(page, ["scenarios"]);
        await fits("scenarios");
        await click(page, "choose-scenario", '[data-scenario="estonia-2007"]');
        await waitPhase(page, ["roles"]);
        await fits("roles");
        await click(page, "choose-role", '[data-role="EST"]');
        await waitPhase(page, ["briefing"]);
        expect(await roomState(page)).toBe("true");
        await fits("council-briefing");
        const begin = page.locator('[data-action="begin"]');
        await begin.scrollIntoViewIfNeeded();
        expect(await begin.isVisible()).toBe(true);
        const box = await begin.boundingBox();
        expect(box, "the Begin button has a box").not.toBeNull();
        if (box) {
          expect(box.x).toBeGreaterThanOrEqual(0);
          expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
          expect(box.y).toBeGreaterThanOrEqual(0);
          expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
        }
        await tab.shot("phone-council-begin");
        await begin.click({ timeout: 30_000 });
        await waitPhase(page, ["incident"]);
        await fits("council-incident");
        await click(page, "continue");
        await waitPhase(page, ["attribution", "consultation"]);
        await fits("council-attribution");
        expect(layout, "no horizontal scroll").toEqual([]);
        expect(tab.errors).toEqual([]);
      } finally {
        await tab.close();
      }
    },
    TEST_TIMEOUT,
  );

  it(
    "an ally (Estonia) states, breaks silence once with a reason shown as text, and reaches the debrief",
    async () => {
      const tab = await openTab(harness(), LAPTOP);
      const { page } = tab;
      const reason = "Our parliament has not <b>html</b> approved this & we object";
      let stated = false;
      let broke = false;
      try {
        await page.goto("/?scenario=estonia-2007&seed=1&role=EST");
        await waitPhase(page, ["briefing"]);
        expect(await page.locator(".council-header .seat-label").textContent()).toContain("Estonia");
        await playToDebrief(tab, {
          you: "EST",
          onFirst: async (p) => {
            expect(await roomState(page), "the council room is drawn").toBe("true");
            await tab.shot(`ally-council-${p}`);
          },
          custom: async (p) => {
            if (p === "attribution" && !stated) {
              // Skip ahead would run through the consultation rounds: press Pause the moment they begin.
              await pauseWhenPhase(page, "consultation");
              expect(await control(page, "skip")).toBe(true);
              await waitPhase(page, ["consultation", "decision"], 60_000);
              return true;
            }
            if (p === "consultation" && !stated) {
              stated = true;
              if ((await page.textContent('.council-header [data-action="pause"]')) !== "Resume")
                expect(await control(page, "pause")).toBe(true); // hold the rounds while the statement is drafted
              await page.check('input[name="stance"][value="undecided"]');
              await click(page, "state");
              await page
                .locator(".log-lines li", { hasText: "Estonia is undecided on the working text" })
                .first()
                .waitFor();
              expect(await control(page, "pause")).toBe(true); // resume
              return true;
            }
            if (p === "decision" && !broke) {
              broke = true;
              await page.fill("#break-reason", reason);
              await click(page, "break-silence");
              const line = page.locator(".log-lines li.break", { hasText: "Estonia breaks silence" });
              await line.waitFor();
              // The reason is shown as typed, as text: the markup is visible and no <b> element was made of it.
              expect(await line.textContent()).toContain(reason);
              expect(await line.locator("b").count()).toBe(0);
              expect(await page.locator("#app b").count()).toBe(0);
              expect(await page.locator(".slot-actions").textContent()).toContain("You have broken silence.");
              await tab.shot("ally-council-decision-broken");
              return true;
            }
            return false;
          },
        });
        expect(stated, "made a statement").toBe(true);
        expect(broke, "broke silence").toBe(true);
        await waitPhase(page, ["debrief"]);
        await tab.shot("ally-debrief");
        expect(await page.locator(".timeline").textContent()).toMatch(/silence broken by [^—]*Estonia/);
        expect(tab.errors).toEqual([]);
      } finally {
        await tab.close();
      }
    },
    TEST_TIMEOUT,
  );

  it(
    "an ally (Estonia) argues in its statement, holds corridor talks, and keeps silence with a reservation",
    async () => {
      const tab = await openTab(harness(), LAPTOP);
      const { page } = tab;
      const said = "Our networks were hit & we <i>ask</i> for solidarity";
      const reservation = "Estonia reads this text as a <b>first</b> step & not the last";
      const layout: string[] = [];
      const found: string[] = [];
      /** Screenshots of `selector` (scrolled into view) at 1366×768 and 390×844, checking the width at each. */
      const shots = async (name: string, selector: string) => {
        for (const size of [LAPTOP, PHONE]) {
          await page.setViewportSize(size);
          await nextFrames(page);
          await page.locator(selector).first().scrollIntoViewIfNeeded();
          const fit = await fitsWidth(page);
          if (!fit.fits) layout.push(`${name} at ${size.width}: scrollWidth ${fit.scrollWidth}`);
          await tab.shot(name);
        }
        await page.setViewportSize(LAPTOP);
        await nextFrames(page);
      };
      let stated = false;
      let reserved = false;
      try {
        await page.goto("/?scenario=estonia-2007&seed=2&role=EST");
        await waitPhase(page, ["briefing"]);
        await playToDebrief(tab, {
          you: "EST",
          custom: async (p) => {
            if (p === "attribution" && !stated) {
              await pauseWhenPhase(page, "consultation");
              expect(await control(page, "skip")).toBe(true);
              await waitPhase(page, ["consultation", "decision"], 60_000);
              return true;
            }
            if (p === "consultation" && !stated) {
              stated = true;
              await hold(page);
              // A statement with an argument and the delegate's own words.
              await page.check('input[name="stance"][value="undecided"]');
              await page.check('input[name="argument"][value="solidarity"]');
              await page.fill("#statement-text", said);
              await shots("ally-statement", "fieldset.arguments");
              await click(page, "state");
              const statement = page
                .locator(".log-lines li.statement", { hasText: "Estonia is undecided on the working text" })
                .first();
              await statement.waitFor();
              expect(await statement.textContent()).toContain("argues for solidarity with the allies attacked");
              expect(await statement.textContent()).toContain(said);
              await page
                .locator(".log-lines li.argument", { hasText: "Estonia argues for solidarity" })
                .first()
                .waitFor();

              // Corridor talks with Hungary about sanctions, offering reassurance.
              const capital = await page.textContent("#talks-capital");
              await page.selectOption("#talk-with", "HUN");
              await page.check('input[name="offer"][value="reassurance"]');
              await page.selectOption("#talk-measure", "sanctions");
              await click(page, "talk");
              const heard = page.locator(".talks .talk-history li", {
                hasText: "met Hungary about coordinated sanctions",
              });
              await heard.first().waitFor();
              expect(await page.locator(".talks .talk-history").textContent()).toMatch(
                /Hungary would (not )?accept coordinated sanctions/,
              );
              expect(await page.textContent("#talks-capital")).not.toBe(capital); // the talk spent capital
              // Hungary's dossier shows what Estonia heard.
              await page.click('[data-action="select-seat"][data-seat="HUN"]');
              await page.locator("#dossier", { hasText: "What you heard in corridor talks" }).waitFor();
              found.push(...(await axeViolations(page)).map((v) => `consultation: ${v}`));
              await shots("ally-talks", ".talks");
              await shots("ally-dossier-talks", "#dossier .talk-history");
              await control(page, "pause"); // resume
              return true;
            }
            if (p === "decision" && !reserved) {
              reserved = true;
              await hold(page); // hold the countdown while the reservation is written
              await page.fill("#reserve-text", reservation);
              await shots("ally-silence-choices", ".choice.reserve");
              found.push(...(await axeViolations(page)).map((v) => `decision: ${v}`));
              await click(page, "reserve");
              const line = page.locator(".log-lines li.reserve", {
                hasText: "Estonia keeps silence with a reservation",
              });
              await line.waitFor();
              expect(await line.textContent()).toContain(reservation);
              expect(await page.locator("#app b, #app i").count(), "what players write stays text").toBe(0);
              expect(await page.locator(".slot-actions").textContent()).toContain("with a reservation on record");
              await shots("ally-reserved", ".log-lines li.reserve");
              await control(page, "pause"); // resume
              return true;
            }
            return false;
          },
        });
        expect(stated, "made a statement").toBe(true);
        expect(reserved, "kept silence with a reservation").toBe(true);
        expect(layout, "no horizontal scroll").toEqual([]);
        expect(found, "axe: no serious or critical violations").toEqual([]);
        expect(tab.errors).toEqual([]);
      } finally {
        await tab.close();
      }
    },
    TEST_TIMEOUT,
  );

  it(
    "the chair (NotPetya) tables a draft with a softened measure decided separately; the log shows the wording",
    async () => {
      const tab = await openTab(harness(), LAPTOP);
      const { page } = tab;
      const layout: string[] = [];
      let tabled = false;
      try {
        await page.goto("/?scenario=notpetya-2017&seed=1&role=chair");
        await waitPhase(page, ["briefing"]);
        await playToDebrief(tab, {
          you: "chair",
          custom: async (p) => {
            if (p !== "consultation" || tabled) return false;
            tabled = true;
            // Let the rounds run out (the form is rebuilt each round), then build the draft.
            const m = /Round (\d+) of (\d+)/.exec((await page.locator("form.draft p").first().textContent()) ?? "");
            if (m && Number(m[1]) < Number(m[2])) {
              expect(await control(page, "skip")).toBe(true);
              await page.waitForFunction(
                (max) =>
                  document.querySelector("form.draft p")?.textContent?.includes(`Round ${max} of ${max}`) ?? false,
                m[2],
                { timeout: 30_000, polling: 100 },
              );
            }
            await page.check('input[name="measure"][value="concern"]');
            await page.check('input[name="measure"][value="sanctions"]');
            // The options of a ticked measure show; an unticked one's stay hidden.
            expect(await page.locator("#wording-sanctions").isVisible()).toBe(true);
            await page.selectOption("#wording-sanctions", "soft");
            await page.check('input[name="separate"][value="sanctions"]');
            expect(await page.locator("#wording-article4").count(), "treaty procedures have one wording").toBe(0);
            for (const size of [LAPTOP, PHONE]) {
              await page.setViewportSize(size);
              await nextFrames(page);
              await page.locator("#wording-sanctions").scrollIntoViewIfNeeded();
              const fit = await fitsWidth(page);
              if (!fit.fits) layout.push(`chair-draft at ${size.width}: scrollWidth ${fit.scrollWidth}`);
              await tab.shot("chair-draft-wording");
            }
            await page.setViewportSize(LAPTOP);
            const axe = await axeViolations(page);
            expect(axe, "axe on the draft form").toEqual([]);
            await click(page, "table");
            const line = page.locator(".log-lines li.table").first();
            await line.waitFor();
            const text = (await line.textContent()) ?? "";
            expect(text).toContain("Coordinated sanctions decided separately");
            expect(text).toContain("Consider coordinated sanctions");
            await waitPhase(page, ["decision"]);
            expect(await page.locator(".silence p").first().textContent()).toContain(
              "Consider coordinated sanctions (decided separately)",
            );
            for (const size of [LAPTOP, PHONE]) {
              await page.setViewportSize(size);
              await nextFrames(page);
              await page.locator(".slot-actions .silence").scrollIntoViewIfNeeded();
              await tab.shot("chair-draft-tabled");
              await line.scrollIntoViewIfNeeded();
              await tab.shot("chair-draft-tabled-log");
            }
            await page.setViewportSize(LAPTOP);
            return true;
          },
        });
        expect(tabled, "tabled the worded draft").toBe(true);
        expect(layout, "no horizontal scroll").toEqual([]);
        expect(tab.errors).toEqual([]);
      } finally {
        await tab.close();
      }
    },
    TEST_TIMEOUT,
  );

  it(
    "resumes after a reload, and from the menu, at the same phase and clock",
    async () => {
      const tab = await openTab(harness(), LAPTOP);
      const { page } = tab;
      const snapshot = () =>
        page.evaluate(() => ({
          phase: document.getElementById("app")?.dataset.phase,
          clock: document.querySelector(".council-header .clock")?.textContent,
          log: [...document.querySelectorAll(".log-lines li")].map((li) => li.textContent),
          draft: document.querySelector(".silence p")?.textContent ?? null,
          events: (JSON.parse(localStorage.getItem("case-by-case.autosave") ?? "{}").events ?? []).length as number,
        }));
      try {
        await page.goto("/");
        await click(page, "solo");
        await click(page, "choose-scenario", '[data-scenario="estonia-2007"]');
        await click(page, "choose-role", '[data-role="chair"]');
        await waitPhase(page, ["briefing"]);
        await click(page, "begin");
        await waitPhase(page, ["incident"]);

        // In the incident phase nothing moves until the player continues.
        const incident = await snapshot();
        await page.reload();
        await waitPhase(page, ["incident"]);
        expect(await snapshot()).toEqual(incident);
        expect(await roomState(page)).toBe("true");

        // Mid-decision: the draft is under silence procedure (20 s to the deadline); the state does not move.
        await click(page, "continue");
        await waitPhase(page, ["attribution"]);
        expect(await control(page, "skip")).toBe(true);
        await waitPhase(page, ["consultation"]);
        await chairTables(page);
        await waitPhase(page, ["decision"]);
        const decision = await snapshot();
        expect(decision.draft).toContain("Draft under silence procedure");
        expect(decision.events).toBeGreaterThan(incident.events);
        await page.reload();
        await waitPhase(page, ["decision"]);
        expect(await snapshot()).toEqual(decision);
        await tab.shot("resumed-council-decision");

        // The menu offers Continue while a game is unfinished, and it resumes the same state.
        await click(page, "menu");
        await waitPhase(page, ["menu"]);
        await click(page, "continue");
        await waitPhase(page, ["decision"]);
        expect(await snapshot()).toEqual(decision);

        // The resumed game goes on: Skip ahead ends the silence procedure.
        expect(await control(page, "skip")).toBe(true);
        await waitPhase(page, ["response", "consultation", "incident", "debrief"]);
        expect(tab.errors).toEqual([]);
      } finally {
        await tab.close();
      }
    },
    TEST_TIMEOUT,
  );

  it(
    "a game link draws the table at once: a seat clicked the moment it is ready opens its dossier, then flags appear",
    async () => {
      const tab = await openTab(harness(), LAPTOP);
      const { page } = tab;
      try {
        await page.goto("/?scenario=estonia-2007&seed=1&role=chair");
        await page.waitForFunction(() => document.getElementById("room")?.dataset.ready === "true", null, {
          timeout: 30_000,
          polling: 10,
        });
        // Straight away (the flags may still be loading): a seat's position from the room's own layout.
        const seat = await page.evaluate(() => {
          type Debug = { layout: { seats: Array<{ x: number; y: number; lines: string[] }> } | null };
          const host = document.querySelector(".council-room-canvas") as
            | (HTMLElement & { councilScene?: { debugState: Debug } })
            | null;
          const s = host?.councilScene?.debugState.layout?.seats[5];
          const box = host?.getBoundingClientRect();
          return s && box ? { x: box.left + s.x, y: box.top + s.y, name: s.lines.join(" ") } : null;
        });
        expect(seat, "the layout is there when the room says it is ready").not.toBeNull();
        if (!seat) return;
        await page.mouse.click(seat.x, seat.y);
        await page.waitForFunction(
          (name) => document.getElementById("dossier")?.textContent?.includes(name) ?? false,
          seat.name,
          { timeout: 10_000, polling: 50 },
        );
        await page.waitForFunction(
          () => {
            type Debug = { flags: number; layout: { seats: unknown[] } | null };
            const host = document.querySelector(".council-room-canvas") as
              | (HTMLElement & { councilScene?: { debugState: Debug } })
              | null;
            const state = host?.councilScene?.debugState;
            return state !== undefined && state.flags === state.layout?.seats.length;
          },
          null,
          { timeout: 30_000, polling: 100 },
        );
        await nextFrames(page);
        await tab.shot("council-link-flags");
        expect(tab.errors).toEqual([]);
      } finally {
        await tab.close();
      }
    },
    TEST_TIMEOUT,
  );

  it(
    "a game started from a link also resumes after a reload",
    async () => {
      const tab = await openTab(harness(), LAPTOP);
      const { page } = tab;
      try {
        await page.goto("/?scenario=estonia-2007&seed=1&role=chair");
        await waitPhase(page, ["briefing"]);
        await click(page, "begin");
        await waitPhase(page, ["incident"]);
        const before = await stateKey(page);
        await page.reload();
        await waitPhase(page, ["briefing", "incident"]);
        expect(await stateKey(page), "reloading the link must not start the game over").toBe(before);
        expect(tab.errors).toEqual([]);
      } finally {
        await tab.close();
      }
    },
    TEST_TIMEOUT,
  );

  it(
    "the autoplay link reaches the debrief in under a minute",
    async () => {
      const tab = await openTab(harness(), LAPTOP);
      const { page } = tab;
      try {
        const t0 = Date.now();
        await page.goto("/?scenario=estonia-2007&seed=4&role=EST&autoplay=1");
        await waitPhase(page, ["debrief"], 60_000);
        expect(Date.now() - t0).toBeLessThan(60_000);
        expect(await page.locator(".debrief .meta").first().textContent()).toContain("Seed 4");
        await tab.shot("autoplay-debrief");
        expect(tab.errors).toEqual([]);
      } finally {
        await tab.close();
      }
    },
    TEST_TIMEOUT,
  );
});
