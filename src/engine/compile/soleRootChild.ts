import type { NestedConditionT, TopLevelConditionT } from "../ruleSetSchema.js";

/**
 * The one child of a rule's top-level `all`/`any`, if it has exactly one: the rule then
 * fires when that child's outcome is *truthy*, not only when it is `true`.
 *
 * Why: json-rules-engine 7.3.1 evaluates a rule's top-level `all`/`any` without the
 * `=== true` every nested boolean node applies (rule.js: `all(conditions.all).then(processResult)`,
 * where a nested node goes through `evaluateCondition`), `prioritizeAndRun` hands a single
 * child's outcome through unchanged, and the engine fires on `if (ruleResult.result)`.
 * So a custom operator returning a regex match or a count fires the rule when it stands
 * alone under the top-level `all`/`any`, and counts as false anywhere else.
 */
export function soleRootChild(root: TopLevelConditionT): NestedConditionT | undefined {
  const children = "all" in root ? root.all : "any" in root ? root.any : undefined;
  return children?.length === 1 ? children[0] : undefined;
}
