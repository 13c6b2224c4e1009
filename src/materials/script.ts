/**
 * The Secretary General's script for a tabletop session: what the chair reads aloud (opening, each cycle's
 * rounds, the silence procedure, the close) and stage directions, from the scenario's settings. Pure.
 */
import type { Roster, Scenario } from "../sim/scenarioSchema.ts";
import type { Block } from "./blocks.ts";
import { dateWords, listWords } from "./plainWords.ts";

const hours = (n: number) => `${n} ${n === 1 ? "hour" : "hours"}`;

/** The opening: the situation, the rule of consensus, and how the session runs. */
function opening(scenario: Scenario, seated: number): Block[] {
  return [
    { h: "Opening" },
    {
      say: [
        `Excellencies, the North Atlantic Council is in session. The date is ${dateWords(scenario.date)}; ${seated} allies are at the table.`,
        scenario.summary,
        "This Council decides by consensus. There is no vote. A decision is adopted when no ally objects to it, and one objection is enough to stop it.",
        "I will ask each delegation for its position, I will meet delegations in the margins, and when I judge that a text can carry the table I will put a draft decision under the silence procedure.",
      ],
    },
    {
      note: [
        "Hand out the role cards and the reference sheet before you begin; give delegations a few minutes to read.",
        `Read out the first situation report (${scenario.injects[0]?.title ?? "the first incident"}) and hand it out.`,
      ],
    },
  ];
}

/** One cycle per scheduled incident: the report, the evidence as it arrives, the rounds, the draft. */
function cycles(scenario: Scenario, roster: Roster): Block[] {
  const { maxConsultationRounds: rounds, roundHours } = scenario.settings;
  const name = (code: string) => roster.allies.find((a) => a.code === code)?.name ?? code;
  return scenario.injects.flatMap((inject, i): Block[] => [
    { h: `Cycle ${i + 1}, day ${inject.day}: ${inject.title}` },
    {
      note: [
        `Hand out the situation report "${inject.title}", then the intelligence items for this incident at the times printed on them (each round is ${hours(roundHours)} of game time). Items marked for named delegations go to those delegations only.`,
      ],
    },
    {
      say: [
        `Excellencies, you have the report before you. I give the floor first to the allies most affected: ${listWords(inject.targets.map(name))}.`,
        "Does any delegation request consultations under Article 4? Does any delegation wish to share what its services have found, or to ask for technical help?",
      ],
    },
    {
      note: [
        `Hold up to ${rounds} rounds of statements. In each round every delegation may state its position on the working text (support, undecided, oppose), say what it wants added or removed, and argue. Between rounds you may meet delegations privately.`,
        "Close the consultation early when the positions have settled; table a draft when you think nobody will break silence.",
      ],
    },
  ]);
}

/** The silence procedure in the chair's words: tabling, a break, adoption, failure. */
function silence(scenario: Scenario): Block[] {
  const { silenceHours, maxSilenceAttempts } = scenario.settings;
  return [
    { h: "The silence procedure" },
    {
      say: [
        `I now table the following draft decision: [read the measures and their wording]. It is placed under the silence procedure for ${hours(silenceHours)}, until [time]. If no delegation breaks silence by then, the decision is adopted.`,
      ],
    },
    { note: ["A delegation breaks silence by saying so, or by handing you a note, before the deadline. Then read:"] },
    {
      say: [
        "Silence has been broken by the delegation of [ally]. The draft decision is not adopted, and the Council returns to consultation.",
      ],
    },
    {
      note: [
        "A delegation that objects but will not block may keep silence and hand you a statement for the record; read it out after the deadline.",
        `You may table at most ${maxSilenceAttempts} ${maxSilenceAttempts === 1 ? "draft" : "drafts"} on each incident. When the deadline passes without a break, read:`,
      ],
    },
    {
      say: ["Silence has not been broken. The decision is adopted. [Read it out, with any statements for the record.]"],
    },
    { note: ["If the last permitted draft fails, read:"] },
    {
      say: [
        "The Council has not reached consensus on this matter. Allies remain free to act nationally, or together outside this Council.",
      ],
    },
  ];
}

function closing(): Block[] {
  return [
    { h: "Closing" },
    {
      say: [
        "Excellencies, this concludes our session. Let me read the decisions this Council adopted, and note the statements made for the record. [Read them.]",
        "Before we leave the table, each delegation may say in one sentence whether its capital's objectives were met.",
      ],
    },
    { note: ["Then turn to the debrief questions in the facilitator's guide."] },
  ];
}

/** The whole script. */
export function chairScript(scenario: Scenario, roster: Roster, seated: number): Block[] {
  return [...opening(scenario, seated), ...cycles(scenario, roster), ...silence(scenario), ...closing()];
}
