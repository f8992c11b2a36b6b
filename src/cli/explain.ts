import { createDecider } from "../decision/createDecider.js";
import { CaseValidationError } from "../decision/errors.js";
import { explain } from "../decision/explain.js";
import { policyFrom, type DecideFlags } from "./decide.js";
import { CliExit, EXIT, clockFrom, palette, parseLang, readJsonFile } from "./io.js";
import { renderDecision } from "./renderDecision.js";

/** `aftersales explain case.json`: the decision, then why each verdict came out. */
export function explainCommand(file: string, flags: DecideFlags): number {
  const lang = parseLang(flags.lang);
  const decider = createDecider({ policy: policyFrom(flags.policy), lang, clock: clockFrom(flags.now), ...(flags.timeZone ? { timeZone: flags.timeZone } : {}) });
  const result = decider.safeDecide(readJsonFile(file));
  if (!result.success) {
    const issues = result.error instanceof CaseValidationError ? result.error.issues.map((i) => ({ ...i, file })) : [];
    throw new CliExit(EXIT.usage, `${file}: ${result.error.message.split("\n")[0]}`, issues);
  }
  if (flags.json) {
    process.stdout.write(`${JSON.stringify({ decision: result.data, explanation: explain(result.data, { lang }) }, null, 2)}\n`);
  } else {
    process.stdout.write(`${renderDecision(result.data, lang, palette(false))}\n\n${explain(result.data, { lang })}\n`);
  }
  return EXIT.ok;
}
