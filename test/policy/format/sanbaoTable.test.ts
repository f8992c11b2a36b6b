import { finalizeIssues } from "../../../src/_lib/issueMessages.js";
import { safeParseIssues } from "../../../src/_lib/zodIssues.js";
import { describe, expect, it } from "vitest";
import { categoryName, categoryRow, categoryTableOf, SanbaoTableSchema } from "../../../src/policy/format/sanbaoTable.js";
import bundled from "../../../rules/statutory/cn-sanbao-categories.json" with { type: "json" };

const cite = { "zh-CN": "x", en: "x" };
const table = (categories: Record<string, unknown>) => ({ id: "t", version: "1", categories });
// The table's issues as the library reports them: code and params as data, words written late (here in English).
const issues = (t: unknown) => {
  const r = safeParseIssues(SanbaoTableSchema, t);
  return r.success ? [] : finalizeIssues(r.issues, "en").map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("the category table", () => {
  it("says which rows are 三包 catalogue rows: phones and laptops are, earphones and cosmetics are not", () => {
    const t = categoryTableOf(SanbaoTableSchema.parse(bundled));
    expect(categoryRow(t, "mobile_phone")).toMatchObject({ statutory: true, warrantyMonths: 12 });
    expect(categoryRow(t, "earphones")).toMatchObject({ statutory: false, warrantyMonths: null });
    expect(categoryRow(t, "cosmetics")).toMatchObject({ statutory: false, oneTimeSeal: true });
    expect(categoryRow(t, "underwear")).toMatchObject({ statutory: false, oneTimeSeal: false }); // the documented default
  });

  it("finds a row by its key, an alias, or either in another case or separator", () => {
    const t = categoryTableOf(SanbaoTableSchema.parse(bundled));
    for (const name of ["mobile_phone", "手机", "phone", "Mobile_Phone", " mobile-phone ", "MOBILE PHONE"]) expect(categoryRow(t, name)?.key, name).toBe("mobile_phone");
    expect(categoryRow(t, "pet_supplies")).toBeUndefined();
    expect(categoryRow(t, "constructor")).toBeUndefined(); // no prototype keys
    const odd = categoryTableOf(SanbaoTableSchema.parse(table({ kettle: { warrantyMonths: 12, aliases: ["__proto__"], citation: cite } })));
    expect(categoryRow(odd, "__proto__")?.key).toBe("kettle");
    expect(categoryName(" Mobile-Phone ")).toBe("mobile_phone");
  });

  it("refuses a name that leads to two rows", () => {
    expect(issues(table({ phone: { warrantyMonths: 12, citation: cite }, mobile_phone: { warrantyMonths: 12, aliases: ["Phone"], citation: cite } }))).toEqual([
      'categories.mobile_phone.aliases.0: "Phone" already names the category "phone"',
    ]);
  });

  it("refuses a 三包 period on a row in no catalogue", () => {
    expect(issues(table({ earphones: { statutory: false, warrantyMonths: 3, citation: cite } }))).toEqual([
      "categories.earphones.warrantyMonths: a row that is in no 三包 catalogue (statutory: false) has no 三包 period or part periods (warrantyMonths: null, no parts)",
    ]);
  });

  it("reads a row without `statutory` (a table written before the column) as a catalogue row", () => {
    const t = categoryTableOf(SanbaoTableSchema.parse(table({ kettle: { warrantyMonths: 12, citation: cite } })));
    expect(categoryRow(t, "kettle")).toEqual({ key: "kettle", statutory: true, warrantyMonths: 12, parts: {}, oneTimeSeal: false });
  });
});
