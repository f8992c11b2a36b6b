import { Command, CommanderError } from "commander";
import { batchCommand } from "./batch.js";
import { decideCommand } from "./decide.js";
import { generateCommand } from "./generate.js";
import { explainCommand } from "./explain.js";
import { lintCommand } from "./lint.js";
import { schemaCommand } from "./schema.js";
import { testCommand } from "./test.js";
import { DEFAULT_LANG } from "../_lib/issues.js";
import { CliExit, EXIT, printIssues } from "./io.js";
import { terminalText } from "./terminalText.js";
import { cliTexts, langInArgs, type CliTexts } from "./texts.js";
import packageJson from "../../package.json" with { type: "json" };

/** commander's own headings, in the help's language. */
const TITLES_ZH: Readonly<Record<string, string>> = { "Usage:": "用法：", "Options:": "选项：", "Commands:": "命令：", "Arguments:": "参数：", "Global Options:": "全局选项：" };

/** The options `decide` and `explain` share: how to decide one case file. */
function withCaseOptions(command: Command, json: string, t: CliTexts): Command {
  return command
    .option("--now <iso>", t.caseNow)
    .option("--policy <dir>", t.casePolicy)
    .option("--time-zone <iana>", t.caseTimeZone, "Asia/Shanghai")
    .option("--json", json)
    .option("--lang <lang>", t.lang, DEFAULT_LANG);
}

function program(t: CliTexts, lang: string): Command {
  const cli = new Command("aftersales")
    .description(t.program)
    .version(packageJson.version, "-V, --version", t.version)
    .helpOption("-h, --help", t.help)
    .helpCommand("help [command]", t.help)
    .addHelpText("after", t.exitCodes)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .configureHelp({ styleTitle: (title) => (lang === "zh-CN" ? (TITLES_ZH[title] ?? title) : title) });

  const decide = cli
    .command("decide")
    .description(t.decideDescription)
    .argument("<case.json>", t.caseFile);
  withCaseOptions(decide, t.decideJson, t).action((file: string, flags) => {
    process.exitCode = decideCommand(file, flags);
  });

  const explain = cli
    .command("explain")
    .description(t.explainDescription)
    .argument("<case.json>", t.caseFile);
  withCaseOptions(explain, t.explainJson, t).action((file: string, flags) => {
    process.exitCode = explainCommand(file, flags);
  });

  cli
    .command("lint")
    .description(t.lintDescription)
    .argument("[paths...]", t.lintPaths, ["rules"])
    .option("--format <format>", t.lintFormat, "pretty")
    .option("--lang <lang>", t.lang, DEFAULT_LANG)
    .action((paths: string[], flags) => {
      process.exitCode = lintCommand(paths, flags);
    });

  cli
    .command("test")
    .description(t.testDescription)
    .argument("[paths...]", t.testPaths, ["fixtures"])
    .option("--reporter <name>", t.testReporter, (v: string, all: string[] = []) => [...all, v])
    .option("--output <file>", t.testOutput)
    .option("--coverage", t.testCoverage)
    .option("--min-coverage <percent>", t.testMinCoverage)
    .option("--include-bundled", t.testIncludeBundled)
    .option("--policy <dir>", t.testPolicy)
    .option("--lang <lang>", t.lang, DEFAULT_LANG)
    .action((paths: string[], flags) => {
      process.exitCode = testCommand(paths, flags);
    });

  cli
    .command("schema")
    .description(t.schemaDescription)
    .option("--out <dir>", "write all schemas to this folder")
    .option("--name <file>", "print one schema, e.g. case.schema.json")
    .action((flags) => {
      process.exitCode = schemaCommand(flags);
    });

  cli
    .command("batch")
    .description("decide NDJSON cases into NDJSON decisions, in input order, on worker threads")
    .argument("<cases.ndjson>", "one case per line; - reads stdin")
    .option("-o, --output <file>", "write decisions here, replaced when the run ends (default and -: stdout)")
    .option("--workers <n>", "worker threads (default: the machine's cores; 0 = this thread)")
    .option("--policy <dir>", "a policy folder with policy.json; default: the bundled policy")
    .option("--now <iso>", "decision time for every case (ISO with offset); default: now")
    .option("--time-zone <iana>", "the policy's time zone", "Asia/Shanghai")
    .option("--trace", "include each decision's trace")
    .option("--quiet", "no progress output")
    .option("--max-line-bytes <n>", "a longer input line gets an error line, not a worker (default 1048576)")
    .action(async (input: string, flags) => {
      process.exitCode = await batchCommand(input, flags);
    });

  cli
    .command("generate")
    .description(t.generateDescription)
    .option("--count <n>", "how many cases", "1000")
    .option("--seed <s>", "seed", "1")
    .option("--lines <n>", "order lines per case (default: 1–3, as real orders mix)")
    .option("-o, --output <file>", "write here (default: stdout)")
    .action(async (flags) => {
      process.exitCode = await generateCommand(flags);
    });

  return cli;
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    const lang = langInArgs(argv);
    await program(cliTexts(lang), lang).parseAsync(argv as string[], { from: "user" });
    return Number(process.exitCode ?? EXIT.ok);
  } catch (error) {
    if (error instanceof CliExit) {
      process.stderr.write(`aftersales: ${terminalText(error.message)}\n`);
      printIssues(error.issues);
      return error.code;
    }
    if (error instanceof CommanderError) {
      // --help and --version are not errors; usage mistakes are "could not run" (2), not findings (1).
      return error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    process.stderr.write(`aftersales: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    return EXIT.internal;
  }
}
