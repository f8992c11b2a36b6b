import { issue, type RawIssue } from "../../_lib/issues.js";
import type { RuleSet } from "../../engine/ruleSetSchema.js";
import { daysFromCivil, isoDate } from "../../time/civilDate.js";

/** A rule set as the effective-date check sees it: its dates and whether it is statutory. */
export interface DatedRuleSet {
  readonly ruleSet: Pick<RuleSet, "id" | "version" | "effective">;
  readonly statutory: boolean;
}

/**
 * Between the versions of one rule-set id (every non-statutory rule set with that id, in
 * any layer): a gap, days when no version is in force, and an overlap, days when two are
 * and both apply. Both are warnings: a November promotion rightly leaves the rest of the
 * year open, and an overlap may be meant. A statutory rule set applies to every case, so an
 * end date on one is a warning that it is ignored.
 *
 * There is deliberately no "can no longer apply" warning for an end date in the past: lint
 * has no clock, and under art. 12 of the 实施条例 a version still binds every order placed
 * while it was in force, whatever the request's date — so a past end date never makes a
 * rule set dead.
 *
 * Returns the issues of each rule set (paths inside its own document), in input order.
 */
export function checkEffectiveDates(sets: readonly DatedRuleSet[]): RawIssue[][] {
  const found: RawIssue[][] = sets.map(() => []);
  const byId = new Map<string, number[]>();
  sets.forEach(({ ruleSet, statutory }, i) => {
    if (statutory) {
      const to = ruleSet.effective.to;
      if (to !== undefined) found[i]!.push(issue("effective_dates", ["effective", "to"], { problem: "statutory_end_ignored", id: ruleSet.id, to }));
      return;
    }
    byId.set(ruleSet.id, [...(byId.get(ruleSet.id) ?? []), i]);
  });
  for (const indexes of byId.values()) {
    const ordered = [...indexes].sort((a, b) => dayOf(sets[a]!.ruleSet.effective.from) - dayOf(sets[b]!.ruleSet.effective.from) || a - b);
    for (let k = 1; k < ordered.length; k++) {
      const previous = sets[ordered[k - 1]!]!.ruleSet;
      const next = sets[ordered[k]!]!.ruleSet;
      const nextFrom = dayOf(next.effective.from);
      const previousTo = previous.effective.to === undefined ? Infinity : dayOf(previous.effective.to);
      const at = found[ordered[k]!]!;
      if (previousTo >= nextFrom) {
        const end = Math.min(previousTo, next.effective.to === undefined ? Infinity : dayOf(next.effective.to));
        at.push(issue("effective_dates", ["effective", "from"], { problem: "overlap", id: next.id, version: next.version, other: previous.version, from: next.effective.from, ...(end === Infinity ? {} : { to: isoDate(end) }) }));
      } else if (previousTo + 1 < nextFrom) {
        at.push(issue("effective_dates", ["effective", "from"], { problem: "gap", id: next.id, version: next.version, previous: previous.version, from: isoDate(previousTo + 1), to: isoDate(nextFrom - 1) }));
      }
    }
  }
  return found;
}

/** The day number of an ISO `YYYY-MM-DD` (the schema checked its form). */
export function dayOf(date: string): number {
  return daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}
