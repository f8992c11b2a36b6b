import { issue, type RawIssue } from "./issues.js";

export interface ShapeLimits {
  /** Deepest nesting of arrays and objects. */
  readonly maxDepth: number;
  /** Most values (of any kind) in the whole document. */
  readonly maxNodes: number;
}

/** Rule sets: conditions nest a few levels; thousands of rules are fine. */
export const RULE_SET_LIMITS: ShapeLimits = { maxDepth: 64, maxNodes: 500_000 };

/**
 * Walks a parsed JSON value iteratively (no recursion, so no stack to exhaust) and reports
 * the first place it is nested too deep or grows too large, before any recursive
 * validator sees it. Bounded time: it stops at `maxNodes`.
 */
export function checkShape(value: unknown, limits: ShapeLimits): RawIssue | undefined {
  interface Entry { v: unknown; depth: number; key: string | number; parent: Entry | undefined }
  const pathOf = (e: Entry) => {
    const path: (string | number)[] = [];
    for (let at: Entry | undefined = e; at?.parent; at = at.parent) path.unshift(at.key);
    return path;
  };
  const stack: Entry[] = [{ v: value, depth: 0, key: "", parent: undefined }];
  let nodes = 0;
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (++nodes > limits.maxNodes) {
      return issue("too_large", [], { limit: "values", max: limits.maxNodes });
    }
    const v = e.v;
    if (v === null || typeof v !== "object") continue;
    if (e.depth >= limits.maxDepth) return issue("too_large", pathOf(e), { limit: "depth", max: limits.maxDepth });
    if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], depth: e.depth + 1, key: i, parent: e });
    else for (const k of Object.keys(v)) stack.push({ v: (v as Record<string, unknown>)[k], depth: e.depth + 1, key: k, parent: e });
  }
  return undefined;
}

/**
 * A case's only unbounded parts are its arrays: refuse oversized ones before validating
 * each element (zod would report every bad element of a million-item array).
 */
export function checkCaseArrays(input: unknown, max: { readonly items: number; readonly parcels: number; readonly requestLines: number }): RawIssue | undefined {
  const at = (v: unknown, key: string): unknown => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>)[key] : undefined);
  const order = at(input, "order");
  const arrays: [unknown, (string | number)[], number, "items" | "parcels" | "request_lines"][] = [
    [at(order, "items"), ["order", "items"], max.items, "items"],
    [at(order, "parcels"), ["order", "parcels"], max.parcels, "parcels"],
    [at(at(input, "request"), "lines"), ["request", "lines"], max.requestLines, "request_lines"],
  ];
  for (const [value, path, limit, noun] of arrays) {
    if (Array.isArray(value) && value.length > limit) return issue("too_large", path, { limit: noun, max: limit, got: value.length });
  }
  return undefined;
}

/**
 * The deepest bracket nesting of JSON text and where it first exceeds `maxDepth`, by a
 * linear scan outside strings: the recursive tree parser never sees a hostile file.
 */
export function textNestingExceeds(text: string, maxDepth: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > maxDepth) return i;
    } else if (c === 125 || c === 93) depth--;
  }
  return undefined;
}
