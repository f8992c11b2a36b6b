import type { ConditionTrace, RuleTrace } from "../evaluation.js";
import type { RecordLayout, RecordNode } from "./recordLayout.js";

/** What the trace says about a rule besides its conditions, in evaluation order. */
export interface TracedRuleInfo {
  readonly name: string;
  readonly priority: number;
  readonly event: RuleTrace["event"];
}

/**
 * The readable trace of one recorded run: the same objects, keys in the same order, as the
 * traced closures build while evaluating (tracedConditions.ts), from the values the run
 * stored. Outcomes of all/any/not/references are recomputed from the leaves' outcomes with
 * the same rules (a pure function of them); a property test holds the two byte-identical.
 *
 * @example
 * replayTrace(layout, rules, record)[0].fired //=> true
 */
export function replayTrace(layout: RecordLayout, rules: readonly TracedRuleInfo[], record: readonly unknown[]): RuleTrace[] {
  const trace: RuleTrace[] = [];
  for (let i = 0; i < rules.length; i++) {
    const { root, sole } = layout.rules[i]!;
    const rule = rules[i]!;
    let conditions: ConditionTrace;
    if (sole === undefined) conditions = replay(root, record);
    else {
      const t = replay(root, record);
      const name = nameOf(sole.name);
      conditions = sole.kind === "all" ? { all: [t], result: Boolean(t.result), ...name } : { any: [t], result: Boolean(t.result), ...name };
    }
    trace.push({ rule: rule.name, priority: rule.priority, fired: conditions.result === true, event: rule.event, conditions });
  }
  return trace;
}

function replay(p: RecordNode, record: readonly unknown[]): ConditionTrace {
  switch (p.kind) {
    case "leaf": {
      const node = p.node;
      const value = node.value;
      const factResult = record[p.fact];
      const valueResult = p.value < 0 ? value : record[p.value];
      const result = record[p.result];
      const path = node.path === undefined ? {} : { path: node.path };
      return { fact: node.fact, ...path, operator: node.operator, value, factResult, valueResult, result, ...nameOf(node.name) };
    }
    case "ref": {
      const resolved = replay(p.child, record);
      return { condition: p.condition, resolved, result: resolved.result === true };
    }
    case "not": {
      const t = replay(p.child, record);
      return { not: t, result: !t.result, ...nameOf(p.name) };
    }
    default: {
      const list = p.children.map((c) => replay(c, record));
      const isAll = p.kind === "all";
      const result = isAll ? list.every(isTrue) : list.some(isTrue);
      return isAll ? { all: list, result, ...nameOf(p.name) } : { any: list, result, ...nameOf(p.name) };
    }
  }
}

const isTrue = (t: ConditionTrace) => t.result === true;

function nameOf(name: string | undefined): { name?: string } {
  return name === undefined ? {} : { name };
}
