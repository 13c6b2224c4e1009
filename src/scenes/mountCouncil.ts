/**
 * Mounts the Phaser council room inside a DOM element. The room draws CouncilViews and reports seat clicks;
 * it holds no rules. Import this module lazily so Phaser stays in its own chunk.
 */
import Phaser from "phaser";
import type { CouncilView } from "../ui/councilView.ts";
import { CouncilScene } from "./CouncilScene.ts";
import { COLORS } from "./palette.ts";

export interface CouncilRoom {
  update(view: CouncilView): void; // draw this view (cheap to call often; only changes are redrawn)
  resize(): void; // re-fit to the parent element's size
  destroy(): void; // remove the canvas and stop everything
}

export interface CouncilCallbacks {
  onSelect(code: string | null): void; // a seat was clicked or tapped (ISO3 code)
  /**
   * The room can draw: called once, inside the frame that first draws it, so a view given to `room.update` here
   * is in that very frame (seats and their click zones included).
   */
  onReady(room: CouncilRoom): void;
}

const MAX_DPR = 2; // sharper than 2 costs fill rate for little gain

/**
 * Creates the room in `parent` (which the page sizes; the canvas fills it) and returns it at once; `update` may be
 * called at any time (the latest view wins) and `callbacks.onReady` says when it is drawn. Throws when Phaser
 * cannot start.
 */
export function mountCouncil(parent: HTMLElement, callbacks: CouncilCallbacks): CouncilRoom {
  const host = document.createElement("div");
  host.className = "council-room-canvas";
  Object.assign(host.style, {
    position: "absolute",
    inset: "0",
    overflow: "hidden",
    touchAction: "manipulation",
    background: `#${COLORS.backdrop.toString(16).padStart(6, "0")}`, // until the room art is painted
  });
  if (getComputedStyle(parent).position === "static") parent.style.position = "relative";
  parent.append(host);

  const dpr = Math.min(MAX_DPR, Math.max(1, window.devicePixelRatio || 1));
  const deviceSize = () => ({
    width: Math.max(1, Math.round(host.clientWidth * dpr)),
    height: Math.max(1, Math.round(host.clientHeight * dpr)),
  });

  let destroyed = false;
  let observer: ResizeObserver | null = null;
  let game: Phaser.Game | null = null;
  const room: CouncilRoom = {
    update: (view) => scene.setView(view),
    resize: () => {
      if (destroyed || !game) return;
      const { width, height } = deviceSize();
      // Phaser re-reads its parent's size only from its game loop, which sleeps while the room is idle: without
      // this, FIT would scale the new game size into the old parent box and leave empty bands (a header that
      // wraps to two lines shrinks the host without any window resize).
      const parentChanged = game.scale.getParentBounds();
      if (width !== game.scale.width || height !== game.scale.height) game.scale.setGameSize(width, height);
      else if (parentChanged) game.scale.refresh();
      game.loop.wake();
    },
    destroy: () => {
      if (destroyed) return;
      destroyed = true;
      observer?.disconnect();
      game?.loop.wake(); // an idle room sleeps, and Phaser only tears down from a running loop
      game?.destroy(true);
      host.remove();
    },
  };
  const scene = new CouncilScene({
    dpr,
    onSelect: (code) => callbacks.onSelect(code),
    onReady: () => {
      if (!destroyed) callbacks.onReady(room);
    },
  });
  try {
    const { width, height } = deviceSize();
    game = new Phaser.Game({
      type: Phaser.AUTO,
      parent: host,
      transparent: true, // the room art is a canvas of its own underneath (RoomArt.ts)
      banner: false,
      scale: {
        // FIT with a game size equal to the host's size in device pixels: the canvas fills the host exactly,
        // at full device resolution; the scene's camera zooms by dpr so it can work in CSS pixels.
        mode: Phaser.Scale.FIT,
        width,
        height,
        autoCenter: Phaser.Scale.NO_CENTER,
        expandParent: false,
      },
      // The room draws a few hundred shapes a frame: batch buffers for 2,048 quads (Phaser allocates 16,384 by
      // default, megabytes that each new WebGL context has to set up before the first frame).
      render: { antialias: true, antialiasGL: true, powerPreference: "default", batchSize: 2048 },
      // Let the page scroll past the room: no preventDefault on touches or the wheel (seats react to taps only).
      input: { mouse: { preventDefaultWheel: false }, touch: { capture: false }, keyboard: false },
      audio: { noAudio: true }, // the room is silent: no audio context to start
      scene: [scene],
    });
    // For end-to-end tests and previews: the scene (read its debugState for seat positions and object counts).
    Object.defineProperty(host, "councilScene", { value: scene });
    observer = new ResizeObserver(() => room.resize());
    observer.observe(host);
  } catch (err) {
    room.destroy();
    throw err instanceof Error ? err : new Error(String(err));
  }
  return room;
}
