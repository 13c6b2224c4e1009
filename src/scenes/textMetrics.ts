/** Text widths without a browser: Helvetica/Arial Bold advance widths, for tests and Node. Pure. */

// Advance widths (thousandths of an em) of Helvetica/Arial Bold, which Liberation Sans matches.
const UPPER = [
  722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944,
  667, 667, 611,
];
const LOWER = [
  556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778,
  556, 556, 500,
];

/** Width of bold Helvetica/Arial text, for when no real text measurer is available (tests, Node). */
export function estimateTextWidth(text: string, fontPx: number): number {
  let em = 0;
  for (const ch of text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")) {
    const c = ch.charCodeAt(0);
    em += c >= 65 && c <= 90 ? (UPPER[c - 65] ?? 722) : c >= 97 && c <= 122 ? (LOWER[c - 97] ?? 556) : 278;
  }
  return (em / 1000) * fontPx;
}
