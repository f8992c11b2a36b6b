import { issue, type RawIssue } from "../../_lib/issues.js";
import { conditionRoots, suggestion, walkConditions } from "../../engine/checkReferences.js";
import type { FactConditionT, RuleSet } from "../../engine/ruleSetSchema.js";
import type { FactName } from "../format/factCatalog.js";
import { FACT_VALUES } from "../format/factValues.js";

/**
 * A string compared with a fact that can never hold it: `customerTier equal "VIP"` when the
 * tiers are "normal" and "vip". The rule can never fire (or, with notEqual, always fires),
 * which is never what its author meant.
 */
export function checkUnknownValues(ruleSet: RuleSet): RawIssue[] {
  const issues: RawIssue[] = [];
  for (const { root, path } of conditionRoots(ruleSet)) {
    walkConditions(root, path, (node, at) => {
      // A decorated operator or a path compares something other than the fact itself.
      if (!("fact" in node) || node.path !== undefined || node.operator.includes(":")) return;
      const values = Object.hasOwn(FACT_VALUES, node.fact) ? FACT_VALUES[node.fact as FactName] : undefined;
      if (values) issues.push(...valuesNeverTaken(node, at, node.fact, values));
    });
  }
  return issues;
}

/** The strings a leaf compares `fact` (a fact, or a declared enum attribute) with that are not among its `values`. */
export function valuesNeverTaken(node: FactConditionT, at: readonly (string | number)[], fact: string, values: readonly string[]): RawIssue[] {
  const issues: RawIssue[] = [];
  const unknown = (v: unknown): v is string => typeof v === "string" && !values.includes(v);
  const problem = (v: string, where: (string | number)[]): RawIssue => issue("unknown_value", where, { fact, value: v, values, ...suggestion(v, values) });
  if ((node.operator === "equal" || node.operator === "notEqual") && unknown(node.value)) {
    issues.push(problem(node.value, [...at, "value"]));
  }
  if ((node.operator === "in" || node.operator === "notIn") && Array.isArray(node.value)) {
    node.value.forEach((v, i) => unknown(v) && issues.push(problem(v, [...at, "value", i])));
  }
  return issues;
}
