/**
 * What each connection is sent: a delegate sees their own ally's private reading and nobody else's, the
 * projector sees only what the Council says aloud, the facilitator sees everything. Compared field by
 * field with the facilitator's view of the same moment.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ViewMessage } from "../../src/net/protocol.ts";
import type { CouncilSession } from "../../src/server/councilSession.ts";
import type { GameServer } from "../../src/server/gameServer.ts";
import { stateOf } from "../../src/sim/session.ts";
import { commonEvidence, type WireAlly } from "../../src/sim/views.ts";
import { type Created, createSession, Peer, removeTempDirs, startInProcess } from "./harness.ts";

const SLOW_ROUNDS = { incidentSeconds: 0, stepSeconds: 0, roundSeconds: 600, silenceSeconds: 600 };
const ZERO_RNG = { c: 0, s0: 0, s1: 0, s2: 0 };

/** What anyone may see of an ally that is not theirs: no drawn profile or sway at all, a neutral belief. */
const hidden = (ally: WireAlly, common: string[]): WireAlly => {
  const { params: _params, sway: _sway, ...rest } = ally;
  return { ...rest, belief: [0, 0, 0, 0], held: common, assisted: false };
};

describe("per-connection views", () => {
  let server: GameServer;
  let created: Created;
  let council: CouncilSession;
  let facilitator: Peer;
  let projector: Peer;
  let ann: Peer;
  let bo: Peer;

  beforeAll(async () => {
    server = await startInProcess();
    created = await createSession(server.url, { scenario: "estonia-2007", seed: 8, timers: SLOW_ROUNDS });
    facilitator = await Peer.join(server.url, { code: created.code, facilitatorToken: created.facilitatorToken });
    projector = await Peer.join(server.url, { code: created.code, projector: true });
    ann = await Peer.join(server.url, { code: created.code, name: "Ann", ally: "EST" });
    bo = await Peer.join(server.url, { code: created.code, name: "Bo", ally: "LVA" });
    council = server.registry.running(created.code) as CouncilSession;
    expect((await facilitator.facilitate({ op: "start" })).ok).toBe(true);
    await facilitator.when((p) => p.view?.phase === "consultation", "consultation");
  });
  afterAll(async () => {
    await server.close();
    removeTempDirs();
  });

  /** Every peer's latest view, once all have the latest event. */
  const settle = async () => {
    const seq = council.record.events.length;
    const peers = [facilitator, projector, ann, bo];
    await Promise.all(peers.map((p) => p.when((q) => q.view?.seq === seq, "the latest view")));
    return peers.map((p) => p.view) as ViewMessage[];
  };

  it("shows the facilitator everything and each delegate only their own ally's private state", async () => {
    const [f, p, a, b] = await settle();
    if (!f || !p || !a || !b) throw new Error("no views");
    const { log: _log, ...full } = stateOf(council.session);
    expect(f.state).toEqual(full);
    const common = commonEvidence(stateOf(council.session));
    // The comparison means something: allies hold different evidence and have formed different beliefs.
    expect(f.state.allies.some((x) => x.held.length > common.length)).toBe(true);
    expect(new Set(f.state.allies.map((x) => x.belief.join())).size).toBeGreaterThan(1);
    expect(f.state.rng).not.toEqual(ZERO_RNG);
    expect(f.state.seed).toBe(8);

    for (const [view, own] of [
      [a, "EST"],
      [b, "LVA"],
      [p, null],
    ] as const) {
      f.state.allies.forEach((ally, i) => {
        const shown = view.state.allies[i];
        expect(shown, `${ally.code} as ${own ?? "the projector"} sees it`).toEqual(
          ally.code === own ? ally : hidden(ally, common),
        );
      });
      expect(view.state.seed).toBe(0);
      expect(view.state.rng).toEqual(ZERO_RNG);
      for (const inject of view.state.injects) expect(inject.evidence.every((e) => e.delivered)).toBe(true);
      // No evidence id that only others hold appears anywhere in what this connection is told about allies.
      const mine = f.state.allies.find((x) => x.code === own)?.held ?? [];
      const secret = f.state.allies.flatMap((x) => x.held).filter((id) => !common.includes(id) && !mine.includes(id));
      const told = JSON.stringify(view.state.allies);
      for (const id of secret) expect(told).not.toContain(`"${id}"`);
      expect(view.revealed).toBe(false);
    }
    expect(p.viewer).toEqual({ kind: "projector" });
    expect(f.viewer).toEqual({ kind: "facilitator" });
  });

  it("follows intelligence as it is shared: Latvia sees what Estonia gave it, the projector does not", async () => {
    const before = stateOf(council.session);
    const estonia = before.allies.find((x) => x.code === "EST");
    const latvia = before.allies.find((x) => x.code === "LVA");
    const gift = estonia?.held.filter((id) => !latvia?.held.includes(id)) ?? [];
    expect(gift.length).toBeGreaterThan(0);
    expect(await ann.act({ type: "intel.share", to: ["LVA"] })).toMatchObject({ ok: true });
    const [f, p, , b] = await settle();
    const common = commonEvidence(stateOf(council.session));
    const lva = b?.state.allies.find((x) => x.code === "LVA");
    for (const id of gift) expect(lva?.held).toContain(id);
    expect(lva).toEqual(f?.state.allies.find((x) => x.code === "LVA"));
    expect(p?.state.allies.find((x) => x.code === "LVA")?.held).toEqual(common);
  });

  it("keeps a corridor talk between the two delegations (and the facilitator)", async () => {
    const talk = await ann.act({ type: "corridor.talk", with: "LVA", offer: "reassurance" });
    expect(talk, JSON.stringify(talk)).toMatchObject({ ok: true });
    const [f, p, a, b] = await settle();
    const talkers = (v: ViewMessage | undefined) => v?.state.talks.map((t) => `${t.by}>${t.with}`) ?? [];
    expect(talkers(f)).toEqual(["EST>LVA"]);
    expect(talkers(a)).toEqual(["EST>LVA"]);
    expect(talkers(b)).toEqual(["EST>LVA"]);
    expect(talkers(p)).toEqual([]);
    expect(a?.state.capital).toEqual({ EST: f?.state.capital.EST });
    expect(p?.state.capital).toEqual({});
    expect(JSON.stringify(p?.log.entries ?? [])).not.toContain("reassurance");
  });

  it("hides a freed seat's private state from the person who left it", async () => {
    expect(await facilitator.facilitate({ op: "free", ally: "LVA" })).toMatchObject({ ok: true });
    const [, p, , b] = await settle();
    expect(b?.viewer).toMatchObject({ kind: "player", seat: null });
    expect(b?.state.allies).toEqual(p?.state.allies);
    expect(b?.waiting.map((w) => w.name)).toEqual(["Bo"]);
  });

  it("reveals the truth once, and the seed only after the debrief", async () => {
    expect(await facilitator.facilitate({ op: "reveal" })).toMatchObject({ ok: true });
    expect(await facilitator.facilitate({ op: "reveal" })).toMatchObject({
      ok: false,
      reason: "the truth is already revealed",
    });
    const views = await settle();
    for (const view of views) expect(view.revealed).toBe(true);
    expect(projector.view?.state.seed).toBe(0);
    expect(await facilitator.facilitate({ op: "end" })).toMatchObject({ ok: true });
    const ended = await settle();
    for (const view of ended) {
      expect(view.phase).toBe("debrief");
      expect(view.state.seed).toBe(8);
    }
    expect(projector.view?.state.rng).toEqual(ZERO_RNG);
    expect(await facilitator.facilitate({ op: "note", text: "After the end" })).toMatchObject({
      ok: false,
      reason: "the session is over",
    });
  });
});
