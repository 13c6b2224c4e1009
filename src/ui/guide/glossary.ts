/**
 * The glossary: the Council's words and the game's, each in a few sentences. `text` says what the thing is
 * (from public sources); `inGame` says how this game models it (stylized, not official). Pure data.
 */

export interface GlossaryEntry {
  id: string; // anchor, and what guide texts link to
  term: string;
  text: string;
  inGame?: string;
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    id: "nac",
    term: "North Atlantic Council (NAC)",
    text: "NATO's principal political decision-making body, and the only one whose authority comes explicitly from the North Atlantic Treaty (Article 9). Its decisions have the same status whether it meets at the level of ambassadors, ministers or heads of state and government. Because every ally keeps a permanent delegation in Brussels, it can meet at very short notice.",
    inGame:
      "You sit at the Council as its chair or as one ally's representative; every other seat is played by the AI.",
  },
  {
    id: "consensus",
    term: "Consensus",
    text: "Every NATO decision is taken by consensus after consultation: there is no voting. Consultation goes on until a text acceptable to all is found. Consensus has been the only basis for decisions since 1949, in the Council and in every committee below it.",
    inGame: "A single ally can stop a decision, so the work is finding a text nobody will block.",
  },
  {
    id: "silence",
    term: "Silence procedure",
    text: "A draft decision is circulated with a deadline. If no ally formally objects by then, the text is deemed agreed; a single objection halts it. It produces consensus without an affirmative vote, and there is peer pressure not to break silence.",
    inGame:
      "A tabled draft goes under silence with a countdown. When it ends, the draft is adopted unless someone broke silence.",
  },
  {
    id: "break",
    term: "Break of silence",
    text: "An ally that objects to a draft under the silence procedure tells the Secretary General formally, by letter, before the deadline. In February 2003 silence on contingency planning for the defence of Türkiye was broken on the day of the deadline, and the decision was stopped.",
    inGame:
      "One break fails the draft (or the part of a split draft it names). The chair drops what was refused and consultation resumes if attempts remain.",
  },
  {
    id: "reservation",
    term: "Reservation",
    text: "An ally unable to join a consensus but unwilling to block it could, in the past, attach an explicit reservation to its acquiescence.",
    inGame: "Keeping silence with a reservation puts your concern on record without stopping the decision.",
  },
  {
    id: "article4",
    term: "Article 4",
    text: '"The Parties will consult together whenever, in the opinion of any of them, the territorial integrity, political independence or security of any of the Parties is threatened." It was first invoked by Türkiye on 10 February 2003, and nine times up to September 2025. No cyber incident has led to it so far.',
    inGame: "Any ally may request Article 4 consultations; they are also a measure the Council can decide.",
  },
  {
    id: "article5",
    term: "Article 5",
    text: 'Collective defence: an armed attack against one or more allies in Europe or North America is considered an attack against them all, and each assists by "such action as it deems necessary" — military help is possible, not mandated. It has been invoked once, on 12 September 2001. Since the Wales Summit (2014), whether a cyber attack leads to Article 5 is decided by the Council case by case.',
    inGame:
      "The top of the measures ladder. Allies accept it only when they judge the harm an armed attack and are confident who did it.",
  },
  {
    id: "armed-attack",
    term: "Armed attack",
    text: "The threshold for self-defence. For cyber operations it is judged by scale and effects, compared with conventional attacks; national positions differ (France, for one, counts considerable physical or economic damage). Since 2021 the allies recognise that significant malicious cumulative cyber activities might, in certain circumstances, amount to an armed attack.",
    inGame: "Each ally has its own severity threshold; harm from several incidents adds up and decays slowly.",
  },
  {
    id: "attribution",
    term: "Attribution",
    text: "Working out who is behind an attack. Attribution is a sovereign national prerogative: each ally decides for itself, and may or may not make its assessment public. The Council can collectively acknowledge allies' national attributions.",
    inGame:
      "Every ally holds its own confidence that a state is behind the attack; evidence arrives over time and can be shared.",
  },
  {
    id: "acknowledge",
    term: "Collective acknowledgement",
    text: "A Council statement that takes note of, or supports, allies' national attributions, without NATO attributing itself. Statements of solidarity and of acknowledgement are the closest the Council has come to a collective response to a cyber incident.",
  },
  {
    id: "assistance",
    term: "Technical assistance",
    text: "Incident-response help from other allies. In 2023 NATO launched a voluntary Virtual Cyber Incident Support Capability (VCISC) that draws on national assets: malware analysis, threat intelligence, forensics.",
    inGame: "An ally hit by the attack may request assistance; its forensics improve from then on.",
  },
  {
    id: "countermeasures",
    term: "Countermeasures",
    text: "Non-forcible, proportionate measures taken against a state responsible for a wrongful act, to make it stop. Whether allies not directly injured may take them collectively is disputed: Estonia (2019) says yes, France (2019) says no.",
  },
  {
    id: "sg",
    term: "Secretary General (the chair)",
    text: "NATO's top international civil servant: chairs the Council, speaks for the Alliance and heads the International Staff. Facilitating consultation and consensus is one of the main tasks; the Secretary General can propose items and offer good offices, but has no military command.",
    inGame: "The chair builds the working text, sounds out the table and decides when to table a draft.",
  },
  {
    id: "permrep",
    term: "Permanent Representative",
    text: "An ally's ambassador to the Council, backed by a national delegation. Permanent Representatives act on instructions from their capitals: they explain national positions and report back on everyone else's.",
    inGame:
      "As an ally you play its Permanent Representative; your instructions (objectives and red lines) are on your role card.",
  },
  {
    id: "secretariat-text",
    term: "Working text",
    text: "The draft under discussion before it is tabled. Council texts are prepared and negotiated before the Council adopts them.",
    inGame: "Each round the Secretariat redrafts the working text: the measures every seat accepts and someone wants.",
  },
  {
    id: "round",
    term: "Consultation round",
    inGame:
      "Each ally states its stance on the working text — support, undecided or oppose — with its reasons and what it asks for.",
    text: "Allies state and explain their national positions at the table.",
  },
  {
    id: "corridor",
    term: "Corridor talks",
    text: "Much of the work happens before a text is tabled: bilateral talks between delegations, and with the Secretary General.",
    inGame:
      "A private talk between two seats. You hear the other ally's concerns and may offer something in return, for political capital.",
  },
  {
    id: "capital",
    term: "Political capital",
    text: "How much a delegation can ask of others before favours run out.",
    inGame:
      "Points each seat may spend on corridor talks in a crisis cycle: the chair 6, an ally 3 (4 if it was hit). Offers cost 1 or 2.",
  },
  {
    id: "wording",
    term: "Wording (soft, standard, strong)",
    text: 'Council texts are negotiated word by word: "take note of" is not "condemn".',
    inGame:
      "Softer wording is easier for allies to accept and deters less; stronger wording deters more and costs more.",
  },
  {
    id: "package",
    term: "Package or split",
    text: "A draft can be agreed as one package or decided in parts.",
    inGame:
      "In a package, allies who want one measure may accept another they dislike. Split, each part passes or fails alone.",
  },
  {
    id: "coalition",
    term: "Coalition of the willing",
    text: "Allies acting together outside a Council decision.",
    inGame:
      "When the Council fails, at least three allies may take a measure it left undone. It deters, but it never counts as a Council decision.",
  },
  {
    id: "ladder",
    term: "Measures ladder",
    text: "The menu a draft decision is built from, weakest first: statements of concern and of solidarity, collective acknowledgement, Article 4 consultations, technical assistance, coordinated sanctions, defensive cyber operations, countermeasures, military posture, Article 5.",
    inGame: "Each measure has its own bar of harm and attribution, escalation risk, deterrent value and economic cost.",
  },
  {
    id: "stance",
    term: "Stance",
    text: "An ally's position on the text at the table.",
    inGame: "Support, undecided or oppose; each comes with the reasons the ally gives.",
  },
  {
    id: "deterrence",
    term: "Deterrence",
    text: "Making an adversary judge that carrying on is not worth it.",
    inGame:
      "After each decision the adversary answers: it stops, carries on, or escalates — depending on what was decided and how firmly.",
  },
  {
    id: "profile",
    term: "Ally profile",
    text: "This game's description of how an ally tends to weigh a crisis.",
    inGame:
      "Stylized values, not official positions: exposure, thresholds for harm and attribution, aversion to escalation, solidarity, economic ties and more. Every seed draws them a little differently.",
  },
];

/** The entry with this id, or undefined. */
export function glossaryEntry(id: string): GlossaryEntry | undefined {
  return GLOSSARY.find((e) => e.id === id);
}
