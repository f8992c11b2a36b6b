import { locales, z } from "zod";
import type { Issue } from "../_lib/issues.js";
import { checkCaseArrays } from "../_lib/limits.js";
import { fromZodIssues } from "../_lib/zodIssues.js";
import { CASE_LIMITS, CaseSchema, type Case } from "./caseSchema.js";
import { CaseValidationError } from "./caseValidationError.js";
import { plainData } from "./plainData.js";

export type ParsedCase = { readonly success: true; readonly data: Case } | { readonly success: false; readonly issues: Issue[] };

export interface ParseCaseOptions {
  /** The language of the issues' messages (zod's own locale, per call; default en). */
  readonly lang?: "zh-CN" | "en";
}

/**
 * Checks a case against the input contract and returns `{ success, data | issues }`: every
 * problem, each with its path, in the caller's language. Never throws on bad input.
 *
 * @example
 * safeParseCase({ caseId: 42 }).success //=> false
 */
export function safeParseCase(input: unknown, options?: ParseCaseOptions): ParsedCase {
  // Read once into plain data first: validation and the decision then see the same values.
  const plain = plainData(input);
  if (!plain.success) return { success: false, issues: [plain.issue] };
  return forCaseSchema.parse(plain.data, options?.lang === "zh-CN" ? zhCN() : undefined);
}

/**
 * As `safeParseCase`, returning the case or throwing `CaseValidationError` (with every issue).
 *
 * @example
 * parseCase(JSON.parse(readFileSync("case.json", "utf8"))).order.items.length //=> 1
 */
export function parseCase(input: unknown, options?: ParseCaseOptions): Case {
  const parsed = safeParseCase(input, options);
  if (!parsed.success) throw new CaseValidationError(parsed.issues);
  return parsed.data;
}

type ParseParams = Parameters<z.ZodType["safeParse"]>[1];

// Per call, never z.config(): a library must not change its host's zod messages.
let zhCNParams: ParseParams;
const zhCN = () => (zhCNParams ??= { error: locales.zhCN().localeError });

export interface CaseParser<T> {
  /** Whether valid input goes through zod's compiled fast path (false: the runtime parser only). */
  readonly compiled: boolean;
  parse(input: unknown, params?: ParseParams): { readonly success: true; readonly data: T } | { readonly success: false; readonly issues: Issue[] };
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
  let fast: ((input: unknown) => boolean) | undefined | null;
  const ready = () => (fast === undefined ? (fast = fastCheck(schema)) : fast);
  return {
    get compiled() {
      return ready() !== null;
    },
    parse(input, params) {
      const accepts = ready();
      if (accepts !== null && accepts(input)) return { success: true, data: input as z.output<S> };
      // The runtime parser reports every bad element; refuse oversized arrays before it walks them.
      const tooLarge = checkCaseArrays(input, CASE_LIMITS);
      if (tooLarge) return { success: false, issues: [tooLarge] };
      const parsed = schema.safeParse(input, params);
      return parsed.success ? { success: true, data: parsed.data } : { success: false, issues: fromZodIssues(parsed.error.issues) };
    },
  };
}

/** The schema's shape compiled, then its top-level refinements; null where zod cannot compile it. */
function fastCheck(schema: z.ZodType): ((input: unknown) => boolean) | null {
  const checks = (schema.def.checks ?? []) as readonly Check[];
  // Only plain refinements run beside the compiled shape; anything else is compiled with it.
  const split = checks.length > 0 && checks.every((c) => c._zod.def.check === "custom" && c._zod.def.when === undefined);
  let shape: z.ZodType;
  try {
    shape = z.compile(split ? schema.clone({ ...schema.def, checks: [] } as typeof schema.def) : schema, { strict: true });
  } catch {
    return null;
  }
  if (!split) return (input) => shape.validate(input);
  return (input) => {
    if (!shape.validate(input)) return false;
    for (const check of checks) {
      const payload = { value: input as never, issues: [] as z.core.$ZodRawIssue[] };
      // A refinement that answers asynchronously or rewrites the value is left to the runtime.
      if (check._zod.check(payload) !== undefined || payload.issues.length > 0 || payload.value !== input) return false;
    }
    return true;
  };
}

const forCaseSchema = caseParser(CaseSchema);

/** Whether `parseCase` runs on zod's compiled fast path (tests assert it does). */
export const caseParseIsCompiled = (): boolean => forCaseSchema.compiled;
