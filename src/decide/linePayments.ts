import { lineIdOf, type Case } from "../case/caseSchema.js";
import { allocateFen, allocateFenInKeyOrder } from "../money.js";

/** What each order line cost the customer, in fen, and whether the library allocated it. */
export interface LinePayments {
  /** Per order line (in order): fen actually paid for the whole line after every discount. */
  readonly paid: readonly number[];
  /** Per order line: true where the amount was allocated from the order's paid amount. */
  readonly allocated: readonly boolean[];
}

/**
 * Fen paid per order line (优惠分摊). A line that gives `paidAmount` keeps it. What the order
 * paid beyond the given lines and shipping is allocated over the other lines in proportion
 * to their list price (unitPrice × quantity) with dinero.js `allocate`: the shares sum to
 * the fen, and a remainder fen goes to the largest weights first (dinero's rule), among
 * equal weights to the smaller line id. All-zero weights split evenly.
 *
 * @example
 * // ¥100 paid for lines listed at ¥60 and ¥60 (an order-level coupon of ¥20):
 * linePayments(order).paid //=> [5000, 5000]
 */
export function linePayments(order: Case["order"]): LinePayments {
  const items = order.items;
  if (items.length === 1) {
    // One line: it gives its amount, or it is everything the order paid but shipping.
    const only = items[0]!.paidAmount;
    return only === undefined ? { paid: [order.paidAmount - (order.shippingFee ?? 0)], allocated: [true] } : { paid: [only], allocated: [false] };
  }
  let given = 0;
  let open = 0;
  for (const item of items) {
    if (item.paidAmount === undefined) open++;
    else given += item.paidAmount;
  }
  if (open === 0) return { paid: items.map((i) => i.paidAmount!), allocated: items.map(() => false) };
  // One line without its own amount takes the rest whole (what allocate would give).
  const rest = order.paidAmount - (order.shippingFee ?? 0) - given; // ≥ 0: the case schema refuses more
  const weights: number[] = [];
  const keys: string[] = [];
  for (const item of items) {
    if (item.paidAmount !== undefined) continue;
    weights.push(item.unitPrice * item.quantity);
    keys.push(lineIdOf(item));
  }
  // Ties go by line id, so listing the lines in another order never moves a fen.
  const shares = open === 1 ? [rest] : allocateFenInKeyOrder(rest, weights, keys);
  let k = 0;
  return {
    paid: items.map((i) => i.paidAmount ?? shares[k++]!),
    allocated: items.map((i) => i.paidAmount === undefined),
  };
}

/**
 * The share of a line's paid amount that `units` of its `quantity` units carry: dinero.js
 * `allocate` over [units, quantity − units], so the requested units and the rest always
 * sum to the line exactly (a remainder fen goes to the larger part first).
 *
 * @example
 * unitsShare(27588, 3, 1) //=> 9196
 */
export function unitsShare(linePaid: number, quantity: number, units: number): number {
  if (units >= quantity) return linePaid;
  return allocateFen(linePaid, [units, quantity - units])[0]!;
}
