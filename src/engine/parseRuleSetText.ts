import { PolicyError } from "../_lib/errors.js";
import { locateIssues, parseSourceDocument } from "../_lib/sourcePositions.js";
import { failed, ok, type Result } from "../_lib/result.js";
import { checkRuleSet, type ParseRuleSetOptions } from "./parseRuleSet.js";
import type { RuleSet } from "./ruleSetSchema.js";

/**
 * Parses rule-set JSON text; every problem (syntax, schema, references) comes back with
 * the file, the JSON path and the 1-based line and column it points at.
 */
export function parseRuleSetText(text: string, file?: string, options: ParseRuleSetOptions = {}): Result<RuleSet, PolicyError> {
  const doc = parseSourceDocument(text, file);
  if (doc.syntaxIssues.length > 0) return failed(new PolicyError(doc.syntaxIssues, options.lang));
  const result = checkRuleSet(doc.value, options.operators);
  return result.success ? ok(result.data) : failed(new PolicyError(locateIssues(doc, result.issues), options.lang));
}
