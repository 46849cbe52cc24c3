/**
 * Compiles a `where` argument into a predicate over the rows of a table, once per subquery, so the scan is one
 * closure call per row. Semantics follow developer.salesforce.com/docs/platform/graphql/guide/filter-fields.html,
 * filter-boolean.html (and/or/not), filter-parent.html, filter-polymorphic.html and the SOQL date literal and date
 * function pages.
 */
import type { FieldDescription } from '../../schema/types';
import type { ViewerAccess } from './access';
import {
    dateFunctions,
    dateFunctionValue,
    dayFromIso,
    literalRange,
    relativeRange,
    type Calendar,
    type DayRange,
} from './dates';
import { EngineFault } from './errors';
import { NO_DAY, type Table, type Tables } from './tables';

export type RowPredicate = (row: number) => boolean;

export interface FilterContext {
    tables: Tables;
    cal: Calendar;
    timeZone: string;
    access: ViewerAccess;
    /** graphql-java style query path of the subquery, for error messages. */
    queryPath: string[];
    /** The rows of a table the viewer can read (for semi-joins), counted as scanned. */
    readableRows: (table: Table) => Int32Array;
}

type Ops = Record<string, unknown>;

const always: RowPredicate = () => true;

function and(preds: RowPredicate[]): RowPredicate {
    if (preds.length === 0) return always;
    if (preds.length === 1) return preds[0];
    if (preds.length === 2) {
        const [a, b] = preds;
        return (r) => a(r) && b(r);
    }
    return (r) => {
        for (const p of preds) if (!p(r)) return false;
        return true;
    };
}

function isObject(v: unknown): v is Ops {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function hiddenFieldFault(ctx: FilterContext, table: Table, field: string): EngineFault {
    const type = `${table.info.apiName}_Filter`;
    return new EngineFault(
        'ValidationError',
        `Validation error (WrongType@[${ctx.queryPath.join('/')}]) : argument 'where' contains a field not in '${type}': '${field}'`,
    );
}

/**
 * "You can specify up to five levels in a child-to-parent relationship" (Contact.Account.Owner.FirstName is three):
 * developer.salesforce.com/docs/platform/graphql/guide/query-limits.html. A filter nested through a sixth parent is
 * refused before anything runs. A polymorphic parent's type branch (`Owner: { User: … }`) is the same relationship;
 * a semi-join's inner filter starts its own count (it is another query).
 */
export const MAX_PARENT_LEVELS = 5;

function tooDeepFault(path: string[]): EngineFault {
    return new EngineFault(
        'ValidationError',
        `where: ${path.join('.')} crosses ${path.length - 1} child-to-parent relationships; a filter may cross at most ${MAX_PARENT_LEVELS} (query-limits)`,
    );
}

/**
 * `path` is where the filter sits: the queried object, then each relationship crossed to get here (for the depth
 * limit and its message).
 */
export function compileWhere(ctx: FilterContext, table: Table, where: unknown, path?: string[]): RowPredicate {
    if (where === null || where === undefined) return always;
    if (!isObject(where)) throw new EngineFault('ValidationError', 'where: expected an input object');
    const at = path ?? [table.info.apiName];
    const preds: RowPredicate[] = [];
    for (const [key, value] of Object.entries(where)) {
        if (value === undefined) continue;
        if (key === 'and' || key === 'or') {
            const list = (Array.isArray(value) ? value : [value]).filter((v) => v !== null);
            const subs = list.map((v) => compileWhere(ctx, table, v, at));
            if (key === 'and') preds.push(and(subs));
            else if (subs.length)
                preds.push((r) => {
                    for (const p of subs) if (p(r)) return true;
                    return false;
                });
            continue;
        }
        if (key === 'not') {
            const sub = compileWhere(ctx, table, value, at);
            preds.push((r) => !sub(r));
            continue;
        }
        const field = table.info.fields.get(key);
        if (field) {
            if (ctx.access.isFieldHidden(table.info.apiName, key)) throw hiddenFieldFault(ctx, table, key);
            if (field.filterable === false) throw hiddenFieldFault(ctx, table, key);
            if (value === null) continue;
            if (!isObject(value))
                throw new EngineFault('ValidationError', `where.${key}: expected an operators object`);
            preds.push(compileField(ctx, table, field, value));
            continue;
        }
        const relationship = table.info.relationships.get(key);
        if (relationship) {
            if (ctx.access.isFieldHidden(table.info.apiName, relationship.name))
                throw hiddenFieldFault(ctx, table, key);
            if (value === null) continue;
            const deeper = [...at, key];
            if (deeper.length - 1 > MAX_PARENT_LEVELS) throw tooDeepFault(deeper);
            preds.push(compileRelationship(ctx, table, relationship, value, deeper));
            continue;
        }
        throw hiddenFieldFault(ctx, table, key);
    }
    return and(preds);
}

// Relationship filters: developer.salesforce.com/docs/platform/graphql/guide/filter-parent.html and filter-polymorphic.html
function compileRelationship(
    ctx: FilterContext,
    table: Table,
    ref: FieldDescription,
    where: unknown,
    path: string[],
): RowPredicate {
    if (!isObject(where)) throw new EngineFault('ValidationError', `where.${ref.relationshipName}: expected an object`);
    const targets = ref.referenceTo ?? [];
    const rows = table.rows;
    const perTarget: { table: Table; pred: RowPredicate }[] = [];
    const byTypeKeys = Object.keys(where).filter((k) => targets.includes(k));
    for (const target of targets) {
        const parentTable = ctx.tables.get(target);
        if (!parentTable) continue;
        if (byTypeKeys.length) {
            if (where[target] === undefined || where[target] === null) continue;
            perTarget.push({ table: parentTable, pred: compileWhere(ctx, parentTable, where[target], path) });
        } else if (targets.length === 1) {
            perTarget.push({ table: parentTable, pred: compileWhere(ctx, parentTable, where, path) });
        } else {
            // Polymorphic relationship filtered on common fields: types lacking one of them never match.
            const usable = Object.keys(where).every(
                (k) => k === 'and' || k === 'or' || k === 'not' || parentTable.info.fields.has(k),
            );
            if (usable) perTarget.push({ table: parentTable, pred: compileWhere(ctx, parentTable, where, path) });
        }
    }
    const field = ref.name;
    if (perTarget.length === 1) {
        const [{ table: parent, pred }] = perTarget;
        return (r) => {
            const p = parent.rowOf.get(rows[r][field] as string);
            return p !== undefined && pred(p);
        };
    }
    return (r) => {
        const id = rows[r][field];
        if (typeof id !== 'string') return false;
        for (const t of perTarget) {
            const p = t.table.rowOf.get(id);
            if (p !== undefined) return t.pred(p);
        }
        return false;
    };
}

function compileField(ctx: FilterContext, table: Table, field: FieldDescription, ops: Ops): RowPredicate {
    if ('inq' in ops || 'ninq' in ops) {
        const { inq, ninq, ...rest } = ops;
        const preds = [compileField(ctx, table, field, rest)];
        if (inq !== undefined && inq !== null) preds.push(compileJoin(ctx, table, field, inq, true));
        if (ninq !== undefined && ninq !== null) preds.push(compileJoin(ctx, table, field, ninq, false));
        return and(preds);
    }
    switch (field.type) {
        case 'Date':
        case 'DateTime':
            return compileDate(ctx, table, field, ops);
        case 'MultiPicklist':
            return compileMultiPicklist(table, field.name, ops);
        case 'Boolean':
        case 'Int':
        case 'Double':
        case 'Currency':
        case 'Percent':
            checkOperands(ctx, field, ops);
            return compileScalar(table, field.name, ops, false);
        case 'Id':
        case 'Reference':
            return compileScalar(table, field.name, ops, false);
        default:
            return compileScalar(table, field.name, ops, true);
    }
}

type Scalar = string | number | boolean | null;

/** Custom scalars (Currency, Double …) parse any literal in graphql-js; the API rejects a wrong one, so do we. */
function checkOperands(ctx: FilterContext, field: FieldDescription, ops: Ops): void {
    const want = field.type === 'Boolean' ? 'boolean' : 'number';
    for (const [op, raw] of Object.entries(ops)) {
        for (const v of Array.isArray(raw) ? raw : [raw]) {
            if (v === null || v === undefined || typeof v === want) continue;
            throw new EngineFault(
                'ValidationError',
                `Validation error (WrongType@[${ctx.queryPath.join('/')}]) : argument 'where.${field.name}.${op}' with value '${JSON.stringify(v)}' is not a valid '${field.type}'`,
            );
        }
    }
}

// Semi-joins and anti-joins: `Id: { inq: { Opportunity: { … }, ApiName: "AccountId" } }` keeps rows whose field is
// (or is not) among the ApiName values of the matching child rows (developer.salesforce.com/docs/platform/graphql/
// guide/filter-joins.html); the inner query runs once, lazily, as the viewer.
function compileJoin(
    ctx: FilterContext,
    table: Table,
    field: FieldDescription,
    join: unknown,
    inside: boolean,
): RowPredicate {
    const where = `${table.info.apiName}.${field.name}.${inside ? 'inq' : 'ninq'}`;
    if (!isObject(join)) throw new EngineFault('ValidationError', `${where}: expected { <Object>: filter, ApiName }`);
    const objects = Object.keys(join).filter((k) => k !== 'ApiName' && join[k] !== undefined && join[k] !== null);
    if (objects.length !== 1) throw new EngineFault('ValidationError', `${where}: name exactly one object to join`);
    const inner = ctx.tables.get(objects[0]);
    const innerField = typeof join.ApiName === 'string' ? join.ApiName : undefined;
    if (!inner || !innerField || !inner.info.fields.has(innerField)) {
        throw new EngineFault('ValidationError', `${where}: ApiName must name a field of ${objects[0]}`);
    }
    const innerWhere = compileWhere(ctx, inner, join[objects[0]]);
    let values: Set<unknown> | undefined;
    const rows = table.rows;
    const name = field.name;
    return (r) => {
        if (!values) {
            values = new Set();
            for (const innerRow of ctx.readableRows(inner)) {
                if (innerWhere(innerRow)) values.add(inner.rows[innerRow][innerField]);
            }
        }
        return values.has(rows[r][name]) === inside;
    };
}

function compare(a: Scalar, b: Scalar, insensitive: boolean): number {
    if (typeof a === 'string' && typeof b === 'string') {
        if (insensitive) {
            const la = a.toLowerCase();
            const lb = b.toLowerCase();
            return la < lb ? -1 : la > lb ? 1 : 0;
        }
        return a < b ? -1 : a > b ? 1 : 0;
    }
    if (typeof a === 'boolean' || typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1;
    return (a as number) - (b as number);
}

function equals(a: Scalar, b: Scalar, insensitive: boolean): boolean {
    if (a === null || b === null) return a === b;
    if (insensitive && typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
    return a === b;
}

/** SOQL LIKE: `%` any run, `_` one character, `\` escapes; case-insensitive. */
export function likeToRegExp(pattern: string): RegExp {
    let source = '';
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === '\\' && i + 1 < pattern.length) source += pattern[++i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        else if (c === '%') source += '[\\s\\S]*';
        else if (c === '_') source += '[\\s\\S]';
        else source += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
    return new RegExp(`^${source}$`, 'i');
}

function unsupportedOperator(table: Table, name: string, op: string): EngineFault {
    return new EngineFault('ValidationError', `operator ${op} is not supported on ${table.info.apiName}.${name}`);
}

// Null semantics follow SOQL: `eq: null` matches nulls, `ne`/`nin` keep nulls, ordering operators never match null.
function compileScalar(table: Table, name: string, ops: Ops, insensitive: boolean): RowPredicate {
    const rows = table.rows;
    const preds: RowPredicate[] = [];
    const get = (r: number): Scalar => (rows[r][name] ?? null) as Scalar;
    for (const [op, raw] of Object.entries(ops)) {
        if (raw === undefined) continue;
        const target = raw as Scalar;
        switch (op) {
            case 'eq':
                if (target === null) preds.push((r) => get(r) === null);
                else if (insensitive && typeof target === 'string') {
                    const lower = target.toLowerCase();
                    preds.push((r) => {
                        const v = get(r);
                        return typeof v === 'string' && (v === target || v.toLowerCase() === lower);
                    });
                } else preds.push((r) => get(r) === target);
                break;
            case 'ne':
                preds.push((r) => !equals(get(r), target, insensitive));
                break;
            case 'lt':
            case 'lte':
            case 'gt':
            case 'gte': {
                if (target === null) {
                    preds.push(() => false);
                    break;
                }
                const test =
                    op === 'lt'
                        ? (c: number) => c < 0
                        : op === 'lte'
                          ? (c: number) => c <= 0
                          : op === 'gt'
                            ? (c: number) => c > 0
                            : (c: number) => c >= 0;
                preds.push((r) => {
                    const v = get(r);
                    return v !== null && test(compare(v, target, insensitive));
                });
                break;
            }
            case 'like': {
                if (typeof target !== 'string') {
                    preds.push(() => false);
                    break;
                }
                const re = likeToRegExp(target);
                preds.push((r) => {
                    const v = get(r);
                    return typeof v === 'string' && re.test(v);
                });
                break;
            }
            case 'in':
            case 'nin': {
                const list = (Array.isArray(raw) ? raw : [raw]) as Scalar[];
                const set = new Set(list.map((v) => (insensitive && typeof v === 'string' ? v.toLowerCase() : v)));
                const has = (r: number) => {
                    const v = get(r);
                    return set.has(insensitive && typeof v === 'string' ? v.toLowerCase() : v);
                };
                preds.push(op === 'in' ? has : (r) => !has(r));
                break;
            }
            default:
                throw unsupportedOperator(table, name, op);
        }
    }
    return and(preds);
}

function splitMulti(v: unknown): Set<string> {
    return new Set(
        typeof v === 'string'
            ? v
                  .split(';')
                  .map((s) => s.trim().toLowerCase())
                  .filter(Boolean)
            : [],
    );
}

// Multi-select picklists: developer.salesforce.com/docs/platform/salesforce-soql-sosl/guide/sforce-api-calls-soql-querying-multiselect-picklists.html
function compileMultiPicklist(table: Table, name: string, ops: Ops): RowPredicate {
    const rows = table.rows;
    const preds: RowPredicate[] = [];
    const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));
    for (const [op, raw] of Object.entries(ops)) {
        if (raw === undefined) continue;
        switch (op) {
            case 'eq':
            case 'ne': {
                const target = raw === null ? null : splitMulti(raw);
                const match = (r: number) => {
                    const v = rows[r][name];
                    if (target === null) return v === null || v === undefined;
                    return sameSet(splitMulti(v), target);
                };
                preds.push(op === 'eq' ? match : (r) => !match(r));
                break;
            }
            case 'includes':
            case 'excludes': {
                // Each list entry may itself be `A;B`, meaning both A and B are selected.
                const wanted = ((Array.isArray(raw) ? raw : [raw]) as unknown[]).map(splitMulti);
                const match = (r: number) => {
                    const have = splitMulti(rows[r][name]);
                    return wanted.some((w) => w.size > 0 && [...w].every((x) => have.has(x)));
                };
                preds.push(op === 'includes' ? match : (r) => !match(r));
                break;
            }
            default:
                throw unsupportedOperator(table, name, op);
        }
    }
    return and(preds);
}

interface DateOperand {
    /** Exact instant of a DateTime `{ value }`. */
    instant?: number;
    /** Civil-day range of a date, literal or relative range. */
    range?: DayRange;
}

function dateOperand(ctx: FilterContext, isDateTime: boolean, input: unknown, where: string): DateOperand | null {
    if (input === null || input === undefined) return null;
    if (!isObject(input)) throw new EngineFault('ValidationError', `${where}: expected { value | literal | range }`);
    const keys = Object.keys(input).filter((k) => input[k] !== undefined && input[k] !== null);
    if (keys.length !== 1) {
        throw new EngineFault('ValidationError', `${where}: give exactly one of value, literal or range`);
    }
    const [key] = keys;
    if (key === 'value') {
        const v = String(input.value);
        if (isDateTime) {
            const ms = Date.parse(v);
            if (Number.isNaN(ms)) throw new EngineFault('ValidationError', `${where}: "${v}" is not an ISO date-time`);
            return { instant: ms };
        }
        const day = dayFromIso(v);
        if (Number.isNaN(day) || v.length !== 10) {
            throw new EngineFault('ValidationError', `${where}: "${v}" is not a YYYY-MM-DD date`);
        }
        return { range: { start: day, end: day + 1 } };
    }
    if (key === 'literal') return { range: literalRange(String(input.literal), ctx.cal) };
    if (key === 'range') {
        const range = input.range as Ops;
        const kinds = Object.keys(range).filter((k) => range[k] !== undefined && range[k] !== null);
        if (kinds.length !== 1) throw new EngineFault('ValidationError', `${where}.range: give exactly one range`);
        try {
            return { range: relativeRange(kinds[0], Number(range[kinds[0]]), ctx.cal) };
        } catch (e) {
            throw new EngineFault('ValidationError', `${where}.range: ${(e as Error).message}`);
        }
    }
    throw new EngineFault('ValidationError', `${where}: unknown key ${key}`);
}

// Date filters: developer.salesforce.com/docs/platform/graphql/guide/filter.html, "Date and DateTime" (value, literal, range), and
// SOQL's rule that literals and ranges apply in the user's time zone while date functions run in UTC unless converted.
function compileDate(ctx: FilterContext, table: Table, field: FieldDescription, ops: Ops): RowPredicate {
    const isDateTime = field.type === 'DateTime';
    const days = isDateTime
        ? ctx.tables.localDayColumn(table, field.name, ctx.timeZone)
        : ctx.tables.dayColumn(table, field.name);
    const instants = isDateTime ? ctx.tables.instantColumn(table, field.name) : undefined;
    const preds: RowPredicate[] = [];
    const where = `${table.info.apiName}.${field.name}`;

    const inOperand = (o: DateOperand, r: number): boolean => {
        if (o.instant !== undefined) return instants![r] === o.instant;
        const d = days[r];
        return d !== NO_DAY && d >= o.range!.start && d < o.range!.end;
    };

    for (const [op, raw] of Object.entries(ops)) {
        if (raw === undefined) continue;
        if ((dateFunctions as readonly string[]).includes(op)) {
            preds.push(compileDateFunction(ctx, table, field, op, raw, where));
            continue;
        }
        if (op === 'in' || op === 'nin') {
            const list = ((Array.isArray(raw) ? raw : [raw]) as unknown[])
                .map((v) => dateOperand(ctx, isDateTime, v, `${where}.${op}`))
                .filter((o): o is DateOperand => o !== null);
            const any = (r: number) => list.some((o) => inOperand(o, r));
            preds.push(op === 'in' ? any : (r) => !any(r));
            continue;
        }
        const o = dateOperand(ctx, isDateTime, raw, `${where}.${op}`);
        if (o === null) {
            if (op === 'eq') preds.push((r) => days[r] === NO_DAY);
            else if (op === 'ne') preds.push((r) => days[r] !== NO_DAY);
            else preds.push(() => false);
            continue;
        }
        if (o.instant !== undefined) {
            const t = o.instant;
            const ms = instants!;
            const tests: Record<string, RowPredicate> = {
                eq: (r) => ms[r] === t,
                ne: (r) => ms[r] !== t,
                lt: (r) => ms[r] < t,
                lte: (r) => ms[r] <= t,
                gt: (r) => ms[r] > t,
                gte: (r) => ms[r] >= t,
            };
            if (!tests[op]) throw new EngineFault('ValidationError', `${where}: unknown operator ${op}`);
            preds.push(tests[op]);
            continue;
        }
        const { start, end } = o.range!;
        // A range compares as a whole: `gt` is after its end, `lte` is up to its end (SOQL date literal rules).
        const tests: Record<string, RowPredicate> = {
            eq: (r) => days[r] !== NO_DAY && days[r] >= start && days[r] < end,
            ne: (r) => days[r] === NO_DAY || days[r] < start || days[r] >= end,
            lt: (r) => days[r] !== NO_DAY && days[r] < start,
            lte: (r) => days[r] !== NO_DAY && days[r] < end,
            gt: (r) => days[r] !== NO_DAY && days[r] >= end,
            gte: (r) => days[r] !== NO_DAY && days[r] >= start,
        };
        if (!tests[op]) throw new EngineFault('ValidationError', `${where}: unknown operator ${op}`);
        preds.push(tests[op]);
    }
    return and(preds);
}

// Date-function filters: `CloseDate: { CALENDAR_YEAR: { value: { eq: 2026 } } }`; DateTime fields compute in UTC for
// `value` and in the viewer's time zone for `convertTimezoneValue` (SOQL convertTimezone()).
function compileDateFunction(
    ctx: FilterContext,
    table: Table,
    field: FieldDescription,
    fn: string,
    raw: unknown,
    where: string,
): RowPredicate {
    if (!isObject(raw)) throw new EngineFault('ValidationError', `${where}.${fn}: expected { value }`);
    const preds: RowPredicate[] = [];
    for (const [key, operators] of Object.entries(raw)) {
        if (operators === undefined || operators === null) continue;
        if (key !== 'value' && key !== 'convertTimezoneValue') {
            throw new EngineFault('ValidationError', `${where}.${fn}: unknown key ${key}`);
        }
        const zone = field.type === 'DateTime' ? (key === 'value' ? 'UTC' : ctx.timeZone) : 'UTC';
        const values = functionColumn(ctx, table, field, fn, zone);
        if (fn === 'DAY_ONLY') {
            // DAY_ONLY compares dates: turn each `YYYY-MM-DD` operand into its civil day.
            const converted: Ops = {};
            for (const [op, v] of Object.entries(operators as Ops)) {
                const toDay = (x: unknown) => (typeof x === 'string' ? dayFromIso(x) : x);
                converted[op] = Array.isArray(v) ? v.map(toDay) : toDay(v);
            }
            preds.push(compileNumberColumn(values, converted, `${where}.${fn}`));
        } else {
            preds.push(compileNumberColumn(values, operators as Ops, `${where}.${fn}`));
        }
    }
    return and(preds);
}

function compileNumberColumn(values: Int32Array, ops: Ops, where: string): RowPredicate {
    const preds: RowPredicate[] = [];
    for (const [op, raw] of Object.entries(ops)) {
        if (raw === undefined) continue;
        if (op === 'in' || op === 'nin') {
            const set = new Set((Array.isArray(raw) ? raw : [raw]).map(Number));
            preds.push(op === 'in' ? (r) => set.has(values[r]) : (r) => values[r] === NO_DAY || !set.has(values[r]));
            continue;
        }
        if (raw === null) {
            preds.push(
                op === 'eq' ? (r) => values[r] === NO_DAY : op === 'ne' ? (r) => values[r] !== NO_DAY : () => false,
            );
            continue;
        }
        const t = Number(raw);
        const tests: Record<string, RowPredicate> = {
            eq: (r) => values[r] === t,
            ne: (r) => values[r] !== t,
            lt: (r) => values[r] !== NO_DAY && values[r] < t,
            lte: (r) => values[r] !== NO_DAY && values[r] <= t,
            gt: (r) => values[r] !== NO_DAY && values[r] > t,
            gte: (r) => values[r] !== NO_DAY && values[r] >= t,
        };
        if (!tests[op]) throw new EngineFault('ValidationError', `${where}: unknown operator ${op}`);
        preds.push(tests[op]);
    }
    return and(preds);
}

/** A date function's value per row (NO_DAY for null), cached on the table per field, function and zone. */
export function functionColumn(
    ctx: Pick<FilterContext, 'tables' | 'cal'>,
    table: Table,
    field: FieldDescription,
    fn: string,
    zone: string,
): Int32Array {
    const key = `fn|${fn}|${field.name}|${zone}`;
    let col = table.columns.get(key) as Int32Array | undefined;
    if (col) return col;
    const isDateTime = field.type === 'DateTime';
    const days = isDateTime
        ? ctx.tables.localDayColumn(table, field.name, zone)
        : ctx.tables.dayColumn(table, field.name);
    const hours = fn === 'HOUR_IN_DAY' && isDateTime ? ctx.tables.localHourColumn(table, field.name, zone) : undefined;
    col = new Int32Array(days.length);
    for (let i = 0; i < days.length; i++) {
        col[i] = days[i] === NO_DAY ? NO_DAY : dateFunctionValue(fn, days[i], ctx.cal, hours ? hours[i] : 0);
    }
    table.columns.set(key, col);
    return col;
}
