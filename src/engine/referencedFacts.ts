import { walkConditions } from "./checkReferences.js";
import type { RuleSet, TopLevelConditionT } from "./ruleSetSchema.js";

/**
 * The facts a rule set's rules read, sorted: in a condition, in a `{ fact }` value, and in
 * the shared conditions the rules use. Shared conditions no rule uses are never
 * evaluated, so json-rules-engine does not require their facts either.
 */
export function referencedFacts(ruleSet: RuleSet): string[] {
  const names = new Set<string>();
  const used = new Set<string>();
  const visit = (root: TopLevelConditionT) =>
    walkConditions(root, [], (node) => {
      if ("fact" in node) {
        names.add(node.fact);
        const v = node.value;
        if (v !== null && typeof v === "object" && !Array.isArray(v)) names.add(v.fact);
      }
      if ("condition" in node && !used.has(node.condition)) {
        used.add(node.condition);
        visit(ruleSet.conditions![node.condition]!);
      }
    });
  for (const rule of ruleSet.rules) visit(rule.conditions);
  return [...names].sort();
}
