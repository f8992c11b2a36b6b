import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { finalizeIssues } from "../../_lib/issueMessages.js";
import { issue, type Issue, type Lang, type RawIssue } from "../../_lib/issues.js";
import { locateIssues, parseSourceDocument, type SourceDocument } from "../../_lib/sourcePositions.js";
import { safeParseIssues } from "../../_lib/zodIssues.js";
import { checkPolicy } from "../../policy/checkPolicy.js";
import { checkDuplicateKeys } from "../../policy/checks/duplicateKeys.js";
import { checkPolicyFolder } from "../../policy/loadPolicy.js";
import { MAX_POLICY_FILE_BYTES, readRegularFile } from "../../policy/policyFiles.js";
import { FixtureSchema } from "../compliance/fixtureSchema.js";
import { loneFilePolicyInput } from "./loneFile.js";

export interface LintReport {
  readonly files: readonly string[];
  /** Every issue, each with its severity and its message in the language asked for. */
  readonly issues: readonly Issue[];
  readonly errorCount: number;
  readonly warningCount: number;
}

/**
 * Lints policy folders and loose files. A folder with `policy.json` gets exactly the
 * issues loading it would (checkPolicy's, errors and warnings); a loose rule file, 三包
 * table or calendar is checked in the bundled policy (see loneFilePolicyInput); a fixture
 * against its schema.
 */
export function lintPaths(paths: readonly string[], options: { readonly lang?: Lang } = {}): LintReport {
  const files: string[] = [];
  const issues: RawIssue[] = [];
  const lintFolder = (dir: string) => {
    const folder = checkPolicyFolder(dir);
    files.push(...folder.files);
    issues.push(...folder.check.issues);
  };

  for (const path of paths) {
    if (!existsSync(path)) {
      issues.push(issue("io_error", [], { file: path, reason: "not_found" }, { file: path }));
      continue;
    }
    const isDir = statSync(path).isDirectory();
    const manifest = isDir ? join(path, "policy.json") : basename(path) === "policy.json" ? path : undefined;
    if (manifest && existsSync(manifest)) {
      lintFolder(dirname(manifest));
      continue;
    }
    const all = isDir ? jsonFilesUnder(path) : [path];
    // A policy folder nested in the folder is linted as a policy; the files it names with it.
    const policyDirs = all.filter((f) => basename(f) === "policy.json").map((f) => dirname(f));
    for (const dir of policyDirs) lintFolder(dir);
    const inPolicy = (f: string) => policyDirs.some((dir) => f.startsWith(`${dir}/`));
    for (const file of all.filter((f) => !inPolicy(f))) {
      files.push(file);
      const read = readRegularFile(file, file, MAX_POLICY_FILE_BYTES);
      issues.push(...("issue" in read ? [read.issue] : lintLoneFile(parseSourceDocument(read.text, file))));
    }
  }
  const finalized = finalizeIssues(issues, options.lang);
  return {
    files,
    issues: finalized,
    errorCount: finalized.filter((i) => i.severity === "error").length,
    warningCount: finalized.filter((i) => i.severity === "warning").length,
  };
}

/** A file outside any policy folder: checked in the bundled policy, or as a fixture. */
export function lintLoneFile(doc: SourceDocument): RawIssue[] {
  const input = loneFilePolicyInput(doc);
  if (input) return [...checkPolicy(input).issues];
  if (doc.syntaxIssues.length > 0) return doc.syntaxIssues;
  const fixture = safeParseIssues(FixtureSchema, doc.value);
  return [...checkDuplicateKeys(doc), ...(fixture.success ? [] : locateIssues(doc, fixture.issues))];
}

function jsonFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => join(dir, f));
}
