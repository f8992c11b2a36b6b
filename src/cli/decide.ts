import { createDecider } from "../decide/createDecider.js";
import { CaseValidationError } from "../decide/errors.js";
import { defaultPolicy } from "../policy/defaultPolicy.js";
import { safeLoadPolicy } from "../policy/loadPolicy.js";
import type { Policy } from "../policy/policy.js";
import type { Decision } from "../decide/types.js";
import { CliExit, EXIT, clockFrom, displayPath, palette, parseLang, readJsonFile, timeZoneFrom, type Lang } from "./io.js";
import { renderDecision } from "./renderDecision.js";
import { terminalSafe } from "./terminalText.js";

export interface DecideFlags {
  readonly now?: string;
  readonly policy?: string;
  readonly json?: boolean;
  readonly lang?: string;
  readonly timeZone?: string;
}

/** `aftersales decide case.json`: the decision, readable by default, JSON with --json. */
export function decideCommand(file: string, flags: DecideFlags): number {
  const { decision, lang } = decideCaseFile(file, flags, flags.json === true);
  // JSON escapes control characters itself; readable output escapes them from the data.
  process.stdout.write(flags.json ? `${JSON.stringify(decision, null, 2)}\n` : `${renderDecision(terminalSafe(decision), lang, palette(false))}\n`);
  return EXIT.ok;
}

/** Decides the case in `file` as the flags say; an invalid case stops with exit 2 and its located issues. */
export function decideCaseFile(file: string, flags: DecideFlags, trace: boolean): { decision: Decision; lang: Lang } {
  const lang = parseLang(flags.lang);
  const decider = createDecider({
    policy: policyFrom(flags.policy, lang),
    lang,
    clock: clockFrom(flags.now),
    ...(flags.timeZone ? { timeZone: timeZoneFrom(flags.timeZone)! } : {}),
    trace,
  });
  const result = decider.safeDecide(readJsonFile(file, lang));
  if (!result.success) {
    const issues = result.error instanceof CaseValidationError ? result.error.issues.map((i) => ({ ...i, file })) : result.error.issues;
    throw new CliExit(EXIT.usage, `${file}: ${result.error.message.split("\n")[0]}`, issues);
  }
  return { decision: result.data, lang };
}

export function policyFrom(dir: string | undefined, lang?: Lang): Policy {
  if (dir === undefined) return defaultPolicy();
  const loaded = safeLoadPolicy(displayPath(dir), lang === undefined ? {} : { lang });
  if (!loaded.success) throw new CliExit(EXIT.usage, `policy ${dir} is invalid`, loaded.error.issues);
  return loaded.data;
}
