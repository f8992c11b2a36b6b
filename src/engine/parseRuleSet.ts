import { PolicyError } from "../_lib/errors.js";
import type { Lang } from "../_lib/issues.js";
import { checkShape, RULE_SET_LIMITS } from "../_lib/limits.js";
import { failed, ok, type Checked, type Result } from "../_lib/result.js";
import { safeParseIssues } from "../_lib/zodIssues.js";
import { checkReferences } from "./checkReferences.js";
import { defaultOperatorRegistry, type OperatorRegistry } from "./operators.js";
import { RuleSetSchema, type RuleSet } from "./ruleSetSchema.js";

export interface ParseRuleSetOptions {
  /** Operators the rules may use (built-in and custom); the built-in ones by default. */
  readonly operators?: OperatorRegistry;
  /** The language of the issues' messages (default zh-CN). */
  readonly lang?: Lang;
}

/**
 * Validates an already-parsed JSON value as a rule set: the schema, then references
 * (operators known to `operators`, shared conditions that exist, no cycles).
 *
 * @example
 * safeParseRuleSet({ id: "x" }).success //=> false
 */
export function safeParseRuleSet(input: unknown, options: ParseRuleSetOptions = {}): Result<RuleSet, PolicyError> {
  const checked = checkRuleSet(input, options.operators);
  return checked.success ? ok(checked.data) : failed(new PolicyError(checked.issues, options.lang));
}

/** As `safeParseRuleSet`, with the issues as data (for the policy checks that locate them). */
export function checkRuleSet(input: unknown, operators: OperatorRegistry = defaultOperatorRegistry()): Checked<RuleSet> {
  const tooLarge = checkShape(input, RULE_SET_LIMITS);
  if (tooLarge) return { success: false, issues: [tooLarge] };
  const parsed = safeParseIssues(RuleSetSchema, input);
  if (!parsed.success) return parsed;
  const issues = checkReferences(parsed.data, operators);
  return issues.length > 0 ? { success: false, issues } : { success: true, data: parsed.data };
}
