import { allocate, dinero, CNY, toSnapshot } from "dinero.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createDecider, type Decision, type Verdict } from "../../src/index.js";
import { arbCase } from "../arbitraries/case.js";

// The per-line invariants of DESIGN.md. Each property is a predicate that lists what it finds
// wrong, run over generated cases, and shown to fail on a decision that breaks it.

const NOW = new Date("2027-06-01T00:00:00+08:00");
const decider = createDecider({ clock: () => NOW, trace: false });
const REMEDIES = ["return", "exchange", "repair", "refundOnly", "reship"] as const;
const STATUTORY = ["return", "exchange", "repair"] as const;
type AnyCase = Record<string, any>;

// A verdict as the law decides it: where the missing input lives in the case is a path that
// moves with the line's position, so paths lose their indices for comparison.
const comparable = (v: Verdict) => ({
  ...v,
  reasons: v.reasons.map((r) => ({ ...r, ...(r.missing ? { missing: r.missing.replace(/\[\d+\]/g, "[]") } : {}) })),
});

function byLine(d: Decision) {
  const options = [...d.compensation.options]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((o) => ({ id: o.id, cash: o.cash.amount, items: o.items.map((i) => ({ kind: i.kind, amount: i.amount.amount, allocation: [...(i.allocation ?? [])].sort((a, b) => (a.line < b.line ? -1 : 1)) })) }));
  const lines = Object.fromEntries(
    [...d.lines].sort((a, b) => (a.line < b.line ? -1 : 1)).map((l) => [l.line, { paid: l.paid, refund: l.refund, units: l.units, eligibility: Object.fromEntries(REMEDIES.map((r) => [r, comparable(l.eligibility[r])])) }]),
  );
  return { lines, options };
}

/** Differences between two decisions of the same lines, in any order. */
export function permutationViolations(a: Decision, b: Decision): string[] {
  const x = byLine(a);
  const y = byLine(b);
  return JSON.stringify(x) === JSON.stringify(y) ? [] : [`decisions differ: ${JSON.stringify(x).slice(0, 300)} ≠ ${JSON.stringify(y).slice(0, 300)}`];
}

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = (seed * (i + 7)) % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function permuted(c: AnyCase, seed: number): AnyCase {
  const p = structuredClone(c);
  p.order.items = shuffled(p.order.items, seed);
  if (p.order.parcels) for (const parcel of p.order.parcels) parcel.lines = shuffled(parcel.lines, seed + 1);
  if (p.request.lines) p.request.lines = shuffled(p.request.lines, seed + 2);
  return p;
}

/** The case holding one requested line alone: its parcel's times, its paid amount, its request line. */
function alone(c: AnyCase, d: Decision, lineId: string): AnyCase | undefined {
  const item = c.order.items.find((i: AnyCase) => (i.lineId ?? i.sku) === lineId);
  const decided = d.lines.find((l) => l.line === lineId)!;
  const requestLine = c.request.lines?.find((l: AnyCase) => l.line === lineId);
  const order: AnyCase = { ...c.order, paidAmount: decided.paid.amount, items: [{ ...item, paidAmount: decided.paid.amount }] };
  delete order.shippingFee;
  if (c.order.parcels) {
    const carrying = c.order.parcels.filter((p: AnyCase) => p.lines.some((l: AnyCase) => l.line === lineId));
    if (carrying.length > 1) return undefined; // split over parcels: another property's business
    delete order.parcels;
    if (carrying[0]?.shippedAt) order.shippedAt = carrying[0].shippedAt;
    if (carrying[0]?.deliveredAt) order.deliveredAt = carrying[0].deliveredAt;
  }
  const request = { ...c.request };
  delete request.lines;
  if (requestLine) request.lines = [requestLine];
  return { ...c, order, request };
}

/** Statutory verdicts of each line that differ from the same line decided alone. */
export function aloneViolations(multi: Decision, single: Decision, lineId: string): string[] {
  const a = multi.lines.find((l) => l.line === lineId)!;
  const b = single.lines[0]!;
  const out: string[] = [];
  // The line's signing time lives on its parcel in the order, on the order when alone.
  const same = (v: Verdict) => JSON.stringify(comparable(v)).replaceAll("order.parcels[].deliveredAt", "order.deliveredAt");
  for (const r of STATUTORY) {
    if (same(a.eligibility[r]) !== same(b.eligibility[r])) out.push(`${lineId} ${r}: ${a.eligibility[r].status} in the order, ${b.eligibility[r].status} alone`);
  }
  if (a.refund.amount !== b.refund.amount) out.push(`${lineId} refund ${a.refund.amount} in the order, ${b.refund.amount} alone`);
  return out;
}

/**
 * Money against the rule files' intent: an option's refund covers exactly the requested
 * units of the lines the remedy is open for, each line getting its own refund; an option's
 * cash is its refund plus its shipping; no option pays out more than was paid.
 */
export function moneyViolations(c: AnyCase, d: Decision): string[] {
  const out: string[] = [];
  const refundOf = (remedy: (typeof REMEDIES)[number]) => d.lines.filter((l) => l.eligibility[remedy].status === "allowed");
  for (const o of d.compensation.options) {
    if (o.cash.amount > c.order.paidAmount) out.push(`${o.id}: cash ${o.cash.amount} above paid ${c.order.paidAmount}`);
    const cash = o.items.filter((i) => i.kind === "refund" || i.kind === "partial_refund" || i.kind === "shipping").reduce((s, i) => s + i.amount.amount, 0);
    if (cash !== o.cash.amount) out.push(`${o.id}: cash ${o.cash.amount} is not its items' ${cash}`);
    const remedy = o.id === "return" ? "return" : o.id === "refund_only" ? "refundOnly" : undefined;
    const refund = o.items.find((i) => i.kind === "refund");
    if (remedy === undefined || refund === undefined) continue;
    const lines = refundOf(remedy);
    const owed = lines.reduce((s, l) => s + l.refund.amount, 0);
    const capped = d.compensation.capsApplied.some((x) => x.option === o.id);
    if (!capped && refund.amount.amount !== owed) out.push(`${o.id}: refund ${refund.amount.amount}, the open lines' refunds sum to ${owed}`);
    if (!capped && owed > 0) {
      for (const l of lines) {
        const share = refund.allocation?.find((a) => a.line === l.line)?.amount.amount ?? 0;
        if (share !== l.refund.amount) out.push(`${o.id}: line ${l.line} allocated ${share}, its refund is ${l.refund.amount}`);
      }
    }
  }
  return out;
}

/** Verdicts that treat a missing input as an answer. */
export function missingInputViolations(d: Decision): string[] {
  const out: string[] = [];
  for (const l of d.lines) {
    for (const r of REMEDIES) {
      const v = l.eligibility[r];
      if (v.status === "denied" && v.reasons.some((x) => x.missing !== undefined)) out.push(`${l.line} ${r}: denied for a missing input`);
      if (v.status === "undetermined" && !v.reasons.some((x) => x.missing !== undefined)) out.push(`${l.line} ${r}: undetermined without naming the input`);
      if (v.status === "undetermined" && l.remedyWanted === r && !d.eligibility.manualReview.reasons.some((x) => x.line === l.line && x.missing !== undefined)) {
        out.push(`${l.line} ${r}: asked for and undetermined, but not sent to review`);
      }
      if (v.status === "denied" && v.reasons.length === 0) out.push(`${l.line} ${r}: denied without a reason`);
    }
  }
  return out;
}

/** A verdict allowed with the input present must not be denied without it. */
export function completionViolations(without: Decision, withInput: Decision): string[] {
  const out: string[] = [];
  without.lines.forEach((l, i) => {
    for (const r of REMEDIES) {
      if (withInput.lines[i]!.eligibility[r].status === "allowed" && l.eligibility[r].status === "denied") out.push(`${l.line} ${r}: allowed with the input, denied without it`);
    }
  });
  return out;
}

const withoutCondition = (c: AnyCase): AnyCase => {
  const x = structuredClone(c);
  delete x.request.goodsCondition;
  for (const l of x.request.lines ?? []) delete l.goodsCondition;
  return x;
};
const withCondition = (c: AnyCase, condition: string): AnyCase => ({ ...withoutCondition(c), request: { ...withoutCondition(c).request, goodsCondition: condition } });
const withoutSigning = (c: AnyCase): AnyCase => {
  const x = structuredClone(c);
  if (x.order.deliveredAt !== undefined) {
    x.order.shippedAt ??= x.order.placedAt; // still shipped: only the signing time is missing
    delete x.order.deliveredAt;
  }
  for (const p of x.order.parcels ?? []) {
    if (p.deliveredAt !== undefined) {
      p.shippedAt ??= x.order.placedAt;
      delete p.deliveredAt;
    }
  }
  return x;
};

describe("properties: per line", () => {
  it("permuting order lines, parcel lines or request lines never changes any line's verdict or money", () => {
    fc.assert(
      fc.property(arbCase, fc.integer({ min: 1, max: 1000 }), (c, seed) => {
        expect(permutationViolations(decider.decide(c), decider.decide(permuted(c, seed)))).toEqual([]);
      }),
    );
  });

  it("a line's statutory verdicts and refund equal those of a case holding that line alone", () => {
    let compared = 0;
    fc.assert(
      fc.property(arbCase, (c) => {
        const d = decider.decide(c);
        for (const l of d.lines) {
          const single = alone(c, d, l.line);
          if (single === undefined) continue;
          compared++;
          expect(aloneViolations(d, decider.decide(single), l.line)).toEqual([]);
        }
      }),
    );
    expect(compared).toBeGreaterThan(100);
  });

  it("k of n units refund the allocated share (⌊Pk/n⌋ or ⌈Pk/n⌉), and the rest of the line refunds exactly what is left", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50_000_000 }), fc.integer({ min: 1, max: 60 }), fc.nat(), (paid, n, pick) => {
        const k = 1 + (pick % n);
        const refundOf = (units: number) =>
          decider.decide({
            caseId: "u",
            reportedAt: "2026-03-04T10:00:00+08:00",
            order: { orderId: "o", currency: "CNY", placedAt: "2026-02-27T10:00:00+08:00", deliveredAt: "2026-03-01T23:50:00+08:00", paidAmount: paid, items: [{ sku: "A", category: "apparel", unitPrice: 100, quantity: n }] },
            request: { type: "return", reason: "no_reason", goodsCondition: "unopened", lines: [{ line: "A", quantity: units }] },
            customer: { id: "c", tier: "normal" },
          }).lines[0]!.refund.amount;
        const share = refundOf(k);
        const exact = (BigInt(paid) * BigInt(k)) / BigInt(n); // floor
        expect(BigInt(share) === exact || BigInt(share) === exact + 1n).toBe(true);
        if (2 * k !== n && k < n) expect(share + refundOf(n - k)).toBe(paid);
        if (k === n) expect(share).toBe(paid);
      }),
    );
  });

  it("splitting a line into single-unit lines (each unit's dinero share) refunds the same total", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50_000_000 }), fc.integer({ min: 1, max: 12 }), (paid, n) => {
        const unitShares = allocate(dinero({ amount: paid, currency: CNY }), Array.from({ length: n }, () => 1)).map((d) => toSnapshot(d).amount);
        const base = {
          caseId: "s",
          reportedAt: "2026-03-04T10:00:00+08:00",
          request: { type: "return", reason: "no_reason", goodsCondition: "unopened" },
          customer: { id: "c", tier: "normal" },
        };
        const order = { orderId: "o", currency: "CNY", placedAt: "2026-02-27T10:00:00+08:00", deliveredAt: "2026-03-01T23:50:00+08:00", paidAmount: paid };
        const whole = decider.decide({ ...base, order: { ...order, items: [{ sku: "A", category: "apparel", unitPrice: 100, quantity: n }] } });
        const split = decider.decide({ ...base, order: { ...order, items: unitShares.map((s, i) => ({ sku: `A${i}`, category: "apparel", unitPrice: 100, quantity: 1, paidAmount: s })) } });
        const total = (d: Decision) => d.lines.reduce((s, l) => s + l.refund.amount, 0);
        expect(total(split)).toBe(total(whole));
        expect(total(whole)).toBe(paid);
      }),
    );
  });

  it("Σ line refunds (+ shipping) is each option's cash, over exactly the lines the remedy is open for, never above what was paid", () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        expect(moneyViolations(c, decider.decide(c))).toEqual([]);
      }),
    );
  });

  it("a missing input is undetermined (never allowed or denied for it), names the input, and goes to review when asked for", () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        expect(missingInputViolations(decider.decide(c))).toEqual([]);
        expect(missingInputViolations(decider.decide(withoutCondition(c)))).toEqual([]);
        expect(missingInputViolations(decider.decide(withoutSigning(c)))).toEqual([]);
      }),
    );
  });

  it("dropping the goods condition never denies what some condition would allow", () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const without = decider.decide(withoutCondition(c));
        for (const condition of ["unopened", "opened_for_inspection", "used", "damaged_by_customer"]) {
          expect(completionViolations(without, decider.decide(withCondition(c, condition)))).toEqual([]);
        }
      }),
    );
  });

  it("dropping the signing time never denies what the signing time allowed (unless the customer says the goods never arrived)", () => {
    fc.assert(
      fc.property(
        arbCase.filter((c) => c.request.reason !== "lost_in_transit" && c.request.reason !== "logistics_delay"),
        (c) => {
          expect(completionViolations(decider.decide(withoutSigning(c)), decider.decide(c))).toEqual([]);
        },
      ),
    );
  });
});

describe("the per-line properties can fail", () => {
  const one = decider.decide({
    caseId: "f",
    reportedAt: "2026-03-04T10:00:00+08:00",
    order: {
      orderId: "o", currency: "CNY", placedAt: "2026-02-27T10:00:00+08:00", deliveredAt: "2026-03-01T23:50:00+08:00", paidAmount: 30000,
      items: [{ sku: "A", category: "apparel", unitPrice: 10000, quantity: 1 }, { sku: "B", category: "apparel", unitPrice: 20000, quantity: 1 }],
    },
    request: { type: "return", reason: "no_reason", goodsCondition: "unopened" },
    customer: { id: "c", tier: "normal" },
  });
  const denied: Verdict = { status: "denied", basis: [], reasons: [{ code: "x", message: { "zh-CN": "x", en: "x" } }] };
  const withLine0 = (d: Decision, patch: Partial<Decision["lines"][number]>): Decision => ({ ...d, lines: [{ ...d.lines[0]!, ...patch }, ...d.lines.slice(1)] });

  it("permutation: a moved fen is found", () => {
    expect(permutationViolations(one, withLine0(one, { refund: { amount: one.lines[0]!.refund.amount + 1, currency: "CNY" } }))).not.toEqual([]);
  });
  it("alone: a verdict that changes with the company it keeps is found", () => {
    const single = { ...one, lines: [{ ...one.lines[0]!, eligibility: { ...one.lines[0]!.eligibility, return: denied } }] };
    expect(aloneViolations(one, single, "A")).toEqual(["A return: allowed in the order, denied alone"]);
  });
  it("money: a refund of the whole order where one line is open is found", () => {
    const c = { order: { paidAmount: 30000 } };
    const bad = withLine0(one, { eligibility: { ...one.lines[0]!.eligibility, return: denied } });
    expect(moneyViolations(c, bad).some((v) => v.startsWith("return: refund 30000"))).toBe(true);
  });
  it("missing input: a denial for a missing input, and an unreviewed undetermined request, are found", () => {
    const deniedForMissing: Verdict = { status: "denied", basis: [], reasons: [{ code: "m", message: { "zh-CN": "m", en: "m" }, missing: "order.deliveredAt" }] };
    const undetermined: Verdict = { status: "undetermined", basis: [], reasons: [{ code: "m", message: { "zh-CN": "m", en: "m" }, missing: "order.deliveredAt" }] };
    expect(missingInputViolations(withLine0(one, { eligibility: { ...one.lines[0]!.eligibility, exchange: deniedForMissing } }))).toEqual(["A exchange: denied for a missing input"]);
    expect(missingInputViolations(withLine0(one, { eligibility: { ...one.lines[0]!.eligibility, return: undetermined } }))).toEqual(["A return: asked for and undetermined, but not sent to review"]);
  });
  it("completion: allowed with the input and denied without it is found", () => {
    expect(completionViolations(withLine0(one, { eligibility: { ...one.lines[0]!.eligibility, return: denied } }), one)).toEqual(["A return: allowed with the input, denied without it"]);
  });
});
