/**
 * What the report's charts show, as plain data: harm and attribution confidence over game days, a few lines
 * each (the Council's median, the allies hit, the seats people played, the least and most convinced). The
 * debrief draws these with uPlot (src/ui/screens/debriefCharts.ts), and so does the exported HTML. Pure.
 */
import type { Report, Series } from "./model.ts";

export interface ChartLine {
  label: string;
  color: string;
  width: number; // stroke width in CSS pixels
  dash?: number[];
  values: number[]; // percent, one per x
}

export interface ChartSpec {
  id: string;
  title: string;
  caption: string; // what the chart says, for people who cannot see it
  yLabel: string;
  x: number[]; // game days (fractional)
  lines: ChartLine[];
}

/** Okabe and Ito's palette, told apart with most colour-vision deficiencies. */
const PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8B6D00", "#444444"];
const MAX_LINES = 7;
const toPct = (xs: readonly number[]) => xs.map((v) => Math.round(v * 1000) / 10);

/** The allies worth a line of their own: the ones hit, the seats people played, the two ends at the close. */
function notable(report: Report, series: Series, pick: (a: Series["allies"][number]) => number[]): string[] {
  const people = new Set(report.allies.filter((a) => a.playedBy === "person").map((a) => a.code));
  const last = (a: Series["allies"][number]) => pick(a).at(-1) ?? 0;
  const sorted = [...series.allies].sort((a, b) => last(a) - last(b));
  const codes = [
    ...series.allies.filter((a) => a.victim).map((a) => a.code),
    ...series.allies.filter((a) => people.has(a.code)).map((a) => a.code),
    sorted[0]?.code,
    sorted.at(-1)?.code,
  ].filter((c): c is string => !!c);
  return [...new Set(codes)].slice(0, MAX_LINES - 1);
}

function chartOf(
  report: Report,
  id: string,
  title: string,
  yLabel: string,
  median: { label: string; values: number[] },
  pick: (a: Series["allies"][number]) => number[],
  caption: string,
): ChartSpec {
  const s = report.series;
  const lines: ChartLine[] = [{ label: median.label, color: "#111111", width: 3, values: toPct(median.values) }];
  notable(report, s, pick).forEach((code, i) => {
    const ally = s.allies.find((a) => a.code === code);
    if (ally)
      lines.push({
        label: `${ally.name}${ally.victim ? " (hit)" : ""}`,
        color: PALETTE[i % PALETTE.length] ?? "#444444",
        width: 1.5,
        ...(ally.victim ? {} : { dash: [6, 4] }),
        values: toPct(pick(ally)),
      });
  });
  return { id, title, caption, yLabel, x: s.hours.map((h) => Math.round((h / 24) * 100) / 100), lines };
}

const pctText = (x: number | undefined) => `${Math.round((x ?? 0) * 100)}%`;

/** The report's two charts over game days: harm, and attribution confidence. */
export function chartSpecs(report: Report): ChartSpec[] {
  const s = report.series;
  return [
    chartOf(
      report,
      "harm",
      "Harm over time",
      "Harm (%)",
      { label: "Council (median ally)", values: s.councilHarm },
      (a) => a.harm,
      `The Council's harm rose to a peak of ${pctText(Math.max(0, ...s.councilHarm))} and ended at ${pctText(s.councilHarm.at(-1))} over ${report.meta.days} days.`,
    ),
    chartOf(
      report,
      "confidence",
      "Attribution confidence over time",
      "Confidence in a state (%)",
      { label: "Median ally", values: s.medianConfidence },
      (a) => a.confidence,
      `The median ally's confidence that a state was behind the attacks went from ${pctText(s.medianConfidence[0])} to ${pctText(s.medianConfidence.at(-1))}.`,
    ),
  ];
}
