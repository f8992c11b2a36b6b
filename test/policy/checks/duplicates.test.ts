import { describe, expect, it } from "vitest";
import { checkDuplicateLayers, checkRuleSetIdUnused } from "../../../src/policy/checks/duplicates.js";

describe("duplicate layers and rule-set ids", () => {
  it("flags every later layer with an earlier one's name, at its name", () => {
    expect(checkDuplicateLayers([{ name: "a" }, { name: "b" }, { name: "a" }, { name: "a" }]).map((i) => i.path)).toEqual([
      ["layers", 2, "name"],
      ["layers", 3, "name"],
    ]);
  });

  it("flags a rule-set id and version an earlier layer uses, naming that layer", () => {
    expect(checkRuleSetIdUnused({ id: "shop", version: "1" }, new Map([["shop@1", "merchant"]]))).toEqual([
      { code: "duplicate_rule_set", path: ["id"], params: { id: "shop", version: "1", layer: "merchant" } },
    ]);
    expect(checkRuleSetIdUnused({ id: "shop", version: "1" }, new Map([["other@1", "merchant"]]))).toEqual([]);
  });

  it("lets versions of one id stand side by side (their dates say which applies)", () => {
    expect(checkRuleSetIdUnused({ id: "shop", version: "2" }, new Map([["shop@1", "merchant"]]))).toEqual([]);
  });
});
