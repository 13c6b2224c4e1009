/** Colours, fonts and stance styling of the council room. Pure data and one colour helper. */
import type { SeatStance } from "../ui/councilView.ts";

export const FONT = 'Arial, "Liberation Sans", "Helvetica Neue", Helvetica, Roboto, sans-serif';

export const COLORS = {
  backdrop: 0x0a1628, // deep navy room
  backdropEdge: 0x050b16,
  backdropGlow: 0x18335c,
  tableEdge: 0x2a1c12, // dark walnut rim
  table: 0x5a3f2c, // walnut top
  tableSheen: 0x7a5a40,
  inlay: 0xc9a86a, // thin brass inlay
  well: 0x0d2142, // carpet in the open middle of the ring table
  wellLine: 0x2c4a78,
  ivory: 0xede8dc, // placards
  ink: 0x13203a, // placard text
  gold: 0xe0b84c, // the player's seat
  goldInk: 0x241800,
  white: 0xffffff,
  selection: 0x8fd3ff, // the seat whose dossier is open
  seatBack: 0x0f1d33,
  flagPlaceholder: 0x2c4a78, // a seat's disc until its flag has loaded
  hit: 0xe5484d,
  brokeSilence: 0x9b7bea,
  bubble: 0xf7f4ec,
  bubbleInk: 0x1a2233,
  chair: 0x12306b,
} as const;

export const CSS = {
  text: "#edf1f7",
  muted: "#a9b7cc",
  amber: "#f2c14e",
  ink: "#13203a",
  goldInk: "#241800",
  bubbleInk: "#1a2233",
  nameTag: "#fde68a", // a delegate's name on the projector
  nameTagInk: "#1c1400",
} as const;

/** Draw order of the room's layers. */
export const DEPTH = {
  table: 0,
  halo: 10,
  flag: 11,
  ring: 12,
  plate: 13,
  label: 14,
  badge: 15,
  centre: 20,
  legend: 21,
  bubble: 30,
} as const;

export interface StanceStyle {
  color: number;
  label: string; // for the legend
  glyph: "check" | "question" | "cross" | "dot";
}

export const STANCE: Readonly<Record<SeatStance, StanceStyle>> = {
  support: { color: 0x3fb950, label: "Support", glyph: "check" },
  undecided: { color: 0xe3a93a, label: "Undecided", glyph: "question" },
  oppose: { color: 0xf0524a, label: "Oppose", glyph: "cross" },
  silent: { color: 0x8b949e, label: "Silent", glyph: "dot" },
};

/** Linear blend of two 0xRRGGBB colours; t in [0, 1]. Pure. */
export function lerpColor(from: number, to: number, t: number): number {
  const k = Math.min(1, Math.max(0, t));
  const ch = (shift: number) => {
    const a = (from >> shift) & 0xff;
    const b = (to >> shift) & 0xff;
    return Math.round(a + (b - a) * k) << shift;
  };
  return ch(16) | ch(8) | ch(0);
}

/** CSS font string for the placards' bold face at `px`. */
export const boldFont = (px: number): string => `bold ${px}px ${FONT}`;
