/**
 * A pasted class list in a networked session: key roles first (read from each scenario's data), at random
 * (the same session seats the same way), by hand; teams of two to four with one speaker; students claiming
 * their names; late joiners; an adviser who sees the delegation's private view but cannot act.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Seating, Viewer } from "../../src/net/protocol.ts";
import type { CouncilSession } from "../../src/server/councilSession.ts";
import type { Clock } from "../../src/server/pacer.ts";
import { Registry } from "../../src/server/registry.ts";
import { keyRoleOrder } from "../../src/server/seating.ts";
import type { Player } from "../../src/server/seats.ts";
import { Store } from "../../src/server/store.ts";
import { bundledRoster, bundledScenario, SCENARIO_IDS } from "../../src/sim/catalog.ts";
import { createEnv, stateOf } from "../../src/sim/session.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const stillClock: Clock = { now: () => 1_800_000_000_000, set: () => 0, clear: () => {} };

function openRegistry(): Registry {
  const dir = mkdtempSync(join(tmpdir(), "cbc-roster-"));
  dirs.push(dir);
  return new Registry({ store: new Store(dir), clock: stillClock, owner: "local" });
}

function openSession(scenario = "estonia-2007", seed = 5, chair: "ai" | "human" = "ai"): CouncilSession {
  const registry = openRegistry();
  return registry.open(registry.create({ scenario, seed, chair }).code);
}

const names = (n: number) => Array.from({ length: n }, (_, i) => `Student ${String(i + 1).padStart(2, "0")}`);

function seatClass(council: CouncilSession, text: string, seating: Seating, teamSize?: number): void {
  expect(council.facilitate({ op: "roster", text, seating, ...(teamSize ? { teamSize } : {}) })).toEqual({ ok: true });
}

/** Where each name on the list is planned: "EST", "EST+" (adviser) or "-" (no seat). */
function plan(council: CouncilSession): Map<string, string> {
  return new Map(
    council.people.status().map((p) => [p.name, p.seat ? `${p.seat}${p.adviser ? "+" : ""}` : "-"] as const),
  );
}

function joinAs(council: CouncilSession, name: string, device = ""): Player {
  const joined = council.join(name, undefined, device);
  if ("reason" in joined) throw new Error(joined.reason);
  return joined.player;
}

describe("key roles first", () => {
  it.each(SCENARIO_IDS)("%s: role cards first, then the allies its injects hit, then the others", (id) => {
    const scenario = bundledScenario(id);
    if (!scenario) throw new Error(id);
    const env = createEnv(scenario, bundledRoster());
    const order = keyRoleOrder(env, false);
    const cards = Object.keys(scenario.roleCards);
    expect(order.slice(0, cards.length)).toEqual(cards);
    const hit = [...new Set(scenario.injects.flatMap((i) => i.targets))].filter((c) => !cards.includes(c));
    expect(order.slice(cards.length, cards.length + hit.length)).toEqual(hit);
    expect([...order].sort()).toEqual(env.profiles.map((p) => p.code).sort());
    expect(keyRoleOrder(env, true)[0]).toBe("chair");
  });

  it("seats a class of four at the scenario's key roles, not the first allies of the alphabet", () => {
    const council = openSession("estonia-2007");
    seatClass(council, names(4).join("\n"), "key");
    const cards = Object.keys(bundledScenario("estonia-2007")?.roleCards ?? {});
    expect([...plan(council).values()]).toEqual(cards);
    // Nobody plays yet: the AI keeps the seats until the students join.
    expect(stateOf(council.session).humans).toEqual([]);
  });

  it("gives a newcomer without a list the next key seat, not Belgium", () => {
    const council = openSession("notpetya-2017");
    const first = joinAs(council, "Ann");
    expect(first.seat).toBe(Object.keys(bundledScenario("notpetya-2017")?.roleCards ?? {})[0]);
    expect(first.seat).not.toBe("BEL");
  });
});

describe("at random", () => {
  it("is the same for the same session (reopened from its store) and differs between sessions", () => {
    const registry = openRegistry();
    const { code } = registry.create({ scenario: "control-article-5", seed: 3 });
    const council = registry.open(code);
    seatClass(council, names(12).join("\n"), "random");
    const first = plan(council);
    expect(new Set(first.values()).size).toBe(12);
    seatClass(council, names(12).join("\n"), "random"); // pasted again: the same seats
    expect(plan(council)).toEqual(first);
    registry.close(code);
    const again = registry.open(code);
    expect(plan(again)).toEqual(first);
    expect(again.people.seating).toBe("random");

    const others = [1, 2, 3].map((seed) => {
      const other = openSession("control-article-5", seed);
      seatClass(other, names(12).join("\n"), "random");
      return [...plan(other).values()].join();
    });
    expect(others.some((o) => o !== [...first.values()].join())).toBe(true);
    const key = openSession("control-article-5", 3);
    seatClass(key, names(12).join("\n"), "key");
    expect([...plan(key).values()].join()).not.toBe([...first.values()].join());
  });
});

describe("teams", () => {
  it("forms teams from the list's own labels and allies, and adds advisers when the class outnumbers the seats", () => {
    const council = openSession("estonia-2007", 5, "human");
    seatClass(
      council,
      ["Name, Team", "Ann, Estonia", "Bo, EST", "Cy, Team Red", "Di, team red", "Ed, Secretary General", "Flo"].join(
        "\n",
      ),
      "key",
    );
    const p = plan(council);
    expect([p.get("Ann"), p.get("Bo"), p.get("Ed")]).toEqual(["EST", "EST+", "chair"]);
    expect(p.get("Cy")).toBe("LVA"); // the next key seat after the chair and Estonia
    expect(p.get("Di")).toBe("LVA+");
    expect(p.get("Flo")).toBe("USA");

    const big = openSession("estonia-2007");
    seatClass(big, names(35).join("\n"), "key");
    const seats = [...plan(big).values()];
    expect(seats.filter((s) => !s.endsWith("+"))).toHaveLength(26);
    const advised = seats.filter((s) => s.endsWith("+")).map((s) => s.slice(0, 3));
    const env = createEnv(
      bundledScenario("estonia-2007") as NonNullable<ReturnType<typeof bundledScenario>>,
      bundledRoster(),
    );
    expect(advised).toEqual(keyRoleOrder(env, false).slice(0, 9));

    const pairs = openSession("estonia-2007");
    seatClass(pairs, names(8).join("\n"), "key", 2);
    expect([...plan(pairs).values()]).toEqual(["EST", "EST+", "LVA", "LVA+", "USA", "USA+", "DEU", "DEU+"]);
  });

  it("lets the speaker act and refuses an adviser with a reason, who still sees the delegation's private view", () => {
    const council = openSession("estonia-2007");
    seatClass(council, "Ann, EST\nBo, EST", "key");
    const bo = joinAs(council, "bo"); // claims the name however it is typed; the speaker is not here yet
    expect([bo.seat, bo.adviser]).toEqual(["EST", false]);
    const ann = joinAs(council, "Ann");
    expect([ann.seat, ann.adviser]).toEqual(["EST", true]); // Bo came first and speaks
    expect(stateOf(council.session).humans).toEqual(["EST"]);
    expect(council.facilitate({ op: "speaker", player: ann.player })).toEqual({ ok: true });
    expect([ann.adviser, bo.adviser]).toEqual([false, true]);
    council.facilitate({ op: "start" });
    while (council.phase === "incident") council.facilitate({ op: "advance" });
    const refused = council.act(bo, { type: "assistance.request" });
    expect(refused).toEqual({
      ok: false,
      reason: "you advise this delegation; only its speaker, Ann, can act for the seat",
    });
    expect(council.act(bo, { type: "assistance.request", by: "LVA" })).toMatchObject({ ok: false });
    expect(council.act(ann, { type: "assistance.request" })).toEqual({ ok: true });

    const viewer = (p: Player): Viewer => ({
      kind: "player",
      player: p.player,
      name: p.name,
      seat: p.seat,
      seatToken: "t",
    });
    const full = stateOf(council.session).allies.find((a) => a.code === "EST");
    const advisersView = council.view(viewer(bo), 0).state.allies.find((a) => a.code === "EST");
    expect(advisersView).toEqual(full); // the dossier's private reading, as the speaker sees it
    expect(council.view(viewer(bo), 0).state.capital).toEqual({ EST: stateOf(council.session).capital.EST });
    expect(council.people.teamOf(bo)?.map((m) => `${m.name}:${m.speaker}`)).toEqual(["Ann:true", "Bo:false"]);
    const projector = council.view({ kind: "projector" }, 0);
    expect(projector.seats.find((s) => s.ally === "EST")).toMatchObject({ name: "Ann", advisers: 1 });
    expect(JSON.stringify(projector)).not.toContain("Bo");
  });

  it("puts a late joiner at the next free key seat, then in the smallest team", () => {
    const council = openSession("estonia-2007");
    seatClass(council, names(26).join("\n"), "key");
    for (const name of names(26)) joinAs(council, name);
    expect(stateOf(council.session).humans).toHaveLength(26);
    const late = [joinAs(council, "Late 1"), joinAs(council, "Late 2")];
    expect(late.map((p) => `${p.seat}${p.adviser ? "+" : ""}`)).toEqual(["EST+", "LVA+"]);
  });

  it("seats the class by hand: names wait unseated until the facilitator gives each a seat", () => {
    const council = openSession("estonia-2007");
    seatClass(council, "Ann\nBo, LVA", "hand");
    expect(plan(council)).toEqual(
      new Map([
        ["Bo", "LVA"],
        ["Ann", "-"],
      ]),
    );
    const ann = council.people.status().find((p) => p.name === "Ann");
    expect(council.facilitate({ op: "assign", player: ann?.player ?? "", ally: "DEU" })).toEqual({ ok: true });
    expect(joinAs(council, "Ann").seat).toBe("DEU");
  });
});
