import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { CaseValidationError, createDecider } from "../../src/index.js";
import { arbCase } from "../arbitraries/case.js";
import { CASE_PATHS, hostileJson, withValueAt } from "../arbitraries/hostile.js";

// At least 10,000 inputs per suite in CI (pinned seed); FC_NUM_RUNS raises it.
const numRuns = Math.max(10_000, Number(process.env.FC_NUM_RUNS ?? 0));
const decider = createDecider({ clock: () => new Date("2026-11-22T10:00:00+08:00"), trace: false, lang: "en" });

/** Deep nesting, huge arrays and prototype keys, as JSON.parse would hand them over. */
const nasty = fc.oneof(
  fc.integer({ min: 1, max: 5000 }).map((d) => JSON.parse("[".repeat(d) + "]".repeat(d))),
  fc.nat({ max: 100_000 }).map((n) => ({ caseId: "x", order: { items: new Array(n).fill({ sku: 1 }) } })),
  fc.constant(JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}')),
);

function expectTypedError(value: unknown) {
  const result = decider.safeDecide(value);
  if (result.success) return;
  expect(result.error).toBeInstanceOf(CaseValidationError);
  const issues = (result.error as CaseValidationError).issues;
  expect(issues.length).toBeGreaterThan(0);
  for (const issue of issues) {
    expect(Array.isArray(issue.path)).toBe(true);
    expect(typeof issue.message).toBe("string");
  }
}

afterEach(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty("polluted");
});

describe("hostile cases: safeDecide never throws, never pollutes", () => {
  it("arbitrary JSON with prototype keys, NaN-like strings, huge strings, big and fractional numbers", () => {
    fc.assert(
      fc.property(hostileJson, (v) => {
        expectTypedError(JSON.parse(JSON.stringify(v) ?? "null"));
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns },
    );
  });

  it("valid cases with one field replaced by hostile JSON anywhere", () => {
    fc.assert(
      fc.property(arbCase, fc.constantFrom(...CASE_PATHS), hostileJson, (c, path, value) => {
        expectTypedError(withValueAt(c, path, value));
      }),
      { numRuns },
    );
  });

  it("deep nesting, huge arrays and prototype-reaching documents are refused quickly", () => {
    fc.assert(
      fc.property(nasty, (v) => {
        const started = performance.now();
        expectTypedError(v);
        expect(performance.now() - started).toBeLessThan(2000);
      }),
      { numRuns: 200 },
    );
  });

  it("names the limits it enforces", () => {
    const tooMany = decider.safeDecide({ order: { items: new Array(201).fill({}) } });
    expect(!tooMany.success && (tooMany.error as CaseValidationError).issues).toEqual([{ code: "too_large", path: ["order", "items"], params: { limit: "items", max: 200, got: 201 }, severity: "error", message: "at most 200 items (got 201)" }]);
    const longId = decider.safeDecide({ caseId: "x".repeat(300_000) });
    expect(!longId.success && (longId.error as CaseValidationError).issues).toContainEqual(
      expect.objectContaining({ path: ["caseId"], message: expect.stringContaining("<=200 characters") }),
    );
    const rich = decider.safeDecide({ caseId: "x", reportedAt: "2026-03-01T10:00:00+08:00", order: { orderId: "o", currency: "CNY", placedAt: "2026-03-01T10:00:00+08:00", paidAmount: 100_000_000_001, items: [{ sku: "a", category: "c", unitPrice: 100_000_000_000, quantity: 2 }] }, request: { type: "return", reason: "no_reason" }, customer: { id: "c", tier: "normal" } });
    expect(!rich.success && (rich.error as CaseValidationError).issues.map((i) => i.path.join("."))).toEqual(["order.paidAmount", "order.items"]);
  });
});
