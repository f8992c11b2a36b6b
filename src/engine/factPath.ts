import type { IssueParams } from "../_lib/issues.js";
/**
 * The JSONPath subset policy authors use in a condition's `path`: `$.a.b`, `$.items[0].x`.
 *
 * json-rules-engine hands `path` to jsonpath-plus, which also runs filter scripts (a long
 * line of RCE fixes) and wraps single filter matches in arrays. We accept only member and
 * index steps, parse them once at load time, and read them as jsonpath-plus does on that
 * subset (own properties only).
 */
export type PathStep = string | number;

const RESERVED_KEYS = new Set(["__proto__", "prototype", "constructor"]);

/**
 * Keys that would reach an object's prototype (`__proto__`, `constructor`, and every name an
 * object inherits, such as `toString` or `__defineGetter__`); never allowed as a fact name
 * or path step, so no evaluator can read an inherited value as a fact.
 */
export function isReservedKey(key: string): boolean {
  return RESERVED_KEYS.has(key) || key in Object.prototype;
}

const STEP = /\.([A-Za-z_][A-Za-z0-9_]*)|\[(0|[1-9][0-9]{0,8})\]/y;

/**
 * Parses `$.a.b[0]` into `["a", "b", 0]`, or says (as issue params) why the path is
 * outside the supported subset.
 */
export function parseFactPath(path: string): { steps: PathStep[] } | { error: IssueParams["unsupported_path"] } {
  if (!path.startsWith("$")) return { error: { path, reason: "no_dollar" } };
  const steps: PathStep[] = [];
  let at = 1;
  while (at < path.length) {
    STEP.lastIndex = at;
    const m = STEP.exec(path);
    if (!m) {
      return { error: { path, reason: "unsupported_step", at: at + 1 } };
    }
    if (m[1] !== undefined) {
      if (isReservedKey(m[1])) return { error: { path, reason: "reserved_step", step: m[1] } };
      steps.push(m[1]);
    } else {
      steps.push(Number(m[2]));
    }
    at = STEP.lastIndex;
  }
  if (steps.length === 0) return { error: { path, reason: "whole_fact" } };
  return { steps };
}

/**
 * Reads a fact's `path` as json-rules-engine 7.3.1 does with its default resolver
 * (jsonpath-plus, `wrap: false`), on the subset `parseFactPath` accepts:
 *
 * - the almanac applies a path only to a non-null object fact; any other fact value comes
 *   back as it is (P10: `$.length` on the string fact `"abc"` is `"abc"`);
 * - each step is a property key, whatever its spelling: `[1]` reads key `"1"` of an object,
 *   `.length` the length of an array or string, `[0]` the first character of a string;
 * - a step is followed only where the current value is truthy and has the key as an own
 *   property (jsonpath-plus's `val && Object.hasOwn(val, loc)`), so `""`, `0`, `false` and
 *   `null` end the walk with `undefined` (`$.s.length` on `{ s: "" }` is `undefined`).
 *
 * Inherited properties are never read: the schema refuses prototype names as steps, and
 * `Object.hasOwn` stops the rest.
 */
export function readFactPath(fact: unknown, steps: readonly PathStep[]): unknown {
  if (fact === null || typeof fact !== "object") return fact;
  let current: unknown = fact;
  for (const step of steps) {
    // A truthy primitive (a string) has its own indices and length, as jsonpath-plus sees it.
    if (!current || !Object.hasOwn(current as object, step)) return undefined;
    current = (current as Record<PathStep, unknown>)[step];
  }
  return current;
}
