/**
 * The deterministic elementary functions: as accurate as Math.* (seeded comparisons), exactly the same bits as
 * when they were written (golden bit patterns: a change of algorithm changes replays, so it must be deliberate),
 * and the special cases of ECMAScript's Math.exp, Math.log, Math.log10 and `**`.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exp, ln, log10, pow } from "../../src/sim/detMath.ts";

const SEED = 20070427;
const RUNS = 3000;
const EPS = 2 ** -52;
/** Both sides are within about 0.8 ulp of the exact value, so they may differ by 2 ulp; subnormals by 2 steps. */
const TOLERANCE = 2 * EPS;

function close(actual: number, expected: number, tolerance = TOLERANCE): boolean {
  if (Object.is(actual, expected)) return true;
  return Math.abs(actual - expected) <= tolerance * Math.abs(expected) + 2 * Number.MIN_VALUE;
}

function bits(x: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  return view.getBigUint64(0).toString(16).padStart(16, "0");
}

/** Asserts `ours(x) ≈ reference(x)` for every generated x, seeded. */
function agrees<T>(arb: fc.Arbitrary<T>, check: (value: T) => boolean): void {
  fc.assert(fc.property(arb, check), { seed: SEED, numRuns: RUNS });
}

/** Every positive double, each binade as likely as the next. */
const positive = fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true, noDefaultInfinity: true });
/** Uniform on [lo, hi] (fc.double favours values near 0). */
const uniform = (lo: number, hi: number) =>
  fc.integer({ min: 0, max: 2 ** 40 }).map((i) => lo + ((hi - lo) * i) / 2 ** 40);

describe("accuracy against Math (seeded)", () => {
  it("exp over its whole range and near 0", () => {
    agrees(uniform(-746, 710), (x) => close(exp(x), Math.exp(x)));
    agrees(fc.double({ min: -1, max: 1, noNaN: true }), (x) => close(exp(x), Math.exp(x)));
  });

  it("ln and log10 over every positive double, and near 1", () => {
    agrees(positive, (x) => close(ln(x), Math.log(x)) && close(log10(x), Math.log10(x)));
    agrees(uniform(0.99, 1.01), (x) => close(ln(x), Math.log(x)));
  });

  it("pow with moderate exponents, as the engine uses it (harm decaying over days)", () => {
    agrees(fc.tuple(positive, uniform(-20, 20)), ([x, y]) => close(pow(x, y), x ** y));
    agrees(uniform(0, 400), (days) => close(pow(0.97, days), 0.97 ** days));
  });

  it("pow with integer exponents and negative bases", () => {
    agrees(fc.tuple(uniform(-100, 100), fc.integer({ min: -40, max: 40 })), ([x, n]) =>
      close(pow(x, n), x ** n, 4 * EPS),
    );
  });

  it("pow with large exponents loses about |exponent| / 40 ulp", () => {
    agrees(fc.tuple(uniform(0.5, 2), uniform(-1000, 1000)), ([x, y]) =>
      close(pow(x, y), x ** y, (2 + Math.abs(y) / 30) * EPS),
    );
  });
});

describe("golden bit patterns (each the correctly rounded result)", () => {
  it.each([
    ["exp(1)", exp(1), "4005bf0a8b145769"],
    ["exp(-0.5)", exp(-0.5), "3fe368b2fc6f960a"],
    ["exp(0.3465)", exp(0.3465), "3ff6a03146cf6ead"],
    ["exp(-6 * 0.123)", exp(-6 * 0.123), "3fde98af218452cd"],
    ["exp(700)", exp(700), "7f0d945df4f8ec8e"],
    ["exp(-740)", exp(-740), "0000000000000055"],
    ["ln(2)", ln(2), "3fe62e42fefa39ef"],
    ["ln(0.97)", ln(0.97), "bf9f30b2d0091d8a"],
    ["ln(0.275)", ln(0.275), "bff4a7df07667582"],
    ["ln(1e-300)", ln(1e-300), "c085963447f87fb5"],
    ["ln(1.0000001)", ln(1.0000001), "3e7ad7f2847b6492"],
    ["log10(2)", log10(2), "3fd34413509f79ff"],
    ["log10(38.5)", log10(38.5), "3ff95e0c11e54d0e"],
    ["log10(1234.5)", log10(1234.5), "4008bb5faece0c80"],
    ["pow(0.97, 2.5)", pow(0.97, 2.5), "3feda75ac8462007"],
    ["pow(0.97, 17 / 24)", pow(0.97, 17 / 24), "3fef5125fce60419"],
    ["pow(0.97, 30)", pow(0.97, 30), "3fd9aa198d36e46c"],
    ["pow(10, -5)", pow(10, -5), "3ee4f8b588e368f1"],
    ["pow(1.1, 64.5)", pow(1.1, 64.5), "407d38cd611a5bec"],
    ["pow(-3, 5)", pow(-3, 5), "c06e600000000000"],
  ])("%s", (_name, value, hex) => {
    expect(bits(value)).toBe(hex);
  });
});

describe("special cases", () => {
  const { POSITIVE_INFINITY: inf, NEGATIVE_INFINITY: ninf, MAX_VALUE: max, MIN_VALUE: min } = Number;

  it.each([
    [NaN, NaN],
    [inf, inf],
    [ninf, 0],
    [0, 1],
    [-0, 1],
    [710, inf],
    [-746, 0],
    [-745.1332191019411, min],
    [709.782712893384, 1.7976931348622732e308],
  ])("exp(%d) is %d", (x, expected) => {
    expect(exp(x)).toBe(expected);
  });

  it.each([
    [NaN, NaN, NaN],
    [-1, NaN, NaN],
    [ninf, NaN, NaN],
    [0, ninf, ninf],
    [-0, ninf, ninf],
    [inf, inf, inf],
    [1, 0, 0],
    [min, -744.4400719213812, -323.3062153431158],
    [max, 709.782712893384, 308.25471555991675],
  ])("ln(%d) is %d and log10 %d", (x, natural, decimal) => {
    expect(ln(x)).toBe(natural);
    expect(log10(x)).toBe(decimal);
  });

  it("log10 of a power of ten is its exponent, exactly", () => {
    for (let k = -307; k <= 308; k++) expect(log10(Number(`1e${k}`)), `1e${k}`).toBe(k);
  });

  it("pow is exact when repeated squaring is: powers of two and small powers of ten, x^1", () => {
    for (let k = -1074; k <= 1023; k++) expect(pow(2, k), `2^${k}`).toBe(2 ** k);
    for (let k = 0; k <= 22; k++) expect(pow(10, k), `10^${k}`).toBe(Number(`1e${k}`));
    for (const x of [0.1, -7.25, 1e300, -1e-300, min, max]) expect(pow(x, 1)).toBe(x);
    expect(pow(0.5, -3)).toBe(8);
  });

  it("pow follows Number::exponentiate on every special value", () => {
    const specials = [
      NaN,
      0,
      -0,
      1,
      -1,
      2,
      -2,
      0.5,
      -0.5,
      3,
      -3,
      inf,
      ninf,
      max,
      -max,
      min,
      -min,
      2 ** 53,
      2 ** 53 + 2,
    ];
    for (const x of specials)
      for (const y of specials)
        expect(close(pow(x, y), x ** y), `pow(${Object.is(x, -0) ? "-0" : x}, ${Object.is(y, -0) ? "-0" : y})`).toBe(
          true,
        );
    expect(Object.is(pow(-0, 3), -0)).toBe(true);
    expect(Object.is(pow(ninf, -3), -0)).toBe(true);
    expect(pow(-8, 1 / 3)).toBeNaN(); // a negative base and a fractional exponent
    expect(pow(1, inf)).toBeNaN(); // unlike C's pow
    expect(pow(NaN, 0)).toBe(1);
  });
});
