/**
 * The 20-rule bench set as a GoRules ZEN decision table (JDM): one row per rule, one
 * expression cell, collect hit policy. The bench checks it decides exactly what the
 * hand-written function does before timing it.
 */
const rows: [string, string][] = [
  ["review.required", "suspectedAbuse == true or contains(categoryTags, 'high_risk')"],
  ["sla.tier", "safetyHazard == true or batchComplaintCount >= 5"],
  ["sla.tier", "customerTier == 'vip' or orderValue >= 500000"],
  ["sla.tier", "reason in ['quality_fault', 'wrong_item', 'missing_item']"],
  ["sla.escalate", "requestType == 'logistics' and hoursPastPromise > 0"],
  ["exchange.allowed", "reason == 'quality_fault' and priorRepairs >= 2 and withinWarranty == true"],
  ["refundOnly.allowed", "shipped == false and requestType in ['refund_only', 'return']"],
  ["return.allowed", "reason in ['quality_fault', 'not_as_described'] and daysSinceDelivery <= 7"],
  ["exchange.allowed", "reason == 'quality_fault' and inSanbaoCatalogue == true and daysSinceDelivery <= 15"],
  ["repair.allowed", "reason == 'quality_fault' and withinWarranty == true"],
  ["exchange.allowed", "reason == 'quality_fault' and inSanbaoCatalogue == false and daysSinceDelivery > 7"],
  ["exchange.allowed", "reason == 'wrong_item' or reason == 'not_as_described'"],
  ["reship.allowed", "reason == 'missing_item'"],
  ["reship.allowed", "reason in ['lost_in_transit', 'damaged_in_transit'] and delivered == false"],
  ["return.allowed", "reason == 'no_reason' and daysSinceDelivery <= 7 and goodsIntact == true and excludedFromNoReason == false"],
  ["return.denied", "reason == 'no_reason' and daysSinceDelivery > 7"],
  ["return.denied", "reason == 'no_reason' and excludedFromNoReason == true"],
  ["return.denied", "reason == 'no_reason' and goodsIntact == false"],
  ["compensation.coupon", "reason == 'quality_fault' and orderValue > 0 and not(suspectedAbuse == true)"],
  ["compensation.partialRefund", "keepsGoods == true and reason in ['quality_fault', 'not_as_described']"],
];

export const zenTable = {
  nodes: [
    { id: "in", type: "inputNode", name: "request", position: { x: 0, y: 0 } },
    {
      id: "table",
      type: "decisionTableNode",
      name: "rules",
      position: { x: 200, y: 0 },
      content: {
        hitPolicy: "collect",
        inputs: [{ id: "when", name: "when", field: "" }],
        outputs: [{ id: "event", name: "event", field: "event" }],
        rules: rows.map(([event, when], i) => ({ _id: `r${i}`, when, event: `'${event}'` })),
      },
    },
    { id: "out", type: "outputNode", name: "response", position: { x: 400, y: 0 } },
  ],
  edges: [
    { id: "e1", type: "edge", sourceId: "in", targetId: "table" },
    { id: "e2", type: "edge", sourceId: "table", targetId: "out" },
  ],
};
