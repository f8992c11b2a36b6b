/**
 * `list` with `value` appended, or a new list of that one value. For lists built per line
 * and remedy that mostly hold one or two values: V8 gives `[]` a 17-slot backing store on
 * its first `push` (~200 bytes), where `[value]` takes one slot (~70 bytes).
 *
 * @example
 * append(undefined, 1) //=> [1]
 * append([1], 2) //=> [1, 2] (the same array)
 */
export function append<T>(list: T[] | undefined, value: T): T[] {
  if (list === undefined) return [value];
  list.push(value);
  return list;
}
