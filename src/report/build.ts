/**
 * Builds the after-action report from a session record and its scenario (replaying it for the numbers over
 * time), or from a finished session alone where the record is not at hand (a networked delegate's view). Pure.
 */
import { bundledRoster, bundledScenario } from "../sim/catalog.ts";
import { measureById } from "../sim/measures.ts";
import { RecordError } from "../sim/record.ts";
import type { Scenario } from "../sim/scenarioSchema.ts";
import { adoptedMeasures, outcomeOf } from "../sim/scoring.ts";
import { createEnv, phaseOf, type Session, stateHash, stateOf } from "../sim/session.ts";
import { allyName } from "../ui/viewModel.ts";
import { outcomeSentence } from "../ui/words.ts";
import { allyReports, draftRecords, roundColumns } from "./allies.ts";
import { type ReportInput, readReportInput } from "./input.ts";
import { compareWithHistory, discussionQuestions, sourceLinks } from "./lessons.ts";
import type { Person, Report, Series } from "./model.ts";
import { explainScores } from "./scores.ts";
import { finalSeries, replayWithSeries } from "./series.ts";
import { buildTimeline } from "./timeline.ts";

interface Extras {
  series: Series;
  people: Person[];
  wallOfLog?: (index: number) => string | undefined;
  wallOfTalk?: (index: number) => string | undefined;
  fromRecord: boolean;
}

/** The name of the seat being scored: the chair, or an ally's name. */
function roleName(session: Session, role: string): string {
  return role === "chair" ? "The Secretary General (chair)" : allyName(session, role);
}

function assemble(session: Session, x: Extras): Report {
  const s = stateOf(session);
  const scenario = session.env.scenario;
  const finished = phaseOf(session) === "debrief";
  const outcome = s.outcome ?? outcomeOf(s);
  const adopted = adoptedMeasures(s);
  const drafts = draftRecords(session);
  const allies = allyReports(session, x.people, drafts);
  const role = roleName(session, s.role);
  const scored = explainScores(session, role);
  return {
    meta: {
      title: scenario.title,
      scenarioId: scenario.id,
      scenarioDate: scenario.date,
      kind: scenario.kind,
      seed: s.seed,
      engine: "",
      scenarioHash: s.scenarioHash,
      role: s.role,
      roleName: role,
      chair: s.chair,
      days: Math.round((s.hour / 24) * 10) / 10,
      stateHash: stateHash(session),
      finished,
      fromRecord: x.fromRecord,
    },
    outcome: {
      key: outcome,
      sentence: outcomeSentence(outcome, s.article4.held, adopted.includes("article5")),
      adopted: adopted.map((m) => measureById(m).name),
      coalition: s.coalition.map(
        (c) => `${measureById(c.measure).name} (${c.members.map((code) => allyName(session, code)).join(", ")})`,
      ),
      reactions: [...s.reactions],
    },
    history: {
      outcome: scenario.history.outcome,
      text: scenario.history.text,
      measures: scenario.history.measures.map((m) => measureById(m).name),
      comparison: compareWithHistory(session),
      truth: scenario.truth.text,
    },
    scores: scored.scores,
    objectives: scored.objectives,
    timeline: buildTimeline(session, x.series, x.wallOfLog, x.wallOfTalk),
    series: x.series,
    rounds: roundColumns(session),
    drafts,
    allies,
    people: x.people,
    teachingPoints: [...scenario.teachingPoints],
    sources: sourceLinks(scenario),
    questions: discussionQuestions(session, allies, drafts),
  };
}

/** The report of a record read by readReportInput, against its scenario. Throws RecordError when it will not replay. */
export function buildReport(scenario: Scenario, input: ReportInput): Report {
  const env = createEnv(scenario, bundledRoster());
  const { session, series, logEvent } = replayWithSeries(env, input.record);
  const talkEvents = input.record.events.flatMap((e, i) => (e.type === "corridor.talk" ? [i] : []));
  const wallAt = (i: number | undefined) => (i === undefined ? undefined : input.wall[i]);
  const report = assemble(session, {
    series,
    people: input.people,
    wallOfLog: (i) => wallAt(logEvent[i]),
    wallOfTalk: (i) => wallAt(talkEvents[i]),
    fromRecord: true,
  });
  report.meta.engine = input.record.engine;
  return report;
}

/** The report of a record file's parsed JSON, for a bundled scenario. Throws RecordError naming what is wrong. */
export function reportFromJson(data: unknown, scenarioOf = bundledScenario): Report {
  const input = readReportInput(data);
  const scenario = scenarioOf(input.record.scenario.id);
  if (!scenario) throw new RecordError(`$.scenario.id: unknown scenario "${input.record.scenario.id}"`);
  return buildReport(scenario, input);
}

/** The report of a finished session without its record (a networked view): no numbers over time, no wall clock. */
export function reportFromSession(session: Session, people: Person[] = []): Report {
  return assemble(session, { series: finalSeries(session), people, fromRecord: false });
}
