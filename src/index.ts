// The public entry: a short list of exports, nothing else.

// Deciding cases
export { createDecider } from "./decide/createDecider.js";
export type { Decider, DeciderOptions, SafeDecision, SwapResult } from "./decide/createDecider.js";
export { explain, failedConditions } from "./decide/explain.js";
export type { ExplainOptions, FailedCondition } from "./decide/explain.js";
export type * from "./decide/types.js";
export { parseCase, safeParseCase } from "./case/parseCase.js";
export type { ParseCaseOptions, ParsedCase } from "./case/parseCase.js";
export type { Case, CaseInput } from "./case/caseSchema.js";
export { FACTS } from "./policy/format/factCatalog.js";
export type { FactName, FactDoc } from "./policy/format/factCatalog.js";
export type { Amount } from "./money.js";

// Policies
export { defaultPolicy } from "./policy/defaultPolicy.js";
export { loadPolicy, safeLoadPolicy } from "./policy/loadPolicy.js";
export { compilePolicy, safeCompilePolicy } from "./policy/compilePolicy.js";
export type { Policy, PolicyInput, PolicyLayerInput, PolicyOptions, PolicyResult, RuleSetSource } from "./policy/policy.js";

// The engine core
export { compileRuleSet } from "./engine/compileRuleSet.js";
export type { CompileOptions, CompiledRuleSet, RunOptions } from "./engine/compileRuleSet.js";
export { runReference } from "./engine/runReference.js";
export type { ReferenceOptions } from "./engine/runReference.js";
export { createOperatorRegistry } from "./engine/operators.js";
export type { OperatorRegistry, OperatorDefinition, OperatorDecoratorDefinition } from "./engine/operators.js";
export type { EvaluationResult, FiredEvent, RuleTrace, ConditionTrace, LeafTrace, Facts } from "./engine/evaluation.js";
export { safeParseRuleSet } from "./engine/parseRuleSet.js";
export type { ParseRuleSetOptions } from "./engine/parseRuleSet.js";
export { parseRuleSetText } from "./engine/parseRuleSetText.js";
export type { RuleSet } from "./engine/ruleSetSchema.js";

// Problems as data: one result shape, one error class, issues typed per code
export type { Result } from "./_lib/result.js";
export { AftersalesError, PolicyError } from "./_lib/errors.js";
export type { ErrorCode } from "./_lib/errors.js";
export { CaseValidationError } from "./case/caseValidationError.js";
export { RuleEvaluationError } from "./engine/evaluation.js";
export { DEFAULT_LANG, SEVERITY, formatIssue, formatPath } from "./_lib/issues.js";
export type { Issue, IssueCode, IssueParams, Lang, Severity } from "./_lib/issues.js";
export { messageOf } from "./_lib/issueMessages.js";
