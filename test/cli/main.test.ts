import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI_TEXTS } from "../../src/cli/texts.js";
import { runCli } from "./run.js";

const scratch = () => mkdtempSync(join(tmpdir(), "aftersales-cli-"));

describe("aftersales for people and pipelines", () => {
  it("prints the package's version", async () => {
    const { version } = JSON.parse(readFileSync("package.json", "utf8"));
    const { code, stdout } = await runCli("--version");
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(version);
  });

  it("exits 2 when lint finds nothing to lint, instead of passing", async () => {
    const { code, stderr } = await runCli("lint", scratch(), "--lang", "en");
    expect(code).toBe(2);
    expect(stderr).toMatch(/no JSON files to lint in /);
  });

  it("treats an unknown --format or --reporter as a usage error", async () => {
    const lint = await runCli("lint", "rules", "--format", "sarif", "--lang", "en");
    expect(lint.code).toBe(2);
    expect(lint.stderr).toContain("--format must be pretty, json or github (got sarif)");
    const test = await runCli("test", "fixtures/001-no-reason-day7-last-second.json", "--reporter", "tap");
    expect(test.code).toBe(2);
    expect(test.stderr).toContain("--reporter 只能是 pretty、json 或 junit（收到 tap）");
  });

  it("writes the default report to --output when no --reporter is given", async () => {
    const out = join(scratch(), "report.txt");
    const { code, stdout } = await runCli("test", "fixtures/001-no-reason-day7-last-second.json", "--output", out, "--lang", "en");
    expect(code).toBe(0);
    expect(stdout).toBe("");
    expect(readFileSync(out, "utf8")).toContain("1 passed, 0 failed (1 fixtures)");
  });

  it("writes lint, test and --help in zh-CN by default and in English with --lang en", async () => {
    const zh = await runCli("test", "--help");
    expect(zh.stdout).toContain("运行合规夹具");
    expect(zh.stdout).toContain("用法：");
    expect((await runCli("--help")).stdout).toContain("退出码：");
    const en = await runCli("test", "--help", "--lang", "en");
    expect(en.stdout).toContain("run compliance fixtures");
    expect(en.stdout).toContain("Usage:");
    expect((await runCli("--help", "--lang=en")).stdout).toContain("Exit codes:");
    expect((await runCli("lint", "rules")).stdout).toMatch(/\d+ 个文件，0 个错误，\d+ 个警告/);
    expect((await runCli("test", "fixtures/001-no-reason-day7-last-second.json")).stdout).toContain("1 个通过，0 个失败（共 1 个夹具）");
  });

  it("has every text in both languages, none left empty", () => {
    for (const key of Object.keys(CLI_TEXTS.en) as (keyof typeof CLI_TEXTS.en)[]) {
      const zh = CLI_TEXTS["zh-CN"][key];
      const en = CLI_TEXTS.en[key];
      const sample = (t: unknown) => (typeof t === "function" ? String(t("x", 1, 2, "y")) : String(t));
      expect(sample(zh), key).not.toBe("");
      expect(sample(zh), key).not.toBe(sample(en));
    }
  });
});

describe("JSON syntax errors in words", () => {
  const lint = (text: string, lang: string) => {
    const file = join(scratch(), "rule.json");
    writeFileSync(file, text);
    return runCli("lint", file, "--lang", lang);
  };

  it("names a full-width colon, comma or quote with its line and column", async () => {
    const colon = await lint('{\n  "id"："x"\n}', "en");
    expect(colon.code).toBe(1);
    expect(colon.stdout).toMatch(/rule\.json:2:7 error invalid_json \(root\): invalid JSON: a full-width colon "：" where JSON needs ":"/);
    const zh = await lint('{\n  "id"："x"\n}', "zh-CN");
    expect(zh.stdout).toContain("rule.json:2:7 error invalid_json (root): JSON 语法错误：此处是全角冒号“：”，JSON 需要半角“:”");
    expect((await lint('{"a": 1，"b": 2}', "en")).stdout).toMatch(/:1:8 error invalid_json \(root\): invalid JSON: a full-width comma "，" where JSON needs ","/);
    expect((await lint('{"a": “x”}', "zh-CN")).stdout).toContain(":1:7 error invalid_json (root): JSON 语法错误：此处是中文引号“”，JSON 需要半角“\"”");
  });

  it("names a byte order mark as such", async () => {
    const bom = await lint('\uFEFF{"id": "x"}', "en");
    expect(bom.stdout).toMatch(/:1:1 error invalid_json \(root\): invalid JSON: a byte order mark \(BOM\) at the start of the file/);
  });

  it("says in words what was expected, not the parser's error code", async () => {
    const { stdout } = await lint('{"a": 1 "b": 2}', "en");
    expect(stdout).toContain('invalid JSON: a "," expected between entries');
    expect(stdout).not.toContain("CommaExpected");
  });
});
