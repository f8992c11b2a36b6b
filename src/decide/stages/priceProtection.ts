import type { RequestedLine } from "../requestedLines.js";
import { fen, lesser, times, toFen } from "../../money.js";

/**
 * 价保: what each requested line is owed when its price fell — (unitPrice − priceNow) × the
 * requested units, never more than what was paid for those units (the line's refund, after
 * discounts). A line without `priceNow` is owed nothing. Fen per line, in request order.
 *
 * @example
 * // 2 of 3 units at 10000 fen, now 8500 fen, 20000 fen paid for the two
 * priceDifferences([{ units: 2, refund: 20000, item: { unitPrice: 10000, priceNow: 8500, … } }])
 * //=> [3000]
 */
export function priceDifferences(lines: readonly RequestedLine[]): number[] {
  return lines.map((l) => {
    const now = l.item.priceNow;
    if (now === undefined || now >= l.item.unitPrice) return 0;
    return toFen(lesser(times(fen(l.item.unitPrice - now), l.units), fen(l.refund)));
  });
}
