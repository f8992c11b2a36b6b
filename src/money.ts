import {
  add,
  allocate,
  dinero,
  down,
  halfEven,
  halfUp,
  minimum,
  multiply,
  subtract,
  toSnapshot,
  transformScale,
  up,
  CNY,
  type Dinero,
} from "dinero.js";

/**
 * Money as dinero.js objects inside, integer fen outside. Rounding is always named: the
 * rule file says which, half-up to the fen by default.
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

export const ZERO = /* @__PURE__ */ fen(0);

/** `percent`% of `base`, rounded to the fen with `mode`. `percent` may have two decimals (e.g. 12.5 → 1250/10000). */
export function percentOf(base: Money, percent: number, mode: RoundingMode): Money {
  const basisPoints = Math.round(percent * 100);
  if (basisPoints === 10_000) return base; // 100 % of an amount is the amount, whatever the rounding
  return transformScale(multiply(base, { amount: basisPoints, scale: 4 }), 2, ROUNDING[mode]);
}

export function sum(amounts: readonly Money[]): Money {
  if (amounts.length === 0) return ZERO;
  let total = amounts[0]!;
  for (let i = 1; i < amounts.length; i++) total = add(total, amounts[i]!);
  return total;
}

export function minus(a: Money, b: Money): Money {
  return subtract(a, b);
}

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

export function toAmount(m: Money): Amount {
  return amountOf(toFen(m));
}

/** An integer fen count (already read from a dinero object) as it leaves the library. */
export function amountOf(fenCount: number): Amount {
  return { amount: fenCount, currency: "CNY" };
}

/**
 * Splits `total` over parts in proportion to integer `weights` (dinero's `allocate`: the
 * shares sum exactly to the total). All-zero weights split evenly.
 */
export function allocateByWeights(total: Money, weights: readonly number[]): Money[] {
  if (weights.length === 0) return [];
  if (weights.length === 1) return [total]; // one part takes the whole, as allocate would give
  const ratios = weights.some((w) => w > 0) ? [...weights] : weights.map(() => 1);
  return allocate(total, ratios);
}

/**
 * As `allocateByWeights`, with ties broken by `keys` instead of position: dinero gives a
 * remainder fen to the largest weights first, and among equal weights to whichever comes
 * first, so the parts are put in key order before allocating. The shares then depend on
 * the (key, weight) pairs alone, never on the order the caller lists them in.
 */
export function allocateByWeightsInKeyOrder(total: Money, weights: readonly number[], keys: readonly string[]): Money[] {
  if (weights.length <= 1) return allocateByWeights(total, weights);
  const order = weights.map((_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0));
  const shares = allocateByWeights(total, order.map((i) => weights[i]!));
  const out = new Array<Money>(weights.length);
  order.forEach((i, n) => (out[i] = shares[n]!));
  return out;
}
