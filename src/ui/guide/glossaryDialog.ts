/**
 * The glossary as a modal dialog, reachable from every screen: a filter box, then each term with what it is
 * and how the game models it. Escape closes it (the browser's own dialog behaviour) and focus goes back to
 * where it was.
 */
import { button, h } from "../dom.ts";
import { GLOSSARY, type GlossaryEntry } from "./glossary.ts";

export interface GlossaryDialog {
  el: HTMLDialogElement;
  /** Opens the glossary, at `termId` when given (its entry is scrolled to and focused). */
  open(termId?: string): void;
  close(): void;
}

function entryItem(entry: GlossaryEntry): HTMLElement {
  return h(
    "div",
    { class: "glossary-entry", "data-term": entry.id },
    h("dt", { id: `glossary-${entry.id}`, tabindex: -1 }, entry.term),
    h(
      "dd",
      {},
      h("p", {}, entry.text),
      entry.inGame ? h("p", { class: "in-game" }, h("strong", {}, "In the game: "), entry.inGame) : null,
    ),
  );
}

export function glossaryDialog(): GlossaryDialog {
  let returnTo: HTMLElement | null = null;
  const items = GLOSSARY.map(entryItem);
  const filter = h("input", {
    type: "text", // not "search": there Escape would clear the box instead of closing the glossary
    id: "glossary-filter",
    autocomplete: "off",
    "aria-controls": "glossary-list",
  });
  const count = h("p", { class: "meta", "aria-live": "polite", id: "glossary-count" });
  const showMatches = () => {
    const q = filter.value.trim().toLowerCase();
    let shown = 0;
    for (const item of items) {
      const match = !q || (item.textContent ?? "").toLowerCase().includes(q);
      item.hidden = !match;
      if (match) shown++;
    }
    count.textContent = q ? `${shown} of ${items.length} terms` : `${items.length} terms`;
  };
  filter.addEventListener("input", showMatches);
  const el = h(
    "dialog",
    { class: "glossary", "aria-labelledby": "glossary-title", id: "glossary" },
    h(
      "div",
      { class: "glossary-head" },
      h("h2", { id: "glossary-title" }, "Glossary"),
      button("Close", "close-glossary", () => el.close(), { class: "glossary-close" }),
    ),
    h("label", { for: "glossary-filter" }, "Find a term"),
    filter,
    count,
    // The list scrolls on its own, so it takes focus too (keyboard users scroll it with the arrow keys).
    h("dl", { id: "glossary-list", class: "glossary-list", tabindex: 0, "aria-label": "Terms" }, ...items),
    h("p", { class: "meta" }, "Ally profiles and the game's numbers are stylized, not official NATO positions."),
  );
  el.addEventListener("close", () => {
    for (const item of items) item.classList.remove("current");
    const back = returnTo;
    returnTo = null;
    if (back?.isConnected) back.focus();
  });
  showMatches();

  return {
    el,
    open(termId) {
      if (!el.isConnected) document.body.append(el);
      if (!el.open) {
        returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        el.showModal();
      }
      filter.value = "";
      showMatches();
      for (const item of items) item.classList.toggle("current", item.dataset.term === termId);
      const target = termId ? document.getElementById(`glossary-${termId}`) : null;
      if (target) {
        target.scrollIntoView({ block: "start" });
        target.focus();
      } else filter.focus();
    },
    close: () => el.close(),
  };
}
