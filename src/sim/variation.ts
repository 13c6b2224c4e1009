/**
 * Study variations: one named parameter of a scenario, an ally's profile or a seat, set to a value. Each value
 * gives its own environment (and seat player), so the same seeds can be replayed with only that one thing
 * changed. Every value is checked against the schema that governs it; a problem names the file, the JSON path
 * and the reason. Pure. The parameters are documented in docs/study.md.
 */
import type { Bot } from "./bots/bot.ts";
import { ScenarioError, validateScenario } from "./scenarioLoader.ts";
import { allyParamsSchema, type Roster, type Scenario } from "./scenarioSchema.ts";
import { createEnv } from "./session.ts";
import type { Env, SeatId } from "./state.ts";
import { transformEvidence } from "./variationEvidence.ts";

/** A parameter or value that cannot be varied: the message is one line, naming file, path and reason. */
export class VariationError extends Error {
  override name = "VariationError";
}

/** One value of the varied parameter: the environment to play, and who plays the studied seat (if anyone). */
export interface Variant {
  value: string; // as the user wrote it
  env: Env;
  seat: SeatId | null; // the seat a bot plays (bot.<seat>), else null: AI in every seat
  bot: Bot | null;
}

/** Where a variation's inputs come from, for its error messages. */
export interface VariationSources {
  scenario: Scenario;
  scenarioFile: string; // e.g. scenarios/estonia-2007.json, or the path given
  roster: Roster;
  rosterFile: string; // scenarios/allies.json
  bots: Readonly<Record<string, Bot>>;
}

/** Friendlier names for an ally's thresholds. */
export const ALLY_ALIASES: Readonly<Record<string, string>> = {
  "threshold.article5": "severityThreshold", // the harm it treats as an armed attack
  "threshold.attribution": "attributionThreshold", // the confidence it needs to name a state
};
const SCALAR_KEYS = Object.keys(allyParamsSchema.shape).filter((k) => k !== "instruments");
const INSTRUMENT_KEYS = Object.keys(allyParamsSchema.shape.instruments.shape);

/** Splits "<parameter>=<v1>,<v2>,…" into the parameter and its values. */
export function parseVary(spec: string): { parameter: string; values: string[] } {
  const eq = spec.indexOf("=");
  if (eq <= 0) throw new VariationError(`--vary must look like <parameter>=<v1>,<v2>, got "${spec}"`);
  const parameter = spec.slice(0, eq).trim();
  const values = spec
    .slice(eq + 1)
    .split(",")
    .map((v) => v.trim());
  if (!values.length || values.some((v) => !v)) throw new VariationError(`--vary ${parameter}: a value is empty`);
  const twice = values.find((v, i) => values.indexOf(v) !== i);
  if (twice !== undefined) throw new VariationError(`--vary ${parameter}: the value ${twice} is given twice`);
  return { parameter, values };
}

/** The environments (and seat players) for every value of `parameter`; throws VariationError. */
export function variantsOf(src: VariationSources, parameter: string, values: readonly string[]): Variant[] {
  const [head = "", ...rest] = parameter.split(".");
  if (head === "bot") return botVariants(src, rest.join("."), values);
  if (/^[A-Z]{3}$/.test(head)) return allyVariants(src, head, rest.join("."), values);
  if (parameter === "allies.spread") return values.map((v) => spreadVariant(src, null, v));
  return values.map((value) => ({ value, env: scenarioEnv(src, parameter, value), seat: null, bot: null }));
}

/** The scenario and profiles as written, AI in every seat (a study without a varied parameter). */
export function asWritten(src: VariationSources): Variant {
  return { value: "", env: baseEnv(src), seat: null, bot: null };
}

function baseEnv(src: VariationSources): Env {
  return createEnv(src.scenario, src.roster);
}

function botVariants(src: VariationSources, seatText: string, values: readonly string[]): Variant[] {
  const env = baseEnv(src);
  const seat = seatText.toLowerCase() === "chair" ? "chair" : seatText.toUpperCase();
  if (seat !== "chair" && !env.index.has(seat))
    throw new VariationError(
      `bot.${seatText}: ${seat || "(no seat)"} has no seat in the ${src.scenario.id} Council on ${src.scenario.date}`,
    );
  return values.map((value) => {
    const bot = src.bots[value];
    if (!bot) throw new VariationError(`bot.${seat}: unknown bot "${value}"; built in: ${Object.keys(src.bots)}`);
    return { value, env, seat, bot };
  });
}

function numberOf(text: string, where: string): number {
  const n = Number(text);
  if (text === "" || !Number.isFinite(n)) throw new VariationError(`${where}: "${text}" is not a number`);
  return n;
}

/** `<ALLY>.<field>`: the ally's profile at the scenario's date (after its eras and its adversary ties). */
function allyVariants(src: VariationSources, code: string, field: string, values: readonly string[]): Variant[] {
  const env = baseEnv(src);
  const seat = env.index.get(code);
  const at = src.roster.allies.findIndex((a) => a.code === code);
  if (seat === undefined)
    throw new VariationError(
      `${src.rosterFile}: ${code}: no seat in the ${src.scenario.id} Council on ${src.scenario.date}`,
    );
  if (field === "spread") return values.map((v) => spreadVariant(src, code, v));
  const key = ALLY_ALIASES[field] ?? field;
  const [group, inner] = key.split(".");
  const known = group === "instruments" ? INSTRUMENT_KEYS.includes(inner ?? "") : SCALAR_KEYS.includes(key);
  if (!known)
    throw new VariationError(
      `${src.rosterFile}: $.allies[${at}].params.${key}: unknown ally parameter "${code}.${field}"; known: ${[
        ...SCALAR_KEYS,
        ...INSTRUMENT_KEYS.map((k) => `instruments.${k}`),
        ...Object.keys(ALLY_ALIASES),
        "spread",
      ].join(", ")}`,
    );
  return values.map((value) => {
    const where = `${src.rosterFile}: $.allies[${at}].params.${key}`;
    const v = inUnit(numberOf(value, where), where);
    const means = env.means.map((m, i) => {
      if (i !== seat) return m;
      const next = { ...m, instruments: { ...m.instruments } };
      if (group === "instruments") next.instruments[inner as keyof typeof next.instruments] = v;
      else (next as unknown as Record<string, number>)[key] = v;
      return next;
    });
    return { value, env: { ...env, means }, seat: null, bot: null };
  });
}

function inUnit(v: number, where: string): number {
  if (v < 0 || v > 1) throw new VariationError(`${where}: ${v} is out of range (0 to 1)`);
  return v;
}

/** `<ALLY>.spread` or `allies.spread`: the stated per-seed uncertainty of one ally's parameters, or of all. */
function spreadVariant(src: VariationSources, code: string | null, value: string): Variant {
  const env = baseEnv(src);
  const where = `${src.rosterFile}: ${code ? `$.allies[${src.roster.allies.findIndex((a) => a.code === code)}]` : "$"}.spread`;
  const v = inUnit(numberOf(value, where), where);
  const spreads = env.spreads.map((s, i) => (code === null || env.profiles[i]?.code === code ? v : s));
  return { value, env: { ...env, spreads }, seat: null, bot: null };
}

/** A scenario path (or a derived evidence parameter) set to a value, re-validated like a scenario file. */
function scenarioEnv(src: VariationSources, parameter: string, value: string): Env {
  const data = structuredClone(src.scenario) as unknown as Record<string, unknown>;
  const fail = (message: string): never => {
    throw new VariationError(message);
  };
  if (!transformEvidence(data, parameter, value, src.scenarioFile, numberOf, fail))
    setPath(data, parameter, value, src.scenarioFile);
  try {
    return createEnv(validateScenario(data, src.scenarioFile, src.roster), src.roster);
  } catch (err) {
    if (err instanceof ScenarioError) throw new VariationError(err.message.split("\n")[0] ?? err.message);
    throw err;
  }
}

type Json = Record<string, unknown> | unknown[];

/** The key a path segment names in a container: an index, an element's id, or an object key. */
function keyIn(container: Json, segment: string): string | number | undefined {
  if (Array.isArray(container)) {
    if (/^\d+$/.test(segment)) return Number(segment) < container.length ? Number(segment) : undefined;
    const i = container.findIndex((x) => (x as { id?: unknown } | null)?.id === segment);
    return i >= 0 ? i : undefined;
  }
  return Object.hasOwn(container, segment) ? segment : undefined;
}

/** Rewrites `evidence.<id>.…` to the evidence item's place in its inject. */
function expandEvidence(data: Record<string, unknown>, segments: string[]): string[] {
  if (segments[0] !== "evidence" || segments.length < 2) return segments;
  for (const list of ["injects", "optionalInjects"]) {
    const injects = (data[list] ?? []) as { id: string; evidence: { id: string }[] }[];
    for (const inject of injects)
      if (inject.evidence.some((e) => e.id === segments[1])) return [list, inject.id, ...segments];
  }
  return segments;
}

/** Sets one leaf value (number, text, yes/no, or a [low, high] range) at a dotted path. */
function setPath(data: Record<string, unknown>, parameter: string, value: string, file: string): void {
  const segments = expandEvidence(data, parameter.split("."));
  let node: unknown = data;
  let path = "$";
  for (const [i, segment] of segments.entries()) {
    const key = node && typeof node === "object" ? keyIn(node as Json, segment) : undefined;
    if (key === undefined)
      throw new VariationError(
        `${file}: ${path}: unknown parameter "${parameter}" (no "${segment}" here; see docs/study.md)`,
      );
    path += typeof key === "number" ? `[${key}]` : `.${key}`;
    const container = node as Record<string | number, unknown>;
    if (i === segments.length - 1) container[key] = leafValue(container[key], value, `${file}: ${path}`);
    else node = container[key];
  }
}

function leafValue(current: unknown, value: string, where: string): unknown {
  if (typeof current === "number") return numberOf(value, where);
  if (typeof current === "string") return value;
  if (typeof current === "boolean") {
    if (value !== "true" && value !== "false") throw new VariationError(`${where}: expected true or false`);
    return value === "true";
  }
  if (Array.isArray(current) && current.length === 2 && current.every((x) => typeof x === "number")) {
    const [lo = "", hi = lo] = value.split("..");
    return [numberOf(lo, where), numberOf(hi, where)];
  }
  throw new VariationError(`${where}: not a single value that can be varied (a list or a group of fields)`);
}
