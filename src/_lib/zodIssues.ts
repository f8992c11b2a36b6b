import type { z } from "zod";
import { issue, type IssueCode, type IssueParams, type RawIssue } from "./issues.js";
import { zodIssueDetail } from "./zodIssueDetail.js";

type ZodIssue = z.core.$ZodIssue;
type Path = readonly (string | number)[];

/** Parses with zod and gives our raw issues on failure (zod's codes kept, messages built later). */
export function safeParseIssues<S extends z.ZodType>(schema: S, value: unknown, base: Path = []): { success: true; data: z.output<S> } | { success: false; issues: RawIssue[] } {
  // reportInput: the received type goes into the issue (zod's message names it).
  const parsed = schema.safeParse(value, { reportInput: true });
  return parsed.success ? { success: true, data: parsed.data } : { success: false, issues: fromZodIssues(parsed.error.issues, base) };
}

/**
 * zod issues → our raw issues. A refinement of ours names its code and params in zod's
 * `params` (`{ code, ...params }`); zod's own codes stay zod's, with the detail zod's
 * locale needs to write the message later. A union that failed reports one
 * `invalid_union` at the parent; we descend into the branch that got furthest (deepest
 * path, then fewest problems) so an author sees `all[0].operator: …` rather than
 * "Invalid input" at the rule.
 */
export function fromZodIssues(issues: readonly ZodIssue[], base: Path = []): RawIssue[] {
  const out: RawIssue[] = [];
  for (const zi of issues) {
    const path = [...base, ...(zi.path as (string | number)[])];
    if (zi.code === "invalid_union" && zi.errors.length > 0) {
      const branch = bestBranch(zi.errors);
      if (branch) {
        out.push(...fromZodIssues(branch, path));
        continue;
      }
    }
    const ours = zi.code === "custom" ? (zi.params as ({ code?: IssueCode } & Record<string, unknown>) | undefined) : undefined;
    if (ours?.code) {
      const { code, ...params } = ours;
      out.push(issue(code, path, params as IssueParams[typeof code]));
    } else if (zi.code === "custom") {
      out.push(issue("invalid_input", path, { rule: "other", detail: zi.message }));
    } else {
      out.push(issue(zi.code, path, zodIssueDetail(zi)));
    }
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
