/** The soak's counting: acknowledged events looked for in a record within their windows, and seats kept. */
import { describe, expect, it } from "vitest";
import { type Acknowledged, lostEvents, seatingOf, seatsKept } from "../../src/cli/bench/soakCount.ts";

const record = [
  { type: "session.start", by: "system" },
  { type: "intel.share", by: "EST" },
  { type: "consultation.statement", by: "EST", text: "first" },
  { type: "intel.share", by: "LVA" },
  { type: "facilitator.note", by: "system", text: "note 1" },
  { type: "consultation.statement", by: "EST", text: "second" },
];

describe("lostEvents", () => {
  it("finds every acknowledged event inside its window", () => {
    const acks: Acknowledged[] = [
      { by: "EST", type: "intel.share", from: 0, to: 2 },
      { by: "EST", type: "consultation.statement", from: 1, to: 6, text: "second" },
      { by: "EST", type: "consultation.statement", from: 2, to: 3, text: "first" },
      { by: "system", type: "facilitator.note", from: 3, to: 5, text: "note 1" },
      { by: "LVA", type: "intel.share", from: 3, to: 4 },
    ];
    expect(lostEvents(acks, record)).toEqual([]);
  });

  it("counts an event missing from the record, one outside its window, and words that differ", () => {
    const missing = { by: "LTU", type: "intel.share", from: 0, to: 6 };
    const early = { by: "LVA", type: "intel.share", from: 4, to: 6 }; // LVA's share is at 3
    const words = { by: "EST", type: "consultation.statement", from: 0, to: 6, text: "third" };
    const found = { by: "EST", type: "intel.share", from: 1, to: 2 };
    expect(lostEvents([missing, early, words, found], record)).toEqual([missing, early, words]);
  });

  it("lets one record event answer one acknowledgement only", () => {
    const twice = { by: "EST", type: "intel.share", from: 0, to: 6 };
    expect(lostEvents([twice, { ...twice }], record)).toHaveLength(1);
    // Narrow windows are matched first, so a wide one does not take the only event a narrow one can use.
    const wide = { by: "EST", type: "consultation.statement", from: 0, to: 6 };
    const narrow = { by: "EST", type: "consultation.statement", from: 2, to: 3 };
    expect(lostEvents([wide, narrow], record)).toEqual([]);
  });

  it("never reads past the end of a shorter record (the server lost its tail)", () => {
    const last = { by: "EST", type: "consultation.statement", from: 5, to: 6, text: "second" };
    expect(lostEvents([last], record.slice(0, 5))).toEqual([last]);
  });
});

describe("seatsKept", () => {
  it("counts delegates in the seat they started in, by name", () => {
    const start = seatingOf([
      { ally: "EST", name: "Ann" },
      { ally: "LVA", name: "Bo" },
      { ally: "LTU", name: "" },
      { ally: "POL", name: "Cy" },
    ]);
    expect(start.size).toBe(3);
    const end = seatingOf([
      { ally: "EST", name: "Ann" },
      { ally: "LVA", name: "" },
      { ally: "LTU", name: "Bo" },
    ]);
    expect(seatsKept(start, end)).toEqual({ kept: 1, of: 3 });
  });
});
