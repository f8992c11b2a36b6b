import type { Issue } from "../../_lib/issues.js";
import type { RuleSet, RuleSetKindT } from "../../engine/ruleSetSchema.js";
import { FACTS, type FactName } from "../format/factCatalog.js";
import { factReferences } from "./_factReferences.js";

/** The stages whose facts are decided by the time each stage runs (case facts first). */
const DECIDED_BEFORE: Readonly<Record<RuleSetKindT, ReadonlySet<string>>> = {
  sla: new Set(["case"]),
  eligibility: new Set(["case"]),
  compensation: new Set(["case", "eligibility"]),
};

/**
 * A stage reading a fact that a later stage decides: at that point the fact is still
 * null, so the rule would silently test nothing.
 */
export function checkStageFacts(ruleSet: RuleSet): Issue[] {
  const available = DECIDED_BEFORE[ruleSet.kind];
  return factReferences(ruleSet)
    .filter(({ fact }) => Object.hasOwn(FACTS, fact) && !available.has(FACTS[fact as FactName].stage))
    .map(({ fact, path }) => ({
      code: "fact_not_available",
      path,
      message: `fact "${fact}" is decided by the ${FACTS[fact as FactName].stage} stage, which runs after ${ruleSet.kind}`,
    }));
}
