import { join, relative } from 'node:path';
import ts from 'typescript';

const SRC = join(import.meta.dirname, '..', '..', 'src');

/** One exported symbol of a public entry point, with the code blocks of its `@example` tags. */
export interface PublicExport {
  /** The entry point: `@modelperf/core` or `@modelperf/core/node`. */
  readonly entry: string;
  readonly name: string;
  readonly kind: 'function' | 'class' | 'other';
  /** Source file of the declaration, relative to src/. */
  readonly file: string;
  /** The ```ts blocks of its @example tags (class members' examples included for classes). */
  readonly examples: string[];
}

const ENTRIES: Record<string, string> = { '@modelperf/core': 'index.ts', '@modelperf/core/node': 'node.ts' };

/**
 * Lists the exports of the public entry points with their @example code, from the TSDoc of their declarations.
 * @returns every public export (the node entry lists only what the root entry does not export)
 */
export function publicExports(): PublicExport[] {
  const roots = Object.values(ENTRIES).map((f) => join(SRC, f));
  const program = ts.createProgram(roots, {
    target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true, skipLibCheck: true, noEmit: true,
  });
  const checker = program.getTypeChecker();
  const out: PublicExport[] = [];
  const seen = new Set<string>();
  for (const [entry, file] of Object.entries(ENTRIES)) {
    const source = program.getSourceFile(join(SRC, file));
    const moduleSymbol = source && checker.getSymbolAtLocation(source);
    if (moduleSymbol === undefined) throw new Error(`cannot read the exports of ${file}`);
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      if (seen.has(exported.name)) continue;
      seen.add(exported.name);
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const declaration = symbol.declarations?.[0];
      if (declaration === undefined) continue;
      const kind = ts.isFunctionDeclaration(declaration) ? 'function' : ts.isClassDeclaration(declaration) ? 'class' : 'other';
      const nodes: ts.Node[] = [...(symbol.declarations ?? [])];
      if (ts.isClassDeclaration(declaration)) nodes.push(...declaration.members);
      out.push({
        entry,
        name: exported.name,
        kind,
        file: relative(SRC, declaration.getSourceFile().fileName),
        examples: nodes.flatMap(exampleBlocks),
      });
    }
  }
  return out;
}

function exampleBlocks(node: ts.Node): string[] {
  const blocks: string[] = [];
  for (const tag of ts.getJSDocTags(node)) {
    if (tag.tagName.text !== 'example') continue;
    const text = typeof tag.comment === 'string' ? tag.comment : ts.getTextOfJSDocComment(tag.comment) ?? '';
    for (const match of text.matchAll(/```ts\n([\s\S]*?)```/g)) blocks.push(match[1]);
  }
  return blocks;
}

/** A runnable example imports what it uses from a package entry point; other examples are fragments. */
export function isRunnable(code: string): boolean {
  return /from '@modelperf\/core(\/node|\/internal)?'/.test(code);
}

/**
 * What an example says it prints: the comment after each `console.log(...)` line, in order (`...` at the end of a
 * comment: the line starts with what precedes it).
 * @param code - the example
 * @returns the expected lines
 */
export function expectedOutput(code: string): string[] {
  const lines: string[] = [];
  for (const line of code.split('\n')) {
    const match = /console\.log\(.*\);?\s*\/\/\s?(.*)$/.exec(line);
    if (match) lines.push(match[1].trim());
  }
  return lines;
}

/**
 * Turns an example into a JavaScript module (types stripped), so that it runs against the built package.
 * @param code - the TypeScript example
 * @returns ESM JavaScript
 */
export function exampleModule(code: string): string {
  return ts.transpileModule(code, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: false },
  }).outputText;
}
