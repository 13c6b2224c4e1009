/**
 * The report printed to PDF by headless Chromium with the print stylesheet, then read back as page pictures
 * with pdftoppm (poppler-utils) into <E2E_OUT>/screenshots/report-pdf-<n>.png for people to look at.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chartAssets } from "../../src/cli/reportAssets.ts";
import { writePdf } from "../../src/cli/reportPdf.ts";
import { reportFromJson } from "../../src/report/build.ts";
import { reportHtml } from "../../src/report/html.ts";
import { negotiatedRecord } from "../support/reportRecords.ts";
import { E2E_SKIP, OUT_DIR, SCREENSHOT_DIR } from "./harness.ts";

const hasPdftoppm = spawnSync("pdftoppm", ["-v"]).status === 0;
if (!E2E_SKIP && !hasPdftoppm)
  process.stderr.write("\nPDF PAGES SKIPPED: pdftoppm not found — apt-get install -y poppler-utils\n\n");

describe.skipIf(E2E_SKIP || !hasPdftoppm)("the report as PDF", () => {
  it("prints to A4 pages: the summary first, the charts drawn, the timeline, the allies and the sources after", async () => {
    const report = reportFromJson(negotiatedRecord("estonia-2007", 3));
    const pdf = join(OUT_DIR, "report.pdf");
    mkdirSync(OUT_DIR, { recursive: true });
    const bytes = await writePdf(reportHtml(report, chartAssets()), pdf);
    expect(bytes).toBeGreaterThan(20_000);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    const pages = join(SCREENSHOT_DIR, "report-pdf");
    rmSync(pages, { recursive: true, force: true });
    mkdirSync(pages, { recursive: true });
    const r = spawnSync("pdftoppm", ["-r", "60", "-png", pdf, join(pages, "page")], { encoding: "utf8" });
    expect(r.status).toBe(0);
    const files = readdirSync(pages)
      .filter((f) => f.endsWith(".png"))
      .sort();
    // Summary and scores, charts, a timeline over several pages, stances, drafts, allies, sources and questions.
    expect(files.length).toBeGreaterThanOrEqual(8);
    // A page with something on it is well above a blank page's size.
    const blank = 3_000;
    for (const f of files) expect(statSync(join(pages, f)).size).toBeGreaterThan(blank);
    const text = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    expect(text.status).toBe(0); // pdftotext ships with pdftoppm in poppler-utils
    expect(text.stdout).toContain("After-action report: Estonia 2007");
    expect(text.stdout).toContain("Harm over time.");
    expect(text.stdout).toContain("Questions for discussion");
  }, 180_000);
});
