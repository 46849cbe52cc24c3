import {
    DEFAULT_SETTINGS,
    MAX_SUBQUERIES,
    blamesField,
    planWinLoss,
    readPicklists,
    readSettings,
    readWinLoss,
    sectionsToOmit,
    subqueriesOfError,
    trendBuckets,
    winLossQuery,
} from 'c/kpiWinLossData';
import type { OptionalSection, WinLossPlan, WinLossSettings } from 'c/kpiWinLossData';
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

const aliasesOf = (p: WinLossPlan, section: string) =>
    p.subqueries.filter((s) => s.section === section).map((s) => s.alias);
const subqueryCount = (text: string) => (text.match(/^ {6}\w+: Opportunity\(/gm) ?? []).length;

describe('planWinLoss', () => {
    it('asks for rates, trend, reasons and one page of recent losses in one document of the shared planner', () => {
        const p = plan();
        const text = winLossQuery(p);
        expect(p.kpiPlan.documents).toHaveLength(1);
        expect(p.kpiPlan.rejected).toEqual([]);
        expect(text).toBe(p.kpiPlan.documents[0].query);
        // Company and team, now and before, and the reps; the trend's current window is the team's, read once.
        expect(aliasesOf(p, 'rates')).toHaveLength(5);
        expect(aliasesOf(p, 'trend').length).toBeGreaterThan(0);
        expect(aliasesOf(p, 'reasons')).toHaveLength(1);
        expect(p.subqueries.filter((s) => s.section === 'recent').map((s) => s.root)).toEqual(['query']);
        expect(subqueryCount(text)).toBe(p.subqueries.length);
        expect(text).toContain('Owner { Name { max { value } } }');
        expect(text).toContain('Loss_Reason__c { value label }');
        expect(text).toContain('first: 10');
        expect(text).toMatch(/^ {4}query \{$/m);
        const lines = text.split('\n');
        for (const subquery of p.subqueries) {
            expect(lines[subquery.lines[0] - 1]).toContain(`${subquery.alias}: Opportunity(`);
            expect(lines[subquery.lines[1] - 1].trim()).toBe('}');
        }
        expect(Object.values(p.variables)).toEqual(expect.arrayContaining([userId, '2024-01-01', '2024-02-20']));
        expect(p.current).toEqual({
            start: '2024-04-01',
            end: '2024-05-21',
            toDate: true,
            literal: 'THIS_FISCAL_QUARTER',
        });
    });

    it.each([
        [{ scope: 'all' as const }, [], ['$userId', 'ManagerId']],
        [{ scope: 'mine' as const }, ['OwnerId: { eq: $userId }'], ['ManagerId']],
        [{ ownerId: '005000000000002AAA' }, ['OwnerId: { eq: $id0 }'], ['$userId']],
        [{ opportunityType: 'New Business', leadSource: 'Web' }, ['Type: { eq: $p0 }', 'LeadSource: { eq: $p1 }'], []],
        [{ lossReasonField: '' }, [], ['Loss_Reason__c']],
        [{ grouping: 'quarter' as const }, ['function: CALENDAR_QUARTER'], ['function: FISCAL_']],
        // Fiscal quarters come back as calendar months (no FISCAL_* function): exact with custom fiscal years too.
        [
            { grouping: 'fiscalQuarter' as const, fiscalYearStartMonth: 2 },
            ['function: CALENDAR_MONTH'],
            ['function: FISCAL_'],
        ],
    ] as [Partial<WinLossSettings>, string[], string[]][])('%p', (overrides, present, absent) => {
        const p = plan(overrides);
        const text = winLossQuery(p);
        for (const part of present) expect(text).toContain(part);
        for (const part of absent) expect(text).not.toContain(part);
        expect(p.hasTeam).toBe(overrides.scope !== 'all');
        const given = [overrides.ownerId, overrides.opportunityType, overrides.leadSource].filter(Boolean);
        expect(Object.values(p.variables)).toEqual(expect.arrayContaining(given));
    });

    it('limits an Account page to that account, in every subquery', () => {
        const p = plan({}, { accountId: '001000000000001AAA' });
        const text = winLossQuery(p);
        expect(text.match(/AccountId: \{ eq: \$id0 \}/g)).toHaveLength(p.subqueries.length);
        expect(p.variables.id0).toBe('001000000000001AAA');
    });

    it.each([
        [['reasons'], ['reasons'], ['recent']],
        [['recent'], ['recent'], ['reasons']],
        [
            ['reasons', 'recent', 'reasons'],
            ['reasons', 'recent'],
            ['rates', 'trend'],
        ],
    ] as [OptionalSection[], string[], string[]][])('leaves out %p', (omit, absent, present) => {
        const p = plan({}, { omit });
        for (const section of absent) expect(aliasesOf(p, section)).toEqual([]);
        for (const section of present) expect(aliasesOf(p, section).length).toBeGreaterThan(0);
        expect(p.omitted).toEqual([...new Set(omit)]);
        expect(p.reasonField).toBe(omit.includes('reasons') ? '' : 'Loss_Reason__c');
    });

    it.each(['month', 'quarter', 'fiscalQuarter'] as const)(
        'stays within ten subqueries for the longest %s trend',
        (grouping) => {
            const p = plan({ period: { kind: 'rollingDays', days: 3650 }, grouping, fiscalYearStartMonth: 2 });
            expect(p.kpiPlan.documents).toHaveLength(1);
            expect(subqueryCount(winLossQuery(p))).toBeLessThanOrEqual(MAX_SUBQUERIES);
            expect(p.buckets.length).toBeLessThanOrEqual(24);
        },
    );

    it('returns empty text without a plan', () => {
        expect(winLossQuery(undefined)).toBe('');
    });
});

describe('readWinLoss', () => {
    // The fixture is the preview engine's answer for a sales manager's team (scripts/generate-tile-fixtures.ts);
    // the numbers themselves are checked against the sample records by scripts/graphql/__tests__/winloss-oracle.
    const p = plan();
    const result = readWinLoss(response, p, 3);

    it('reads every rate as won, lost and closed deals that add up', () => {
        for (const rate of [result.company.current, result.company.previous, result.team!.current]) {
            expect(rate.closed).toBe(rate.won + rate.lost);
            expect(rate.countRate).toBeCloseTo(rate.won / rate.closed);
            expect(rate.amountRate).toBeCloseTo(rate.wonAmount / (rate.wonAmount + rate.lostAmount));
        }
        expect(result.team!.current).toMatchObject({ won: 2, lost: 3, wonAmount: 62100, lostAmount: 170400 });
        expect(result.company.previous).toMatchObject({ won: 1, lost: 2, tooSmall: false });
        expect(readWinLoss(response, p, 20).team!.current.tooSmall).toBe(true);
    });

    it('ranks reps by closed deals, named, and their deals add up to the team', () => {
        expect(result.reps.map((r) => [r.name, r.won, r.lost])).toEqual([
            ['Javier Nguyen', 1, 1],
            ['Arjun Hughes', 1, 1],
            ['Omar Pereira', 0, 1],
        ]);
        const sum = (key: 'won' | 'lost') => result.reps.reduce((total, rep) => total + rep[key], 0);
        expect([sum('won'), sum('lost')]).toEqual([result.team!.current.won, result.team!.current.lost]);
    });

    it('sorts reasons by lost deals, and they add up to the lost deals', () => {
        expect(result.reasons).toEqual([
            { reason: 'Price', count: 2, amount: 108500 },
            { reason: 'Timing', count: 1, amount: 61900 },
        ]);
        expect(result.reasons.reduce((total, r) => total + r.amount, 0)).toBe(result.team!.current.lostAmount);
    });

    it('places each month in its bucket', () => {
        expect(result.trend.buckets.map((b) => b.start.slice(0, 7))).toEqual([
            '2023-12',
            '2024-01',
            '2024-02',
            '2024-03',
            '2024-04',
            '2024-05',
        ]);
        expect(result.trend.won).toEqual([2, 1, 0, 2, 0, 2]);
        expect(result.trend.lost).toEqual([9, 1, 3, 6, 0, 3]);
        expect(result.trend.countRate[4]).toBeNull();
        // April and May are this quarter to date: the trend's last buckets add up to the team's current rate.
        expect(result.trend.won[4] + result.trend.won[5]).toBe(result.team!.current.won);
    });

    it('reports a complete answer', () => {
        expect(result.missing).toEqual([]);
        expect(result.truncated).toBe(false);
        expect(result.failed).toEqual({});
        expect(result.unplaced).toEqual([]);
        expect(result.reasonFieldFailed).toBe(false);
    });

    it('reads the recent losses newest first, with display values', () => {
        expect(result.recent).toHaveLength(3);
        expect(result.recent[0]).toEqual({
            id: '0065g00000qNAdMAAW',
            name: 'Orchid Printing KK - Analytics Add-on',
            account: 'Orchid Printing KK',
            amount: '$61,900.00',
            closeDate: '5/20/2024',
            owner: 'Arjun Hughes',
            reason: 'Timing',
        });
        const [alias] = aliasesOf(p, 'recent');
        const odd = { uiapi: { query: { [alias]: { edges: [{ node: { Name: { value: 'x' } } }] } } } };
        expect(readWinLoss(odd, p, 3).recent).toEqual([]);
        const bare = {
            uiapi: { query: { [alias]: { edges: [{ node: { Id: '006x', CloseDate: { value: '2024-04-02' } } }] } } },
        };
        expect(readWinLoss(bare, p, 3).recent[0]).toMatchObject({ closeDate: '2024-04-02', amount: '', account: '' });
        expect(readWinLoss(response, plan({}, { omit: ['recent'] }), 3).recent).toEqual([]);
        expect(readWinLoss(response, plan({ lossReasonField: '' }), 3).recent[0].reason).toBe('');
    });

    it('ties errors to the sections they cost and keeps the rest', () => {
        const [trend] = aliasesOf(p, 'trend');
        const [reasons] = aliasesOf(p, 'reasons');
        const [recent] = aliasesOf(p, 'recent');
        const reasonsLine = p.subqueries.find((s) => s.alias === reasons)!.lines[0];
        const errors = [
            { message: 'hidden', path: ['uiapi', 'aggregate', trend] },
            { message: `Validation error at uiapi/query/${recent}: bad orderBy` },
            { message: "groupBy: field 'Loss_Reason__c' is undefined", locations: [{ line: reasonsLine, column: 7 }] },
            { message: 'Something else', path: ['uiapi', 'aggregate', 'nothing'] },
        ];
        const data = JSON.parse(JSON.stringify(response)) as { uiapi: Record<string, Record<string, unknown>> };
        data.uiapi.aggregate[trend] = null;
        data.uiapi.aggregate[reasons] = null;
        data.uiapi.query[recent] = null;
        const read = readWinLoss(data, p, 3, errors);
        expect(read.failed).toEqual({ trend: [errors[0]], recent: [errors[1]], reasons: [errors[2]] });
        expect(read.unplaced).toEqual([errors[3]]);
        expect(read.reasonFieldFailed).toBe(true);
        expect(read.team!.current).toEqual(result.team!.current);
        expect(read.recent).toEqual([]);
    });

    it('says why when the planner refused its requests, instead of reporting nothing closed', () => {
        const bad = planWinLoss({
            settings: DEFAULT_SETTINGS,
            now,
            calendar: { ...calendar, firstDayOfWeek: 0 },
            userId,
        });
        expect(bad.kpiPlan.rejected.length).toBeGreaterThan(0);
        const read = readWinLoss(response, bad, 3);
        expect(read.unplaced.length).toBe(bad.kpiPlan.rejected.length);
        expect(read.unplaced[0]).toEqual({ message: expect.stringMatching(/\S/) });
        expect(readWinLoss(response, p, 3).unplaced).toEqual([]);
    });

    it('lists missing subqueries and page limits', () => {
        const all = plan({ scope: 'all', lossReasonField: '' });
        const [first, ...rest] = aliasesOf(all, 'rates');
        const partial = { uiapi: { aggregate: { [first]: { edges: [], pageInfo: { hasNextPage: true } } } } };
        const read = readWinLoss(partial, all, 3);
        expect(read.truncated).toBe(true);
        expect(read.missing).toEqual([...rest, ...aliasesOf(all, 'trend'), ...aliasesOf(all, 'recent')]);
        expect(read.team).toBeUndefined();
        expect(read.company.current).toMatchObject({ closed: 0, countRate: null, amountRate: null, tooSmall: true });
    });
});

describe('subqueriesOfError', () => {
    const p = plan();
    const [reps] = aliasesOf(p, 'rates').slice(-1);
    const [recent] = aliasesOf(p, 'recent');
    const [trend] = aliasesOf(p, 'trend');
    it.each([
        [{ path: ['uiapi', 'aggregate', reps, 'edges'] }, [reps]],
        [{ path: ['uiapi', 'query', recent] }, [recent]],
        [{ message: `Validation error (WrongType@[uiapi/aggregate/${trend}])` }, [trend]],
        [{ locations: [{ line: 1 }, { line: p.subqueries[1].lines[1] }] }, [p.subqueries[1].alias]],
        [{ message: 'No locations', locations: [{ column: 3 }] }, []],
        [{ path: ['uiapi', 'aggregate', 'unknown'], message: 'x' }, []],
        ['not an object', []],
    ])('%p belongs to %p', (error, aliases) => {
        expect(subqueriesOfError(error, p).map((s) => s.alias)).toEqual(aliases);
    });
});

describe('sectionsToOmit', () => {
    const p = plan();
    const line = (section: string) => p.subqueries.find((s) => s.section === section)!.lines[0];
    it.each([
        ['a refusal blaming the reason field', [{ message: "No such column 'Loss_Reason__c'" }], ['reasons']],
        ['a refusal in the recent losses', [{ message: 'bad', locations: [{ line: line('recent') }] }], ['recent']],
        [
            'refusals in both',
            [
                { message: 'x', locations: [{ line: line('reasons') }] },
                { message: 'y', path: ['uiapi', 'query', aliasesOf(p, 'recent')[0]] },
            ],
            ['reasons', 'recent'],
        ],
        ['a refusal in the rates', [{ message: 'z', locations: [{ line: line('rates') }] }], undefined],
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
        expect(readPicklists({ uiapi: { aggregate: {} } })).toBeUndefined();
        expect(readPicklists(response)?.opportunityType?.length).toBeGreaterThan(0);
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
                code: 'notOrgValue',
                severity: 'warning',
                args: ['Type', 'New Business, Renewal, Upgrade'],
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
                code: 'fieldHidden',
                args: ['LeadSource'],
            }),
        ]);
        expect(settings.leadSource).toBe('');
    });

    it('checks nothing before the values are known', () => {
        expect(readSettings({ opportunityType: 'Anything' }).problems).toEqual([]);
    });

    it('asks for the values in the same document', () => {
        const query = winLossQuery(plan({ scope: 'team', period: { kind: 'rollingDays', days: 3650 } }));
        expect(query).toMatch(/^ {4}objectInfos\(apiNames: \["Opportunity"\]\) \{$/m);
        expect(query).toMatch(
            /\.\.\. on PicklistField \{ picklistValuesByRecordTypeIDs \{ recordTypeID picklistValues \{ label value \} \} \}/,
        );
        expect(subqueryCount(query)).toBeLessThanOrEqual(MAX_SUBQUERIES);
    });
});
