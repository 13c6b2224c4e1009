/** The sizes and styles the council layout may try, most preferred first. Pure data. */

export type LabelMode = "name" | "code"; // full names (split over two lines where that helps) or ISO3 codes

/** How placards that would touch their neighbours move inwards: not at all, by whole rows, or just enough. */
export type Stagger = "none" | "rows" | "slide";

export interface Tier {
  flagD: number;
  fontPx: number;
  mode: LabelMode;
  stagger: Stagger;
  p: number; // squareness of the seat oval
}

const TIERS: ReadonlyArray<readonly [flagD: number, fontPx: number]> = [
  [80, 18],
  [72, 17],
  [64, 16],
  [56, 16],
  [50, 15],
  [44, 14],
  [40, 14],
  [36, 13],
  [32, 13],
  [28, 12],
  [25, 12],
  [22, 12],
  [20, 12],
];
/**
 * Tiers in order of preference: names beat codes; bigger flags beat bigger placard fonts (each px of font less
 * counts as a flag size step, three at most); staggered placards count as five steps down, because a clean single row
 * reads better than bigger flags with a zigzag of placards.
 */
function candidates(): Tier[] {
  const out: Array<Tier & { rank: number }> = [];
  // Squarer ovals fit more seats; names only use them as a last resort, codes (narrow screens) more readily.
  for (const [p, nameShape, codeShape] of [
    [2, 0, 0],
    [2.6, 100, 1.5],
    [3, 200, 4],
  ] as const) {
    TIERS.forEach(([flagD, maxFont], i) => {
      for (let fontPx = maxFont; fontPx >= Math.max(12, maxFont - 3); fontPx--) {
        const add = (mode: LabelMode, stagger: Stagger, rank: number) =>
          out.push({
            flagD,
            fontPx,
            mode,
            stagger,
            p,
            rank: (mode === "name" ? nameShape : codeShape) + rank + (maxFont - fontPx),
          });
        if (flagD >= 28) {
          add("name", "none", i);
          add("name", "slide", i + 5);
          add("name", "rows", i + 8);
        }
        if (fontPx === maxFont || fontPx === 12) {
          add("code", "none", 50 + i);
          add("code", "slide", 50 + i + 0.5);
          add("code", "rows", 50 + i + 0.6);
        }
      }
    });
  }
  return out.sort((a, b) => a.rank - b.rank);
}

/** Every tier, most preferred first. */
export const CANDIDATES: readonly Tier[] = candidates();
