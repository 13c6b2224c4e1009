/**
 * Short speech bubbles that fade in near a seat (or the chair), stay a few seconds, and fade out. They never cover
 * the centre title or each other (bubblePlacement.ts); a bubble with no free spot replaces the older ones in its way.
 */
import type Phaser from "phaser";
import { type BubbleAim, placeBubble } from "./bubblePlacement.ts";
import { type Box, boxesOverlap } from "./geometry.ts";
import { COLORS, CSS, DEPTH, FONT } from "./palette.ts";

export type BubbleAnchor = BubbleAim;

interface Live {
  box: Phaser.GameObjects.Container;
  area: Box; // where it sits, to keep bubbles from piling up
  expiresAt: number; // wall-clock ms (performance.now) when it starts to fade out
  fading: boolean;
}

const FADE_IN_MS = 260;
const FADE_OUT_MS = 450;

export class SpeechBubbles {
  private readonly live = new Map<string, Live>();
  private centre: Box | null = null; // the centre title's extent: bubbles keep clear of it
  private avoid: readonly Box[] = []; // flags and placards: covered only when nothing else fits

  private readonly scene: Phaser.Scene;
  private readonly dpr: number;

  constructor(scene: Phaser.Scene, dpr: number) {
    this.scene = scene;
    this.dpr = dpr;
  }

  /** Shows `text` for `key` (replacing its current bubble) inside a `width`×`height` room. */
  show(key: string, text: string, anchor: BubbleAnchor, width: number, height: number, fontPx: number): void {
    this.remove(key);
    const pad = Math.round(fontPx * 0.55);
    const maxW = Math.max(120, Math.min(260, width * 0.42));
    const label = this.scene.add
      .text(0, 0, text, {
        fontFamily: FONT,
        fontSize: `${fontPx}px`,
        color: CSS.bubbleInk,
        align: "center",
        wordWrap: { width: maxW - 2 * pad, useAdvancedWrap: true },
        resolution: this.dpr,
      })
      .setOrigin(0.5);
    const w = Math.ceil(label.width + 2 * pad);
    const h = Math.ceil(label.height + 2 * pad * 0.8);
    const spot = this.findSpot(key, anchor, { w, h }, width, height);
    if (!spot) {
      label.destroy(); // nowhere to say it without covering the centre title: the log has the line
      return;
    }
    const x = spot.x + w / 2;
    const y = spot.y + h / 2;
    const g = this.scene.add.graphics();
    // The tail: from the bubble's edge towards the anchor.
    const dx = anchor.x - x;
    const dy = anchor.y - y;
    const len = Math.hypot(dx, dy) || 1;
    const ux = dx / len;
    const uy = dy / len;
    const edge = Math.min(
      Math.abs(ux) > 1e-6 ? w / 2 / Math.abs(ux) : 1e9,
      Math.abs(uy) > 1e-6 ? h / 2 / Math.abs(uy) : 1e9,
    );
    const reach = Math.min(edge + 9, Math.max(edge, len - 2));
    const base = Math.min(7, w / 4);
    g.fillStyle(0x000000, 0.3).fillRoundedRect(-w / 2 + 1, -h / 2 + 2, w, h, 8);
    g.fillStyle(COLORS.bubble, 1).fillRoundedRect(-w / 2, -h / 2, w, h, 8);
    g.fillTriangle(
      ux * (edge - 2) - uy * base,
      uy * (edge - 2) + ux * base,
      ux * (edge - 2) + uy * base,
      uy * (edge - 2) - ux * base,
      ux * reach,
      uy * reach,
    );
    const area: Box = spot;
    const box = this.scene.add.container(x, y, [g, label]).setDepth(DEPTH.bubble).setAlpha(0);
    const entry: Live = { box, area, expiresAt: performance.now() + 2600 + text.length * 45, fading: false };
    this.live.set(key, entry);
    this.scene.tweens.add({ targets: box, alpha: 1, duration: FADE_IN_MS, ease: "Sine.easeOut" });
  }

  /** Sets what bubbles must keep clear of (the centre title) and what they should rather not cover. */
  setObstacles(centre: Box | null, avoid: readonly Box[]): void {
    this.centre = centre;
    this.avoid = avoid;
    if (centre) for (const [key, live] of [...this.live]) if (boxesOverlap(live.area, centre, 0)) this.remove(key);
  }

  /** Where `key`'s bubble goes: clear of the centre and the other bubbles, else clear of the centre only. */
  private findSpot(key: string, aim: BubbleAim, size: { w: number; h: number }, width: number, height: number) {
    const centre = this.centre ? [this.centre] : [];
    const others = [...this.live].filter(([k]) => k !== key).map(([, live]) => live.area);
    const world = { width, height, avoid: this.avoid };
    const free = placeBubble(aim, size, { ...world, keepClear: [...centre, ...others] });
    if (free) return free;
    const spot = placeBubble(aim, size, { ...world, keepClear: centre });
    // A newer line replaces the older bubbles in its way.
    if (spot) for (const [other, live] of [...this.live]) if (boxesOverlap(spot, live.area, 4)) this.remove(other);
    return spot;
  }

  /** Where each bubble showing now sits (for tests). */
  get areas(): Box[] {
    return [...this.live.values()].map((l) => l.area);
  }

  /**
   * Starts fading out the bubbles whose time is up. Lifetimes run on the wall clock, not the game clock, so a slow
   * or unfocused page (where Phaser clamps its frame delta) does not keep bubbles up for minutes.
   */
  tick(now: number): void {
    for (const [key, entry] of this.live) {
      if (entry.fading || now < entry.expiresAt) continue;
      entry.fading = true;
      this.scene.tweens.add({
        targets: entry.box,
        alpha: 0,
        duration: FADE_OUT_MS,
        ease: "Sine.easeIn",
        onComplete: () => {
          if (this.live.get(key) === entry) this.remove(key);
        },
      });
    }
  }

  /** Removes `key`'s bubble at once, if any. */
  remove(key: string): void {
    const entry = this.live.get(key);
    if (!entry) return;
    this.live.delete(key);
    this.scene.tweens.killTweensOf(entry.box);
    entry.box.destroy();
  }

  clear(): void {
    for (const key of [...this.live.keys()]) this.remove(key);
  }

  get count(): number {
    return this.live.size;
  }
}
