import { describe, expect, it } from "vitest";
import { compilePolicy, createDecider, loadPolicy, type Decision, type PolicyInput } from "../../src/index.js";
import { defaultPolicyInput } from "../../src/policy/defaultPolicy.js";

// Day 20 after delivery, a no-reason return of intact apparel: the bundled policy denies it,
// the merchant 30-day policy allows it. The verdict tells which policy made a decision.
const day20 = {
  caseId: "swap",
  reportedAt: "2026-03-21T10:00:00+08:00",
  order: { orderId: "o", currency: "CNY", placedAt: "2026-02-27T10:00:00+08:00", deliveredAt: "2026-03-01T23:50:00+08:00", paidAmount: 19900, items: [{ sku: "a", category: "apparel", unitPrice: 19900, quantity: 1 }] },
  request: { type: "return", reason: "no_reason", goodsCondition: "unopened" },
  customer: { id: "c", tier: "normal" },
};

const statutoryOnly = compilePolicy({ ...defaultPolicyInput(), id: "cn-default", version: "A" });
const merchant = loadPolicy("fixtures/policies/merchant-30-day");
const broken: PolicyInput = {
  ...defaultPolicyInput(),
  version: "broken",
  layers: [...defaultPolicyInput().layers, { name: "merchant", ruleSets: [{ document: { id: "m", version: "1", kind: "eligibility", effective: { from: "2026-01-01" }, rules: [{ name: "short", conditions: { all: [{ fact: "daysSinceDelivery", operator: "lessThanInclusive", value: 5 }] }, event: { type: "remedy.allowed", params: { remedy: "return", window: { days: 5 }, citation: { "zh-CN": "x", en: "x" } } } }] } }] }],
};

/** A decision is consistent when its verdict is the one its named policy gives. */
function consistent(d: Decision): boolean {
  const verdict = d.lines[0]!.eligibility.return;
  if (d.policy.version === "A") return verdict.status === "denied" && d.policy.layers.length === 2;
  if (d.policy.id === "merchant-30-day") return verdict.status === "allowed" && verdict.basis.some((b) => b.layer === "merchant");
  return false;
}

describe("policy swap without a gap", () => {
  it("validates before taking effect: a broken policy leaves the old one running and says why", () => {
    const decider = createDecider({ policy: statutoryOnly });
    const result = decider.swapPolicy(broken);
    expect(result.success).toBe(false);
    expect(!result.success && result.error.issues[0]).toMatchObject({ code: "below_statutory_floor" });
    expect(decider.policy.version).toBe("A");
    expect(decider.decide(day20).policy.version).toBe("A");
  });

  it("runs 200 swaps under concurrent decisions: no decision mixes two versions, a broken policy never takes effect", async () => {
    const decider = createDecider({ policy: statutoryOnly, clock: () => new Date("2026-03-21T10:05:00+08:00") });
    const decisions: Promise<Decision>[] = [];
    let swaps = 0;
    let refused = 0;
    for (let round = 0; round < 200; round++) {
      // Reference decisions await between stages, so swaps land in the middle of them.
      decisions.push(decider.decideWithReference(day20), decider.decideWithReference(day20));
      const next = round % 3 === 2 ? broken : round % 2 === 0 ? merchant : statutoryOnly;
      const result = decider.swapPolicy(next);
      if (result.success) swaps++;
      else refused++;
      decisions.push(Promise.resolve(decider.decide(day20)));
      await Promise.resolve();
    }
    const all = await Promise.all(decisions);
    expect(swaps).toBeGreaterThanOrEqual(100);
    expect(refused).toBeGreaterThan(0);
    expect(all.length).toBe(600);
    for (const d of all) {
      expect(d.policy.version).not.toBe("broken");
      expect(consistent(d)).toBe(true);
    }
    // Both versions really decided some of them.
    expect(new Set(all.map((d) => d.policy.id + d.policy.version)).size).toBe(2);
  });
});
