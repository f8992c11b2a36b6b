import type { PolicyError } from "../_lib/errors.js";
import type { Lang } from "../_lib/issues.js";
import type { Result } from "../_lib/result.js";
import type { SourceDocument } from "../_lib/sourcePositions.js";
import type { CompiledRuleSet } from "../engine/compileRuleSet.js";
import type { OperatorRegistry } from "../engine/operators.js";
import type { RuleSet, RuleSetKindT } from "../engine/ruleSetSchema.js";
import type { IsRestDay } from "./format/restDayCalendar.js";
import type { SanbaoTable } from "./format/sanbaoTable.js";

/*
 * What a policy is: the documents an author gives (`PolicyInput`) and what compiling them
 * makes (`Policy`). checkPolicy.ts checks the one, compilePolicy.ts makes the other.
 */

/** One rule-set document of a layer, with where it came from when it came from a file. */
export interface RuleSetSource {
  readonly document: unknown;
  readonly source?: SourceDocument;
}

export interface PolicyLayerInput {
  readonly name: string;
  /** The statutory layer: what the law requires; other layers may only add to it. */
  readonly statutory?: boolean;
  readonly ruleSets: readonly RuleSetSource[];
}

export interface PolicyInput {
  readonly id: string;
  readonly version: string;
  readonly layers: readonly PolicyLayerInput[];
  /** The 三包 category table document. */
  readonly sanbaoTable: RuleSetSource;
  /** A rest-day calendar document: windows marked `extendOverRestDays` run on over rest days. */
  readonly restDayCalendar?: RuleSetSource | undefined;
}

export interface StageRuleSet {
  readonly layer: string;
  readonly ruleSet: RuleSet;
  readonly compiled: CompiledRuleSet;
}

/** A policy validated and compiled, ready to decide; immutable. */
export interface Policy {
  readonly id: string;
  readonly version: string;
  readonly layers: readonly { readonly name: string; readonly statutory: boolean; readonly ruleSets: readonly RuleSet[] }[];
  readonly sanbao: SanbaoTable;
  /** Present when the policy extends windows over rest days (off by default). */
  readonly isRestDay?: IsRestDay | undefined;
  readonly restDayCalendar?: { readonly id: string; readonly version: string; readonly source: string } | undefined;
  readonly stages: Readonly<Record<RuleSetKindT, readonly StageRuleSet[]>>;
  /** The operators the rule sets were checked and compiled with; the reference path uses them too. */
  readonly operators: OperatorRegistry;
}

/** A compiled policy and the warnings it compiled with, or the error (with every issue) that refused it. */
export type PolicyResult = Result<Policy, PolicyError>;

export interface PolicyOptions {
  /** Operators the rules may use (built-in and custom); the built-in ones by default. */
  readonly operators?: OperatorRegistry;
  /** The language of issues and errors (default zh-CN). */
  readonly lang?: Lang;
}
