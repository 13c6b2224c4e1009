import { describe, expect, it } from "vitest";
import { singleEdits } from "../../src/sim/counterfactual/candidates.ts";
import { describeEdit } from "../../src/sim/counterfactual/describe.ts";
import { procedures } from "../../src/sim/counterfactual/drafts.ts";
import { rerun } from "../../src/sim/counterfactual/rerun.ts";
import { searchCounterfactuals } from "../../src/sim/counterfactual/search.ts";
import { buildTimeline, finalSession } from "../../src/sim/counterfactual/timeline.ts";
import type { Edit } from "../../src/sim/counterfactual/types.ts";
import type { EngineEvent } from "../../src/sim/events.ts";
import { phaseOf, stateHash, stateOf } from "../../src/sim/session.ts";
import { envOf, play, soloSeats } from "./counterfactualRecords.ts";

const estonia = envOf("estonia-2007");

/** A person plays Hungary and breaks silence on every draft: nothing the Council tables passes. */
function hungaryBlocks() {
  return play(estonia, 4, soloSeats("HUN"), (session, seat) => {
    if (phaseOf(session) !== "decision") return undefined;
    const draft = stateOf(session).draft;
    if (!draft || draft.breaks.some((b) => b.by === seat)) return null;
    return { type: "silence.break", by: seat, reason: "We cannot join this text.", measures: [] };
  });
}

/** A person chairs and tables the acknowledgement of attributions from the first round on, whatever the table says. */
function chairInsists() {
  return play(estonia, 1, soloSeats("chair"), (session) => {
    if (phaseOf(session) !== "consultation" || stateOf(session).round < 1) return undefined;
    return { type: "draft.table", by: "chair", measures: ["concern", "solidarity", "acknowledge"] };
  });
}

describe("rerunning a record", () => {
  it.each([
    ["estonia-2007", "chair", 1],
    ["estonia-2007", "EST", 3],
    ["notpetya-2017", "DNK", 1],
    ["control-article-5", "POL", 2],
  ] as const)("reproduces %s as %s (seed %i) exactly when nothing is changed", (id, role, seed) => {
    const env = envOf(id);
    const t = buildTimeline(env, play(env, seed, soloSeats(role)));
    for (const from of [0, Math.floor(t.record.events.length / 2)]) {
      const run = rerun(t, [], from);
      expect(run.finished).toBe(true);
      expect(run.dropped).toBe(0);
      expect(run.stoodIn).toBe(0);
      expect(stateHash(run.session)).toBe(stateHash(finalSession(t)));
    }
  });

  it("leaves out the person's later moves whose moment never comes once a break is withdrawn", () => {
    const t = buildTimeline(estonia, hungaryBlocks());
    const breaks = t.record.events.flatMap((e, at) => (e.type === "silence.break" ? [at] : []));
    expect(breaks.length).toBeGreaterThan(1);
    const at = breaks[0] as number;
    const edit: Edit = { kind: "withdraw", at, event: t.record.events[at] as EngineEvent };
    const run = rerun(t, [edit]);
    expect(run.finished).toBe(true);
    expect(run.adopted.length).toBeGreaterThan(0);
    expect(run.dropped).toBeGreaterThan(0);
  });
});

describe("the counterfactual search", () => {
  it("finds the measure a chair insisted on: left out, split off or softened, the text passes", () => {
    const result = searchCounterfactuals(estonia, chairInsists());
    expect(result.baseline.adopted).toEqual([]);
    const onDraft = result.flips.filter((f) => {
      const e = f.edits[0];
      return f.edits.length === 1 && e?.kind === "replace" && e.event.type === "draft.table";
    });
    expect(onDraft.length).toBeGreaterThan(0);
    for (const f of onDraft) {
      expect(f.sentence).toMatch(/Collective acknowledgement of national attributions|allies' national assessments/);
      expect(f.after.adopted).toContain("concern");
    }
  });

  it("a chair who waits for evidence still tables the recorded draft once back in consultation", () => {
    const t = buildTimeline(estonia, chairInsists());
    const at = t.record.events.findIndex((e) => e.type === "draft.table");
    const table = t.record.events[at] as EngineEvent;
    const run = rerun(t, [{ kind: "wait", at, event: table }]);
    expect(run.applied).toBe(true);
    const log = stateOf(run.session).log;
    const waited = log.findIndex((e) => e.k === "await");
    expect(waited).toBeGreaterThan(-1);
    const tabled = log.findIndex((e, i) => i > waited && e.k === "table");
    expect(tabled).toBeGreaterThan(waited);
    const entry = log[tabled];
    expect(entry?.k === "table" && entry.measures).toEqual(["concern", "solidarity", "acknowledge"]);
  });

  it("finds the person's own break as what stopped the text", () => {
    const record = hungaryBlocks();
    const result = searchCounterfactuals(estonia, record);
    expect(result.reproducible).toBe(true);
    expect(["no-consensus", "coalition"]).toContain(result.baseline.outcome); // allies may act outside it
    expect(result.baseline.adopted).toEqual([]);
    expect(result.flips.length).toBeGreaterThan(0);
    const first = result.flips[0];
    const edit = first?.edits[0];
    expect(first?.edits).toHaveLength(1);
    expect(edit?.kind === "withdraw" || edit?.kind === "replace").toBe(true);
    if (edit?.kind === "withdraw") expect(edit.event.type).toBe("silence.break");
    if (edit?.kind === "replace") expect(edit.was.type).toBe("silence.break");
    expect(first?.classFlip).toBe(true);
    expect(first?.after.adopted.length).toBeGreaterThan(0);
    expect(first?.sentence).toMatch(
      /^Had you (kept silence with a reservation|not broken silence).*the text would have passed/,
    );
  });

  it("reports nothing when there is nothing to change (the session ended before any draft)", () => {
    let ended = false;
    const record = play(estonia, 2, soloSeats("chair"), (session) => {
      if (ended || phaseOf(session) !== "attribution") return undefined;
      ended = true;
      return null;
    });
    const cut = { ...record, events: [...record.events.slice(0, 3), { type: "session.end", by: "system" } as const] };
    const result = searchCounterfactuals(estonia, cut);
    expect(result.reproducible).toBe(true);
    expect(result.baseline.outcome).toBe("no-consensus");
    expect(result.flips).toEqual([]);
  });

  it("reports only changes that really flip the outcome, each rerun to what it says", () => {
    const t = buildTimeline(estonia, hungaryBlocks());
    const result = searchCounterfactuals(estonia, t.record, { top: 3 });
    for (const flip of result.flips) {
      const run = rerun(t, flip.edits);
      expect(run.outcome).toBe(flip.after.outcome);
      expect(run.adopted).toEqual(flip.after.adopted);
      expect(run.outcome !== result.baseline.outcome || run.adopted.join() !== result.baseline.adopted.join()).toBe(
        true,
      );
    }
  });

  it("ranks smaller changes first and shows different changes", () => {
    const result = searchCounterfactuals(estonia, hungaryBlocks(), { top: 3 });
    const sizes = result.flips.map((f) => f.edits.length * 100 + f.cost);
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
    const keys = result.flips.map((f) => JSON.stringify(f.edits));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("is deterministic: the same record gives the same flips in the same order", () => {
    const record = hungaryBlocks();
    const a = searchCounterfactuals(estonia, record);
    const b = searchCounterfactuals(estonia, structuredClone(record));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it("tries pairs when single changes are not enough, and caps what it tries", () => {
    const record = play(envOf("notpetya-2017"), 1, soloSeats("chair"));
    const capped = searchCounterfactuals(envOf("notpetya-2017"), record, { maxSingles: 5, maxPairs: 3 });
    expect(capped.tried).toBeLessThanOrEqual(1 + 5 + 3);
    for (const f of capped.flips) expect(f.edits.length).toBeLessThanOrEqual(2);
  });

  it("offers the AI chair's draft and the ally who broke silence as changes, named in words", () => {
    const env = envOf("notpetya-2017");
    // The first autoplayed Denmark game in which an AI ally broke silence on the AI chair's draft.
    const t = [1, 2, 3, 4, 5, 6, 7, 8]
      .map((seed) => buildTimeline(env, play(env, seed, soloSeats("DNK"))))
      .find((x) => procedures(x).some((p) => !p.adopted && p.breaks.some((b) => b.by !== "DNK")));
    if (!t) throw new Error("no notpetya seed 1–8 with an AI ally breaking silence");
    const failed = procedures(t).find((p) => !p.adopted && p.breaks.some((b) => b.by !== "DNK"));
    const breaker = failed?.breaks.find((b) => b.by !== "DNK")?.by ?? "";
    const name = env.profiles.find((p) => p.code === breaker)?.name ?? "?";
    const edits = singleEdits(t, 500);
    const profile = edits.filter((e) => e.kind === "threshold" && e.ally === breaker);
    expect(profile.length).toBeGreaterThan(0);
    for (const e of profile)
      expect(describeEdit(t, e)).toMatch(new RegExp(`^${name}’s .+ been \\d\\.\\d\\d instead of \\d\\.\\d\\d$`));
    const talks = edits.filter(
      (e) => e.kind === "insert" && e.event.type === "corridor.talk" && e.event.with === breaker,
    );
    expect(talks.length).toBeGreaterThan(0);
    expect(describeEdit(t, talks[0] as Edit)).toMatch(new RegExp(`^you met ${name} `));
    const chair = edits.filter((e) => e.kind === "chairText");
    expect(chair.length).toBeGreaterThan(0);
    for (const e of chair) expect(describeEdit(t, e)).toMatch(/^the Secretary General (softened|put) /);
  });
});
