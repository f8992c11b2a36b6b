import { issue, type IssueParams, type RawIssue } from "../_lib/issues.js";

type TooLarge = IssueParams["too_large"];

/** Deeper than any case (the contract nests five levels); beyond it the input is refused. */
const MAX_DEPTH = 64;
/** More values than any case holds (at most 200 items, 200 lines): a bound on the copy's work. */
const MAX_VALUES = 1_000_000;

/**
 * The input read exactly once into plain JSON-like data: objects with their own enumerable
 * string keys, arrays, and the primitive values found. A getter runs once and a Proxy's
 * traps once per key, so what is validated is what is decided: a getter that answered
 * differently on a second read once produced a compensation of −4,999,999,999,997,010 fen.
 * A getter or trap that throws becomes an issue at its path, never an exception. Iterative
 * and bounded, so no input exhausts the stack or the heap.
 *
 * @example
 * plainData({ get caseId() { return "c-1"; } }) //=> { success: true, data: { caseId: "c-1" } }
 */
export function plainData(input: unknown): { success: true; data: unknown } | { success: false; issue: RawIssue } {
  if (input === null || typeof input !== "object") return { success: true, data: input };
  // The usual case, fast: a recursive copy (its depth is bounded). Anything it refuses or
  // that throws is read again by the careful copy below, which names the path.
  const budget = { values: MAX_VALUES };
  try {
    const data = quickCopy(input, 0, budget);
    if (data !== REFUSED) return { success: true, data };
  } catch {
    // a throwing getter or trap: located below
  }
  return carefulCopy(input);
}

const REFUSED = Symbol("refused");

function quickCopy(value: object, depth: number, budget: { values: number }): unknown {
  if (depth > MAX_DEPTH) return REFUSED;
  if (Array.isArray(value)) {
    const length = value.length;
    if (!Number.isSafeInteger(length) || length > budget.values) return REFUSED;
    const out = new Array<unknown>(length);
    for (let i = 0; i < length; i++) {
      if (--budget.values < 0) return REFUSED;
      const v: unknown = value[i];
      if (v === null || typeof v !== "object") out[i] = v;
      else if ((out[i] = quickCopy(v, depth + 1, budget)) === REFUSED) return REFUSED;
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (--budget.values < 0) return REFUSED;
    let v: unknown = (value as Record<string, unknown>)[key];
    if (v !== null && typeof v === "object" && (v = quickCopy(v, depth + 1, budget)) === REFUSED) return REFUSED;
    if (key === "__proto__") Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
    else out[key] = v;
  }
  return out;
}

/** As quickCopy, iteratively and keeping the path, for an issue that says where. */
function carefulCopy(input: object): { success: true; data: unknown } | { success: false; issue: RawIssue } {
  const path: (string | number)[] = [];
  const fail = (problem: TooLarge | { readonly error: string }) =>
    ({ success: false as const, issue: "limit" in problem ? issue("too_large", [...path], problem) : issue("invalid_input", [...path], { rule: "unreadable", error: problem.error }) });
  interface Frame { source: object; target: Record<string, unknown> | unknown[]; keys: readonly (string | number)[]; next: number; depth: number }
  let values = 0;
  let root: unknown;
  const stack: Frame[] = [];
  const open = (source: object, depth: number): Frame | TooLarge => {
    if (depth > MAX_DEPTH) return { limit: "depth", max: MAX_DEPTH };
    if (Array.isArray(source)) {
      const length = source.length;
      if (!Number.isSafeInteger(length) || length > MAX_VALUES) return { limit: "array", max: MAX_VALUES, got: Number.isFinite(length) ? length : Number.MAX_SAFE_INTEGER };
      return { source, target: new Array<unknown>(length), keys: Array.from({ length }, (_, i) => i), next: 0, depth };
    }
    return { source, target: {}, keys: Object.keys(source), next: 0, depth };
  };
  try {
    const first = open(input, 0);
    if ("limit" in first) return fail(first);
    root = first.target;
    stack.push(first);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      if (frame.next >= frame.keys.length) {
        stack.pop();
        path.pop();
        continue;
      }
      const key = frame.keys[frame.next++]!;
      path[stack.length - 1] = key;
      path.length = stack.length;
      if (++values > MAX_VALUES) return fail({ limit: "values", max: MAX_VALUES });
      const value: unknown = (frame.source as Record<string | number, unknown>)[key];
      let copy: unknown = value;
      let child: Frame | undefined;
      if (value !== null && typeof value === "object") {
        const opened = open(value, frame.depth + 1);
        if ("limit" in opened) return fail(opened);
        child = opened;
        copy = opened.target;
      }
      if (Array.isArray(frame.target)) frame.target[key as number] = copy;
      // `__proto__` as an own key, as JSON.parse gives it, not as the prototype setter.
      else if (key === "__proto__") Object.defineProperty(frame.target, key, { value: copy, enumerable: true, writable: true, configurable: true });
      else frame.target[key as string] = copy;
      if (child) stack.push(child);
    }
  } catch (error) {
    return fail({ error: error instanceof Error ? error.message : String(error) });
  }
  return { success: true, data: root };
}
