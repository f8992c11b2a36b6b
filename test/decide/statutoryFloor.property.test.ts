import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createDecider, type Decision } from "../../src/index.js";
import { arbCase } from "../arbitraries/case.js";
import { loadPolicy } from "../../src/policy/loadPolicy.js";
import { compilePolicy } from "../../src/policy/compilePolicy.js";
import { defaultPolicyInput } from "../../src/policy/defaultPolicy.js";

// Issue 12 §1 and §5 as properties: the statutory 三包 period is a floor that a promise can only
// lengthen, and a window that has closed allows nothing.
const decider = createDecider({ clock: () => new Date("2030-01-01T00:00:00+08:00"), trace: false });
const REMEDIES = ["return", "exchange", "repair", "refundOnly", "reship"] as const;
// The shortest statutory period of each bundled catalogue row the arbitraries use (unit and parts:
// a promise covers the whole product, so it lengthens a part's shorter period too).
const STATUTORY_MONTHS: Record<string, number> = { mobile_phone: 3, laptop: 12, tv: 12 };

/** Allowed verdicts whose deadline is not after the request. */
export function closedButAllowed(reportedAt: string, d: Decision): string[] {
  const at = Date.parse(reportedAt);
  return d.lines.flatMap((l) =>
    REMEDIES.filter((r) => l.eligibility[r].status === "allowed" && l.eligibility[r].deadline !== undefined && Date.parse(l.eligibility[r].deadline!) <= at).map((r) => `${l.line} ${r}`),
  );
}

describe("properties: the statutory floor", () => {
  it("an allowed verdict's deadline is always after reportedAt", () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        expect(closedButAllowed(c.reportedAt, decider.decide(c))).toEqual([]);
      }),
    );
  });

  it("a promised warranty no longer than any statutory period of the goods changes no verdict (it can only lengthen them)", () => {
    fc.assert(
      fc.property(arbCase, fc.nat(), (c, pick) => {
        const withoutPromise = structuredClone(c);
        const shorter = structuredClone(c);
        let changed = false;
        withoutPromise.order.items.forEach((item: Record<string, unknown>, i: number) => {
          const statutory = STATUTORY_MONTHS[item.category as string];
          delete item.warrantyMonths;
          if (statutory === undefined) return;
          shorter.order.items[i].warrantyMonths = pick % (statutory + 1); // 0 ("no warranty") … the shortest statutory period
          changed = true;
        });
        for (const [i, item] of shorter.order.items.entries()) if (STATUTORY_MONTHS[item.category] === undefined) delete shorter.order.items[i].warrantyMonths;
        fc.pre(changed);
        expect(decider.decide(shorter).lines.map((l) => l.eligibility)).toEqual(decider.decide(withoutPromise).lines.map((l) => l.eligibility));
      }),
    );
  });

  it("no attribute value makes a verdict less favourable than the statutory one", () => {
    // A policy declaring line, order and customer attributes, whose merchant layer reads them.
    const attributed = createDecider({ policy: loadPolicy("fixtures/policies/merchant-attributes"), clock: () => new Date("2030-01-01T00:00:00+08:00"), trace: false });
    const arbAttributes = fc.record({
      line: fc.array(fc.option(fc.record({ brand: fc.constantFrom("acme", "globex") }, { requiredKeys: [] }), { nil: undefined }), { maxLength: 8 }),
      order: fc.option(fc.record({ shippingInsurance: fc.boolean() }, { requiredKeys: [] }), { nil: undefined }),
      customer: fc.option(fc.record({ membershipLevel: fc.constantFrom("silver", "gold", "platinum") }, { requiredKeys: [] }), { nil: undefined }),
    });
    const rank = { allowed: 2, undetermined: 1, denied: 0 } as const;
    fc.assert(
      fc.property(arbCase, arbAttributes, (c, a) => {
        const withAttributes = structuredClone(c);
        withAttributes.order.items.forEach((item: Record<string, unknown>, i: number) => {
          if (a.line[i] !== undefined) item.attributes = a.line[i];
        });
        if (a.order !== undefined) withAttributes.order.attributes = a.order;
        if (a.customer !== undefined) withAttributes.customer.attributes = a.customer;
        const statutory = decider.decide(c).lines;
        const got = attributed.decide(withAttributes).lines;
        for (const [k, line] of statutory.entries()) {
          for (const r of REMEDIES) expect(rank[got[k]!.eligibility[r].status], `${line.line} ${r}`).toBeGreaterThanOrEqual(rank[line.eligibility[r].status]);
        }
      }),
    );
  });

  it("the closed-window check can fail", () => {
    const d = decider.decide({
      caseId: "w", reportedAt: "2026-03-04T10:00:00+08:00",
      order: { orderId: "o", currency: "CNY", placedAt: "2026-02-27T10:00:00+08:00", deliveredAt: "2026-03-01T23:50:00+08:00", paidAmount: 100, items: [{ sku: "a", category: "apparel", unitPrice: 100, quantity: 1 }] },
      request: { type: "return", reason: "no_reason", goodsCondition: "unopened" }, customer: { id: "c", tier: "normal" },
    });
    expect(closedButAllowed("2026-03-04T10:00:00+08:00", d)).toEqual([]);
    expect(closedButAllowed("2026-03-09T00:00:00+08:00", d)).toEqual(["a return"]); // its deadline, read as if the request came then
  });
});

// Issue 12 §10: intactness depends on the goods (暂行办法 art. 9). A broken seal on goods without
// a hygienic seal is inspection (实施条例 art. 19 ¶3) and decides exactly as opening to inspect; on
// goods with one it decides the return as use does.
describe("properties: a broken seal", () => {
  const withCondition = (c: Record<string, any>, category: string, condition: string) => {
    const copy = structuredClone(c);
    for (const item of copy.order.items) item.category = category;
    copy.request.goodsCondition = condition;
    for (const line of copy.request.lines ?? []) line.goodsCondition = condition;
    return copy;
  };

  it("on goods without a one-time seal (a phone box) decides every remedy as opening to inspect", () => {
    fc.assert(
      fc.property(arbCase, fc.constantFrom("mobile_phone", "laptop", "earphones", "apparel", "underwear"), (c, category) => {
        const sealBroken = decider.decide(withCondition(c, category, "seal_broken"));
        const inspected = decider.decide(withCondition(c, category, "opened_for_inspection"));
        expect(sealBroken.lines.map((l) => l.eligibility)).toEqual(inspected.lines.map((l) => l.eligibility));
      }),
    );
  });

  it("on goods with one (food, cosmetics) leaves the no-reason return where use leaves it, and every other remedy untouched", () => {
    fc.assert(
      fc.property(arbCase.filter((c) => c.request.reason === "no_reason" || c.request.reason === "quality_fault"), fc.constantFrom("cosmetics", "food", "medical_device", "contraceptives"), (c, category) => {
        const sealBroken = decider.decide(withCondition(c, category, "seal_broken"));
        const used = decider.decide(withCondition(c, category, "used"));
        sealBroken.lines.forEach((line, i) => {
          const other = used.lines[i]!.eligibility;
          expect(line.eligibility.return.status).toBe(other.return.status);
          for (const r of REMEDIES.filter((x) => x !== "return")) expect(line.eligibility[r]).toEqual(other[r]);
        });
      }),
    );
  });
});

// Issue 12 §9: 消保法 art. 25 ¶3 — the refund is due within 7 days of receiving the returned goods.
describe("properties: refund timing", () => {
  const shanghaiDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });
  it("an allowed no-reason return whose goods came back is due at day 8 00:00 after the receipt day, overdue exactly from then", () => {
    fc.assert(
      fc.property(
        arbCase.filter((c) => c.request.reason === "no_reason"),
        fc.integer({ min: 0, max: 20 * 86_400 }),
        fc.integer({ min: 0, max: 20 * 86_400 }),
        (c, receivedAfter, decidedAfter) => {
          const received = Date.parse(c.reportedAt) + receivedAfter * 1000;
          const decidedAt = received + decidedAfter * 1000;
          const withReceipt = { ...c, request: { ...c.request, returnReceivedAt: new Date(received).toISOString() } };
          const d = createDecider({ clock: () => new Date(decidedAt), trace: false }).decide(withReceipt);
          const due = Date.parse(`${shanghaiDate.format(new Date(received))}T00:00:00+08:00`) + 8 * 86_400_000;
          for (const line of d.lines) {
            const statutory = line.eligibility.return.basis.some((b) => b.rule === "no_reason_return_within_7_days");
            expect(line.refundDue !== undefined).toBe(statutory); // the bundled policy sets the period on that rule only
            if (line.refundDue === undefined) continue;
            expect(Date.parse(line.refundDue.due)).toBe(due);
            expect(line.refundDue.overdue).toBe(decidedAt >= due);
            const flagged = d.eligibility.manualReview.reasons.some((r) => r.code === "refund_overdue" && r.line === line.line);
            expect(flagged).toBe(decidedAt >= due);
          }
        },
      ),
    );
  });
});

// Issue 12 §13: platforms send their own category names. A name the table knows (a key, an
// alias, in any case or separator) decides exactly as the key; a name it does not know is
// reported on the line, never silently read as outside the 三包 catalogue.
describe("properties: category names", () => {
  const SPELLINGS: Record<string, readonly string[]> = {
    mobile_phone: ["手机", "phone", "Mobile_Phone", " mobile-phone ", "MOBILE PHONE"],
    laptop: ["笔记本电脑", "Notebook", "LAPTOP"],
    tv: ["电视", "Television", "TV"],
    earphones: ["耳机", "Headphones"],
    apparel: ["服装", "Apparel"],
    cosmetics: ["化妆品", "Cosmetics"],
  };
  it("a category sent by an alias or another spelling decides every line as its key", () => {
    fc.assert(
      fc.property(arbCase, fc.nat(), (c, pick) => {
        const renamed = structuredClone(c);
        let changed = false;
        for (const item of renamed.order.items) {
          const names = SPELLINGS[item.category];
          if (names === undefined) continue;
          item.category = names[pick % names.length]!;
          changed = true;
        }
        fc.pre(changed);
        const a = decider.decide(c);
        const b = decider.decide(renamed);
        expect(b.lines.map((l) => l.eligibility)).toEqual(a.lines.map((l) => l.eligibility));
        expect(b.lines.some((l) => l.unknownCategory !== undefined)).toBe(false);
      }),
    );
  });

  it("a category the table does not know is reported on its line, and a quality claim on it goes to review", () => {
    fc.assert(
      fc.property(arbCase, fc.constantFrom("pet_supplies", "Smart Band 7", "无人机"), (c, unknown) => {
        const renamed = structuredClone(c);
        renamed.order.items[0].category = unknown;
        const d = decider.decide(renamed);
        const line = d.lines.find((l) => l.sku === renamed.order.items[0].sku);
        if (line === undefined) return; // the request is not about that line
        expect(line.unknownCategory?.path).toBe("order.items[0].category");
        if (renamed.request.reason === "quality_fault" && !(line.eligibility.return.reasons.some((r) => r.code === "units_not_identified"))) {
          expect(d.eligibility.manualReview.reasons.some((r) => r.code === "category_unknown" && r.line === line.line)).toBe(true);
        }
      }),
    );
  });
});

// Issue 12 §3: parts have their own 三包 periods (TV main parts 3 years, phone battery 6 months).
describe("properties: parts", () => {
  const PARTS: Record<string, readonly string[]> = { mobile_phone: ["main_unit", "battery", "charger", "wired_headset"], tv: ["main_unit", "main_parts"], laptop: ["main_unit", "main_parts"] };
  it("naming the failed part only resolves an undetermined repair: without it the verdict is each part's, or undetermined when the parts disagree", () => {
    fc.assert(
      fc.property(arbCase.filter((c) => c.request.reason === "quality_fault"), fc.constantFrom("mobile_phone", "tv", "laptop"), (c, category) => {
        const base = structuredClone(c);
        for (const item of base.order.items) item.category = category;
        const unnamed = decider.decide(base);
        const named = PARTS[category]!.map((part) => decider.decide({ ...base, request: { ...base.request, failedPart: part } }));
        unnamed.lines.forEach((line, i) => {
          const statuses = new Set(named.map((d) => d.lines[i]!.eligibility.repair.status));
          const repair = line.eligibility.repair;
          if (repair.status === "undetermined" && repair.reasons.some((r) => r.code === "failed_part_unknown")) {
            expect([...statuses].sort()).toEqual(["allowed", "denied"]);
          } else {
            expect([...statuses]).toEqual([repair.status]);
          }
        });
      }),
    );
  });
});

// Issue 12 §7: the 三包 period runs from installation or the last exchange and excludes repair
// time (实施条例 art. 18 ¶1). The oracle counts Shanghai dates (+08:00 all year) by hand: start
// day = the latest of signing, installation and exchange; last day = the same date 12 months on
// (or the month's last day); then one more day for every calendar day touched by a repair that
// began after the start.
describe("properties: the line's history", () => {
  const SH = 8 * 3_600_000;
  const DAY_MS = 86_400_000;
  const dayOf = (ms: number) => Math.floor((ms + SH) / DAY_MS); // Shanghai day number
  const yearOnEnd = (startMs: number) => {
    const d = new Date(dayOf(startMs) * DAY_MS);
    const y = d.getUTCFullYear() + 1;
    const m = d.getUTCMonth();
    const last = Math.min(d.getUTCDate(), new Date(Date.UTC(y, m + 1, 0)).getUTCDate());
    return Date.UTC(y, m, last) / DAY_MS; // the last day, as a day number
  };
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19) + "Z";

  it("the repair is free exactly until the end of the year counted from the latest of signing, installation and exchange, run on by the days in repair", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse("2025-01-01T00:00:00Z") / 1000, max: Date.parse("2027-01-01T00:00:00Z") / 1000 }),
        fc.option(fc.integer({ min: 0, max: 30 * 86_400 }), { nil: undefined }), // installed after signing
        fc.option(fc.integer({ min: 0, max: 300 * 86_400 }), { nil: undefined }), // exchanged after signing
        fc.option(fc.tuple(fc.integer({ min: -43_200, max: 300 * 86_400 }), fc.integer({ min: 0, max: 40 * 86_400 })), { nil: undefined }), // a repair: start after signing, length
        fc.integer({ min: -60 * 86_400, max: 60 * 86_400 }), // reported around the hand-counted end
        (signedS, installedAfter, exchangedAfter, repair, around) => {
          const signed = signedS * 1000;
          const installed = installedAfter === undefined ? undefined : signed + installedAfter * 1000;
          const exchanged = exchangedAfter === undefined ? undefined : signed + exchangedAfter * 1000;
          const start = Math.max(signed, installed ?? 0, exchanged ?? 0);
          let lastDay = yearOnEnd(start);
          const repaired = repair === undefined ? undefined : { from: signed + repair[0] * 1000, to: signed + repair[0] * 1000 + repair[1] * 1000 };
          let reported = (lastDay + 1) * DAY_MS - SH + around * 1000;
          if (repaired !== undefined && repaired.from >= start && repaired.to <= reported) lastDay += dayOf(repaired.to) - dayOf(repaired.from) + 1;
          reported = Math.max(reported, start, repaired?.to ?? 0, installed ?? 0);
          const c = {
            caseId: "h", reportedAt: iso(reported),
            order: {
              orderId: "o", currency: "CNY", placedAt: iso(signed - DAY_MS), shippedAt: iso(signed - DAY_MS / 2), deliveredAt: iso(signed), paidAmount: 100,
              items: [{
                sku: "p", category: "mobile_phone", unitPrice: 100, quantity: 1,
                ...(installed !== undefined ? { installedAt: iso(installed) } : {}),
                ...(exchanged !== undefined || repaired !== undefined
                  ? { history: { ...(exchanged !== undefined ? { exchanges: [{ completedAt: iso(exchanged) }] } : {}), ...(repaired !== undefined ? { repairs: [{ handedInAt: iso(repaired.from), returnedAt: iso(repaired.to) }] } : {}) } }
                  : {}),
              }],
            },
            request: { type: "repair", reason: "quality_fault", failedPart: "main_unit", goodsCondition: "used" }, customer: { id: "c", tier: "normal" },
          };
          fc.pre(repaired === undefined || repaired.to <= reported);
          const repairVerdict = decider.decide(c).lines[0]!.eligibility.repair;
          const end = (lastDay + 1) * DAY_MS - SH; // the first instant after the last day
          expect(repairVerdict.status).toBe(reported < end ? "allowed" : "denied");
          if (repairVerdict.status === "allowed") expect(Date.parse(repairVerdict.deadline!)).toBe(end);
        },
      ),
    );
  });
});

// Issue 12 §8: failed repairs only add remedies (部分商品三包 arts. 11–12; 手机三包 arts. 13–16),
// and a phone's repeated repair is an exchange of the main unit, never a return.
describe("properties: repair failures", () => {
  it("a line's repairs (same fault, long, waiting for parts) never take an allowed remedy away, and never give a phone a return", () => {
    fc.assert(
      fc.property(
        arbCase.filter((c) => c.request.reason === "quality_fault"),
        fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), days: fc.integer({ min: 0, max: 120 }), sameFault: fc.boolean(), partsUnavailable: fc.boolean() }), { minLength: 1, maxLength: 3 }),
        (c, repairs) => {
          const placed = Date.parse(c.order.placedAt);
          const reported = Date.parse(c.reportedAt);
          const withRepairs = structuredClone(c);
          for (const item of withRepairs.order.items) {
            item.history = {
              repairs: repairs.map((r) => {
                const from = placed + Math.floor(((reported - placed) * r.at) / 1000) * 1000;
                return { handedInAt: new Date(from).toISOString(), ...(from + r.days * 86_400_000 <= reported ? { returnedAt: new Date(from + r.days * 86_400_000).toISOString() } : {}), sameFault: r.sameFault, partsUnavailable: r.partsUnavailable };
              }),
            };
          }
          const before = decider.decide(c);
          const after = decider.decide(withRepairs);
          after.lines.forEach((line, i) => {
            for (const r of REMEDIES) if (before.lines[i]!.eligibility[r].status === "allowed") expect(line.eligibility[r].status, r).toBe("allowed");
            if (line.category === "mobile_phone") expect(line.eligibility.return.basis.map((b) => b.rule)).not.toContain("sanbao_repeat_repair_return");
          });
        },
      ),
    );
  });
});

// Issue 12 §14: an urgent delay's expedited reship comes with the shipping difference priced from
// the policy (express over standard), whatever the order paid for shipping (free shipping too).
describe("properties: the shipping difference", () => {
  it("is the policy's amount whatever the order's shipping fee, and only for an urgent need", () => {
    fc.assert(
      fc.property(arbCase, fc.integer({ min: 0, max: 3000 }), fc.boolean(), (c, fee, urgent) => {
        const base = structuredClone(c);
        base.request.reason = "logistics_delay";
        base.request.urgentNeed = urgent;
        const other = structuredClone(base);
        other.order.paidAmount = base.order.paidAmount - (base.order.shippingFee ?? 0) + fee;
        other.order.shippingFee = fee;
        const difference = (d: Decision) => d.compensation.options.flatMap((o) => o.items).filter((i) => i.rule === "logistics_delay_shipping_difference");
        const a = decider.decide(base);
        const b = decider.decide(other);
        const reship = a.eligibility.reship.open !== "none";
        expect(difference(a).length).toBe(urgent && reship ? 1 : 0);
        if (difference(a).length === 1 && a.compensation.capsApplied.length === 0 && b.compensation.capsApplied.length === 0) {
          expect(difference(a)[0]!.amount.amount).toBe(1500);
          expect(difference(b)[0]!.amount.amount).toBe(1500);
        }
      }),
    );
  });
});

describe("properties: installed goods", () => {
  it("the 三包 15-day exchange runs from the completed installation: open exactly to day 16 00:00 after the installation day", () => {
    const SH = 8 * 3_600_000;
    const DAY_MS = 86_400_000;
    fc.assert(
      fc.property(fc.integer({ min: Date.parse("2026-01-01T00:00:00Z") / 1000, max: Date.parse("2027-01-01T00:00:00Z") / 1000 }), fc.integer({ min: 0, max: 20 * 86_400 }), fc.integer({ min: 0, max: 25 * 86_400 }), (signedS, installedAfter, reportedAfter) => {
        const signed = signedS * 1000;
        const installed = signed + installedAfter * 1000;
        const reported = installed + reportedAfter * 1000;
        const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19) + "Z";
        const c = {
          caseId: "i", reportedAt: iso(reported),
          order: { orderId: "o", currency: "CNY", placedAt: iso(signed - DAY_MS), deliveredAt: iso(signed), paidAmount: 100, items: [{ sku: "ac", category: "large_appliance", unitPrice: 100, quantity: 1, installedAt: iso(installed) }] },
          request: { type: "exchange", reason: "quality_fault", failedPart: "main_unit", goodsCondition: "used" }, customer: { id: "c", tier: "normal" },
        };
        const end = (Math.floor((installed + SH) / DAY_MS) + 16) * DAY_MS - SH; // day 16 00:00 after the installation day, Shanghai
        const exchange = decider.decide(c).lines[0]!.eligibility.exchange;
        expect(exchange.status).toBe(reported < end ? "allowed" : "denied");
        if (exchange.status === "allowed") expect(Date.parse(exchange.deadline!)).toBe(end);
      }),
    );
  });
});

// Issue 13 (promises): a merchant's promise only adds. Any mix of the four promise events,
// firing on every line and case, leaves every statutory verdict at least as favourable: an
// allowed verdict stays allowed, its deadline no earlier, a merchant-paid return shipping stays
// merchant-paid; and the bundled plan's options keep their items.
describe("properties: promises only add", () => {
  const citation = { "zh-CN": "商家承诺", en: "Merchant promise" };
  const always = { all: [{ fact: "lineUnits", operator: "greaterThanInclusive", value: 1 }] };
  const PROMISES = {
    free: { name: "free", conditions: always, event: { type: "promise.freeReturnShipping", params: { citation } } },
    freeExchange: { name: "free_exchange", conditions: always, event: { type: "promise.freeReturnShipping", params: { remedies: ["exchange"], citation } } },
    insurance: { name: "insurance", conditions: always, event: { type: "promise.returnShippingInsurance", params: { upTo: 1200, citation } } },
    lifetime: { name: "lifetime", conditions: always, event: { type: "promise.lifetimeRepair", params: { citation } } },
  } as const;
  const priceProtection = (addTo: boolean) => ({
    name: "price_protection",
    conditions: { all: [{ fact: "orderValue", operator: "greaterThanInclusive", value: 0 }] },
    event: {
      type: "compensation.priceProtection",
      params: { option: "price_protection", optionLabel: citation, label: citation, citation, withinDays: 365, ...(addTo ? { addTo: "every" } : {}) },
    },
  });
  const withPromises = (names: readonly (keyof typeof PROMISES)[], price: "none" | "alternative" | "every") => {
    const base = defaultPolicyInput();
    const eligibility = { id: "promises", version: "1", kind: "eligibility", effective: { from: "2000-01-01" }, rules: names.map((n) => PROMISES[n]) };
    const ruleSets = [{ document: eligibility as unknown }];
    if (price !== "none") ruleSets.push({ document: { id: "price", version: "1", kind: "compensation", effective: { from: "2000-01-01" }, rules: [priceProtection(price === "every")] } });
    return compilePolicy({ ...base, layers: [...base.layers, { name: "merchant", ruleSets }] });
  };
  const rank = { allowed: 2, undetermined: 1, denied: 0 } as const;
  const deciders = new Map<string, ReturnType<typeof createDecider>>();
  const arbPromises = fc.record({
    names: fc.subarray(Object.keys(PROMISES) as (keyof typeof PROMISES)[], { minLength: 1 }),
    price: fc.constantFrom("none", "alternative", "every") as fc.Arbitrary<"none" | "alternative" | "every">,
    pricesNow: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 8, maxLength: 8 }),
  });

  it("no promise makes any statutory verdict less favourable, nor takes an item from the bundled plan", () => {
    fc.assert(
      fc.property(arbCase, arbPromises, (c, p) => {
        const key = `${p.names.join(",")}|${p.price}`;
        let promised = deciders.get(key);
        if (promised === undefined) deciders.set(key, (promised = createDecider({ policy: withPromises(p.names, p.price), clock: () => new Date("2030-01-01T00:00:00+08:00"), trace: false })));
        const withPrices = structuredClone(c);
        withPrices.order.items.forEach((item: { unitPrice: number; priceNow?: number }, i: number) => {
          item.priceNow = Math.floor(item.unitPrice * p.pricesNow[i % 8]!);
        });
        const before = decider.decide(withPrices);
        const after = promised.decide(withPrices);
        for (const [k, line] of before.lines.entries()) {
          for (const r of REMEDIES) {
            const was = line.eligibility[r];
            const is = after.lines[k]!.eligibility[r];
            expect(rank[is.status], `${line.line} ${r}`).toBeGreaterThanOrEqual(rank[was.status]);
            if (was.status !== "allowed") continue;
            // No deadline is the latest there is.
            if (is.deadline !== undefined) expect(was.deadline !== undefined && Date.parse(is.deadline) >= Date.parse(was.deadline), `${line.line} ${r} deadline`).toBe(true);
            if (was.returnShippingPaidBy === "merchant") expect(is.returnShippingPaidBy).toBe("merchant");
            for (const b of was.basis) expect(is.basis).toContainEqual(b);
          }
        }
        for (const option of before.compensation.options) {
          const same = after.compensation.options.find((o) => o.id === option.id);
          expect(same?.items.slice(0, option.items.length), option.id).toEqual(option.items);
        }
      }),
    );
  });

  it("the promise check can fail: a shipping promise written as a remedy.allowed with a short window is no promise", () => {
    // The VIP rule: it grants a return of its own — on a day-20 request the statutory
    // verdict (denied) turns allowed. Promises must not do that; this shows the check sees it.
    const base = defaultPolicyInput();
    const vip = { name: "vip", conditions: always, event: { type: "remedy.allowed", params: { remedy: "return", window: { days: 30 }, returnShippingPaidBy: "merchant", citation } } };
    const granting = createDecider({
      policy: compilePolicy({ ...base, layers: [...base.layers, { name: "merchant", ruleSets: [{ document: { id: "vip", version: "1", kind: "eligibility", effective: { from: "2000-01-01" }, rules: [vip] } }] }] }),
      clock: () => new Date("2030-01-01T00:00:00+08:00"),
      trace: false,
    });
    const promising = createDecider({ policy: withPromises(["free"], "none"), clock: () => new Date("2030-01-01T00:00:00+08:00"), trace: false });
    const day20 = {
      caseId: "p", reportedAt: "2026-03-21T10:00:00+08:00",
      order: { orderId: "o", currency: "CNY", placedAt: "2026-02-27T10:00:00+08:00", deliveredAt: "2026-03-01T23:50:00+08:00", paidAmount: 100, items: [{ sku: "a", category: "apparel", unitPrice: 100, quantity: 1 }] },
      request: { type: "return", reason: "no_reason", goodsCondition: "unopened" }, customer: { id: "c", tier: "vip" },
    };
    expect(decider.decide(day20).lines[0]!.eligibility.return.status).toBe("denied");
    expect(granting.decide(day20).lines[0]!.eligibility.return.status).toBe("allowed");
    expect(promising.decide(day20).lines[0]!.eligibility.return.status).toBe("denied");
  });
});
