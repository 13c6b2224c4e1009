/**
 * The after-action report inside the debrief: charts of harm and attribution over time, the timeline by game
 * day, each ally's course in its own words, what raised or lowered each score, questions for the discussion,
 * the sources as links, and downloads (Markdown, HTML, CSV, JSON) plus printing. Built from the record when the
 * screen has it (solo play, the facilitator), else from the session as this screen sees it. The report's code
 * loads with the debrief (debriefReportBody.ts), not with the game.
 */
import type { Session } from "../../sim/session.ts";
import { h } from "../dom.ts";
import "./debriefReport.css";

/** Where the debrief's report comes from: the record's JSON when the screen can get it. */
export interface ReportSource {
  load?: () => unknown | Promise<unknown>; // the record file's JSON (a classroom export may carry names)
  fileStem: string; // downloads are named <stem>-report.md, <stem>-events.csv, …
}

export function reportSection(session: Session, source: ReportSource): HTMLElement {
  const section = h(
    "section",
    { class: "debrief-report", "aria-labelledby": "report-title" },
    h("h2", { id: "report-title" }, "After-action report"),
    h("p", { class: "meta", role: "status" }, "Preparing the report…"),
  );
  const build = async (): Promise<void> => {
    let record: unknown = null;
    try {
      record = (await source.load?.()) ?? null;
    } catch {
      record = null;
    }
    const { showReport } = await import("./debriefReportBody.ts");
    showReport(section, session, record, source.fileStem);
  };
  // After the screen has painted: the replay behind the report takes a moment.
  setTimeout(() => void build(), 30);
  return section;
}
