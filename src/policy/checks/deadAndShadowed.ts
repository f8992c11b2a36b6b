import { issue, type RawIssue } from "../../_lib/issues.js";
import type { FactConditionT, NestedConditionT, RuleSet } from "../../engine/ruleSetSchema.js";

type Leaf = FactConditionT & { at: (string | number)[] };

/** The leaves that must all hold for a rule to fire: every leaf reached through `all` only. */
function requiredLeaves(node: NestedConditionT, at: (string | number)[]): Leaf[] {
  if ("fact" in node) return node.path === undefined && !node.operator.includes(":") ? [{ ...node, at }] : [];
  if ("all" in node) return node.all.flatMap((c, i) => requiredLeaves(c, [...at, "all", i]));
  if ("any" in node && node.any.length === 1) return requiredLeaves(node.any[0]!, [...at, "any", 0]);
  return [];
}

const literal = (v: unknown) => !(v !== null && typeof v === "object" && !Array.isArray(v));

/** Why two required leaves on the same fact cannot both hold, or undefined. */
function contradiction(a: Leaf, b: Leaf): { a: string; b: string } | undefined {
  if (a.fact !== b.fact || !literal(a.value) || !literal(b.value)) return undefined;
  const pair = { a: `${a.fact} ${a.operator} ${JSON.stringify(a.value)}`, b: `${b.fact} ${b.operator} ${JSON.stringify(b.value)}` };
  const allowed = (l: Leaf, x: unknown): boolean | undefined => {
    switch (l.operator) {
      case "equal": return x === l.value;
      case "notEqual": return x !== l.value;
      case "in": return Array.isArray(l.value) ? l.value.includes(x as never) : undefined;
      case "notIn": return Array.isArray(l.value) ? !l.value.includes(x as never) : undefined;
      case "lessThan": return typeof x === "number" && typeof l.value === "number" ? x < l.value : undefined;
      case "lessThanInclusive": return typeof x === "number" && typeof l.value === "number" ? x <= l.value : undefined;
      case "greaterThan": return typeof x === "number" && typeof l.value === "number" ? x > l.value : undefined;
      case "greaterThanInclusive": return typeof x === "number" && typeof l.value === "number" ? x >= l.value : undefined;
      default: return undefined;
    }
  };
  // A finite candidate set from one side: if no candidate satisfies both, they contradict.
  const candidates = (l: Leaf): unknown[] | undefined =>
    l.operator === "equal" ? [l.value] : l.operator === "in" && Array.isArray(l.value) ? l.value : undefined;
  for (const [x, y] of [[a, b], [b, a]] as const) {
    const c = candidates(x);
    if (c && c.every((v) => allowed(y, v) === false)) return pair;
  }
  // Two numeric bounds: an empty interval.
  const bound = (l: Leaf) => (typeof l.value === "number" ? l.value : undefined);
  const lower = [a, b].filter((l) => l.operator.startsWith("greaterThan"));
  const upper = [a, b].filter((l) => l.operator.startsWith("lessThan"));
  if (lower.length === 1 && upper.length === 1) {
    const lo = bound(lower[0]!);
    const hi = bound(upper[0]!);
    if (lo === undefined || hi === undefined) return undefined;
    const strict = lower[0]!.operator === "greaterThan" || upper[0]!.operator === "lessThan";
    if (lo > hi || (lo === hi && strict)) return pair;
  }
  return undefined;
}

/** Rules that can never fire: two required conditions on one fact that exclude each other. */
export function checkDeadRules(ruleSet: RuleSet): RawIssue[] {
  const issues: RawIssue[] = [];
  ruleSet.rules.forEach((rule, i) => {
    const leaves = requiredLeaves(rule.conditions, ["rules", i, "conditions"]);
    for (let x = 0; x < leaves.length; x++) {
      for (let y = x + 1; y < leaves.length; y++) {
        const why = contradiction(leaves[x]!, leaves[y]!);
        if (why) {
          issues.push(issue("dead_rule", leaves[y]!.at, { rule: rule.name, ...why }));
          return;
        }
      }
    }
  });
  return issues;
}

/**
 * Rules fully shadowed by a rule of the same effect (same event) and at least its priority
 * whose required conditions are a subset of theirs: whenever they fire, it already has.
 */
export function checkShadowedRules(ruleSet: RuleSet): RawIssue[] {
  const issues: RawIssue[] = [];
  const keyOf = (l: Leaf) => JSON.stringify([l.fact, l.operator, l.value]);
  const shapes = ruleSet.rules.map((rule, i) => ({
    rule,
    i,
    effect: JSON.stringify(rule.event),
    onlyLeaves: "all" in rule.conditions && rule.conditions.all.every((c) => "fact" in c),
    leaves: new Set(requiredLeaves(rule.conditions, []).map(keyOf)),
  }));
  for (const b of shapes) {
    if (!b.onlyLeaves) continue;
    const a = shapes.find(
      (s) => s !== b && s.onlyLeaves && s.effect === b.effect && (s.rule.priority ?? 1) >= (b.rule.priority ?? 1) &&
        [...s.leaves].every((k) => b.leaves.has(k)) && (s.leaves.size < b.leaves.size || s.i < b.i),
    );
    if (a) {
      issues.push({
        code: "shadowed_rule",
        path: ["rules", b.i, "name"],
        params: { rule: b.rule.name, by: a.rule.name },
      });
    }
  }
  return issues;
}
