import type { Issue } from "../../_lib/issues.js";
import type { RuleSet } from "../../engine/ruleSetSchema.js";

/** The SLA params that choose a clock. */
const CLOCK_PARAMS = ["firstResponseClock", "solutionClock", "clock"] as const;

/**
 * An SLA target on the business clock counts a calendar's working hours: in a policy
 * without a calendar it could only be counted some other way, silently.
 */
export function checkBusinessClockHasCalendar(ruleSet: RuleSet): Issue[] {
  if (ruleSet.kind !== "sla") return [];
  const issues: Issue[] = [];
  ruleSet.rules.forEach((rule, i) => {
    const params = (rule.event.params ?? {}) as Record<string, unknown>;
    for (const key of CLOCK_PARAMS) {
      if (params[key] === "business") {
        issues.push({ code: "calendar_required", path: ["rules", i, "event", "params", key], message: 'a target on the business clock needs a business calendar: name one in the policy\'s "calendar"' });
      }
    }
  });
  return issues;
}

/** The rest-day extension reads a calendar's rest days; and a calendar is named once. */
export function checkCalendarNamed(hasCalendar: boolean, extendPeriodsOverRestDays: boolean, namedTwice: boolean): Issue[] {
  const issues: Issue[] = [];
  if (extendPeriodsOverRestDays && !hasCalendar) {
    issues.push({ code: "calendar_required", path: ["extendPeriodsOverRestDays"], message: 'running windows on over rest days needs a calendar: name one in "calendar"' });
  }
  if (namedTwice) issues.push({ code: "calendar_required", path: ["restDayCalendar"], message: 'name the calendar once, in "calendar" ("restDayCalendar" is its first name)' });
  return issues;
}
