/**
 * Reading the council room in an e2e page: its debug state (layout, bubbles, centre title, key), its canvases'
 * sizes, and moving a solo game on to a phase. Used by layout.test.ts.
 */
import type { Page } from "playwright-core";

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface Seat {
  x: number;
  y: number;
  placard: Box;
}
export interface Debug {
  layout: { width: number; height: number; seatR: number; seats: Seat[] } | null;
  bubbleBoxes: Box[];
  centreText: Box | null;
  legend: Box | null;
}

// --- Reading the page -------------------------------------------------------------------------------------

export function nextFrames(page: Page): Promise<void> {
  return page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

export function phase(page: Page): Promise<string> {
  return page.evaluate(() => document.getElementById("app")?.dataset.phase ?? "");
}

export async function waitPhase(page: Page, phases: readonly string[], timeout = 60_000): Promise<string> {
  await page.waitForFunction((ps) => ps.includes(document.getElementById("app")?.dataset.phase ?? ""), phases, {
    timeout,
    polling: 100,
  });
  return phase(page);
}

/** The room scene's debug state (layout, bubbles, centre title, key). */
export function debug(page: Page): Promise<Debug> {
  return page.evaluate(() => {
    const host = document.querySelector(".council-room-canvas") as
      | (HTMLElement & { councilScene?: { debugState: unknown } })
      | null;
    return host?.councilScene?.debugState as Debug;
  });
}

export async function roomReady(page: Page): Promise<void> {
  await page.waitForSelector("#room[data-ready]", { state: "attached", timeout: 30_000 });
}

/** Presses a header control from inside the page (the header's buttons are re-rendered often). */
export function control(page: Page, action: "skip" | "pause"): Promise<boolean> {
  return page.evaluate((a) => {
    const b = document.querySelector<HTMLButtonElement>(`.council-header [data-action="${a}"]`);
    b?.click();
    return b !== null;
  }, action);
}

/** Arms the page to press Pause as soon as `#app` enters `wanted`. */
export function pauseWhenPhase(page: Page, wanted: string): Promise<void> {
  return page.evaluate((w) => {
    const app = document.getElementById("app");
    if (!app) return;
    const observer = new MutationObserver(() => {
      if (app.dataset.phase !== w) return;
      observer.disconnect();
      document.querySelector<HTMLButtonElement>('.council-header [data-action="pause"]')?.click();
    });
    observer.observe(app, { attributes: true, attributeFilter: ["data-phase"] });
  }, wanted);
}

/**
 * Moves a solo game on (Begin, Continue, Skip ahead) until it reaches `target`, and pauses it there (Skip ahead
 * would otherwise run on through it); calls `seen` for each new phase on the way.
 */
export async function playUntil(page: Page, target: string, seen?: (p: string) => Promise<void>): Promise<void> {
  const looked = new Set<string>();
  if ((await phase(page)) !== target) await pauseWhenPhase(page, target);
  for (let i = 0; i < 40; i++) {
    const now = await phase(page);
    if (!looked.has(now)) {
      looked.add(now);
      await seen?.(now);
    }
    if (now === target) return;
    if (now === "debrief") break;
    if (now === "briefing") await page.click('[data-action="begin"]');
    else if (now === "incident") await page.click('[data-action="continue"]');
    else await control(page, "skip");
    await page
      .waitForFunction((p) => document.getElementById("app")?.dataset.phase !== p, now, {
        timeout: 20_000,
        polling: 100,
      })
      .catch(() => {});
  }
  throw new Error(`never reached ${target}; now ${await phase(page)}`);
}

/** The canvases' and the host's sizes in CSS px, and the size the room laid itself out for. */
export function roomSizes(page: Page) {
  return page.evaluate(() => {
    const host = document.querySelector<HTMLElement>(".council-room-canvas");
    const room = document.getElementById("room");
    const canvases = [...(host?.querySelectorAll("canvas") ?? [])].map((c) => {
      const r = c.getBoundingClientRect();
      return { w: r.width, h: r.height };
    });
    const scene = (host as (HTMLElement & { councilScene?: { debugState: Debug } }) | null)?.councilScene;
    return {
      room: { w: room?.clientWidth ?? 0, h: room?.clientHeight ?? 0 },
      host: { w: host?.clientWidth ?? 0, h: host?.clientHeight ?? 0 },
      canvases,
      laidOut: { w: scene?.debugState.layout?.width ?? 0, h: scene?.debugState.layout?.height ?? 0 },
      headerH: document.querySelector(".council-header")?.getBoundingClientRect().height ?? 0,
    };
  });
}

export function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Bubbles over the centre title or over each other, as readable lines. */
export function bubbleFaults(d: Debug): string[] {
  const out: string[] = [];
  const boxes = d.bubbleBoxes;
  boxes.forEach((b, i) => {
    if (d.centreText && overlap(b, d.centreText)) out.push(`bubble ${i} covers the centre title`);
    for (const [j, c] of boxes.entries()) if (j > i && overlap(b, c)) out.push(`bubbles ${i} and ${j} overlap`);
  });
  return out;
}

/** Gives the room a view in which every seat and the chair say something new (a test of bubble placement). */
export function everyoneSpeaks(page: Page): Promise<void> {
  return page.evaluate(() => {
    type Seat = { code: string; speech: string | null };
    type View = { seats: Seat[]; chairSpeech: string | null };
    const host = document.querySelector(".council-room-canvas") as
      | (HTMLElement & { councilScene?: { view: View | null; setView(v: View): void } })
      | null;
    const scene = host?.councilScene;
    const view = scene?.view;
    if (!scene || !view) return;
    const stamp = performance.now().toFixed(0);
    scene.setView({
      ...view,
      chairSpeech: `Colleagues, the draft is under silence (${stamp}).`,
      seats: view.seats.map((s) => ({ ...s, speech: `We ask for a statement of solidarity (${s.code} ${stamp}).` })),
    });
  });
}

/** How far each placard sits from its flag's ring (px). */
export function labelGaps(d: Debug): number[] {
  const l = d.layout;
  if (!l) return [];
  return l.seats.map((s) => {
    const b = s.placard;
    const dx = Math.max(b.x - s.x, 0, s.x - (b.x + b.w));
    const dy = Math.max(b.y - s.y, 0, s.y - (b.y + b.h));
    return Math.hypot(dx, dy) - l.seatR;
  });
}

/** Where an element is in the viewport (null when it is not rendered). */
export function rect(page: Page, selector: string) {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, vh: innerHeight, vw: innerWidth };
  }, selector);
}

/** True when the element matching `selector` is wholly inside the viewport and its scrolling panel. */
export function inView(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    const panel = el.closest(".panels")?.getBoundingClientRect();
    const top = Math.max(0, panel?.top ?? 0);
    const bottom = Math.min(innerHeight, panel?.bottom ?? innerHeight);
    return r.height > 0 && r.top >= top - 1 && r.bottom <= bottom + 1 && r.left >= 0 && r.right <= innerWidth + 1;
  }, selector);
}
