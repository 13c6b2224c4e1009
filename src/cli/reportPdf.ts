/** Renders the report's HTML to PDF with headless Chromium (playwright-core's page.pdf), A4 with the print stylesheet. */
import { writeFileSync } from "node:fs";
import { chromiumAvailable, chromiumMissingMessage, launchChromium } from "./browser.ts";

/** Thrown when no Chromium is installed: the message says how to get one or where to print instead. */
export class NoChromiumError extends Error {
  override name = "NoChromiumError";
}

/** Writes `html` as a PDF to `path`; returns its size in bytes. The page may not reach any server. */
export async function writePdf(html: string, path: string): Promise<number> {
  if (!chromiumAvailable())
    throw new NoChromiumError(
      `${chromiumMissingMessage("PDF")}; or write --format html and print it to PDF from any browser`,
    );
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    // The report is self-contained: refuse any request it might make, so nothing leaves the machine.
    await page.route("**/*", (route) => route.abort());
    await page.setContent(html, { waitUntil: "load" });
    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
    writeFileSync(path, pdf);
    return pdf.length;
  } finally {
    await browser.close();
  }
}
