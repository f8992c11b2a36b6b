import type { FactConditionT, NestedConditionT, RuleSet, RuleT } from "../ruleSetSchema.js";
import { parseFactPath, type PathStep } from "../factPath.js";
import { leafMayThrow } from "../leafMayThrow.js";
import { operatorParts, type OperatorRegistry, type ResolvedOperator } from "../operators.js";
import { equalityIndex, type EqualityIndex } from "./equalityIndex.js";
import { recordLayout, type RecordLayout, type RecordNode } from "./recordLayout.js";
import { soleRootChild } from "./soleRootChild.js";

/**
 * The evaluators of a rule set as JavaScript source, once per rule set (the zod v4 JIT
 * idea). Each fact read becomes a named property load and each operator call its own call
 * site, so V8 keeps them monomorphic; closures pay for megamorphic keyed loads and indirect
 * calls instead (≈5× slower, see BENCHMARKS.md).
 *
 * Nothing from the rule file is spliced into the source as text except fact names, which
 * the schema restricts to identifiers (`[A-Za-z_][A-Za-z0-9_]*`, prototype keys refused).
 * Operators, literals and paths are passed in as the `bindings`, by index.
 *
 * The source is the body of a factory taking `GENERATED_PARAMETERS`; it returns two
 * functions, each giving the events of the rules that fired, in evaluation order, or `null`
 * when a required fact is missing, and each may throw where an operator throws:
 *
 * - `run(f)`, the trace-free path: short-circuits, and with an equality index (see
 *   equalityIndex.ts) evaluates only the rules whose key matches the fact's value;
 * - `record(f, r)`, the traced path: evaluates every leaf, in the traced closures' order,
 *   and stores what each read and decided in `r` (slots of `layout`), from which the
 *   readable trace is built when it is read.
 *
 * Rules are emitted in functions of a bounded size: V8 optimises no function above a
 * bytecode budget (TurboFan's is 60 KB), and an interpreted function's frame holds every
 * temporary, so one function for thousands of rules runs interpreted at a cost per rule
 * that grows with the rule count.
 */
export interface GeneratedSource {
  readonly source: string;
  readonly bindings: GeneratedBindings;
  /** Where `record` stores each leaf's values. */
  readonly layout: RecordLayout;
  /** The equality index `run` dispatches on, if the rule set has one worth building. */
  readonly index: EqualityIndex | undefined;
}

export interface GeneratedBindings {
  /** `ops`: the operator of each leaf, in source order. */
  readonly operators: readonly ResolvedOperator[];
  /** `ks`: the literal `value` of each leaf that has one, and the index's keys. */
  readonly constants: readonly unknown[];
  /** `ps`: the parsed steps of each `path`. */
  readonly paths: readonly (readonly PathStep[])[];
}

export interface EmitOptions {
  /** The facts that must be present (`allowUndefinedFacts` off), or undefined. */
  readonly requiredFacts?: readonly string[] | undefined;
  /** Leaves per generated function, at most (a single rule above it gets one of its own). */
  readonly leavesPerFunction?: number | undefined;
  /** Build an equality index when at least this many rules are keyed on one fact (default 16). */
  readonly indexMinRules?: number | undefined;
}

/** The factory's parameter names, in order: bindings, `readFactPath`, `Object.hasOwn`, fired events. */
export const GENERATED_PARAMETERS = ["ops", "ks", "ps", "rp", "hasOwn", "fe"] as const;

/** Small enough for V8 to optimise each function, large enough that calls between them are rare. */
export const DEFAULT_LEAVES_PER_FUNCTION = 120;

interface Emitter {
  readonly operators: ResolvedOperator[];
  readonly constants: unknown[];
  readonly paths: PathStep[][];
  readonly ruleSet: RuleSet;
  readonly registry: OperatorRegistry;
  readonly factsAreChecked: boolean;
  /** Temporaries of the function being emitted. */
  temps: number;
  /** Helper functions declared in the factory. */
  readonly declarations: string[];
}

/**
 * @example
 * emitEvaluatorSource(ruleSet, [rule], registry, { requiredFacts: ["a"] }).source
 * //=> '"use strict";\n…function run(f) {\nif ((f.a === undefined && !hasOwn(f, "a"))) return null;\n…'
 */
export function emitEvaluatorSource(
  ruleSet: RuleSet,
  /** The rules in evaluation order; rule i fires `fe[i]`. */
  orderedRules: readonly RuleT[],
  registry: OperatorRegistry,
  options: EmitOptions = {},
): GeneratedSource {
  const requiredFacts = options.requiredFacts;
  const perFunction = Math.max(1, options.leavesPerFunction ?? DEFAULT_LEAVES_PER_FUNCTION);
  const em: Emitter = {
    operators: [], constants: [], paths: [], ruleSet, registry, factsAreChecked: requiredFacts !== undefined, temps: 0, declarations: [],
  };
  const missing =
    requiredFacts && requiredFacts.length > 0
      ? `if (${requiredFacts.map((n) => `(f.${n} === undefined && !hasOwn(f, ${JSON.stringify(n)}))`).join(" || ")}) return null;`
      : undefined;
  const leaves = orderedRules.map((rule) => leafCount(rule.conditions, ruleSet));
  const all = orderedRules.map((_, i) => i);

  // run(f): the index, if any, narrows the keyed rules to one bucket; the rest run in order.
  const index = equalityIndex(orderedRules, registry, (node) => mayThrow(node, em), options.indexMinRules);
  const runBody: string[] = [];
  if (index === undefined) {
    runBody.push("const fired = [];", ...ruleList(all, leaves, perFunction, em, "c", "f, fired", (i, rule) => `if (${emitRoot(rule, em)}) fired.push(fe[${i}]);`, orderedRules));
    runBody.push("return fired;");
  } else {
    // Rule numbers, not events, so that the two parts merge back into evaluation order.
    const pushIndex = (i: number, rule: RuleT) => `if (${emitRoot(rule, em)}) fired.push(${i});`;
    const rest = all.filter((i) => !index.keyed.has(i));
    runBody.push("const fired = [];", ...ruleList(rest, leaves, perFunction, em, "c", "f, fired", pushIndex, orderedRules));
    const buckets: string[] = [];
    for (const [key, rules] of index.buckets) {
      const b = `b${buckets.length}`;
      const saved = em.temps;
      em.temps = 0;
      const body = ruleList(rules, leaves, perFunction, em, `${b}_`, "f, fired", pushIndex, orderedRules);
      em.declarations.push(functionSource(b, "f, fired", em.temps, body));
      em.temps = saved;
      buckets.push(`[ks[${em.constants.push(key) - 1}], ${b}]`);
    }
    em.declarations.push(`const ix = new Map([${buckets.join(", ")}]);`);
    runBody.push(`const bucket = ix.get(${readFact(index.fact, index.path, em)});`);
    runBody.push("if (bucket !== undefined) bucket(f, fired);");
    runBody.push("if (fired.length > 1) fired.sort(byNumber);");
    runBody.push("const events = new Array(fired.length);");
    runBody.push("for (let i = 0; i < fired.length; i++) events[i] = fe[fired[i]];");
    runBody.push("return events;");
    em.declarations.push("const byNumber = (x, y) => x - y;");
  }
  const runTemps = em.temps;
  em.temps = 0;

  // record(f, r): every rule, every leaf, in the traced closures' order.
  const layout = recordLayout(ruleSet, orderedRules);
  const recordBody = [
    "const fired = [];",
    ...ruleList(all, leaves, perFunction, em, "r", "f, r, fired", (i) => recordRule(layout.rules[i]!, i, em), orderedRules),
    "return fired;",
  ];
  const recordTemps = em.temps;

  const source = [
    '"use strict";',
    `// ${GENERATED_PARAMETERS.join(", ")}: operators, literal values, path steps, readFactPath, Object.hasOwn, fired events`,
    ...em.declarations,
    functionSource("run", "f", runTemps, missing ? [missing, ...runBody] : runBody),
    functionSource("record", "f, r", recordTemps, missing ? [missing, ...recordBody] : recordBody),
    "return {",
    "run, record,",
    "};",
  ].join("\n");
  return { source, bindings: { operators: em.operators, constants: em.constants, paths: em.paths }, layout, index };
}

function functionSource(name: string, parameters: string, temps: number, body: readonly string[]): string {
  const lets = temps > 0 ? [`let ${Array.from({ length: temps }, (_, i) => `v${i}`).join(", ")};`] : [];
  return [`function ${name}(${parameters}) {`, ...lets, ...body, "}"].join("\n");
}

/**
 * The statements evaluating `rules` in order: inline when they fit one function, else
 * calls to helper functions of at most `perFunction` leaves each (declared in the factory).
 * Inline statements use the caller's temporaries (`em.temps`).
 */
function ruleList(
  rules: readonly number[],
  leaves: readonly number[],
  perFunction: number,
  em: Emitter,
  prefix: string,
  parameters: string,
  statement: (index: number, rule: RuleT) => string,
  orderedRules: readonly RuleT[],
): string[] {
  let total = 0;
  for (const i of rules) total += leaves[i]!;
  if (total <= perFunction) return rules.map((i) => statement(i, orderedRules[i]!));
  const calls: string[] = [];
  const saved = em.temps;
  let chunk: string[] = [];
  let size = 0;
  const flush = () => {
    if (chunk.length === 0) return;
    const name = `${prefix}${em.declarations.length}`;
    em.declarations.push(functionSource(name, parameters, em.temps, chunk));
    calls.push(`${name}(${parameters});`);
    chunk = [];
    size = 0;
    em.temps = 0;
  };
  em.temps = 0;
  for (const i of rules) {
    if (size > 0 && size + leaves[i]! > perFunction) flush();
    chunk.push(statement(i, orderedRules[i]!));
    size += leaves[i]!;
  }
  flush();
  em.temps = saved;
  return calls;
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
  const a = `v${em.temps++}`;
  const b = `v${em.temps++}`;
  return `(${a} = ${readFact(node.fact, node.path, em)}, ${b} = ${readValue(node, em)}, ${operatorCall(node, a, b, em)})`;
}

/**
 * One rule of `record`: each leaf's reads and outcome stored in its slots, in the order
 * the traced closures evaluate them (every node, no short-circuit), then whether it fired,
 * computed from the stored outcomes as the closures combine them.
 */
function recordRule(rule: RecordLayout["rules"][number], index: number, em: Emitter): string {
  const statements: string[] = [];
  const store = (p: RecordNode): void => {
    if (p.kind === "leaf") {
      const a = `v${em.temps++}`;
      const b = `v${em.temps++}`;
      const node = p.node;
      const value = p.value < 0 ? "" : ` r[${p.value}] = ${b};`;
      statements.push(`${a} = ${readFact(node.fact, node.path, em)}; ${b} = ${readValue(node, em)}; r[${p.fact}] = ${a};${value} r[${p.result}] = ${operatorCall(node, a, b, em)};`);
    } else if ("children" in p) p.children.forEach(store);
    else store(p.child);
  };
  store(rule.root);
  const outcome = (p: RecordNode): string => {
    switch (p.kind) {
      case "leaf":
        return `r[${p.result}]`;
      case "not":
        return `(!${outcome(p.child)})`;
      case "ref":
        return `(${outcome(p.child)} === true)`;
      default:
        return `(${p.children.map((c) => `${outcome(c)} === true`).join(p.kind === "all" ? " && " : " || ")})`;
    }
  };
  statements.push(`if (${outcome(rule.root)}) fired.push(fe[${index}]);`);
  return statements.join("\n");
}

function readValue(node: FactConditionT, em: Emitter): string {
  const value = node.value;
  return value !== null && typeof value === "object" && !Array.isArray(value) ? readFact(value.fact, value.path, em) : `ks[${em.constants.push(value) - 1}]`;
}

function operatorCall(node: FactConditionT, a: string, b: string, em: Emitter): string {
  const operator = em.registry.get(node.operator)!;
  const op = em.operators.push(operator) - 1;
  const parts = operatorParts(operator);
  if (parts === undefined) return `ops[${op}].evaluate(${a}, ${b})`;
  // What `Operator#evaluate` does — `this.factValueValidator(a) && this.cb(a, b)` — spelled
  // out at each leaf, so every call site sees one validator and one callback (monomorphic,
  // inlinable) instead of all of them through the shared method. Both are still the
  // library's functions, called with the operator as `this`. One proven shortcut: the
  // library's numberValidator, `parseFloat(a).toString() !== 'NaN'`, is `a === a` for a
  // number a (its string is a numeral, or "NaN" for NaN alone) — test/engine/operatorParts.test.ts.
  const validator = `ops[${op}].factValueValidator`;
  const validate = parts.validatesNumbers ? `(typeof ${a} === "number" ? ${a} === ${a} : ${validator}(${a}))` : `${validator}(${a})`;
  return `${validate} && ops[${op}].cb(${a}, ${b})`;
}

function readFact(fact: string, path: string | undefined, em: Emitter): string {
  const read = em.factsAreChecked ? `f.${fact}` : `(hasOwn(f, ${JSON.stringify(fact)}) ? f.${fact} : undefined)`;
  if (path === undefined) return read;
  const parsed = parseFactPath(path);
  if ("error" in parsed) throw new Error(parsed.error); // unreachable: the schema checked it
  return `rp(${read}, ps[${em.paths.push(parsed.steps) - 1}])`;
}

function mayThrow(node: NestedConditionT, em: Emitter): boolean {
  if ("fact" in node) return leafMayThrow(node, (n) => em.registry.isCustom(n));
  if ("condition" in node) return mayThrow(em.ruleSet.conditions![node.condition]!, em);
  if ("not" in node) return mayThrow(node.not, em);
  return ("all" in node ? node.all : node.any).some((c) => mayThrow(c, em));
}

function leafCount(node: NestedConditionT, ruleSet: RuleSet): number {
  if ("fact" in node) return 1;
  if ("condition" in node) return leafCount(ruleSet.conditions![node.condition]!, ruleSet);
  if ("not" in node) return leafCount(node.not, ruleSet);
  let n = 0;
  for (const c of "all" in node ? node.all : node.any) n += leafCount(c, ruleSet);
  return n;
}
