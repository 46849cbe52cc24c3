/**
 * Issue 11's leaderboard view property: the engine's leaderboard answer mutated 2,000 times, taken in by
 * receiveAnswer, read by readBoard and shown by leaderboardView. No throw, no blank cell or error, no NaN or ∞, and
 * never a number from broken data: the board shows its error, or every column it still shows has the unmutated
 * answer's cells, and a column it dropped comes with a notice.
 */
import fc from 'fast-check';
import {
    INITIAL_SORT,
    errorText,
    leaderboardView,
    planBoardState,
    readBoard,
    receiveAnswer,
} from 'c/kpiLeaderboardModel';
import type { LeaderboardView, ViewerContext } from 'c/kpiLeaderboardModel';
import { badValues, fuzzParameters, mutatedAnswers } from '../../../../../test/jest/kpiFuzz';
import { BOARD_DATA, BOARD_NOW, BOARD_PROPERTIES, BOARD_VIEWER } from '../../../../../test/jest/kpiFuzzBoard';

const CONTEXT: ViewerContext = {
    userId: BOARD_VIEWER,
    locale: 'en-US',
    currency: 'USD',
    timeZone: 'America/Los_Angeles',
    firstDayOfWeek: 1,
};
const state = planBoardState({ properties: BOARD_PROPERTIES, choices: {}, retry: null, now: BOARD_NOW }, CONTEXT);

function viewOf(data: unknown, errors?: unknown[]): LeaderboardView {
    const progress = receiveAnswer(state, { load: null, retry: null }, { data, errors });
    const answer = readBoard(state, progress?.load ?? null, BOARD_VIEWER);
    return leaderboardView({
        state,
        answer,
        retry: progress?.retry ?? null,
        sort: INITIAL_SORT,
        expanded: true,
        context: CONTEXT,
    });
}

/** Each column's cell texts, by column key, over the rows in order. */
function columns(view: LeaderboardView): Map<string, string[]> {
    const byColumn = new Map<string, string[]>();
    for (const row of view.rows.filter((r) => !r.isSeparator)) {
        byColumn.set('row', [...(byColumn.get('row') ?? []), row.key]);
        for (const cell of row.cells ?? []) byColumn.set(cell.key, [...(byColumn.get(cell.key) ?? []), cell.text]);
    }
    for (const cell of view.totalCells) byColumn.set(`total:${cell.key}`, [cell.text]);
    return byColumn;
}

function blanks(view: LeaderboardView): string[] {
    const found: string[] = [];
    if (view.isError && (!view.fatalErrors?.length || !errorText(view.fatalErrors))) found.push('fatalErrors');
    for (const row of view.rows.filter((r) => !r.isSeparator)) {
        for (const cell of row.cells ?? []) if (!cell.text) found.push(`${row.key}.${cell.key}`);
    }
    for (const notice of view.notices) if (!notice.text) found.push(notice.key);
    return found;
}

describe('kpiLeaderboardModel: views of mutated answers', () => {
    it('never shows a blank, NaN, ∞ or a number from broken data (2,000 mutated answers)', () => {
        const original = viewOf(BOARD_DATA);
        expect(original.hasRows).toBe(true);
        const designed = new Set(blanks(original));
        const before = columns(original);
        const aliases = state.plan!.subqueries.map((s) => s.alias);
        fc.assert(
            fc.property(mutatedAnswers(BOARD_DATA, aliases), (mutated) => {
                const view = viewOf(mutated.data, mutated.errors);
                expect(badValues(view)).toEqual([]);
                expect(blanks(view).filter((blank) => !designed.has(blank))).toEqual([]);
                if (mutated.mutations.some((m) => m.valid) || !view.hasRows) return;
                const after = columns(view);
                const why = JSON.stringify([mutated.mutations, mutated.errors]);
                for (const [key, texts] of after) {
                    if (before.has(key) && JSON.stringify(before.get(key)) !== JSON.stringify(texts)) {
                        throw new Error(`column ${key} changed: ${why}`);
                    }
                }
                const dropped = [...before.keys()].filter((key) => !after.has(key));
                if (dropped.length > 0 && view.notices.length <= original.notices.length) {
                    throw new Error(`columns ${dropped.join(', ')} dropped without a notice: ${why}`);
                }
            }),
            fuzzParameters(2_000),
        );
    });
});
