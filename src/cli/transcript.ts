/** A readable transcript of a session, phase by phase, for the headless runner. */
import { findInject } from "../sim/council.ts";
import { describeEntry, formatHour } from "../sim/explain.ts";
import { type Session, stateOf } from "../sim/session.ts";
import type { LogEntry } from "../sim/state.ts";
import type { Summary } from "../sim/summary.ts";

/** The transcript lines: statements of a round are counted, with objections and requests spelled out. */
export function transcriptLines(session: Session, summary: Summary): string[] {
  const env = session.env;
  const titles = new Map<string, string>();
  for (const inject of [...env.scenario.injects, ...env.scenario.optionalInjects]) {
    titles.set(inject.id, inject.title);
    for (const e of inject.evidence) titles.set(e.id, e.title);
  }
  const title = (id: string) => titles.get(id) ?? id;
  const lines: string[] = [
    `${env.scenario.title} — seed ${summary.seed}, role ${summary.role}`,
    `Council of ${summary.allies.length}: ${summary.allies.join(" ")}`,
  ];
  const log = stateOf(session).log;
  for (let i = 0; i < log.length; i++) {
    const entry = log[i] as LogEntry;
    if (entry.k === "statement") {
      const round: LogEntry[] = [];
      while (i < log.length && log[i]?.k === "statement") round.push(log[i++] as LogEntry);
      i--;
      lines.push(...roundLines(round, title));
      continue;
    }
    if (entry.k === "inject") {
      const inject = findInject(env, entry.id);
      lines.push(`[${formatHour(entry.h)}] ${describeEntry(entry, title)}`);
      if (inject)
        lines.push(
          `    ${inject.text}`,
          `    Hit: ${inject.targets.join(", ")}${inject.spillover.length ? `; spillover: ${inject.spillover.join(", ")}` : ""}`,
        );
      continue;
    }
    lines.push(entry.k === "phase" ? describeEntry(entry) : `[${formatHour(entry.h)}] ${describeEntry(entry, title)}`);
  }
  lines.push(
    "",
    `Outcome: ${summary.outcome}; Article 4: ${summary.article4 ? "yes" : "no"}; Article 5: ${summary.article5 ? "yes" : "no"}`,
  );
  lines.push(
    `Scores: ${Object.entries(summary.scores)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}`,
  );
  lines.push(`History: ${env.scenario.history.outcome}`, `State hash: ${summary.stateHash}`);
  return lines;
}

function roundLines(round: LogEntry[], title: (id: string) => string): string[] {
  const count = (stance: string) => round.filter((e) => e.k === "statement" && e.stance === stance).length;
  const first = round[0];
  const head = `[${first ? formatHour(first.h) : ""}] Statements: ${count("support")} support, ${count("undecided")} undecided, ${count("oppose")} oppose`;
  const detail = round
    .filter((e) => e.k === "statement" && e.stance !== "support")
    .map((e) => `    ${describeEntry(e, title)}`);
  return [head, ...detail];
}
