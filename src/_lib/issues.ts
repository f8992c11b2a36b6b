/**
 * Problems as data (the zod model): every problem found in a case, a rule file, a policy or
 * a fixture is an issue with a code, a path and the params its message needs. Checks
 * produce `RawIssue`s and never write prose; the message is built late, in the caller's
 * language, when the issue leaves the library (`finalizeIssues`, as zod's `finalizeIssue`).
 */
import type { ZodIssueDetail } from "./zodIssueDetail.js";

/** The languages messages are written in. */
export type Lang = "zh-CN" | "en";

/**
 * The one default language of the library's own messages: validation issues, errors,
 * `explain` and the CLI all start from it. zh-CN because the law, the policies and most
 * readers are Chinese; every API takes `lang` to ask for English.
 */
export const DEFAULT_LANG: Lang = "zh-CN";

type Path = readonly (string | number)[];

/** What each code's message needs, and nothing that is already in the path. */
export interface IssueParams {
  // Reading a document
  /** `found`: the character at the error when the scanner could not read it (a BOM, a full-width "：", a curly quote). */
  invalid_json: { readonly error: string; readonly found?: string };
  too_large:
    | { readonly limit: "values"; readonly max: number }
    | { readonly limit: "depth"; readonly max: number }
    | { readonly limit: "items" | "parcels" | "request_lines" | "array"; readonly max: number; readonly got: number }
    | { readonly limit: "file_bytes"; readonly max: number; readonly got: number; readonly file: string }
    | { readonly limit: "expanded_conditions" | "expanded_depth"; readonly max: number; readonly got: number; readonly rule: string }
    | { readonly limit: "decorators"; readonly max: number; readonly got: number; readonly operator: string };
  duplicate_key: { readonly key: string };
  io_error: { readonly file: string; readonly error?: string; readonly reason?: "not_found" | "not_regular" | "changed"; readonly kind?: "fifo" | "device" | "socket" | "folder" | "other" };
  outside_policy_folder: { readonly name: string; readonly reason: "absolute" | "outside" | "symlink_out" };
  // zod's own codes, kept as zod reports them (never flattened)
  invalid_type: ZodIssueDetail;
  invalid_value: ZodIssueDetail;
  invalid_format: ZodIssueDetail;
  too_big: ZodIssueDetail;
  too_small: ZodIssueDetail;
  not_multiple_of: ZodIssueDetail;
  unrecognized_keys: ZodIssueDetail;
  invalid_union: ZodIssueDetail;
  invalid_key: ZodIssueDetail;
  invalid_element: ZodIssueDetail;
  /** A rule of the input contract that no zod code names (which rule: `rule`). */
  invalid_input: InvalidInputParams;
  /** A case that contradicts itself (which contradiction: `rule`). */
  inconsistent_case: InconsistentCaseParams;
  // Rule sets
  unknown_operator: { readonly operator: string; readonly suggestion?: string };
  unknown_condition: { readonly condition: string };
  condition_cycle: { readonly cycle: readonly string[] };
  duplicate_rule_name: { readonly name: string; readonly first: number };
  unsupported_path: { readonly path: string; readonly reason: "no_dollar" | "unsupported_step" | "reserved_step" | "whole_fact"; readonly at?: number; readonly step?: string };
  reserved_name: Record<string, never>;
  reserved_event_type: { readonly reserved: readonly string[] };
  invalid_event_params: ZodIssueDetail;
  unknown_event_type: { readonly type: string; readonly kind: string; readonly allowed: readonly string[]; readonly suggestion?: string };
  unknown_fact: { readonly fact: string; readonly suggestion?: string };
  fact_not_available: { readonly fact: string; readonly kind: string; readonly stage: string };
  type_mismatch: TypeMismatchParams;
  unknown_value: { readonly fact: string; readonly value: unknown; readonly values: readonly string[]; readonly suggestion?: string };
  dead_rule: { readonly rule: string; readonly a: string; readonly b: string };
  shadowed_rule: { readonly rule: string; readonly by: string };
  negative_operator_on_nullable_fact: { readonly fact: string; readonly operator: string };
  shipping_terms_grant_remedy: { readonly rule: string; readonly remedy: "return" | "exchange" };
  // Evaluating (json-rules-engine would reject its run())
  undefined_fact: { readonly fact: string };
  operator_error: { readonly error: string; readonly operator?: string; readonly rule?: string; readonly fact?: string };
  // Policies
  duplicate_layer: { readonly name: string };
  duplicate_rule_set: { readonly id: string; readonly version: string; readonly layer: string };
  effective_dates: EffectiveDatesParams;
  /** A rule reading an attribute fact at a name the policy does not declare (`attribute` null: no path). */
  unknown_attribute: { readonly fact: string; readonly attribute: string | null; readonly declared: readonly string[]; readonly suggestion?: string };
  below_statutory_floor:
    | { readonly kind: "window"; readonly remedy: string; readonly days: number; readonly floor: StatutoryFloorRef }
    | { readonly kind: "denial"; readonly remedy: string; readonly fromDay: number; readonly floor: StatutoryFloorRef };
  missing_rule_set: { readonly what: "sanbao_table" | "rest_day_calendar" | "rule_set"; readonly name?: string };
  calendar_required: { readonly reason: "business_clock" | "rest_day_extension" | "named_twice"; readonly param?: string };
}

export interface StatutoryFloorRef {
  readonly days: number;
  readonly rule: string;
  readonly citation: string;
}

export type InvalidInputParams =
  | { readonly rule: "datetime_with_offset" }
  | { readonly rule: "at_most_two_decimals" }
  | { readonly rule: "identifier" }
  | { readonly rule: "snake_case_key" }
  | { readonly rule: "fixed_or_percent" }
  | { readonly rule: "policy_needs_layer" }
  | { readonly rule: "unreadable"; readonly error: string }
  | { readonly rule: "effective_to_before_from" }
  /** A case's attribute the policy does not declare at that level (line, order, customer). */
  | { readonly rule: "attribute_not_declared"; readonly name: string; readonly level: "line" | "order" | "customer"; readonly declared: readonly string[]; readonly suggestion?: string }
  /** A case's attribute whose value is not of its declared type (or not one of an enum's values). */
  | { readonly rule: "attribute_type"; readonly name: string; readonly expected: "string" | "number" | "boolean" | "enum"; readonly values?: readonly string[] }
  | { readonly rule: "shift_ends_before_start" | "shift_overlaps"; readonly shift: string }
  | { readonly rule: "date_not_in_year"; readonly date: string; readonly year: number }
  | { readonly rule: "listed_twice"; readonly value: string }
  | { readonly rule: "make_up_day_without_hours" }
  | { readonly rule: "week_without_hours" }
  | { readonly rule: "non_catalogue_row_with_period" }
  | { readonly rule: "name_taken"; readonly name: string; readonly category: string }
  | { readonly rule: "other"; readonly detail: string };

/** Dates between versions of one rule set (all civil dates, inclusive). */
export type EffectiveDatesParams =
  /** No version of the rule set is in force from `from` to `to`, between `previous` and `version`. */
  | { readonly problem: "gap"; readonly id: string; readonly version: string; readonly previous: string; readonly from: string; readonly to: string }
  /** Two versions are both in force from `from` (to `to`, or open-ended): both apply on those days. */
  | { readonly problem: "overlap"; readonly id: string; readonly version: string; readonly other: string; readonly from: string; readonly to?: string }
  /** A statutory rule set applies to every case: its end date is never used. */
  | { readonly problem: "statutory_end_ignored"; readonly id: string; readonly to: string };

export type InconsistentCaseParams =
  | { readonly rule: "duplicate_line"; readonly line: string }
  | { readonly rule: "items_total_too_large"; readonly max: number }
  | { readonly rule: "price_now_above_unit_price"; readonly priceNow: number; readonly unitPrice: number }
  | { readonly rule: "paid_mismatch"; readonly lines: number; readonly shipping: number; readonly paid: number; readonly exceeds: boolean }
  | { readonly rule: "time_before"; readonly field: string; readonly before: string }
  | { readonly rule: "reported_before"; readonly field: string; readonly at: string; readonly reported: string }
  | { readonly rule: "time_after_report"; readonly field: string }
  | { readonly rule: "parcels_give_times"; readonly field: "deliveredAt" | "shippedAt" }
  | { readonly rule: "duplicate_parcel"; readonly parcel: string }
  | { readonly rule: "unknown_line"; readonly line: string }
  | { readonly rule: "over_shipped"; readonly line: string; readonly units: number; readonly quantity: number }
  | { readonly rule: "line_requested_twice"; readonly line: string }
  | { readonly rule: "over_requested"; readonly line: string; readonly units: number; readonly quantity: number; readonly parcel?: string }
  | { readonly rule: "parcel_lacks_line"; readonly line: string; readonly parcel: string }
  | { readonly rule: "pause_ends_before_start" }
  | { readonly rule: "pause_before_report" }
  | { readonly rule: "pauses_overlap" }
  | { readonly rule: "met_before_report"; readonly field: "firstResponseAt" | "solutionAt" }
  | { readonly rule: "after_decision_instant"; readonly field: "pause" | "firstResponseAt" | "solutionAt" };

export type TypeMismatchParams = {
  readonly operator: string;
  readonly fact: string;
  readonly factType: string;
  /** The compared value as written (JSON), or `fact "x"` for a fact reference. */
  readonly value: string;
} & { readonly problem: "fact_not_number" | "value_not_number" | "array_equal" | "never_equal" | "in_needs_array" | "list_value_never" | "contains_needs_array" };

export type IssueCode = keyof IssueParams;

export type Severity = "error" | "warning";

/**
 * How serious each code is: one table, so lint and loading cannot disagree. An error is a
 * policy that would decide something other than what its author wrote (or cannot be read);
 * a warning is one that decides as written but probably not as meant. docs/rule-format.md
 * lists this table.
 */
export const SEVERITY: Readonly<Record<IssueCode, Severity>> = {
  invalid_json: "error",
  too_large: "error",
  duplicate_key: "error",
  io_error: "error",
  invalid_type: "error",
  invalid_value: "error",
  invalid_format: "error",
  too_big: "error",
  too_small: "error",
  not_multiple_of: "error",
  unrecognized_keys: "error",
  invalid_union: "error",
  invalid_key: "error",
  invalid_element: "error",
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
  type_mismatch: "error",
  unknown_value: "error",
  dead_rule: "error",
  // Same event as a broader rule that fires anyway: the decision is what the author wrote.
  shadowed_rule: "warning",
  // The rule may be guarded elsewhere (a null test in another rule); only the author knows.
  negative_operator_on_nullable_fact: "warning",
  // The author may mean to grant the remedy to a customer group; only they know.
  shipping_terms_grant_remedy: "warning",
  undefined_fact: "error",
  operator_error: "error",
  duplicate_layer: "error",
  duplicate_rule_set: "error",
  // Versions may rightly leave a gap (a promotion) or overlap (a promise kept for old orders).
  effective_dates: "warning",
  unknown_attribute: "error",
  below_statutory_floor: "error",
  missing_rule_set: "error",
  calendar_required: "error",
  // A policy reads only files inside its folder: anything else could be any file on the host.
  outside_policy_folder: "error",
};

interface Located {
  /** Where the problem is, as zod gives it: keys and indexes from the document's root. */
  readonly path: Path;
  /** The file the document came from, when it came from a file. */
  readonly file?: string;
  /** 1-based line and column of `path` in `file`, when the source text is known. */
  readonly line?: number;
  readonly column?: number;
}

/** An issue as a check found it: code, path and params; no prose yet. */
export type RawIssue = { [C in IssueCode]: Located & { readonly code: C; readonly params: IssueParams[C] } }[IssueCode];

/** An issue as the caller gets it: with its severity and its message in the caller's language. */
export type Issue = RawIssue & {
  /** Errors stop a policy from loading and make lint exit 1; warnings do neither. */
  readonly severity: Severity;
  readonly message: string;
};

/** A raw issue, typed by its code. */
export function issue<C extends IssueCode>(code: C, path: Path, params: IssueParams[C], where?: Omit<Located, "path">): RawIssue {
  return { code, path, params, ...where } as RawIssue;
}

/** Whether any of the issues stops a policy from loading. */
export function hasErrors(issues: readonly RawIssue[]): boolean {
  return issues.some((i) => SEVERITY[i.code] === "error");
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
