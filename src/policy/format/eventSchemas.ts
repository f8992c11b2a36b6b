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
    /** Run on to the next working day when the last day is a rest day (only in a policy with a rest-day calendar). */
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
  .refine((p) => Number.isInteger(Math.round(p * 100)) && Math.abs(p * 100 - Math.round(p * 100)) < 1e-9, "at most two decimals");
const fen = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

export const COMPENSATION_KINDS = ["coupon", "partial_refund", "refund", "voucher", "shipping", "points", "gift"] as const;
/** Kinds paid out in cash; together they never exceed what the customer paid. */
export const CASH_KINDS: ReadonlySet<string> = new Set(["refund", "partial_refund", "shipping"]);

export const EVENT_PARAMS = {
  "sla.tier": z.strictObject({
    tier: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    solutionWithinHours: z.number().int().min(1).max(720),
    firstResponseWithinHours: z.number().int().min(1).max(720),
    because: Message,
    citation: Message.optional(),
  }),
  "sla.followUp": z.strictObject({
    kind: z.string().min(1),
    afterMinutes: z.number().int().min(1).max(525_600),
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
      kind: z.enum(COMPENSATION_KINDS),
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
      label: Message,
      citation: Message.optional(),
    })
    .refine((p) => (p.fixed !== undefined) !== (p.percent !== undefined && p.of !== undefined), {
      message: 'give either "fixed" (fen) or both "percent" and "of"',
    }),
} as const;

export type EventType = keyof typeof EVENT_PARAMS;
export const EVENT_TYPES = Object.keys(EVENT_PARAMS) as EventType[];
export type EventParams<T extends EventType> = z.infer<(typeof EVENT_PARAMS)[T]>;

/** Which event types each stage may fire. */
export const STAGE_EVENT_TYPES = {
  sla: ["sla.tier", "sla.followUp"],
  eligibility: ["remedy.allowed", "remedy.denied", "remedy.undetermined", "review.required"],
  compensation: ["compensation.item", "review.required"],
} as const satisfies Record<string, readonly EventType[]>;
