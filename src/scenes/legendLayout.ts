/**
 * Where the key to the badges goes: a column in a free corner of the room when one is clear of every seat, else a
 * compact grid at the foot of the table's centre (the centre labels then keep the space above it). Pure.
 */
import { type Box, boxesOverlap, circleBoxOverlap } from "./geometry.ts";
import { STANCE, type StanceStyle } from "./palette.ts";
import type { CouncilLayout, MeasureText } from "./seatLayout.ts";

/** The badge kinds the key explains (badges.ts draws them). */
export type LegendKind = StanceStyle["glyph"] | "hit" | "brokeSilence";

const LEGEND_ENTRIES: ReadonlyArray<readonly [LegendKind, string]> = [
  ...Object.values(STANCE).map((s) => [s.glyph, s.label] as const),
  ["hit", "Hit by the attack"],
  ["brokeSilence", "Broke silence"],
];

export interface LegendLayout {
  fontPx: number;
  r: number; // badge radius
  rows: Array<{ kind: LegendKind; text: string; x: number; y: number; textX: number }>; // x, y: the badge's centre
  box: Box; // the area the key covers
  centre: Box; // what the centre labels keep (smaller than the layout's when the key sits in the centre)
}

const EDGE = 12; // from the room's edges
const MIN_CENTRE_LABELS = 2.2; // rows of centre-label text (in key font sizes) left above a key in the centre

/** True when `box` is clear of every seat, its placard and the chair's. */
function clearOfSeats(layout: CouncilLayout, box: Box): boolean {
  return (
    layout.seats.every((s) => !circleBoxOverlap(s, layout.seatR + 6, box) && !boxesOverlap(s.placard, box, 6)) &&
    !circleBoxOverlap(layout.chair, layout.seatR + 6, box) &&
    !boxesOverlap(layout.chair.placard, box, 6)
  );
}

/** Rows of the key laid out in `cols` columns from the top-left corner of `at`. */
function gridRows(at: { x: number; y: number }, cols: number, colW: number, row: number, r: number) {
  return LEGEND_ENTRIES.map(([kind, text], i) => {
    const x = at.x + (i % cols) * colW + r;
    const y = at.y + Math.floor(i / cols) * row + row / 2;
    return { kind, text, x, y, textX: x + r + 8 };
  });
}

/** The key in one of the room's corners, bottom-left first; null when no corner is clear. */
function inCorner(layout: CouncilLayout, fontPx: number, textW: number): LegendLayout | null {
  const row = Math.round(fontPx * 1.6);
  const r = Math.round(fontPx * 0.55);
  const w = textW + 2 * r + 8;
  const h = row * LEGEND_ENTRIES.length;
  const left = EDGE;
  const right = layout.width - EDGE - w;
  const top = EDGE;
  const bottom = layout.height - EDGE - h;
  for (const [x, y] of [
    [left, bottom],
    [right, bottom],
    [left, top],
    [right, top],
  ] as const) {
    const box: Box = { x, y, w, h };
    if (x < 0 || y < 0 || !clearOfSeats(layout, box)) continue;
    return { fontPx, r, rows: gridRows(box, 1, w, row, r), box, centre: layout.centre };
  }
  return null;
}

/** The key as a grid at the foot of the centre (three columns, else two); null when the centre is too small. */
function inCentre(layout: CouncilLayout, fontPx: number, textW: number): LegendLayout | null {
  const row = Math.round(fontPx * 1.5);
  const r = Math.round(fontPx * 0.5);
  const colW = textW + 2 * r + 8 + fontPx;
  const c = layout.centre;
  for (const cols of [3, 2]) {
    const w = cols * colW - fontPx;
    const h = Math.ceil(LEGEND_ENTRIES.length / cols) * row;
    if (w > c.w || c.h - h < MIN_CENTRE_LABELS * fontPx * 1.6) continue;
    const box: Box = { x: c.x + (c.w - w) / 2, y: c.y + c.h - h, w, h };
    const centre: Box = { ...c, h: c.h - h - Math.round(fontPx * 0.6) };
    return { fontPx, r, rows: gridRows(box, cols, colW, row, r), box, centre };
  }
  return null;
}

/** Where the key goes in this layout, or null when the room has no place for it (a phone). Pure. */
export function legendLayout(layout: CouncilLayout, measure: MeasureText): LegendLayout | null {
  if (layout.width < 560 || layout.height < 420) return null;
  const fontPx = Math.min(15, Math.max(12, layout.fontPx - 2));
  const textW = Math.max(...LEGEND_ENTRIES.map(([, text]) => measure(text, fontPx)));
  const smallW = Math.max(...LEGEND_ENTRIES.map(([, text]) => measure(text, 12)));
  return inCorner(layout, fontPx, textW) ?? inCentre(layout, 12, smallW);
}
