/**
 * One ally's seat: round flag, stance ring with a glyph badge, hit / broke-silence badges, the selection and click
 * zones over its placard. Its base and placard only change with the layout and are painted with the room
 * (roomPainting.ts). It draws a SeatView and reports clicks; it decides nothing.
 */
import Phaser from "phaser";
import type { SeatView } from "../ui/councilView.ts";
import { drawBadge } from "./badges.ts";
import { COLORS, CSS, DEPTH, FONT, lerpColor, STANCE } from "./palette.ts";
import type { BubbleAnchor } from "./SpeechBubbles.ts";
import type { CouncilLayout, SeatSlot } from "./seatLayout.ts";

const TAP_SLOP_CSS_PX = 10;

export class SeatToken {
  private halo: Phaser.GameObjects.Graphics | null = null; // hover and selection; made when first needed
  private readonly ring: Phaser.GameObjects.Graphics;
  private readonly badges: Phaser.GameObjects.Graphics;
  private marks: Phaser.GameObjects.Graphics | null = null; // on the placard: broke silence, selected; likewise
  private readonly flagZone: Phaser.GameObjects.Zone;
  private readonly placardZone: Phaser.GameObjects.Zone;
  private flag: Phaser.GameObjects.Image | null = null;
  private nameTag: Phaser.GameObjects.Text | null = null; // the delegate's name (projector), inward of the placard
  private slot: SeatSlot | null = null;
  private layout: CouncilLayout | null = null;
  private seat: SeatView | null = null;
  private selected = false;
  private hovered = false;
  private ringColor: number = STANCE.silent.color;
  private ringTween: Phaser.Tweens.Tween | null = null;

  private readonly scene: Phaser.Scene;
  private readonly dpr: number;
  readonly code: string;

  constructor(scene: Phaser.Scene, code: string, dpr: number, onSelect: (code: string) => void) {
    this.scene = scene;
    this.dpr = dpr;
    this.code = code;
    this.ring = scene.add.graphics().setDepth(DEPTH.ring);
    this.badges = scene.add.graphics().setDepth(DEPTH.badge);
    this.flagZone = scene.add.zone(0, 0, 1, 1);
    this.placardZone = scene.add.zone(0, 0, 1, 1);
    for (const zone of [this.flagZone, this.placardZone]) {
      zone.setInteractive({ useHandCursor: true });
      // A tap, not the end of a swipe that scrolled the page past the room.
      zone.on(Phaser.Input.Events.GAMEOBJECT_POINTER_UP, (pointer: Phaser.Input.Pointer) => {
        if (pointer.getDistance() <= TAP_SLOP_CSS_PX * dpr) onSelect(code);
      });
      zone.on(Phaser.Input.Events.GAMEOBJECT_POINTER_OVER, () => this.setHovered(true));
      zone.on(Phaser.Input.Events.GAMEOBJECT_POINTER_OUT, () => this.setHovered(false));
    }
  }

  /** Moves the seat to its slot in a new layout and redraws it. */
  place(slot: SeatSlot, layout: CouncilLayout): void {
    this.slot = slot;
    this.layout = layout;
    this.flag?.setPosition(slot.x, slot.y).setDisplaySize(layout.flagD, layout.flagD);
    for (const g of [this.halo, this.ring, this.badges]) g?.setPosition(slot.x, slot.y);
    const r = layout.seatR;
    this.flagZone.setPosition(slot.x, slot.y).setSize(2 * r, 2 * r);
    const p = slot.placard;
    this.placardZone.setPosition(p.x + p.w / 2, p.y + p.h / 2).setSize(p.w, p.h);
    this.redraw();
    this.placeNameTag();
  }

  /** Shows (or hides) the delegate's name, as text, just inward of the placard. */
  private showNameTag(name: string | undefined): void {
    const text = name ? (name.length > 18 ? `${name.slice(0, 17)}…` : name) : "";
    if (!text) {
      this.nameTag?.destroy();
      this.nameTag = null;
      return;
    }
    const fontPx = Math.max(12, Math.round((this.layout?.fontPx ?? 14) * 0.95));
    this.nameTag ??= this.scene.add
      .text(0, 0, "", {
        fontFamily: FONT,
        fontStyle: "bold",
        fontSize: `${fontPx}px`,
        color: CSS.nameTagInk,
        backgroundColor: CSS.nameTag,
        padding: { x: 5, y: 2 },
        resolution: this.dpr,
      })
      .setOrigin(0.5)
      .setDepth(DEPTH.label);
    if (this.nameTag.text !== text) this.nameTag.setText(text);
    this.placeNameTag();
  }

  private placeNameTag(): void {
    const { slot, layout, nameTag } = this;
    if (!slot || !layout || !nameTag) return;
    const p = slot.placard;
    const ix = -slot.normal.x;
    const iy = -slot.normal.y;
    const w = nameTag.width;
    const h = nameTag.height;
    const d = (Math.abs(ix) * (p.w + w) + Math.abs(iy) * (p.h + h)) / 2 + 3;
    const x = Math.min(Math.max(p.x + p.w / 2 + ix * d, w / 2 + 2), layout.width - w / 2 - 2);
    const y = Math.min(Math.max(p.y + p.h / 2 + iy * d, h / 2 + 2), layout.height - h / 2 - 2);
    nameTag.setPosition(x, y);
  }

  /** Where the delegate's name tag sits, if it shows (speech bubbles avoid it). */
  get nameTagBox(): { x: number; y: number; w: number; h: number } | null {
    const t = this.nameTag;
    return t ? { x: t.x - t.width / 2, y: t.y - t.height / 2, w: t.width, h: t.height } : null;
  }

  /** Shows its round flag (a frame of `key`) over the plain disc painted with the room. */
  showFlag(key: string, frame: string): void {
    this.flag ??= this.scene.add.image(0, 0, key, frame).setDepth(DEPTH.flag);
    this.flag.setTexture(key, frame);
    const { slot, layout } = this;
    if (slot && layout) this.flag.setPosition(slot.x, slot.y).setDisplaySize(layout.flagD, layout.flagD);
  }

  get showsFlag(): boolean {
    return this.flag !== null;
  }

  /** Shows the seat's latest state; redraws only what changed. */
  update(seat: SeatView, selected: boolean): void {
    const prev = this.seat;
    this.seat = seat;
    const changed =
      !prev ||
      prev.isYou !== seat.isYou ||
      prev.victim !== seat.victim ||
      prev.brokeSilence !== seat.brokeSilence ||
      prev.stance !== seat.stance ||
      this.selected !== selected;
    this.selected = selected;
    if (!prev) this.ringColor = STANCE[seat.stance].color;
    else if (prev.stance !== seat.stance) this.fadeRingTo(STANCE[seat.stance].color);
    if (changed) this.redraw();
    if (prev?.delegate !== seat.delegate) this.showNameTag(seat.delegate);
    if (prev && prev.stance !== seat.stance) {
      this.badges.setAlpha(0.2);
      this.scene.tweens.add({ targets: this.badges, alpha: 1, duration: 450, ease: "Sine.easeOut" });
    }
  }

  /** Where a speech bubble should point: the placard's centre, and the direction into the room. */
  bubbleAnchor(): BubbleAnchor | null {
    if (!this.slot) return null;
    const p = this.slot.placard;
    const n = this.slot.normal;
    return { x: p.x + p.w / 2, y: p.y + p.h / 2, dirX: -n.x, dirY: -n.y, clear: Math.hypot(p.w, p.h) / 2 };
  }

  destroy(): void {
    this.ringTween?.remove();
    this.scene.tweens.killTweensOf(this.badges);
    for (const o of [this.halo, this.ring, this.badges, this.marks, this.flagZone, this.placardZone, this.nameTag])
      o?.destroy();
    this.flag?.destroy();
  }

  private setHovered(on: boolean): void {
    if (this.hovered === on) return;
    this.hovered = on;
    this.drawHalo();
  }

  private fadeRingTo(target: number): void {
    const from = this.ringColor;
    this.ringTween?.remove();
    this.ringTween = this.scene.tweens.addCounter({
      from: 0,
      to: 1,
      duration: 700,
      ease: "Sine.easeInOut",
      onUpdate: (tween) => {
        this.ringColor = lerpColor(from, target, tween.getValue() ?? 1);
        this.drawRing();
      },
      onComplete: () => {
        this.ringTween = null;
      },
    });
  }

  private redraw(): void {
    this.drawHalo();
    this.drawRing();
    this.drawBadges();
    this.drawMarks();
  }

  private drawHalo(): void {
    this.halo?.clear();
    const { layout, slot } = this;
    if (!layout || !slot || !(this.selected || this.hovered)) return;
    this.halo ??= this.scene.add.graphics().setDepth(DEPTH.halo).setPosition(slot.x, slot.y);
    const g = this.halo;
    const r = layout.seatR;
    g.fillStyle(COLORS.selection, this.selected ? 0.3 : 0.15).fillCircle(0, 0, r + Math.max(4, r * 0.3));
    if (this.selected) {
      const out = this.seat?.isYou ? r + 2 + Math.max(2, layout.ring * 0.8) : r + 1.5;
      g.lineStyle(2.5, COLORS.selection, 1).strokeCircle(0, 0, out + 1.5);
    }
  }

  private drawRing(): void {
    const layout = this.layout;
    if (!layout) return;
    const g = this.ring.clear();
    g.lineStyle(layout.ring, this.ringColor, 1).strokeCircle(0, 0, layout.flagD / 2 + layout.ring / 2);
  }

  private drawBadges(): void {
    const g = this.badges.clear();
    const layout = this.layout;
    const seat = this.seat;
    if (!layout || !seat) return;
    const at = layout.seatR * 0.78;
    const diag = Math.SQRT1_2 * at;
    drawBadge(g, STANCE[seat.stance].glyph, diag, diag, layout.badge);
    if (seat.victim) drawBadge(g, "hit", -diag, -diag, layout.badge);
    if (seat.brokeSilence) drawBadge(g, "brokeSilence", diag, -diag, layout.badge);
  }

  private drawMarks(): void {
    this.marks?.clear();
    const slot = this.slot;
    if (!slot || !(this.selected || this.seat?.brokeSilence)) return;
    this.marks ??= this.scene.add.graphics().setDepth(DEPTH.plate);
    const g = this.marks;
    const p = slot.placard;
    const radius = Math.min(4, p.h / 4);
    if (this.seat?.brokeSilence) g.fillStyle(COLORS.brokeSilence, 1).fillRect(p.x + 2, p.y + p.h - 3, p.w - 4, 2.5);
    if (this.selected) {
      g.lineStyle(2.5, COLORS.selection, 1).strokeRoundedRect(p.x - 1.5, p.y - 1.5, p.w + 3, p.h + 3, radius + 1);
    }
  }
}
