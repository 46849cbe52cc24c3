/**
 * Ranking semantics of the leaderboard, as plain functions over plain data: who ranks where (ties share a rank),
 * who is left unranked and why, progress against a target, movement since the previous period, and which rows keep
 * the viewer in sight. No platform imports, so the benchmark and scripts can call it from Node.
 */

/** `competition`: 1, 2, 2, 4 (standard competition ranking). `dense`: 1, 2, 2, 3. */
export type RankMethod = 'competition' | 'dense';
export const RANK_METHODS: readonly RankMethod[] = ['competition', 'dense'];

/** Rank on the KPI's value, or on the value as a share of each entry's own target. */
export type RankBy = 'value' | 'percentOfTarget';
export const RANK_BY: readonly RankBy[] = ['value', 'percentOfTarget'];

/** Why an entry is listed without a rank. */
export type UnrankedReason = 'belowMinSample' | 'noValue' | 'noTarget';

export interface RankInput {
    key: string;
    /** The KPI's value; null when there is none (an average over no records). */
    value: number | null;
    /** Records the value rests on, compared with `minSample`; null counts as none. */
    sampleSize?: number | null;
    target?: number | null;
}

export interface RankOptions {
    method?: RankMethod;
    by?: RankBy;
    /** False for KPIs where less is better (lost deals): those rank ascending. */
    higherIsBetter?: boolean;
    /** Entries resting on fewer records are listed unranked (rates and averages); 0 ranks everyone. */
    minSample?: number;
}

export interface RankedEntry {
    key: string;
    value: number | null;
    sampleSize: number | null;
    target: number | null;
    /** value ÷ target, when there is a positive target and a value. */
    percentOfTarget: number | null;
    /** What the ranking compared (value or percent of target); null when unranked. */
    score: number | null;
    rank: number | null;
    /** Another entry shares this rank. */
    tied: boolean;
    unranked: UnrankedReason | null;
    /** Score still needed to reach the next better rank; null for the first rank and for the unranked. */
    gapToNext: number | null;
    /** The same gap in the KPI's own unit (differs from gapToNext when ranking by percent of target). */
    valueGapToNext: number | null;
}

// Scores equal to twelve significant digits tie: sums of currency amounts differ in the last bits with the order
// they were added in, and rounding to a fixed precision keeps "is tied with" transitive, unlike a tolerance.
const SIGNIFICANT_DIGITS = 12;

/** The score as compared: rounded to 12 significant digits, with −0 read as 0. */
export function comparableScore(score: number): number {
    // Whole numbers under 10^12 have at most twelve digits already (counts, whole amounts): toPrecision is the slow part.
    if (Number.isInteger(score) && Math.abs(score) < 1e12) return score === 0 ? 0 : score;
    const rounded = Number(score.toPrecision(SIGNIFICANT_DIGITS));
    return rounded === 0 ? 0 : rounded;
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** value ÷ target, or null without a positive target or a value. */
export function percentOf(value: number | null | undefined, target: number | null | undefined): number | null {
    return isNumber(value) && isNumber(target) && target > 0 ? value / target : null;
}

function reasonUnranked(input: RankInput, by: RankBy, minSample: number): UnrankedReason | null {
    if (minSample > 0 && !(isNumber(input.sampleSize) && input.sampleSize >= minSample)) return 'belowMinSample';
    if (!isNumber(input.value)) return 'noValue';
    if (by === 'percentOfTarget' && percentOf(input.value, input.target) === null) return 'noTarget';
    return null;
}

/**
 * Ranks entries: the ranked first, best first (ties keep the input order, so sort by name beforehand), then the
 * unranked in input order, each with its reason. Every input comes back exactly once.
 */
export function rankEntries(inputs: readonly RankInput[], options: RankOptions = {}): RankedEntry[] {
    const method = options.method ?? 'competition';
    const by = options.by ?? 'value';
    const sign = options.higherIsBetter === false ? 1 : -1;
    const minSample = isNumber(options.minSample) && options.minSample > 0 ? options.minSample : 0;

    const entries: RankedEntry[] = inputs.map((input) => {
        const value = isNumber(input.value) ? input.value : null;
        const target = isNumber(input.target) ? input.target : null;
        const percentOfTarget = percentOf(value, target);
        const unranked = reasonUnranked(input, by, minSample);
        const raw = by === 'value' ? value : percentOfTarget;
        return {
            key: input.key,
            value,
            sampleSize: isNumber(input.sampleSize) ? input.sampleSize : null,
            target,
            percentOfTarget,
            score: unranked === null && raw !== null ? comparableScore(raw) : null,
            rank: null,
            tied: false,
            unranked,
            gapToNext: null,
            valueGapToNext: null,
        };
    });

    // Sorted by precomputed scores through their indices: no wrapper object per entry, ties in input order.
    const scores = new Float64Array(entries.length);
    const order: number[] = [];
    const unranked: RankedEntry[] = [];
    for (let index = 0; index < entries.length; index++) {
        const entry = entries[index];
        if (entry.unranked === null) {
            scores[index] = entry.score!;
            order.push(index);
        } else unranked.push(entry);
    }
    order.sort((a, b) => sign * (scores[a] - scores[b]) || a - b);
    const ranked = order.map((index) => entries[index]);

    let groupStart = 0;
    let denseRank = 0;
    while (groupStart < ranked.length) {
        let groupEnd = groupStart;
        while (groupEnd < ranked.length && ranked[groupEnd].score === ranked[groupStart].score) groupEnd++;
        denseRank++;
        const rank = method === 'dense' ? denseRank : groupStart + 1;
        const better = groupStart > 0 ? ranked[groupStart - 1] : undefined;
        for (let i = groupStart; i < groupEnd; i++) {
            const entry = ranked[i];
            entry.rank = rank;
            entry.tied = groupEnd - groupStart > 1;
            if (better) {
                entry.gapToNext = Math.abs(better.score! - entry.score!);
                entry.valueGapToNext =
                    by === 'value'
                        ? entry.gapToNext
                        : Math.abs(better.percentOfTarget! * entry.target! - (entry.value as number));
            }
        }
        groupStart = groupEnd;
    }
    for (const entry of unranked) ranked.push(entry);
    return ranked;
}

export type MovementKind = 'up' | 'down' | 'same' | 'new';

export interface Movement {
    kind: MovementKind;
    /** Places gained (up) or lost (down); 0 for same and new. */
    places: number;
}

/**
 * Movement of each ranked entry since the previous ranking: up or down by how many places, the same, or new when it
 * was not ranked then (absent, or unranked). Entries unranked now have no movement (absent from the map).
 */
export function rankMovement(current: readonly RankedEntry[], previous: readonly RankedEntry[]): Map<string, Movement> {
    const before = new Map(previous.map((entry) => [entry.key, entry.rank]));
    const movements = new Map<string, Movement>();
    for (const entry of current) {
        if (entry.rank === null) continue;
        const then = before.get(entry.key);
        if (then === undefined || then === null) {
            movements.set(entry.key, { kind: 'new', places: 0 });
            continue;
        }
        const places = then - entry.rank;
        movements.set(entry.key, { kind: places > 0 ? 'up' : places < 0 ? 'down' : 'same', places: Math.abs(places) });
    }
    return movements;
}

export interface PeriodProgress {
    /** Days of the period gone by, today included. */
    elapsedDays: number;
    /** Days of the whole period. */
    totalDays: number;
}

export interface TargetProgress {
    percentOfTarget: number | null;
    /** The value projected to the end of the period at the rate so far (additive KPIs only). */
    pace: number | null;
    paceOfTarget: number | null;
    /** What is still missing to meet the target (0 once met); null without a target. */
    gapToTarget: number | null;
    met: boolean;
}

/**
 * Where a value stands against its target. Pace projects linearly, value × total ÷ elapsed days, and only for
 * additive KPIs (counts and sums): a rate or an average does not grow with time.
 */
export function targetProgress(
    value: number | null,
    target: number | null,
    period: PeriodProgress | null,
    options: { higherIsBetter?: boolean; additive: boolean },
): TargetProgress {
    const percentOfTarget = percentOf(value, target);
    let pace: number | null = null;
    if (options.additive && isNumber(value) && period && period.elapsedDays > 0 && period.totalDays > 0) {
        pace = (value * period.totalDays) / Math.min(period.elapsedDays, period.totalDays);
    }
    const hasTarget = isNumber(target) && target > 0;
    let gapToTarget: number | null = null;
    if (hasTarget && isNumber(value)) {
        gapToTarget = Math.max(0, options.higherIsBetter === false ? value - target : target - value);
    }
    return {
        percentOfTarget,
        pace,
        paceOfTarget: percentOf(pace, target),
        gapToTarget,
        met: gapToTarget === 0,
    };
}

export interface ViewerSlice {
    /** The first `limit` keys, in the order given. */
    top: string[];
    /** The viewer and their neighbours when the viewer is outside the top; empty otherwise. */
    pinned: string[];
}

/**
 * The rows a board shows: the top `limit`, and, when the viewer is below them, the viewer with `neighbours` rows
 * above and below so they always see themselves in context.
 */
export function viewerSlice(
    orderedKeys: readonly string[],
    viewerKey: string | null | undefined,
    limit: number,
    neighbours = 1,
): ViewerSlice {
    const size = Math.max(0, Math.floor(limit));
    const top = orderedKeys.slice(0, size);
    const at = viewerKey ? orderedKeys.indexOf(viewerKey) : -1;
    if (at < size) return { top, pinned: [] };
    const from = Math.max(size, at - neighbours);
    return { top, pinned: orderedKeys.slice(from, at + neighbours + 1) };
}
