import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { messageOf } from "../_lib/issueMessages.js";
import { ruleCoverage, type CoverageScope } from "../tools/compliance/coverage.js";
import { layersDefinedBy } from "../tools/compliance/definedLayers.js";
import { describeFailure } from "../tools/compliance/describeFailure.js";
import { toJUnit } from "../tools/compliance/junit.js";
import { runFixture, type FixtureResult, type PolicyCache } from "../tools/compliance/runFixture.js";
import { defaultPolicy } from "../policy/defaultPolicy.js";
import type { Policy } from "../policy/policy.js";
import { MAX_POLICY_FILE_BYTES, readRegularFile } from "../policy/policyFiles.js";
import { describeErrno } from "../tools/batch/outputError.js";
import { policyFrom } from "./decide.js";
import { CliExit, EXIT, displayPath, palette, parseLang, type Lang } from "./io.js";
import { cliTexts, type CliTexts } from "./texts.js";

const REPORTERS = ["pretty", "json", "junit"];

export interface TestFlags {
  readonly reporter?: string[];
  readonly output?: string;
  readonly coverage?: boolean;
  /** Count the bundled layers a policy folder inherits (`extends: "default"`) too. */
  readonly includeBundled?: boolean;
  readonly minCoverage?: string;
  readonly policy?: string;
  readonly lang?: string;
}

/** `aftersales test <fixtures...>`: run fixtures, diff failures, JUnit, rule coverage. */
export function testCommand(paths: string[], flags: TestFlags): number {
  const lang = parseLang(flags.lang);
  const t = cliTexts(lang);
  const reporters = flags.reporter && flags.reporter.length > 0 ? flags.reporter : ["pretty"];
  for (const r of reporters) if (!REPORTERS.includes(r)) throw new CliExit(EXIT.usage, t.unknownReporter(r));
  const minCoverage = flags.minCoverage === undefined ? undefined : Number(flags.minCoverage);
  if (minCoverage !== undefined && !(minCoverage >= 0 && minCoverage <= 100)) throw new CliExit(EXIT.usage, t.minCoverage);

  const files = paths.map(displayPath).flatMap((path) => expand(path, t));
  if (files.length === 0) throw new CliExit(EXIT.usage, t.noFixtures(paths.join(", ")));
  const basePolicy: Policy = flags.policy ? policyFrom(flags.policy, lang) : defaultPolicy();
  const cache: PolicyCache = new Map();
  const runs = files.map((file) => {
    const t0 = performance.now();
    // A regular file of bounded size: a FIFO would block, /dev/zero never end (exit 2, could not run).
    const read = readRegularFile(file, file, MAX_POLICY_FILE_BYTES);
    if ("issue" in read) throw new CliExit(EXIT.usage, messageOf(read.issue, lang));
    const result = runFixture(file, read.text, { policy: basePolicy, cache, lang });
    const policy = result.decision ? `${result.decision.policy.id}@${result.decision.policy.version}` : basePolicy.id;
    return { result, seconds: (performance.now() - t0) / 1000, policy, failure: result.passed ? undefined : describeFailure(result, undefined, lang) };
  });

  // The policies the fixtures ran with: the base one only when a fixture did not name its own.
  const policies = new Map<string, Policy>(runs.some((r) => r.result.fixture?.policy === undefined) ? [[basePolicy.id, basePolicy]] : []);
  for (const loaded of cache.values()) if (loaded.success) policies.set(loaded.data.id, loaded.data);
  // Coverage measures what the policy folders define; the bundled policy (no folder) is measured whole.
  const scope = new Map<string, ReadonlySet<string>>();
  if (!flags.includeBundled) {
    const folders: [string, Policy | undefined][] = [...cache].map(([dir, loaded]) => [dir, loaded.success ? loaded.data : undefined]);
    if (flags.policy) folders.push([flags.policy, basePolicy]);
    for (const [dir, policy] of folders) {
      const layers = policy && layersDefinedBy(dir);
      if (policy && layers) scope.set(policy.id, layers);
    }
  }
  const coverage = flags.coverage || minCoverage !== undefined ? ruleCoverage(runs.map((r) => r.result), policies, scope as CoverageScope) : undefined;
  const failed = runs.filter((r) => !r.result.passed);

  for (const reporter of reporters) {
    const text =
      reporter === "junit"
        ? toJUnit(runs)
        : reporter === "json"
          ? `${JSON.stringify({ passed: runs.length - failed.length, failed: failed.length, results: runs.map(({ result, failure }) => ({ file: result.file, name: result.name, passed: result.passed, mismatches: result.mismatches, issues: result.issues, ...(failure ? { diff: failure } : {}), ...(unknownCategories(result).length > 0 ? { unknownCategories: unknownCategories(result) } : {}) })), ...(coverage ? { coverage } : {}) }, null, 2)}\n`
          : pretty(runs.map((r) => r.result), coverage, t, lang);
    // --output takes the one report asked for, or the default (pretty) one when none was;
    // with several reporters, pretty still goes to the terminal.
    if (flags.output && (reporter !== "pretty" || reporters.length === 1)) {
      try {
        mkdirSync(dirname(resolve(flags.output)), { recursive: true });
        writeFileSync(flags.output, text);
      } catch (cause) {
        throw new CliExit(EXIT.usage, `cannot write ${flags.output}: ${describeErrno(cause as NodeJS.ErrnoException)}`);
      }
    } else process.stdout.write(text);
  }
  if (failed.length > 0) return EXIT.findings;
  if (minCoverage !== undefined && coverage && coverage.percent < minCoverage) {
    process.stderr.write(`${t.belowGate(coverage.percent, minCoverage)}\n`);
    return EXIT.findings;
  }
  return EXIT.ok;
}

function pretty(results: readonly FixtureResult[], coverage: ReturnType<typeof ruleCoverage> | undefined, t: CliTexts, lang: Lang): string {
  const c = palette(false);
  const out: string[] = [];
  let unknown = 0;
  for (const r of results) {
    out.push(`${r.passed ? c.green("✓") : c.red("✗")} ${r.file} ${c.dim(r.name)}`);
    if (!r.passed) out.push(describeFailure(r, c, lang).replace(/^/gm, "    "));
    for (const u of unknownCategories(r)) {
      unknown++;
      out.push(c.yellow(`    ! ${t.unknownCategory(u)}`));
    }
  }
  const failed = results.filter((r) => !r.passed).length;
  out.push("", t.testSummary(results.length - failed, failed, results.length));
  // Reported, not failed: a category the table lacks is decided, but never as outside the 三包 catalogue.
  if (unknown > 0) out.push(c.yellow(t.unknownCategories(unknown)));
  if (coverage) {
    out.push("", t.coverageLine(coverage.percent, coverage.rules.length - coverage.uncovered.length, coverage.rules.length, coverage.layers.join(", ")));
    for (const r of coverage.rules) out.push(`  ${String(r.fired).padStart(4)}  ${r.layer}/${r.ruleSet}/${r.rule}`);
    if (coverage.uncovered.length > 0) {
      out.push(c.red(t.uncovered));
      for (const r of coverage.uncovered) out.push(`  ${r.layer}/${r.ruleSet}/${r.rule}`);
    }
  }
  return `${out.join("\n")}\n`;
}

/** The lines of a fixture's decision whose category the table does not know: `"name" at path`. */
function unknownCategories(r: FixtureResult): string[] {
  return (r.decision?.lines ?? []).flatMap((l) => (l.unknownCategory ? [`"${l.category}" at case.${l.unknownCategory.path}`] : []));
}

function expand(path: string, t: CliTexts): string[] {
  if (!existsSync(path)) throw new CliExit(EXIT.usage, t.noSuchPath(path));
  if (!statSync(path).isDirectory()) return [path];
  // Fixture folders may hold policy folders (with policy.json) beside the fixtures: only
  // top-level JSON files are fixtures.
  return readdirSync(path).filter((f) => f.endsWith(".json")).sort().map((f) => join(path, f));
}

