/**
 * The floor for the "time to an interactive council table" benchmark: a Phaser 4 game with one scene and
 * nothing else, built with the project's Vite config. It marks the page ready when the scene has been created.
 */
import Phaser from "phaser";

class Bare extends Phaser.Scene {
  constructor() {
    super("Bare");
  }

  create(): void {
    this.add.text(16, 16, "Bare Phaser 4", { color: "#e2e8f0", fontFamily: "system-ui, sans-serif", fontSize: "20px" });
    document.body.dataset.ready = "true";
  }
}

new Phaser.Game({
  type: Phaser.AUTO,
  parent: "game",
  width: window.innerWidth,
  height: window.innerHeight,
  backgroundColor: "#0b1b33",
  scene: [Bare],
});
