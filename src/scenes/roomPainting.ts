/**
 * Canvas 2D painting of everything in the room that only changes with the layout: the backdrop and the table,
 * the seats' bases and placards, the chair, and the legend's words. Dynamic marks (stance rings, badges, the
 * selection) are drawn above it by the Phaser scene.
 */
import { type Ellipse, ovalOutline, scaleOval } from "./geometry.ts";
import type { LegendLayout } from "./legendLayout.ts";
import { boldFont, COLORS, CSS, FONT } from "./palette.ts";
import type { Box, CouncilLayout } from "./seatLayout.ts";

const css = (color: number, alpha = 1): string =>
  `rgba(${(color >> 16) & 0xff},${(color >> 8) & 0xff},${color & 0xff},${alpha})`;

const LINE_HEIGHT = 1.15; // placard text line height in ems; placards are sized for it (seatLayout.ts)

/** Paints the backdrop and the ring table (in CSS pixels; the context is already scaled to device pixels). */
export function paintTable(ctx: CanvasRenderingContext2D, layout: CouncilLayout, dpr: number): void {
  const { width, height, table, well } = layout;
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
  // The table casts a soft shadow on the floor (a shadow blur costs a fraction of a blur filter).
  ctx.save();
  ctx.shadowColor = css(0x000000, 0.55);
  ctx.shadowBlur = 8 * unit * dpr; // shadows ignore the transform; a blur of 8 units is a Gaussian σ of 4
  ctx.shadowOffsetY = 4 * unit * dpr;
  fill(table, css(COLORS.tableEdge));
  ctx.restore();
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

/** The player's gold ring, drawn just outside a seat or the chair. */
function goldRing(ctx: CanvasRenderingContext2D, x: number, y: number, layout: CouncilLayout): void {
  ctx.beginPath();
  ctx.arc(x, y, layout.seatR + 2, 0, Math.PI * 2);
  ctx.lineWidth = Math.max(2, layout.ring * 0.8);
  ctx.strokeStyle = css(COLORS.gold);
  ctx.stroke();
}

function disc(ctx: CanvasRenderingContext2D, x: number, y: number, r: number, color: number): void {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  ctx.fillStyle = css(color);
  ctx.fill();
}

/** A placard with its shadow and its centred, bold lines; gold for the player. */
function placard(ctx: CanvasRenderingContext2D, p: Box, lines: readonly string[], fontPx: number, you: boolean): void {
  const radius = Math.min(4, p.h / 4);
  ctx.beginPath();
  ctx.roundRect(p.x + 1, p.y + 2, p.w, p.h, radius);
  ctx.fillStyle = css(0x000000, 0.35);
  ctx.fill();
  ctx.beginPath();
  ctx.roundRect(p.x, p.y, p.w, p.h, radius);
  ctx.fillStyle = css(you ? COLORS.gold : COLORS.ivory);
  ctx.fill();
  ctx.font = boldFont(fontPx);
  ctx.fillStyle = you ? CSS.goldInk : CSS.ink;
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  const lineH = fontPx * LINE_HEIGHT;
  const top = p.y + (p.h - lines.length * lineH) / 2;
  lines.forEach((line, i) => {
    ctx.fillText(line, p.x + p.w / 2, top + (i + 0.5) * lineH);
  });
}

/**
 * Each seat's base: the dark disc behind the flag, a plain disc where the flag goes (covered once flags have
 * loaded), the player's gold ring, and its placard (with a faint leader line back to the flag when staggered).
 */
export function paintSeats(ctx: CanvasRenderingContext2D, layout: CouncilLayout, you: readonly boolean[]): void {
  layout.seats.forEach((slot, i) => {
    disc(ctx, slot.x, slot.y, layout.seatR, COLORS.seatBack);
    disc(ctx, slot.x, slot.y, layout.flagD / 2, COLORS.flagPlaceholder);
    if (you[i]) goldRing(ctx, slot.x, slot.y, layout);
    const p = slot.placard;
    const nx = Math.max(p.x, Math.min(slot.x, p.x + p.w)) - slot.x;
    const ny = Math.max(p.y, Math.min(slot.y, p.y + p.h)) - slot.y;
    const gap = Math.hypot(nx, ny);
    if (gap > layout.seatR + 8) {
      const k = (layout.seatR + 1) / gap;
      ctx.beginPath();
      ctx.moveTo(slot.x + nx * k, slot.y + ny * k);
      ctx.lineTo(slot.x + nx, slot.y + ny);
      ctx.lineWidth = 1;
      ctx.strokeStyle = css(COLORS.ivory, 0.45);
      ctx.stroke();
    }
    placard(ctx, p, slot.lines, layout.fontPx, you[i] === true);
  });
}

/** The Secretary General's seat at the head of the table: an emblem and a placard ("You" when the player chairs). */
export function paintChair(ctx: CanvasRenderingContext2D, layout: CouncilLayout, you: boolean): void {
  const { chair, seatR: r, ring } = layout;
  if (you) goldRing(ctx, chair.x, chair.y, layout);
  disc(ctx, chair.x, chair.y, r, COLORS.chair);
  ctx.beginPath();
  ctx.arc(chair.x, chair.y, r - ring / 2, 0, Math.PI * 2);
  ctx.lineWidth = ring;
  ctx.strokeStyle = css(COLORS.inlay);
  ctx.stroke();
  // A plain four-pointed compass star: the chair of the Council, not any organisation's logo.
  const s = r * 0.62;
  const w = s * 0.26;
  const star: ReadonlyArray<readonly [number, number]> = [
    [0, -s],
    [w, -w],
    [s, 0],
    [w, w],
    [0, s],
    [-w, w],
    [-s, 0],
    [-w, -w],
  ];
  ctx.beginPath();
  for (const [x, y] of star) ctx.lineTo(chair.x + x, chair.y + y);
  ctx.closePath();
  ctx.fillStyle = css(COLORS.white);
  ctx.fill();
  disc(ctx, chair.x, chair.y, w * 0.7, COLORS.chair);
  placard(ctx, chair.placard, chair.lines, layout.fontPx, you);
}

/** The legend's words (its badges are drawn by the scene). */
export function paintLegendWords(ctx: CanvasRenderingContext2D, legend: LegendLayout): void {
  ctx.font = `${legend.fontPx}px ${FONT}`;
  ctx.fillStyle = CSS.muted;
  ctx.textAlign = "left";
  ctx.textBaseline = "middle";
  for (const row of legend.rows) ctx.fillText(row.text, row.textX, row.y);
}
