/**
 * Deterministic exp, ln, log10 and pow for the simulation core. ECMAScript leaves Math.exp, Math.log, Math.pow
 * and `**` implementation-approximated, and Chromium and Node do round them differently, so a record replayed
 * elsewhere would drift in the last bit. These use only + - * / and comparisons, which IEEE 754 rounds
 * correctly, so every conforming engine computes the same bits. Accuracy: about 1 ulp (pow: see there).
 * Constants are written with at most 17 significant digits, which the language parses exactly, or are the
 * correctly rounded Math.SQRT2, Math.LOG2E and Math.LOG10E.
 */

const LN2_HI = 0.6931471803691238; // ln 2 to 32 bits: k * LN2_HI is exact for |k| < 2^21
const LN2_LO = 1.9082149292705877e-10; // ln 2 - LN2_HI
const INV_LN10_LO = 1.098319650216765e-17; // 1 / ln 10 - Math.LOG10E
const SPLIT = 134217729; // 2^27 + 1, Veltkamp's splitter

/** 2^k for an integer |k| <= 1023, exactly (squaring powers of two is exact). */
function powerOfTwo(k: number): number {
  let base = k < 0 ? 0.5 : 2;
  let result = 1;
  for (let n = Math.abs(k); n > 0; n = Math.floor(n / 2)) {
    if (n % 2 === 1) result *= base;
    base *= base;
  }
  return result;
}

const TWO_1000 = powerOfTwo(1000);
const TWO_M1000 = powerOfTwo(-1000);
const TWO_M450 = powerOfTwo(-450);
const TWO_M900 = powerOfTwo(-900);
const STEPS = [512, 256, 128, 64, 32, 16, 8, 4, 2, 1].map((p) => ({ p, up: powerOfTwo(p), down: powerOfTwo(-p) }));
/** 1/n! for n = 0..17 (n! is exact below 2^53, so each is correctly rounded). */
const INV_FACT: number[] = [];
for (let n = 0, f = 1; n <= 17; n++, f *= n) INV_FACT.push(1 / f);
/** 2/(2j+1) for j = 1..10: the series of 2 artanh(s) = ln((1+s)/(1-s)), less its first term. */
const ARTANH = Array.from({ length: 10 }, (_, j) => 2 / (2 * j + 3));

/** y * 2^k with a single rounding, for an integer |k| <= 2100. */
function scale(y: number, k: number): number {
  if (k > 1000) return y * TWO_1000 * powerOfTwo(k - 1000);
  if (k < -1000) return y * TWO_M1000 * powerOfTwo(k + 1000);
  return y * powerOfTwo(k);
}

/** a * b as an unevaluated sum hi + lo, exactly (Dekker); |a * b| must stay well below 2^996. */
function twoProduct(a: number, b: number): [number, number] {
  const hi = a * b;
  const ca = SPLIT * a;
  const ah = ca - (ca - a);
  const al = a - ah;
  const cb = SPLIT * b;
  const bh = cb - (cb - b);
  const bl = b - bh;
  return [hi, ah * bh - hi + ah * bl + al * bh + al * bl];
}

/** e^(hi + lo) for a small tail lo: range reduction by ln 2, then Taylor's series on |r| <= 0.35. */
function expSum(hi: number, lo: number): number {
  if (Number.isNaN(hi)) return Number.NaN;
  if (hi > 710) return Number.POSITIVE_INFINITY;
  if (hi < -746) return 0;
  const k = Math.floor(hi * Math.LOG2E + 0.5);
  // twoSum(hi - k * LN2_HI, lo - k * LN2_LO) written out (hi - k * LN2_HI is exact): no array on this hot path.
  const a = hi - k * LN2_HI;
  const b = lo - k * LN2_LO;
  const r = a + b;
  const bv = r - a;
  const rLo = a - (r - bv) + (b - bv);
  let p = INV_FACT[17] ?? 0;
  for (let n = 16; n >= 2; n--) p = p * r + (INV_FACT[n] ?? 0);
  const one = 1 + r;
  return scale(one + (1 - one + r + (rLo + rLo * r + r * r * p)), k); // 1 - one + r: the rounding of 1 + r
}

/** ln x as hi + lo with |lo| <= ulp(hi) / 2, for finite x > 0. */
function lnSum(x: number): [number, number] {
  // x = m * 2^k with m in [1/sqrt 2, sqrt 2], by exact scaling.
  let m = x;
  let k = 0;
  if (m < TWO_M1000) {
    m *= TWO_1000;
    k = -1000;
  }
  for (const { p, up, down } of STEPS) {
    if (m >= up) {
      m *= down;
      k += p;
    } else if (m < 2 * down) {
      m *= up;
      k -= p;
    }
  }
  if (m > Math.SQRT2) {
    m *= 0.5;
    k += 1;
  }
  // ln m = 2 artanh(s) with s = f / (2 + f) = f - f^2/2 + s (f^2/2 + R): only the last, small term is rounded.
  const f = m - 1; // exact
  const s = f / (2 + f);
  const z = s * s;
  let series = ARTANH[9] ?? 0;
  for (let j = 8; j >= 0; j--) series = series * z + (ARTANH[j] ?? 0);
  const [ff, ffLo] = twoProduct(f, f);
  const half = 0.5 * ff; // f^2/2 = half + 0.5 * ffLo, exactly
  const a = k * LN2_HI; // exact
  const sum1 = a + f; // |a| >= |f| when k != 0, so f - (sum1 - a) is its rounding (twice below)
  const hi = sum1 - half;
  const lo = f - (sum1 - a) + (sum1 - hi - half) + (k * LN2_LO - 0.5 * ffLo + s * (half + z * series));
  const sum = hi + lo;
  return [sum, lo - (sum - hi)];
}

/** e^x. Pure; bit-identical on every conforming JavaScript engine; within about 1 ulp. */
export function exp(x: number): number {
  return expSum(x, 0);
}

/** The natural logarithm. Pure; bit-identical on every conforming JavaScript engine; within about 1 ulp. */
export function ln(x: number): number {
  if (!(x > 0)) return x === 0 ? Number.NEGATIVE_INFINITY : Number.NaN;
  if (x === Number.POSITIVE_INFINITY) return x;
  const [hi, lo] = lnSum(x);
  return hi + lo;
}

/** The base-10 logarithm. Pure; bit-identical on every conforming JavaScript engine; within about 1 ulp. */
export function log10(x: number): number {
  if (!(x > 0)) return x === 0 ? Number.NEGATIVE_INFINITY : Number.NaN;
  if (x === Number.POSITIVE_INFINITY) return x;
  const [hi, lo] = lnSum(x);
  const [p, e] = twoProduct(hi, Math.LOG10E);
  return p + (e + lo * Math.LOG10E + hi * INV_LN10_LO);
}

/** An odd integer (every double from 2^53 on is even). */
const isOddInteger = (y: number) => y % 2 === 1 || y % 2 === -1;

/** True when a * b rounds to nothing (well inside the normal range, where Dekker's product is exact). */
const exactProduct = (a: number, b: number) => twoProduct(a, b)[1] === 0;

/**
 * x^n for an integer 0 < |n| <= 1024 when repeated squaring computes it without a single rounding (2 ** 10,
 * 10 ** 15, 0.5 ** -3); otherwise null. Near underflow Dekker's test is unsound, so it gives up below 2^-900
 * (an overflow shows up as a NaN error term, so also null).
 */
function exactPower(x: number, n: number): number | null {
  let base = x;
  let result = 1;
  for (let m = Math.abs(n); ; ) {
    if (m % 2 === 1) {
      if (!exactProduct(result, base)) return null;
      result *= base;
    }
    m = Math.floor(m / 2);
    if (m === 0) break;
    if (!(Math.abs(base) > TWO_M450 && exactProduct(base, base))) return null;
    base *= base;
  }
  if (!(Math.abs(result) > TWO_M900)) return null;
  if (n > 0) return result;
  const inverse = 1 / result;
  return exactProduct(inverse, result) && inverse * result === 1 ? inverse : null;
}

/** a^y for finite a > 0, a != 1 and finite y: e^(y ln a) with ln a and the product carried in double-double. */
function powPositive(a: number, y: number): number {
  const [hi, lo] = lnSum(a);
  if (!(Math.abs(y * hi) < 1000)) return expSum(y * hi, 0); // overflows or underflows
  const [p, e] = twoProduct(y, hi);
  return expSum(p, e + y * lo);
}

/**
 * base ** exponent, with every special case of ECMAScript's Number::exponentiate. Pure; bit-identical on every
 * conforming JavaScript engine. Exact whenever repeated squaring is (2 ** 10, 10 ** 15, 0.5 ** -3); otherwise
 * e^(exponent ln base) in double-double: within 1 ulp for |exponent| <= 20, and about |exponent| / 40 ulp beyond.
 */
export function pow(base: number, exponent: number): number {
  if (Number.isNaN(exponent)) return Number.NaN;
  if (exponent === 0) return 1;
  if (Number.isNaN(base)) return Number.NaN;
  const odd = isOddInteger(exponent);
  const a = Math.abs(base);
  if (a === 0 || a === Number.POSITIVE_INFINITY) {
    const negative = base < 0 || 1 / base < 0; // -Infinity or -0
    const magnitude = (a === 0) === exponent < 0 ? Number.POSITIVE_INFINITY : 0;
    return negative && odd ? -magnitude : magnitude;
  }
  if (exponent === Number.POSITIVE_INFINITY || exponent === Number.NEGATIVE_INFINITY) {
    if (a === 1) return Number.NaN;
    return a > 1 === exponent > 0 ? Number.POSITIVE_INFINITY : 0;
  }
  if (Math.floor(exponent) !== exponent) {
    if (base < 0) return Number.NaN;
  } else if (Math.abs(exponent) <= 1024) {
    const exact = exactPower(base, exponent);
    if (exact !== null) return exact;
  }
  const magnitude = a === 1 ? 1 : powPositive(a, exponent);
  return base < 0 && odd ? -magnitude : magnitude;
}
