/**
 * One student, twenty tabs (src/server/actGuard.ts): the same statement sent from every tab is answered in
 * each and written once; a flood of different actions is refused before the durable log, at the person's
 * rate whatever the number of their tabs, while a classmate still acts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ResultMessage } from "../../src/net/protocol.ts";
import { ACTIONS_PER_PERSON, ALREADY_RECORDED, TOO_MANY_ACTIONS } from "../../src/server/actGuard.ts";
import type { CouncilSession } from "../../src/server/councilSession.ts";
import type { GameServer } from "../../src/server/gameServer.ts";
import { type Created, createSession, Peer, removeTempDirs, startInProcess } from "./harness.ts";

const SLOW_ROUNDS = { incidentSeconds: 0, stepSeconds: 0, roundSeconds: 600, silenceSeconds: 600 };
const STATEMENT = { type: "consultation.statement", stance: "support", wants: [], rejects: [] };
const TABS = 20;

describe("actions into the durable log", () => {
  let server: GameServer;
  let created: Created;
  let council: CouncilSession;
  let tabs: Peer[] = [];
  let seat = "";
  /** Events in the durable log sent by the student's seat. */
  const written = () => council.record.events.filter((e) => (e as { by?: string }).by === seat).length;

  beforeAll(async () => {
    server = await startInProcess();
    created = await createSession(server.url, { scenario: "estonia-2007", seed: 5, timers: SLOW_ROUNDS });
    const facilitator = await Peer.join(server.url, { code: created.code, facilitatorToken: created.facilitatorToken });
    const first = await Peer.join(server.url, { code: created.code, name: "Ann" });
    seat = first.seat ?? "";
    const token = first.seatToken;
    tabs = [first];
    for (let i = 1; i < TABS; i++)
      tabs.push(await Peer.join(server.url, { code: created.code, name: "Ann", seatToken: token }));
    council = server.registry.running(created.code) as CouncilSession;
    expect(await facilitator.facilitate({ op: "start" })).toMatchObject({ ok: true });
    await first.when((p) => p.view?.phase === "consultation", "consultation");
  });
  afterAll(async () => {
    await server.close();
    removeTempDirs();
  });

  it("answers the same statement from twenty tabs in every tab and writes it once", async () => {
    expect(new Set(tabs.map((t) => t.seat))).toEqual(new Set([seat]));
    const before = written();
    const results: Promise<ResultMessage>[] = [];
    for (let round = 0; round < 3; round++) for (const tab of tabs) results.push(tab.act(STATEMENT));
    const answers = await Promise.all(results);
    expect(answers.every((r) => r.ok)).toBe(true);
    expect(answers.filter((r) => r.reason === ALREADY_RECORDED)).toHaveLength(answers.length - 1);
    expect(written() - before).toBe(1);
  });

  it("refuses a flood of different actions from twenty tabs before the log, and a classmate still acts", async () => {
    const before = written();
    const started = Date.now();
    const results: Promise<ResultMessage>[] = [];
    // Statements that differ (each names another measure), so none is a repeat of another.
    const wants = ["concern", "solidarity", "acknowledge", "assistance"];
    for (const [i, tab] of tabs.entries())
      for (let n = 0; n < 4; n++)
        results.push(
          tab.act({ ...STATEMENT, stance: ["support", "undecided", "oppose"][(i + n) % 3], wants: [wants[n]] }),
        );
    const answers = await Promise.all(results);
    const seconds = (Date.now() - started) / 1000;
    const refused = answers.filter((r) => r.reason === TOO_MANY_ACTIONS);
    expect(refused.length).toBeGreaterThan(answers.length / 2);
    expect(written() - before).toBeLessThanOrEqual(
      ACTIONS_PER_PERSON.burst + Math.ceil(seconds * ACTIONS_PER_PERSON.perSecond),
    );
    expect(written() - before).toBeGreaterThan(0);
    const classmate = await Peer.join(server.url, { code: created.code, name: "Bo" });
    expect(await classmate.act(STATEMENT)).toMatchObject({ ok: true, reason: null });
  });
});
