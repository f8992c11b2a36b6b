import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { compilePolicy, createDecider, createOperatorRegistry, defaultPolicy, type Decision, type Policy } from "../../src/index.js";
import { defaultPolicyInput } from "../../src/policy/defaultPolicy.js";
import { compileValidRuleSet } from "../../src/engine/compileRuleSet.js";
import { arbCase } from "../arbitraries/case.js";

// Counts rule-set traces built from recordings: the proof that the decision's readable trace
// waited until it was read (whether the recording was made then or while deciding, below).
const replays = vi.hoisted(() => ({ count: 0 }));
vi.mock("../../src/engine/compile/replayTrace.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/engine/compile/replayTrace.js")>();
  return { ...original, replayTrace: (...args: Parameters<typeof original.replayTrace>) => (replays.count++, original.replayTrace(...args)) };
});

// Counts runs of the generated recording evaluators: when a trace was recorded.
const recorder = vi.hoisted(() => ({ runs: 0 }));
vi.mock("../../src/engine/compile/loadGenerated.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/engine/compile/loadGenerated.js")>();
  return {
    ...original,
    loadGeneratedEvaluator: (...args: Parameters<typeof original.loadGeneratedEvaluator>) => {
      const loaded = original.loadGeneratedEvaluator(...args);
      if (!("run" in loaded) || (args[0] as { layout?: unknown }).layout === undefined) return loaded;
      const run = loaded.run;
      return { run: ((facts: never, record: never) => (recorder.runs++, run(facts, record))) as typeof run };
    },
  };
});

/**
 * The bundled policy with every rule set on the traced closures, compiled with a registry this
 * library did not make (a copy of the policy's): traces built while deciding (the oracle).
 */
function eagerPolicy(policy: Policy): Policy {
  const operators = { ...policy.operators };
  const stages = Object.fromEntries(
    Object.entries(policy.stages).map(([kind, list]) => [
      kind,
      list.map((s) => ({ ...s, compiled: compileValidRuleSet(s.ruleSet, { operators, codegen: false }) })),
    ]),
  ) as unknown as Policy["stages"];
  return Object.freeze({ ...policy, operators, stages });
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

  it("records nothing while deciding with json-rules-engine's own operators, and records while deciding otherwise", () => {
    // Recording when read is sound because the built-in operators are pure functions of their
    // two values; a custom operator might not be, so a rule set compiled with one records while
    // deciding, and so does one compiled with a registry this library did not make.
    const c = {
      caseId: "t", reportedAt: "2026-03-04T10:00:00+08:00",
      order: { orderId: "o", currency: "CNY", placedAt: "2026-02-27T10:00:00+08:00", deliveredAt: "2026-03-01T23:50:00+08:00", paidAmount: 100, items: [{ sku: "a", category: "apparel", unitPrice: 100, quantity: 1 }] },
      request: { type: "return", reason: "no_reason", goodsCondition: "unopened" },
      customer: { id: "c", tier: "normal" },
    };
    const recordedWhile = (decide: () => Decision) => {
      const before = recorder.runs;
      const decision = decide();
      const whileDeciding = recorder.runs - before;
      const json = JSON.stringify(decision);
      return { whileDeciding, whenRead: recorder.runs - before - whileDeciding, json };
    };
    const builtIn = recordedWhile(() => createDecider({ clock }).decide(c));
    expect(builtIn).toMatchObject({ whileDeciding: 0 });
    expect(builtIn.whenRead).toBeGreaterThan(0);

    const isEven = { name: "isEven", evaluate: (a: unknown, b: unknown) => typeof a === "number" && a % 2 === (b ? 0 : 1) };
    const custom = recordedWhile(() => createDecider({ clock, policy: compilePolicy(defaultPolicyInput(), { operators: createOperatorRegistry({ operators: [isEven] }) }) }).decide(c));
    expect(custom.whileDeciding).toBeGreaterThan(0);
    expect(custom).toMatchObject({ whenRead: 0, json: builtIn.json });

    const foreign = recordedWhile(() => createDecider({ clock, policy: compilePolicy(defaultPolicyInput(), { operators: { ...createOperatorRegistry() } }) }).decide(c));
    expect(foreign.whileDeciding).toBeGreaterThan(0);

    // What counts is the registry a rule set was compiled with, not the one a policy object names.
    const customStages = compilePolicy(defaultPolicyInput(), { operators: createOperatorRegistry({ operators: [isEven] }) }).stages;
    const mislabelled = recordedWhile(() => createDecider({ clock, policy: Object.freeze({ ...defaultPolicy(), stages: customStages }) }).decide(c));
    expect(mislabelled.whileDeciding).toBeGreaterThan(0);
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
