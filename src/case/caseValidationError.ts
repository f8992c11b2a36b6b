import { formatIssue, type Issue } from "../_lib/issues.js";

/** A case that does not meet the input contract: every problem, each with its path. */
export class CaseValidationError extends Error {
  readonly code = "invalid_case" as const;
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[]) {
    super(`Invalid case:\n${issues.map((i) => `  ${formatIssue(i)}`).join("\n")}`);
    this.name = "CaseValidationError";
    this.issues = issues;
  }
}
