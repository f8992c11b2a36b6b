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
    const { code, stdout } = await runCli("test", "fixtures", "--coverage", "--min-coverage", "100");
    expect(code).toBe(0);
    expect(stdout).toMatch(/117 passed, 0 failed/);
    expect(stdout).toContain("rule coverage: 100% (74/74");
  });

  it("reports a category the policy's table does not know, without failing the fixture (issue 12 §13)", async () => {
    const { code, stdout } = await runCli("test", "fixtures/103-category-unknown-reported-and-reviewed.json", "fixtures/102-category-alias-platform-name-phone.json", "--reporter", "pretty", "--reporter", "json");
    expect(code).toBe(0);
    expect(stdout).toContain('! unknown category "Smart Band 7" at case.order.items[0].category');
    expect(stdout).toContain("1 line(s) with a category the policy's category table does not know");
    expect(stdout).not.toContain('"手机" at'); // an alias is known
    expect(stdout).toContain(String.raw`"unknownCategories": [` + "\n" + String.raw`        "\"Smart Band 7\" at case.order.items[0].category"`); // the json reporter
  });

  it("shows a readable diff at the field that differs and exits 1", async () => {
    const { code, stdout } = await runCli("test", "test/cli/failing-fixture");
    expect(code).toBe(1);
    expect(stdout).toContain("✗ test/cli/failing-fixture/wrong-day8.json");
    expect(stdout).toContain("at lines[0].eligibility.return.status:\n      - expected \"allowed\"\n      + actual   \"denied\"");
    expect(stdout).toContain("at lines[0].eligibility.return.deadline:\n      - expected \"2026-03-09T00:00:00+08:00\"\n      + actual   (absent)");
  });

  it("writes JUnit XML of the expected shape, with the diff in the failure body", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "junit-")), "reports", "junit.xml");
    const { code } = await runCli("test", "fixtures/001-no-reason-day7-last-second.json", "test/cli/failing-fixture", "--reporter", "junit", "--output", out);
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
    const { code, stdout } = await runCli("test", "fixtures/001-no-reason-day7-last-second.json", "--min-coverage", "90");
    expect(code).toBe(1);
    expect(stdout).toContain("no fixture exercises:");
    expect(stdout).toContain("statutory-cn/cn-quality/sanbao_repeat_repair_return");
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
