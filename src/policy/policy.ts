import { deepFreeze } from "../_lib/deepFreeze.js";
import { FACT_NAMES, FACTS, type FactName } from "./format/factCatalog.js";
import { EVENT_PARAMS, STAGE_EVENT_TYPES, type EventType } from "./format/eventSchemas.js";
import { PolicyError, type Issue } from "../_lib/issues.js";
import { conditionRoots, suggest, walkConditions } from "../engine/checkReferences.js";
import { compileValidRuleSet, type CompiledRuleSet } from "../engine/compileRuleSet.js";
import { defaultOperatorRegistry, type OperatorRegistry } from "../engine/operators.js";
import { safeParseRuleSet } from "../engine/parseRuleSet.js";
import type { RuleSet, RuleSetKindT } from "../engine/ruleSetSchema.js";
import { locateIssues, type SourceDocument } from "../_lib/sourcePositions.js";
import { fromZodIssues } from "../_lib/zodIssues.js";
import { RestDayCalendarSchema, restDayPredicate, type IsRestDay } from "./format/restDayCalendar.js";
import { SanbaoTableSchema, type SanbaoTable } from "./format/sanbaoTable.js";
import { checkStatutoryFloor, statutoryWindows } from "./checks/statutoryFloor.js";

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

export type PolicyResult = { success: true; policy: Policy } | { success: false; issues: Issue[] };

const STAGE_OF_FACT_AVAILABLE: Record<RuleSetKindT, ReadonlySet<string>> = {
  sla: new Set(["case"]),
  // Eligibility runs once per requested order line: it reads that line's facts too.
  eligibility: new Set(["case", "line"]),
  compensation: new Set(["case", "eligibility"]),
};

/**
 * Validates every layer completely (schema, references, event types and params per stage,
 * facts known and available at the stage) and compiles it. Nothing partial comes out:
 * either a policy or every issue found.
 */
export function safeCompilePolicy(input: PolicyInput, operators: OperatorRegistry = defaultOperatorRegistry()): PolicyResult {
  const issues: Issue[] = [];
  const layers: Policy["layers"][number][] = [];
  const stages: Record<RuleSetKindT, StageRuleSet[]> = { sla: [], eligibility: [], compensation: [] };
  const layerNames = new Set<string>();
  const ruleSetIds = new Set<string>();

  const table = SanbaoTableSchema.safeParse(input.sanbaoTable.document);
  if (!table.success) issues.push(...locate(input.sanbaoTable, fromZodIssues(table.error.issues)));
  const calendarSource = input.restDayCalendar;
  const calendar = calendarSource ? RestDayCalendarSchema.safeParse(calendarSource.document) : undefined;
  if (calendarSource && calendar && !calendar.success) issues.push(...locate(calendarSource, fromZodIssues(calendar.error.issues)));

  // Statutory layers come first; the windows they open are the floor for the rest.
  const statutoryRuleSets: RuleSet[] = [];
  for (const layer of input.layers) {
    if (layerNames.has(layer.name)) issues.push({ code: "duplicate_layer", path: [], message: `layer "${layer.name}" appears twice` });
    layerNames.add(layer.name);
    const ruleSets: RuleSet[] = [];
    for (const src of layer.ruleSets) {
      if (src.source && src.source.syntaxIssues.length > 0) {
        issues.push(...src.source.syntaxIssues);
        continue;
      }
      const parsed = safeParseRuleSet(src.document, operators);
      if (!parsed.success) {
        issues.push(...locate(src, parsed.issues));
        continue;
      }
      const ruleSet = parsed.data;
      const found = checkEventsAndFacts(ruleSet);
      if (layer.statutory === true) statutoryRuleSets.push(ruleSet);
      else found.push(...checkStatutoryFloor(ruleSet, statutoryWindows(statutoryRuleSets)));
      if (ruleSetIds.has(ruleSet.id)) found.push({ code: "duplicate_rule_set", path: ["id"], message: `rule set id "${ruleSet.id}" is used twice in this policy` });
      ruleSetIds.add(ruleSet.id);
      if (found.length > 0) {
        issues.push(...locate(src, found));
        continue;
      }
      ruleSets.push(ruleSet);
      stages[ruleSet.kind].push({ layer: layer.name, ruleSet, compiled: compileValidRuleSet(ruleSet, { operators, trace: false }) });
    }
    layers.push({ name: layer.name, statutory: layer.statutory === true, ruleSets });
  }
  if (issues.length > 0 || !table.success) return { success: false, issues };
  const sanbao = Object.fromEntries(
    Object.entries(table.data.categories).map(([k, v]) => [k, { warrantyMonths: v.warrantyMonths }]),
  );
  return {
    success: true,
    // The registry holds live json-rules-engine objects: frozen shallowly, not deep.
    policy: Object.freeze({
      ...deepFreeze({ id: input.id, version: input.version, layers, sanbao, stages }),
      ...(calendar?.success
        ? { isRestDay: restDayPredicate(calendar.data), restDayCalendar: Object.freeze({ id: calendar.data.id, version: calendar.data.version, source: calendar.data.source }) }
        : {}),
      operators: Object.freeze(operators),
    }) as Policy,
  };
}

export function compilePolicy(input: PolicyInput, operators?: OperatorRegistry): Policy {
  const result = safeCompilePolicy(input, operators);
  if (!result.success) throw new PolicyError(result.issues);
  return result.policy;
}

export function checkEventsAndFacts(ruleSet: RuleSet): Issue[] {
  const issues: Issue[] = [];
  const allowed: readonly string[] = STAGE_EVENT_TYPES[ruleSet.kind];
  ruleSet.rules.forEach((rule, i) => {
    const type = rule.event.type;
    if (!allowed.includes(type)) {
      issues.push({
        code: "unknown_event_type",
        path: ["rules", i, "event", "type"],
        message: `${/^[aeiou]/.test(ruleSet.kind) ? "an" : "a"} ${ruleSet.kind} rule set cannot fire "${type}"${suggest(type, allowed)}; it may fire ${allowed.map((t) => `"${t}"`).join(", ")}`,
      });
      return;
    }
    const params = EVENT_PARAMS[type as EventType].safeParse(rule.event.params ?? {});
    if (!params.success) {
      issues.push(...fromZodIssues(params.error.issues, ["rules", i, "event", "params"]).map((x) => ({ ...x, code: "invalid_event_params" as const })));
    }
  });
  const available = STAGE_OF_FACT_AVAILABLE[ruleSet.kind];
  for (const { root, path } of conditionRoots(ruleSet)) {
    walkConditions(root, path, (node, at) => {
      if (!("fact" in node)) return;
      const refs: [string, (string | number)[]][] = [[node.fact, [...at, "fact"]]];
      const v = node.value;
      if (v !== null && typeof v === "object" && !Array.isArray(v)) refs.push([v.fact, [...at, "value", "fact"]]);
      for (const [fact, factPath] of refs) {
        if (!Object.hasOwn(FACTS, fact)) {
          issues.push({ code: "unknown_fact", path: factPath, message: `unknown fact "${fact}"${suggest(fact, FACT_NAMES)} (the documented facts: docs/rule-format.md)` });
        } else if (!available.has(FACTS[fact as FactName].stage)) {
          issues.push({
            code: "fact_not_available",
            path: factPath,
            message:
              FACTS[fact as FactName].stage === "line"
                ? `fact "${fact}" describes one order line; only eligibility rules (run once per requested line) read line facts, and ${ruleSet.kind} runs once per case`
                : `fact "${fact}" is decided by the ${FACTS[fact as FactName].stage} stage, which runs after ${ruleSet.kind}`,
          });
        }
      }
    });
  }
  return issues;
}

function locate(src: RuleSetSource, issues: Issue[]): Issue[] {
  return src.source ? locateIssues(src.source, issues) : issues;
}
