import { z } from "zod";
import { Message } from "./eventSchemas.js";

/** The 三包 category table file: data the bundled rules read through facts, editable. */
export const SanbaoTableSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z.string().min(1),
    version: z.string().min(1),
    description: z.string().optional(),
    categories: z.record(
      z.string().regex(/^[a-z][a-z0-9_]*$/, "category keys are lower_snake_case"),
      z.strictObject({
        warrantyMonths: z.number().int().min(0).max(1200).nullable(),
        parts: z.record(z.string(), z.number().int().min(0).max(1200)).optional(),
        citation: Message,
      }),
    ),
  })
  .meta({ id: "SanbaoTable" });
export type SanbaoTableFile = z.infer<typeof SanbaoTableSchema>;

/** The 三包 category table: the bundled rules' data as the decision reads it, editable in `rules/`. */
export interface SanbaoCategory {
  /** Whole-unit 三包 period; null where the catalogue gives return/exchange only. */
  readonly warrantyMonths: number | null;
}
export type SanbaoTable = Readonly<Record<string, SanbaoCategory>>;

