/**
 * The debrief's charts, drawn with uPlot: harm and attribution confidence over game days (src/report/charts.ts
 * says what each shows). Loaded on demand, so uPlot stays out of the game's first download.
 */
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { ChartSpec } from "../../report/charts.ts";

const HEIGHT = 240;

function optionsFor(spec: ChartSpec, width: number): uPlot.Options {
  return {
    width,
    height: HEIGHT,
    scales: { x: { time: false }, y: { range: [0, 100] } },
    axes: [
      { label: "Game day", stroke: "#444" },
      { label: spec.yLabel, stroke: "#444", size: 56 },
    ],
    legend: { live: false },
    series: [
      { label: "Day" },
      ...spec.lines.map((l) => ({
        label: l.label,
        stroke: l.color,
        width: l.width,
        ...(l.dash ? { dash: l.dash } : {}),
        points: { show: false },
      })),
    ],
  };
}

/** Draws each chart into its host (an element with data-chart="<id>"); redraws at the host's width on resize. */
export function drawCharts(root: HTMLElement, specs: readonly ChartSpec[]): void {
  const plots: { plot: uPlot; host: HTMLElement }[] = [];
  for (const spec of specs) {
    const host = root.querySelector<HTMLElement>(`[data-chart="${spec.id}"]`);
    if (!host) continue;
    const width = Math.max(260, host.clientWidth || 600);
    const data: uPlot.AlignedData = [spec.x, ...spec.lines.map((l) => l.values)];
    plots.push({ plot: new uPlot(optionsFor(spec, width), data, host), host });
    host.dataset.drawn = "true";
  }
  const resize = new ResizeObserver(() => {
    if (!root.isConnected) {
      // The player has left the debrief: let the charts go.
      resize.disconnect();
      for (const { plot } of plots) plot.destroy();
      return;
    }
    for (const { plot, host } of plots) {
      const width = Math.max(260, host.clientWidth);
      if (Math.abs(width - plot.width) > 4) plot.setSize({ width, height: HEIGHT });
    }
  });
  for (const { host } of plots) resize.observe(host);
}
