/**
 * Problems as data (the zod model): every problem found in a case, a rule file or a
 * fixture is an `Issue` with a code and a path, never a bare string.
 */
export type IssueCode =
  | "invalid_json"
  | "invalid_input"
  | "inconsistent_case"
  | "unknown_operator"
  | "unknown_condition"
  | "condition_cycle"
  | "duplicate_rule_name"
  | "unsupported_path"
  | "reserved_name"
  | "reserved_event_type"
  | "invalid_event_params"
  | "unknown_event_type"
  | "unknown_fact"
  | "fact_not_available"
  | "duplicate_layer"
  | "below_statutory_floor"
  | "type_mismatch"
  | "dead_rule"
  | "shadowed_rule"
  | "negative_operator_on_nullable_fact"
  | "wrong_kind"
  | "missing_rule_set"
  | "duplicate_rule_set"
  | "io_error"
  | "too_large"
  | "duplicate_key"
  | "unknown_value";

export type Severity = "error" | "warning";

/**
 * How serious each code is: one table, so lint and loading cannot disagree. An error is a
 * policy that would decide something other than what its author wrote (or cannot be read);
 * a warning is one that decides as written but probably not as meant. docs/rule-format.md
 * lists this table.
 */
export const SEVERITY: Readonly<Record<IssueCode, Severity>> = {
  invalid_json: "error",
  invalid_input: "error",
  inconsistent_case: "error",
  unknown_operator: "error",
  unknown_condition: "error",
  condition_cycle: "error",
  duplicate_rule_name: "error",
  unsupported_path: "error",
  reserved_name: "error",
  reserved_event_type: "error",
  invalid_event_params: "error",
  unknown_event_type: "error",
  unknown_fact: "error",
  fact_not_available: "error",
  duplicate_layer: "error",
  below_statutory_floor: "error",
  type_mismatch: "error",
  dead_rule: "error",
  // Same event as a broader rule that fires anyway: the decision is what the author wrote.
  shadowed_rule: "warning",
  // The rule may be guarded elsewhere (a null test in another rule); only the author knows.
  negative_operator_on_nullable_fact: "warning",
  wrong_kind: "error",
  missing_rule_set: "error",
  duplicate_rule_set: "error",
  io_error: "error",
  too_large: "error",
  duplicate_key: "error",
  unknown_value: "error",
};

/** The issue with its severity from `SEVERITY`. */
export function withSeverity(issue: Issue): Issue & { readonly severity: Severity } {
  return { ...issue, severity: SEVERITY[issue.code] };
}

/** Whether any of the issues stops a policy from loading. */
export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => SEVERITY[i.code] === "error");
}

export interface Issue {
  readonly code: IssueCode;
  /** Errors stop a policy from loading and make lint exit 1; warnings do neither. */
  readonly severity?: Severity;
  /** Where the problem is, as zod gives it: keys and indexes from the document's root. */
  readonly path: readonly (string | number)[];
  readonly message: string;
  /** The file the document came from, when it came from a file. */
  readonly file?: string;
  /** 1-based line and column of `path` in `file`, when the source text is known. */
  readonly line?: number;
  readonly column?: number;
}

/** Formats an issue path the way zod's `prettifyError` does: `rules[0].conditions.all[1]`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out === "" ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out === "" ? "(root)" : out;
}

/** One line per issue: `file:line:column code path: message` (gcc/tsc style, clickable). */
export function formatIssue(issue: Issue): string {
  const where = issue.file
    ? `${issue.file}${issue.line !== undefined ? `:${issue.line}:${issue.column ?? 1}` : ""} `
    : "";
  return `${where}${issue.code} ${formatPath(issue.path)}: ${issue.message}`;
}

/** Thrown when a rule set or policy cannot be loaded; carries every problem found. */
export class PolicyError extends Error {
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[]) {
    super(`Invalid policy:\n${issues.map((i) => `  ${formatIssue(i)}`).join("\n")}`);
    this.name = "PolicyError";
    this.issues = issues;
  }
}
