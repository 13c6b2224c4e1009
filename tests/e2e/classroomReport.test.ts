/**
 * End-to-end: a classroom's after-action report. A student plays Estonia and breaks silence in her own words;
 * at the debrief the facilitator's report names her (built from the facilitator's export) and downloads as
 * Markdown and CSV with her name and words; the student's own debrief report names nobody.
 */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ClassroomHarness, click, startClassroomHarness, waitPhase } from "./classroomHarness.ts";
import { E2E_SKIP, LAPTOP, openTab, PHONE } from "./harness.ts";

const STUDENT = "Ann Ließmann";
const REASON = "Our parliament must vote first, <b>not</b> the Council";

async function downloadText(page: Page, action: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent("download"), click(page, action)]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), "utf8") };
}

describe.skipIf(E2E_SKIP)("a classroom's after-action report", () => {
  let h: ClassroomHarness;
  beforeAll(async () => {
    h = await startClassroomHarness();
  }, 600_000);
  afterAll(async () => {
    await h?.close();
  });

  it("names the student in the facilitator's report and its downloads, and nowhere in hers", async () => {
    const fac = await openTab(h, LAPTOP);
    const ann = await openTab(h, PHONE);
    try {
      await fac.page.goto("/");
      await click(fac.page, "classroom");
      await waitPhase(fac.page, ["classroom"]);
      await fac.page.selectOption("#new-scenario", "estonia-2007");
      await fac.page.fill("#new-seed", "1");
      for (const [id, value] of [
        ["#new-round", "30"],
        ["#new-silence", "30"],
        ["#new-incident", "1"],
        ["#new-step", "1"],
      ] as const)
        await fac.page.fill(id, value);
      await click(fac.page, "create-session");
      await waitPhase(fac.page, ["briefing"]);
      const code = (await fac.page.locator(".code-inline").first().textContent())?.trim() ?? "";

      await ann.page.goto(`/?join=${code}`);
      await waitPhase(ann.page, ["join"]);
      await ann.page.locator('#join-seat option[value="EST"]').waitFor({ state: "attached" });
      await ann.page.fill("#join-name", STUDENT);
      await ann.page.selectOption("#join-seat", "EST");
      await click(ann.page, "join");
      await waitPhase(ann.page, ["briefing"]);

      await click(fac.page, "start");
      await waitPhase(ann.page, ["consultation"], 60_000);
      await ann.page.check('input[name="stance"][value="undecided"]');
      await click(ann.page, "state");
      await ann.page.locator(".log-lines li", { hasText: "Estonia is undecided" }).first().waitFor();
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
      await click(fac.page, "advance");
      await click(fac.page, "end");
      await click(fac.page, "end");
      for (const tab of [fac, ann]) await waitPhase(tab.page, ["debrief"], 30_000);

      // The facilitator's report is built from the named export.
      const report = fac.page.locator(".debrief-report[data-ready]");
      await report.waitFor({ timeout: 60_000 });
      const people = report.locator(".report-people");
      await people.waitFor();
      expect(await people.textContent()).toContain(STUDENT);
      const estonia = report.locator('.report-ally[data-ally="EST"]');
      await estonia.locator("summary").click();
      expect(await estonia.textContent()).toContain(`played by ${STUDENT}`);
      expect(await estonia.textContent()).toContain(REASON); // her words, as text
      expect(await fac.page.locator(".debrief-report b").count()).toBe(0);
      await estonia.scrollIntoViewIfNeeded();
      await fac.shot("classroom-report-facilitator");

      const md = await downloadText(fac.page, "report-md");
      expect(md.name).toBe(`case-by-case-${code}-report.md`);
      expect(md.text).toContain("## Students and teams");
      expect(md.text).toContain(`| Estonia | ${STUDENT} |`);
      expect(md.text).toContain("&lt;b>not&lt;/b>"); // her words stay text in Markdown too
      const stances = parse((await downloadText(fac.page, "report-stances-csv")).text, { columns: true }) as Record<
        string,
        string
      >[];
      const hers = stances.filter((r) => r.ally_code === "EST");
      expect(hers.length).toBeGreaterThan(0);
      expect(hers.every((r) => r.people === STUDENT && r.played_by === "person")).toBe(true);
      expect(hers.some((r) => r.silence === "broke silence" && r.words?.includes(REASON))).toBe(true);

      // The student's own debrief has a report too, without anyone's name.
      const own = ann.page.locator(".debrief-report[data-ready]");
      await own.waitFor({ timeout: 60_000 });
      expect(await own.locator(".report-people").count()).toBe(0);
      expect(await own.textContent()).not.toContain(STUDENT);
      await own.scrollIntoViewIfNeeded();
      await ann.shot("classroom-report-student");
      expect(fac.errors).toEqual([]);
      expect(ann.errors).toEqual([]);
    } finally {
      await fac.close();
      await ann.close();
    }
  }, 300_000);
});
