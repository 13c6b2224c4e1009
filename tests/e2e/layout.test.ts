import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ClassroomHarness, click, startClassroomHarness } from "./classroomHarness.ts";
import { DESKTOP, E2E_SKIP, LAPTOP, openTab, PHONE, useHarness, VIEWPORTS } from "./harness.ts";
import {
  type Box,
  bubbleFaults,
  control,
  debug,
  everyoneSpeaks,
  inView,
  labelGaps,
  nextFrames,
  overlap,
  pauseWhenPhase,
  playUntil,
  rect,
  roomReady,
  roomSizes,
  waitPhase,
} from "./roomProbe.ts";

const TEST_TIMEOUT = 180_000;
const LABEL_REACH = 16; // px: the most a placard may sit from its flag's ring at 1366×768
const STAGGER_REACH = 56; // px: a placard moved inwards to clear its neighbours (32 allies), tied by a leader line

// --- The tests ---------------------------------------------------------------------------------------------

describe.skipIf(E2E_SKIP)("the room's layout in Chromium", () => {
  const harness = useHarness(180_000);

  it(
    "the canvas follows its host when the header wraps to two lines and back",
    async () => {
      const tab = await openTab(harness(), LAPTOP);
      const { page } = tab;
      try {
        await page.goto("/?scenario=estonia-2007&seed=1&role=EST");
        await roomReady(page);
        const check = async (what: string) => {
          await page.waitForTimeout(300);
          await nextFrames(page);
          const s = await roomSizes(page);
          expect(s.host, `${what}: the host fills the room`).toEqual(s.room);
          expect(s.canvases.length, `${what}: the room art and the scene`).toBe(2);
          for (const c of s.canvases) {
            expect(Math.abs(c.w - s.host.w), `${what}: canvas width`).toBeLessThanOrEqual(1);
            expect(Math.abs(c.h - s.host.h), `${what}: canvas height`).toBeLessThanOrEqual(1);
          }
          expect(s.laidOut, `${what}: the seats are laid out for the host's size`).toEqual(s.host);
          return s;
        };
        const one = await check("one-line header");
        // The room falls idle first (its game loop sleeps, as it does most of the time), then the header changes.
        await page.waitForFunction(
          () => {
            type Scene = { game: { loop: { running: boolean } } };
            const host = document.querySelector(".council-room-canvas") as
              | (HTMLElement & { councilScene?: Scene })
              | null;
            return host?.councilScene?.game.loop.running === false;
          },
          undefined,
          { timeout: 30_000, polling: 200 },
        );
        await page.evaluate(() => {
          const title = document.querySelector(".council-header h1");
          if (title) title.textContent = `${title.textContent} — ${"a long title that wraps the header ".repeat(4)}`;
        });
        const two = await check("two-line header");
        expect(two.headerH, "the header took another line").toBeGreaterThan(one.headerH + 15);
        await tab.shot("layout-header-wrapped");
        await page.setViewportSize({ width: 1000, height: 700 });
        await check("a narrower window");
        await page.setViewportSize(LAPTOP);
        await check("back to 1366×768");
        expect(tab.errors).toEqual([]);
      } finally {
        await tab.close();
      }
    },
    TEST_TIMEOUT,
  );

  it(
    "at 1366×768 every placard sits by its flag and the badge key shows (26 and 32 allies)",
    async () => {
      const tab = await openTab(harness(), LAPTOP);
      const { page } = tab;
      try {
        for (const [scenario, staggered] of [
          ["estonia-2007", 0], // 26 allies: every placard by its flag
          ["control-article-5", 6], // 32 allies: a few placards step inwards, none far
        ] as const) {
          await page.goto(`/?scenario=${scenario}&seed=1&role=chair`);
          await roomReady(page);
          await nextFrames(page);
          await tab.shot(`layout-room-${scenario}`);
          const d = await debug(page);
          const gaps = labelGaps(d).map((g, i) => ({ g: Math.round(g), i }));
          expect(gaps.length).toBeGreaterThanOrEqual(26);
          const stepped = gaps.filter(({ g }) => g > LABEL_REACH);
          expect(
            stepped.length,
            `${scenario}: placards more than ${LABEL_REACH} px from their flags`,
          ).toBeLessThanOrEqual(staggered);
          expect(
            stepped.filter(({ g }) => g > STAGGER_REACH),
            `${scenario}: placards far from their flags`,
          ).toEqual([]);
          expect(d.legend, `${scenario}: the badge key is shown`).not.toBeNull();
          const key = d.legend as Box;
          const l = d.layout;
          expect(
            key.x >= 0 && key.y >= 0 && key.x + key.w <= (l?.width ?? 0) && key.y + key.h <= (l?.height ?? 0),
          ).toBe(true);
          for (const s of l?.seats ?? []) expect(overlap(key, s.placard), "the key covers a placard").toBe(false);
        }
        expect(tab.errors).toEqual([]);
      } finally {
        await tab.close();
      }
    },
    TEST_TIMEOUT,
  );

  it(
    "speech bubbles never cover the centre title or each other while the Council talks; the room in each phase",
    async () => {
      const tab = await openTab(harness(), DESKTOP);
      const { page } = tab;
      const faults: string[] = [];
      let samples = 0;
      let withBubbles = 0;
      const sample = async () => {
        const d = await debug(page);
        if (!d) return;
        samples++;
        if (d.bubbleBoxes.length > 0) withBubbles++;
        faults.push(...bubbleFaults(d).map((f) => `${samples}: ${f}`));
      };
      try {
        await page.goto("/?scenario=estonia-2007&seed=3&role=EST");
        await roomReady(page);
        await playUntil(page, "decision", async (p) => {
          // The room in each phase at every size (looked at by a person), and the bubbles checked at each.
          const held = (await page.textContent('.council-header [data-action="pause"]')) === "Pause";
          if (held) await control(page, "pause");
          for (const size of VIEWPORTS) {
            await page.setViewportSize(size);
            await nextFrames(page);
            await sample();
            await tab.shot(`layout-phase-${p}`);
          }
          await page.setViewportSize(DESKTOP);
          if (held) await control(page, "pause");
          // While the Council talks, look at the bubbles often.
          if (p === "consultation" || p === "attribution") {
            for (let i = 0; i < 30; i++) {
              await sample();
              await page.waitForTimeout(120);
            }
          }
        });
        expect(samples).toBeGreaterThan(20);
        expect(withBubbles, "some samples caught bubbles").toBeGreaterThan(0);
        // Every seat and the chair speak at once (the busiest the room can be), at each size.
        for (const size of VIEWPORTS) {
          await page.setViewportSize(size);
          await nextFrames(page);
          await everyoneSpeaks(page);
          await nextFrames(page);
          const d = await debug(page);
          expect(d.bubbleBoxes.length, `${size.width}: bubbles showing`).toBeGreaterThan(3);
          faults.push(...bubbleFaults(d).map((f) => `everyone at ${size.width}: ${f}`));
          await tab.shot("layout-bubbles-everyone");
        }
        expect(faults).toEqual([]);
        expect(tab.errors).toEqual([]);
      } finally {
        await tab.close();
      }
    },
    TEST_TIMEOUT,
  );

  it(
    "Break silence is on screen, and its heading focused, when the silence procedure starts (1366×768 and a phone)",
    async () => {
      for (const size of [LAPTOP, PHONE]) {
        const tab = await openTab(harness(), size);
        const { page } = tab;
        try {
          await page.goto("/?scenario=estonia-2007&seed=1&role=EST");
          await roomReady(page);
          await playUntil(page, "consultation");
          // The player reads the log at the foot of the panel, as in the fault's report.
          await page.evaluate(() => {
            const panels = document.querySelector(".panels");
            if (panels) panels.scrollTop = panels.scrollHeight;
            window.scrollTo(0, document.body.scrollHeight);
          });
          await pauseWhenPhase(page, "decision");
          await playUntil(page, "decision");
          await page.locator('[data-action="break-silence"]').waitFor();
          await nextFrames(page);
          expect(await inView(page, '[data-action="break-silence"]'), `${size.width}: Break silence in view`).toBe(
            true,
          );
          expect(await inView(page, "#silence-countdown"), `${size.width}: the countdown in view`).toBe(true);
          expect(await page.evaluate(() => document.activeElement?.textContent ?? "")).toBe("Object to the draft");
          await tab.shot("layout-silence-starts");
          expect(tab.errors).toEqual([]);
        } finally {
          await tab.close();
        }
      }
    },
    TEST_TIMEOUT,
  );

  it(
    "on a phone the page is one screen tall and the table stays in sight while the player acts",
    async () => {
      const tab = await openTab(harness(), PHONE);
      const { page } = tab;
      try {
        await page.goto("/?scenario=estonia-2007&seed=1&role=EST");
        await roomReady(page);
        await tab.shot("layout-phone-briefing");
        await playUntil(page, "consultation");
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        expect(height, "the page is about one screen tall").toBeLessThanOrEqual(PHONE.height * 1.05);
        // Scroll to the statement form: the table is still wholly on screen above it.
        await page.locator('[data-action="state"]').scrollIntoViewIfNeeded();
        const room = await rect(page, "#room");
        const act = await rect(page, '[data-action="state"]');
        expect(room && room.top >= -1 && room.bottom <= room.vh + 1, "the table is on screen").toBe(true);
        expect(act && act.top >= (room?.bottom ?? 0) - 1 && act.bottom <= act.vh + 1, "the move is on screen").toBe(
          true,
        );
        expect((room?.bottom ?? 0) - (room?.top ?? 0), "the table is big enough to read").toBeGreaterThan(250);
        await tab.shot("layout-phone-acting");
        await page.evaluate(() => {
          const panels = document.querySelector(".panels");
          if (panels) panels.scrollTop = panels.scrollHeight;
        });
        await tab.shot("layout-phone-log");
        expect(tab.errors).toEqual([]);
      } finally {
        await tab.close();
      }
    },
    TEST_TIMEOUT,
  );
});

describe.skipIf(E2E_SKIP)("the projector in Chromium", () => {
  let h: ClassroomHarness;

  beforeAll(async () => {
    h = await startClassroomHarness();
  }, 180_000);

  afterAll(async () => {
    await h?.close();
  });

  it(
    "shows a banner when silence is broken, the delegate's name on their seat, and a log readable at 1920×1080",
    async () => {
      const fac = await openTab(h, LAPTOP);
      const ann = await openTab(h, LAPTOP);
      const proj = await openTab(h, DESKTOP);
      const tabs = [fac, ann, proj];
      try {
        await fac.page.goto("/");
        await click(fac.page, "classroom");
        await waitPhase(fac.page, ["classroom"]);
        await fac.page.selectOption("#new-scenario", "estonia-2007");
        await fac.page.fill("#new-seed", "1");
        for (const [id, value] of [
          ["#new-round", "30"],
          ["#new-silence", "60"],
          ["#new-incident", "1"],
          ["#new-step", "1"],
        ] as const)
          await fac.page.fill(id, value);
        await click(fac.page, "create-session");
        await waitPhase(fac.page, ["briefing"]);
        const code = ((await fac.page.locator(".code-inline").first().textContent()) ?? "").trim();

        await ann.page.goto(`/?join=${code}`);
        await waitPhase(ann.page, ["join"]);
        await ann.page.locator('#join-seat option[value="EST"]').waitFor({ state: "attached" });
        await ann.page.fill("#join-name", "Ann");
        await ann.page.selectOption("#join-seat", "EST");
        await click(ann.page, "join");
        await waitPhase(ann.page, ["briefing"]);

        await proj.page.goto(`/?projector=${code}`);
        await waitPhase(proj.page, ["briefing"]);
        await roomReady(proj.page);
        // Ann's name is on Estonia's seat in the room.
        await proj.page.waitForFunction(
          () => {
            type View = { seats: { code: string; delegate?: string }[] };
            const host = document.querySelector(".council-room-canvas") as
              | (HTMLElement & { councilScene?: { view: View | null } })
              | null;
            return host?.councilScene?.view?.seats.find((s) => s.code === "EST")?.delegate === "Ann";
          },
          undefined,
          { timeout: 30_000, polling: 200 },
        );
        expect(await proj.page.locator(".projector-banner").count(), "no banner before anything happens").toBe(0);

        await click(fac.page, "start");
        for (
          let i = 0;
          i < 14 && (await waitPhase(ann.page, ["consultation", "decision", "attribution"])) !== "decision";
          i++
        ) {
          await click(fac.page, "advance");
          await ann.page.waitForTimeout(400);
        }
        await waitPhase(ann.page, ["decision"], 30_000);
        await ann.page.fill("#break-reason", "Our parliament must vote first");
        await click(ann.page, "break-silence");

        const banner = proj.page.locator(".projector-banner-region .projector-banner.break");
        await banner.waitFor({ timeout: 15_000 });
        expect(await banner.textContent()).toContain("Estonia breaks silence");
        expect(await banner.textContent()).toContain("Our parliament must vote first");
        expect(await proj.page.getAttribute(".projector-banner-region", "aria-live")).toBe("assertive");
        const box = await banner.boundingBox();
        expect(box && box.width > 700 && box.y >= 0 && box.y + box.height <= DESKTOP.height, "a large banner").toBe(
          true,
        );
        await proj.shot("layout-projector-banner");
        const sizes = await roomSizes(proj.page);
        for (const c of sizes.canvases) {
          expect(
            Math.abs(c.w - sizes.host.w) + Math.abs(c.h - sizes.host.h),
            "the projector's canvas fills its host",
          ).toBeLessThanOrEqual(2);
        }
        const logPx = await proj.page.evaluate(() => {
          const li = document.querySelector(".projector-side .log-lines li");
          return li ? Number.parseFloat(getComputedStyle(li).fontSize) : 0;
        });
        expect(logPx, "log type on the projector").toBeGreaterThanOrEqual(20);
        // The banner goes by itself.
        await banner.waitFor({ state: "detached", timeout: 20_000 });
        await proj.shot("layout-projector-after-banner");
        for (const tab of tabs) expect(tab.errors, "no console or page errors").toEqual([]);
      } finally {
        for (const tab of tabs) await tab.close();
      }
    },
    TEST_TIMEOUT,
  );
});
