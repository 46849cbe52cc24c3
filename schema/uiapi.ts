import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { describeProblems, isFilterable, isGroupable, isPolymorphic, isSortable, objectDescriptions } from './index';
import type { FieldDescription, FieldType, ObjectDescription } from './types';

/*
 * The UI API GraphQL schema slice the package is validated against, offline.
 *
 * Base: Salesforce's shared-schema.graphqls (scalars, enums, Record/FieldValue interfaces, *Value and *Aggregate
 * types, operator/orderBy/groupBy inputs), read from node_modules at run time and never copied into the repo.
 * On top: one generated set of types per object in schema/objects, shaped the way the GraphQL guide describes:
 * - query-record-objects: RecordQuery has one field per object with first/after/where/orderBy/scope/upperBound and
 *   returns <Object>Connection (edges/node/cursor, pageInfo, totalCount); fields are <Type>Value wrappers.
 *   https://developer.salesforce.com/docs/platform/graphql/guide/query-record-objects.html
 * - filter-fields / filter-boolean / filter-polymorphic / filter-joins: <Object>_Filter with one <Type>Operators
 *   field per filterable field, and/or/not, parent relationships as nested filters, polymorphic parents as
 *   <Object>_<Relationship>_Filters, Id inq/ninq semi-joins.
 *   https://developer.salesforce.com/docs/platform/graphql/guide/filter-fields.html
 * - aggregate-schema / aggregate-groupby-schema / aggregate-orderby-schema: RecordQueryAggregate has one field per
 *   object with first/after/where/orderBy/groupBy/scope (no upperBound) and returns <Object>AggregateConnection;
 *   edges { node { aggregate { Field { sum { value } } } } }; <Object>_GroupBy holds GroupByClause (or
 *   GroupByDateFunction for dates) per groupable field, parent relationships and `type: GroupByType`.
 *   https://developer.salesforce.com/docs/platform/graphql/guide/aggregate-schema.html
 * - optional fields (API 65.0): `directive @optional on FIELD`, already declared by the shared schema.
 *
 * Names the docs leave open, chosen here and documented so nobody mistakes them for Salesforce's:
 * - The docs name both the record and the aggregate orderBy input `<Object>_OrderBy`, which one schema cannot hold;
 *   the aggregate one is `<Object>_AggregateOrderBy` here (type names never appear in a query unless a variable is
 *   declared with them).
 * - The aggregate node type is `<Object>Aggregate` with one field `aggregate: <Object>AggregateResult`.
 * - Polymorphic parents are unions named `<Object>_<Relationship>`; semi-join input is `JoinInput`.
 * - The shared schema has no ID operators; `IDOperators` follows the other operator inputs plus inq/ninq.
 */

export const sharedSchemaPath = path.join(
    path.dirname(require.resolve('@salesforce/webapp-template-feature-graphql-experimental/package.json')),
    'skills',
    'implementing-graphql-data-access',
    'docs',
    'shared-schema.graphqls',
);

/*
 * The shared schema ships `enum RecordScope @generic {}`, which graphql-js cannot parse. Its values are the SOQL
 * USING SCOPE filter scopes, upper-cased as the GraphQL API spells enum values (`scope: MINE`):
 * https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_using_scope.htm
 * Which scopes an object supports is per object (describe's supportedScopes); the server rejects the others.
 */
export const recordScopeValues = [
    'DELEGATED',
    'EVERYTHING',
    'MINE',
    'MINE_AND_MY_GROUPS',
    'MY_TERRITORY',
    'MY_TEAM_TERRITORY',
    'TEAM',
];

const valueTypes: Record<FieldType, string> = {
    Id: 'IDValue',
    Reference: 'IDValue',
    String: 'StringValue',
    TextArea: 'TextAreaValue',
    Email: 'EmailValue',
    Phone: 'PhoneNumberValue',
    Url: 'UrlValue',
    Picklist: 'PicklistValue',
    MultiPicklist: 'MultiPicklistValue',
    Boolean: 'BooleanValue',
    Int: 'IntValue',
    Double: 'DoubleValue',
    Currency: 'CurrencyValue',
    Percent: 'PercentValue',
    Date: 'DateValue',
    DateTime: 'DateTimeValue',
};

const operatorTypes: Record<FieldType, string> = {
    Id: 'IDOperators',
    Reference: 'IDOperators',
    String: 'StringOperators',
    TextArea: 'TextAreaOperators',
    Email: 'EmailOperators',
    Phone: 'PhoneNumberOperators',
    Url: 'URLOperators',
    Picklist: 'PicklistOperators',
    MultiPicklist: 'MultiPicklistOperators',
    Boolean: 'BooleanOperators',
    Int: 'IntegerOperators',
    Double: 'DoubleOperators',
    Currency: 'CurrencyOperators',
    Percent: 'PercentOperators',
    Date: 'DateOperators',
    DateTime: 'DateTimeOperators',
};

/** The shared schema has no multi-select picklist aggregate: such fields cannot be aggregated. */
const aggregateFieldTypes: Record<FieldType, string | undefined> = {
    Id: 'IDAggregate',
    Reference: 'IDAggregate',
    String: 'StringAggregate',
    TextArea: 'TextAreaAggregate',
    Email: 'EmailAggregate',
    Phone: 'PhoneNumberAggregate',
    Url: 'UrlAggregate',
    Picklist: 'PicklistAggregate',
    MultiPicklist: undefined,
    Boolean: 'BooleanAggregate',
    Int: 'IntAggregate',
    Double: 'DoubleAggregate',
    Currency: 'CurrencyAggregate',
    Percent: 'PercentAggregate',
    Date: 'DateAggregate',
    DateTime: 'DateTimeAggregate',
};

// aggregate-orderby-schema: numbers take AVG/SUM too, booleans and references only order and nulls.
const aggregateOrderByTypes: Record<FieldType, string> = {
    Id: 'AggregateOrderByStringClause',
    Reference: 'NoFunctionAggregateOrderByClause',
    String: 'AggregateOrderByStringClause',
    TextArea: 'AggregateOrderByStringClause',
    Email: 'AggregateOrderByStringClause',
    Phone: 'AggregateOrderByStringClause',
    Url: 'AggregateOrderByStringClause',
    Picklist: 'AggregateOrderByStringClause',
    MultiPicklist: 'AggregateOrderByStringClause',
    Boolean: 'NoFunctionAggregateOrderByClause',
    Int: 'AggregateOrderByNumberClause',
    Double: 'AggregateOrderByNumberClause',
    Currency: 'AggregateOrderByNumberClause',
    Percent: 'AggregateOrderByNumberClause',
    Date: 'AggregateOrderByStringClause',
    DateTime: 'AggregateOrderByStringClause',
};

/** The fields the shared schema's Record interface requires of every object type. */
const recordInterfaceFields: [string, string][] = [
    ['Id', 'ID!'],
    ['ApiName', 'String!'],
    ['WeakEtag', 'Long!'],
    ['DisplayValue', 'String'],
    ['LastModifiedById', 'IDValue'],
    ['LastModifiedDate', 'DateTimeValue'],
    ['SystemModstamp', 'DateTimeValue'],
    ['RecordTypeId(fallback: Boolean)', 'IDValue'],
];

interface ChildRelationship {
    name: string;
    childObject: string;
}

function polymorphicUnionName(object: ObjectDescription, field: FieldDescription): string {
    return `${object.apiName}_${field.relationshipName}`;
}

/** Parent relationships with a name: the only ones a query can traverse. */
function relationships(object: ObjectDescription): FieldDescription[] {
    return object.fields.filter((field) => field.type === 'Reference' && field.relationshipName);
}

function childRelationshipsByParent(descriptions: readonly ObjectDescription[]): Map<string, ChildRelationship[]> {
    const byParent = new Map<string, ChildRelationship[]>();
    for (const child of descriptions) {
        for (const field of child.fields) {
            if (!field.childRelationshipName) continue;
            for (const parent of field.referenceTo ?? []) {
                const list = byParent.get(parent) ?? [];
                list.push({ name: field.childRelationshipName, childObject: child.apiName });
                byParent.set(parent, list);
            }
        }
    }
    return byParent;
}

function block(keyword: string, name: string, lines: string[]): string {
    return `${keyword} ${name} {\n${lines.map((line) => `  ${line}`).join('\n')}\n}`;
}

function objectType(object: ObjectDescription, children: ChildRelationship[]): string {
    const fields = new Map<string, string>(recordInterfaceFields.map(([name, type]) => [name, `${name}: ${type}`]));
    for (const field of object.fields) {
        if (field.type === 'Id') continue;
        fields.set(field.name, `${field.name}: ${valueTypes[field.type]}`);
    }
    for (const field of relationships(object)) {
        const target = isPolymorphic(field) ? polymorphicUnionName(object, field) : field.referenceTo![0];
        fields.set(field.relationshipName!, `${field.relationshipName}: ${target}`);
    }
    // query-record-objects: child relationships are Relay connections without scope.
    for (const child of children) {
        fields.set(
            child.name,
            `${child.name}(first: Int, after: String, where: ${child.childObject}_Filter, orderBy: ${child.childObject}_OrderBy): ${child.childObject}Connection`,
        );
    }
    return block('type', `${object.apiName} implements Record`, [...fields.values()]);
}

function unions(object: ObjectDescription): string[] {
    return relationships(object)
        .filter(isPolymorphic)
        .map((field) => `union ${polymorphicUnionName(object, field)} = ${field.referenceTo!.join(' | ')}`);
}

function connectionTypes(object: ObjectDescription): string[] {
    const name = object.apiName;
    return [
        block('type', `${name}Connection`, [`edges: [${name}Edge]`, 'pageInfo: PageInfo!', 'totalCount: Int!']),
        block('type', `${name}Edge`, [`node: ${name}`, 'cursor: String!']),
    ];
}

function filterTypes(object: ObjectDescription): string[] {
    const name = object.apiName;
    const lines = [`and: [${name}_Filter]`, `or: [${name}_Filter]`, `not: ${name}_Filter`];
    const extra: string[] = [];
    for (const field of object.fields.filter(isFilterable)) {
        lines.push(`${field.name}: ${operatorTypes[field.type]}`);
    }
    for (const field of relationships(object).filter(isFilterable)) {
        if (isPolymorphic(field)) {
            // filter-polymorphic: <ObjectName>_<RelationshipName>_Filters, one field per possible parent.
            const filtersName = `${name}_${field.relationshipName}_Filters`;
            lines.push(`${field.relationshipName}: ${filtersName}`);
            extra.push(
                block(
                    'input',
                    filtersName,
                    field.referenceTo!.map((target) => `${target}: ${target}_Filter`),
                ),
            );
        } else {
            lines.push(`${field.relationshipName}: ${field.referenceTo![0]}_Filter`);
        }
    }
    return [block('input', `${name}_Filter`, lines), ...extra];
}

function orderByType(object: ObjectDescription): string {
    const lines = object.fields.filter(isSortable).map((field) => `${field.name}: OrderByClause`);
    for (const field of relationships(object).filter((f) => isSortable(f) && !isPolymorphic(f))) {
        lines.push(`${field.relationshipName}: ${field.referenceTo![0]}_OrderBy`);
    }
    return block('input', `${object.apiName}_OrderBy`, lines);
}

function groupByType(object: ObjectDescription): string {
    const lines: string[] = [];
    for (const field of object.fields) {
        const isDate = field.type === 'Date' || field.type === 'DateTime';
        // aggregate-groupby-schema: dates group through GroupByFunction; DateTime never by its own value.
        if (isDate && field.groupable !== false) lines.push(`${field.name}: GroupByDateFunction`);
        else if (!isDate && isGroupable(field)) lines.push(`${field.name}: GroupByClause`);
    }
    for (const field of relationships(object).filter((f) => isGroupable(f) && !isPolymorphic(f))) {
        lines.push(`${field.relationshipName}: ${field.referenceTo![0]}_GroupBy`);
    }
    lines.push('type: GroupByType');
    return block('input', `${object.apiName}_GroupBy`, lines);
}

function aggregateOrderByType(object: ObjectDescription): string {
    const lines = object.fields
        .filter(isSortable)
        .map((field) => `${field.name}: ${aggregateOrderByTypes[field.type]}`);
    for (const field of relationships(object).filter((f) => isSortable(f) && !isPolymorphic(f))) {
        lines.push(`${field.relationshipName}: ${field.referenceTo![0]}_AggregateOrderBy`);
    }
    return block('input', `${object.apiName}_AggregateOrderBy`, lines);
}

function aggregateResultTypes(object: ObjectDescription): string[] {
    const name = object.apiName;
    const resultLines: string[] = [];
    for (const field of object.fields) {
        const type = aggregateFieldTypes[field.type];
        if (type) resultLines.push(`${field.name}: ${type}`);
    }
    for (const field of relationships(object).filter((f) => !isPolymorphic(f))) {
        resultLines.push(`${field.relationshipName}: ${field.referenceTo![0]}AggregateResult`);
    }
    return [
        block('type', `${name}AggregateConnection`, [
            `edges: [${name}AggregateEdge]`,
            'pageInfo: PageInfo!',
            'totalCount: Int!',
        ]),
        block('type', `${name}AggregateEdge`, [`node: ${name}Aggregate`, 'cursor: String']),
        block('type', `${name}Aggregate`, [`aggregate: ${name}AggregateResult`]),
        block('type', `${name}AggregateResult`, resultLines),
    ];
}

function rootTypes(descriptions: readonly ObjectDescription[]): string[] {
    const records = descriptions.map(
        ({ apiName: n }) =>
            `${n}(first: Int, after: String, where: ${n}_Filter, orderBy: ${n}_OrderBy, scope: RecordScope, upperBound: Int, updateMRU: Boolean): ${n}Connection`,
    );
    const aggregates = descriptions.map(
        ({ apiName: n }) =>
            `${n}(first: Int, after: String, where: ${n}_Filter, orderBy: ${n}_AggregateOrderBy, groupBy: ${n}_GroupBy, scope: RecordScope): ${n}AggregateConnection`,
    );
    return [
        block('type', 'RecordQuery', records),
        block('type', 'RecordQueryAggregate', aggregates),
        // query-current-user-record (API 66.0+): declared there as RecordRepresentation holding the User record's
        // fields, so it is typed User here; the validator flags it while the package runs at an older version.
        block('type', 'UIAPI', [
            'query: RecordQuery!',
            'aggregate: RecordQueryAggregate!',
            'currentUser: User',
            'objectInfos(apiNames: [String], objectInfoInputs: [ObjectInfoInput], locale: String): [ObjectInfo]',
        ]),
        block('type', 'Query', ['uiapi: UIAPI!']),
    ];
}

function sharedInputs(descriptions: readonly ObjectDescription[]): string[] {
    const idOperators = ['eq', 'ne', 'lt', 'gt', 'lte', 'gte'].map((op) => `${op}: ID`);
    return [
        block('input', 'IDOperators', [...idOperators, 'in: [ID]', 'nin: [ID]', 'inq: JoinInput', 'ninq: JoinInput']),
        // filter-joins: { inq: { Opportunity: { ... }, ApiName: "AccountId" } }
        block('input', 'JoinInput', [
            'ApiName: String',
            ...descriptions.map(({ apiName }) => `${apiName}: ${apiName}_Filter`),
        ]),
    ];
}

/** The SDL appended to the shared schema for the given objects. */
export function generateObjectSdl(descriptions: readonly ObjectDescription[] = objectDescriptions): string {
    const problems = describeProblems(descriptions);
    if (problems.length) {
        throw new Error(`Object descriptions are inconsistent:\n  ${problems.join('\n  ')}`);
    }
    const children = childRelationshipsByParent(descriptions);
    const parts: string[] = [...sharedInputs(descriptions)];
    for (const object of descriptions) {
        parts.push(
            objectType(object, children.get(object.apiName) ?? []),
            ...unions(object),
            ...connectionTypes(object),
            ...filterTypes(object),
            orderByType(object),
            groupByType(object),
            aggregateOrderByType(object),
            ...aggregateResultTypes(object),
        );
    }
    parts.push(...rootTypes(descriptions));
    return parts.join('\n\n') + '\n';
}

/** The shared schema with its empty RecordScope filled in and @optional guaranteed. */
export function patchedSharedSchema(source: string = fs.readFileSync(sharedSchemaPath, 'utf8')): string {
    const emptyScope = /enum\s+RecordScope\s+@generic\s*\{\s*\}/;
    let patched = source;
    if (emptyScope.test(patched)) {
        patched = patched.replace(emptyScope, `enum RecordScope {\n  ${recordScopeValues.join('\n  ')}\n}`);
    } else if (!/enum\s+RecordScope\b/.test(patched)) {
        throw new Error(`${sharedSchemaPath}: no RecordScope enum found; the shared schema changed shape`);
    }
    if (!/directive\s+@optional\b/.test(patched)) {
        patched += '\ndirective @optional on FIELD\n';
    }
    return patched;
}

/** Shared schema plus the generated object SDL: the whole document buildUiApiSchema parses. */
export function uiApiSdl(descriptions: readonly ObjectDescription[] = objectDescriptions): string {
    return `${patchedSharedSchema()}\n\n# Generated from schema/objects by schema/uiapi.ts\n\n${generateObjectSdl(descriptions)}`;
}

/** Builds a schema for any set of descriptions (uncached; tests use small sets). */
export function buildUiApiSchemaFor(descriptions: readonly ObjectDescription[]): GraphQLSchema {
    const sdl = uiApiSdl(descriptions);
    try {
        return buildSchema(sdl);
    } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(`UI API schema slice does not build (shared schema: ${sharedSchemaPath}): ${message}`);
    }
}

let cachedSchema: GraphQLSchema | undefined;

/** The UI API schema slice for schema/objects, built once per process. */
export function buildUiApiSchema(): GraphQLSchema {
    cachedSchema ??= buildUiApiSchemaFor(objectDescriptions);
    return cachedSchema;
}
