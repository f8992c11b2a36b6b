// Run by `npm run build` after tsup: rewrites dist/index.d.ts and dist/index.d.cts so that no
// public type mentions zod. Our types are derived from the zod schemas (`z.infer`), and the
// bundled declarations keep them as `z.infer<typeof Schema>` plus the schema's whole zod
// type; consumers would type-check against zod's classes and need its exact version. Each
// such type is replaced by the plain type TypeScript resolves it to (JSDoc of every
// property kept), the schema declarations it leaves unused are dropped, and the build
// fails if the typings still import any package in BANNED.
import { readFileSync, writeFileSync } from "node:fs";
import ts from "typescript";

/** Packages whose types must not appear in our public typings (STYLE.md: plain data at the edges). */
export const BANNED = ["zod", "json-rules-engine", "jsonc-parser", "dinero.js", "@date-fns/tz", "date-fns"];

const FILES = ["dist/index.d.ts", "dist/index.d.cts"];

export function plainTypings(file: string): string {
  const program = ts.createProgram([file], { strict: true, noEmit: true, skipLibCheck: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022 });
  const checker = program.getTypeChecker();
  const sf = program.getSourceFile(file)!;
  const zodNames = importedNames(sf, "zod");
  const edits: { start: number; end: number; text: string }[] = [];

  const mentionsZod = (node: ts.Node): boolean => {
    let found = false;
    const visit = (n: ts.Node) => {
      if (found) return;
      if (ts.isIdentifier(n) && zodNames.has(n.text)) found = true;
      else ts.forEachChild(n, visit);
    };
    visit(node);
    return found;
  };
  // The outermost type nodes that name zod, outside the schema declarations themselves.
  const visit = (node: ts.Node) => {
    if (ts.isVariableStatement(node) || ts.isImportDeclaration(node)) return;
    if (isTypeNode(node) && mentionsZod(node)) {
      const type = checker.getTypeFromTypeNode(node);
      edits.push({ start: node.getStart(sf), end: node.getEnd(), text: printType(checker, sf, type, indentOf(sf, node)) });
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  let text = applyEdits(sf.text, edits);
  text = dropUnused(text, zodNames);
  const left = BANNED.filter((pkg) => new RegExp(`from ['"]${pkg.replace(/[.$]/g, "\\$&")}['"]|import\\(['"]${pkg}['"]\\)`).test(text));
  if (left.length > 0) throw new Error(`${file} still refers to ${left.join(", ")}: make the public type plain (see scripts/plainTypings.ts)`);
  return text;
}

function isTypeNode(node: ts.Node): node is ts.TypeNode {
  return ts.isTypeReferenceNode(node) || ts.isTypeQueryNode(node) || ts.isIndexedAccessTypeNode(node);
}

function importedNames(sf: ts.SourceFile, pkg: string): Set<string> {
  const names = new Set<string>();
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || (st.moduleSpecifier as ts.StringLiteral).text !== pkg) continue;
    const clause = st.importClause;
    if (clause?.name) names.add(clause.name.text);
    const bindings = clause?.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) names.add(bindings.name.text);
    if (bindings && ts.isNamedImports(bindings)) for (const el of bindings.elements) names.add(el.name.text);
  }
  return names;
}

function indentOf(sf: ts.SourceFile, node: ts.Node): string {
  const line = sf.text.slice(sf.text.lastIndexOf("\n", node.getStart(sf)) + 1);
  return /^\s*/.exec(line)![0];
}

function applyEdits(text: string, edits: readonly { start: number; end: number; text: string }[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** Drops `declare const X: z.…` statements nothing refers to any more, then the zod import. */
function dropUnused(text: string, zodNames: ReadonlySet<string>): string {
  for (;;) {
    const sf = ts.createSourceFile("index.d.ts", text, ts.ScriptTarget.ES2022, true);
    const drop = sf.statements.filter((st) => {
      if (!ts.isVariableStatement(st)) return false;
      const decl = st.declarationList.declarations[0]!;
      if (!decl.type || !ts.isIdentifier(decl.name)) return false;
      const typeText = decl.type.getText(sf);
      if (![...zodNames].some((z) => new RegExp(`\\b${z}\\.`).test(typeText))) return false;
      const name = decl.name.text.replace(/\$/g, "\\$");
      const uses = text.match(new RegExp(`(?<![\\w$])${name}(?![\\w$])`, "g"))?.length ?? 0;
      return uses === 1;
    });
    if (drop.length === 0) break;
    text = applyEdits(text, drop.map((st) => ({ start: st.getFullStart(), end: st.getEnd(), text: "" })));
  }
  const sf = ts.createSourceFile("index.d.ts", text, ts.ScriptTarget.ES2022, true);
  let used = false;
  const visit = (n: ts.Node) => {
    if (ts.isImportDeclaration(n)) return;
    if (ts.isIdentifier(n) && zodNames.has(n.text)) used = true;
    else ts.forEachChild(n, visit);
  };
  visit(sf);
  const unusedImports = used ? [] : sf.statements.filter((st) => ts.isImportDeclaration(st) && (st.moduleSpecifier as ts.StringLiteral).text === "zod");
  return applyEdits(text, unusedImports.map((st) => ({ start: st.getFullStart(), end: st.getEnd() + 1, text: "" })));
}

const FLAGS = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope;

/** A type written out: object types property by property with their JSDoc, everything else as TypeScript prints it. */
function printType(checker: ts.TypeChecker, sf: ts.SourceFile, type: ts.Type, indent: string, seen: ReadonlySet<ts.Type> = new Set()): string {
  if (seen.has(type)) return checker.typeToString(type, sf, FLAGS);
  const inner = new Set(seen).add(type);
  if (type.isUnion()) {
    const parts: string[] = [];
    const members = type.types;
    const hasBoolean = members.some((t) => t.flags & ts.TypeFlags.BooleanLiteral && checker.typeToString(t) === "true") && members.some((t) => t.flags & ts.TypeFlags.BooleanLiteral && checker.typeToString(t) === "false");
    for (const t of members) {
      if (hasBoolean && t.flags & ts.TypeFlags.BooleanLiteral) {
        if (!parts.includes("boolean")) parts.push("boolean");
        continue;
      }
      const printed = printType(checker, sf, t, indent, inner);
      parts.push(isFunctionText(printed) ? `(${printed})` : printed);
    }
    // `undefined` last, as TypeScript writes optional types.
    return [...parts.filter((p) => p !== "undefined"), ...parts.filter((p) => p === "undefined")].join(" | ");
  }
  if (checker.isArrayType(type)) {
    const element = printType(checker, sf, checker.getTypeArguments(type as ts.TypeReference)[0]!, indent, inner);
    return /[|&\s]/.test(element) && !/^\{[\s\S]*\}$/.test(element) ? `(${element})[]` : `${element}[]`;
  }
  if (!isPlainObject(type)) return checker.typeToString(type, sf, FLAGS);
  const lines: string[] = [];
  const step = `${indent}    `;
  for (const info of checker.getIndexInfosOfType(type)) {
    lines.push(`${step}${info.isReadonly ? "readonly " : ""}[key: ${checker.typeToString(info.keyType, sf, FLAGS)}]: ${printType(checker, sf, info.type, step, inner)};`);
  }
  for (const prop of checker.getPropertiesOfType(type)) {
    const doc = ts.displayPartsToString(prop.getDocumentationComment(checker)).trim();
    if (doc) lines.push(doc.includes("\n") ? `${step}/**\n${doc.split("\n").map((l) => `${step} * ${l}`.trimEnd()).join("\n")}\n${step} */` : `${step}/** ${doc} */`);
    const optional = prop.flags & ts.SymbolFlags.Optional ? "?" : "";
    const readonly = isReadonly(prop) ? "readonly " : "";
    const propType = checker.getTypeOfSymbol(prop);
    lines.push(`${step}${readonly}${propertyName(prop.name)}${optional}: ${printType(checker, sf, propType, step, inner)};`);
  }
  return lines.length === 0 ? "{}" : `{\n${lines.join("\n")}\n${indent}}`;
}

/** An object type to write out property by property: not a function, class or named declaration of ours. */
function isPlainObject(type: ts.Type): boolean {
  if (!(type.flags & ts.TypeFlags.Object)) return false;
  if (type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0) return false;
  const objectFlags = (type as ts.ObjectType).objectFlags;
  if (objectFlags & (ts.ObjectFlags.Anonymous | ts.ObjectFlags.Mapped)) return true;
  // Record<…> and other instantiated aliases of zod's output types.
  return type.aliasSymbol !== undefined && type.getSymbol()?.getName() === "__type";
}

function isReadonly(prop: ts.Symbol): boolean {
  const decl = prop.valueDeclaration ?? prop.declarations?.[0];
  if (decl && (ts.getCombinedModifierFlags(decl as ts.Declaration) & ts.ModifierFlags.Readonly) !== 0) return true;
  return ((prop as { links?: { checkFlags?: number } }).links?.checkFlags ?? 0) & 8 /* CheckFlags.Readonly */ ? true : false;
}

function propertyName(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

function isFunctionText(text: string): boolean {
  return /^\(.*\) =>/.test(text);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const file of FILES) {
    const before = readFileSync(file, "utf8");
    const after = plainTypings(file);
    writeFileSync(file, after);
    console.log(`${file}: zod-derived types written out plainly (${before.length} → ${after.length} chars)`);
  }
}
