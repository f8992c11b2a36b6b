import { deepFreeze } from "../_lib/deepFreeze.js";
import { PolicyError } from "../_lib/errors.js";
import { finalizeIssues } from "../_lib/issueMessages.js";
import { SEVERITY, type Lang } from "../_lib/issues.js";
import { failed, ok } from "../_lib/result.js";
import { compileValidRuleSet } from "../engine/compileRuleSet.js";
import { defaultOperatorRegistry, type OperatorRegistry } from "../engine/operators.js";
import type { RuleSetKindT } from "../engine/ruleSetSchema.js";
import { checkPolicy, type CheckedPolicy, type PolicyCheck } from "./checkPolicy.js";
import { ruleSetKey } from "./checks/duplicates.js";
import { dayOf } from "./checks/effectiveDates.js";
import { compileCalendar } from "./format/businessCalendar.js";
import type { Policy, PolicyInput, PolicyOptions, PolicyResult, StageRuleSet } from "./policy.js";
import { categoryTableOf } from "./format/sanbaoTable.js";

/**
 * Checks every layer completely (see checkPolicy) and compiles it. Nothing partial comes
 * out: either a policy (with any warnings) or every error found.
 *
 * @example
 * safeCompilePolicy(defaultPolicyInput()).success
 * //=> true
 */
export function safeCompilePolicy(input: PolicyInput, options: PolicyOptions = {}): PolicyResult {
  const operators = options.operators ?? defaultOperatorRegistry();
  return compileCheckedPolicy(checkPolicy(input, operators), operators, options.lang);
}

/** As `safeCompilePolicy`, returning the policy or throwing `PolicyError` (with every error). */
export function compilePolicy(input: PolicyInput, options?: PolicyOptions): Policy {
  const result = safeCompilePolicy(input, options);
  if (!result.success) throw result.error;
  return result.data;
}

/** Refuses when the check found an error, else compiles what it checked (with the same operators). */
export function compileCheckedPolicy(check: PolicyCheck, operators: OperatorRegistry = defaultOperatorRegistry(), lang?: Lang): PolicyResult {
  if (!check.valid) return failed(new PolicyError(check.issues.filter((i) => SEVERITY[i.code] === "error"), lang));
  return ok(build(check.valid, operators), check.issues.length === 0 ? undefined : finalizeIssues(check.issues, lang));
}

function build(checked: CheckedPolicy, operators: OperatorRegistry): Policy {
  const stages: Record<RuleSetKindT, StageRuleSet[]> = { sla: [], eligibility: [], compensation: [] };
  for (const layer of checked.layers) {
    for (const ruleSet of layer.ruleSets) {
      const { from, to } = ruleSet.effective;
      stages[ruleSet.kind].push({
        layer: layer.name,
        ruleSet,
        compiled: compileValidRuleSet(ruleSet, { operators, trace: false }),
        statutory: layer.statutory,
        from: dayOf(from),
        to: to === undefined ? Infinity : dayOf(to),
        key: ruleSetKey(ruleSet),
      });
    }
  }
  const sanbao = categoryTableOf(checked.sanbaoTable);
  const calendar = checked.calendar && compileCalendar(checked.calendar);
  // The registry holds live json-rules-engine objects: frozen shallowly, not deep.
  return Object.freeze({
    ...deepFreeze({ id: checked.id, version: checked.version, layers: checked.layers, sanbao, stages, inForceAt: checked.inForceAt, attributes: checked.attributes }),
    ...(calendar ? { calendar } : {}),
    ...(calendar && checked.extendPeriodsOverRestDays
      ? { isRestDay: calendar.isRestDay, restDayCalendar: Object.freeze({ id: calendar.id, version: calendar.version, source: calendar.source }) }
      : {}),
    operators: Object.freeze(operators),
  }) as Policy;
}
