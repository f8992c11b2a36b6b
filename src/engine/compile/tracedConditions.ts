import { RuleEvaluationError, type ConditionTrace, type Facts } from "../evaluation.js";
import { parseFactPath, readFactPath } from "../factPath.js";
import type { OperatorRegistry } from "../operators.js";
import type { FactConditionT, NestedConditionT, RuleSet, RuleT, TopLevelConditionT } from "../ruleSetSchema.js";
import { soleRootChild } from "./soleRootChild.js";

/** A rule's conditions as a closure: evaluates them and records what each node read and decided. */
export type TracedCondition = (facts: Facts) => ConditionTrace;

interface Context {
  readonly ruleSet: RuleSet;
  readonly operators: OperatorRegistry;
  /** Shared conditions compiled once, by name. */
  readonly shared: Map<string, TracedCondition>;
  readonly rule: string;
}

/**
 * Compiles rules into traced closures: the evaluator behind `run(facts, { trace: true })`,
 * and the only fallback of the generated one (codegen off or not allowed, or the precise
 * error when the generated code stops).
 *
 * Every node is evaluated, as json-rules-engine evaluates every child of an `all`/`any`
 * (one `Promise.all`) before combining: so an operator that throws anywhere fails the run,
 * as there. Outcomes follow json-rules-engine 7.3.1: a leaf keeps its operator's raw
 * result, every nested `all`/`any`/reference counts only `=== true`, and a rule's
 * top-level `all`/`any` with one child passes on a truthy one (`soleRootChild`).
 *
 * @example
 * const traced = tracedRuleConditions(ruleSet, defaultOperatorRegistry());
 * traced(ruleSet.rules[0])({ daysSinceDelivery: 3 }).result //=> true
 */
export function tracedRuleConditions(ruleSet: RuleSet, operators: OperatorRegistry): (rule: RuleT) => TracedCondition {
  const shared = new Map<string, TracedCondition>();
  return (rule) => compileRoot(rule.conditions, { ruleSet, operators, shared, rule: rule.name });
}

function compileRoot(root: TopLevelConditionT, ctx: Context): TracedCondition {
  const sole = soleRootChild(root);
  if (sole === undefined) return compileNode(root, ctx);
  const child = compileNode(sole, ctx);
  const name = nameOf(root);
  return "all" in root
    ? (f) => {
        const t = child(f);
        return { all: [t], result: Boolean(t.result), ...name };
      }
    : (f) => {
        const t = child(f);
        return { any: [t], result: Boolean(t.result), ...name };
      };
}

function compileNode(node: NestedConditionT, ctx: Context): TracedCondition {
  if ("fact" in node) return compileLeaf(node, ctx);
  if ("condition" in node) return compileReference(node.condition, ctx);
  const name = nameOf(node);
  if ("not" in node) {
    const inner = compileNode(node.not, ctx);
    return (f) => {
      const t = inner(f);
      return { not: t, result: !t.result, ...name };
    };
  }
  const isAll = "all" in node;
  const children = (isAll ? node.all : node.any).map((c) => compileNode(c, ctx));
  return (f) => {
    const list = children.map((c) => c(f));
    const result = isAll ? list.every(isTrue) : list.some(isTrue);
    return isAll ? { all: list, result, ...name } : { any: list, result, ...name };
  };
}

const isTrue = (t: ConditionTrace) => t.result === true;

function compileReference(conditionName: string, ctx: Context): TracedCondition {
  let inner = ctx.shared.get(conditionName);
  if (!inner) {
    // References were checked (existing, acyclic) when the rule set was parsed.
    inner = compileNode(ctx.ruleSet.conditions![conditionName]!, ctx);
    ctx.shared.set(conditionName, inner);
  }
  const resolve = inner;
  return (f) => {
    const resolved = resolve(f);
    return { condition: conditionName, resolved, result: resolved.result === true };
  };
}

function compileLeaf(node: FactConditionT, ctx: Context): TracedCondition {
  const op = ctx.operators.get(node.operator)!;
  const rule = ctx.rule;
  const readFact = factReader(node.fact, node.path);
  const value = node.value;
  const readValue: (f: Facts) => unknown =
    value !== null && typeof value === "object" && !Array.isArray(value) ? factReader(value.fact, value.path) : () => value;
  const path = node.path === undefined ? {} : { path: node.path };
  const name = nameOf(node);
  return (f) => {
    const factResult = readFact(f);
    const valueResult = readValue(f);
    let result: unknown;
    try {
      result = op.evaluate(factResult, valueResult);
    } catch (cause) {
      const error = (cause as Error)?.message ?? String(cause);
      throw new RuleEvaluationError({ code: "operator_error", path: [], params: { operator: node.operator, rule, fact: node.fact, error } }, { rule, fact: node.fact, cause });
    }
    return { fact: node.fact, ...path, operator: node.operator, value, factResult, valueResult, result, ...name };
  };
}

// A missing fact reads as undefined; whether that is allowed was checked before the run.
function factReader(fact: string, path: string | undefined): (f: Facts) => unknown {
  if (path === undefined) return (f) => (Object.hasOwn(f, fact) ? f[fact] : undefined);
  const parsed = parseFactPath(path);
  if ("error" in parsed) throw new Error(`unsupported path ${path}`); // unreachable: checked by the schema
  const steps = parsed.steps;
  return (f) => readFactPath(Object.hasOwn(f, fact) ? f[fact] : undefined, steps);
}

function nameOf(node: { name?: string | undefined }): { name?: string } {
  return node.name === undefined ? {} : { name: node.name };
}
