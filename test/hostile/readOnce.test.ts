import { describe, expect, it } from "vitest";
import { CaseValidationError, createDecider, safeParseCase } from "../../src/index.js";
import { generateCases } from "../../src/tools/generate/generateCases.js";

const NOW = "2026-11-22T10:00:00+08:00";
const decider = createDecider({ clock: () => new Date(NOW), trace: false });
/** A case the generator makes: valid, with a compensation to compute. */
const base = [...generateCases(200, 21)].find((c) => decider.decide(c).compensation.options.length > 0)!;

describe("a case is read once into plain data before it is validated", () => {
  it("a getter that answers differently on a second read cannot change the decision", () => {
    const plain = JSON.parse(JSON.stringify(base));
    const expected = decider.decide(plain);
    const tricky = JSON.parse(JSON.stringify(base));
    let reads = 0;
    const item = tricky.order.items[0];
    const price = item.unitPrice;
    // Valid when validated, absurd when read again for the decision.
    Object.defineProperty(item, "unitPrice", { enumerable: true, get: () => (reads++ === 0 ? price : -4_999_999_999_999_999) });
    const decided = decider.decide(tricky);
    expect(reads).toBe(1);
    expect(decided).toEqual(expected);
    for (const o of decided.compensation.options) expect(o.total.amount).toBeGreaterThanOrEqual(0);
  });

  it("a Proxy is read once too, and the decision equals that of the plain case", () => {
    const plain = JSON.parse(JSON.stringify(base));
    let gets = 0;
    const proxied = new Proxy(plain, { get: (t, k, r) => (gets++, Reflect.get(t, k, r)) });
    expect(decider.decide(proxied)).toEqual(decider.decide(JSON.parse(JSON.stringify(base))));
    expect(gets).toBe(Object.keys(plain).length);
  });

  it("a throwing trap or getter is an issue at its path, not an exception out of safeDecide", () => {
    const throwing = JSON.parse(JSON.stringify(base));
    throwing.order = new Proxy(throwing.order, { get: () => { throw new Error("trap!"); } });
    const result = decider.safeDecide(throwing);
    expect(result.success).toBe(false);
    expect(!result.success && result.error).toBeInstanceOf(CaseValidationError);
    expect(!result.success && (result.error as CaseValidationError).inLang("en").issues).toEqual([
      { code: "invalid_input", path: ["order", Object.keys(base.order)[0]], params: { rule: "unreadable", error: "trap!" }, severity: "error", message: "could not be read: trap!" },
    ]);
    const keysThrow = new Proxy({}, { ownKeys: () => { throw new RangeError("no keys"); } });
    expect(safeParseCase(keysThrow, { lang: "en" })).toMatchObject({ success: false, error: { issues: [{ code: "invalid_input", path: [], message: "could not be read: no keys" }] } });
    const getter = JSON.parse(JSON.stringify(base));
    Object.defineProperty(getter.request, "type", { enumerable: true, get: () => { throw new TypeError("boom"); } });
    expect(safeParseCase(getter, { lang: "en" })).toMatchObject({ success: false, error: { issues: [{ code: "invalid_input", path: ["request", "type"], message: "could not be read: boom" }] } });
  });

  it("keeps a __proto__ key as an own key (refused as unknown), and refuses deep nesting without a stack overflow", () => {
    const withProto = JSON.parse(`{"__proto__": {"polluted": 1}, ${JSON.stringify(base).slice(1)}`);
    const r = safeParseCase(withProto);
    expect(r.success).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    let deep: Record<string, unknown> = {};
    const top = deep;
    for (let i = 0; i < 100_000; i++) deep = (deep.x = {}) as Record<string, unknown>;
    expect(safeParseCase(top, { lang: "en" })).toMatchObject({ success: false, error: { issues: [{ code: "too_large", message: "nested deeper than 64 levels" }] } });
  });
});
