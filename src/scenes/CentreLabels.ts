/** The labels in the middle of the table: clock, round, incident and, during silence procedure, the deadline. */
import type Phaser from "phaser";
import type { CouncilView } from "../ui/councilView.ts";
import { CSS, DEPTH, FONT } from "./palette.ts";
import type { Box } from "./seatLayout.ts";

type Line = "clock" | "round" | "incident" | "deadline";
const ORDER: readonly Line[] = ["clock", "round", "incident", "deadline"];
const SCALE: Readonly<Record<Line, number>> = { clock: 1.4, round: 1, incident: 1.1, deadline: 1 };

export class CentreLabels {
  private readonly texts: Record<Line, Phaser.GameObjects.Text>;
  private values: Record<Line, string> = { clock: "", round: "", incident: "", deadline: "" };
  private box: Box | null = null;

  constructor(scene: Phaser.Scene, dpr: number) {
    const make = (color: string, bold: boolean) =>
      scene.add
        .text(0, 0, "", { fontFamily: FONT, fontStyle: bold ? "bold" : "", color, align: "center", resolution: dpr })
        .setOrigin(0.5, 0)
        .setDepth(DEPTH.centre);
    this.texts = {
      clock: make(CSS.text, true),
      round: make(CSS.muted, false),
      incident: make(CSS.text, true),
      deadline: make(CSS.amber, true),
    };
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
    for (const k of ORDER) this.texts[k].setText(next[k]).setVisible(next[k] !== "");
    this.arrange();
  }

  setBox(box: Box): void {
    this.box = box;
    this.arrange();
  }

  destroy(): void {
    for (const k of ORDER) this.texts[k].destroy();
  }

  /**
   * Largest font (12–26 px) at which the visible lines, wrapped to the box's width, fit its height. If even 12 px
   * is too big, the round is left out and the incident kept to two lines.
   */
  private arrange(): void {
    const box = this.box;
    if (!box) return;
    const measureStack = (shown: readonly Line[], base: number): number => {
      let total = 0;
      for (const k of shown) {
        const t = this.texts[k];
        t.setFontSize(Math.round(base * SCALE[k])).setWordWrapWidth(box.w, true);
        total += t.height + base * 0.3;
      }
      return total - base * 0.3;
    };
    let shown = ORDER.filter((k) => this.values[k] !== "");
    this.texts.incident.setText(this.values.incident);
    let base = Math.min(26, Math.max(12, Math.floor(box.h / 7)));
    let total = measureStack(shown, base);
    while (total > box.h && base > 12) total = measureStack(shown, --base);
    if (total > box.h) {
      this.texts.round.setVisible(false);
      shown = shown.filter((k) => k !== "round");
      const incident = this.texts.incident;
      const lines = incident.getWrappedText(this.values.incident);
      if (lines.length > 2) {
        const second = (lines[1] ?? "").replace(/\s*\S*$/, "");
        incident.setText(`${lines[0] ?? ""}\n${second}…`);
      }
      total = measureStack(shown, base);
    }
    let y = box.y + Math.max(0, (box.h - total) / 2);
    for (const k of shown) {
      const t = this.texts[k].setVisible(true);
      t.setPosition(box.x + box.w / 2, y);
      y += t.height + base * 0.3;
    }
  }
}
