/**
 * Issue 11's leaderboard reader property: the engine's leaderboard answer mutated 10,000 times, read by
 * readBoardResponses and ranked by buildBoard. No throw, no NaN or ∞, and never a number from broken data: the board
 * either cannot be shown (a part it needs failed, named), or each column it still shows has the numbers of the
 * unmutated answer, and each column it dropped is a named failure.
 */
import fc from 'fast-check';
import { buildBoard, readBoardCursors, readBoardResponses } from 'c/kpiLeaderboardQuery';
import { badValues, fuzzParameters, mutatedAnswers } from '../../../../../test/jest/kpiFuzz';
import {
    BOARD_DATA,
    BOARD_VIEWER,
    boardNumbers,
    boardPlan,
    essentialFailure,
    namedFailure,
} from '../../../../../test/jest/kpiFuzzBoard';

describe('boardData: strict reading of mutated leaderboard answers', () => {
    it('never ranks on numbers from broken data (10,000 mutated answers)', () => {
        const plan = boardPlan();
        const main = plan.config.kpi.id;
        const original = buildBoard(
            plan,
            readBoardResponses(plan, [{ document: plan, data: BOARD_DATA }]),
            BOARD_VIEWER,
        );
        expect(original.rows.length).toBeGreaterThan(3);
        expect(original.hasComparison).toBe(true);
        expect(original.secondary).toEqual(['winRate']);
        const before = boardNumbers(original);
        const aliases = plan.subqueries.map((s) => s.alias);
        fc.assert(
            fc.property(mutatedAnswers(BOARD_DATA, aliases), (mutated) => {
                const responses = [{ document: plan, data: mutated.data, errors: mutated.errors }];
                const data = readBoardResponses(plan, responses);
                // The cursors the component follows between pages, read without the rest: the same as the whole read's.
                expect(readBoardCursors(plan, responses)).toEqual({ answered: data.answered, next: data.next });
                const board = buildBoard(plan, data, BOARD_VIEWER);
                expect(badValues(board)).toEqual([]);
                if (mutated.mutations.some((m) => m.valid) || !data.answered || essentialFailure(plan, data)) return;
                const after = boardNumbers(board);
                const why = () => JSON.stringify([mutated.mutations, mutated.errors]);
                if (
                    JSON.stringify([after.rows.map((r) => r.key), after.total]) !==
                    JSON.stringify([before.rows.map((r) => r.key), before.total])
                ) {
                    throw new Error(`rows or total: ${why()}`);
                }
                after.rows.forEach((row, index) => {
                    const was = before.rows[index];
                    if (JSON.stringify(row.main) !== JSON.stringify(was.main))
                        throw new Error(`main of ${row.key}: ${why()}`);
                    if (board.hasComparison && JSON.stringify(row.comparison) !== JSON.stringify(was.comparison)) {
                        throw new Error(`comparison of ${row.key}: ${why()}`);
                    }
                    for (const id of board.secondary) {
                        if (row.secondary[id] !== was.secondary[id]) throw new Error(`${id} of ${row.key}: ${why()}`);
                    }
                });
                // A measured field hidden from the viewer (left out of every row) is an answer too: the part is named.
                const hiddenPart = (kpi: string, window: string) =>
                    data.hiddenFields.some((h) => h.reads.some((r) => r.kpi === kpi && r.window === window));
                if (
                    !board.hasComparison &&
                    !namedFailure(data, main, 'comparison') &&
                    !hiddenPart(main, 'comparison')
                ) {
                    throw new Error(`comparison dropped unnamed: ${why()}`);
                }
                for (const id of original.secondary.filter((s) => !board.secondary.includes(s))) {
                    if (!namedFailure(data, id, 'current') && !hiddenPart(id, 'current'))
                        throw new Error(`${id} dropped unnamed: ${why()}`);
                }
            }),
            fuzzParameters(10_000),
        );
    });
});
