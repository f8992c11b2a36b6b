import { explain } from "../decide/explain.js";
import { decideCaseFile, type DecideFlags } from "./decide.js";
import { EXIT, palette } from "./io.js";
import { renderDecision } from "./renderDecision.js";
import { terminalSafe } from "./terminalText.js";

/** `aftersales explain case.json`: the decision, then why each verdict came out. */
export function explainCommand(file: string, flags: DecideFlags): number {
  // The explanation reads the trace, so it is always on here.
  const { decision, lang } = decideCaseFile(file, flags, true);
  if (flags.json) {
    process.stdout.write(`${JSON.stringify({ decision, explanation: explain(decision, { lang }) }, null, 2)}\n`);
  } else {
    // Readable output escapes control characters from the data (JSON escapes them itself).
    const safe = terminalSafe(decision);
    process.stdout.write(`${renderDecision(safe, lang, palette(false))}\n\n${explain(safe, { lang })}\n`);
  }
  return EXIT.ok;
}
