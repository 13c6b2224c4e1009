/**
 * The chair's draft, kept outside the DOM: which measures are ticked, in which wording, which are decided
 * separately. It survives the panel being rebuilt at every consultation round and a reload of the tab; it
 * is dropped when the Council moves to a new cycle (a decision was taken) or when the chair clears it.
 * Until the chair touches it, the draft is the Secretariat's suggestion and follows it.
 */
import { type MeasureId, measureById, type Wording, wordedName } from "../../sim/measures.ts";
import { type Session, stateOf } from "../../sim/session.ts";
import type { LogEntry } from "../../sim/state.ts";

/** A draft decision as the chair is building it. */
export interface ChairDraft {
  measures: MeasureId[]; // ticked, in ladder order
  wording: Partial<Record<MeasureId, Wording>>; // ticked measures not in their standard wording
  split: MeasureId[]; // ticked measures decided separately
}

const STORAGE_KEY = "case-by-case.chair-draft";
const drafts = new Map<string, ChairDraft>();

function storage(): Storage | null {
  try {
    return typeof sessionStorage === "undefined" ? null : sessionStorage;
  } catch {
    return null;
  }
}

/** Which game and cycle a draft belongs to: a new cycle starts a new text. */
function keyOf(session: Session): string {
  const s = stateOf(session);
  return `${s.scenarioId}:${s.seed}:${s.role}:${s.cycle}`;
}

/** The Secretariat's suggested text now (the working text the Council consults on). */
export function secretariatDraft(session: Session): ChairDraft {
  const s = stateOf(session);
  const wording: ChairDraft["wording"] = {};
  for (const m of s.proposal) {
    const w = s.proposalWording[m];
    if (w && w !== "standard") wording[m] = w;
  }
  return { measures: [...s.proposal], wording, split: [] };
}

/** The chair's own draft for this cycle, or null while it follows the Secretariat's suggestion. */
export function ownDraft(session: Session): ChairDraft | null {
  const key = keyOf(session);
  const kept = drafts.get(key);
  if (kept) return kept;
  try {
    const saved = JSON.parse(storage()?.getItem(STORAGE_KEY) ?? "null") as { key?: string; draft?: ChairDraft } | null;
    if (saved?.key === key && saved.draft && Array.isArray(saved.draft.measures)) {
      drafts.set(key, saved.draft);
      return saved.draft;
    }
  } catch {
    // A corrupt saved draft: start from the Secretariat's text.
  }
  return null;
}

/** The draft the desk shows: the chair's own, else the Secretariat's suggestion. */
export function currentDraft(session: Session): ChairDraft {
  return ownDraft(session) ?? secretariatDraft(session);
}

/** Keeps `draft` as the chair's own text for this cycle (normalised: wording and split only on ticked measures). */
export function keepDraft(session: Session, draft: ChairDraft): ChairDraft {
  const measures = [...new Set(draft.measures)].sort((a, b) => measureById(a).rank - measureById(b).rank);
  const wording: ChairDraft["wording"] = {};
  for (const m of measures) {
    const w = draft.wording[m];
    if (w && w !== "standard") wording[m] = w;
  }
  const kept = { measures, wording, split: draft.split.filter((m) => measures.includes(m)) };
  // A draft that says what the Secretariat suggests follows the suggestion again.
  if (sameDraft(kept, secretariatDraft(session))) {
    clearDraft(session);
    return kept;
  }
  const key = keyOf(session);
  drafts.set(key, kept);
  try {
    storage()?.setItem(STORAGE_KEY, JSON.stringify({ key, draft: kept }));
  } catch {
    // Storage full or disabled: the draft lives in memory for this page.
  }
  return kept;
}

/** Drops the chair's own text: the desk follows the Secretariat's suggestion again. */
export function clearDraft(session: Session): void {
  drafts.delete(keyOf(session));
  try {
    storage()?.removeItem(STORAGE_KEY);
  } catch {
    // Nothing was kept.
  }
}

/** Forgets every kept draft: a game at its briefing (a new game, or the same seed replayed) starts from scratch. */
export function forgetDrafts(): void {
  drafts.clear();
  try {
    storage()?.removeItem(STORAGE_KEY);
  } catch {
    // Nothing was kept.
  }
}

/** True when two drafts say the same thing. */
export function sameDraft(a: ChairDraft, b: ChairDraft): boolean {
  const set = (ms: readonly MeasureId[]) => [...ms].sort().join();
  const words = (d: ChairDraft) => d.measures.map((m) => d.wording[m] ?? "standard").join();
  return set(a.measures) === set(b.measures) && set(a.split) === set(b.split) && words(a) === words(b);
}

/** The last draft tabled in this cycle, as tabled, with who broke silence on it; null if none was. */
export function lastTabled(session: Session): { draft: ChairDraft; brokenBy: string[]; attempt: number } | null {
  const s = stateOf(session);
  if (!s.silenceAttempts) return null;
  let at = -1;
  for (let i = s.log.length - 1; i >= 0; i--)
    if (s.log[i]?.k === "table") {
      at = i;
      break;
    }
  const entry = s.log[at] as Extract<LogEntry, { k: "table" }> | undefined;
  if (!entry) return null;
  const wording: ChairDraft["wording"] = {};
  for (const m of entry.soft) wording[m] = "soft";
  for (const m of entry.strong) wording[m] = "strong";
  const brokenBy = new Set<string>();
  for (const e of s.log.slice(at + 1)) if (e.k === "break") brokenBy.add(e.by);
  for (const e of s.log.slice(at + 1)) if (e.k === "silence") for (const b of e.brokenBy) brokenBy.add(b);
  return {
    draft: { measures: [...entry.measures], wording, split: [...entry.separate] },
    brokenBy: [...brokenBy],
    attempt: entry.attempt,
  };
}

const lower = (m: MeasureId) => measureById(m).name.toLowerCase();
const RANK: Record<Wording, number> = { soft: 0, standard: 1, strong: 2 };

/**
 * What `next` changes relative to `before`, in words: "dropped: coordinated sanctions", "softened: … → '…'",
 * "split: … decided separately". Empty when nothing changed.
 */
export function draftChanges(before: ChairDraft, next: ChairDraft): string[] {
  const lines: string[] = [];
  const dropped = before.measures.filter((m) => !next.measures.includes(m));
  const added = next.measures.filter((m) => !before.measures.includes(m));
  if (dropped.length) lines.push(`dropped: ${dropped.map(lower).join(", ")}`);
  const addedText = (m: MeasureId) =>
    `${(next.wording[m] ?? "standard") === "standard" ? lower(m) : `“${wordedName(m, next.wording[m])}”`}${next.split.includes(m) ? " (decided separately)" : ""}`;
  if (added.length) lines.push(`added: ${added.map(addedText).join(", ")}`);
  for (const m of next.measures.filter((x) => before.measures.includes(x))) {
    const was = before.wording[m] ?? "standard";
    const now = next.wording[m] ?? "standard";
    if (was === now) continue;
    const verb = RANK[now] < RANK[was] ? "softened" : "strengthened";
    lines.push(`${verb}: ${lower(m)} → “${wordedName(m, now)}”`);
  }
  const split = next.split.filter((m) => !before.split.includes(m) && before.measures.includes(m));
  const joined = before.split.filter((m) => !next.split.includes(m) && next.measures.includes(m));
  if (split.length) lines.push(`split: ${split.map(lower).join(", ")} decided separately`);
  if (joined.length) lines.push(`back in the package: ${joined.map(lower).join(", ")}`);
  return lines;
}
