/**
 * Private acts over real connections: one student asks for technical assistance and briefs a second; a
 * third student (and the projector) never receives either in any view, full or incremental; the two parties
 * and the facilitator do.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GameServer } from "../../src/server/gameServer.ts";
import type { LogEntry } from "../../src/sim/state.ts";
import { createSession, Peer, removeTempDirs, startInProcess } from "./harness.ts";

const SLOW_ROUNDS = { incidentSeconds: 0, stepSeconds: 0, roundSeconds: 600, silenceSeconds: 600 };
const privateActs = (log: readonly LogEntry[]) =>
  log.filter((e) => e.k === "assist" || (e.k === "share" && e.to !== "all"));

describe("private acts seen only by the parties", () => {
  let server: GameServer;
  let facilitator: Peer;
  let projector: Peer;
  let ann: Peer;
  let bo: Peer;
  let cy: Peer;
  let code = "";

  beforeAll(async () => {
    server = await startInProcess();
    const created = await createSession(server.url, { scenario: "estonia-2007", seed: 6, timers: SLOW_ROUNDS });
    code = created.code;
    facilitator = await Peer.join(server.url, { code, facilitatorToken: created.facilitatorToken });
    projector = await Peer.join(server.url, { code, projector: true });
    [ann, bo, cy] = [
      await Peer.join(server.url, { code, name: "Ann" }),
      await Peer.join(server.url, { code, name: "Bo" }),
      await Peer.join(server.url, { code, name: "Cy" }),
    ];
    expect(await facilitator.facilitate({ op: "start" })).toMatchObject({ ok: true });
    await ann.when((p) => p.view?.phase === "consultation", "consultation");
  });
  afterAll(async () => {
    await server.close();
    removeTempDirs();
  });

  it("keeps assistance and a briefing between the parties and the facilitator", async () => {
    expect(await ann.act({ type: "assistance.request" })).toMatchObject({ ok: true });
    expect(await ann.act({ type: "intel.share", to: [bo.seat] })).toMatchObject({ ok: true });
    const seq = ann.view?.seq ?? 0;
    for (const peer of [facilitator, projector, bo, cy])
      await peer.when((p) => (p.view?.seq ?? 0) >= seq, "the acts' views");
    expect(privateActs(facilitator.log).map((e) => e.k)).toEqual(["assist", "share"]);
    expect(privateActs(ann.log).map((e) => e.k)).toEqual(["assist", "share"]);
    expect(privateActs(bo.log).map((e) => e.k)).toEqual(["share"]);
    for (const outsider of [cy, projector]) {
      expect(privateActs(outsider.log)).toEqual([]);
      expect(outsider.log).toHaveLength(facilitator.log.length); // in their place, entries that say nothing
      expect(outsider.problems).toEqual([]);
    }
    // A fresh connection (a full view) of the third student says no more.
    const again = await Peer.join(server.url, { code, name: "Cy", seatToken: cy.seatToken });
    expect(privateActs(again.log)).toEqual([]);
    expect(JSON.stringify(again.view)).not.toMatch(/"assist"/);
    await again.leave();
  });
});
