import { LABELS as TEXT } from '../../kpiConfig/__tests__/kpiLabels';
import fc from 'fast-check';
import fs from 'fs';
import path from 'path';
import { sectionsToOmit, subqueriesOfError } from 'c/kpiWinLossData';
import type {
    FilterPicklists,
    RepRate,
    TrendSeries,
    WinLossPlan,
    WinLossResult,
    WinLossSettings,
    WinRate,
} from 'c/kpiWinLossData';
import {
    FILTER_NAMES,
    LOST_COLOR,
    RATE_COLOR,
    WON_COLOR,
    bucketLabel,
    chartSeries,
    chartSummary,
    currencyOf,
    filters,
    hiddenFilters,
    isEmpty,
    isFilterName,
    isPartial,
    omission,
    periodOptions,
    shownPlan,
    planKey,
    propertyMessages,
    rateRows,
    reasonFieldUnavailable,
    recentRows,
    remember,
    sectionErrors,
    sections,
    winLossView,
} from 'c/kpiWinLossModel';
import type { Section, ViewInput } from 'c/kpiWinLossModel';
import { plain } from '../../../../../test/jest/kpiTestUtils';

// The model's only calls into the data module: the planner's answers are inputs here, not what is tested.
jest.mock('c/kpiWinLossData', () => ({ sectionsToOmit: jest.fn(), subqueriesOfError: jest.fn() }));
const mockedOmit = sectionsToOmit as jest.MockedFunction<typeof sectionsToOmit>;
const mockedPlace = subqueriesOfError as jest.MockedFunction<typeof subqueriesOfError>;

// ICU puts no-break spaces in some formats; compare with plain spaces.

const settings: WinLossSettings = {
    period: { kind: 'thisFiscalQuarter' },
    grouping: 'month',
    measure: 'count',
    scope: 'team',
    lossReasonField: 'Loss_Reason__c',
    minSample: 10,
    fiscalYearStartMonth: 1,
    opportunityType: '',
    leadSource: '',
    ownerId: '',
    currencyCode: '',
};

// A real plan (the planner's own shape), whatever the data module keeps inside it.
const { planWinLoss } = jest.requireActual<typeof import('c/kpiWinLossData')>('c/kpiWinLossData');
const plan: WinLossPlan = planWinLoss({
    settings,
    now: new Date('2024-05-20T16:00:00Z'),
    calendar: { timeZone: 'America/Los_Angeles', firstDayOfWeek: 1, fiscalYearStartMonth: 1 },
    userId: '005000000000001AAA',
});

function rate(won: number, lost: number, wonAmount = won * 1000, lostAmount = lost * 1000, tooSmall = false): WinRate {
    const closed = won + lost;
    const amount = wonAmount + lostAmount;
    return {
        won,
        lost,
        closed,
        wonAmount,
        lostAmount,
        countRate: closed === 0 ? null : won / closed,
        amountRate: amount === 0 ? null : wonAmount / amount,
        tooSmall,
        known: true,
    };
}

const trend: TrendSeries = {
    buckets: [
        { start: '2024-04-01', month: 2024 * 12 + 3 },
        { start: '2024-05-01', month: 2024 * 12 + 4 },
    ],
    won: [2, 1],
    lost: [2, 0],
    wonAmount: [5000, 2500],
    lostAmount: [10000, 0],
    countRate: [0.5, 1],
    amountRate: [1 / 3, null],
    known: { count: true, amount: true },
};

const ana: RepRate = { ...rate(5, 5), ownerId: '005000000000011AAA', name: 'Ana Rep' };
const ben: RepRate = { ...rate(1, 2, 0, 0, true), ownerId: '005000000000012AAA', name: null };

const result: WinLossResult = {
    company: { current: rate(3, 7, 30000, 40000), previous: rate(1, 4) },
    team: { current: rate(2, 3), previous: rate(0, 1) },
    reps: [ana, ben],
    trend,
    reasons: [
        { reason: 'Price', count: 4, amount: 40000 },
        { reason: null, count: 1, amount: 500 },
    ],
    recent: [
        {
            id: '006000000000001AAA',
            name: 'Acme renewal',
            account: 'Acme',
            amount: '$40,000.00',
            closeDate: '5/10/2024',
            owner: 'Ana Rep',
            reason: 'Price',
        },
    ],
    truncated: false,
    missing: [],
    failed: {},
    unplaced: [],
    reasonFieldFailed: false,
};

const format = { locale: 'en-US', currency: 'USD' };

function input(overrides: Partial<ViewInput> = {}): ViewInput {
    return {
        answered: true,
        result,
        errors: undefined,
        settings,
        problems: [],
        plan,
        picklists: undefined,
        omitted: [],
        omittedErrors: {},
        format,
        ...overrides,
    };
}

const sectionOf = (all: Section[], key: string) => all.find((s) => s.key === key) as Section;
const cellTexts = (s: Section) => s.table?.rows.map((row) => [row.head, ...row.cells.map((c) => c.text)]);

describe('kpiWinLossModel: property messages', () => {
    const warning = 'warning' as const;
    it.each([
        [
            { property: 'grouping', value: 'week', code: 'notChoice', severity: warning, args: ['month, quarter'] },
            'Chart grouping: "week" is not one of the choices. Choose one of: month, quarter.',
        ],
        [
            { property: 'ownerId', value: 'bad', code: 'notUserId', severity: warning },
            'Owner: "bad" is not a User Id. Enter a 15- or 18-character Id, or leave it empty.',
        ],
        [
            {
                property: 'opportunityType',
                value: 'Renwal',
                code: 'notOrgValue',
                severity: warning,
                args: ['Type', 'New, Renewal'],
            },
            'Opportunity type: "Renwal" is not a Type value in this org. Choose one of: New, Renewal.',
        ],
        [
            { property: 'leadSource', value: 'Web', code: 'fieldHidden', severity: warning, args: ['LeadSource'] },
            'Lead source: "Web" is not usable because field-level security hides Opportunity LeadSource from you. ' +
                'Ask your admin for access, or leave it empty.',
        ],
        [
            { property: 'minSample', value: '-1', code: 'notWholeNumber', severity: warning, args: [0, 10000] },
            'Minimum closed deals: "-1" is not a whole number from 0 to 10000. Enter one in that range.',
        ],
    ])('names the property by its App Builder label, its value and what it accepts: %j', (problem, text) => {
        expect(propertyMessages([problem])).toEqual([{ key: problem.property, text }]);
    });

    it('names every property by the label App Builder shows for it (kpiWinLoss.js-meta.xml)', () => {
        const meta = fs.readFileSync(path.join(__dirname, '..', '..', 'kpiWinLoss', 'kpiWinLoss.js-meta.xml'), 'utf8');
        const shown = new Map(
            [...meta.matchAll(/<property name="(\w+)"[^>]* label="([^"]+)"/g)].map((m) => [m[1], m[2]]),
        );
        const properties = Object.keys(settings) as (keyof WinLossSettings)[];
        expect([...shown.keys()].sort()).toEqual([...properties].sort());
        for (const property of properties) {
            const [line] = propertyMessages([{ property, value: 'x', code: 'notText', severity: warning, args: [1] }]);
            expect(line.text).toBe(
                `${shown.get(property)}: "x" is not a single line of at most 1 characters. Shorten it.`,
            );
        }
    });
});

describe('kpiWinLossModel: filters', () => {
    it('offers the named periods, and a rolling period as it is only when chosen', () => {
        const named = periodOptions({ kind: 'lastMonth' });
        expect(named).toHaveLength(12);
        expect(named.find((o) => o.value === 'lastMonth')?.label).toBe('Last month');
        const rolling = periodOptions({ kind: 'rollingDays', days: 90 });
        expect(rolling).toHaveLength(13);
        expect(rolling[12]).toEqual({ label: 'Last 90 days', value: 'rollingDays:90' });
    });

    it('gives the filter bar five labelled filters named as the settings they switch', () => {
        const bar = filters({ ...settings, grouping: 'quarter', measure: 'amount', leadSource: 'Web' }, undefined);
        expect(bar.map((f) => [f.name, f.label, f.value, f.disabled ?? false])).toEqual([
            ['period', 'Period', 'thisFiscalQuarter', false],
            ['grouping', 'Group by', 'quarter', false],
            ['measure', 'Measure', 'amount', false],
            ['opportunityType', 'Opportunity type', '', false],
            ['leadSource', 'Lead source', 'Web', false],
        ]);
        expect(bar[1].options.map((o) => o.value)).toEqual(['month', 'quarter', 'fiscalQuarter']);
        expect(bar[2].options).toEqual([
            { label: 'Deal count', value: 'count' },
            { label: 'Amount', value: 'amount' },
        ]);
        // Until the org's values arrive, All and the chosen value.
        expect(bar[3].options).toEqual([{ label: 'All', value: '' }]);
        expect(bar[4].options).toEqual([
            { label: 'All', value: '' },
            { label: 'Web', value: 'Web' },
        ]);
        expect(FILTER_NAMES).toEqual(bar.map((f) => f.name));
    });

    const picklists: FilterPicklists = {
        opportunityType: [{ label: 'New Business (label)', value: 'New Business' }],
        leadSource: null,
    };

    it("offers the org's values once known and turns off a filter whose field is hidden, saying why", () => {
        const bar = filters(settings, picklists);
        expect(bar[3].options).toEqual([
            { label: 'All', value: '' },
            { label: 'New Business (label)', value: 'New Business' },
        ]);
        expect([bar[3].disabled, bar[4].disabled]).toEqual([false, true]);
        expect(hiddenFilters(picklists)).toEqual([
            {
                key: 'lead-source-hidden',
                id: 'lead-source-hidden',
                text: 'Lead source: this filter is off because field-level security hides the field from you.',
            },
        ]);
    });

    it.each([
        [undefined, []],
        [{ opportunityType: [], leadSource: [] }, []],
        [{ opportunityType: null, leadSource: [] }, ['type-hidden']],
        [{ opportunityType: null, leadSource: null }, ['type-hidden', 'lead-source-hidden']],
    ])('says which filters are off: %j', (known, ids) => {
        expect(hiddenFilters(known as FilterPicklists | undefined).map((line) => line.id)).toEqual(ids);
    });

    it('knows only the filter names it can override', () => {
        fc.assert(
            fc.property(fc.oneof(fc.string(), fc.constantFrom(...FILTER_NAMES), fc.integer()), (name) => {
                expect(isFilterName(name)).toBe((FILTER_NAMES as readonly unknown[]).includes(name));
            }),
        );
        expect(isFilterName('ownerId')).toBe(false);
    });
});

describe('kpiWinLossModel: rates', () => {
    it('lists the company, the team and each rep with rates, closed deals and the previous period', () => {
        const rows = rateRows(result, settings, format);
        expect(rows.map((row) => [row.key, row.head, ...row.cells.map((c) => c.text)])).toEqual([
            ['company', 'Company', '30%', '42.9%', '10', '20%'],
            ['team', 'My team', '40%', '40%', '5', '0%'],
            ['rep-005000000000011AAA', 'Ana Rep', '50%', '50%', '10', ''],
            ['rep-005000000000012AAA', '005000000000012AAA', '33.3%', '—', '3', ''],
        ]);
        expect(rows.map((row) => row.cells[2].badge)).toEqual([
            undefined,
            undefined,
            undefined,
            'Too few deals to trust',
        ]);
        expect(rows.map((row) => row.ownerId)).toEqual([undefined, undefined, ana.ownerId, ben.ownerId]);
        expect(rows[2].title).toBe('Show only Ana Rep');
        expect(rows[0].title).toBeUndefined();
    });

    it.each([
        [{ scope: 'mine' as const }, 'My deals'],
        [{ scope: 'all' as const }, 'My team'],
        [{ scope: 'mine' as const, ownerId: ana.ownerId }, 'Selected owner'],
    ])('names the team row after the scope or the chosen owner: %j', (choice, who) => {
        expect(rateRows(result, { ...settings, ...choice }, format)[1].head).toBe(who);
    });

    it('has no team row when the scope has no team', () => {
        expect(rateRows({ ...result, team: undefined }, settings, format).map((row) => row.key)).toEqual([
            'company',
            `rep-${ana.ownerId}`,
            `rep-${ben.ownerId}`,
        ]);
    });
});

describe('kpiWinLossModel: trend chart', () => {
    it.each([
        [{ start: '2024-05-01', month: 0 }, 'month', 'en-US', 'May 2024'],
        [{ start: '2024-05-01', month: 0 }, 'month', 'de-DE', 'Mai 2024'],
        [{ start: '2024-04-01', month: 0 }, 'quarter', 'en-US', 'Q2 2024'],
        [{ start: '2024-10-01', month: 0 }, 'quarter', 'en-US', 'Q4 2024'],
        [{ start: '2024-02-01', month: 0, fiscalQuarter: 1 }, 'fiscalQuarter', 'en-US', 'FQ1 (Feb 2024)'],
    ] as const)('names bucket %j by %s in %s', (bucket, grouping, locale, label) => {
        expect(bucketLabel(bucket, grouping, locale)).toBe(label);
    });

    it('draws won and lost deal bars and the win rate as a percent line', () => {
        const series = chartSeries(trend, 'count', format);
        expect(
            series.map((s) => [s.label, s.color, s.type, s.axis, [...s.data], [...(s.displayValues ?? [])]]),
        ).toEqual([
            ['Won', WON_COLOR, undefined, undefined, [2, 1], ['2', '1']],
            ['Lost', LOST_COLOR, undefined, undefined, [2, 0], ['2', '0']],
            ['Win rate (%)', RATE_COLOR, 'line', 'percent', [50, 100], ['50%', '100%']],
        ]);
    });

    it('draws amounts in the currency and the amount win rate, leaving gaps where no rate exists', () => {
        const series = chartSeries(trend, 'amount', { locale: 'en-US', currency: 'EUR' });
        expect([...series[0].data]).toEqual([5000, 2500]);
        expect(series[1].displayValues).toEqual(['€10,000.00', '€0.00']);
        expect([...series[2].data]).toEqual([33.3, null]);
        expect(series[2].displayValues).toEqual(['33.3%', '—']);
    });

    it('copies the trend arrays: Chart.js writes onto the arrays it draws', () => {
        const series = chartSeries(trend, 'count', format);
        expect(series[0].data).not.toBe(trend.won);
        expect(series[1].data).not.toBe(trend.lost);
    });

    it('sums up periods, won and lost deals and the win rate of the bars in the selected period for screen readers', () => {
        const bars = 'Won and lost deals over 2 periods: 3 won, 2 lost.';
        const quarter = { start: '2024-04-01', end: '2024-05-21' };
        expect(chartSummary(result, format, quarter)).toBe(`${bars} Win rate per period; 60% in the selected period.`);
        const month = { start: '2024-05-01', end: '2024-05-21' };
        expect(chartSummary(result, format, month)).toBe(`${bars} Win rate per period; 100% in the selected period.`);
        // No bar starts within the period (a rolling week): no rate the chart does not show.
        expect(chartSummary(result, format, { start: '2024-05-14' })).toBe(bars);
    });

    it('keeps one value per bucket in every series and rates within 0–100', () => {
        const share = fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null });
        const trendOf = fc.integer({ min: 1, max: 24 }).chain((n) =>
            fc.record({
                won: fc.array(fc.nat(1000), { minLength: n, maxLength: n }),
                lost: fc.array(fc.nat(1000), { minLength: n, maxLength: n }),
                wonAmount: fc.array(fc.nat(10 ** 7), { minLength: n, maxLength: n }),
                lostAmount: fc.array(fc.nat(10 ** 7), { minLength: n, maxLength: n }),
                countRate: fc.array(share, { minLength: n, maxLength: n }),
                amountRate: fc.array(share, { minLength: n, maxLength: n }),
            }),
        );
        fc.assert(
            fc.property(trendOf, fc.constantFrom('count' as const, 'amount' as const), (t, measure) => {
                const n = t.won.length;
                const series = chartSeries(
                    { ...t, buckets: [], known: { count: true, amount: true } },
                    measure,
                    format,
                );
                for (const s of series) {
                    expect(s.data).toHaveLength(n);
                    expect(s.displayValues).toHaveLength(n);
                }
                for (const value of series[2].data) expect(value === null || (value >= 0 && value <= 100)).toBe(true);
                expect(series[2].data.map((v) => v === null)).toEqual(
                    (measure === 'amount' ? t.amountRate : t.countRate).map((r) => r === null),
                );
            }),
        );
    });
});

describe('kpiWinLossModel: states', () => {
    const nothing: WinLossResult = {
        ...result,
        company: { current: rate(0, 0), previous: rate(0, 0) },
        trend: { ...trend, won: [0, 0], lost: [0, 0] },
    };

    it.each([
        ['no answer', undefined, false, false],
        ['deals closed', result, false, false],
        ['nothing closed', nothing, true, false],
        ['only earlier buckets closed', { ...nothing, trend }, false, false],
        // A failed part shows its error, not a claim that nothing closed.
        ['nothing read, the rates failed', { ...nothing, failed: { rates: [{ message: 'x' }] } }, false, false],
        ['nothing read, the trend failed', { ...nothing, failed: { trend: [{ message: 'x' }] } }, false, false],
        ['an unplaced error', { ...result, unplaced: [{ message: 'x' }] }, false, true],
        ['a missing subquery', { ...result, missing: ['trend1'] }, false, true],
    ])('%s: empty and partial as shown', (_what, answer, empty, partial) => {
        expect(isEmpty(answer)).toBe(empty);
        expect(isPartial(answer)).toBe(partial);
    });

    it('is loading until the wire answers, and shows no section meanwhile', () => {
        const view = winLossView(input({ answered: false, result: undefined }));
        expect([view.isLoading, view.hasError, view.isPartial, view.isEmpty, view.truncated]).toEqual([
            true,
            false,
            false,
            false,
            false,
        ]);
        expect(view.sections).toEqual([]);
        expect(view.filters).toHaveLength(5);
    });

    it('is an error when the answer has errors and nothing to read', () => {
        const errors = [{ message: 'Insufficient access rights on object' }];
        const view = winLossView(input({ result: undefined, errors }));
        expect([view.isLoading, view.hasError, view.errors]).toEqual([false, true, errors]);
    });

    it('shows unplaced errors as partial, the truncation, and the owner filter', () => {
        const unplaced = [{ message: 'who knows' }];
        const view = winLossView(
            input({
                result: { ...result, unplaced, truncated: true },
                settings: { ...settings, ownerId: ana.ownerId },
            }),
        );
        expect([view.isPartial, view.unplacedErrors, view.truncated, view.ownerFiltered]).toEqual([
            true,
            unplaced,
            true,
            true,
        ]);
        expect(winLossView(input()).unplacedErrors).toBeUndefined();
    });
});

describe('kpiWinLossModel: sections', () => {
    it('leaves out what failed instead of showing it as zero: a rate row, the chart of a failed measure', () => {
        const unknown = { ...rate(0, 0), known: false };
        const failed = { rates: [{ message: 'company failed' }], trend: [{ message: 'trend failed' }] };
        const broken: WinLossResult = {
            ...result,
            company: { current: unknown, previous: unknown },
            trend: { ...trend, known: { count: false, amount: true } },
            failed,
        };
        const rates = sectionOf(sections(input({ result: broken })), 'rates');
        expect(rates.errors).toEqual(failed.rates);
        expect(rates.table?.rows.map((row) => row.key)).toEqual([
            'team',
            'rep-005000000000011AAA',
            'rep-005000000000012AAA',
        ]);
        expect(sectionOf(sections(input({ result: broken })), 'trend').chart).toBeNull();
        // The amount bars were read: shown when the viewer picks amounts.
        const byAmount = input({ result: broken, settings: { ...input().settings, measure: 'amount' } });
        expect(sectionOf(sections(byAmount), 'trend').chart).not.toBeNull();
        // Nothing of the rates read: no table at all, only the error.
        const none = { ...broken, team: undefined, reps: [] };
        expect(sectionOf(sections(input({ result: none })), 'rates').table).toBeNull();
    });

    it('shows rates, trend, reasons and recent losses when deals closed', () => {
        const all = sections(input());
        expect(all.map((s) => [s.key, s.heading, s.table?.id ?? null, Boolean(s.chart)])).toEqual([
            ['rates', 'Win rates', 'rates', false],
            ['trend', 'Won vs lost over time', null, true],
            ['reasons', 'Why we lose', 'reasons', false],
            ['recent', 'Recent losses', 'recent', false],
        ]);
        const rates = sectionOf(all, 'rates');
        expect(rates.table?.columns.map((c) => c.label)).toEqual([
            'Who',
            'Win rate (deals)',
            'Win rate (amount)',
            'Closed deals',
            'Previous period',
        ]);
        expect(rates.table?.className).toBe(
            'slds-table slds-table_bordered slds-table_cell-buffer kpi-win-loss__rates',
        );
        expect([rates.table?.regionId, rates.table?.label]).toEqual(['rates-region', 'Win rates']);
        expect(rates.notes.map((n) => n.key)).toEqual(['previous', 'runs-as-viewer']);
        // The previous-period column is this quarter's 50 days against the first 50 of the last, and says so.
        expect(plain(rates.notes[0].text)).toBe(
            'Previous period: Jan 1 – Feb 19, 2024, same days of the previous period. The trend chart shows whole periods.',
        );
        expect(cellTexts(sectionOf(all, 'reasons'))).toEqual([
            ['Price', '4', '$40,000.00'],
            ['No reason given', '1', '$500.00'],
        ]);
        const chart = sectionOf(all, 'trend').chart;
        expect(chart?.labels).toEqual(['Apr 2024', 'May 2024']);
        expect(chart?.categoryLabel).toBe('Month');
        for (const s of all)
            expect([s.errors, s.errorId, s.errorClass]).toEqual([
                undefined,
                `${s.key}-error`,
                `kpi-win-loss__${s.key}-error`,
            ]);
    });

    it('links each recent loss to its record page', () => {
        const recent = sectionOf(sections(input()), 'recent');
        expect(recent.table?.columns.map((c) => c.label)).toEqual([
            'Opportunity',
            'Account',
            'Amount',
            'Close date',
            'Owner',
            'Loss reason',
        ]);
        expect(recent.table?.rows).toEqual(recentRows(result.recent));
        expect(recent.table?.rows[0]).toMatchObject({
            key: '006000000000001AAA',
            head: 'Acme renewal',
            href: '/lightning/r/Opportunity/006000000000001AAA/view',
            recordId: '006000000000001AAA',
        });
        expect(cellTexts(recent)?.[0]).toEqual(['Acme renewal', 'Acme', '$40,000.00', '5/10/2024', 'Ana Rep', 'Price']);
    });

    it('keeps reasons and recent losses, without rates or trend, when nothing closed', () => {
        const nothing = { ...result, company: { current: rate(0, 0), previous: rate(0, 0) }, recent: [] };
        const all = sections(input({ result: { ...nothing, trend: { ...trend, won: [0, 0], lost: [0, 0] } } }));
        expect(all.map((s) => s.key)).toEqual(['reasons', 'recent']);
        const recent = sectionOf(all, 'recent');
        expect([recent.table, recent.notes.map((n) => [n.id, n.text])]).toEqual([
            null,
            [['no-recent', 'No lost opportunities in this period.']],
        ]);
    });

    it('groups the chart by the plan the answer was asked with, names the axis by the chosen grouping', () => {
        const fiscal = { ...trend, buckets: [{ start: '2024-02-01', month: 0, fiscalQuarter: 1 }] };
        const chart = sectionOf(
            sections(
                input({
                    result: { ...result, trend: fiscal },
                    plan: { ...plan, grouping: 'fiscalQuarter' },
                    settings: { ...settings, grouping: 'quarter' },
                }),
            ),
            'trend',
        ).chart;
        expect([chart?.labels, chart?.categoryLabel]).toEqual([['FQ1 (Feb 2024)'], 'Quarter']);
    });

    it('formats sums in the currency the property names and says which', () => {
        const euros = { ...settings, currencyCode: 'EUR', measure: 'amount' as const };
        expect(currencyOf(euros, format)).toEqual({ locale: 'en-US', currency: 'EUR' });
        expect(currencyOf(settings, format)).toEqual(format);
        const all = sections(input({ settings: euros }));
        expect(
            sectionOf(all, 'rates')
                .notes.slice(1)
                .map((n) => [n.key, n.text, n.className]),
        ).toEqual([
            ['runs-as-viewer', TEXT.kpiWinLossRunsAsViewer, 'slds-text-color_weak slds-text-body_small'],
            ['currency', 'Amounts in EUR.', 'slds-text-color_weak slds-text-body_small kpi-win-loss__currency'],
        ]);
        expect(cellTexts(sectionOf(all, 'reasons'))?.[0]).toEqual(['Price', '4', '€40,000.00']);
        expect(sectionOf(all, 'trend').chart?.series[1].displayValues?.[0]).toBe('€10,000.00');
    });

    it('puts each failed section in its place, in place of its table where it has nothing else', () => {
        const failed = {
            rates: [{ message: 'r' }],
            trend: [{ message: 't' }],
            reasons: [{ message: 'w' }],
            recent: [{ message: 'l' }],
        };
        const all = sections(input({ result: { ...result, failed } }));
        expect(all.map((s) => [s.key, s.errors, Boolean(s.table), Boolean(s.chart)])).toEqual([
            ['rates', failed.rates, true, false],
            ['trend', failed.trend, false, true],
            ['reasons', failed.reasons, false, false],
            ['recent', failed.recent, false, false],
        ]);
    });

    it('explains how to add a loss-reason field when the plan has none', () => {
        const reasons = sectionOf(sections(input({ plan: { ...plan, reasonField: '' } })), 'reasons');
        expect(reasons.table).toBeNull();
        expect(reasons.notices).toEqual([]);
        expect(reasons.notes).toEqual([
            {
                key: 'no-reason-field',
                id: 'no-reason-field',
                text: TEXT.kpiWinLossNoReasonField,
                className: 'slds-box slds-theme_shade kpi-win-loss__no-reason-field',
            },
        ]);
    });

    it.each([
        [
            'the server blamed the field in the answer',
            { result: { ...result, reasonFieldFailed: true, failed: { reasons: [{ message: 'x' }] } } },
        ],
        [
            'the document went without reasons for it',
            { omitted: ['reasons' as const], omittedErrors: { reasons: [{ message: 'x' }] } },
        ],
    ])('names the unavailable loss-reason field when %s, instead of an error', (_what, overrides) => {
        const view = input(overrides);
        const text = reasonFieldUnavailable(view);
        expect(text).toContain('Loss_Reason__c');
        expect(text).toBe(TEXT.kpiWinLossReasonFieldUnavailable.replace('{0}', 'Loss_Reason__c'));
        expect(sectionErrors(view).reasons).toBeUndefined();
        const reasons = sectionOf(sections(view), 'reasons');
        expect(reasons.notices.map((n) => [n.id, n.text])).toEqual([['reason-field-unavailable', text]]);
        expect(reasons.table).toBeNull();
        expect(reasons.notes.map((n) => n.id)).toEqual(['no-reason-field']);
    });

    it('shows the errors that made an optional section go, where the answer has none of its own', () => {
        const omittedErrors = { recent: [{ message: 'orderBy refused' }] };
        const view = input({ omitted: ['recent'], omittedErrors, result: { ...result, recent: [] } });
        expect(sectionErrors(view)).toEqual({
            rates: undefined,
            trend: undefined,
            reasons: undefined,
            recent: omittedErrors.recent,
        });
        expect(sectionOf(sections(view), 'recent').notes).toEqual([]);
        // An omitted section without an error of its own is not blamed on the field.
        expect(reasonFieldUnavailable(input({ omitted: ['reasons'] }))).toBe('');
    });

    it('builds tables whose rows match their columns and whose keys are unique, for any answer', () => {
        // Names that cannot spell the words the check looks for ("NaN", "undefined").
        const name = fc.stringMatching(/^[A-Z][a-z]{0,8}( [A-Z][a-z]{0,8})?$/);
        const winRate = fc
            .record({
                won: fc.nat(500),
                lost: fc.nat(500),
                wonAmount: fc.nat(10 ** 7),
                lostAmount: fc.nat(10 ** 7),
                tooSmall: fc.boolean(),
            })
            .map((r) => rate(r.won, r.lost, r.wonAmount, r.lostAmount, r.tooSmall));
        const reps = fc
            .uniqueArray(fc.stringMatching(/^005[0-9A-Za-z]{15}$/), { maxLength: 8 })
            .chain((ids) =>
                fc.tuple(
                    ...ids.map((id) =>
                        fc
                            .record({ rate: winRate, name: fc.option(name, { nil: null }) })
                            .map((r) => ({ ...r.rate, ownerId: id, name: r.name })),
                    ),
                ),
            );
        const answer = fc.record({
            current: winRate,
            previous: winRate,
            team: fc.option(fc.record({ current: winRate, previous: winRate }), { nil: undefined }),
            reps,
            reasons: fc.array(
                fc.record({
                    reason: fc.option(name, { nil: null }),
                    count: fc.nat(100),
                    amount: fc.nat(10 ** 6),
                }),
                { maxLength: 6 },
            ),
            recent: fc.uniqueArray(fc.stringMatching(/^006[0-9A-Za-z]{15}$/), { maxLength: 10 }),
        });
        fc.assert(
            fc.property(answer, fc.constantFrom('mine' as const, 'team' as const, 'all' as const), (a, scope) => {
                const shaped: WinLossResult = {
                    ...result,
                    company: { current: a.current, previous: a.previous },
                    team: a.team,
                    reps: a.reps,
                    reasons: a.reasons,
                    recent: a.recent.map((id) => ({ ...result.recent[0], id })),
                };
                const view = winLossView(input({ result: shaped, settings: { ...settings, scope } }));
                for (const s of view.sections) {
                    if (!s.table) continue;
                    const keys = s.table.rows.map((row) => row.key);
                    expect(new Set(keys).size).toBe(keys.length);
                    for (const row of s.table.rows) {
                        expect(row.cells).toHaveLength(s.table.columns.length - 1);
                        for (const text of [row.head, ...row.cells.map((c) => c.text)]) {
                            expect(typeof text).toBe('string');
                            expect(text).not.toMatch(/undefined|NaN/);
                        }
                    }
                }
                const rateCount = view.sections.find((s) => s.key === 'rates')?.table?.rows.length;
                expect(rateCount).toBe(isEmpty(shaped) ? undefined : 1 + (a.team ? 1 : 0) + a.reps.length);
                expect(sectionOf(view.sections, 'reasons').table?.rows).toHaveLength(a.reasons.length);
            }),
            { numRuns: 60 },
        );
        // Slow under coverage with the other suites in parallel: more time, not fewer checks per run.
    }, 30_000);
});

describe('kpiWinLossModel: the document', () => {
    it('keys the plan by what changes the document, not by display-only choices', () => {
        const key = planKey(settings, undefined, []);
        fc.assert(
            fc.property(
                fc.constantFrom('count' as const, 'amount' as const),
                fc.nat(1000),
                fc.constantFrom('', 'EUR', 'JPY'),
                (measure, minSample, currencyCode) => {
                    expect(planKey({ ...settings, measure, minSample, currencyCode }, undefined, [])).toBe(key);
                },
            ),
        );
        expect(planKey({ ...settings, grouping: 'quarter' }, undefined, [])).not.toBe(key);
        expect(planKey(settings, '001000000000001AAA', [])).not.toBe(key);
        expect(planKey(settings, undefined, ['reasons'])).not.toBe(key);
    });

    it('reads the answer with the current plan when it asks the same document, else with the one it was asked with', () => {
        const fiscal = { ...plan, grouping: 'fiscalQuarter' as const };
        expect(shownPlan(undefined, plan)).toBe(plan);
        expect(shownPlan(plan, plan)).toBe(plan);
        expect(shownPlan(plan, fiscal)).toBe(fiscal);
        const other = { ...fiscal, variables: { ...plan.variables, d9: '2020-01-01' } };
        expect(shownPlan(plan, other)).toBe(plan);
        expect(shownPlan(plan, { ...fiscal, query: `${plan.query} ` })).toBe(plan);
    });

    describe('omission', () => {
        const reasonsError = { message: "No such column 'Loss_Reason__c'" };
        const other = { message: 'something else' };
        beforeEach(() => {
            mockedOmit.mockReset();
            mockedPlace.mockReset();
            mockedPlace.mockImplementation((error) =>
                error === reasonsError
                    ? [
                          {
                              alias: 'reasons',
                              object: 'Opportunity',
                              section: 'reasons',
                              root: 'aggregate',
                              lines: [1, 2],
                          },
                      ]
                    : [],
            );
        });

        it('shows the answer as it is when no optional section made the server refuse it', () => {
            mockedOmit.mockReturnValue(undefined);
            expect(omission(plan, { data: {}, errors: [other] }, [], {})).toBeUndefined();
            expect(mockedOmit).toHaveBeenCalledWith(plan, {}, [other]);
        });

        it('re-plans without the sections, keeping the errors tied to each, else all of them', () => {
            mockedOmit.mockReturnValue(['reasons', 'recent']);
            const errors = [reasonsError, other];
            expect(omission(plan, { errors }, [], {})).toEqual({
                omitted: ['reasons', 'recent'],
                omittedErrors: { reasons: [reasonsError], recent: errors },
            });
        });

        it('adds to what is already left out and keeps its errors', () => {
            mockedOmit.mockReturnValue(['recent']);
            const kept = { reasons: [reasonsError] };
            expect(omission(plan, { errors: [other] }, ['reasons'], kept)).toEqual({
                omitted: ['reasons', 'recent'],
                omittedErrors: { reasons: [reasonsError], recent: [other] },
            });
            expect(omission(plan, {}, ['reasons'], kept)).toEqual({
                omitted: ['reasons', 'recent'],
                omittedErrors: { reasons: [reasonsError], recent: [] },
            });
        });

        it('does not ask again for sections already left out', () => {
            mockedOmit.mockReturnValue(['reasons']);
            expect(omission(plan, { errors: [reasonsError] }, ['reasons', 'recent'], {})).toBeUndefined();
        });
    });
});

describe('kpiWinLossModel: remember', () => {
    it('keeps the memo while every input is identical, and computes afresh when one changes', () => {
        const compute = jest.fn(() => ({ built: true }));
        const object = {};
        const first = remember(undefined, [object, 1, NaN], compute);
        expect(remember(first, [object, 1, NaN], compute)).toBe(first);
        expect(compute).toHaveBeenCalledTimes(1);
        const second = remember(first, [{}, 1, NaN], compute);
        expect(second).not.toBe(first);
        expect(second.value).not.toBe(first.value);
        expect(remember(second, [object, 1], compute)).not.toBe(second);
        expect(compute).toHaveBeenCalledTimes(3);
    });

    it('computes exactly when the inputs differ from last time', () => {
        fc.assert(
            fc.property(fc.array(fc.anything()), fc.array(fc.anything()), (a, b) => {
                let calls = 0;
                const memo = remember(undefined, a, () => ++calls);
                const next = remember(memo, b, () => ++calls);
                const same = a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
                expect(next === memo).toBe(same);
                expect(calls).toBe(same ? 1 : 2);
            }),
        );
    });
});

describe('kpiWinLossModel: formats', () => {
    it('formats rates in the locale, with a dash for none', () => {
        const rows = rateRows(result, settings, { locale: 'de-DE', currency: 'EUR' });
        expect(plain(rows[0].cells[1].text)).toBe('42,9 %');
        expect(rows[3].cells[1].text).toBe('—');
    });
});
