/**
 * Corridor talks between delegations people play: a message opens a thread (for the usual capital), the other
 * side writes back for free, and nothing is read from a person's mind. Every check is one rule of the thread.
 */
import { describe, expect, it } from "vitest";
import { nextSystemEvent } from "../../src/sim/autopilot.ts";
import { OFFER_COST } from "../../src/sim/negotiation.ts";
import { newRecord, parseRecord, replayRecord } from "../../src/sim/record.ts";
import { applyEvent, createSession, phaseOf, type Session, stateHash, stateOf } from "../../src/sim/session.ts";
import { redactState } from "../../src/sim/views.ts";
import { ok, refused, until } from "../support/drive.ts";
import { envOf } from "../support/fixtures.ts";

const e = envOf("estonia-2007");
/** Estonia and Latvia played by students, the chair by a third. */
const students = (): Session =>
  until(createSession(e, 4, { role: "EST", chair: "human", humans: ["EST", "LVA"] }), "consultation");

describe("corridor talks between two delegations people play", () => {
  it("open a thread with a message, cost the offer's capital and hear nothing", () => {
    const s = students();
    const before = stateOf(s);
    const after = stateOf(
      ok(
        applyEvent(s, {
          type: "corridor.talk",
          by: "EST",
          with: "LVA",
          offer: "none",
          message: "  Meet at the coffee?  ",
        }),
      ),
    );
    const talk = after.talks[after.talks.length - 1];
    expect(talk?.heard).toEqual([]);
    expect(talk?.messages).toEqual([{ by: "EST", hour: after.hour, text: "Meet at the coffee?" }]);
    expect(after.capital.EST).toBe((before.capital.EST ?? 0) - OFFER_COST.none);
    // The public log says nothing of it.
    expect(after.log.length).toBe(before.log.length);
  });

  it("let either side write back in the same thread for free, without game time", () => {
    let s = ok(applyEvent(students(), { type: "corridor.talk", by: "EST", with: "LVA", offer: "none", message: "Hi" }));
    const before = stateOf(s);
    s = ok(applyEvent(s, { type: "corridor.reply", by: "LVA", to: "EST", text: "Hello <b>EST</b>" }));
    s = ok(applyEvent(s, { type: "corridor.reply", by: "EST", to: "LVA", text: "Deal." }));
    const after = stateOf(s);
    expect(after.talks.length).toBe(before.talks.length);
    expect(after.talks[after.talks.length - 1]?.messages?.map((m) => [m.by, m.text])).toEqual([
      ["EST", "Hi"],
      ["LVA", "Hello <b>EST</b>"],
      ["EST", "Deal."],
    ]);
    expect(after.capital).toEqual(before.capital);
    expect(after.hour).toBe(before.hour);
  });

  it("reach only the two parties and the facilitator", () => {
    let s = ok(applyEvent(students(), { type: "corridor.talk", by: "EST", with: "LVA", offer: "none", message: "Hi" }));
    s = ok(applyEvent(s, { type: "corridor.reply", by: "LVA", to: "EST", text: "Secret" }));
    const full = stateOf(s);
    for (const seat of ["EST", "LVA", "facilitator"] as const)
      expect(
        redactState(full, seat)
          .talks.flatMap((t) => t.messages ?? [])
          .map((m) => m.text),
      ).toEqual(["Hi", "Secret"]);
    for (const other of ["chair", "LTU", "public"] as const) expect(redactState(full, other).talks).toEqual([]);
  });

  it("work between the chair and a delegate, both ways", () => {
    let s = ok(
      applyEvent(students(), {
        type: "corridor.talk",
        by: "chair",
        with: "LVA",
        offer: "none",
        message: "Can you live with sanctions?",
      }),
    );
    s = ok(applyEvent(s, { type: "corridor.reply", by: "LVA", to: "chair", text: "Softened, yes." }));
    expect(
      stateOf(s)
        .talks.at(-1)
        ?.messages?.map((m) => m.by),
    ).toEqual(["chair", "LVA"]);
  });

  it("refuse messages to the AI, replies without a thread, empty and over-long text", () => {
    const s = students();
    expect(
      refused(applyEvent(s, { type: "corridor.talk", by: "EST", with: "LTU", offer: "none", message: "Hi" })),
    ).toMatch(/played by the AI/);
    expect(refused(applyEvent(s, { type: "corridor.reply", by: "EST", to: "LVA", text: "Hi" }))).toMatch(
      /open talks first/,
    );
    expect(refused(applyEvent(s, { type: "corridor.reply", by: "EST", to: "LTU", text: "Hi" }))).toMatch(/AI/);
    expect(refused(applyEvent(s, { type: "corridor.reply", by: "EST", to: "EST", text: "Hi" }))).toMatch(/itself/);
    expect(
      refused(applyEvent(s, { type: "corridor.talk", by: "EST", with: "LVA", offer: "none", message: "   " })),
    ).toMatch(/write a message/);
    expect(
      refused(
        applyEvent(s, { type: "corridor.talk", by: "EST", with: "LVA", offer: "none", message: "x".repeat(281) }),
      ),
    ).toMatch(/message/);
  });

  it("replay from the record to the same state hash (messages are events like any other)", () => {
    const seats = { role: "EST", chair: "human", humans: ["EST", "LVA"] } as const;
    const record = newRecord(e, 4, { ...seats, humans: [...seats.humans] });
    let s = createSession(e, 4, { ...seats, humans: [...seats.humans] });
    const play = (event: unknown) => {
      const r = applyEvent(s, event);
      s = ok(r);
      if (r.ok) record.events.push(r.event);
    };
    while (phaseOf(s) !== "consultation") play(nextSystemEvent(s));
    play({ type: "corridor.talk", by: "EST", with: "LVA", offer: "reassurance", message: "Hi" });
    play({ type: "corridor.reply", by: "LVA", to: "EST", text: "Yes" });
    const again = replayRecord(e, parseRecord(JSON.parse(JSON.stringify(record))));
    expect(stateHash(again)).toBe(stateHash(s));
    expect(stateOf(again).talks.at(-1)?.messages?.length).toBe(2);
  });
});
