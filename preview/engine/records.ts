/**
 * `uiapi.query.<Object>` and child relationships: Relay connections of records
 * (developer.salesforce.com/docs/platform/graphql/guide/query-record-objects.html, …/paginate.html,
 * …/paginate-use-upperbound.html, …/query-limits.html).
 */
import { isObjectType, type FieldNode, type GraphQLObjectType } from 'graphql';
import { EngineFault } from './errors';
import {
    argumentsOf,
    connectionArgs,
    encodeCursor,
    faultAt,
    fieldDef,
    matchConnection,
    planPageInfo,
    objectTypeOf,
    orderRows,
    planValue,
    recordSortClauses,
    subfields,
    type ConnectionArgs,
    type ExecContext,
    type FieldPlanner,
} from './execute';
import type { SortClause } from './order';
import type { SObjectRecord } from './org';
import type { Table } from './tables';

type NodeRender = (table: Table, row: number) => Record<string, unknown>;
type PartRender = (table: Table, row: number) => unknown;

interface ConnectionPlan extends ConnectionArgs {
    sort: SortClause[];
    render: (rows: Int32Array, total: number, offset: number) => Record<string, unknown>;
}

/** Plans a connection; `queryPath` names it in graphql-java error messages. */
function planConnection(
    ctx: ExecContext,
    object: string,
    connectionType: GraphQLObjectType,
    nodes: readonly FieldNode[],
    args: Record<string, unknown>,
    raw: Record<string, unknown>,
    queryPath: string[],
    allowUpperBound: boolean,
): ConnectionPlan {
    const connection = connectionArgs(ctx, object, nodes, args, queryPath, allowUpperBound);
    return {
        ...connection,
        sort: recordSortClauses(ctx, connection.table, raw.orderBy),
        render: planConnectionFields(ctx, object, connectionType, nodes),
    };
}

function runConnection(ctx: ExecContext, plan: ConnectionPlan, candidates?: Int32Array): Record<string, unknown> {
    const { first, upperBound } = plan;
    const { start, matches } = matchConnection(ctx, plan, candidates, '; use upperBound to page further');
    const limit = upperBound !== undefined ? Math.min(upperBound, matches.length) : matches.length;
    const offset = Math.min(start, limit);
    const needed = Math.min(limit, offset + first);
    const rows = plan.sort.length ? orderRows(matches, needed, plan.sort) : matches.subarray(0, needed);
    return plan.render(rows.subarray(offset, needed), limit, offset);
}

function planConnectionFields(
    ctx: ExecContext,
    object: string,
    connectionType: GraphQLObjectType,
    nodes: readonly FieldNode[],
): (rows: Int32Array, total: number, offset: number) => Record<string, unknown> {
    const table = ctx.tables.get(object) as Table;
    const parts: [string, (rows: Int32Array, total: number, offset: number) => unknown][] = [];
    for (const [key, list] of subfields(ctx, connectionType, nodes)) {
        const name = list[0].name.value;
        if (name === '__typename') {
            parts.push([key, () => connectionType.name]);
        } else if (name === 'totalCount') {
            parts.push([key, (_rows, total) => total]);
        } else if (name === 'pageResultCount') {
            parts.push([key, (rows) => rows.length]);
        } else if (name === 'pageInfo') {
            const pageInfo = planPageInfo(ctx, connectionType, list);
            parts.push([key, (rows, total, offset) => pageInfo(rows.length, total, offset)]);
        } else if (name === 'edges') {
            const edgeType = objectTypeOf(fieldDef(connectionType, list));
            const edgeParts: [string, string, NodeRender | null][] = [];
            for (const [k, l] of subfields(ctx, edgeType, list)) {
                const sub = l[0].name.value;
                if (sub === 'node') {
                    edgeParts.push([k, sub, planRecordNode(ctx, object, objectTypeOf(fieldDef(edgeType, l)), l)]);
                } else edgeParts.push([k, sub, null]);
            }
            parts.push([
                key,
                (rows, _total, offset) => {
                    const edges: Record<string, unknown>[] = new Array(rows.length);
                    for (let i = 0; i < rows.length; i++) {
                        const edge: Record<string, unknown> = {};
                        for (const [k, sub, render] of edgeParts) {
                            if (render) edge[k] = render(table, rows[i]);
                            else if (sub === 'cursor') edge[k] = encodeCursor(offset + i);
                            else if (sub === '__typename') edge[k] = edgeType.name;
                        }
                        edges[i] = edge;
                    }
                    return edges;
                },
            ]);
        } else {
            throw new EngineFault(
                'DataFetchingException',
                `${connectionType.name}.${name} is not supported by the preview engine`,
                list,
            );
        }
    }
    return (rows, total, offset) => {
        const out: Record<string, unknown> = {};
        for (const [key, part] of parts) out[key] = part(rows, total, offset);
        return out;
    };
}

/** `uiapi.query.<Object>(…)`: one subquery. */
export const planRecordQuery: FieldPlanner = (ctx, parentType, nodes, responsePath) => {
    const object = nodes[0].name.value;
    const def = fieldDef(parentType, nodes);
    const { args, raw } = argumentsOf(ctx, def, nodes[0]);
    const plan = planConnection(ctx, object, objectTypeOf(def), nodes, args, raw, ['uiapi', 'query', object], true);
    return () => {
        try {
            return runConnection(ctx, plan);
        } catch (error) {
            return faultAt(ctx, error, responsePath, nodes);
        }
    };
};

/** A record's fields: `Id`, `{ value … }` wrappers, parents (also polymorphic) and child connections. */
export function planRecordNode(
    ctx: ExecContext,
    object: string,
    type: GraphQLObjectType,
    nodes: readonly FieldNode[],
): NodeRender {
    const info = ctx.tables.get(object)?.info;
    if (!info) throw new EngineFault('DataFetchingException', `no records table for ${object}`, nodes);
    const parts: [string, PartRender][] = [];
    for (const [key, list] of subfields(ctx, type, nodes)) {
        const name = list[0].name.value;
        const field = info.fields.get(name);
        if (name === '__typename') parts.push([key, () => type.name]);
        else if (name === 'Id') parts.push([key, (t, r) => t.rows[r].Id]);
        else if (name === 'ApiName') parts.push([key, () => object]);
        else if (name === 'DisplayValue') {
            const nameField = info.nameField;
            parts.push([key, (t, r) => (nameField ? (t.rows[r][nameField] ?? null) : null)]);
        } else if (name === 'WeakEtag') {
            parts.push([
                key,
                (t, r) => {
                    const stamp = t.rows[r].SystemModstamp;
                    return typeof stamp === 'string' ? Date.parse(stamp) || 0 : 0;
                },
            ]);
        } else if (field) {
            const valueType = objectTypeOf(fieldDef(type, list));
            const render = planValue(ctx, valueType, list, field);
            if (field.type === 'Reference') {
                const targets = field.referenceTo;
                parts.push([
                    key,
                    (t, r) => {
                        const record = t.rows[r];
                        return render(record, lookupName(ctx, record[field.name], targets));
                    },
                ]);
            } else parts.push([key, (t, r) => render(t.rows[r])]);
        } else if (info.relationships.has(name)) {
            const relationship = info.relationships.get(name)!;
            parts.push([key, planParent(ctx, relationship.name, relationship.referenceTo ?? [], list)]);
        } else if (info.children.has(name)) {
            parts.push([key, planChildren(ctx, object, name, type, list)]);
        } else if (
            name === 'RecordTypeId' ||
            name === 'LastModifiedById' ||
            name === 'LastModifiedDate' ||
            name === 'SystemModstamp'
        ) {
            const valueType = objectTypeOf(fieldDef(type, list));
            const keys = [...subfields(ctx, valueType, list)].map(([k, l]) => [k, l[0].name.value] as const);
            parts.push([
                key,
                () => Object.fromEntries(keys.map(([k, sub]) => [k, sub === '__typename' ? valueType.name : null])),
            ]);
        } else {
            throw new EngineFault(
                'DataFetchingException',
                `${type.name}.${name} is not supported by the preview engine`,
                list,
            );
        }
    }
    return (table, row) => {
        const out: Record<string, unknown> = {};
        for (const [key, part] of parts) out[key] = part(table, row);
        return out;
    };
}

/** A lookup's display value: the parent's name, when the viewer can read the parent. */
export function lookupName(ctx: ExecContext, id: unknown, targets: readonly string[] | undefined): string | null {
    const parent = ctx.tables.locate(id, targets);
    if (!parent) return null;
    const record = parent.table.rows[parent.row];
    if (!ctx.access.canRead(parent.table.info.apiName, record)) return null;
    const nameField = parent.table.info.nameField;
    const value = nameField ? record[nameField] : null;
    return typeof value === 'string' ? value : null;
}

function planParent(
    ctx: ExecContext,
    referenceField: string,
    targets: readonly string[],
    nodes: readonly FieldNode[],
): PartRender {
    const byObject = new Map<string, NodeRender>();
    const renderFor = (object: string): NodeRender => {
        let render = byObject.get(object);
        if (!render) {
            const objectType = ctx.schema.getType(object);
            if (!isObjectType(objectType)) throw new EngineFault('DataFetchingException', `no type ${object}`, nodes);
            render = planRecordNode(ctx, object, objectType, nodes);
            byObject.set(object, render);
        }
        return render;
    };
    // Plan every possible parent type now, so access and argument errors surface before any row is read.
    for (const target of targets) if (ctx.schema.getType(target)) renderFor(target);
    return (table, row) => {
        const record: SObjectRecord = table.rows[row];
        const parent = ctx.tables.locate(record[referenceField], targets);
        if (!parent) return null;
        const parentObject = parent.table.info.apiName;
        if (!ctx.access.canRead(parentObject, parent.table.rows[parent.row])) return null;
        return renderFor(parentObject)(parent.table, parent.row);
    };
}

/** How many child connections the planner is inside (planning is synchronous: one counter serves every request). */
let childDepth = 0;

/** Child relationship connections (`Account { Opportunities(first: 5) { … } }`), scanned through a parent index. */
function planChildren(
    ctx: ExecContext,
    parentObject: string,
    relationship: string,
    type: GraphQLObjectType,
    nodes: readonly FieldNode[],
): PartRender {
    const child = ctx.tables.get(parentObject)!.info.children.get(relationship)!;
    const def = fieldDef(type, nodes);
    const { args, raw } = argumentsOf(ctx, def, nodes[0]);
    const queryPath = [parentObject, relationship];
    // reference-graphql-relationships: "The GraphQL wire adapter only supports one level of child relationships. For
    // example, you can request contacts on an account record, but not any child relationships of those contacts."
    if (childDepth > 0) {
        throw new EngineFault(
            'ValidationError',
            `${parentObject}.${relationship}: a child relationship inside another child relationship; the GraphQL wire adapter supports one level of child relationships`,
            nodes,
        );
    }
    childDepth += 1;
    let plan: ConnectionPlan;
    try {
        plan = planConnection(ctx, child.object, objectTypeOf(def), nodes, args, raw, queryPath, false);
    } finally {
        childDepth -= 1;
    }
    const childTable = plan.table;
    const access = ctx.access;
    return (table, row) => {
        const parentId = table.rows[row].Id;
        const rows = ctx.tables.indexBy(childTable, child.field).get(parentId) ?? [];
        const readable = access.viewAll
            ? Int32Array.from(rows)
            : Int32Array.from(rows.filter((r) => access.canRead(child.object, childTable.rows[r])));
        try {
            return runConnection(ctx, plan, readable);
        } catch (error) {
            return faultAt(ctx, error, [relationship], nodes);
        }
    };
}
