/**
 * A small key to the badges, in a free corner of the room or at the foot of the table's centre (legendLayout.ts).
 * The scene draws its badges; its words are painted with the room (roomPainting.ts).
 */
import type Phaser from "phaser";
import { drawBadge } from "./badges.ts";
import type { LegendLayout } from "./legendLayout.ts";
import { DEPTH } from "./palette.ts";

export { type LegendLayout, legendLayout } from "./legendLayout.ts";

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
