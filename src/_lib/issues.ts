/**
 * Problems as data (the zod model): every problem found in a case, a rule file or a
 * fixture is an `Issue` with a code and a path, never a bare string.
 */
export type IssueCode =
  | "invalid_json"
  | "invalid_input"
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
  | "too_large";

export interface Issue {
  readonly code: IssueCode;
  /** Errors stop a policy from loading and make lint exit 1; warnings do neither. */
  readonly severity?: "error" | "warning";
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
