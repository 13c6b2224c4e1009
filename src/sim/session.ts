/**
 * A session: one scenario environment plus the statechart snapshot. Creating, applying events, hashing and
 * saving are pure functions over plain data; the same seed and events give the same state everywhere.
 */
import { type Actor, createActor, type SnapshotFrom } from "xstate";
import { priorBelief } from "./attribution.ts";
import { drawCouncil } from "./councilDraw.ts";
import { type CrisisMachine, createCrisisMachine } from "./crisisMachine.ts";
import { checkAuthority, type EngineEvent, parseEvent } from "./events.ts";
import { hashOrdered } from "./hash.ts";
import { paramsAt, spreadOf } from "./profiles.ts";
import { seedRng } from "./rng.ts";
import { seatedAllies } from "./roster.ts";
import { scenarioHash } from "./scenarioLoader.ts";
import type { Roster, Scenario } from "./scenarioSchema.ts";
import { NO_SWAY } from "./stance.ts";
import type { AllyCode, Controller, Env, EvidenceRef, Phase, SeatId, SessionState } from "./state.ts";
import { ENGINE_VERSION, RECORD_FORMAT } from "./version.ts";

export type CrisisSnapshot = SnapshotFrom<CrisisMachine>;

export interface Session {
  env: Env;
  machine: CrisisMachine;
  snapshot: CrisisSnapshot;
  line: Line; // where this line of play's actor is parked (a memo for speed, never read as state)
}

/** An actor parked on the latest snapshot of a line of play. */
interface Line {
  actor: Actor<CrisisMachine> | null;
  at: CrisisSnapshot | null;
}

export interface SeatPlan {
  role: SeatId; // whose objectives are scored (the human's seat, or the seat an AI plays for them)
  chair: Controller;
  humans: AllyCode[]; // ally seats played by people
}

const machines = new WeakMap<Env, CrisisMachine>();
const envs = new WeakMap<Scenario, Env>();

/** The engine's view of a scenario: seated profiles and lookups. Cached per scenario object. */
export function createEnv(scenario: Scenario, roster: Roster): Env {
  const cached = envs.get(scenario);
  if (cached) return cached;
  const profiles = seatedAllies(roster, scenario.date);
  const evidence = new Map<string, EvidenceRef>();
  for (const inject of [...scenario.injects, ...scenario.optionalInjects])
    for (const e of inject.evidence) evidence.set(e.id, { injectId: inject.id, evidence: e });
  const env: Env = {
    scenario,
    scenarioHash: scenarioHash(scenario),
    profiles,
    index: new Map(profiles.map((p, i) => [p.code, i])),
    evidence,
    means: profiles.map((p) => paramsAt(p, scenario.date, scenario.adversary.state)),
    spreads: profiles.map((p) => spreadOf(roster, p)),
  };
  envs.set(scenario, env);
  return env;
}

function machineFor(env: Env): CrisisMachine {
  let machine = machines.get(env);
  if (!machine) {
    machine = createCrisisMachine(env);
    machines.set(env, machine);
  }
  return machine;
}

/** The state before the briefing ends: every ally seated with this seed's profile, its prior belief and no harm. */
export function initialState(env: Env, seed: number, seats: SeatPlan): SessionState {
  const council = drawCouncil(env, seedRng(seed));
  return {
    scenarioId: env.scenario.id,
    scenarioHash: env.scenarioHash,
    seed,
    role: seats.role,
    chair: seats.chair,
    humans: [...seats.humans],
    allies: env.profiles.map((p, i) => {
      const params = council.params[i] ?? p.params;
      return {
        code: p.code,
        params,
        sway: NO_SWAY,
        argued: [],
        belief: priorBelief(params),
        held: [],
        assisted: false,
        harm: 0,
        severity: 0,
        position: null,
        rejects: [],
      };
    }),
    hour: 0,
    nextInject: 0,
    cycle: 0,
    injects: [],
    round: 0,
    silenceAttempts: 0,
    proposal: [],
    proposalWording: {},
    awaitUntil: null,
    waited: false,
    vetoed: [],
    draft: null,
    decisions: [],
    article4: { held: false, requestedBy: [] },
    capital: {},
    talks: [],
    coalition: [],
    joining: [],
    domestic: council.domestic,
    escalation: 1,
    reactions: [],
    rng: council.rng,
    outcome: null,
    scores: null,
    log: [],
  };
}

/** Checks a seat plan against the Council; returns a reason or null. */
export function checkSeats(env: Env, seats: SeatPlan): string | null {
  if (seats.role !== "chair" && !env.index.has(seats.role))
    return `${seats.role} has no seat in this Council on ${env.scenario.date}`;
  const stranger = seats.humans.find((c) => !env.index.has(c));
  return stranger ? `${stranger} has no seat in this Council on ${env.scenario.date}` : null;
}

/** A new session in the briefing phase. Throws on a seat plan that does not fit the Council. */
export function createSession(env: Env, seed: number, seats: SeatPlan): Session {
  const problem = checkSeats(env, seats);
  if (problem) throw new Error(problem);
  const machine = machineFor(env);
  const actor = createActor(machine, { input: initialState(env, seed, seats) });
  actor.start();
  const snapshot = actor.getSnapshot();
  return { env, machine, snapshot, line: { actor, at: snapshot } };
}

/** The current top-level phase. */
export function phaseOf(session: Session): Phase {
  return session.snapshot.value as Phase;
}

/** The current session state (read-only by convention). */
export function stateOf(session: Session): SessionState {
  return session.snapshot.context;
}

export type ApplyResult =
  | { ok: true; session: Session; event: EngineEvent } // the validated event, as it belongs in a record
  | { ok: false; session: Session; reason: string };

/** Applies untrusted input as an event. A rejected event leaves the session untouched and says why. */
export function applyEvent(session: Session, raw: unknown): ApplyResult {
  const parsed = parseEvent(raw);
  if ("reason" in parsed) return { ok: false, session, reason: parsed.reason };
  return applyParsed(session, parsed.event);
}

/** Applies an already-validated event (the fast path for AI drivers and replays). */
export function applyParsed(session: Session, event: EngineEvent): ApplyResult {
  const phase = phaseOf(session);
  const refusal = checkAuthority(session.env, stateOf(session), phase, event);
  if (refusal) return { ok: false, session, reason: refusal };
  const notAllowed = `${event.type} is not allowed in the ${phase} phase`;
  if (session.snapshot.status !== "active") return { ok: false, session, reason: notAllowed };
  const { snapshot, line } = step(session, event);
  // The snapshot stays the very same object when no transition was enabled for the event.
  if (snapshot === session.snapshot) return { ok: false, session, reason: notAllowed };
  return { ok: true, session: { ...session, snapshot, line }, event };
}

/**
 * Computes the next snapshot. Snapshots are immutable; the actor parked on the latest snapshot of a line of
 * play makes the common case (the next event on the same line) cheap, and a session branched from an older
 * snapshot gets a fresh actor restored from it. The machine has no delayed transitions, so no clock is read.
 */
function step(session: Session, event: EngineEvent): { snapshot: CrisisSnapshot; line: Line } {
  let line = session.line;
  if (!line.actor || line.at !== session.snapshot) {
    const actor = createActor(session.machine, { snapshot: session.snapshot, input: session.snapshot.context });
    actor.start();
    line = { actor, at: session.snapshot };
  }
  const actor = line.actor;
  if (!actor) throw new Error("no actor");
  actor.send(event);
  const next = actor.getSnapshot();
  if (next.status === "error") throw new Error(`engine fault on ${event.type}: ${String(next.error)}`);
  line.at = next;
  return { snapshot: next, line };
}

/** A stable hash of everything the session knows: phase and state. */
export function stateHash(session: Session): string {
  return hashOrdered({ phase: phaseOf(session), state: stateOf(session) });
}

export interface SavedSnapshot {
  format: number;
  engine: string;
  scenario: { id: string; hash: string };
  phase: Phase;
  state: SessionState;
}

/** A snapshot as plain JSON-able data, to resume mid-crisis. */
export function saveSnapshot(session: Session): SavedSnapshot {
  const env = session.env;
  return {
    format: RECORD_FORMAT,
    engine: ENGINE_VERSION,
    scenario: { id: env.scenario.id, hash: env.scenarioHash },
    phase: phaseOf(session),
    state: structuredClone(stateOf(session)),
  };
}

/** Restores a saved snapshot against its scenario; throws when it belongs to another scenario or engine. */
export function restoreSnapshot(env: Env, saved: SavedSnapshot): Session {
  if (saved.scenario.hash !== env.scenarioHash)
    throw new Error(
      `snapshot is for scenario ${saved.scenario.id}@${saved.scenario.hash}, not ${env.scenario.id}@${env.scenarioHash}`,
    );
  if (saved.engine !== ENGINE_VERSION)
    throw new Error(`snapshot was made by engine ${saved.engine}; this is ${ENGINE_VERSION}`);
  const machine = machineFor(env);
  const snapshot = machine.resolveState({ value: saved.phase, context: structuredClone(saved.state) });
  return { env, machine, snapshot, line: { actor: null, at: null } };
}
