import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from "jsonc-parser";
import { issue, type RawIssue } from "./issues.js";
import { textNestingExceeds } from "./limits.js";

/** JSON text parsed with source positions kept, so issues can name file:line:column. */
export interface SourceDocument {
  readonly file: string | undefined;
  readonly text: string;
  readonly root: JsonNode | undefined;
  /** The parsed value; `undefined` when the text is not valid JSON. */
  readonly value: unknown;
  /** Syntax errors (every one, not just the first), already located. */
  readonly syntaxIssues: RawIssue[];
}

/** jsonc-parser's syntax tree node, restated so its types stay out of ours (each is assignable to the other). */
export interface JsonNode {
  readonly type: "object" | "array" | "property" | "string" | "number" | "boolean" | "null";
  readonly value?: unknown;
  readonly offset: number;
  readonly length: number;
  readonly colonOffset?: number;
  readonly parent?: JsonNode;
  readonly children?: JsonNode[];
}

/** Deeper than any real rule file; beyond it the text is refused before tree parsing. */
const MAX_TEXT_NESTING = 128;

export function parseSourceDocument(text: string, file?: string): SourceDocument {
  const tooDeep = textNestingExceeds(text, MAX_TEXT_NESTING);
  if (tooDeep !== undefined) {
    const tooLarge = issue("too_large", [], { limit: "depth", max: MAX_TEXT_NESTING }, { ...withFile(file), ...lineColumn(text, tooDeep) });
    return { file, text, root: undefined, value: undefined, syntaxIssues: [tooLarge] };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const at = positionsIn(text);
  const syntaxIssues = errors.map((e) => issue("invalid_json", [], { error: printParseErrorCode(e.error), ...foundAt(text, e) }, { ...withFile(file), ...at(e.offset) }));
  const value = syntaxIssues.length === 0 && root ? safeJsonParse(text) : undefined;
  return { file, text, root, value, syntaxIssues };
}

/** The character the scanner could not read, so the message can name it (a BOM, a full-width "："). */
function foundAt(text: string, e: ParseError): { found?: string } {
  const codePoint = e.error === 1 /* InvalidSymbol */ ? text.codePointAt(e.offset) : undefined;
  return codePoint === undefined ? {} : { found: String.fromCodePoint(codePoint) };
}

// getNodeValue would build plain objects from the tree; JSON.parse is the reference
// behaviour for duplicate keys and numbers, and it gives `__proto__` as an own key.
function safeJsonParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Adds file, line and column to issues whose paths point into `doc`. */
export function locateIssues<I extends RawIssue>(doc: SourceDocument, issues: readonly I[]): I[] {
  if (issues.length === 0) return [];
  const at = positionsIn(doc.text);
  return issues.map((issue) => {
    const node = doc.root ? nearestNode(doc.root, issue.path) : undefined;
    return { ...issue, ...withFile(doc.file), ...at(node?.offset ?? 0) };
  });
}

// A path to a missing key has no node; point at the closest ancestor that exists.
function nearestNode(root: JsonNode, path: readonly (string | number)[]): JsonNode | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = findNodeAtLocation(root, path.slice(0, n) as (string | number)[]);
    if (node) return node.parent?.type === "property" && n === path.length ? node.parent : node;
  }
  return undefined;
}

function withFile(file: string | undefined): { file?: string } {
  return file === undefined ? {} : { file };
}

/** 1-based line and column (in UTF-16 code units, as editors count) of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  return positionsIn(text)(offset);
}

/**
 * Line and column of any offset in `text`, by binary search over the line starts found in
 * one pass: locating thousands of issues in a large file is linear, not quadratic. The
 * index of the last text asked about is kept (locating calls come in runs per document).
 */
export function positionsIn(text: string): (offset: number) => { line: number; column: number } {
  let starts = lastIndex?.text === text ? lastIndex.starts : undefined;
  if (!starts) {
    const found = [0];
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) found.push(i + 1);
    starts = Int32Array.from(found);
    lastIndex = { text, starts };
  }
  const lineStarts = starts;
  return (offset) => {
    const clamped = Math.max(0, Math.min(offset, text.length));
    // The last line start at or before the offset (a newline at the offset itself belongs to its line).
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
  };
}

let lastIndex: { text: string; starts: Int32Array } | undefined;

