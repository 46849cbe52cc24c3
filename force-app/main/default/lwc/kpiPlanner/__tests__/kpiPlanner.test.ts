import { parse } from 'graphql';
import { KPI_CATALOG, KPI_IDS } from 'c/kpiCatalog';
import { PERIOD_KINDS } from 'c/kpiPeriods';
import { kpiQuery, kpiRecordsQuery, MAX_SUBQUERIES, planDrillDown, planKpis } from 'c/kpiPlanner';
import type { KpiDocument, KpiPlan, KpiRequest, PlanContext } from 'c/kpiPlanner';
import { FIXTURE_NOW, aliasedFields, variableNames } from '../../../../../test/jest/kpiTestUtils';

const USER = '005000000000001AAA';
const context: PlanContext = {
    userId: USER,
    now: FIXTURE_NOW,
    calendar: { timeZone: 'America/New_York', firstDayOfWeek: 1, fiscalYearStartMonth: 2 },
};

function single(request: KpiRequest, ctx: PlanContext = context): { plan: KpiPlan; doc: KpiDocument } {
    const plan = planKpis([request], ctx);
    expect(plan.rejected).toEqual([]);
    expect(plan.documents).toHaveLength(1);
    return { plan, doc: plan.documents[0] };
}

/** What every planned document must satisfy, whatever was asked. */
function expectWellFormed(plan: KpiPlan): void {
    plan.documents.forEach((doc, index) => {
        expect(() => parse(doc.query)).not.toThrow();
        expect(doc.subqueries.length).toBeGreaterThan(0);
        expect(doc.subqueries.length).toBeLessThanOrEqual(MAX_SUBQUERIES);
        const aliases = doc.subqueries.map((s) => s.alias);
        expect(new Set(aliases).size).toBe(aliases.length);
        // Errors are placed by line: each subquery's recorded lines are where the document has it, none shared.
        const fields = aliasedFields(doc.query);
        for (const s of doc.subqueries) {
            expect(fields.get(s.alias)?.name).toBe(s.object);
            expect(fields.get(s.alias)?.lines).toEqual(s.lines);
        }
        const spans = doc.subqueries.map((s) => s.lines).sort((a, b) => a[0] - b[0]);
        spans.slice(1).forEach((span, i) => expect(span[0]).toBeGreaterThan(spans[i][1]));
        expect(doc.query).not.toMatch(/undefined|\[object Object\]|NaN/);
        const { declared, used } = variableNames(doc.query);
        expect(declared).toEqual(used);
        expect(Object.keys(doc.variables).sort()).toEqual(declared);
        if (doc.variables.userId !== undefined) expect(doc.variables.userId).toBe(USER);
        for (const request of plan.requests.filter((r) => r.document === index)) {
            expect(doc.keys).toContain(request.key);
            const reads = [request.reads.current, request.reads.comparison ?? {}, request.reads.sparkline ?? {}];
            for (const alias of reads.flatMap((r) => Object.values(r).flat())) expect(aliases).toContain(alias);
        }
    });
}

describe('every KPI × scope × comparison × sparkline × period', () => {
    const comparisons = ['none', 'previousPeriod', 'samePeriodLastYear'] as const;
    const scopes = ['mine', 'team', 'all'] as const;
    const periods = PERIOD_KINDS.map((kind) => (kind === 'rollingDays' ? 'rollingDays:30' : kind));
    const cases = KPI_IDS.flatMap((kpi) => scopes.map((scope) => [kpi, scope] as const));
    it.each(cases)('%s, scope %s, plans one valid document of at most 10 subqueries', (kpi, scope) => {
        for (const comparison of comparisons) {
            for (const sparkline of [0, 4]) {
                for (const period of periods) {
                    const plan = planKpis([{ kpi, period, comparison, scope, sparkline }], context);
                    expect(plan.rejected).toEqual([]);
                    expect(plan.documents).toHaveLength(1);
                    expectWellFormed(plan);
                    expect(plan.documents[0].query.includes('$userId')).toBe(scope !== 'all');
                }
            }
        }
    });

    it.each(KPI_CATALOG.flatMap((kpi) => kpi.groupings.map((g) => [kpi.id, g] as const)))(
        '%s grouped by %s with a comparison',
        (kpi, groupBy) => {
            const plan = planKpis([{ kpi, period: 'thisQuarter', comparison: 'previousPeriod', groupBy }], context);
            expectWellFormed(plan);
            for (const s of plan.documents[0].subqueries.filter((q) => q.object !== 'User')) {
                expect(s.groupBy.length).toBeGreaterThan(0);
            }
            expect(plan.documents[0].query).toContainGraphql('pageInfo { hasNextPage }');
        },
    );
});

describe('one request per component', () => {
    const salesBoard: KpiRequest[] = [
        { kpi: 'opportunitiesWon', period: 'thisFiscalQuarter', comparison: 'previousPeriod', scope: 'mine' },
        { kpi: 'closedWonRevenue', period: 'thisFiscalQuarter', comparison: 'previousPeriod', scope: 'mine' },
        { kpi: 'averageDealSize', period: 'thisFiscalQuarter', comparison: 'previousPeriod', scope: 'mine' },
        { kpi: 'averageContractValue', period: 'thisFiscalQuarter', scope: 'mine' },
        { kpi: 'winRate', period: 'thisFiscalQuarter', comparison: 'previousPeriod', scope: 'mine' },
        { kpi: 'pipelineValue', period: 'thisFiscalQuarter', scope: 'mine' },
    ];

    it('merges KPIs that read the same records into one subquery', () => {
        const plan = planKpis(salesBoard, context);
        expectWellFormed(plan);
        expect(plan.documents).toHaveLength(1);
        // Won (current, comparison), win rate (current, comparison), pipeline, and closed-won revenue's quota target:
        // six subqueries for six KPIs.
        expect(plan.documents[0].subqueries.map((s) => s.object).sort()).toEqual([
            ...Array<string>(5).fill('Opportunity'),
            'User',
        ]);
        const won = plan.requests.find((r) => r.key === 'opportunitiesWon')!;
        const revenue = plan.requests.find((r) => r.key === 'closedWonRevenue')!;
        expect(won.reads.current.value).toEqual(revenue.reads.current.value);
        const shared = plan.documents[0].subqueries.find((s) => s.alias === won.reads.current.value[0])!;
        expect(shared.selections).toEqual([
            { field: 'Id', fns: ['count'] },
            { field: 'Amount', fns: ['avg', 'count', 'sum'] },
        ]);
        expect(plan.documents[0].query).toContainGraphql(
            'Amount @optional { avg { value } count { value } sum { value } }',
        );
    });

    it('splits into the fewest documents when more than ten subqueries are needed, keeping each KPI whole', () => {
        const big: KpiRequest[] = KPI_IDS.map((kpi) => ({ kpi, period: 'thisMonth', comparison: 'previousPeriod' }));
        const plan = planKpis(big, context);
        expectWellFormed(plan);
        expect(plan.rejected).toEqual([]);
        const total = plan.documents.reduce((sum, doc) => sum + doc.subqueries.length, 0);
        expect(plan.documents.length).toBeGreaterThanOrEqual(Math.ceil(total / MAX_SUBQUERIES));
        expect(plan.documents.length).toBeLessThanOrEqual(Math.ceil(total / MAX_SUBQUERIES) + 1);
        expect(plan.documents.map((d) => d.operationName)).toEqual(
            plan.documents.map((_, i) => (i === 0 ? 'KpiMetrics' : `KpiMetrics${i + 1}`)),
        );
        expect(plan.requests.map((r) => r.key)).toEqual(KPI_IDS);
        for (const request of plan.requests) expect(plan.documents[request.document].keys).toContain(request.key);
    });

    it('honours a lower subquery limit', () => {
        const plan = planKpis(salesBoard, { ...context, maxSubqueries: 2 });
        expectWellFormed(plan);
        for (const doc of plan.documents) expect(doc.subqueries.length).toBeLessThanOrEqual(2);
        expect(plan.documents.length).toBeGreaterThan(1);
    });

    it('counts the objectInfos block as one subquery (the limits page is silent: the limit holds either way)', () => {
        const two: KpiRequest[] = ['opportunitiesWon', 'leadsCreated'].map((kpi) => ({ kpi, period: 'thisMonth' }));
        const limited = { ...context, maxSubqueries: 2 };
        expect(planKpis(two, limited).documents).toHaveLength(1);
        const withPicklists = planKpis(two, limited, { picklists: ['Opportunity'] });
        expect(withPicklists.documents.map((d) => [d.subqueries.length, d.objectInfos])).toEqual([
            [1, ['Opportunity']],
            [1, []],
        ]);
    });

    it('reads current values from their sparkline when that saves a request, and only then', () => {
        const marketing: KpiRequest[] = ['leadsCreated', 'leadConversionRate', 'campaignOpenRate'].map((kpi) => ({
            kpi,
            period: 'thisFiscalQuarter',
            comparison: 'previousPeriod',
            sparkline: 4,
        }));
        const alone = marketing.map((request) => planKpis([request], context));
        for (const plan of alone) expect(plan.requests[0].currentFromSparkline).toBeUndefined();
        const unfolded = alone.reduce((sum, plan) => sum + plan.documents[0].subqueries.length, 0);
        expect(unfolded).toBeGreaterThan(MAX_SUBQUERIES);

        const plan = planKpis(marketing, context);
        expectWellFormed(plan);
        expect(plan.documents).toHaveLength(1);
        const folded = plan.requests.filter((request) => request.currentFromSparkline);
        expect(folded.length).toBeGreaterThan(0);
        expect(folded.length).toBeLessThan(marketing.length);
        for (const request of folded) {
            expect(request.sparkline[request.sparkline.length - 1]).toEqual(request.window);
            expect(request.reads.current).toEqual({});
        }
    });

    it('keeps the text when only the day changes: dates travel as variables', () => {
        const request: KpiRequest = {
            kpi: 'leadsCreated',
            period: 'thisMonth',
            comparison: 'previousPeriod',
            sparkline: 3,
        };
        const monday = planKpis([request], context).documents[0];
        const tuesday = planKpis([request], { ...context, now: new Date('2024-05-21T16:00:00Z') }).documents[0];
        expect(tuesday.query).toBe(monday.query);
        expect(tuesday.variables).not.toEqual(monday.variables);
        expect(kpiQuery(planKpis([request], context))).toBe(monday.query);
        expect(kpiQuery(planKpis([], context))).toBe('');
    });
});

describe('filters', () => {
    const where = (request: KpiRequest, ctx?: PlanContext) => single(request, ctx).doc.query;

    // Everyone below the viewer in the management chain: one branch per level, as deep as five child-to-parent
    // relationships reach from the record (query-limits).
    const levels = (n: number) =>
        Array.from(
            { length: n },
            (_, i) => `${'{ Manager: '.repeat(i)}{ ManagerId: { eq: $userId } }${' }'.repeat(i)}`,
        ).join(', ');

    it('scopes to the viewer, everyone below the viewer in the management chain, or everyone', () => {
        expect(where({ kpi: 'opportunitiesWon', period: 'thisMonth', scope: 'mine' })).toContainGraphql(
            '{ OwnerId: { eq: $userId } }',
        );
        expect(where({ kpi: 'opportunitiesWon', period: 'thisMonth', scope: 'team' })).toContainGraphql(
            `{ Owner: { or: [${levels(5)}] } }`,
        );
        expect(levels(2)).toBe('{ ManagerId: { eq: $userId } }, { Manager: { ManagerId: { eq: $userId } } }');
        // Lead owners can be queues: the filter takes the User branch of the polymorphic Owner (not a relationship).
        expect(where({ kpi: 'leadsCreated', period: 'thisMonth', scope: 'team' })).toContainGraphql(
            `{ Owner: { User: { or: [${levels(5)}] } } }`,
        );
        // Campaign members' owner is two relationships away (Campaign, Owner): four levels of managers remain.
        expect(where({ kpi: 'campaignOpens', period: 'thisMonth', scope: 'team' })).toContainGraphql(
            `{ Campaign: { Owner: { or: [${levels(4)}] } } }`,
        );
        expect(where({ kpi: 'leadsFromCampaigns', period: 'thisMonth', scope: 'team' })).toContainGraphql(
            `{ Lead: { Owner: { User: { or: [${levels(4)}] } } } }`,
        );
        expect(where({ kpi: 'opportunitiesWon', period: 'thisMonth', scope: 'team' })).not.toContain(
            `{ Manager: `.repeat(5),
        );
        // Another user's team (a rep picked by the admin): the same levels below that user.
        expect(
            where({ kpi: 'opportunitiesWon', period: 'thisMonth', scope: 'team', scopeUser: '005000000000009AAA' }),
        ).toContainGraphql('{ Owner: { or: [{ ManagerId: { eq: $id0 } }, { Manager: { ManagerId: { eq: $id0 } } },');
        expect(where({ kpi: 'leadsFromCampaigns', period: 'thisMonth', scope: 'mine' })).toContainGraphql(
            '{ Lead: { OwnerId: { eq: $userId } } }',
        );
        const all = where({ kpi: 'opportunitiesWon', period: 'thisMonth', scope: 'all' });
        expect(all).not.toContain('Owner');
    });

    it('dates the current period with the server’s literal, to date, and comparisons with explicit days', () => {
        const { doc } = single({
            kpi: 'opportunitiesWon',
            period: 'thisFiscalQuarter',
            comparison: 'samePeriodLastYear',
        });
        expect(doc.query).toContainGraphql(
            'CloseDate: { eq: { literal: THIS_FISCAL_QUARTER }, lt: { literal: TOMORROW } }',
        );
        expect(doc.query).toContainGraphql('CloseDate: { gte: { value: $d0 }, lt: { value: $d1 } }');
        expect(doc.variables).toMatchObject({ d0: '2023-05-01', d1: '2023-05-21' });
        const last = single({ kpi: 'opportunitiesWon', period: 'lastMonth' }).doc.query;
        expect(last).toContainGraphql('CloseDate: { eq: { literal: LAST_MONTH } }');
        const rolling = single({ kpi: 'opportunitiesWon', period: 'rollingDays:90' }).doc.query;
        expect(rolling).toContainGraphql('CloseDate: { eq: { range: { last_n_days: 90 } } }');
    });

    it('compares DateTime fields with instants at the viewer’s midnight', () => {
        const { doc } = single({ kpi: 'leadsCreated', period: 'thisMonth', comparison: 'previousPeriod' });
        expect(doc.query).toContainGraphql('CreatedDate: { gte: { value: $t0 }, lt: { value: $t1 } }');
        // 1-20 May against 1-20 April, each from the viewer's midnight (EDT, UTC-4).
        expect(doc.variables).toMatchObject({ t0: '2024-04-01T04:00:00Z', t1: '2024-04-21T04:00:00Z' });
        const kiritimati = { ...context, calendar: { ...context.calendar, timeZone: 'Pacific/Kiritimati' } };
        const far = single({ kpi: 'leadsCreated', period: 'lastMonth', comparison: 'previousPeriod' }, kiritimati).doc;
        // Already 21 May in Kiritimati (UTC+14): last month is April, compared with March from its local midnight.
        expect(far.variables).toMatchObject({ t0: '2024-02-29T10:00:00Z', t1: '2024-03-31T10:00:00Z' });
    });

    it('takes the whole period for open pipeline, which is a snapshot without comparison', () => {
        const { plan, doc } = single({
            kpi: 'pipelineValue',
            period: 'thisQuarter',
            comparison: 'previousPeriod',
            sparkline: 4,
        });
        expect(doc.query).toContainGraphql('CloseDate: { eq: { literal: THIS_QUARTER } }');
        expect(doc.query).not.toContain('TOMORROW');
        expect(plan.requests[0].notes).toEqual(['comparisonNotSupported', 'sparklineNotSupported']);
        expect(plan.requests[0].comparisonWindow).toBeUndefined();
        expect(plan.requests[0].reads.comparison).toBeUndefined();
    });

    it.each<[string, KpiRequest, string[]]>([
        [
            'a swapped loss-reason field',
            {
                kpi: 'opportunitiesLost',
                period: 'thisYear',
                groupBy: 'lossReason',
                settings: { lossReasonField: 'Reason_Lost__c' },
            },
            ['groupBy: { Reason_Lost__c: { group: true } }', 'Reason_Lost__c { value label }'],
        ],
        [
            'a list of opened statuses',
            { kpi: 'campaignOpens', period: 'thisYear', settings: { openedStatuses: 'Opened, "Clicked"' } },
            ['Status: { in: ["Opened", "\\"Clicked\\""] }'],
        ],
        [
            'a swapped quota field',
            { kpi: 'pipelineCoverage', period: 'thisQuarter', settings: { quotaField: 'Quarterly_Quota__c' } },
            [
                'User(where: { IsActive: { eq: true } }, groupBy: { Id: { group: true }, ManagerId: { group: true } }',
                'Quarterly_Quota__c @optional { sum { value } }',
            ],
        ],
    ])('puts the admin’s choices in: %s', (_choice, request, fragments) => {
        const query = single(request).doc.query;
        for (const fragment of fragments) expect(query).toContainGraphql(fragment);
    });

    it('reads the quota of the viewer or the viewer’s team, one row a person, unless the tile has a target', () => {
        const mine = single({ kpi: 'pipelineCoverage', period: 'thisQuarter', scope: 'mine' }).doc.query;
        // Per person with their manager: kpiResults leaves out the roll-up copies of managers (each quota once).
        expect(mine).toContainGraphql(
            'User(where: { IsActive: { eq: true }, Id: { eq: $userId } }, groupBy: { Id: { group: true }, ManagerId: { group: true } }',
        );
        expect(mine).toContainGraphql('Id { value count { value } } ManagerId { value }');
        const team = single({ kpi: 'pipelineCoverage', period: 'thisQuarter', scope: 'team' }).doc.query;
        expect(team).toContainGraphql(`User(where: { IsActive: { eq: true }, or: [${levels(5)}] }`);
        const { plan, doc } = single({ kpi: 'pipelineCoverage', period: 'thisQuarter', target: 500000 });
        expect(doc.query).not.toContainGraphql('User(');
        expect(plan.requests[0].target).toBe(500000);
        // Won revenue counts to date although the pipeline takes the whole quarter.
        expect(doc.query).toContainGraphql(
            '{ IsWon: { eq: true } }, { CloseDate: { eq: { literal: THIS_QUARTER }, lt: { literal: TOMORROW } } }',
        );
    });

    it('averages a date difference from year and day-in-year histograms', () => {
        const { plan, doc } = single({ kpi: 'averageSalesCycle', period: 'thisYear', comparison: 'previousPeriod' });
        // New York is west of UTC: CreatedDate (a DateTime) also counts the records whose local day is the UTC
        // day before; CloseDate is a Date, already the viewer's day.
        expect(Object.keys(plan.requests[0].reads.current).sort()).toEqual([
            'fromBehind',
            'fromDays',
            'toDays',
            'years',
        ]);
        expect(doc.subqueries).toHaveLength(8);
        expect(doc.query).toContainGraphql(
            'groupBy: { CreatedDate: { function: CALENDAR_YEAR }, CloseDate: { function: CALENDAR_YEAR } }',
        );
        expect(doc.query).toContainGraphql('groupBy: { CreatedDate: { function: DAY_IN_YEAR } }');
        expect(doc.query).toContainGraphql('groupBy: { CloseDate: { function: DAY_IN_YEAR } }');
        // EST (−5): before 05:00 UTC the local day is the one before; EDT (−4) before 04:00; each band with the
        // instants its offset held.
        expect(doc.query).toContainGraphql('CreatedDate: { HOUR_IN_DAY: { value: { lt: 5 } } }');
        expect(doc.query).toContainGraphql('CreatedDate: { HOUR_IN_DAY: { value: { lt: 4 } } }');
    });

    it('counts no day shift for a viewer on UTC, and the days ahead for one east of it', () => {
        const utc = { ...context, calendar: { ...context.calendar, timeZone: 'UTC' } };
        const onUtc = single({ kpi: 'averageSalesCycle', period: 'thisYear' }, utc);
        expect(Object.keys(onUtc.plan.requests[0].reads.current).sort()).toEqual(['fromDays', 'toDays', 'years']);
        expect(onUtc.doc.query).not.toContain('HOUR_IN_DAY');
        const kiritimati = { ...context, calendar: { ...context.calendar, timeZone: 'Pacific/Kiritimati' } };
        const east = single({ kpi: 'averageDaysLeadToOpportunity', period: 'thisYear' }, kiritimati);
        expect(Object.keys(east.plan.requests[0].reads.current)).toContain('fromAhead');
        // A zone without DST is one band at every instant: no date ranges.
        expect(east.doc.query).toContainGraphql('CreatedDate: { HOUR_IN_DAY: { value: { gte: 10 } } }');
    });

    it('reads month-aligned Date sparklines per quarter or month, 12 months a subquery', () => {
        const quarters = single({ kpi: 'winRate', period: 'thisQuarter', sparkline: 4 });
        const [quarterly] = quarters.doc.subqueries.filter((s) => s.slice);
        expect(quarterly.groupBy).toEqual([{ field: 'IsWon' }, { field: 'CloseDate', fn: 'CALENDAR_QUARTER' }]);
        expect(quarterly.slice).toEqual({ fn: 'CALENDAR_QUARTER', start: '2023-07-01', end: '2024-05-21' });
        expect(quarters.doc.query).toContainGraphql('CloseDate { calendarQuarter { value } }');
        expect(quarters.plan.requests[0].notes).toEqual([]);

        const months = single({ kpi: 'opportunitiesWon', period: 'thisMonth', sparkline: 24 });
        const chunks = months.doc.subqueries.filter((s) => s.slice).map((s) => s.slice);
        expect(chunks).toEqual([
            { fn: 'CALENDAR_MONTH', start: '2022-06-01', end: '2023-06-01' },
            { fn: 'CALENDAR_MONTH', start: '2023-06-01', end: '2024-05-21' },
        ]);
        expect(months.doc.query).toContainGraphql('groupBy: { CloseDate: { function: CALENDAR_MONTH } }');

        // Fiscal quarters from February are not calendar quarters: months.
        const fiscal = single({ kpi: 'closedWonRevenue', period: 'thisFiscalQuarter', sparkline: 4 });
        expect(fiscal.doc.subqueries.filter((s) => s.slice).map((s) => s.slice)).toEqual([
            { fn: 'CALENDAR_MONTH', start: '2023-08-01', end: '2024-05-21' },
        ]);
    });

    it('reads fiscal years per calendar year in two month segments, however many years', () => {
        const { doc } = single({ kpi: 'opportunitiesWon', period: 'thisFiscalYear', sparkline: 10 });
        expect(doc.subqueries.filter((s) => s.slice).map((s) => s.slice)).toEqual([
            { fn: 'CALENDAR_YEAR', start: '2015-02-01', end: '2024-05-21', months: [1, 1] },
            { fn: 'CALENDAR_YEAR', start: '2015-02-01', end: '2024-05-21', months: [2, 12] },
        ]);
        expect(doc.query).toContainGraphql('{ CloseDate: { CALENDAR_MONTH: { value: { lte: 1 } } } }');
        expect(doc.query).toContainGraphql('{ CloseDate: { CALENDAR_MONTH: { value: { gte: 2 } } } }');
    });

    it('reads weeks and rolling days per day: DAY_IN_YEAR chunks of at most 365 days for Date fields', () => {
        const closed = single({ kpi: 'winRate', period: 'rollingDays:100', sparkline: 5 });
        const chunks = closed.doc.subqueries.filter((s) => s.slice).map((s) => s.slice!);
        expect(chunks.map((c) => [c.fn, c.start, c.end])).toEqual([
            ['DAY_IN_YEAR', '2023-01-02', '2024-01-02'],
            ['DAY_IN_YEAR', '2024-01-02', '2024-05-21'],
        ]);
        const weeks = single({ kpi: 'emailsSent', period: 'thisWeek', sparkline: 8 });
        expect(weeks.doc.query).toContainGraphql('groupBy: { ActivityDate: { function: DAY_IN_YEAR } }');
    });

    it('reads the slivers between UTC and the viewer’s midnight at DateTime bucket edges by UTC day, apart', () => {
        const created = single({ kpi: 'leadsCreated', period: 'thisMonth', sparkline: 3 });
        const [months, edges] = created.doc.subqueries.filter((s) => s.slice).map((s) => s.slice!);
        // New York (UTC-4): from UTC midnight to 04:00Z it is still the day before for the viewer.
        const west = [
            { start: '2024-04-01T00:00:00Z', end: '2024-04-01T04:00:00Z', utcDay: '2024-04-01', day: '2024-03-31' },
            { start: '2024-05-01T00:00:00Z', end: '2024-05-01T04:00:00Z', utcDay: '2024-05-01', day: '2024-04-30' },
            { start: '2024-05-21T00:00:00Z', end: '2024-05-21T04:00:00Z', utcDay: '2024-05-21', day: '2024-05-20' },
        ];
        expect(months).toEqual({ fn: 'CALENDAR_MONTH', start: '2024-03-01', end: '2024-05-21', edges: west });
        expect(edges).toEqual({ fn: 'DAY_ONLY', start: '2024-03-01', end: '2024-05-21', edges: west, edgesOnly: true });
        expect(created.doc.query).toContainGraphql(
            '{ not: { or: [{ CreatedDate: { gte: { value: $t2 }, lt: { value: $t3 } } }',
        );
        const edgeDays = created.doc.subqueries.find((s) => s.slice?.edgesOnly)!;
        expect(created.doc.query).toContainGraphql(
            `${edgeDays.alias}: Lead(where: { or: [{ CreatedDate: { gte: { value: $t2 }, lt: { value: $t3 } } }`,
        );
        expect(created.doc.query).toContainGraphql('CreatedDate { dayOnly { value } }');
        expect(created.doc.variables).toMatchObject({ t0: '2024-03-01T05:00:00Z', t2: '2024-04-01T00:00:00Z' });
        expect(created.plan.requests[0].notes).toEqual([]);

        // Kiritimati (UTC+14): the viewer's day starts ten hours before UTC's.
        const kiritimati = { ...context, calendar: { ...context.calendar, timeZone: 'Pacific/Kiritimati' } };
        const east = single({ kpi: 'leadsCreated', period: 'thisMonth', sparkline: 2 }, kiritimati);
        expect(east.doc.subqueries.find((s) => s.slice?.edgesOnly)!.slice!.edges).toEqual([
            { start: '2024-03-31T10:00:00Z', end: '2024-04-01T00:00:00Z', utcDay: '2024-03-31', day: '2024-04-01' },
            { start: '2024-04-30T10:00:00Z', end: '2024-05-01T00:00:00Z', utcDay: '2024-04-30', day: '2024-05-01' },
        ]);

        // Days and weeks exclude the slivers at bucket edges only; a viewer on UTC has none.
        const weeks = single({ kpi: 'opportunitiesOpened', period: 'thisWeek', sparkline: 3 });
        expect(weeks.doc.subqueries.filter((s) => s.slice).map((s) => [s.slice!.fn, s.slice!.edges?.length])).toEqual([
            ['DAY_ONLY', 2],
            ['DAY_ONLY', 2],
        ]);
        const utc = { ...context, calendar: { ...context.calendar, timeZone: 'UTC' } };
        const plain = single({ kpi: 'leadsCreated', period: 'thisMonth', sparkline: 3 }, utc);
        expect(plain.doc.subqueries.filter((s) => s.slice).map((s) => s.slice)).toEqual([
            { fn: 'CALENDAR_MONTH', start: '2024-03-01', end: '2024-05-21' },
        ]);
        expect(plain.doc.query).not.toContainGraphql('not:');

        const ratio = single({ kpi: 'leadConversionRate', period: 'thisMonth', sparkline: 6 });
        expect(Object.keys(ratio.plan.requests[0].reads.sparkline!).sort()).toEqual(['denominator', 'numerator']);
        expect(ratio.plan.requests[0].reads.sparkline!.denominator).toHaveLength(2);
    });

    it('has no sparkline where days do not add up', () => {
        for (const kpi of ['averageSalesCycle', 'leadsFromCampaigns', 'pipelineCoverage']) {
            const { plan } = single({ kpi, period: 'thisMonth', sparkline: 4 });
            expect(plan.requests[0].notes).toContain('sparklineNotSupported');
            expect(plan.requests[0].sparkline).toEqual([]);
        }
        const grouped = single({ kpi: 'winRate', period: 'thisMonth', sparkline: 4, groupBy: 'owner' });
        expect(grouped.plan.requests[0].notes).toEqual(['sparklineNotSupported']);
    });
});

describe('bad requests', () => {
    const cases: [string, Partial<KpiRequest>, object, PlanContext?][] = [
        [
            'an unknown KPI',
            { kpi: 'revenuePerEmployee' },
            { code: 'unknownKpi', property: 'kpi', value: 'revenuePerEmployee' },
        ],
        [
            'an unknown period',
            { period: 'nextQuarter' },
            { code: 'badPeriod', property: 'period', value: 'nextQuarter' },
        ],
        ['a zero-day window', { period: 'rollingDays:0' }, { code: 'badPeriod', property: 'period' }],
        ['an unknown comparison', { comparison: 'lastWeek' }, { code: 'badComparison', property: 'comparison' }],
        ['an unknown scope', { scope: 'company' }, { code: 'badScope', property: 'scope', value: 'company' }],
        [
            'scope mine without a user',
            { scope: 'mine' },
            { code: 'noUser', property: 'scope' },
            { ...context, userId: undefined },
        ],
        ['scope team with a bad user Id', { scope: 'team' }, { code: 'noUser' }, { ...context, userId: 'me' }],
        [
            'a field setting that is not an API name',
            { kpi: 'opportunitiesLost', groupBy: 'lossReason', settings: { lossReasonField: 'Name } x' } },
            { code: 'badSetting', property: 'lossReasonField' },
        ],
        [
            'an empty status list',
            { kpi: 'campaignOpens', settings: { openedStatuses: ' , ' } },
            { code: 'badSetting', property: 'openedStatuses' },
        ],
        [
            'a status list of non-strings',
            { kpi: 'campaignOpens', settings: { openedStatuses: true } },
            { code: 'badSetting' },
        ],
        [
            'a boolean setting that is not one',
            { kpi: 'averageContractValue', settings: { amountsAreMonthly: 'yes' } },
            { code: 'badSetting', property: 'amountsAreMonthly' },
        ],
        ['a negative sparkline', { sparkline: -1 }, { code: 'badSparkline', property: 'sparkline' }],
        ['a fractional sparkline', { sparkline: 1.5 }, { code: 'badSparkline' }],
        ['too many sparkline periods', { sparkline: 61 }, { code: 'badSparkline' }],
        [
            'a sparkline over too many Date days',
            { kpi: 'opportunitiesWon', period: 'rollingDays:365', comparison: 'previousPeriod', sparkline: 9 },
            { code: 'sparklineTooLong', property: 'sparkline' },
        ],
        [
            'a sparkline over too many DateTime days',
            { kpi: 'leadsCreated', period: 'rollingDays:365', sparkline: 6 },
            { code: 'sparklineTooLong' },
        ],
        [
            'a sparkline that needs more subqueries than a document holds',
            { kpi: 'leadConversionRate', period: 'thisMonth', comparison: 'previousPeriod', sparkline: 60 },
            { code: 'sparklineTooLong', value: '60' },
        ],
        [
            'a breakdown the KPI lacks',
            { kpi: 'emailsSent', groupBy: 'lossReason' },
            { code: 'badGrouping', property: 'groupBy' },
        ],
        ['a negative target', { kpi: 'pipelineCoverage', target: -5 }, { code: 'badTarget', property: 'target' }],
        ['a target that is not a number', { kpi: 'pipelineCoverage', target: NaN }, { code: 'badTarget' }],
        [
            'a bad time zone',
            {},
            { code: 'badCalendar', property: 'timeZone' },
            { ...context, calendar: { ...context.calendar, timeZone: 'Mars/Base' } },
        ],
        [
            'a bad fiscal month',
            {},
            { code: 'badCalendar', property: 'fiscalYearStartMonth' },
            { ...context, calendar: { ...context.calendar, fiscalYearStartMonth: 0 } },
        ],
    ];
    it.each(cases)('rejects %s, naming the property', (_name, change, problem, ctx = context) => {
        const request = { kpi: 'leadsCreated', period: 'thisMonth', ...change } as KpiRequest;
        const plan = planKpis([request, { kpi: 'opportunitiesWon', period: 'thisMonth', key: 'neighbour' }], ctx);
        expect(plan.rejected[0].problems).toContainEqual(expect.objectContaining(problem));
        // The good request next to it is still planned, unless the calendar itself is bad.
        const calendarIsBad = ctx.calendar !== context.calendar;
        expect(plan.requests.map((r) => r.key)).toEqual(calendarIsBad ? [] : ['neighbour']);
    });

    it('rejects a second request with the same key, and junk', () => {
        const plan = planKpis(
            [
                { kpi: 'winRate', period: 'thisMonth' },
                { kpi: 'winRate', period: 'lastMonth' },
                { kpi: 'winRate', period: 'lastMonth', key: 'winRateLastMonth' },
                null as unknown as KpiRequest,
            ],
            context,
        );
        expect(plan.requests.map((r) => r.key)).toEqual(['winRate', 'winRateLastMonth']);
        expect(plan.rejected[0].problems).toEqual([{ code: 'duplicateKey', property: 'key', value: 'winRate' }]);
        expect(plan.rejected[1].problems[0]).toMatchObject({ code: 'unknownKpi', property: 'kpi' });
    });

    it('rejects a KPI that needs more subqueries than a document may hold', () => {
        const plan = planKpis([{ kpi: 'averageSalesCycle', period: 'thisYear' }], { ...context, maxSubqueries: 2 });
        expect(plan.rejected[0].problems).toEqual([{ code: 'tooManySubqueries', property: 'kpi', value: '4' }]);
    });

    it('buckets yearly sparklines by CALENDAR_YEAR, however many years', () => {
        const { doc } = single({ kpi: 'opportunitiesWon', period: 'thisYear', sparkline: 10 });
        expect(doc.query).toContainGraphql('groupBy: { CloseDate: { function: CALENDAR_YEAR } }');
        expect(doc.subqueries).toHaveLength(2);
        const january = { ...context, calendar: { ...context.calendar, fiscalYearStartMonth: 1 } };
        expect(
            single({ kpi: 'leadsCreated', period: 'lastFiscalYear', sparkline: 10 }, january).doc.query,
        ).toContainGraphql('groupBy: { CreatedDate: { function: CALENDAR_YEAR } }');
    });

    it('plans nothing for nothing', () => {
        expect(planKpis([], context)).toEqual({ documents: [], requests: [], rejected: [] });
    });
});

describe('the records behind a number', () => {
    it('filters them as the number was, newest first', () => {
        const { drillDown, problems } = planDrillDown(
            { kpi: 'winRate', period: 'thisQuarter', scope: 'mine' },
            context,
            ['Name', 'Amount', 'Id', 'Amount'],
            25,
        );
        expect(problems).toEqual([]);
        expect(drillDown).toMatchObject({
            object: 'Opportunity',
            operationName: 'KpiRecords',
            variables: { userId: USER },
        });
        const query = kpiRecordsQuery(drillDown);
        expect(() => parse(query)).not.toThrow();
        expect(query).toContainGraphql(
            'Opportunity(where: { and: [{ IsClosed: { eq: true } }, { CloseDate: { eq: { literal: THIS_QUARTER }, lt: { literal: TOMORROW } } }, { OwnerId: { eq: $userId } }] }, first: 25, orderBy: { CloseDate: { order: DESC }, Id: { order: ASC } }) {',
        );
        expect(query).toContainGraphql(
            'edges { node { Id Name @optional { value displayValue } Amount @optional { value displayValue } } }',
        );
    });

    it('shows the converted leads of a conversion rate and the open deals of coverage', () => {
        const converted = planDrillDown({ kpi: 'leadConversionRate', period: 'lastMonth' }, context, [
            'Name',
        ]).drillDown!;
        expect(converted.query).toContainGraphql(
            'Lead(where: { and: [{ IsConverted: { eq: true } }, { ConvertedDate: { eq: { literal: LAST_MONTH } } }] }',
        );
        expect(converted.variables).toEqual({});
        const open = planDrillDown({ kpi: 'pipelineCoverage', period: 'thisQuarter' }, context, ['Name']).drillDown!;
        expect(open.query).toContainGraphql(
            '{ IsClosed: { eq: false } }, { CloseDate: { eq: { literal: THIS_QUARTER } } }',
        );
    });

    it('does not sort by a parent’s field', () => {
        const members = planDrillDown({ kpi: 'leadsFromCampaigns', period: 'thisYear' }, context, [
            'Status',
        ]).drillDown!;
        expect(members.query).not.toContain('orderBy');
    });

    it('refuses bad field names, page sizes and requests', () => {
        expect(planDrillDown({ kpi: 'winRate', period: 'thisMonth' }, context, ['Name }']).problems).toEqual([
            { code: 'badSetting', property: 'fields', value: 'Name }' },
        ]);
        expect(planDrillDown({ kpi: 'winRate', period: 'thisMonth' }, context, ['Name'], 0).problems).toEqual([
            { code: 'badSetting', property: 'first', value: '0' },
        ]);
        expect(planDrillDown({ kpi: 'nope', period: 'thisMonth' }, context, []).problems[0].code).toBe('unknownKpi');
        expect(kpiRecordsQuery(undefined)).toBe('');
    });
});
