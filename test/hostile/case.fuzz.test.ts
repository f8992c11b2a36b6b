import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { CaseValidationError, createDecider } from "../../src/index.js";
import { arbCase } from "../arbitraries/case.js";

// At least 10,000 inputs per suite in CI (pinned seed); FC_NUM_RUNS raises it.
const numRuns = Math.max(10_000, Number(process.env.FC_NUM_RUNS ?? 0));
const decider = createDecider({ clock: () => new Date("2026-11-22T10:00:00+08:00"), trace: false });

const hostileKey = fc.constantFrom("__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf", "caseId", "order", "items", "");
const hostileString = fc.oneof(
  fc.constantFrom("NaN", "Infinity", "-Infinity", "1e309", "0x10", "", " ", "2026-03-01T10:00:00", "2026-03-01", "2026-02-30T10:00:00+08:00", "+275760-09-13T00:00:00Z", "9999-12-31T23:59:59+14:00", "2026-03-01T10:00:00+25:00", "\u0000", "𠀀".repeat(300), "__proto__"),
  fc.string({ maxLength: 300, unit: "binary" }),
  fc.nat({ max: 300_000 }).map((n) => "x".repeat(n)),
);
const hostileNumber = fc.oneof(
  fc.constantFrom(2 ** 53, 2 ** 53 + 2, -1, -0, 0.5, 1e308, -1e-308, Number.MAX_VALUE, 100_000_000_001, 1e21),
  fc.double(),
  fc.integer(),
);
const hostileScalar = fc.oneof(hostileString, hostileNumber, fc.boolean(), fc.constant(null));
const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: "small" },
    hostileScalar,
    fc.array(tie("v"), { maxLength: 5 }),
    fc.dictionary(hostileKey, tie("v"), { maxKeys: 4 }),
  ),
})).v;

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
    const paths = [
      ["caseId"], ["reportedAt"], ["order", "placedAt"], ["order", "deliveredAt"], ["order", "paidAmount"], ["order", "shippingFee"],
      ["order", "items"], ["order", "items", 0], ["order", "items", 0, "unitPrice"], ["order", "items", 0, "quantity"], ["order", "items", 0, "flags"],
      ["request"], ["request", "skus"], ["request", "priorRepairs"], ["customer", "tier"], ["customer", "accountCreatedAt"], ["__proto__"], ["order", "__proto__"],
    ];
    fc.assert(
      fc.property(arbCase, fc.constantFrom(...paths), hostileJson, (c, path, value) => {
        const broken = JSON.parse(JSON.stringify(c));
        let target: any = broken;
        for (const k of path.slice(0, -1)) target = target[k];
        Object.defineProperty(target, path.at(-1)!, { value, enumerable: true, configurable: true, writable: true });
        expectTypedError(JSON.parse(JSON.stringify(broken)));
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
    expect(!tooMany.success && (tooMany.error as CaseValidationError).issues).toEqual([{ code: "too_large", path: ["order", "items"], message: "at most 200 items (got 201)" }]);
    const longId = decider.safeDecide({ caseId: "x".repeat(300_000) });
    expect(!longId.success && (longId.error as CaseValidationError).issues).toContainEqual(
      expect.objectContaining({ path: ["caseId"], message: expect.stringContaining("<=200 characters") }),
    );
    const rich = decider.safeDecide({ caseId: "x", reportedAt: "2026-03-01T10:00:00+08:00", order: { orderId: "o", currency: "CNY", placedAt: "2026-03-01T10:00:00+08:00", paidAmount: 100_000_000_001, items: [{ sku: "a", category: "c", unitPrice: 100_000_000_000, quantity: 2 }] }, request: { type: "return", reason: "no_reason" }, customer: { id: "c", tier: "normal" } });
    expect(!rich.success && (rich.error as CaseValidationError).issues.map((i) => i.path.join("."))).toEqual(["order.paidAmount", "order.items"]);
  });
});
