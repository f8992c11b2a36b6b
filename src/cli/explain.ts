import { explain } from "../decide/explain.js";
import { decideCaseFile, type DecideFlags } from "./decide.js";
import { EXIT, palette } from "./io.js";
import { renderDecision } from "./renderDecision.js";

/** `aftersales explain case.json`: the decision, then why each verdict came out. */
export function explainCommand(file: string, flags: DecideFlags): number {
  // The explanation reads the trace, so it is always on here.
  const { decision, lang } = decideCaseFile(file, flags, true);
  const explanation = explain(decision, { lang });
  process.stdout.write(
    flags.json
      ? `${JSON.stringify({ decision, explanation }, null, 2)}\n`
      : `${renderDecision(decision, lang, palette(false))}\n\n${explanation}\n`,
  );
  return EXIT.ok;
}
