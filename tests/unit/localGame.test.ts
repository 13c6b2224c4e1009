import { describe, expect, it } from "vitest";
import { AUTOSAVE_KEY, LocalGame } from "../../src/net/localGame.ts";
import { nextSystemEvent, suggestMove } from "../../src/sim/autopilot.ts";
import { phaseOf, stateHash, stateOf } from "../../src/sim/session.ts";
import { councilView } from "../../src/ui/viewModel.ts";
import { MemoryStorage } from "../support/memoryStorage.ts";

/** Plays like autoplay: the AI's move for the player's seat, else the driver's next event. */
function autoplay(game: LocalGame, until: (g: LocalGame) => boolean, limit = 400): void {
  for (let i = 0; i < limit && !until(game); i++) {
    const seat = game.record.seats.role;
    const event = suggestMove(game.session, seat) ?? nextSystemEvent(game.session);
    if (!event) throw new Error(`stuck in ${phaseOf(game.session)}`);
    expect(game.send(event)).toBeNull();
  }
}

describe("solo play through the local transport", () => {
  it("autosaves after every event and resumes to the identical state", () => {
    const storage = new MemoryStorage();
    const game = LocalGame.start("estonia-2007", 5, { role: "EST", chair: "ai", humans: ["EST"] }, storage);
    autoplay(game, (g) => phaseOf(g.session) === "consultation");
    const saved = storage.getItem(AUTOSAVE_KEY);
    expect(saved).not.toBeNull();
    const resumed = LocalGame.resume(storage);
    expect(resumed && stateHash(resumed.session)).toBe(stateHash(game.session));
    expect(resumed?.record.events).toHaveLength(game.record.events.length);
  });

  it("reaches the debrief with the AI playing the human seat, as chair and as an ally", () => {
    for (const seats of [
      { role: "chair", chair: "human" as const, humans: [] },
      { role: "LTU", chair: "ai" as const, humans: ["LTU"] },
    ]) {
      const game = LocalGame.start("control-article-5", 3, seats, new MemoryStorage());
      autoplay(game, (g) => g.finished);
      expect(game.finished).toBe(true);
      expect(stateOf(game.session).decisions.length).toBeGreaterThan(0);
    }
  });

  it("refuses a forged event and keeps the record clean", () => {
    const game = LocalGame.start("estonia-2007", 1, { role: "EST", chair: "ai", humans: ["EST"] }, null);
    const before = game.record.events.length;
    expect(game.send({ type: "silence.break", by: "LVA", reason: "not my seat" })).toMatch(
      /not allowed|played by the AI/,
    );
    expect(game.send("<script>")).toMatch(/malformed/);
    expect(game.record.events).toHaveLength(before);
    expect(game.lastRejection).not.toBeNull();
  });

  it("imports an exported record and rejects a damaged one with a reason", () => {
    const game = LocalGame.start("colonial-pipeline-2021", 2, { role: "chair", chair: "human", humans: [] }, null);
    autoplay(game, (g) => phaseOf(g.session) === "decision");
    const copy = LocalGame.fromRecord(JSON.parse(game.exportText()), null);
    expect(stateHash(copy.session)).toBe(stateHash(game.session));
    const damaged = JSON.parse(game.exportText());
    damaged.scenario.hash = "0000000000000000";
    expect(() => LocalGame.fromRecord(damaged, null)).toThrow(/record is for colonial-pipeline-2021@0000000000000000/);
  });
});

describe("the council view", () => {
  it("seats every ally in order with flags, stances and the player's seat marked", () => {
    const game = LocalGame.start("notpetya-2017", 1, { role: "DNK", chair: "ai", humans: ["DNK"] }, null);
    autoplay(game, (g) => stateOf(g.session).round >= 1);
    const view = councilView(game.session, "DNK", "USA");
    expect(view.seats).toHaveLength(29);
    expect(view.seats.map((s) => s.code)).toEqual(stateOf(game.session).allies.map((a) => a.code));
    expect(view.seats.find((s) => s.isYou)?.code).toBe("DNK");
    expect(view.seats.every((s) => /^[a-z]{2}$/.test(s.iso2))).toBe(true);
    expect(view.seats.find((s) => s.code === "DNK")?.victim).toBe(true);
    expect(view.seats.filter((s) => s.stance !== "silent").length).toBeGreaterThan(20);
    expect(view.selected).toBe("USA");
    expect(view.roundLabel).toMatch(/^(Round \d of \d|Opening statements)$/);
  });
});
