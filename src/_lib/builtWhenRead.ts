/**
 * An own, enumerable property whose value is built from `state` the first time it is read,
 * then kept: `JSON.stringify`, a spread and `Object.keys` see it as any data property.
 *
 * Why not `{ ..., get trace() { ... } }`: a getter written in an object literal is a new
 * closure per object, and V8 gives each such object its own hidden class (a map, allocated
 * in the old generation) that points at the young closure. Every scavenge then keeps the
 * closure, and all it reaches, alive: a traced decision made in a loop was promoted whole
 * and collected only by full GCs, ~2.3× the cost of the untraced one (42 against 18 µs,
 * measured on the built package). Here the getter is one function shared by every object,
 * so the objects share their hidden class, and the state rides in a non-enumerable
 * symbol-keyed slot that JSON, spreads and `Object.keys` skip.
 *
 * @example
 * const withTrace = builtWhenRead("trace", (runs: number[]) => runs.map(String));
 * JSON.stringify(withTrace({ a: 1 }, [2])) //=> '{"a":1,"trace":["2"]}'
 */
export function builtWhenRead<K extends string, S, V>(key: K, build: (state: S) => V): <T extends object>(target: T, state: S) => T & { readonly [P in K]: V } {
  const slot = Symbol(key);
  interface Held {
    state: S | undefined;
    value: V | undefined;
    built: boolean;
  }
  const descriptor: PropertyDescriptor = {
    get(this: { [slot]: Held }) {
      const held = this[slot];
      if (!held.built) {
        held.value = build(held.state as S);
        held.built = true;
        held.state = undefined; // built: what it was built from is not kept alive by the object
      }
      return held.value;
    },
    enumerable: true,
    configurable: true,
  };
  return (target, state) => {
    const held: Held = { state, value: undefined, built: false };
    Object.defineProperty(target, slot, { value: held });
    Object.defineProperty(target, key, descriptor);
    return target as typeof target & { readonly [P in K]: V };
  };
}
