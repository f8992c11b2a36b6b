import { Customer, GoodsCondition, RequestReason, RequestType } from "../../case/caseSchema.js";
import { REMEDIES } from "./eventSchemas.js";
import type { FactName } from "./factCatalog.js";

/**
 * The values a string fact can take, for the facts copied from an enum of the case: read
 * from the case schema, so they cannot drift. A rule comparing such a fact with anything
 * else (`customerTier` with "VIP") never matches, and json-rules-engine would not say so.
 * Kept beside the catalogue rather than in it so the catalogue stays a plain table.
 */
export const FACT_VALUES: Readonly<Partial<Record<FactName, readonly string[]>>> = {
  requestType: RequestType.options,
  reason: RequestReason.options,
  goodsCondition: GoodsCondition.options,
  customerTier: Customer.shape.tier.options,
  // The remedy keys (refundOnly, not the request type refund_only).
  remedyWanted: REMEDIES,
};
