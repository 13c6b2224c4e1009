/**
 * The debrief's "What would have changed it" panel: the session's record is rerun with one thing changed at a
 * time (src/sim/counterfactual) in a Web Worker, so the page stays responsive; the smallest changes that flip
 * the outcome are listed in words. A status line says what is happening while the worker runs.
 */

import { bundledRoster, bundledScenario } from "../../sim/catalog.ts";
import type { Flip, SearchResult } from "../../sim/counterfactual/types.ts";
import { countOf } from "../../sim/explain.ts";
import { parseRecord } from "../../sim/record.ts";
import { h } from "../dom.ts";
import type { WorkerAnswer, WorkerQuestion } from "./counterfactualWorker.ts";
import "./counterfactual.css";

/** Where the panel reads the record: the record file's JSON (or a promise of it). */
export type RecordLoader = () => unknown | Promise<unknown>;

function flipItem(f: Flip): HTMLElement {
  const notes = [f.edits.length === 1 ? "one change" : countOf(f.edits.length, "change")];
  if (f.dropped)
    notes.push(
      `${countOf(f.dropped, "later move")} no longer fitted the changed crisis and ${f.dropped === 1 ? "was" : "were"} left out`,
    );
  if (f.stoodIn) notes.push(`the AI played ${countOf(f.stoodIn, "move")} for people's seats where the record had none`);
  return h(
    "li",
    { class: f.classFlip ? "cf-flip cf-class" : "cf-flip" },
    f.sentence,
    h("span", { class: "meta" }, ` (${notes.join("; ")})`),
  );
}

function showResult(list: HTMLElement, status: HTMLElement, r: SearchResult): void {
  const tried = countOf(r.tried, "rerun");
  if (!r.reproducible) {
    status.textContent =
      "This record does not rerun to its own outcome on this version of the game, so no change can be tried.";
    return;
  }
  if (!r.flips.length) {
    status.textContent = `No change we tried would have changed the outcome (${tried}): it held firm.`;
    return;
  }
  status.textContent = `The smallest changes that would have changed the outcome (${tried}):`;
  list.replaceChildren(...r.flips.map(flipItem));
  list.hidden = false;
}

/** The record itself from a file that may carry more (a facilitator's export adds the people who played). */
function recordPart(data: unknown): unknown {
  if (typeof data !== "object" || data === null) return data;
  const { format, engine, scenario, seed, seats, events } = data as Record<string, unknown>;
  return { format, engine, scenario, seed, seats, events };
}

/** The worker's question: the record checked here, with the bundled scenario and roster it was played on. */
function question(data: unknown): WorkerQuestion {
  const record = parseRecord(recordPart(data));
  const scenario = bundledScenario(record.scenario.id);
  if (!scenario) throw new Error(`the scenario ${record.scenario.id} is not one this game ships`);
  return { record, scenario, roster: bundledRoster() };
}

function startWorker(): Worker | null {
  if (typeof Worker === "undefined") return null;
  return new Worker(new URL("./counterfactualWorker.ts", import.meta.url), { type: "module" });
}

/** The panel, or null when there is no record to rerun. The search starts at once. */
export function counterfactualPanel(load: RecordLoader | undefined): HTMLElement | null {
  if (!load) return null;
  const status = h(
    "p",
    { class: "cf-status", role: "status" },
    "Rerunning the crisis with one thing changed at a time…",
  );
  const list = h("ol", { class: "cf-list", hidden: true });
  const section = h(
    "section",
    { class: "counterfactuals", "aria-labelledby": "cf-title", "aria-busy": "true", "data-state": "running" },
    h("h2", { id: "cf-title" }, "What would have changed it"),
    h(
      "p",
      { class: "meta" },
      "The session is deterministic, so it can be played again with one thing different: a break of silence, a word in the draft, a corridor talk, one ally's profile, evidence arriving sooner. Every other seat decides afresh.",
    ),
    status,
    list,
  );
  const done = (state: "done" | "failed") => {
    section.setAttribute("aria-busy", "false");
    section.dataset.state = state;
  };
  const t0 = performance.now();
  const worker = startWorker();
  if (!worker) {
    status.textContent = "This browser cannot run the search in the background.";
    done("failed");
    return section;
  }
  worker.onmessage = (e: MessageEvent<WorkerAnswer>) => {
    worker.terminate();
    const answer = e.data;
    section.dataset.searchMs = answer.ok ? String(Math.round(answer.ms)) : "";
    section.dataset.totalMs = String(Math.round(performance.now() - t0));
    if (answer.ok) showResult(list, status, answer.result);
    else status.textContent = `The changes could not be tried: ${answer.error}.`;
    section.dataset.flips = answer.ok ? String(answer.result.flips.length) : "0";
    done(answer.ok ? "done" : "failed");
  };
  worker.onerror = (e) => {
    worker.terminate();
    status.textContent = `The changes could not be tried: ${e.message || "the search stopped"}.`;
    done("failed");
  };
  void Promise.resolve()
    .then(load)
    .then(question)
    .then(
      (q) => worker.postMessage(q),
      (err: unknown) => {
        worker.terminate();
        status.textContent = `The record could not be read: ${(err as Error).message}.`;
        done("failed");
      },
    );
  return section;
}
