/**
 * The session API's answers for good requests: a created session's status and record, autoStart, and the
 * per-address limits on creating sessions and looking them up.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GameServer } from "../../src/server/gameServer.ts";
import { parseRecord } from "../../src/sim/record.ts";
import { ENGINE_VERSION } from "../../src/sim/version.ts";
import { createSession, downloadRecord, removeTempDirs, request, startInProcess } from "./harness.ts";

describe("the session API", () => {
  let server: GameServer;
  beforeAll(async () => {
    server = await startInProcess();
  });
  afterAll(async () => {
    await server.close();
    removeTempDirs();
  });

  it("creates a session whose status and empty record anyone with the code, or the token, can read", async () => {
    const reply = await request(`${server.url}/api/sessions`, "POST", { scenario: "notpetya-2017", seed: 9 });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      scenario: "notpetya-2017",
      seed: 9,
      code: expect.stringMatching(/^[A-Z2-9]{6}$/),
    });
    expect(String(reply.body.facilitatorToken).length).toBeGreaterThanOrEqual(32);
    const code = String(reply.body.code);
    const status = await request(`${server.url}/api/sessions/${code.toLowerCase()}`, "GET");
    expect(status).toMatchObject({
      status: 200,
      body: { code, scenario: "notpetya-2017", phase: "briefing", events: 0 },
    });
    const seats = status.body.seats as { ai: boolean; connected: boolean }[];
    expect(seats).toHaveLength(29);
    expect(seats.every((s) => s.ai && !s.connected)).toBe(true);

    const created = { code, facilitatorToken: String(reply.body.facilitatorToken) };
    const record = await downloadRecord(server.url, created);
    expect(parseRecord(record.body)).toMatchObject({ engine: ENGINE_VERSION, seed: 9, events: [] });
    const byHeader = await fetch(`${server.url}/api/sessions/${code}/record`, {
      headers: { authorization: `Bearer ${created.facilitatorToken}` },
    });
    expect(byHeader.headers.get("content-disposition")).toBe(`attachment; filename="case-by-case-${code}.json"`);
    // The token is never read from the address (it would end up in logs and history).
    const byQuery = await fetch(`${server.url}/api/sessions/${code}/record?token=${created.facilitatorToken}`);
    expect(byQuery.status).toBe(404);
  });

  it("starts the session at once with autoStart", async () => {
    const created = await createSession(server.url, { scenario: "estonia-2007", seed: 1, autoStart: true });
    const status = await request(`${server.url}/api/sessions/${created.code}`, "GET");
    expect(status.body.phase).not.toBe("briefing");
    expect(Number(status.body.events)).toBeGreaterThan(0);
  });

  it("limits how fast one address creates sessions and looks them up", async () => {
    const replies = [];
    for (let i = 0; i < 25; i++)
      replies.push(await request(`${server.url}/api/sessions`, "POST", { scenario: "estonia-2007", seed: i }));
    const refused = replies.filter((r) => r.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]?.body.error).toMatch(/too many sessions created/);
    expect(replies.filter((r) => r.status === 201).length).toBeLessThanOrEqual(20);

    const lookups = [];
    for (let i = 0; i < 70; i++) lookups.push((await request(`${server.url}/api/sessions/ABCDEF`, "GET")).status);
    expect(lookups).toContain(404);
    expect(lookups).toContain(429);
  });
});
