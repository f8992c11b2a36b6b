import type { Issue } from "../../_lib/issues.js";
import { fromZodIssues } from "../../_lib/zodIssues.js";
import { suggest } from "../../engine/checkReferences.js";
import type { RuleSet } from "../../engine/ruleSetSchema.js";
import { EVENT_PARAMS, STAGE_EVENT_TYPES, type EventType } from "../format/eventSchemas.js";

/**
 * Each rule fires an event its stage knows, with params of that event's shape: the
 * stages interpret only these, so anything else would be dropped from the decision.
 */
export function checkEventsAndParams(ruleSet: RuleSet): Issue[] {
  const issues: Issue[] = [];
  const allowed: readonly string[] = STAGE_EVENT_TYPES[ruleSet.kind];
  ruleSet.rules.forEach((rule, i) => {
    const type = rule.event.type;
    if (!allowed.includes(type)) {
      issues.push({
        code: "unknown_event_type",
        path: ["rules", i, "event", "type"],
        message: `${/^[aeiou]/.test(ruleSet.kind) ? "an" : "a"} ${ruleSet.kind} rule set cannot fire "${type}"${suggest(type, allowed)}; it may fire ${allowed.map((t) => `"${t}"`).join(", ")}`,
      });
      return;
    }
    const params = EVENT_PARAMS[type as EventType].safeParse(rule.event.params ?? {});
    if (!params.success) {
      issues.push(...fromZodIssues(params.error.issues, ["rules", i, "event", "params"]).map((x) => ({ ...x, code: "invalid_event_params" as const })));
    }
  });
  return issues;
}
