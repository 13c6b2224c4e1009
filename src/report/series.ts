/**
 * The crisis's numbers over game time, read by replaying a record one event at a time: the Council's harm and
 * every ally's own attribution confidence and harm, once per game hour at which something happened. Pure.
 */
import { stateConfidence } from "../sim/attribution.ts";
import { victims } from "../sim/council.ts";
import { RecordError, type SessionRecord } from "../sim/record.ts";
import { councilSeverity } from "../sim/scoring.ts";
import { applyParsed, checkSeats, createSession, type Session, stateOf } from "../sim/session.ts";
import type { Env, SessionState } from "../sim/state.ts";
import { ENGINE_VERSION } from "../sim/version.ts";
import type { Series } from "./model.ts";

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

interface Sample {
  hour: number;
  confidence: number[];
  harm: number[];
  council: number;
}

function sampleOf(s: SessionState): Sample {
  return {
    hour: s.hour,
    confidence: s.allies.map((a) => round3(stateConfidence(a.belief))),
    harm: s.allies.map((a) => round3(a.severity)),
    council: round3(councilSeverity(s)),
  };
}

/** Samples as a series: one point per game hour (the last state at that hour). */
function toSeries(env: Env, final: SessionState, samples: Sample[]): Series {
  const byHour = new Map<number, Sample>();
  for (const x of samples) byHour.set(x.hour, x);
  const points = [...byHour.values()].sort((a, b) => a.hour - b.hour);
  const hit = victims(env, final);
  return {
    hours: points.map((p) => p.hour),
    councilHarm: points.map((p) => p.council),
    medianConfidence: points.map((p) => round3(median(p.confidence))),
    allies: final.allies.map((a, i) => ({
      code: a.code,
      name: env.profiles[i]?.name ?? a.code,
      victim: hit.has(a.code),
      confidence: points.map((p) => p.confidence[i] ?? 0),
      harm: points.map((p) => p.harm[i] ?? 0),
    })),
  };
}

export interface Replayed {
  session: Session;
  series: Series;
  logEvent: number[]; // for each log entry, the index of the record's event that wrote it
}

/**
 * Replays a record and returns the final session with the series sampled along the way. Throws RecordError
 * as replayRecord does (wrong scenario, wrong engine, an event refused).
 */
export function replayWithSeries(env: Env, record: SessionRecord): Replayed {
  if (record.scenario.id !== env.scenario.id || record.scenario.hash !== env.scenarioHash)
    throw new RecordError(
      `record is for ${record.scenario.id}@${record.scenario.hash}; this scenario is ${env.scenario.id}@${env.scenarioHash}`,
    );
  if (record.engine !== ENGINE_VERSION)
    throw new RecordError(
      `record was made by engine ${record.engine}; this engine is ${ENGINE_VERSION}, whose rules may differ`,
    );
  const problem = checkSeats(env, record.seats);
  if (problem) throw new RecordError(`$.seats: ${problem}`);
  let session = createSession(env, record.seed, record.seats);
  const samples: Sample[] = [sampleOf(stateOf(session))];
  const logEvent: number[] = [];
  record.events.forEach((event, i) => {
    const result = applyParsed(session, event);
    if (!result.ok) throw new RecordError(`$.events[${i}] (${event.type}) was refused: ${result.reason}`);
    session = result.session;
    const s = stateOf(session);
    while (logEvent.length < s.log.length) logEvent.push(i);
    samples.push(sampleOf(s));
  });
  return { session, series: toSeries(env, stateOf(session), samples), logEvent };
}

/** The series a finished session alone can give (a networked view without the record): its final point. */
export function finalSeries(session: Session): Series {
  return toSeries(session.env, stateOf(session), [sampleOf(stateOf(session))]);
}
