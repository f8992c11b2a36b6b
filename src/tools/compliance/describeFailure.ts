import { formatIssue, formatPath } from "../../_lib/issues.js";
import { CONTAINS, matchPartial, type Mismatch } from "./matchPartial.js";
import type { FixtureResult } from "./runFixture.js";

/** A readable diff of what a fixture expected and what the decision says, field by field. */
export function describeFailure(result: FixtureResult, color: { red(s: string): string; green(s: string): string; dim(s: string): string } = plain): string {
  if (result.issues.length > 0) return result.issues.map(formatIssue).join("\n");
  return result.mismatches.map((m) => (m.missing ? describeMissing(m, color) : m.invalid ? describeInvalid(m) : describeMismatch(m, color))).join("\n");
}

function describeMismatch(m: Mismatch, color: Palette): string {
  return [`at ${formatPath(m.path)}:`, color.green(`  - expected ${show(m.expected)}`), color.red(`  + actual   ${show(m.actual)}`)].join("\n");
}

/** A `$contains` item no element matched: the item, then each element with where it first differs. */
function describeMissing(m: Mismatch, color: Palette): string {
  const elements = Array.isArray(m.actual) ? m.actual : [];
  const lines = [`at ${formatPath(m.path)}: no item matches`, color.green(`  - expected an item like ${show(m.expected)}`)];
  if (elements.length === 0) lines.push(color.red("  + actual   [] (empty)"));
  elements.forEach((element, i) => {
    const [first] = matchPartial(m.expected, element);
    lines.push(color.red(`  + ${formatPath([i, ...(first?.path ?? [])])} is ${show(first?.actual)}, not ${show(first?.expected)}`));
  });
  return lines.join("\n");
}

function describeInvalid(m: Mismatch): string {
  return `at ${formatPath(m.path)}: "${CONTAINS}" must be the only key of its object and hold an array of items (got ${show(m.expected)})`;
}

type Palette = { red(s: string): string; green(s: string): string; dim(s: string): string };

const plain = { red: (s: string) => s, green: (s: string) => s, dim: (s: string) => s };

function show(v: unknown): string {
  if (v === undefined) return "(absent)";
  const s = JSON.stringify(v);
  return s.length > 300 ? `${s.slice(0, 300)}…` : s;
}
