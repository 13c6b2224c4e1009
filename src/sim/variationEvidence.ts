/**
 * Study parameters derived over all of a scenario's evidence: when it arrives (`evidence.timing`) and how
 * clearly it points to the real culprit (`attribution.clarity`). Pure; the caller re-validates the scenario.
 */
import type { Evidence } from "./scenarioSchema.ts";

/** The factors each derived parameter accepts. */
export const EVIDENCE_FACTORS = {
  "evidence.timing": { min: 0, max: 10 }, // multiplies every item's hour after its inject (0: all at once)
  "attribution.clarity": { min: 0, max: 2 }, // 1 as written; 2 true items doubled, misleading ones gone
} as const;

type ScenarioData = {
  truth: { actor: string };
  injects: { evidence: Evidence[] }[];
  optionalInjects: { evidence: Evidence[] }[];
};

const r3 = (x: number) => Math.round(x * 1000) / 1000;
const cap = (x: number) => r3(Math.min(1, Math.max(0, x)));

/**
 * Applies a derived evidence parameter to scenario data in place. Returns false when `parameter` is not one.
 * A value that is not a number, or is out of the factor's range, goes to `numberOf` or `fail`, which throw.
 */
export function transformEvidence(
  data: Record<string, unknown>,
  parameter: string,
  value: string,
  file: string,
  numberOf: (text: string, where: string) => number,
  fail: (message: string) => never,
): boolean {
  if (!Object.hasOwn(EVIDENCE_FACTORS, parameter)) return false;
  const range = EVIDENCE_FACTORS[parameter as keyof typeof EVIDENCE_FACTORS];
  const where = `${file}: ${parameter}`;
  const factor = numberOf(value, where);
  if (factor < range.min || factor > range.max)
    fail(`${where}: ${factor} is out of range (${range.min} to ${range.max})`);
  const scenario = data as unknown as ScenarioData;
  for (const inject of [...scenario.injects, ...scenario.optionalInjects])
    for (const e of inject.evidence) {
      if (parameter === "evidence.timing") e.hour = Math.round(e.hour * factor);
      else e.strength = clarified(e, scenario.truth.actor, factor);
    }
  return true;
}

/** True evidence (pointing at the real culprit on its face) scales by the factor, misleading by 2 − factor. */
function clarified(e: Evidence, truth: string, factor: number): [number, number] {
  const k = e.pointsTo === truth ? factor : 2 - factor;
  return [cap(e.strength[0] * k), cap(e.strength[1] * k)];
}
