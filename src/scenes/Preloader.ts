/** Loads the allies' flags (rasterised from flag-icons SVGs) with a thin progress bar, then opens the room. */
import Phaser from "phaser";
import { FLAG_SOURCE_PX, FLAG_URLS, flagKey } from "./flags.ts";
import { COLORS } from "./palette.ts";

export class Preloader extends Phaser.Scene {
  constructor() {
    super("Preloader");
  }

  init(): void {
    const { width, height } = this.scale;
    const barW = Math.min(width * 0.5, 480);
    const barH = Math.max(4, Math.round(height * 0.008));
    const x = (width - barW) / 2;
    const y = height / 2;
    this.add.rectangle(x, y, barW, barH, COLORS.wellLine).setOrigin(0, 0.5);
    const bar = this.add.rectangle(x, y, 1, barH, COLORS.inlay).setOrigin(0, 0.5);
    this.load.on(Phaser.Loader.Events.PROGRESS, (progress: number) => {
      bar.width = Math.max(1, barW * progress);
    });
  }

  preload(): void {
    for (const [iso2, url] of FLAG_URLS) {
      this.load.svg(flagKey(iso2), url, { width: FLAG_SOURCE_PX, height: FLAG_SOURCE_PX });
    }
  }

  create(): void {
    this.scene.start("CouncilScene");
  }
}
