import { expect } from "vitest";
import type { EvaluationResult } from "../../src/index.js";

/**
 * What the differential tests of the compiled evaluator share: json-rules-engine's total
 * operators, facts as JSON gives them, a run caught as an outcome, and the agreement of a
 * compiled run with the plain compiled code and with json-rules-engine.
 */

/** Built-in operators that cannot throw over literals: a rule made only of them may be keyed. */
export const TOTAL_OPERATORS = ["equal", "notEqual", "lessThan", "lessThanInclusive", "greaterThan", "greaterThanInclusive", "contains", "doesNotContain"] as const;

/** Facts are JSON data (what JSON.parse gives): no prototype-less objects. */
export function asJson(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

export type Outcome = { ok: true; result: EvaluationResult } | { ok: false; error: unknown };

export async function attempt(f: () => EvaluationResult | Promise<EvaluationResult>): Promise<Outcome> {
  try {
    return { ok: true, result: await f() };
  } catch (error) {
    return { ok: false, error };
  }
}

/**
 * A compiled run agrees with the plain compiled code and with json-rules-engine: all throw or
 * none; then the same events as the plain code, in its order, and json-rules-engine's (whose
 * order differs). Whether events were compared.
 */
export function expectAgreement(run: Outcome, plain: Outcome, reference: Outcome): boolean {
  expect(run.ok).toBe(reference.ok);
  expect(plain.ok).toBe(reference.ok);
  if (!reference.ok || !run.ok || !plain.ok) return false;
  expect(run.result.events).toEqual(plain.result.events);
  const byRule = (events: EvaluationResult["events"]) => [...events].sort((x, y) => x.rule.localeCompare(y.rule));
  expect(byRule(run.result.events)).toEqual(byRule(reference.result.events));
  return true;
}
