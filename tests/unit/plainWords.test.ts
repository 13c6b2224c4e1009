/**
 * Issue 9's leftovers in words: counts with the right plural on the facilitator's console, and long lists of
 * names summarised for the projector.
 */
import { describe, expect, it } from "vitest";
import { namesSummary, seatsLine } from "../../src/ui/words.ts";

describe("counts and names in sentences", () => {
  it("says how many seats the AI plays with the right plural", () => {
    expect(seatsLine(25, 0, 26)).toBe("25 people seated · 0 waiting · the AI plays 1 seat.");
    expect(seatsLine(1, 2, 26)).toBe("1 person seated · 2 waiting · the AI plays 25 seats.");
    expect(seatsLine(26, 0, 26)).toMatch(/plays 0 seats\.$/);
  });

  it("names up to three allies and summarises the rest", () => {
    expect(namesSummary(["Hungary"])).toBe("Hungary");
    expect(namesSummary(["Hungary", "Türkiye"])).toBe("Hungary and Türkiye");
    expect(namesSummary(["Hungary", "Türkiye", "Italy"])).toBe("Hungary, Türkiye and Italy");
    expect(namesSummary(["Hungary", "Türkiye", "Italy", "Greece", "Spain"])).toBe("Hungary, Türkiye and 3 others");
    expect(namesSummary(["A", "B", "C", "D"])).toBe("A, B and 2 others");
  });
});
