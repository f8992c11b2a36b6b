import type { FactConditionT, NestedConditionT, RuleSet, RuleT } from "../ruleSetSchema.js";
import { parseFactPath, type PathStep } from "../factPath.js";
import { leafMayThrow } from "../leafMayThrow.js";
import { operatorParts, type BuiltinOperator, type OperatorRegistry, type ResolvedOperator } from "../operators.js";
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
 * The source is the body of a factory taking `GENERATED_PARAMETERS`; it returns one of two
 * functions (`recorder` says which), each giving the events of the rules that fired, in evaluation order, or `null`
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
  /** Where `record` stores each leaf's values (the recorder's source only). */
  readonly layout: RecordLayout | undefined;
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
  /** Rules of one shape that share a loop over a table of their literals (default 8; Infinity: never). */
  readonly templateMinRules?: number | undefined;
  /** Emit `record` instead of `run` (built when a traced run first needs it). */
  readonly recorder?: boolean | undefined;
}

/** The factory's parameter names, in order: bindings, `readFactPath`, `Object.hasOwn`, fired events. */
export const GENERATED_PARAMETERS = ["ops", "ks", "ps", "rp", "hasOwn", "fe"] as const;

/** Rules of one shape needed before they share a loop over a table (see ruleShapes). */
export const DEFAULT_TEMPLATE_MIN_RULES = 8;

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
  /** While emitting a shape's loop: where each literal of the representative rule is read from the table row. */
  template?: Map<FactConditionT, string> | undefined;
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
  const header = ['"use strict";', `// ${GENERATED_PARAMETERS.join(", ")}: operators, literal values, path steps, readFactPath, Object.hasOwn, fired events`];
  const bindings = { operators: em.operators, constants: em.constants, paths: em.paths };

  if (options.recorder === true) {
    // record(f, r): every rule, every leaf, in the traced closures' order.
    const layout = recordLayout(ruleSet, orderedRules);
    const body = [
      "const fired = [];",
      ...ruleList(all, leaves, perFunction, em, "r", "f, r, fired", (i) => recordRule(layout.rules[i]!, i, em), orderedRules),
      "return fired;",
    ];
    const source = [...header, ...em.declarations, `return ${functionSource("record", "f, r", em.temps, missing ? [missing, ...body] : body)};`].join("\n");
    return { source, bindings, layout, index: undefined };
  }

  // run(f): the index, if any, narrows the keyed rules to one bucket; the rest run in order.
  const index = equalityIndex(orderedRules, registry, (node) => mayThrow(node, em), options.indexMinRules);
  const shapes = ruleShapes(orderedRules, options.templateMinRules ?? DEFAULT_TEMPLATE_MIN_RULES);
  const runBody: string[] = [];
  if (index === undefined && shapes.size === 0 && fitsOneFunction(all, leaves, perFunction)) {
    // Inline, the list of events starts at its first: a run fires a few rules, and `[]`
    // grows to 17 slots on its first push (~200 bytes per run of a rule set, per line).
    runBody.push("let fired;");
    for (const i of all) runBody.push(`if (${emitRoot(orderedRules[i]!, em)}) { if (fired === undefined) fired = [fe[${i}]]; else fired.push(fe[${i}]); }`);
    runBody.push("return fired === undefined ? [] : fired;");
  } else if (index === undefined && shapes.size === 0) {
    runBody.push("const fired = [];");
    runBody.push(...ruleList(all, leaves, perFunction, em, "c", "f, fired", (i, rule) => `if (${emitRoot(rule, em)}) fired.push(fe[${i}]);`, orderedRules));
    runBody.push("return fired;");
  } else {
    runBody.push("const fired = [];");
    // Rule numbers, not events, so that the parts merge back into evaluation order. A part
    // is a list of units [function, table]: the plain rules' function (table unused) and
    // each shape's shared loop with this part's rows.
    const unitsOf = (rules: readonly number[], prefix: string): Unit[] => {
      const units: Unit[] = [];
      const plain = rules.filter((i) => !shapes.has(i));
      if (plain.length > 0) {
        const saved = em.temps;
        em.temps = 0;
        const body = ruleList(plain, leaves, perFunction, em, `${prefix}_`, "f, fired", (i, rule) => `if (${emitRoot(rule, em)}) fired.push(${i});`, orderedRules);
        const name = `${prefix}${em.declarations.length}`;
        em.declarations.push(functionSource(name, "f, t, fired", em.temps, body));
        em.temps = saved;
        units.push({ fn: name, table: "null" });
      }
      // Rules of one shape: one shared loop over a table of their rule numbers and literals.
      const tables = new Map<Shape, unknown[]>();
      for (const i of rules) {
        const shape = shapes.get(i);
        if (shape === undefined) continue;
        let table = tables.get(shape);
        if (table === undefined) tables.set(shape, (table = []));
        table.push(i, ...literalLeaves(orderedRules[i]!.conditions).map((leaf) => leaf.value));
      }
      for (const [shape, table] of tables) {
        const rows = table.length / (1 + literalLeaves(orderedRules[shape.representative]!.conditions).length);
        units.push({ fn: shapeFunction(shape, orderedRules, em), table: `ks[${em.constants.push(table) - 1}]`, shape, rows });
      }
      return units;
    };
    const listOf = (units: readonly Unit[]) => units.flatMap((u) => [u.fn, u.table]).join(", ");
    const rest = index === undefined ? all : all.filter((i) => !index.keyed.has(i));
    em.declarations.push(`const rest = [${listOf(unitsOf(rest, "c"))}];`);
    runBody.push("for (let u = 0; u < rest.length; u += 2) rest[u](f, rest[u + 1], fired);");
    if (index !== undefined) {
      // Keys map to lists of units, not to a function per key: a key's code is the shared
      // shape loops (hot), whichever key a run hits.
      const bucketUnits = [...index.buckets].map(([key, rules], b) => ({ key, units: unitsOf(rules, `b${b}_`) }));
      const sequences = sharedSequences(bucketUnits.map((b) => b.units), orderedRules, leaves, perFunction, em);
      const buckets = bucketUnits.map(({ key, units }) => {
        const sequence = sequences.get(units);
        const list = sequence === undefined ? listOf(units) : `${sequence}, [${units.map((u) => u.table).join(", ")}]`;
        return `[ks[${em.constants.push(key) - 1}], [${list}]]`;
      });
      em.declarations.push(`const ix = new Map([${buckets.join(", ")}]);`);
      runBody.push(`const bucket = ix.get(${readFact(index.fact, index.path, em)});`);
      runBody.push("if (bucket !== undefined) for (let u = 0; u < bucket.length; u += 2) bucket[u](f, bucket[u + 1], fired);");
    }
    // Back into evaluation order: a sort for a few, one pass over the rules for many.
    runBody.push(
      `if (fired.length > 64) { const on = new Uint8Array(${orderedRules.length}); for (let i = 0; i < fired.length; i++) on[fired[i]] = 1; let k = 0; for (let i = 0; i < on.length; i++) if (on[i] === 1) fired[k++] = i; }`,
      "else if (fired.length > 1) sortNumbers(fired);",
      "const events = new Array(fired.length);",
      "for (let i = 0; i < fired.length; i++) events[i] = fe[fired[i]];",
      "return events;",
    );
    // Distinct rule numbers, a few per run: an insertion sort, without Array.prototype.sort's work arrays.
    em.declarations.push("const sortNumbers = (xs) => { for (let i = 1; i < xs.length; i++) { const x = xs[i]; let j = i - 1; for (; j >= 0 && xs[j] > x; j--) xs[j + 1] = xs[j]; xs[j + 1] = x; } };");
  }
  const source = [...header, ...em.declarations, `return ${functionSource("run", "f", em.temps, missing ? [missing, ...runBody] : runBody)};`].join("\n");
  return { source, bindings, layout: undefined, index };
}

/** What a run calls, with what: a shape's loop and its rows, or a function of plain rules (table `null`). */
interface Unit {
  readonly fn: string;
  readonly table: string;
  readonly shape?: Shape;
  /** Rows of the shape's table. */
  readonly rows?: number;
}

/**
 * A function per sequence of shapes that several keys' buckets run (a rule per leaf category
 * is the same few rules with other literals under each key): called as one unit with the
 * bucket's tables (`t[k]` is the k-th shape's). Through the bucket's list, each loop would be
 * a call V8 cannot predict; shared by the keys, the function gets hot and is optimised. With
 * one rule per shape in each bucket (and within the leaf limit) the shapes' tests are spelled
 * in it, reading the literals from the tables; else it calls the shapes' loops directly.
 */
function sharedSequences(buckets: readonly (readonly Unit[])[], orderedRules: readonly RuleT[], leaves: readonly number[], perFunction: number, em: Emitter): Map<readonly Unit[], string> {
  const signatureOf = (units: readonly Unit[]) =>
    units.length > 1 && units.every((u) => u.shape !== undefined) ? units.map((u) => `${u.fn}*${u.rows}`).join(",") : undefined;
  const users = new Map<string, number>();
  for (const units of buckets) {
    const signature = signatureOf(units);
    if (signature !== undefined) users.set(signature, (users.get(signature) ?? 0) + 1);
  }
  const named = new Map<string, string>();
  const out = new Map<readonly Unit[], string>();
  for (const units of buckets) {
    const signature = signatureOf(units);
    if (signature === undefined || users.get(signature)! < 2) continue;
    let name = named.get(signature);
    if (name === undefined) {
      name = `q${em.declarations.length}`;
      named.set(signature, name);
      const leafTotal = units.reduce((n, u) => n + leaves[u.shape!.representative]!, 0);
      let body: string[];
      let temps = 0;
      if (units.every((u) => u.rows === 1) && leafTotal <= perFunction) {
        const saved = em.temps;
        em.temps = 0;
        body = units.map((u, k) => {
          const rule = orderedRules[u.shape!.representative]!;
          em.template = new Map(literalLeaves(rule.conditions).map((leaf, q) => [leaf, `t[${k}][${q + 1}]`]));
          const test = emitRoot(rule, em);
          em.template = undefined;
          return `if (${test}) fired.push(t[${k}][0]);`;
        });
        temps = em.temps;
        em.temps = saved;
      } else body = units.map((u, k) => `${u.fn}(f, t[${k}], fired);`);
      em.declarations.push(functionSource(name, "f, t, fired", temps, body));
    }
    out.set(units, name);
  }
  return out;
}

function functionSource(name: string, parameters: string, temps: number, body: readonly string[]): string {
  const lets = temps > 0 ? [`let ${Array.from({ length: temps }, (_, i) => `v${i}`).join(", ")};`] : [];
  return [`function ${name}(${parameters}) {`, ...lets, ...body, "}"].join("\n");
}

/** Whether these rules' leaves fit in one generated function (else ruleList splits them). */
function fitsOneFunction(rules: readonly number[], leaves: readonly number[], perFunction: number): boolean {
  let total = 0;
  for (const i of rules) total += leaves[i]!;
  return total <= perFunction;
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
  if (fitsOneFunction(rules, leaves, perFunction)) return rules.map((i) => statement(i, orderedRules[i]!));
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
  const templated = em.template?.get(node);
  if (templated !== undefined) return templated;
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
  const builtin = parts.builtin;
  // json-rules-engine's own callbacks: their bodies, spelled at the leaf. A large evaluator
  // soon spends V8's inlining budget, so a call stays a call; `a === b` costs less. The
  // validator json-rules-engine gives an operator without one (`return true`) is left out.
  const indexOfMayThrow = (builtin === "in" || builtin === "notIn") && leafMayThrow(node, () => false);
  if (builtin === undefined || indexOfMayThrow) return `${validate} && ops[${op}].cb(${a}, ${b})`;
  const body = BUILTIN_BODIES[builtin](a, b);
  return parts.validatesNothing ? `(${body})` : `${validate} && (${body})`;
}

/**
 * The callbacks of engine-default-operators.js, as source (test/engine/operatorParts.test.ts
 * holds each to the library's callback). `in`/`notIn` are spelled only where `indexOf` cannot
 * throw (a literal array or string), so that no error is worded differently.
 */
export const BUILTIN_BODIES: Readonly<Record<BuiltinOperator, (a: string, b: string) => string>> = {
  equal: (a, b) => `${a} === ${b}`,
  notEqual: (a, b) => `${a} !== ${b}`,
  in: (a, b) => `${b}.indexOf(${a}) > -1`,
  notIn: (a, b) => `${b}.indexOf(${a}) === -1`,
  contains: (a, b) => `${a}.indexOf(${b}) > -1`,
  doesNotContain: (a, b) => `${a}.indexOf(${b}) === -1`,
  lessThan: (a, b) => `${a} < ${b}`,
  lessThanInclusive: (a, b) => `${a} <= ${b}`,
  greaterThan: (a, b) => `${a} > ${b}`,
  greaterThanInclusive: (a, b) => `${a} >= ${b}`,
};

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

function leafCount(node: NestedConditionT, ruleSet: RuleSet): number {
  if ("fact" in node) return 1;
  if ("condition" in node) return leafCount(ruleSet.conditions![node.condition]!, ruleSet);
  if ("not" in node) return leafCount(node.not, ruleSet);
  let n = 0;
  for (const c of "all" in node ? node.all : node.any) n += leafCount(c, ruleSet);
  return n;
}

/**
 * Rules that differ only in their literal values (a rule per category, per SKU range, per
 * seller…) have one shape. Each rule's own code runs once per evaluation, so with thousands
 * of rules it stays cold (interpreted; V8 optimises a function only after it has run
 * enough) and the cost per rule grows with the rule count. Rules of a shape shared by at
 * least `minRules` rules are evaluated instead by one loop over a table of their rule
 * numbers and literals: the same code runs for every row, gets hot, and is optimised.
 */
interface Shape {
  /** The rule whose emitted code serves the shape. */
  readonly representative: number;
  /** The helper function's name once emitted. */
  name?: string;
}

function ruleShapes(orderedRules: readonly RuleT[], minRules: number): Map<number, Shape> {
  const byKey = new Map<string, number[]>();
  orderedRules.forEach((rule, i) => {
    const key = shapeKey(rule);
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [i]);
    else list.push(i);
  });
  const shapeOf = new Map<number, Shape>();
  for (const rules of byKey.values()) {
    if (rules.length < minRules) continue;
    const shape: Shape = { representative: rules[0]! };
    for (const i of rules) shapeOf.set(i, shape);
  }
  return shapeOf;
}

// The conditions with each literal value blanked to its kind and names (which do not
// evaluate) dropped. Operators, facts, paths, references and the tree are the shape. The kind
// stays because whether a leaf may throw depends on it (`in` over an array or a string cannot,
// over a number can: leafMayThrow), and a shape's code is emitted from its first rule: an
// array and a number under one shape once let the shared loop short-circuit past a throw.
function shapeKey(rule: RuleT): string {
  return JSON.stringify(rule.conditions, (key, value: unknown) => {
    if (key === "name") return undefined;
    if (key === "value" && !(value !== null && typeof value === "object" && !Array.isArray(value))) return Array.isArray(value) ? "array" : value === null ? "null" : typeof value;
    return value;
  });
}

/** A rule's leaves with a literal value, in document order (shared conditions are not the rule's own). */
function literalLeaves(node: NestedConditionT, out: FactConditionT[] = []): FactConditionT[] {
  if ("fact" in node) {
    const v = node.value;
    if (v === null || typeof v !== "object" || Array.isArray(v)) out.push(node);
  } else if ("all" in node) for (const c of node.all) literalLeaves(c, out);
  else if ("any" in node) for (const c of node.any) literalLeaves(c, out);
  else if ("not" in node) literalLeaves(node.not, out);
  return out;
}

/** The shape's loop, declared once: `table` rows are [rule number, literal 0, literal 1, …]. */
function shapeFunction(shape: Shape, orderedRules: readonly RuleT[], em: Emitter): string {
  if (shape.name !== undefined) return shape.name;
  const rule = orderedRules[shape.representative]!;
  const literals = literalLeaves(rule.conditions);
  const width = 1 + literals.length;
  const saved = em.temps;
  em.temps = 0;
  em.template = new Map(literals.map((leaf, q) => [leaf, `t[j + ${q + 1}]`]));
  const test = emitRoot(rule, em);
  em.template = undefined;
  const name = `s${em.declarations.length}`;
  em.declarations.push(functionSource(name, "f, t, fired", em.temps, [`for (let j = 0; j < t.length; j += ${width}) {`, `if (${test}) fired.push(t[j]);`, "}"]));
  em.temps = saved;
  shape.name = name;
  return name;
}
