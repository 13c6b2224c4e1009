/**
 * Property tests of the engine, seeded for reproducibility. A failure prints the fast-check seed: add it to
 * REGRESSION_SEEDS so the case keeps running (with the same property) after the fix.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nextSystemEvent, runToEnd } from "../../src/sim/autopilot.ts";
import { bundledRoster, SCENARIO_IDS } from "../../src/sim/catalog.ts";
import type { EngineEvent, EventType } from "../../src/sim/events.ts";
import { hasWording, MEASURE_IDS, type MeasureId } from "../../src/sim/measures.ts";
import { newRecord, parseRecord, replayRecord } from "../../src/sim/record.ts";
import { adoptedMeasures } from "../../src/sim/scoring.ts";
import {
  applyEvent,
  applyParsed,
  createSession,
  phaseOf,
  restoreSnapshot,
  type SavedSnapshot,
  type SeatPlan,
  type Session,
  saveSnapshot,
  stateHash,
  stateOf,
} from "../../src/sim/session.ts";
import type { Env, SessionState } from "../../src/sim/state.ts";
import { defined, envOf, seededCheck } from "../support/fixtures.ts";

const SEED = 4242;
/** fast-check seeds of past failures (or of runs worth keeping); each reruns every property. */
const REGRESSION_SEEDS: readonly number[] = [1, 7, 20_070_427, 1_337_420];
const check = seededCheck(SEED, REGRESSION_SEEDS);

const ROSTER_CODES = bundledRoster().allies.map((a) => a.code);

/** A session set-up: scenario, engine seed, chair controller and up to four human allies. */
interface Setup {
  id: string;
  seed: number;
  seats: SeatPlan;
}

const setupArb = (chairs: readonly ("ai" | "human")[] = ["ai", "human"], minHumans = 0): fc.Arbitrary<Setup> =>
  fc
    .record({
      id: fc.constantFrom(...SCENARIO_IDS),
      seed: fc.integer({ min: -2_147_483_648, max: 2_147_483_647 }),
      chair: fc.constantFrom(...chairs),
      picks: fc.uniqueArray(fc.nat({ max: 31 }), { minLength: minHumans, maxLength: 4 }),
    })
    .map(({ id, seed, chair, picks }) => {
      const env = envOf(id);
      const humans = [...new Set(picks.map((p) => defined(env.profiles[p % env.profiles.length], "seat").code))];
      return { id, seed, seats: { role: "chair", chair, humans } };
    });

// ---------------------------------------------------------------------------------------------------------
// (a) arbitrary input never throws, and a refused event changes nothing

/** Who an event claims to come from, resolved against the session when it is sent. */
type SenderPick =
  | { kind: "system" | "chair" | "human" | "ai" | "unseated" | "bogus" }
  | { kind: "literal"; value: unknown };

const senderArb: fc.Arbitrary<SenderPick> = fc.oneof(
  fc.constantFrom<SenderPick>(
    { kind: "system" },
    { kind: "chair" },
    { kind: "human" },
    { kind: "human" },
    { kind: "ai" },
    { kind: "unseated" },
    { kind: "bogus" },
  ),
  fc
    .oneof(fc.constant("est"), fc.constant(""), fc.constant(null), fc.integer(), fc.string({ maxLength: 5 }))
    .map((value): SenderPick => ({ kind: "literal", value })),
);

const EVENT_TYPES: readonly EventType[] = [
  "session.start",
  "phase.advance",
  "phase.attribution",
  "clock.advance",
  "ai.round",
  "inject.play",
  "intel.share",
  "assistance.request",
  "article4.request",
  "consultation.statement",
  "draft.table",
  "consultation.close",
  "silence.break",
  "silence.deadline",
  "response.resolve",
  "session.end",
];

/** An event-shaped object: a real type with fields that are sometimes right and sometimes subtly wrong. */
interface Template {
  type: EventType | string;
  by: SenderPick;
  hours: number;
  inject: number;
  to: "all" | SenderPick[];
  measures: string[];
  wants: string[];
  rejects: string[];
  stance: string;
  reason: string;
  extra: boolean;
}

const measureArb = fc.oneof(
  { weight: 9, arbitrary: fc.constantFrom<string>(...MEASURE_IDS) },
  { weight: 1, arbitrary: fc.constantFrom("article6", "CONCERN", "") },
);

const templateArb: fc.Arbitrary<Template> = fc.record({
  type: fc.oneof({ weight: 19, arbitrary: fc.constantFrom(...EVENT_TYPES) }, { weight: 1, arbitrary: fc.string() }),
  by: senderArb,
  hours: fc.oneof(fc.integer({ min: -2, max: 400 }), fc.constantFrom(1.5, Number.NaN, 336, 337)),
  inject: fc.nat({ max: 4 }),
  to: fc.oneof(fc.constant("all" as const), fc.array(senderArb, { maxLength: 3 })),
  measures: fc.array(measureArb, { maxLength: 12 }),
  wants: fc.array(measureArb, { maxLength: 11 }),
  rejects: fc.array(measureArb, { maxLength: 11 }),
  stance: fc.constantFrom("support", "undecided", "oppose", "maybe"),
  reason: fc.oneof(fc.string({ maxLength: 40 }), fc.constant("x".repeat(501))),
  extra: fc.boolean(),
});

/** Garbage: anything at all, plus a few shapes that aim at size limits and type confusion. */
const garbageArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything(),
  fc.string(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.anything(), { maxLength: 5 }),
  fc.constant({ type: "intel.share", by: "EST", to: Array.from({ length: 41 }, () => "EST") }),
  fc.constant({ type: "draft.table", by: "chair", measures: Array.from({ length: 11 }, () => "concern") }),
  fc.constant({ type: "draft.table", by: "chair", measures: [] }),
  fc.constant({ type: "clock.advance", by: "system", hours: "24" }),
  fc.constant({ type: ["session.start"], by: "system" }),
  fc.constant({ type: "session.start", by: "system", __proto__: { by: "chair" } }),
  fc.constant(Object.create(null)),
);

type Action =
  | { kind: "driver" }
  | { kind: "person"; n: number; measures: MeasureId[] }
  | { kind: "template"; template: Template }
  | { kind: "garbage"; value: unknown };

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Action>({ kind: "driver" }) },
  {
    weight: 2,
    arbitrary: fc
      .record({ n: fc.nat(), measures: fc.subarray([...MEASURE_IDS], { minLength: 1, maxLength: 4 }) })
      .map(({ n, measures }): Action => ({ kind: "person", n, measures })),
  },
  { weight: 3, arbitrary: templateArb.map((template): Action => ({ kind: "template", template })) },
  { weight: 1, arbitrary: garbageArb.map((value): Action => ({ kind: "garbage", value })) },
);

/** A well-formed event a person at the table might send now (the phase may still refuse it). */
function personEvent(env: Env, s: SessionState, n: number, measures: MeasureId[]): EngineEvent {
  const by = s.humans[n % Math.max(1, s.humans.length)] ?? "EST";
  const toolbox = measures.filter((m) => hasWording(m, "standard", env.scenario.date));
  const options: EngineEvent[] = [
    { type: "intel.share", by, to: "all" },
    { type: "assistance.request", by },
    { type: "article4.request", by },
    { type: "consultation.statement", by, stance: "oppose", wants: [], rejects: measures },
    { type: "silence.break", by, reason: "no" },
    { type: "draft.table", by: "chair", measures: toolbox.length ? toolbox : ["concern"] },
    { type: "consultation.close", by: "chair" },
    { type: "phase.attribution", by: "chair" },
    { type: "phase.advance", by: "chair" },
  ];
  return defined(options[Math.floor(n / 7) % options.length], "option");
}

function resolveSender(pick: SenderPick, env: Env, s: SessionState, n: number): unknown {
  const codes = env.profiles.map((p) => p.code);
  const ai = codes.filter((c) => !s.humans.includes(c));
  const unseated = ROSTER_CODES.filter((c) => !env.index.has(c));
  switch (pick.kind) {
    case "system":
    case "chair":
      return pick.kind;
    case "human":
      return s.humans[n % Math.max(1, s.humans.length)] ?? defined(ai[0], "ai seat");
    case "ai":
      return ai[n % ai.length];
    case "unseated":
      return unseated[n % Math.max(1, unseated.length)] ?? "ZZZ";
    case "bogus":
      return "XYZ";
    case "literal":
      return pick.value;
  }
}

/** Turns a template into a raw event object, only with the fields its type takes (plus a stray one). */
function materialize(t: Template, env: Env, s: SessionState): unknown {
  const event: Record<string, unknown> = { type: t.type, by: resolveSender(t.by, env, s, t.inject) };
  if (t.type === "clock.advance") event.hours = t.hours;
  if (t.type === "inject.play") event.inject = env.scenario.optionalInjects[t.inject]?.id ?? "no-such-inject";
  if (t.type === "intel.share")
    event.to = t.to === "all" ? "all" : t.to.map((p, i) => resolveSender(p, env, s, t.inject + i));
  if (t.type === "draft.table") event.measures = t.measures;
  if (t.type === "consultation.statement") {
    event.stance = t.stance;
    event.wants = t.wants;
    event.rejects = t.rejects;
  }
  if (t.type === "silence.break") event.reason = t.reason;
  if (t.extra) event.note = "unexpected field";
  return event;
}

describe("property: arbitrary input", () => {
  it("never throws, and a refused event leaves the session and its hash untouched", () => {
    const count = { driver: 0, accepted: 0, refused: 0 };
    const actions = fc.array(actionArb, { minLength: 10, maxLength: 90, size: "max" });
    const property = fc.property(setupArb(["ai", "human"], 1), actions, (setup, actions) => {
      const env = envOf(setup.id);
      let session = createSession(env, setup.seed, setup.seats);
      let before = stateHash(session);
      for (const action of actions) {
        let raw: unknown;
        if (action.kind === "driver") {
          raw = nextSystemEvent(session);
          if (raw === null) continue;
        } else if (action.kind === "person") raw = personEvent(env, stateOf(session), action.n, action.measures);
        else if (action.kind === "template") raw = materialize(action.template, env, stateOf(session));
        else raw = action.value;
        const result = applyEvent(session, raw);
        // Snapshots are immutable: whatever happened, the session we held is as it was.
        expect(stateHash(session)).toBe(before);
        if (!result.ok) {
          if (action.kind === "driver") throw new Error(`driver event refused: ${result.reason}`);
          count.refused++;
          expect(result.session).toBe(session);
          expect(result.reason.length).toBeGreaterThan(0);
          continue;
        }
        if (action.kind === "driver") count.driver++;
        else count.accepted++;
        const after = stateHash(result.session);
        expect(after).not.toBe(before);
        session = result.session;
        before = after;
      }
    });
    check(property, 60);
    // The fuzz must exercise both sides: events that get through and events that are turned away.
    expect(count.driver).toBeGreaterThan(1000);
    expect(count.accepted).toBeGreaterThan(100);
    expect(count.refused).toBeGreaterThan(1000);
  });
});

// ---------------------------------------------------------------------------------------------------------
// (b), (c) sessions with people at the table

interface Tally {
  sessions: number;
  humanBreaks: number;
  aiBreaks: number;
  refusedDecisions: number;
  article5Adopted: number;
  article5Refused: number;
}

const newTally = (): Tally => ({
  sessions: 0,
  humanBreaks: 0,
  aiBreaks: 0,
  refusedDecisions: 0,
  article5Adopted: 0,
  article5Refused: 0,
});

/**
 * Plays a whole session: the driver sends system events; a human chair tables random drafts (or closes);
 * human allies make statements and break silence at random. Checks each silence procedure as it resolves.
 */
function playWithPeople(setup: Setup, g: fc.GeneratorValue, tally: Tally): { session: Session; events: EngineEvent[] } {
  const { seats } = setup;
  const env = envOf(setup.id);
  let session = createSession(env, setup.seed, seats);
  const events: EngineEvent[] = [];
  /** Sends an event that must be accepted; a refusal fails the property with the engine's reason. */
  const send = (event: EngineEvent): void => {
    const result = applyParsed(session, event);
    if (!result.ok) throw new Error(`${event.type} by ${event.by} refused in ${phaseOf(session)}: ${result.reason}`);
    session = result.session;
    events.push(event);
  };
  const pickHuman = (): string | undefined => seats.humans[g(fc.nat, { max: 9 }) % Math.max(1, seats.humans.length)];
  for (let i = 0; i < 1000 && phaseOf(session) !== "debrief"; i++) {
    const phase = phaseOf(session);
    const s = stateOf(session);
    if (phase === "decision" && s.draft) {
      for (const by of seats.humans)
        if (g(fc.nat, { max: 2 }) === 0) {
          send({ type: "silence.break", by, reason: "instructions from the capital" });
          tally.humanBreaks++;
          // A second break from the same seat is refused.
          expect(applyParsed(session, { type: "silence.break", by, reason: "again" }).ok).toBe(false);
        }
      const breaks = defined(stateOf(session).draft, "draft").breaks.map((b) => b.by);
      const count = stateOf(session).decisions.length;
      send({ type: "silence.deadline", by: "system" });
      const decision = defined(stateOf(session).decisions[count], "decision");
      for (const by of breaks) expect(decision.brokenBy).toContain(by);
      if (decision.adopted) expect(decision.brokenBy).toEqual([]);
      tally.aiBreaks += decision.brokenBy.length - breaks.length;
      continue;
    }
    if (phase === "consultation") {
      const human = pickHuman();
      if (human && g(fc.nat, { max: 3 }) === 0) {
        const stance = g(fc.constantFrom, "support", "undecided", "oppose");
        const wants = g(fc.subarray, [...MEASURE_IDS], { maxLength: 3 });
        const rejects = g(fc.subarray, [...MEASURE_IDS], { maxLength: 3 });
        send({ type: "consultation.statement", by: human, stance, wants, rejects });
      }
      const spent = s.round >= env.scenario.settings.maxConsultationRounds;
      if (seats.chair === "human" && (spent || g(fc.nat, { max: 4 }) === 0)) {
        if (g(fc.nat, { max: 4 }) === 0) send({ type: "consultation.close", by: "chair" });
        else {
          const toolbox = MEASURE_IDS.filter((m) => hasWording(m, "standard", env.scenario.date));
          const measures: MeasureId[] = g(fc.subarray, toolbox, { minLength: 1 });
          send({ type: "draft.table", by: "chair", measures });
        }
        continue;
      }
    }
    const next = nextSystemEvent(session);
    if (!next) break;
    send(next);
  }
  expect(phaseOf(session)).toBe("debrief");
  tally.sessions++;
  return { session, events };
}

/** Every break logged between a draft being tabled and its silence verdict is in that verdict's brokenBy. */
function expectBreaksHonoured(s: SessionState): void {
  let pending: string[] | null = null;
  for (const entry of s.log) {
    if (entry.k === "table") pending = [];
    else if (entry.k === "break") defined(pending, "a tabled draft before a break").push(entry.by);
    else if (entry.k === "silence") {
      expect([...entry.brokenBy].sort()).toEqual([...defined(pending, "a tabled draft")].sort());
      expect(entry.adopted).toBe(entry.brokenBy.length === 0);
      pending = null;
    }
  }
  expect(pending).toBeNull();
}

describe("property: the silence procedure", () => {
  it("adopts a decision only when nobody broke silence, and never ignores a break", () => {
    const tally = newTally();
    const property = fc.property(setupArb(), fc.gen(), (setup, g) => {
      const { session } = playWithPeople(setup, g, tally);
      const s = stateOf(session);
      for (const d of s.decisions) {
        if (d.adopted) expect(d.brokenBy).toEqual([]);
        expect(new Set(d.brokenBy).size).toBe(d.brokenBy.length);
        for (const by of d.brokenBy) expect(envOf(setup.id).index.has(by)).toBe(true);
        if (d.brokenBy.length) tally.refusedDecisions++;
      }
      expectBreaksHonoured(s);
      expect(s.decisions.filter((d) => d.measures.length > 0)).toHaveLength(
        s.log.filter((e) => e.k === "silence").length,
      );
    });
    check(property, 120);
    // The property must have met the cases it is about.
    expect(tally.humanBreaks).toBeGreaterThan(100);
    expect(tally.aiBreaks).toBeGreaterThan(500);
    expect(tally.refusedDecisions).toBeGreaterThan(100);
  });

  it("never adopts Article 5 over a broken silence; an Article 5 outcome comes from an unbroken decision", () => {
    const tally = newTally();
    const property = fc.property(setupArb(), fc.gen(), (setup, g) => {
      const { session } = playWithPeople(setup, g, tally);
      const s = stateOf(session);
      for (const d of s.decisions) {
        if (d.brokenBy.length > 0) {
          expect(d.adopted).toBe(false);
          if (d.measures.includes("article5")) tally.article5Refused++;
        }
      }
      const adoptingArticle5 = s.decisions.filter((d) => d.adopted && d.measures.includes("article5"));
      const article5 = adoptedMeasures(s).includes("article5");
      expect(article5).toBe(adoptingArticle5.length > 0);
      expect(s.outcome === "article-5").toBe(article5);
      for (const d of adoptingArticle5) expect(d.brokenBy).toEqual([]);
      if (article5) tally.article5Adopted++;
    });
    check(property, 120);
    expect(tally.article5Adopted).toBeGreaterThan(5);
    expect(tally.article5Refused).toBeGreaterThan(50);
  });
});

// ---------------------------------------------------------------------------------------------------------
// (d) replay and resume equal live play

function replayThroughJson(setup: Setup, events: EngineEvent[]): Session {
  const env = envOf(setup.id);
  const record = { ...newRecord(env, setup.seed, setup.seats), events };
  return replayRecord(env, parseRecord(JSON.parse(JSON.stringify(record))));
}

function resumeThroughJson(setup: Setup, events: EngineEvent[], at: number): Session {
  const env = envOf(setup.id);
  let session = createSession(env, setup.seed, setup.seats);
  for (const event of events.slice(0, at)) {
    const result = applyParsed(session, event);
    if (!result.ok) throw new Error(`refused before the save: ${result.reason}`);
    session = result.session;
  }
  const saved: unknown = JSON.parse(JSON.stringify(saveSnapshot(session)));
  let resumed = restoreSnapshot(env, saved as SavedSnapshot);
  expect(stateHash(resumed)).toBe(stateHash(session));
  for (const event of events.slice(at)) {
    const result = applyParsed(resumed, event);
    if (!result.ok) throw new Error(`refused after the restore: ${result.reason}`);
    resumed = result.session;
  }
  return resumed;
}

describe("property: replay equals live play", () => {
  it("a record of an autopilot run replays to the same state hash, and so does a JSON save resumed mid-crisis", () => {
    const property = fc.property(setupArb(["ai"]), fc.double({ min: 0, max: 1, noNaN: true }), (setup, where) => {
      const { session, events } = runToEnd(createSession(envOf(setup.id), setup.seed, setup.seats));
      expect(phaseOf(session)).toBe("debrief");
      const live = stateHash(session);
      expect(stateHash(replayThroughJson(setup, events))).toBe(live);
      const at = Math.min(events.length - 1, Math.floor(where * events.length));
      expect(stateHash(resumeThroughJson(setup, events, at))).toBe(live);
    });
    check(property, 100);
  });

  it("sessions with people at the table replay and resume to the same state hash too", () => {
    const tally = newTally();
    const property = fc.property(
      setupArb(),
      fc.gen(),
      fc.double({ min: 0, max: 1, noNaN: true }),
      (setup, g, where) => {
        const { session, events } = playWithPeople(setup, g, tally);
        const live = stateHash(session);
        expect(stateHash(replayThroughJson(setup, events))).toBe(live);
        const at = Math.min(events.length - 1, Math.floor(where * events.length));
        expect(stateHash(resumeThroughJson(setup, events, at))).toBe(live);
      },
    );
    check(property, 60);
  });
});
