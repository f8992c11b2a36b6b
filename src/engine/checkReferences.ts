import { issue, type RawIssue } from "../_lib/issues.js";
import type { NestedConditionT, RuleSet, TopLevelConditionT } from "./ruleSetSchema.js";
import type { OperatorRegistry } from "./operators.js";

type Path = (string | number)[];

/** Calls `visit` for every condition node in a tree, with its path from the rule set's root. */
export function walkConditions(
  node: NestedConditionT,
  path: Path,
  visit: (node: NestedConditionT, path: Path) => void,
): void {
  visit(node, path);
  if ("all" in node) node.all.forEach((c, i) => walkConditions(c, [...path, "all", i], visit));
  else if ("any" in node) node.any.forEach((c, i) => walkConditions(c, [...path, "any", i], visit));
  else if ("not" in node) walkConditions(node.not, [...path, "not"], visit);
}

/** Every condition tree in a rule set (shared conditions first), with its path. */
export function conditionRoots(ruleSet: RuleSet): { root: TopLevelConditionT; path: Path }[] {
  const roots: { root: TopLevelConditionT; path: Path }[] = [];
  for (const [name, root] of Object.entries(ruleSet.conditions ?? {})) roots.push({ root, path: ["conditions", name] });
  ruleSet.rules.forEach((rule, i) => roots.push({ root: rule.conditions, path: ["rules", i, "conditions"] }));
  return roots;
}

/**
 * What the schema alone cannot see: operators unknown to the registry, references to
 * shared conditions that do not exist, and reference cycles (json-rules-engine would
 * recurse forever on one).
 */
export function checkReferences(ruleSet: RuleSet, operators: OperatorRegistry): RawIssue[] {
  const issues: RawIssue[] = [];
  const shared = ruleSet.conditions ?? {};
  for (const { root, path } of conditionRoots(ruleSet)) {
    walkConditions(root, path, (node, at) => {
      if ("operator" in node && operators.get(node.operator) === undefined) {
        issues.push(issue("unknown_operator", [...at, "operator"], { operator: node.operator, ...suggestion(node.operator, KNOWN_OPERATORS) }));
      }
      if ("condition" in node && !Object.hasOwn(shared, node.condition)) {
        issues.push(issue("unknown_condition", [...at, "condition"], { condition: node.condition }));
      }
    });
  }
  for (const name of Object.keys(shared)) {
    const cycle = findCycle(name, shared, []);
    if (cycle) {
      issues.push(issue("condition_cycle", ["conditions", name], { cycle }));
    }
  }
  return issues;
}

function findCycle(name: string, shared: Record<string, TopLevelConditionT>, stack: string[]): string[] | undefined {
  if (stack.includes(name)) return [...stack.slice(stack.indexOf(name)), name];
  const root = shared[name];
  if (!root) return undefined;
  let found: string[] | undefined;
  walkConditions(root, [], (node) => {
    if (!found && "condition" in node) found = findCycle(node.condition, shared, [...stack, name]);
  });
  return found;
}

const KNOWN_OPERATORS = [
  "equal", "notEqual", "in", "notIn", "contains", "doesNotContain",
  "lessThan", "lessThanInclusive", "greaterThan", "greaterThanInclusive",
];

/** `{ suggestion: "x" }` for a near miss (edit distance ≤ 2; a decorated word keeps its decorators), else `{}`. */
export function suggestion(word: string, candidates: readonly string[]): { suggestion?: string } {
  let best: string | undefined;
  let bestDistance = 3;
  const bare = word.slice(word.lastIndexOf(":") + 1);
  for (const c of candidates) {
    const d = editDistance(bare.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best ? { suggestion: `${word.slice(0, word.lastIndexOf(":") + 1)}${best}` } : {};
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}
