import { AftersalesError } from "../_lib/errors.js";
import type { RawIssue } from "../_lib/issues.js";
/**
 * What evaluating a rule set produces, on both the compiled and the reference path:
 * the events fired and a trace with the same information json-rules-engine keeps in its
 * rule results (fact value read, operator, expected value, outcome) for every leaf.
 */
export type Facts = Readonly<Record<string, unknown>>;

export interface FiredEvent {
  readonly type: string;
  readonly params?: Readonly<Record<string, unknown>>;
  /** The name of the rule that fired. */
  readonly rule: string;
  readonly priority: number;
}

export interface LeafTrace {
  readonly fact: string;
  readonly path?: string;
  readonly operator: string;
  /** The condition's `value` as written (a literal or a `{ fact }` reference). */
  readonly value: unknown;
  /** The fact value read (after `path`), as json-rules-engine's `factResult`. */
  readonly factResult: unknown;
  /** The value compared against (a referenced fact resolved), as `valueResult`. */
  readonly valueResult: unknown;
  /** The operator's outcome, as json-rules-engine's `result`. */
  readonly result: unknown;
  readonly name?: string;
}

export type ConditionTrace =
  | LeafTrace
  | { readonly all: readonly ConditionTrace[]; readonly result: boolean; readonly name?: string }
  | { readonly any: readonly ConditionTrace[]; readonly result: boolean; readonly name?: string }
  | { readonly not: ConditionTrace; readonly result: boolean; readonly name?: string }
  | { readonly condition: string; readonly resolved: ConditionTrace; readonly result: boolean };

export interface RuleTrace {
  readonly rule: string;
  readonly priority: number;
  readonly fired: boolean;
  readonly event: { readonly type: string; readonly params?: Readonly<Record<string, unknown>> };
  readonly conditions: ConditionTrace;
}

export interface EvaluationResult {
  /** Events of the rules that fired, by priority (highest first), then file position. */
  readonly events: readonly FiredEvent[];
  /** One entry per rule, fired or not, in evaluation order; empty when tracing is off. */
  readonly trace: readonly RuleTrace[];
}

/**
 * A traced run whose readable trace is built only when `trace()` is first called (then
 * kept): the run itself stores what each leaf read and decided in a flat array.
 */
export interface RecordedRun {
  readonly events: readonly FiredEvent[];
  trace(): readonly RuleTrace[];
}

/** A failure while evaluating, where json-rules-engine would reject its `run()`. */
export class RuleEvaluationError extends AftersalesError {
  declare readonly code: "undefined_fact" | "operator_error";
  readonly rule: string | undefined;
  readonly fact: string | undefined;
  constructor(problem: RawIssue & { code: "undefined_fact" | "operator_error" }, details: { rule?: string; fact?: string; cause?: unknown } = {}) {
    super(problem.code, [problem], undefined, details.cause === undefined ? undefined : { cause: details.cause });
    this.rule = details.rule;
    this.fact = details.fact;
  }
}
