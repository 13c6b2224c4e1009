/**
 * Pure geometry of the council room: where the chair and N seats sit around an oval table, how big flags and
 * placards are, and where the centre labels go. No Phaser, no DOM; all lengths in CSS pixels.
 */
import {
  type Box,
  boxesOverlap,
  boxInside,
  circleBoxOverlap,
  type Ellipse,
  ellipseArcPoints,
  ovalPerimeter,
  ovalRadius,
  type Point,
  placeAlong,
  placeBeside,
  scaleOval,
} from "./geometry.ts";
import { CANDIDATES, type LabelMode, type Tier } from "./layoutTiers.ts";
import { estimateTextWidth } from "./textMetrics.ts";

export type { Box, Ellipse, Point } from "./geometry.ts";
export { boxesOverlap } from "./geometry.ts";
export type { LabelMode, Stagger, Tier } from "./layoutTiers.ts";
export { estimateTextWidth } from "./textMetrics.ts";

export interface SeatLabel {
  name: string; // English short name
  code: string; // ISO3, used when the canvas is narrow
  isYou?: boolean; // the player's seat: its placard gets a second line, "You"
}

/** Width in CSS px of `text` set in the placard's bold font at `fontPx`. */
export type MeasureText = (text: string, fontPx: number) => number;

export interface SeatSlot extends Point {
  normal: Point; // outward unit normal of the seat oval at this seat
  placard: Box;
  lines: string[]; // placard text, one entry per line; the player's seat has a second line, "You"
}

export interface ChairSlot extends Point {
  placard: Box;
  lines: string[];
}

export interface CouncilLayout {
  width: number;
  height: number;
  flagD: number; // diameter of the round flag
  ring: number; // stance ring thickness
  seatR: number; // radius of a seat: flag plus ring
  badge: number; // radius of the small badges on the ring
  fontPx: number; // placard font size
  mode: LabelMode;
  staggered: boolean; // some placards moved one row inwards to clear their neighbours
  seatOval: Ellipse; // the seats' centres lie on this oval
  table: Ellipse; // outer edge of the ring table
  well: Ellipse; // the open well inside the ring table
  chair: ChairSlot;
  seats: SeatSlot[];
  centre: Box; // free area for the clock, round, incident and deadline
  fits: boolean; // no flag or placard overlaps another (false only when even the smallest tier fails)
  roomy: boolean; // the centre has room for its labels
}

const GAP = 2; // minimum clearance between any two boxes
const CHAIR_LABEL = "Secretary General";

export const YOU = "You";

/** The ways to write a seat's placard, preferred first: its name on one line, then over two; or its code. */
function placardVariants(label: SeatLabel, mode: LabelMode): string[][] {
  const you = label.isYou ? [YOU] : [];
  if (mode === "code") return [[label.code, ...you]];
  const cut = label.name.lastIndexOf(" ");
  const one = [label.name, ...you];
  return cut > 0 ? [one, [label.name.slice(0, cut), label.name.slice(cut + 1), ...you]] : [one];
}

/** Size of a placard holding `lines` (padding included). */
function placardSize(lines: string[], fontPx: number, measure: MeasureText): { w: number; h: number } {
  const textW = Math.max(...lines.map((l) => measure(l, fontPx)));
  const padX = fontPx >= 14 ? fontPx * 0.9 : 4;
  return { w: Math.ceil(textW + padX), h: Math.ceil(lines.length * fontPx * 1.15 + (fontPx >= 14 ? 6 : 4)) };
}

function fitTier(
  width: number,
  height: number,
  labels: readonly SeatLabel[],
  chairIsYou: boolean,
  tier: Tier,
  measure: MeasureText,
  quick = true,
): { layout: CouncilLayout | null; problems: string[] } {
  const { flagD, fontPx, mode, stagger, p } = tier;
  const ring = Math.max(2, Math.round(flagD * 0.08));
  const seatR = flagD / 2 + ring;
  const badge = Math.max(5.5, Math.round(flagD * 0.19));
  const seatOval: Ellipse = {
    cx: width / 2,
    cy: height / 2,
    rx: Math.max(20, width / 2 - seatR - 5),
    ry: Math.max(20, height / 2 - seatR - 4),
    p,
  };
  const problems: string[] = [];
  const perimeter = ovalPerimeter(seatOval);
  // Quicker out, before measuring anything: seats are spaced along the oval by at most its perimeter over
  // (seats + 2 chair slots), and neighbours closer along the oval than two seats apart touch whatever else holds.
  if (quick && labels.length >= 2 && perimeter / (labels.length + 2) < 2 * seatR + GAP) {
    return { layout: null, problems: ["flags touch"] };
  }
  const canvas: Box = { x: 0, y: 0, w: width, h: height };
  // The chair takes two or more slots: enough that its placard fits between its neighbours' placards.
  const chairName =
    mode === "code" || measure(CHAIR_LABEL, fontPx) + 12 > width * 0.3 ? ["Secretary", "General"] : [CHAIR_LABEL];
  const chairLines = chairIsYou ? [...chairName, YOU] : chairName;
  const chairSize = placardSize(chairLines, fontPx, measure);
  const ends = [labels[0], labels[labels.length - 1]].map((l) =>
    l ? Math.min(...placardVariants(l, mode).map((v) => placardSize(v, fontPx, measure).w)) : 0,
  );
  const need = chairSize.w / 2 + Math.max(...ends) / 2 + GAP;
  let chairSlots = 2;
  for (let k = 0; k < 3; k++) chairSlots = Math.max(2, (2 * need) / (perimeter / (labels.length + chairSlots)) - 1);
  chairSlots = Math.min(chairSlots, 3);
  const arc = ellipseArcPoints(seatOval, labels.length, labels.length + chairSlots, chairSlots / 2 + 0.5);
  const seats: SeatSlot[] = [];
  let staggered = false;
  // Cheap early out: neighbouring flags that touch fail this tier whatever the placards do.
  const crowded = arc.some((p, i) => {
    const q = arc[i + 1];
    return q !== undefined && Math.hypot(p.x - q.x, p.y - q.y) < 2 * seatR + GAP;
  });
  if (crowded) problems.push("flags touch");
  if (crowded && quick) return { layout: null, problems };
  for (const [i, label] of labels.entries()) {
    const pt = arc[i] ?? { x: 0, y: 0, normal: { x: 0, y: -1 } };
    const inward = { x: -pt.normal.x, y: -pt.normal.y };
    const near = (j: number) => Math.abs(j - i) <= 4;
    const blocked = (b: Box) =>
      seats.some((s, j) => near(j) && boxesOverlap(b, s.placard, GAP)) ||
      arc.some((q, j) => near(j) && circleBoxOverlap(q, seatR, b, GAP));
    // The first way of writing it that clears its neighbours, else the most compact one.
    const options = placardVariants(label, mode).map((lines) => {
      const size = placardSize(lines, fontPx, measure);
      return { lines, size, placard: placeBeside(pt, size, inward, seatR + GAP) };
    });
    const chosen = options.find((o) => !blocked(o.placard)) ?? options[options.length - 1];
    if (!chosen) continue;
    let { placard } = chosen;
    const { lines, size } = chosen;
    // Staggering moves a placard inwards, by whole rows or just enough, until it clears its neighbours.
    const ax = Math.abs(inward.x) > 1e-6 ? (size.w + GAP) / Math.abs(inward.x) : Number.POSITIVE_INFINITY;
    const row = Math.min(ax, Math.abs(inward.y) > 1e-6 ? (size.h + GAP) / Math.abs(inward.y) : ax);
    if (stagger !== "none" && !crowded && blocked(placard)) {
      staggered = true;
      for (let d = stagger === "rows" ? row : 2; d <= row * (mode === "code" ? 3 : 2); d += 2) {
        placard = placeBeside(pt, size, inward, seatR + GAP + d);
        if (!blocked(placard)) break;
      }
    }
    if (!boxInside(placard, canvas)) problems.push(`seat ${i} leaves the canvas`);
    seats.push({ x: pt.x, y: pt.y, normal: pt.normal, placard, lines });
  }
  for (const [i, a] of seats.entries()) {
    for (const b of seats.slice(i + 1)) {
      if (
        Math.hypot(a.x - b.x, a.y - b.y) < 2 * seatR + GAP ||
        circleBoxOverlap(a, seatR, b.placard, GAP) ||
        circleBoxOverlap(b, seatR, a.placard, GAP) ||
        boxesOverlap(a.placard, b.placard, GAP)
      ) {
        problems.push(`seats ${i} and ${seats.indexOf(b)} overlap`);
      }
    }
  }
  // The chair: an emblem at the head of the table, its placard hanging below, clear of every seat.
  const head = { x: seatOval.cx, y: seatOval.cy - seatOval.ry };
  if (seats.some((s) => Math.hypot(s.x - head.x, s.y - head.y) < 2 * seatR + GAP)) problems.push("the chair overlaps");
  let chairPlacard = placeAlong(head, chairSize, { x: 0, y: 1 }, seatR + GAP);
  for (let moved = true, guard = 0; moved && guard < 8; guard++) {
    moved = false;
    for (const s of seats) {
      if (!boxesOverlap(s.placard, chairPlacard, GAP) && !circleBoxOverlap(s, seatR, chairPlacard, GAP)) continue;
      chairPlacard = { ...chairPlacard, y: Math.max(s.placard.y + s.placard.h, s.y + seatR) + GAP };
      moved = true;
    }
  }
  // The well: the largest oval of the seats' shape with every placard outside it.
  let k = 1;
  for (const b of seats.map((s) => s.placard)) {
    for (const x of [b.x, b.x + b.w]) for (const y of [b.y, b.y + b.h]) k = Math.min(k, ovalRadius(seatOval, { x, y }));
  }
  const well = scaleOval(seatOval, k * 0.97);
  const centreTop = Math.max(chairPlacard.y + chairPlacard.h + GAP, seatOval.cy - well.ry * 0.75);
  const centreBottom = seatOval.cy + well.ry * 0.75;
  const halfH = Math.max(centreBottom - seatOval.cy, seatOval.cy - centreTop);
  const halfW = well.rx * Math.max(0, 1 - (halfH / well.ry) ** p) ** (1 / p) - 4;
  const centre: Box = { x: seatOval.cx - halfW, y: centreTop, w: 2 * halfW, h: centreBottom - centreTop };
  const roomy = centre.w >= Math.min(150, width * 0.27) && centre.h >= fontPx * 4.5;
  const layout: CouncilLayout = {
    width,
    height,
    flagD,
    ring,
    seatR,
    badge,
    fontPx,
    mode,
    staggered,
    seatOval,
    table: scaleOval(seatOval, 1 - (seatR * 0.45) / seatOval.ry),
    well,
    chair: { ...head, placard: chairPlacard, lines: chairLines },
    seats,
    centre,
    fits: problems.length === 0,
    roomy,
  };
  return { layout, problems: roomy ? problems : [...problems, "no room in the centre"] };
}

/**
 * Lays out the chair and `labels.length` seats (in order, clockwise from the chair) on a `width`×`height` canvas.
 * Pure. Tries the tiers of layoutTiers.ts in order (large flags and fonts first, placard font ≥ 12 px; full names,
 * split over two lines where that clears a neighbour, before staggered placards, before ISO3 codes) and returns the
 * first where no flag or placard overlaps another and the centre keeps room for its labels; else the tier without
 * overlaps that leaves the most room in the centre; else the smallest tier, with `fits` false.
 */
export function layoutCouncil(
  width: number,
  height: number,
  labels: readonly SeatLabel[],
  chairIsYou = false,
  measure: MeasureText = estimateTextWidth,
): CouncilLayout {
  let roomiest: CouncilLayout | null = null;
  let lastTier: Tier | null = null;
  for (const tier of CANDIDATES) {
    lastTier = tier;
    const { layout } = fitTier(width, height, labels, chairIsYou, tier, measure);
    if (layout?.fits && layout.roomy) return layout;
    const area = (l: CouncilLayout) => l.centre.w * l.centre.h;
    if (layout?.fits && (!roomiest || area(layout) > area(roomiest))) roomiest = layout;
  }
  if (roomiest) return roomiest;
  const fallback = lastTier && fitTier(width, height, labels, chairIsYou, lastTier, measure, false).layout;
  if (!fallback) throw new Error("no layout tiers");
  return fallback;
}

/** Why a given tier does not fit (for tests and debugging). */
export function tierProblems(width: number, height: number, labels: readonly SeatLabel[], tier: Tier): string[] {
  return fitTier(width, height, labels, false, tier, estimateTextWidth).problems;
}
