/**
 * Self-contained HTML (the after-action report, the printable materials) to PDF with headless Chromium
 * (playwright-core's page.pdf): A4, with the page's print stylesheet.
 */
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
  const pdf = await htmlToPdf(html);
  writeFileSync(path, pdf);
  return pdf.length;
}

/** Renders self-contained HTML to an A4 PDF with the print stylesheet (Chromium must be installed). */
export async function htmlToPdf(html: string): Promise<Buffer> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    // The page is self-contained: refuse any request it might make, so nothing leaves the machine.
    await page.route("**/*", (route) => route.abort());
    await page.setContent(html, { waitUntil: "load" });
    await page.emulateMedia({ media: "print" });
    return await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}
