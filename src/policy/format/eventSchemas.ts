import { z } from "zod";

/**
 * What each event type's params mean. Interpreting fired events into the typed decision
 * is the only code that knows event types; a rule file using an unknown type, or params
 * of the wrong shape, is rejected when the policy loads.
 */

/** Text shown to people, in both languages the library speaks. */
export const Message = z.strictObject({ "zh-CN": z.string().min(1), en: z.string().min(1) }).meta({ id: "Message" });
export type MessageT = z.infer<typeof Message>;

export const REMEDIES = ["return", "exchange", "repair", "refundOnly", "reship"] as const;
export const Remedy = z.enum(REMEDIES);
export type RemedyT = z.infer<typeof Remedy>;

/** How long a remedy stays open after delivery; `warranty` is the item's 三包 period. */
export const RemedyWindow = z.union([
  z.strictObject({
    days: z.number().int().min(0).max(3650),
    /** Kept for rule files that say it: with the policy's `extendPeriodsOverRestDays` on, every window runs on over rest days (民法典 art. 203 ¶1). */
    extendOverRestDays: z.boolean().optional(),
    /**
     * What day 0 is: the signing (default), or for goods the merchant installs the completed
     * installation (实施条例 art. 18 ¶1; the 三包 windows), the signing when there is none.
     */
    from: z.enum(["delivery", "installation"]).optional(),
  }),
  z.strictObject({ months: z.number().int().min(0).max(1200) }),
  z.strictObject({ warranty: z.literal(true) }),
]);
export type RemedyWindowT = z.infer<typeof RemedyWindow>;

const percent = z
  .number()
  .min(0)
  .max(100)
  .refine((p) => Number.isInteger(Math.round(p * 100)) && Math.abs(p * 100 - Math.round(p * 100)) < 1e-9, { params: { code: "invalid_input", rule: "at_most_two_decimals" } });
const fen = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/** Kinds a `compensation.item` may give. */
export const ITEM_KINDS = ["coupon", "partial_refund", "refund", "voucher", "shipping", "points", "gift"] as const;
/** Every kind a plan may hold: the items' kinds, and the price difference a price-protection promise refunds. */
export const COMPENSATION_KINDS = [...ITEM_KINDS, "price_difference"] as const;
/** Kinds a merchant's cap may limit: everything but the refund the law owes. */
export const CAPPABLE_KINDS = ["coupon", "partial_refund", "voucher", "shipping", "points", "gift"] as const;
/** Kinds paid out in cash; together they never exceed what the customer paid. */
export const CASH_KINDS: ReadonlySet<string> = new Set(["refund", "partial_refund", "shipping", "price_difference"]);

/** The remedies whose goods travel back to the merchant: what a return-shipping promise is about. */
export const SHIPPED_BACK_REMEDIES = ["return", "exchange"] as const;
const shippedBack = z.array(z.enum(SHIPPED_BACK_REMEDIES)).min(1);

/**
 * How an SLA target counts: `calendar` every minute (the default), `business` only the
 * working hours of the policy's calendar (nights, weekends, holidays off; 调休 days on).
 */
export const SlaClock = z.enum(["business", "calendar"]);
export type SlaClockT = z.infer<typeof SlaClock>;

/** What every SLA target may say besides its length: its clock, pauses, and when it is at risk. */
const slaTargetOptions = {
  /** Whether the case's pauses (waiting for the customer) stop this clock; default true. */
  pausable: z.boolean().optional(),
  /** At risk when this many minutes (on its clock) or fewer are left; without it a target is never "at_risk". */
  atRiskMinutesLeft: z.number().int().min(0).max(525_600).optional(),
};

export const EVENT_PARAMS = {
  "sla.tier": z.strictObject({
    tier: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    solutionWithinHours: z.number().int().min(1).max(720),
    firstResponseWithinHours: z.number().int().min(1).max(720),
    /** The first response's clock (default calendar). */
    firstResponseClock: SlaClock.optional(),
    /** The solution's clock (default calendar). */
    solutionClock: SlaClock.optional(),
    ...slaTargetOptions,
    because: Message,
    citation: Message.optional(),
  }),
  "sla.followUp": z.strictObject({
    kind: z.string().min(1),
    afterMinutes: z.number().int().min(1).max(525_600),
    /** The follow-up's clock (default calendar). */
    clock: SlaClock.optional(),
    ...slaTargetOptions,
    message: Message,
    citation: Message.optional(),
  }),
  "remedy.allowed": z.strictObject({
    remedy: Remedy,
    window: RemedyWindow.optional(),
    returnShippingPaidBy: z.enum(["customer", "merchant"]).optional(),
    /**
     * For a return: the refund is due within this many days of the merchant receiving the
     * returned goods (counted like a window, from the next day; 消保法 art. 25 ¶3: 7).
     */
    refundWithinDays: z.number().int().min(0).max(365).optional(),
    citation: Message,
  }),
  "remedy.denied": z.strictObject({
    remedy: Remedy,
    code: z.string().min(1),
    message: Message,
    citation: Message.optional(),
    /** An input path whose absence is why; unlike `remedy.undetermined`, no review follows. */
    missing: z.string().min(1).optional(),
  }),
  "remedy.undetermined": z.strictObject({
    remedy: Remedy,
    code: z.string().min(1),
    missing: z.string().min(1),
    message: Message,
    citation: Message.optional(),
  }),
  "review.required": z.strictObject({ code: z.string().min(1), message: Message, missing: z.string().optional() }),
  "compensation.item": z
    .strictObject({
      option: z.string().min(1),
      optionLabel: Message,
      kind: z.enum(ITEM_KINDS),
      percent: percent.optional(),
      /**
       * What `percent` is taken of: the order's paid amount, the requested units' paid share,
       * shipping, or the requested units' share over the lines where return, exchange or a
       * refund without return is allowed.
       */
      of: z.enum(["paidAmount", "requestedAmount", "shippingFee", "returnAmount", "exchangeAmount", "refundOnlyAmount"]).optional(),
      fixed: fen.optional(),
      cap: fen.optional(),
      rounding: z.enum(["halfUp", "halfEven", "up", "down"]).optional(),
      /**
       * How the item joins the plan. Absent: it is part of `option`, one alternative the
       * customer chooses among. `"every"`: it is added to every option the other rules make
       * (a ¥20 late-delivery coupon on top of whatever the customer chooses), and offered as
       * `option` on its own when there is none. A list of option ids: added to those of
       * them that are offered, and to nothing else.
       */
      addTo: z.union([z.literal("every"), z.array(z.string().min(1)).min(1)]).optional(),
      label: Message,
      citation: Message.optional(),
    })
    .refine((p) => (p.fixed !== undefined) !== (p.percent !== undefined && p.of !== undefined), {
      params: { code: "invalid_input", rule: "fixed_or_percent" },
    }),
  /**
   * 价保: within `withinDays` civil days of the order (its placedAt, in the policy's zone; day 0
   * is the order's day) the requested units' price difference is refunded, a
   * `price_difference` item: (unitPrice − order.items[].priceNow) × units per requested line,
   * capped by what was paid for those units. Lines without `priceNow` add nothing; no
   * difference, no item. It joins the plan as a `compensation.item` does (`option`, `addTo`).
   * A promise binds (实施条例 art. 12): no `compensation.cap` limits it.
   */
  "compensation.priceProtection": z.strictObject({
    option: z.string().min(1),
    optionLabel: Message,
    withinDays: z.number().int().min(0).max(365),
    addTo: z.union([z.literal("every"), z.array(z.string().min(1)).min(1)]).optional(),
    label: Message,
    citation: Message,
  }),
  /**
   * The merchant pays return shipping on the line's allowed return and exchange (or the
   * remedies named). It opens nothing: a verdict no other rule allows stays as it is; an
   * allowed one gets `returnShippingPaidBy: "merchant"` and the promise in its basis.
   */
  "promise.freeReturnShipping": z.strictObject({
    remedies: shippedBack.optional(),
    citation: Message,
  }),
  /**
   * 运费险: return shipping on the line's allowed return and exchange (or the remedies named)
   * is paid by the insurance, up to `upTo` fen — unless the merchant pays it anyway. The rule's
   * conditions say whether the order carries the insurance (e.g. an order attribute). It opens nothing.
   */
  "promise.returnShippingInsurance": z.strictObject({
    remedies: shippedBack.optional(),
    upTo: fen.min(1),
    citation: Message,
  }),
  /**
   * 终身保修: repair is allowed with no deadline. It only adds (a basis without a window keeps
   * repair open; every other verdict is untouched), and its citation names the promise.
   */
  "promise.lifetimeRepair": z.strictObject({
    citation: Message,
  }),
  /**
   * At most `max` fen of the given kinds in each option it names (`"every"`, or option
   * ids), items counted in plan order; the first items keep theirs. A refund is never
   * capped: it is what the customer is owed for the goods (消保法 arts. 24, 25 ¶3).
   */
  "compensation.cap": z.strictObject({
    options: z.union([z.literal("every"), z.array(z.string().min(1)).min(1)]),
    max: fen,
    kinds: z.array(z.enum(CAPPABLE_KINDS)).min(1).optional(),
  }),
} as const;

export type EventType = keyof typeof EVENT_PARAMS;
export const EVENT_TYPES = Object.keys(EVENT_PARAMS) as EventType[];
export type EventParams<T extends EventType> = z.infer<(typeof EVENT_PARAMS)[T]>;

/** Which event types each stage may fire. */
export const STAGE_EVENT_TYPES = {
  sla: ["sla.tier", "sla.followUp"],
  eligibility: ["remedy.allowed", "remedy.denied", "remedy.undetermined", "review.required", "promise.freeReturnShipping", "promise.returnShippingInsurance", "promise.lifetimeRepair"],
  compensation: ["compensation.item", "compensation.priceProtection", "compensation.cap", "review.required"],
} as const satisfies Record<string, readonly EventType[]>;
