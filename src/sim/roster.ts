/** Council membership at a date, seated in English alphabetical order as at NATO. */
import type { AllyProfile, Roster } from "./scenarioSchema.ts";

/** Allies that had joined on or before `date` (YYYY-MM-DD), sorted by English name. Pure. */
export function seatedAllies(roster: Roster, date: string): AllyProfile[] {
  return roster.allies.filter((a) => a.joined <= date).sort((a, b) => compareNames(a.name, b.name));
}

/** Compares names by their letters with accents folded (Türkiye sorts as Turkiye). */
export function compareNames(a: string, b: string): number {
  const fa = foldName(a);
  const fb = foldName(b);
  return fa < fb ? -1 : fa > fb ? 1 : 0;
}

function foldName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}
