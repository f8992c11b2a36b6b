import type { PolicyError } from "../_lib/errors.js";
import type { Lang } from "../_lib/issues.js";
import type { Result } from "../_lib/result.js";
import type { SourceDocument } from "../_lib/sourcePositions.js";
import type { CompiledRuleSet } from "../engine/compileRuleSet.js";
import type { OperatorRegistry } from "../engine/operators.js";
import type { RuleSet, RuleSetKindT } from "../engine/ruleSetSchema.js";
import type { AttributeDeclarations, AttributeDeclarationT } from "./format/attributes.js";
import type { Calendar, IsRestDay } from "./format/businessCalendar.js";
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
  /**
   * The policy's business calendar document (working hours, holidays, 调休): SLA targets on
   * the business clock count its hours; with `extendPeriodsOverRestDays` windows run on
   * over its rest days.
   */
  readonly calendar?: RuleSetSource | undefined;
  /** 民法典 art. 203 ¶1 for every window (needs a calendar); off by default. */
  readonly extendPeriodsOverRestDays?: boolean | undefined;
  /**
   * The first way to name a calendar (until 0.2): the same as `calendar` with
   * `extendPeriodsOverRestDays` on.
   */
  readonly restDayCalendar?: RuleSetSource | undefined;
  /** Which instants select the rule sets in force (see `InForceAt`); `orderOrRequest` by default. */
  readonly inForceAt?: InForceAt | undefined;
  /** The attributes a case may carry on lines, orders and customers (see format/attributes.ts). */
  readonly attributes?: AttributeDeclarations | undefined;
}

/**
 * Which civil dates (in the policy's zone) put a non-statutory rule set in force for a case:
 * - `orderOrRequest` (default): the date the order was placed or the date of the request.
 *   What was promised when the order was placed binds a later request (实施条例 art. 12: a
 *   promise cannot be withdrawn for that order), and a rule set in force by the request may
 *   still add (layers only add to the law's floor).
 * - `order`: the date the order was placed only: new terms are for new orders. Still lawful,
 *   since every promise made at purchase binds; only later generosity is not extended.
 * A "request only" reading is not offered: it would let a merchant withdraw, by ending a
 * rule set, a promise an order was placed under. Statutory rule sets apply to every case.
 */
export const IN_FORCE_AT = ["orderOrRequest", "order"] as const;
export type InForceAt = (typeof IN_FORCE_AT)[number];

export interface StageRuleSet {
  readonly layer: string;
  readonly ruleSet: RuleSet;
  readonly compiled: CompiledRuleSet;
  /** The rule set's statutory layer makes it apply to every case, whatever its dates. */
  readonly statutory: boolean;
  /** Its effective dates as zone-day numbers, both inclusive (`to` is Infinity when open). */
  readonly from: number;
  readonly to: number;
  /** How decisions name it: `id@version`. */
  readonly key: string;
}

/** A policy validated and compiled, ready to decide; immutable. */
export interface Policy {
  readonly id: string;
  readonly version: string;
  readonly layers: readonly { readonly name: string; readonly statutory: boolean; readonly ruleSets: readonly RuleSet[] }[];
  readonly sanbao: SanbaoTable;
  /** The business calendar, when the policy names one. */
  readonly calendar?: Calendar | undefined;
  /** Present when the policy runs windows on over rest days (民法典 art. 203; off by default): the calendar's rest days. */
  readonly isRestDay?: IsRestDay | undefined;
  readonly restDayCalendar?: { readonly id: string; readonly version: string; readonly source: string } | undefined;
  readonly stages: Readonly<Record<RuleSetKindT, readonly StageRuleSet[]>>;
  /** Which dates of a case select the rule sets in force. */
  readonly inForceAt: InForceAt;
  /** The attributes a case may carry, per level (empty when the policy declares none). */
  readonly attributes: Readonly<Record<"line" | "order" | "customer", Readonly<Record<string, AttributeDeclarationT>>>>;
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
