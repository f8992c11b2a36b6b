import fc from "fast-check";
import type { OperatorDefinition } from "../../src/index.js";

/** Random json-rules-engine rule sets and fact objects for the differential tests. */

export const FACT_NAMES = ["a", "b", "c", "d", "e"] as const;
// "1" and "length" are keys jsonpath-plus reads as plain keys: `[1]` on `{ "1": … }`,
// `.length` on an object, array or string.
const KEYS = ["x", "y", "z", "1", "length"] as const;

export const BASE_OPERATORS = [
  "equal", "notEqual", "in", "notIn", "contains", "doesNotContain",
  "lessThan", "lessThanInclusive", "greaterThan", "greaterThanInclusive",
] as const;
export const DECORATORS = ["someFact", "everyFact", "someValue", "everyValue", "swap", "not"] as const;

/**
 * Custom operators whose outcome is not always a boolean, as json-rules-engine allows: a
 * regex match (an array or null), a count, and the fact value itself (any JSON value,
 * truthy or falsy). json-rules-engine fires a rule on a truthy outcome only where such a
 * leaf stands alone under the rule's top-level `all`/`any`; everywhere else only `true`
 * counts. Registered on both sides of the differential.
 */
export const CUSTOM_OPERATORS: readonly OperatorDefinition[] = [
  { name: "matches", evaluate: (a, b) => (typeof a === "string" && typeof b === "string" ? a.match(new RegExp(`^${b.replace(/[^A-Za-z0-9_]/g, "\\$&")}`)) : null) },
  { name: "countOf", evaluate: (a, b) => (Array.isArray(a) ? a.filter((x) => x === b).length : 0) },
  { name: "echo", evaluate: (a) => a },
];

// Strings chosen to reach the coercion quirks: numeric strings compare lexicographically,
// substrings match `in` on a string value.
const arbString = fc.constantFrom("", "a", "ab", "b", "10", "9", "1e3", "Infinity", "x", "food", "fresh_food,custom_made");
const arbNumber = fc.oneof(
  fc.integer({ min: -20, max: 20 }),
  fc.constantFrom(0, -0, 0.5, 7, 8, 15, 16, 1e308, -1e308, 2 ** 53 + 1),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
export const arbScalar = fc.oneof(arbString, arbNumber, fc.boolean(), fc.constant(null));

export const arbFactValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    arbScalar,
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie("value"), { maxKeys: 3 }),
  ),
})).value;

/** Fact objects as JSON.parse gives them: mostly complete, sometimes with facts missing. */
export const arbFacts = fc
  .oneof(
    { weight: 4, arbitrary: fc.tuple(...FACT_NAMES.map(() => arbFactValue)).map((values) => Object.fromEntries(FACT_NAMES.map((n, i) => [n, values[i]]))) },
    { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...FACT_NAMES), arbFactValue, { maxKeys: FACT_NAMES.length }) },
  )
  .map((facts) => JSON.parse(JSON.stringify(facts)) as Record<string, unknown>);

// Member and index steps over objects, arrays, strings and numeric keys: `$.length` of an
// array, `$.x[0]` of a string, `$[1]` of `{ "1": … }`.
const arbPath = fc.constantFrom("$.x", "$.y", "$.x.y", "$[0]", "$[1]", "$.x[0]", "$[0].z", "$.length", "$.x.length", "$.x[1]", "$[0].length");

const arbOperator = fc
  .tuple(
    fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 2, arbitrary: fc.array(fc.constantFrom(...DECORATORS), { minLength: 1, maxLength: 2 }) }),
    fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...BASE_OPERATORS) }, { weight: 2, arbitrary: fc.constantFrom(...CUSTOM_OPERATORS.map((o) => o.name)) }),
  )
  .map(([decorators, base]) => [...decorators, base].join(":"));

const arbFactReference = fc.record(
  { fact: fc.constantFrom(...FACT_NAMES), path: arbPath },
  { requiredKeys: ["fact"] },
);

const arbValue = fc.oneof(
  { weight: 4, arbitrary: arbScalar },
  { weight: 6, arbitrary: fc.array(arbScalar, { maxLength: 4 }) },
  { weight: 1, arbitrary: arbFactReference },
);

// Operators that call `value.indexOf` or iterate the value mostly get an array, so most
// generated rule sets evaluate; the rest keep the cases where json-rules-engine throws.
const needsArrayValue = (operator: string) => /(^|:)(in|notIn)$|someValue|everyValue/.test(operator);

const arbLeaf = arbOperator.chain((operator) =>
  fc.record(
    {
      fact: fc.constantFrom(...FACT_NAMES),
      operator: fc.constant(operator),
      value: needsArrayValue(operator)
        ? fc.oneof({ weight: 12, arbitrary: fc.array(arbScalar, { maxLength: 4 }) }, { weight: 1, arbitrary: arbValue })
        : arbValue,
      path: arbPath,
      params: fc.constant({ p: 1 }),
    },
    { requiredKeys: ["fact", "operator", "value"] },
  ),
);

function arbTree(sharedNames: readonly string[]): fc.Arbitrary<unknown> {
  const leafOrRef =
    sharedNames.length > 0
      ? fc.oneof({ weight: 5, arbitrary: arbLeaf }, { weight: 1, arbitrary: fc.constantFrom(...sharedNames).map((condition) => ({ condition })) })
      : arbLeaf;
  return fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leafOrRef,
      fc.array(tie("node"), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
      fc.array(tie("node"), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
      tie("node").map((not) => ({ not })),
    ),
  })).node;
}

function topLevel(tree: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.array(tree, { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
    fc.array(tree, { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
    tree.map((not) => ({ not })),
  );
}

/** A valid rule set: unique rule names, priorities 1–3, shared conditions and references. */
export const arbRuleSet = fc
  .integer({ min: 0, max: 2 })
  .chain((sharedCount) => {
    const sharedNames = Array.from({ length: sharedCount }, (_, i) => `shared${i}`);
    const shared = fc.tuple(...sharedNames.map(() => topLevel(arbTree([]))));
    const rule = fc.record(
      {
        priority: fc.integer({ min: 1, max: 3 }),
        conditions: topLevel(arbTree(sharedNames)),
        type: fc.constantFrom("t1", "t2", "t3"),
        withParams: fc.boolean(),
      },
      { requiredKeys: ["conditions", "type", "withParams"] },
    );
    return fc.tuple(shared, fc.array(rule, { minLength: 1, maxLength: 6 })).map(([sharedTrees, rules]) => ({
      id: "generated",
      version: "1",
      kind: "eligibility" as const,
      effective: { from: "2026-01-01" },
      ...(sharedCount > 0 ? { conditions: Object.fromEntries(sharedNames.map((n, i) => [n, sharedTrees[i]])) } : {}),
      rules: rules.map((r, i) => ({
        name: `r${i}`,
        ...(r.priority === undefined ? {} : { priority: r.priority }),
        conditions: r.conditions,
        event: { type: r.type, ...(r.withParams ? { params: { index: i } } : {}) },
      })),
    }));
  });
