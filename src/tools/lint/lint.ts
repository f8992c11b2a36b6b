import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { Issue } from "../../_lib/issues.js";
import { defaultPolicyInput } from "../../policy/defaultPolicy.js";
import { PolicyManifestSchema } from "../../policy/format/manifest.js";
import { checkEventsAndFacts } from "../../policy/policy.js";
import { RestDayCalendarSchema } from "../../policy/format/restDayCalendar.js";
import { SanbaoTableSchema } from "../../policy/format/sanbaoTable.js";
import { checkStatutoryFloor, statutoryWindows, type StatutoryWindow } from "../../policy/checks/statutoryFloor.js";
import { safeParseRuleSet } from "../../engine/parseRuleSet.js";
import type { RuleSet } from "../../engine/ruleSetSchema.js";
import { locateIssues, parseSourceDocument, type SourceDocument } from "../../_lib/sourcePositions.js";
import type { RemedyT } from "../../policy/format/eventSchemas.js";
import { FixtureSchema } from "../compliance/fixtureSchema.js";
import { fromZodIssues } from "../../_lib/zodIssues.js";
import { checkDeadRules, checkShadowedRules } from "../../policy/checks/deadAndShadowed.js";
import { checkTypes } from "../../policy/checks/typeChecks.js";

export interface LintReport {
  readonly files: readonly string[];
  readonly issues: readonly Issue[];
  readonly errorCount: number;
  readonly warningCount: number;
}

type Floor = ReadonlyMap<RemedyT, StatutoryWindow>;

/**
 * Lints rule-set files and policy folders. A folder with `policy.json` is linted as a
 * policy (its statutory layers set the floor for the others); loose rule files are held to
 * the bundled statutory floor unless they are bundled statutory rule sets themselves.
 */
export function lintPaths(paths: readonly string[]): LintReport {
  const files: string[] = [];
  const issues: Issue[] = [];
  const bundledStatutory = statutoryRuleSetsOf(defaultPolicyInput().layers);
  const bundledFloor = statutoryWindows(bundledStatutory);
  const bundledStatutoryIds = new Set(bundledStatutory.map((r) => r.id));

  for (const path of paths) {
    if (!existsSync(path)) {
      issues.push({ code: "io_error", severity: "error", path: [], file: path, message: `no such file or folder: ${path}` });
      continue;
    }
    const manifest = statSync(path).isDirectory() ? join(path, "policy.json") : basename(path) === "policy.json" ? path : undefined;
    if (manifest && existsSync(manifest)) {
      lintPolicy(manifest, files, issues);
      continue;
    }
    const all = statSync(path).isDirectory() ? jsonFilesUnder(path) : [path];
    // A policy folder nested in the folder is linted as a policy, its files with it.
    const policyDirs = all.filter((f) => basename(f) === "policy.json").map((f) => dirname(f));
    for (const dir of policyDirs) lintPolicy(join(dir, "policy.json"), files, issues);
    const inPolicy = (f: string) => policyDirs.some((dir) => f.startsWith(`${dir}/`));
    for (const file of all.filter((f) => !inPolicy(f))) {
      files.push(file);
      const doc = parseSourceDocument(readFileSync(file, "utf8"), file);
      issues.push(...lintDocument(doc, (rs) => (bundledStatutoryIds.has(rs.id) ? undefined : bundledFloor)));
    }
  }
  const withSeverity = issues.map((i) => (i.severity ? i : { ...i, severity: "error" as const }));
  return {
    files,
    issues: withSeverity,
    errorCount: withSeverity.filter((i) => i.severity === "error").length,
    warningCount: withSeverity.filter((i) => i.severity === "warning").length,
  };
}

function lintPolicy(manifestFile: string, files: string[], issues: Issue[]): void {
  files.push(manifestFile);
  const doc = parseSourceDocument(readFileSync(manifestFile, "utf8"), manifestFile);
  if (doc.syntaxIssues.length > 0) return void issues.push(...doc.syntaxIssues);
  const parsed = PolicyManifestSchema.safeParse(doc.value);
  if (!parsed.success) return void issues.push(...locateIssues(doc, fromZodIssues(parsed.error.issues)));
  const manifest = parsed.data;
  const statutory: RuleSet[] = manifest.extends === "default" ? statutoryRuleSetsOf(defaultPolicyInput().layers) : [];
  manifest.layers.forEach((layer, l) => {
    layer.files.forEach((name, f) => {
      const file = join(dirname(manifestFile), name);
      if (!existsSync(file)) {
        issues.push(...locateIssues(doc, [{ code: "io_error", severity: "error", path: ["layers", l, "files", f], message: `no such file: ${file}` }]));
        return;
      }
      files.push(file);
      const ruleDoc = parseSourceDocument(readFileSync(file, "utf8"), file);
      const floor = layer.statutory ? undefined : statutoryWindows(statutory);
      issues.push(...lintDocument(ruleDoc, () => floor, (rs) => layer.statutory && statutory.push(rs)));
    });
  });
  for (const name of [manifest.sanbaoTable, manifest.restDayCalendar]) {
    if (name === undefined) continue;
    const file = join(dirname(manifestFile), name);
    if (existsSync(file)) {
      files.push(file);
      issues.push(...lintDocument(parseSourceDocument(readFileSync(file, "utf8"), file), () => undefined));
    }
  }
}

/** Every check on one document: syntax, schema, references, events and facts, types, dead and shadowed rules, the floor. */
function lintDocument(doc: SourceDocument, floorFor: (rs: RuleSet) => Floor | undefined, onParsed?: (rs: RuleSet) => void): Issue[] {
  if (doc.syntaxIssues.length > 0) return doc.syntaxIssues;
  const value = doc.value as Record<string, unknown> | null;
  if (value && typeof value === "object" && "case" in value && "expect" in value) {
    const fixture = FixtureSchema.safeParse(value);
    return fixture.success ? [] : locateIssues(doc, fromZodIssues(fixture.error.issues));
  }
  if (value && typeof value === "object" && "restDays" in value) {
    const calendar = RestDayCalendarSchema.safeParse(value);
    return calendar.success ? [] : locateIssues(doc, fromZodIssues(calendar.error.issues));
  }
  if (value && typeof value === "object" && "categories" in value) {
    const table = SanbaoTableSchema.safeParse(value);
    return table.success ? [] : locateIssues(doc, fromZodIssues(table.error.issues));
  }
  const parsed = safeParseRuleSet(value);
  if (!parsed.success) return locateIssues(doc, parsed.issues);
  const rs = parsed.data;
  onParsed?.(rs);
  const floor = floorFor(rs);
  return locateIssues(doc, [
    ...checkEventsAndFacts(rs),
    ...checkTypes(rs),
    ...checkDeadRules(rs),
    ...checkShadowedRules(rs),
    ...(floor ? checkStatutoryFloor(rs, floor) : []),
  ]);
}

function statutoryRuleSetsOf(layers: ReturnType<typeof defaultPolicyInput>["layers"]): RuleSet[] {
  return layers
    .filter((l) => l.statutory)
    .flatMap((l) => l.ruleSets.map((s) => safeParseRuleSet(s.document)))
    .flatMap((r) => (r.success ? [r.data] : []));
}

function jsonFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => join(dir, f));
}

