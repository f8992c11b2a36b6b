import type { RuleT } from "./ruleSetSchema.js";

/**
 * The rules in evaluation order: priority, highest first (json-rules-engine's default is 1),
 * then file position. json-rules-engine itself orders equal priorities by promise
 * completion (P3); both our evaluators and the reference's trace use this order instead.
 */
export function evaluationOrder(rules: readonly RuleT[]): { readonly rule: RuleT; readonly priority: number }[] {
  return rules
    .map((rule, index) => ({ rule, index, priority: rule.priority ?? 1 }))
    .sort((a, b) => b.priority - a.priority || a.index - b.index)
    .map(({ rule, priority }) => ({ rule, priority }));
}
