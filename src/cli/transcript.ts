/** A readable transcript of a session, phase by phase, for the headless runner. */
import { findInject } from "../sim/council.ts";
import { describeEntry, explainReason, formatHour } from "../sim/explain.ts";
import { type Session, stateOf } from "../sim/session.ts";
import type { Summary } from "../sim/summary.ts";

/** The transcript lines: each round's stances are counted, with objections and requests spelled out. */
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
  for (const entry of stateOf(session).log) {
    const at = `[${formatHour(entry.h)}] `;
    if (entry.k === "phase") lines.push(describeEntry(entry));
    else if (entry.k === "round") {
      lines.push(`${at}${describeEntry(entry)}`);
      for (const note of entry.notes)
        lines.push(`    ${note.by}: ${note.stance} — ${note.reasons.map(explainReason).join("; ")}`);
    } else if (entry.k === "inject") {
      const inject = findInject(env, entry.id);
      lines.push(`${at}${describeEntry(entry, title)}`);
      if (inject) {
        const spill = inject.spillover.length ? `; spillover: ${inject.spillover.join(", ")}` : "";
        lines.push(`    ${inject.text}`, `    Hit: ${inject.targets.join(", ")}${spill}`);
      }
    } else lines.push(`${at}${describeEntry(entry, title)}`);
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
