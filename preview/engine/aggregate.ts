/**
 * `uiapi.aggregate.<Object>(groupBy, where, orderBy, first, after)`: one pass over the matching rows fills every
 * group's accumulators (developer.salesforce.com/docs/platform/graphql/guide/aggregate.html, aggregate-schema.html,
 * aggregate-groupby-schema.html, aggregate-support.html, graphql-wire-lwc-aggregate.html). Results nest as
 * `edges[].node.aggregate.<Field>.<function>.value`; a relationship nests one more level (`Owner { Name { value } }`).
 */
import type { FieldNode, GraphQLObjectType } from 'graphql';
import type { FieldDescription } from '../../schema/types';
import { dateFunctions, isoFromDay } from './dates';
import { EngineFault } from './errors';
import {
    argumentsOf,
    connectionArgs,
    encodeCursor,
    faultAt,
    fieldDef,
    flattenByField,
    matchConnection,
    planPageInfo,
    objectTypeOf,
    resolvePath,
    subfields,
    type ExecContext,
    type FieldPath,
    type FieldPlanner,
} from './execute';
import { functionColumn } from './filter';
import { lookupName } from './records';
import { formatDate, formatValue } from './format';
import { comparatorOf, type SortClause, type SortKey } from './order';
import type { FieldScalar } from './org';
import { NO_DAY, type Table } from './tables';
import { convertAmount, displayValueOf } from './values';

type Scalar = string | number | boolean | null;

interface GroupKey {
    /** `OwnerId`, `Owner.Name`, `CloseDate` … */
    id: string;
    path: FieldPath;
    fn?: string;
    get: (row: number) => Scalar;
}

type MeasureFn = 'count' | 'countDistinct' | 'sum' | 'avg' | 'min' | 'max';

interface Measure {
    id: string;
    path: FieldPath;
    fn: MeasureFn;
    get: (row: number) => Scalar;
}

interface Group {
    keys: Scalar[];
    /** 1 where the key is rolled up (ROLLUP/CUBE subtotal), per group key. */
    grouping: number[];
    acc: Accumulator[];
}

interface Accumulator {
    n: number;
    sum: number;
    min: Scalar;
    max: Scalar;
    distinct?: Set<Scalar>;
}

const measureFns: Record<string, MeasureFn> = {
    count: 'count',
    countDistinct: 'countDistinct',
    sum: 'sum',
    avg: 'avg',
    min: 'min',
    max: 'max',
};

const orderFunctions: Record<string, MeasureFn> = {
    COUNT: 'count',
    COUNT_DISTINCT: 'countDistinct',
    SUM: 'sum',
    AVG: 'avg',
    MIN: 'min',
    MAX: 'max',
};

/** `calendarMonth` ↔ `CALENDAR_MONTH`, `dayOnly` ↔ `DAY_ONLY`. */
function functionOfSubfield(sub: string): string | undefined {
    const fn = sub.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();
    return (dateFunctions as readonly string[]).includes(fn) ? fn : undefined;
}

function pathId(path: FieldPath): string {
    return [...path.hops.map((h) => h.relationshipName), path.field.name].join('.');
}

function less(a: Scalar, b: Scalar): boolean {
    if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() < b.toLowerCase();
    return (a as number) < (b as number);
}

/** Marks a key rolled up into a subtotal (distinct from a real null value). */
const ROLLED_UP = Symbol('rolled up');

/** The grouping sets of GROUP BY, ROLLUP (prefixes, then the grand total) and CUBE (every subset). */
function groupingSets(n: number, type: string): boolean[][] {
    if (type === 'ROLLUP')
        return Array.from({ length: n + 1 }, (_, k) => Array.from({ length: n }, (_, i) => i < n - k));
    if (type === 'CUBE') {
        const sets: boolean[][] = [];
        for (let mask = (1 << n) - 1; mask >= 0; mask--)
            sets.push(Array.from({ length: n }, (_, i) => !!(mask & (1 << (n - 1 - i)))));
        return sets;
    }
    return [Array.from({ length: n }, () => true)];
}

export const planAggregateQuery: FieldPlanner = (ctx, parentType, nodes, responsePath) => {
    const object = nodes[0].name.value;
    const def = fieldDef(parentType, nodes);
    const { args, raw } = argumentsOf(ctx, def, nodes[0]);
    const connection = connectionArgs(ctx, object, nodes, args, ['uiapi', 'aggregate', object], false);
    const table = connection.table;

    const groupType =
        typeof (raw.groupBy as Record<string, unknown> | undefined)?.type === 'string'
            ? String((raw.groupBy as Record<string, unknown>).type)
            : 'GROUP_BY';
    const keys = planGroupKeys(ctx, table, raw.groupBy);
    const measures: Measure[] = [];
    const measureIndex = (path: FieldPath, fn: MeasureFn): number => {
        const id = `${fn}(${pathId(path)})`;
        let i = measures.findIndex((m) => m.id === id);
        if (i < 0) {
            checkMeasure(path, fn);
            i = measures.push({ id, path, fn, get: resolvePath(ctx, table, path) as (r: number) => Scalar }) - 1;
        }
        return i;
    };
    const connectionType = objectTypeOf(def);
    const render = planAggregateConnection(ctx, table, connectionType, nodes, keys, measureIndex);
    const sort = planAggregateOrder(ctx, table, raw.orderBy, keys, measureIndex);

    return () => {
        try {
            const { start, matches } = matchConnection(ctx, connection);
            const groups = accumulate(matches, keys, measures, groupType);
            const ordered = orderGroups(groups, sort, keys.length);
            const offset = Math.min(start, ordered.length);
            const pageGroups = ordered.slice(offset, offset + connection.first);
            return render(pageGroups, ordered.length, offset);
        } catch (error) {
            return faultAt(ctx, error, responsePath, nodes);
        }
    };
};

function checkMeasure(path: FieldPath, fn: MeasureFn): void {
    const type = path.field.type;
    const numeric = type === 'Int' || type === 'Double' || type === 'Currency' || type === 'Percent';
    // aggregate-support: avg and sum apply to numbers only.
    if ((fn === 'sum' || fn === 'avg') && !numeric) {
        throw new EngineFault(
            'ValidationError',
            `${fn} is not supported on ${path.object}.${path.field.name} (${type})`,
        );
    }
    if (type === 'MultiPicklist' || type === 'TextArea') {
        throw new EngineFault('ValidationError', `${path.object}.${path.field.name} (${type}) cannot be aggregated`);
    }
}

function planGroupKeys(ctx: ExecContext, table: Table, groupBy: unknown): GroupKey[] {
    const pairs = flattenByField(ctx, table.info, groupBy, (v) => 'group' in v || 'function' in v, 'groupBy', ['type']);
    const keys: GroupKey[] = [];
    for (const { path, clause } of pairs) {
        const fn = typeof clause.function === 'string' ? clause.function : undefined;
        if (!fn && clause.group !== true) continue;
        const type = path.field.type;
        const id = pathId(path);
        if (fn) {
            if (type !== 'Date' && type !== 'DateTime') {
                throw new EngineFault('ValidationError', `groupBy: ${id} is not a date; date functions need a date`);
            }
            if (path.hops.length) {
                throw new EngineFault(
                    'ValidationError',
                    `groupBy: date functions on parent fields (${id}) are not supported`,
                );
            }
            // SOQL date functions run in UTC on DateTime fields (sforce-api-calls-soql-select-date-functions).
            const col = functionColumn(ctx, table, path.field, fn, 'UTC');
            keys.push({ id, path, fn, get: (r) => (col[r] === NO_DAY ? null : col[r]) });
            continue;
        }
        // aggregate-groupby-schema: DateTime (and Double/Currency/Percent/TextArea) cannot group by their own value.
        const groupable =
            path.field.groupable ?? !['Double', 'Currency', 'Percent', 'TextArea', 'DateTime'].includes(type);
        if (!groupable) throw new EngineFault('ValidationError', `groupBy: ${id} (${type}) cannot be grouped`);
        const get = resolvePath(ctx, table, path);
        keys.push({ id, path, get: (r) => (get(r) ?? null) as Scalar });
    }
    return keys;
}

type Update = (a: Accumulator, v: Scalar) => void;

/** Each function updates only what it reads: a count never compares strings. */
const updaters: Record<MeasureFn, Update> = {
    count: (a, v) => {
        if (v !== null) a.n++;
    },
    countDistinct: (a, v) => {
        if (v !== null) a.distinct!.add(typeof v === 'string' ? v.toLowerCase() : v);
    },
    sum: (a, v) => {
        if (typeof v === 'number') {
            a.n++;
            a.sum += v;
        }
    },
    avg: (a, v) => {
        if (typeof v === 'number') {
            a.n++;
            a.sum += v;
        }
    },
    min: (a, v) => {
        if (v !== null && (a.min === null || less(v, a.min))) a.min = v;
    },
    max: (a, v) => {
        if (v !== null && (a.max === null || less(a.max, v))) a.max = v;
    },
};

/** One pass: each row updates its group in every grouping set. */
function accumulate(rows: Int32Array, keys: GroupKey[], measures: Measure[], groupType: string): Group[] {
    const sets = keys.length ? groupingSets(keys.length, groupType) : [[]];
    const getters = measures.map((m) => m.get);
    const updates = measures.map((m) => updaters[m.fn]);
    const newGroup = (values: Scalar[], set: boolean[]): Group => ({
        keys: values,
        grouping: set.map((on) => (on ? 0 : 1)),
        acc: measures.map((m) => ({
            n: 0,
            sum: 0,
            min: null,
            max: null,
            distinct: m.fn === 'countDistinct' ? new Set<Scalar>() : undefined,
        })),
    });
    const update = (group: Group, r: number) => {
        for (let m = 0; m < getters.length; m++) updates[m](group.acc[m], getters[m](r) ?? null);
    };
    if (keys.length === 0) {
        const group = newGroup([], []);
        for (let i = 0; i < rows.length; i++) update(group, rows[i]);
        return [group];
    }
    if (keys.length === 1 && sets.length === 1) {
        // The common case (one groupBy field): the value itself is the map key.
        const get = keys[0].get;
        const groups = new Map<Scalar, Group>();
        for (let i = 0; i < rows.length; i++) {
            const r = rows[i];
            const v = get(r);
            let group = groups.get(v);
            if (!group) groups.set(v, (group = newGroup([v], sets[0])));
            update(group, r);
        }
        return [...groups.values()];
    }
    // Several keys or subtotals: one nested map level per key, a distinct marker where a key is rolled up.
    const all: Group[] = [];
    const roots = sets.map(() => new Map<unknown, unknown>());
    const values: Scalar[] = new Array(keys.length);
    const mValues: Scalar[] = new Array(measures.length);
    const last = keys.length - 1;
    for (let i = 0; i < rows.length; i++) {
        const r = rows[i];
        for (let k = 0; k < keys.length; k++) values[k] = keys[k].get(r);
        for (let m = 0; m < getters.length; m++) mValues[m] = getters[m](r) ?? null;
        for (let s = 0; s < sets.length; s++) {
            const set = sets[s];
            let level = roots[s];
            for (let k = 0; k < last; k++) {
                const key = set[k] ? values[k] : ROLLED_UP;
                let next = level.get(key) as Map<unknown, unknown> | undefined;
                if (!next) level.set(key, (next = new Map()));
                level = next;
            }
            const leafKey = set[last] ? values[last] : ROLLED_UP;
            let group = level.get(leafKey) as Group | undefined;
            if (!group) {
                group = newGroup(
                    values.map((v, k) => (set[k] ? v : null)),
                    set,
                );
                level.set(leafKey, group);
                all.push(group);
            }
            for (let m = 0; m < mValues.length; m++) updates[m](group.acc[m], mValues[m]);
        }
    }
    return all;
}

function measureValue(group: Group, i: number, fn: MeasureFn): Scalar {
    const a = group.acc[i];
    switch (fn) {
        case 'count':
            return a.n;
        case 'countDistinct':
            return a.distinct?.size ?? 0;
        case 'sum':
            return a.n ? Math.round(a.sum * 1e6) / 1e6 : null;
        case 'avg':
            return a.n ? a.sum / a.n : null;
        case 'min':
            return a.min;
        case 'max':
            return a.max;
    }
}

interface GroupSort {
    key: (g: Group) => SortKey;
    descending: boolean;
    nullsLast: boolean;
}

function planAggregateOrder(
    ctx: ExecContext,
    table: Table,
    orderBy: unknown,
    keys: GroupKey[],
    measureIndex: (path: FieldPath, fn: MeasureFn) => number,
): GroupSort[] {
    const pairs = flattenByField(
        ctx,
        table.info,
        orderBy,
        (v) => 'order' in v || 'nulls' in v || 'function' in v,
        'orderBy',
    );
    return pairs.map(({ path, clause }) => {
        const descending = clause.order === 'DESC';
        const nullsLast = clause.nulls === 'LAST';
        const fnName = typeof clause.function === 'string' ? clause.function : undefined;
        if (fnName) {
            const fn = orderFunctions[fnName];
            if (!fn) throw new EngineFault('ValidationError', `orderBy: unknown function ${fnName}`);
            const i = measureIndex(path, fn);
            return { key: (g: Group) => measureValue(g, i, fn), descending, nullsLast };
        }
        const k = keys.findIndex((key) => key.id === pathId(path));
        if (k < 0) {
            throw new EngineFault(
                'ValidationError',
                `orderBy: ${pathId(path)} must be grouped or aggregated (give a function or group by it)`,
            );
        }
        return { key: (g: Group) => g.keys[k], descending, nullsLast };
    });
}

/** Written order first; then group keys ascending with subtotal rows after their groups. */
function orderGroups(groups: Group[], sort: GroupSort[], keyCount: number): Group[] {
    const clauses: SortClause[] = sort.map((s) => ({
        key: (i: number) => s.key(groups[i]),
        descending: s.descending,
        nullsLast: s.nullsLast,
    }));
    for (let k = 0; k < keyCount; k++) {
        clauses.push({ key: (i: number) => groups[i].grouping[k], descending: false, nullsLast: false });
        clauses.push({ key: (i: number) => groups[i].keys[k], descending: false, nullsLast: false });
    }
    const order = Int32Array.from(groups.keys()).sort(comparatorOf(clauses, (i) => i));
    return Array.from(order, (i) => groups[i]);
}

type GroupRender = (group: Group) => unknown;

function planAggregateConnection(
    ctx: ExecContext,
    table: Table,
    connectionType: GraphQLObjectType,
    nodes: readonly FieldNode[],
    keys: GroupKey[],
    measureIndex: (path: FieldPath, fn: MeasureFn) => number,
): (groups: Group[], total: number, offset: number) => Record<string, unknown> {
    const parts: [string, (groups: Group[], total: number, offset: number) => unknown][] = [];
    for (const [key, list] of subfields(ctx, connectionType, nodes)) {
        const name = list[0].name.value;
        if (name === '__typename') parts.push([key, () => connectionType.name]);
        else if (name === 'totalCount') parts.push([key, (_g, total) => total]);
        else if (name === 'pageInfo') {
            const pageInfo = planPageInfo(ctx, connectionType, list);
            parts.push([key, (groups, total, offset) => pageInfo(groups.length, total, offset)]);
        } else if (name === 'edges') {
            const edgeType = objectTypeOf(fieldDef(connectionType, list));
            const edgeParts: [string, string, GroupRender | null][] = [];
            for (const [k, l] of subfields(ctx, edgeType, list)) {
                const sub = l[0].name.value;
                if (sub === 'node') {
                    const nodeType = objectTypeOf(fieldDef(edgeType, l));
                    const nodeParts: [string, GroupRender][] = [];
                    for (const [nk, nl] of subfields(ctx, nodeType, l)) {
                        const nodeSub = nl[0].name.value;
                        if (nodeSub === 'aggregate') {
                            const resultType = objectTypeOf(fieldDef(nodeType, nl));
                            nodeParts.push([
                                nk,
                                planResult(ctx, table.info.apiName, resultType, nl, [], keys, measureIndex),
                            ]);
                        } else if (nodeSub === '__typename') nodeParts.push([nk, () => nodeType.name]);
                        else
                            throw new EngineFault(
                                'DataFetchingException',
                                `${nodeType.name}.${nodeSub} is not supported`,
                                nl,
                            );
                    }
                    edgeParts.push([
                        k,
                        sub,
                        (g) => Object.fromEntries(nodeParts.map(([nk, render]) => [nk, render(g)])),
                    ]);
                } else edgeParts.push([k, sub, null]);
            }
            parts.push([
                key,
                (groups, _total, offset) =>
                    groups.map((g, i) =>
                        Object.fromEntries(
                            edgeParts.map(([k, sub, render]) => [
                                k,
                                render ? render(g) : sub === 'cursor' ? encodeCursor(offset + i) : edgeType.name,
                            ]),
                        ),
                    ),
            ]);
        } else {
            throw new EngineFault('DataFetchingException', `${connectionType.name}.${name} is not supported`, list);
        }
    }
    return (groups, total, offset) => Object.fromEntries(parts.map(([k, part]) => [k, part(groups, total, offset)]));
}

/** `aggregate { Amount { sum { value } } Owner { Name { value } } }` for one group. */
function planResult(
    ctx: ExecContext,
    object: string,
    resultType: GraphQLObjectType,
    nodes: readonly FieldNode[],
    hops: FieldDescription[],
    keys: GroupKey[],
    measureIndex: (path: FieldPath, fn: MeasureFn) => number,
): GroupRender {
    const info = ctx.tables.get(object)!.info;
    const parts: [string, GroupRender][] = [];
    for (const [key, list] of subfields(ctx, resultType, nodes)) {
        const name = list[0].name.value;
        if (name === '__typename') {
            parts.push([key, () => resultType.name]);
            continue;
        }
        const field = info.fields.get(name);
        if (field) {
            const path: FieldPath = { hops, field, object };
            parts.push([
                key,
                planFieldAggregate(ctx, objectTypeOf(fieldDef(resultType, list)), list, path, keys, measureIndex),
            ]);
            continue;
        }
        const relationship = info.relationships.get(name);
        const target = relationship?.referenceTo?.[0];
        if (relationship && target) {
            const nested = planResult(
                ctx,
                target,
                objectTypeOf(fieldDef(resultType, list)),
                list,
                [...hops, relationship],
                keys,
                measureIndex,
            );
            parts.push([key, nested]);
            continue;
        }
        throw new EngineFault('DataFetchingException', `${resultType.name}.${name} is not supported`, list);
    }
    return (g) => Object.fromEntries(parts.map(([k, render]) => [k, render(g)]));
}

function mustBeGrouped(path: FieldPath, what: string, nodes: readonly FieldNode[]): EngineFault {
    return new EngineFault(
        'ValidationError',
        `Field must be grouped or aggregated: ${pathId(path)} (${what} needs groupBy on it)`,
        nodes,
    );
}

function planFieldAggregate(
    ctx: ExecContext,
    aggregateType: GraphQLObjectType,
    nodes: readonly FieldNode[],
    path: FieldPath,
    keys: GroupKey[],
    measureIndex: (path: FieldPath, fn: MeasureFn) => number,
): GroupRender {
    const id = pathId(path);
    const field = path.field;
    const money = ctx.values.money;
    const fmt = ctx.values.fmt;
    const parts: [string, GroupRender][] = [];
    const keyIndex = (fn?: string) => keys.findIndex((k) => k.id === id && k.fn === fn);
    for (const [key, list] of subfields(ctx, aggregateType, nodes)) {
        const sub = list[0].name.value;
        if (sub === '__typename') {
            parts.push([key, () => aggregateType.name]);
        } else if (sub === 'value' || sub === 'displayValue' || sub === 'format' || sub === 'label') {
            const k = keyIndex(undefined);
            if (k < 0) throw mustBeGrouped(path, sub, list);
            parts.push([
                key,
                (g) => {
                    const v = g.keys[k] as FieldScalar;
                    if (sub === 'value') return v;
                    if (sub === 'label') return field.type === 'Picklist' ? v : null;
                    if (sub === 'format') return formatValue(field.type, v, fmt, money.corporate);
                    if (field.type === 'Reference') return lookupName(ctx, v, field.referenceTo);
                    return displayValueOf(field, v, ctx.values, money.corporate);
                },
            ]);
        } else if (sub === 'grouping') {
            const k = keys.findIndex((key) => key.id === id);
            if (k < 0) throw mustBeGrouped(path, sub, list);
            const valueType = objectTypeOf(fieldDef(aggregateType, list));
            parts.push([key, scalarObject(ctx, valueType, list, (g) => g.grouping[k], 'Int')]);
        } else if (measureFns[sub]) {
            const fn = measureFns[sub];
            const i = measureIndex(path, fn);
            const valueType = objectTypeOf(fieldDef(aggregateType, list));
            const resultType = fn === 'count' || fn === 'countDistinct' ? 'Int' : fn === 'avg' ? 'Double' : field.type;
            parts.push([key, scalarObject(ctx, valueType, list, (g) => measureValue(g, i, fn), resultType)]);
        } else if (functionOfSubfield(sub)) {
            const fn = functionOfSubfield(sub)!;
            const k = keyIndex(fn);
            if (k < 0) throw mustBeGrouped(path, sub, list);
            const valueType = objectTypeOf(fieldDef(aggregateType, list));
            const subs = [...subfields(ctx, valueType, list)].map(([sk, sl]) => [sk, sl[0].name.value] as const);
            parts.push([
                key,
                (g) => {
                    const v = g.keys[k] as number | null;
                    const out: Record<string, unknown> = {};
                    for (const [sk, s] of subs) {
                        if (s === '__typename') out[sk] = valueType.name;
                        else if (fn === 'DAY_ONLY') {
                            const iso = v === null ? null : isoFromDay(v);
                            out[sk] = s === 'value' ? iso : iso === null ? null : formatDate(iso, fmt);
                        } else out[sk] = s === 'value' ? v : v === null ? null : String(v);
                    }
                    return out;
                },
            ]);
        } else {
            throw new EngineFault('DataFetchingException', `${aggregateType.name}.${sub} is not supported`, list);
        }
    }
    return (g) => Object.fromEntries(parts.map(([k, render]) => [k, render(g)]));
}

/** `{ value displayValue format }` of an aggregate result, formatted as the given field type. */
function scalarObject(
    ctx: ExecContext,
    valueType: GraphQLObjectType,
    nodes: readonly FieldNode[],
    value: (g: Group) => Scalar,
    type: FieldDescription['type'],
): GroupRender {
    const subs = [...subfields(ctx, valueType, nodes)].map(([k, l]) => [k, l[0].name.value] as const);
    const field: FieldDescription = { name: '', type, label: '' };
    const currency = ctx.values.money.corporate;
    return (g) => {
        const v = value(g) as FieldScalar;
        const out: Record<string, unknown> = {};
        for (const [k, sub] of subs) {
            if (sub === 'value') out[k] = v;
            else if (sub === 'displayValue') out[k] = displayValueOf(field, v, ctx.values, currency);
            else if (sub === 'format') out[k] = formatValue(type, v, ctx.values.fmt, currency);
            else if (sub === 'convertCurrency')
                out[k] = typeof v === 'number' ? convertAmount(v, currency, ctx.values.money) : null;
            else if (sub === '__typename') out[k] = valueType.name;
            else out[k] = null;
        }
        return out;
    };
}
