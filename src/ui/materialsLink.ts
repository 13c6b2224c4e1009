/**
 * Opening a scenario's printable materials in the browser: the same generator as `npm run materials`,
 * turned into a self-contained HTML file held as a blob. Opened synchronously from the click, so a popup
 * blocker sees the player's own gesture.
 */
import { materialsHtml } from "../materials/html.ts";
import { bundledRoster, bundledScenario } from "../sim/catalog.ts";
import { button, h } from "./dom.ts";

/** How long a blob address stays valid: long enough for the new tab to load it, or a save to finish. */
const KEEP_MS = 120_000;

function materialsBlobUrl(scenarioId: string): string | null {
  const scenario = bundledScenario(scenarioId);
  if (!scenario) return null;
  const blob = new Blob([materialsHtml(scenario, bundledRoster())], { type: "text/html;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  setTimeout(() => URL.revokeObjectURL(url), KEEP_MS);
  return url;
}

/** Opens the materials in a new tab; false when the scenario is unknown or the browser refused the tab. */
export function openMaterials(scenarioId: string): boolean {
  const url = materialsBlobUrl(scenarioId);
  if (!url) return false;
  return window.open(url, "_blank") !== null;
}

/** Saves the materials as an HTML file the teacher can keep, print or send. */
export function downloadMaterials(scenarioId: string): void {
  const url = materialsBlobUrl(scenarioId);
  if (!url) return;
  h("a", { href: url, download: `${scenarioId}-materials.html` }).click();
}

/** A button that opens the materials, and says so if the browser blocked the new tab. */
export function materialsButton(
  scenarioId: string,
  label = "Printable materials",
  attrs: Parameters<typeof button>[3] = {},
): HTMLButtonElement {
  const b = button(
    label,
    "materials",
    () => {
      if (!openMaterials(scenarioId)) {
        downloadMaterials(scenarioId);
        b.title = "The browser blocked a new tab, so the materials were downloaded instead.";
      }
    },
    attrs,
  );
  b.dataset.scenario = scenarioId;
  return b;
}
