/** The tournament's tallies: one bot in one seat over a range of seeds, and how they are printed. */
import type { Bot } from "../sim/bots/bot.ts";
import { playWithBot } from "../sim/bots/play.ts";
import { MEASURE_IDS, type MeasureId } from "../sim/measures.ts";
import { adoptedMeasures, OUTCOME_VALUE, OUTCOMES, type Outcome, outcomeOf } from "../sim/scoring.ts";
import { stateOf } from "../sim/session.ts";
import type { Env, SeatId } from "../sim/state.ts";

export interface Tally {
  scenario: string;
  seat: SeatId;
  bot: string;
  runs: number;
  outcomes: Record<Outcome, number>; // runs ending in each outcome class
  adopted: Partial<Record<MeasureId, number>>; // runs that adopted each measure, in ladder order
}

/** Plays seeds from..to with `bot` in `seat` (the built-in AI elsewhere); `onSeed` hears of each seed first. */
export function playSeeds(env: Env, seat: SeatId, bot: Bot, from: number, to: number, onSeed?: (seed: number) => void) {
  const outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  const adopted = new Map<MeasureId, number>();
  for (let seed = from; seed <= to; seed++) {
    onSeed?.(seed);
    const s = stateOf(playWithBot(env, seed, seat, bot).session);
    outcomes[outcomeOf(s)]++;
    for (const m of adoptedMeasures(s)) adopted.set(m, (adopted.get(m) ?? 0) + 1);
  }
  const tally: Tally = {
    scenario: env.scenario.id,
    seat,
    bot: bot.name,
    runs: Math.max(0, to - from + 1),
    outcomes,
    adopted: Object.fromEntries(MEASURE_IDS.filter((m) => adopted.has(m)).map((m) => [m, adopted.get(m)])),
  };
  return tally;
}

/** The mean outcome value (OUTCOME_VALUE) over the runs. */
export function meanValue(t: Tally): number {
  if (!t.runs) return 0;
  return OUTCOMES.reduce((sum, o) => sum + OUTCOME_VALUE[o] * t.outcomes[o], 0) / t.runs;
}

/** One JSON line: scenario, seat, bot, runs, outcomes (all five classes), adopted, mean. */
export function jsonLine(t: Tally): string {
  const mean = Math.round(meanValue(t) * 1000) / 1000;
  return JSON.stringify({ ...t, mean });
}

/** The share of runs in which the Council decided nothing (no consensus, or only a coalition outside it). */
function noDecision(t: Tally): number {
  return t.runs ? (t.outcomes["no-consensus"] + t.outcomes.coalition) / t.runs : 0;
}

function mostAdopted(t: Tally, top = 3): string {
  const list = Object.entries(t.adopted) as [MeasureId, number][];
  // A stable sort keeps the ladder order among measures adopted equally often.
  const shown = list.sort((a, b) => b[1] - a[1]).slice(0, top);
  return shown.length ? shown.map(([m, n]) => `${m} ${n}`).join(", ") : "—";
}

/** A Markdown table of every bot's tally for one scenario and seat. */
export function markdownTable(tallies: readonly Tally[], seeds: string): string {
  const first = tallies[0];
  if (!first) return "";
  const head = ["bot", "runs", "mean", ...OUTCOMES, "no decision", "most adopted"];
  const align = ["---", "---:", "---:", ...OUTCOMES.map(() => "---:"), "---:", "---"];
  const rows = tallies.map((t) => [
    t.bot,
    String(t.runs),
    meanValue(t).toFixed(2),
    ...OUTCOMES.map((o) => String(t.outcomes[o])),
    `${Math.round(noDecision(t) * 100)}%`,
    mostAdopted(t),
  ]);
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [
    `## ${first.scenario}, ${first.seat === "chair" ? "the chair" : first.seat} (seeds ${seeds})`,
    "",
    line(head),
    line(align),
    ...rows.map(line),
    "",
  ].join("\n");
}
