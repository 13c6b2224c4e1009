/**
 * The reading bar shown at the top of every screen: the glossary, text size (A, A+, A++) and high contrast.
 * Toggle buttons say their state with aria-pressed.
 */
import { button, h } from "../dom.ts";
import { applyPrefs, loadPrefs, type ReadingPrefs, savePrefs, TEXT_SIZES, type TextSize } from "./prefs.ts";

const SIZE_LABEL: Record<TextSize, [string, string]> = {
  normal: ["A", " normal text"],
  large: ["A+", " large text"],
  larger: ["A++", " larger text"],
};

export function readingBar(storage: Storage | null, openGlossary: () => void): HTMLElement {
  let prefs: ReadingPrefs = loadPrefs(storage);
  applyPrefs(prefs);
  const sizeButtons = TEXT_SIZES.map((size) => {
    const [mark, words] = SIZE_LABEL[size];
    const b = h(
      "button",
      { type: "button", "data-action": `text-${size}`, class: `text-size text-size-${size}` },
      mark,
      h("span", { class: "visually-hidden" }, words),
    );
    b.addEventListener("click", () => update({ ...prefs, size }));
    return b;
  });
  const contrast = button("High contrast", "contrast", () => update({ ...prefs, contrast: !prefs.contrast }));
  function render(): void {
    for (const [i, b] of sizeButtons.entries()) b.setAttribute("aria-pressed", String(TEXT_SIZES[i] === prefs.size));
    contrast.setAttribute("aria-pressed", String(prefs.contrast));
  }
  function update(next: ReadingPrefs): void {
    prefs = next;
    savePrefs(storage, prefs);
    applyPrefs(prefs);
    render();
  }
  render();
  return h(
    "div",
    { class: "reading-bar", role: "group", "aria-label": "Glossary and reading options" },
    button("Glossary", "glossary", openGlossary, { "aria-haspopup": "dialog" }),
    h("span", { class: "text-sizes", role: "group", "aria-label": "Text size" }, ...sizeButtons),
    contrast,
  );
}
