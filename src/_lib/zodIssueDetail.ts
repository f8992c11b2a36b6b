import { locales, type z } from "zod";
import type { Lang } from "./issues.js";

/**
 * What zod said about a value, kept as data so its message can be written later in any
 * language by zod's own locale: zod's issue without its message, path and input, and the
 * type of the input that was received (the only thing zod's messages read from it).
 */
export interface ZodIssueDetail {
  readonly zod: { readonly code: string; readonly received?: string } & Readonly<Record<string, unknown>>;
}

type ZodIssue = z.core.$ZodIssue;

export function zodIssueDetail(issue: ZodIssue): ZodIssueDetail {
  const { message: _m, path: _p, input, ...rest } = issue as ZodIssue & { input?: unknown };
  const detail: Record<string, unknown> = { ...rest };
  if ("errors" in detail) delete detail.errors; // union branches are reported on their own
  if (issue.code === "invalid_type") detail.received = receivedType(input);
  return { zod: detail as ZodIssueDetail["zod"] };
}

const LOCALES = { en: locales.en().localeError, "zh-CN": locales.zhCN().localeError } as const;

/** zod's message for the detail in the language asked for, by zod's locale. */
export function zodMessage(detail: ZodIssueDetail, lang: Lang): string {
  const { received, ...issue } = detail.zod;
  const raw = { ...issue, input: sampleOf(received) } as unknown as z.core.$ZodRawIssue;
  const out = LOCALES[lang](raw);
  return typeof out === "string" ? out : (out?.message ?? (lang === "en" ? "Invalid input" : "无效输入"));
}

// zod's parsedType, by name: enough to say what was received without keeping the input.
function receivedType(input: unknown): string {
  if (input === null) return "null";
  if (Array.isArray(input)) return "array";
  if (typeof input === "number") return Number.isNaN(input) ? "nan" : "number";
  return typeof input;
}

// A value of the received type, for zod's locale to name again.
function sampleOf(type: string | undefined): unknown {
  switch (type) {
    case "null": return null;
    case "array": return [];
    case "number": return 0;
    case "nan": return Number.NaN;
    case "string": return "";
    case "boolean": return false;
    case "bigint": return 0n;
    case "object": return {};
    case "function": return () => undefined;
    case "symbol": return Symbol("received");
    default: return undefined;
  }
}
