import { dirname, join } from "node:path";
import { createDecider } from "../../decide/createDecider.js";
import type { Decision } from "../../decide/types.js";
import type { Issue } from "../../_lib/issues.js";
import { defaultPolicy } from "../../policy/defaultPolicy.js";
import { safeLoadPolicy } from "../../policy/loadPolicy.js";
import type { Policy } from "../../policy/policy.js";
import { locateIssues, parseSourceDocument } from "../../_lib/sourcePositions.js";
import { fromZodIssues } from "../../_lib/zodIssues.js";
import { FixtureSchema, type Fixture } from "./fixtureSchema.js";
import { matchPartial, type Mismatch } from "./matchPartial.js";

export interface FixtureResult {
  readonly file: string;
  readonly name: string;
  readonly passed: boolean;
  readonly mismatches: readonly Mismatch[];
  /** Problems that kept the fixture from running (bad fixture, case or policy). */
  readonly issues: readonly Issue[];
  readonly decision?: Decision;
  readonly fixture?: Fixture;
}

/** Policies by folder, so a hundred fixtures of one merchant load it once. */
export type PolicyCache = Map<string, { success: true; policy: Policy } | { success: false; issues: Issue[] }>;

/** Runs one fixture file's text against its policy (the bundled one unless it names another). */
export function runFixture(file: string, text: string, options: { policy?: Policy; cache?: PolicyCache } = {}): FixtureResult {
  const doc = parseSourceDocument(text, file);
  const fail = (issues: Issue[], name = file): FixtureResult => ({ file, name, passed: false, mismatches: [], issues });
  if (doc.syntaxIssues.length > 0) return fail(doc.syntaxIssues);
  const parsed = FixtureSchema.safeParse(doc.value);
  if (!parsed.success) return fail(locateIssues(doc, fromZodIssues(parsed.error.issues)));
  const fixture = parsed.data;

  let policy = options.policy ?? defaultPolicy();
  if (fixture.policy !== undefined) {
    const dir = join(dirname(file), fixture.policy);
    const cache = options.cache ?? new Map();
    const loaded = cache.get(dir) ?? safeLoadPolicy(dir);
    cache.set(dir, loaded);
    if (!loaded.success) return fail(loaded.issues, fixture.name);
    policy = loaded.policy;
  }
  const now = new Date(fixture.now);
  const result = createDecider({ policy, clock: () => now }).safeDecide(fixture.case);
  if (!result.success) {
    const issues = "issues" in result.error ? result.error.issues.map((i) => ({ ...i, path: ["case", ...i.path] })) : [];
    return fail(issues.length > 0 ? locateIssues(doc, issues) : [{ code: "invalid_input", path: ["case"], message: result.error.message, file }], fixture.name);
  }
  const mismatches = matchPartial(fixture.expect, result.data);
  return { file, name: fixture.name, passed: mismatches.length === 0, mismatches, issues: [], decision: result.data, fixture };
}
