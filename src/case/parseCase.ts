import type { ParseContext, $ZodIssue } from "zod/v4/core";
import type { Issue } from "../_lib/issues.js";
import { checkCaseArrays } from "../_lib/limits.js";
import { fromZodIssues } from "../_lib/zodIssues.js";
import { CASE_LIMITS, CaseSchema, caseConsistencyIssues, type Case } from "./caseSchema.js";
import { validate as hasCaseShape } from "./caseShapeCheck.generated.js";

export type ParsedCase = { readonly success: true; readonly data: Case } | { readonly success: false; readonly issues: Issue[] };

/**
 * Validates a case. The zod `CaseSchema` is the contract and the only source of issues;
 * most cases are valid, though, and zod spends ~7 µs to say so. So a case first goes through
 * the same contract compiled ahead of time (zod → JSON Schema → ajv standalone code,
 * `caseShapeCheck.generated.ts`, ~0.5 µs) and the same consistency checks; only a case that
 * fails there runs through zod, which then reports every issue with its path in the
 * caller's language. A valid case is used as given: it is JSON data, read and never
 * written, and no part of it is kept in the decision.
 *
 * That the two agree is tested on valid, broken and hostile cases (test/case/parseCase.test.ts);
 * the generated code is checked against the schema by the suite (drift).
 */
export function parseCase(input: unknown, params?: ParseContext<$ZodIssue>): ParsedCase {
  if (hasCaseShape(input) && caseConsistencyIssues(input as Case).length === 0) return { success: true, data: input as Case };
  // The generated check stops at the first problem; zod reports them all, so oversized
  // arrays are refused before it walks them.
  const tooLarge = checkCaseArrays(input, CASE_LIMITS);
  if (tooLarge) return { success: false, issues: [tooLarge] };
  const parsed = CaseSchema.safeParse(input, params);
  return parsed.success ? { success: true, data: parsed.data } : { success: false, issues: fromZodIssues(parsed.error.issues) };
}
