import { AftersalesError } from "../_lib/errors.js";
import type { Lang, RawIssue } from "../_lib/issues.js";

/** A case that does not meet the input contract: every problem, each with its path. */
export class CaseValidationError extends AftersalesError {
  declare readonly code: "invalid_case";
  constructor(issues: readonly RawIssue[], lang?: Lang) {
    super("invalid_case", issues, lang);
  }
}
