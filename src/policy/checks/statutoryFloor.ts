import type { EventParams, RemedyT } from "../format/eventSchemas.js";
import { issue, type RawIssue } from "../../_lib/issues.js";
import { walkConditions } from "../../engine/checkReferences.js";
import type { RuleSet } from "../../engine/ruleSetSchema.js";

/** A statutory window: the longest day window the statutory layer opens for a remedy. */
export interface StatutoryWindow {
  readonly remedy: RemedyT;
  readonly days: number;
  readonly rule: string;
  readonly citation: string;
}

/** The day windows the statutory rule sets open, per remedy (the floor other layers may not go below). */
export function statutoryWindows(statutory: readonly RuleSet[]): Map<RemedyT, StatutoryWindow> {
  const floor = new Map<RemedyT, StatutoryWindow>();
  for (const rs of statutory) {
    for (const rule of rs.rules) {
      if (rule.event.type !== "remedy.allowed") continue;
      const p = rule.event.params as EventParams<"remedy.allowed">;
      if (p.window === undefined || !("days" in p.window)) continue;
      const known = floor.get(p.remedy);
      if (!known || p.window.days > known.days) {
        floor.set(p.remedy, { remedy: p.remedy, days: p.window.days, rule: `${rs.id}/${rule.name}`, citation: p.citation["zh-CN"] });
      }
    }
  }
  return floor;
}

const DAY_COUNTS: ReadonlySet<string> = new Set(["daysSinceDelivery", "daysSinceInstallation"]);

/**
 * A non-statutory layer may add and extend, never narrow: a window shorter than the
 * statutory one, or a denial that starts inside the statutory window, misstates what the
 * customer is owed (consumer law makes such terms void: 消保法 art. 26, 实施条例 art. 18).
 */
export function checkStatutoryFloor(ruleSet: RuleSet, floor: ReadonlyMap<RemedyT, StatutoryWindow>): RawIssue[] {
  const issues: RawIssue[] = [];
  ruleSet.rules.forEach((rule, i) => {
    const params = rule.event.params ?? {};
    const remedy = params.remedy as RemedyT | undefined;
    const statutory = remedy === undefined ? undefined : floor.get(remedy);
    if (!statutory) return;
    const floorRef = { days: statutory.days, rule: statutory.rule, citation: statutory.citation };
    const window = params.window as { days?: number } | undefined;
    if (rule.event.type === "remedy.allowed" && window?.days !== undefined && window.days < statutory.days) {
      issues.push(issue("below_statutory_floor", ["rules", i, "event", "params", "window", "days"], { kind: "window", remedy: remedy!, days: window.days, floor: floorRef }));
    }
    if (rule.event.type === "remedy.denied") {
      walkConditions(rule.conditions, ["rules", i, "conditions"], (node, path) => {
        // Days since installation are never more than days since signing: a denial counted from
        // installation cuts into a window counted from signing just as much (issue 12 §7).
        if (!("fact" in node) || !DAY_COUNTS.has(node.fact) || typeof node.value !== "number") return;
        const deniesFrom =
          node.operator === "greaterThan" ? node.value + 1 : node.operator === "greaterThanInclusive" ? node.value : undefined;
        if (deniesFrom !== undefined && deniesFrom <= statutory.days) {
          issues.push(issue("below_statutory_floor", [...path, "value"], { kind: "denial", remedy: remedy!, fromDay: deniesFrom, floor: floorRef }));
        }
      });
    }
  });
  return issues;
}
