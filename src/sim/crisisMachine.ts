/**
 * The crisis statechart: briefing → incident → attribution ⇄ consultation → decision (silence procedure)
 * → response → next inject or debrief. The machine is the single source of truth for where a session is;
 * every guard and action is named and delegates to a pure reducer. One machine per scenario environment.
 */
import { assign, setup } from "xstate";
import { openingText } from "./chair.ts";
import { joinCoalition } from "./coalition.ts";
import { applyDomestic } from "./councilDraw.ts";
import {
  aiActions,
  closeConsultation,
  consultationRound,
  cycleDecided,
  makeStatement,
  resolveResponse,
} from "./deliberation.ts";
import type { EngineEvent } from "./events.ts";
import { advanceClock, applyInject, requestArticle4, requestAssistance, shareIntelligence } from "./incidents.ts";
import { capitalAtCycleStart, chairBriefing, corridorTalk, relaxSway } from "./negotiation.ts";
import { computeScores, outcomeOf } from "./scoring.ts";
import { breakSilence, reserveSilence, resolveSilence, tableDraft } from "./silence.ts";
import type { Controller, Env, Phase, SessionState } from "./state.ts";
import { corridorReply } from "./talkThreads.ts";

const ATTRIBUTION_STEP_HOURS = 24;

function logPhase(s: SessionState, phase: Phase): SessionState {
  return { ...s, log: [...s.log, { k: "phase", h: s.hour, phase }] };
}

/** A scheduled inject opens a new cycle: the Council starts afresh on it. */
function startCycle(env: Env, s: SessionState, injectId: string): SessionState {
  const inject = env.scenario.injects.find((i) => i.id === injectId);
  if (!inject) return s;
  const fresh = relaxSway({
    ...s,
    cycle: s.cycle + 1,
    round: 0,
    silenceAttempts: 0,
    proposal: [],
    proposalWording: {},
    draft: null,
    awaitUntil: null,
    waited: false,
    vetoed: [],
  });
  const hit = { ...applyInject(env, fresh, inject, false), nextInject: s.nextInject + 1 };
  return applyDomestic({ ...hit, capital: capitalAtCycleStart(env, hit) }, s.domestic);
}

/** The chair suspends consultation to await evidence: until the next item on this incident is due, or a day. */
function awaitEvidence(s: SessionState): SessionState {
  const due = (s.injects[s.injects.length - 1]?.evidence ?? []).filter((e) => !e.delivered).map((e) => e.dueHour);
  const until = due.length ? Math.min(...due) : s.hour + 24;
  const measure = s.proposal[s.proposal.length - 1] ?? "concern";
  return { ...s, awaitUntil: until, waited: true, log: [...s.log, { k: "await", h: s.hour, until, measure }] };
}

/** A facilitator's optional inject joins the current cycle: more harm and evidence, the same decision to make. */
function playOptional(env: Env, s: SessionState, injectId: string): SessionState {
  const inject = env.scenario.optionalInjects.find((i) => i.id === injectId);
  return inject ? applyInject(env, { ...s, waited: false }, inject, true) : s;
}

function campaignOver(env: Env, s: SessionState): boolean {
  return s.reactions[s.reactions.length - 1] === "deterred" || s.nextInject >= env.scenario.injects.length;
}

function finish(env: Env, s: SessionState): SessionState {
  const outcome = outcomeOf(s);
  return {
    ...s,
    outcome,
    scores: computeScores(env, s),
    draft: null,
    log: [...s.log, { k: "end", h: s.hour, outcome }],
  };
}

/** Hands a seat to a person or to the AI (a facilitator's move); the AI resumes from the seat's last position. */
function setControl(s: SessionState, ally: string, controller: Controller): SessionState {
  const humans = controller === "human" ? [...s.humans, ally] : s.humans.filter((c) => c !== ally);
  return { ...s, humans, log: [...s.log, { k: "control", h: s.hour, ally, controller }] };
}

/** What allies and the facilitator may do in attribution and in consultation alike. */
const OPEN_WHILE_DELIBERATING = {
  "clock.advance": { actions: "advanceClock" },
  "intel.share": { actions: "shareIntelligence" },
  "assistance.request": { actions: "requestAssistance" },
  "article4.request": { actions: "requestArticle4" },
  "corridor.talk": { actions: "corridorTalk" },
  "corridor.reply": { actions: "corridorReply" },
  "inject.play": { target: "incident", actions: "playOptionalInject" },
} as const;

/** Builds the statechart for one scenario environment. */
export function createCrisisMachine(env: Env) {
  return setup({
    types: { context: {} as SessionState, events: {} as EngineEvent, input: {} as SessionState },
    guards: {
      roundsLeft: ({ context }) => context.round < env.scenario.settings.maxConsultationRounds,
      draftTabled: ({ context }) => context.draft !== null,
      awaitingEvidence: ({ context }) => context.awaitUntil !== null,
      cycleDecided: ({ context }) => cycleDecided(env, context),
      noDraft: ({ context }) => context.draft === null,
      responded: ({ context }) => context.reactions.length >= context.cycle,
      // One adversary response per cycle; a facilitator's optional inject joins a cycle and asks for none.
      campaignOver: ({ context }) => context.reactions.length >= context.cycle && campaignOver(env, context),
    },
    actions: {
      enterIncident: assign(({ context }) => logPhase(context, "incident")),
      enterAttribution: assign(({ context }) => logPhase(context, "attribution")),
      leaveAttribution: assign(({ context }) => ({ ...context, awaitUntil: null })),
      enterDecision: assign(({ context }) => logPhase(context, "decision")),
      enterResponse: assign(({ context }) => logPhase(context, "response")),
      enterConsultation: assign(({ context }) => {
        const s = logPhase(context, "consultation");
        return s.proposal.length ? s : { ...s, proposal: openingText(s) };
      }),
      startFirstInject: assign(({ context }) => {
        const first = env.scenario.injects[0];
        return first ? startCycle(env, context, first.id) : context;
      }),
      startNextInject: assign(({ context }) => {
        const next = env.scenario.injects[context.nextInject];
        return next ? startCycle(env, context, next.id) : context;
      }),
      playOptionalInject: assign(({ context, event }) =>
        event.type === "inject.play" ? playOptional(env, context, event.inject) : context,
      ),
      advanceClock: assign(({ context, event }) =>
        event.type === "clock.advance" ? advanceClock(env, context, event.hours) : context,
      ),
      attributionRound: assign(({ context }) => aiActions(env, advanceClock(env, context, ATTRIBUTION_STEP_HOURS))),
      consultationRound: assign(({ context }) => consultationRound(env, context)),
      shareIntelligence: assign(({ context, event }) =>
        event.type === "intel.share" ? shareIntelligence(env, context, event.by, event.to) : context,
      ),
      requestAssistance: assign(({ context, event }) =>
        event.type === "assistance.request" ? requestAssistance(context, event.by) : context,
      ),
      requestArticle4: assign(({ context, event }) =>
        event.type === "article4.request" ? requestArticle4(context, event.by) : context,
      ),
      makeStatement: assign(({ context, event }) =>
        event.type === "consultation.statement"
          ? makeStatement(
              env,
              context,
              event.by,
              event.stance,
              event.wants,
              event.rejects,
              event.arguments ?? [],
              event.text ?? "",
              event.wording ?? {},
            )
          : context,
      ),
      tableDraft: assign(({ context, event }) =>
        event.type === "draft.table"
          ? tableDraft(env, context, event.measures, event.wording ?? {}, event.split ?? false)
          : context,
      ),
      corridorTalk: assign(({ context, event }) =>
        event.type === "corridor.talk"
          ? corridorTalk(env, context, event.by, event.with, event.offer, event.measure ?? null, event.message)
          : context,
      ),
      chairBriefing: assign(({ context, event }) =>
        event.type === "chair.brief" ? chairBriefing(env, context, event.argument) : context,
      ),
      corridorReply: assign(({ context, event }) =>
        event.type === "corridor.reply" ? corridorReply(context, event.by, event.to, event.text) : context,
      ),
      awaitEvidence: assign(({ context, event }) => (event.by === "chair" ? awaitEvidence(context) : context)),
      closeConsultation: assign(({ context }) => closeConsultation(context)),
      breakSilence: assign(({ context, event }) =>
        event.type === "silence.break" ? breakSilence(context, event.by, event.reason, event.measures ?? []) : context,
      ),
      reserveSilence: assign(({ context, event }) =>
        event.type === "silence.reserve" ? reserveSilence(context, event.by, event.text) : context,
      ),
      joinCoalition: assign(({ context, event }) =>
        event.type === "coalition.join" ? joinCoalition(context, event.by, event.measure) : context,
      ),
      resolveSilence: assign(({ context }) => resolveSilence(env, context)),
      resolveResponse: assign(({ context }) => resolveResponse(env, context)),
      setControl: assign(({ context, event }) =>
        event.type === "seat.control" ? setControl(context, event.ally, event.controller) : context,
      ),
      addNote: assign(({ context, event }) =>
        event.type === "facilitator.note"
          ? { ...context, log: [...context.log, { k: "note" as const, h: context.hour, text: event.text }] }
          : context,
      ),
      revealTruth: assign(({ context }) => ({
        ...context,
        log: [...context.log, { k: "reveal" as const, h: context.hour }],
      })),
      finish: assign(({ context }) => finish(env, logPhase(context, "debrief"))),
    },
  }).createMachine({
    id: "crisis",
    initial: "briefing",
    context: ({ input }) => input,
    on: {
      "session.end": ".debrief",
      "seat.control": { actions: "setControl" },
      "facilitator.note": { actions: "addNote" },
      "truth.reveal": { actions: "revealTruth" },
    },
    states: {
      briefing: {
        on: { "session.start": { target: "incident", actions: "startFirstInject" } },
      },
      incident: {
        entry: "enterIncident",
        on: { "phase.advance": "attribution" },
      },
      attribution: {
        entry: "enterAttribution",
        exit: "leaveAttribution",
        on: {
          ...OPEN_WHILE_DELIBERATING,
          "ai.round": { actions: "attributionRound" },
          "phase.advance": "consultation",
        },
      },
      consultation: {
        entry: "enterConsultation",
        always: [
          { guard: "draftTabled", target: "decision" },
          { guard: "cycleDecided", target: "response" },
          { guard: "awaitingEvidence", target: "attribution" },
        ],
        on: {
          ...OPEN_WHILE_DELIBERATING,
          "ai.round": { guard: "roundsLeft", actions: "consultationRound" },
          "consultation.statement": { actions: "makeStatement" },
          "draft.table": { actions: "tableDraft" },
          "consultation.close": { actions: "closeConsultation" },
          "chair.brief": { actions: "chairBriefing" },
          "phase.attribution": { target: "attribution", actions: "awaitEvidence" },
        },
      },
      decision: {
        entry: "enterDecision",
        always: [
          { guard: "cycleDecided", target: "response" },
          { guard: "noDraft", target: "consultation" },
        ],
        on: {
          "silence.break": { actions: "breakSilence" },
          "silence.reserve": { actions: "reserveSilence" },
          "corridor.talk": { actions: "corridorTalk" },
          "corridor.reply": { actions: "corridorReply" },
          "silence.deadline": { actions: "resolveSilence" },
        },
      },
      response: {
        entry: "enterResponse",
        always: [
          { guard: "campaignOver", target: "debrief" },
          { guard: "responded", target: "incident", actions: "startNextInject" },
        ],
        on: {
          "coalition.join": { actions: "joinCoalition" },
          "response.resolve": { actions: "resolveResponse" },
        },
      },
      debrief: { type: "final", entry: "finish" },
    },
  });
}

export type CrisisMachine = ReturnType<typeof createCrisisMachine>;
