import { conditionRoots, walkConditions } from "../../engine/checkReferences.js";
import type { RuleSet } from "../../engine/ruleSetSchema.js";

export interface FactReference {
  readonly fact: string;
  /** Where the name is written: a leaf's `fact`, or the `fact` of a `{ "fact": … }` value. */
  readonly path: readonly (string | number)[];
}

/** Every fact a rule set reads, left and right of each comparison, shared conditions included. */
export function factReferences(ruleSet: RuleSet): FactReference[] {
  const refs: FactReference[] = [];
  for (const { root, path } of conditionRoots(ruleSet)) {
    walkConditions(root, path, (node, at) => {
      if (!("fact" in node)) return;
      refs.push({ fact: node.fact, path: [...at, "fact"] });
      const v = node.value;
      if (v !== null && typeof v === "object" && !Array.isArray(v)) refs.push({ fact: v.fact, path: [...at, "value", "fact"] });
    });
  }
  return refs;
}
