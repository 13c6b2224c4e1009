/** Small pure 2D helpers for the council room's layout: boxes, ovals and arc-length spacing. */

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number; // left
  y: number; // top
  w: number;
  h: number;
}

export interface Ellipse {
  cx: number;
  cy: number;
  rx: number;
  ry: number;
  p: number; // squareness: 2 is a true ellipse, larger values bulge towards a rounded rectangle
}

/** True when the boxes come closer than `gap` on both axes. */
export function boxesOverlap(a: Box, b: Box, gap = 0): boolean {
  return a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap;
}

/** True when `inner` lies entirely within `outer`. */
export function boxInside(inner: Box, outer: Box): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.w <= outer.x + outer.w &&
    inner.y + inner.h <= outer.y + outer.h
  );
}

/** True when the circle at `c` with radius `r` comes closer than `gap` to the box. */
export function circleBoxOverlap(c: Point, r: number, b: Box, gap = 0): boolean {
  const dx = c.x - Math.max(b.x, Math.min(c.x, b.x + b.w));
  const dy = c.y - Math.max(b.y, Math.min(c.y, b.y + b.h));
  return Math.hypot(dx, dy) < r + gap;
}

/**
 * A box of `size` whose nearest side lies `dist` from `from` along the unit vector `dir` (so it clears a circle of
 * radius `dist` around `from`).
 */
export function placeAlong(from: Point, size: { w: number; h: number }, dir: Point, dist: number): Box {
  const t = dist + (Math.abs(dir.x) * size.w + Math.abs(dir.y) * size.h) / 2;
  const cx = from.x + dir.x * t;
  const cy = from.y + dir.y * t;
  return { x: cx - size.w / 2, y: cy - size.h / 2, w: size.w, h: size.h };
}

/** Distance from `p` to the nearest point of `b` (0 inside it). */
export function pointBoxDistance(p: Point, b: Box): number {
  const dx = Math.max(b.x - p.x, 0, p.x - (b.x + b.w));
  const dy = Math.max(b.y - p.y, 0, p.y - (b.y + b.h));
  return Math.hypot(dx, dy);
}

/**
 * Like placeAlong, but as close to `from` as the box can come along `dir` while every point of it stays at least
 * `dist` away (a box whose corner faces `from` comes in nearer than its side would).
 */
export function placeBeside(from: Point, size: { w: number; h: number }, dir: Point, dist: number): Box {
  const at = (t: number): Box => {
    const cx = from.x + dir.x * t;
    const cy = from.y + dir.y * t;
    return { x: cx - size.w / 2, y: cy - size.h / 2, w: size.w, h: size.h };
  };
  let lo = dist; // the box's centre lies at least `dist` away
  let hi = dist + (Math.abs(dir.x) * size.w + Math.abs(dir.y) * size.h) / 2; // placeAlong's answer: always clear
  for (let i = 0; i < 14; i++) {
    const mid = (lo + hi) / 2;
    if (pointBoxDistance(from, at(mid)) >= dist) hi = mid;
    else lo = mid;
  }
  return at(hi);
}

const signedPow = (v: number, k: number): number => Math.sign(v) * Math.abs(v) ** k;

/** Point on the oval at parameter `t` (0 = top, increasing clockwise on screen, y down). */
export function ovalPoint(e: Ellipse, t: number): Point {
  if (e.p === 2) return { x: e.cx + e.rx * Math.sin(t), y: e.cy - e.ry * Math.cos(t) };
  const k = 2 / e.p;
  return { x: e.cx + e.rx * signedPow(Math.sin(t), k), y: e.cy - e.ry * signedPow(Math.cos(t), k) };
}

/** The oval's outline as a closed polygon of `n` points. */
export function ovalOutline(e: Ellipse, n = 180): Point[] {
  return Array.from({ length: n }, (_, i) => ovalPoint(e, (i / n) * 2 * Math.PI));
}

/** How far out `pt` lies relative to the oval: < 1 inside, 1 on it, > 1 outside. */
export function ovalRadius(e: Ellipse, pt: Point): number {
  return (Math.abs((pt.x - e.cx) / e.rx) ** e.p + Math.abs((pt.y - e.cy) / e.ry) ** e.p) ** (1 / e.p);
}

/** The oval scaled about its centre by `k`. */
export function scaleOval(e: Ellipse, k: number): Ellipse {
  return { ...e, rx: e.rx * k, ry: e.ry * k };
}

const STEPS = 720;
const tables = new Map<string, number[]>();

/** Cumulative arc length at STEPS+1 evenly spaced parameters around the oval (memoised: layouts retry often). */
function arcTable(e: Ellipse): number[] {
  const key = `${e.rx}|${e.ry}|${e.p}`;
  const known = tables.get(key);
  if (known) return known;
  if (tables.size > 64) tables.clear();
  const cumulative: number[] = [0];
  tables.set(key, cumulative);
  let prev = ovalPoint(e, 0);
  for (let i = 1; i <= STEPS; i++) {
    const p = ovalPoint(e, (i / STEPS) * 2 * Math.PI);
    cumulative.push((cumulative[i - 1] ?? 0) + Math.hypot(p.x - prev.x, p.y - prev.y));
    prev = p;
  }
  return cumulative;
}

/** The oval's perimeter. */
export function ovalPerimeter(e: Ellipse): number {
  return arcTable(e)[STEPS] ?? 0;
}

/**
 * `count` points spread evenly by arc length around the oval, clockwise from the top: point i sits at
 * (offset + i) / slots of the perimeter. Each carries the oval's outward unit normal there.
 */
export function ellipseArcPoints(
  e: Ellipse,
  count: number,
  slots: number,
  offset: number,
): Array<Point & { normal: Point }> {
  const steps = STEPS;
  const cumulative = arcTable(e);
  const perimeter = cumulative[steps] ?? 0;
  const out: Array<Point & { normal: Point }> = [];
  let j = 0;
  for (let i = 0; i < count; i++) {
    const s = (((offset + i) / slots) % 1) * perimeter;
    while (j < steps && (cumulative[j + 1] ?? perimeter) < s) j++;
    const s0 = cumulative[j] ?? 0;
    const s1 = cumulative[j + 1] ?? perimeter;
    const t = ((j + (s1 > s0 ? (s - s0) / (s1 - s0) : 0)) / steps) * 2 * Math.PI;
    const p = ovalPoint(e, t);
    const nx = signedPow((p.x - e.cx) / e.rx, e.p - 1) / e.rx;
    const ny = signedPow((p.y - e.cy) / e.ry, e.p - 1) / e.ry;
    const len = Math.hypot(nx, ny) || 1;
    out.push({ ...p, normal: { x: nx / len, y: ny / len } });
  }
  return out;
}
