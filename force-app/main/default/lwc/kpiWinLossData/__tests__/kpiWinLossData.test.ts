import {
    DEFAULT_SETTINGS,
    MAX_SUBQUERIES,
    blamesField,
    planWinLoss,
    rateOf,
    readPicklists,
    readSettings,
    readWinLoss,
    sectionsToOmit,
    subqueriesOfError,
    trendBuckets,
    winLossQuery,
} from 'c/kpiWinLossData';
import type { OptionalSection, WinLossSettings } from 'c/kpiWinLossData';
import response from './data/winLoss.json';

const now = new Date('2024-05-20T16:00:00Z');
const calendar = { timeZone: 'America/New_York', firstDayOfWeek: 1, fiscalYearStartMonth: 1 };
const userId = '005000000000001AAA';

function plan(overrides: Partial<WinLossSettings> = {}, extra: { accountId?: string; omit?: OptionalSection[] } = {}) {
    return planWinLoss({ settings: { ...DEFAULT_SETTINGS, ...overrides }, now, calendar, userId, ...extra });
}

describe('readSettings', () => {
    it.each([
        ['period', 'nextCentury', 'period'],
        ['period', 'rollingDays:0', 'period'],
        ['grouping', 'week', 'grouping'],
        ['measure', 'pipeline', 'measure'],
        ['scope', 'everyone', 'scope'],
        ['minSample', -1, 'minSample'],
        ['minSample', '2.5', 'minSample'],
        ['fiscalYearStartMonth', 13, 'fiscalYearStartMonth'],
        ['lossReasonField', 'Loss Reason', 'lossReasonField'],
        ['ownerId', 'not-an-id', 'ownerId'],
        ['opportunityType', 'a\nb', 'opportunityType'],
        ['currencyCode', 'EURO', 'currencyCode'],
        ['currencyCode', '€', 'currencyCode'],
    ])('reports %s = %p by name and keeps the default', (property, value, named) => {
        const { settings, problems } = readSettings({ [property]: value });
        expect(problems).toEqual([expect.objectContaining({ property: named, value: String(value) })]);
        expect(settings[property as keyof WinLossSettings]).toEqual(
            DEFAULT_SETTINGS[property as keyof WinLossSettings],
        );
    });

    it.each([
        [{ period: 'rollingDays:90' }, { period: { kind: 'rollingDays', days: 90 } }],
        [{ grouping: ' fiscalQuarter ' }, { grouping: 'fiscalQuarter' }],
        [
            { minSample: '25', fiscalYearStartMonth: 4 },
            { minSample: 25, fiscalYearStartMonth: 4 },
        ],
        [{ lossReasonField: '' }, { lossReasonField: '' }],
        [
            { ownerId: '005000000000002', leadSource: 'Web' },
            { ownerId: '005000000000002', leadSource: 'Web' },
        ],
        [{ scope: undefined, measure: null }, {}],
        [{ currencyCode: ' eur ' }, { currencyCode: 'EUR' }],
        [{ currencyCode: '' }, {}],
    ])('reads %p', (props, expected) => {
        const { settings, problems } = readSettings(props);
        expect(problems).toEqual([]);
        expect(settings).toEqual({ ...DEFAULT_SETTINGS, ...expected });
    });
});

describe('trendBuckets', () => {
    it.each([
        // A short period reaches back to six buckets.
        [{ start: '2024-04-01', end: '2024-05-21' }, 'month', 1, '2023-12-01', '2024-05-01', 6],
        // A long one keeps its own start.
        [{ start: '2023-01-01', end: '2024-01-01' }, 'month', 1, '2023-01-01', '2023-12-01', 12],
        // Beyond 24 buckets only the latest stay.
        [{ start: '2020-01-01', end: '2024-01-01' }, 'month', 1, '2022-01-01', '2023-12-01', 24],
        [{ start: '2024-04-01', end: '2024-05-21' }, 'quarter', 1, '2023-01-01', '2024-04-01', 6],
        [{ start: '2014-04-01', end: '2024-05-21' }, 'quarter', 1, '2022-07-01', '2024-04-01', 8],
        [{ start: '2024-02-01', end: '2024-05-01' }, 'fiscalQuarter', 2, '2022-11-01', '2024-02-01', 6],
    ] as const)('%p by %s (FY month %i)', (window, grouping, fy, first, last, count) => {
        const buckets = trendBuckets({ ...window, toDate: false }, grouping, fy);
        expect(buckets).toHaveLength(count);
        expect(buckets[0].start).toBe(first);
        expect(buckets[buckets.length - 1].start).toBe(last);
    });

    it('numbers fiscal quarters from the fiscal year start', () => {
        const buckets = trendBuckets({ start: '2024-02-01', end: '2024-05-01', toDate: false }, 'fiscalQuarter', 2);
        expect(buckets.map((b) => b.fiscalQuarter)).toEqual([4, 1, 2, 3, 4, 1]);
    });
});

describe('planWinLoss', () => {
    it('puts the aggregates and one page of recent losses in one document', () => {
        const p = plan();
        const text = winLossQuery(p);
        for (const alias of [
            'companyNow',
            'companyBefore',
            'teamNow',
            'teamBefore',
            'reps',
            'reasons',
            'trend0',
            'trend1',
        ])
            expect(text).toContain(`${alias}: Opportunity(`);
        expect(text).toContain('CloseDate: { function: CALENDAR_MONTH }');
        expect(text).toMatch(/ {4}query \{\n {6}recentLosses: Opportunity\(where: \{[^\n]*IsWon: \{ eq: false \}/);
        expect(text).toContain('first: 10)');
        expect(text).toContain('Owner { Name { max { value } } }');
        expect(text).toContain('Loss_Reason__c @optional { value }');
        expect(p.subqueries.map((s) => [s.alias, s.section, s.root])).toEqual([
            ['companyNow', 'rates', 'aggregate'],
            ['companyBefore', 'rates', 'aggregate'],
            ['teamNow', 'rates', 'aggregate'],
            ['teamBefore', 'rates', 'aggregate'],
            ['reps', 'rates', 'aggregate'],
            ['reasons', 'reasons', 'aggregate'],
            ['trend0', 'trend', 'aggregate'],
            ['trend1', 'trend', 'aggregate'],
            ['recentLosses', 'recent', 'query'],
        ]);
        const lines = text.split('\n');
        for (const subquery of p.subqueries) {
            expect(lines[subquery.lines[0] - 1]).toContain(`${subquery.alias}: Opportunity(`);
            expect(lines[subquery.lines[1] - 1].trim()).toBe('}');
        }
        expect(p.variables).toMatchObject({
            userId,
            nowStart: '2024-04-01',
            nowEnd: '2024-05-21',
            beforeStart: '2024-01-01',
            beforeEnd: '2024-02-20',
            trend0Start: '2023-12-01',
            trend0End: '2024-01-01',
            trend1Start: '2024-01-01',
            trend1End: '2024-05-21',
        });
    });

    it.each([
        [{ scope: 'all' as const }, ['companyNow'], ['teamNow', 'Owner: {', '$userId']],
        [{ scope: 'mine' as const }, ['OwnerId: { eq: $userId }'], ['ManagerId']],
        [{ ownerId: '005000000000002AAA' }, ['OwnerId: { eq: $ownerId }'], ['$userId']],
        [
            { opportunityType: 'New Business', leadSource: 'Web' },
            ['Type: { eq: $opportunityType }', 'LeadSource: { eq: $leadSource }'],
            [],
        ],
        [{ lossReasonField: '' }, [], ['reasons:']],
        [{ grouping: 'fiscalQuarter' as const }, ['function: FISCAL_QUARTER', 'fiscalQuarter { value }'], []],
        [{ grouping: 'quarter' as const }, ['function: CALENDAR_QUARTER'], []],
    ])('%p', (overrides, present, absent) => {
        const text = winLossQuery(plan(overrides));
        for (const part of present) expect(text).toContain(part);
        for (const part of absent) expect(text).not.toContain(part);
    });

    it('limits an Account page to that account, in every subquery', () => {
        const p = plan({}, { accountId: '001000000000001AAA' });
        const text = winLossQuery(p);
        expect(text.match(/AccountId: \{ eq: \$accountId \}/g)).toHaveLength(p.subqueries.length);
        expect(p.variables.accountId).toBe('001000000000001AAA');
    });

    it.each([
        [['reasons'], ['reasons:', 'Loss_Reason__c'], ['recentLosses:']],
        [['recent'], ['recentLosses:', '    query {'], ['reasons:']],
        [['reasons', 'recent', 'reasons'], ['reasons:', 'recentLosses:', 'Loss_Reason__c'], ['trend0:']],
    ] as [OptionalSection[], string[], string[]][])('leaves out %p', (omit, absent, present) => {
        const p = plan({}, { omit });
        const text = winLossQuery(p);
        for (const part of absent) expect(text).not.toContain(part);
        for (const part of present) expect(text).toContain(part);
        expect(p.omitted).toEqual([...new Set(omit)]);
        expect(p.reasonField).toBe(omit.includes('reasons') ? '' : 'Loss_Reason__c');
    });

    it.each(['month', 'quarter', 'fiscalQuarter'] as const)(
        'stays within ten subqueries for the longest %s trend',
        (grouping) => {
            const text = winLossQuery(
                plan({ period: { kind: 'rollingDays', days: 3650 }, grouping, fiscalYearStartMonth: 2 }),
            );
            expect((text.match(/: Opportunity\(/g) ?? []).length).toBe(MAX_SUBQUERIES);
        },
    );

    it('returns empty text without a plan', () => {
        expect(winLossQuery(undefined)).toBe('');
    });
});

describe('readWinLoss', () => {
    const result = readWinLoss(response, plan(), 10);

    it.each([
        ['company now', result.company.current, 30, 70, 0.3, 300000 / 700000, false],
        ['company before', result.company.previous, 20, 80, 0.2, 0.25, false],
        ['team now', result.team?.current, 6, 9, 0.4, 0.4, false],
        ['team before', result.team?.previous, 0, 4, 0, 0, true],
    ])('%s', (_, rate, won, lost, countRate, amountRate, tooSmall) => {
        expect(rate).toMatchObject({ won, lost, closed: won + lost, tooSmall });
        expect(rate?.countRate).toBeCloseTo(countRate);
        expect(rate?.amountRate).toBeCloseTo(amountRate);
    });

    it('ranks reps by closed deals with their own rates', () => {
        expect(result.reps.map((r) => [r.ownerId, r.name, r.won, r.lost, r.countRate, r.tooSmall])).toEqual([
            ['005000000000011AAA', 'Ana Rep', 5, 5, 0.5, false],
            ['005000000000012AAA', 'Ben Rep', 1, 4, 0.2, true],
        ]);
    });

    it('sorts reasons by lost deals and keeps deals without a reason', () => {
        expect(result.reasons).toEqual([
            { reason: 'Price', count: 5, amount: 40000 },
            { reason: 'Competitor', count: 3, amount: 45000 },
            { reason: null, count: 1, amount: 5000 },
        ]);
    });

    it('places each month in its bucket and ignores months outside the trend', () => {
        expect(result.trend.buckets.map((b) => b.start.slice(0, 7))).toEqual([
            '2023-12',
            '2024-01',
            '2024-02',
            '2024-03',
            '2024-04',
            '2024-05',
        ]);
        expect(result.trend.won).toEqual([2, 1, 0, 0, 3, 0]);
        expect(result.trend.lost).toEqual([2, 0, 0, 0, 1, 4]);
        expect(result.trend.lostAmount).toEqual([10000, 0, 0, 0, 10000, 80000]);
        expect(result.trend.countRate).toEqual([0.5, 1, null, null, 0.75, 0]);
        expect(result.trend.amountRate[0]).toBeCloseTo(2 / 3);
    });

    it('reports a complete answer', () => {
        expect(result.missing).toEqual([]);
        expect(result.truncated).toBe(false);
        expect(result.failed).toEqual({});
        expect(result.unplaced).toEqual([]);
        expect(result.reasonFieldFailed).toBe(false);
    });

    it('reads the recent losses, falling back from display values', () => {
        expect(result.recent).toEqual([
            {
                id: '006000000000001AAA',
                name: 'Acme renewal',
                account: 'Acme',
                amount: '$80,000.00',
                closeDate: '5/17/2024',
                owner: 'Ana Rep',
                reason: 'Price',
            },
            {
                id: '006000000000002AAA',
                name: 'Globex pilot',
                account: '',
                amount: '',
                closeDate: '2024-04-02',
                owner: 'Ben Rep',
                reason: '',
            },
        ]);
        const odd = { uiapi: { query: { recentLosses: { edges: [{ node: { Name: 'x' } }] } } } };
        expect(readWinLoss(odd, plan(), 10).recent).toEqual([]);
        expect(readWinLoss(response, plan({}, { omit: ['recent'] }), 10).recent).toEqual([]);
        expect(readWinLoss(response, plan({ lossReasonField: '' }), 10).recent[0].reason).toBe('');
    });

    it('ties errors to the sections they cost and keeps the rest', () => {
        const p = plan();
        const reasonsLine = p.subqueries.find((s) => s.alias === 'reasons')!.lines[0];
        const errors = [
            { message: 'hidden', path: ['uiapi', 'aggregate', 'trend1'] },
            { message: 'Validation error at uiapi/query/recentLosses: bad orderBy' },
            { message: "groupBy: field 'Loss_Reason__c' is undefined", locations: [{ line: reasonsLine, column: 7 }] },
            { message: 'Something else', path: ['uiapi', 'aggregate', 'nothing'] },
        ];
        const data = {
            uiapi: {
                aggregate: { ...response.uiapi.aggregate, trend1: null, reasons: null },
                query: { recentLosses: null },
            },
        };
        const read = readWinLoss(data, p, 10, errors);
        expect(read.failed).toEqual({ trend: [errors[0]], recent: [errors[1]], reasons: [errors[2]] });
        expect(read.unplaced).toEqual([errors[3]]);
        expect(read.missing).toEqual([]);
        expect(read.reasonFieldFailed).toBe(true);
        expect(read.company.current.won).toBe(30);
        expect(read.trend.won).toEqual([2, 0, 0, 0, 0, 0]);
    });

    it('lists missing subqueries and page limits', () => {
        const partial = {
            uiapi: { aggregate: { companyNow: { edges: [], pageInfo: { hasNextPage: true } }, reps: null } },
        };
        const read = readWinLoss(partial, plan({ scope: 'all', lossReasonField: '' }), 10);
        expect(read.truncated).toBe(true);
        expect(read.missing).toEqual(['companyBefore', 'reps', 'trend0', 'trend1', 'recentLosses']);
        expect(read.team).toBeUndefined();
        expect(read.company.current).toMatchObject({ closed: 0, countRate: null, amountRate: null, tooSmall: true });
    });

    it('maps quarter and fiscal-quarter numbers to buckets', () => {
        const node = (fn: string, value: number, isWon: boolean) => ({
            node: {
                aggregate: { CloseDate: { [fn]: { value } }, IsWon: { value: isWon }, Id: { count: { value: 1 } } },
            },
        });
        const quarters = plan({ grouping: 'quarter' });
        const q = readWinLoss(
            {
                uiapi: {
                    aggregate: {
                        trend0: { edges: [node('calendarQuarter', 4, true)] },
                        trend1: { edges: [node('calendarQuarter', 2, false)] },
                    },
                },
            },
            quarters,
            0,
        );
        expect(q.trend.won).toEqual([0, 0, 0, 1, 0, 0]);
        expect(q.trend.lost).toEqual([0, 0, 0, 0, 0, 1]);
        const fiscal = planWinLoss({
            settings: { ...DEFAULT_SETTINGS, grouping: 'fiscalQuarter', fiscalYearStartMonth: 2 },
            now,
            calendar,
            userId,
        });
        const last = fiscal.chunks[fiscal.chunks.length - 1].alias;
        const f = readWinLoss(
            { uiapi: { aggregate: { [last]: { edges: [node('fiscalQuarter', 2, true)] } } } },
            fiscal,
            0,
        );
        expect(fiscal.buckets[fiscal.buckets.length - 1]).toMatchObject({ start: '2024-05-01', fiscalQuarter: 2 });
        expect(f.trend.won[f.trend.won.length - 1]).toBe(1);
    });
});

describe('rateOf', () => {
    it.each([
        [{ won: 0, lost: 0, wonAmount: 0, lostAmount: 0 }, 1, null, null, true],
        [{ won: 3, lost: 1, wonAmount: 0, lostAmount: 0 }, 4, 0.75, null, false],
        [{ won: 1, lost: 3, wonAmount: 300, lostAmount: 100 }, 5, 0.25, 0.75, true],
    ])('%p with minimum %i', (tally, min, countRate, amountRate, tooSmall) => {
        expect(rateOf(tally, min)).toMatchObject({ countRate, amountRate, tooSmall });
    });
});

describe('subqueriesOfError', () => {
    const p = plan();
    it.each([
        [{ path: ['uiapi', 'aggregate', 'reps', 'edges'] }, ['reps']],
        [{ path: ['uiapi', 'query', 'recentLosses'] }, ['recentLosses']],
        [{ message: 'Validation error (WrongType@[uiapi/aggregate/trend0])' }, ['trend0']],
        [{ locations: [{ line: 1 }, { line: p.subqueries[1].lines[1] }] }, ['companyBefore']],
        [{ message: 'No locations', locations: [{ column: 3 }] }, []],
        [{ path: ['uiapi', 'aggregate', 'unknown'], message: 'x' }, []],
        ['not an object', []],
    ])('%p belongs to %p', (error, aliases) => {
        expect(subqueriesOfError(error, p).map((s) => s.alias)).toEqual(aliases);
    });
});

describe('sectionsToOmit', () => {
    const p = plan();
    const line = (alias: string) => p.subqueries.find((s) => s.alias === alias)!.lines[0];
    it.each([
        ['a refusal blaming the reason field', [{ message: "No such column 'Loss_Reason__c'" }], ['reasons']],
        [
            'a refusal in the recent losses',
            [{ message: 'bad', locations: [{ line: line('recentLosses') }] }],
            ['recent'],
        ],
        [
            'refusals in both',
            [
                { message: 'x', locations: [{ line: line('reasons') }] },
                { message: 'y', path: ['uiapi', 'query', 'recentLosses'] },
            ],
            ['reasons', 'recent'],
        ],
        ['a refusal in the rates', [{ message: 'z', locations: [{ line: line('reps') }] }], undefined],
        ['an error nobody owns', [{ message: 'Insufficient access' }], undefined],
        ['no errors', [], undefined],
    ])('%s', (_, errors, expected) => {
        expect(sectionsToOmit(p, undefined, errors)).toEqual(expected);
    });

    it('omits nothing when data came back', () => {
        expect(sectionsToOmit(p, response, [{ message: "No such column 'Loss_Reason__c'" }])).toBeUndefined();
    });
});

describe('blamesField', () => {
    it.each([
        [[{ message: "No such column 'Loss_Reason__c' on entity 'Opportunity'" }], 'Loss_Reason__c', true],
        [[{ message: 'Validation error: Field loss_reason__c is not defined' }], 'Loss_Reason__c', true],
        [[{ message: 'Insufficient access' }], 'Loss_Reason__c', false],
        [[{ message: "No such column 'Loss_Reason__c'" }], '', false],
        [undefined, 'Loss_Reason__c', false],
    ])('%p blames %s: %p', (errors, field, expected) => {
        expect(blamesField(errors, field)).toBe(expected);
    });
});

describe('picklist filters', () => {
    const picklistField = (name: string, ...recordTypes: [string, string][][]) => ({
        ApiName: name,
        picklistValuesByRecordTypeIDs: recordTypes.map((values, index) => ({
            recordTypeID: `012000000000000AA${index}`,
            picklistValues: values.map(([label, value]) => ({ label, value })),
        })),
    });
    const describeData = (fields: unknown[]) => ({
        uiapi: { aggregate: {}, objectInfos: [{ ApiName: 'Opportunity', fields }] },
    });
    const picklists = readPicklists(
        describeData([
            { ApiName: 'Amount' },
            picklistField(
                'Type',
                [
                    ['New business', 'New Business'],
                    ['Renewal', 'Renewal'],
                ],
                [
                    ['Renewal (other label)', 'Renewal'],
                    ['Upgrade', 'Upgrade'],
                ],
            ),
        ]),
    );

    it('offers each active value once, across record types, with its first label', () => {
        expect(picklists?.opportunityType).toEqual([
            { label: 'New business', value: 'New Business' },
            { label: 'Renewal', value: 'Renewal' },
            { label: 'Upgrade', value: 'Upgrade' },
        ]);
    });

    it('gives null for a field the describe leaves out (hidden from the viewer)', () => {
        expect(picklists?.leadSource).toBeNull();
    });

    it('knows nothing until an answer carries objectInfos for Opportunity', () => {
        expect(readPicklists(undefined)).toBeUndefined();
        expect(readPicklists(response)).toBeUndefined();
        expect(readPicklists({ uiapi: { objectInfos: [{ ApiName: 'Account', fields: [] }] } })).toBeUndefined();
        expect(readPicklists({ uiapi: { objectInfos: [null] } })).toBeUndefined();
    });

    it('skips blank values and shows the value when a label is missing', () => {
        const read = readPicklists(
            describeData([
                {
                    ApiName: 'LeadSource',
                    picklistValuesByRecordTypeIDs: [
                        { picklistValues: [{ value: 'Web' }, { label: 'Blank', value: '' }, null] },
                        { picklistValues: null },
                    ],
                },
            ]),
        );
        expect(read?.leadSource).toEqual([{ label: 'Web', value: 'Web' }]);
    });

    it('keeps a property value that is one of the picklist values', () => {
        const { settings, problems } = readSettings({ opportunityType: 'Renewal' }, picklists);
        expect(problems).toEqual([]);
        expect(settings.opportunityType).toBe('Renewal');
    });

    it('reports a value that is not one of them by property name, listing the values, and filters on all', () => {
        const { settings, problems } = readSettings({ opportunityType: 'New Busines' }, picklists);
        expect(problems).toEqual([
            {
                property: 'opportunityType',
                value: 'New Busines',
                expected: { describe: 'orgValues', args: ['Type', 'New Business, Renewal, Upgrade'] },
            },
        ]);
        expect(settings.opportunityType).toBe('');
    });

    it('reports a value for a field the viewer cannot see and drops the filter', () => {
        const { settings, problems } = readSettings({ leadSource: 'Web' }, picklists);
        expect(problems).toEqual([
            expect.objectContaining({
                property: 'leadSource',
                value: 'Web',
                expected: { describe: 'hiddenField', args: ['LeadSource'] },
            }),
        ]);
        expect(settings.leadSource).toBe('');
    });

    it('checks nothing before the values are known', () => {
        expect(readSettings({ opportunityType: 'Anything' }).problems).toEqual([]);
    });

    it('asks for the values in the same document, outside the ten subqueries', () => {
        const query = winLossQuery(plan({ scope: 'team', period: { kind: 'rollingDays', days: 3650 } }));
        expect(query).toMatch(/^ {4}objectInfos\(apiNames: \["Opportunity"\]\) \{$/m);
        expect(query).toMatch(
            /\.\.\. on PicklistField \{ picklistValuesByRecordTypeIDs \{ recordTypeID picklistValues \{ label value \} \} \}/,
        );
        expect(query.match(/^ {6}\w+: Opportunity\(/gm)).toHaveLength(MAX_SUBQUERIES);
    });
});
