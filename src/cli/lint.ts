import { formatIssue, formatPath } from "../_lib/issues.js";
import { lintPaths } from "../tools/lint/lint.js";
import { CliExit, EXIT, displayPath, palette, parseLang } from "./io.js";
import { cliTexts } from "./texts.js";

const FORMATS = ["pretty", "json", "github"];

/** `aftersales lint <files|dirs>`: file:line:column severity code message; exit 1 on errors. */
export function lintCommand(paths: string[], flags: { format?: string; lang?: string }): number {
  const lang = parseLang(flags.lang);
  const t = cliTexts(lang);
  if (flags.format !== undefined && !FORMATS.includes(flags.format)) throw new CliExit(EXIT.usage, t.unknownFormat(flags.format));
  const targets = paths.length > 0 ? paths.map(displayPath) : ["rules"];
  const report = lintPaths(targets, { lang });
  // Nothing linted is not "nothing wrong": a CI step pointed at the wrong folder must not pass.
  if (report.files.length === 0 && report.issues.length === 0) throw new CliExit(EXIT.usage, t.noRuleFiles(targets.join(", ")));
  if (flags.format === "json") {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else if (flags.format === "github") {
    // GitHub Actions workflow commands: each issue becomes an annotation on the PR diff.
    for (const i of report.issues) {
      const where = i.file ? ` file=${i.file},line=${i.line ?? 1},col=${i.column ?? 1},title=${i.code}` : ` title=${i.code}`;
      process.stdout.write(`::${i.severity === "warning" ? "warning" : "error"}${where}::${formatPath(i.path)}: ${i.message.replace(/\r?\n/g, " ")}\n`);
    }
  } else {
    const c = palette(false);
    for (const issue of report.issues) {
      const line = formatIssue(issue).replace(/^(\S+ )/, `$1${issue.severity === "warning" ? c.yellow("warning") : c.red("error")} `);
      process.stdout.write(`${issue.file ? line : `${line}`}\n`);
    }
    process.stdout.write(`${t.lintSummary(report.files.length, report.errorCount, report.warningCount)}\n`);
  }
  return report.errorCount > 0 ? EXIT.findings : EXIT.ok;
}
