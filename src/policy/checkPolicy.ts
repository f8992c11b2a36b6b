import type { z } from "zod";
import { hasErrors, type RawIssue } from "../_lib/issues.js";
import type { Checked } from "../_lib/result.js";
import { locateIssues } from "../_lib/sourcePositions.js";
import { safeParseIssues } from "../_lib/zodIssues.js";
import { defaultOperatorRegistry, type OperatorRegistry } from "../engine/operators.js";
import { checkRuleSet } from "../engine/parseRuleSet.js";
import type { RuleSet } from "../engine/ruleSetSchema.js";
import { checkDeadRules, checkShadowedRules } from "./checks/deadAndShadowed.js";
import { checkDuplicateKeys } from "./checks/duplicateKeys.js";
import { checkAttributes } from "./checks/attributes.js";
import { AttributeDeclarationsSchema, type AttributeDeclarations } from "./format/attributes.js";
import { checkDuplicateLayers, checkRuleSetIdUnused, ruleSetKey } from "./checks/duplicates.js";
import { checkEffectiveDates, type DatedRuleSet } from "./checks/effectiveDates.js";
import { checkEventsAndParams } from "./checks/eventsAndParams.js";
import { checkNullableNegatives } from "./checks/nullableNegatives.js";
import { checkStageFacts } from "./checks/stageFacts.js";
import { checkStatutoryFloor, statutoryWindows } from "./checks/statutoryFloor.js";
import { checkShippingGrantsRemedy } from "./checks/shippingGrantsRemedy.js";
import { checkTypes } from "./checks/typeChecks.js";
import { checkUnknownFacts } from "./checks/unknownFacts.js";
import { checkUnknownValues } from "./checks/unknownValues.js";
import { CalendarDocumentSchema, type CalendarDocument } from "./format/businessCalendar.js";
import { checkBusinessClockHasCalendar, checkCalendarNamed } from "./checks/calendarNeeded.js";
import { SanbaoTableSchema, type SanbaoTableFile } from "./format/sanbaoTable.js";
import type { Policy, PolicyInput, RuleSetSource } from "./policy.js";

/** The checks that read one rule set alone; the floor and duplicates need the policy around it. */
const RULE_SET_CHECKS: readonly ((ruleSet: RuleSet) => RawIssue[])[] = [
  checkEventsAndParams,
  checkUnknownFacts,
  checkStageFacts,
  checkTypes,
  checkUnknownValues,
  checkNullableNegatives,
  checkDeadRules,
  checkShadowedRules,
];

/** A policy's documents, parsed and checked: what compiling starts from. */
export interface CheckedPolicy extends Pick<Policy, "id" | "version" | "layers" | "inForceAt" | "attributes"> {
  readonly sanbaoTable: SanbaoTableFile;
  readonly calendar?: CalendarDocument | undefined;
  /** Windows run on over the calendar's rest days (民法典 art. 203 ¶1). */
  readonly extendPeriodsOverRestDays: boolean;
}

export interface PolicyCheck {
  /** Every issue of every document (as data: severity from SEVERITY, message built by the caller), in layer and file order. */
  readonly issues: readonly RawIssue[];
  /** Present exactly when no issue is an error: a policy can be compiled only from this. */
  readonly valid?: CheckedPolicy;
}

/**
 * Every check of a policy, in one place: syntax, duplicate keys, schema and references of
 * each document, then each rule set's events, facts, types and values, dead and shadowed
 * rules, the statutory floor for non-statutory layers, duplicate layers and rule sets, and
 * the effective dates of versions of one rule set.
 * Compiling refuses exactly when an issue is an error; lint prints them all.
 *
 * @example
 * checkPolicy(defaultPolicyInput()).issues
 * //=> []
 */
export function checkPolicy(input: PolicyInput, operators: OperatorRegistry = defaultOperatorRegistry()): PolicyCheck {
  const issues: RawIssue[] = [];
  const sanbaoTable = checkDocument(input.sanbaoTable, parseWith(SanbaoTableSchema), issues);
  const calendarSource = input.calendar ?? input.restDayCalendar;
  const calendar = calendarSource ? checkDocument(calendarSource, parseWith(CalendarDocumentSchema), issues) : undefined;
  // Naming a calendar the first way (restDayCalendar) turned the rest-day extension on.
  const extendPeriodsOverRestDays = input.extendPeriodsOverRestDays ?? input.restDayCalendar !== undefined;

  const declared = checkAttributeDeclarations(input.attributes, issues);
  // Statutory layers come first; the windows they open are the floor for the rest.
  const statutory: RuleSet[] = [];
  const idUsedBy = new Map<string, string>();
  const dated: (DatedRuleSet & { readonly source: RuleSetSource })[] = [];
  const layers = input.layers.map((layer) => {
    const ruleSets = layer.ruleSets.flatMap((source) => {
      const ruleSet = checkDocument(source, (value) => checkRuleSet(value, operators), issues);
      if (!ruleSet) return [];
      const isStatutory = layer.statutory === true;
      const found = [
        ...RULE_SET_CHECKS.flatMap((check) => check(ruleSet)),
        ...checkAttributes(ruleSet, declared ?? {}),
        ...(isStatutory ? [] : checkStatutoryFloor(ruleSet, statutoryWindows(statutory))),
        ...(isStatutory ? [] : checkShippingGrantsRemedy(ruleSet)),
        ...checkRuleSetIdUnused(ruleSet, idUsedBy),
        ...(calendarSource ? [] : checkBusinessClockHasCalendar(ruleSet)),
      ];
      if (isStatutory) statutory.push(ruleSet);
      if (!idUsedBy.has(ruleSetKey(ruleSet))) idUsedBy.set(ruleSetKey(ruleSet), layer.name);
      dated.push({ ruleSet, statutory: isStatutory, source });
      issues.push(...locate(source, found));
      return [ruleSet];
    });
    return { name: layer.name, statutory: layer.statutory === true, ruleSets };
  });
  checkEffectiveDates(dated).forEach((found, i) => issues.push(...locate(dated[i]!.source, found)));
  issues.push(...checkDuplicateLayers(input.layers));
  issues.push(...checkCalendarNamed(calendarSource !== undefined, extendPeriodsOverRestDays, input.calendar !== undefined && input.restDayCalendar !== undefined));

  if (hasErrors(issues) || !sanbaoTable || (calendarSource && !calendar) || !declared) return { issues };
  const inForceAt = input.inForceAt ?? "orderOrRequest";
  return { issues, valid: { id: input.id, version: input.version, layers, sanbaoTable, calendar, extendPeriodsOverRestDays, inForceAt, attributes: { line: declared.line ?? {}, order: declared.order ?? {}, customer: declared.customer ?? {} } } };
}

/**
 * One document's own problems (unreadable, not JSON, keys written twice, not of its
 * schema); the parsed value when it can be checked further.
 */
function checkDocument<T>(src: RuleSetSource, parse: (value: unknown) => Checked<T>, issues: RawIssue[]): T | undefined {
  if (src.source) {
    if (src.source.syntaxIssues.length > 0) {
      issues.push(...src.source.syntaxIssues);
      return undefined;
    }
    issues.push(...checkDuplicateKeys(src.source));
  }
  const parsed = parse(src.document);
  if (parsed.success) return parsed.data;
  issues.push(...locate(src, parsed.issues));
  return undefined;
}

/** The policy's attribute declarations (none when not given), or undefined with their issues at `attributes`. */
function checkAttributeDeclarations(value: unknown, issues: RawIssue[]): AttributeDeclarations | undefined {
  if (value === undefined) return {};
  const parsed = safeParseIssues(AttributeDeclarationsSchema, value);
  if (parsed.success) return parsed.data;
  issues.push(...parsed.issues.map((i) => ({ ...i, path: ["attributes", ...i.path] })));
  return undefined;
}

const parseWith =
  <T>(schema: z.ZodType<T>) =>
  (value: unknown): Checked<T> =>
    safeParseIssues(schema, value);

function locate(src: RuleSetSource, issues: readonly RawIssue[]): RawIssue[] {
  return src.source ? locateIssues(src.source, issues) : [...issues];
}
