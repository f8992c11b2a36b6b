import { PolicyError } from "../_lib/issues.js";
import { deepFreeze } from "../_lib/deepFreeze.js";
import { walkConditions } from "./checkReferences.js";
import {
  RuleEvaluationError,
  type ConditionTrace,
  type EvaluationResult,
  type Facts,
  type FiredEvent,
  type RuleTrace,
} from "./evaluation.js";
import { parseFactPath, resolveSteps } from "./factPath.js";
import { defaultOperatorRegistry, type OperatorRegistry } from "./operators.js";
import { generateEvaluator } from "./generateEvaluator.js";
import { leafMayThrow } from "./leafMayThrow.js";
import { safeParseRuleSet } from "./parseRuleSet.js";
import type { FactConditionT, NestedConditionT, RuleSet, RuleSetKindT, TopLevelConditionT } from "./ruleSetSchema.js";

export interface CompileOptions {
  /** Operators (built-in and custom) shared with the reference evaluator. */
  readonly operators?: OperatorRegistry;
  /** As json-rules-engine's option: a missing fact reads as `undefined` instead of failing the run. */
  readonly allowUndefinedFacts?: boolean;
  /** Build the per-rule trace on every run (default true); `run(facts, { trace })` overrides. */
  readonly trace?: boolean;
  /**
   * Generate JavaScript for the trace-free path (default true). Off, or where code
   * generation is forbidden (CSP), the closure evaluator runs instead: same results, slower.
   */
  readonly codegen?: boolean;
}

export interface RunOptions {
  readonly trace?: boolean;
}

export interface CompiledRuleSet {
  readonly id: string;
  readonly version: string;
  readonly kind: RuleSetKindT;
  /** The rules in evaluation order: priority (highest first), then file position. */
  readonly rules: readonly { readonly name: string; readonly priority: number }[];
  /** The facts the rules read; with `allowUndefinedFacts` off each must be present. */
  readonly facts: readonly string[];
  /** Evaluates every rule against `facts`, JSON data as `JSON.parse` gives it. */
  run(facts: Facts, options?: RunOptions): EvaluationResult;
}

interface CompiledCondition {
  /** The outcome as json-rules-engine computes it (a leaf may return a non-boolean). */
  readonly test: (facts: Facts) => unknown;
  readonly trace: (facts: Facts) => ConditionTrace;
  /** Whether evaluating it can throw (and so must never be skipped by short-circuiting). */
  readonly mayThrow: boolean;
}

/**
 * Compiles a rule set into a synchronous evaluator: closures built once, operators taken
 * from json-rules-engine's own `OperatorMap`, no promises and no almanac.
 *
 * Equal to json-rules-engine's `Engine` on every valid rule set (the differential tests
 * prove it), with one documented difference: events of equal priority come out in file
 * order, where json-rules-engine orders them by promise completion.
 *
 * @example
 * const rules = compileRuleSet(ruleSetJson);
 * rules.run({ daysSinceDelivery: 3 }).events //=> [{ type: "noReasonReturn.allowed", … }]
 */
export function compileRuleSet(input: unknown, options: CompileOptions = {}): CompiledRuleSet {
  const operators = options.operators ?? defaultOperatorRegistry();
  const parsed = safeParseRuleSet(input, operators);
  if (!parsed.success) throw new PolicyError(parsed.issues);
  return compileValidRuleSet(parsed.data, { ...options, operators });
}

/** Compiles a rule set already checked by `safeParseRuleSet` with the same registry. */
export function compileValidRuleSet(ruleSet: RuleSet, options: CompileOptions = {}): CompiledRuleSet {
  const operators = options.operators ?? defaultOperatorRegistry();
  const allowUndefinedFacts = options.allowUndefinedFacts ?? false;
  const traceByDefault = options.trace ?? true;
  const shared = new Map<string, CompiledCondition>();
  const ctx: Context = { ruleSet, operators, allowUndefinedFacts, shared, currentRule: "" };

  const ordered = ruleSet.rules
    .map((rule, index) => ({ rule, index, priority: rule.priority ?? 1 }))
    .sort((a, b) => b.priority - a.priority || a.index - b.index);
  const rules = ordered.map(({ rule, priority }) => {
      ctx.currentRule = rule.name;
      // Frozen copies: every run hands out the same event objects, and the caller's
      // rule-set object stays untouched.
      const event = deepFreeze(structuredClone({ type: rule.event.type, ...(rule.event.params ? { params: rule.event.params } : {}) }));
      const fired: FiredEvent = Object.freeze({ ...event, rule: rule.name, priority });
      return { name: rule.name, priority, event, fired, conditions: compileCondition(rule.conditions, ctx) };
    });

  const facts = referencedFacts(ruleSet);
  const generated =
    options.codegen === false
      ? undefined
      : generateEvaluator(ruleSet, ordered.map((o) => o.rule), rules.map((r) => r.fired), operators, allowUndefinedFacts ? undefined : facts);
  const requireFacts = (input: Facts) => {
    if (allowUndefinedFacts) return;
    for (const name of facts) {
      if (!Object.hasOwn(input, name)) {
        throw new RuleEvaluationError("undefined_fact", `Undefined fact: ${name}`, { fact: name });
      }
    }
  };

  return {
    id: ruleSet.id,
    version: ruleSet.version,
    kind: ruleSet.kind,
    rules: rules.map(({ name, priority }) => ({ name, priority })),
    facts,
    run(input, runOptions) {
      if (!(runOptions?.trace ?? traceByDefault)) {
        if (generated) {
          try {
            const fired = generated(input);
            if (fired) return { events: fired, trace: NO_TRACE };
          } catch {
            // fall through: the closure path raises the precise error
          }
        }
        const events: FiredEvent[] = [];
        requireFacts(input);
        for (const rule of rules) if (rule.conditions.test(input)) events.push(rule.fired);
        return { events, trace: NO_TRACE };
      }
      const events: FiredEvent[] = [];
      requireFacts(input);
      const trace: RuleTrace[] = [];
      for (const rule of rules) {
        const conditions = rule.conditions.trace(input);
        const fired = conditions.result === true;
        if (fired) events.push(rule.fired);
        trace.push({ rule: rule.name, priority: rule.priority, fired, event: rule.event, conditions });
      }
      return { events, trace };
    },
  };
}

const NO_TRACE: readonly RuleTrace[] = Object.freeze([]);

interface Context {
  readonly ruleSet: RuleSet;
  readonly operators: OperatorRegistry;
  readonly allowUndefinedFacts: boolean;
  readonly shared: Map<string, CompiledCondition>;
  currentRule: string;
}

function compileCondition(node: NestedConditionT, ctx: Context): CompiledCondition {
  if ("fact" in node) return compileLeaf(node, ctx);
  if ("condition" in node) return compileReference(node.condition, ctx);
  if ("not" in node) {
    const inner = compileCondition(node.not, ctx);
    const name = nameOf(node);
    return {
      test: (f) => !inner.test(f),
      trace: (f) => {
        const t = inner.trace(f);
        return { not: t, result: !t.result, ...name };
      },
      mayThrow: inner.mayThrow,
    };
  }
  const kind = "all" in node ? "all" : "any";
  const children = ("all" in node ? node.all : node.any).map((c) => compileCondition(c, ctx));
  return compileJunction(kind, children, nameOf(node));
}

// json-rules-engine evaluates every child of an all/any (one Promise.all) before combining,
// so a child that can throw must run even when a sibling already decided the outcome.
// Children that cannot throw are short-circuited; the outcome is the same.
function compileJunction(kind: "all" | "any", children: CompiledCondition[], name: { name?: string }): CompiledCondition {
  if (children.length === 1) return single(children[0]!, kind, name);
  const isAll = kind === "all";
  const throwing = children.filter((c) => c.mayThrow);
  const safe = children.filter((c) => !c.mayThrow);
  // A child "decides" a junction when it is false under all, or true under any.
  const decides = (c: CompiledCondition, f: Facts) => (c.test(f) === true) !== isAll;
  return {
    test: (f) => {
      let decided = false;
      for (const c of throwing) if (decides(c, f)) decided = true;
      if (decided) return !isAll;
      for (const c of safe) if (decides(c, f)) return !isAll;
      return isAll;
    },
    trace: (f) => {
      const list = children.map((c) => c.trace(f));
      const result = isAll ? list.every((t) => t.result === true) : list.some((t) => t.result === true);
      return isAll ? { all: list, result, ...name } : { any: list, result, ...name };
    },
    mayThrow: throwing.length > 0,
  };
}

// With one child json-rules-engine passes the child's raw outcome up and the boolean node
// keeps `=== true` of it; a custom operator returning 1 is therefore false here.
function single(child: CompiledCondition, key: "all" | "any", name: { name?: string }): CompiledCondition {
  return {
    test: (f) => child.test(f) === true,
    trace: (f) => {
      const t = child.trace(f);
      const result = t.result === true;
      return key === "all" ? { all: [t], result, ...name } : { any: [t], result, ...name };
    },
    mayThrow: child.mayThrow,
  };
}

function compileReference(conditionName: string, ctx: Context): CompiledCondition {
  let compiled = ctx.shared.get(conditionName);
  if (!compiled) {
    // References were checked (existing, acyclic) when the rule set was parsed.
    compiled = compileCondition(ctx.ruleSet.conditions![conditionName] as TopLevelConditionT, ctx);
    ctx.shared.set(conditionName, compiled);
  }
  const inner = compiled;
  return {
    test: (f) => inner.test(f) === true,
    trace: (f) => {
      const resolved = inner.trace(f);
      return { condition: conditionName, resolved, result: resolved.result === true };
    },
    mayThrow: inner.mayThrow,
  };
}

function compileLeaf(node: FactConditionT, ctx: Context): CompiledCondition {
  const op = ctx.operators.get(node.operator)!;
  const rule = ctx.currentRule;
  const readFact = factReader(node.fact, node.path);
  const value = node.value;
  const readValue: (f: Facts) => unknown =
    value !== null && typeof value === "object" && !Array.isArray(value)
      ? factReader(value.fact, value.path)
      : () => value;
  const evaluate = (left: unknown, right: unknown): unknown => {
    try {
      return op.evaluate(left, right);
    } catch (cause) {
      throw new RuleEvaluationError(
        "operator_error",
        `Operator "${node.operator}" failed in rule "${rule}" on fact "${node.fact}": ${(cause as Error)?.message ?? String(cause)}`,
        { rule, fact: node.fact, cause },
      );
    }
  };
  const name = nameOf(node);
  return {
    test: (f) => evaluate(readFact(f), readValue(f)),
    trace: (f) => {
      const factResult = readFact(f);
      const valueResult = readValue(f);
      return {
        fact: node.fact,
        ...(node.path === undefined ? {} : { path: node.path }),
        operator: node.operator,
        value,
        factResult,
        valueResult,
        result: evaluate(factResult, valueResult),
        ...name,
      };
    },
    mayThrow: leafMayThrow(node, (n) => ctx.operators.isCustom(n)),
  };
}

// Reads a fact as json-rules-engine's almanac does: a `path` applies only to a non-null
// object; on any other value the value itself comes back (P10). Own properties only.
function factReader(fact: string, path: string | undefined): (f: Facts) => unknown {
  if (path === undefined) return (f) => (Object.hasOwn(f, fact) ? f[fact] : undefined);
  const parsed = parseFactPath(path);
  if ("error" in parsed) throw new Error(parsed.error); // unreachable: checked by the schema
  const steps = parsed.steps;
  return (f) => {
    const v = Object.hasOwn(f, fact) ? f[fact] : undefined;
    return v !== null && typeof v === "object" ? resolveSteps(v, steps) : v;
  };
}

function referencedFacts(ruleSet: RuleSet): string[] {
  const names = new Set<string>();
  const used = new Set<string>();
  const visit = (root: TopLevelConditionT) =>
    walkConditions(root, [], (node) => {
      if ("fact" in node) {
        names.add(node.fact);
        const v = node.value;
        if (v !== null && typeof v === "object" && !Array.isArray(v)) names.add(v.fact);
      }
      if ("condition" in node && !used.has(node.condition)) {
        used.add(node.condition);
        visit(ruleSet.conditions![node.condition]!);
      }
    });
  for (const rule of ruleSet.rules) visit(rule.conditions);
  return [...names].sort();
}

function nameOf(node: { name?: string | undefined }): { name?: string } {
  return node.name === undefined ? {} : { name: node.name };
}
