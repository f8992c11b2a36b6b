import { defaultOperatorRegistry, type OperatorRegistry } from "../operators.js";
import type { NestedConditionT, RuleT } from "../ruleSetSchema.js";

/**
 * Rules keyed by an equality on one fact, e.g. a rule per leaf category
 * (`{ "fact": "category", "operator": "equal", "value": "phone" }` under the rule's
 * top-level `all`). Such a rule can fire only when the fact's value is its key, so the
 * trace-free evaluator looks the value up and evaluates that key's rules alone: a run costs
 * the rules of one key, not of the whole set.
 *
 * Exact, not a heuristic, because:
 * - json-rules-engine's `equal` is `a === b` with a validator that accepts every value
 *   (operator.js; pinned by test/engine/equalityIndex.test.ts), and a `Map` lookup finds a
 *   key by SameValueZero, which is `===` for every value but NaN (no JSON literal is NaN);
 * - a rule's top-level `all` is false as soon as one child is not `=== true`;
 * - only rules none of whose leaves can throw are keyed: json-rules-engine evaluates every
 *   child, so a rule that may throw must run whatever its key;
 * - a missing fact still fails the run first (the required-facts check runs before).
 */
export interface EqualityIndex {
  readonly fact: string;
  readonly path: string | undefined;
  /** Rule numbers (evaluation order) per key, each list in evaluation order. */
  readonly buckets: ReadonlyMap<Key, readonly number[]>;
  /** Every rule number in some bucket. */
  readonly keyed: ReadonlySet<number>;
}

type Key = string | number | boolean | null;
interface Candidate {
  readonly fact: string;
  readonly path: string | undefined;
  /** Rule number → its key. */
  readonly rules: Map<number, Key>;
}

/** Rules keyed on one fact needed before an index is built: below it a plain scan is as fast. */
export const DEFAULT_INDEX_MIN_RULES = 16;

/**
 * The fact (and path) that keys the most rules, with those rules by key; undefined when
 * fewer than `minRules` rules or fewer than two keys would use it.
 *
 * @example
 * equalityIndex(rules, registry, mayThrow)?.fact //=> "category"
 */
export function equalityIndex(
  orderedRules: readonly RuleT[],
  registry: OperatorRegistry,
  mayThrow: (node: NestedConditionT) => boolean,
  minRules = DEFAULT_INDEX_MIN_RULES,
): EqualityIndex | undefined {
  // Only the library's own `equal` (a custom operator may be registered under that name).
  if (registry.get("equal") !== defaultOperatorRegistry().get("equal") || registry.isCustom("equal")) return undefined;
  const candidates = new Map<string, Candidate>();
  orderedRules.forEach((rule, i) => {
    const root = rule.conditions;
    if (!("all" in root) || mayThrow(root)) return;
    const seen = new Set<string>();
    for (const child of root.all) {
      if (!("fact" in child) || child.operator !== "equal") continue;
      const v = child.value;
      if (v !== null && typeof v === "object") continue; // an array literal or a fact reference
      const id = child.path === undefined ? child.fact : `${child.fact}\u0000${child.path}`;
      if (seen.has(id)) continue; // the first equality on a fact keys the rule
      seen.add(id);
      let candidate = candidates.get(id);
      if (candidate === undefined) candidates.set(id, (candidate = { fact: child.fact, path: child.path, rules: new Map() }));
      candidate.rules.set(i, v);
    }
  });
  let best: Candidate | undefined;
  for (const candidate of candidates.values()) if (best === undefined || candidate.rules.size > best.rules.size) best = candidate;
  if (best === undefined || best.rules.size < minRules) return undefined;
  const buckets = new Map<Key, number[]>();
  for (const [rule, key] of best.rules) {
    const list = buckets.get(key);
    if (list === undefined) buckets.set(key, [rule]);
    else list.push(rule);
  }
  if (buckets.size < 2) return undefined;
  return { fact: best.fact, path: best.path, buckets, keyed: new Set(best.rules.keys()) };
}
