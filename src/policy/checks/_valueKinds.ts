import type { FactType } from "../format/factCatalog.js";

/** What a JSON value is, in the words of the fact catalogue's types. */
export type ValueKind = "string" | "number" | "boolean" | "null" | "array" | "object";

export const kindsOf = (t: FactType): Set<ValueKind> =>
  new Set(t.split("|").map((k) => (k === "string[]" ? "array" : (k as ValueKind))));

export const kindOf = (v: unknown): ValueKind => (Array.isArray(v) ? "array" : v === null ? "null" : (typeof v as ValueKind));
