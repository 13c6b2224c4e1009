/**
 * A server killed with SIGKILL loses nothing it acknowledged: the real binary (`node src/server/main.ts`)
 * is killed right after its last `result`, restarted on the same data folder, restores the session from its
 * durable log, lets everyone rejoin with their tokens to the same seats and plays on to the debrief.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { ViewMessage } from "../../src/net/protocol.ts";
import { bundledRoster, bundledScenario } from "../../src/sim/catalog.ts";
import { hashValue } from "../../src/sim/hash.ts";
import { parseRecord, replayRecord } from "../../src/sim/record.ts";
import { createEnv, phaseOf, stateOf } from "../../src/sim/session.ts";
import type { LogEntry } from "../../src/sim/state.ts";
import {
  createSession,
  downloadRecord,
  freePort,
  Peer,
  removeTempDirs,
  request,
  type ServerProcess,
  spawnServer,
  tempDir,
} from "./harness.ts";

const SLOW_ROUNDS = { incidentSeconds: 0, stepSeconds: 0, roundSeconds: 120, silenceSeconds: 120 };
const statement = (stance: string) => ({ type: "consultation.statement", stance, wants: [], rejects: [] });

/** The session as the facilitator saw it last (the full state, with the log put back). */
const seen = (view: ViewMessage | null, log: LogEntry[]) => ({ phase: view?.phase, state: { ...view?.state, log } });

describe("a server killed with SIGKILL", () => {
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    for (const server of servers) await server.stop("SIGKILL");
    removeTempDirs();
  });

  it("restores every acknowledged event, the seats and the clock, and plays on to the debrief", async () => {
    const env = { DATA_DIR: tempDir(), PROCESS_NAME: "crash-test", STATIC_DIR: "/nonexistent/dist" };
    const port = await freePort();
    const first = await spawnServer(env, port);
    servers.push(first);
    const page = await fetch(`${first.url}/`); // no build to serve: a plain answer, the API still works
    expect([page.status, await page.text()]).toEqual([404, "not built: run npm run build"]);
    const created = await createSession(first.url, { scenario: "estonia-2007", seed: 21, timers: SLOW_ROUNDS });
    const facilitator = await Peer.join(first.url, { code: created.code, facilitatorToken: created.facilitatorToken });
    const ann = await Peer.join(first.url, { code: created.code, name: "Ann", ally: "EST" });
    const bo = await Peer.join(first.url, { code: created.code, name: "Bo", ally: "LVA" });
    expect(await facilitator.facilitate({ op: "start" })).toMatchObject({ ok: true });
    await ann.when((p) => p.view?.phase === "consultation", "consultation");

    // Acknowledged events, the last one answered just before the kill.
    expect(await ann.act(statement("support"))).toMatchObject({ ok: true });
    expect(await facilitator.facilitate({ op: "note", text: "Capitals are being consulted" })).toMatchObject({
      ok: true,
    });
    expect(await ann.act({ type: "article4.request" })).toMatchObject({ ok: true });
    const lastAck = await bo.act(statement("oppose"));
    expect(lastAck).toMatchObject({ ok: true });
    for (const peer of [facilitator, ann, bo]) peer.reconnectAfter(null); // the old server is not coming back
    first.child.kill("SIGKILL");
    await first.stop();
    expect(first.child.signalCode).toBe("SIGKILL");

    // Everything acknowledged is what the delegates saw: the log they hold is the log that must come back.
    await bo.when((p) => p.left !== null, "the clients to notice");
    const acknowledged = bo.log;
    expect(acknowledged.at(-1)).toMatchObject({ k: "statement", by: "LVA", stance: "oppose" });

    const second = await spawnServer(env, port);
    servers.push(second);
    expect(second.output()).toContain(`restored session ${created.code}`);
    const status = await request(`${second.url}/api/sessions/${created.code}`, "GET");
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ code: created.code, phase: "consultation", events: bo.view?.seq });
    const seats = status.body.seats as { ally: string; name: string; ai: boolean }[];
    expect(seats.find((s) => s.ally === "EST")).toMatchObject({ name: "Ann", ai: false });
    expect(seats.find((s) => s.ally === "LVA")).toMatchObject({ name: "Bo", ai: false });
    const saved = await downloadRecord(second.url, created);
    expect(parseRecord(saved.body).events).toHaveLength(bo.view?.seq ?? -1);

    // Everyone rejoins with their tokens: the same seats, the same log, and the session goes on.
    const facilitator2 = await Peer.join(second.url, {
      code: created.code,
      facilitatorToken: created.facilitatorToken,
    });
    const ann2 = await Peer.join(second.url, { code: created.code, name: "Ann", seatToken: ann.seatToken });
    const bo2 = await Peer.join(second.url, { code: created.code, name: "Bo", seatToken: bo.seatToken });
    expect([ann2.seat, bo2.seat]).toEqual(["EST", "LVA"]);
    for (const peer of [facilitator2, ann2, bo2]) expect(peer.log).toEqual(acknowledged);
    expect(facilitator2.view?.clock).toMatchObject({ paused: false, next: "ai.round" });

    const fast = { roundSeconds: 1, silenceSeconds: 1 };
    expect(await facilitator2.facilitate({ op: "timers", timers: fast })).toMatchObject({ ok: true });
    expect(await ann2.act(statement("undecided"))).toMatchObject({ ok: true });
    await Promise.all(
      [facilitator2, ann2, bo2].map((p) => p.when((q) => q.view?.phase === "debrief", "the debrief", 45_000)),
    );
    expect(facilitator2.problems).toEqual([]);
    expect(facilitator2.log.slice(0, acknowledged.length)).toEqual(acknowledged);

    // The record after the restart replays to the state the facilitator was shown at the end.
    const record = parseRecord((await downloadRecord(second.url, created)).body);
    const scenario = bundledScenario("estonia-2007");
    if (!scenario) throw new Error("no scenario");
    const replayed = replayRecord(createEnv(scenario, bundledRoster()), record);
    expect(phaseOf(replayed)).toBe("debrief");
    expect(hashValue({ phase: phaseOf(replayed), state: stateOf(replayed) })).toBe(
      hashValue(seen(facilitator2.view, facilitator2.log)),
    );
    await Promise.all([facilitator2, ann2, bo2].map((p) => p.leave()));

    // A finished session is not restored again.
    await second.stop("SIGKILL");
    const third = await spawnServer(env, port);
    servers.push(third);
    expect(third.output()).not.toContain(`restored session ${created.code}`);
    const kept = await downloadRecord(third.url, created);
    expect(kept.status).toBe(200);
    expect(kept.body).toEqual(record);
  });
});
