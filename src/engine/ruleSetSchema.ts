import { IDENTIFIER } from "../_lib/namePatterns.js";
import { z } from "zod";
import { isReservedKey, parseFactPath } from "./factPath.js";

/**
 * The rule-set file format: json-rules-engine rules inside a small envelope, strict
 * everywhere (json-rules-engine silently ignores typos such as `"oprator"`).
 */


export const FactName = z
  .string()
  .regex(IDENTIFIER)
  .refine((s) => !isReservedKey(s), { params: { code: "reserved_name" } })
  .meta({ id: "FactName", description: "The name of a fact the rules read." });

export const FactPath = z
  .string()
  .superRefine((path, ctx) => {
    const parsed = parseFactPath(path);
    if ("error" in parsed) ctx.addIssue({ code: "custom", message: parsed.error.reason, params: { code: "unsupported_path", ...parsed.error } });
  })
  .meta({ id: "FactPath", description: 'A JSONPath into the fact: "$.a.b" or "$.items[0].x".' });

const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const FactReference = z
  .strictObject({
    fact: FactName,
    path: FactPath.optional(),
    params: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: "FactReference", description: "Compare against another fact's value instead of a literal." });

/**
 * A literal or a fact reference. Object literals are refused: json-rules-engine treats any
 * object with a `fact` key as a reference, so a literal object can never be compared.
 */
export const ConditionValue = z
  .union([Scalar, z.array(Scalar), FactReference])
  .meta({ id: "ConditionValue" });

export const FactCondition = z
  .strictObject({
    fact: FactName,
    operator: z.string().min(1).meta({
      description:
        "A json-rules-engine operator (equal, notEqual, in, notIn, contains, doesNotContain, lessThan, lessThanInclusive, greaterThan, greaterThanInclusive), optionally with decorators (someFact:, everyFact:, someValue:, everyValue:, swap:, not:), or a registered custom operator.",
    }),
    value: ConditionValue,
    path: FactPath.optional(),
    params: z.record(z.string(), z.unknown()).optional(),
    name: z.string().optional(),
  })
  .meta({ id: "FactCondition" });

export const ConditionReference = z
  .strictObject({ condition: z.string().min(1), name: z.string().optional() })
  .meta({ id: "ConditionReference", description: "Use a shared condition from this rule set's `conditions`." });

export interface FactConditionT {
  fact: string;
  operator: string;
  value: z.infer<typeof ConditionValue>;
  path?: string | undefined;
  params?: Record<string, unknown> | undefined;
  name?: string | undefined;
}
export interface AllConditionT { all: NestedConditionT[]; name?: string | undefined }
export interface AnyConditionT { any: NestedConditionT[]; name?: string | undefined }
export interface NotConditionT { not: NestedConditionT; name?: string | undefined }
export interface ConditionReferenceT { condition: string; name?: string | undefined }
export type TopLevelConditionT = AllConditionT | AnyConditionT | NotConditionT | ConditionReferenceT;
export type NestedConditionT = TopLevelConditionT | FactConditionT;

// Empty `any: []` is *true* in json-rules-engine (P8); an empty list is always a mistake.
export const AllCondition: z.ZodType<AllConditionT> = z
  .strictObject({
    get all() {
      return z.array(NestedCondition).min(1);
    },
    name: z.string().optional(),
  })
  .meta({ id: "AllCondition", description: "True when every nested condition is true." });

export const AnyCondition: z.ZodType<AnyConditionT> = z
  .strictObject({
    get any() {
      return z.array(NestedCondition).min(1);
    },
    name: z.string().optional(),
  })
  .meta({ id: "AnyCondition", description: "True when at least one nested condition is true." });

export const NotCondition: z.ZodType<NotConditionT> = z
  .strictObject({
    get not() {
      return NestedCondition;
    },
    name: z.string().optional(),
  })
  .meta({ id: "NotCondition", description: "True when the nested condition is false." });

export const TopLevelCondition: z.ZodType<TopLevelConditionT> = z
  .union([AllCondition, AnyCondition, NotCondition, ConditionReference])
  .meta({ id: "TopLevelCondition" });

export const NestedCondition: z.ZodType<NestedConditionT> = z
  .union([FactCondition, AllCondition, AnyCondition, NotCondition, ConditionReference])
  .meta({ id: "Condition" });

/** Event types json-rules-engine emits itself; a rule using one breaks its emitter (P12). */
export const RESERVED_EVENT_TYPES = ["error", "success", "failure", "newListener", "removeListener"] as const;

export const RuleEvent = z
  .strictObject({
    type: z
      .string()
      .min(1)
      .refine((t) => !(RESERVED_EVENT_TYPES as readonly string[]).includes(t), {
        params: { code: "reserved_event_type", reserved: RESERVED_EVENT_TYPES },
      }),
    params: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: "RuleEvent" });

export const Rule = z
  .strictObject({
    name: z.string().min(1),
    description: z.string().optional(),
    // json-rules-engine turns "high" into NaN, 2.7 into 2 and 0 into 1 (P8).
    priority: z.number().int().min(1).optional(),
    conditions: TopLevelCondition,
    event: RuleEvent,
  })
  .meta({ id: "Rule" });

export const RuleSetKind = z.enum(["sla", "eligibility", "compensation"]);

const isoDate = z.iso.date();

export const RuleSetSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z.string().min(1),
    version: z.string().min(1),
    kind: RuleSetKind,
    description: z.string().optional(),
    /**
     * The civil dates (in the policy's zone, both inclusive) the rule set is in force: it
     * applies to an order placed, or a request made, on one of them (see docs/rule-format.md,
     * "Effective dates"). Statutory rule sets apply whatever their dates.
     */
    effective: z
      .strictObject({ from: isoDate, to: isoDate.optional() })
      .refine((e) => e.to === undefined || e.to >= e.from, { params: { code: "invalid_input", rule: "effective_to_before_from" }, path: ["to"] }),
    conditions: z.record(z.string().min(1), TopLevelCondition).optional(),
    rules: z.array(Rule).min(1),
  })
  .superRefine((set, ctx) => {
    const seen = new Map<string, number>();
    set.rules.forEach((rule, index) => {
      const first = seen.get(rule.name);
      if (first !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["rules", index, "name"],
          params: { code: "duplicate_rule_name", name: rule.name, first },
        });
      } else seen.set(rule.name, index);
    });
  })
  .meta({ id: "RuleSet", title: "aftersales-policy rule set" });

export type RuleSet = z.infer<typeof RuleSetSchema>;
export type RuleT = z.infer<typeof Rule>;
export type RuleSetKindT = z.infer<typeof RuleSetKind>;
