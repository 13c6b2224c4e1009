/**
 * Whether the guided first game is on, kept in localStorage. The menu's shell reads it (the scenario list's
 * offer) without loading the guide's cards, which come with the game.
 */

/** Storage key of the guide's state: absent (never offered), "on", "off" (declined or skipped), "done". */
export const GUIDE_KEY = "case-by-case.guide";

export type GuideState = "on" | "off" | "done";

export function readStored(storage: Storage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function writeStored(storage: Storage | null, key: string, value: string): void {
  try {
    storage?.setItem(key, value);
  } catch {
    // Storage disabled: the guide forgets at the next reload.
  }
}

export const guideState = (storage: Storage | null): string | null => readStored(storage, GUIDE_KEY);

export const setGuideState = (storage: Storage | null, value: GuideState): void =>
  writeStored(storage, GUIDE_KEY, value);
