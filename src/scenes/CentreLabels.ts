/** The labels in the middle of the table: clock, round, incident and, during silence procedure, the deadline. */
import type Phaser from "phaser";
import type { CouncilView } from "../ui/councilView.ts";
import { CSS, DEPTH, FONT } from "./palette.ts";
import type { Box } from "./seatLayout.ts";

type Line = "clock" | "round" | "incident" | "deadline";
const ORDER: readonly Line[] = ["clock", "round", "incident", "deadline"];
const SCALE: Readonly<Record<Line, number>> = { clock: 1.4, round: 1, incident: 1.1, deadline: 1 };
const STYLE: Readonly<Record<Line, { color: string; bold: boolean }>> = {
  clock: { color: CSS.text, bold: true },
  round: { color: CSS.muted, bold: false },
  incident: { color: CSS.text, bold: true },
  deadline: { color: CSS.amber, bold: true },
};

function union(a: Box, b: Box): Box {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
}

const firstBase = (box: Box) => Math.min(26, Math.max(12, Math.floor(box.h / 7))); // the largest size tried
const fontSizeFor = (k: Line, base: number) => `${Math.round(base * SCALE[k])}px`;

export class CentreLabels {
  private readonly texts: Partial<Record<Line, Phaser.GameObjects.Text>> = {}; // made when first needed
  private values: Record<Line, string> = { clock: "", round: "", incident: "", deadline: "" };
  private box: Box | null = null;
  private readonly scene: Phaser.Scene;
  private readonly dpr: number;

  constructor(scene: Phaser.Scene, dpr: number) {
    this.scene = scene;
    this.dpr = dpr;
  }

  /** Shows the view's labels; re-lays out only when one of them changed. */
  update(view: CouncilView): void {
    const next: Record<Line, string> = {
      clock: view.clockLabel,
      round: view.roundLabel,
      incident: view.incidentTitle ?? "",
      deadline: view.deadlineLabel ?? "",
    };
    if (ORDER.every((k) => next[k] === this.values[k])) return;
    this.values = next;
    for (const k of ORDER) {
      const t = this.texts[k] ?? (next[k] === "" ? null : this.text(k, next[k]));
      t?.setText(next[k]).setVisible(next[k] !== "");
    }
    this.arrange();
  }

  setBox(box: Box): void {
    this.box = box;
    this.arrange();
  }

  destroy(): void {
    for (const k of ORDER) this.texts[k]?.destroy();
  }

  /** The area the visible lines cover (speech bubbles keep clear of it), or null when none shows. */
  get extent(): Box | null {
    let out: Box | null = null;
    for (const k of ORDER) {
      const t = this.texts[k];
      if (!t?.visible || this.values[k] === "") continue;
      const b = { x: t.x - t.width / 2, y: t.y, w: t.width, h: t.height };
      out = out ? union(out, b) : b;
    }
    return out;
  }

  /** The line's Text, made on first use with `value` at the size `arrange` tries first (so usually drawn once). */
  private text(k: Line, value = ""): Phaser.GameObjects.Text {
    let t = this.texts[k];
    if (!t) {
      const { color, bold } = STYLE[k];
      const box = this.box;
      t = this.scene.add
        .text(0, 0, value, {
          fontFamily: FONT,
          fontStyle: bold ? "bold" : "",
          color,
          align: "center",
          resolution: this.dpr,
          ...(box && {
            fontSize: fontSizeFor(k, firstBase(box)),
            wordWrap: { width: box.w, useAdvancedWrap: true },
          }),
        })
        .setOrigin(0.5, 0)
        .setDepth(DEPTH.centre);
      this.texts[k] = t;
    }
    return t;
  }

  /**
   * Largest font (12–26 px) at which the visible lines, wrapped to the box's width, fit its height. If even 12 px
   * is too big, the round is left out and the incident kept to two lines.
   */
  private arrange(): void {
    const box = this.box;
    if (!box) return;
    // Every Text setter re-renders the text (and uploads it to the GPU): set size and wrap together, and only
    // when they change.
    const measureStack = (shown: readonly Line[], base: number): number => {
      let total = 0;
      for (const k of shown) {
        const t = this.text(k);
        const fontSize = fontSizeFor(k, base);
        if (t.style.fontSize !== fontSize || t.style.wordWrapWidth !== box.w) {
          t.setStyle({ fontSize, wordWrap: { width: box.w, useAdvancedWrap: true } });
        }
        total += t.height + base * 0.3;
      }
      return total - base * 0.3;
    };
    let shown = ORDER.filter((k) => this.values[k] !== "");
    if (shown.includes("incident")) this.text("incident").setText(this.values.incident);
    let base = firstBase(box);
    let total = measureStack(shown, base);
    while (total > box.h && base > 12) total = measureStack(shown, --base);
    if (total > box.h) {
      this.texts.round?.setVisible(false);
      shown = shown.filter((k) => k !== "round");
      const incident = this.texts.incident;
      const lines = incident?.getWrappedText(this.values.incident) ?? [];
      if (incident && lines.length > 2) {
        const second = (lines[1] ?? "").replace(/\s*\S*$/, "");
        incident.setText(`${lines[0] ?? ""}\n${second}…`);
      }
      total = measureStack(shown, base);
    }
    let y = box.y + Math.max(0, (box.h - total) / 2);
    for (const k of shown) {
      const t = this.text(k).setVisible(true);
      t.setPosition(box.x + box.w / 2, y);
      y += t.height + base * 0.3;
    }
  }
}
