/** The exported HTML report's stylesheet: readable on screen, and clean A4 pages when printed. */
export const REPORT_CSS = `
:root { --ink: #1b1f24; --muted: #4d5560; --rule: #c9ced6; --support: #1a7f37; --undecided: #9a6700; --oppose: #c62828; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0; background: #fff; }
main { max-width: 980px; margin: 0 auto; padding: 24px 20px 64px; }
h1 { font-size: 1.7rem; margin: 0 0 .3rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .6rem; border-bottom: 2px solid var(--rule); padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
p, li { max-width: 75ch; }
.meta { color: var(--muted); font-size: .9rem; margin: .2rem 0; }
.outcome { font-size: 1.15rem; font-weight: 600; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { border: 1px solid var(--rule); padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #f2f4f7; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.scores td:nth-child(3) { font-size: .92rem; }
.met { color: var(--support); } .unmet { color: var(--oppose); }
.timeline { list-style: none; padding: 0; margin: 0; }
.timeline li { padding: .25rem 0 .25rem .6rem; border-left: 4px solid var(--rule); margin: .2rem 0; }
.timeline .when { font-variant-numeric: tabular-nums; color: var(--muted); margin-right: .4rem; }
.timeline .said { list-style: disc; padding-left: 1.4rem; color: var(--muted); }
.timeline .said li { border: 0; padding: 0; }
.k-inject { border-left-color: #8e24aa !important; } .k-evidence { border-left-color: #0072b2 !important; }
.k-break { border-left-color: var(--oppose) !important; } .k-decision { border-left-color: var(--support) !important; }
.k-draft { border-left-color: #e69f00 !important; } .k-talk { border-left-color: #56b4e9 !important; }
.k-response { border-left-color: #444 !important; } .k-confidence { border-left-color: #009e73 !important; }
.figures { color: var(--muted); font-size: .88rem; }
.heat { font-size: .8rem; }
.heat td { text-align: center; min-width: 1.9rem; font-weight: 600; }
.heat th[scope=row] { white-space: nowrap; }
.st-S { background: #d5f0dc; color: #0b4a1e; } .st-U { background: #fbefc4; color: #5c3d00; }
.st-O { background: #f9d3d0; color: #7a1010; } .st-- { background: #fff; color: #888; }
.charts { display: grid; gap: 1rem; }
figure { margin: 0; }
figcaption { font-size: .9rem; color: var(--muted); }
.chart { min-height: 40px; }
.ally { border-top: 1px solid var(--rule); }
.sources a { word-break: break-all; }
.legend-note { font-size: .85rem; color: var(--muted); }
.u-legend { font-size: .8rem; }
@media (max-width: 600px) { main { padding: 12px; } table { font-size: .85rem; } .heat-wrap { overflow-x: auto; } }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  h3 { break-after: avoid; }
  .page { break-before: page; }
  tr, li, figure, .ally-head { break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; }
  .sources a::after { content: ""; }
  .heat { font-size: 7pt; }
  .heat td { min-width: 0; padding: .1rem .2rem; }
  .no-print { display: none; }
  .st-S, .st-U, .st-O, thead th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/** The script that draws the report's charts with uPlot when the page opens (uPlot is inlined before it). */
export const CHART_SCRIPT = `
(function () {
  var data = document.getElementById("chart-data");
  if (!data || typeof uPlot === "undefined") return;
  JSON.parse(data.textContent).forEach(function (s) {
    var el = document.getElementById("chart-" + s.id);
    if (!el) return;
    var width = Math.max(280, Math.min(el.clientWidth || 680, 900));
    new uPlot({
      width: width, height: 260, legend: { live: false },
      scales: { x: { time: false }, y: { range: [0, 100] } },
      axes: [{ label: "Game day" }, { label: s.yLabel, size: 60 }],
      series: [{ label: "Day" }].concat(s.lines.map(function (l) {
        return { label: l.label, stroke: l.color, width: l.width, dash: l.dash, points: { show: false } };
      }))
    }, [s.x].concat(s.lines.map(function (l) { return l.values; })), el);
  });
})();
`;
