/**
 * Preparing a document before it runs: parse, validate against the UI API schema slice with the offline checker's
 * rules, then check it against the viewer's schema. Salesforce builds each user's schema from their object and
 * field-level access, so a field the viewer cannot see is "undefined" there, unless the query marks it `@optional`
 * (API 65.0), in which case it is left out of the response (developer.salesforce.com/docs/platform/graphql/guide/
 * query-record-objects.html, "Access to supported objects and fields … is controlled by … field-level permissions").
 */
import {
    Kind,
    parse,
    Source,
    TypeInfo,
    visit,
    visitWithTypeInfo,
    GraphQLError,
    type DocumentNode,
    type FieldNode,
    type FragmentDefinitionNode,
    type GraphQLSchema,
    type OperationDefinitionNode,
} from 'graphql';
import type { Diagnostic } from '../../scripts/validate/graphql';
import type { EngineError } from './api';
import { fieldUndefinedMessage, fromGraphQLValidation, toEngineError, validationMessage } from './errors';
import type { ObjectInfo } from './tables';

/** The offline checker's signature (scripts/validate/graphql.ts `validateDocument`). */
export type ValidateFn = (source: string, schema: GraphQLSchema) => Diagnostic[];

export interface PreparedDocument {
    document?: DocumentNode;
    /** Syntax and validation errors: the same for every viewer. */
    errors: EngineError[];
    operations: OperationDefinitionNode[];
    fragments: Map<string, FragmentDefinitionNode>;
}

interface FieldSpan {
    start: number;
    end: number;
    path: string[];
}

/** graphql-java names fields by their path of field names (`uiapi/query/Account/edges/node/Foo`). */
function fieldPaths(document: DocumentNode): { spans: FieldSpan[]; byNode: Map<FieldNode, string[]> } {
    const spans: FieldSpan[] = [];
    const byNode = new Map<FieldNode, string[]>();
    const stack: string[] = [];
    visit(document, {
        Field: {
            enter(node) {
                stack.push(node.name.value);
                const path = [...stack];
                byNode.set(node, path);
                if (node.loc) spans.push({ start: node.loc.start, end: node.loc.end, path });
            },
            leave() {
                stack.pop();
            },
        },
        FragmentDefinition: {
            enter() {
                stack.length = 0;
            },
        },
    });
    return { spans, byNode };
}

/** The path of the innermost field around a 1-based line and column (arguments belong to their field). */
function pathAt(source: string, spans: readonly FieldSpan[], line: number, column: number): string[] {
    let offset = 0;
    for (let l = 1; l < line; l++) {
        const next = source.indexOf('\n', offset);
        if (next < 0) break;
        offset = next + 1;
    }
    offset += column - 1;
    let best: FieldSpan | undefined;
    for (const span of spans) {
        if (span.start <= offset && offset < span.end && (!best || span.start >= best.start)) best = span;
    }
    return best?.path ?? [];
}

export function prepareDocument(source: string, schema: GraphQLSchema, validateFn: ValidateFn): PreparedDocument {
    const prepared: PreparedDocument = { errors: [], operations: [], fragments: new Map() };
    let document: DocumentNode;
    try {
        document = parse(new Source(source));
    } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        const message = error.message.replace(/^Syntax Error: /, '');
        const engineError = toEngineError('InvalidSyntax', `Invalid syntax: ${message}`);
        if (error.locations) engineError.locations = [...error.locations];
        prepared.errors.push(engineError);
        return prepared;
    }
    prepared.document = document;
    for (const definition of document.definitions) {
        if (definition.kind === Kind.OPERATION_DEFINITION) prepared.operations.push(definition);
        if (definition.kind === Kind.FRAGMENT_DEFINITION) prepared.fragments.set(definition.name.value, definition);
    }
    const diagnostics = validateFn(source, schema);
    if (diagnostics.length === 0) return prepared;
    const { spans } = fieldPaths(document);
    for (const d of diagnostics) {
        const path = pathAt(source, spans, d.line, d.column);
        if (d.rule === 'syntax') {
            const error = toEngineError('InvalidSyntax', `Invalid syntax: ${d.message.replace(/^Syntax Error: /, '')}`);
            error.locations = [{ line: d.line, column: d.column }];
            prepared.errors.push(error);
            continue;
        }
        const error =
            d.rule === 'graphql'
                ? fromGraphQLValidation(new GraphQLError(d.message), path)
                : toEngineError('ValidationError', validationMessage(d.rule, path, d.message));
        error.locations = [{ line: d.line, column: d.column }];
        prepared.errors.push(error);
    }
    return prepared;
}

export interface AccessView {
    infos: Map<string, ObjectInfo>;
    /** Objects absent from this viewer's schema (no object access, or not exposed by the org). */
    isObjectHidden(object: string): boolean;
    isFieldHidden(object: string, field: string): boolean;
}

export interface AccessCheck {
    errors: EngineError[];
    /** Fields left out of the response: hidden from the viewer and marked @optional. */
    omitted: Set<FieldNode>;
}

const recordRoots = new Set(['RecordQuery', 'RecordQueryAggregate']);

/** The object a GraphQL type stands for: `Opportunity` for Opportunity and OpportunityAggregateResult. */
function objectOfType(typeName: string, infos: Map<string, ObjectInfo>): string | undefined {
    if (infos.has(typeName)) return typeName;
    const base = typeName.endsWith('AggregateResult') ? typeName.slice(0, -'AggregateResult'.length) : undefined;
    return base && infos.has(base) ? base : undefined;
}

/** Whether `field` of `object` exists in the viewer's schema. */
function visibleInSchema(view: AccessView, object: string, field: string): boolean {
    const info = view.infos.get(object);
    if (!info) return true;
    if (info.fields.has(field)) return !view.isFieldHidden(object, field);
    const relationship = info.relationships.get(field);
    if (relationship) {
        if (view.isFieldHidden(object, relationship.name)) return false;
        return (relationship.referenceTo ?? []).some((target) => !view.isObjectHidden(target));
    }
    const child = info.children.get(field);
    if (child) return !view.isObjectHidden(child.object) && !view.isFieldHidden(child.object, child.field);
    return true;
}

export function checkAccess(document: DocumentNode, schema: GraphQLSchema, view: AccessView): AccessCheck {
    const check: AccessCheck = { errors: [], omitted: new Set() };
    const { byNode } = fieldPaths(document);
    const typeInfo = new TypeInfo(schema);
    visit(
        document,
        visitWithTypeInfo(typeInfo, {
            Field(node) {
                const parent = typeInfo.getParentType();
                if (!parent) return;
                const name = node.name.value;
                let visible = true;
                if (recordRoots.has(parent.name)) visible = !view.isObjectHidden(name);
                else {
                    const object = objectOfType(parent.name, view.infos);
                    if (object) visible = visibleInSchema(view, object, name);
                }
                if (visible) return;
                if (node.directives?.some((d) => d.name.value === 'optional')) {
                    check.omitted.add(node);
                    return false;
                }
                check.errors.push(
                    toEngineError(
                        'ValidationError',
                        fieldUndefinedMessage(byNode.get(node) ?? [name], name, parent.name),
                        [node],
                    ),
                );
                return false;
            },
        }),
    );
    return check;
}
