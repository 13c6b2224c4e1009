/** First scene: nothing to load before the preloader, so it hands over at once (Phaser template convention). */
import Phaser from "phaser";

export class Boot extends Phaser.Scene {
  constructor() {
    super("Boot");
  }

  create(): void {
    this.scene.start("Preloader");
  }
}
