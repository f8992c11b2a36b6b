import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { PolicyError, type Issue } from "../_lib/issues.js";
import type { OperatorRegistry } from "../engine/operators.js";
import { locateIssues, parseSourceDocument, type SourceDocument } from "../_lib/sourcePositions.js";
import { fromZodIssues } from "../_lib/zodIssues.js";
import { defaultPolicyInput } from "./defaultPolicy.js";
import { PolicyManifestSchema } from "./format/manifest.js";
import { safeCompilePolicy, type Policy, type PolicyInput, type RuleSetSource } from "./policy.js";

/**
 * Loads a policy folder: `DIR/policy.json` and the rule-set files it names. Reads those
 * files and nothing else. Every problem in every file comes back at once, located.
 */
export function safeLoadPolicy(dir: string, operators?: OperatorRegistry): { success: true; policy: Policy } | { success: false; issues: Issue[] } {
  const manifestFile = join(dir, "policy.json");
  const manifestDoc = read(manifestFile);
  if ("issues" in manifestDoc) return { success: false, issues: manifestDoc.issues };
  if (manifestDoc.syntaxIssues.length > 0) return { success: false, issues: manifestDoc.syntaxIssues };
  const parsed = PolicyManifestSchema.safeParse(manifestDoc.value);
  if (!parsed.success) return { success: false, issues: locateIssues(manifestDoc, fromZodIssues(parsed.error.issues)) };
  const manifest = parsed.data;

  const issues: Issue[] = [];
  const load = (file: string): RuleSetSource => {
    const doc = read(join(dirname(manifestFile), file));
    if ("issues" in doc) {
      issues.push(...doc.issues);
      return { document: undefined };
    }
    return { document: doc.value, source: doc };
  };
  const base = manifest.extends === "default" ? defaultPolicyInput() : undefined;
  const sanbaoTable = manifest.sanbaoTable !== undefined ? load(manifest.sanbaoTable) : base?.sanbaoTable;
  if (!sanbaoTable) {
    const issue: Issue = { code: "missing_rule_set", path: ["sanbaoTable"], message: 'name a 三包 table file in "sanbaoTable", or use "extends": "default"' };
    return { success: false, issues: locateIssues(manifestDoc, [issue]) };
  }
  const input: PolicyInput = {
    id: manifest.id,
    version: manifest.version,
    sanbaoTable,
    ...(manifest.restDayCalendar !== undefined ? { restDayCalendar: load(manifest.restDayCalendar) } : {}),
    layers: [
      ...(base?.layers ?? []),
      ...manifest.layers.map((layer) => ({
        name: layer.name,
        statutory: layer.statutory === true,
        ruleSets: layer.files.map(load),
      })),
    ],
  };
  if (issues.length > 0) return { success: false, issues };
  return safeCompilePolicy(input, operators);
}

export function loadPolicy(dir: string, operators?: OperatorRegistry): Policy {
  const result = safeLoadPolicy(dir, operators);
  if (!result.success) throw new PolicyError(result.issues);
  return result.policy;
}

function read(file: string): SourceDocument | { issues: Issue[] } {
  try {
    return parseSourceDocument(readFileSync(file, "utf8"), file);
  } catch (cause) {
    return { issues: [{ code: "io_error", path: [], file, message: `cannot read ${file}: ${(cause as Error).message}` }] };
  }
}
