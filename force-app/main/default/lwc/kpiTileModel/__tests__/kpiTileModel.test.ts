import { LABELS } from '../../kpiConfig/__tests__/kpiLabels';
import { findKpi } from 'c/kpiCatalog';
import type { KpiResult } from 'c/kpiResults';
import {
    buildTileView,
    drillDownReference,
    formatAsOfTime,
    formatShort,
    targetAttainment,
    targetStatus,
} from 'c/kpiTileModel';
import type { TileContext } from 'c/kpiTileModel';
import { tileInput } from '../../../../../test/jest/kpiFixtures';
import { FIXTURE_NOW, plain } from '../../../../../test/jest/kpiTestUtils';

// ICU puts no-break and thin spaces around dashes and units; compare with plain spaces.

const context: TileContext = {
    locale: 'en-US',
    currency: 'USD',
    timeZone: 'America/Los_Angeles',
    now: FIXTURE_NOW,
};

const window = { start: '2024-04-01', end: '2024-05-21', toDate: true };
/** The first 50 days of the previous quarter: what the 50 days of this one so far are compared with. */
const sameDays = { start: '2024-01-01', end: '2024-02-20', toDate: true };

function result(kpi: string, overrides: Partial<KpiResult> = {}): KpiResult {
    return {
        key: kpi,
        kpi,
        status: 'ok',
        value: 100,
        comparisonValue: null,
        sampleSize: 10,
        comparisonSampleSize: null,
        lowSample: false,
        target: null,
        sparkline: [],
        notes: [],
        window,
        ...overrides,
    };
}

describe('kpiTileModel: states', () => {
    it('is loading until a result arrives, and says which KPI loads', () => {
        const view = buildTileView(tileInput('closedWonRevenue'), context);
        expect(view).toMatchObject({
            state: 'loading',
            isLoading: true,
            title: LABELS.kpiClosedWonRevenue,
            loadingText: `Loading ${LABELS.kpiClosedWonRevenue}`,
            periodText: 'This fiscal quarter',
            scopeText: 'My records',
            dateRange: '',
            asOfText: '',
            drillLabel: `${LABELS.kpiClosedWonRevenue}: view records`,
            periodLine: 'This fiscal quarter · My records',
        });
        expect(view.help).not.toBe('');
        expect(buildTileView(tileInput('', { key: '' }), context).state).toBe('loading');
    });

    it('shows configuration problems instead of a number, and for an unknown KPI its typed id', () => {
        const view = buildTileView(tileInput('wins', { problems: ['KPIs: "wins" is not a KPI.'] }), context);
        expect(view).toMatchObject({ state: 'config', isConfig: true, title: 'wins', drillDown: null });
        expect(view.configMessages).toEqual([{ key: 'config-0', text: 'KPIs: "wins" is not a KPI.' }]);
    });

    it('names planner problems of a result with App Builder labels', () => {
        const rejected = result('winRate', {
            status: 'error',
            value: null,
            error: {
                kind: 'config',
                messages: ['sparkline: …'],
                problems: [{ code: 'sparklineTooLong', property: 'sparkline', value: '12' }],
            },
        });
        const view = buildTileView(tileInput('winRate', { result: rejected }), context);
        expect(view.state).toBe('config');
        expect(view.configMessages[0].text).toContain('Trend periods: 12 periods');
        const budget = result('winRate', { error: { kind: 'config', messages: ['Too many requests'] } });
        expect(buildTileView(tileInput('winRate', { result: budget }), context).configMessages[0].text).toBe(
            'Too many requests',
        );
    });

    it.each([
        ['noAccess', LABELS.kpiErrorNoAccess],
        ['notSupported', LABELS.kpiErrorNotSupported],
        ['network', LABELS.kpiErrorNetwork],
    ] as const)('summarises a %s error in one friendly line, details behind it', (kind, summary) => {
        const failed = result('emailsSent', {
            status: 'error',
            value: null,
            error: { kind, messages: ['Field Task is undefined'] },
        });
        const view = buildTileView(tileInput('emailsSent', { result: failed }), context);
        expect(view).toMatchObject({ state: 'error', isError: true, errorMessages: ['Field Task is undefined'] });
        expect(view.errorSummary).toBe(summary);
    });

    it('leads with the server message for other errors', () => {
        const failed = result('winRate', { error: { kind: 'incomplete', messages: ['Only part came back.'] } });
        expect(buildTileView(tileInput('winRate', { result: failed }), context).errorSummary).toBe(
            'Only part came back.',
        );
    });

    it('says so when there are no records, and when coverage has no target', () => {
        const empty = buildTileView(
            tileInput('winRate', { result: result('winRate', { value: null, status: 'empty', sampleSize: 0 }) }),
            context,
        );
        expect(empty).toMatchObject({ state: 'empty', isEmpty: true, emptyText: 'No records in this period.' });
        expect(empty.sample?.text).toBe('Based on 0 records');
        const noQuota = buildTileView(
            tileInput('pipelineCoverage', { result: result('pipelineCoverage', { value: null, target: null }) }),
            context,
        );
        expect(noQuota.emptyText).toContain('revenue target');
    });

    it('says the coverage target is met when won revenue covers it', () => {
        const met = result('pipelineCoverage', { value: null, status: 'targetMet', target: 120000 });
        const view = buildTileView(tileInput('pipelineCoverage', { result: met }), context);
        expect(view).toMatchObject({ state: 'value', valueText: 'Target met' });
        expect(view.detailText).toBe('Won revenue already covers the target of $120K.');
    });

    it('turns a failure to format into the tile error instead of throwing', () => {
        const view = buildTileView(
            tileInput('closedWonRevenue', { currency: 'not a currency', result: result('closedWonRevenue') }),
            context,
        );
        expect(view).toMatchObject({ state: 'error', isError: true, title: 'closedWonRevenue' });
        expect(view.errorMessages[0]).toMatch(/currency/i);
    });
});

describe('kpiTileModel: the number', () => {
    it('formats by unit, locale and currency, compact with the full value for screen readers', () => {
        const view = buildTileView(
            tileInput('closedWonRevenue', { result: result('closedWonRevenue', { value: 1234567 }) }),
            context,
        );
        expect(view).toMatchObject({ state: 'value', hasValue: true, valueText: '$1.2M', valueFull: '$1,234,567.00' });
        expect(plain(view.dateRange)).toBe('Apr 1 – May 20, 2024');
        expect(view.sample).toBeNull();
        const euro = buildTileView(
            tileInput('closedWonRevenue', { currency: 'EUR', result: result('closedWonRevenue', { value: 1500 }) }),
            { ...context, locale: 'de-DE' },
        );
        expect(plain(euro.valueText)).toBe('1500 €');
        expect(formatShort(19000, 'currency', { locale: 'en-US', currency: 'USD' })).toBe('$19K');
        expect(formatShort(62100, 'count', { locale: 'en-US' })).toBe('62.1K');
        expect(formatShort(0.25, 'percent', { locale: 'en-US' })).toBe('25%');
        expect(formatShort(null, 'currency', { locale: 'en-US', currency: 'USD' })).toBe('');
    });

    it('shows the change with an arrow, the words for direction and tone, and the previous value', () => {
        const up = buildTileView(
            tileInput('closedWonRevenue', {
                result: result('closedWonRevenue', { value: 120, comparisonValue: 100, comparisonWindow: sameDays }),
            }),
            context,
        );
        // The change names the days it is compared with, and that they are as many days as this period has had.
        const vs = 'vs Jan 1 – Feb 19, 2024, same days of the previous period';
        const change = up.change!;
        expect({
            ...change,
            comparisonText: plain(change.comparisonText),
            visibleText: plain(change.visibleText),
            assistiveText: plain(change.assistiveText),
        }).toEqual({
            arrow: '▲',
            directionText: 'Up',
            text: '+20%',
            comparisonText: vs,
            previousText: '(was $100)',
            toneText: 'Better',
            visibleText: `+20% ${vs} (was $100) · Better`,
            assistiveText: `Up +20% ${vs} (was $100). Better.`,
            className: 'kpi-tile__change kpi-tile__change_good',
        });
        const whole = buildTileView(
            tileInput('closedWonRevenue', {
                result: result('closedWonRevenue', {
                    value: 120,
                    comparisonValue: 100,
                    comparisonWindow: { start: '2023-10-01', end: '2024-01-01', toDate: false },
                }),
            }),
            context,
        );
        expect(plain(whole.change!.comparisonText)).toBe('vs Oct 1 – Dec 31, 2023, the previous period');
        const slower = buildTileView(
            tileInput('averageSalesCycle', {
                comparison: 'samePeriodLastYear',
                result: result('averageSalesCycle', {
                    value: 40,
                    comparisonValue: 30,
                    comparisonWindow: { start: '2023-04-01', end: '2023-05-21', toDate: true },
                }),
            }),
            context,
        );
        expect(plain(slower.change!.comparisonText)).toBe('vs Apr 1 – May 20, 2023, same days last year');
        expect(slower.change).toMatchObject({
            arrow: '▲',
            text: '+10 days',
            toneText: 'Worse',
            className: 'kpi-tile__change kpi-tile__change_bad',
        });
        const flat = buildTileView(
            tileInput('winRate', {
                result: result('winRate', { value: 0.25, comparisonValue: 0.25, comparisonWindow: window }),
            }),
            context,
        );
        expect(flat.change).toMatchObject({ arrow: '▬', directionText: 'No change', toneText: 'No change' });
    });

    it('says when the comparison period has no value, and shows nothing for snapshots', () => {
        const missing = buildTileView(
            tileInput('averageDealSize', { result: result('averageDealSize', { comparisonWindow: window }) }),
            context,
        );
        expect(missing.change).toBeNull();
        expect(missing.noComparisonText).toBe('No value to compare with.');
        const snapshot = buildTileView(
            tileInput('pipelineValue', {
                result: result('pipelineValue', { notes: ['comparisonNotSupported'] }),
            }),
            context,
        );
        expect(snapshot.noComparisonText).toBe('');
        expect(snapshot.notes[0].text).toContain('snapshot');
    });

    it('states the sample of rates and averages, and flags one too small to trust', () => {
        const rate = buildTileView(
            tileInput('winRate', { result: result('winRate', { value: 0.5, sampleSize: 1234, lowSample: false }) }),
            context,
        );
        expect(rate.sample).toEqual({
            text: 'Based on 1,234 records',
            low: false,
            lowText: 'Too few records to trust',
        });
        const small = buildTileView(
            tileInput('winRate', { result: result('winRate', { value: 0.5, sampleSize: 4, lowSample: true }) }),
            context,
        );
        expect(small.sample?.low).toBe(true);
        expect(
            buildTileView(tileInput('averageDealSize', { result: result('averageDealSize') }), context).sample,
        ).not.toBeNull();
        expect(
            buildTileView(tileInput('averageContractValue', { result: result('averageContractValue') }), context)
                .sample,
        ).not.toBeNull();
    });

    it('reminds managers that team and all scopes count only what they can see', () => {
        expect(buildTileView(tileInput('winRate', { scope: 'team' }), context).scopeNote).toBe(
            'Counts only records you can see.',
        );
        expect(buildTileView(tileInput('winRate', { scope: 'all' }), context).scopeText).toBe('All records I can see');
        expect(buildTileView(tileInput('winRate', { scope: 'mine' }), context).scopeNote).toBe('');
        expect(
            buildTileView(tileInput('winRate', { period: { kind: 'rollingDays', days: 30 } }), context).periodText,
        ).toBe('Last 30 days');
    });

    it('describes the trend in words, oldest first, with periods lacking a value', () => {
        const view = buildTileView(
            tileInput('opportunitiesWon', {
                result: result('opportunitiesWon', {
                    sparkline: [
                        { start: '2024-01-01', end: '2024-04-01', value: 3, sampleSize: 3 },
                        { start: '2024-04-01', end: '2024-05-21', value: null, sampleSize: 0 },
                    ],
                }),
            }),
            context,
        );
        expect(view.trend?.points).toEqual([
            { key: 'p0', value: 3 },
            { key: 'p1', value: null },
        ]);
        expect(plain(view.trend?.summary)).toBe(
            'Trend, oldest first: Jan 1 – Mar 31, 2024: 3; Apr 1 – May 20, 2024: no value.',
        );
        const single = result('opportunitiesWon', {
            sparkline: [{ start: '2024-04-01', end: '2024-05-21', value: 1, sampleSize: 1 }],
        });
        expect(buildTileView(tileInput('opportunitiesWon', { result: single }), context).trend).toBeNull();
    });

    it('shows ignored settings and the time the numbers arrived', () => {
        const view = buildTileView(
            tileInput('winRate', {
                warnings: ['Rolling days: ignored'],
                asOf: Date.parse('2024-05-20T15:30:00Z'),
                result: result('winRate'),
            }),
            context,
        );
        expect(view.warnings).toEqual([{ key: 'warning-0', text: 'Rolling days: ignored' }]);
        expect(view.asOfText).toBe('As of 8:30 AM');
    });
});

describe('kpiTileModel: target', () => {
    it.each([
        // KPI, value, target, expected status, progress text
        ['closedWonRevenue', 250000, 250000, 'green', '100% of target'],
        ['closedWonRevenue', 210000, 250000, 'amber', '84% of target'],
        ['closedWonRevenue', 100000, 250000, 'red', '40% of target'],
        ['averageSalesCycle', 30, 45, 'green', '150% of target'],
        ['averageSalesCycle', 50, 45, 'amber', '90% of target'],
        ['averageSalesCycle', 90, 45, 'red', '50% of target'],
        // Nothing against a lower-is-better target is beyond it (issue 11: it read "∞ of target").
        ['averageSalesCycle', 0, 45, 'green', 'Well ahead of target'],
    ] as const)('%s at %d against %d is %s', (kpi, value, target, status, progressText) => {
        const view = buildTileView(tileInput(kpi, { target, result: result(kpi, { value }) }), context);
        expect(view.target).toMatchObject({
            status,
            progressText,
            className: `kpi-tile__target kpi-tile__target_${status}`,
        });
        expect(view.target!.percent).toBeLessThanOrEqual(100);
        expect(view.target!.barStyle).toBe(`width: ${view.target!.percent}%`);
    });

    it('shows closed-won revenue against the quota it read when the tile types no target, and why it has none', () => {
        const quota = buildTileView(
            tileInput('closedWonRevenue', {
                target: null,
                result: result('closedWonRevenue', { value: 30000, target: 60000 }),
            }),
            context,
        );
        expect(quota.target).toMatchObject({ targetText: 'Target $60K', progressText: '50% of target' });
        expect(quota.noTargetText).toBe('');
        // A typed target wins over the quota.
        const typed = buildTileView(
            tileInput('closedWonRevenue', {
                target: 40000,
                result: result('closedWonRevenue', { value: 30000, target: 60000 }),
            }),
            context,
        );
        expect(typed.target?.targetText).toBe('Target $40K');
        const unread = buildTileView(
            tileInput('closedWonRevenue', {
                target: null,
                result: result('closedWonRevenue', {
                    value: 30000,
                    target: null,
                    targetError: { kind: 'noAccess', messages: ['Sales_Quota__c is hidden.'] },
                }),
            }),
            context,
        );
        expect(unread).toMatchObject({
            state: 'value',
            target: null,
            noTargetText: 'Target unavailable: Sales_Quota__c is hidden.',
        });
        // Another KPI never takes a target it did not read or the tile did not type.
        const other = buildTileView(
            tileInput('opportunitiesWon', {
                target: null,
                result: result('opportunitiesWon', { value: 3, target: 60000 }),
            }),
            context,
        );
        expect(other.target).toBeNull();
    });

    it('words the status and the target in the KPI unit', () => {
        const view = buildTileView(
            tileInput('winRate', { target: 0.3, result: result('winRate', { value: 0.15 }) }),
            context,
        );
        expect(view.target).toMatchObject({
            targetText: 'Target 30%',
            statusText: 'Off track',
            percent: 50,
            line: 'Off track · 50% of target · Target 30%',
        });
        const green = buildTileView(
            tileInput('winRate', { target: 0.3, amber: 10, green: 40, result: result('winRate', { value: 0.15 }) }),
            context,
        );
        expect(green.target?.statusText).toBe('On track');
        const amber = buildTileView(
            tileInput('winRate', { target: 0.3, amber: 40, green: 60, result: result('winRate', { value: 0.15 }) }),
            context,
        );
        expect(amber.target?.statusText).toBe('At risk');
    });

    it('treats a zero target as met for higher-is-better and as a limit for lower-is-better', () => {
        expect(targetAttainment(5, 0, true)).toBe(Infinity);
        expect(targetAttainment(0, 0, false)).toBe(Infinity);
        expect(targetAttainment(3, 0, false)).toBe(0);
        expect(targetStatus(Infinity, 80, 100)).toBe('green');
        expect(targetStatus(0, 80, 100)).toBe('red');
    });
});

describe('kpiTileModel: helpers', () => {
    it('leads to the KPI list view', () => {
        expect(drillDownReference(findKpi('winRate')!)).toEqual({
            type: 'standard__objectPage',
            attributes: { objectApiName: 'Opportunity', actionName: 'list' },
            state: { filterName: 'kpiOpportunitiesClosed' },
        });
    });

    it('writes the time alone today and the date before today, in the viewer zone', () => {
        const now = FIXTURE_NOW;
        expect(formatAsOfTime(Date.parse('2024-05-20T07:30:00Z'), now, 'en-US', 'America/Los_Angeles')).toBe(
            'As of 12:30 AM',
        );
        expect(formatAsOfTime(Date.parse('2024-05-20T06:30:00Z'), now, 'en-US', 'America/Los_Angeles')).toBe(
            'As of May 19, 2024, 11:30 PM',
        );
        expect(formatAsOfTime(Date.parse('2024-05-20T06:30:00Z'), now, 'de-DE', 'Europe/Berlin')).toBe('As of 08:30');
    });
});
