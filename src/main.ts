/**
 * Browser entry. For now a plain page that plays one all-AI session of each bundled scenario in the browser
 * with the same engine as the CLI and shows the outcome and state hash (equal to `npm run sim` for the seed).
 */
import { runToEnd } from "./sim/autopilot.ts";
import { bundledRoster, bundledScenario, SCENARIO_IDS } from "./sim/catalog.ts";
import { createEnv, createSession } from "./sim/session.ts";
import { summarize } from "./sim/summary.ts";

function row(cells: string[]): HTMLTableRowElement {
  const tr = document.createElement("tr");
  for (const c of cells) {
    const td = document.createElement("td");
    td.textContent = c;
    tr.append(td);
  }
  return tr;
}

function render(root: HTMLElement, seed: number): void {
  const intro = document.createElement("p");
  intro.textContent = `Every seat played by AI allies, seed ${seed}. The full game arrives in the next release; the engine below is the real one.`;
  const table = document.createElement("table");
  table.append(row(["scenario", "outcome", "Article 4", "Article 5", "state hash"]));
  for (const id of SCENARIO_IDS) {
    const scenario = bundledScenario(id);
    if (!scenario) continue;
    const { session } = runToEnd(
      createSession(createEnv(scenario, bundledRoster()), seed, { role: "chair", chair: "ai", humans: [] }),
    );
    const s = summarize(session);
    table.append(row([scenario.title, s.outcome, s.article4 ? "yes" : "no", s.article5 ? "yes" : "no", s.stateHash]));
  }
  root.replaceChildren(Object.assign(document.createElement("h1"), { textContent: "Case by Case" }), intro, table);
  root.dataset.phase = "debrief";
}

const root = document.getElementById("app");
const seed = Number(new URLSearchParams(location.search).get("seed") ?? "1");
if (root) render(root, Number.isSafeInteger(seed) ? seed : 1);
