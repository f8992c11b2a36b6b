import type { Issue } from "../../_lib/issues.js";
import { suggest } from "../../engine/checkReferences.js";
import type { RuleSet } from "../../engine/ruleSetSchema.js";
import { FACT_NAMES, FACTS } from "../format/factCatalog.js";
import { factReferences } from "./_factReferences.js";

/**
 * Facts the catalogue does not define. json-rules-engine would read them as undefined, and
 * `notEqual`/`notIn` pass on undefined, so a misspelt fact fails open (P4).
 */
export function checkUnknownFacts(ruleSet: RuleSet): Issue[] {
  return factReferences(ruleSet)
    .filter(({ fact }) => !Object.hasOwn(FACTS, fact))
    .map(({ fact, path }) => ({
      code: "unknown_fact",
      path,
      message: `unknown fact "${fact}"${suggest(fact, FACT_NAMES)} (the documented facts: docs/rule-format.md)`,
    }));
}
