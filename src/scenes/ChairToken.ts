/** The Secretary General's seat at the head of the table: an emblem and a placard ("You" when the player chairs). */
import type Phaser from "phaser";
import { vectors } from "./badges.ts";
import { COLORS, CSS, DEPTH } from "./palette.ts";
import { addPlacardLabel } from "./placardLabel.ts";
import type { BubbleAnchor } from "./SpeechBubbles.ts";
import type { CouncilLayout } from "./seatLayout.ts";

export class ChairToken {
  private readonly emblem: Phaser.GameObjects.Graphics;
  private readonly plate: Phaser.GameObjects.Graphics;
  private readonly label: Phaser.GameObjects.Text;

  constructor(scene: Phaser.Scene, dpr: number) {
    this.emblem = scene.add.graphics().setDepth(DEPTH.ring);
    this.plate = scene.add.graphics().setDepth(DEPTH.plate);
    this.label = addPlacardLabel(scene, dpr);
  }

  /** Draws the chair for this layout; `you` marks the player's chair in gold. */
  place(layout: CouncilLayout, you: boolean): void {
    const { chair, seatR: r, ring } = layout;
    const g = this.emblem.clear().setPosition(chair.x, chair.y);
    if (you) g.lineStyle(Math.max(2, ring * 0.8), COLORS.gold, 1).strokeCircle(0, 0, r + 2);
    g.fillStyle(COLORS.chair, 1).fillCircle(0, 0, r);
    g.lineStyle(ring, COLORS.inlay, 1).strokeCircle(0, 0, r - ring / 2);
    // A plain four-pointed compass star: the chair of the Council, not any organisation's logo.
    const s = r * 0.62;
    const w = s * 0.26;
    g.fillStyle(COLORS.white, 1);
    g.fillPoints(
      vectors([
        [0, -s],
        [w, -w],
        [s, 0],
        [w, w],
        [0, s],
        [-w, w],
        [-s, 0],
        [-w, -w],
      ]),
      true,
    );
    g.fillStyle(COLORS.chair, 1).fillCircle(0, 0, w * 0.7);
    const p = chair.placard;
    const radius = Math.min(4, p.h / 4);
    const plate = this.plate.clear();
    plate.fillStyle(0x000000, 0.35).fillRoundedRect(p.x + 1, p.y + 2, p.w, p.h, radius);
    plate.fillStyle(you ? COLORS.gold : COLORS.ivory, 1).fillRoundedRect(p.x, p.y, p.w, p.h, radius);
    this.label
      .setText(chair.lines.join("\n"))
      .setColor(you ? CSS.goldInk : CSS.ink)
      .setFontSize(layout.fontPx)
      .setLineSpacing(layout.fontPx * 0.15)
      .setPosition(p.x + p.w / 2, p.y + p.h / 2);
  }

  /** Where the chair's speech bubble should point. */
  bubbleAnchor(layout: CouncilLayout): BubbleAnchor {
    const p = layout.chair.placard;
    return { x: p.x + p.w / 2, y: p.y + p.h / 2, dirX: 0, dirY: 1, clear: p.h / 2 };
  }

  destroy(): void {
    this.emblem.destroy();
    this.plate.destroy();
    this.label.destroy();
  }
}
