/**
 * The JSONPath subset policy authors use in a condition's `path`: `$.a.b`, `$.items[0].x`.
 *
 * json-rules-engine hands `path` to jsonpath-plus, which also runs filter scripts (a long
 * line of RCE fixes) and wraps single filter matches in arrays. We accept only member and
 * index steps, parse them once at load time, and read own properties only.
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
 * Parses `$.a.b[0]` into `["a", "b", 0]`, or returns an error message saying why the path
 * is outside the supported subset.
 */
export function parseFactPath(path: string): { steps: PathStep[] } | { error: string } {
  if (!path.startsWith("$")) return { error: `path must start with "$" (got ${JSON.stringify(path)})` };
  const steps: PathStep[] = [];
  let at = 1;
  while (at < path.length) {
    STEP.lastIndex = at;
    const m = STEP.exec(path);
    if (!m) {
      return {
        error: `unsupported JSONPath at character ${at + 1} of ${JSON.stringify(path)}: only ".name" and "[index]" steps are allowed (no filters, wildcards, recursion or quoted keys)`,
      };
    }
    if (m[1] !== undefined) {
      if (isReservedKey(m[1])) return { error: `path step "${m[1]}" is reserved` };
      steps.push(m[1]);
    } else {
      steps.push(Number(m[2]));
    }
    at = STEP.lastIndex;
  }
  if (steps.length === 0) return { error: `path "$" selects the whole fact; omit "path" instead` };
  return { steps };
}

/**
 * Reads `steps` from `value` through own properties only; `undefined` where a step is
 * missing. The caller decides what a non-object fact means (json-rules-engine returns
 * the fact itself), so `value` here is always a non-null object.
 */
export function resolveSteps(value: object, steps: readonly PathStep[]): unknown {
  let current: unknown = value;
  for (const step of steps) {
    if (current === null || typeof current !== "object") return undefined;
    if (typeof step === "number") {
      if (!Array.isArray(current) || step >= current.length) return undefined;
      current = current[step];
    } else {
      if (Array.isArray(current) || !Object.hasOwn(current, step)) return undefined;
      current = (current as Record<string, unknown>)[step];
    }
  }
  return current;
}

/**
 * A path resolver with json-rules-engine's `pathResolver(value, path)` signature, so the
 * reference engine reads paths exactly as the compiled evaluator does.
 */
export function simplePathResolver(value: object, path: string): unknown {
  const parsed = parseFactPath(path);
  if ("error" in parsed) throw new Error(parsed.error);
  return resolveSteps(value, parsed.steps);
}
