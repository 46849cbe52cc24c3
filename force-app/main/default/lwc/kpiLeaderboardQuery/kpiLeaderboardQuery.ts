/**
 * The leaderboard's pure side: the KPIs it ranks (boardKpis), its checked configuration (boardConfig), its one
 * document (boardDocument, on the shared planner), reading the answers (boardData) and, here, turning each rep's
 * or team's value (kpiResults, over the set of owners a row stands for) into ranked rows, with targets, pace,
 * movement and the viewer. Plain TypeScript over plain data: no DOM, no labels.
 */
import { daysBetween, quotaShare } from 'c/kpiPeriods';
import { rankEntries, rankMovement, targetProgress } from 'c/kpiRanking';
import type { Movement, RankInput, TargetProgress, UnrankedReason } from 'c/kpiRanking';
import type { KpiResult, SetValue } from 'c/kpiResults';
import type { BoardData, BoardUser } from './boardData';
import type { BoardPlan, BoardWindow } from './boardDocument';
import { EVERYONE, NOBODY, PRESENT, boardRowSets, readBoardResults, readingOf } from './boardSets';
import type { Entity } from './boardSets';

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
export { isTargetFieldError, omissionsAfterFailure, readBoardCursors, readBoardResponses } from './boardData';
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
    /**
     * The viewer is the only ranked person whose records they can see (private sharing): there is no ranking, only
     * the viewer's own numbers, and the board says why.
     */
    ownOnly: boolean;
}

const NOTHING: SetValue = { value: null, sampleSize: 0, comparisonValue: null, comparisonSampleSize: null };

/** Which KPI parts came back whole: a failed or missing subquery makes its KPI in that window unknown. */
export function readable(data: BoardData, kpi: string, window: BoardWindow): boolean {
    const broken = (reads: readonly { kpi: string; window: BoardWindow }[]) =>
        reads.some((r) => r.kpi === kpi && r.window === window);
    return (
        !data.failures.some((f) => broken(f.subquery.reads)) &&
        !data.missing.some((subquery) => broken(subquery.reads)) &&
        !data.hiddenFields.some((h) => broken(h.reads))
    );
}

function targetOf(plan: BoardPlan, members: BoardUser[], kind: 'rep' | 'team'): number | null {
    const target = plan.config.target;
    const additive = plan.config.kpi.additive;
    if (target.source === 'none') return null;
    if (target.source === 'everyone') return kind === 'team' && additive ? target.value * members.length : target.value;
    if (!plan.targetField || (kind === 'team' && !additive)) return null;
    let sum = 0;
    let known = false;
    for (const member of members) {
        if (member.target === null) continue;
        sum += member.target;
        known = true;
    }
    // A quarterly quota prorated to the period shown, as tiles and coverage read it (docs/kpis.md, "One target per
    // person"); a rate's target field is a rate, not prorated.
    return known ? (additive ? sum * quotaShare(plan.config.period) : sum) : null;
}

/** A KPI's values by row key: the named sets (teams, everyone, members then), else the rep's own group. */
interface KpiValues {
    sets: Record<string, SetValue> | undefined;
    groups: Map<string, SetValue>;
}

function kpiValues(result: KpiResult | undefined): KpiValues {
    const groups = new Map<string, SetValue>();
    for (const group of result?.groups ?? []) if (group.key !== null) groups.set(group.key, group);
    return { sets: result?.sets, groups };
}

const HAS_OWN = Object.prototype.hasOwnProperty;

/** The value of a row (or the total); `present`: over the members who existed in the comparison window. */
function valueIn(values: KpiValues, entity: Entity | string, present = false): SetValue {
    const sets = values.sets;
    if (!sets) return NOTHING;
    const key = typeof entity === 'string' ? entity : entity.key;
    const named = present && typeof entity !== 'string' && entity.partlyNew ? PRESENT + key : key;
    return (HAS_OWN.call(sets, named) ? sets[named] : undefined) ?? values.groups.get(key) ?? sets[NOBODY];
}

/**
 * Ranks the board: every ranked user (or team) with the KPI's value (zero when they have nothing yet), target
 * progress, the secondary KPIs, the rank in the comparison window and the movement since. Users created after the
 * comparison window ended were not there to be ranked: they are new. The values are kpiResults', read once with
 * the answer (readBoardResponses) or here when the data came another way.
 */
export function buildBoard(plan: BoardPlan, data: BoardData, viewerId: string): Board {
    const { config } = plan;
    const kpi = config.kpi;
    const reading = readingOf(data);
    const rowSets = reading?.rowSets ?? boardRowSets(plan, data.users, data.owners);
    const results = reading?.results ?? readBoardResults(plan, rowSets, data.answer);
    const { entities } = rowSets;
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
    const progressOptions = { higherIsBetter: kpi.higherIsBetter, additive: kpi.additive };

    const main = kpiValues(results[kpi.id]);
    const others = secondary.map((other) => ({ id: other.id, values: kpiValues(results[other.id]) }));
    const count = entities.length;
    const now: SetValue[] = new Array(count);
    const inputs: RankInput[] = new Array(count);
    const indexOf = new Map<string, number>();
    for (let i = 0; i < count; i++) {
        const entity = entities[i];
        const value = valueIn(main, entity);
        now[i] = value;
        indexOf.set(entity.key, i);
        inputs[i] = {
            key: entity.key,
            value: value.value,
            sampleSize: value.sampleSize,
            target: targetOf(plan, entity.members, entity.kind),
        };
    }
    const ranked = rankEntries(inputs, rankOptions);

    let previousRanks: Map<string, number | null> | undefined;
    let movements: Map<string, Movement> | undefined;
    if (hasComparison) {
        const before: RankInput[] = [];
        for (let i = 0; i < count; i++) {
            const entity = entities[i];
            if (entity.allNew) continue;
            const counted = entity.partlyNew ? valueIn(main, entity, true) : now[i];
            before.push({
                key: entity.key,
                value: counted.comparisonValue,
                sampleSize: counted.comparisonSampleSize ?? 0,
                target: inputs[i].target,
            });
        }
        const previous = rankEntries(before, rankOptions);
        previousRanks = new Map(previous.map((entry) => [entry.key, entry.rank]));
        movements = rankMovement(ranked, previous);
    }

    const viewerKey =
        config.groupBy === 'rep'
            ? indexOf.has(viewerId)
                ? viewerId
                : null
            : (entities.find((entity) => entity.members.some((m) => m.id === viewerId))?.key ??
              (indexOf.has(viewerId) ? viewerId : null));
    let rankedCount = 0;
    let targetSum = 0;
    let targetKnown = false;
    const rows: BoardRow[] = new Array(ranked.length);
    for (let r = 0; r < ranked.length; r++) {
        const entry = ranked[r];
        const i = indexOf.get(entry.key)!;
        const entity = entities[i];
        const value = now[i];
        const values: Record<string, number | null> = {};
        for (const other of others) values[other.id] = valueIn(other.values, entity).value;
        if (entry.rank !== null) rankedCount++;
        if (entry.target !== null) {
            targetSum += entry.target;
            targetKnown = true;
        }
        rows[r] = {
            key: entity.key,
            kind: entity.kind,
            name: entity.name,
            userId: entity.userId,
            memberIds: entity.members.map((m) => m.id),
            value: value.value,
            sampleSize: value.sampleSize,
            comparisonValue: hasComparison ? value.comparisonValue : null,
            target: entry.target,
            progress: targetProgress(value.value, entry.target, period, progressOptions),
            rank: entry.rank,
            tied: entry.tied,
            unranked: entry.unranked,
            gapToNext: entry.gapToNext,
            valueGapToNext: entry.valueGapToNext,
            previousRank: previousRanks?.get(entity.key) ?? null,
            movement: movements?.get(entity.key) ?? null,
            secondary: values,
            isViewer: entity.key === viewerKey,
        };
    }

    const ownOnly = rowSets.users.length === 1 && rowSets.users[0].id === viewerId;
    if (ownOnly) {
        // Not a rank of one: the viewer's own numbers, with no rank, gap or movement to compare.
        const unranked = { rank: null, tied: false, gapToNext: null, valueGapToNext: null, movement: null };
        for (const row of rows) Object.assign(row, unranked, { previousRank: null });
        rankedCount = 0;
    }
    const everyone = valueIn(main, EVERYONE);
    const totalTarget =
        config.target.source === 'none'
            ? null
            : kpi.additive
              ? targetKnown
                  ? targetSum
                  : null
              : config.target.source === 'everyone'
                ? config.target.value
                : null;
    return {
        rows,
        total: {
            value: everyone.value,
            sampleSize: everyone.sampleSize,
            target: totalTarget,
            progress: targetProgress(everyone.value, totalTarget, period, progressOptions),
        },
        viewerKey,
        rankedCount,
        hasComparison,
        hasTarget: config.target.source !== 'none' && targetKnown,
        secondary: secondary.map((other) => other.id),
        ownOnly,
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
