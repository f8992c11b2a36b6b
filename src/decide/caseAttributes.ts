import type { Case } from "../case/caseSchema.js";
import { issue, type RawIssue } from "../_lib/issues.js";
import { suggestion } from "../engine/checkReferences.js";
import type { AttributeDeclarationT, AttributeLevel } from "../policy/format/attributes.js";
import type { Policy } from "../policy/policy.js";

type Declared = Policy["attributes"];
type Given = Readonly<Record<string, string | number | boolean>> | undefined;

/**
 * A case's attributes against the policy's declarations: every attribute the case gives
 * must be declared at its level and be of its type (an enum's value one of its values).
 * The case schema cannot know the policy, so this runs when deciding; its issues are the
 * case's (`invalid_input`, with the path of the attribute), as the schema's would be.
 */
export function caseAttributeIssues(c: Case, declared: Declared): RawIssue[] {
  const issues: RawIssue[] = [];
  // Paths are built only for a case that gives attributes (this runs for every case, per line).
  const items = c.order.items;
  for (let i = 0; i < items.length; i++) {
    const given = items[i]!.attributes;
    if (given !== undefined) check(given, "line", declared.line, ["order", "items", i, "attributes"], issues);
  }
  if (c.order.attributes !== undefined) check(c.order.attributes, "order", declared.order, ["order", "attributes"], issues);
  if (c.customer.attributes !== undefined) check(c.customer.attributes, "customer", declared.customer, ["customer", "attributes"], issues);
  return issues;
}

function check(given: NonNullable<Given>, level: AttributeLevel, declared: Readonly<Record<string, AttributeDeclarationT>>, at: (string | number)[], issues: RawIssue[]): void {
  for (const [name, value] of Object.entries(given)) {
    const d = Object.hasOwn(declared, name) ? declared[name]! : undefined;
    if (d === undefined) {
      const names = Object.keys(declared);
      issues.push(issue("invalid_input", [...at, name], { rule: "attribute_not_declared", name, level, declared: names, ...suggestion(name, names) }));
    } else if (d.type === "enum" ? typeof value !== "string" || !d.values.includes(value) : typeof value !== d.type) {
      issues.push(issue("invalid_input", [...at, name], d.type === "enum" ? { rule: "attribute_type", name, expected: "enum", values: d.values } : { rule: "attribute_type", name, expected: d.type }));
    }
  }
}

const NONE: Readonly<Record<string, unknown>> = Object.freeze({});

/**
 * The attribute fact of one level: every declared name, with the case's value or null when
 * the case does not give it (unknown is never a default a rule could mistake for a value).
 */
export function attributeFact(given: Given, declared: Readonly<Record<string, AttributeDeclarationT>>): Readonly<Record<string, unknown>> {
  const names = Object.keys(declared);
  if (names.length === 0) return NONE;
  const fact: Record<string, unknown> = {};
  for (const name of names) fact[name] = given !== undefined && Object.hasOwn(given, name) ? given[name] : null;
  return fact;
}
