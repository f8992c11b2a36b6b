import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SEVERITY } from "../../src/_lib/issues.js";

describe("docs/rule-format.md lists every issue code with its severity", () => {
  it("has one row per code, with the severity loading and lint use", () => {
    const doc = readFileSync("docs/rule-format.md", "utf8");
    const table = doc.slice(doc.indexOf("<!-- issues:start -->"), doc.indexOf("<!-- issues:end -->"));
    const rows = [...table.matchAll(/^\| `(\w+)` \| (error|warning) \|/gm)].map(([, code, severity]) => [code, severity]);
    expect(Object.fromEntries(rows)).toEqual(SEVERITY);
    expect(rows.length).toBe(Object.keys(SEVERITY).length);
  });
});
