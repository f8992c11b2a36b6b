import { issue, type RawIssue } from "../_lib/issues.js";
import type { NestedConditionT, RuleSet, TopLevelConditionT } from "./ruleSetSchema.js";
import { MAX_DECORATORS, type OperatorRegistry } from "./operators.js";

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

/** Most condition nodes one rule may stand for once its shared conditions are expanded. */
export const MAX_EXPANDED_CONDITIONS = 10_000;
/** Deepest nesting of conditions once shared conditions are expanded (a file alone nests ~30). */
export const MAX_EXPANDED_DEPTH = 64;

/**
 * What the schema alone cannot see: operators unknown to the registry, references to
 * shared conditions that do not exist, reference cycles (json-rules-engine would recurse
 * forever on one), and shared conditions that expand beyond bounds. Evaluators inline a
 * reference, so shared conditions that each use another twice double per level: 1.4 KB of
 * JSON expanded to gigabytes. Each is measured once here, without recursion over references.
 */
export function checkReferences(ruleSet: RuleSet, operators: OperatorRegistry): RawIssue[] {
  const issues: RawIssue[] = [];
  const shared = ruleSet.conditions ?? {};
  for (const { root, path } of conditionRoots(ruleSet)) {
    walkConditions(root, path, (node, at) => {
      if ("operator" in node && operators.get(node.operator) === undefined) {
        issues.push(unknownOperator(node.operator, [...at, "operator"]));
      }
      if ("condition" in node && !Object.hasOwn(shared, node.condition)) {
        issues.push(issue("unknown_condition", [...at, "condition"], { condition: node.condition }));
      }
    });
  }
  const expansion = expandedSizes(shared);
  for (const name of Object.keys(shared)) {
    const cycle = expansion.cycles.get(name);
    if (cycle) {
      issues.push(issue("condition_cycle", ["conditions", name], { cycle }));
    }
  }
  const tooLarge = (root: TopLevelConditionT, path: Path, what: string) => {
    const size = measure(root);
    if (size.refs.length === 0) return; // the document's own limits bound a tree without references
    let nodes = size.nodes;
    let depth = size.depth;
    for (const ref of size.refs) {
      const target = expansion.sizes.get(ref.name);
      if (!target) continue; // unknown or in a cycle: reported above
      nodes += target.nodes;
      depth = Math.max(depth, ref.depth + target.depth);
    }
    if (depth > MAX_EXPANDED_DEPTH) {
      issues.push(issue("too_large", path, { limit: "expanded_depth", max: MAX_EXPANDED_DEPTH, got: depth, rule: what }));
    } else if (nodes > MAX_EXPANDED_CONDITIONS) {
      issues.push(issue("too_large", path, { limit: "expanded_conditions", max: MAX_EXPANDED_CONDITIONS, got: nodes, rule: what }));
    }
  };
  // Rules only: a shared condition is expanded where a rule uses it, and one issue per rule
  // (not per link of a chain of thousands) says where.
  ruleSet.rules.forEach((rule, i) => tooLarge(rule.conditions, ["rules", i, "conditions"], rule.name));
  return issues;
}

/** An operator the registry does not know (or refuses: too many decorators). */
function unknownOperator(name: string, path: Path): RawIssue {
  const decorators = name.split(":").length - 1;
  if (decorators > MAX_DECORATORS) return issue("too_large", path, { limit: "decorators", max: MAX_DECORATORS, got: decorators, operator: name.slice(0, 60) });
  return issue("unknown_operator", path, { operator: name, ...suggestion(name, KNOWN_OPERATORS) });
}

interface TreeSize {
  /** Condition nodes in the tree itself (a reference counts as one). */
  nodes: number;
  /** Its own nesting depth (the root is 1). */
  depth: number;
  /** Its references, each with the depth it sits at. */
  refs: { name: string; depth: number }[];
}

/** One tree's own size; its nesting is bounded by the document's (checkShape), so recursion is safe. */
function measure(root: NestedConditionT): TreeSize {
  const size: TreeSize = { nodes: 0, depth: 0, refs: [] };
  const visit = (node: NestedConditionT, depth: number) => {
    size.nodes++;
    size.depth = Math.max(size.depth, depth);
    if ("condition" in node) size.refs.push({ name: node.condition, depth });
    else if ("all" in node) for (const c of node.all) visit(c, depth + 1);
    else if ("any" in node) for (const c of node.any) visit(c, depth + 1);
    else if ("not" in node) visit(node.not, depth + 1);
  };
  visit(root, 1);
  return size;
}

/**
 * Every shared condition's expanded node count and depth, and the cycle reachable from
 * each that has one: an iterative depth-first search over the references (a chain of
 * thousands must not exhaust the stack), each condition measured once. Counts saturate,
 * so a doubling per level stays a finite number above the bound.
 */
function expandedSizes(shared: Readonly<Record<string, TopLevelConditionT>>): {
  sizes: Map<string, { nodes: number; depth: number }>;
  cycles: Map<string, string[]>;
} {
  const own = new Map<string, TreeSize>();
  const sizes = new Map<string, { nodes: number; depth: number }>();
  const cycles = new Map<string, string[]>();
  const onStack = new Map<string, number>(); // name → its index in `stack`
  const CAP = MAX_EXPANDED_CONDITIONS * 4;
  for (const start of Object.keys(shared)) {
    if (sizes.has(start) || cycles.has(start)) continue;
    const stack: { name: string; next: number }[] = [{ name: start, next: 0 }];
    onStack.set(start, 0);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      let tree = own.get(frame.name);
      if (!tree) own.set(frame.name, (tree = measure(shared[frame.name]!)));
      if (frame.next < tree.refs.length) {
        const ref = tree.refs[frame.next++]!.name;
        if (!Object.hasOwn(shared, ref) || sizes.has(ref)) continue;
        const cycleFrom = onStack.get(ref);
        if (cycleFrom !== undefined) {
          const cycle = [...stack.slice(cycleFrom).map((f) => f.name), ref];
          for (const f of stack) if (!cycles.has(f.name)) cycles.set(f.name, cycle);
          continue;
        }
        if (cycles.has(ref)) {
          for (const f of stack) if (!cycles.has(f.name)) cycles.set(f.name, cycles.get(ref)!);
          continue;
        }
        onStack.set(ref, stack.length);
        stack.push({ name: ref, next: 0 });
        continue;
      }
      stack.pop();
      onStack.delete(frame.name);
      if (cycles.has(frame.name)) continue;
      let nodes = tree.nodes;
      let depth = tree.depth;
      for (const ref of tree.refs) {
        const target = sizes.get(ref.name);
        if (!target) continue; // unknown: reported as unknown_condition
        nodes = Math.min(CAP, nodes + target.nodes);
        depth = Math.min(CAP, Math.max(depth, ref.depth + target.depth));
      }
      sizes.set(frame.name, { nodes, depth });
    }
  }
  return { sizes, cycles };
}

function describeCount(n: number): string {
  return n >= MAX_EXPANDED_CONDITIONS * 4 ? `more than ${(MAX_EXPANDED_CONDITIONS * 4).toLocaleString("en-US")}` : n.toLocaleString("en-US");
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
