import { issue, type RawIssue } from "../../_lib/issues.js";
import type { RuleSet } from "../../engine/ruleSetSchema.js";

/** The SLA params that choose a clock. */
const CLOCK_PARAMS = ["firstResponseClock", "solutionClock", "clock"] as const;

/**
 * An SLA target on the business clock counts a calendar's working hours: in a policy
 * without a calendar it could only be counted some other way, silently.
 */
export function checkBusinessClockHasCalendar(ruleSet: RuleSet): RawIssue[] {
  if (ruleSet.kind !== "sla") return [];
  const issues: RawIssue[] = [];
  ruleSet.rules.forEach((rule, i) => {
    const params = (rule.event.params ?? {}) as Record<string, unknown>;
    for (const key of CLOCK_PARAMS) {
      if (params[key] === "business") {
        issues.push(issue("calendar_required", ["rules", i, "event", "params", key], { reason: "business_clock", param: key }));
      }
    }
  });
  return issues;
}

/** The rest-day extension reads a calendar's rest days; and a calendar is named once. */
export function checkCalendarNamed(hasCalendar: boolean, extendPeriodsOverRestDays: boolean, namedTwice: boolean): RawIssue[] {
  const issues: RawIssue[] = [];
  if (extendPeriodsOverRestDays && !hasCalendar) {
    issues.push(issue("calendar_required", ["extendPeriodsOverRestDays"], { reason: "rest_day_extension" }));
  }
  if (namedTwice) issues.push(issue("calendar_required", ["restDayCalendar"], { reason: "named_twice" }));
  return issues;
}
