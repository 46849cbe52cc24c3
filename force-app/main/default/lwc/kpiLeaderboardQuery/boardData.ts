/**
 * Reads the board's responses (the document, then any page documents) through the shared reader: pages are joined
 * (kpiResults mergePages), the ranked users, owners and filter values come from the planner's extras, and every
 * error is tied to the subqueries it belongs to, so that one failing part (a secondary KPI on an object the viewer
 * cannot read, a target field that does not exist) costs only that part. The KPI numbers are kpiResults' to compute.
 */
import { refusedParts } from 'c/kpiLoader';
import { subqueriesOfError } from 'c/kpiPlanner';
import { answerProblem, malformedAnswer, mergePages } from 'c/kpiResults';
import { MAX_PAGES } from './boardDocument';
import type { BoardDocument, BoardOmissions, BoardPlan, BoardSubquery, KpiRead } from './boardDocument';
import type { BoardFilter } from './boardConfig';

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
    /** The answer joined over its pages, with every error placed by alias: what kpiResults reads. */
    answer: { data: unknown; errors: unknown[] };
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

function kpiOf(plan: BoardPlan, read: KpiRead) {
    return plan.kpis.find((k) => k.id === read.kpi);
}

/** The field a KPI subquery sums or averages (Amount), if any: the one a viewer may be unable to see. */
function measuredField(subquery: BoardSubquery): string | undefined {
    return subquery.selections.find((selection) => selection.field !== 'Id')?.field;
}

/** Reads every response of one board (the document first, then its pages, in the order they were answered). */
export function readBoardResponses(plan: BoardPlan, responses: readonly BoardResponse[]): BoardData {
    const data: BoardData = {
        users: [],
        owners: null,
        answer: { data: undefined, errors: [] },
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
    const measured = new Set<string>();
    /** Subqueries whose answer is not what the document asked for, with the part: failures of their own. */
    const malformed = new Map<string, string>();
    /** Owners the ranked KPI's current subqueries have rows for: each must have its user row. */
    const rankedOwners = new Map<string, BoardSubquery>();
    const main = plan.config.kpi.id;
    let targetSeen = false;
    let targetLeftOut = 0;
    let userRows = 0;

    for (const response of responses) {
        if (isObject(response.data) && isObject(response.data.uiapi)) data.answered = true;
        for (const error of response.errors ?? []) {
            const owners = subqueriesOfError(error, response.document);
            if (owners.length === 0) {
                data.unplaced.push(error);
                data.answer.errors.push(error);
            }
            for (const subquery of owners) {
                failed.set(subquery.alias, [...(failed.get(subquery.alias) ?? []), error]);
                // Placed by its alias: a page document's lines are not the first document's.
                data.answer.errors.push({
                    ...(isObject(error) ? error : {}),
                    path: ['uiapi', 'aggregate', subquery.alias],
                });
            }
        }
        for (const subquery of response.document.subqueries) {
            const found = connection(response.data, subquery.alias);
            if (!found) continue;
            pages.set(subquery.alias, (pages.get(subquery.alias) ?? 0) + 1);
            last.set(subquery.alias, found);
            const key = subquery.groupBy[0]?.field ?? 'Id';
            const ranksOwners =
                subquery.role === 'kpi' &&
                /OwnerId$/.test(key) &&
                subquery.reads.some((read) => read.kpi === main && read.window === 'current');
            for (const node of found.nodes) {
                if (subquery.role === 'users') {
                    userRows++;
                    const user = readUser(node, plan.targetField, subquery.text.selection);
                    if (user.targetSeen) targetSeen = true;
                    else targetLeftOut++;
                    if (user.problem && !malformed.has(subquery.alias)) malformed.set(subquery.alias, user.problem);
                    if (user.user) {
                        if (users.has(user.user.id) && !malformed.has(subquery.alias)) {
                            malformed.set(subquery.alias, user.user.id);
                        }
                        users.set(user.user.id, user.user);
                    }
                } else if (subquery.role === 'owners') {
                    const id = toText(readField(node, key));
                    if (id) (data.owners ??= new Set()).add(id);
                } else if (subquery.role === 'options') {
                    const value = toText(readField(node, key));
                    const label = toText((node[key] as Raw | undefined)?.label) ?? value;
                    if (value && subquery.filter) (data.options[subquery.filter] ??= []).push({ value, label: label! });
                } else {
                    const field = measuredField(subquery);
                    if (field && !isObject(node[field])) hidden.add(subquery.alias);
                    else if (field) measured.add(subquery.alias);
                    const owner = ranksOwners ? toText(readField(node, key)) : null;
                    if (owner) rankedOwners.set(owner, subquery);
                }
            }
        }
    }
    data.answer.data = mergePages(responses.map((response) => response.data));

    // The strict reader's verdict on each answered subquery (edges, nodes, keys, numbers, each group once), and on
    // the users: every owner the ranked KPI has rows for has a user row once all pages are in.
    const usersSubquery = plan.subqueries.find((s) => s.role === 'users');
    for (const subquery of plan.subqueries) {
        if (failed.has(subquery.alias) || !last.has(subquery.alias)) continue;
        const problem = answerProblem(data.answer.data, subquery);
        if (problem) malformed.set(subquery.alias, problem.messages.join(' '));
    }
    const usersComplete =
        usersSubquery && last.has(usersSubquery.alias) && last.get(usersSubquery.alias)!.hasNextPage === false;
    // Field-level security hides a field on every row or on none: a measured field on some rows only is another shape.
    for (const alias of hidden) {
        if (measured.has(alias) && !malformed.has(alias)) {
            malformed.set(alias, measuredField(plan.subqueries.find((s) => s.alias === alias)!) ?? alias);
        }
    }
    // Field-level security hides a field on every row or on none: the target on some users only is another shape.
    if (usersSubquery && plan.targetField && targetSeen && targetLeftOut > 0 && !malformed.has(usersSubquery.alias)) {
        malformed.set(usersSubquery.alias, plan.targetField);
    }
    if (usersSubquery && usersComplete && !malformed.has(usersSubquery.alias)) {
        const unknown = [...rankedOwners.keys()].find((owner) => !users.has(owner));
        if (unknown) malformed.set(usersSubquery.alias, unknown);
    }
    if (data.answered) {
        // A secondary KPI, the comparison or the filter values the answer says nothing about: a failure the board
        // names, never a column silently left out. (What the board cannot do without stays `missing`.)
        for (const subquery of plan.subqueries) {
            const optional =
                subquery.role === 'options' ||
                (subquery.role === 'kpi' && subquery.reads.every((r) => r.kpi !== main || r.window !== 'current'));
            if (optional && !last.has(subquery.alias) && !failed.has(subquery.alias)) {
                malformed.set(subquery.alias, subquery.alias);
            }
        }
    }
    for (const [alias, part] of malformed) {
        // A sentence already (the reader's), or the part to name.
        const message = part.includes(' ') ? part : malformedAnswer(alias, part).messages.join(' ');
        const error = { message, path: ['uiapi', 'aggregate', alias] };
        failed.set(alias, [...(failed.get(alias) ?? []), error]);
        data.answer.errors.push(error);
        const subquery = plan.subqueries.find((s) => s.alias === alias);
        if (subquery?.role === 'options' && subquery.filter) delete data.options[subquery.filter];
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
        if (hidden.has(subquery.alias) && !malformed.has(subquery.alias)) {
            const field = measuredField(subquery)!;
            // A merged subquery also answers KPIs that only count records: those are still right.
            const reads = subquery.reads.filter((read) =>
                kpiOf(plan, read)?.parts.some((part) => part.role === read.part && part.sumField === field),
            );
            data.hiddenFields.push({ subquery, field, reads });
        }
    }
    data.users = [...users.values()];
    data.targetFieldHidden = Boolean(plan.targetField) && userRows > 0 && !targetSeen;
    return data;
}

/** A `Field { fn { value } }` the users subquery selected, of the type it holds; false when of another shape. */
function checked(node: Raw, path: string, fn: string, kind: 'text' | 'name' | 'number', selection: string): boolean {
    const [parent, field] = path.includes('.') ? path.split('.') : [null, path];
    const selected = parent ? selection.includes(`${parent} { ${field} {`) : selection.includes(`${field} `);
    if (!selected) return true;
    const holder = parent ? (isObject(node[parent]) ? (node[parent] as Raw)[field] : undefined) : node[field];
    if (!isObject(holder) || !isObject(holder[fn]) || !('value' in (holder[fn] as Raw))) return false;
    const value = (holder[fn] as Raw).value;
    if (kind === 'number') return value === null || (typeof value === 'number' && Number.isFinite(value));
    if (kind === 'name') return typeof value === 'string' && value !== '';
    return value === null || typeof value === 'string';
}

/**
 * One user row, checked against what the users subquery selected: an Id and a name (every user has both), manager,
 * role and creation date as text, the target field as a number (left out when hidden by @optional). `problem`
 * names the part of another shape.
 */
function readUser(
    node: Raw,
    targetField: string | null,
    selection = '',
): { user?: BoardUser; targetSeen: boolean; problem?: string } {
    const id = toText(readField(node, 'Id'));
    const targetSeen = targetField !== null && isObject(node[targetField]);
    if (!id) return { targetSeen, problem: 'Id' };
    const parts: [string, string, 'text' | 'name' | 'number'][] = [
        ['Name', 'max', 'name'],
        ['ManagerId', 'max', 'text'],
        ['Manager.Name', 'max', 'text'],
        ['UserRoleId', 'max', 'text'],
        ['UserRole.Name', 'max', 'text'],
        ['CreatedDate', 'min', 'name'],
    ];
    const wrong = parts.find(([path, fn, kind]) => !checked(node, path, fn, kind, selection));
    if (wrong) return { targetSeen, problem: `${id}.${wrong[0]}` };
    // Left out (undefined) when hidden by @optional; anything else must be a number or null.
    if (
        targetField &&
        node[targetField] !== undefined &&
        !checked(node, targetField, 'max', 'number', `${targetField} `)
    ) {
        return { targetSeen, problem: `${id}.${targetField}` };
    }
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

/**
 * After the server refused the whole document (no data), what to leave out to show the rest (kpiLoader's
 * refusedParts): the secondary KPIs, comparison, filter values or target field the errors are tied to. Undefined when
 * an error hits what the board cannot do without (the ranked KPI now, the users) or cannot be placed.
 */
export function omissionsAfterFailure(plan: BoardPlan, data: BoardData): BoardOmissions | undefined {
    const main = plan.config.kpi.id;
    const secondary = (reads: readonly KpiRead[]) =>
        reads.filter((r) => r.kpi !== main).map((r) => `secondary:${r.kpi}`);
    const partsOf = (subquery: BoardSubquery, error: unknown): string[] | undefined => {
        if (subquery.role === 'options') return ['options'];
        if (subquery.role === 'users') return isTargetFieldError(error, plan.targetField) ? ['targetField'] : undefined;
        if (subquery.role !== 'kpi') return undefined;
        if (subquery.reads.every((r) => r.kpi !== main)) return secondary(subquery.reads);
        if (subquery.reads.every((r) => r.kpi !== main || r.window === 'comparison'))
            return ['comparison', ...secondary(subquery.reads)];
        return undefined;
    };
    const parts = refusedParts(plan, data.answer, (subqueries, error) => {
        const costs = subqueries.map((subquery) => partsOf(subquery, error));
        return costs.length > 0 && costs.every(Boolean) ? (costs.flat() as string[]) : undefined;
    });
    if (!parts) return undefined;
    const without: BoardOmissions = {};
    for (const part of parts) {
        if (part === 'options') without.options = true;
        else if (part === 'targetField') without.targetField = true;
        else if (part === 'comparison') without.comparison = true;
        else without.secondary = [...(without.secondary ?? []), part.slice('secondary:'.length)];
    }
    return without;
}
