import { deepFreeze } from "../_lib/deepFreeze.js";
import { PolicyError, SEVERITY } from "../_lib/issues.js";
import { compileValidRuleSet } from "../engine/compileRuleSet.js";
import { defaultOperatorRegistry, type OperatorRegistry } from "../engine/operators.js";
import type { RuleSetKindT } from "../engine/ruleSetSchema.js";
import { checkPolicy, type CheckedPolicy, type PolicyCheck } from "./checkPolicy.js";
import { restDayPredicate } from "./format/restDayCalendar.js";
import { categoryTableOf } from "./format/sanbaoTable.js";
import type { Policy, PolicyInput, PolicyResult, StageRuleSet } from "./policy.js";

/**
 * Checks every layer completely (see checkPolicy) and compiles it. Nothing partial comes
 * out: either a policy (with any warnings) or every error found.
 *
 * @example
 * safeCompilePolicy(defaultPolicyInput()).success
 * //=> true
 */
export function safeCompilePolicy(input: PolicyInput, operators: OperatorRegistry = defaultOperatorRegistry()): PolicyResult {
  return compileCheckedPolicy(checkPolicy(input, operators), operators);
}

export function compilePolicy(input: PolicyInput, operators?: OperatorRegistry): Policy {
  const result = safeCompilePolicy(input, operators);
  if (!result.success) throw new PolicyError(result.issues);
  return result.policy;
}

/** Refuses when the check found an error, else compiles what it checked (with the same operators). */
export function compileCheckedPolicy(check: PolicyCheck, operators: OperatorRegistry = defaultOperatorRegistry()): PolicyResult {
  if (!check.valid) return { success: false, issues: check.issues.filter((i) => SEVERITY[i.code] === "error") };
  return { success: true, policy: build(check.valid, operators), warnings: check.issues };
}

function build(checked: CheckedPolicy, operators: OperatorRegistry): Policy {
  const stages: Record<RuleSetKindT, StageRuleSet[]> = { sla: [], eligibility: [], compensation: [] };
  for (const layer of checked.layers) {
    for (const ruleSet of layer.ruleSets) {
      stages[ruleSet.kind].push({ layer: layer.name, ruleSet, compiled: compileValidRuleSet(ruleSet, { operators, trace: false }) });
    }
  }
  const sanbao = categoryTableOf(checked.sanbaoTable);
  const calendar = checked.restDayCalendar;
  // The registry holds live json-rules-engine objects: frozen shallowly, not deep.
  return Object.freeze({
    ...deepFreeze({ id: checked.id, version: checked.version, layers: checked.layers, sanbao, stages }),
    ...(calendar
      ? { isRestDay: restDayPredicate(calendar), restDayCalendar: Object.freeze({ id: calendar.id, version: calendar.version, source: calendar.source }) }
      : {}),
    operators: Object.freeze(operators),
  }) as Policy;
}
