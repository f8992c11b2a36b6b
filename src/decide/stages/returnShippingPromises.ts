import { append } from "../../_lib/append.js";
import { amountOf } from "../../money.js";
import type { EventParams } from "../../policy/format/eventSchemas.js";
import { perEvent, sourceOf, type StageEvent } from "../stageEvents.js";
import type { Basis, Verdict } from "../types.js";

type FreeShipping = EventParams<"promise.freeReturnShipping">;
type Insurance = EventParams<"promise.returnShippingInsurance">;

/** The event types of the promises about who pays return shipping. */
export const RETURN_SHIPPING_PROMISES: ReadonlySet<string> = new Set(["promise.freeReturnShipping", "promise.returnShippingInsurance"]);

const promiseBasisOf = perEvent(
  (e): Basis => ({
    ...sourceOf(e),
    citation: (e.params as FreeShipping).citation,
    promise: e.type === "promise.freeReturnShipping" ? "free_return_shipping" : "return_shipping_insurance",
  }),
);

/**
 * A verdict with the line's return-shipping promises applied. A promise opens nothing: a
 * verdict that is not allowed comes back as it is. On an allowed one the merchant pays when
 * a basis or a free-return-shipping promise says so; else the insurance (运费险) pays, up to
 * the largest cap among its promises; else whatever the bases said. The promises that decided
 * are added to the basis, marked as promises.
 *
 * @example
 * withReturnShippingPromises(allowedReturn, "return", [freeShippingEvent]).returnShippingPaidBy
 * //=> "merchant"
 */
export function withReturnShippingPromises(verdict: Verdict, remedy: "return" | "exchange", promises: readonly StageEvent[]): Verdict {
  if (verdict.status !== "allowed") return verdict;
  let free: Basis[] | undefined;
  let insured: Basis[] | undefined;
  let upTo = 0;
  for (const e of promises) {
    const p = e.params as FreeShipping | Insurance;
    if (p.remedies !== undefined && !p.remedies.includes(remedy)) continue;
    if (e.type === "promise.freeReturnShipping") free = append(free, promiseBasisOf(e));
    else {
      insured = append(insured, promiseBasisOf(e));
      upTo = Math.max(upTo, (p as Insurance).upTo);
    }
  }
  if (free === undefined && insured === undefined) return verdict;
  const { status, deadline, basis, reasons } = verdict;
  // The merchant paying in full is the most the customer can get: a basis that says so stands.
  if (verdict.returnShippingPaidBy === "merchant" && free === undefined) return verdict;
  if (free !== undefined) {
    const withPromises = [...basis, ...free];
    return deadline === undefined
      ? { status, basis: withPromises, returnShippingPaidBy: "merchant", reasons }
      : { status, deadline, basis: withPromises, returnShippingPaidBy: "merchant", reasons };
  }
  const withPromises = [...basis, ...insured!];
  const returnShippingUpTo = amountOf(upTo);
  return deadline === undefined
    ? { status, basis: withPromises, returnShippingPaidBy: "insurance", returnShippingUpTo, reasons }
    : { status, deadline, basis: withPromises, returnShippingPaidBy: "insurance", returnShippingUpTo, reasons };
}
