import fs from 'node:fs';
import path from 'node:path';
import {
    getLocation,
    GraphQLError,
    Kind,
    parse,
    Source,
    validate,
    visit,
    type ArgumentNode,
    type DocumentNode,
    type FieldNode,
    type FragmentDefinitionNode,
    type GraphQLSchema,
    type OperationDefinitionNode,
    type SelectionSetNode,
    type ValueNode,
} from 'graphql';
import { buildUiApiSchema } from '../../schema/uiapi';
import { dynamicDocumentSources, type DynamicDocument, type DynamicDocumentSource } from '../graphql/dynamic-documents';
import { extractAll, type ExtractedDocument } from '../graphql/extract';
import { forceAppDir, repoRoot } from '../lib/paths';

/** One problem in a GraphQL document; line and column are 1-based within the document text. */
export interface Diagnostic {
    message: string;
    line: number;
    column: number;
    /** `syntax`, `graphql` (a graphql-js standard rule) or the project rule's name. */
    rule: string;
}

// https://developer.salesforce.com/docs/platform/graphql/guide/query-limits.html
export const maxSubqueriesPerQuery = 10;
export const maxRecordsPerSubquery = 2000;
// https://developer.salesforce.com/docs/platform/graphql/guide/paginate-use-upperbound.html
export const upperBoundMinFirst = 200;

export interface ValidateOptions {
    /** The API version the components run at; defaults to sourceApiVersion in sfdx-project.json. */
    apiVersion?: number;
}

let projectApiVersion: number | undefined;

/** sourceApiVersion from sfdx-project.json: the version every bundle's js-meta.xml declares. */
export function packageApiVersion(): number {
    if (projectApiVersion === undefined) {
        const file = path.join(repoRoot, 'sfdx-project.json');
        const version = Number(JSON.parse(fs.readFileSync(file, 'utf8')).sourceApiVersion);
        if (!Number.isFinite(version)) throw new Error(`${file}: sourceApiVersion is missing or not a number`);
        projectApiVersion = version;
    }
    return projectApiVersion;
}

// Features newer than some API versions, with the page that says so.
const currentUserSince = 66; // query-current-user-record: "API v66.0 and later"
const optionalSince = 65; // query-record-objects: "Optional fields available in API v65.0 and later"
// query-objectinfo: "API v56.0 and later", "Picklist values available in API v65.0 and later"
const objectInfosSince = 56;
const picklistValuesSince = 65;

/** Parses, runs graphql-js's standard rules against the UI API schema slice, then the project rules. */
export function validateDocument(
    source: string,
    schema: GraphQLSchema = buildUiApiSchema(),
    options: ValidateOptions = {},
): Diagnostic[] {
    const apiVersion = options.apiVersion ?? packageApiVersion();
    const body = new Source(source);
    let document: DocumentNode;
    try {
        document = parse(body);
    } catch (error) {
        if (error instanceof GraphQLError) return [fromGraphQLError(error, 'syntax')];
        throw error;
    }
    const diagnostics = validate(schema, document).map((error) => fromGraphQLError(error, 'graphql'));
    diagnostics.push(...projectDiagnostics(document, body, apiVersion));
    return diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
}

function fromGraphQLError(error: GraphQLError, rule: string): Diagnostic {
    const location = error.locations?.[0] ?? { line: 1, column: 1 };
    return { message: error.message, line: location.line, column: location.column, rule };
}

function at(body: Source, node: { loc?: { start: number } }, rule: string, message: string): Diagnostic {
    const { line, column } = node.loc ? getLocation(body, node.loc.start) : { line: 1, column: 1 };
    return { message, line, column, rule };
}

function argument(field: FieldNode, name: string): ArgumentNode | undefined {
    return field.arguments?.find((arg) => arg.name.value === name);
}

/** The fields a selection set selects, looking through fragment spreads and inline fragments. */
function selectedFields(
    selectionSet: SelectionSetNode | undefined,
    fragments: Map<string, FragmentDefinitionNode>,
    seen = new Set<string>(),
): FieldNode[] {
    const fields: FieldNode[] = [];
    for (const selection of selectionSet?.selections ?? []) {
        if (selection.kind === Kind.FIELD) fields.push(selection);
        else if (selection.kind === Kind.INLINE_FRAGMENT) {
            fields.push(...selectedFields(selection.selectionSet, fragments, seen));
        } else {
            const name = selection.name.value;
            const fragment = fragments.get(name);
            if (!fragment || seen.has(name)) continue;
            fields.push(...selectedFields(fragment.selectionSet, fragments, new Set([...seen, name])));
        }
    }
    return fields;
}

/** A literal Int, or a variable's literal default value; undefined when only the run time knows. */
function staticInt(value: ValueNode, operations: OperationDefinitionNode[]): number | undefined {
    if (value.kind === Kind.INT) return Number(value.value);
    if (value.kind !== Kind.VARIABLE) return undefined;
    for (const operation of operations) {
        const definition = operation.variableDefinitions?.find((v) => v.variable.name.value === value.name.value);
        if (definition?.defaultValue?.kind === Kind.INT) return Number(definition.defaultValue.value);
    }
    return undefined;
}

function allFields(document: DocumentNode): FieldNode[] {
    const fields: FieldNode[] = [];
    visit(document, { Field: (node) => void fields.push(node) });
    return fields;
}

/** objectInfos and its picklist values came in different API versions (query-objectinfo). */
function objectInfosDiagnostics(section: FieldNode, body: Source, apiVersion: number): Diagnostic[] {
    const late = (since: number, what: string, node: FieldNode): Diagnostic =>
        at(
            body,
            node,
            'api-version',
            `${what} needs API ${since}.0 or later; the package runs at ${apiVersion.toFixed(1)} (query-objectinfo)`,
        );
    if (apiVersion < objectInfosSince) return [late(objectInfosSince, 'uiapi.objectInfos', section)];
    if (apiVersion >= picklistValuesSince) return [];
    const picklists: FieldNode[] = [];
    visit(section, {
        Field: (node) => void (node.name.value === 'picklistValuesByRecordTypeIDs' && picklists.push(node)),
    });
    return picklists.map((node) => late(picklistValuesSince, 'objectInfos picklistValuesByRecordTypeIDs', node));
}

/** The rules graphql-js cannot know: documented API limits and wire adapter limitations. */
function projectDiagnostics(document: DocumentNode, body: Source, apiVersion: number): Diagnostic[] {
    const diagnostics: Diagnostic[] = [];
    const fragments = new Map<string, FragmentDefinitionNode>();
    const operations: OperationDefinitionNode[] = [];
    for (const definition of document.definitions) {
        if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
        if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
    }

    for (const operation of operations) {
        const name = operation.name ? `"${operation.name.value}"` : '(anonymous)';
        if (operation.operation !== 'query') {
            diagnostics.push(
                at(
                    body,
                    operation,
                    'query-only',
                    `Operation ${name} is a ${operation.operation}; the KPI kit only reads data (the offline schema has no ${operation.operation} type)`,
                ),
            );
            continue;
        }
        const subqueries: { kind: 'query' | 'aggregate' | 'objectInfos'; field: FieldNode }[] = [];
        for (const uiapi of selectedFields(operation.selectionSet, fragments)) {
            if (uiapi.name.value !== 'uiapi') continue;
            for (const section of selectedFields(uiapi.selectionSet, fragments)) {
                const kind = section.name.value;
                if (kind === 'currentUser' && apiVersion < currentUserSince) {
                    diagnostics.push(
                        at(
                            body,
                            section,
                            'api-version',
                            `uiapi.currentUser needs API ${currentUserSince}.0 or later; the package runs at ${apiVersion.toFixed(1)} (query-current-user-record): query User with where: { Id: { eq: $userId } } instead`,
                        ),
                    );
                }
                if (kind === 'objectInfos') {
                    diagnostics.push(...objectInfosDiagnostics(section, body, apiVersion));
                    // query-limits does not say whether objectInfos counts: counted as one, the limit holds either way.
                    subqueries.push({ kind, field: section });
                    continue;
                }
                if (kind !== 'query' && kind !== 'aggregate') continue;
                for (const field of selectedFields(section.selectionSet, fragments)) {
                    if (field.name.value !== '__typename') subqueries.push({ kind, field });
                }
            }
        }
        if (subqueries.length > maxSubqueriesPerQuery) {
            diagnostics.push(
                at(
                    body,
                    subqueries[maxSubqueriesPerQuery].field,
                    'max-subqueries',
                    `Operation ${name} has ${subqueries.length} subqueries (uiapi.query/uiapi.aggregate object fields, and objectInfos); the GraphQL API allows at most ${maxSubqueriesPerQuery} per query (query-limits)`,
                ),
            );
        }
    }

    for (const field of allFields(document)) {
        const first = argument(field, 'first');
        const firstValue = first ? staticInt(first.value, operations) : undefined;
        if (first && firstValue !== undefined && firstValue > maxRecordsPerSubquery) {
            diagnostics.push(
                at(
                    body,
                    first,
                    'max-first',
                    `${field.name.value}(first: ${firstValue}) exceeds ${maxRecordsPerSubquery}, the most records a subquery returns (query-limits)`,
                ),
            );
        }
        const upperBound = argument(field, 'upperBound');
        if (!upperBound) continue;
        const range = `${upperBoundMinFirst} to ${maxRecordsPerSubquery}`;
        if (!first) {
            diagnostics.push(
                at(
                    body,
                    upperBound,
                    'upper-bound-first',
                    `${field.name.value} uses upperBound without first; with upperBound, first must be ${range} (paginate-use-upperbound)`,
                ),
            );
        } else if (
            firstValue !== undefined &&
            (firstValue < upperBoundMinFirst || firstValue > maxRecordsPerSubquery)
        ) {
            diagnostics.push(
                at(
                    body,
                    first,
                    'upper-bound-first',
                    `${field.name.value}(first: ${firstValue}) with upperBound: first must be ${range} (paginate-use-upperbound)`,
                ),
            );
        }
    }

    // graphql-wire-lwc-limitations: the wire adapter does not support variables in @skip/@include.
    visit(document, {
        Directive: (directive) => {
            if (directive.name.value === 'optional' && apiVersion < optionalSince) {
                diagnostics.push(
                    at(
                        body,
                        directive,
                        'api-version',
                        `@optional needs API ${optionalSince}.0 or later; the package runs at ${apiVersion.toFixed(1)}`,
                    ),
                );
            }
            if (directive.name.value !== 'skip' && directive.name.value !== 'include') return;
            const condition = directive.arguments?.find((arg) => arg.name.value === 'if');
            if (condition?.value.kind !== Kind.VARIABLE) return;
            diagnostics.push(
                at(
                    body,
                    directive,
                    'no-directive-variables',
                    `@${directive.name.value}(if: $${condition.value.name.value}): the lightning/graphql wire adapter does not support variables in directives`,
                ),
            );
        },
    });
    return diagnostics;
}

/** A problem located in a repository file, ready to print as `path:line: message`. */
export interface FileProblem {
    file: string;
    line: number;
    column: number;
    message: string;
}

/** Validates every extracted document and maps each diagnostic back to its source file position. */
export function validateDocuments(
    documents: readonly ExtractedDocument[],
    schema?: GraphQLSchema,
    options: ValidateOptions = {},
): FileProblem[] {
    const problems: FileProblem[] = [];
    for (const document of documents) {
        for (const diagnostic of validateDocument(document.source, schema, options)) {
            const position = document.position(diagnostic.line, diagnostic.column);
            // A registered document has no place in a file: name it and point into its own text.
            const message =
                document.kind === 'dynamic'
                    ? `[${document.label}] ${diagnostic.message} (document line ${diagnostic.line}:${diagnostic.column})`
                    : diagnostic.message;
            problems.push({ file: document.file, ...position, message });
        }
    }
    return problems;
}

/** The problems of a builder's enumerated documents, each `[label] line:column message` (within the document). */
export function dynamicDocumentProblems(documents: readonly DynamicDocument[], schema?: GraphQLSchema): string[] {
    return documents.flatMap((document) =>
        validateDocument(document.source, schema).map(
            (diagnostic) => `[${document.label}] ${diagnostic.line}:${diagnostic.column} ${diagnostic.message}`,
        ),
    );
}

export function formatProblem(problem: FileProblem): string {
    return `${path.relative(repoRoot, problem.file)}:${problem.line}: ${problem.message}`;
}

/** The CLI: validates every gql document in force-app and every registered dynamic document. */
export function runCli(
    root: string = forceAppDir,
    registry: readonly DynamicDocumentSource[] = dynamicDocumentSources,
): number {
    const started = performance.now();
    const extraction = extractAll(root, registry);
    const problems: FileProblem[] = [...extraction.problems];
    problems.push(...validateDocuments(extraction.documents));
    for (const problem of problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)) {
        console.error(formatProblem(problem));
    }
    const dynamic = extraction.documents.filter((d) => d.kind === 'dynamic').length;
    const statics = extraction.documents.length - dynamic;
    const milliseconds = Math.round(performance.now() - started);
    const what =
        extraction.documents.length === 0
            ? `validated 0 GraphQL documents (no gql documents in ${path.relative(repoRoot, root)} yet)`
            : `validated ${extraction.documents.length} GraphQL documents (${statics} in source, ${dynamic} from registered builders)`;
    console.log(
        `graphql: ${what} across ${extraction.fileCount} files in ${milliseconds} ms; ${problems.length} problem(s)`,
    );
    return problems.length === 0 ? 0 : 1;
}

if (require.main === module) {
    process.exitCode = runCli();
}
