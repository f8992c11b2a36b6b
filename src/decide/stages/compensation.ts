import type { RequestedLine } from "../requestedLines.js";
import { allocateFenInKeyOrder, amountOf, percentOfFen, type Amount } from "../../money.js";
import { CAPPABLE_KINDS, CASH_KINDS, type EventParams } from "../../policy/format/eventSchemas.js";
import { eventsOfType, sourceOf, type StageEvent } from "../stageEvents.js";
import { priceDifferences } from "./priceProtection.js";
import type { CapApplied, CompensationDecision, CompensationItem, CompensationOption, ReviewReason } from "../types.js";

export type AmountBasis = NonNullable<EventParams<"compensation.item">["of"]>;

/**
 * The amounts a percentage is taken of, in fen, and for each the part every requested line
 * carries (what a cash item is allocated over). `returnAmount` is what the lines whose
 * return is allowed cost, and so on: a refund covers exactly the lines it is open for.
 */
export interface CompensationBases {
  /** The fen of a basis. */
  amount(basis: AmountBasis): number;
  /** Per requested line (request order): the fen of the basis the line carries. */
  perLine(basis: AmountBasis): readonly number[];
  /** Civil days in the policy's zone from the order's day (placedAt) to the request's (price protection's window); computed when asked. */
  daysSinceOrder(): number;
}

type ItemParams = EventParams<"compensation.item"> | PriceDifferenceParams;
type ItemEvent = StageEvent & { params: ItemParams };
/** A price-protection promise priced: a fixed item of its own kind, with the part each line is owed. */
type PriceDifferenceParams = Omit<EventParams<"compensation.item">, "kind" | "fixed"> & { kind: "price_difference"; fixed: number; perLine: readonly number[] };
type CapEvent = StageEvent & { params: EventParams<"compensation.cap"> };

/**
 * Options are alternatives the customer chooses among. A rule's item is part of its
 * option, or added to every option (or to named ones) when it says `addTo`; a
 * `compensation.cap` limits the goodwill kinds an option may hold. Amounts are
 * integer fen, rounded as the rule says (half-up by default), capped by the rule's cap, then
 * by the option's caps, and the cash in one option never exceeds what the customer paid.
 */
export function interpretCompensation(
  events: readonly StageEvent[],
  bases: CompensationBases,
  lines: readonly RequestedLine[],
): { compensation: CompensationDecision; reviewReasons: readonly ReviewReason[] } {
  if (events.length === 0) return NO_COMPENSATION;
  const capsApplied: CapApplied[] = [];
  const byOption = planOptions(itemsOf(events, bases, lines));
  const caps = eventsOfType<EventParams<"compensation.cap">>(events, "compensation.cap");

  const options: CompensationOption[] = [];
  for (const [id, items] of byOption) {
    let cashLeft: number | undefined; // fen of the paid amount, once a cash item needs it
    let cashItemsAhead = 0;
    for (const e of items) if (CASH_KINDS.has(e.params.kind)) cashItemsAhead++;
    const capLeft = caps.length === 0 ? undefined : optionCaps(caps, id);
    const out: CompensationItem[] = [];
    let total = 0;
    let cash = 0;
    for (const e of items) {
      const p = e.params;
      // Integer fen throughout: sums and caps of integers are exact; a percentage is rounded as the rule says.
      let amountFen = p.fixed !== undefined ? p.fixed : percentOfFen(bases.amount(p.of!), p.percent!, p.rounding ?? "halfUp");
      if (p.cap !== undefined && amountFen > p.cap) {
        capsApplied.push({ option: id, kind: p.kind, cap: "rule_cap", before: amountOf(amountFen), after: amountOf(p.cap) });
        amountFen = p.cap;
      }
      // The option's caps: each limits the kinds it names, items counted in plan order.
      if (capLeft !== undefined) {
        for (const cap of capLeft) {
          if (!cap.kinds.has(p.kind)) continue;
          if (amountFen > cap.left) {
            capsApplied.push({ option: id, kind: p.kind, cap: "option_cap", before: amountOf(amountFen), after: amountOf(cap.left) });
            amountFen = cap.left;
          }
          cap.left -= amountFen;
        }
      }
      const isCash = CASH_KINDS.has(p.kind);
      if (isCash) {
        // Cash never exceeds what is left of the paid amount (the smaller of the two).
        cashLeft ??= bases.amount("paidAmount");
        if (cashLeft < amountFen) {
          capsApplied.push({ option: id, kind: p.kind, cap: "cash_not_above_paid_amount", before: amountOf(amountFen), after: amountOf(cashLeft) });
          amountFen = cashLeft;
        }
        if (--cashItemsAhead > 0) cashLeft -= amountFen; // only a later cash item reads it
        cash += amountFen;
      }
      total += amountFen;
      const amount = amountOf(amountFen);
      // Literals with keys in one order (no spread): this runs for every item.
      out.push(
        isCash && p.kind !== "shipping"
          ? { kind: p.kind, amount, label: p.label, layer: e.layer, ruleSet: e.ruleSet, rule: e.rule, allocation: allocateToLines(amountFen, lines, p.kind === "price_difference" ? p.perLine : bases.perLine(p.of ?? "requestedAmount")) }
          : { kind: p.kind, amount, label: p.label, layer: e.layer, ruleSet: e.ruleSet, rule: e.rule },
      );
    }
    options.push({ id, label: items[0]!.params.optionLabel, items: out, total: amountOf(total), cash: amountOf(cash) });
  }

  const reviewReasons = eventsOfType<EventParams<"review.required">>(events, "review.required").map((e) => ({
    stage: "compensation",
    code: e.params.code,
    message: e.params.message,
    ...(e.params.missing ? { missing: e.params.missing } : {}),
    ...sourceOf(e),
  }));
  return { compensation: { options, capsApplied }, reviewReasons };
}

/**
 * The items rules give, in firing order: `compensation.item` as written, and each
 * price-protection promise priced — within its days of the order, the requested lines' price
 * differences as one `price_difference` item; outside them, or with no difference, none.
 */
function itemsOf(events: readonly StageEvent[], bases: CompensationBases, lines: readonly RequestedLine[]): ItemEvent[] {
  const items: ItemEvent[] = [];
  let differences: number[] | undefined;
  for (const e of events) {
    if (e.type === "compensation.item") items.push(e as ItemEvent);
    else if (e.type === "compensation.priceProtection") {
      const p = e.params as EventParams<"compensation.priceProtection">;
      if (bases.daysSinceOrder() > p.withinDays) continue;
      differences ??= priceDifferences(lines);
      let total = 0;
      for (const d of differences) total += d;
      if (total === 0) continue;
      const priced: PriceDifferenceParams = {
        option: p.option,
        optionLabel: p.optionLabel,
        kind: "price_difference",
        fixed: total,
        perLine: differences,
        label: p.label,
        citation: p.citation,
        ...(p.addTo !== undefined ? { addTo: p.addTo } : {}),
      };
      items.push({ ...sourceOf(e), type: e.type, params: priced });
    }
  }
  return items;
}

/**
 * The options and their items, in the order their first item fired: alternatives first
 * (each rule's own option), then items added to every option or to named ones, each in
 * firing order. An item added to "every" option stands as its own option when no other
 * rule made one; one added to named options that are not offered is not offered.
 */
function planOptions(items: readonly ItemEvent[]): Map<string, ItemEvent[]> {
  const byOption = new Map<string, ItemEvent[]>();
  let added: ItemEvent[] | undefined;
  for (const e of items) {
    if (e.params.addTo !== undefined) {
      (added ??= []).push(e);
      continue;
    }
    const list = byOption.get(e.params.option);
    if (list) list.push(e);
    else byOption.set(e.params.option, [e]);
  }
  if (added === undefined) return byOption;
  const alternatives = [...byOption.keys()];
  for (const e of added) {
    const to = e.params.addTo!;
    if (to === "every" && alternatives.length === 0) {
      const own = byOption.get(e.params.option);
      if (own) own.push(e);
      else byOption.set(e.params.option, [e]);
      continue;
    }
    for (const id of to === "every" ? alternatives : to.filter((t) => byOption.has(t))) byOption.get(id)!.push(e);
  }
  return byOption;
}

/** The caps that apply to one option, each with the fen it still allows. */
function optionCaps(caps: readonly CapEvent[], option: string): { kinds: ReadonlySet<string>; left: number }[] | undefined {
  let out: { kinds: ReadonlySet<string>; left: number }[] | undefined;
  for (const c of caps) {
    const p = c.params;
    if (p.options !== "every" && !p.options.includes(option)) continue;
    (out ??= []).push({ kinds: new Set(p.kinds ?? CAPPABLE_KINDS), left: p.max });
  }
  return out;
}

// Most cases fire no compensation rule: one frozen answer for all of them.
const NO_COMPENSATION = Object.freeze({
  compensation: Object.freeze({ options: Object.freeze([]), capsApplied: Object.freeze([]) }),
  reviewReasons: Object.freeze([]),
});

// Cash is split over the requested lines in proportion to the part of its basis each line
// carries (a full refund of the returnable lines gives each exactly its refund); lines that
// carry none of it are left out.
function allocateToLines(amountFen: number, lines: readonly RequestedLine[], weights: readonly number[]): { line: string; amount: Amount }[] {
  if (lines.length === 1) return [{ line: lines[0]!.id, amount: amountOf(amountFen) }]; // one line takes it all
  const carrying: number[] = [];
  for (let k = 0; k < lines.length; k++) if (weights[k]! > 0) carrying.push(k);
  const parts = carrying.length > 0 ? carrying : lines.map((_, k) => k);
  const shares = allocateFenInKeyOrder(amountFen, parts.map((k) => weights[k]!), parts.map((k) => lines[k]!.id));
  return parts.map((k, n) => ({ line: lines[k]!.id, amount: amountOf(shares[n]!) }));
}
