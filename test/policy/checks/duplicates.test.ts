import { describe, expect, it } from "vitest";
import { checkDuplicateLayers, checkRuleSetIdUnused } from "../../../src/policy/checks/duplicates.js";

describe("duplicate layers and rule-set ids", () => {
  it("flags every later layer with an earlier one's name, at its name", () => {
    expect(checkDuplicateLayers([{ name: "a" }, { name: "b" }, { name: "a" }, { name: "a" }]).map((i) => i.path)).toEqual([
      ["layers", 2, "name"],
      ["layers", 3, "name"],
    ]);
  });

  it("flags a rule-set id an earlier layer uses, naming that layer", () => {
    expect(checkRuleSetIdUnused("shop", new Map([["shop", "merchant"]]))).toEqual([
      { code: "duplicate_rule_set", path: ["id"], params: { id: "shop", layer: "merchant" } },
    ]);
    expect(checkRuleSetIdUnused("shop", new Map([["other", "merchant"]]))).toEqual([]);
  });
});
