import type { Issue } from "../../_lib/issues.js";

/**
 * Layer names and rule-set ids name things in a decision's explanation and in a hot swap;
 * a name used twice would make both ambiguous.
 */
export function checkDuplicateLayers(layers: readonly { readonly name: string }[]): Issue[] {
  const seen = new Set<string>();
  const issues: Issue[] = [];
  layers.forEach((layer, i) => {
    if (seen.has(layer.name)) {
      issues.push({ code: "duplicate_layer", path: ["layers", i, "name"], message: `a layer named "${layer.name}" comes earlier in this policy (one that extends "default" starts with the bundled layers)` });
    }
    seen.add(layer.name);
  });
  return issues;
}

/** The issue for a rule set whose id an earlier rule set of the policy already has, at its `id`. */
export function checkRuleSetIdUnused(id: string, usedBy: ReadonlyMap<string, string>): Issue[] {
  const layer = usedBy.get(id);
  return layer === undefined
    ? []
    : [{ code: "duplicate_rule_set", path: ["id"], message: `rule set id "${id}" is used twice in this policy (first in layer "${layer}")` }];
}
