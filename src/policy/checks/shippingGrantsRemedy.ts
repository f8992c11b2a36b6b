import { issue, type RawIssue } from "../../_lib/issues.js";
import { walkConditions } from "../../engine/checkReferences.js";
import type { RuleSet } from "../../engine/ruleSetSchema.js";
import type { EventParams } from "../format/eventSchemas.js";

/** The facts that say why goods may go back: what they are, in what state, how long after delivery. */
const WHY_GOODS_GO_BACK: ReadonlySet<string> = new Set([
  "reason",
  "goodsIntact",
  "goodsCondition",
  "damagedByCustomer",
  "daysSinceDelivery",
  "daysSinceInstallation",
  "withinWarranty",
  "statutoryExclusion",
]);

/**
 * A merchant's `remedy.allowed` return or exchange that pays return shipping and reads none of
 * the facts about the goods, their state or the time since delivery: written for who the
 * customer is, it grants the remedy itself to all of them (the issue-13 VIP rule meant as free
 * return shipping gave every VIP 30-day returns). A warning: the author may mean it; if only
 * the shipping was meant, `promise.freeReturnShipping` says so and opens nothing.
 */
export function checkShippingGrantsRemedy(ruleSet: RuleSet): RawIssue[] {
  const issues: RawIssue[] = [];
  ruleSet.rules.forEach((rule, i) => {
    if (rule.event.type !== "remedy.allowed") return;
    const p = (rule.event.params ?? {}) as Partial<EventParams<"remedy.allowed">>;
    if (p.returnShippingPaidBy !== "merchant" || (p.remedy !== "return" && p.remedy !== "exchange")) return;
    let readsGoods = false;
    walkConditions(rule.conditions, ["rules", i, "conditions"], (node) => {
      if ("fact" in node && WHY_GOODS_GO_BACK.has(node.fact)) readsGoods = true;
    });
    if (!readsGoods) issues.push(issue("shipping_terms_grant_remedy", ["rules", i, "event", "params", "returnShippingPaidBy"], { rule: rule.name, remedy: p.remedy }));
  });
  return issues;
}
