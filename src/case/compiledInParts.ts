import { z } from "zod";

/** Where an array of the schema is: object keys from the root (an optional on the way is looked through). */
export type ArrayPath = readonly string[];

/** The checks an array may keep in the shell: of its length, which no element's validity changes. */
const LENGTH_CHECKS: ReadonlySet<string> = new Set(["min_length", "max_length", "length_equals"]);

/**
 * A validator for an object schema, compiled by zod in parts: the schema with the arrays at
 * `paths` holding unchecked elements (each array keeps its own length checks and presence),
 * and each of those arrays' element schema compiled on its own, run on every element.
 *
 * On plain data (the caller reads the input once into it first: plainData) it accepts exactly
 * what the whole schema's compiled validator accepts: zod checks an object's properties, and
 * an array's elements, each on its own, so a value is valid when its shell is and every
 * element is. That holds only where nothing looks at the elements together, so an array with
 * a refinement (anything but a length check) is refused, as is an object on the way with one.
 *
 * Why parts: asked only whether a case is valid, zod's generated validator still builds an
 * output object for every element of an array that has length checks (compile.js
 * `generateCheck`: checks need the array's value), and `order.items` has them. An element's
 * validator compiled on its own, asked the same, builds none. On the generated 10-line cases
 * `safeParseCase` takes ~7.7 µs instead of ~8.8 µs; on 1-line cases ~2.8 instead of ~2.7
 * (BENCHMARKS.md, 2026-11-29 third session).
 *
 * Throws (zod's ZodCompileUnsupportedError, or an Error) where the schema cannot be compiled
 * or a path does not lead to such an array; the caller then compiles the whole or stays on
 * the runtime parser.
 */
export function compiledInParts(schema: z.ZodObject, paths: readonly ArrayPath[]): (input: unknown) => boolean {
  let shell = schema;
  const elements: { readonly path: ArrayPath; readonly element: z.ZodType }[] = [];
  for (const path of paths) {
    const split = withUncheckedElements(shell, path);
    shell = split.shell;
    elements.push({ path, element: z.compile(split.element, { strict: true }) });
  }
  const compiledShell = z.compile(shell, { strict: true });
  return (input) => {
    if (!compiledShell.validate(input)) return false;
    for (const { path, element } of elements) {
      // The shell holds: every object on the path is one, and the array is one or absent.
      let at: unknown = input;
      for (let k = 0; k < path.length && at !== undefined; k++) at = (at as Record<string, unknown>)[path[k]!];
      if (at === undefined) continue;
      const list = at as readonly unknown[];
      for (let i = 0; i < list.length; i++) if (!element.validate(list[i])) return false;
    }
    return true;
  };
}

/** The schema with the array at `path` holding unknown elements, and that array's element schema. */
function withUncheckedElements(object: z.ZodObject, path: ArrayPath): { shell: z.ZodObject; element: z.ZodType } {
  const [key, ...rest] = path;
  if (key === undefined) throw new Error("an empty path");
  // A refinement on the object would see elements not yet checked (and `.extend` refuses to
  // replace a key of a refined object); `.extend` keeps the object's strictness.
  if ((object.def.checks ?? []).length > 0) throw new Error(`refinements on the object holding ${key}`);
  const prop = object.shape[key];
  const optional = prop instanceof z.ZodOptional;
  const inner: unknown = optional ? (prop as z.ZodOptional).unwrap() : prop;
  let replaced: z.ZodType;
  let element: z.ZodType;
  if (rest.length === 0) {
    if (!(inner instanceof z.ZodArray)) throw new Error(`${key} is not an array`);
    const checks = (inner.def.checks ?? []) as readonly z.core.$ZodCheck<never>[];
    if (!checks.every((c) => LENGTH_CHECKS.has(c._zod.def.check))) throw new Error(`${key} has checks other than its length`);
    element = inner.element as z.ZodType;
    replaced = inner.clone({ ...inner.def, element: z.unknown() });
  } else {
    if (!(inner instanceof z.ZodObject)) throw new Error(`${key} is not an object`);
    ({ shell: replaced, element } = withUncheckedElements(inner, rest));
  }
  return { shell: object.extend({ [key]: optional ? replaced.optional() : replaced }), element };
}
