import { PolicyError } from "../_lib/errors.js";
import type { Lang } from "../_lib/issues.js";
import { deepFreeze } from "../_lib/deepFreeze.js";
import { RuleEvaluationError, type EvaluationResult, type Facts, type FiredEvent, type RuleTrace } from "./evaluation.js";
import { defaultOperatorRegistry, type OperatorRegistry } from "./operators.js";
import { checkRuleSet } from "./parseRuleSet.js";
import { referencedFacts } from "./referencedFacts.js";
import { evaluationOrder } from "./ruleOrder.js";
import type { RuleSet, RuleSetKindT, RuleT } from "./ruleSetSchema.js";
import { emitEvaluatorSource } from "./compile/generatedSource.js";
import { loadGeneratedEvaluator, type GeneratedRun } from "./compile/loadGenerated.js";
import { tracedRuleConditions, type TracedCondition } from "./compile/tracedConditions.js";

export interface CompileOptions {
  /** Operators (built-in and custom) shared with the reference evaluator. */
  readonly operators?: OperatorRegistry;
  /** The language of a refused rule set's issues (default zh-CN). */
  readonly lang?: Lang;
  /** As json-rules-engine's option: a missing fact reads as `undefined` instead of failing the run. */
  readonly allowUndefinedFacts?: boolean;
  /** Build the per-rule trace on every run (default true); `run(facts, { trace })` overrides. */
  readonly trace?: boolean;
  /**
   * Generate JavaScript for the trace-free path (default true). Off, or where code
   * generation is forbidden (CSP), the traced closures run instead and the trace is
   * dropped: same results, slower. `evaluator` and `fallbackReason` say which ran.
   */
  readonly codegen?: boolean;
}

export interface RunOptions {
  readonly trace?: boolean;
}

/** Which evaluator answers `run(facts, { trace: false })`; with a trace the closures always do. */
export type EvaluatorKind = "generated" | "closures";

export interface CompiledRuleSet {
  readonly id: string;
  readonly version: string;
  readonly kind: RuleSetKindT;
  /** The rules in evaluation order: priority (highest first), then file position. */
  readonly rules: readonly { readonly name: string; readonly priority: number }[];
  /** The facts the rules read; with `allowUndefinedFacts` off each must be present. */
  readonly facts: readonly string[];
  /** The evaluator of the trace-free path. */
  readonly evaluator: EvaluatorKind;
  /** Why `evaluator` is "closures": `codegen: false`, or why the generated source did not load. */
  readonly fallbackReason?: string;
  /** The generated JavaScript (a factory body; rule i of `rules` fires `fe[i]`), for inspection. */
  readonly source?: string;
  /** Evaluates every rule against `facts`, JSON data as `JSON.parse` gives it. */
  run(facts: Facts, options?: RunOptions): EvaluationResult;
}

/**
 * Compiles a rule set into a synchronous evaluator: generated code for the trace-free
 * path, traced closures for the trace and as the fallback; operators taken from
 * json-rules-engine's own `OperatorMap`, no promises and no almanac.
 *
 * Equal to json-rules-engine's `Engine` on every valid rule set (the differential tests
 * prove it), with one documented difference: events of equal priority come out in file
 * order, where json-rules-engine orders them by promise completion.
 *
 * @example
 * const rules = compileRuleSet(ruleSetJson);
 * rules.run({ daysSinceDelivery: 3 }).events //=> [{ type: "noReasonReturn.allowed", … }]
 * rules.evaluator //=> "generated"
 */
export function compileRuleSet(input: unknown, options: CompileOptions = {}): CompiledRuleSet {
  const operators = options.operators ?? defaultOperatorRegistry();
  const parsed = checkRuleSet(input, operators);
  if (!parsed.success) throw new PolicyError(parsed.issues, options.lang);
  return compileValidRuleSet(parsed.data, { ...options, operators });
}

/** Compiles a rule set already checked by `safeParseRuleSet` with the same registry. */
export function compileValidRuleSet(ruleSet: RuleSet, options: CompileOptions = {}): CompiledRuleSet {
  const operators = options.operators ?? defaultOperatorRegistry();
  const allowUndefinedFacts = options.allowUndefinedFacts ?? false;
  const traceByDefault = options.trace ?? true;
  const ordered = evaluationOrder(ruleSet.rules);
  const traced = tracedRuleConditions(ruleSet, operators);
  const rules = ordered.map(({ rule, priority }) => {
    // Frozen copies: every run hands out the same event objects, and the caller's
    // rule-set object stays untouched.
    const event = deepFreeze(structuredClone({ type: rule.event.type, ...(rule.event.params ? { params: rule.event.params } : {}) }));
    const fired: FiredEvent = Object.freeze({ ...event, rule: rule.name, priority });
    return { name: rule.name, priority, event, fired, conditions: traced(rule) };
  });
  const facts = referencedFacts(ruleSet);

  const requireFacts = (input: Facts) => {
    if (allowUndefinedFacts) return;
    for (const name of facts) {
      if (!Object.hasOwn(input, name)) throw new RuleEvaluationError({ code: "undefined_fact", path: [], params: { fact: name } }, { fact: name });
    }
  };
  const runTraced = (input: Facts): { events: FiredEvent[]; trace: RuleTrace[] } => {
    requireFacts(input);
    const events: FiredEvent[] = [];
    const trace: RuleTrace[] = [];
    for (const rule of rules) {
      const conditions = rule.conditions(input);
      const fired = conditions.result === true;
      if (fired) events.push(rule.fired);
      trace.push({ rule: rule.name, priority: rule.priority, fired, event: rule.event, conditions });
    }
    return { events, trace };
  };

  const { run: generated, source, fallbackReason } =
    options.codegen === false
      ? { fallbackReason: "codegen: false" }
      : generatedEvaluator(ruleSet, ordered.map((o) => o.rule), operators, allowUndefinedFacts ? undefined : facts, rules.map((r) => r.fired));

  // The generated code stops on a missing fact (null) or a throwing operator without
  // saying where; the traced closures, which evaluate the same conditions, then raise
  // the precise error. If they do not, the two evaluators disagree: say so loudly.
  const explainStop = (input: Facts, stop: unknown): never => {
    runTraced(input);
    throw new Error(`aftersales-policy bug: the generated evaluator of rule set "${ruleSet.id}" stopped where the traced closures did not`, stop === null ? undefined : { cause: stop });
  };
  return {
    id: ruleSet.id,
    version: ruleSet.version,
    kind: ruleSet.kind,
    rules: rules.map(({ name, priority }) => ({ name, priority })),
    facts,
    evaluator: generated ? "generated" : "closures",
    ...(fallbackReason === undefined ? {} : { fallbackReason }),
    ...(source === undefined ? {} : { source }),
    run(input, runOptions) {
      if (runOptions?.trace ?? traceByDefault) return runTraced(input);
      if (generated === undefined) return { events: runTraced(input).events, trace: NO_TRACE };
      let events: FiredEvent[] | null;
      try {
        events = generated(input);
      } catch (error) {
        return explainStop(input, error);
      }
      return events === null ? explainStop(input, null) : { events, trace: NO_TRACE };
    },
  };
}

const NO_TRACE: readonly RuleTrace[] = Object.freeze([]);

/** The generated evaluator with its source, or the source and why it did not load. */
function generatedEvaluator(
  ruleSet: RuleSet,
  orderedRules: readonly RuleT[],
  operators: OperatorRegistry,
  requiredFacts: readonly string[] | undefined,
  firedEvents: readonly FiredEvent[],
): { run?: GeneratedRun; source: string; fallbackReason?: string } {
  const emitted = emitEvaluatorSource(ruleSet, orderedRules, operators, requiredFacts);
  const loaded = loadGeneratedEvaluator(emitted, firedEvents);
  return "run" in loaded
    ? { run: loaded.run, source: emitted.source }
    : { source: emitted.source, fallbackReason: `the generated source did not load: ${loaded.reason}` };
}
