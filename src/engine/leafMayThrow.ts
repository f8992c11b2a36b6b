import type { FactConditionT } from "./ruleSetSchema.js";

// Built-in operators whose fact validator or callback cannot throw on JSON data. Facts are
// JSON data (what JSON.parse gives): json-rules-engine's numberValidator calls parseFloat,
// which throws on an object without a prototype; such facts are outside the contract.
const TOTAL_OPERATORS = new Set([
  "equal", "notEqual", "contains", "doesNotContain",
  "lessThan", "lessThanInclusive", "greaterThan", "greaterThanInclusive",
]);
const TOTAL_DECORATORS = new Set(["not", "someFact", "everyFact"]);

/**
 * Whether a leaf can throw: anything but a built-in operator over a literal value.
 * `in`/`notIn` call `value.indexOf`, safe only on a literal array or string.
 */
export function leafMayThrow(node: FactConditionT, isCustom: (name: string) => boolean): boolean {
  const value = node.value;
  if (value !== null && typeof value === "object" && !Array.isArray(value)) return true;
  const parts = node.operator.split(":");
  const base = parts.pop()!;
  if (!parts.every((d) => TOTAL_DECORATORS.has(d))) return true;
  // A custom operator or decorator may shadow a built-in name; trust only the library's own.
  if (isCustom(base) || parts.some(isCustom)) return true;
  if (TOTAL_OPERATORS.has(base)) return false;
  if (base === "in" || base === "notIn") return !(Array.isArray(value) || typeof value === "string");
  return true;
}
