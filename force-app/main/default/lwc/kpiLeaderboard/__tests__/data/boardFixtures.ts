/**
 * Builds UI API GraphQL responses for a leaderboard plan from a small world of users and per-owner totals, shaped as
 * the API answers `uiapi.aggregate` subqueries: `edges[].node.aggregate.<Field>.<function>.value` and `pageInfo`.
 */
import { planBoard, readBoardConfig } from 'c/kpiLeaderboardQuery';
import type { BoardChoices, BoardOmissions, BoardPlan, BoardProperties, BoardSubquery } from 'c/kpiLeaderboardQuery';

export const VIEWER = '005000000000000000';

export interface WorldUser {
    id: string;
    name: string;
    managerId?: string | null;
    managerName?: string | null;
    roleId?: string | null;
    roleName?: string | null;
    createdDate?: string;
    quota?: number | null;
}

export interface Totals {
    records: number;
    sum?: number;
    fieldCount?: number;
}

/** `kpi|window|part` → owner Id → totals. */
export type World = { users: WorldUser[]; totals: Record<string, Record<string, Totals>>; options?: string[] };

export function planFor(properties: BoardProperties, choices: BoardChoices = {}, without?: BoardOmissions): BoardPlan {
    const { config, problems } = readBoardConfig(properties, choices);
    if (!config) throw new Error(`fixture config refused: ${JSON.stringify(problems)}`);
    return planBoard(config, {
        userId: VIEWER,
        now: new Date(),
        timeZone: 'America/Los_Angeles',
        firstDayOfWeek: 1,
        without,
    });
}

type Node = { node: { aggregate: Record<string, unknown> } };

function userNode(user: WorldUser, targetField: string | null): Node {
    const aggregate: Record<string, unknown> = {
        Id: { value: user.id },
        Name: { max: { value: user.name } },
        ManagerId: { max: { value: user.managerId ?? null } },
        Manager: { Name: { max: { value: user.managerName ?? null } } },
        UserRoleId: { max: { value: user.roleId ?? null } },
        UserRole: { Name: { max: { value: user.roleName ?? null } } },
        CreatedDate: { min: { value: user.createdDate ?? '2019-01-07T17:00:00.000Z' } },
    };
    if (targetField) aggregate[targetField] = { max: { value: user.quota ?? null } };
    return { node: { aggregate } };
}

/** The `data` of a response to the plan's document; `pageSize` cuts connections into pages with cursors. */
export function responseFor(plan: BoardPlan, world: World, options: { omit?: string[]; pageSize?: number } = {}) {
    const aggregate: Record<string, unknown> = {};
    for (const subquery of plan.subqueries) {
        if (options.omit?.includes(subquery.alias)) continue;
        let edges: Node[] = [];
        if (subquery.role === 'users') edges = world.users.map((user) => userNode(user, plan.targetField));
        else if (subquery.role === 'options') {
            const field = subquery.groupBy[0].field;
            edges = (world.options ?? []).map((value) => ({
                node: { aggregate: { [field]: { value, label: `${value} (label)` } } },
            }));
        } else if (subquery.role === 'owners') {
            edges = world.users.map((user) => ({ node: { aggregate: { OwnerId: { value: user.id } } } }));
        } else {
            edges = kpiEdges(subquery, world);
        }
        const size = options.pageSize ?? edges.length;
        aggregate[subquery.alias] = {
            edges: edges.slice(0, Math.max(size, 0)),
            ...(subquery.paged
                ? { pageInfo: { hasNextPage: edges.length > size, endCursor: edges.length > size ? 'djE6MQ==' : null } }
                : {}),
        };
    }
    return { uiapi: { aggregate } };
}

/** The numbers one node carries for its subquery's selections, from the world's totals. */
function measures(subquery: BoardSubquery, totals: Totals): Record<string, unknown> {
    const node: Record<string, unknown> = {};
    const fieldCount = totals.fieldCount ?? totals.records;
    for (const { field, fns } of subquery.selections) {
        const block: Record<string, unknown> = {};
        for (const fn of fns) {
            if (field === 'Id') block[fn] = { value: totals.records };
            else if (fn === 'count') block[fn] = { value: fieldCount };
            else if (fn === 'avg') block[fn] = { value: fieldCount > 0 ? (totals.sum ?? 0) / fieldCount : null };
            else block[fn] = { value: totals.sum ?? null };
        }
        node[field] = block;
    }
    return node;
}

/**
 * A KPI subquery's groups: one per owner, or for a share (won among closed, grouped by owner and IsWon) one per owner
 * and outcome, the world's `whole` totals split into its `share` and the rest.
 */
function kpiEdges(subquery: BoardSubquery, world: World): Node[] {
    const read = subquery.reads[0];
    const [owner, outcome] = subquery.groupBy.map((key) => key.field);
    const totalsOf = (part: string) => world.totals[`${read.kpi}|${read.window}|${part}`] ?? {};
    const node = (id: string, totals: Totals, extra: Record<string, unknown> = {}) => ({
        node: { aggregate: { [owner]: { value: id }, ...extra, ...measures(subquery, totals) } },
    });
    if (!outcome) return Object.entries(totalsOf(read.part)).map(([id, totals]) => node(id, totals));
    const share = totalsOf('share');
    return Object.entries(totalsOf('whole')).flatMap(([id, whole]) => {
        const yes = share[id] ?? { records: 0, sum: 0 };
        const no = { records: whole.records - yes.records, sum: (whole.sum ?? 0) - (yes.sum ?? 0) };
        return [node(id, yes, { [outcome]: { value: true } }), node(id, no, { [outcome]: { value: false } })];
    });
}

/** The rest of the groups a paged response left out, as the page document's response. */
export function pageResponseFor(plan: BoardPlan, world: World, aliases: string[], skip: number) {
    const full = responseFor(plan, world).uiapi.aggregate as Record<string, { edges: Node[] }>;
    const aggregate: Record<string, unknown> = {};
    for (const alias of aliases) {
        aggregate[alias] = { edges: full[alias].edges.slice(skip), pageInfo: { hasNextPage: false, endCursor: null } };
    }
    return { uiapi: { aggregate } };
}

/** Five reps under one manager (the viewer is Dana, fourth by revenue), two tied, one with nothing yet. */
export function salesWorld(): World {
    const manager = { managerId: '005000000000009AAA', managerName: 'Morgan Lee' };
    const users: WorldUser[] = [
        {
            id: '005000000000001AAA',
            name: 'Avery Kim',
            quota: 100000,
            ...manager,
            roleId: '00E000000000001AAA',
            roleName: 'East',
        },
        {
            id: '005000000000002AAA',
            name: 'Blake Ruiz',
            quota: 50000,
            ...manager,
            roleId: '00E000000000001AAA',
            roleName: 'East',
        },
        {
            id: '005000000000003AAA',
            name: 'Casey Moore',
            quota: 80000,
            ...manager,
            roleId: '00E000000000002AAA',
            roleName: 'West',
        },
        { id: VIEWER, name: 'Dana Fox', quota: 60000, ...manager, roleId: '00E000000000002AAA', roleName: 'West' },
        {
            id: '005000000000005AAA',
            name: 'Emery Hart',
            quota: null,
            managerId: null,
            managerName: null,
            createdDate: new Date().toISOString(),
        },
    ];
    return {
        users,
        options: ['New Customer', 'Existing Customer - Upgrade'],
        totals: {
            'closedWonRevenue|current|value': {
                '005000000000001AAA': { records: 4, sum: 90000 },
                '005000000000002AAA': { records: 2, sum: 40000 },
                '005000000000003AAA': { records: 3, sum: 40000 },
                [VIEWER]: { records: 1, sum: 12000 },
            },
            'closedWonRevenue|comparison|value': {
                '005000000000001AAA': { records: 1, sum: 10000 },
                '005000000000002AAA': { records: 3, sum: 60000 },
                '005000000000003AAA': { records: 1, sum: 5000 },
                [VIEWER]: { records: 2, sum: 30000 },
            },
            'winRate|current|whole': {
                '005000000000001AAA': { records: 10 },
                '005000000000002AAA': { records: 4 },
                [VIEWER]: { records: 3 },
            },
            'winRate|current|share': {
                '005000000000001AAA': { records: 4 },
                '005000000000002AAA': { records: 2 },
                [VIEWER]: { records: 1 },
            },
        },
    };
}

/**
 * A world as one user sees it under private sharing: only their own records, so the users semi-join (owners of a
 * record the viewer can see) finds only them. `keep` names someone else to keep instead of the viewer.
 */
export function ownRecordsOnly(world: World, keep: string = VIEWER): World {
    const totals = Object.fromEntries(
        Object.entries(world.totals).map(([key, byOwner]) => [
            key,
            Object.fromEntries(Object.entries(byOwner).filter(([owner]) => owner === keep)),
        ]),
    );
    return { ...world, users: world.users.filter((user) => user.id === keep), totals };
}
