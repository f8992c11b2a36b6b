import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { ruleCoverage } from "../tools/compliance/coverage.js";
import { describeFailure } from "../tools/compliance/describeFailure.js";
import { toJUnit } from "../tools/compliance/junit.js";
import { runFixture, type FixtureResult, type PolicyCache } from "../tools/compliance/runFixture.js";
import { defaultPolicy } from "../policy/defaultPolicy.js";
import type { Policy } from "../policy/policy.js";
import { policyFrom } from "./decide.js";
import { CliExit, EXIT, displayPath, palette } from "./io.js";

export interface TestFlags {
  readonly reporter?: string[];
  readonly output?: string;
  readonly coverage?: boolean;
  readonly minCoverage?: string;
  readonly policy?: string;
}

/** `aftersales test <fixtures...>`: run fixtures, diff failures, JUnit, rule coverage. */
export function testCommand(paths: string[], flags: TestFlags): number {
  const reporters = flags.reporter && flags.reporter.length > 0 ? flags.reporter : ["pretty"];
  for (const r of reporters) if (!["pretty", "json", "junit"].includes(r)) throw new CliExit(EXIT.usage, `unknown reporter "${r}" (pretty, json, junit)`);
  const minCoverage = flags.minCoverage === undefined ? undefined : Number(flags.minCoverage);
  if (minCoverage !== undefined && !(minCoverage >= 0 && minCoverage <= 100)) throw new CliExit(EXIT.usage, "--min-coverage is a percent from 0 to 100");

  const files = paths.map(displayPath).flatMap(expand);
  if (files.length === 0) throw new CliExit(EXIT.usage, `no fixture files in ${paths.join(", ")}`);
  const basePolicy: Policy = flags.policy ? policyFrom(flags.policy) : defaultPolicy();
  const cache: PolicyCache = new Map();
  const runs = files.map((file) => {
    const t0 = performance.now();
    const result = runFixture(file, readFileSync(file, "utf8"), { policy: basePolicy, cache });
    const policy = result.decision ? `${result.decision.policy.id}@${result.decision.policy.version}` : basePolicy.id;
    return { result, seconds: (performance.now() - t0) / 1000, policy, failure: result.passed ? undefined : describeFailure(result) };
  });

  const policies = new Map<string, Policy>([[basePolicy.id, basePolicy]]);
  for (const loaded of cache.values()) if (loaded.success) policies.set(loaded.policy.id, loaded.policy);
  const coverage = flags.coverage || minCoverage !== undefined ? ruleCoverage(runs.map((r) => r.result), policies) : undefined;
  const failed = runs.filter((r) => !r.result.passed);

  for (const reporter of reporters) {
    const text =
      reporter === "junit"
        ? toJUnit(runs)
        : reporter === "json"
          ? `${JSON.stringify({ passed: runs.length - failed.length, failed: failed.length, results: runs.map(({ result, failure }) => ({ file: result.file, name: result.name, passed: result.passed, mismatches: result.mismatches, issues: result.issues, ...(failure ? { diff: failure } : {}), ...(unknownCategories(result).length > 0 ? { unknownCategories: unknownCategories(result) } : {}) })), ...(coverage ? { coverage } : {}) }, null, 2)}\n`
          : pretty(runs.map((r) => r.result), coverage);
    if (flags.output && reporter !== "pretty") {
      mkdirSync(dirname(resolve(flags.output)), { recursive: true });
      writeFileSync(flags.output, text);
    } else process.stdout.write(text);
  }
  if (failed.length > 0) return EXIT.findings;
  if (minCoverage !== undefined && coverage && coverage.percent < minCoverage) {
    process.stderr.write(`rule coverage ${coverage.percent}% is below --min-coverage ${minCoverage}%\n`);
    return EXIT.findings;
  }
  return EXIT.ok;
}

function pretty(results: readonly FixtureResult[], coverage: ReturnType<typeof ruleCoverage> | undefined): string {
  const c = palette(false);
  const out: string[] = [];
  let unknown = 0;
  for (const r of results) {
    out.push(`${r.passed ? c.green("✓") : c.red("✗")} ${r.file} ${c.dim(r.name)}`);
    if (!r.passed) out.push(describeFailure(r, c).replace(/^/gm, "    "));
    for (const u of unknownCategories(r)) {
      unknown++;
      out.push(c.yellow(`    ! unknown category ${u}`));
    }
  }
  const failed = results.filter((r) => !r.passed).length;
  out.push("", `${results.length - failed} passed, ${failed} failed (${results.length} fixtures)`);
  // Reported, not failed: a category the table lacks is decided, but never as outside the 三包 catalogue.
  if (unknown > 0) out.push(c.yellow(`${unknown} line(s) with a category the policy's category table does not know`));
  if (coverage) {
    out.push("", `rule coverage: ${coverage.percent}% (${coverage.rules.length - coverage.uncovered.length}/${coverage.rules.length} rules fired by at least one fixture)`);
    for (const r of coverage.rules) out.push(`  ${String(r.fired).padStart(4)}  ${r.layer}/${r.ruleSet}/${r.rule}`);
    if (coverage.uncovered.length > 0) {
      out.push(c.red("no fixture exercises:"));
      for (const r of coverage.uncovered) out.push(`  ${r.layer}/${r.ruleSet}/${r.rule}`);
    }
  }
  return `${out.join("\n")}\n`;
}

/** The lines of a fixture's decision whose category the table does not know: `"name" at path`. */
function unknownCategories(r: FixtureResult): string[] {
  return (r.decision?.lines ?? []).flatMap((l) => (l.unknownCategory ? [`"${l.category}" at case.${l.unknownCategory.path}`] : []));
}

function expand(path: string): string[] {
  if (!existsSync(path)) throw new CliExit(EXIT.usage, `no such file or folder: ${path}`);
  if (!statSync(path).isDirectory()) return [path];
  // Fixture folders may hold policy folders (with policy.json) beside the fixtures: only
  // top-level JSON files are fixtures.
  return readdirSync(path).filter((f) => f.endsWith(".json")).sort().map((f) => join(path, f));
}

