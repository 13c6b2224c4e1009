/**
 * The console's lesson plan in Chromium: before Start the teacher picks 60 minutes, reads the plan (briefing,
 * three cycles, debrief discussion) and sends its timers, which the server keeps; after Start the panel gives
 * the time left against the plan. Screenshots at 1920×1080, 1366×768 and 390×844; axe clean.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ClassroomHarness, click, nextFrames, startClassroomHarness, waitPhase } from "./classroomHarness.ts";
import { axeViolations, DESKTOP, E2E_SKIP, fitsWidth, openTab, type Tab, VIEWPORTS } from "./harness.ts";

const texts = (tab: Tab, selector: string) => tab.page.locator(selector).allInnerTexts();

/** Screenshots of the lesson panel at the three sizes, scrolled into view; no sideways scroll at any. */
async function shots(tab: Tab, name: string): Promise<void> {
  for (const viewport of VIEWPORTS) {
    await tab.page.setViewportSize(viewport);
    await nextFrames(tab.page);
    await tab.page.locator(".fac-lesson").evaluate((el) => el.scrollIntoView({ block: "nearest" }));
    await nextFrames(tab.page);
    expect((await fitsWidth(tab.page)).fits, `${name} at ${viewport.width}px`).toBe(true);
    await tab.shot(name);
  }
  await tab.page.setViewportSize(DESKTOP);
}

describe.skipIf(E2E_SKIP)("the lesson plan in the facilitator console", () => {
  let h: ClassroomHarness;
  beforeAll(async () => {
    h = await startClassroomHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it("plans a 60-minute lesson, sends its timers, and follows the session against the plan", async () => {
    const fac = await openTab(h, DESKTOP);
    try {
      await fac.page.goto("/");
      await click(fac.page, "classroom");
      await waitPhase(fac.page, ["classroom"]);
      await fac.page.selectOption("#new-scenario", "estonia-2007");
      await fac.page.fill("#new-seed", "1");
      await click(fac.page, "create-session");
      await waitPhase(fac.page, ["briefing"]);
      const code = (await fac.page.locator(".code-inline").innerText()).trim();

      // 45 minutes is the first choice; 60 gives the guide's 8 + 12 + 12 + 14 + 14.
      await fac.page.locator(".fac-lesson").waitFor();
      expect(await texts(fac, ".lesson-phases .lesson-min")).toEqual([
        "7 min",
        "9 min",
        "9 min",
        "10 min",
        "10 min",
        "45 min",
      ]);
      await fac.page.check('input[name="lesson-minutes"][value="60"]');
      expect(await texts(fac, ".lesson-phases .lesson-min")).toEqual([
        "8 min",
        "12 min",
        "12 min",
        "14 min",
        "14 min",
        "60 min",
      ]);
      const labels = await texts(fac, ".lesson-phases li > span:first-child");
      expect(labels[0]).toMatch(/^Briefing/);
      expect(labels[1]).toMatch(/^Cycle 1: /);
      expect(labels[4]).toBe("Debrief discussion");
      expect(await fac.page.locator(".fac-lesson .lesson-plan").innerText()).toMatch(
        /consultation rounds 2 min \(up to 4/,
      );

      await click(fac.page, "use-plan-timers");
      await fac.page.getByText("These timers are set for the session.").waitFor();
      expect(h.server.registry.store.session(code)?.timers).toEqual({
        incidentSeconds: 85,
        stepSeconds: 6,
        roundSeconds: 120,
        silenceSeconds: 85,
      });
      expect(await fac.page.locator('[data-action="use-plan-timers"]').isDisabled()).toBe(true);
      expect(await axeViolations(fac.page)).toEqual([]);
      await shots(fac, "lesson-plan-before-start");

      // Started: the plan gives way to the time left against it.
      await click(fac.page, "start");
      await fac.page.locator(".lesson-progress").filter({ hasText: "Cycle 1 of 3" }).waitFor();
      const [where, crisis, lesson] = await texts(fac, ".lesson-progress li");
      expect(where).toMatch(/^Cycle 1 of 3: 1[12] min left by the plan$/);
      expect(crisis).toMatch(/^Crisis: 3[78] min left, then 14 min of debrief discussion$/);
      expect(lesson).toMatch(/^Lesson: 5[12] min left$/);
      expect(await fac.page.locator(".fac-lesson h2").innerText()).toBe("Lesson plan: 60 minutes");
      expect(await fac.page.locator(".lesson-before").isHidden()).toBe(true);
      expect(await axeViolations(fac.page)).toEqual([]);
      await shots(fac, "lesson-plan-during");
      expect(fac.errors).toEqual([]);
    } finally {
      await fac.close();
    }
  });
});
