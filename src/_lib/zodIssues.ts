import type { z } from "zod";
import type { Issue, IssueCode } from "./issues.js";

type ZodIssue = z.core.$ZodIssue;

/**
 * zod issues → our issues. A union that failed reports one `invalid_union` at the parent;
 * we descend into the branch that got furthest (deepest path, then fewest problems) so an
 * author sees `all[0].operator: …` rather than "Invalid input" at the rule.
 */
export function fromZodIssues(issues: readonly ZodIssue[], base: readonly (string | number)[] = []): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) {
    const path = [...base, ...(issue.path as (string | number)[])];
    if (issue.code === "invalid_union" && issue.errors.length > 0) {
      const branch = bestBranch(issue.errors);
      if (branch) {
        out.push(...fromZodIssues(branch, path));
        continue;
      }
    }
    const params = (issue as { params?: { code?: IssueCode } }).params;
    out.push({ code: params?.code ?? "invalid_input", path, message: issue.message });
  }
  return out;
}

function depth(issues: readonly ZodIssue[]): number {
  let d = 0;
  for (const i of issues) {
    const nested = i.code === "invalid_union" ? Math.max(0, ...i.errors.map(depth)) : 0;
    d = Math.max(d, i.path.length + nested);
  }
  return d;
}

function bestBranch(branches: readonly (readonly ZodIssue[])[]): readonly ZodIssue[] | undefined {
  // A branch whose only complaint is a wrong type at the root (e.g. "expected string")
  // tells the author nothing when another branch got inside the object.
  let best: readonly ZodIssue[] | undefined;
  let bestScore = -Infinity;
  for (const branch of branches) {
    const unrecognizedAtRoot = branch.some((i) => i.code === "unrecognized_keys" && i.path.length === 0);
    const score = depth(branch) * 100 - branch.length - (unrecognizedAtRoot ? 50 : 0);
    if (score > bestScore) [best, bestScore] = [branch, score];
  }
  return best;
}
