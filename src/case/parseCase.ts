import type { z } from "zod";
import { compileFn, INVALID } from "zod/v4/core";
import type { Lang, RawIssue } from "../_lib/issues.js";
import { checkCaseArrays } from "../_lib/limits.js";
import { failed, ok, type Checked, type Result } from "../_lib/result.js";
import { safeParseIssues } from "../_lib/zodIssues.js";
import { CASE_LIMITS, CaseSchema, type Case } from "./caseSchema.js";
import { CaseValidationError } from "./caseValidationError.js";
import { plainData } from "./plainData.js";

export type ParsedCase = Result<Case, CaseValidationError>;

export interface ParseCaseOptions {
  /** The language of the issues' messages (default zh-CN). */
  readonly lang?: Lang;
}

/**
 * Checks a case against the input contract and returns `{ success, data | error }`: every
 * problem, each with its path, in the caller's language. Never throws on bad input.
 *
 * @example
 * safeParseCase({ caseId: 42 }).success //=> false
 */
export function safeParseCase(input: unknown, options?: ParseCaseOptions): ParsedCase {
  const checked = checkCase(input);
  return checked.success ? ok(checked.data) : failed(new CaseValidationError(checked.issues, options?.lang));
}

/**
 * As `safeParseCase`, returning the case or throwing `CaseValidationError` (with every issue).
 *
 * @example
 * parseCase(JSON.parse(readFileSync("case.json", "utf8"))).order.items.length //=> 1
 */
export function parseCase(input: unknown, options?: ParseCaseOptions): Case {
  const checked = checkCase(input);
  if (!checked.success) throw new CaseValidationError(checked.issues, options?.lang);
  return checked.data;
}

/** The case checked, issues as data (see caseParser: read once, so validation and the decision see the same values). */
function checkCase(input: unknown): Checked<Case> {
  return forCaseSchema.parse(input);
}

export interface CaseParser<T> {
  /** Whether valid input goes through zod's compiled fast path (false: the runtime parser only). */
  readonly compiled: boolean;
  /** The case read once and checked: a fresh copy when valid, else every problem as data (messages are built by the caller). */
  parse(input: unknown): Checked<T>;
}

type Check = z.core.$ZodCheck<never>;

/**
 * The parse for a case schema. Every value the decision reads is read from the input
 * exactly once, so what is validated is what is decided: a getter that answered
 * differently on a second read once produced a compensation of −4,999,999,999,997,010 fen.
 *
 * A valid case (the usual one) is read by the parser zod generates from the schema
 * (`compileFn`, what `z.compile` installs): one pass that reads each property once into a
 * local, checks it, and builds the output from those locals (zod's own read-once rule), so
 * it is the copy the decision reads; then the schema's own top-level refinements run on
 * that copy. Anything the parser refuses, or that throws while read (a getter, a Proxy
 * trap), is read again carefully into plain data (plainData: own enumerable keys, a
 * throwing read as an issue at its path, bounded depth and size) and given to zod's
 * runtime parser, so issues, their paths and their locale are the runtime's own.
 *
 * The two readings differ only for objects that are not plain data: the generated parser
 * reads a named property wherever zod finds it (on a prototype too), the careful one only
 * own enumerable keys.
 *
 * The refinements run beside the generated parser rather than inside it: called from
 * inside, they made V8 optimise it badly in some processes (~3× slower,
 * scripts/measureCaseValidation.ts). The careful reading is out of line for the same
 * reason: inlined into the valid case's path, it made `decide` ~40 % slower in some processes.
 *
 * Compiled on first use, so importing costs nothing. Where code generation is forbidden (a
 * strict CSP), where zod no longer offers the generated parser, or where the schema holds
 * something the compiler cannot model, every case takes the careful path: same answers,
 * slower; test/case/parseCase.test.ts fails if that happens here, and proves the fast path
 * agrees with the runtime.
 */
export function caseParser<S extends z.ZodType>(schema: S): CaseParser<z.output<S>> {
  let fast: ((input: unknown) => unknown) | undefined | null;
  const ready = () => (fast === undefined ? (fast = fastParse(schema)) : fast);
  return {
    get compiled() {
      return ready() !== null;
    },
    parse(input) {
      const parse = ready();
      const out = parse === null ? INVALID : parse(input);
      return out !== INVALID ? { success: true, data: out as z.output<S> } : readCarefully(schema, input);
    },
  };
}

/**
 * A case the generated parser refused, read again into plain data and given to zod's
 * runtime parser (out of line: the valid case never comes here).
 */
function readCarefully<S extends z.ZodType>(schema: S, input: unknown): Checked<z.output<S>> {
  const plain = plainData(input);
  if (!plain.success) return { success: false, issues: [plain.issue] };
  // The runtime parser reports every bad element; refuse oversized arrays before it walks them.
  const tooLarge = checkCaseArrays(plain.data, CASE_LIMITS);
  if (tooLarge) return { success: false, issues: [tooLarge] as RawIssue[] };
  return safeParseIssues(schema, plain.data);
}

/** The schema's shape as zod's generated parser, then its top-level refinements; null where zod cannot generate it. */
function fastParse(schema: z.ZodType): ((input: unknown) => unknown) | null {
  if (typeof compileFn !== "function") return null;
  const checks = (schema.def.checks ?? []) as readonly Check[];
  // Only plain refinements run beside the generated parser; with anything else the runtime decides.
  if (!checks.every((c) => c._zod.def.check === "custom" && c._zod.def.when === undefined)) return null;
  let shape: (input: unknown) => unknown;
  try {
    shape = compileFn(checks.length > 0 ? schema.clone({ ...schema.def, checks: [] } as typeof schema.def) : schema);
  } catch {
    return null;
  }
  return (input) => {
    let out: unknown;
    try {
      out = shape(input);
    } catch {
      return INVALID; // a throwing getter or trap: read carefully, which says where
    }
    if (out === INVALID) return INVALID;
    for (const check of checks) {
      const payload = { value: out as never, issues: [] as z.core.$ZodRawIssue[] };
      // A refinement that answers asynchronously or rewrites the value is left to the runtime.
      if (check._zod.check(payload) !== undefined || payload.issues.length > 0 || payload.value !== out) return INVALID;
    }
    return out;
  };
}

const forCaseSchema = caseParser(CaseSchema);

/** Whether `parseCase` runs on zod's compiled fast path (tests assert it does). */
export const caseParseIsCompiled = (): boolean => forCaseSchema.compiled;
