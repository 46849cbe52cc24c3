/**
 * Finds every GraphQL document force-app hands to `gql`, using the TypeScript compiler's parser (no regex).
 *
 * How lightning/graphql documents come to exist (researched in Salesforce's docs, API 65.0):
 * - `gql` is "a JavaScript tagged template literal used to indicate the presence and location of GraphQL queries
 *   within your LWC component ... Salesforce uses gql to understand and apply special processing to your GraphQL
 *   queries at different stages of the component lifecycle"; "gql isn't reactive" (graphql-wire-lwc-query,
 *   reference-graphql-wire). A component that needs another document returns a new gql result from a getter and
 *   wires `query: '$getter'` (graphql-wire-lwc-best: delay a query with a getter).
 * - "Dynamic query construction" is listed as a lightning/graphql (v2) feature that lightning/uiGraphQLApi (v1)
 *   lacks (reference-graphql-intro, reference-graphql, reference-graphql-wire). The docs found do not spell out the
 *   mechanics; public v2 components build the text at run time and tag it whole, gql`${queryText}`, i.e. gql
 *   evaluates `${}` interpolations like any tagged template. Calling gql as a plain function with a string is not
 *   documented; types/lightning-graphql.d.ts allows it, and this extractor treats gql('...') like a template.
 * - Consequence for offline validation: a template with interpolations is only a document at run time. It is
 *   validated here when every interpolation resolves statically (string constants in the same file), or it is
 *   covered by scripts/graphql/dynamic-documents.ts (a call to a registered pure builder, whose every output is
 *   enumerated there). Anything else is reported, never skipped.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { lwcDir } from '../lib/paths';
import { dynamicDocumentSources, type DynamicDocumentSource } from './dynamic-documents';

export interface ExtractedDocument {
    /** Absolute path of the file the document lives in (the builder module for registered documents). */
    file: string;
    source: string;
    /** `static`: one literal; `interpolated`: constants spliced in; `dynamic`: enumerated by a registered builder. */
    kind: 'static' | 'interpolated' | 'dynamic';
    label?: string;
    /** Maps a 1-based line/column in `source` to a 1-based line/column in `file`. */
    position(line: number, column: number): { line: number; column: number };
}

export interface ExtractionProblem {
    file: string;
    line: number;
    column: number;
    message: string;
}

export interface Extraction {
    documents: ExtractedDocument[];
    problems: ExtractionProblem[];
    fileCount: number;
}

/** Where a stretch of the document text came from: literal text maps character by character, a constant maps to its `${}`. */
interface Segment {
    docStart: number;
    length: number;
    sourceStart: number;
    literal: boolean;
}

const gqlModules = new Set(['lightning/graphql', 'lightning/uiGraphQLApi']);

/** force-app TypeScript sources a component can ship: tests and declaration files excluded. */
export function listSourceFiles(root: string): string[] {
    if (!fs.existsSync(root)) return [];
    const files: string[] = [];
    const walk = (dir: string): void => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) {
                if (entry.name !== '__tests__' && entry.name !== 'node_modules') walk(full);
            } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
                files.push(full);
            }
        }
    };
    walk(root);
    return files.sort();
}

/** Resolves an import specifier the way force-app uses them: relative paths and `c/<bundle>`. */
export function resolveImport(specifier: string, fromFile: string): string | undefined {
    let base: string;
    if (specifier.startsWith('.')) base = path.resolve(path.dirname(fromFile), specifier);
    else if (specifier.startsWith('c/')) base = path.join(lwcDir, specifier.slice(2), specifier.slice(2));
    else return undefined;
    for (const candidate of [base, `${base}.ts`, path.join(base, 'index.ts')]) {
        if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
    }
    return `${base}.ts`;
}

/** Parses the files in one program so syntax errors come back as the compiler reports them. */
function parseFiles(files: { fileName: string; text: string }[]): {
    sourceFiles: ts.SourceFile[];
    diagnostics: readonly ts.Diagnostic[];
} {
    const texts = new Map(files.map((f) => [path.resolve(f.fileName), f.text]));
    const options: ts.CompilerOptions = { noResolve: true, noLib: true, types: [], target: ts.ScriptTarget.ESNext };
    const host = ts.createCompilerHost(options);
    host.getSourceFile = (fileName, languageVersion) => {
        const text = texts.get(path.resolve(fileName));
        return text === undefined ? undefined : ts.createSourceFile(fileName, text, languageVersion, true);
    };
    host.fileExists = (fileName) => texts.has(path.resolve(fileName));
    host.readFile = (fileName) => texts.get(path.resolve(fileName));
    const program = ts.createProgram([...texts.keys()], options, host);
    const sourceFiles = [...texts.keys()].map((fileName) => program.getSourceFile(fileName)!);
    return { sourceFiles, diagnostics: program.getSyntacticDiagnostics() };
}

class FileExtractor {
    private readonly gqlNames = new Set<string>();
    private readonly gqlNamespaces = new Set<string>();
    /** Local name of an imported registered builder → its module. */
    private readonly builderImports = new Map<string, string>();
    private readonly constants = new Map<string, ts.Expression | null>();
    readonly documents: ExtractedDocument[] = [];
    readonly problems: ExtractionProblem[] = [];
    private readonly registered: boolean;

    constructor(
        private readonly sourceFile: ts.SourceFile,
        private readonly registry: readonly DynamicDocumentSource[],
    ) {
        const file = path.resolve(sourceFile.fileName);
        this.registered = registry.some((source) => path.resolve(source.module) === file);
    }

    run(): void {
        this.collectBindings(this.sourceFile);
        if (this.gqlNames.size === 0 && this.gqlNamespaces.size === 0) return;
        const visit = (node: ts.Node): void => {
            if (ts.isTaggedTemplateExpression(node) && this.isGql(node.tag)) this.fromTemplate(node.template);
            else if (ts.isCallExpression(node) && this.isGql(node.expression)) this.fromCall(node);
            ts.forEachChild(node, visit);
        };
        visit(this.sourceFile);
    }

    private collectBindings(node: ts.Node): void {
        if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
            const specifier = node.moduleSpecifier.text;
            const bindings = node.importClause?.namedBindings;
            if (gqlModules.has(specifier) && bindings) {
                if (ts.isNamespaceImport(bindings)) this.gqlNamespaces.add(bindings.name.text);
                else {
                    for (const element of bindings.elements) {
                        if ((element.propertyName ?? element.name).text === 'gql') this.gqlNames.add(element.name.text);
                    }
                }
            }
            const resolved = resolveImport(specifier, this.sourceFile.fileName);
            const source = this.registry.find((s) => resolved && path.resolve(s.module) === path.resolve(resolved));
            if (source && bindings && ts.isNamedImports(bindings)) {
                for (const element of bindings.elements) {
                    const imported = (element.propertyName ?? element.name).text;
                    if (source.builders.includes(imported)) this.builderImports.set(element.name.text, source.module);
                }
            }
        }
        if (ts.isVariableDeclarationList(node) && node.flags & ts.NodeFlags.Const) {
            for (const declaration of node.declarations) {
                if (!ts.isIdentifier(declaration.name) || !declaration.initializer) continue;
                const name = declaration.name.text;
                // Two consts with one name in different scopes: refuse to guess which one a template means.
                this.constants.set(name, this.constants.has(name) ? null : declaration.initializer);
            }
        }
        ts.forEachChild(node, (child) => this.collectBindings(child));
    }

    private isGql(expression: ts.Expression): boolean {
        if (ts.isIdentifier(expression)) return this.gqlNames.has(expression.text);
        return (
            ts.isPropertyAccessExpression(expression) &&
            ts.isIdentifier(expression.expression) &&
            this.gqlNamespaces.has(expression.expression.text) &&
            expression.name.text === 'gql'
        );
    }

    private position(offset: number): { line: number; column: number } {
        const { line, character } = this.sourceFile.getLineAndCharacterOfPosition(offset);
        return { line: line + 1, column: character + 1 };
    }

    private problem(node: ts.Node, message: string): void {
        this.problems.push({ file: this.sourceFile.fileName, ...this.position(node.getStart()), message });
    }

    /** The constant text of an expression, or undefined when only the run time knows it. */
    private constantText(expression: ts.Expression, depth = 0): string | undefined {
        if (depth > 20) return undefined;
        if (ts.isParenthesizedExpression(expression) || ts.isAsExpression(expression)) {
            return this.constantText(expression.expression, depth + 1);
        }
        if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return expression.text;
        if (ts.isTemplateExpression(expression)) {
            let text = expression.head.text;
            for (const span of expression.templateSpans) {
                const part = this.constantText(span.expression, depth + 1);
                if (part === undefined) return undefined;
                text += part + span.literal.text;
            }
            return text;
        }
        if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.PlusToken) {
            const left = this.constantText(expression.left, depth + 1);
            const right = left === undefined ? undefined : this.constantText(expression.right, depth + 1);
            return left === undefined || right === undefined ? undefined : left + right;
        }
        if (ts.isIdentifier(expression)) {
            const initializer = this.constants.get(expression.text);
            return initializer ? this.constantText(initializer, depth + 1) : undefined;
        }
        return undefined;
    }

    /** True when the expression is a registered builder's result: `build(...)` or a const holding one. */
    private isRegisteredBuilderCall(expression: ts.Expression): boolean {
        if (ts.isParenthesizedExpression(expression)) return this.isRegisteredBuilderCall(expression.expression);
        if (ts.isCallExpression(expression) && ts.isIdentifier(expression.expression)) {
            return this.builderImports.has(expression.expression.text);
        }
        if (ts.isIdentifier(expression)) {
            const initializer = this.constants.get(expression.text);
            return Boolean(initializer && this.isRegisteredBuilderCall(initializer));
        }
        return false;
    }

    private fromCall(call: ts.CallExpression): void {
        const [argument] = call.arguments;
        if (!argument) return this.problem(call, 'gql() called without a document');
        const text = this.constantText(argument);
        if (text !== undefined) {
            const literal = ts.isStringLiteralLike(argument);
            const sourceStart = literal ? argument.getStart() + 1 : argument.getStart();
            return this.addDocument(text, [{ docStart: 0, length: text.length, sourceStart, literal }]);
        }
        if (this.registered || this.isRegisteredBuilderCall(argument)) return;
        this.problem(argument, unresolvedMessage(argument.getText()));
    }

    private fromTemplate(template: ts.TemplateLiteral): void {
        if (ts.isNoSubstitutionTemplateLiteral(template)) {
            const text = template.text;
            return this.addDocument(text, [
                { docStart: 0, length: text.length, sourceStart: template.getStart() + 1, literal: true },
            ]);
        }
        const segments: Segment[] = [];
        let text = '';
        const addLiteral = (literal: string, sourceStart: number): void => {
            segments.push({ docStart: text.length, length: literal.length, sourceStart, literal: true });
            text += literal;
        };
        addLiteral(template.head.text, template.head.getStart() + 1);
        let unresolved = false;
        for (const span of template.templateSpans) {
            const part = this.constantText(span.expression);
            if (part === undefined) {
                unresolved = true;
                if (!this.registered && !this.isRegisteredBuilderCall(span.expression)) {
                    this.problem(span.expression, unresolvedMessage(span.expression.getText()));
                }
            } else {
                segments.push({
                    docStart: text.length,
                    length: part.length,
                    sourceStart: span.expression.getStart(),
                    literal: false,
                });
                text += part;
            }
            addLiteral(span.literal.text, span.literal.getStart() + 1);
        }
        if (!unresolved) this.addDocument(text, segments, 'interpolated');
    }

    private addDocument(source: string, segments: Segment[], kind: 'static' | 'interpolated' = 'static'): void {
        const lineStarts = [0];
        for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1);
        this.documents.push({
            file: this.sourceFile.fileName,
            source,
            kind,
            position: (line, column) => {
                const offset = (lineStarts[line - 1] ?? 0) + column - 1;
                const segment =
                    segments.find((s) => offset >= s.docStart && offset < s.docStart + s.length) ??
                    segments[segments.length - 1];
                const inside = segment.literal ? Math.max(0, offset - segment.docStart) : 0;
                return this.position(segment.sourceStart + inside);
            },
        });
    }
}

function unresolvedMessage(expression: string): string {
    const shown = expression.length > 60 ? `${expression.slice(0, 57)}...` : expression;
    return (
        `gql document interpolates \${${shown}}, which cannot be resolved statically: use a string constant ` +
        'declared in this file, or build the document in a pure module registered in scripts/graphql/dynamic-documents.ts'
    );
}

/** Extracts from in-memory files (the CLI reads them from disk; tests pass fixtures). */
export function extractFromSources(
    files: { fileName: string; text: string }[],
    registry: readonly DynamicDocumentSource[] = dynamicDocumentSources,
): Extraction {
    const extraction: Extraction = { documents: [], problems: [], fileCount: files.length };
    if (files.length === 0) return extraction;
    const { sourceFiles, diagnostics } = parseFiles(files);
    for (const diagnostic of diagnostics) {
        const file = diagnostic.file;
        const { line, character } = file?.getLineAndCharacterOfPosition(diagnostic.start ?? 0) ?? {
            line: 0,
            character: 0,
        };
        extraction.problems.push({
            file: file?.fileName ?? '(unknown file)',
            line: line + 1,
            column: character + 1,
            message: `TypeScript cannot parse this file: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`,
        });
    }
    const broken = new Set(extraction.problems.map((p) => p.file));
    for (const sourceFile of sourceFiles) {
        if (broken.has(sourceFile.fileName)) continue;
        const extractor = new FileExtractor(sourceFile, registry);
        extractor.run();
        extraction.documents.push(...extractor.documents);
        extraction.problems.push(...extractor.problems);
    }
    return extraction;
}

/** The documents each registered builder module enumerates, checked for the registry's own mistakes. */
export function registeredDocuments(registry: readonly DynamicDocumentSource[] = dynamicDocumentSources): Extraction {
    const extraction: Extraction = { documents: [], problems: [], fileCount: 0 };
    for (const source of registry) {
        const at = { file: source.module, line: 1, column: 1 };
        if (!fs.existsSync(source.module)) {
            extraction.problems.push({
                ...at,
                message: 'registered in dynamic-documents.ts but the file does not exist',
            });
            continue;
        }
        let documents;
        try {
            documents = source.documents();
        } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            extraction.problems.push({ ...at, message: `documents() threw while enumerating: ${message}` });
            continue;
        }
        if (documents.length === 0) {
            extraction.problems.push({
                ...at,
                message: 'registered in dynamic-documents.ts but enumerates no documents',
            });
        }
        for (const document of documents) {
            extraction.documents.push({
                file: source.module,
                source: document.source,
                kind: 'dynamic',
                label: document.label,
                position: () => ({ line: 1, column: 1 }),
            });
        }
    }
    return extraction;
}

/** Every document under a force-app root plus every registered dynamic document. */
export function extractAll(
    root: string,
    registry: readonly DynamicDocumentSource[] = dynamicDocumentSources,
): Extraction {
    const files = listSourceFiles(root).map((fileName) => ({ fileName, text: fs.readFileSync(fileName, 'utf8') }));
    const fromSources = extractFromSources(files, registry);
    const fromRegistry = registeredDocuments(registry);
    return {
        documents: [...fromSources.documents, ...fromRegistry.documents],
        problems: [...fromSources.problems, ...fromRegistry.problems],
        fileCount: fromSources.fileCount,
    };
}
