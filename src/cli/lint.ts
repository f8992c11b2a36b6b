import { statSync, type Stats } from "node:fs";
import { formatIssue, formatPath } from "../_lib/issues.js";
import { lintPaths } from "../tools/lint/lint.js";
import { CliExit, EXIT, displayPath, palette, parseLang } from "./io.js";
import { terminalText } from "./terminalText.js";
import { cliTexts } from "./texts.js";

const FORMATS = ["pretty", "json", "github"];

/** `aftersales lint <files|dirs>`: file:line:column severity code message; exit 1 on errors. */
export function lintCommand(paths: string[], flags: { format?: string; lang?: string }): number {
  const lang = parseLang(flags.lang);
  const t = cliTexts(lang);
  if (flags.format !== undefined && !FORMATS.includes(flags.format)) throw new CliExit(EXIT.usage, t.unknownFormat(flags.format));
  // A path that is not there (or is a FIFO or device) means lint could not run: exit 2, not a finding.
  for (const path of paths) {
    const stat = statOrUndefined(path);
    if (!stat) throw new CliExit(EXIT.usage, `cannot read ${path}: no such file or folder`);
    if (!stat.isFile() && !stat.isDirectory()) throw new CliExit(EXIT.usage, `cannot read ${path}: not a regular file or folder`);
  }
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
      process.stdout.write(`::${i.severity === "warning" ? "warning" : "error"}${terminalText(where)}::${terminalText(`${formatPath(i.path)}: ${i.message.replace(/\r?\n/g, " ")}`)}\n`);
    }
  } else {
    const c = palette(false);
    for (const issue of report.issues) {
      const line = terminalText(formatIssue(issue)).replace(/^(\S+ )/, `$1${issue.severity === "warning" ? c.yellow("warning") : c.red("error")} `);
      process.stdout.write(`${issue.file ? line : `${line}`}\n`);
    }
    process.stdout.write(`${t.lintSummary(report.files.length, report.errorCount, report.warningCount)}\n`);
  }
  return report.errorCount > 0 ? EXIT.findings : EXIT.ok;
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
