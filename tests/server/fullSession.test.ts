/**
 * A full classroom session with real @colyseus/sdk clients: 32 delegates fill every seat of the control
 * scenario (the Council of 2026 has 32 allies; the historical scenarios seat 26–30), the facilitator and the
 * projector watch, the AI chairs. Every delegate speaks in every consultation round it sees, a few break
 * silence; everyone must reach the debrief with the whole log, and the downloaded record must replay to the
 * server's final state.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GameServer } from "../../src/server/gameServer.ts";
import { bundledRoster, bundledScenario } from "../../src/sim/catalog.ts";
import { parseRecord, replayRecord } from "../../src/sim/record.ts";
import { createEnv, stateHash, stateOf } from "../../src/sim/session.ts";
import { createSession, downloadRecord, Peer, removeTempDirs, startInProcess, until } from "./harness.ts";

const SCENARIO = "control-article-5";
const DELEGATES = 32;

interface Tally {
  statements: Map<string, number>; // accepted statements by seat
  breaks: string[]; // seats whose silence break was accepted
  refused: string[]; // refusals (a round that closed before the statement arrived, …)
}

/** Plays a seat from what the client is shown: speak once per round; breakers oppose and break silence. */
function delegate(peer: Peer, breaker: boolean, tally: Tally): void {
  const done = new Set<string>();
  const count = (seat: string, result: Promise<{ ok: boolean; reason: string | null }>, onOk: () => void) =>
    result.then((r) => (r.ok ? onOk() : tally.refused.push(`${seat}: ${r.reason}`)));
  peer.subscribe(() => {
    const view = peer.view;
    const seat = peer.seat;
    if (!view || !seat) return;
    const s = view.state;
    if (view.phase === "consultation") {
      const key = `round ${s.cycle}.${s.round}`;
      if (done.has(key)) return;
      done.add(key);
      const event = breaker
        ? { type: "consultation.statement", stance: "oppose", wants: [], rejects: s.proposal }
        : { type: "consultation.statement", stance: "support", wants: s.proposal, rejects: [] };
      count(seat, peer.act(event), () => tally.statements.set(seat, (tally.statements.get(seat) ?? 0) + 1));
    } else if (view.phase === "decision" && s.draft && breaker && s.draft.attempt === 1) {
      const key = `break ${s.cycle}`;
      if (done.has(key)) return;
      done.add(key);
      const reason = "<b>we cannot join this text</b>"; // rendered as text by clients, stored as sent
      count(seat, peer.act({ type: "silence.break", reason }), () => tally.breaks.push(seat));
    }
  });
}

describe("a full session with 32 real clients", () => {
  let server: GameServer;
  beforeAll(async () => {
    server = await startInProcess();
  });
  afterAll(async () => {
    await server.close();
    removeTempDirs();
  });

  it("seats 32 delegates, plays to the debrief, and the record replays to the server's state", async () => {
    const created = await createSession(server.url, { scenario: SCENARIO, seed: 11 });
    const facilitator = await Peer.join(server.url, {
      code: created.code,
      facilitatorToken: created.facilitatorToken,
    });
    const projector = await Peer.join(server.url, { code: created.code.toLowerCase(), projector: true });
    const delegates = await Promise.all(
      Array.from({ length: DELEGATES }, (_, i) => Peer.join(server.url, { code: created.code, name: `Delegate ${i}` })),
    );
    const everyone = [facilitator, projector, ...delegates];
    for (const peer of delegates) await peer.when((p) => p.seat, "a seat");

    const allies = stateOf(server.registry.open(created.code).session).allies.map((a) => a.code);
    expect(allies).toHaveLength(DELEGATES);
    expect(new Set(delegates.map((p) => p.seat))).toEqual(new Set(allies));
    await facilitator.when((p) => p.view?.state.humans.length === DELEGATES, "every seat played by a person");
    expect(facilitator.view?.seats.every((s) => !s.ai && s.connected && s.name.startsWith("Delegate"))).toBe(true);

    const tally: Tally = { statements: new Map(), breaks: [], refused: [] };
    delegates.forEach((peer, i) => {
      delegate(peer, i % 8 === 3, tally);
    });
    expect(await facilitator.facilitate({ op: "start" })).toEqual({ id: 1, ok: true, reason: null });
    await Promise.all(everyone.map((peer) => peer.when((p) => p.view?.phase === "debrief", "the debrief", 90_000)));

    const council = server.registry.running(created.code);
    if (!council) throw new Error("the session is not running");
    const final = stateOf(council.session);
    expect(final.outcome).not.toBeNull();
    for (const peer of everyone) {
      expect(peer.problems).toEqual([]);
      expect(peer.log).toEqual(final.log);
      expect(peer.view?.seq).toBe(council.record.events.length);
    }
    // Every delegate spoke in consultation; the breakers' breaks reached the log as theirs.
    for (const seat of allies) expect(tally.statements.get(seat) ?? 0, `statements by ${seat}`).toBeGreaterThan(0);
    expect(tally.breaks.length).toBeGreaterThan(0);
    const logged = final.log.filter((e) => e.k === "break" && final.humans.includes(e.by)).map((e) => e.k);
    expect(logged.length).toBe(tally.breaks.length);
    for (const seat of allies)
      expect(
        final.log.some((e) => e.k === "statement" && e.by === seat),
        `${seat} in the log`,
      ).toBe(true);

    // The record is the durable log: it replays, event for event, to the state the server holds.
    const download = await downloadRecord(server.url, created);
    expect(download.status).toBe(200);
    const record = parseRecord(download.body);
    expect(record.events).toHaveLength(council.record.events.length);
    const scenario = bundledScenario(SCENARIO);
    if (!scenario) throw new Error("no scenario");
    const replayed = replayRecord(createEnv(scenario, bundledRoster()), record);
    expect(stateHash(replayed)).toBe(stateHash(council.session));

    // After the debrief the seed is no secret; before it, nobody but the facilitator saw it.
    expect(projector.view?.state.seed).toBe(11);
    await Promise.all(everyone.map((peer) => peer.leave()));
    await until(() => council.seatStatus().every((s) => !s.connected), "every seat shown as disconnected");
  });
});
