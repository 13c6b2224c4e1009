/**
 * The facilitator's hold on people over real connections: remove a person (their connection closed, the seat
 * to the team or the AI), block a device (its token, its joins and its reconnection refused), one device
 * cannot take every seat; the export names people with times; public views and the record to share do not.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REMOVED_CODE } from "../../src/net/protocol.ts";
import type { CouncilSession } from "../../src/server/councilSession.ts";
import type { GameServer } from "../../src/server/gameServer.ts";
import { MAX_PER_DEVICE } from "../../src/server/people.ts";
import type { PeopleRecord } from "../../src/server/peopleRecord.ts";
import { bundledRoster, bundledScenario } from "../../src/sim/catalog.ts";
import { parseRecord, replayRecord } from "../../src/sim/record.ts";
import { createEnv, stateOf } from "../../src/sim/session.ts";
import {
  type Created,
  createSession,
  downloadRecord,
  Peer,
  type Relay,
  removeTempDirs,
  request,
  startInProcess,
  startRelay,
} from "./harness.ts";

const SLOW = { incidentSeconds: 0, stepSeconds: 0, roundSeconds: 600, silenceSeconds: 600 };
const device = (n: number) => `device-${String(n).padStart(12, "0")}`;
const CLASS = ["Ann, Estonia", "Bo, Estonia", "Cy", "Di", "Eve"];
const ALL_NAMES = ["Ann", "Bo", "Cy", "Di", "Eve", "Zed"];

describe("people over the network", () => {
  let server: GameServer;
  let created: Created;
  let council: CouncilSession;
  let facilitator: Peer;
  let projector: Peer;
  let relay: Relay;

  const join = (name: string, n: number, extra: Record<string, unknown> = {}, url = server.url) =>
    Peer.join(url, { code: created.code, name, device: device(n), ...extra });
  const refusal = (name: string, extra: Record<string, unknown>) =>
    join(name, 99, extra).then(
      () => "joined",
      (err: Error) => err.message,
    );

  beforeAll(async () => {
    server = await startInProcess();
    relay = await startRelay(server.url);
    created = await createSession(server.url, { scenario: "estonia-2007", seed: 4, timers: SLOW });
    council = server.registry.running(created.code) as CouncilSession;
    facilitator = await Peer.join(server.url, { code: created.code, facilitatorToken: created.facilitatorToken });
    projector = await Peer.join(server.url, { code: created.code, projector: true });
    const text = ["Name, Team", ...CLASS].join("\n");
    expect(await facilitator.facilitate({ op: "roster", text, seating: "key" })).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    await relay.close();
    await server.close();
    removeTempDirs();
  });

  it("offers the class list's names on the join screen until each is claimed", async () => {
    const listed = await request(`${server.url}/api/sessions/${created.code}/roster`, "GET");
    expect(listed.body.names).toEqual(["Ann", "Bo", "Cy", "Di", "Eve"]);
  });

  it("seats students by their names, refuses an adviser's act, and removes and blocks people", async () => {
    const ann = await join("Ann", 1);
    const bo = await join("bo", 2, {}, relay.url);
    const cy = await join("Cy", 3);
    expect([ann.seat, bo.seat, cy.seat]).toEqual(["EST", "EST", "LVA"]);
    expect(bo.view?.viewer).toMatchObject({ adviser: true, team: [{ name: "Ann", speaker: true }, { name: "Bo" }] });
    expect((await request(`${server.url}/api/sessions/${created.code}/roster`, "GET")).body.names).toEqual([
      "Di",
      "Eve",
    ]);

    expect(await facilitator.facilitate({ op: "start" })).toMatchObject({ ok: true });
    await ann.when((p) => p.view?.phase === "attribution" || p.view?.phase === "consultation", "attribution");
    const refused = await bo.act({ type: "assistance.request" });
    expect(refused).toMatchObject({ ok: false, reason: expect.stringMatching(/only its speaker, Ann,/) });
    expect(await ann.act({ type: "assistance.request" })).toMatchObject({ ok: true });

    // One device cannot take every seat.
    const many = [];
    for (let i = 0; i < MAX_PER_DEVICE; i++) many.push(await join(`Spam ${i}`, 7));
    expect(await join("Spam more", 7).catch((e: Error) => e.message)).toMatch(/already joined as 4 people/);
    // Removing a person closes their connection; their seat goes back to the AI.
    const spamSeat = many[0]?.seat ?? "";
    const spamId = council.seats.byToken(many[0]?.seatToken ?? "")?.player ?? "";
    expect(await facilitator.facilitate({ op: "remove", player: spamId })).toMatchObject({ ok: true });
    await many[0]?.when((p) => p.left, "the removed person's connection to close");
    expect(many[0]?.left).toBe(REMOVED_CODE);
    expect(stateOf(council.session).humans).not.toContain(spamSeat);

    // Blocking Ann: Bo speaks for Estonia now; Ann's token, her device and a reconnection are refused.
    const annId = council.seats.byToken(ann.seatToken)?.player ?? "";
    expect(await facilitator.facilitate({ op: "block", player: annId })).toMatchObject({ ok: true });
    await ann.when((p) => p.left, "the blocked person's connection to close");
    expect(ann.left).toBe(REMOVED_CODE);
    await bo.when((p) => p.view?.viewer.kind === "player" && !p.view.viewer.adviser, "Bo to speak");
    expect(stateOf(council.session).humans).toContain("EST");
    expect(await refusal("Ann", { seatToken: ann.seatToken })).toMatch(/blocked by the facilitator/);
    expect(await join("Someone else", 1).catch((e: Error) => e.message)).toMatch(/blocked by the facilitator/);

    // Block Bo while his connection is down: the SDK's reconnection is closed, not let back in.
    bo.reconnectAfter(300);
    relay.cut();
    await bo.when((p) => p.drops > 0, "Bo's connection to drop");
    const boId = council.seats.byToken(bo.seatToken)?.player ?? "";
    expect(await facilitator.facilitate({ op: "block", player: boId })).toMatchObject({ ok: true });
    await bo.when((p) => p.left !== null, "Bo's reconnection to be closed", 20_000);
    expect(bo.left).toBe(REMOVED_CODE);
    expect(stateOf(council.session).humans).not.toContain("EST");
    expect(await refusal("Bo", { seatToken: bo.seatToken })).toMatch(/blocked/);

    // Moving Cy into Estonia as an adviser, then the speaker: the team holds the seat again.
    const cyId = council.seats.byToken(cy.seatToken)?.player ?? "";
    expect(await facilitator.facilitate({ op: "assign", player: cyId, ally: "EST", role: "adviser" })).toMatchObject({
      ok: true,
    });
    await cy.when((p) => p.seat === "EST", "Cy in Estonia's seat");
    expect(stateOf(council.session).humans).toContain("EST");
    expect(await cy.act({ type: "assistance.request" })).toMatchObject({ ok: true });
    await join("Zed", 8); // a late joiner, not on the list
    await facilitator.when((p) => p.view?.seq === council.record.events.length, "the latest view");
  });

  it("exports names, seats, teams and wall-clock times of joins and acts to the facilitator only", async () => {
    const reply = await downloadRecord(server.url, created);
    const people = reply.body.people as PeopleRecord;
    const record = parseRecord(reply.body);
    const members = new Map(people.members.map((m) => [m.name, m]));
    expect(members.get("Cy")).toMatchObject({ seat: "EST", role: "speaker", fromClassList: true });
    expect(members.get("Di")).toMatchObject({ joinedAt: null, fromClassList: true });
    expect(members.get("Zed")).toMatchObject({ fromClassList: false });
    expect(members.has("Ann")).toBe(false); // blocked: out of the session, in the timeline
    const kinds = people.timeline.map((t) => `${t.kind}:${t.name}`);
    expect(kinds).toEqual(expect.arrayContaining(["join:Ann", "block:Ann", "remove:Spam 0", "act:Cy", "act:Ann"]));
    const acts = people.timeline.filter((t) => t.kind === "act");
    for (const act of acts) {
      expect(Date.parse(act.at)).toBeGreaterThan(Date.now() - 600_000);
      const event = record.events[act.event ?? -1];
      expect(event?.type).toBe(act.detail);
      expect(event && "by" in event ? event.by : "").toBe(act.seat);
    }
    expect(JSON.stringify(people)).not.toMatch(/device-0|[0-9a-f]{64}/); // no device ids or token hashes

    const env = createEnv(
      bundledScenario("estonia-2007") as NonNullable<ReturnType<typeof bundledScenario>>,
      bundledRoster(),
    );
    expect(stateOf(replayRecord(env, record)).humans).toEqual(stateOf(council.session).humans);
  });

  it("keeps names out of the record to share, the public status, the projector's and students' views", async () => {
    const shared = await request(`${server.url}/api/sessions/${created.code}/record?names=0`, "GET", undefined, {
      authorization: `Bearer ${created.facilitatorToken}`,
    });
    expect(shared.status).toBe(200);
    expect(shared.body).not.toHaveProperty("people");
    const status = await request(`${server.url}/api/sessions/${created.code}`, "GET");
    const cy = await join("Cy again", 9); // a student's view, seated
    const texts = { shared: shared.body, status: status.body, projector: projector.view, student: cy.view };
    for (const [where, body] of Object.entries(texts)) {
      const text = JSON.stringify(body);
      // Only the name of the person speaking for a seat is on the table (the class sees who speaks).
      const speaking = new Set(council.seatStatus().map((s) => s.name));
      for (const name of ALL_NAMES.filter((n) => !speaking.has(n) || where === "shared"))
        expect(text, `${name} in the ${where}`).not.toMatch(new RegExp(`"${name}"`));
    }
    expect(projector.view?.people).toEqual([]);
    expect(facilitator.view?.people.map((p) => p.name)).toEqual(expect.arrayContaining(["Cy", "Di", "Zed"]));
  });
});
