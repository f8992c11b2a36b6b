import { join } from "node:path";
import { hasErrors, issue, type Lang, type RawIssue } from "../_lib/issues.js";
import type { OperatorRegistry } from "../engine/operators.js";
import { locateIssues, parseSourceDocument, type SourceDocument } from "../_lib/sourcePositions.js";
import { safeParseIssues } from "../_lib/zodIssues.js";
import { checkPolicy, type PolicyCheck } from "./checkPolicy.js";
import { checkDuplicateKeys } from "./checks/duplicateKeys.js";
import { compileCheckedPolicy } from "./compilePolicy.js";
import { BUNDLED_PREFIX, bundledDocument, defaultPolicyInput } from "./defaultPolicy.js";
import { PolicyManifestSchema } from "./format/manifest.js";
import { readPolicyFile } from "./policyFiles.js";
import type { Policy, PolicyInput, PolicyOptions, PolicyResult, RuleSetSource } from "./policy.js";

/** A policy folder checked: the files it consists of and checkPolicy's answer for them. */
export interface PolicyFolderCheck {
  /** The manifest first, then every file it names, as the paths the issues use. */
  readonly files: readonly string[];
  readonly check: PolicyCheck;
}

/**
 * Checks a policy folder: `DIR/policy.json` and the files it names, read and nothing else.
 * What loading refuses and what lint prints for a folder both come from here.
 */
export function checkPolicyFolder(dir: string, operators?: OperatorRegistry): PolicyFolderCheck {
  const manifestFile = join(dir, "policy.json");
  const files = [manifestFile];
  const refused = (issues: RawIssue[]): PolicyFolderCheck => ({ files, check: { issues } });
  const manifestDoc = read(dir, "policy.json");
  if ("issues" in manifestDoc) return refused(manifestDoc.issues);
  if (manifestDoc.syntaxIssues.length > 0) return refused(manifestDoc.syntaxIssues);
  const manifestIssues = checkDuplicateKeys(manifestDoc);
  const parsed = safeParseIssues(PolicyManifestSchema, manifestDoc.value);
  if (!parsed.success) return refused([...manifestIssues, ...locateIssues(manifestDoc, parsed.issues)]);
  const manifest = parsed.data;

  const load = (file: string, at: (string | number)[]): RuleSetSource => {
    // A bundled file is used as it ships: nothing is read, and it is checked like any other.
    if (file.startsWith(BUNDLED_PREFIX)) {
      const document = bundledDocument(file.slice(BUNDLED_PREFIX.length));
      if (document !== undefined) return { document };
      const missing = locateIssues(manifestDoc, [issue("io_error", at, { file, reason: "not_found" })])[0]!;
      return { document: undefined, source: { file: manifestDoc.file, text: "", root: undefined, value: undefined, syntaxIssues: [missing] } };
    }
    files.push(join(dir, file));
    const doc = read(dir, file);
    if (!("issues" in doc)) return { document: doc.value, source: doc };
    // Unreadable: the problem is the manifest's entry, and checkPolicy reports it with the file's other problems.
    const unreadable = locateIssues(manifestDoc, [{ ...doc.issues[0]!, path: at }])[0]!;
    return { document: undefined, source: { file: manifestDoc.file, text: "", root: undefined, value: undefined, syntaxIssues: [unreadable] } };
  };
  const base = manifest.extends === "default" ? defaultPolicyInput() : undefined;
  const sanbaoTable = manifest.sanbaoTable !== undefined ? load(manifest.sanbaoTable, ["sanbaoTable"]) : base?.sanbaoTable;
  if (!sanbaoTable) {
    return refused([...manifestIssues, ...locateIssues(manifestDoc, [issue("missing_rule_set", ["sanbaoTable"], { what: "sanbao_table" })])]);
  }
  const baseLayers = base?.layers ?? [];
  const input: PolicyInput = {
    id: manifest.id,
    version: manifest.version,
    sanbaoTable,
    ...(manifest.calendar !== undefined ? { calendar: load(manifest.calendar, ["calendar"]) } : {}),
    ...(manifest.restDayCalendar !== undefined ? { restDayCalendar: load(manifest.restDayCalendar, ["restDayCalendar"]) } : {}),
    ...(manifest.extendPeriodsOverRestDays !== undefined ? { extendPeriodsOverRestDays: manifest.extendPeriodsOverRestDays } : {}),
    ...(manifest.inForceAt !== undefined ? { inForceAt: manifest.inForceAt } : {}),
    ...(manifest.attributes !== undefined ? { attributes: manifest.attributes } : {}),
    layers: [
      ...baseLayers,
      ...manifest.layers.map((layer, l) => ({
        name: layer.name,
        statutory: layer.statutory === true,
        ruleSets: layer.files.map((file, f) => load(file, ["layers", l, "files", f])),
      })),
    ],
  };
  const check = checkPolicy(input, operators);
  // checkPolicy names a layer by its index in the input; the manifest's layers follow the bundled ones.
  const inManifest = (found: RawIssue): RawIssue => {
    const [key, index, ...rest] = found.path;
    if (found.file !== undefined || key !== "layers" || typeof index !== "number" || index < baseLayers.length) return found;
    return locateIssues(manifestDoc, [{ ...found, path: ["layers", index - baseLayers.length, ...rest] }])[0]!;
  };
  const issues = [...manifestIssues, ...check.issues.map(inManifest)];
  return { files, check: hasErrors(issues) ? { issues } : { ...check, issues } };
}

/**
 * Loads a policy folder: `DIR/policy.json` and the rule-set files it names. Reads those
 * files and nothing else. Every problem in every file comes back at once, located.
 */
export function safeLoadPolicy(dir: string, options: PolicyOptions = {}): PolicyResult {
  return compileCheckedPolicy(checkPolicyFolder(dir, options.operators).check, options.operators, options.lang);
}

/** As `safeLoadPolicy`, returning the policy or throwing `PolicyError` (with every error). */
export function loadPolicy(dir: string, options?: PolicyOptions): Policy {
  const result = safeLoadPolicy(dir, options);
  if (!result.success) throw result.error;
  return result.data;
}

/** A file of the folder, parsed; only regular files inside the folder are read (readPolicyFile). */
function read(dir: string, name: string): SourceDocument | { issues: RawIssue[] } {
  const read = readPolicyFile(dir, name);
  return "issue" in read ? { issues: [read.issue] } : parseSourceDocument(read.text, join(dir, name));
}
