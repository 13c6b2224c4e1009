/** The bold, centred name text on a placard, shared by ally seats and the chair. */
import type Phaser from "phaser";
import { CSS, DEPTH, FONT } from "./palette.ts";

export function addPlacardLabel(scene: Phaser.Scene, dpr: number): Phaser.GameObjects.Text {
  return scene.add
    .text(0, 0, "", { fontFamily: FONT, fontStyle: "bold", color: CSS.ink, align: "center", resolution: dpr })
    .setOrigin(0.5)
    .setDepth(DEPTH.label);
}
