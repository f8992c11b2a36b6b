import { z } from "zod";
import { CaseSchema } from "../../case/caseSchema.js";
import { FACT_NAMES, FACTS } from "../../policy/format/factCatalog.js";
import { EVENT_PARAMS, EVENT_TYPES } from "../../policy/format/eventSchemas.js";
import { FixtureSchema } from "../compliance/fixtureSchema.js";
import { PolicyManifestSchema } from "../../policy/format/manifest.js";
import { BusinessCalendarSchema, RestDayCalendarSchema } from "../../policy/format/businessCalendar.js";
import { SanbaoTableSchema } from "../../policy/format/sanbaoTable.js";
import { RuleSetSchema } from "../../engine/ruleSetSchema.js";

type JsonSchema = Record<string, any>;

const draft07 = (schema: z.ZodType, io: "input" | "output" = "input"): JsonSchema =>
  z.toJSONSchema(schema, { target: "draft-07", io, unrepresentable: "any" }) as JsonSchema;

/**
 * The rule-set schema for editors: the runtime schema, with fact names narrowed to the
 * documented facts (hover shows each fact's meaning) and event params typed per event type.
 * Generated from the zod schemas, never written by hand.
 */
export function ruleSetJsonSchema(): JsonSchema {
  const schema = draft07(RuleSetSchema);
  const defs = (schema.definitions ?? {}) as Record<string, JsonSchema>;
  defs.FactName = {
    type: "string",
    description: "A documented fact (docs/rule-format.md).",
    enum: FACT_NAMES,
    markdownEnumDescriptions: FACT_NAMES.map((f) => `\`${FACTS[f].type}\` — ${FACTS[f].en} ${FACTS[f].zh}`),
  };
  defs.RuleEvent = {
    description: "What the rule does when it fires: one of the event types, with typed params.",
    oneOf: EVENT_TYPES.map((type) => {
      // Shared pieces (Message, …) move to the root so the params' $refs resolve there.
      const { $schema: _, definitions, ...params } = draft07(EVENT_PARAMS[type]);
      Object.assign(defs, definitions);
      return { type: "object", additionalProperties: false, required: ["type", "params"], properties: { type: { const: type }, params } };
    }),
  };
  schema.definitions = defs;
  return schema;
}

/** Every JSON Schema the package ships, by file name. */
export function jsonSchemas(): Record<string, JsonSchema> {
  return {
    "rule-set.schema.json": ruleSetJsonSchema(),
    "case.schema.json": draft07(CaseSchema),
    "policy.schema.json": draft07(PolicyManifestSchema),
    "sanbao-table.schema.json": draft07(SanbaoTableSchema),
    "fixture.schema.json": draft07(FixtureSchema),
    "rest-day-calendar.schema.json": draft07(RestDayCalendarSchema),
    "business-calendar.schema.json": draft07(BusinessCalendarSchema),
  };
}

export function serialize(schema: JsonSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
