import type { Node } from "jsonc-parser";
import { issue, type RawIssue } from "../../_lib/issues.js";
import { lineColumn, type SourceDocument } from "../../_lib/sourcePositions.js";

/**
 * A key written twice in one JSON object. JSON.parse keeps the last and drops the first
 * without a word, so the author may be reading a value the policy does not use.
 */
export function checkDuplicateKeys(doc: SourceDocument): RawIssue[] {
  const issues: RawIssue[] = [];
  const visit = (node: Node, path: (string | number)[]): void => {
    if (node.type === "array") node.children?.forEach((child, i) => visit(child, [...path, i]));
    if (node.type !== "object") return;
    const seen = new Set<string>();
    for (const property of node.children ?? []) {
      const [key, value] = property.children ?? [];
      if (key === undefined) continue;
      const name = String(key.value);
      if (seen.has(name)) {
        issues.push(issue("duplicate_key", [...path, name], { key: name }, { ...(doc.file === undefined ? {} : { file: doc.file }), ...lineColumn(doc.text, property.offset) }));
      }
      seen.add(name);
      if (value) visit(value, [...path, name]);
    }
  };
  if (doc.root) visit(doc.root, []);
  return issues;
}
