/**
 * End-to-end: a teacher on a school network. The real server binary listens on loopback but names its address
 * http://school.test:<port> (PUBLIC_URL); Chromium resolves school.test to 127.0.0.1, so every page uses the
 * school's address while the traffic stays on loopback. The teacher pastes a class list with two teams, seated
 * key roles first; students join through the printed address by picking their names; an adviser's phone shows
 * the delegation but no moves; the teacher blocks an intruding device; the debrief and the export carry the
 * students' names and reasons, the students' debrief their reasons only. Needs Chromium (see harness.ts).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGame, buildIsFresh, CHROMIUM_ARGS, CHROMIUM_PATH } from "../../src/cli/browser.ts";
import { freePort, type ServerProcess, spawnServer } from "../server/harness.ts";
import { click, nextFrames, waitPhase } from "./classroomHarness.ts";
import {
  axeViolations,
  DESKTOP,
  E2E_SKIP,
  type Harness,
  LAPTOP,
  OUT_DIR,
  openTab,
  PHONE,
  type Tab,
} from "./harness.ts";

const TEST_TIMEOUT = 300_000;
const BUILD_DIR = join(OUT_DIR, "e2e-dist-classroom");
const CLASS = ["Name, Team", "Ann, Estonia", "Ben, Estonia", "Cleo, Team Blue", "Dev, Team Blue", "Eli", "Fay"];
const REASON = "Our parliament must vote before any sanctions";
const WORDS = "We stand with Estonia, but the evidence must be shared first";
const SIZES = [DESKTOP, LAPTOP, PHONE];

/** Screenshots at the three sizes with `selector` scrolled into view, then back to the tab's own size. */
async function shots(tab: Tab, name: string, selector: string): Promise<void> {
  for (const size of SIZES) {
    await tab.page.setViewportSize(size);
    await nextFrames(tab.page);
    await tab.page.locator(selector).first().scrollIntoViewIfNeeded();
    await tab.shot(name);
  }
  await tab.page.setViewportSize(tab.viewport);
}

describe.skipIf(E2E_SKIP)("a class on a school network with a roster", () => {
  let server: ServerProcess;
  let browser: Browser;
  let h: Harness;
  let school = "";
  const dataDir = mkdtempSync(join(tmpdir(), "cbc-roster-e2e-"));

  beforeAll(async () => {
    if (!buildIsFresh(BUILD_DIR)) await buildGame(BUILD_DIR);
    const port = await freePort();
    server = await spawnServer(
      { PUBLIC_URL: `http://school.test:${port}`, STATIC_DIR: BUILD_DIR, DATA_DIR: dataDir },
      port,
    );
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS, "--host-resolver-rules=MAP school.test 127.0.0.1"],
      headless: true,
    });
    // The address the server names for phones, as the console and projector read it.
    const reachable = (await (await fetch(`${server.url}/api/server`)).json()) as { urls: string[] };
    school = (reachable.urls[0] ?? "").replace(/\/$/, "");
    h = { baseUrl: school, browser, buildMs: 0, close: async () => {} };
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    "seats a pasted class in teams, blocks an intruder, and names the students in the teacher's debrief and export",
    async () => {
      expect(school).toMatch(/^http:\/\/school\.test:\d+$/);
      expect(server.output()).toContain(`${school}/`); // the start-up lines print it
      const fac = await openTab(h, LAPTOP);
      const ann = await openTab(h, PHONE);
      const ben = await openTab(h, PHONE);
      const cleo = await openTab(h, PHONE);
      const intruder = await openTab(h, PHONE);
      const tabs = [fac, ann, ben, cleo, intruder];
      const audits: string[] = [];
      try {
        await fac.page.goto("/");
        expect(new URL(fac.page.url()).hostname).toBe("school.test");
        await click(fac.page, "classroom");
        await waitPhase(fac.page, ["classroom"]);
        await fac.page.selectOption("#new-scenario", "estonia-2007");
        await fac.page.fill("#new-seed", "2");
        const timers: [string, string][] = [
          ["#new-round", "60"],
          ["#new-silence", "60"],
          ["#new-incident", "1"],
          ["#new-step", "1"],
        ];
        for (const [id, value] of timers) await fac.page.fill(id, value);
        await click(fac.page, "create-session");
        await waitPhase(fac.page, ["briefing"]);
        const code = ((await fac.page.locator(".code-inline").textContent()) ?? "").trim();

        // The class list, key roles first, with two teams (Estonia's, and "Team Blue").
        await fac.page.fill("#roster-text", CLASS.join("\n"));
        await fac.page.check('input[name="roster-seating"][value="key"]');
        await click(fac.page, "seat-roster");
        const row = (name: string) => fac.page.locator(`tr[data-person="${name}"]`);
        await row("Fay").waitFor();
        expect(await row("Ann").locator("select").inputValue()).toBe("EST");
        expect(await row("Ben").locator("td").nth(1).textContent()).toBe("adviser");
        expect(await row("Cleo").locator("select").inputValue()).toBe("LVA");
        expect(await row("Dev").locator("td").nth(1).textContent()).toBe("adviser");
        expect(await row("Eli").locator("select").inputValue()).toBe("USA");
        audits.push(...(await axeViolations(fac.page)).map((v) => `roster: ${v}`));
        expect(await fac.page.locator(".roster-paste").getAttribute("open")).toBeNull(); // the people take its place
        await shots(fac, "roster-panel", ".fac-roster .roster-count");

        // Students open the address the server printed and pick their names.
        const joinAs = async (tab: Tab, name: string) => {
          await tab.page.goto(`${school}/?join=${code}`);
          await tab.page.locator(`#join-roster option[value="${name}"]`).waitFor({ state: "attached" });
          await tab.page.selectOption("#join-roster", name);
          expect(await tab.page.inputValue("#join-name")).toBe(name);
          await click(tab.page, "join");
          await waitPhase(tab.page, ["briefing"]);
        };
        await joinAs(ann, "Ann");
        expect(await ann.page.locator(".council-header .seat-label").textContent()).toContain("Estonia");
        await joinAs(ben, "Ben");
        await ben.page.locator(".delegation [data-adviser]").waitFor();
        expect(await ben.page.locator(".delegation").textContent()).toContain("Ann speaks for Estonia");
        await joinAs(cleo, "Cleo");
        expect(await cleo.page.locator(".council-header .seat-label").textContent()).toContain("Latvia");
        await fac.page.locator('tr[data-person="Ann"] td', { hasText: "here" }).waitFor();

        // An intruder types a name that is not on the list and is given a free seat; the teacher blocks the device.
        await intruder.page.goto(`${school}/?join=${code}`);
        await intruder.page.fill("#join-name", "Intruder");
        await click(intruder.page, "join");
        await waitPhase(intruder.page, ["briefing"]);
        await row("Intruder").locator('[data-action="block-person"]').click();
        await intruder.page.locator('[data-view="removed"]').waitFor();
        await row("Intruder").waitFor({ state: "detached" });
        await intruder.page.goto(`${school}/?join=${code}`);
        await intruder.page.fill("#join-name", "Intruder again");
        await click(intruder.page, "join");
        await intruder.page.locator(".rejection", { hasText: "blocked by the facilitator" }).waitFor();

        // Start; Ann speaks in her own words; Ben, the adviser, sees the desk but has no moves.
        await click(fac.page, "start");
        await waitPhase(ann.page, ["consultation"], 60_000);
        await waitPhase(ben.page, ["consultation"], 30_000);
        expect(await ben.page.locator(".slot-actions button:visible").count()).toBe(0);
        expect(await ben.page.locator("#instructions").isVisible()).toBe(true);
        audits.push(...(await axeViolations(ben.page)).map((v) => `adviser: ${v}`));
        await ben.page.evaluate(() => window.scrollTo(0, 0));
        await shots(ben, "roster-adviser-phone", ".delegation");
        await ann.page.check('input[name="stance"][value="undecided"]');
        await ann.page.fill("#statement-text", WORDS);
        await click(ann.page, "state");
        await ann.page.locator(".log-lines li", { hasText: "Estonia is undecided" }).first().waitFor();

        // Rounds hurried on to a draft under silence; Ann breaks it with a reason.
        for (
          let i = 0;
          i < 12 && (await waitPhase(ann.page, ["consultation", "decision", "attribution"])) !== "decision";
          i++
        ) {
          await click(fac.page, "advance");
          await ann.page.waitForTimeout(400);
        }
        await waitPhase(ann.page, ["decision"], 30_000);
        await ann.page.fill("#break-reason", REASON);
        await click(ann.page, "break-silence");
        await ann.page.locator(".log-lines li.break", { hasText: "Estonia breaks silence" }).waitFor();

        // The export: names, seats, teams, times; the statement's words and the reason are in its events.
        const download = fac.page.waitForEvent("download");
        await click(fac.page, "download-record");
        const record = JSON.parse(readFileSync(await (await download).path(), "utf8"));
        const members = Object.fromEntries(
          record.people.members.map((m: { name: string; seat: string; role: string }) => [
            m.name,
            `${m.seat}:${m.role}`,
          ]),
        );
        expect(members).toMatchObject({ Ann: "EST:speaker", Ben: "EST:adviser", Cleo: "LVA:speaker" });
        expect(members).not.toHaveProperty("Intruder");
        const acts = record.people.timeline.filter((t: { kind: string }) => t.kind === "act");
        expect(acts.map((t: { name: string; detail: string }) => `${t.name}:${t.detail}`)).toEqual(
          expect.arrayContaining(["Ann:consultation.statement", "Ann:silence.break"]),
        );
        expect(acts.every((t: { at: string }) => /^\d{4}-\d\d-\d\dT/.test(t.at))).toBe(true);
        const texts = JSON.stringify(record.events);
        expect(texts).toContain(REASON);
        expect(texts).toContain(WORDS);

        // The end: the teacher's debrief names each student with their words; the students' does not name them.
        await click(fac.page, "end");
        await click(fac.page, "end");
        for (const tab of [fac, ann, ben, cleo]) await waitPhase(tab.page, ["debrief"], 30_000);
        const estonia = fac.page.locator('.class-seat[data-seat="EST"]');
        expect(await estonia.locator(".class-names").textContent()).toMatch(/Ann, Ben \(adviser\)/);
        expect(await estonia.textContent()).toContain(REASON);
        expect(await estonia.textContent()).toContain(WORDS);
        const grid = fac.page.locator(".stance-grid tr", { hasText: "Estonia" });
        expect(await grid.locator("td").first().textContent()).toBe("U"); // her stance, not "-"
        const studentDebrief = (await ben.page.locator(".class-debrief").textContent()) ?? "";
        expect(studentDebrief).toContain(REASON);
        for (const name of ["Ann", "Ben", "Cleo"]) expect(studentDebrief).not.toContain(name);
        await shots(fac, "roster-debrief", ".class-debrief");
        await shots(ben, "roster-debrief-student", ".class-debrief");

        expect(audits, "axe: no serious or critical violations").toEqual([]);
        // No console errors either: the server sends COOP only over TLS, so a plain-http school page is quiet.
        for (const tab of [fac, ann, ben, cleo]) expect(tab.errors, "no console or page errors").toEqual([]);
      } finally {
        for (const tab of tabs) await tab.close();
      }
    },
    TEST_TIMEOUT,
  );
});
