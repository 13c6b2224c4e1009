/**
 * Reading aids a player sets once and keeps: text size and high contrast, stored in localStorage and applied
 * to the page as classes on <html> (guide.css turns them into sizes and colours).
 */

export const PREFS_KEY = "case-by-case.reading";

export const TEXT_SIZES = ["normal", "large", "larger"] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

export interface ReadingPrefs {
  size: TextSize;
  contrast: boolean;
}

const DEFAULTS: ReadingPrefs = { size: "normal", contrast: false };

/** The stored preferences (defaults when there are none, or storage is disabled or holds something else). */
export function loadPrefs(storage: Storage | null): ReadingPrefs {
  try {
    const saved = JSON.parse(storage?.getItem(PREFS_KEY) ?? "null") as Partial<ReadingPrefs> | null;
    return {
      size: TEXT_SIZES.includes(saved?.size as TextSize) ? (saved?.size as TextSize) : DEFAULTS.size,
      contrast: saved?.contrast === true,
    };
  } catch {
    return { ...DEFAULTS };
  }
}

export function savePrefs(storage: Storage | null, prefs: ReadingPrefs): void {
  try {
    storage?.setItem(PREFS_KEY, JSON.stringify(prefs));
  } catch {
    // Storage disabled: the choice holds for this page only.
  }
}

/** Puts the preferences on the page: one class per text size above normal, one for high contrast. */
export function applyPrefs(prefs: ReadingPrefs, html: HTMLElement = document.documentElement): void {
  html.classList.toggle("text-large", prefs.size === "large");
  html.classList.toggle("text-larger", prefs.size === "larger");
  html.classList.toggle("high-contrast", prefs.contrast);
  // The room is drawn to fit its box: tell it the panels' sizes moved.
  window.dispatchEvent(new Event("resize"));
}
