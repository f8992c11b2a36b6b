import type { FactConditionT, NestedConditionT, RuleSet, RuleT } from "../ruleSetSchema.js";
import { parseFactPath, type PathStep } from "../factPath.js";
import { leafMayThrow } from "../leafMayThrow.js";
import { operatorParts, type OperatorRegistry, type ResolvedOperator } from "../operators.js";
import { soleRootChild } from "./soleRootChild.js";

/**
 * The trace-free evaluator of a rule set as JavaScript source, once per rule set (the zod
 * v4 JIT idea). Each fact read becomes a named property load and each operator call its
 * own call site, so V8 keeps them monomorphic; closures pay for megamorphic keyed loads
 * and indirect calls instead (≈5× slower, see BENCHMARKS.md).
 *
 * Nothing from the rule file is spliced into the source as text except fact names, which
 * the schema restricts to identifiers (`[A-Za-z_][A-Za-z0-9_]*`, prototype keys refused).
 * Operators, literals and paths are passed in as the `bindings`, by index.
 *
 * The source is the body of a factory taking `GENERATED_PARAMETERS`; the `run(f)` it
 * returns gives the events of the rules that fired, in evaluation order, or `null` when a
 * required fact is missing, and it may throw where an operator throws.
 */
export interface GeneratedSource {
  readonly source: string;
  readonly bindings: GeneratedBindings;
}

export interface GeneratedBindings {
  /** `ops`: the operator of each leaf, in source order. */
  readonly operators: readonly ResolvedOperator[];
  /** `ks`: the literal `value` of each leaf that has one. */
  readonly constants: readonly unknown[];
  /** `ps`: the parsed steps of each `path`. */
  readonly paths: readonly (readonly PathStep[])[];
}

/** The factory's parameter names, in order: bindings, `readFactPath`, `Object.hasOwn`, fired events. */
export const GENERATED_PARAMETERS = ["ops", "ks", "ps", "rp", "hasOwn", "fe"] as const;

interface Emitter {
  readonly operators: ResolvedOperator[];
  readonly constants: unknown[];
  readonly paths: PathStep[][];
  temps: number;
  readonly ruleSet: RuleSet;
  readonly registry: OperatorRegistry;
  readonly factsAreChecked: boolean;
}

/**
 * @example
 * emitEvaluatorSource(ruleSet, [rule], registry, ["a"]).source
 * //=> '"use strict";\n…return function run(f) {\nif ((f.a === undefined && !hasOwn(f, "a"))) return null;\n…'
 */
export function emitEvaluatorSource(
  ruleSet: RuleSet,
  /** The rules in evaluation order; rule i fires `fe[i]`. */
  orderedRules: readonly RuleT[],
  registry: OperatorRegistry,
  /** The facts that must be present (`allowUndefinedFacts` off), or undefined. */
  requiredFacts: readonly string[] | undefined,
): GeneratedSource {
  const em: Emitter = { operators: [], constants: [], paths: [], temps: 0, ruleSet, registry, factsAreChecked: requiredFacts !== undefined };
  const body: string[] = [];
  if (requiredFacts && requiredFacts.length > 0) {
    const checks = requiredFacts.map((n) => `(f.${n} === undefined && !hasOwn(f, ${JSON.stringify(n)}))`);
    body.push(`if (${checks.join(" || ")}) return null;`);
  }
  body.push("const fired = [];");
  orderedRules.forEach((rule, index) => body.push(`if (${emitRoot(rule, em)}) fired.push(fe[${index}]);`));
  body.push("return fired;");
  const temps = Array.from({ length: em.temps }, (_, i) => `v${i}`);
  const source = [
    '"use strict";',
    `// ${GENERATED_PARAMETERS.join(", ")}: operators, literal values, path steps, readFactPath, Object.hasOwn, fired events`,
    "return function run(f) {",
    ...(temps.length ? [`let ${temps.join(", ")};`] : []),
    ...body,
    "};",
  ].join("\n");
  return { source, bindings: { operators: em.operators, constants: em.constants, paths: em.paths } };
}

// A rule fires on a truthy outcome; only a sole child of the top-level all/any keeps its
// raw outcome (see soleRootChild), every other node is already a boolean.
function emitRoot(rule: RuleT, em: Emitter): string {
  const sole = soleRootChild(rule.conditions);
  return sole === undefined ? emit(rule.conditions, em) : emit(sole, em);
}

function emit(node: NestedConditionT, em: Emitter): string {
  if ("fact" in node) return emitLeaf(node, em);
  if ("condition" in node) return `((${emit(em.ruleSet.conditions![node.condition]!, em)}) === true)`;
  if ("not" in node) return `(!(${emit(node.not, em)}))`;
  const isAll = "all" in node;
  const children = isAll ? node.all : node.any;
  if (children.length === 1) return `((${emit(children[0]!, em)}) === true)`;
  const throwing = children.filter((c) => mayThrow(c, em));
  const safe = children.filter((c) => !mayThrow(c, em));
  const join = isAll ? " && " : " || ";
  const safePart = safe.map((c) => `(${emit(c, em)}) === true`);
  if (throwing.length === 0) return `(${safePart.join(join)})`;
  // json-rules-engine evaluates every child (Promise.all): the ones that can throw run
  // unconditionally, in a comma sequence, before the safe ones short-circuit.
  const t = `v${em.temps++}`;
  const steps = throwing.map((c, i) => (i === 0 ? `${t} = (${emit(c, em)}) === true` : `${t} = ((${emit(c, em)}) === true)${join}${t}`));
  return `(${steps.join(", ")}, ${[t, ...safePart].join(join)})`;
}

function emitLeaf(node: FactConditionT, em: Emitter): string {
  const operator = em.registry.get(node.operator)!;
  const op = em.operators.push(operator) - 1;
  const left = readFact(node.fact, node.path, em);
  const value = node.value;
  const right =
    value !== null && typeof value === "object" && !Array.isArray(value) ? readFact(value.fact, value.path, em) : `ks[${em.constants.push(value) - 1}]`;
  const parts = operatorParts(operator);
  if (parts === undefined) return `ops[${op}].evaluate(${left}, ${right})`;
  // What `Operator#evaluate` does — `this.factValueValidator(a) && this.cb(a, b)` — spelled
  // out at each leaf, so every call site sees one validator and one callback (monomorphic,
  // inlinable) instead of all of them through the shared method. Both are still the
  // library's functions, called with the operator as `this`. One proven shortcut: the
  // library's numberValidator, `parseFloat(a).toString() !== 'NaN'`, is `a === a` for a
  // number a (its string is a numeral, or "NaN" for NaN alone) — test/engine/operatorParts.test.ts.
  const a = `v${em.temps++}`;
  const b = `v${em.temps++}`;
  const validator = `ops[${op}].factValueValidator`;
  const validate = parts.validatesNumbers ? `(typeof ${a} === "number" ? ${a} === ${a} : ${validator}(${a}))` : `${validator}(${a})`;
  return `(${a} = ${left}, ${b} = ${right}, ${validate} && ops[${op}].cb(${a}, ${b}))`;
}

function readFact(fact: string, path: string | undefined, em: Emitter): string {
  const read = em.factsAreChecked ? `f.${fact}` : `(hasOwn(f, ${JSON.stringify(fact)}) ? f.${fact} : undefined)`;
  if (path === undefined) return read;
  const parsed = parseFactPath(path);
  if ("error" in parsed) throw new Error(`unsupported path ${path}`); // unreachable: the schema checked it
  return `rp(${read}, ps[${em.paths.push(parsed.steps) - 1}])`;
}

function mayThrow(node: NestedConditionT, em: Emitter): boolean {
  if ("fact" in node) return leafMayThrow(node, (n) => em.registry.isCustom(n));
  if ("condition" in node) return mayThrow(em.ruleSet.conditions![node.condition]!, em);
  if ("not" in node) return mayThrow(node.not, em);
  return ("all" in node ? node.all : node.any).some((c) => mayThrow(c, em));
}
