/**
 * Lesson planning for a classroom session, without a DOM: the lesson's minutes split as the printed
 * facilitator's guide splits them (briefing, crisis cycles, debrief discussion; src/materials/guide.ts), and
 * the server's timers chosen so that a cycle fits its minutes even when every consultation round runs its full
 * time (rounds close early once everyone present has spoken, so real cycles are shorter). How many timed steps a
 * cycle has comes from the session itself: its own driver played forward with AI in every seat
 * (src/sim/autopilot.ts), step by step as the server's clock takes them (src/server/pacer.ts). Also the
 * progress against a plan during the session. Pure.
 */

import { cycleMinutes, LESSONS } from "../../materials/guide.ts";
import type { TimerSettings } from "../../net/protocol.ts";
import { nextSystemEvent } from "../../sim/autopilot.ts";
import { applyParsed, createSession, phaseOf } from "../../sim/session.ts";
import type { Env } from "../../sim/state.ts";

/** The lesson lengths a plan can be made for (minutes). */
export const LESSON_MINUTES = LESSONS.map((l) => l.minutes);
export type LessonMinutes = (typeof LESSONS)[number]["minutes"];

/** Seconds between AI steps (attribution, the adversary's response): short, nobody waits for them. */
const STEP_SECONDS = 6;
/** Bounds of the planned timers, in seconds: enough to read and speak, not so long that the room drifts. */
const LIMITS = {
  incident: { min: 30, max: 180, share: 0.12 }, // reading the incident card, as a share of the cycle
  silence: { min: 30, max: 180, share: 0.12 }, // the silence procedure
  round: { min: 45, max: 300 }, // a consultation round: what is left, shared by the rounds
};

/** The timed steps of one crisis cycle as the server's clock takes them. */
export interface CycleShape {
  cycles: number; // the scenario's incidents
  attributionSteps: number; // AI steps while the allies weigh the evidence (the most of any cycle)
  rounds: number; // consultation rounds at most
}

/** The shape of a session's cycles: its own driver, AI in every seat, from `seed`. */
export function cycleShape(env: Env, seed: number): CycleShape {
  let session = createSession(env, seed, { role: "chair", chair: "ai", humans: [] });
  const perCycle: number[] = [];
  for (let i = 0; i < 5000; i++) {
    const event = nextSystemEvent(session);
    if (!event) break;
    const phase = phaseOf(session);
    if (phase === "incident") perCycle.push(0);
    if (phase === "attribution") perCycle[perCycle.length - 1] = (perCycle.at(-1) ?? 0) + 1;
    const result = applyParsed(session, event);
    if (!result.ok) break;
    session = result.session;
  }
  return {
    cycles: env.scenario.injects.length,
    attributionSteps: Math.max(1, ...perCycle),
    rounds: env.scenario.settings.maxConsultationRounds,
  };
}

/** Seconds one cycle takes at most with these timers (every round and timer running out). */
export function cycleSeconds(shape: CycleShape, t: TimerSettings): number {
  return (
    t.incidentSeconds + (shape.attributionSteps + 1) * t.stepSeconds + shape.rounds * t.roundSeconds + t.silenceSeconds
  );
}

const clamp = (x: number, min: number, max: number) => Math.min(max, Math.max(min, x));
const down = (x: number, step: number) => Math.floor(x / step) * step;

/** Timers that fit a cycle into `seconds`: reading and silence a share of it, the rounds the rest. */
export function timersFor(shape: CycleShape, seconds: number): TimerSettings {
  const incidentSeconds = down(clamp(seconds * LIMITS.incident.share, LIMITS.incident.min, LIMITS.incident.max), 5);
  const silenceSeconds = down(clamp(seconds * LIMITS.silence.share, LIMITS.silence.min, LIMITS.silence.max), 5);
  const rest = seconds - incidentSeconds - silenceSeconds - (shape.attributionSteps + 1) * STEP_SECONDS;
  const roundSeconds = down(clamp(rest / shape.rounds, LIMITS.round.min, LIMITS.round.max), 15);
  return { incidentSeconds, stepSeconds: STEP_SECONDS, roundSeconds, silenceSeconds };
}

export interface PlanPhase {
  kind: "briefing" | "cycle" | "summarise" | "debrief";
  label: string;
  minutes: number; // 0 for an incident that does not fit (summarised in the debrief)
}

export interface LessonPlan {
  minutes: LessonMinutes;
  phases: PlanPhase[];
  timers: TimerSettings;
  played: number; // cycles the lesson has time for
  cycleMinutes: number; // the shortest planned cycle: the timers fit it
  crisisMinutes: number; // from Start to the debrief discussion
  briefingMinutes: number;
  debriefMinutes: number;
}

/** The plan for a lesson of `minutes` in the session of `env` with `seed`. */
export function planLesson(env: Env, seed: number, minutes: LessonMinutes, shape = cycleShape(env, seed)): LessonPlan {
  const lesson = LESSONS.find((l) => l.minutes === minutes) ?? LESSONS[0];
  const split = cycleMinutes(lesson.cycles, shape.cycles);
  const played = split.filter((m) => m > 0).length;
  const shortest = Math.min(...split.filter((m) => m > 0));
  const phases: PlanPhase[] = [
    { kind: "briefing", label: "Briefing: the situation, seats and the rules", minutes: lesson.briefing },
    ...env.scenario.injects.map(
      (inject, i): PlanPhase =>
        split[i]
          ? { kind: "cycle", label: `Cycle ${i + 1}: ${inject.title}`, minutes: split[i] ?? 0 }
          : { kind: "summarise", label: `Cycle ${i + 1}: ${inject.title} (summarise in the debrief)`, minutes: 0 },
    ),
    { kind: "debrief", label: "Debrief discussion", minutes: lesson.debrief },
  ];
  return {
    minutes: lesson.minutes,
    phases,
    timers: timersFor(shape, shortest * 60),
    played,
    cycleMinutes: shortest,
    crisisMinutes: lesson.cycles,
    briefingMinutes: lesson.briefing,
    debriefMinutes: lesson.debrief,
  };
}

/** Where the session stands against its plan. */
export interface PlanProgress {
  crisisLeftMs: number; // until the plan's debrief discussion (negative: past it)
  lessonLeftMs: number; // until the lesson's end
  cycleLeftMs: number; // until the current cycle's planned end (negative: over)
  behindMs: number; // how far the session is behind the plan (0 when on time or ahead)
  beyondPlan: boolean; // in a cycle the plan leaves to the debrief
}

/**
 * Progress at `now` for a session whose crisis part started at `startedAt` (Start pressed) and is in cycle
 * `cycle` (1-based; 0 before the first incident) since `cycleStartedAt`. Times in ms.
 */
export function planProgress(
  plan: LessonPlan,
  at: { now: number; startedAt: number; cycle: number; cycleStartedAt: number },
): PlanProgress {
  const cycles = plan.phases.filter((p) => p.kind === "cycle" || p.kind === "summarise");
  const minute = 60_000;
  const crisisEnd = at.startedAt + plan.crisisMinutes * minute;
  const index = Math.max(0, at.cycle - 1);
  const plannedEnd = at.startedAt + cycles.slice(0, index + 1).reduce((sum, p) => sum + p.minutes, 0) * minute;
  const current = cycles[index];
  const cycleEnd = current?.minutes ? Math.max(plannedEnd, at.cycleStartedAt + current.minutes * minute) : crisisEnd;
  return {
    crisisLeftMs: crisisEnd - at.now,
    lessonLeftMs: crisisEnd + plan.debriefMinutes * minute - at.now,
    cycleLeftMs: cycleEnd - at.now,
    behindMs: Math.max(0, at.now - plannedEnd),
    beyondPlan: at.cycle > plan.played,
  };
}
