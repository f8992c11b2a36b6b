import { z } from "zod";
import { AttributeDeclarationsSchema } from "./attributes.js";

/**
 * `policy.json`: a policy as an ordered list of layers (statutory → platform → merchant),
 * each a list of rule-set files relative to the manifest. `"extends": "default"` puts the
 * bundled layers (and 三包 table) first, so a merchant folder only holds what it adds.
 */
export const PolicyManifestSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z.string().min(1),
    version: z.string().min(1),
    description: z.string().optional(),
    extends: z.literal("default").optional(),
    sanbaoTable: z.string().min(1).optional(),
    /**
     * A business calendar file (working hours, public holidays, 调休 make-up days per year):
     * SLA targets on the business clock count its hours.
     */
    calendar: z.string().min(1).optional(),
    /** 民法典 art. 203 ¶1: every window whose last day is a rest day of the calendar runs on to the next working day. Off by default. */
    extendPeriodsOverRestDays: z.boolean().optional(),
    /** The first way to name a calendar: the same as `calendar` with `extendPeriodsOverRestDays` on. */
    restDayCalendar: z.string().min(1).optional(),
    /**
     * Which dates of a case put a non-statutory rule set in force: `orderOrRequest` (default;
     * a promise in force when the order was placed binds, 实施条例 art. 12, and one in force
     * by the request adds) or `order` (new terms are for new orders).
     */
    inForceAt: z.enum(["orderOrRequest", "order"]).optional(),
    /** Attributes cases may carry on lines, orders and customers (name → type), read by rules through the attribute facts. */
    attributes: AttributeDeclarationsSchema.optional(),
    layers: z
      .array(
        z.strictObject({
          name: z.string().min(1),
          statutory: z.boolean().optional(),
          files: z.array(z.string().min(1)).min(1),
        }),
      ),
  })
  .refine((m) => m.layers.length > 0 || m.extends === "default", { params: { code: "invalid_input", rule: "policy_needs_layer" }, path: ["layers"] })
  .refine((m) => m.calendar === undefined || m.restDayCalendar === undefined, { params: { code: "calendar_required", reason: "named_twice" }, path: ["restDayCalendar"] })
  .meta({ id: "PolicyManifest" });
export type PolicyManifest = z.infer<typeof PolicyManifestSchema>;
