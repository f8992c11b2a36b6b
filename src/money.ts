import {
  allocate,
  dinero,
  down,
  halfEven,
  halfUp,
  minimum,
  multiply,
  toSnapshot,
  transformScale,
  up,
  CNY,
  type Dinero,
} from "dinero.js";

/**
 * Money is integer fen, never a float. Its arithmetic with rounding or allocation follows
 * dinero.js exactly: the percentage and allocation below compute dinero's results in
 * integers where that is exact (proved equal to dinero by property tests) and call
 * dinero.js beyond. Rounding is always named: the rule file says which, half-up to the
 * fen by default.
 */
export type Money = Dinero<number>;

/** An amount as it leaves the library: integer fen. */
export interface Amount {
  readonly amount: number;
  readonly currency: "CNY";
}

export type RoundingMode = "halfUp" | "halfEven" | "up" | "down";

const ROUNDING = { halfUp, halfEven, up, down } as const;

export function fen(amount: number): Money {
  return dinero({ amount, currency: CNY });
}

/**
 * `percent`% of `baseFen`, rounded to the fen with `mode`. `percent` may have two decimals
 * (12.5 → 1250 basis points of 10,000): dinero.js multiply by {1250, scale 4} and
 * transformScale to 2 with the rounding named. Computed in integers (quotient and
 * remainder of base × basis points ÷ 10,000, both exact) where the product stays within
 * 2⁵³, by dinero.js beyond; test/money.property.test.ts proves the two equal per mode.
 *
 * @example
 * percentOfFen(12_345, 10, "halfUp") //=> 1235
 */
export function percentOfFen(baseFen: number, percent: number, mode: RoundingMode): number {
  const basisPoints = Math.round(percent * 100);
  if (basisPoints === 10_000) return baseFen; // 100 % of an amount is the amount, whatever the rounding
  const product = baseFen * basisPoints;
  if (!(Number.isSafeInteger(baseFen) && baseFen >= 0 && basisPoints >= 0 && product <= Number.MAX_SAFE_INTEGER)) {
    return toFen(transformScale(multiply(fen(baseFen), { amount: basisPoints, scale: 4 }), 2, ROUNDING[mode]));
  }
  const rest = product % BASIS;
  const whole = (product - rest) / BASIS;
  return rest === 0 ? whole : whole + (ROUNDS_UP[mode](rest, whole) ? 1 : 0);
}

const BASIS = 10_000;
/** Whether a non-negative quotient `whole` with remainder `rest` (of 10,000) rounds up to the next fen. */
const ROUNDS_UP: Record<RoundingMode, (rest: number, whole: number) => boolean> = {
  halfUp: (rest) => rest * 2 >= BASIS,
  halfEven: (rest, whole) => rest * 2 > BASIS || (rest * 2 === BASIS && whole % 2 === 1),
  up: () => true,
  down: () => false,
};

/** An amount per unit times a whole number of units. */
export function times(perUnit: Money, units: number): Money {
  return multiply(perUnit, units);
}

/** The smaller of two amounts. */
export function lesser(a: Money, b: Money): Money {
  return minimum([a, b]);
}

export function toFen(m: Money): number {
  const s = toSnapshot(m);
  if (s.scale !== 2) return toSnapshot(transformScale(m, 2, halfUp)).amount;
  return s.amount;
}

/** An integer fen count (already read from a dinero object) as it leaves the library. */
export function amountOf(fenCount: number): Amount {
  return { amount: fenCount, currency: "CNY" };
}

/**
 * Splits `totalFen` over parts in proportion to integer `weights`, by dinero.js `allocate`'s
 * rule: each part gets ⌊total × weight ÷ Σweights⌋, and the fen left over go one at a time
 * to the non-zero weights, largest first (ties as dinero's own sort leaves them), so the
 * shares always sum exactly to the total. All-zero weights split evenly.
 *
 * Computed here where total × weight + Σweights stays within 2⁵³ (any order up to about
 * ¥900,000, and larger totals over smaller weights): there the double quotient that
 * dinero's number calculator truncates is the exact floor. Beyond that, by dinero.js
 * itself, as before. dinero builds its calculator's closures on every call, which made
 * allocation a tenth of a 10-line decision; test/money.allocation.property.test.ts proves
 * the two equal and shows which ran.
 *
 * @example
 * allocateFen(100, [1, 1, 1]) //=> [34, 33, 33]
 */
export function allocateFen(totalFen: number, weights: readonly number[]): number[] {
  if (weights.length === 0) return [];
  if (weights.length === 1) return [totalFen]; // one part takes the whole, as allocate would give
  const ratios = weights.some((w) => w > 0) ? weights : weights.map(() => 1);
  let sumOfRatios = 0;
  let largest = 0;
  let integral = true;
  for (const w of ratios) {
    if (!Number.isSafeInteger(w) || w < 0) integral = false;
    sumOfRatios += w;
    if (w > largest) largest = w;
  }
  if (!(integral && totalFen >= 0 && Number.isSafeInteger(totalFen) && totalFen * largest + sumOfRatios <= Number.MAX_SAFE_INTEGER)) {
    return allocate(fen(totalFen), [...ratios]).map(toFen);
  }
  const shares = new Array<number>(ratios.length);
  let remainder = totalFen;
  for (let i = 0; i < ratios.length; i++) {
    const share = Math.trunc((totalFen * ratios[i]!) / sumOfRatios);
    shares[i] = share;
    remainder -= share;
  }
  if (remainder > 0) {
    // dinero's order for the fen left over: its comparator on its array, so ties fall alike.
    const order: number[] = [];
    for (let i = 0; i < ratios.length; i++) if (ratios[i] !== 0) order.push(i);
    // V8 sorts fewer than 64 elements as one run, stably (a tie answers 1: "after"); below
    // that a stable insertion sort gives the same order without sort's work arrays.
    if (order.length < 64) insertionSort(order, (a, b) => ratios[b]! - ratios[a]!);
    else order.sort((a, b) => (ratios[a]! > ratios[b]! ? -1 : 1));
    for (let i = 0; remainder > 0; i++, remainder--) shares[order[i % order.length]!]!++;
  }
  return shares;
}

/**
 * As `allocateFen`, with ties broken by `keys` instead of position: a remainder fen goes
 * to the largest weights first, and among equal weights to whichever comes first, so the
 * parts are put in key order before allocating. The shares then depend on the (key,
 * weight) pairs alone, never on the order the caller lists them in.
 */
export function allocateFenInKeyOrder(totalFen: number, weights: readonly number[], keys: readonly string[]): number[] {
  if (weights.length <= 1) return allocateFen(totalFen, weights);
  const order: number[] = [];
  for (let i = 0; i < weights.length; i++) order.push(i);
  // A consistent comparator: any stable sort gives Array.prototype.sort's order.
  const byKey = (a: number, b: number) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0);
  if (order.length < 64) insertionSort(order, byKey);
  else order.sort(byKey);
  const shares = allocateFen(totalFen, order.map((i) => weights[i]!));
  const out = new Array<number>(weights.length);
  for (let n = 0; n < order.length; n++) out[order[n]!] = shares[n]!;
  return out;
}

/** Sorts `xs` in place, stably: a few parts, sorted without Array.prototype.sort's allocations. */
function insertionSort(xs: number[], compare: (a: number, b: number) => number): void {
  for (let i = 1; i < xs.length; i++) {
    const x = xs[i]!;
    let j = i - 1;
    for (; j >= 0 && compare(xs[j]!, x) > 0; j--) xs[j + 1] = xs[j]!;
    xs[j + 1] = x;
  }
}
