import { issue, type RawIssue } from "../../_lib/issues.js";
import { suggestion } from "../../engine/checkReferences.js";
import type { RuleSet } from "../../engine/ruleSetSchema.js";
import { FACT_NAMES, FACTS } from "../format/factCatalog.js";
import { factReferences } from "./_factReferences.js";

/**
 * Facts the catalogue does not define. json-rules-engine would read them as undefined, and
 * `notEqual`/`notIn` pass on undefined, so a misspelt fact fails open (P4).
 */
export function checkUnknownFacts(ruleSet: RuleSet): RawIssue[] {
  return factReferences(ruleSet)
    .filter(({ fact }) => !Object.hasOwn(FACTS, fact))
    .map(({ fact, path }) => issue("unknown_fact", path, { fact, ...suggestion(fact, FACT_NAMES) }));
}
