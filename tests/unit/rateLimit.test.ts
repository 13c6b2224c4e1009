import { describe, expect, it } from "vitest";
import { RateLimiter } from "../../src/server/rateLimit.ts";

function limiter(burst: number, perSecond: number) {
  const clock = { time: 0 };
  return { clock, limit: new RateLimiter({ burst, perSecond, now: () => clock.time }) };
}
const takeMany = (limit: RateLimiter, key: string, n: number) =>
  Array.from({ length: n }, () => limit.take(key)).filter(Boolean).length;

describe("RateLimiter", () => {
  it("allows a burst, then refuses until tokens refill", () => {
    const { clock, limit } = limiter(5, 2);
    expect(takeMany(limit, "a", 10)).toBe(5);
    clock.time += 499;
    expect(limit.take("a")).toBe(false);
    clock.time += 1;
    expect(limit.take("a")).toBe(true); // 2 per second: one token every 500 ms
    expect(limit.take("a")).toBe(false);
    clock.time += 2000;
    expect(takeMany(limit, "a", 10)).toBe(4);
  });

  it("never refills beyond the burst", () => {
    const { clock, limit } = limiter(3, 10);
    clock.time += 3_600_000;
    expect(takeMany(limit, "a", 10)).toBe(3);
  });

  it("keeps one bucket per key, and forgets a key on request", () => {
    const { limit } = limiter(2, 0.001);
    expect(takeMany(limit, "a", 5)).toBe(2);
    expect(takeMany(limit, "b", 5)).toBe(2);
    expect(limit.take("a")).toBe(false);
    limit.forget("a");
    expect(takeMany(limit, "a", 5)).toBe(2);
  });

  it("sweeps idle buckets when many keys pile up, but not the ones still draining", () => {
    const { clock, limit } = limiter(2, 1);
    expect(takeMany(limit, "flooder", 5)).toBe(2);
    for (let i = 0; i < 10_001; i++) expect(limit.take(`visitor ${i}`)).toBe(true);
    clock.time += 100;
    expect(limit.take("flooder")).toBe(false);
    clock.time += 900;
    expect(limit.take("flooder")).toBe(true);
  });
});
