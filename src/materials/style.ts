/** The printable materials' stylesheet: A4 pages on paper, page-like cards on screen. */
export const MATERIALS_CSS = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #525a63; --line: #c5ccd3; --accent: #0b4f8a; --warn: #8a1c1c; }
* { box-sizing: border-box; }
html { background: #e9edf1; }
body { margin: 0 auto; padding: 16px; max-width: 210mm; color: var(--ink);
  font: 11.5pt/1.45 "Noto Serif", Georgia, "Times New Roman", serif; }
h1, h2, h3, .running, .stamp, .when, .meta, th { font-family: "Noto Sans", "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 24pt; margin: 0 0 4px; color: var(--accent); }
h2 { font-size: 17pt; margin: 6px 0 4px; color: var(--accent); }
h3 { font-size: 11.5pt; margin: 12px 0 2px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
p { margin: 4px 0 6px; }
ul { margin: 4px 0 8px; padding-left: 20px; }
li { margin: 2px 0; }
a { color: var(--accent); overflow-wrap: anywhere; }
.page { background: #fff; margin: 0 0 16px; padding: 14mm 15mm; min-height: 60mm;
  border: 1px solid var(--line); box-shadow: 0 1px 4px rgba(0, 0, 0, 0.08); }
.running { font-size: 8.5pt; color: var(--muted); border-bottom: 1px solid var(--line); padding-bottom: 3px; margin: 0 0 8px; }
.meta { color: var(--muted); font-size: 10pt; }
.small { font-size: 9pt; color: var(--muted); }
.leanings { list-style: square; }
.instructions { border-left: 4px solid var(--accent); padding-left: 10px; }
.red-lines li::marker { color: var(--warn); }
.stamp { display: inline-block; font-weight: 700; font-size: 9.5pt; letter-spacing: 0.08em; text-transform: uppercase;
  border: 2px solid var(--warn); color: var(--warn); padding: 1px 8px; margin: 2px 0 6px; }
.optional .stamp { border-style: dashed; }
.when { font-weight: 700; font-size: 12pt; margin: 0; }
.details { font-size: 10.5pt; }
.say { border-left: 4px solid var(--accent); padding: 2px 0 2px 12px; font-style: italic; margin: 6px 0; }
.note { color: var(--muted); font-size: 10.5pt; margin: 4px 0; }
.note p::before { content: "▸ "; }
table { border-collapse: collapse; width: 100%; margin: 6px 0; font-size: 10pt; }
th, td { border: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
td + td, th + th { text-align: right; white-space: nowrap; }
dl.measures dt { font-weight: 700; margin-top: 6px; }
dl.measures dd { margin: 0 0 2px 14px; }
.sources li { font-size: 10pt; margin-bottom: 4px; }
.questions li { margin-bottom: 6px; }
.questions p { margin: 0; }
.question { font-style: italic; color: var(--accent); }
table.estimates th { font-weight: 400; width: 60%; }
table.estimates td { white-space: normal; text-align: left; }
.slip { padding: 2px 0 8px; }
.cut { border-top: 1px dashed var(--muted); margin: 18px 0 14px; text-align: center; font-size: 8pt; color: var(--muted);
  line-height: 0; }
.cut span { background: #fff; padding: 0 6px; }
@media (max-width: 600px) {
  body { padding: 6px; font-size: 11pt; }
  .page { padding: 14px; }
  td + td, th + th { white-space: normal; }
}
@page { size: A4; margin: 12mm; }
@media print {
  html, body { background: #fff; }
  body { padding: 0; max-width: none; }
  .page { border: 0; box-shadow: none; margin: 0; padding: 0; min-height: 0; break-after: page; }
  .page:last-child { break-after: auto; }
  .no-print { display: none; }
  h2, h3 { break-after: avoid; }
  li, tr, .say, dd, .slip { break-inside: avoid; }
}
`;
