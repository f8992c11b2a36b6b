import { relative } from "node:path";
import { createColors } from "picocolors";
import { finalizeIssues, messageOf } from "../_lib/issueMessages.js";
import { DEFAULT_LANG, formatIssue, type Issue, type Lang } from "../_lib/issues.js";
import { parseSourceDocument } from "../_lib/sourcePositions.js";
import { MAX_POLICY_FILE_BYTES, readRegularFile } from "../policy/policyFiles.js";
import { terminalText } from "./terminalText.js";

/** Exit codes, stable and documented: 0 ok (a denial is still 0), 1 findings, 2 could not run, 3 internal error. */
export const EXIT = { ok: 0, findings: 1, usage: 2, internal: 3 } as const;

/** Thrown to stop a command with an exit code and located issues (printed to stderr). */
export class CliExit extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly issues: readonly Issue[] = [],
  ) {
    super(message);
  }
}

export type { Lang };

export function parseLang(value: string | undefined): Lang {
  if (value === undefined || value === "zh-CN" || value === "en") return value ?? DEFAULT_LANG;
  throw new CliExit(EXIT.usage, `--lang must be zh-CN or en (got ${value})`);
}

/** Colour only for a terminal, never for --json, and as NO_COLOR / FORCE_COLOR say. */
export function palette(json: boolean, stream: NodeJS.WriteStream = process.stdout) {
  const env = process.env;
  const on = !json && !env.NO_COLOR && (stream.isTTY === true || (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0"));
  return createColors(on);
}

/**
 * A path as the user should see it in issues: relative to the working directory. The library
 * reads no process globals and names files as it was given them, so the CLI does this.
 */
export function displayPath(path: string): string {
  return relative(process.cwd(), path) || path;
}

/** Reads a JSON file; a missing file or invalid JSON stops with exit 2 and a located message. */
export function readJsonFile(file: string, lang?: Lang): unknown {
  // A regular file of bounded size only: `/dev/zero` or a FIFO would never end.
  const read = readRegularFile(file, file, MAX_POLICY_FILE_BYTES);
  if ("issue" in read) throw new CliExit(EXIT.usage, messageOf(read.issue, lang ?? DEFAULT_LANG));
  const doc = parseSourceDocument(read.text, file);
  if (doc.syntaxIssues.length > 0) throw new CliExit(EXIT.usage, `${file} is not valid JSON`, finalizeIssues(doc.syntaxIssues, lang));
  return doc.value;
}

export function printIssues(issues: readonly Issue[]): void {
  for (const issue of issues) process.stderr.write(`${terminalText(formatIssue(issue))}\n`);
}

/** `--time-zone` checked before any decider is built: an unknown zone is a bad flag (exit 2), not an internal error. */
export function timeZoneFrom(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
  } catch {
    throw new CliExit(EXIT.usage, `--time-zone must be an IANA time zone such as Asia/Shanghai (got ${name})`);
  }
  return name;
}

/** A fixed clock from `--now`, or the machine's clock. */
export function clockFrom(now: string | undefined): () => Date {
  if (now === undefined) return () => new Date();
  const t = Date.parse(now);
  if (!/([+-]\d\d:\d\d|Z)$/.test(now) || Number.isNaN(t)) {
    throw new CliExit(EXIT.usage, `--now must be an ISO date-time with an offset, e.g. 2026-03-04T10:00:00+08:00 (got ${now})`);
  }
  return () => new Date(t);
}
