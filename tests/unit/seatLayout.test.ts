import { describe, expect, it } from "vitest";
import allies from "../../scenarios/allies.json" with { type: "json" };
import {
  type Box,
  boxesOverlap,
  type CouncilLayout,
  estimateTextWidth,
  layoutCouncil,
  type SeatLabel,
  YOU,
} from "../../src/scenes/seatLayout.ts";

// The room's pure geometry: every seat count the game uses, on the screens it must work on, without overlaps.
const ALL: SeatLabel[] = allies.allies.map((a) => ({ name: a.name, code: a.code }));
const SIZES = [
  [1920, 1080],
  [1366, 768],
  [1024, 600],
  [390, 338], // a phone, the room taking the top 40% of the screen
  [390, 320],
  [390, 300],
] as const;
const COUNTS = [26, 27, 28, 29, 30, 31, 32];

function circleHitsBox(x: number, y: number, r: number, b: Box): boolean {
  const dx = x - Math.max(b.x, Math.min(x, b.x + b.w));
  const dy = y - Math.max(b.y, Math.min(y, b.y + b.h));
  return Math.hypot(dx, dy) < r;
}

function inside(b: Box, l: CouncilLayout): boolean {
  return b.x >= 0 && b.y >= 0 && b.x + b.w <= l.width && b.y + b.h <= l.height;
}

/** Every overlap between two seats' flags or placards, the chair, and the canvas edge. */
function collisions(l: CouncilLayout): string[] {
  const out: string[] = [];
  const r = l.seatR;
  const seats = [...l.seats.map((s, i) => ({ ...s, name: `seat ${i}` })), { ...l.chair, name: "chair" }];
  for (const [i, a] of seats.entries()) {
    if (a.x - r < 0 || a.y - r < 0 || a.x + r > l.width || a.y + r > l.height) out.push(`${a.name} leaves the canvas`);
    if (!inside(a.placard, l)) out.push(`${a.name}'s placard leaves the canvas`);
    for (const b of seats.slice(i + 1)) {
      if (Math.hypot(a.x - b.x, a.y - b.y) < 2 * r) out.push(`${a.name} and ${b.name}: flags`);
      if (boxesOverlap(a.placard, b.placard)) out.push(`${a.name} and ${b.name}: placards`);
      if (circleHitsBox(a.x, a.y, r, b.placard) || circleHitsBox(b.x, b.y, r, a.placard)) {
        out.push(`${a.name} and ${b.name}: flag on placard`);
      }
    }
  }
  return out;
}

describe("layoutCouncil", () => {
  for (const [w, h] of SIZES) {
    it.each(COUNTS)(`seats %i allies at ${w}x${h} without overlaps`, (n) => {
      const labels = ALL.slice(0, n).map((a, i) => ({ ...a, isYou: i === n - 5 }));
      const layout = layoutCouncil(w, h, labels, false);
      expect(layout.fits).toBe(true);
      expect(layout.seats).toHaveLength(n);
      expect(collisions(layout)).toEqual([]);
      expect(layout.fontPx).toBeGreaterThanOrEqual(12);
    });
  }

  it("uses full names on desktops and ISO3 codes on a phone", () => {
    const desk = layoutCouncil(1920, 1080, ALL);
    expect(desk.mode).toBe("name");
    expect(desk.seats.map((s) => s.lines.join(" "))).toEqual(ALL.map((a) => a.name));
    const phone = layoutCouncil(390, 320, ALL);
    expect(phone.mode).toBe("code");
    expect(phone.seats.map((s) => s.lines[0])).toEqual(ALL.map((a) => a.code));
  });

  it("places seats clockwise from the chair at the head of the table", () => {
    const l = layoutCouncil(1366, 768, ALL);
    const { cx, cy } = l.seatOval;
    expect(l.chair.x).toBeCloseTo(cx);
    expect(l.chair.y).toBeLessThan(Math.min(...l.seats.map((s) => s.y)) + 1);
    // Screen angle from the top, increasing clockwise (y points down).
    const angles = l.seats.map((s) => (Math.atan2(s.x - cx, cy - s.y) + 2 * Math.PI) % (2 * Math.PI));
    for (let i = 1; i < angles.length; i++) expect(angles[i]).toBeGreaterThan(angles[i - 1] ?? 0);
    expect(l.seats[0]?.x).toBeGreaterThan(cx);
    expect(l.seats.at(-1)?.x).toBeLessThan(cx);
  });

  it("marks the player's placard and the chair with a 'You' line", () => {
    const labels = ALL.map((a) => ({ ...a, isYou: a.code === "EST" }));
    const l = layoutCouncil(1366, 768, labels, true);
    const est = l.seats[labels.findIndex((a) => a.code === "EST")];
    expect(est?.lines.at(-1)).toBe(YOU);
    expect(l.seats.filter((s) => s.lines.includes(YOU))).toHaveLength(1);
    expect(l.chair.lines.at(-1)).toBe(YOU);
    expect(layoutCouncil(1366, 768, ALL, false).chair.lines).not.toContain(YOU);
  });

  it("keeps the centre free for the clock and the incident", () => {
    for (const [w, h] of SIZES.slice(0, 4)) {
      const l = layoutCouncil(w, h, ALL);
      expect(l.roomy).toBe(true);
      for (const s of l.seats) {
        expect(boxesOverlap(s.placard, l.centre)).toBe(false);
        expect(circleHitsBox(s.x, s.y, l.seatR, l.centre)).toBe(false);
      }
      expect(boxesOverlap(l.chair.placard, l.centre)).toBe(false);
    }
  });

  it("is pure: the same input gives the same layout", () => {
    expect(layoutCouncil(1024, 600, ALL.slice(0, 29))).toEqual(layoutCouncil(1024, 600, ALL.slice(0, 29)));
  });

  it("still returns a layout for a canvas too small to fit, flagged as such", () => {
    const l = layoutCouncil(200, 150, ALL);
    expect(l.seats).toHaveLength(32);
    expect(l.fits).toBe(false);
  });

  it("measures bold text like Helvetica/Arial Bold", () => {
    expect(estimateTextWidth("EST", 12)).toBeCloseTo(((667 + 667 + 611) / 1000) * 12);
    expect(estimateTextWidth("Türkiye", 10)).toBeCloseTo(estimateTextWidth("Turkiye", 10));
  });
});
