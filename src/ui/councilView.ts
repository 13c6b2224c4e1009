/**
 * What the council room shows, as plain data: the contract between the engine's state and the Phaser room.
 * The room draws this and reports clicks; it never decides anything.
 */
import type { Phase } from "../sim/state.ts";

export type SeatStance = "support" | "undecided" | "oppose" | "silent";

export interface SeatView {
  code: string; // ISO 3166 alpha-3
  name: string; // English short name, e.g. "Estonia"
  iso2: string; // lower-case ISO 3166 alpha-2, for the flag (flag-icons file name)
  stance: SeatStance; // latest stated position; "silent" before its first statement
  speech: string | null; // a short line for a speech bubble (≤ 60 characters), or null
  isYou: boolean; // the seat the player holds
  isHuman: boolean; // played by a person
  victim: boolean; // hit directly or by spillover
  brokeSilence: boolean; // broke silence on the current or last draft
  delegate?: string; // the display name of the person playing this seat, where the room shows it (projector)
}

export interface CouncilView {
  phase: Phase;
  scenarioTitle: string;
  clockLabel: string; // e.g. "Day 3, 14:00"
  roundLabel: string; // e.g. "Round 2 of 4" or ""
  seats: SeatView[]; // English alphabetical order, 26 to 32
  chairIsYou: boolean;
  chairSpeech: string | null; // what the Secretary General is saying, briefly
  incidentTitle: string | null;
  deadlineLabel: string | null; // while a draft is under silence procedure, e.g. "Silence until day 4, 12:00"
  selected: string | null; // the seat whose dossier is open
}
