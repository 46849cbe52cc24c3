/**
 * Issue 11's regressions, fixed examples on real answers: what each broken answer showed before (a silent $0, a
 * doubled value, "No change", a blank) and what it shows now (an error naming the part, "Comparison unavailable", a
 * warning beside whole numbers), and the genuinely empty answer that stays "no records".
 */
import kpiTileComparisonUnavailable from '@salesforce/label/c.kpiTileComparisonUnavailable';
import kpiTileTargetUnavailable from '@salesforce/label/c.kpiTileTargetUnavailable';
import { readResults } from 'c/kpiResults';
import type { KpiResult } from 'c/kpiResults';
import { buildTileView } from 'c/kpiTileModel';
import { tileInput } from '../../../../../test/jest/kpiFixtures';
import type { Json } from '../../../../../test/jest/kpiFuzz';
import { tileCases } from '../../../../../test/jest/kpiFuzzTiles';

const cases = new Map(tileCases().map((c) => [c.name, c]));
const revenue = cases.get('closedWonRevenue')!;
const winRate = cases.get('winRateTeam')!;
// The subqueries by what they read, never by alias: the value, the comparison, the trend and the quota target.
const reads = revenue.plan.requests[0].reads;
const VALUE = reads.current.value[0];
const COMPARISON = reads.comparison!.value[0];
const TREND = reads.sparkline!.value[0];
const TARGET = reads.current.target![0];
const context = {
    locale: 'en-US',
    currency: 'USD',
    timeZone: 'America/Los_Angeles',
    now: new Date('2024-05-20T16:00:00Z'),
};

type Aggregate = Record<string, { edges?: unknown; [key: string]: unknown } | null>;
/** The case's answer with `change` applied to a copy of its aggregates. */
function changed(data: Json, change: (aggregate: Aggregate) => void): unknown {
    const copy = JSON.parse(JSON.stringify(data)) as { uiapi: { aggregate: Aggregate } };
    change(copy.uiapi.aggregate);
    return copy;
}
const node = (aggregate: Aggregate, alias: string, index = 0) =>
    (aggregate[alias]!.edges as { node: { aggregate: Record<string, Record<string, unknown>> } }[])[index].node
        .aggregate;

const refused = (result: KpiResult, label: string) => {
    expect(result).toMatchObject({ status: 'error', value: null, error: { kind: 'incomplete' } });
    expect(result.error!.messages).toEqual([label]);
};

describe('kpiResults: issue 11 regressions', () => {
    it('reads the fixture: $94.9K now against a quota of $165K, nothing in the comparison window', () => {
        expect(readResults(revenue.plan, revenue.data).closedWonRevenue).toMatchObject({
            value: 94900,
            comparisonValue: 0,
            target: 165000,
        });
    });

    it('keeps edges: [] a well-formed answer of no records, and refuses edges: null', () => {
        const empty = readResults(
            revenue.plan,
            changed(revenue.data, (a) => (a[VALUE]!.edges = [])),
        ).closedWonRevenue;
        expect(empty.error).toBeUndefined();
        expect(empty.sampleSize).toBe(0);
        refused(
            readResults(
                revenue.plan,
                changed(revenue.data, (a) => (a[VALUE]!.edges = null)),
            ).closedWonRevenue,
            'c.kpiResultMalformed',
        );
        refused(
            readResults(
                revenue.plan,
                changed(revenue.data, (a) => delete a[VALUE]!.edges),
            ).closedWonRevenue,
            'c.kpiResultMalformed',
        );
    });

    it.each([
        ['node null', (a: Aggregate) => ((a[VALUE]!.edges as unknown[])[0] = { node: null }), 'c.kpiResultMalformed'],
        ['Amount.sum {}', (a: Aggregate) => (node(a, VALUE).Amount.sum = {}), 'c.kpiResultMalformed'],
        ['Amount.sum "abc"', (a: Aggregate) => (node(a, VALUE).Amount.sum = { value: 'abc' }), 'c.kpiResultNotANumber'],
        [
            'Amount.sum "94900"',
            (a: Aggregate) => (node(a, VALUE).Amount.sum = { value: '94900' }),
            'c.kpiResultNotANumber',
        ],
        ['Id.count null', (a: Aggregate) => (node(a, VALUE).Id.count = { value: null }), 'c.kpiResultNotANumber'],
        [
            'a duplicated edge',
            (a: Aggregate) => (a[VALUE]!.edges as unknown[]).push((a[VALUE]!.edges as unknown[])[0]),
            'c.kpiResultDuplicateGroup',
        ],
        [
            'a quarter 5 in the trend',
            (a: Aggregate) => (node(a, TREND).CloseDate.calendarQuarter = { value: 5 }),
            'c.kpiResultInconsistent',
        ],
    ])('refuses %s with an error naming the part, never $0 or double', (_, change, label) => {
        const result = readResults(revenue.plan, changed(revenue.data, change)).closedWonRevenue;
        refused(result, label);
        const view = buildTileView(tileInput('closedWonRevenue', { result }), context);
        expect(view.isError).toBe(true);
        expect(view.errorSummary).not.toBe('');
    });

    it.each([
        ['IsWon missing', (a: Aggregate) => delete node(a, 'q0', 1).IsWon],
        ['IsWon "true"', (a: Aggregate) => (node(a, 'q0', 1).IsWon = { value: 'true' })],
        ['IsWon null', (a: Aggregate) => (node(a, 'q0', 1).IsWon = { value: null })],
        ['count "70"', (a: Aggregate) => (node(a, 'q0', 1).Id.count = { value: '70' })],
    ])('refuses a win rate with %s instead of counting the deals as lost', (_, change) => {
        const alias = winRate.plan.requests[0].reads.current.value[0];
        expect(alias).toBe('q0');
        const result = readResults(winRate.plan, changed(winRate.data, change)).winRate;
        expect(result).toMatchObject({ status: 'error', value: null });
    });

    it('keeps the value and marks only the comparison when the comparison subquery fails or is malformed', () => {
        const failed = readResults(revenue.plan, revenue.data, [
            { message: 'Timed out', path: ['uiapi', 'aggregate', COMPARISON] },
        ]);
        expect(failed.closedWonRevenue).toMatchObject({
            value: 94900,
            comparisonValue: null,
            comparisonError: { messages: ['Timed out'] },
        });
        const malformed = readResults(
            revenue.plan,
            changed(revenue.data, (a) => (a[COMPARISON] = null)),
        ).closedWonRevenue;
        expect(malformed).toMatchObject({
            value: 94900,
            comparisonValue: null,
            comparisonError: { kind: 'incomplete' },
        });
        const view = buildTileView(tileInput('closedWonRevenue', { result: malformed }), context);
        expect(view).toMatchObject({ hasValue: true, change: null, noComparisonText: kpiTileComparisonUnavailable });
        expect(view.valueText).toBe('$94.9K');
    });

    it('keeps the value and its comparison, and says why there is no target, when the quota subquery fails', () => {
        for (const [why, result] of [
            [
                'an error on it',
                readResults(revenue.plan, revenue.data, [
                    { message: 'Timed out', path: ['uiapi', 'aggregate', TARGET] },
                ]).closedWonRevenue,
            ],
            [
                'a malformed row',
                readResults(
                    revenue.plan,
                    changed(revenue.data, (a) => ((a[TARGET]!.edges as unknown[])[0] = { node: 'abc' })),
                ).closedWonRevenue,
            ],
        ] as const) {
            expect({ why, ...result }).toMatchObject({ why, value: 94900, comparisonValue: 0, target: null });
            expect(result.targetError?.messages.length).toBeGreaterThan(0);
            const view = buildTileView(tileInput('closedWonRevenue', { target: null, result }), context);
            expect(view).toMatchObject({ hasValue: true, target: null });
            expect(view.noTargetText.startsWith(kpiTileTargetUnavailable.split('{0}')[0])).toBe(true);
        }
    });

    it('shows an error no subquery owns, sent with complete data, as a warning beside the numbers', () => {
        for (const error of [{ message: 'Something is off' }, null, 'text', {}]) {
            const result = readResults(revenue.plan, revenue.data, [error]).closedWonRevenue;
            expect(result).toMatchObject({ value: 94900, comparisonValue: 0 });
            expect(result.warnings).toHaveLength(1);
            expect(result.warnings![0]).toMatch(/\S/);
            const view = buildTileView(tileInput('closedWonRevenue', { result }), context);
            expect(view.warnings.map((w) => w.text)).toEqual(result.warnings);
        }
    });

    it.each([
        ['{data: {}}', {}, undefined],
        ['{data: {uiapi: null}}', { uiapi: null }, undefined],
        ['errors: [null]', undefined, [null]],
        ['{data: null} with errors', null, [{ message: 'Denied' }]],
    ])('says why for %s, never a blank', (_, data, errors) => {
        const result = readResults(revenue.plan, data, errors).closedWonRevenue;
        expect(result.status).toBe('error');
        expect(result.error!.messages.length).toBeGreaterThan(0);
        expect(result.error!.messages.every((m) => m.trim() !== '')).toBe(true);
        const view = buildTileView(tileInput('closedWonRevenue', { result }), context);
        expect(view.isError && view.errorSummary !== '').toBe(true);
    });
});
