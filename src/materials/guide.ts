/**
 * The facilitator's guide: the session at a glance, timings for 45-, 60- and 90-minute lessons, discussion
 * questions drawn from the scenario's teaching points and role cards, and an answer key of what history did,
 * with the real sources. Pure.
 */
import { measureById } from "../sim/measures.ts";
import { adversaryLabel } from "../sim/profiles.ts";
import type { ActorType, Roster, Scenario } from "../sim/scenarioSchema.ts";
import { objectiveText } from "../ui/words.ts";
import type { Block } from "./blocks.ts";
import { dateWords, listWords } from "./plainWords.ts";

/** Minutes for the briefing, the crisis cycles together and the debrief, per lesson length. */
export const LESSONS = [
  { minutes: 45, briefing: 7, cycles: 28, debrief: 10 },
  { minutes: 60, briefing: 8, cycles: 38, debrief: 14 },
  { minutes: 90, briefing: 12, cycles: 58, debrief: 20 },
] as const;
/** The shortest useful cycle: a report, two rounds and a silence procedure. */
const MIN_CYCLE = 9;

/** Minutes per incident cycle in a lesson; incidents that do not fit get 0 (summarise them in the debrief). */
export function cycleMinutes(total: number, incidents: number): number[] {
  const played = Math.max(1, Math.min(incidents, Math.floor(total / MIN_CYCLE)));
  const each = Math.floor(total / played);
  return Array.from({ length: incidents }, (_, i) => (i >= played ? 0 : i === played - 1 ? total - each * i : each));
}

function timings(scenario: Scenario): Block[] {
  const n = scenario.injects.length;
  const plans = LESSONS.map((l) => cycleMinutes(l.cycles, n));
  const rows = [
    ["Briefing: the situation, role cards, the rules", ...LESSONS.map((l) => `${l.briefing}`)],
    ...scenario.injects.map((inject, i) => [
      `Cycle ${i + 1}: ${inject.title} (report, rounds, silence procedure)`,
      ...plans.map((p) => (p[i] ? `${p[i]}` : "summarise")),
    ]),
    ["Debrief: what happened, the answer key, discussion", ...LESSONS.map((l) => `${l.debrief}`)],
    ["Total", ...LESSONS.map((l) => `${l.minutes}`)],
  ];
  const rounds = scenario.settings.maxConsultationRounds;
  return [
    { h: "Timings" },
    { table: { head: ["Minutes", ...LESSONS.map((l) => `${l.minutes}-minute lesson`)], rows } },
    {
      p: [
        `In each cycle allow about two minutes for the situation report, then rounds of statements (up to ${rounds}; two or three minutes each in a short lesson), then about three minutes for the draft and the silence procedure.`,
        "“Summarise” means the incident does not fit: read its report aloud in the debrief and ask what the Council would have done.",
      ],
    },
  ];
}

const STEMS = [
  "Did your Council see it this way? Point to a moment in the session that supports or challenges it.",
  "Which delegation found this hardest to accept, and what would have changed its mind?",
  "What evidence or argument in your session bore on this most?",
  "What would you advise the Council to do differently next time, and what would it cost?",
  "Would the answer be the same in another crisis, or with another adversary? Why?",
];

function questions(scenario: Scenario, roster: Roster): Block[] {
  const name = (code: string) => roster.allies.find((a) => a.code === code)?.name ?? code;
  const roles = Object.entries(scenario.roleCards).map(
    ([code, card]) =>
      `${name(code)}: were your objectives met (${listWords(card.objectives.map(objectiveText))})? What did you give up, and to whom?`,
  );
  return [
    { h: "Discussion questions" },
    { qa: scenario.teachingPoints.map((point, i) => ({ point, question: STEMS[i % STEMS.length] ?? "" })) },
    { p: ["For the delegations with instructions written for this crisis, and for the chair:"] },
    {
      ul: [
        ...roles,
        "Secretary General: when did you table, and why then? Whom did you meet first, and what did you offer?",
      ],
    },
  ];
}

function actorWords(actor: ActorType, scenario: Scenario): string {
  if (actor === "state") return `${adversaryLabel(scenario)} itself`;
  if (actor === "proxy") return "a proxy directed by a state";
  return actor === "patriotic" ? "patriotic hackers" : "criminals";
}

function evidenceKey(scenario: Scenario): string[] {
  const truth = scenario.truth.actor;
  const who = (a: ActorType) => actorWords(a, scenario);
  const items = [...scenario.injects, ...scenario.optionalInjects].flatMap((i) => i.evidence);
  return items
    .filter((e) => e.kind === "falseFlag" || e.pointsTo !== truth)
    .map((e) =>
      e.kind === "falseFlag"
        ? `“${e.title}” was planted: on its face it points to ${who(e.pointsTo)}; a careful reader finds ${who(e.reveals ?? truth)}.`
        : `“${e.title}” pointed to ${who(e.pointsTo)}, not to the real culprit.`,
    );
}

/** The answer key, printed on pages of its own so it can be kept from the players. */
export function answerKey(scenario: Scenario): Block[] {
  const { history } = scenario;
  const heading = scenario.kind === "historical" ? "What history did" : "What the case is built to show";
  const key = evidenceKey(scenario);
  return [
    { h: heading },
    { p: [`In short: ${history.outcome}.`, history.text] },
    {
      ul: [
        `Measures: ${history.measures.length ? listWords(history.measures.map((m) => measureById(m).name.toLowerCase())) : "none"}`,
        `Article 4 consultations: ${history.article4 ? "held" : "not held"}`,
        `Article 5: ${history.article5 ? "invoked" : "not invoked"}`,
      ],
    },
    { h: "Who was behind it" },
    { p: [scenario.truth.text] },
    ...(key.length ? [{ h: "The evidence, read with hindsight" }, { ul: key }] : []),
    { h: "Sources" },
    {
      links: scenario.sources.map((s) => ({ label: s.label, hrefs: s.ref.split(" ; ").map((href) => href.trim()) })),
    },
  ];
}

function overview(scenario: Scenario, roster: Roster, seated: number): Block[] {
  const name = (code: string) => roster.allies.find((a) => a.code === code)?.name ?? code;
  const specific = Object.keys(scenario.roleCards).map(name);
  return [
    { h: "The session at a glance" },
    {
      ul: [
        `${scenario.title}: ${dateWords(scenario.date)}, ${scenario.kind} case, ${scenario.difficulty}.`,
        `${seated} allies at the table; the adversary in the scenario: ${adversaryLabel(scenario)}.`,
        `${scenario.injects.length} incidents on the timeline, ${scenario.optionalInjects.length} optional injects you may play live.`,
        `Role cards with instructions written for this crisis: ${listWords(specific)}. Give these out first; with a small class, one student may play two allies, and you can play the rest as a bloc that follows the majority.`,
      ],
    },
    {
      p: [
        "The ally profiles are stylized for teaching and play, built from public sources; they are not official positions. Keep the answer key and the “Who was behind it” section from the players until the debrief.",
      ],
    },
  ];
}

/** The guide before its answer key. */
export function facilitatorGuide(scenario: Scenario, roster: Roster, seated: number): Block[] {
  return [...overview(scenario, roster, seated), ...timings(scenario), ...questions(scenario, roster)];
}
