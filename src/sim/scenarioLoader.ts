/** Parses and validates scenario and roster files; every failure names the file, the JSON path and the reason. */
import type { z } from "zod";
import { hashValue } from "./hash.ts";
import { seatedAllies } from "./roster.ts";
import { type Roster, rosterSchema, type Scenario, scenarioSchema } from "./scenarioSchema.ts";

/** A scenario or roster file that cannot be used, with where and why. */
export class ScenarioError extends Error {
  readonly file: string;
  readonly problems: { path: string; reason: string }[];
  constructor(file: string, problems: { path: string; reason: string }[]) {
    super(`${file}: ${problems.map((p) => `${p.path}: ${p.reason}`).join("; ")}`);
    this.name = "ScenarioError";
    this.file = file;
    this.problems = problems;
  }
}

/** Renders a zod path the way people write JSON paths: $.injects[0].effects.disruption */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "$";
  for (const key of path) out += typeof key === "number" ? `[${key}]` : `.${String(key)}`;
  return out;
}

function issuesOf(error: z.ZodError): { path: string; reason: string }[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), reason: reasonOf(issue) }));
}

// A record key that fails its own schema says only "Invalid key in record"; name the key and the rule.
function reasonOf(issue: z.core.$ZodIssue): string {
  if (issue.code !== "invalid_key") return issue.message;
  const inner = issue.issues.map((i) => i.message).join("; ");
  return `invalid key ${JSON.stringify(issue.input ?? issue.path[issue.path.length - 1])}${inner ? `: ${inner}` : ""}`;
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ScenarioError(file, [{ path: "$", reason: `not valid JSON (${(err as Error).message})` }]);
  }
}

/** Validates a roster (already parsed JSON); throws ScenarioError. */
export function validateRoster(data: unknown, file: string): Roster {
  const result = rosterSchema.safeParse(data);
  if (!result.success) throw new ScenarioError(file, issuesOf(result.error));
  const seen = new Set<string>();
  const problems: { path: string; reason: string }[] = [];
  result.data.allies.forEach((a, i) => {
    if (seen.has(a.code)) problems.push({ path: `$.allies[${i}].code`, reason: `duplicate ally code ${a.code}` });
    seen.add(a.code);
    const cutoffs = new Set<string>();
    (a.eras ?? []).forEach((era, j) => {
      const at = `$.allies[${i}].eras[${j}]`;
      if (cutoffs.has(era.before))
        problems.push({ path: `${at}.before`, reason: `another era of ${a.code} also ends before ${era.before}` });
      cutoffs.add(era.before);
      for (const state of Object.keys(era.adversaries ?? {}))
        if (!a.adversaries?.[state])
          problems.push({
            path: `${at}.adversaries.${state}`,
            reason: `${a.code} has no entry for ${state} in its adversaries for this era to override`,
          });
    });
  });
  if (problems.length) throw new ScenarioError(file, problems);
  return result.data;
}

/** Parses scenario text and validates it against the schema and the roster; throws ScenarioError. */
export function parseScenario(text: string, file: string, roster: Roster): Scenario {
  return validateScenario(parseJson(text, file), file, roster);
}

/** Validates parsed scenario JSON: shape, then ally codes, membership at the date, and unique ids. */
export function validateScenario(data: unknown, file: string, roster: Roster): Scenario {
  const result = scenarioSchema.safeParse(data);
  if (!result.success) throw new ScenarioError(file, issuesOf(result.error));
  const scenario = result.data;
  const problems = checkReferences(scenario, roster);
  if (problems.length) throw new ScenarioError(file, problems);
  return scenario;
}

function checkReferences(scenario: Scenario, roster: Roster): { path: string; reason: string }[] {
  const known = new Set(roster.allies.map((a) => a.code));
  const seated = new Set(seatedAllies(roster, scenario.date).map((a) => a.code));
  const problems: { path: string; reason: string }[] = [];
  const checkAlly = (code: string, path: string) => {
    if (!known.has(code)) problems.push({ path, reason: `unknown ally code ${code}` });
    else if (!seated.has(code)) problems.push({ path, reason: `${code} was not an ally on ${scenario.date}` });
  };
  const ids = new Set<string>();
  const checkId = (id: string, path: string) => {
    if (ids.has(id)) problems.push({ path, reason: `duplicate id ${id}` });
    ids.add(id);
  };
  const checkInjects = (list: Scenario["injects"], name: string) =>
    list.forEach((inject, i) => {
      const at = `$.${name}[${i}]`;
      checkId(inject.id, `${at}.id`);
      inject.targets.forEach((c, j) => {
        checkAlly(c, `${at}.targets[${j}]`);
      });
      inject.spillover.forEach((c, j) => {
        checkAlly(c, `${at}.spillover[${j}]`);
      });
      inject.evidence.forEach((e, j) => {
        checkId(e.id, `${at}.evidence[${j}].id`);
        if (e.holders !== "all")
          e.holders.forEach((c, k) => {
            checkAlly(c, `${at}.evidence[${j}].holders[${k}]`);
          });
        if (e.kind === "falseFlag" && !e.reveals)
          problems.push({ path: `${at}.evidence[${j}].reveals`, reason: "a false flag must say what it reveals" });
      });
    });
  checkInjects(scenario.injects, "injects");
  checkInjects(scenario.optionalInjects, "optionalInjects");
  scenario.injects.forEach((inject, i) => {
    const prev = scenario.injects[i - 1];
    if (prev && inject.day < prev.day)
      problems.push({
        path: `$.injects[${i}].day`,
        reason: `day ${inject.day} comes before the previous inject's day ${prev.day}`,
      });
  });
  for (const code of Object.keys(scenario.roleCards)) checkAlly(code, `$.roleCards.${code}`);
  if (scenario.adversary.stateName !== undefined && scenario.adversary.state === undefined)
    problems.push({
      path: "$.adversary.state",
      reason: "a stateName needs the state's ISO 3166 alpha-3 code in state",
    });
  return problems;
}

/** The content hash a record uses to name the exact scenario it was played on. */
export function scenarioHash(scenario: Scenario): string {
  return hashValue(scenario);
}
