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
import { boardRowSets, readBoardResults, rememberReading } from './boardSets';
import type { BoardReading } from './boardSets';

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
    /** Owners of the ranked KPI's records with no user row (users the viewer cannot see): not ranked, not in the total. */
    unseenOwners: string[];
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

interface Connection {
    nodes: Raw[];
    hasNextPage: boolean;
    endCursor: string | null;
    /** Edges an array of `{ node: { aggregate } }` and page info an object or left out: nothing was skipped. */
    wellFormed: boolean;
}

function connection(data: unknown, alias: string): Connection | undefined {
    const aggregate = isObject(data) && isObject(data.uiapi) ? data.uiapi.aggregate : undefined;
    if (!isObject(aggregate) || !isObject(aggregate[alias])) return undefined;
    const value = aggregate[alias] as Raw;
    const edges = Array.isArray(value.edges) ? value.edges : [];
    const nodes: Raw[] = [];
    for (const edge of edges) {
        const node = isObject(edge) && isObject(edge.node) ? edge.node.aggregate : undefined;
        if (isObject(node)) nodes.push(node);
    }
    const pageInfo = isObject(value.pageInfo) ? value.pageInfo : {};
    const wellFormed =
        Array.isArray(value.edges) &&
        nodes.length === edges.length &&
        (value.pageInfo === undefined ||
            (isObject(value.pageInfo) && typeof (pageInfo.hasNextPage ?? false) === 'boolean'));
    return { nodes, hasNextPage: pageInfo.hasNextPage === true, endCursor: toText(pageInfo.endCursor), wellFormed };
}

/** How many pages of each subquery the responses hold, and the last one's connection; `visit` sees every page. */
function pagesRead(responses: readonly BoardResponse[], visit?: (subquery: BoardSubquery, found: Connection) => void) {
    const pages = new Map<string, number>();
    const last = new Map<string, Connection>();
    let answered = false;
    for (const response of responses) {
        if (isObject(response.data) && isObject(response.data.uiapi)) answered = true;
        for (const subquery of response.document.subqueries) {
            const found = connection(response.data, subquery.alias);
            if (!found) continue;
            pages.set(subquery.alias, (pages.get(subquery.alias) ?? 0) + 1);
            last.set(subquery.alias, found);
            visit?.(subquery, found);
        }
    }
    return { pages, last, answered };
}

/** The cursor of each subquery with more groups to fetch within MAX_PAGES (the rest is `truncated`). */
function cursorsOf(plan: BoardPlan, pages: Map<string, number>, last: Map<string, Connection>) {
    const next: Record<string, string> = {};
    const truncated: BoardSubquery[] = [];
    for (const subquery of plan.subqueries) {
        const found = last.get(subquery.alias);
        if (!found?.hasNextPage) continue;
        if ((pages.get(subquery.alias) ?? 0) < MAX_PAGES && found.endCursor) next[subquery.alias] = found.endCursor;
        else truncated.push(subquery);
    }
    return { next, truncated };
}

/**
 * What an answer leaves to fetch, without reading it: whether any response carried data, and the cursors of the next
 * page. A component asks this of each answer while pages are still to come, and reads the whole once they are in.
 */
export function readBoardCursors(
    plan: BoardPlan,
    responses: readonly BoardResponse[],
): { answered: boolean; next: Record<string, string> } {
    const { pages, last, answered } = pagesRead(responses);
    return { answered, next: cursorsOf(plan, pages, last).next };
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

/** The last reading of each plan, with the responses it read (each its document, data and errors as given). */
const LAST_READ = new WeakMap<BoardPlan, { responses: BoardResponse[]; data: BoardData }>();

const sameResponses = (a: readonly BoardResponse[], b: readonly BoardResponse[]) =>
    a.length === b.length &&
    a.every((r, i) => r.document === b[i].document && r.data === b[i].data && r.errors === b[i].errors);

/**
 * Reads every response of one board (the document first, then its pages, in the order they were answered). The
 * same responses read again (the component reads each answer as it comes, then again to build the board) give the
 * same reading without reading them twice: answers are the wire's, never changed in place.
 */
export function readBoardResponses(plan: BoardPlan, responses: readonly BoardResponse[]): BoardData {
    const last = LAST_READ.get(plan);
    if (last && sameResponses(last.responses, responses)) return last.data;
    const data = readResponses(plan, responses);
    LAST_READ.set(plan, { responses: [...responses], data });
    return data;
}

function readResponses(plan: BoardPlan, responses: readonly BoardResponse[]): BoardData {
    const data: BoardData = {
        users: [],
        owners: null,
        answer: { data: undefined, errors: [] },
        options: {},
        failures: [],
        unplaced: [],
        unseenOwners: [],
        missing: [],
        next: {},
        truncated: [],
        hiddenFields: [],
        targetFieldHidden: false,
        answered: false,
    };
    const users = new Map<string, BoardUser>();
    const failed = new Map<string, unknown[]>();
    const hidden = new Set<string>();
    const measured = new Set<string>();
    /** Subqueries with a page whose edges or page info were of another shape (the strict reader says how). */
    const shapeless = new Set<string>();
    /** Subqueries whose answer is not what the document asked for, with the part: failures of their own. */
    const malformed = new Map<string, string>();
    /** Owners the ranked KPI's current subqueries have rows for: each must have its user row. */
    const rankedOwners = new Map<string, BoardSubquery>();
    const main = plan.config.kpi.id;
    let targetSeen = false;
    let targetLeftOut = 0;
    let userRows = 0;

    for (const response of responses) {
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
    }
    const { pages, last, answered } = pagesRead(responses, (subquery, found) => {
        if (!found.wellFormed) shapeless.add(subquery.alias);
        const key = subquery.groupBy[0]?.field ?? 'Id';
        const ranksOwners =
            subquery.role === 'kpi' &&
            /OwnerId$/.test(key) &&
            subquery.reads.some((read) => read.kpi === main && read.window === 'current');
        const parts = subquery.role === 'users' ? selectedParts(subquery.text.selection) : undefined;
        for (const node of found.nodes) {
            if (subquery.role === 'users') {
                userRows++;
                if (plan.targetField !== null && isObject(node[plan.targetField])) targetSeen = true;
                else targetLeftOut++;
                const user = readUser(node, plan.targetField, parts!);
                if (typeof user === 'string') {
                    if (!malformed.has(subquery.alias)) malformed.set(subquery.alias, user);
                } else {
                    if (users.has(user.id) && !malformed.has(subquery.alias)) malformed.set(subquery.alias, user.id);
                    users.set(user.id, user);
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
    });
    data.answered = answered;
    data.answer.data = mergePages(responses.map((response) => response.data));
    const usersSubquery = plan.subqueries.find((s) => s.role === 'users');
    const allUsers = [...users.values()];
    // Once every page is in, kpiResults reads the KPI subqueries (strictly) for the board: a subquery it read
    // whole needs no second reading for the verdict; only those it could not read are asked why (answerProblem).
    const complete =
        data.answered &&
        plan.subqueries.every((s) => !last.get(s.alias)?.hasNextPage || (pages.get(s.alias) ?? 0) >= MAX_PAGES);
    let reading: BoardReading | undefined;
    const whole = new Set<string>();
    if (complete) {
        const rowSets = boardRowSets(plan, allUsers, data.owners);
        reading = { rowSets, results: readBoardResults(plan, rowSets, data.answer) };
        for (const request of plan.kpiPlan.requests) {
            const result = reading.results[request.key];
            if (!result || result.error) continue;
            for (const aliases of Object.values(request.reads.current)) for (const alias of aliases) whole.add(alias);
            if (result.comparisonError) continue;
            for (const aliases of Object.values(request.reads.comparison ?? {})) {
                for (const alias of aliases) whole.add(alias);
            }
        }
    }

    // The strict reader's verdict on each answered subquery (edges, nodes, keys, numbers, each group once), and on
    // the users: every owner the ranked KPI has rows for has a user row once all pages are in.
    // The users were read row by row (readUser: Id, name, manager, role, creation date and target, each user once).
    const usersRead = (subquery: BoardSubquery) => subquery.role === 'users' && !shapeless.has(subquery.alias);
    for (const subquery of plan.subqueries) {
        if (failed.has(subquery.alias) || !last.has(subquery.alias) || whole.has(subquery.alias)) continue;
        if (usersRead(subquery)) continue;
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
    // Owners the ranked KPI has records of but no user row: users the viewer cannot see (user sharing hides them).
    // Their records are neither ranked nor in the total, and the board says so (never a silent gap).
    if (usersSubquery && usersComplete && !malformed.has(usersSubquery.alias)) {
        data.unseenOwners = [...rankedOwners.keys()].filter((owner) => !users.has(owner)).sort();
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
    Object.assign(data, cursorsOf(plan, pages, last));
    for (const subquery of plan.subqueries) {
        if (!last.has(subquery.alias)) {
            if (!failed.has(subquery.alias)) data.missing.push(subquery);
            continue;
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
    data.users = allUsers;
    // The board ranks from this reading unless a verdict put an error on a subquery a KPI reads (then buildBoard
    // reads the answer again with it, as kpiResults places it).
    const kpiAliases = new Set(plan.subqueries.filter((s) => s.role === 'kpi').map((s) => s.alias));
    if (reading && ![...malformed.keys()].some((alias) => kpiAliases.has(alias))) rememberReading(data, reading);
    data.targetFieldHidden = Boolean(plan.targetField) && userRows > 0 && !targetSeen;
    return data;
}

type Kind = 'text' | 'name' | 'number';

/** A value of the type a `Field { fn { value } }` of that kind holds; false when of another shape. */
function ofKind(value: unknown, kind: Kind): boolean {
    if (kind === 'number') return value === null || (typeof value === 'number' && Number.isFinite(value));
    if (kind === 'name') return typeof value === 'string' && value !== '';
    return value === null || typeof value === 'string';
}

interface UserPart {
    path: string;
    parent: string | null;
    field: string;
    fn: string;
    kind: Kind;
    /** The users subquery selected it: a row of another shape is refused. Unselected parts are read if present. */
    selected: boolean;
}

const USER_PARTS: [string, string, Kind][] = [
    ['Name', 'max', 'name'],
    ['ManagerId', 'max', 'text'],
    ['Manager.Name', 'max', 'text'],
    ['UserRoleId', 'max', 'text'],
    ['UserRole.Name', 'max', 'text'],
    ['CreatedDate', 'min', 'name'],
];
const SELECTED_PARTS = new Map<string, UserPart[]>();

/** The parts of a user row and which the users subquery selected, worked out once per selection. */
function selectedParts(selection: string): UserPart[] {
    let parts = SELECTED_PARTS.get(selection);
    if (!parts) {
        parts = USER_PARTS.map(([path, fn, kind]) => {
            const [parent, field] = path.includes('.') ? path.split('.') : [null, path];
            const selected = parent ? selection.includes(`${parent} { ${field} {`) : selection.includes(`${field} `);
            return { path, parent, field, fn, kind, selected };
        });
        SELECTED_PARTS.set(selection, parts);
    }
    return parts;
}

/**
 * One user row, checked against what the users subquery selected: an Id and a name (every user has both), manager,
 * role and creation date as text, the target field as a number (left out when hidden by @optional). A string names
 * the part of another shape. Each part is looked up once, checked and read in the same step.
 */
function readUser(node: Raw, targetField: string | null, parts: readonly UserPart[]): BoardUser | string {
    const id = isObject(node.Id) ? toText(node.Id.value) : null;
    if (!id) return 'Id';
    const texts: (string | null)[] = [null, null, null, null, null, null];
    for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        const parentNode = part.parent ? node[part.parent] : node;
        const holder = isObject(parentNode) ? parentNode[part.field] : undefined;
        const inner = isObject(holder) ? holder[part.fn] : undefined;
        if (part.selected && !(isObject(inner) && 'value' in inner && ofKind(inner.value, part.kind))) {
            return `${id}.${part.path}`;
        }
        texts[i] = isObject(inner) ? toText(inner.value) : null;
    }
    let target: number | null = null;
    if (targetField) {
        const holder = node[targetField];
        const inner = isObject(holder) ? holder.max : undefined;
        // Left out (undefined) when hidden by @optional; anything else must be a number or null.
        if (holder !== undefined && !(isObject(inner) && 'value' in inner && ofKind(inner.value, 'number'))) {
            return `${id}.${targetField}`;
        }
        target = isObject(holder) ? toNumber(isObject(inner) ? inner.value : null) : null;
    }
    return {
        id,
        name: texts[0] ?? id,
        managerId: texts[1],
        managerName: texts[2],
        roleId: texts[3],
        roleName: texts[4],
        createdDate: texts[5],
        target,
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
