/**
 * Issue 11's leaderboard regressions on the engine's answer: a row without OwnerId (the rep dropped to 0), a missing
 * user row (the rep vanished silently: now named as a user the viewer cannot see), a missing comparison or secondary subquery (a column silently gone), and an error no
 * subquery owns beside complete data (ignored). Each is now a failure naming the part, or kept as an unplaced error.
 */
import { buildBoard, readBoardResponses } from 'c/kpiLeaderboardQuery';
import { answerNotices } from 'c/kpiLeaderboardModel';
import type { BoardData } from 'c/kpiLeaderboardQuery';
import {
    BOARD_DATA,
    BOARD_VIEWER,
    boardNumbers,
    boardPlan,
    essentialFailure,
} from '../../../../../test/jest/kpiFuzzBoard';

type Aggregate = Record<string, { edges: { node: { aggregate: Record<string, unknown> } }[] }>;
const plan = boardPlan();
const aliasOf = (role: string, window?: string, kpi = plan.config.kpi.id) =>
    plan.subqueries.find(
        (s) => s.role === role && (!window || s.reads.some((r) => r.kpi === kpi && r.window === window)),
    )!.alias;
const main = aliasOf('kpi', 'current');
const users = aliasOf('users');

function read(change: (aggregate: Aggregate) => void, errors?: unknown[]): BoardData {
    const copy = JSON.parse(JSON.stringify(BOARD_DATA)) as { uiapi: { aggregate: Aggregate } };
    change(copy.uiapi.aggregate);
    return readBoardResponses(plan, [{ document: plan, data: copy, errors }]);
}
const failedAliases = (data: BoardData) => data.failures.map((f) => f.subquery.alias);
const messages = (data: BoardData) =>
    data.failures.flatMap((f) => f.errors.map((e) => (e as { message: string }).message));

describe('boardData: issue 11 regressions', () => {
    it('fails the board, naming the part, for a ranked row without OwnerId', () => {
        const data = read((a) => delete a[main].edges[0].node.aggregate.OwnerId);
        expect(failedAliases(data)).toEqual([main]);
        expect(messages(data)).toEqual(['c.kpiResultMalformed']);
        expect(essentialFailure(plan, data)).toBe(true);
    });

    it('keeps the board for a rep with records but no user row (a user the viewer cannot see), and names them', () => {
        const owner = (BOARD_DATA as unknown as { uiapi: { aggregate: Aggregate } }).uiapi.aggregate[main].edges[0].node
            .aggregate.OwnerId as { value: string };
        const data = read((a) => {
            a[users].edges = a[users].edges.filter(
                (e) => (e.node.aggregate.Id as { value: string }).value !== owner.value,
            );
        });
        expect(failedAliases(data)).toEqual([]);
        expect(essentialFailure(plan, data)).toBe(false);
        expect(data.unseenOwners).toEqual([owner.value]);
        // Not ranked and not in the total: the board's notice says so (kpiLeaderboardModel answerNotices).
        const board = buildBoard(plan, data, BOARD_VIEWER);
        expect(board.rows.map((r) => r.key)).not.toContain(owner.value);
        expect(answerNotices(plan, data, 'en-US')).toContain('c.kpiLeaderboardOwnersUnseen');
    });

    it.each([
        ['comparison', () => aliasOf('kpi', 'comparison')],
        ['secondary', () => aliasOf('kpi', 'current', 'winRate')],
    ])('names a missing %s subquery as a failure instead of dropping its column silently', (_, alias) => {
        const data = read((a) => delete a[alias()]);
        expect(failedAliases(data)).toEqual([alias()]);
        expect(essentialFailure(plan, data)).toBe(false);
        const board = buildBoard(plan, data, BOARD_VIEWER);
        const original = buildBoard(
            plan,
            read(() => {}),
            BOARD_VIEWER,
        );
        expect(boardNumbers(board).rows.map((r) => r.main)).toEqual(boardNumbers(original).rows.map((r) => r.main));
    });

    it('keeps an error no subquery owns, beside complete data, as unplaced (the numbers stand)', () => {
        const data = read(() => {}, [{ message: 'Something is off' }]);
        expect(data.failures).toEqual([]);
        expect(data.unplaced).toEqual([{ message: 'Something is off' }]);
        const original = boardNumbers(
            buildBoard(
                plan,
                read(() => {}),
                BOARD_VIEWER,
            ),
        );
        expect(boardNumbers(buildBoard(plan, data, BOARD_VIEWER))).toEqual(original);
        // And the viewer is told: the server's words, beside the numbers that came back whole.
        expect(answerNotices(plan, data, 'en-US')).toContain('c.kpiResultUnplaced');
    });
});
