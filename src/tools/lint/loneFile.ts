import type { SourceDocument } from "../../_lib/sourcePositions.js";
import { defaultPolicyInput } from "../../policy/defaultPolicy.js";
import type { PolicyInput, RuleSetSource } from "../../policy/policy.js";

/** What a JSON file outside any policy folder is, judged from its top-level keys. */
export type LoneFileKind = "fixture" | "calendar" | "sanbaoTable" | "ruleSet";

export function loneFileKind(value: unknown): LoneFileKind {
  const has = (key: string) => value !== null && typeof value === "object" && key in value;
  if (has("case") && has("expect")) return "fixture";
  if (has("restDays") || has("week")) return "calendar";
  if (has("categories")) return "sanbaoTable";
  return "ruleSet";
}

/**
 * The policy a lone file is checked in: the bundled one, with the file in place of the
 * bundled document it would replace (the rule set with its id, the 三包 table, the
 * calendar) or else as a layer of its own on top. So a merchant file is held to the
 * statutory floor, and a bundled statutory file stays statutory.
 */
export function loneFilePolicyInput(doc: SourceDocument): PolicyInput | undefined {
  const kind = loneFileKind(doc.value);
  const base = defaultPolicyInput();
  const source: RuleSetSource = { document: doc.value, source: doc };
  if (kind === "fixture") return undefined;
  if (kind === "sanbaoTable") return { ...base, sanbaoTable: source };
  if (kind === "calendar") return { ...base, calendar: source };
  const id = idOf(doc.value);
  const replaces = id !== undefined && base.layers.some((layer) => layer.ruleSets.some((rs) => idOf(rs.document) === id));
  if (replaces) {
    return { ...base, layers: base.layers.map((layer) => ({ ...layer, ruleSets: layer.ruleSets.map((rs) => (idOf(rs.document) === id ? source : rs)) })) };
  }
  return { ...base, layers: [...base.layers, { name: doc.file ?? "lint", ruleSets: [source] }] };
}

function idOf(value: unknown): unknown {
  return value !== null && typeof value === "object" && "id" in value ? value.id : undefined;
}
