import { issue, type RawIssue } from "../../_lib/issues.js";
import type { RuleSet, RuleSetKindT } from "../../engine/ruleSetSchema.js";
import { FACTS, type FactName } from "../format/factCatalog.js";
import { factReferences } from "./_factReferences.js";

/**
 * The facts each stage can read: case facts everywhere; line facts only in eligibility, which
 * runs once per requested order line; eligibility's roll-up only in compensation, after it.
 */
const DECIDED_BEFORE: Readonly<Record<RuleSetKindT, ReadonlySet<string>>> = {
  sla: new Set(["case"]),
  eligibility: new Set(["case", "line"]),
  compensation: new Set(["case", "eligibility"]),
};

/**
 * A stage reading a fact that a later stage decides (at that point still null, so the rule
 * would silently test nothing), or a once-per-case stage reading a fact of one order line.
 */
export function checkStageFacts(ruleSet: RuleSet): RawIssue[] {
  const available = DECIDED_BEFORE[ruleSet.kind];
  return factReferences(ruleSet)
    .filter(({ fact }) => Object.hasOwn(FACTS, fact) && !available.has(FACTS[fact as FactName].stage))
    .map(({ fact, path }) => issue("fact_not_available", path, { fact, kind: ruleSet.kind, stage: FACTS[fact as FactName].stage }));
}
