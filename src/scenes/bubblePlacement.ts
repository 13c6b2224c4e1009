/**
 * Where a speech bubble goes: near the seat that speaks, into the room, but never over the centre title or another
 * bubble, and over as few flags and placards as possible. Pure; lengths in CSS pixels.
 */
import { type Box, boxesOverlap, placeAlong } from "./geometry.ts";

export interface BubbleAim {
  x: number; // the point the bubble's tail aims at
  y: number;
  dirX: number; // unit direction, into the room, in which the bubble is placed
  dirY: number;
  clear: number; // distance from the anchor the bubble must keep
}

export interface BubbleWorld {
  width: number; // the room's size
  height: number;
  keepClear: readonly Box[]; // never covered: the centre title, other bubbles
  avoid: readonly Box[]; // covered only when nothing else fits: flags and placards
}

const MARGIN = 4; // from the room's edges
const GAP = 4; // between a bubble and what it must keep clear of
const STEPS = [0, 14, 30, 50, 75, 105]; // extra distance from the anchor, tried in order
const SIDEWAYS = [0, -0.6, 0.6, -1.2, 1.2]; // shifts across the direction, in bubble widths

function clampInto(b: Box, width: number, height: number): Box {
  return {
    ...b,
    x: Math.min(Math.max(b.x, MARGIN), width - b.w - MARGIN),
    y: Math.min(Math.max(b.y, MARGIN), height - b.h - MARGIN),
  };
}

/** The spots tried for a bubble, nearest to its anchor first. */
export function candidateSpots(aim: BubbleAim, size: { w: number; h: number }, width: number, height: number): Box[] {
  const out: Box[] = [];
  const across = { x: -aim.dirY, y: aim.dirX };
  for (const extra of STEPS) {
    const base = placeAlong(aim, size, { x: aim.dirX, y: aim.dirY }, aim.clear + 10 + extra);
    for (const k of SIDEWAYS) {
      const shift = k * (Math.abs(across.x) * size.w + Math.abs(across.y) * size.h);
      out.push(clampInto({ ...base, x: base.x + across.x * shift, y: base.y + across.y * shift }, width, height));
    }
  }
  return out;
}

/**
 * The first spot that keeps clear of `world.keepClear`, preferring spots that cover fewer of `world.avoid`
 * (then the nearest); null when every spot covers something that must stay clear.
 */
export function placeBubble(aim: BubbleAim, size: { w: number; h: number }, world: BubbleWorld): Box | null {
  let best: Box | null = null;
  let bestCost = Number.POSITIVE_INFINITY;
  for (const spot of candidateSpots(aim, size, world.width, world.height)) {
    if (world.keepClear.some((b) => boxesOverlap(spot, b, GAP))) continue;
    const cost = world.avoid.reduce((n, b) => n + (boxesOverlap(spot, b, 0) ? 1 : 0), 0);
    if (cost < bestCost) {
      best = spot;
      bestCost = cost;
      if (cost === 0) break;
    }
  }
  return best;
}
