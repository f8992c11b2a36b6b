import type { FactConditionT, NestedConditionT, RuleSet, RuleT } from "../ruleSetSchema.js";
import { soleRootChild } from "./soleRootChild.js";

/**
 * Where a recording run keeps what each leaf read and decided: one flat array per run, a
 * few slots per leaf occurrence (shared conditions are expanded where they are used, as
 * the traced closures evaluate them again at each use). The readable trace is built from
 * it only when someone reads it (`replayTrace`), so a traced run costs a few array writes
 * per leaf instead of an object per node.
 */
export type RecordNode =
  | { readonly kind: "leaf"; readonly node: FactConditionT; readonly fact: number; readonly value: number; readonly result: number }
  | { readonly kind: "all" | "any"; readonly children: readonly RecordNode[]; readonly name: string | undefined }
  | { readonly kind: "not"; readonly child: RecordNode; readonly name: string | undefined }
  | { readonly kind: "ref"; readonly condition: string; readonly child: RecordNode };

/** A rule's record tree. `sole` marks a top-level all/any with one child (see soleRootChild). */
export interface RecordRule {
  readonly root: RecordNode;
  readonly sole: { readonly kind: "all" | "any"; readonly name: string | undefined } | undefined;
}

export interface RecordLayout {
  /** Per rule, in evaluation order. */
  readonly rules: readonly RecordRule[];
  /** Slots a run's record array needs. */
  readonly slots: number;
}

/**
 * Slots in evaluation order, depth first: a leaf takes one for the fact value read, one for
 * a referenced fact's value (literals are not stored), one for the operator's outcome.
 *
 * @example
 * recordLayout(ruleSet, [rule]).slots //=> 4 (two literal leaves)
 */
export function recordLayout(ruleSet: RuleSet, orderedRules: readonly RuleT[]): RecordLayout {
  let next = 0;
  const visit = (node: NestedConditionT): RecordNode => {
    if ("fact" in node) {
      const v = node.value;
      const isReference = v !== null && typeof v === "object" && !Array.isArray(v);
      const fact = next++;
      const value = isReference ? next++ : -1;
      return { kind: "leaf", node, fact, value, result: next++ };
    }
    // References were checked (existing, acyclic) when the rule set was parsed.
    if ("condition" in node) return { kind: "ref", condition: node.condition, child: visit(ruleSet.conditions![node.condition]!) };
    if ("not" in node) return { kind: "not", child: visit(node.not), name: node.name };
    if ("all" in node) return { kind: "all", children: node.all.map(visit), name: node.name };
    return { kind: "any", children: node.any.map(visit), name: node.name };
  };
  const rules = orderedRules.map((rule): RecordRule => {
    const sole = soleRootChild(rule.conditions);
    if (sole === undefined) return { root: visit(rule.conditions), sole: undefined };
    return { root: visit(sole), sole: { kind: "all" in rule.conditions ? "all" : "any", name: rule.conditions.name } };
  });
  return { rules, slots: next };
}
