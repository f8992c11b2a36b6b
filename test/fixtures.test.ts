import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createDecider, loadPolicy } from "../src/index.js";
import { runFixture, type PolicyCache } from "../src/tools/compliance/runFixture.js";

const files = readdirSync("fixtures").filter((f) => f.endsWith(".json")).sort().map((f) => `fixtures/${f}`);
const cache: PolicyCache = new Map();

describe("compliance fixtures (compiled evaluator)", () => {
  it("has at least 60 fixtures, each naming its source", () => {
    expect(files.length).toBeGreaterThanOrEqual(60);
  });

  it.each(files)("%s", (file) => {
    const result = runFixture(file, readFileSync(file, "utf8"), { cache });
    expect(result.issues).toEqual([]);
    expect(result.mismatches).toEqual([]);
    expect(result.fixture?.source).toBeTruthy();
  });
});

// The same fixtures through json-rules-engine's own Engine: the whole bundled policy must
// decide identically on both evaluators (the zod compile-differential idea).
describe("compliance fixtures: compiled and reference evaluators give the same decision", () => {
  it.each(files)("%s", async (file) => {
    const fixture = JSON.parse(readFileSync(file, "utf8"));
    const now = new Date(fixture.now);
    const policy = fixture.policy ? loadPolicy(`fixtures/${fixture.policy}`) : undefined;
    const decider = createDecider({ clock: () => now, ...(policy ? { policy } : {}) });
    expect(await decider.decideWithReference(fixture.case)).toEqual(decider.decide(fixture.case));
  });
});
