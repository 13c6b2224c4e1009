/**
 * The room itself: everything that only changes with the layout (backdrop, table, seat bases and placards, the
 * chair, the legend's words), painted with Canvas 2D into a canvas element of its own behind the transparent
 * WebGL canvas. The browser composites it; the GPU never takes a full-screen texture upload, and Phaser only
 * draws what moves (stance rings, badges, the selection, flags, bubbles), which keeps every frame cheap.
 */
import type Phaser from "phaser";
import type { LegendLayout } from "./legendLayout.ts";
import { paintChair, paintLegendWords, paintSeats, paintTable } from "./roomPainting.ts";
import type { CouncilLayout } from "./seatLayout.ts";

/** What the painting needs beyond the layout: who the player is. */
export interface RoomFurniture {
  seatIsYou: readonly boolean[]; // by seat index in the layout
  chairIsYou: boolean;
  legend: LegendLayout | null; // null when the legend is hidden
}

export class RoomArt {
  private readonly canvas: HTMLCanvasElement;
  private readonly game: HTMLCanvasElement;
  private readonly dpr: number;

  constructor(scene: Phaser.Scene, dpr: number) {
    this.dpr = dpr;
    this.canvas = document.createElement("canvas");
    this.canvas.className = "council-room-art";
    this.canvas.setAttribute("aria-hidden", "true");
    this.game = scene.game.canvas;
    Object.assign(this.canvas.style, { position: "absolute", left: "0", top: "0", pointerEvents: "none" });
    this.game.style.position = "relative"; // positioned, and after the art: drawn above it
    this.game.before(this.canvas);
  }

  /**
   * Shows the art at the WebGL canvas's displayed size. They match once laid out; in between (the page resized, the
   * room not yet laid out again) Phaser scales its canvas to fit, and the art must scale with it.
   */
  fit(): void {
    this.canvas.style.width = this.game.style.width;
    this.canvas.style.height = this.game.style.height;
  }

  draw(layout: CouncilLayout, furniture: RoomFurniture): void {
    const canvas = this.canvas;
    canvas.width = Math.max(1, Math.round(layout.width * this.dpr));
    canvas.height = Math.max(1, Math.round(layout.height * this.dpr));
    this.fit();
    const ctx = canvas.getContext("2d");
    if (!ctx) return;
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    paintTable(ctx, layout, this.dpr);
    paintSeats(ctx, layout, furniture.seatIsYou);
    paintChair(ctx, layout, furniture.chairIsYou);
    if (furniture.legend) paintLegendWords(ctx, furniture.legend);
  }

  destroy(): void {
    this.canvas.remove();
  }
}
