import { lineIdOf, unitsIn, type Case, type GoodsConditionT, type OrderItem } from "../case/caseSchema.js";
import type { RemedyT } from "../policy/format/eventSchemas.js";
import { parseInstant } from "../time/index.js";
import { linePayments, unitsShare } from "./linePayments.js";

/** One order line the request is about, with everything its verdicts depend on. */
export interface RequestedLine {
  /** The order line's id (lineId, else sku). */
  readonly id: string;
  readonly item: OrderItem;
  /** The line's index in `order.items` (where its own fields are, e.g. its category). */
  readonly itemIndex: number;
  /** Units asked about, of `item.quantity`. */
  readonly units: number;
  /** The remedy asked for on this line; null for a complaint, inquiry or logistics request. */
  readonly remedyWanted: RemedyT | null;
  readonly goodsCondition: GoodsConditionT | null;
  /** Where the condition of these units is (or would be) given in the case. */
  readonly goodsConditionPath: string;
  /** The parcel the units came in, when known. */
  readonly parcelId: string | undefined;
  readonly shipped: boolean;
  /** 签收: when the units were signed for; undefined when not (or not known). */
  readonly deliveredAt: Date | undefined;
  /** Where the signing time is (or would be) given in the case: what to ask for when it is missing. */
  readonly deliveredAtPath: string;
  /**
   * The line's units are in different states (parcels signed at different times, or some not
   * shipped) and the request does not say which: every verdict is undetermined until it does.
   */
  readonly deliveryAmbiguous: boolean;
  /** The part that failed, when the case says; and where it is (or would be) given. */
  readonly failedPart: string | undefined;
  readonly failedPartPath: string;
  /** When the merchant received these units back (a return), when the case says. */
  readonly returnReceivedAt: Date | undefined;
  /** Fen paid for the whole line, and whether the library allocated it from an order-level amount. */
  readonly linePaid: number;
  readonly linePaidAllocated: boolean;
  /** Fen the requested units carry of the line's paid amount: what a refund of them returns. */
  readonly refund: number;
}

const REMEDY_OF = { return: "return", exchange: "exchange", repair: "repair", refund_only: "refundOnly", reship: "reship" } as const;

/** The remedy a request type asks for, if it asks for one. */
export function remedyOfRequestType(type: string): RemedyT | null {
  return Object.hasOwn(REMEDY_OF, type) ? REMEDY_OF[type as keyof typeof REMEDY_OF] : null;
}

/**
 * The lines a request is about, in request order (every line of the order, all units, when
 * the request names none). Each line is judged on its own parcel's signing (民法典 art. 633:
 * each instalment on its own), its own condition and its own share of the price.
 */
export function requestedLines(c: Case): RequestedLine[] {
  const { order, request } = c;
  const payments = linePayments(order);
  const indexOf = (id: string) => order.items.findIndex((i) => lineIdOf(i) === id);
  const wanted = remedyOfRequestType(request.type);
  const conditionOfRequest = request.goodsCondition ?? null;
  const receivedOfRequest = request.returnReceivedAt;
  const known = deliveriesOf(order);
  if (request.lines === undefined) {
    return order.items.map((item, i) =>
      lineOf(c, item, i, item.quantity, wanted, conditionOfRequest, "request.goodsCondition", undefined, -1, receivedOfRequest, request.failedPart, "request.failedPart", payments.paid[i]!, payments.allocated[i]!, known),
    );
  }
  return request.lines.map((rl, r) => {
    const i = indexOf(rl.line); // the schema refuses a line the order lacks
    const item = order.items[i]!;
    const condition = rl.goodsCondition ?? conditionOfRequest;
    const conditionPath = rl.goodsCondition === undefined && conditionOfRequest !== null ? "request.goodsCondition" : `request.lines[${r}].goodsCondition`;
    return lineOf(c, item, i, rl.quantity ?? item.quantity, rl.remedy === undefined ? wanted : REMEDY_OF[rl.remedy], condition, conditionPath, rl.parcel, r, rl.returnReceivedAt ?? receivedOfRequest, rl.failedPart ?? request.failedPart, rl.failedPart === undefined && request.failedPart !== undefined ? "request.failedPart" : `request.lines[${r}].failedPart`, payments.paid[i]!, payments.allocated[i]!, known);
  });
}

function lineOf(
  c: Case,
  item: OrderItem,
  itemIndex: number,
  units: number,
  remedyWanted: RemedyT | null,
  goodsCondition: RequestedLine["goodsCondition"],
  goodsConditionPath: string,
  parcelAsked: string | undefined,
  requestIndex: number,
  returnReceivedAt: string | undefined,
  failedPart: string | undefined,
  failedPartPath: string,
  linePaid: number,
  linePaidAllocated: boolean,
  known: Deliveries,
): RequestedLine {
  const delivery = deliveryOf(c, item, parcelAsked, requestIndex, known);
  return {
    id: lineIdOf(item),
    item,
    itemIndex,
    units,
    remedyWanted,
    goodsCondition,
    goodsConditionPath,
    parcelId: delivery.parcelId,
    shipped: delivery.shipped,
    deliveredAt: delivery.deliveredAt,
    deliveredAtPath: delivery.deliveredAtPath,
    deliveryAmbiguous: delivery.ambiguous,
    failedPart,
    failedPartPath,
    returnReceivedAt: returnReceivedAt === undefined ? undefined : new Date(parseInstant(returnReceivedAt)),
    linePaid,
    linePaidAllocated,
    refund: unitsShare(linePaid, item.quantity, units),
  };
}

interface Delivery {
  readonly parcelId: string | undefined;
  readonly shipped: boolean;
  readonly deliveredAt: Date | undefined;
  readonly deliveredAtPath: string;
  readonly ambiguous: boolean;
}

/**
 * Which parcel the units came in and when it was signed for. Without parcels the order's
 * own times apply; with parcels, units no parcel carries have not shipped. When the line's
 * units are in different states (parcels signed at different times, or some units not
 * shipped) and the request line does not name its parcel, which units are meant is unknown:
 * the line's delivery is `ambiguous` and never guessed.
 */
function deliveryOf(c: Case, item: OrderItem, parcelAsked: string | undefined, requestIndex: number, known: Deliveries): Delivery {
  const parcels = c.order.parcels;
  if (parcels === undefined) return known.order!;
  const id = lineIdOf(item);
  const carrying: number[] = [];
  let carried = 0;
  for (let p = 0; p < parcels.length; p++) {
    const units = unitsIn(parcels[p]!, id, item.quantity);
    if (units === 0) continue;
    carried += units;
    if (parcelAsked === undefined || parcels[p]!.parcelId === parcelAsked) carrying.push(p);
  }
  const unshippedUnits = parcelAsked === undefined && carried < item.quantity;
  if (carrying.length === 0) return { parcelId: undefined, shipped: false, deliveredAt: undefined, deliveredAtPath: "order.parcels", ambiguous: false };
  const first = carrying[0]!;
  const firstSigned = known.signed[first];
  // The same instant may be written with different offsets: compare instants, not text.
  const same = !unshippedUnits && carrying.every((p) => known.signed[p] === firstSigned && isShipped(parcels[p]!) === isShipped(parcels[first]!));
  if (!same) {
    return {
      parcelId: undefined,
      shipped: true,
      deliveredAt: undefined,
      deliveredAtPath: requestIndex >= 0 ? `request.lines[${requestIndex}].parcel` : "request.lines",
      ambiguous: true,
    };
  }
  return {
    parcelId: carrying.length === 1 ? parcels[first]!.parcelId : undefined,
    shipped: isShipped(parcels[first]!),
    deliveredAt: known.signedDate(first),
    deliveredAtPath: `order.parcels[${first}].deliveredAt`,
    ambiguous: false,
  };
}

/**
 * The order's delivery times, read once per case and shared (read-only) by its lines:
 * without parcels every line came with the order; with parcels, each parcel's signing.
 */
interface Deliveries {
  readonly order: Delivery | undefined;
  /** Per parcel: the instant it was signed for, if it was. */
  readonly signed: readonly (number | undefined)[];
  signedDate(parcel: number): Date | undefined;
}

function deliveriesOf(order: Case["order"]): Deliveries {
  const parcels = order.parcels;
  if (parcels === undefined) {
    const delivery: Delivery = {
      parcelId: undefined,
      shipped: order.shippedAt !== undefined || order.deliveredAt !== undefined,
      deliveredAt: order.deliveredAt === undefined ? undefined : new Date(parseInstant(order.deliveredAt)),
      deliveredAtPath: "order.deliveredAt",
      ambiguous: false,
    };
    return { order: delivery, signed: NONE_SIGNED, signedDate: () => undefined };
  }
  const signed = parcels.map((p) => (p.deliveredAt === undefined ? undefined : parseInstant(p.deliveredAt)));
  const dates: (Date | undefined)[] = [];
  return {
    order: undefined,
    signed,
    signedDate: (p) => {
      const at = signed[p];
      return at === undefined ? undefined : (dates[p] ??= new Date(at));
    },
  };
}

const NONE_SIGNED: readonly (number | undefined)[] = Object.freeze([]);

type OrderParcel = NonNullable<Case["order"]["parcels"]>[number];
const isShipped = (p: OrderParcel) => p.shippedAt !== undefined || p.deliveredAt !== undefined;
