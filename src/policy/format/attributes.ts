import { IDENTIFIER } from "../../_lib/namePatterns.js";
import { z } from "zod";
import type { FactType } from "./factCatalog.js";

/**
 * Attributes a policy declares on order lines, orders and customers (brand, membershipLevel,
 * shippingInsurance 运费险, …): each a name and a type, an enum with its allowed values. A
 * case carries them (`order.items[].attributes`, `order.attributes`, `customer.attributes`);
 * deciding refuses an undeclared or ill-typed one, and rules read them through the facts
 * `lineAttributes`, `orderAttributes` and `customerAttributes` with `path: "$.<name>"`.
 */
export const AttributeDeclaration = z
  .discriminatedUnion("type", [
    z.strictObject({ type: z.enum(["string", "number", "boolean"]), description: z.string().optional() }),
    z.strictObject({ type: z.literal("enum"), values: z.array(z.string().min(1)).min(1), description: z.string().optional() }),
  ])
  .meta({ id: "AttributeDeclaration" });

const declarations = z.record(z.string().regex(IDENTIFIER).max(64), AttributeDeclaration);

export const AttributeDeclarationsSchema = z
  .strictObject({ line: declarations.optional(), order: declarations.optional(), customer: declarations.optional() })
  .meta({ id: "AttributeDeclarations", description: "Attributes a case may carry, per level: name → type (string, number, boolean, or enum with values)." });

export type AttributeDeclarationT = z.infer<typeof AttributeDeclaration>;
export type AttributeDeclarations = z.infer<typeof AttributeDeclarationsSchema>;
export type AttributeLevel = "line" | "order" | "customer";
export const ATTRIBUTE_LEVELS: readonly AttributeLevel[] = ["line", "order", "customer"];

/** The fact each level's attributes are read through. */
export const ATTRIBUTE_FACTS = { line: "lineAttributes", order: "orderAttributes", customer: "customerAttributes" } as const;

/** The type a declared attribute has as a fact: null when the case does not give it. */
export function attributeFactType(d: AttributeDeclarationT): FactType {
  return d.type === "number" ? "number|null" : d.type === "boolean" ? "boolean|null" : "string|null";
}
