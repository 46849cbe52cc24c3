import fc from 'fast-check';
import { KPI_CATALOG, KPI_GROUPINGS, KPI_SETTINGS } from 'c/kpiCatalog';
import { daysBetween, isoDate, localDay, parseIsoDate, startOfDayMs } from 'c/kpiPeriods';
import { planKpis } from 'c/kpiPlanner';
import type { KpiDocument, KpiPlan, KpiRequest, PlanContext, PlannedSubquery } from 'c/kpiPlanner';
import {
    describeNote,
    describeProblem,
    kpiHelp,
    kpiOptions,
    kpiTitle,
    readAllResults,
    readResults,
} from 'c/kpiResults';
import { KPI_LABELS } from '../kpiResultsLabels';
import { FIXTURE_NOW, locationOf } from '../../../../../test/jest/kpiTestUtils';

const context: PlanContext = {
    userId: '005000000000001AAA',
    now: FIXTURE_NOW,
    calendar: { timeZone: 'UTC', firstDayOfWeek: 1, fiscalYearStartMonth: 1 },
};

type Rec = Record<string, unknown>;

const dayInYear = (date: string) => parseIsoDate(date.slice(0, 10)) - parseIsoDate(`${date.slice(0, 4)}-01-01`) + 1;
// Dates and UTC instants (`…Z`) alike: date functions read the UTC calendar, as SOQL's do on DateTime fields.
const FN: Record<string, [string, (value: string) => unknown]> = {
    CALENDAR_YEAR: ['calendarYear', (v) => Number(v.slice(0, 4))],
    CALENDAR_QUARTER: ['calendarQuarter', (v) => Math.floor((Number(v.slice(5, 7)) - 1) / 3) + 1],
    CALENDAR_MONTH: ['calendarMonth', (v) => Number(v.slice(5, 7))],
    DAY_IN_YEAR: ['dayInYear', dayInYear],
    DAY_ONLY: ['dayOnly', (v) => v.slice(0, 10)],
};

/** Whether a record passes a sparkline subquery's date conditions: its days, months and edge slivers. */
function inSlice(subquery: PlannedSubquery, record: Rec, timeZone: string): boolean {
    const slice = subquery.slice;
    if (!slice) return true;
    const raw = record[subquery.groupBy[subquery.groupBy.length - 1].field];
    if (typeof raw !== 'string') return false;
    const instant = raw.length > 10 ? Date.parse(raw) : undefined;
    const inEdge = (slice.edges ?? []).some(
        (edge) => instant !== undefined && Date.parse(edge.start) <= instant && instant < Date.parse(edge.end),
    );
    if (slice.edgesOnly) return inEdge;
    const within =
        instant === undefined
            ? slice.start <= raw && raw < slice.end
            : startOfDayMs(slice.start, timeZone) <= instant && instant < startOfDayMs(slice.end, timeZone);
    const month = Number(raw.slice(5, 7));
    const inMonths = !slice.months || (slice.months[0] <= month && month <= slice.months[1]);
    return within && inMonths && !inEdge;
}

/** A stand-in for UI API aggregates: groups the records a subquery is given and aggregates them as it selects. */
function aggregateResponse(subquery: PlannedSubquery, records: Rec[], omit: string[] = [], timeZone = 'UTC'): unknown {
    const within = records.filter((r) => inSlice(subquery, r, timeZone));
    const keyOf = (r: Rec) =>
        subquery.groupBy.map((k) => {
            return k.fn ? (r[k.field] == null ? null : FN[k.fn][1](String(r[k.field]))) : (r[k.field] ?? null);
        });
    const groups = new Map<string, Rec[]>();
    if (subquery.groupBy.length === 0) groups.set('[]', within);
    for (const r of subquery.groupBy.length ? within : []) {
        const key = JSON.stringify(keyOf(r));
        groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    const edges = [...groups.values()].map((group) => {
        const aggregate: Record<string, Record<string, unknown>> = {};
        subquery.groupBy.forEach((k, i) => {
            const value = keyOf(group[0])[i];
            aggregate[k.field] = k.fn
                ? { [FN[k.fn][0]]: { value } }
                : { value, ...(k.label ? { label: value === null ? null : `${String(value)} (label)` } : {}) };
        });
        for (const selection of subquery.selections) {
            if (omit.includes(selection.field)) continue;
            const values = group
                .map((r) => r[selection.field])
                .filter((v) => v !== null && v !== undefined) as number[];
            const field = (aggregate[selection.field] ??= {});
            for (const fn of selection.fns) {
                const value =
                    fn === 'count'
                        ? values.length
                        : fn === 'countDistinct'
                          ? new Set(values).size
                          : values.length === 0
                            ? null
                            : fn === 'sum'
                              ? values.reduce((a, b) => a + b, 0)
                              : values.reduce((a, b) => a + b, 0) / values.length;
                field[fn] = { value };
            }
        }
        return { node: { aggregate } };
    });
    return { edges, ...(subquery.groupBy.length ? { pageInfo: { hasNextPage: false } } : {}) };
}

/** Which window and role of which request reads each alias. */
function rolesOf(plan: KpiPlan, index = 0): Map<string, { key: string; window: string; role: string }[]> {
    const roles = new Map<string, { key: string; window: string; role: string }[]>();
    for (const request of plan.requests.filter((r) => r.document === index)) {
        for (const [window, reads] of Object.entries(request.reads)) {
            for (const [role, aliases] of Object.entries(reads ?? {})) {
                for (const alias of aliases)
                    roles.set(alias, [...(roles.get(alias) ?? []), { key: request.key, window, role }]);
            }
        }
    }
    return roles;
}

type Records = (window: string, role: string, key: string) => Rec[];

function respond(
    plan: KpiPlan,
    records: Records,
    index = 0,
    omit: string[] = [],
    timeZone = 'UTC',
): { uiapi: { aggregate: Rec } } {
    const roles = rolesOf(plan, index);
    const doc: KpiDocument = plan.documents[index];
    const aggregate: Rec = {};
    for (const subquery of doc.subqueries) {
        const { key, window, role } = roles.get(subquery.alias)![0];
        aggregate[subquery.alias] = aggregateResponse(subquery, records(window, role, key), omit, timeZone);
    }
    return { uiapi: { aggregate } };
}

/** The subquery a request (the first unless named) reads its current value from. */
const currentAlias = (plan: KpiPlan, key = plan.requests[0].key) =>
    plan.requests.find((r) => r.key === key)!.reads.current.value[0];

function plan1(request: KpiRequest): KpiPlan {
    const plan = planKpis([request], context);
    expect(plan.rejected).toEqual([]);
    return plan;
}

let next = 0;
const rec = (fields: Rec): Rec => ({ Id: `006${String(next++).padStart(15, '0')}`, ...fields });
const many = (n: number, fields: Rec) => Array.from({ length: n }, () => rec(fields));

describe('values from server aggregates', () => {
    it('counts records and compares with the previous period, with a sparkline', () => {
        const plan = plan1({
            kpi: 'leadsCreated',
            period: 'thisMonth',
            comparison: 'previousPeriod',
            sparkline: 3,
            scope: 'mine',
        });
        const data = respond(plan, (window) => {
            return window === 'current'
                ? many(7, {})
                : window === 'comparison'
                  ? many(5, {})
                  : [
                        ...many(2, { CreatedDate: '2024-03-05T12:00:00Z' }),
                        ...many(3, { CreatedDate: '2024-04-30T23:59:00Z' }),
                        ...many(7, { CreatedDate: '2024-05-20T10:00:00Z' }),
                    ];
        });
        const result = readResults(plan, data, []).leadsCreated;
        expect(result).toMatchObject({
            status: 'ok',
            value: 7,
            comparisonValue: 5,
            sampleSize: 7,
            comparisonSampleSize: 5,
            lowSample: false,
            notes: [],
            window: { start: '2024-05-01', end: '2024-05-21', toDate: true },
            comparisonWindow: { start: '2024-04-01', end: '2024-04-21' },
        });
        expect(result.sparkline.map((p) => [p.start, p.value])).toEqual([
            ['2024-03-01', 2],
            ['2024-04-01', 3],
            ['2024-05-01', 7],
        ]);
    });

    it('sums, divides per deal, averages and annualizes amounts', () => {
        const won = [rec({ Amount: 100 }), rec({ Amount: 300 }), rec({ Amount: null })];
        const requests: KpiRequest[] = [
            { kpi: 'closedWonRevenue', period: 'thisQuarter' },
            { kpi: 'averageDealSize', period: 'thisQuarter' },
            { kpi: 'averageContractValue', period: 'thisQuarter' },
            {
                kpi: 'averageContractValue',
                period: 'thisQuarter',
                key: 'acvMonthly',
                settings: { amountsAreMonthly: true },
            },
        ];
        const plan = planKpis(requests, context);
        // One Opportunity subquery for the four; closed-won revenue also reads its quota target on User.
        expect(plan.documents[0].subqueries.map((s) => s.object)).toEqual(['Opportunity', 'User']);
        const results = readResults(
            plan,
            respond(plan, (_w, role) => (role === 'target' ? [] : won)),
        );
        expect(results.closedWonRevenue).toMatchObject({ value: 400, sampleSize: 3 });
        expect(results.averageDealSize).toMatchObject({ value: 400 / 3, sampleSize: 3 });
        expect(results.averageContractValue).toMatchObject({ value: 200, sampleSize: 2 });
        expect(results.acvMonthly).toMatchObject({ value: 2400, sampleSize: 2 });
    });

    it('shows a missing average as empty, a zero count as zero', () => {
        const plan = planKpis(
            [
                { kpi: 'averageContractValue', period: 'thisQuarter' },
                { kpi: 'opportunitiesLost', period: 'thisQuarter' },
            ],
            context,
        );
        const results = readResults(
            plan,
            respond(plan, () => []),
        );
        expect(results.averageContractValue).toMatchObject({ status: 'empty', value: null, sampleSize: 0 });
        expect(results.opportunitiesLost).toMatchObject({ status: 'ok', value: 0 });
    });

    it('reads a share from one grouped subquery and flags a small sample', () => {
        const plan = plan1({ kpi: 'winRate', period: 'thisQuarter', comparison: 'samePeriodLastYear' });
        const data = respond(plan, (window) => {
            return window === 'current'
                ? [...many(3, { IsWon: true }), ...many(9, { IsWon: false })]
                : [...many(30, { IsWon: true }), ...many(10, { IsWon: false })];
        });
        expect(readResults(plan, data).winRate).toMatchObject({
            value: 0.25,
            sampleSize: 12,
            lowSample: true,
            comparisonValue: 0.75,
            comparisonSampleSize: 40,
        });
    });

    it('weighs a share by amount, and by the admin’s statuses', () => {
        const plan = planKpis(
            [
                { kpi: 'winRateByAmount', period: 'thisYear' },
                { kpi: 'campaignOpenRate', period: 'thisYear', settings: { openedStatuses: ['Opened'] } },
            ],
            context,
        );
        const results = readResults(
            plan,
            respond(plan, (_w, _r, key) => {
                return key === 'winRateByAmount'
                    ? [rec({ IsWon: true, Amount: 300 }), rec({ IsWon: false, Amount: 100 })]
                    : [
                          rec({ Status: 'Opened' }),
                          rec({ Status: 'Responded' }),
                          rec({ Status: 'Sent' }),
                          rec({ Status: 'Sent' }),
                      ];
            }),
        );
        expect(results.winRateByAmount.value).toBe(0.75);
        expect(results.campaignOpenRate).toMatchObject({ value: 0.25, sampleSize: 4, lowSample: true });
    });

    it('divides two differently dated counts; no leads means no rate', () => {
        const plan = plan1({ kpi: 'leadConversionRate', period: 'thisMonth', comparison: 'previousPeriod' });
        const data = respond(plan, (window, role) => {
            return window === 'current'
                ? many(role === 'numerator' ? 6 : 24, {})
                : many(role === 'numerator' ? 3 : 0, {});
        });
        expect(readResults(plan, data).leadConversionRate).toMatchObject({
            status: 'ok',
            value: 0.25,
            sampleSize: 24,
            comparisonValue: null,
            comparisonSampleSize: 0,
        });
    });

    it('covers what is left of the target with open pipeline', () => {
        const request: KpiRequest = { kpi: 'pipelineCoverage', period: 'thisQuarter', scope: 'team' };
        const plan = plan1(request);
        const records: Records = (_w, role) => {
            return role === 'pipeline'
                ? [rec({ Amount: 600 }), rec({ Amount: 300 })]
                : role === 'won'
                  ? [rec({ Amount: 100 })]
                  : [rec({ Sales_Quota__c: 250 }), rec({ Sales_Quota__c: 250 })];
        };
        expect(readResults(plan, respond(plan, records)).pipelineCoverage).toMatchObject({
            status: 'ok',
            value: 900 / 400,
            target: 500,
            sampleSize: 2,
        });
        const met = plan1({ ...request, target: 100 });
        expect(readResults(met, respond(met, records)).pipelineCoverage).toMatchObject({
            status: 'targetMet',
            value: null,
            target: 100,
        });
        const none = plan1({ ...request, target: 0 });
        expect(readResults(none, respond(none, records)).pipelineCoverage).toMatchObject({
            status: 'empty',
            target: 0,
        });
    });
});

describe('one target per person (the quota field, each quota once)', () => {
    // The sample company's shape: a VP and managers whose quotas are roll-ups of their reports', reps with their own,
    // a rep without a quota, and a player-coach manager whose reports carry none (their quota is their own).
    const user = (Id: string, ManagerId: string | null, quota: number | null) =>
        rec({ Id, ManagerId, Sales_Quota__c: quota });
    const people = [
        user('005VP', null, 1000),
        user('005M1', '005VP', 500),
        user('005M2', '005VP', 400),
        user('005M3', '005VP', 100),
        user('005R1', '005M1', 300),
        user('005R2', '005M1', 200),
        user('005R3', '005M2', 400),
        user('005R4', '005M2', null),
        user('005R5', '005M3', null),
    ];
    const records: Records = (_w, role) =>
        role === 'target' ? people : role === 'pipeline' ? [rec({ Amount: 2400 })] : [];

    it.each([
        ['thisFiscalQuarter', 1000],
        ['thisMonth', 1000 / 3],
        ['thisYear', 4000],
        ['rollingDays:90', (1000 * 91) / (365.25 / 4)],
    ])('closed-won revenue and coverage measure against the same target, %s: %d', (period, target) => {
        const plan = plan1({ kpi: 'closedWonRevenue', period, scope: 'all' });
        const both = planKpis(
            [
                { kpi: 'closedWonRevenue', period, scope: 'all' },
                { kpi: 'pipelineCoverage', period, scope: 'all' },
            ],
            context,
        );
        expect(readResults(plan, respond(plan, records)).closedWonRevenue.target).toBeCloseTo(target, 6);
        const results = readResults(both, respond(both, records));
        expect(results.closedWonRevenue.target).toBeCloseTo(target, 6);
        expect(results.pipelineCoverage.target).toBeCloseTo(target, 6);
    });

    it('has no target, not a target of 0, when nobody in scope has a quota', () => {
        const plan = plan1({ kpi: 'closedWonRevenue', period: 'thisQuarter', scope: 'mine' });
        const result = readResults(
            plan,
            respond(plan, (_w, role) => (role === 'target' ? [user('005R4', '005M2', null)] : [rec({ Amount: 5 })])),
        ).closedWonRevenue;
        expect(result).toMatchObject({ status: 'ok', value: 5, target: null });
        expect(result.targetError).toBeUndefined();
    });

    it('reads no quota when the tile types a target, or for a breakdown', () => {
        for (const request of [
            { kpi: 'closedWonRevenue', period: 'thisQuarter', target: 900 },
            { kpi: 'closedWonRevenue', period: 'thisQuarter', groupBy: 'owner' },
        ] satisfies KpiRequest[]) {
            const plan = plan1(request);
            expect(plan.documents[0].subqueries.map((s) => s.object)).toEqual(['Opportunity']);
        }
        const typed = plan1({ kpi: 'closedWonRevenue', period: 'thisQuarter', target: 900 });
        expect(
            readResults(
                typed,
                respond(typed, () => [rec({ Amount: 5 })]),
            ).closedWonRevenue.target,
        ).toBe(900);
    });
});

describe('average duration from date histograms', () => {
    const instant = fc
        .integer({ min: parseIsoDate('2019-01-01'), max: parseIsoDate('2024-05-20') })
        .chain((day) =>
            fc.integer({ min: 0, max: 86_399_999 }).map((ms) => new Date(day * 86_400_000 + ms).toISOString()),
        );
    const deal = instant.chain((created) =>
        fc
            .integer({ min: 0, max: 900 })
            .map((length) => ({ created, closed: new Date(Date.parse(created.slice(0, 10)) + length * 86_400_000) })),
    );

    it('equals the mean of close − create over the records, exactly', () => {
        fc.assert(
            fc.property(fc.array(deal, { minLength: 1, maxLength: 60 }), (deals) => {
                const plan = plan1({ kpi: 'averageSalesCycle', period: 'lastYear' });
                const records = deals.map((d) =>
                    rec({ CreatedDate: d.created, CloseDate: d.closed.toISOString().slice(0, 10) }),
                );
                const expected =
                    records.reduce(
                        (sum, r) => sum + daysBetween(String(r.CreatedDate).slice(0, 10), String(r.CloseDate)),
                        0,
                    ) / records.length;
                const result = readResults(
                    plan,
                    respond(plan, () => records),
                ).averageSalesCycle;
                expect(result.sampleSize).toBe(records.length);
                expect(result.value).toBeCloseTo(expected, 9);
            }),
            { numRuns: 100 },
        );
    });

    it('refuses to average when some records lack a date', () => {
        const plan = plan1({ kpi: 'averageDaysLeadToOpportunity', period: 'thisYear' });
        const records = [
            rec({ CreatedDate: '2024-01-02T10:00:00Z', ConvertedDate: '2024-02-01' }),
            rec({ CreatedDate: '2024-01-02T10:00:00Z', ConvertedDate: null }),
        ];
        const result = readResults(
            plan,
            respond(plan, () => records),
        ).averageDaysLeadToOpportunity;
        expect(result).toMatchObject({
            status: 'error',
            error: { kind: 'incomplete', messages: ['c.kpiResultInconsistent'] },
        });
        const empty = readResults(
            plan,
            respond(plan, () => []),
        ).averageDaysLeadToOpportunity;
        expect(empty).toMatchObject({ status: 'empty', value: null, sampleSize: 0 });
    });
});

describe('sparklines', () => {
    // Time zones west and east of UTC, with DST, a half-hour offset and the extremes; periods of every grain.
    const zones = [
        'UTC',
        'America/New_York',
        'Pacific/Kiritimati',
        'Etc/GMT+12',
        'Australia/Lord_Howe',
        'Asia/Kolkata',
    ];
    const periods: [string, number][] = [
        ['thisMonth', 4],
        ['thisQuarter', 3],
        ['thisFiscalQuarter', 5],
        ['thisFiscalYear', 3],
        ['lastYear', 2],
        ['thisWeek', 3],
        ['rollingDays:10', 4],
    ];
    it.each(zones.flatMap((zone) => periods.map(([period, count]) => [zone, period, count] as const)))(
        'puts every record in the bucket of its day for the viewer (%s, %s × %d), Date and DateTime fields',
        (timeZone, period, sparkline) => {
            const ctx: PlanContext = { ...context, calendar: { timeZone, firstDayOfWeek: 2, fiscalYearStartMonth: 2 } };
            const requests: KpiRequest[] = ['opportunitiesOpened', 'winRate', 'campaignOpenRate'].map((kpi) => ({
                kpi,
                period,
                sparkline,
            }));
            const plan = planKpis(requests, ctx);
            expect(plan.rejected).toEqual([]);
            const buckets = plan.requests[0].sparkline;
            const low = startOfDayMs(buckets[0].start, timeZone);
            const high = startOfDayMs(buckets[buckets.length - 1].end, timeZone);
            const edges = buckets.map((b) => startOfDayMs(b.start, timeZone));
            const HOUR = 3_600_000;
            // Instants anywhere in the span and up to 15 hours either side of a bucket edge, where UTC and the
            // viewer disagree about the day.
            const instant = fc.oneof(
                fc.integer({ min: low - 15 * HOUR, max: high + 15 * HOUR }),
                fc
                    .tuple(fc.constantFrom(...edges, high), fc.integer({ min: -15 * 60, max: 15 * 60 }))
                    .map(([edge, minutes]) => edge + minutes * 60_000),
            );
            const row = fc.record({ at: instant, won: fc.boolean(), opened: fc.boolean() });
            fc.assert(
                fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
                    const stamp = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
                    const deals = rows.map((r) =>
                        rec({ CreatedDate: stamp(r.at), CloseDate: isoDate(localDay(r.at, timeZone)), IsWon: r.won }),
                    );
                    const members = rows.map((r) =>
                        rec({ CreatedDate: stamp(r.at), Status: r.opened ? 'Opened' : 'Sent' }),
                    );
                    const records: Records = (window, _role, key) =>
                        window !== 'sparkline' ? [] : key === 'campaignOpenRate' ? members : deals;
                    // Three sparklines of 15 months may take two documents (ten subqueries each).
                    const results = readAllResults(
                        plan,
                        plan.documents.map((_, index) => ({ data: respond(plan, records, index, [], timeZone) })),
                    );
                    buckets.forEach((bucket, i) => {
                        const mine = rows.filter((r) => {
                            const day = isoDate(localDay(r.at, timeZone));
                            return bucket.start <= day && day < bucket.end;
                        });
                        const rate = (part: number) => (mine.length ? part / mine.length : null);
                        expect(results.opportunitiesOpened.sparkline[i].value).toBe(mine.length);
                        expect(results.winRate.sparkline[i]).toMatchObject({
                            value: rate(mine.filter((r) => r.won).length),
                            sampleSize: mine.length,
                        });
                        expect(results.campaignOpenRate.sparkline[i].value).toBe(
                            rate(mine.filter((r) => r.opened).length),
                        );
                    });
                }),
                { numRuns: 12 },
            );
        },
    );

    it('reports rows whose date key names no day of the slice instead of dropping them', () => {
        const ctx: PlanContext = { ...context, calendar: { ...context.calendar, timeZone: 'America/New_York' } };
        const plan = planKpis([{ kpi: 'leadsCreated', period: 'thisMonth', sparkline: 3 }], ctx);
        const doc = plan.documents[0];
        const aliases = doc.subqueries.filter((s) => s.slice).map((s) => s.alias);
        const edge = doc.subqueries.find((s) => s.slice?.edgesOnly)!;
        const answer = (months: unknown, day: unknown) => ({
            uiapi: {
                aggregate: {
                    [currentAlias(plan)]: { edges: [] },
                    [aliases[0]]: {
                        edges: [
                            {
                                node: {
                                    aggregate: {
                                        CreatedDate: { calendarMonth: { value: months } },
                                        Id: { count: { value: 2 } },
                                    },
                                },
                            },
                        ],
                        pageInfo: { hasNextPage: false },
                    },
                    [edge.alias]: {
                        edges: [
                            {
                                node: {
                                    aggregate: {
                                        CreatedDate: { dayOnly: { value: day } },
                                        Id: { count: { value: 1 } },
                                    },
                                },
                            },
                        ],
                        pageInfo: { hasNextPage: false },
                    },
                },
            },
        });
        const good = readResults(plan, answer(4, '2024-05-01')).leadsCreated;
        expect(good.sparkline.map((p) => p.value)).toEqual([0, 3, 0]);
        for (const [months, day] of [
            [13, '2024-05-01'],
            [4, '2024-05-02'],
            [null, '2024-05-01'],
        ]) {
            expect(readResults(plan, answer(months, day)).leadsCreated).toMatchObject({
                status: 'error',
                error: { kind: 'incomplete', messages: ['c.kpiResultInconsistent'] },
                sparkline: [],
            });
        }
    });

    it('reads DAY_ONLY and DAY_IN_YEAR keys, joining UTC days just outside the span to the nearest bucket', () => {
        const ctx: PlanContext = { ...context, calendar: { ...context.calendar, timeZone: 'Pacific/Kiritimati' } };
        const plan = planKpis([{ kpi: 'opportunitiesOpened', period: 'thisWeek', sparkline: 2 }], ctx);
        const main = plan.documents[0].subqueries.find((s) => s.slice && !s.slice.edgesOnly)!;
        const rows = (values: unknown[]) => ({
            edges: values.map((value) => ({
                node: { aggregate: { CreatedDate: { dayOnly: { value } }, Id: { count: { value: 1 } } } },
            })),
            pageInfo: { hasNextPage: false },
        });
        const aggregate: Rec = { [currentAlias(plan)]: { edges: [] } };
        for (const s of plan.documents[0].subqueries.filter((q) => q.slice)) aggregate[s.alias] = rows([]);
        aggregate[main.alias] = rows(['2024-05-11', '2024-05-12', '2024-05-22', 'not a day']);
        const broken = readResults(plan, { uiapi: { aggregate } }).opportunitiesOpened;
        expect(broken.error?.kind).toBe('incomplete');
        // A Date field's days come back as day-in-year numbers of the chunk.
        const won = planKpis([{ kpi: 'opportunitiesWon', period: 'thisWeek', sparkline: 2 }], ctx);
        const chunk = won.documents[0].subqueries.find((s) => s.slice)!;
        const days = (values: unknown[]) => ({
            uiapi: {
                aggregate: {
                    [currentAlias(won)]: { edges: [] },
                    [chunk.alias]: {
                        // One row per day, as the server groups them.
                        edges: [...new Set(values)].map((value) => ({
                            node: {
                                aggregate: {
                                    CloseDate: { dayInYear: { value } },
                                    Id: { count: { value: values.filter((v) => v === value).length } },
                                },
                            },
                        })),
                        pageInfo: { hasNextPage: false },
                    },
                },
            },
        });
        // 133 is 12 May 2024, 141 the 20th.
        expect(readResults(won, days([133, 141, 141])).opportunitiesWon.sparkline.map((p) => p.value)).toEqual([1, 2]);
        expect(readResults(won, days([0])).opportunitiesWon.error?.kind).toBe('incomplete');
        aggregate[main.alias] = rows(['2024-05-11', '2024-05-12', '2024-05-22']);
        // Weeks from Sunday 12 May in Kiritimati: the 11th (a UTC day) joins the first bucket, the 22nd the last.
        const result = readResults(plan, { uiapi: { aggregate } }).opportunitiesOpened;
        expect(result.sparkline.map((p) => [p.start, p.value])).toEqual([
            ['2024-05-12', 2],
            ['2024-05-19', 1],
        ]);
    });

    it('reads yearly buckets from CALENDAR_YEAR and averages from daily sums', () => {
        const plan = plan1({ kpi: 'averageContractValue', period: 'thisYear', sparkline: 3 });
        const records = [
            rec({ CloseDate: '2022-06-01', Amount: 10 }),
            rec({ CloseDate: '2022-07-01', Amount: 30 }),
            rec({ CloseDate: '2024-01-01', Amount: 5 }),
        ];
        const result = readResults(
            plan,
            respond(plan, (w) => (w === 'sparkline' ? records : [])),
        ).averageContractValue;
        expect(result.sparkline.map((p) => [p.start, p.value, p.sampleSize])).toEqual([
            ['2022-01-01', 20, 2],
            ['2023-01-01', null, 0],
            ['2024-01-01', 5, 1],
        ]);
    });

    it('computes a ratio per bucket from two histograms', () => {
        const plan = plan1({ kpi: 'leadConversionRate', period: 'thisMonth', sparkline: 2 });
        const result = readResults(
            plan,
            respond(plan, (window, role) => {
                return window !== 'sparkline'
                    ? []
                    : role === 'numerator'
                      ? [rec({ ConvertedDate: '2024-04-10' }), rec({ ConvertedDate: '2024-05-02' })]
                      : [
                            ...many(4, { CreatedDate: '2024-04-03T08:00:00Z' }),
                            ...many(2, { CreatedDate: '2024-05-03T08:00:00Z' }),
                        ];
            }),
        ).leadConversionRate;
        expect(result.sparkline.map((p) => p.value)).toEqual([0.25, 0.5]);
    });
});

describe('breakdowns', () => {
    it('ranks owners with their comparison, including owners with nothing this period', () => {
        const plan = plan1({ kpi: 'winRate', period: 'thisQuarter', comparison: 'previousPeriod', groupBy: 'owner' });
        const data = respond(plan, (window) => {
            return window === 'current'
                ? [
                      ...many(3, { OwnerId: 'A', IsWon: true }),
                      rec({ OwnerId: 'A', IsWon: false }),
                      rec({ OwnerId: 'B', IsWon: false }),
                  ]
                : [rec({ OwnerId: 'A', IsWon: true }), rec({ OwnerId: 'C', IsWon: true })];
        });
        const result = readResults(plan, data).winRate;
        expect(result.value).toBe(0.6);
        expect(result.groups).toEqual([
            {
                key: 'A',
                label: null,
                value: 0.75,
                sampleSize: 4,
                comparisonValue: 1,
                comparisonSampleSize: 1,
                parts: { numerator: 3, denominator: 4 },
                comparisonParts: { numerator: 1, denominator: 1 },
            },
            {
                key: 'B',
                label: null,
                value: 0,
                sampleSize: 1,
                comparisonValue: null,
                comparisonSampleSize: 0,
                parts: { numerator: 0, denominator: 1 },
                comparisonParts: { numerator: 0, denominator: 0 },
            },
            {
                key: 'C',
                label: null,
                value: null,
                sampleSize: 0,
                comparisonValue: 1,
                comparisonSampleSize: 1,
                parts: { numerator: 0, denominator: 0 },
                comparisonParts: { numerator: 1, denominator: 1 },
            },
        ]);
    });

    it('labels picklist groups and keeps records without a value', () => {
        const plan = plan1({ kpi: 'opportunitiesLost', period: 'thisYear', groupBy: 'lossReason' });
        const data = respond(plan, () => [
            rec({ Loss_Reason__c: 'Price' }),
            rec({ Loss_Reason__c: 'Price' }),
            rec({ Loss_Reason__c: null }),
        ]);
        expect(readResults(plan, data).opportunitiesLost.groups).toEqual([
            {
                key: 'Price',
                label: 'Price (label)',
                value: 2,
                sampleSize: 2,
                comparisonValue: null,
                comparisonSampleSize: null,
            },
            { key: null, label: null, value: 1, sampleSize: 1, comparisonValue: null, comparisonSampleSize: null },
        ]);
    });

    it('gives no total for distinct counts split by campaign', () => {
        const plan = plan1({ kpi: 'leadsFromCampaigns', period: 'thisYear', groupBy: 'campaign' });
        const data = respond(plan, () => [
            rec({ CampaignId: 'X', LeadId: 'L1' }),
            rec({ CampaignId: 'Y', LeadId: 'L1' }),
        ]);
        const result = readResults(plan, data).leadsFromCampaigns;
        expect(result.value).toBeNull();
        expect(result.status).toBe('ok');
        expect(result.groups!.map((g) => [g.key, g.value])).toEqual([
            ['X', 1],
            ['Y', 1],
        ]);
    });
});

describe('failure isolation', () => {
    const board: KpiRequest[] = [
        { kpi: 'opportunitiesWon', period: 'thisMonth' },
        { kpi: 'emailsSent', period: 'thisMonth' },
        { kpi: 'campaignOpens', period: 'thisMonth' },
    ];
    const aliasOf = (plan: KpiPlan, key: string) => plan.requests.find((r) => r.key === key)!.reads.current.value[0];

    it('fails only the KPI whose subquery the error names by path; the others show numbers', () => {
        const plan = planKpis(board, context);
        const data = respond(plan, () => many(2, {}));
        const tasks = aliasOf(plan, 'emailsSent');
        data.uiapi.aggregate[tasks] = null;
        const errors = [{ message: "sObject type 'Task' is not supported", path: ['uiapi', 'aggregate', tasks] }];
        const results = readResults(plan, data, errors);
        expect(results.emailsSent).toMatchObject({ status: 'error', error: { kind: 'notSupported' } });
        expect(results.opportunitiesWon).toMatchObject({ status: 'ok', value: 2 });
        expect(results.campaignOpens).toMatchObject({ status: 'ok', value: 2 });
    });

    it('places a validation error by its line; the others are to be planned again', () => {
        const plan = planKpis(board, context);
        const subquery = plan.documents[0].subqueries.find((s) => s.alias === aliasOf(plan, 'campaignOpens'))!;
        const errors = [
            {
                message:
                    "Validation error of type FieldUndefined: Field 'CampaignMember' in type 'RecordQueryAggregate' is undefined",
                locations: [locationOf(plan.documents[0].query, subquery.alias)],
            },
        ];
        const results = readResults(plan, undefined, errors);
        expect(results.campaignOpens).toMatchObject({ status: 'error', error: { kind: 'notSupported' } });
        expect(results.opportunitiesWon).toMatchObject({ status: 'retry', error: { messages: ['c.kpiResultRetry'] } });
        const retried = Object.values(results).filter((result) => result.status === 'retry');
        expect(retried.map((result) => result.key)).toEqual(['opportunitiesWon', 'emailsSent']);
    });

    it('places an error by the field path in its message', () => {
        const plan = planKpis(board, context);
        const alias = aliasOf(plan, 'opportunitiesWon');
        const errors = [{ message: `Validation error (FieldUndefined@[uiapi/aggregate/${alias}/IsWon]) : no access` }];
        const results = readResults(plan, null, errors);
        expect(results.opportunitiesWon.status).toBe('error');
        expect(results.emailsSent.status).toBe('retry');
    });

    it('places an error that names the object, not the alias', () => {
        const plan = planKpis(board, context);
        const errors = [{ message: 'Validation error (FieldUndefined@[uiapi/aggregate/Task]) : not here' }];
        const results = readResults(plan, undefined, errors);
        expect(results.emailsSent.status).toBe('error');
        expect(results.campaignOpens.status).toBe('retry');
    });

    it('fails everything on an error it cannot place, with the server’s words', () => {
        const plan = planKpis(board, context);
        const results = readResults(plan, undefined, [{ message: 'Failed to fetch' }]);
        for (const result of Object.values(results)) {
            expect(result).toMatchObject({
                status: 'error',
                error: { kind: 'network', messages: ['Failed to fetch'] },
            });
        }
    });

    it('says so when no answer came, or only part of one', () => {
        const plan = planKpis(board, context);
        expect(readResults(plan, undefined).opportunitiesWon.error).toEqual({
            kind: 'incomplete',
            messages: ['c.kpiResultNoResponse'],
        });
        const data = respond(plan, () => []);
        delete data.uiapi.aggregate[aliasOf(plan, 'emailsSent')];
        expect(readResults(plan, data).emailsSent.error).toEqual({
            kind: 'incomplete',
            messages: ['c.kpiResultIncomplete'],
        });
        expect(readResults(plan, data, [{ message: 'Request limit exceeded' }]).emailsSent.error).toEqual({
            kind: 'other',
            messages: ['Request limit exceeded'],
        });
        expect(readResults(plan, data).opportunitiesWon.status).toBe('ok');
    });

    it('tells a viewer which hidden field stops a KPI', () => {
        const plan = planKpis(
            [
                { kpi: 'closedWonRevenue', period: 'thisMonth' },
                { kpi: 'opportunitiesWon', period: 'thisMonth' },
            ],
            context,
        );
        const data = respond(plan, () => many(3, { Amount: 5 }), 0, ['Amount']);
        const results = readResults(plan, data);
        expect(results.closedWonRevenue).toMatchObject({
            status: 'error',
            value: null,
            error: { kind: 'noAccess', messages: ['c.kpiResultFieldHidden'] },
        });
        expect(results.opportunitiesWon).toMatchObject({ status: 'ok', value: 3 });
    });

    it('refuses a breakdown cut off at 2,000 groups', () => {
        const plan = plan1({ kpi: 'opportunitiesWon', period: 'thisYear', groupBy: 'owner' });
        const data = respond(plan, () => [rec({ OwnerId: 'A' })]);
        (data.uiapi.aggregate[currentAlias(plan)] as { pageInfo: { hasNextPage: boolean } }).pageInfo.hasNextPage =
            true;
        expect(readResults(plan, data).opportunitiesWon).toMatchObject({
            status: 'error',
            error: { kind: 'incomplete', messages: ['c.kpiResultTooManyGroups'] },
        });
        expect(readResults(plan, data).opportunitiesWon.groups).toBeUndefined();
    });

    it('refuses numbers sent as strings and junk nodes instead of reading them', () => {
        const plan = plan1({ kpi: 'closedWonRevenue', period: 'thisMonth' });
        const data = {
            uiapi: {
                aggregate: {
                    [currentAlias(plan)]: {
                        edges: [
                            null,
                            { node: null },
                            {
                                node: {
                                    aggregate: { Id: { count: { value: '2' } }, Amount: { sum: { value: '12.5' } } },
                                },
                            },
                        ],
                    },
                },
            },
        };
        expect(readResults(plan, data).closedWonRevenue).toMatchObject({
            status: 'error',
            value: null,
            error: { kind: 'incomplete', messages: [`c.kpiResultMalformed`] },
        });
        data.uiapi.aggregate[currentAlias(plan)].edges = data.uiapi.aggregate[currentAlias(plan)].edges.slice(2);
        expect(readResults(plan, data).closedWonRevenue).toMatchObject({
            status: 'error',
            value: null,
            error: { kind: 'incomplete', messages: [`c.kpiResultNotANumber`] },
        });
    });
});

describe('rejected requests and several documents', () => {
    it('explains each rejected request with its problems', () => {
        const plan = planKpis([{ kpi: 'winRate', period: 'nextDecade' }], context);
        const results = readResults(plan, undefined);
        expect(results.winRate).toMatchObject({
            status: 'error',
            error: {
                kind: 'config',
                messages: ['c.kpiProblemBadPeriod'],
                problems: [{ code: 'badPeriod', property: 'period', value: 'nextDecade' }],
            },
        });
        expect(readAllResults(plan, [])).toEqual(results);
        expect(readResults(plan, undefined, [], 3)).toEqual(results);
    });

    it('reads every document of a split plan', () => {
        const plan = planKpis(
            [
                { kpi: 'leadConversionRate', period: 'thisMonth', comparison: 'previousPeriod' },
                { kpi: 'averageSalesCycle', period: 'thisMonth', comparison: 'previousPeriod' },
            ],
            { ...context, maxSubqueries: 6 },
        );
        expect(plan.documents).toHaveLength(2);
        const responses = plan.documents.map((_, i) => ({ data: respond(plan, () => [], i), errors: [] }));
        const results = readAllResults(plan, responses);
        expect(Object.keys(results).sort()).toEqual(['averageSalesCycle', 'leadConversionRate']);
        expect(results.averageSalesCycle.status).toBe('empty');
    });
});

describe('words for the viewer', () => {
    it('has a text for every label the catalog names', () => {
        const names = [
            ...KPI_CATALOG.flatMap((kpi) => [kpi.label, kpi.help]),
            ...Object.values(KPI_GROUPINGS).map((g) => g.label),
            ...Object.values(KPI_SETTINGS).map((s) => s.label),
        ];
        for (const name of names) expect(KPI_LABELS[name]).toBe(`c.${name}`);
    });

    it('titles, explains and lists KPIs', () => {
        expect(kpiTitle('winRate')).toBe('c.kpiWinRate');
        expect(kpiHelp('winRate')).toBe('c.kpiWinRateHelp');
        expect(kpiTitle('nope')).toBe('');
        expect(kpiHelp('nope')).toBe('');
        expect(kpiOptions()).toHaveLength(KPI_CATALOG.length);
        expect(kpiOptions()[0]).toEqual({ label: 'c.kpiLeadsCreated', value: 'leadsCreated' });
        expect(describeNote('sparklineNotSupported')).toBe('c.kpiNoteSparklineNotSupported');
    });
});

describe('placeholders in problem text', () => {
    it('fills in the property and the value', () => {
        jest.resetModules();
        jest.doMock('@salesforce/label/c.kpiProblemBadScope', () => ({ default: '{0}: "{1}" is not a scope.' }), {
            virtual: true,
        });
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const fresh = require('c/kpiResults') as typeof import('c/kpiResults');
        expect(fresh.describeProblem({ code: 'badScope', property: 'scope', value: 'company' })).toBe(
            'scope: "company" is not a scope.',
        );
        expect(describeProblem({ code: 'badScope', property: 'scope' })).toBe('c.kpiProblemBadScope');
    });
});
