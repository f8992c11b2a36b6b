import { readdirSync, readFileSync } from "node:fs";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import type { Decision } from "../../../src/decide/types.js";
import { runFixture } from "../../../src/tools/compliance/runFixture.js";
import type { DecisionSchema } from "../../../src/tools/jsonSchema/decisionSchema.js";
import { Engine } from "json-rules-engine";
import { jsonSchemas, OPERATORS, serialize } from "../../../src/tools/jsonSchema/jsonSchemas.js";

// Every decision the types allow fits the schema fixtures' `expect` is generated from (checked by tsc).
type DeepReadonly<T> = T extends (infer E)[] ? readonly DeepReadonly<E>[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;
const decisionFitsSchema = (d: Decision): DeepReadonly<z.output<typeof DecisionSchema>> => d;
void decisionFitsSchema;

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const schemas = jsonSchemas();
const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
const validate = (name: string, doc: unknown) => {
  const v = ajv.compile(schemas[name]!);
  return v(doc) ? [] : v.errors!.map((e) => `${e.instancePath} ${e.message}`);
};
const json = (file: string) => JSON.parse(readFileSync(file, "utf8"));

describe("JSON Schemas (generated from the zod schemas)", () => {
  it.each(Object.keys(schemas))("schema/%s is committed and up to date", (name) => {
    // Regenerate with: npx aftersales schema --out schema
    expect(readFileSync(`schema/${name}`, "utf8")).toBe(serialize(schemas[name]!));
  });

  it("accepts every bundled rule file, the manifest, the table and every fixture and case", () => {
    for (const f of ["statutory/cn-no-reason-return.json", "statutory/cn-quality.json", "statutory/cn-delivery-risk.json", "platform/sla.json", "platform/service-remedies.json", "platform/compensation.json"]) {
      expect(validate("rule-set.schema.json", json(`rules/${f}`))).toEqual([]);
    }
    expect(validate("policy.schema.json", json("rules/policy.json"))).toEqual([]);
    expect(validate("sanbao-table.schema.json", json("rules/statutory/cn-sanbao-categories.json"))).toEqual([]);
    for (const f of readdirSync("fixtures").filter((x) => x.endsWith(".json"))) {
      const fixture = json(`fixtures/${f}`);
      expect(validate("fixture.schema.json", fixture)).toEqual([]);
      expect(validate("case.schema.json", fixture.case)).toEqual([]);
    }
  });

  it("completes a fixture's expect from the decision: every actual decision of the bundled fixtures is a valid expect", () => {
    const expectSchema = { ...schemas["fixture.schema.json"], $ref: "#/definitions/ExpectedDecision" };
    const v = ajv.compile(expectSchema);
    const files = readdirSync("fixtures").filter((x) => x.endsWith(".json"));
    for (const f of files) {
      const { decision } = runFixture(`fixtures/${f}`, readFileSync(`fixtures/${f}`, "utf8"));
      expect(decision, f).toBeDefined();
      expect(v(JSON.parse(JSON.stringify(decision))) ? [] : v.errors!.map((e) => `${f}: ${e.instancePath} ${e.message}`)).toEqual([]);
    }
    expect(files.length).toBeGreaterThan(90);
  });

  it("checks a fixture's case by the case schema and its expect as a partial decision, $contains included", () => {
    const fixture = json("fixtures/041-merchant-30-day-day20.json");
    expect(validate("fixture.schema.json", json("test/cli/contains-fixture/coupon-among-items.json"))).toEqual([]);
    const badCase = structuredClone(fixture);
    badCase.case.request.reason = "no-reason";
    expect(validate("fixture.schema.json", badCase).join()).toMatch(/\/case\/request\/reason/);
    const typo = structuredClone(fixture);
    typo.expect.line = typo.expect.lines;
    expect(validate("fixture.schema.json", typo).length).toBeGreaterThan(0);
    const wrongStatus = structuredClone(fixture);
    wrongStatus.expect.lines[0].eligibility.return.status = "ok";
    expect(validate("fixture.schema.json", wrongStatus).join()).toMatch(/\/expect\/lines/);
    const containsWithExtra = structuredClone(fixture);
    containsWithExtra.expect.policy.layers = { $contains: ["merchant"], $length: 3 };
    expect(validate("fixture.schema.json", containsWithExtra).length).toBeGreaterThan(0);
    const contains = structuredClone(fixture);
    contains.expect.policy.layers = { $contains: ["merchant"] };
    expect(validate("fixture.schema.json", contains)).toEqual([]);
  });

  it("offers json-rules-engine's operators first and keeps a custom operator valid", () => {
    const operators = (new Engine() as unknown as { operators: { get(name: string): unknown } }).operators;
    for (const [name] of OPERATORS) expect(operators.get(name), name).toBeTruthy();
    const operator = schemas["rule-set.schema.json"]!.definitions.FactCondition.properties.operator;
    expect(operator.anyOf[0].enum).toContain("lessThanInclusive");
    const base = json("rules/statutory/cn-no-reason-return.json");
    const custom = structuredClone(base);
    custom.rules[0].conditions.all[0].operator = "withinBusinessDays";
    expect(validate("rule-set.schema.json", custom)).toEqual([]);
  });

  it("completes and checks the values of an enum fact where lint does (equal/in, no path, no decorator)", () => {
    const base = json("rules/statutory/cn-no-reason-return.json");
    const withCondition = (condition: object) => {
      const doc = structuredClone(base);
      doc.rules[0].conditions.all[0] = condition;
      return validate("rule-set.schema.json", doc);
    };
    expect(withCondition({ fact: "customerTier", operator: "equal", value: "vip" })).toEqual([]);
    expect(withCondition({ fact: "customerTier", operator: "equal", value: "VIP" }).length).toBeGreaterThan(0);
    expect(withCondition({ fact: "reason", operator: "in", value: ["quality_fault", "wrong_item"] })).toEqual([]);
    expect(withCondition({ fact: "reason", operator: "in", value: ["quality_fault", "broken"] }).length).toBeGreaterThan(0);
    expect(withCondition({ fact: "remedyWanted", operator: "notEqual", value: "refund_only" }).length).toBeGreaterThan(0);
    // Where lint does not look, neither does the schema: a decorated operator, or another fact.
    expect(withCondition({ fact: "customerTier", operator: "not:equal", value: "VIP" })).toEqual([]);
    expect(withCondition({ fact: "category", operator: "equal", value: "VIP" })).toEqual([]);
    const value = schemas["rule-set.schema.json"]!.definitions.FactCondition.allOf.find((c: { if: { properties: { fact: { const: string } } } }) => c.if.properties.fact.const === "goodsCondition");
    expect(value.then.properties.value.anyOf[0].enum).toEqual(["unopened", "opened_for_inspection", "seal_broken", "used", "damaged_by_customer"]);
  });

  it("underlines what lint rejects: an unknown fact, a typo'd key, params of the wrong event type", () => {
    const base = json("rules/statutory/cn-no-reason-return.json");
    const withFact = structuredClone(base);
    withFact.rules[0].conditions.all[0].fact = "daysSinceDelivry";
    expect(validate("rule-set.schema.json", withFact).length).toBeGreaterThan(0);
    const withTypo = structuredClone(base);
    withTypo.rules[0].conditions.all[0] = { fact: "delivered", oprator: "equal", value: true };
    expect(validate("rule-set.schema.json", withTypo).length).toBeGreaterThan(0);
    const wrongParams = structuredClone(base);
    wrongParams.rules[0].event.params.remedy = "refund";
    expect(validate("rule-set.schema.json", wrongParams).length).toBeGreaterThan(0);
  });
});
