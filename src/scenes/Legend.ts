/**
 * A small key to the badges, shown in the bottom-left corner when the room is big enough to spare the space.
 * The scene draws its badges; its words are painted with the room (roomPainting.ts).
 */
import type Phaser from "phaser";
import { type BadgeKind, drawBadge } from "./badges.ts";
import { boxesOverlap, circleBoxOverlap } from "./geometry.ts";
import { DEPTH, STANCE } from "./palette.ts";
import type { Box, CouncilLayout, MeasureText } from "./seatLayout.ts";

const ENTRIES: ReadonlyArray<readonly [BadgeKind, string]> = [
  ...Object.values(STANCE).map((s) => [s.glyph, s.label] as const),
  ["hit", "Hit by the attack"],
  ["brokeSilence", "Broke silence"],
];

export interface LegendLayout {
  fontPx: number;
  r: number; // badge radius
  rows: Array<{ kind: BadgeKind; text: string; x: number; y: number; textX: number }>; // x, y: the badge's centre
}

/** Where the key goes in this layout, or null when it would touch a seat or the room is too small. Pure. */
export function legendLayout(layout: CouncilLayout, measure: MeasureText): LegendLayout | null {
  const fontPx = Math.min(15, Math.max(12, layout.fontPx - 2));
  const row = Math.round(fontPx * 1.6);
  const r = Math.round(fontPx * 0.55);
  const w = Math.max(...ENTRIES.map(([, text]) => measure(text, fontPx))) + 2 * r + 8;
  const box: Box = { x: 12, y: layout.height - 12 - row * ENTRIES.length, w, h: row * ENTRIES.length };
  const clear =
    layout.width >= 900 &&
    layout.height >= 560 &&
    layout.seats.every((s) => !circleBoxOverlap(s, layout.seatR + 6, box) && !boxesOverlap(s.placard, box, 6));
  if (!clear) return null;
  const rows = ENTRIES.map(([kind, text], i) => {
    const y = box.y + row * i + row / 2;
    return { kind, text, x: box.x + r, y, textX: box.x + 2 * r + 8 };
  });
  return { fontPx, r, rows };
}

export class Legend {
  private readonly icons: Phaser.GameObjects.Graphics;

  constructor(scene: Phaser.Scene) {
    this.icons = scene.add.graphics().setDepth(DEPTH.legend);
  }

  /** Draws the key's badges (nothing when `legend` is null). */
  place(legend: LegendLayout | null): void {
    this.icons.clear();
    for (const row of legend?.rows ?? []) drawBadge(this.icons, row.kind, row.x, row.y, legend?.r ?? 0);
  }

  destroy(): void {
    this.icons.destroy();
  }
}
