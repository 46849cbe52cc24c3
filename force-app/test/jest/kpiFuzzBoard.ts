/**
 * The leaderboard answer the fuzz properties mutate (issue 11): the engine's answer of
 * kpiLeaderboard/__tests__/data/engineBoard.json, with the plan it answers, and what a board shows as numbers.
 */
import { planBoard, readBoardConfig } from 'c/kpiLeaderboardQuery';
import type { Board, BoardData, BoardPlan } from 'c/kpiLeaderboardQuery';
import type { Json } from './kpiFuzz';
import engineBoard from '../../main/default/lwc/kpiLeaderboard/__tests__/data/engineBoard.json';

export const BOARD_VIEWER = '005000000000000000';
export const BOARD_NOW = new Date('2024-05-20T16:00:00Z');
export const BOARD_PROPERTIES = engineBoard.properties;
export const BOARD_DATA = engineBoard.data as Json;

export function boardPlan(): BoardPlan {
    const plan = planBoard(readBoardConfig(engineBoard.properties).config!, {
        userId: BOARD_VIEWER,
        now: BOARD_NOW,
        timeZone: 'America/Los_Angeles',
        firstDayOfWeek: 1,
    });
    if (Object.keys((engineBoard.data as { uiapi: { aggregate: object } }).uiapi.aggregate).length === 0) {
        throw new Error('engineBoard.json has no aggregates');
    }
    return plan;
}

/** The parts a board may go without (a column), and what it cannot (the ranked KPI now and the users). */
export function essentialFailure(plan: BoardPlan, data: BoardData): boolean {
    const main = plan.config.kpi.id;
    const essential = (reads: { kpi: string; window: string }[], role: string) =>
        role === 'users' || reads.some((r) => r.kpi === main && r.window === 'current');
    return (
        data.failures.some((f) => essential(f.subquery.reads, f.subquery.role)) ||
        data.missing.some((s) => essential(s.reads, s.role)) ||
        data.hiddenFields.some((h) => essential(h.reads, h.subquery.role))
    );
}

/** A part's failure the board names (a notice): a failed subquery reading that KPI in that window. */
export function namedFailure(data: BoardData, kpi: string, window: string): boolean {
    return data.failures.some((f) => f.subquery.reads.some((r) => r.kpi === kpi && r.window === window));
}

/** Each row's numbers by column, and the total. */
export function boardNumbers(board: Board) {
    const rows = board.rows.map((row) => ({
        key: row.key,
        main: [row.value, row.sampleSize, row.rank, row.target],
        comparison: [row.comparisonValue, row.previousRank, row.movement],
        secondary: row.secondary,
    }));
    return { rows, total: [board.total.value, board.total.sampleSize, board.total.target] };
}
