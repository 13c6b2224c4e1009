/** Small round badges drawn with Graphics: stance glyphs (✓ ? ✕ ·), the "hit" bolt and the "broke silence" mark. */
import Phaser from "phaser";
import { COLORS, STANCE, type StanceStyle } from "./palette.ts";

/** Phaser's Graphics wants Vector2 instances for polygons. */
export const vectors = (points: ReadonlyArray<readonly [number, number]>): Phaser.Math.Vector2[] =>
  points.map(([x, y]) => new Phaser.Math.Vector2(x, y));

export type BadgeKind = StanceStyle["glyph"] | "hit" | "brokeSilence";

/** Draws a badge of radius `r` centred on (x, y); shape, not only colour, tells the kinds apart. */
export function drawBadge(g: Phaser.GameObjects.Graphics, kind: BadgeKind, x: number, y: number, r: number): void {
  const fill =
    kind === "hit"
      ? COLORS.hit
      : kind === "brokeSilence"
        ? COLORS.brokeSilence
        : (Object.values(STANCE).find((s) => s.glyph === kind)?.color ?? COLORS.white);
  g.fillStyle(COLORS.seatBack, 1);
  g.fillCircle(x, y, r + 1.2);
  g.fillStyle(fill, 1);
  g.fillCircle(x, y, r);
  const w = Math.max(1.4, r * 0.26);
  const ink = kind === "question" ? COLORS.seatBack : COLORS.white; // dark on amber reads better
  g.lineStyle(w, ink, 1);
  g.fillStyle(ink, 1);
  const s = r * 0.5;
  switch (kind) {
    case "check":
      g.beginPath();
      g.moveTo(x - s, y + s * 0.05);
      g.lineTo(x - s * 0.25, y + s * 0.75);
      g.lineTo(x + s, y - s * 0.7);
      g.strokePath();
      break;
    case "cross":
      g.lineBetween(x - s * 0.8, y - s * 0.8, x + s * 0.8, y + s * 0.8);
      g.lineBetween(x - s * 0.8, y + s * 0.8, x + s * 0.8, y - s * 0.8);
      break;
    case "question":
      g.beginPath();
      g.arc(x, y - s * 0.35, s * 0.55, Math.PI * 1.05, Math.PI * 2.25, false);
      g.lineTo(x, y + s * 0.35);
      g.strokePath();
      g.fillCircle(x, y + s * 0.85, w * 0.7);
      break;
    case "dot":
      g.fillCircle(x, y, r * 0.28);
      break;
    case "hit":
      g.fillPoints(
        vectors([
          [x + s * 0.25, y - s * 1.1],
          [x - s * 0.65, y + s * 0.15],
          [x - s * 0.05, y + s * 0.15],
          [x - s * 0.3, y + s * 1.1],
          [x + s * 0.65, y - s * 0.2],
          [x + s * 0.05, y - s * 0.2],
        ]),
        true,
      );
      break;
    case "brokeSilence":
      g.fillRect(x - w / 2, y - s * 0.95, w, s * 1.2);
      g.fillCircle(x, y + s * 0.75, w * 0.65);
      break;
  }
}
