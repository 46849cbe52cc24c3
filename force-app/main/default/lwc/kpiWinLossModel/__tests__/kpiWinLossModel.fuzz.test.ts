/**
 * Issue 11's win-loss view property: the win-loss fixture's answer mutated 2,000 times, read by readWinLoss and shown
 * by winLossView. No throw, no blank cell or empty error list, no NaN or ∞, and never a number from broken data: each
 * section shows the unmutated answer's rows and chart, or its error, or the view says the answer is partial.
 */
import fc from 'fast-check';
import { DEFAULT_SETTINGS, planWinLoss, readPicklists, readWinLoss } from 'c/kpiWinLossData';
import type { WinLossPlan } from 'c/kpiWinLossData';
import { winLossView } from 'c/kpiWinLossModel';
import type { Section, WinLossView } from 'c/kpiWinLossModel';
import { badValues, fuzzParameters, mutatedAnswers } from '../../../../../test/jest/kpiFuzz';
import type { Json } from '../../../../../test/jest/kpiFuzz';
import response from '../../kpiWinLossData/__tests__/data/winLoss.json';

const plan: WinLossPlan = planWinLoss({
    settings: DEFAULT_SETTINGS,
    now: new Date('2024-05-20T16:00:00Z'),
    calendar: { timeZone: 'America/Los_Angeles', firstDayOfWeek: 1, fiscalYearStartMonth: 1 },
    userId: '005000000000000000',
});

function viewOf(data: unknown, errors?: unknown[]): WinLossView {
    const uiapi = (data as { uiapi?: unknown } | null)?.uiapi;
    return winLossView({
        answered: true,
        result: uiapi ? readWinLoss(data, plan, 3, errors) : undefined,
        errors,
        settings: DEFAULT_SETTINGS,
        problems: [],
        plan,
        picklists: readPicklists(data),
        omitted: [],
        omittedErrors: {},
        format: { locale: 'en-US', currency: 'USD' },
    });
}

/** What a section shows as numbers: its table's cells and its chart. */
const shown = (section: Section) =>
    // A row's head is a name (a label, not a number): only the cells and the chart count.
    JSON.stringify([section.table?.rows.map((row) => [row.key, row.cells]), section.chart]);

function blanks(view: WinLossView): string[] {
    const found: string[] = [];
    if (view.hasError && !view.errors?.length) found.push('errors');
    for (const section of view.sections) {
        if (section.errors && section.errors.length === 0) found.push(`${section.key}.errors`);
        // A failed section shows its error instead of its table.
        if (!section.errors && (section.key === 'rates' || section.key === 'reasons')) {
            for (const row of section.table?.rows ?? []) {
                if (!row.head || row.cells.some((cell) => !cell.text)) found.push(`${section.key}.${row.key}`);
            }
        }
    }
    return found;
}

describe('kpiWinLossModel: views of mutated answers', () => {
    it('never shows a blank, NaN, ∞ or a number from broken data (2,000 mutated answers)', () => {
        const original = viewOf(response);
        expect(original.hasError || original.isPartial).toBe(false);
        // Cells the model leaves empty by design (a rep's previous rate): a mutated answer adds none.
        const designed = new Set(blanks(original));
        const before = new Map(original.sections.map((s) => [s.key, shown(s)]));
        const aliases = plan.subqueries.map((s) => s.alias);
        fc.assert(
            fc.property(mutatedAnswers(response as Json, aliases), (mutated) => {
                const view = viewOf(mutated.data, mutated.errors);
                expect(badValues(view)).toEqual([]);
                expect(blanks(view).filter((blank) => !designed.has(blank))).toEqual([]);
                if (mutated.mutations.some((m) => m.valid) || view.hasError || view.isPartial) return;
                for (const [key, was] of before) {
                    const section = view.sections.find((s) => s.key === key);
                    if (section?.errors?.length || section?.notices.length) continue;
                    if (!section || shown(section) !== was) {
                        throw new Error(
                            `${key} changed unmarked: ${JSON.stringify([mutated.mutations, mutated.errors])}`,
                        );
                    }
                }
            }),
            fuzzParameters(2_000),
        );
    });
});
