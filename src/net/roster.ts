/**
 * A class list as a teacher pastes it: one name a line, optionally "Name, Team" where the team is an ally
 * (its name or code: "Estonia", "EST"), the chair ("chair", "Secretary General") or any label that groups
 * people into one delegation ("Team A"). Pure: the console previews it and the server seats it.
 */

/** One line of the list: a person, and the delegation they were put in, if the line named one. */
export interface RosterLine {
  name: string;
  team: string; // "" when the line names no team
}

/** Names and team labels are text, at most 40 characters (as join names are). */
export const ROSTER_NAME_MAX = 40;
/** Lines a list may have: a large class and some spare names, well inside a session's people. */
export const ROSTER_MAX = 100;

const clean = (text: string): string => text.replace(/\s+/g, " ").trim().slice(0, ROSTER_NAME_MAX).trim();

/**
 * The people in a pasted list, in its order: blank lines, list markers ("1.", "-", "•") and a header line
 * ("Name, Team") are skipped; a name listed twice is kept once (the first). Tabs and semicolons separate the
 * team as a comma does (a column copied from a spreadsheet).
 */
export function parseRoster(text: string): RosterLine[] {
  const out: RosterLine[] = [];
  const seen = new Set<string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/^\s*(?:\d+[.)]|[-*•·])\s+/, "");
    const cut = line.search(/[,;\t]/);
    const name = clean(cut < 0 ? line : line.slice(0, cut));
    const team = cut < 0 ? "" : clean(line.slice(cut + 1));
    if (!name || (out.length === 0 && /^(names?|students?)$/i.test(name))) continue;
    const key = name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ name, team });
    if (out.length >= ROSTER_MAX) break;
  }
  return out;
}

/** The same name, however it was typed (case and spacing). */
export const sameName = (a: string, b: string): boolean => clean(a).toLowerCase() === clean(b).toLowerCase();
