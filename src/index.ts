// The public entry: a short list of exports, nothing else.

// Deciding cases
export { createDecider } from "./decision/createDecider.js";
export type { Decider, DeciderOptions, SafeDecision, SwapResult } from "./decision/createDecider.js";
export { CaseValidationError } from "./decision/errors.js";
export { explain, failedConditions } from "./decision/explain.js";
export type { ExplainOptions, FailedCondition } from "./decision/explain.js";
export type * from "./decision/types.js";
export { CaseSchema } from "./case/caseSchema.js";
export type { Case, CaseInput } from "./case/caseSchema.js";
export { FACTS } from "./case/factCatalog.js";
export type { FactName, FactDoc } from "./case/factCatalog.js";
export type { Amount } from "./money.js";

// Policies
export { defaultPolicy } from "./policy/defaultPolicy.js";
export { loadPolicy, safeLoadPolicy } from "./policy/loadPolicy.js";
export { compilePolicy, safeCompilePolicy } from "./policy/policy.js";
export type { Policy, PolicyInput, PolicyLayerInput, RuleSetSource } from "./policy/policy.js";

// The engine core
export { compileRuleSet } from "./rules/compileRuleSet.js";
export type { CompileOptions, CompiledRuleSet, RunOptions } from "./rules/compileRuleSet.js";
export { runReference } from "./rules/runReference.js";
export type { ReferenceOptions } from "./rules/runReference.js";
export { createOperatorRegistry } from "./rules/operators.js";
export type { OperatorRegistry, OperatorDefinition, OperatorDecoratorDefinition } from "./rules/operators.js";
export { RuleEvaluationError } from "./rules/evaluation.js";
export type { EvaluationResult, FiredEvent, RuleTrace, ConditionTrace, LeafTrace, Facts } from "./rules/evaluation.js";
export { safeParseRuleSet } from "./rules/parseRuleSet.js";
export { parseRuleSetText } from "./rules/parseRuleSetText.js";
export type { RuleSet } from "./rules/ruleSetSchema.js";

// Problems as data
export { PolicyError, formatIssue, formatPath } from "./issues.js";
export type { Issue, IssueCode } from "./issues.js";
