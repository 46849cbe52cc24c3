/**
 * The leaderboard's pure side: the KPIs it ranks (boardKpis), its checked configuration (boardConfig), its one
 * document (boardDocument, on the shared planner), reading the answers (boardData) and, here, turning each rep's
 * or team's value (kpiResults, over the set of owners a row stands for) into ranked rows, with targets, pace,
 * movement and the viewer. Plain TypeScript over plain data: no DOM, no labels.
 */
import { daysBetween, startOfDayMs } from 'c/kpiPeriods';
import { rankEntries, rankMovement, targetProgress } from 'c/kpiRanking';
import type { Movement, RankInput, TargetProgress, UnrankedReason } from 'c/kpiRanking';
import { readResults } from 'c/kpiResults';
import type { SetValue } from 'c/kpiResults';
import type { BoardData, BoardUser } from './boardData';
import type { BoardPlan, BoardWindow } from './boardDocument';

export { BOARD_KPIS, FILTER_FIELDS, findBoardKpi, fromCatalog } from './boardKpis';
export type { BoardKpi, BoardPart, Combine, PartRole } from './boardKpis';
export {
    BOARD_GROUPINGS,
    BOARD_VARIANTS,
    DEFAULT_TARGET_FIELD,
    DEFAULT_YEARS,
    MAX_ROWS,
    MAX_YEARS,
    RANKED_USERS,
    TARGET_SOURCES,
    parseTarget,
    readBoardConfig,
} from './boardConfig';
export type {
    BoardChoices,
    BoardConfig,
    BoardFilter,
    BoardGrouping,
    BoardProperties,
    ConfigProblem,
    ConfigProblemCode,
    RankedUsers,
} from './boardConfig';
export {
    GROUPS_PER_PAGE,
    MAX_OPTIONS,
    MAX_PAGES,
    boardPageQuery,
    boardQuery,
    boardWindows,
    planBoard,
    planBoardPage,
} from './boardDocument';
export type {
    BoardContext,
    BoardDocument,
    BoardOmissions,
    BoardPlan,
    BoardSubquery,
    BoardWindow,
    BoardWindows,
} from './boardDocument';
export { isTargetFieldError, omissionsAfterFailure, readBoardResponses } from './boardData';
export { subqueriesOfError } from 'c/kpiPlanner';
export type { BoardData, BoardResponse, BoardUser, OptionValue, SubqueryFailure } from './boardData';

export interface BoardRow {
    /** User Id of a rep; manager or role Id of a team (`none` for users without one). */
    key: string;
    kind: 'rep' | 'team';
    /** Null for the team of users without a manager or role. */
    name: string | null;
    /** The User record a click on the name opens: the rep, or the team's manager. */
    userId: string | null;
    memberIds: string[];
    value: number | null;
    sampleSize: number;
    comparisonValue: number | null;
    target: number | null;
    progress: TargetProgress;
    rank: number | null;
    tied: boolean;
    unranked: UnrankedReason | null;
    gapToNext: number | null;
    valueGapToNext: number | null;
    previousRank: number | null;
    movement: Movement | null;
    /** Secondary KPI values by KPI id; null when there is none (or the KPI could not be read). */
    secondary: Record<string, number | null>;
    isViewer: boolean;
}

export interface Board {
    /** Ranked rows best first, then the unranked. */
    rows: BoardRow[];
    total: { value: number | null; sampleSize: number; target: number | null; progress: TargetProgress };
    viewerKey: string | null;
    rankedCount: number;
    /** The comparison window was read: movement is known. */
    hasComparison: boolean;
    hasTarget: boolean;
    /** Secondary KPIs whose values were read. */
    secondary: string[];
}

/** Set names beside the rows' keys (User, manager or role Ids): everyone, and a row's members who existed then. */
const EVERYONE = '\u0000everyone';
const PRESENT = '\u0000present:';
const NOBODY = '\u0000nobody';
const NOTHING: SetValue = { value: null, sampleSize: 0, comparisonValue: null, comparisonSampleSize: null };

/** Which KPI parts came back whole: a failed or missing subquery makes its KPI in that window unknown. */
export function readable(data: BoardData, kpi: string, window: BoardWindow): boolean {
    const broken = [
        ...data.failures.flatMap((f) => f.subquery.reads),
        ...data.missing.flatMap((subquery) => subquery.reads),
        ...data.hiddenFields.flatMap((h) => h.reads),
    ];
    return !broken.some((r) => r.kpi === kpi && r.window === window);
}

interface Entity {
    key: string;
    kind: 'rep' | 'team';
    name: string | null;
    userId: string | null;
    members: BoardUser[];
}

function entitiesOf(plan: BoardPlan, users: BoardUser[]): Entity[] {
    const grouping = plan.config.groupBy;
    if (grouping === 'rep') {
        return users.map((user) => ({ key: user.id, kind: 'rep', name: user.name, userId: user.id, members: [user] }));
    }
    const teams = new Map<string, Entity>();
    for (const user of users) {
        const id = grouping === 'manager' ? user.managerId : user.roleId;
        const key = id ?? 'none';
        let team = teams.get(key);
        if (!team) {
            const name = grouping === 'manager' ? user.managerName : user.roleName;
            team = {
                key,
                kind: 'team',
                name: id ? (name ?? id) : null,
                userId: grouping === 'manager' ? id : null,
                members: [],
            };
            teams.set(key, team);
        }
        team.members.push(user);
    }
    return [...teams.values()];
}

function targetOf(plan: BoardPlan, members: BoardUser[], kind: 'rep' | 'team'): number | null {
    const target = plan.config.target;
    const additive = plan.config.kpi.additive;
    if (target.source === 'none') return null;
    if (target.source === 'everyone') return kind === 'team' && additive ? target.value * members.length : target.value;
    if (!plan.targetField || (kind === 'team' && !additive)) return null;
    const known = members.map((m) => m.target).filter((t): t is number => t !== null);
    return known.length === 0 ? null : known.reduce((a, b) => a + b, 0);
}

// One collator for every comparison: localeCompare builds its comparison state on each call (most of ranking 2,000 reps).
const COLLATOR = new Intl.Collator();
const byName = (a: { name: string | null; key: string }, b: { name: string | null; key: string }) =>
    COLLATOR.compare(a.name ?? '\uffff', b.name ?? '\uffff') || COLLATOR.compare(a.key, b.key);

/**
 * Ranks the board: every ranked user (or team) with the KPI's value (zero when they have nothing yet), target
 * progress, the secondary KPIs, the rank in the comparison window and the movement since. Users created after the
 * comparison window ended were not there to be ranked: they are new.
 */
export function buildBoard(plan: BoardPlan, data: BoardData, viewerId: string): Board {
    const { config } = plan;
    const kpi = config.kpi;
    const users = data.owners ? data.users.filter((user) => data.owners!.has(user.id)) : data.users;
    const entities = entitiesOf(plan, users).sort(byName);
    const hasComparison = plan.comparisonWindow !== null && readable(data, kpi.id, 'comparison');
    const secondary = plan.kpis.slice(1).filter((other) => readable(data, other.id, 'current'));
    const period = {
        elapsedDays: daysBetween(plan.window.start, plan.window.end),
        totalDays: daysBetween(plan.fullWindow.start, plan.fullWindow.end),
    };
    const rankOptions = {
        method: config.rankMethod,
        by: config.rankBy,
        higherIsBetter: kpi.higherIsBetter,
        minSample: config.minSample,
    };
    const progressOf = (value: number | null, target: number | null) =>
        targetProgress(value, target, period, { higherIsBetter: kpi.higherIsBetter, additive: kpi.additive });

    // One computation of every number: kpiResults over the set of owners each row (and the total) stands for.
    const createdBy = plan.comparisonWindow ? startOfDayMs(plan.comparisonWindow.end, plan.calendar.timeZone) : 0;
    const existedById = new Map(
        users.map((user) => [user.id, !user.createdDate || Date.parse(user.createdDate) < createdBy]),
    );
    const existed = (user: BoardUser) => existedById.get(user.id) !== false;
    // A rep's row is their own group; only teams, everyone and "members who existed then" need a set of owners.
    const sets: Record<string, string[]> = { [EVERYONE]: users.map((user) => user.id), [NOBODY]: [] };
    const partlyNew = new Set<string>();
    for (const entity of entities) {
        if (entity.kind === 'team') sets[entity.key] = entity.members.map((m) => m.id);
        if (!entity.members.every(existed)) {
            partlyNew.add(entity.key);
            sets[PRESENT + entity.key] = entity.members.filter(existed).map((m) => m.id);
        }
    }
    const results = readResults(
        plan.kpiPlan,
        data.answer.data,
        data.answer.errors,
        0,
        Object.fromEntries(plan.kpis.map((k) => [k.id, sets])),
    );
    // Maps, not the results' records: 2,000 lookups by user id per KPI stay cheap.
    const named = new Map(
        plan.kpis.map((k) => [k.id, results[k.id]?.sets ? new Map(Object.entries(results[k.id].sets!)) : undefined]),
    );
    const groups = new Map(
        plan.kpis.map((k) => [k.id, new Map((results[k.id]?.groups ?? []).map((group) => [group.key, group]))]),
    );
    /** The value of a row (or the total) for a KPI; `present`: over the members who existed in the comparison window. */
    const valueOf = (id: string, key: string, present = false): SetValue => {
        const values = named.get(id);
        if (!values) return NOTHING;
        const found = values.get(present && partlyNew.has(key) ? PRESENT + key : key);
        return found ?? groups.get(id)?.get(key) ?? values.get(NOBODY)!;
    };

    const prepared = entities.map((entity) => {
        const ids = entity.members.map((m) => m.id);
        const now = valueOf(kpi.id, entity.key);
        const target = targetOf(plan, entity.members, entity.kind);
        return { entity, ids, now, target };
    });
    const ranked = rankEntries(
        prepared.map(({ entity, now, target }) => ({
            key: entity.key,
            value: now.value,
            sampleSize: now.sampleSize,
            target,
        })),
        rankOptions,
    );

    let previousRanks = new Map<string, number | null>();
    let movements = new Map<string, Movement>();
    const comparisonValues = new Map<string, number | null>();
    if (hasComparison) {
        const before: RankInput[] = [];
        for (const { entity, target } of prepared) {
            comparisonValues.set(entity.key, valueOf(kpi.id, entity.key).comparisonValue);
            if (!entity.members.some(existed)) continue;
            const counted = valueOf(kpi.id, entity.key, true);
            before.push({
                key: entity.key,
                value: counted.comparisonValue,
                sampleSize: counted.comparisonSampleSize ?? 0,
                target,
            });
        }
        const previous = rankEntries(before, rankOptions);
        previousRanks = new Map(previous.map((entry) => [entry.key, entry.rank]));
        movements = rankMovement(ranked, previous);
    }

    const byKey = new Map(prepared.map((p) => [p.entity.key, p]));
    const viewerKey =
        config.groupBy === 'rep'
            ? byKey.has(viewerId)
                ? viewerId
                : null
            : (prepared.find((p) => p.ids.includes(viewerId))?.entity.key ?? (byKey.has(viewerId) ? viewerId : null));
    const rows: BoardRow[] = ranked.map((entry) => {
        const { entity, ids, now } = byKey.get(entry.key)!;
        const values: Record<string, number | null> = {};
        for (const other of secondary) values[other.id] = valueOf(other.id, entity.key).value;
        return {
            key: entity.key,
            kind: entity.kind,
            name: entity.name,
            userId: entity.userId,
            memberIds: ids,
            value: now.value,
            sampleSize: now.sampleSize,
            comparisonValue: comparisonValues.get(entity.key) ?? null,
            target: entry.target,
            progress: progressOf(now.value, entry.target),
            rank: entry.rank,
            tied: entry.tied,
            unranked: entry.unranked,
            gapToNext: entry.gapToNext,
            valueGapToNext: entry.valueGapToNext,
            previousRank: previousRanks.get(entity.key) ?? null,
            movement: movements.get(entity.key) ?? null,
            secondary: values,
            isViewer: entity.key === viewerKey,
        };
    });

    const everyone = valueOf(kpi.id, EVERYONE);
    const total = { value: everyone.value, sampleSize: everyone.sampleSize };
    const totalTarget =
        config.target.source === 'none'
            ? null
            : kpi.additive
              ? (() => {
                    const known = rows.map((row) => row.target).filter((t): t is number => t !== null);
                    return known.length ? known.reduce((a, b) => a + b, 0) : null;
                })()
              : config.target.source === 'everyone'
                ? config.target.value
                : null;
    return {
        rows,
        total: { ...total, target: totalTarget, progress: progressOf(total.value, totalTarget) },
        viewerKey,
        rankedCount: rows.filter((row) => row.rank !== null).length,
        hasComparison,
        hasTarget: config.target.source !== 'none' && rows.some((row) => row.target !== null),
        secondary: secondary.map((other) => other.id),
    };
}

export type SortKey = 'rank' | 'name' | 'value' | 'percentOfTarget' | 'pace' | 'gapToTarget' | 'movement' | string;
export type SortDirection = 'ascending' | 'descending';

function sortValue(row: BoardRow, key: SortKey): number | string | null {
    switch (key) {
        case 'rank':
            return row.rank;
        case 'name':
            return row.name;
        case 'value':
            return row.value;
        case 'percentOfTarget':
            return row.progress.percentOfTarget;
        case 'pace':
            return row.progress.pace;
        case 'gapToTarget':
            return row.progress.gapToTarget;
        case 'movement':
            if (!row.movement || row.movement.kind === 'new') return null;
            return row.movement.kind === 'down' ? -row.movement.places : row.movement.places;
        default:
            return key.startsWith('secondary:') ? (row.secondary[key.slice('secondary:'.length)] ?? null) : null;
    }
}

/** Rows sorted by a column; rows without a value for it stay last either way, and ties keep the rank order. */
export function sortRows(rows: readonly BoardRow[], key: SortKey, direction: SortDirection): BoardRow[] {
    const sign = direction === 'ascending' ? 1 : -1;
    return rows
        .map((row, index) => ({ row, index, value: sortValue(row, key) }))
        .sort((a, b) => {
            if (a.value === null || b.value === null) {
                return (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0) || a.index - b.index;
            }
            const order =
                typeof a.value === 'string' || typeof b.value === 'string'
                    ? String(a.value).localeCompare(String(b.value))
                    : a.value - b.value;
            return sign * order || a.index - b.index;
        })
        .map(({ row }) => row);
}
