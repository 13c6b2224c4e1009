/** A small key to the badges, shown in the bottom-left corner when the room is big enough to spare the space. */
import type Phaser from "phaser";
import { type BadgeKind, drawBadge } from "./badges.ts";
import { boxesOverlap, circleBoxOverlap } from "./geometry.ts";
import { CSS, DEPTH, FONT, STANCE } from "./palette.ts";
import type { Box, CouncilLayout } from "./seatLayout.ts";

const ENTRIES: ReadonlyArray<readonly [BadgeKind, string]> = [
  ...Object.values(STANCE).map((s) => [s.glyph, s.label] as const),
  ["hit", "Hit by the attack"],
  ["brokeSilence", "Broke silence"],
];

export class Legend {
  private readonly icons: Phaser.GameObjects.Graphics;
  private readonly labels: Phaser.GameObjects.Text[];

  constructor(scene: Phaser.Scene, dpr: number) {
    this.icons = scene.add.graphics().setDepth(DEPTH.legend);
    this.labels = ENTRIES.map(([, text]) =>
      scene.add
        .text(0, 0, text, { fontFamily: FONT, color: CSS.muted, resolution: dpr })
        .setOrigin(0, 0.5)
        .setDepth(DEPTH.legend),
    );
  }

  /** Places the key in the bottom-left corner, or hides it if it would touch any seat. */
  place(layout: CouncilLayout): void {
    const fontPx = Math.min(15, Math.max(12, layout.fontPx - 2));
    const row = Math.round(fontPx * 1.6);
    const r = Math.round(fontPx * 0.55);
    const w = Math.max(...this.labels.map((t) => t.setFontSize(fontPx).width)) + 2 * r + 8;
    const box: Box = { x: 12, y: layout.height - 12 - row * ENTRIES.length, w, h: row * ENTRIES.length };
    const clear =
      layout.width >= 900 &&
      layout.height >= 560 &&
      layout.seats.every((s) => !circleBoxOverlap(s, layout.seatR + 6, box) && !boxesOverlap(s.placard, box, 6));
    this.icons.clear().setVisible(clear);
    for (const t of this.labels) t.setVisible(clear);
    if (!clear) return;
    ENTRIES.forEach(([kind], i) => {
      const y = box.y + row * i + row / 2;
      drawBadge(this.icons, kind, box.x + r, y, r);
      this.labels[i]?.setPosition(box.x + 2 * r + 8, y);
    });
  }

  destroy(): void {
    this.icons.destroy();
    for (const t of this.labels) t.destroy();
  }
}
