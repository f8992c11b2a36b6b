import { Engine, Operator, OperatorDecorator } from "json-rules-engine";

/**
 * The operators a rule set may use. Meaning comes from json-rules-engine itself: the
 * registry holds an `Engine` whose `OperatorMap` has the library's default operators and
 * decorators plus any custom ones, and both the compiled and the reference evaluator ask
 * that map for an operator by name (decorated names such as `someFact:in` included).
 */
export interface OperatorDefinition {
  readonly name: string;
  /**
   * `(factValue, jsonValue) => outcome`, as json-rules-engine's `Operator` callback. A
   * non-boolean outcome (a regex match, a count) is kept as it is: it fires a rule only
   * when the leaf stands alone under the rule's top-level `all`/`any` and is truthy, as in
   * json-rules-engine; anywhere else only `true` counts.
   */
  readonly evaluate: (factValue: unknown, jsonValue: unknown) => unknown;
  /** Runs first; a false result makes the condition false (json-rules-engine semantics). */
  readonly factValueValidator?: (factValue: unknown) => boolean;
}

export interface OperatorDecoratorDefinition {
  readonly name: string;
  readonly decorate: (
    factValue: unknown,
    jsonValue: unknown,
    next: (factValue: unknown, jsonValue: unknown) => boolean,
  ) => boolean;
  readonly factValueValidator?: (factValue: unknown) => boolean;
}

export interface OperatorRegistryOptions {
  readonly operators?: readonly OperatorDefinition[];
  readonly decorators?: readonly OperatorDecoratorDefinition[];
}

/** A resolved operator: json-rules-engine's own `Operator` object. */
export interface ResolvedOperator {
  readonly name: string;
  evaluate(factValue: unknown, jsonValue: unknown): unknown;
}

/** What `installOn` needs of json-rules-engine's `Engine`; structural, so its types stay out of ours. */
export interface OperatorHost {
  addOperator(operator: object): void;
  addOperatorDecorator(decorator: object): void;
}

export interface OperatorRegistry {
  /** The operator for a (possibly decorated) name, or `undefined` when unknown. */
  get(name: string): ResolvedOperator | undefined;
  /** Whether a name (operator or decorator) was registered as custom, possibly shadowing a built-in. */
  isCustom(name: string): boolean;
  /** Registers the same custom operators on a reference json-rules-engine `Engine`. */
  installOn(engine: OperatorHost): void;
  readonly custom: OperatorRegistryOptions;
}

/**
 * Most decorators on one operator (`not:someFact:in` has two). Each wraps the next in a call,
 * so thousands load as a name but overflow the stack on every evaluation; json-rules-engine
 * also keeps every decorated operator it builds, so the bound keeps that map finite.
 */
export const MAX_DECORATORS = 4;

const decoratorCount = (name: string): number => {
  let n = 0;
  for (let i = name.indexOf(":"); i !== -1 && n <= MAX_DECORATORS; i = name.indexOf(":", i + 1)) n++;
  return n;
};

/** Registries made here with no custom operator or decorator (decided when made). */
const libraryOnly = new WeakSet<OperatorRegistry>();

export function createOperatorRegistry(options: OperatorRegistryOptions = {}): OperatorRegistry {
  const customOperators = (options.operators ?? []).map(
    (o) => new Operator(o.name, o.evaluate as never, o.factValueValidator as never),
  );
  const customDecorators = (options.decorators ?? []).map(
    (d) => new OperatorDecorator(d.name, d.decorate as never, d.factValueValidator as never),
  );
  const installOn = (engine: OperatorHost) => {
    for (const op of customOperators) engine.addOperator(op);
    for (const d of customDecorators) engine.addOperatorDecorator(d);
  };
  const customNames = new Set([...customOperators, ...customDecorators].map((o) => o.name));
  const holder = new Engine();
  installOn(holder);
  // `operators` is the Engine's OperatorMap; it is not in the published typings.
  const map = (holder as unknown as { operators: { get(name: string): ResolvedOperator | null } }).operators;
  // Only names that resolve are remembered: a registry shared by a service that is asked
  // about every name in every refused rule set must not grow with them. json-rules-engine's
  // own map remembers each decorated operator it builds, which the decorator bound keeps finite.
  const cache = new Map<string, ResolvedOperator>();
  const registry: OperatorRegistry = {
    get(name) {
      const known = cache.get(name);
      if (known !== undefined) return known;
      if (decoratorCount(name) > MAX_DECORATORS) return undefined;
      const op = map.get(name) ?? undefined;
      if (op !== undefined) cache.set(name, op);
      return op;
    },
    isCustom: (name) => customNames.has(name),
    installOn,
    custom: options,
  };
  // Frozen, so what was decided when it was made stays true (nothing can swap `get`).
  Object.freeze(registry);
  if (customNames.size === 0) libraryOnly.add(registry);
  return registry;
}

/**
 * Whether every operator a registry resolves is json-rules-engine's own: one this library
 * made without custom operators or decorators. Those operators are pure functions of the
 * fact's value and the rule's, so a run's outcome and trace are functions of the facts it
 * read. False for a registry with custom ones, and for any registry made elsewhere.
 */
export function resolvesOnlyLibraryOperators(registry: OperatorRegistry): boolean {
  return libraryOnly.has(registry);
}

/**
 * Whether an operator is a plain json-rules-engine `Operator` (built-in, custom or decorated:
 * decorators produce `Operator`s too) whose `evaluate` is the library's own, so that a
 * caller may spell out `factValueValidator(a) && cb(a, b)` instead; what its validator is;
 * and whether its callback is one of the library's own (OperatorParts). `undefined` for
 * anything else.
 */
export function operatorParts(op: ResolvedOperator): OperatorParts | undefined {
  if (!(op instanceof Operator) || Object.hasOwn(op, "evaluate") || evaluateOf(Operator.prototype) !== LIBRARY_EVALUATE) return undefined;
  const parts = op as unknown as { cb: unknown; factValueValidator: unknown };
  if (typeof parts.cb !== "function" || typeof parts.factValueValidator !== "function") return undefined;
  const validatesNumbers = parts.factValueValidator === libraryNumberValidator();
  const validatesNothing = sourceOf(parts.factValueValidator) === DEFAULT_VALIDATOR_SOURCE;
  const builtin = BUILTIN_SOURCES.get(sourceOf(parts.cb));
  return builtin === undefined ? { validatesNumbers, validatesNothing } : { validatesNumbers, validatesNothing, builtin };
}

export interface OperatorParts {
  /** Its validator is the library's numberValidator. */
  readonly validatesNumbers: boolean;
  /** Its validator is the one json-rules-engine gives an operator without one: `return true`. */
  readonly validatesNothing: boolean;
  /**
   * Its callback is one of json-rules-engine's own, so a caller may spell the callback's body
   * instead of calling it (test/engine/operatorParts.test.ts holds each spelling to it).
   */
  readonly builtin?: BuiltinOperator;
}

/** json-rules-engine's own operators (engine-default-operators.js). */
export const BUILTIN_OPERATORS = ["equal", "notEqual", "in", "notIn", "contains", "doesNotContain", "lessThan", "lessThanInclusive", "greaterThan", "greaterThanInclusive"] as const;
export type BuiltinOperator = (typeof BUILTIN_OPERATORS)[number];

/**
 * json-rules-engine's callbacks (7.3.1, engine-default-operators.js) and the validator its
 * `Operator` gives an operator without one (operator.js), known by their source: what a
 * function says is what it computes, whichever object holds it. Read when a rule set is
 * compiled, so a callback replaced before then is called; one replaced afterwards is not
 * followed (compile again). Sources that differ (another version, or json-rules-engine
 * minified into a bundle) are not recognised, and the callbacks are called (with another
 * version, the test that classifies the built-ins fails, to say so).
 */
const BUILTIN_SOURCES: ReadonlyMap<string, BuiltinOperator> = new Map([
  ["function (a, b) {\n  return a === b;\n}", "equal"],
  ["function (a, b) {\n  return a !== b;\n}", "notEqual"],
  ["function (a, b) {\n  return b.indexOf(a) > -1;\n}", "in"],
  ["function (a, b) {\n  return b.indexOf(a) === -1;\n}", "notIn"],
  ["function (a, b) {\n  return a.indexOf(b) > -1;\n}", "contains"],
  ["function (a, b) {\n  return a.indexOf(b) === -1;\n}", "doesNotContain"],
  ["function (a, b) {\n  return a < b;\n}", "lessThan"],
  ["function (a, b) {\n  return a <= b;\n}", "lessThanInclusive"],
  ["function (a, b) {\n  return a > b;\n}", "greaterThan"],
  ["function (a, b) {\n  return a >= b;\n}", "greaterThanInclusive"],
]);
const DEFAULT_VALIDATOR_SOURCE = "function () {\n      return true;\n    }";
const sourceOf = (f: unknown): string => Function.prototype.toString.call(f);

// `evaluate` is missing from the published typings.
const evaluateOf = (o: object): unknown => (o as { evaluate?: unknown }).evaluate;
const LIBRARY_EVALUATE = evaluateOf(Operator.prototype);

/** json-rules-engine's numberValidator, as its `lessThan` operator carries it. */
export const libraryNumberValidator = /* @__PURE__ */ lazy(() => {
  const map = (new Engine() as unknown as { operators: { get(name: string): { factValueValidator: (v: unknown) => boolean } } }).operators;
  return map.get("lessThan").factValueValidator;
});

/** The registry of json-rules-engine's built-in operators and decorators only. */
export const defaultOperatorRegistry = /* @__PURE__ */ lazy(() => createOperatorRegistry());

function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
