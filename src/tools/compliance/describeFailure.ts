import { DEFAULT_LANG, formatIssue, formatPath, type Lang } from "../../_lib/issues.js";
import { CONTAINS, matchPartial, type Mismatch } from "./matchPartial.js";
import type { FixtureResult } from "./runFixture.js";

type Palette = { red(s: string): string; green(s: string): string; dim(s: string): string };

/** The diff's words; values stay JSON, so a diff reads the same in both languages. */
const WORDS = {
  "zh-CN": {
    at: (path: string) => `位置 ${path}：`,
    expected: "  - 期望 ",
    actual: "  + 实际 ",
    absent: "（缺失）",
    empty: "[]（空）",
    noItem: (path: string) => `位置 ${path}：没有元素匹配`,
    like: "  - 期望有元素匹配 ",
    differs: (where: string, actual: string, expected: string) => `  + ${where} 是 ${actual}，不是 ${expected}`,
    invalid: (path: string, got: string) => `位置 ${path}："${CONTAINS}" 必须是对象中唯一的键，且值为元素数组（收到 ${got}）`,
  },
  en: {
    at: (path: string) => `at ${path}:`,
    expected: "  - expected ",
    actual: "  + actual   ",
    absent: "(absent)",
    empty: "[] (empty)",
    noItem: (path: string) => `at ${path}: no item matches`,
    like: "  - expected an item like ",
    differs: (where: string, actual: string, expected: string) => `  + ${where} is ${actual}, not ${expected}`,
    invalid: (path: string, got: string) => `at ${path}: "${CONTAINS}" must be the only key of its object and hold an array of items (got ${got})`,
  },
} as const;

/** A readable diff of what a fixture expected and what the decision says, field by field, in zh-CN (default) or en. */
export function describeFailure(result: FixtureResult, color: Palette = plain, lang: Lang = DEFAULT_LANG): string {
  if (result.issues.length > 0) return result.issues.map(formatIssue).join("\n");
  const w = WORDS[lang];
  const show = (v: unknown): string => {
    if (v === undefined) return w.absent;
    const s = JSON.stringify(v);
    return s.length > 300 ? `${s.slice(0, 300)}…` : s;
  };
  return result.mismatches
    .map((m) => {
      const path = formatPath(m.path);
      if (m.invalid) return w.invalid(path, show(m.expected));
      if (!m.missing) return [w.at(path), color.green(`${w.expected}${show(m.expected)}`), color.red(`${w.actual}${show(m.actual)}`)].join("\n");
      // A `$contains` item no element matched: the item, then each element with where it first differs.
      const elements = Array.isArray(m.actual) ? m.actual : [];
      const lines = [w.noItem(path), color.green(`${w.like}${show(m.expected)}`)];
      if (elements.length === 0) lines.push(color.red(`${w.actual}${w.empty}`));
      elements.forEach((element, i) => {
        const [first] = matchPartial(m.expected, element);
        lines.push(color.red(w.differs(formatPath([i, ...(first?.path ?? [])]), show(first?.actual), show(first?.expected))));
      });
      return lines.join("\n");
    })
    .join("\n");
}

const plain: Palette = { red: (s) => s, green: (s) => s, dim: (s) => s };
