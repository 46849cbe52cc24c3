/**
 * Running a prepared document as the viewer. Planning (arguments, filters, orderings, access) happens before any row
 * is read, so a bad argument fails the whole request like a validation error; a subquery that fails while running
 * (a bad cursor, an offset past the limit) yields null for its field and an error with its path, beside the data of
 * the other subqueries, as GraphQL's partial results allow.
 */
import {
    getArgumentValues,
    getDirectiveValues,
    getNamedType,
    GraphQLIncludeDirective,
    GraphQLSkipDirective,
    isAbstractType,
    isObjectType,
    Kind,
    valueFromASTUntyped,
    type FieldNode,
    type FragmentDefinitionNode,
    type GraphQLField,
    type GraphQLObjectType,
    type GraphQLSchema,
    type SelectionSetNode,
} from 'graphql';
import type { FieldDescription, ObjectDescription } from '../../schema/types';
import type { ViewerAccess } from './access';
import type { EngineError } from './api';
import type { Calendar } from './dates';
import { EngineFault, faultToError } from './errors';
import { compileWhere, type FilterContext, type RowPredicate } from './filter';
import { comparatorOf, firstInOrder, type SortClause, type SortKey } from './order';
import type { FieldScalar, SObjectRecord } from './org';
import type { ObjectInfo, Table, Tables } from './tables';
import { valueSubfield, type ValueContext } from './values';

export interface ExecContext {
    schema: GraphQLSchema;
    fragments: Map<string, FragmentDefinitionNode>;
    /** Coerced variable values. */
    variables: Record<string, unknown>;
    /** Variables as sent, with defaults: the key order of orderBy/groupBy objects passed as variables. */
    rawVariables: Record<string, unknown>;
    tables: Tables;
    access: ViewerAccess;
    /** Object descriptions by API name, for objectInfos. */
    objects: ReadonlyMap<string, ObjectDescription>;
    /** Objects absent from the viewer's schema: no object access, or not exposed by the org. */
    isObjectHidden(object: string): boolean;
    cal: Calendar;
    timeZone: string;
    values: ValueContext;
    /** Hidden fields marked @optional: never rendered. */
    omitted: Set<FieldNode>;
    rowsScanned: number;
    subqueries: number;
    errors: EngineError[];
}

export type Fields = Map<string, FieldNode[]>;

/**
 * Plans one field under `uiapi` (an object of `query`/`aggregate`, or `objectInfos`) once per document: the returned
 * function renders the field's value. `path` is where the value sits in the response, for error paths.
 */
export type FieldPlanner = (
    ctx: ExecContext,
    parentType: GraphQLObjectType,
    nodes: readonly FieldNode[],
    path: (string | number)[],
) => () => unknown;

// https://developer.salesforce.com/docs/platform/graphql/guide/query-limits.html
export const defaultPageSize = 10;
export const maxPageSize = 2000;
export const maxOffset = 2000;
// https://developer.salesforce.com/docs/platform/graphql/guide/paginate-use-upperbound.html
export const upperBoundMinFirst = 200;

function included(ctx: ExecContext, node: FieldNode | { directives?: FieldNode['directives'] }): boolean {
    const skip = getDirectiveValues(GraphQLSkipDirective, node, ctx.variables);
    if (skip?.if === true) return false;
    const include = getDirectiveValues(GraphQLIncludeDirective, node, ctx.variables);
    return include?.if !== false;
}

function conditionMatches(ctx: ExecContext, condition: string | undefined, type: GraphQLObjectType): boolean {
    if (!condition || condition === type.name) return true;
    const conditionType = ctx.schema.getType(condition);
    return !!conditionType && isAbstractType(conditionType) && ctx.schema.isSubType(conditionType, type);
}

/** Fields selected on `type`, by response key, through fragments, @skip/@include and @optional omissions. */
export function collectFields(
    ctx: ExecContext,
    type: GraphQLObjectType,
    selectionSets: readonly (SelectionSetNode | undefined)[],
): Fields {
    const fields: Fields = new Map();
    const visit = (set: SelectionSetNode | undefined, seen: Set<string>) => {
        for (const selection of set?.selections ?? []) {
            if (!included(ctx, selection)) continue;
            if (selection.kind === Kind.FIELD) {
                if (ctx.omitted.has(selection)) continue;
                const key = selection.alias?.value ?? selection.name.value;
                const list = fields.get(key);
                if (list) list.push(selection);
                else fields.set(key, [selection]);
            } else if (selection.kind === Kind.INLINE_FRAGMENT) {
                if (conditionMatches(ctx, selection.typeCondition?.name.value, type))
                    visit(selection.selectionSet, seen);
            } else {
                const name = selection.name.value;
                const fragment = ctx.fragments.get(name);
                if (!fragment || seen.has(name)) continue;
                if (conditionMatches(ctx, fragment.typeCondition.name.value, type)) {
                    visit(fragment.selectionSet, new Set([...seen, name]));
                }
            }
        }
    };
    for (const set of selectionSets) visit(set, new Set());
    return fields;
}

export function subfields(ctx: ExecContext, type: GraphQLObjectType, nodes: readonly FieldNode[]): Fields {
    return collectFields(
        ctx,
        type,
        nodes.map((n) => n.selectionSet),
    );
}

export function fieldDef(type: GraphQLObjectType, nodes: readonly FieldNode[]): GraphQLField<unknown, unknown> {
    const def = type.getFields()[nodes[0].name.value];
    if (!def)
        throw new EngineFault(
            'ValidationError',
            `Field '${nodes[0].name.value}' in type '${type.name}' is undefined`,
            nodes,
        );
    return def;
}

export function objectTypeOf(def: GraphQLField<unknown, unknown>): GraphQLObjectType {
    const named = getNamedType(def.type);
    if (!isObjectType(named)) throw new EngineFault('DataFetchingException', `${def.name} is not an object type`);
    return named;
}

/** Coerced argument values, and the same arguments as written (object key order kept). */
export function argumentsOf(
    ctx: ExecContext,
    def: GraphQLField<unknown, unknown>,
    node: FieldNode,
): { args: Record<string, unknown>; raw: Record<string, unknown> } {
    let args: Record<string, unknown>;
    try {
        args = getArgumentValues(def, node, ctx.variables);
    } catch (error) {
        throw new EngineFault('ValidationError', (error as Error).message, [node]);
    }
    const raw: Record<string, unknown> = {};
    for (const arg of node.arguments ?? []) raw[arg.name.value] = valueFromASTUntyped(arg.value, ctx.rawVariables);
    return { args, raw };
}

export function filterContext(ctx: ExecContext, queryPath: string[], node: FieldNode): FilterContext {
    return {
        tables: ctx.tables,
        cal: ctx.cal,
        timeZone: ctx.timeZone,
        access: ctx.access,
        queryPath,
        readableRows: (table) => scan(ctx, table, candidateRows(ctx, table, undefined, node), () => true),
    };
}

// USING SCOPE: developer.salesforce.com/docs/platform/salesforce-soql-sosl/guide/sforce-api-calls-soql-select-using-scope.html
export function checkScope(table: Table, scope: string | undefined, node: FieldNode): void {
    if (!scope || scope === 'EVERYTHING') return;
    if (!table.info.fields.has('OwnerId') || !['MINE', 'TEAM', 'MINE_AND_MY_GROUPS'].includes(scope)) {
        throw new EngineFault('ValidationError', `scope ${scope} is not supported for ${table.info.apiName}`, [node]);
    }
}

/** Rows of `table` the viewer can read and the scope admits, in row order (what one subquery scans). */
export function candidateRows(
    ctx: ExecContext,
    table: Table,
    scope: string | undefined,
    node: FieldNode,
): { rows: Int32Array | null; check: RowPredicate | null } {
    const object = table.info.apiName;
    const access = ctx.access;
    const hasOwner = table.info.fields.has('OwnerId');
    checkScope(table, scope, node);
    const ownerIds = new Set<string>();
    let ownerFilter = false;
    if (scope === 'MINE' || scope === 'MINE_AND_MY_GROUPS') {
        ownerFilter = true;
        ownerIds.add(access.userId);
    } else if (scope === 'TEAM') {
        ownerFilter = true;
        for (const id of access.team) ownerIds.add(id);
    }
    const privateOwned = hasOwner && !access.viewAll && !access.isPublicObject(object);
    if (!ownerFilter && privateOwned) {
        ownerFilter = true;
        for (const id of access.team) ownerIds.add(id);
    }
    const queueOwned =
        (scope === undefined || scope === 'EVERYTHING' || scope === 'MINE_AND_MY_GROUPS') && privateOwned;
    if (ownerFilter) {
        const byOwner = ctx.tables.ownerIndex(table);
        const lists: number[][] = [];
        let total = 0;
        const add = (list: number[] | undefined) => {
            if (!list) return;
            lists.push(list);
            total += list.length;
        };
        for (const id of ownerIds) add(byOwner.get(id));
        // Queue-owned records: the preview has no queue membership, so every user sees them.
        if (queueOwned) for (const [owner, list] of byOwner) if (access.isQueue(owner)) add(list);
        const rows = new Int32Array(total);
        let at = 0;
        for (const list of lists) for (const r of list) rows[at++] = r;
        if (lists.length > 1) rows.sort();
        return { rows, check: null };
    }
    const parentField = access.parentFieldOf(object);
    if (access.viewAll || access.isPublicObject(object) || !parentField) return { rows: null, check: null };
    // Detail rows (OpportunityHistory, CaseHistory …) follow their parent: gather the children of readable parents.
    const parentDesc = table.info.fields.get(parentField);
    const parentTable = parentDesc?.referenceTo?.length === 1 ? ctx.tables.get(parentDesc.referenceTo[0]) : undefined;
    if (!parentTable) {
        const records = table.rows;
        return { rows: null, check: (r) => access.canRead(object, records[r]) };
    }
    const parents = candidateRows(ctx, parentTable, undefined, node);
    ctx.rowsScanned += parents.rows ? parents.rows.length : parentTable.rows.length;
    const children = ctx.tables.indexBy(table, parentField);
    const gathered: number[] = [];
    const take = (parentRow: number) => {
        if (parents.check && !parents.check(parentRow)) return;
        const list = children.get(parentTable.rows[parentRow].Id);
        if (list) for (const r of list) gathered.push(r);
    };
    if (parents.rows) for (const p of parents.rows) take(p);
    else for (let p = 0; p < parentTable.rows.length; p++) take(p);
    return { rows: Int32Array.from(gathered).sort(), check: null };
}

/** Runs a predicate over the candidate rows, counting every row examined. */
export function scan(
    ctx: ExecContext,
    table: Table,
    candidates: { rows: Int32Array | null; check: RowPredicate | null },
    where: RowPredicate,
): Int32Array {
    const { rows, check } = candidates;
    const n = rows ? rows.length : table.rows.length;
    ctx.rowsScanned += n;
    const out = new Int32Array(n);
    let k = 0;
    if (rows) {
        for (let i = 0; i < n; i++) if (where(rows[i])) out[k++] = rows[i];
    } else if (check) {
        for (let r = 0; r < n; r++) if (check(r) && where(r)) out[k++] = r;
    } else {
        for (let r = 0; r < n; r++) if (where(r)) out[k++] = r;
    }
    return out.subarray(0, k);
}

// Cursors as the API returns them: base64 of `v1:<index>` (the guide's example cursor djE6OQ== is `v1:9`).
export function encodeCursor(index: number): string {
    return Buffer.from(`v1:${index}`).toString('base64');
}

export function decodeCursor(cursor: string, node: FieldNode): number {
    const match = /^v1:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
    if (!match) throw new EngineFault('DataFetchingException', `Invalid cursor: ${cursor}`, [node]);
    return Number(match[1]);
}

export interface PageArgs {
    first: number;
    /** The `after` cursor, decoded when the subquery runs (a bad cursor fails only that subquery). */
    after?: string;
    upperBound?: number;
}

/** The row index a page starts at. */
export function pageOffset(page: PageArgs, node: FieldNode): number {
    return page.after === undefined ? 0 : decodeCursor(page.after, node) + 1;
}

/** first/after/upperBound as the pagination pages describe them. */
export function pageArgs(args: Record<string, unknown>, node: FieldNode, allowUpperBound: boolean): PageArgs {
    const first = args.first === undefined || args.first === null ? defaultPageSize : Number(args.first);
    const upperBound = allowUpperBound && typeof args.upperBound === 'number' ? args.upperBound : undefined;
    if (!Number.isInteger(first) || first < 0) {
        throw new EngineFault('ValidationError', `first must be a whole number ≥ 0, got ${String(args.first)}`, [node]);
    }
    if (first > maxPageSize) {
        throw new EngineFault(
            'ValidationError',
            `first: ${first} exceeds ${maxPageSize}, the most records a subquery returns`,
            [node],
        );
    }
    if (upperBound !== undefined) {
        if (args.first === undefined || args.first === null || first < upperBoundMinFirst) {
            throw new EngineFault(
                'ValidationError',
                `with upperBound, first must be ${upperBoundMinFirst} to ${maxPageSize}, got ${String(args.first)}`,
                [node],
            );
        }
        if (!Number.isInteger(upperBound) || upperBound < 1) {
            throw new EngineFault('ValidationError', `upperBound must be a positive whole number`, [node]);
        }
    }
    return { first, after: typeof args.after === 'string' ? args.after : undefined, upperBound };
}

/** What every connection (records, a child relationship, aggregate groups) reads from its arguments. */
export interface ConnectionArgs extends PageArgs {
    table: Table;
    where: RowPredicate;
    scope: string | undefined;
    node: FieldNode;
}

/** A connection's table, where, page and scope, each checked before the query runs. */
export function connectionArgs(
    ctx: ExecContext,
    object: string,
    nodes: readonly FieldNode[],
    args: Record<string, unknown>,
    queryPath: string[],
    allowUpperBound: boolean,
): ConnectionArgs {
    const table = ctx.tables.get(object);
    if (!table) throw new EngineFault('ValidationError', `Object ${object} is not supported`, nodes);
    const node = nodes[0];
    const where = compileWhere(filterContext(ctx, queryPath, node), table, args.where);
    const page = pageArgs(args, node, allowUpperBound);
    const scope = typeof args.scope === 'string' ? args.scope : undefined;
    checkScope(table, scope, node);
    return { table, where, ...page, scope, node };
}

/**
 * The rows a connection matches (among `candidates` when given, else all the viewer can read in its scope) and the
 * offset its page starts at. Without upperBound, LIMIT/OFFSET pagination reaches 2000 rows deep at most
 * (paginate-use-upperbound); `offsetHint` ends that error's message.
 */
export function matchConnection(
    ctx: ExecContext,
    connection: ConnectionArgs,
    candidates?: Int32Array,
    offsetHint = '',
): { start: number; matches: Int32Array } {
    const { table, node } = connection;
    const start = pageOffset(connection, node);
    if (connection.upperBound === undefined && start > maxOffset) {
        throw new EngineFault(
            'DataFetchingException',
            `NUMBER_OUTSIDE_VALID_RANGE: Maximum SOQL offset allowed is ${maxOffset}${offsetHint}`,
            [node],
        );
    }
    const base = candidates ? { rows: candidates, check: null } : candidateRows(ctx, table, connection.scope, node);
    return { start, matches: scan(ctx, table, base, connection.where) };
}

/** A connection's `pageInfo` selection, rendered from the page's length, the total and the offset it starts at. */
export function planPageInfo(
    ctx: ExecContext,
    connectionType: GraphQLObjectType,
    nodes: readonly FieldNode[],
): (length: number, total: number, offset: number) => Record<string, unknown> {
    const pageInfoType = objectTypeOf(fieldDef(connectionType, nodes));
    const keys = [...subfields(ctx, pageInfoType, nodes)].map(([k, l]) => [k, l[0].name.value] as const);
    return (length, total, offset) => {
        const info: Record<string, unknown> = {};
        for (const [k, sub] of keys) {
            if (sub === 'hasNextPage') info[k] = offset + length < total;
            else if (sub === 'hasPreviousPage') info[k] = offset > 0;
            else if (sub === 'startCursor') info[k] = length ? encodeCursor(offset) : null;
            else if (sub === 'endCursor') info[k] = length ? encodeCursor(offset + length - 1) : null;
            else if (sub === '__typename') info[k] = pageInfoType.name;
        }
        return info;
    };
}

/** Walks `Owner.Name`-style paths from a row to a scalar; undefined when a parent is missing or unreadable. */
export interface FieldPath {
    /** Relationship fields followed from the starting object, then the final field. */
    hops: FieldDescription[];
    field: FieldDescription;
    /** Object the final field belongs to. */
    object: string;
}

export function resolvePath(ctx: ExecContext, table: Table, path: FieldPath): (row: number) => FieldScalar | undefined {
    const { hops, field } = path;
    if (hops.length === 0) {
        const rows = table.rows;
        const name = field.name;
        return (r) => rows[r][name];
    }
    return (r) => {
        let record: SObjectRecord | undefined = table.rows[r];
        for (const hop of hops) {
            const parent = ctx.tables.locate(record?.[hop.name], hop.referenceTo);
            if (!parent) return undefined;
            const parentRecord = parent.table.rows[parent.row];
            if (!ctx.access.canRead(parent.table.info.apiName, parentRecord)) return undefined;
            record = parentRecord;
        }
        return record?.[field.name];
    };
}

/** Turns `{ Owner: { Name: X } }`-shaped input into (path, clause) pairs, keeping the written key order. */
export function flattenByField(
    ctx: ExecContext,
    info: ObjectInfo,
    input: unknown,
    isLeaf: (value: Record<string, unknown>, key: string) => boolean,
    where: string,
    skipKeys: readonly string[] = [],
    hops: FieldDescription[] = [],
): { path: FieldPath; clause: Record<string, unknown> }[] {
    const out: { path: FieldPath; clause: Record<string, unknown> }[] = [];
    if (input === null || input === undefined) return out;
    if (typeof input !== 'object' || Array.isArray(input))
        throw new EngineFault('ValidationError', `${where}: expected an object`);
    for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
        if (value === null || value === undefined || skipKeys.includes(key)) continue;
        const clause = value as Record<string, unknown>;
        const field = info.fields.get(key);
        if (field && isLeaf(clause, key)) {
            if (ctx.access.isFieldHidden(info.apiName, key)) {
                throw new EngineFault('ValidationError', `${where}: field '${key}' is undefined on ${info.apiName}`);
            }
            out.push({ path: { hops, field, object: info.apiName }, clause });
            continue;
        }
        const relationship = info.relationships.get(key);
        const target =
            relationship?.referenceTo?.length === 1 ? ctx.tables.get(relationship.referenceTo[0]) : undefined;
        if (relationship && target) {
            out.push(
                ...flattenByField(ctx, target.info, clause, isLeaf, `${where}.${key}`, skipKeys, [
                    ...hops,
                    relationship,
                ]),
            );
            continue;
        }
        throw new EngineFault('ValidationError', `${where}: '${key}' is not a field of ${info.apiName}`);
    }
    return out;
}

/** orderBy for record queries: `{ Field: { order, nulls } }`, relationships nested, in written order. */
export function recordSortClauses(ctx: ExecContext, table: Table, orderBy: unknown): SortClause[] {
    const pairs = flattenByField(
        ctx,
        table.info,
        orderBy,
        (v) => 'order' in v || 'nulls' in v || Object.keys(v).length === 0,
        'orderBy',
    );
    return pairs.map(({ path, clause }) => {
        if (path.field.sortable === false) {
            throw new EngineFault('ValidationError', `orderBy: ${path.object}.${path.field.name} is not sortable`);
        }
        const get = resolvePath(ctx, table, path);
        return {
            key: (r: number) => get(r) as SortKey,
            descending: clause.order === 'DESC',
            nullsLast: clause.nulls === 'LAST',
        };
    });
}

export function orderRows(rows: Int32Array, k: number, clauses: SortClause[]): Int32Array {
    if (clauses.length === 0) return rows.subarray(0, Math.min(k, rows.length));
    return firstInOrder(
        rows,
        k,
        comparatorOf(clauses, (r) => r),
    );
}

export function faultAt(
    ctx: ExecContext,
    error: unknown,
    path: (string | number)[],
    nodes: readonly FieldNode[],
): null {
    if (!(error instanceof EngineFault)) throw error;
    const fault = error.nodes.length ? error : new EngineFault(error.errorType, error.message, nodes, path);
    const engineError = faultToError(fault);
    engineError.path = path;
    ctx.errors.push(engineError);
    return null;
}

/** Builds the `*Value` object of a record field for the selected sub-fields. */
export function planValue(
    ctx: ExecContext,
    valueType: GraphQLObjectType,
    nodes: readonly FieldNode[],
    field: FieldDescription,
): (record: SObjectRecord, lookupDisplay?: string | null) => Record<string, unknown> {
    const keys = [...subfields(ctx, valueType, nodes)].map(([key, list]) => [key, list[0].name.value] as const);
    const corporate = ctx.values.money.corporate;
    return (record, lookupDisplay) => {
        const out: Record<string, unknown> = {};
        const currency = typeof record.CurrencyIsoCode === 'string' ? record.CurrencyIsoCode : corporate;
        for (const [key, sub] of keys) {
            out[key] =
                sub === '__typename'
                    ? valueType.name
                    : valueSubfield(sub, field, record[field.name], ctx.values, currency, lookupDisplay);
        }
        return out;
    };
}
