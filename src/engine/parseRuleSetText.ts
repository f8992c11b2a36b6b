import { locateIssues, parseSourceDocument } from "../_lib/sourcePositions.js";
import type { OperatorRegistry } from "./operators.js";
import { safeParseRuleSet, type ParseResult } from "./parseRuleSet.js";
import type { RuleSet } from "./ruleSetSchema.js";

/**
 * Parses rule-set JSON text; every problem (syntax, schema, references) comes back with
 * the file, the JSON path and the 1-based line and column it points at.
 */
export function parseRuleSetText(text: string, file?: string, operators?: OperatorRegistry): ParseResult<RuleSet> {
  const doc = parseSourceDocument(text, file);
  if (doc.syntaxIssues.length > 0) return { success: false, issues: doc.syntaxIssues };
  const result = safeParseRuleSet(doc.value, operators);
  if (result.success) return result;
  return { success: false, issues: locateIssues(doc, result.issues) };
}

