/**
 * End-to-end: a classroom session over the network in Chromium, against the production build served by the real
 * game server. A facilitator creates the session in the browser; two students join from phones (separate browser
 * contexts, one with a name made of HTML); the facilitator moves a seat, starts, pauses, injects a note and
 * reveals; a student states and breaks silence; every screen reaches the debrief. Needs Chromium (see harness.ts).
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRelay } from "../server/harness.ts";
import { type ClassroomHarness, click, nextFrames, startClassroomHarness, waitPhase } from "./classroomHarness.ts";
import { axeViolations, DESKTOP, E2E_SKIP, fitsWidth, LAPTOP, openTab, PHONE, type Tab } from "./harness.ts";

const TEST_TIMEOUT = 240_000;
const HTML_NAME = "<b>Bold</b><img src=x onerror=alert(1)>";
const HTML_NOTE = "CERT-EE: <i>same</i> malware <script>alert(2)</script> in a ministry";
const HTML_REASON = "Our parliament <b>must</b> vote first";

/** The text of the first element matching `selector`, or "". */
function text(page: Page, selector: string): Promise<string> {
  return page
    .locator(selector)
    .first()
    .textContent({ timeout: 30_000 })
    .then((t) => t ?? "");
}

/** No element made from a name or note: no <b>, <i>, <script> or <img src=x> anywhere in the app. */
function injectedElements(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelectorAll("#app b, #app i, #app script, #app img[src='x']").length);
}

/** Screenshot at a given size, then back to the tab's own size. */
async function shotAt(tab: Tab, name: string, size: { width: number; height: number }): Promise<void> {
  await tab.page.setViewportSize(size);
  await nextFrames(tab.page);
  await tab.shot(name);
  await tab.page.setViewportSize(tab.viewport);
}

describe.skipIf(E2E_SKIP)("a classroom session in Chromium", () => {
  let h: ClassroomHarness;

  beforeAll(async () => {
    h = await startClassroomHarness();
  }, 180_000);

  afterAll(async () => {
    await h?.close();
  });

  it(
    "the facilitator runs a session with two students and a projector from the briefing to the debrief",
    async () => {
      const fac = await openTab(h, LAPTOP);
      const ann = await openTab(h, PHONE);
      const bold = await openTab(h, PHONE);
      const proj = await openTab(h, DESKTOP);
      const tabs = [fac, ann, bold, proj];
      const audits = new Map<string, string[]>();
      const layout: string[] = [];
      const fits = async (tab: Tab, name: string) => {
        const fit = await fitsWidth(tab.page);
        if (!fit.fits) layout.push(`${name}: scrollWidth ${fit.scrollWidth} > ${fit.innerWidth}`);
      };
      try {
        // The facilitator creates a session from the menu (short timers keep the test quick).
        await fac.page.goto("/");
        await click(fac.page, "classroom");
        await waitPhase(fac.page, ["classroom"]);
        audits.set("hub", await axeViolations(fac.page));
        await fac.shot("classroom-hub");
        await fac.page.selectOption("#new-scenario", "estonia-2007");
        await fac.page.fill("#new-seed", "1");
        const timers: [string, string][] = [
          ["#new-round", "30"],
          ["#new-silence", "30"],
          ["#new-incident", "1"],
          ["#new-step", "1"],
        ];
        for (const [id, value] of timers) await fac.page.fill(id, value);
        await click(fac.page, "create-session");
        await waitPhase(fac.page, ["briefing"]);
        const code = (await text(fac.page, ".code-inline")).trim();
        expect(code).toMatch(/^[A-Z2-9]{6}$/);
        expect(fac.page.url(), "the facilitator token never sits in the address bar").toBe(
          `${h.baseUrl}/?facilitate=${code}`,
        );
        expect(await fac.page.locator(".join-box .qr").count()).toBe(1);

        // Ann follows the QR code's link and picks Estonia.
        await ann.page.goto(`/?join=${code}`);
        await waitPhase(ann.page, ["join"]);
        await ann.page.locator('#join-seat option[value="EST"]').waitFor({ state: "attached" });
        audits.set("join", await axeViolations(ann.page));
        await ann.shot("classroom-join");
        await ann.page.fill("#join-name", "Ann");
        await ann.page.selectOption("#join-seat", "EST");
        await click(ann.page, "join");
        await waitPhase(ann.page, ["briefing"]);
        expect(await text(ann.page, ".council-header .seat-label")).toContain("Estonia");
        expect(await text(ann.page, ".slot-actions")).toContain("Waiting for the facilitator");

        // The second student types the code from the menu; their name is HTML and must stay text.
        await bold.page.goto("/");
        await click(bold.page, "join");
        await bold.page.fill("#join-code", code.toLowerCase());
        await bold.page.fill("#join-name", HTML_NAME);
        await expect.poll(() => bold.page.locator("#join-seat option").count(), { timeout: 15_000 }).toBeGreaterThan(1);
        await click(bold.page, "join");
        await waitPhase(bold.page, ["briefing"]);
        expect(await text(bold.page, ".council-header .who")).toBe(HTML_NAME);

        // The facilitator sees both, hands the second seat to the AI, then seats them at Latvia.
        const boldRow = fac.page.locator("tr[data-seat-row]", { hasText: HTML_NAME });
        await boldRow.waitFor();
        expect(await boldRow.locator(".delegate-name").textContent()).toBe(HTML_NAME);
        await boldRow.locator('[data-action="free"]').click();
        await bold.page.locator("#waiting-title").waitFor();
        audits.set("waiting", await axeViolations(bold.page));
        await bold.shot("classroom-player-waiting");
        await fac.page.locator(".waiting-list .delegate-name", { hasText: HTML_NAME }).waitFor();
        await fac.page.selectOption(".waiting-list select", "LVA");
        await click(fac.page, "assign");
        await bold.page.locator(".council-header .seat-label", { hasText: "Latvia" }).waitFor();
        expect(await injectedElements(bold.page)).toBe(0);
        expect(await injectedElements(fac.page)).toBe(0);

        // A reload brings Ann back to her seat (the device kept its seat token).
        await ann.page.reload();
        await waitPhase(ann.page, ["briefing"]);
        expect(await text(ann.page, ".council-header .seat-label")).toContain("Estonia");
        expect(await text(ann.page, ".council-header .who")).toBe("Ann");

        // The projector: the room, the big code, the delegates by name (as text).
        await proj.page.goto(`/?projector=${code}`);
        await waitPhase(proj.page, ["briefing"]);
        await proj.page.waitForSelector("#room[data-ready]", { state: "attached", timeout: 30_000 });
        expect(await proj.page.getAttribute("#room", "data-ready")).toBe("true");
        expect((await text(proj.page, ".join-code")).trim()).toBe(code);
        await proj.page.locator(".delegate-list .delegate-name", { hasText: HTML_NAME }).waitFor();
        expect(await injectedElements(proj.page)).toBe(0);
        await proj.shot("classroom-projector-briefing");
        audits.set("projector", await axeViolations(proj.page));
        audits.set("facilitator", await axeViolations(fac.page));
        await fac.shot("classroom-facilitator-briefing");
        await shotAt(fac, "classroom-facilitator-briefing", DESKTOP);

        // Start; the incident timer (1 s) takes everyone on to attribution and consultation.
        await click(fac.page, "start");
        await waitPhase(ann.page, ["consultation"], 60_000);
        // Pause: the students' countdowns say so; nothing moves while paused.
        await click(fac.page, "pause");
        await ann.page.locator(".countdown", { hasText: "Paused by the facilitator" }).waitFor();
        await fac.page.locator('[data-action="pause"]', { hasText: "Resume" }).waitFor();
        await ann.page.check('input[name="stance"][value="undecided"]');
        await click(ann.page, "state");
        await ann.page
          .locator(".log-lines li", { hasText: "Estonia is undecided on the working text" })
          .first()
          .waitFor();
        audits.set("player", await axeViolations(ann.page));
        await ann.page.evaluate(() => window.scrollTo(0, 0));
        await ann.shot("classroom-player-consultation");
        await fits(ann, "player consultation");
        await proj.page
          .locator(".log-lines li", { hasText: "Estonia is undecided on the working text" })
          .first()
          .waitFor();
        await proj.shot("classroom-projector-consultation");
        await click(fac.page, "pause"); // resume

        // The facilitator hurries the rounds on until a draft is under silence procedure.
        for (
          let i = 0;
          i < 12 && (await waitPhase(ann.page, ["consultation", "decision", "attribution"])) !== "decision";
          i++
        ) {
          await click(fac.page, "advance");
          await ann.page.waitForTimeout(400);
        }
        await waitPhase(ann.page, ["decision"], 30_000);
        await ann.page.locator("#silence-countdown", { hasText: "Silence deadline in" }).waitFor();
        await ann.page.fill("#break-reason", HTML_REASON);
        await click(ann.page, "break-silence");
        const broke = ann.page.locator(".log-lines li.break", { hasText: "Estonia breaks silence" });
        await broke.waitFor();
        expect(await broke.textContent()).toContain(HTML_REASON);
        await ann.page.evaluate(() => window.scrollTo(0, 0));
        await ann.shot("classroom-player-decision");
        await fac.shot("classroom-facilitator-decision");
        // The deadline comes at once: the broken draft falls and the Council consults again.
        await click(fac.page, "advance");
        await ann.page
          .locator(".log-lines li", { hasText: /Silence broken by .*: the draft .*falls/ })
          .first()
          .waitFor();

        // A note in the facilitator's words, then the reveal.
        await fac.page.fill("#note-text", HTML_NOTE);
        await click(fac.page, "send-note");
        for (const tab of [ann, bold, proj])
          await tab.page.locator(".log-lines li", { hasText: `Facilitator: ${HTML_NOTE}` }).waitFor();
        await click(fac.page, "reveal");
        await fac.page.locator(".truth", { hasText: "Revealed:" }).waitFor();
        await proj.page.locator(".log-lines li", { hasText: "reveals who was really behind" }).waitFor();
        await proj.page.locator(".announcements .truth", { hasText: "Who was really behind it" }).waitFor();
        expect(await text(proj.page, ".announcements .announcement")).toContain(HTML_NOTE);
        for (const tab of tabs) expect(await injectedElements(tab.page), "names and notes stay text").toBe(0);
        await proj.shot("classroom-projector-revealed");
        await shotAt(fac, "classroom-facilitator-revealed", DESKTOP);

        // A live event from the scenario's optional injects reaches the room.
        const inject = (await fac.page.locator("#inject-choice option:not([disabled])").first().textContent()) ?? "";
        await click(fac.page, "play-inject");
        await proj.page
          .locator(".log-lines li", { hasText: `Incident: ${inject}` })
          .first()
          .waitFor();
        await fac.page
          .locator("#inject-choice option", { hasText: `${inject} (played)` })
          .waitFor({ state: "attached" });

        // The record downloads (the token travels in a header).
        const download = fac.page.waitForEvent("download");
        await click(fac.page, "download-record");
        const record = JSON.parse(readFileSync(await (await download).path(), "utf8"));
        expect(record.scenario.id).toBe("estonia-2007");
        const types = record.events.map((e: { type: string }) => e.type);
        expect(types).toEqual(
          expect.arrayContaining(["facilitator.note", "truth.reveal", "inject.play", "silence.break"]),
        );

        // Ending takes two presses; then everyone is at the debrief.
        await click(fac.page, "end");
        await click(fac.page, "end");
        for (const tab of tabs) await waitPhase(tab.page, ["debrief"], 30_000);
        expect(await bold.page.locator("h1#debrief-title").isVisible()).toBe(true);
        expect(await text(ann.page, ".timeline")).toMatch(/silence broken by [^—]*Estonia/);
        await ann.shot("classroom-player-debrief");
        await fac.shot("classroom-facilitator-debrief");
        await proj.shot("classroom-projector-debrief");

        expect([...audits.keys()].sort()).toEqual(["facilitator", "hub", "join", "player", "projector", "waiting"]);
        const found = [...audits].flatMap(([name, violations]) => violations.map((v) => `${name}: ${v}`));
        expect(found, "axe: no serious or critical violations").toEqual([]);
        expect(layout, "no sideways scroll on the phone").toEqual([]);
        for (const tab of tabs) expect(tab.errors, "no console or page errors").toEqual([]);
      } finally {
        for (const tab of tabs) await tab.close();
      }
    },
    TEST_TIMEOUT,
  );

  it(
    "a student whose Wi-Fi drops sees 'Reconnecting…' and is back in the same seat without doing anything",
    async () => {
      const created = (await (
        await fetch(`${h.baseUrl}/api/sessions`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ scenario: "estonia-2007", seed: 2 }),
        })
      ).json()) as { code: string };
      const relay = await startRelay(h.baseUrl); // the classroom's Wi-Fi, which the test can cut
      const tab = await openTab(h, PHONE);
      const { page } = tab;
      try {
        await page.goto(`${relay.url}/?join=${created.code}`);
        await page.fill("#join-name", "Dev");
        await click(page, "join");
        await waitPhase(page, ["briefing"]);
        const seat = await text(page, ".council-header .seat-label");
        // Record every state the banner shows (a reconnection on loopback can be quicker than a round trip).
        await page.evaluate(() => {
          const seen: string[] = [];
          (window as unknown as { bannerSeen: string[] }).bannerSeen = seen;
          const banner = document.querySelector<HTMLElement>(".net-banner");
          if (!banner) return;
          new MutationObserver(() => {
            if (!banner.hidden) seen.push(`${banner.dataset.state}: ${banner.textContent}`);
          }).observe(banner, { attributes: true, childList: true, subtree: true, characterData: true });
        });
        await page.waitForTimeout(5200); // the SDK resumes a room by itself once it has been in it 5 s
        relay.cut();
        await page.waitForFunction(() => (window as unknown as { bannerSeen: string[] }).bannerSeen.length > 0);
        await page.locator('.pill[data-connection="connected"]').waitFor({ timeout: 30_000 });
        const seen = await page.evaluate(() => (window as unknown as { bannerSeen: string[] }).bannerSeen);
        expect(seen[0]).toMatch(/^reconnecting: Reconnecting… your seat is kept/);
        expect(await page.locator(".net-banner").isHidden()).toBe(true);
        expect(await text(page, ".council-header .seat-label")).toBe(seat);
        expect(tab.errors).toEqual([]);
      } finally {
        await tab.close();
        await relay.close();
      }
    },
    TEST_TIMEOUT,
  );
});
