import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { xmlEscape } from "../../src/tools/compliance/junit.js";
import { runCli } from "./run.js";

describe("aftersales test", () => {
  it("passes the bundled fixtures with 100% rule coverage (the CI gate)", async () => {
    const { code, stdout } = await runCli("test", "fixtures", "--coverage", "--min-coverage", "100", "--lang", "en");
    expect(code).toBe(0);
    expect(stdout).toMatch(/142 passed, 0 failed/);
    expect(stdout).toContain("rule coverage: 100% (87/87");
    expect(stdout).toContain("layers statutory-cn, platform, merchant");
  });

  it("reports a category the policy's table does not know, without failing the fixture (issue 12 §13)", async () => {
    const { code, stdout } = await runCli("test", "fixtures/103-category-unknown-reported-and-reviewed.json", "fixtures/102-category-alias-platform-name-phone.json", "--reporter", "pretty", "--reporter", "json", "--lang", "en");
    expect(code).toBe(0);
    expect(stdout).toContain('! unknown category "Smart Band 7" at case.order.items[0].category');
    expect(stdout).toContain("1 line(s) with a category the policy's category table does not know");
    expect(stdout).not.toContain('"手机" at'); // an alias is known
    expect(stdout).toContain(String.raw`"unknownCategories": [` + "\n" + String.raw`        "\"Smart Band 7\" at case.order.items[0].category"`); // the json reporter
  });

  it("shows a readable diff at the field that differs and exits 1", async () => {
    const { code, stdout } = await runCli("test", "test/cli/failing-fixture", "--lang", "en");
    expect(code).toBe(1);
    expect(stdout).toContain("✗ test/cli/failing-fixture/wrong-day8.json");
    expect(stdout).toContain("at lines[0].eligibility.return.status:\n      - expected \"allowed\"\n      + actual   \"denied\"");
    expect(stdout).toContain("at lines[0].eligibility.return.deadline:\n      - expected \"2026-03-09T00:00:00+08:00\"\n      + actual   (absent)");
  });

  it("writes JUnit XML of the expected shape, with the diff in the failure body", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "junit-")), "reports", "junit.xml");
    const { code } = await runCli("test", "fixtures/001-no-reason-day7-last-second.json", "test/cli/failing-fixture", "--reporter", "junit", "--output", out, "--lang", "en");
    expect(code).toBe(1);
    const xml = readFileSync(out, "utf8");
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(xml);
    expect(doc.testsuites).toMatchObject({ tests: "2", failures: "1" });
    const [pass, fail] = doc.testsuites.testsuite;
    expect(pass.testcase).toMatchObject({ classname: "cn-default@2026.11.0", name: expect.stringContaining("day 7 23:59:59") });
    expect(pass.testcase.failure).toBeUndefined();
    expect(fail.testcase.name).toBe("deliberately wrong: expects day 8 to be allowed <&>");
    expect(fail.testcase.failure.message).toBe("at lines[0].eligibility.return.status:");
    expect(fail.testcase.failure["#text"]).toContain('+ actual   "denied"');
  });

  it("fails the coverage gate when fixtures leave rules unexercised", async () => {
    const { code, stdout } = await runCli("test", "fixtures/001-no-reason-day7-last-second.json", "--min-coverage", "90", "--lang", "en");
    expect(code).toBe(1);
    expect(stdout).toContain("no fixture exercises:");
    expect(stdout).toContain("statutory-cn/cn-quality/sanbao_repeat_repair_return");
  });

  it("measures the layers a merchant folder defines, not the bundled ones it extends", async () => {
    // merchant-30-day extends the bundled policy and adds one layer of 2 rules; 041 fires one, 042 the other.
    const merchant = ["fixtures/041-merchant-30-day-day20.json", "fixtures/042-merchant-30-day-day31.json"];
    const own = await runCli("test", ...merchant, "--min-coverage", "100", "--coverage", "--lang", "en");
    expect(own.stdout).toContain("rule coverage: 100% (2/2 rules fired by at least one fixture; layers merchant)");
    expect(own.code).toBe(0);
    const withPolicyFlag = await runCli("test", ...merchant, "--policy", "fixtures/policies/merchant-30-day", "--min-coverage", "100");
    expect(withPolicyFlag.code).toBe(0);
    const all = await runCli("test", ...merchant, "--min-coverage", "100", "--coverage", "--include-bundled", "--lang", "en");
    expect(all.code).toBe(1);
    expect(all.stdout).toMatch(/rule coverage: \d+(\.\d)?% \(\d+\/74 rules fired by at least one fixture; layers statutory-cn, platform, merchant\)/);
    expect(all.stdout).toContain("statutory-cn/cn-quality/sanbao_repeat_repair_return");
  });

  it("lets a fixture assert that an option contains an item, and shows each element's first difference when none does", async () => {
    const { code, stdout } = await runCli("test", "test/cli/contains-fixture", "--lang", "en");
    expect(code).toBe(1);
    expect(stdout).toContain("✓ test/cli/contains-fixture/coupon-among-items.json");
    expect(stdout).toContain(
      [
        "at compensation.options[0].items: no item matches",
        '      - expected an item like {"kind":"coupon","amount":{"amount":2000}}',
        '      + [0].kind is "refund", not "coupon"',
        "      + [1].amount.amount is 2990, not 2000",
      ].join("\n"),
    );
  });

  it("writes the diff in zh-CN by default", async () => {
    const { stdout } = await runCli("test", "test/cli/failing-fixture", "test/cli/contains-fixture");
    expect(stdout).toContain('位置 lines[0].eligibility.return.status：\n      - 期望 "allowed"\n      + 实际 "denied"');
    expect(stdout).toContain("位置 compensation.options[0].items：没有元素匹配");
    expect(stdout).toContain("+ [1].amount.amount 是 2990，不是 2000");
  });

  it("reports json", async () => {
    const { stdout } = await runCli("test", "test/cli/failing-fixture", "--reporter", "json");
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ passed: 0, failed: 1 });
    expect(report.results[0].mismatches[0]).toEqual({ path: ["lines", 0, "eligibility", "return", "status"], expected: "allowed", actual: "denied" });
  });

  it("escapes any string so that it survives an XML parser", () => {
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", parseAttributeValue: false, trimValues: false, processEntities: true, htmlEntities: false });
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const xml = `<a v="${xmlEscape(s)}">${xmlEscape(s)}</a>`;
        expect(XMLValidator.validate(xml)).toBe(true);
        const parsed = parser.parse(xml).a;
        const text = typeof parsed === "object" ? (parsed["#text"] ?? "") : String(parsed);
        // Illegal XML characters are dropped; everything else survives.
        expect(String(text)).toBe(s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, ""));
      }),
    );
  });
});
