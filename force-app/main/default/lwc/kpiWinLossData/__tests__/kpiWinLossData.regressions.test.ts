/**
 * Issue 11's win-loss regressions on the fixture's answer: a won row without IsWon or with IsWon "true" (counted as
 * lost: 0.0 %), a count given as the text "70" (read as 0), a duplicated row; each now fails the rates section with
 * the reader's sentence. An answer without its subqueries stays partial, `errors: [null]` an unplaced error.
 */
import { DEFAULT_SETTINGS, planWinLoss, readWinLoss } from 'c/kpiWinLossData';
import response from './data/winLoss.json';

const plan = planWinLoss({
    settings: DEFAULT_SETTINGS,
    now: new Date('2024-05-20T16:00:00Z'),
    calendar: { timeZone: 'America/Los_Angeles', firstDayOfWeek: 1, fiscalYearStartMonth: 1 },
    userId: '005000000000000000',
});
type Aggregate = Record<string, { edges: { node: { aggregate: Record<string, unknown> } }[] }>;
function changed(change: (aggregate: Aggregate) => void): unknown {
    const copy = JSON.parse(JSON.stringify(response)) as { uiapi: { aggregate: Aggregate } };
    change(copy.uiapi.aggregate);
    return copy;
}
const won = (a: Aggregate) =>
    a.q0.edges.find((e) => (e.node.aggregate.IsWon as { value: unknown }).value === true)!.node.aggregate;

describe('kpiWinLossData: issue 11 regressions', () => {
    it('reads the fixture with every section whole', () => {
        expect(readWinLoss(response, plan, 3)).toMatchObject({ failed: {}, missing: [], unplaced: [] });
    });

    it.each([
        ['IsWon missing', (a: Aggregate) => delete won(a).IsWon],
        ['IsWon "true"', (a: Aggregate) => (won(a).IsWon = { value: 'true' })],
        ['count "70"', (a: Aggregate) => (won(a).Id = { count: { value: '70' } })],
        ['a duplicated row', (a: Aggregate) => a.q0.edges.push(a.q0.edges[0])],
    ])('fails the rates with the reason for %s instead of counting won deals as lost', (_, change) => {
        const result = readWinLoss(changed(change), plan, 3);
        expect(result.failed.rates).toEqual([{ message: expect.stringMatching(/^c\.kpiResult/) }]);
    });

    it('keeps an answer without its subqueries partial and errors: [null] unplaced', () => {
        expect(readWinLoss({ uiapi: {} }, plan, 3).missing.length).toBe(plan.subqueries.length);
        expect(readWinLoss(response, plan, 3, [null]).unplaced).toEqual([null]);
    });
});
