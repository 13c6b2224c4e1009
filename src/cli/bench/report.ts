/** Benchmark figures and their readable table. */

export interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: { value: number; better: "higher" | "lower" }; // what the project aims for
  note?: string;
}

/** Prints the figures as an aligned table with each target and whether it was met in this run. */
export function printTable(figures: readonly Figure[]): void {
  const rows = figures.map((f) => [
    f.name,
    `${f.value} ${f.unit}`,
    f.target ? `${f.target.better === "higher" ? "≥" : "≤"} ${f.target.value}` : "",
    f.target ? (meets(f) ? "met" : "NOT MET") : "",
    f.note ?? "",
  ]);
  const head = ["benchmark", "value", "target", "", "note"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ");
  process.stdout.write(`\n${line(head)}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n`);
  for (const r of rows) process.stdout.write(`${line(r)}\n`);
}

function meets(f: Figure): boolean {
  if (!f.target) return true;
  return f.target.better === "higher" ? f.value >= f.target.value : f.value <= f.target.value;
}
