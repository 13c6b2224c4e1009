/**
 * The chair's draft outside the DOM (src/ui/council/draft.ts): it is kept per game and cycle, follows the
 * Secretariat while untouched, and says in words what a new draft changes; and the soundings on a draft
 * name the allies likely to object (src/ui/council/soundingsPanel.ts).
 */
import { describe, expect, it } from "vitest";
import { runToEnd } from "../../src/sim/autopilot.ts";
import { botSeats } from "../../src/sim/bots/play.ts";
import { applyParsed, createSession, stateOf } from "../../src/sim/session.ts";
import {
  type ChairDraft,
  clearDraft,
  currentDraft,
  draftChanges,
  keepDraft,
  ownDraft,
  secretariatDraft,
} from "../../src/ui/council/draft.ts";
import { packageVerdict, soundDraft } from "../../src/ui/council/soundingsPanel.ts";
import { envOf } from "../support/fixtures.ts";

const draft = (d: Partial<ChairDraft>): ChairDraft => ({ measures: [], wording: {}, split: [], ...d });

describe("draftChanges", () => {
  it.each([
    ["nothing changed", draft({ measures: ["concern"] }), draft({ measures: ["concern"] }), []],
    [
      "a measure dropped",
      draft({ measures: ["concern", "sanctions"] }),
      draft({ measures: ["concern"] }),
      ["dropped: coordinated sanctions"],
    ],
    [
      "a measure softened and split off",
      draft({ measures: ["concern", "acknowledge"] }),
      draft({ measures: ["concern", "acknowledge"], wording: { acknowledge: "soft" }, split: ["acknowledge"] }),
      [
        expect.stringMatching(/^softened: collective acknowledgement .* → “/),
        "split: collective acknowledgement of national attributions decided separately",
      ],
    ],
    [
      "a measure added, decided separately",
      draft({ measures: ["concern"] }),
      draft({ measures: ["concern", "sanctions"], split: ["sanctions"] }),
      ["added: coordinated sanctions (decided separately)"],
    ],
  ] as const)("%s", (_name, before, next, lines) => {
    expect(draftChanges(before, next)).toEqual(lines);
  });
});

describe("the chair's draft store", () => {
  const env = envOf("notpetya-2017");
  // Consultation with the rounds spent: the chair's move.
  const session = runToEnd(createSession(env, 1, botSeats("chair"))).session;

  it("follows the Secretariat until the chair changes it, then keeps the chair's text", () => {
    clearDraft(session);
    expect(ownDraft(session)).toBeNull();
    expect(currentDraft(session)).toEqual(secretariatDraft(session));
    const mine = keepDraft(session, {
      measures: [...stateOf(session).proposal, "sanctions"],
      wording: { sanctions: "soft" },
      split: ["sanctions"],
    });
    expect(currentDraft(session)).toEqual(mine);
    // Saying what the Secretariat says again goes back to following it.
    keepDraft(session, secretariatDraft(session));
    expect(ownDraft(session)).toBeNull();
  });

  it("is a new text in a new cycle", () => {
    keepDraft(session, { measures: ["concern", "sanctions"], wording: {}, split: [] });
    const s = stateOf(session);
    const next = { ...session, snapshot: { ...session.snapshot, context: { ...s, cycle: s.cycle + 1 } } };
    expect(ownDraft(next as typeof session)).toBeNull();
    clearDraft(session);
  });

  it("the soundings name likely objectors and judge the package by its measures decided together", () => {
    const text = {
      measures: [...stateOf(session).proposal, "article5" as const],
      wording: {},
      split: ["article5" as const],
    };
    const soundings = soundDraft(session, "chair", text);
    const a5 = soundings.find((x) => x.measure === "article5");
    expect(a5?.verdict).toBe("blocked");
    expect(a5?.objectors.length).toBeGreaterThan(0);
    expect(a5?.objectors.every((o) => o.reasons.length > 0)).toBe(true);
    // Split off, Article 5 does not sink the rest.
    expect(packageVerdict(soundings)).not.toBe("blocked");
    expect(packageVerdict(soundDraft(session, "chair", { ...text, split: [] }))).toBe("blocked");
  });
});

it("a table event in the draft's words is accepted by the engine", () => {
  const env = envOf("notpetya-2017");
  const session = runToEnd(createSession(env, 1, botSeats("chair"))).session;
  const d = keepDraft(session, {
    measures: ["concern", "sanctions"],
    wording: { sanctions: "soft" },
    split: ["sanctions"],
  });
  const r = applyParsed(session, {
    type: "draft.table",
    by: "chair",
    measures: d.measures,
    wording: d.wording,
    split: d.split,
  });
  expect(r.ok).toBe(true);
  clearDraft(session);
});
