import { getMessageBytes, Protocol } from "@colyseus/core";
import { describe, expect, it } from "vitest";
import { isViewFrame, peekSeq } from "../../src/cli/bench/peekView.ts";

const frame = (message: unknown, type = "view") => getMessageBytes.raw(Protocol.ROOM_DATA, type, message);

describe("peekSeq (the load clients' view reader)", () => {
  it("finds seq past values of every msgpack kind", () => {
    const odd = {
      text: "x".repeat(300),
      long: "y".repeat(70_000),
      bytes: new Uint8Array(300),
      numbers: [0, -1, -33, 127, 128, 255, 256, 65_535, 65_536, -129, -40_000, 2 ** 40, 1.5, Number.MAX_VALUE],
      flags: [true, false, null, undefined],
      nested: { list: Array.from({ length: 70 }, (_, i) => ({ i })), empty: {} },
    };
    for (const seq of [0, 5, 127, 128, 300, 70_000])
      expect(peekSeq(frame({ code: "ABCDEF", odd, state: odd, seq, phase: "consultation" }))).toBe(seq);
  });

  it("tells views from other messages", () => {
    const view = { code: "ABCDEF", seq: 3 };
    expect(isViewFrame(frame(view))).toBe(true);
    expect(isViewFrame(frame(view, "result"))).toBe(false);
    expect(isViewFrame(frame(view, "views"))).toBe(false);
  });
});
