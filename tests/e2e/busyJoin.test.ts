/**
 * A student joins a busy server in Chromium: the server's first answers to the join are "too many join
 * attempts" (429, as the gate answers a class joining at once); the join screen says the server is busy and
 * counts down instead of failing, then the student is in. Screenshots of the waiting screen at 1920x1080,
 * 1366x768 and 390x844; axe on it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ClassroomHarness, click, startClassroomHarness, waitPhase } from "./classroomHarness.ts";
import { axeViolations, E2E_SKIP, openTab, VIEWPORTS } from "./harness.ts";

const BUSY = /The server is busy, joining again in \d+ s…/;

describe.skipIf(E2E_SKIP)("joining a busy server in Chromium", () => {
  let h: ClassroomHarness;
  beforeAll(async () => {
    h = await startClassroomHarness();
  }, 180_000);
  afterAll(async () => {
    await h?.close();
  });

  it("shows the wait in words, then joins", async () => {
    const created = await fetch(`${h.baseUrl}/api/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ scenario: "estonia-2007", seed: 1 }),
    });
    const { code } = (await created.json()) as { code: string };
    for (const [i, viewport] of VIEWPORTS.entries()) {
      const tab = await openTab(h, viewport);
      try {
        let refused = 0;
        await tab.page.route("**/matchmake/**", (route) =>
          refused++ < 1
            ? route.fulfill({
                status: 429,
                contentType: "application/json",
                headers: { "retry-after": "10" },
                body: JSON.stringify({ error: "too many join attempts from this address: wait a moment" }),
              })
            : route.continue(),
        );
        await tab.page.goto(`/?join=${code}`);
        await waitPhase(tab.page, ["join"]);
        await tab.page.fill("#join-name", `Student ${i + 1}`);
        await click(tab.page, "join");
        const note = tab.page.locator(".net-join p.meta[aria-live]", { hasText: BUSY });
        await note.waitFor({ timeout: 15_000 });
        expect(await tab.page.locator(".net-join").textContent()).not.toMatch(/Could not join/);
        expect(await axeViolations(tab.page)).toEqual([]);
        await tab.shot("busy-join");
        await waitPhase(tab.page, ["waiting", "player", "council", "briefing"], 40_000);
        expect(refused).toBeGreaterThanOrEqual(2);
        // The refusal the test staged is the only HTTP error the page saw.
        expect(tab.errors.filter((e) => !/429/.test(e))).toEqual([]);
      } finally {
        await tab.close();
      }
    }
  }, 240_000);
});
