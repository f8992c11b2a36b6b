import { FACTS, type FactName } from "../format/factCatalog.js";
import type { Issue } from "../../_lib/issues.js";
import { conditionRoots, walkConditions } from "../../engine/checkReferences.js";
import type { FactConditionT, RuleSet } from "../../engine/ruleSetSchema.js";
import { kindOf, kindsOf, type ValueKind } from "./_valueKinds.js";

/**
 * Catches conditions that can never mean what they say, from the documented fact types:
 * json-rules-engine compares "10" < "9" as strings, never equals two arrays (P5, P7), and
 * `in` on a string value is a substring test (P6).
 */
export function checkTypes(ruleSet: RuleSet): Issue[] {
  const issues: Issue[] = [];
  for (const { root, path } of conditionRoots(ruleSet)) {
    walkConditions(root, path, (node, at) => {
      if (!("fact" in node) || !Object.hasOwn(FACTS, node.fact)) return;
      const problem = leafProblem(node);
      if (problem) issues.push({ code: "type_mismatch", path: [...at, "value"], message: problem });
    });
  }
  return issues;
}

function leafProblem(node: FactConditionT): string | undefined {
  if (node.operator.includes(":") || node.path !== undefined) return undefined; // decorated or nested: types depend on data
  const fact = node.fact as FactName;
  const factKinds = kindsOf(FACTS[fact].type);
  const v = node.value;
  const isRef = v !== null && typeof v === "object" && !Array.isArray(v);
  const valueKinds = isRef ? (Object.hasOwn(FACTS, v.fact) ? kindsOf(FACTS[v.fact as FactName].type) : undefined) : new Set([kindOf(v)]);
  if (!valueKinds) return undefined;
  const show = isRef ? `fact "${(v as { fact: string }).fact}"` : JSON.stringify(v);
  const overlap = (a: Set<ValueKind>, b: Set<ValueKind>) => [...a].some((k) => b.has(k));
  switch (node.operator) {
    case "lessThan":
    case "lessThanInclusive":
    case "greaterThan":
    case "greaterThanInclusive":
      if (!factKinds.has("number")) return `${node.operator} needs a number, but fact "${fact}" is ${FACTS[fact].type}`;
      if (!valueKinds.has("number")) return `${node.operator} compares with ${show}, not a number (json-rules-engine would compare strings lexicographically)`;
      return undefined;
    case "equal":
    case "notEqual":
      if (valueKinds.has("array")) return `${node.operator} with an array never matches: json-rules-engine compares with === (P7); use "in"`;
      if (!overlap(factKinds, valueKinds)) return `fact "${fact}" is ${FACTS[fact].type}, so ${node.operator} ${show} can never match`;
      return undefined;
    case "in":
    case "notIn": {
      if (!Array.isArray(v)) return isRef ? undefined : `${node.operator} needs an array value; on a string it tests substrings (P6)`;
      const bad = v.find((x) => !factKinds.has(kindOf(x)));
      return bad === undefined ? undefined : `fact "${fact}" is ${FACTS[fact].type}, so ${JSON.stringify(bad)} in the list can never match`;
    }
    case "contains":
    case "doesNotContain":
      if (!factKinds.has("array")) return `${node.operator} needs an array fact, but "${fact}" is ${FACTS[fact].type} (json-rules-engine is silently false on strings)`;
      return undefined;
    default:
      return undefined;
  }
}
