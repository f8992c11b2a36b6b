import { dirname, join } from "node:path";
import { createDecider } from "../../decide/createDecider.js";
import type { Decision } from "../../decide/types.js";
import { finalizeIssues } from "../../_lib/issueMessages.js";
import type { Issue, Lang, RawIssue } from "../../_lib/issues.js";
import { defaultPolicy } from "../../policy/defaultPolicy.js";
import { safeLoadPolicy } from "../../policy/loadPolicy.js";
import type { Policy, PolicyResult } from "../../policy/policy.js";
import { locateIssues, parseSourceDocument } from "../../_lib/sourcePositions.js";
import { safeParseIssues } from "../../_lib/zodIssues.js";
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
export type PolicyCache = Map<string, PolicyResult>;

/** Runs one fixture file's text against its policy (the bundled one unless it names another). */
export function runFixture(file: string, text: string, options: { policy?: Policy; cache?: PolicyCache; lang?: Lang } = {}): FixtureResult {
  const doc = parseSourceDocument(text, file);
  const lang = options.lang;
  const fail = (issues: readonly Issue[], name = file): FixtureResult => ({ file, name, passed: false, mismatches: [], issues });
  const refuse = (issues: readonly RawIssue[]) => fail(finalizeIssues(issues, lang));
  if (doc.syntaxIssues.length > 0) return refuse(doc.syntaxIssues);
  const parsed = safeParseIssues(FixtureSchema, doc.value);
  if (!parsed.success) return refuse(locateIssues(doc, parsed.issues));
  const fixture = parsed.data;

  let policy = options.policy ?? defaultPolicy();
  if (fixture.policy !== undefined) {
    const dir = join(dirname(file), fixture.policy);
    const cache = options.cache ?? new Map();
    const loaded = cache.get(dir) ?? safeLoadPolicy(dir, lang === undefined ? {} : { lang });
    cache.set(dir, loaded);
    if (!loaded.success) return fail(loaded.error.issues, fixture.name);
    policy = loaded.data;
  }
  const now = new Date(fixture.now);
  const result = createDecider({ policy, clock: () => now, ...(lang === undefined ? {} : { lang }) }).safeDecide(fixture.case);
  if (!result.success) return fail(locateIssues(doc, result.error.issues.map((i) => ({ ...i, path: ["case", ...i.path] }) as Issue)), fixture.name);
  const mismatches = matchPartial(fixture.expect, result.data);
  return { file, name: fixture.name, passed: mismatches.length === 0, mismatches, issues: [], decision: result.data, fixture };
}
