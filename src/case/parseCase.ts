import { z } from "zod";
import type { Lang, RawIssue } from "../_lib/issues.js";
import { checkCaseArrays } from "../_lib/limits.js";
import { failed, ok, type Checked, type Result } from "../_lib/result.js";
import { safeParseIssues } from "../_lib/zodIssues.js";
import { CASE_LIMITS, CaseSchema, type Case } from "./caseSchema.js";
import { CaseValidationError } from "./caseValidationError.js";
import { plainData } from "./plainData.js";
import { compiledInParts, type ArrayPath } from "./compiledInParts.js";

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

/** The case checked, issues as data: read once into plain data first, so validation and the decision see the same values. */
function checkCase(input: unknown): Checked<Case> {
  const plain = plainData(input);
  return plain.success ? forCaseSchema.parse(plain.data) : { success: false, issues: [plain.issue] };
}

export interface CaseParser<T> {
  /** How valid input is accepted: by zod's compiled validator, in parts or whole (compiledInParts), or by the runtime parser only (false). */
  readonly compiled: Compiled;
  /** The case as given when valid, else every problem as data (messages are built by the caller). */
  parse(input: unknown): Checked<T>;
}

type Check = z.core.$ZodCheck<never>;

/**
 * The parse for a case schema. A valid case (the usual one) is accepted by code zod
 * generates from the schema (`z.compile`) followed by the schema's own top-level
 * refinements; anything else goes to zod's runtime parser, so issues, their paths and
 * their locale are the runtime's own. The two are split because a refinement called from
 * inside the generated function made V8 optimise it badly in some processes (~3× slower,
 * scripts/measureCaseValidation.ts); called beside it, they cost what the former ajv
 * check did. A valid case is used as given, as zod would return it: JSON data, read and
 * never written (the agreement test fails if the schema ever transforms a value).
 *
 * Compiled on first use, so importing costs nothing. Where code generation is forbidden
 * (a strict CSP) or the schema holds something the compiler cannot model, it stays on the
 * runtime parser: same answers, slower; test/case/parseCase.test.ts fails if that happens
 * here, and proves the fast path agrees with the runtime.
 */
export function caseParser<S extends z.ZodType>(schema: S): CaseParser<z.output<S>> {
  let fast: FastCheck | undefined | null;
  const ready = () => (fast === undefined ? (fast = fastCheck(schema)) : fast);
  return {
    get compiled() {
      return ready()?.how ?? false;
    },
    parse(input) {
      const accepts = ready()?.accepts;
      if (accepts !== undefined && accepts(input)) return { success: true, data: input as z.output<S> };
      // The runtime parser reports every bad element; refuse oversized arrays before it walks them.
      const tooLarge = checkCaseArrays(input, CASE_LIMITS);
      if (tooLarge) return { success: false, issues: [tooLarge] as RawIssue[] };
      return safeParseIssues(schema, input);
    },
  };
}

/** The schema's shape compiled (in parts where it can be), then its top-level refinements; null where zod cannot compile it. */
function fastCheck(schema: z.ZodType): FastCheck | null {
  const checks = (schema.def.checks ?? []) as readonly Check[];
  // Only plain refinements run beside the compiled shape; anything else is compiled with it.
  const split = checks.length > 0 && checks.every((c) => c._zod.def.check === "custom" && c._zod.def.when === undefined);
  const unrefined = split ? schema.clone({ ...schema.def, checks: [] } as typeof schema.def) : schema;
  let compiled: FastCheck;
  try {
    compiled = inParts(unrefined);
  } catch {
    return null;
  }
  if (!split) return compiled;
  const shape = compiled.accepts;
  const accepts = (input: unknown) => {
    if (!shape(input)) return false;
    for (const check of checks) {
      const payload = { value: input as never, issues: [] as z.core.$ZodRawIssue[] };
      // A refinement that answers asynchronously or rewrites the value is left to the runtime.
      if (check._zod.check(payload) !== undefined || payload.issues.length > 0 || payload.value !== input) return false;
    }
    return true;
  };
  return { accepts, how: compiled.how };
}

type Compiled = false | "in parts" | "whole";
interface FastCheck {
  readonly accepts: (input: unknown) => boolean;
  readonly how: Exclude<Compiled, false>;
}

/** The arrays that grow with the order, each element checked by a validator of its own (compiledInParts). */
export const CASE_ARRAYS: readonly ArrayPath[] = [["order", "items"], ["order", "parcels"], ["request", "lines"]];

/** The case schema compiled in parts; any other schema (or one the parts do not fit) compiled whole. */
function inParts(schema: z.ZodType): FastCheck {
  if (schema instanceof z.ZodObject) {
    try {
      return { accepts: compiledInParts(schema, CASE_ARRAYS), how: "in parts" };
    } catch {
      // not the case's shape: compiled whole below
    }
  }
  const whole = z.compile(schema, { strict: true });
  return { accepts: (input) => whole.validate(input), how: "whole" };
}

const forCaseSchema = caseParser(CaseSchema);

/** How `parseCase` accepts a valid case: on zod's compiled fast path in parts (tests assert it does). */
export const caseParseIsCompiled = (): Compiled => forCaseSchema.compiled;
