/**
 * Reads the board's responses (the document, then any page documents) into per-owner totals, the ranked users and
 * the filter values, and ties every error to the subqueries it belongs to, so that one failing part (a secondary KPI
 * on an object the viewer cannot read, a target field that does not exist) costs only that part.
 */
import { subqueriesOfError } from 'c/kpiPlanner';
import { MAX_PAGES } from './boardDocument';
import type { BoardDocument, BoardOmissions, BoardPlan, BoardSubquery, BoardWindow, KpiRead } from './boardDocument';
import type { BoardPart, PartRole } from './boardKpis';
import type { BoardFilter } from './boardConfig';

export interface PartTotals {
    records: number;
    /** Sum of the part's sumField (0 without one). */
    sum: number;
    /** Records with a value in sumField (the divisor of an average). */
    fieldCount: number;
}

export interface BoardUser {
    id: string;
    name: string;
    managerId: string | null;
    managerName: string | null;
    roleId: string | null;
    roleName: string | null;
    /** ISO date-time the user was created: users created after the comparison window are new, not risers. */
    createdDate: string | null;
    target: number | null;
}

export interface OptionValue {
    value: string;
    label: string;
}

export interface BoardResponse {
    document: BoardDocument;
    data?: unknown;
    errors?: readonly unknown[] | null;
}

export interface SubqueryFailure {
    subquery: BoardSubquery;
    errors: unknown[];
}

export interface BoardData {
    users: BoardUser[];
    /** Owners of the KPI's records where users could not be narrowed to them in the users subquery (Task). */
    owners: Set<string> | null;
    /** Totals per owner, keyed by `totalsKey(kpi, window, part)`. */
    totals: Map<string, Map<string, PartTotals>>;
    options: Partial<Record<BoardFilter, OptionValue[]>>;
    failures: SubqueryFailure[];
    /** Errors no subquery could be tied to. */
    unplaced: unknown[];
    /** Subqueries the responses hold no data for (and no error explains). */
    missing: BoardSubquery[];
    /** Cursors of the subqueries with more groups to fetch, by alias. */
    next: Record<string, string>;
    /** Subqueries with groups left after MAX_PAGES pages. */
    truncated: BoardSubquery[];
    /** Summed fields the viewer cannot see (left out by @optional), with the KPI parts that needed them. */
    hiddenFields: { subquery: BoardSubquery; field: string; reads: KpiRead[] }[];
    /** The target field was selected but left out of every user (hidden from the viewer). */
    targetFieldHidden: boolean;
    /** At least one response carried data. */
    answered: boolean;
}

export const totalsKey = (kpi: string, window: BoardWindow, part: PartRole): string => `${kpi}|${window}|${part}`;

type Raw = Record<string, unknown>;
const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null;

function toNumber(value: unknown): number | null {
    if (typeof value === 'number') return Number.isFinite(value) ? value : null;
    if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
    return null;
}

const toText = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** `node.aggregate.Field.fn.value` (or `.value` without fn); undefined when the field is absent. */
function readField(aggregate: Raw, field: string, fn?: string): unknown {
    const holder = aggregate[field];
    if (!isObject(holder)) return undefined;
    if (!fn) return holder.value;
    const inner = holder[fn];
    return isObject(inner) ? inner.value : null;
}

function relationship(aggregate: Raw, name: string, field: string, fn: string): unknown {
    const parent = aggregate[name];
    return isObject(parent) ? readField(parent, field, fn) : undefined;
}

interface Connection {
    nodes: Raw[];
    hasNextPage: boolean;
    endCursor: string | null;
}

function connection(data: unknown, alias: string): Connection | undefined {
    const aggregate = isObject(data) && isObject(data.uiapi) ? data.uiapi.aggregate : undefined;
    if (!isObject(aggregate) || !isObject(aggregate[alias])) return undefined;
    const value = aggregate[alias] as Raw;
    const edges = Array.isArray(value.edges) ? value.edges : [];
    const nodes = edges
        .map((edge) => (isObject(edge) && isObject(edge.node) ? edge.node.aggregate : undefined))
        .filter(isObject);
    const pageInfo = isObject(value.pageInfo) ? value.pageInfo : {};
    return { nodes, hasNextPage: pageInfo.hasNextPage === true, endCursor: toText(pageInfo.endCursor) };
}

/** True when the error is about the target field (it does not exist, or is not a number the API aggregates). */
export function isTargetFieldError(error: unknown, field: string | null): boolean {
    if (!field || !isObject(error) || typeof error.message !== 'string') return false;
    return new RegExp(`\\b${field}\\b`).test(error.message);
}

function partOf(plan: BoardPlan, read: KpiRead): BoardPart | undefined {
    const kpi = [plan.config.kpi, ...plan.config.secondary].find((k) => k.id === read.kpi);
    return kpi?.parts.find((part) => part.role === read.part);
}

/** Reads every response of one board (the document first, then its pages, in the order they were answered). */
export function readBoardResponses(plan: BoardPlan, responses: readonly BoardResponse[]): BoardData {
    const data: BoardData = {
        users: [],
        owners: null,
        totals: new Map(),
        options: {},
        failures: [],
        unplaced: [],
        missing: [],
        next: {},
        truncated: [],
        hiddenFields: [],
        targetFieldHidden: false,
        answered: false,
    };
    const users = new Map<string, BoardUser>();
    const pages = new Map<string, number>();
    const last = new Map<string, Connection>();
    const failed = new Map<string, unknown[]>();
    const hidden = new Set<string>();
    let targetSeen = false;
    let userRows = 0;

    for (const response of responses) {
        if (isObject(response.data) && isObject(response.data.uiapi)) data.answered = true;
        for (const error of response.errors ?? []) {
            const owners = subqueriesOfError(error, response.document);
            if (owners.length === 0) data.unplaced.push(error);
            for (const subquery of owners) failed.set(subquery.alias, [...(failed.get(subquery.alias) ?? []), error]);
        }
        for (const subquery of response.document.subqueries) {
            const found = connection(response.data, subquery.alias);
            if (!found) continue;
            pages.set(subquery.alias, (pages.get(subquery.alias) ?? 0) + 1);
            last.set(subquery.alias, found);
            for (const node of found.nodes) {
                if (subquery.role === 'users') {
                    userRows++;
                    const user = readUser(node, plan.targetField);
                    if (user.targetSeen) targetSeen = true;
                    if (user.user) users.set(user.user.id, user.user);
                } else if (subquery.role === 'owners') {
                    const id = toText(readField(node, subquery.groupField));
                    if (id) (data.owners ??= new Set()).add(id);
                } else if (subquery.role === 'options') {
                    const value = toText(readField(node, subquery.groupField));
                    const label = toText((node[subquery.groupField] as Raw | undefined)?.label) ?? value;
                    if (value && subquery.filter) (data.options[subquery.filter] ??= []).push({ value, label: label! });
                } else {
                    readKpiNode(node, subquery, data.totals, hidden);
                }
            }
        }
    }

    const byAlias = new Map(plan.subqueries.map((s) => [s.alias, s]));
    for (const [alias, errors] of failed) {
        const subquery = byAlias.get(alias);
        if (subquery) data.failures.push({ subquery, errors });
    }
    for (const subquery of plan.subqueries) {
        const found = last.get(subquery.alias);
        if (!found) {
            if (!failed.has(subquery.alias)) data.missing.push(subquery);
            continue;
        }
        if (found.hasNextPage) {
            if ((pages.get(subquery.alias) ?? 0) < MAX_PAGES && found.endCursor)
                data.next[subquery.alias] = found.endCursor;
            else data.truncated.push(subquery);
        }
        if (hidden.has(subquery.alias)) {
            // A merged subquery also answers KPIs that only count records: those are still right.
            const reads = subquery.reads.filter((read) => partOf(plan, read)?.sumField);
            data.hiddenFields.push({ subquery, field: subquery.sumField!, reads });
        }
    }
    data.users = [...users.values()];
    data.targetFieldHidden = Boolean(plan.targetField) && userRows > 0 && !targetSeen;
    return data;
}

function readUser(node: Raw, targetField: string | null): { user?: BoardUser; targetSeen: boolean } {
    const id = toText(readField(node, 'Id'));
    const targetSeen = targetField !== null && isObject(node[targetField]);
    if (!id) return { targetSeen };
    return {
        targetSeen,
        user: {
            id,
            name: toText(readField(node, 'Name', 'max')) ?? id,
            managerId: toText(readField(node, 'ManagerId', 'max')),
            managerName: toText(relationship(node, 'Manager', 'Name', 'max')),
            roleId: toText(readField(node, 'UserRoleId', 'max')),
            roleName: toText(relationship(node, 'UserRole', 'Name', 'max')),
            createdDate: toText(readField(node, 'CreatedDate', 'min')),
            target: targetField ? toNumber(readField(node, targetField, 'max')) : null,
        },
    };
}

function readKpiNode(node: Raw, subquery: BoardSubquery, totals: BoardData['totals'], hidden: Set<string>): void {
    const owner = toText(readField(node, subquery.groupField));
    if (!owner) return;
    const records = toNumber(readField(node, 'Id', 'count')) ?? 0;
    let sum = 0;
    let fieldCount = 0;
    if (subquery.sumField) {
        if (!isObject(node[subquery.sumField])) hidden.add(subquery.alias);
        sum = toNumber(readField(node, subquery.sumField, 'sum')) ?? 0;
        fieldCount = subquery.countField ? (toNumber(readField(node, subquery.sumField, 'count')) ?? 0) : records;
    }
    for (const { kpi, window, part } of subquery.reads) {
        const key = totalsKey(kpi, window, part);
        let byOwner = totals.get(key);
        if (!byOwner) totals.set(key, (byOwner = new Map()));
        const before = byOwner.get(owner) ?? { records: 0, sum: 0, fieldCount: 0 };
        byOwner.set(owner, {
            records: before.records + records,
            sum: before.sum + sum,
            fieldCount: before.fieldCount + fieldCount,
        });
    }
}

/**
 * After the server refused the whole document (no data), what to leave out to show the rest: the secondary KPIs,
 * comparison, filter values or target field the errors are tied to. Undefined when an error hits what the board
 * cannot do without (the ranked KPI now, the users) or cannot be placed.
 */
export function omissionsAfterFailure(plan: BoardPlan, data: BoardData): BoardOmissions | undefined {
    if (data.answered || data.failures.length === 0 || data.unplaced.length > 0) return undefined;
    const without: BoardOmissions = {};
    const main = plan.config.kpi.id;
    for (const { subquery, errors } of data.failures) {
        if (subquery.role === 'options') without.options = true;
        else if (subquery.role === 'users' && errors.every((e) => isTargetFieldError(e, plan.targetField))) {
            without.targetField = true;
        } else if (subquery.role === 'kpi' && subquery.reads.every((r) => r.kpi !== main)) {
            without.secondary = [...new Set([...(without.secondary ?? []), ...subquery.reads.map((r) => r.kpi)])];
        } else if (
            subquery.role === 'kpi' &&
            subquery.reads.every((r) => r.kpi !== main || r.window === 'comparison')
        ) {
            without.comparison = true;
            const others = subquery.reads.filter((r) => r.kpi !== main).map((r) => r.kpi);
            if (others.length) without.secondary = [...new Set([...(without.secondary ?? []), ...others])];
        } else return undefined;
    }
    return without;
}
