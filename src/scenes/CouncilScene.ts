/**
 * The council room: draws the latest CouncilView around an oval table and reports seat clicks. It keeps the last
 * view and redraws only what changed; it never decides anything. World units are CSS pixels (the camera zooms by
 * the device pixel ratio so text and lines stay sharp).
 */
import Phaser from "phaser";
import type { CouncilView } from "../ui/councilView.ts";
import { CentreLabels } from "./CentreLabels.ts";
import { FLAG_ATLAS_KEY, FlagAtlas, loadFlags } from "./flags.ts";
import { Legend, legendLayout } from "./Legend.ts";
import { boldFont } from "./palette.ts";
import { RoomArt } from "./RoomArt.ts";
import { SeatToken } from "./SeatToken.ts";
import { SpeechBubbles } from "./SpeechBubbles.ts";
import { type Box, type CouncilLayout, estimateTextWidth, layoutCouncil, type MeasureText } from "./seatLayout.ts";

/** What the room needs from whoever mounted it. */
export interface RoomBridge {
  readonly dpr: number; // device pixels per CSS pixel, fixed for the game's life
  onSelect(code: string | null): void;
  onReady(): void;
}

const CHAIR = "__chair__";
const IDLE_MS = 800; // how long the room keeps drawing after the last change or pointer movement
const REFERENCE_PX = 100; // font size at which placard texts are measured

export class CouncilScene extends Phaser.Scene {
  private view: CouncilView | null = null;
  private layout: CouncilLayout | null = null;
  private layoutKey = "";
  private tokens = new Map<string, SeatToken>();
  private speech = new Map<string, string | null>();
  private tornDown = false;
  private art: RoomArt | null = null;
  private centre: CentreLabels | null = null;
  private legend: Legend | null = null;
  private legendBox: Box | null = null; // where the key to the badges sits, if it shows
  private bubbles: SpeechBubbles | null = null;
  private flags: FlagAtlas | null = null;
  private settled = false; // the first frame is out (see afterFirstFrame)
  private lastPoke = 0;
  private lastSelect = { code: "", at: 0 };
  private readonly measure: MeasureText;
  private readonly bridge: RoomBridge;

  constructor(bridge: RoomBridge) {
    super("CouncilScene");
    this.bridge = bridge;
    // Widths scale with the font size, so each text is measured once, at a reference size: the layout tries many
    // sizes, and setting a canvas font is slow.
    const ctx = document.createElement("canvas").getContext("2d");
    if (ctx) ctx.font = boldFont(REFERENCE_PX);
    const cache = new Map<string, number>();
    this.measure = (text, px) => {
      let w = cache.get(text);
      if (w === undefined) {
        w = ctx ? ctx.measureText(text).width : estimateTextWidth(text, REFERENCE_PX);
        cache.set(text, w);
      }
      return (w * px) / REFERENCE_PX;
    };
  }

  create(): void {
    this.tornDown = false;
    const dpr = this.bridge.dpr;
    this.art = new RoomArt(this, dpr);
    this.centre = new CentreLabels(this, dpr);
    this.legend = new Legend(this);
    this.bubbles = new SpeechBubbles(this, dpr);
    this.scale.on(Phaser.Scale.Events.RESIZE, this.onResize, this);
    for (const event of [
      Phaser.Input.Events.POINTER_MOVE,
      Phaser.Input.Events.POINTER_DOWN,
      Phaser.Input.Events.GAME_OUT,
    ]) {
      this.input.on(event, this.poke, this);
    }
    // A game destroyed outright (a new page of the app) sends DESTROY without SHUTDOWN.
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.teardown());
    this.events.once(Phaser.Scenes.Events.DESTROY, () => this.teardown());
    this.onResize();
    this.bridge.onReady();
    // What is not the table itself starts once its first frame is out: the flags (seats show plain discs until
    // they arrive) and the first speech bubbles (which fade in anyway).
    setTimeout(() => this.afterFirstFrame(), 0);
  }

  private afterFirstFrame(): void {
    if (!this.art) return; // the room was closed meanwhile
    this.settled = true;
    if (this.view) this.showSpeech(this.view);
    this.poke();
    const flags = new FlagAtlas(this.textures);
    this.flags = flags;
    void loadFlags().then((images) => {
      if (this.flags !== flags) return; // the room was closed meanwhile
      flags.setImages(images);
      this.showFlags();
      this.poke();
    });
  }

  /**
   * The room is still most of the time: once nothing moves (no tween, no bubble, no pointer activity for a moment)
   * the game loop sleeps, so an idle room costs no CPU or GPU; input, resizes and new views wake it.
   */
  override update(): void {
    const now = performance.now();
    this.bubbles?.tick(now);
    const idle = now - this.lastPoke > IDLE_MS;
    if (idle && this.tweens.getTweens().length === 0 && (this.bubbles?.count ?? 0) === 0) this.game.loop.sleep();
  }

  private poke(): void {
    this.lastPoke = performance.now();
    if (!this.game.loop.running) this.game.loop.wake();
  }

  /** Takes a new view; draws it now if the room is ready, else as soon as it is. */
  setView(view: CouncilView): void {
    this.view = view;
    if (this.art) this.apply();
  }

  private get cssSize(): { w: number; h: number } {
    return { w: this.scale.width / this.bridge.dpr, h: this.scale.height / this.bridge.dpr };
  }

  private onResize(): void {
    this.poke();
    // Waking the loop can run a pending step that takes the scene down (the page moved on): then there is no camera.
    const camera = this.cameras?.main;
    if (!camera) return;
    const { w, h } = this.cssSize;
    camera.setZoom(this.bridge.dpr).centerOn(w / 2, h / 2);
    this.art?.fit();
    // Phaser also reports a resize when it boots, with the size the room was laid out for already.
    if (w !== this.layout?.width || h !== this.layout?.height) this.relayout();
  }

  private apply(): void {
    const view = this.view;
    if (!view) return;
    this.poke();
    const key = `${view.chairIsYou}|${view.seats.map((s) => `${s.code}${s.isYou ? "*" : ""}`).join(",")}`;
    if (key !== this.layoutKey) {
      this.layoutKey = key;
      for (const [code, token] of this.tokens) {
        if (!view.seats.some((s) => s.code === code)) {
          token.destroy();
          this.tokens.delete(code);
        }
      }
      for (const s of view.seats) {
        if (!this.tokens.has(s.code)) {
          this.tokens.set(s.code, new SeatToken(this, s.code, this.bridge.dpr, (code) => this.select(code)));
        }
      }
      this.relayout();
    }
    for (const s of view.seats) this.tokens.get(s.code)?.update(s, view.selected === s.code);
    this.centre?.update(view);
    this.updateObstacles();
    if (this.settled) this.showSpeech(view);
  }

  private relayout(): void {
    const view = this.view;
    const { w, h } = this.cssSize;
    if (!view || !this.art || w < 1 || h < 1) return;
    const labels = view.seats.map((s) => ({ name: s.name, code: s.code, isYou: s.isYou }));
    const layout = layoutCouncil(w, h, labels, view.chairIsYou, this.measure);
    this.layout = layout;
    const legend = legendLayout(layout, this.measure);
    this.art.draw(layout, { seatIsYou: view.seats.map((s) => s.isYou), chairIsYou: view.chairIsYou, legend });
    this.centre?.setBox(legend?.centre ?? layout.centre);
    this.legendBox = legend?.box ?? null;
    this.legend?.place(legend);
    this.bubbles?.clear();
    this.updateObstacles();
    view.seats.forEach((s, i) => {
      const slot = layout.seats[i];
      if (slot) this.tokens.get(s.code)?.place(slot, layout);
    });
    this.showFlags();
  }

  /** Tells the bubbles where the centre title is (kept clear) and where flags, placards and the key are. */
  private updateObstacles(): void {
    const layout = this.layout;
    if (!layout || !this.bubbles) return;
    const r = layout.seatR;
    const avoid = [
      ...layout.seats.flatMap((s) => [s.placard, { x: s.x - r, y: s.y - r, w: 2 * r, h: 2 * r }]),
      layout.chair.placard,
      ...(this.legendBox ? [this.legendBox] : []),
      ...[...this.tokens.values()].flatMap((t) => t.nameTagBox ?? []),
    ];
    this.bubbles.setObstacles(this.centre?.extent ?? null, avoid);
  }

  /** Puts the flags that have loaded on their seats, drawn for the current layout's flag size. */
  private showFlags(): void {
    const { view, layout, flags } = this;
    if (!view || !layout || !flags?.draw(layout.flagD * this.bridge.dpr)) return;
    for (const s of view.seats) {
      const frame = flags.frame(s.iso2);
      if (frame) this.tokens.get(s.code)?.showFlag(FLAG_ATLAS_KEY, frame);
    }
  }

  /** Reports a seat click once: a tap may also arrive as the browser's emulated mouse click. */
  private select(code: string): void {
    const now = performance.now();
    if (code === this.lastSelect.code && now - this.lastSelect.at < 500) return;
    this.lastSelect = { code, at: now };
    this.bridge.onSelect(code);
  }

  /** Opens a bubble for each seat (and the chair) whose line changed to a new, non-empty one. */
  private showSpeech(view: CouncilView): void {
    const layout = this.layout;
    const bubbles = this.bubbles;
    if (!layout || !bubbles) return;
    const fontPx = Math.max(12, Math.min(15, layout.fontPx));
    const say = (key: string, line: string | null, anchor: () => Parameters<SpeechBubbles["show"]>[2] | null) => {
      const before = this.speech.get(key);
      this.speech.set(key, line);
      if (line === null || line === before) return;
      const a = anchor();
      if (a) bubbles.show(key, line, a, layout.width, layout.height, fontPx);
    };
    for (const s of view.seats) say(s.code, s.speech, () => this.tokens.get(s.code)?.bubbleAnchor() ?? null);
    const chair = layout.chair.placard;
    say(CHAIR, view.chairSpeech, () => ({
      x: chair.x + chair.w / 2,
      y: chair.y + chair.h / 2,
      dirX: 0,
      dirY: 1,
      clear: chair.h / 2,
    }));
  }

  private teardown(): void {
    if (this.tornDown) return;
    this.tornDown = true;
    this.scale.off(Phaser.Scale.Events.RESIZE, this.onResize, this);
    for (const token of this.tokens.values()) token.destroy();
    this.tokens.clear();
    this.bubbles?.clear();
    for (const part of [this.art, this.centre, this.legend]) part?.destroy();
    this.art = null;
    this.flags = null;
  }

  /** For tests and previews: the layout in use, how many seats show their flag and how many bubbles are showing. */
  get debugState(): {
    layout: CouncilLayout | null;
    flags: number;
    bubbles: number;
    bubbleBoxes: Box[];
    centreText: Box | null;
    legend: Box | null;
    objects: number;
    tweens: number;
  } {
    return {
      layout: this.layout,
      bubbleBoxes: this.bubbles?.areas ?? [],
      centreText: this.centre?.extent ?? null,
      legend: this.legendBox,
      flags: [...this.tokens.values()].filter((t) => t.showsFlag).length,
      bubbles: this.bubbles?.count ?? 0,
      objects: this.children.length,
      tweens: this.tweens.getTweens().length,
    };
  }
}
