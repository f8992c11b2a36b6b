import type { Issue } from "../_lib/issues.js";
import { checkShape, RULE_SET_LIMITS } from "../_lib/limits.js";
import { fromZodIssues } from "../_lib/zodIssues.js";
import { checkReferences } from "./checkReferences.js";
import { defaultOperatorRegistry, type OperatorRegistry } from "./operators.js";
import { RuleSetSchema, type RuleSet } from "./ruleSetSchema.js";

export type ParseResult<T> = { success: true; data: T } | { success: false; issues: Issue[] };

/**
 * Validates an already-parsed JSON value as a rule set: the schema, then references
 * (operators known to `operators`, shared conditions that exist, no cycles).
 */
export function safeParseRuleSet(input: unknown, operators: OperatorRegistry = defaultOperatorRegistry()): ParseResult<RuleSet> {
  const tooLarge = checkShape(input, RULE_SET_LIMITS);
  if (tooLarge) return { success: false, issues: [tooLarge] };
  const parsed = RuleSetSchema.safeParse(input);
  if (!parsed.success) return { success: false, issues: fromZodIssues(parsed.error.issues) };
  const issues = checkReferences(parsed.data, operators);
  return issues.length > 0 ? { success: false, issues } : { success: true, data: parsed.data };
}
