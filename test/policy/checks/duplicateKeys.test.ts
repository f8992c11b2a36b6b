import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseSourceDocument } from "../../../src/_lib/sourcePositions.js";
import { checkDuplicateKeys } from "../../../src/policy/checks/duplicateKeys.js";

const check = (text: string) => checkDuplicateKeys(parseSourceDocument(text, "f.json"));

describe("duplicate_key: a JSON key written twice in one object", () => {
  it("names the second occurrence, with its path inside arrays and objects", () => {
    expect(check('{"rules": [{"a": 1}, {"b": {"c": 1,\n "c": 2}}]}')).toEqual([
      { code: "duplicate_key", path: ["rules", 1, "b", "c"], file: "f.json", line: 2, column: 2, params: { key: "c" } },
    ]);
  });

  it("allows the same key in different objects", () => {
    expect(check('{"a": {"x": 1}, "b": {"x": 1}, "c": [{"x": 1}, {"x": 2}]}')).toEqual([]);
  });

  describe("properties", () => {
    it("finds nothing in JSON that JSON.stringify wrote", () => {
      fc.assert(
        fc.property(fc.jsonValue(), (v) => {
          expect(check(JSON.stringify(v))).toEqual([]);
        }),
      );
    });

    it("finds exactly the one key repeated at the front of an object", () => {
      fc.assert(
        fc.property(fc.dictionary(fc.string(), fc.jsonValue(), { minKeys: 1 }), (object) => {
          const [key, value] = Object.entries(object)[0]!;
          const text = `{${JSON.stringify(key)}:${JSON.stringify(value)},${JSON.stringify(object).slice(1)}`;
          expect(check(text).map((i) => i.path)).toEqual([[key]]);
        }),
      );
    });
  });
});
