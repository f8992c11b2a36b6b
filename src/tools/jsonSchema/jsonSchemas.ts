import { z } from "zod";
import { CaseSchema } from "../../case/caseSchema.js";
import { FACT_NAMES, FACTS, type FactName } from "../../policy/format/factCatalog.js";
import { FACT_VALUES } from "../../policy/format/factValues.js";
import { EVENT_PARAMS, EVENT_TYPES } from "../../policy/format/eventSchemas.js";
import { FixtureSchema } from "../compliance/fixtureSchema.js";
import { PolicyManifestSchema } from "../../policy/format/manifest.js";
import { BusinessCalendarSchema, RestDayCalendarSchema } from "../../policy/format/businessCalendar.js";
import { SanbaoTableSchema } from "../../policy/format/sanbaoTable.js";
import { RuleSetSchema } from "../../engine/ruleSetSchema.js";
import { CONTAINS } from "../compliance/matchPartial.js";
import { DecisionSchema } from "./decisionSchema.js";

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
  const condition = defs.FactCondition!;
  // Completion, not a closed list: a registered custom operator stays valid.
  condition.properties.operator = {
    description: condition.properties.operator.description,
    anyOf: [{ enum: OPERATORS.map(([name]) => name), markdownEnumDescriptions: OPERATORS.map(([, what]) => what) }, { type: "string", minLength: 1 }],
  };
  condition.allOf = Object.entries(FACT_VALUES).map(([fact, values]) => valuesOfFact(fact as FactName, values!));
  schema.definitions = defs;
  return schema;
}

/** json-rules-engine's built-in operators, offered first by editors. */
export const OPERATORS: readonly (readonly [string, string])[] = [
  ["equal", "`fact === value`"],
  ["notEqual", "`fact !== value`"],
  ["in", "the fact is one of the values (an array)"],
  ["notIn", "the fact is none of the values (an array)"],
  ["contains", "the fact (an array) contains the value"],
  ["doesNotContain", "the fact (an array) does not contain the value"],
  ["lessThan", "`fact < value` (numbers)"],
  ["lessThanInclusive", "`fact <= value` (numbers)"],
  ["greaterThan", "`fact > value` (numbers)"],
  ["greaterThanInclusive", "`fact >= value` (numbers)"],
];

/**
 * For a fact with a closed set of values, what `equal`/`in` (and their negations) may compare
 * it with — exactly where lint's unknown_value check looks: no `path`, no decorator. Other
 * types (a number, null, a fact reference) are left to lint's type checks.
 */
function valuesOfFact(fact: FactName, values: readonly string[]): JsonSchema {
  const known = { enum: [...values] };
  const notString = { not: { type: "string" } };
  return {
    if: { properties: { fact: { const: fact }, operator: { enum: ["equal", "notEqual", "in", "notIn"] } }, required: ["fact", "operator"], not: { required: ["path"] } },
    then: {
      properties: {
        value: {
          description: `${fact}: ${values.join(" | ")}`,
          anyOf: [known, { type: "array", items: { anyOf: [known, notString] } }, { not: { type: ["string", "array"] } }],
        },
      },
    },
  };
}

/**
 * The fixture schema for editors: `case` is the case schema, `expect` a partial decision —
 * every key optional, and every array either matched whole or by `{"$contains": [...]}`.
 */
export function fixtureJsonSchema(): JsonSchema {
  const schema = draft07(FixtureSchema);
  const defs = (schema.definitions ?? {}) as Record<string, JsonSchema>;
  // The case schema's own definitions (e.g. Attributes) move up beside it: its refs are from the root.
  const { $schema: _, definitions: caseDefs = {}, ...caseSchema } = draft07(CaseSchema);
  Object.assign(defs, caseDefs as Record<string, JsonSchema>);
  const { $schema: __, definitions: decisionDefs = {}, ...decision } = draft07(DecisionSchema, "output");
  for (const [name, def] of Object.entries(decisionDefs as Record<string, JsonSchema>)) defs[name === "Decision" ? "ExpectedDecision" : name] = partialSchema(def);
  const expected = decision.$ref === "#/definitions/Decision" ? {} : partialSchema(decision);
  const fixture = defs.Fixture!;
  fixture.properties.case = { $ref: "#/definitions/Case", description: "The case, as decide() takes it (schema/case.schema.json)." };
  fixture.properties.expect = {
    $ref: "#/definitions/ExpectedDecision",
    description: `The part of the decision the source requires: keys left out are not compared; an array matches element by element, or {"${CONTAINS}": [items]} when it need only contain them.`,
    ...expected,
  };
  defs.Case = caseSchema;
  schema.definitions = renameRefs(defs, "#/definitions/Decision", "#/definitions/ExpectedDecision");
  return schema;
}

/** A schema every part of which is optional, with arrays also matched by `$contains`. */
function partialSchema(node: JsonSchema): JsonSchema {
  if (node === null || typeof node !== "object" || Array.isArray(node)) return node;
  const { required: _, ...rest } = node;
  const out: JsonSchema = { ...rest };
  if (rest.properties) out.properties = Object.fromEntries(Object.entries(rest.properties as JsonSchema).map(([k, v]) => [k, partialSchema(v)]));
  for (const key of ["anyOf", "oneOf", "allOf"]) if (Array.isArray(rest[key])) out[key] = rest[key].map(partialSchema);
  if (rest.type === "array" && rest.items !== undefined) {
    const items = partialSchema(rest.items);
    const { type: __, items: ___, ...annotations } = rest;
    return {
      ...annotations,
      anyOf: [
        { type: "array", items },
        { type: "object", description: "Contains these items, in any order, among others.", properties: { [CONTAINS]: { type: "array", items } }, required: [CONTAINS], additionalProperties: false },
      ],
    };
  }
  return out;
}

function renameRefs<T>(value: T, from: string, to: string): T {
  return JSON.parse(JSON.stringify(value).replaceAll(`"$ref":"${from}"`, `"$ref":"${to}"`)) as T;
}

/** Every JSON Schema the package ships, by file name. */
export function jsonSchemas(): Record<string, JsonSchema> {
  return {
    "rule-set.schema.json": ruleSetJsonSchema(),
    "case.schema.json": draft07(CaseSchema),
    "policy.schema.json": draft07(PolicyManifestSchema),
    "sanbao-table.schema.json": draft07(SanbaoTableSchema),
    "fixture.schema.json": fixtureJsonSchema(),
    "rest-day-calendar.schema.json": draft07(RestDayCalendarSchema),
    "business-calendar.schema.json": draft07(BusinessCalendarSchema),
  };
}

export function serialize(schema: JsonSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
