import { issue, type RawIssue } from "../../_lib/issues.js";

/**
 * Layer names and rule-set ids name things in a decision's explanation and in a hot swap;
 * a name used twice would make both ambiguous.
 */
export function checkDuplicateLayers(layers: readonly { readonly name: string }[]): RawIssue[] {
  const seen = new Set<string>();
  const issues: RawIssue[] = [];
  layers.forEach((layer, i) => {
    if (seen.has(layer.name)) {
      issues.push(issue("duplicate_layer", ["layers", i, "name"], { name: layer.name }));
    }
    seen.add(layer.name);
  });
  return issues;
}

/**
 * The issue for a rule set whose id and version an earlier rule set of the policy already
 * has, at its `id`. Versions of one id (with their own effective dates) are not duplicates:
 * `usedBy` is keyed by `ruleSetKey`.
 */
export function checkRuleSetIdUnused(ruleSet: { readonly id: string; readonly version: string }, usedBy: ReadonlyMap<string, string>): RawIssue[] {
  const layer = usedBy.get(ruleSetKey(ruleSet));
  return layer === undefined
    ? []
    : [issue("duplicate_rule_set", ["id"], { id: ruleSet.id, version: ruleSet.version, layer })];
}

/** How a decision names a rule-set version: `id@version`. */
export function ruleSetKey(ruleSet: { readonly id: string; readonly version: string }): string {
  return `${ruleSet.id}@${ruleSet.version}`;
}
