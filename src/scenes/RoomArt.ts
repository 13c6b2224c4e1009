/**
 * The room itself: a navy backdrop with a soft light over the table, and the walnut ring table around its well.
 * It is painted once per layout with Canvas 2D into one texture, so the GPU draws a single quad per frame.
 */
import Phaser from "phaser";
import { type Ellipse, ovalOutline, scaleOval } from "./geometry.ts";
import { COLORS, DEPTH } from "./palette.ts";
import type { CouncilLayout } from "./seatLayout.ts";

const KEY = "council-room";
const css = (color: number, alpha = 1): string =>
  `rgba(${(color >> 16) & 0xff},${(color >> 8) & 0xff},${color & 0xff},${alpha})`;

export class RoomArt {
  private readonly scene: Phaser.Scene;
  private readonly dpr: number;
  private image: Phaser.GameObjects.Image | null = null;

  constructor(scene: Phaser.Scene, dpr: number) {
    this.scene = scene;
    this.dpr = dpr;
  }

  draw(layout: CouncilLayout): void {
    const w = Math.max(1, Math.round(layout.width * this.dpr));
    const h = Math.max(1, Math.round(layout.height * this.dpr));
    const textures = this.scene.textures;
    const texture = textures.exists(KEY) ? textures.get(KEY) : textures.createCanvas(KEY, w, h);
    if (!(texture instanceof Phaser.Textures.CanvasTexture)) return;
    texture.setSize(w, h);
    paint(texture.context, layout, this.dpr);
    texture.refresh();
    this.image ??= this.scene.add.image(0, 0, KEY).setOrigin(0).setDepth(DEPTH.backdrop);
    this.image.setTexture(KEY).setDisplaySize(layout.width, layout.height);
  }

  destroy(): void {
    this.image?.destroy();
    if (this.scene.textures.exists(KEY)) this.scene.textures.remove(KEY);
  }
}

function paint(ctx: CanvasRenderingContext2D, layout: CouncilLayout, dpr: number): void {
  const { width, height, table, well } = layout;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const light = ctx.createRadialGradient(
    width / 2,
    height / 2,
    0,
    width / 2,
    height / 2,
    Math.hypot(width, height) / 2,
  );
  light.addColorStop(0, css(COLORS.backdropGlow));
  light.addColorStop(0.55, css(COLORS.backdrop));
  light.addColorStop(1, css(COLORS.backdropEdge));
  ctx.fillStyle = light;
  ctx.fillRect(0, 0, width, height);
  const unit = Math.max(1, layout.seatR / 14);
  const path = (e: Ellipse) => {
    ctx.beginPath();
    if (e.p === 2) ctx.ellipse(e.cx, e.cy, Math.max(1, e.rx), Math.max(1, e.ry), 0, 0, Math.PI * 2);
    else for (const p of ovalOutline(e)) ctx.lineTo(p.x, p.y); // the first lineTo starts the path
    ctx.closePath();
  };
  const fill = (e: Ellipse, style: string | CanvasGradient) => {
    path(e);
    ctx.fillStyle = style;
    ctx.fill();
  };
  const stroke = (e: Ellipse, lineWidth: number, style: string) => {
    path(e);
    ctx.lineWidth = lineWidth;
    ctx.strokeStyle = style;
    ctx.stroke();
  };
  ctx.save();
  ctx.filter = `blur(${4 * unit}px)`;
  fill({ ...table, cy: table.cy + 4 * unit }, css(0x000000, 0.55)); // shadow on the floor
  ctx.restore();
  fill(table, css(COLORS.tableEdge));
  const wood = ctx.createRadialGradient(table.cx, table.cy - table.ry * 0.3, 0, table.cx, table.cy, table.rx);
  wood.addColorStop(0, css(COLORS.tableSheen));
  wood.addColorStop(1, css(COLORS.table));
  fill(scaleOval(table, 1 - (2.5 * unit) / table.ry), wood);
  for (let i = 1; i <= 4; i++) {
    const k = 1 - (i / 5) * (1 - well.ry / table.ry);
    stroke(scaleOval(table, k), unit, css(COLORS.tableSheen, 0.22)); // faint grain
  }
  stroke(scaleOval(table, 1 - (6 * unit) / table.ry), unit * 0.8, css(COLORS.inlay, 0.5));
  fill(scaleOval(well, 1 + (3 * unit) / well.ry), css(COLORS.tableEdge));
  const carpet = ctx.createRadialGradient(well.cx, well.cy, 0, well.cx, well.cy, Math.max(well.rx, well.ry));
  carpet.addColorStop(0, css(COLORS.wellLine));
  carpet.addColorStop(0.7, css(COLORS.well));
  fill(well, carpet);
  stroke(scaleOval(well, 0.94), unit, css(COLORS.wellLine, 0.6));
  // A quiet compass rose on the carpet.
  const r = Math.min(well.rx, well.ry) * 0.8;
  ctx.lineWidth = unit;
  ctx.strokeStyle = css(COLORS.wellLine, 0.45);
  ctx.beginPath();
  for (let i = 0; i < 8; i++) {
    const a = (i * Math.PI) / 4;
    const len = i % 2 === 0 ? r : r * 0.55;
    ctx.moveTo(well.cx, well.cy);
    ctx.lineTo(well.cx + Math.cos(a) * len, well.cy + Math.sin(a) * len);
  }
  ctx.moveTo(well.cx + r * 0.35, well.cy);
  ctx.arc(well.cx, well.cy, r * 0.35, 0, Math.PI * 2);
  ctx.stroke();
}
