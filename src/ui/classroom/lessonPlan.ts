/**
 * The facilitator console's lesson plan: before Start, the lesson's length (45, 60 or 90 minutes) turned into
 * a plan — briefing, each crisis cycle, the debrief discussion, with minutes — and the timers that fit it,
 * sent to the server as the console's own timer changes are (the `timers` facilitator action). During the
 * session, the time left against that plan. This browser keeps the chosen length and when the crisis and each
 * cycle began (the server's record keeps game time, not the lesson's). The numbers come from lessonPlanModel.ts.
 */
import type { TimerSettings } from "../../net/protocol.ts";
import type { RemoteGame } from "../../net/remoteGame.ts";
import { phaseOf, stateOf } from "../../sim/session.ts";
import { h } from "../dom.ts";
import type { Run } from "./facilitatorPanels.ts";
import {
  type CycleShape,
  cycleShape,
  LESSON_MINUTES,
  type LessonMinutes,
  type LessonPlan,
  planLesson,
  planProgress,
} from "./lessonPlanModel.ts";
import { formatSeconds } from "./status.ts";
import "./lessonPlan.css";

/** What this browser remembers of a session's lesson. */
interface Kept {
  minutes: LessonMinutes;
  startedAt: number | null; // when the crisis began (the console saw the session leave the briefing)
  cycleStarts: number[]; // when each cycle's incident arrived
}

const keyOf = (code: string) => `cbc.lesson.${code}`;

function load(storage: Storage | null, code: string): Kept {
  try {
    const kept = JSON.parse(storage?.getItem(keyOf(code)) ?? "null") as Partial<Kept> | null;
    const minutes = LESSON_MINUTES.find((m) => m === kept?.minutes) ?? 45;
    return { minutes, startedAt: kept?.startedAt ?? null, cycleStarts: kept?.cycleStarts ?? [] };
  } catch {
    return { minutes: 45, startedAt: null, cycleStarts: [] };
  }
}

function save(storage: Storage | null, code: string, kept: Kept): void {
  try {
    storage?.setItem(keyOf(code), JSON.stringify(kept));
  } catch {
    // Private browsing without storage: the plan still works for this page.
  }
}

const sameTimers = (a: TimerSettings, b: TimerSettings) =>
  a.incidentSeconds === b.incidentSeconds &&
  a.stepSeconds === b.stepSeconds &&
  a.roundSeconds === b.roundSeconds &&
  a.silenceSeconds === b.silenceSeconds;

/** "90 s", "3 min 30 s". */
function duration(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return s ? `${m} min ${s} s` : `${m} min`;
}

/** "12 min", "under a minute", "3 min over". */
function minutesLeft(ms: number): string {
  const m = Math.round(Math.abs(ms) / 60_000);
  if (ms < 0) return m ? `${m} min over` : "just over";
  return m ? `${m} min` : "under a minute";
}

/** The plan as a list of phases with their minutes. */
function planList(plan: LessonPlan): HTMLElement {
  return h(
    "ol",
    { class: "lesson-phases" },
    ...plan.phases.map((p) =>
      h(
        "li",
        { class: `lesson-${p.kind}`, "data-kind": p.kind },
        h("span", {}, p.label),
        h("span", { class: "lesson-min" }, p.minutes ? `${p.minutes} min` : "—"),
      ),
    ),
    h(
      "li",
      { class: "lesson-total" },
      h("span", {}, "Total"),
      h("span", { class: "lesson-min" }, `${plan.minutes} min`),
    ),
  );
}

function timersLine(plan: LessonPlan, shape: CycleShape): string {
  const t = plan.timers;
  return `Timers: reading an incident ${duration(t.incidentSeconds)}, consultation rounds ${duration(t.roundSeconds)} (up to ${shape.rounds} a cycle), silence procedure ${duration(t.silenceSeconds)}, AI steps ${t.stepSeconds} s. Rounds close early once everyone present has spoken, so cycles often take less.`;
}

/** The cycle the session is in: scenario incidents played so far (0 before the first). */
function cycleOf(game: RemoteGame): number {
  const ids = new Set(game.session.env.scenario.injects.map((i) => i.id));
  return stateOf(game.session).injects.filter((i) => ids.has(i.id)).length;
}

/** The lesson plan panel; `update` follows the session, `tick` the clock (every half second). */
export function lessonPanel(
  game: RemoteGame,
  run: Run,
  storage: Storage | null,
): { el: HTMLElement; update(): void; tick(): void } {
  const env = game.session.env;
  const shape = cycleShape(env, stateOf(game.session).seed);
  const kept = load(storage, game.code);
  const plans = new Map(LESSON_MINUTES.map((m) => [m, planLesson(env, stateOf(game.session).seed, m, shape)]));
  const planOf = () => plans.get(kept.minutes) ?? planLesson(env, stateOf(game.session).seed, kept.minutes, shape);

  const choice = h(
    "fieldset",
    { class: "lesson-length" },
    h("legend", {}, "Lesson length"),
    ...LESSON_MINUTES.map((m) =>
      h(
        "label",
        {},
        h("input", { type: "radio", name: "lesson-minutes", value: m, checked: m === kept.minutes }),
        ` ${m} min`,
      ),
    ),
  );
  const planBox = h("div", { class: "lesson-plan" });
  const apply = h("button", { type: "button", "data-action": "use-plan-timers", class: "primary" }, "Use these timers");
  const applied = h("p", { class: "meta", role: "status" });
  const before = h("div", { class: "lesson-before" }, choice, planBox, h("div", { class: "row" }, apply), applied);
  const [where, crisis, lessonLeft] = [h("li", {}), h("li", {}), h("li", {})];
  const progress = h("div", { role: "status" }, h("ul", { class: "lesson-progress" }, where, crisis, lessonLeft));
  const advice = h("p", { class: "lesson-advice" });
  const during = h("div", { class: "lesson-during" }, progress, advice);
  const title = h("h2", { id: "lesson-title" }, "Lesson plan");
  const el = h("section", { class: "panel fac-lesson", "aria-labelledby": "lesson-title" }, title, before, during);

  const showPlan = () => {
    const plan = planOf();
    planBox.replaceChildren(planList(plan), h("p", { class: "meta" }, timersLine(plan, shape)));
  };
  choice.addEventListener("change", (e) => {
    const value = Number((e.target as HTMLInputElement).value);
    kept.minutes = LESSON_MINUTES.find((m) => m === value) ?? kept.minutes;
    save(storage, game.code, kept);
    showPlan();
    update();
  });
  apply.addEventListener("click", () => run({ op: "timers", timers: planOf().timers }));

  /** Notes when the crisis and each cycle began, as this console sees them. */
  const follow = () => {
    const phase = phaseOf(game.session);
    if (phase === "briefing" || phase === "debrief") return;
    const now = Date.now();
    let changed = false;
    if (kept.startedAt === null) {
      kept.startedAt = now;
      changed = true;
    }
    const cycle = cycleOf(game);
    while (kept.cycleStarts.length < cycle) {
      kept.cycleStarts.push(now);
      changed = true;
    }
    if (changed) save(storage, game.code, kept);
  };

  function update(): void {
    follow();
    const briefing = phaseOf(game.session) === "briefing";
    before.hidden = !briefing;
    during.hidden = briefing;
    title.textContent = briefing ? "Lesson plan" : `Lesson plan: ${kept.minutes} minutes`;
    const set = sameTimers(game.view.clock.timers, planOf().timers);
    apply.disabled = set;
    applied.textContent = set ? "These timers are set for the session." : "";
    tick();
  }

  function tick(): void {
    if (phaseOf(game.session) === "briefing" || kept.startedAt === null) return;
    const plan = planOf();
    const cycle = cycleOf(game);
    const p = planProgress(plan, {
      now: Date.now(),
      startedAt: kept.startedAt,
      cycle,
      cycleStartedAt: kept.cycleStarts[cycle - 1] ?? kept.startedAt,
    });
    const total = plan.phases.filter((x) => x.kind !== "briefing" && x.kind !== "debrief").length;
    const lines: [HTMLElement, string][] = [
      [where, cycle ? `Cycle ${cycle} of ${total}: ${minutesLeft(p.cycleLeftMs)} left by the plan` : "Before cycle 1"],
      [crisis, `Crisis: ${minutesLeft(p.crisisLeftMs)} left, then ${plan.debriefMinutes} min of debrief discussion`],
      [lessonLeft, `Lesson: ${minutesLeft(p.lessonLeftMs)} left`],
    ];
    for (const [li, text] of lines) if (li.textContent !== text) li.textContent = text;
    let note = "";
    if (p.beyondPlan)
      note = "This cycle is beyond the plan: end the session when you need the time, and summarise it in the debrief.";
    else if (p.crisisLeftMs < 0)
      note = "The crisis part is over its time: end the session to keep the debrief discussion.";
    else if (p.behindMs >= 60_000)
      note = `${formatSeconds(Math.round(p.behindMs / 1000))} behind the plan: Next step now closes a round early.`;
    if (advice.textContent !== note) advice.textContent = note;
    advice.hidden = !note;
  }

  showPlan();
  update();
  return { el, update, tick };
}
