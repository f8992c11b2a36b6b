import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { createDecider, createOperatorRegistry, defaultPolicy, type Decision, type Policy } from "../../src/index.js";
import { compileValidRuleSet } from "../../src/engine/compileRuleSet.js";
import { arbCase } from "../arbitraries/case.js";

// Counts rule-set traces built from recordings: the proof that the decision's readable trace
// waited until it was read (whether the recording was made then or while deciding, below).
const replays = vi.hoisted(() => ({ count: 0 }));
vi.mock("../../src/engine/compile/replayTrace.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/engine/compile/replayTrace.js")>();
  return { ...original, replayTrace: (...args: Parameters<typeof original.replayTrace>) => (replays.count++, original.replayTrace(...args)) };
});

/** The bundled policy with every rule set on the traced closures: traces built while deciding (the oracle). */
function eagerPolicy(policy: Policy): Policy {
  const stages = Object.fromEntries(
    Object.entries(policy.stages).map(([kind, list]) => [
      kind,
      list.map((s) => ({ ...s, compiled: compileValidRuleSet(s.ruleSet, { operators: policy.operators, codegen: false }) })),
    ]),
  ) as unknown as Policy["stages"];
  return Object.freeze({ ...policy, stages });
}

/** The policy with each rule set's `record` counted: how often a run was recorded. */
function countingRecords(policy: Policy, counter: { records: number }): Policy {
  const stages = Object.fromEntries(
    Object.entries(policy.stages).map(([kind, list]) => [
      kind,
      list.map((s) => ({ ...s, compiled: { ...s.compiled, record: (facts: never) => (counter.records++, s.compiled.record(facts)) } })),
    ]),
  ) as unknown as Policy["stages"];
  return Object.freeze({ ...policy, stages });
}

describe("properties: a decision's trace, built when read", () => {
  const clock = () => new Date("2027-06-01T00:00:00+08:00");
  const lazy = createDecider({ clock });
  const eager = createDecider({ clock, policy: eagerPolicy(defaultPolicy()) });

  it("gives the decision byte-identical JSON to the eager trace", () => {
    expect(eager.policy.stages.eligibility[0]!.compiled.evaluator).toBe("closures");
    let traced = 0;
    fc.assert(
      fc.property(arbCase, (c) => {
        const before = replays.count;
        const decision = lazy.decide(c);
        expect(replays.count).toBe(before); // deciding built no trace
        const json = JSON.stringify(decision);
        if (decision.trace.length > 0) traced++;
        expect(replays.count).toBeGreaterThan(before);
        expect(json).toBe(JSON.stringify(eager.decide(c)));
      }),
      { numRuns: 300 },
    );
    expect(traced).toBeGreaterThan(250);
  });

  it("gives each decision its own trace when traces are read only after later decisions", () => {
    // The recording waits for the read, on the facts the decision's stages were given: a
    // trace read late must still be its own case's, not what a later decision left behind.
    fc.assert(
      fc.property(fc.array(arbCase, { minLength: 2, maxLength: 6 }), (cases) => {
        const decisions: Decision[] = cases.map((c) => lazy.decide(c));
        for (let i = decisions.length - 1; i >= 0; i--) {
          expect(JSON.stringify(decisions[i])).toBe(JSON.stringify(eager.decide(cases[i])));
        }
      }),
      { numRuns: 60 },
    );
  });

  it("records nothing while deciding with json-rules-engine's own operators, and records while deciding with a custom one", () => {
    // Recording when read is sound because the built-in operators are pure functions of their
    // two values; a custom operator might not be, so its policy records while deciding.
    const c = {
      caseId: "t", reportedAt: "2026-03-04T10:00:00+08:00",
      order: { orderId: "o", currency: "CNY", placedAt: "2026-02-27T10:00:00+08:00", deliveredAt: "2026-03-01T23:50:00+08:00", paidAmount: 100, items: [{ sku: "a", category: "apparel", unitPrice: 100, quantity: 1 }] },
      request: { type: "return", reason: "no_reason", goodsCondition: "unopened" },
      customer: { id: "c", tier: "normal" },
    };
    const builtIn = { records: 0 };
    const whenRead = createDecider({ clock, policy: countingRecords(defaultPolicy(), builtIn) }).decide(c);
    expect(builtIn.records).toBe(0);
    expect(whenRead.trace.length).toBeGreaterThan(0);
    expect(builtIn.records).toBeGreaterThan(0);

    const custom = { records: 0 };
    const withCustomOperator = Object.freeze({
      ...defaultPolicy(),
      operators: createOperatorRegistry({ operators: [{ name: "isEven", evaluate: (a, b) => typeof a === "number" && a % 2 === (b ? 0 : 1) }] }),
    });
    const recorded = createDecider({ clock, policy: countingRecords(withCustomOperator, custom) }).decide(c);
    expect(custom.records).toBeGreaterThan(0);
    const afterDeciding = custom.records;
    expect(JSON.stringify(recorded)).toBe(JSON.stringify(whenRead));
    expect(custom.records).toBe(afterDeciding);

    // A registry made elsewhere (here a copy of the library's) cannot be known to hold only json-rules-engine's operators.
    const elsewhere = { records: 0 };
    const withForeignRegistry = Object.freeze({ ...defaultPolicy(), operators: { ...createOperatorRegistry() } });
    createDecider({ clock, policy: countingRecords(withForeignRegistry, elsewhere) }).decide(c);
    expect(elsewhere.records).toBeGreaterThan(0);
  });

  it("keeps `trace` the last key, built once, and an ordinary property to spread and compare", () => {
    const decision = lazy.decide({
      caseId: "t", reportedAt: "2026-03-04T10:00:00+08:00",
      order: { orderId: "o", currency: "CNY", placedAt: "2026-02-27T10:00:00+08:00", deliveredAt: "2026-03-01T23:50:00+08:00", paidAmount: 100, items: [{ sku: "a", category: "apparel", unitPrice: 100, quantity: 1 }] },
      request: { type: "return", reason: "no_reason", goodsCondition: "unopened" },
      customer: { id: "c", tier: "normal" },
    });
    expect(Object.keys(decision).at(-1)).toBe("trace");
    expect(decision.trace).toBe(decision.trace);
    expect({ ...decision }).toEqual(decision);
    expect(structuredClone(decision).trace).toEqual(decision.trace);
  });

  it("reads the trace through one getter shared by every decision, not a closure per decision", () => {
    // A getter written in the decision's literal gave every traced decision its own hidden
    // class and kept it alive through scavenges: 2.3× the untraced decision's cost (builtWhenRead).
    const [a, b] = ["a", "b"].map((caseId) =>
      lazy.decide({
        caseId, reportedAt: "2026-03-04T10:00:00+08:00",
        order: { orderId: "o", currency: "CNY", placedAt: "2026-02-27T10:00:00+08:00", deliveredAt: "2026-03-01T23:50:00+08:00", paidAmount: 100, items: [{ sku: "a", category: "apparel", unitPrice: 100, quantity: 1 }] },
        request: { type: "return", reason: "no_reason", goodsCondition: "unopened" },
        customer: { id: "c", tier: "normal" },
      }),
    );
    const getterOf = (d: object) => Object.getOwnPropertyDescriptor(d, "trace")?.get;
    expect(getterOf(a!)).toBeTypeOf("function");
    expect(getterOf(a!)).toBe(getterOf(b!));
    expect(a!.trace.length).toBeGreaterThan(0);
    expect(a!.trace).not.toBe(b!.trace); // each built from its own recording
  });
});
