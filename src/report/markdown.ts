/** The after-action report as Markdown: headings, lists and small tables a word processor or wiki can take. Pure. */
import type { AllyReport, DraftRecord, Person, Report, TimelineItem } from "./model.ts";

/** Text as Markdown shows it, never as markup or raw HTML (names and delegates' words are plain text). */
export function mdText(text: string): string {
  return text
    .replace(/[\\`*_[\]#|]/g, (c) => `\\${c}`)
    .replace(/&(?=#?\w+;)/g, "&amp;") // only where it would start an entity
    .replace(/<(?=[A-Za-z/!?])/g, "&lt;") // only where it would start a tag
    .replace(/\r?\n/g, " ");
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const STANCE_LETTER: Record<string, string> = { support: "S", undecided: "U", oppose: "O" };

/** People at a seat: "Ana, Ben (team Blue)". */
export function peopleText(people: readonly Person[]): string {
  const teams = new Map<string, string[]>();
  const named = (p: Person) => (p.role && people.length > 1 ? `${p.name} (${p.role})` : p.name);
  for (const p of people) teams.set(p.team ?? "", [...(teams.get(p.team ?? "") ?? []), named(p)]);
  return [...teams].map(([team, names]) => `${names.join(", ")}${team ? ` (team ${team})` : ""}`).join("; ");
}

/** Who played an ally, in words. */
export function playedByText(a: AllyReport): string {
  if (a.people.length) return `played by ${peopleText(a.people)}`;
  return a.playedBy === "person" ? "played by a person" : "played by the AI";
}

function header(r: Report): string[] {
  const m = r.meta;
  return [
    `# After-action report: ${mdText(m.title)}`,
    "",
    `Scenario date ${m.scenarioDate} · seed ${m.seed} · role: ${mdText(m.roleName)} · chair played by ${m.chair === "ai" ? "the AI" : "a person"} · ${m.days} days of crisis${m.finished ? "" : " · the session had not ended"}`,
    "",
    `Engine ${m.engine || "unknown"} · scenario ${m.scenarioId}@${m.scenarioHash} · state hash ${m.stateHash}`,
    "",
  ];
}

function outcome(r: Report): string[] {
  const o = r.outcome;
  return [
    "## Outcome",
    "",
    mdText(o.sentence),
    "",
    `- Adopted: ${o.adopted.length ? o.adopted.map(mdText).join("; ") : "nothing"}`,
    ...(o.coalition.length ? [`- Outside the Council: ${o.coalition.map(mdText).join("; ")}`] : []),
    `- The adversary's answers: ${o.reactions.length ? o.reactions.join(", ") : "none yet"}`,
    "",
    "## Against the historical record",
    "",
    `**History:** ${mdText(r.history.outcome)}.`,
    "",
    ...r.history.comparison.map((c) => `- ${mdText(c)}`),
    "",
    mdText(r.history.text),
    "",
    `**Who was really behind it:** ${mdText(r.history.truth)}`,
    "",
  ];
}

function scores(r: Report): string[] {
  return [
    "## Scores",
    "",
    "| Score | Value | What raised or lowered it |",
    "| --- | ---: | --- |",
    ...r.scores.map(
      (s) =>
        `| ${mdText(s.label)}${s.higherIsBetter ? "" : " (higher is riskier)"} | ${s.value} | ${s.because.map(mdText).join(" ")} |`,
    ),
    "",
    ...(r.objectives.length
      ? [
          `Objectives of ${mdText(r.meta.roleName)}:`,
          "",
          ...r.objectives.map((o) => `- [${o.met ? "x" : " "}] ${mdText(o.text)}`),
          "",
        ]
      : []),
  ];
}

function timelineItem(t: TimelineItem): string[] {
  const wall = t.wall ? ` (${t.wall.slice(11, 16)})` : "";
  const head = `- **${t.when.slice(t.when.indexOf(",") + 2)}**${wall} ${mdText(t.text)}${t.detail ? ` _(${mdText(t.detail)})_` : ""}`;
  return [
    head,
    ...(t.said ?? []).map(
      (s) => `  - ${mdText(s.name)}: ${mdText(s.text)}${s.detail ? ` _(${mdText(s.detail)})_` : ""}`,
    ),
  ];
}

function timeline(r: Report): string[] {
  const out = ["## Timeline", ""];
  let day = -1;
  for (const t of r.timeline) {
    if (t.kind === "phase") continue;
    if (t.day !== day) {
      day = t.day;
      out.push("", `### Day ${day}`, "");
    }
    out.push(...timelineItem(t));
  }
  return [...out, ""];
}

function rounds(r: Report): string[] {
  if (!r.rounds.length) return ["## Stances by round", "", "No consultation rounds were held.", ""];
  return [
    "## Stances by round",
    "",
    "S support, U undecided, O oppose, - not yet stated.",
    "",
    `| Ally | ${r.rounds.map((c) => `${c.when} (R${c.round})`).join(" | ")} |`,
    `| --- | ${r.rounds.map(() => ":---:").join(" | ")} |`,
    ...r.allies.map(
      (a, i) => `| ${mdText(a.name)} | ${r.rounds.map((c) => STANCE_LETTER[c.stances[i] ?? ""] ?? "-").join(" | ")} |`,
    ),
    "",
  ];
}

function draft(r: Report, d: DraftRecord): string[] {
  const name = (code: string) => r.allies.find((a) => a.code === code)?.name ?? code;
  const acted = d.allies.filter((a) => a.act !== "kept silence");
  const kept = d.allies.length - acted.length;
  return [
    `### Draft ${d.number}: ${d.when} (cycle ${d.cycle}, attempt ${d.attempt})`,
    "",
    `- Text: ${d.measures.map(mdText).join("; ")}`,
    ...(d.separate.length ? [`- Decided separately: ${d.separate.map(mdText).join("; ")}`] : []),
    `- Adopted: ${d.adopted.length ? d.adopted.map(mdText).join("; ") : "nothing"}`,
    ...(d.fell.length ? [`- Fell: ${d.fell.map(mdText).join("; ")}`] : []),
    `- ${kept} of ${d.allies.length} allies kept silence without a word`,
    ...acted.map(
      (a) =>
        `- ${mdText(name(a.code))} ${a.act === "broke silence" ? `broke silence${a.on.length ? ` on ${a.on.map(mdText).join(", ")}` : ""}` : "kept silence with a reservation"} (stance before: ${a.before ?? "not stated"})${a.words ? `: ${mdText(a.words)}` : ""}`,
    ),
    "",
  ];
}

function ally(a: AllyReport): string[] {
  return [
    `### ${mdText(a.name)}`,
    "",
    `${mdText(playedByText(a))}${a.victim ? " · hit by the attacks" : ""} · final stance: ${a.finalStance ?? "not stated"}${a.finalConfidence === null ? "" : ` · confidence a state is behind it: ${pct(a.finalConfidence)}`} · harm as it sees it: ${pct(a.finalHarm)}`,
    "",
    ...(a.arguments.length ? [`Argued and asked: ${a.arguments.map(mdText).join("; ")}.`, ""] : []),
    ...(a.talks.length ? ["Corridor talks:", "", ...a.talks.map((t) => `- ${mdText(t)}`), ""] : []),
    ...(a.history.length ? a.history.map((x) => `- ${x.when}: ${mdText(x.text)}`) : ["- Said nothing on record."]),
    "",
  ];
}

function people(r: Report): string[] {
  if (!r.people.length) return [];
  const seats = [...new Set(r.people.map((p) => p.seat))];
  return [
    "## Students and teams",
    "",
    "| Seat | People |",
    "| --- | --- |",
    ...seats.map((seat) => {
      const name = seat === "chair" ? "Chair" : (r.allies.find((a) => a.code === seat)?.name ?? seat);
      return `| ${mdText(name)} | ${mdText(peopleText(r.people.filter((p) => p.seat === seat)))} |`;
    }),
    "",
  ];
}

function lessons(r: Report): string[] {
  return [
    "## Teaching points",
    "",
    ...r.teachingPoints.map((t) => `- ${mdText(t)}`),
    "",
    "## Sources",
    "",
    ...r.sources.map((s) => `- ${mdText(s.label)}: ${s.urls.map((u) => `<${u}>`).join(" ")}`),
    "",
    "## Questions for discussion",
    "",
    ...r.questions.flatMap((q) => [
      `### ${mdText(q.label)}`,
      "",
      ...q.questions.map((x, i) => `${i + 1}. ${mdText(x)}`),
      "",
    ]),
  ];
}

/** The whole report as one Markdown document. */
export function reportMarkdown(r: Report): string {
  const lines = [
    ...header(r),
    ...outcome(r),
    ...scores(r),
    ...people(r),
    ...timeline(r),
    ...rounds(r),
    "## Drafts under the silence procedure",
    "",
    ...(r.drafts.length ? r.drafts.flatMap((d) => draft(r, d)) : ["No draft was tabled.", ""]),
    "## Each ally",
    "",
    ...r.allies.flatMap(ally),
    ...lessons(r),
    "_Ally profiles in this game are stylized, not official national positions._",
    "",
  ];
  return lines.join("\n").replace(/\n{3,}/g, "\n\n");
}
