import type { Lang } from "../_lib/issues.js";
import { Engine, type RuleResult } from "json-rules-engine";
import { PolicyError } from "../_lib/errors.js";
import type { ConditionTrace, EvaluationResult, Facts, FiredEvent, RuleTrace } from "./evaluation.js";
import { RuleEvaluationError } from "./evaluation.js";
import { defaultOperatorRegistry, type OperatorRegistry } from "./operators.js";
import { checkRuleSet } from "./parseRuleSet.js";
import { evaluationOrder } from "./ruleOrder.js";
import type { NestedConditionT, RuleSet } from "./ruleSetSchema.js";

export interface ReferenceOptions {
  readonly operators?: OperatorRegistry;
  readonly allowUndefinedFacts?: boolean;
  /** The language of a refused rule set's issues (default zh-CN). */
  readonly lang?: Lang;
}

/**
 * Runs a rule set with json-rules-engine's own `Engine`, asynchronously: the oracle the
 * compiled evaluator is tested against, and a public option (`evaluator: "reference"`).
 *
 * A fresh `Engine` per call: its `status` is shared by concurrent runs (P2). Paths are
 * read by json-rules-engine's own resolver (jsonpath-plus), so the differential tests
 * compare the compiled path reader with the library's; the schema has already limited
 * `path` to member and index steps, so no filter script can reach it (P10). Events come in
 * json-rules-engine's own order (by priority, then promise completion); the trace lists
 * rules in compiled order (priority, then file position).
 */
export async function runReference(input: unknown, facts: Facts, options: ReferenceOptions = {}): Promise<EvaluationResult> {
  const operators = options.operators ?? defaultOperatorRegistry();
  const parsed = checkRuleSet(input, operators);
  if (!parsed.success) throw new PolicyError(parsed.issues, options.lang);
  return runValidatedReference(parsed.data, facts, { ...options, operators });
}

/**
 * A json-rules-engine `Engine` holding a rule set already checked by `safeParseRuleSet`,
 * with the registry's custom operators and json-rules-engine's default path resolver.
 * Rules and conditions go in as copies: json-rules-engine writes results onto them.
 */
export function referenceEngine(ruleSet: RuleSet, options: ReferenceOptions = {}): Engine {
  const engine = new Engine([], { allowUndefinedFacts: options.allowUndefinedFacts ?? false });
  (options.operators ?? defaultOperatorRegistry()).installOn(engine);
  for (const [name, condition] of Object.entries(ruleSet.conditions ?? {})) {
    engine.setCondition(name, structuredClone(condition) as never);
  }
  for (const rule of ruleSet.rules) {
    engine.addRule(structuredClone({ name: rule.name, priority: rule.priority ?? 1, conditions: rule.conditions, event: rule.event }) as never);
  }
  return engine;
}

/** As `runReference`, for a rule set already checked by `safeParseRuleSet` with the same registry. */
export async function runValidatedReference(ruleSet: RuleSet, facts: Facts, options: ReferenceOptions = {}): Promise<EvaluationResult> {
  const engine = referenceEngine(ruleSet, options);

  let outcome;
  try {
    outcome = await engine.run({ ...facts });
  } catch (cause) {
    const code = (cause as { code?: string })?.code === "UNDEFINED_FACT" ? "undefined_fact" : "operator_error";
    const error = (cause as Error)?.message ?? String(cause);
    const fact = /^Undefined fact: (.*)$/.exec(error)?.[1];
    throw new RuleEvaluationError(
      code === "undefined_fact" && fact !== undefined ? { code, path: [], params: { fact } } : { code: "operator_error", path: [], params: { error } },
      { cause },
    );
  }

  const byName = new Map<string, RuleResult>();
  for (const r of [...outcome.results, ...outcome.failureResults]) byName.set(String(r.name), r);
  const order = evaluationOrder(ruleSet.rules);

  const events: FiredEvent[] = outcome.results.map((r) => ({
    type: r.event!.type,
    ...(r.event!.params ? { params: r.event!.params } : {}),
    rule: String(r.name),
    priority: r.priority ?? 1,
  }));
  const trace: RuleTrace[] = order.map(({ rule, priority }) => {
    const result = byName.get(rule.name)!;
    return {
      rule: rule.name,
      priority,
      fired: Boolean(result.result),
      event: { type: rule.event.type, ...(rule.event.params ? { params: rule.event.params } : {}) },
      // json-rules-engine never writes `result` on a rule's root condition; the rule's
      // own result is the root's outcome.
      conditions: { ...toTrace(rule.conditions, result.conditions as unknown as EngineCondition, ruleSet), result: Boolean(result.result) },
    };
  });
  return { events, trace };
}

/** A condition node as json-rules-engine leaves it after a run (results written onto it). */
interface EngineCondition {
  all?: EngineCondition[];
  any?: EngineCondition[];
  not?: EngineCondition;
  fact?: string;
  path?: string;
  operator?: string;
  value?: unknown;
  factResult?: unknown;
  valueResult?: unknown;
  result?: unknown;
}

// Walk the rule as written beside json-rules-engine's evaluated copy. A reference is
// replaced in place by the referenced tree on the engine side, so the written rule tells
// where references were.
function toTrace(written: NestedConditionT, evaluated: EngineCondition, ruleSet: RuleSet): ConditionTrace {
  const name = written.name === undefined ? {} : { name: written.name };
  if ("condition" in written) {
    const resolved = toTrace(ruleSet.conditions![written.condition]!, evaluated, ruleSet);
    return { condition: written.condition, resolved, result: resolved.result === true };
  }
  if ("all" in written) {
    return { all: written.all.map((c, i) => toTrace(c, evaluated.all![i]!, ruleSet)), result: evaluated.result === true, ...name };
  }
  if ("any" in written) {
    return { any: written.any.map((c, i) => toTrace(c, evaluated.any![i]!, ruleSet)), result: evaluated.result === true, ...name };
  }
  if ("not" in written) {
    return { not: toTrace(written.not, evaluated.not!, ruleSet), result: evaluated.result === true, ...name };
  }
  return {
    fact: written.fact,
    ...(written.path === undefined ? {} : { path: written.path }),
    operator: written.operator,
    value: written.value,
    factResult: evaluated.factResult,
    valueResult: evaluated.valueResult,
    result: evaluated.result,
    ...name,
  };
}
