import { formatIssue, formatPath } from "../../_lib/issues.js";
import type { FixtureResult } from "./runFixture.js";

/** A readable diff of what a fixture expected and what the decision says, field by field. */
export function describeFailure(result: FixtureResult, color: { red(s: string): string; green(s: string): string; dim(s: string): string } = plain): string {
  if (result.issues.length > 0) return result.issues.map(formatIssue).join("\n");
  return result.mismatches
    .map((m) =>
      [
        `at ${formatPath(m.path)}:`,
        color.green(`  - expected ${show(m.expected)}`),
        color.red(`  + actual   ${show(m.actual)}`),
      ].join("\n"),
    )
    .join("\n");
}

const plain = { red: (s: string) => s, green: (s: string) => s, dim: (s: string) => s };

function show(v: unknown): string {
  if (v === undefined) return "(absent)";
  const s = JSON.stringify(v);
  return s.length > 300 ? `${s.slice(0, 300)}…` : s;
}
