import type { Facts, FiredEvent } from "../evaluation.js";
import { readFactPath } from "../factPath.js";
import { GENERATED_PARAMETERS, type GeneratedSource } from "./generatedSource.js";

/** The generated trace-free evaluator: events fired in evaluation order, or `null` when a required fact is missing. */
export type GeneratedRun = (facts: Facts) => FiredEvent[] | null;
/** The generated recording evaluator: as `GeneratedRun`, storing every leaf's reads and outcome in `record`. */
export type GeneratedRecord = (facts: Facts, record: unknown[]) => FiredEvent[] | null;

/**
 * Turns generated source into its function (`run` or `record`), or says why it cannot: code generation
 * forbidden (a CSP without `unsafe-eval` throws an EvalError), or a source that does not
 * compile (a SyntaxError, which is a bug here). The caller reports the reason
 * (`CompiledRuleSet.fallbackReason`) instead of falling back silently.
 *
 * @example
 * loadGeneratedEvaluator({ source: "return function run(", bindings }, []) //=> { reason: "SyntaxError: Unexpected end of input" }
 */
export function loadGeneratedEvaluator(
  generated: Pick<GeneratedSource, "source" | "bindings">,
  /** The event each rule fires, in evaluation order (the same objects on every run). */
  firedEvents: readonly FiredEvent[],
): { readonly run: GeneratedRun & GeneratedRecord } | { readonly reason: string } {
  const { operators, constants, paths } = generated.bindings;
  let run: unknown;
  try {
    const factory = new Function(...GENERATED_PARAMETERS, generated.source) as (...args: unknown[]) => unknown;
    run = factory(operators, constants, paths, readFactPath, Object.hasOwn, firedEvents);
  } catch (error) {
    return { reason: String(error) };
  }
  if (typeof run !== "function") return { reason: `the generated source returned ${typeof run}, not a function` };
  return { run: run as GeneratedRun & GeneratedRecord };
}
