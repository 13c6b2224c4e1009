/**
 * The debrief's after-action report, built and drawn: loaded only once a debrief asks for it (debriefReport.ts),
 * so the report's model stays out of the game's first download.
 */
import { reportFromJson, reportFromSession } from "../../report/build.ts";
import { chartSpecs } from "../../report/charts.ts";
import { eventsCsv, stancesCsv } from "../../report/csv.ts";
import { recordWithReport } from "../../report/input.ts";
import { reportMarkdown } from "../../report/markdown.ts";
import type { Report } from "../../report/model.ts";
import type { Session } from "../../sim/session.ts";
import { button, h } from "../dom.ts";
import {
  allySection,
  peopleSection,
  questionsSection,
  scoresSection,
  sourcesSection,
  timelineSection,
} from "./reportParts.ts";

/** Saves text as a file through the browser's download. */
function download(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Opens every folded part, prints, and folds them again. */
function printReport(root: HTMLElement): void {
  const closed = [...root.querySelectorAll("details:not([open])")];
  for (const d of closed) d.setAttribute("open", "");
  document.documentElement.classList.add("printing-report");
  window.print();
  document.documentElement.classList.remove("printing-report");
  for (const d of closed) d.removeAttribute("open");
}

function downloads(report: Report, record: unknown, stem: string, root: HTMLElement): HTMLElement {
  const say = h("p", { class: "meta", role: "status" });
  const save = (label: string, action: string, make: () => Promise<[string, string, string]>) =>
    button(label, action, () => {
      void make()
        .then(([text, name, type]) => {
          download(text, name, type);
          say.textContent = `Downloaded ${name}.`;
        })
        .catch((err: unknown) => {
          say.textContent = `The download failed: ${(err as Error).message}`;
        });
    });
  return h(
    "div",
    { class: "report-downloads" },
    h(
      "nav",
      { "aria-label": "Download the report" },
      save("Report (Markdown)", "report-md", async () => [
        reportMarkdown(report),
        `${stem}-report.md`,
        "text/markdown",
      ]),
      save("Report (HTML)", "report-html", async () => {
        const [{ reportHtml }, { CHART_ASSETS }] = await Promise.all([
          import("../../report/html.ts"),
          import("./reportAssets.ts"),
        ]);
        return [reportHtml(report, CHART_ASSETS), `${stem}-report.html`, "text/html"];
      }),
      save("Events (CSV)", "report-events-csv", async () => [eventsCsv(report), `${stem}-events.csv`, "text/csv"]),
      save("Stances (CSV)", "report-stances-csv", async () => [stancesCsv(report), `${stem}-stances.csv`, "text/csv"]),
      save("Record and report (JSON)", "report-json", async () => [
        `${JSON.stringify(recordWithReport(record, report), null, 2)}\n`,
        `${stem}-report.json`,
        "application/json",
      ]),
      button("Print", "report-print", () => printReport(root)),
    ),
    say,
  );
}

function chartsPart(report: Report): { el: HTMLElement; specs: ReturnType<typeof chartSpecs> } {
  const specs = chartSpecs(report);
  const el = h(
    "div",
    { class: "report-charts" },
    ...specs.map((s) =>
      h(
        "figure",
        { class: "report-chart" },
        h("div", { class: "chart-host", "data-chart": s.id, role: "img", "aria-label": `${s.title}. ${s.caption}` }),
        h("figcaption", {}, h("strong", {}, `${s.title}. `), s.caption),
      ),
    ),
  );
  return { el, specs };
}

/** Fills the section once the report is built; charts are drawn when uPlot has loaded. */
function fill(section: HTMLElement, report: Report, record: unknown, stem: string): void {
  const charts = chartsPart(report);
  const single = report.series.hours.length < 2;
  const parts: (HTMLElement | null)[] = [
    h("h2", { id: "report-title" }, "After-action report"),
    downloads(report, record, stem, section),
    h("h3", {}, "Harm and attribution over time"),
    single
      ? h("p", {}, "The numbers over time need the session's record; this view has only where they ended.")
      : charts.el,
    h(
      "p",
      { class: "meta" },
      "Bold black: the Council's median ally. Solid colours: allies hit by the attacks; dashed: seats played by people and the least and most convinced allies.",
    ),
    scoresSection(report),
    peopleSection(report),
    timelineSection(report),
    allySection(report),
    questionsSection(report),
    sourcesSection(report),
  ];
  section.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
  section.dataset.ready = "true";
  if (!single)
    void import("./debriefCharts.ts")
      .then(({ drawCharts }) => drawCharts(section, charts.specs))
      .catch(() => {
        charts.el.append(
          h("p", { class: "notice" }, "The charts could not be drawn; the figures are in the captions."),
        );
      });
}

/** The report's section of the debrief; it fills itself a moment after the screen shows. */
/** Builds the report (from the record's JSON when there is one) and fills the debrief's report section with it. */
export function showReport(section: HTMLElement, session: Session, record: unknown, stem: string): void {
  let report: Report;
  try {
    report = record === null ? reportFromSession(session) : reportFromJson(record);
  } catch {
    record = null;
    report = reportFromSession(session); // the view this screen has is still worth a report
  }
  fill(section, report, record, stem);
}
