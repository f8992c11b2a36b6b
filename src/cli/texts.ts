import { DEFAULT_LANG, type Lang } from "../_lib/issues.js";

/*
 * The words of the `lint` and `test` commands and of `--help`, in both languages, in one
 * place: a message is chosen by key when it is written, in the language of `--lang`.
 */
const zhCN = {
  program: "按声明式规则集处理电商售后案件（七日无理由退货、三包）。",
  exitCodes: `
退出码：
  0  已运行且未发现问题（拒绝某项救济也是 0）
  1  有发现：lint 错误、夹具未通过、覆盖率低于门槛
  2  无法运行：参数错误、文件不可读、JSON 无效、案件或政策无效
  3  内部错误`,
  version: "显示版本号",
  help: "显示帮助",
  lang: "zh-CN 或 en：消息的语言",
  decideDescription: "处理一个案件并打印决定",
  explainDescription: "处理一个案件并说明原因：触发的规则和差一点触发的规则",
  schemaDescription: "打印规则集 JSON Schema，或把所有 Schema（规则集、案件、政策、三包表、夹具）写入文件夹",
  generateDescription: "生成逼真的合成案件（NDJSON，同一种子结果相同）",
  caseFile: "案件文件",
  caseNow: "决定时间（带时区偏移的 ISO）；默认：当前时间",
  casePolicy: "含 policy.json 的政策文件夹；默认：内置政策",
  caseTimeZone: "政策的时区",
  decideJson: "以 JSON 打印决定（含 trace）",
  explainJson: "以 JSON 打印决定和说明",
  lintDescription: "检查规则文件和政策文件夹：文件:行:列、规则 id、消息",
  lintPaths: "文件或文件夹（含 policy.json 的文件夹按政策检查）",
  lintFormat: "pretty、json 或 github（注释）",
  testDescription: "运行合规夹具：失败时显示差异，JUnit XML，规则覆盖率",
  testPaths: "夹具文件或文件夹",
  testReporter: "pretty、json 或 junit（可重复）",
  testOutput: "把报告写入文件（未指定 --reporter 时写默认报告）",
  testCoverage: "逐条规则列出触发它的夹具数",
  testMinCoverage: "规则覆盖率低于此百分比时退出码为 1",
  testIncludeBundled: "覆盖率同时计入政策文件夹继承的内置层",
  testPolicy: "未指定政策的夹具按此政策文件夹决定",
  unknownFormat: (got: string) => `--format 只能是 pretty、json 或 github（收到 ${got}）`,
  unknownReporter: (got: string) => `--reporter 只能是 pretty、json 或 junit（收到 ${got}）`,
  minCoverage: "--min-coverage 是 0 到 100 的百分比",
  noRuleFiles: (paths: string) => `${paths} 中没有可检查的 JSON 文件`,
  noFixtures: (paths: string) => `${paths} 中没有夹具文件`,
  noSuchPath: (path: string) => `没有这个文件或文件夹：${path}`,
  lintSummary: (files: number, errors: number, warnings: number) => `${files} 个文件，${errors} 个错误，${warnings} 个警告`,
  testSummary: (passed: number, failed: number, total: number) => `${passed} 个通过，${failed} 个失败（共 ${total} 个夹具）`,
  unknownCategory: (where: string) => `未知品类 ${where}`,
  unknownCategories: (n: number) => `${n} 个订单行的品类不在策略的品类表中`,
  coverageLine: (percent: number, fired: number, total: number, layers: string) => `规则覆盖率：${percent}%（${fired}/${total} 条规则至少被一个夹具触发；层：${layers}）`,
  uncovered: "没有夹具触发的规则：",
  belowGate: (percent: number, min: number) => `规则覆盖率 ${percent}% 低于 --min-coverage ${min}%`,
};

const en: typeof zhCN = {
  program: "Decide e-commerce after-sales cases (七日无理由退货, 三包) from declarative rule sets.",
  exitCodes: `
Exit codes:
  0  ran and found nothing wrong (a denied remedy is still 0)
  1  findings: lint errors, failing fixtures, coverage below the gate
  2  could not run: bad flags, unreadable file, invalid JSON, invalid case or policy
  3  internal error`,
  version: "print the version",
  help: "display help for command",
  lang: "zh-CN or en: the language of messages",
  decideDescription: "decide one case and print the decision",
  explainDescription: "decide one case and show why: the rules that fired and those that nearly did",
  schemaDescription: "print the rule-set JSON Schema, or write every schema (rule set, case, policy, table, fixture) to a folder",
  generateDescription: "write realistic synthetic cases as NDJSON (deterministic for a seed)",
  caseFile: "the case file",
  caseNow: "decision time (ISO with offset); default: now",
  casePolicy: "a policy folder with policy.json; default: the bundled policy",
  caseTimeZone: "the policy's time zone",
  decideJson: "print the decision as JSON (with its trace)",
  explainJson: "print the decision and the explanation as JSON",
  lintDescription: "check rule files and policy folders: file:line:column, rule id, message",
  lintPaths: "files or folders (a folder with policy.json is linted as a policy)",
  lintFormat: "pretty, json or github (annotations)",
  testDescription: "run compliance fixtures; diff on failure, JUnit XML, rule coverage",
  testPaths: "fixture files or folders",
  testReporter: "pretty, json or junit (repeatable)",
  testOutput: "write the report to a file (the default report when no --reporter is given)",
  testCoverage: "list, per rule, how many fixtures fired it",
  testMinCoverage: "exit 1 when rule coverage is below this",
  testIncludeBundled: "coverage: count the bundled layers a policy folder extends, too",
  testPolicy: "decide fixtures without their own policy by this policy folder",
  unknownFormat: (got) => `--format must be pretty, json or github (got ${got})`,
  unknownReporter: (got) => `--reporter must be pretty, json or junit (got ${got})`,
  minCoverage: "--min-coverage is a percent from 0 to 100",
  noRuleFiles: (paths) => `no JSON files to lint in ${paths}`,
  noFixtures: (paths) => `no fixture files in ${paths}`,
  noSuchPath: (path) => `no such file or folder: ${path}`,
  lintSummary: (files, errors, warnings) => `${files} files, ${errors} errors, ${warnings} warnings`,
  testSummary: (passed, failed, total) => `${passed} passed, ${failed} failed (${total} fixtures)`,
  unknownCategory: (where) => `unknown category ${where}`,
  unknownCategories: (n) => `${n} line(s) with a category the policy's category table does not know`,
  coverageLine: (percent, fired, total, layers) => `rule coverage: ${percent}% (${fired}/${total} rules fired by at least one fixture; layers ${layers})`,
  uncovered: "no fixture exercises:",
  belowGate: (percent, min) => `rule coverage ${percent}% is below --min-coverage ${min}%`,
};

export type CliTexts = typeof zhCN;

export const CLI_TEXTS: Readonly<Record<Lang, CliTexts>> = { "zh-CN": zhCN, en };

export function cliTexts(lang: Lang = DEFAULT_LANG): CliTexts {
  return CLI_TEXTS[lang];
}

/**
 * The language `--help` is written in, read from the arguments before commander parses
 * them (it writes help while parsing): `--lang en` or `--lang=en` anywhere; the default otherwise.
 */
export function langInArgs(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i] === "--lang" ? argv[i + 1] : argv[i]?.startsWith("--lang=") ? argv[i]!.slice("--lang=".length) : undefined;
    if (value === "en" || value === "zh-CN") return value;
  }
  return DEFAULT_LANG;
}
