/**
 * Issue 11's win-loss reader property: the win-loss fixture's answer mutated 10,000 times, read by readWinLoss. No
 * throw, no NaN or ∞, and never a number from broken data: each section has the numbers of the unmutated answer, or
 * is failed with the reason, or the answer is marked partial (a subquery left out).
 */
import fc from 'fast-check';
import { DEFAULT_SETTINGS, planWinLoss, readWinLoss } from 'c/kpiWinLossData';
import type { WinLossResult } from 'c/kpiWinLossData';
import { badValues, fuzzParameters, mutatedAnswers } from '../../../../../test/jest/kpiFuzz';
import type { Json } from '../../../../../test/jest/kpiFuzz';
import response from './data/winLoss.json';

const WIN_LOSS_PLAN = () =>
    planWinLoss({
        settings: DEFAULT_SETTINGS,
        now: new Date('2024-05-20T16:00:00Z'),
        calendar: { timeZone: 'America/Los_Angeles', firstDayOfWeek: 1, fiscalYearStartMonth: 1 },
        userId: '005000000000000000',
    });

/** Each section's numbers. */
const sectionsOf = (result: WinLossResult) => ({
    // A rep's name is a label, not a number: it may go with the row's name block.
    rates: [result.company, result.team, result.reps.map(({ name: _name, ...numbers }) => numbers)],
    trend: result.trend,
    reasons: result.reasons,
    recent: result.recent,
});

describe('kpiWinLossData: strict reading of mutated win-loss answers', () => {
    it('never shows a number from broken data (10,000 mutated answers)', () => {
        const plan = WIN_LOSS_PLAN();
        const original = readWinLoss(response, plan, 3);
        expect(original.failed).toEqual({});
        expect(original.company.current.closed).toBeGreaterThan(0);
        const before = sectionsOf(original);
        const aliases = plan.subqueries.map((s) => s.alias);
        fc.assert(
            fc.property(mutatedAnswers(response as Json, aliases), (mutated) => {
                const result = readWinLoss(mutated.data, plan, 3, mutated.errors);
                expect(badValues(result)).toEqual([]);
                if (mutated.mutations.some((m) => m.valid) || result.missing.length > 0) return;
                const after = sectionsOf(result);
                for (const section of ['rates', 'trend', 'reasons', 'recent'] as const) {
                    if (JSON.stringify(after[section]) === JSON.stringify(before[section])) continue;
                    const errors = result.failed[section];
                    if (!errors?.length && !(section === 'reasons' && result.reasonFieldFailed)) {
                        throw new Error(
                            `${section} changed unmarked: ${JSON.stringify([mutated.mutations, mutated.errors])}`,
                        );
                    }
                }
            }),
            fuzzParameters(10_000),
        );
    });
});
