import { issue, type RawIssue } from "../../_lib/issues.js";
import { safeParseIssues } from "../../_lib/zodIssues.js";
import { suggestion } from "../../engine/checkReferences.js";
import type { RuleSet } from "../../engine/ruleSetSchema.js";
import { EVENT_PARAMS, STAGE_EVENT_TYPES, type EventType } from "../format/eventSchemas.js";

/**
 * Each rule fires an event its stage knows, with params of that event's shape: the
 * stages interpret only these, so anything else would be dropped from the decision.
 */
export function checkEventsAndParams(ruleSet: RuleSet): RawIssue[] {
  const issues: RawIssue[] = [];
  const allowed: readonly string[] = STAGE_EVENT_TYPES[ruleSet.kind];
  ruleSet.rules.forEach((rule, i) => {
    const type = rule.event.type;
    if (!allowed.includes(type)) {
      issues.push(issue("unknown_event_type", ["rules", i, "event", "type"], { type, kind: ruleSet.kind, allowed, ...suggestion(type, allowed) }));
      return;
    }
    const params = safeParseIssues(EVENT_PARAMS[type as EventType], rule.event.params ?? {}, ["rules", i, "event", "params"]);
    // zod's complaints about the params' shape all say one thing to an author: not this event's params.
    if (!params.success) issues.push(...params.issues.map((x) => ("zod" in (x.params as object) ? ({ ...x, code: "invalid_event_params" } as RawIssue) : x)));
  });
  return issues;
}
