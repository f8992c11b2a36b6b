import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { perEvent, tagEvent, type StageEvent } from "../../src/decide/stageEvents.js";
import { windowEnds } from "../../src/decide/windowEnds.js";
import { dayWindowDeadline, formatInZone, monthWindowDeadline, zone } from "../../src/time/index.js";

describe("what is derived once per event (perEvent)", () => {
  const fired = Object.freeze({ type: "remedy.allowed", params: Object.freeze({ remedy: "return" }), rule: "r", priority: 1 });

  it("keeps each derivation's value apart on a tagged event, built once and shared", () => {
    let builds = 0;
    const remedyOf = perEvent((e) => (builds++, { remedy: (e.params as { remedy: string }).remedy }));
    const sourceOf = perEvent((e) => (builds++, { rule: e.rule }));
    const e = tagEvent(fired, "statutory", "cn-law");
    expect(tagEvent(fired, "statutory", "cn-law")).toBe(e);
    const a = remedyOf(e);
    const b = sourceOf(e);
    expect(a).toEqual({ remedy: "return" });
    expect(b).toEqual({ rule: "r" });
    expect(remedyOf(e)).toBe(a);
    expect(sourceOf(e)).toBe(b);
    expect(builds).toBe(2);
    expect(Object.isFrozen(a)).toBe(true);
    // What is kept on the event is not part of it.
    expect(Object.keys(e)).toEqual(["type", "params", "layer", "ruleSet", "rule"]);
    expect(JSON.parse(JSON.stringify(e))).toEqual({ type: "remedy.allowed", params: { remedy: "return" }, layer: "statutory", ruleSet: "cn-law", rule: "r" });
  });

  it("derives for an event tagEvent did not make, once per event", () => {
    let builds = 0;
    const ruleOf = perEvent((e) => (builds++, { rule: e.rule }));
    const e: StageEvent = Object.freeze({ type: "x", params: {}, layer: "l", ruleSet: "s", rule: "q" });
    expect(ruleOf(e)).toBe(ruleOf(e));
    expect(ruleOf(e)).toEqual({ rule: "q" });
    expect(builds).toBe(1);
  });
});

describe("window ends of a decision (windowEnds)", () => {
  it("answers as the window functions do, whatever order signings and windows are asked in", () => {
    const z = zone("Asia/Shanghai");
    const signings = [Date.parse("2026-03-01T23:50:00+08:00"), Date.parse("2026-03-02T00:10:00+08:00"), Date.parse("2026-01-31T12:00:00Z")];
    const ask = fc.record({ signing: fc.constantFrom(...signings), months: fc.boolean(), count: fc.constantFrom(1, 7, 12, 15, 24) });
    fc.assert(
      fc.property(fc.array(ask, { minLength: 1, maxLength: 30 }), (asks) => {
        const ends = windowEnds(z, undefined);
        for (const { signing, months, count } of asks) {
          const from = new Date(signing);
          const expected = (months ? monthWindowDeadline(from, count, z) : dayWindowDeadline(from, count, z)).getTime();
          expect(months ? ends.months(from, count) : ends.days(from, count)).toBe(expected);
          expect(ends.text(expected)).toBe(formatInZone(new Date(expected), z));
        }
      }),
      { numRuns: 500 },
    );
  });
});
