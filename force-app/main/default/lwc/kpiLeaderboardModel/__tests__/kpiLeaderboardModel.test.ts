// First: every @salesforce/label import then reads its English text, so filled sentences can be checked.
import { LABELS as TEXT } from '../../kpiConfig/__tests__/kpiLabels';
import fs from 'fs';
import path from 'path';
import fc from 'fast-check';
import {
    BOARD_PROPERTY_NAMES,
    INITIAL_SORT,
    PAGE_OPERATION,
    PROBLEM_LABELS,
    PROPERTY_LABELS,
    askedDocument,
    barWidth,
    boardPlanner,
    boardProperties,
    boardStatus,
    cachedLeaderboardView,
    chooseFilter,
    configErrors,
    currentLoad,
    errorText,
    fatalErrors,
    filterBar,
    footnotes,
    formatValue,
    heading,
    kpiName,
    leaderboardView,
    memoizeLast,
    mergeOmissions,
    nextSort,
    periodFilter,
    picklistFilter,
    planBoardState,
    planKeys,
    problemText,
    readBoard,
    receiveAnswer,
    recordsPage,
    rowCell,
    titleOf,
    userPage,
    weekStart,
    yearFilter,
} from 'c/kpiLeaderboardModel';
import type {
    BoardAnswer,
    BoardColumn,
    LeaderboardInput,
    LeaderboardView,
    PlanState,
    Progress,
    SortState,
    ViewerContext,
} from 'c/kpiLeaderboardModel';
import { findBoardKpi, readBoardConfig } from 'c/kpiLeaderboardQuery';
import { PROBLEM_TEMPLATES } from 'c/kpiProperties';
import type { BoardChoices, BoardOmissions, BoardProperties, BoardRow } from 'c/kpiLeaderboardQuery';
import {
    VIEWER,
    ownRecordsOnly,
    pageResponseFor,
    responseFor,
    salesWorld,
} from '../../kpiLeaderboard/__tests__/data/boardFixtures';
import type { World } from '../../kpiLeaderboard/__tests__/data/boardFixtures';
import { plain } from '../../../../../test/jest/kpiTestUtils';

// ICU puts no-break and thin spaces around units; compare with plain spaces.

const CONTEXT: ViewerContext = {
    userId: VIEWER,
    locale: 'en-US',
    currency: 'USD',
    timeZone: 'America/Los_Angeles',
    firstDayOfWeek: 1,
};
const NOW = new Date('2024-05-20T16:00:00Z');
const REVENUE: BoardProperties = { kpi: 'closedWonRevenue', secondaryKpis: 'winRate', targetSource: 'userField' };
/** The columns of REVENUE's full board, by sort key. */
const REVENUE_COLUMNS = [
    'rank',
    'name',
    'value',
    'percentOfTarget',
    'pace',
    'gapToTarget',
    'movement',
    'secondary:winRate',
];

function stateOf(properties: BoardProperties, choices: BoardChoices = {}, omissions?: BoardOmissions): PlanState {
    const retry = omissions
        ? { baseKey: planKeys({ properties, choices, retry: null, now: NOW }).baseKey, omissions }
        : null;
    return planBoardState({ properties, choices, retry, now: NOW }, CONTEXT);
}

/** The plan, the wire's first answer from the world, and the answer read. */
function answered(properties: BoardProperties, world: World = salesWorld(), choices: BoardChoices = {}) {
    const state = stateOf(properties, choices);
    const progress = receiveAnswer(state, { load: null, retry: null }, { data: responseFor(state.plan!, world) })!;
    return { state, progress, answer: readBoard(state, progress.load, VIEWER) };
}

/** The view of a plan and an answer, rank order, top rows only, unless `input` says otherwise. */
function viewFrom(state: PlanState, answer: BoardAnswer, input: Partial<LeaderboardInput> = {}): LeaderboardView {
    return leaderboardView({
        state,
        answer,
        retry: null,
        sort: INITIAL_SORT,
        expanded: false,
        context: CONTEXT,
        ...input,
    });
}

function viewOf(
    properties: BoardProperties,
    input: Partial<LeaderboardInput> = {},
    world: World = salesWorld(),
): LeaderboardView {
    const { state, progress, answer } = answered(properties, world);
    return viewFrom(state, answer, { retry: progress.retry, ...input });
}

const rowNames = (view: LeaderboardView) => view.rows.filter((row) => !row.isSeparator).map((row) => row.name);

describe('kpiLeaderboardModel: planning', () => {
    it.each([
        [1, 1],
        [7, 7],
        [2, 2],
        [0, 1],
        [8, 1],
        [2.5, 1],
        ['3', 1],
        [undefined, 1],
    ])('reads the first day of the week %p as %p', (value, expected) => {
        expect(weekStart(value)).toBe(expected);
    });

    it('reads exactly the properties the App Builder metadata declares (cardTitle is only shown)', () => {
        const meta = fs.readFileSync(
            path.join(__dirname, '..', '..', 'kpiLeaderboard', 'kpiLeaderboard.js-meta.xml'),
            'utf8',
        );
        // Each target config lists the properties again: count each name once.
        const declared = [...new Set([...meta.matchAll(/<property\s+name="(\w+)"/g)].map((match) => match[1]))];
        expect([...BOARD_PROPERTY_NAMES].sort()).toEqual(declared.filter((name) => name !== 'cardTitle').sort());
        // A component has more than its properties: only the properties are read.
        const source: BoardProperties & { other: number } = {
            ...Object.fromEntries(declared.map((name) => [name, `${name}!`])),
            other: 1,
        };
        expect(Object.keys(boardProperties(source))).toEqual([...BOARD_PROPERTY_NAMES]);
        expect(boardProperties(source).kpi).toBe('kpi!');
    });

    it('keys a board by its properties, choices and day; a retry refines only its own board', () => {
        const request = { properties: REVENUE, choices: {}, retry: null, now: NOW };
        const base = planKeys(request);
        expect(planKeys({ ...request, now: new Date('2024-05-20T23:59:00Z') })).toEqual(base);
        expect(planKeys({ ...request, now: new Date('2024-05-21T00:00:00Z') }).baseKey).not.toBe(base.baseKey);
        expect(planKeys({ ...request, choices: { groupBy: 'role' } }).baseKey).not.toBe(base.baseKey);
        const own = { baseKey: base.baseKey, omissions: { comparison: true } };
        expect(planKeys({ ...request, retry: own })).toEqual({ baseKey: base.baseKey, key: expect.any(String) });
        expect(planKeys({ ...request, retry: own }).key).not.toBe(base.key);
        expect(planKeys({ ...request, retry: { ...own, baseKey: 'another board' } })).toEqual(base);
    });

    it('plans nothing for properties with errors, and names them', () => {
        const state = stateOf({ kpi: 'averageSalesCycle', rowLimit: 0 });
        expect(state.plan).toBeUndefined();
        expect(configErrors(state.problems).map((problem) => problem.key)).toEqual(['error-0', 'error-1']);
        expect(configErrors(state.problems)[1].text).toContain(TEXT.kpiLeaderboardPropRowLimit);
    });

    it('plans for the viewer, leaving out what a retry of this board refused', () => {
        const state = stateOf(REVENUE, {}, { secondary: ['winRate'] });
        expect(state.plan!.userId).toBe(VIEWER);
        expect(state.plan!.kpis.map((kpi) => kpi.id)).toEqual(['closedWonRevenue']);
        expect(stateOf(REVENUE).plan!.kpis.map((kpi) => kpi.id)).toEqual(['closedWonRevenue', 'winRate']);
    });

    it('keeps a planning failure as state instead of throwing it at the page', () => {
        jest.isolateModules(() => {
            jest.doMock('c/kpiLeaderboardQuery', () => ({
                ...jest.requireActual('c/kpiLeaderboardQuery'),
                planBoard: () => {
                    throw new Error('planner broke');
                },
            }));
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const model = require('c/kpiLeaderboardModel') as typeof import('c/kpiLeaderboardModel');
            const state = model.planBoardState({ properties: REVENUE, choices: {}, retry: null, now: NOW }, CONTEXT);
            expect(state.plan).toBeUndefined();
            expect(state.failure).toEqual(new Error('planner broke'));
            expect(model.fatalErrors(state, null, undefined)).toEqual([new Error('planner broke')]);
            expect(model.boardStatus(state, model.readBoard(state, null, VIEWER))).toBe('error');
        });
    });

    it('plans again only when the key changes, so the wire sees the same objects', () => {
        const plan = boardPlanner(CONTEXT);
        const first = plan({ properties: { ...REVENUE }, choices: {}, retry: null, now: NOW });
        expect(plan({ properties: { ...REVENUE }, choices: {}, retry: null, now: new Date(NOW) })).toBe(first);
        const regrouped = plan({ properties: REVENUE, choices: { groupBy: 'role' }, retry: null, now: NOW });
        expect(regrouped).not.toBe(first);
        expect(regrouped.plan!.config.groupBy).toBe('role');
    });

    it('remembers the last result while every key part is the same value or object', () => {
        const compute = jest.fn((a: object, b: number) => ({ a, b }));
        const memo = memoizeLast(compute);
        const a = {};
        expect(memo(a, 1)).toBe(memo(a, 1));
        expect(compute).toHaveBeenCalledTimes(1);
        memo({}, 1);
        memo({}, 1);
        expect(compute).toHaveBeenCalledTimes(3);
        const byFirst = memoizeLast(compute, (first) => [first]);
        expect(byFirst(a, 1)).toBe(byFirst(a, 2));
    });
});

describe('kpiLeaderboardModel: the wire', () => {
    const empty: Progress = { load: null, retry: null };

    it.each([
        ['no value yet', undefined],
        ['neither data nor errors', {}],
    ])('ignores %s', (_name, answer) => {
        expect(receiveAnswer(stateOf(REVENUE), empty, answer)).toBeUndefined();
    });

    it('ignores answers while there is no plan', () => {
        expect(receiveAnswer(stateOf({ kpi: 'nonsense' }), empty, { data: {} })).toBeUndefined();
    });

    it('keeps the answer to the board, and asks for the board until then', () => {
        const state = stateOf(REVENUE);
        expect(askedDocument(state, null)).toBe(state.plan);
        const { load } = receiveAnswer(state, empty, { data: responseFor(state.plan!, salesWorld()) })!;
        expect(load).toMatchObject({ waiting: false, asked: state.plan, responses: [{ document: state.plan }] });
        expect(currentLoad(state.plan, load)).toBe(load);
        // Another request (another period) does not read answers to this one.
        expect(currentLoad(stateOf({ ...REVENUE, period: 'lastMonth' }).plan, load)).toBeNull();
        expect(currentLoad(undefined, load)).toBeNull();
    });

    it('pages past the first groups, adds the page, and replaces it when the same page answers again', () => {
        const state = stateOf(REVENUE);
        const plan = state.plan!;
        const first = receiveAnswer(state, empty, { data: responseFor(plan, salesWorld(), { pageSize: 3 }) })!;
        expect(first.load!.waiting).toBe(true);
        expect(askedDocument(state, first.load)!.operationName).toBe(PAGE_OPERATION);
        expect(readBoard(state, first.load, VIEWER)).toEqual({ data: undefined, fatal: undefined, board: undefined });
        const paged = plan.subqueries.filter((s) => s.paged).map((s) => s.alias);
        const page = { data: pageResponseFor(plan, salesWorld(), paged, 3) };
        const second = receiveAnswer(state, first, page)!;
        expect(second.load).toMatchObject({ waiting: false, asked: first.load!.asked });
        expect(second.load!.responses).toHaveLength(2);
        expect(readBoard(state, second.load, VIEWER).board!.rows).toHaveLength(5);
        expect(receiveAnswer(state, second, page)!.load!.responses).toHaveLength(2);
    });

    it('asks again without a refused secondary KPI, then gives up when nothing more can be left out', () => {
        const state = stateOf(REVENUE);
        const winRate = state.plan!.subqueries.find((s) => s.reads.some((r) => r.kpi === 'winRate'))!;
        const refused = {
            errors: [
                {
                    message:
                        "Validation error of type FieldUndefined: Field 'IsWon' in type 'Opportunity' is undefined",
                    locations: [{ line: winRate.lines[0], column: 7 }],
                },
            ],
        };
        const retried = receiveAnswer(state, empty, refused)!;
        expect(retried).toEqual({
            load: null,
            retry: { baseKey: state.baseKey, omissions: { secondary: ['winRate'] } },
        });
        const fetchFailed = { errors: [{ message: 'Failed to fetch' }] };
        const fatal = receiveAnswer(state, empty, fetchFailed)!;
        expect(fatal.load!.fatal).toEqual(fetchFailed.errors);
        expect(fatalErrors(state, fatal.load, undefined)).toEqual(fetchFailed.errors);
        expect(fatalErrors(state, { ...fatal.load!, fatal: [] }, undefined)).toEqual([TEXT.kpiLeaderboardNoAnswer]);
    });

    it.each<[BoardOmissions, BoardOmissions, BoardOmissions]>([
        [{}, {}, {}],
        [{ secondary: ['b'] }, { secondary: ['a', 'b'] }, { secondary: ['a', 'b'] }],
        [{ comparison: true }, { options: true }, { comparison: true, options: true }],
        [{ targetField: true }, { secondary: [] }, { targetField: true }],
    ])('merges omissions %j and %j into %j', (a, b, merged) => {
        expect(mergeOmissions(a, b)).toEqual(merged);
    });

    it('merges omissions as a union: in either order, twice, never losing a part', () => {
        const omissions = fc.record(
            {
                secondary: fc.uniqueArray(fc.constantFrom('a', 'b', 'c')),
                comparison: fc.boolean(),
                options: fc.boolean(),
                targetField: fc.boolean(),
            },
            { requiredKeys: [] },
        );
        fc.assert(
            fc.property(omissions, omissions, (a, b) => {
                const merged = mergeOmissions(a, b);
                expect(merged).toEqual(mergeOmissions(b, a));
                expect(mergeOmissions(merged, merged)).toEqual(merged);
                for (const flag of ['comparison', 'options', 'targetField'] as const) {
                    expect(Boolean(merged[flag])).toBe(Boolean(a[flag] || b[flag]));
                }
                expect(new Set(merged.secondary ?? [])).toEqual(
                    new Set([...(a.secondary ?? []), ...(b.secondary ?? [])]),
                );
            }),
        );
    });
});

describe('kpiLeaderboardModel: states', () => {
    it('is idle with configuration errors, loading until an answer, then rows or empty', () => {
        const bad = stateOf({ kpi: 'nonsense' });
        expect(boardStatus(bad, readBoard(bad, null, VIEWER))).toBe('idle');
        const state = stateOf(REVENUE);
        expect(boardStatus(state, readBoard(state, null, VIEWER))).toBe('loading');
        expect(boardStatus(state, answered(REVENUE).answer)).toBe('rows');
        expect(boardStatus(state, answered(REVENUE, { users: [], totals: {} }).answer)).toBe('empty');
    });

    it('shows no board when the ranked KPI is unreadable, and says which field', () => {
        const state = stateOf(REVENUE);
        const data = responseFor(state.plan!, salesWorld()) as {
            uiapi: { aggregate: Record<string, { edges: { node: { aggregate: Record<string, unknown> } }[] }> };
        };
        for (const edge of data.uiapi.aggregate.q0.edges) delete edge.node.aggregate.Amount;
        const { load } = receiveAnswer(state, { load: null, retry: null }, { data })!;
        const answer = readBoard(state, load, VIEWER);
        expect(answer.board).toBeUndefined();
        expect(answer.fatal).toEqual(["You can't see the field Amount, so Closed-won revenue can't be shown."]);
        expect(boardStatus(state, answer)).toBe('error');
    });

    it('shows no board when the users could not be read or did not come back', () => {
        const state = stateOf(REVENUE);
        const users = state.plan!.subqueries.find((s) => s.role === 'users')!;
        const failed = receiveAnswer(
            state,
            { load: null, retry: null },
            {
                data: responseFor(state.plan!, salesWorld(), { omit: [users.alias] }),
                errors: [{ message: 'INSUFFICIENT_ACCESS', path: ['uiapi', 'aggregate', users.alias] }],
            },
        )!;
        expect(readBoard(state, failed.load, VIEWER).fatal).toEqual([
            { message: 'INSUFFICIENT_ACCESS', path: ['uiapi', 'aggregate', users.alias] },
        ]);
        const missing = receiveAnswer(
            state,
            { load: null, retry: null },
            {
                data: responseFor(state.plan!, salesWorld(), { omit: [users.alias] }),
            },
        )!;
        expect(readBoard(state, missing.load, VIEWER).fatal).toEqual([TEXT.kpiLeaderboardNoAnswer]);
    });
});

describe('kpiLeaderboardModel: texts', () => {
    it('titles the card with the admin title or the KPI, and dates the board', () => {
        const view = viewOf(REVENUE);
        expect(view.heading).toBe('Leaderboard: Closed-won revenue');
        expect(heading('Top reps', stateOf(REVENUE).config)).toBe('Top reps');
        expect(heading(undefined, undefined)).toBe('Leaderboard: ');
        // The change column names the days it compares with: this quarter so far against as many days of the last.
        const movement = 'Change in rank vs Jan 1 – Feb 19, 2024, same days of the previous period';
        expect(plain(view.subtitle)).toBe(`Apr 1 – May 20, 2024 · ${movement}`);
        expect(plain(view.caption)).toBe('Closed-won revenue, Apr 1 – May 20, 2024');
        const byTarget = viewOf({ ...REVENUE, rankBy: 'percentOfTarget' });
        expect(plain(byTarget.subtitle)).toBe(`Apr 1 – May 20, 2024 · Ranked by percent of target · ${movement}`);
        expect(plain(viewOf({ ...REVENUE, comparison: 'none' }).subtitle)).toBe('Apr 1 – May 20, 2024');
        const lastYear = viewOf({ ...REVENUE, comparison: 'samePeriodLastYear' });
        expect(plain(lastYear.subtitle)).toContain('Change in rank vs Apr 1 – May 20, 2023, same days last year');
        expect(view.cardClass).toBe('slds-card kpi-leaderboard');
        expect(viewOf({ ...REVENUE, variant: 'compact' }).cardClass).toBe(
            'slds-card kpi-leaderboard kpi-leaderboard_compact',
        );
    });

    it('names KPIs from the catalog, the leaderboard’s own KPI, and unknown ids as they are', () => {
        const plan = stateOf(REVENUE).plan!;
        expect(kpiName(findBoardKpi('winRate')!)).toBe('Win rate');
        expect(kpiName(findBoardKpi('newLogos')!)).toBe('New logos');
        expect(titleOf('winRate', plan)).toBe('Win rate');
        expect(titleOf('retired', plan)).toBe('retired');
    });

    it('words a problem with the property as App Builder labels it, and the value', () => {
        expect(problemText({ code: 'notPeriod', property: 'period', value: 'fortnight', severity: 'error' })).toBe(
            'Period: "fortnight" is not a period. Enter one such as thisMonth, lastFiscalYear or rollingDays:90.',
        );
        expect(problemText({ code: 'notPeriod', property: 'unlisted', value: '', severity: 'error' })).toBe(
            'unlisted: "" is not a period. Enter one such as thisMonth, lastFiscalYear or rollingDays:90.',
        );
        expect(problemText({ code: 'targetIgnored', property: 'target', value: '100', severity: 'warning' })).toBe(
            'Target for everyone: "100" is ignored because Target is none.',
        );
    });

    it('says why a part failed, or that the server did not answer', () => {
        expect(errorText([])).toBe(TEXT.kpiLeaderboardNoAnswer);
        expect(errorText([{ message: 'INSUFFICIENT_ACCESS: no access' }])).not.toBe(TEXT.kpiLeaderboardNoAnswer);
        // A message of no known kind is the server's own words, not a generic line.
        expect(errorText([{ message: 'Aggregate query has too many rows for direct assignment' }])).toBe(
            'Aggregate query has too many rows for direct assignment',
        );
        // Junk (null, an empty message) is still an explanation, never a blank.
        expect(errorText([null])).toBeTruthy();
        expect(errorText([{ message: '' }])).toBeTruthy();
    });

    it.each([
        [null, 'currency', '–'],
        [undefined, 'count', '–'],
        [Number.NaN, 'count', '–'],
        [1234.5, 'currency', '$1,234.50'],
        [0.25, 'percent', '25%'],
        [3, 'count', '3'],
    ] as const)('formats %p as %p: %p', (value, unit, text) => {
        expect(plain(formatValue(value, unit, 'en-US', 'USD'))).toBe(text);
    });

    it('lists warnings, parts left out and parts that failed as notices, each once', () => {
        const warned = viewOf({ ...REVENUE, comparison: 'lastDecade', minSample: 5 });
        expect(warned.notices.map((n) => n.key)).toEqual(['notice-0', 'notice-1']);
        expect(warned.hasNotices).toBe(true);
        const properties = {
            kpi: 'winRate',
            secondaryKpis: 'leadConversionRate,closedWonRevenue,emailsSent,outboundCalls,pipelineCreated,lostAmount',
            comparison: 'none',
        };
        const state = stateOf(properties);
        const leadSource = state.plan!.subqueries.find((s) => s.role === 'options' && s.filter === 'leadSource')!.alias;
        const data = responseFor(state.plan!, salesWorld(), { omit: [leadSource] });
        const { load } = receiveAnswer(
            state,
            { load: null, retry: null },
            {
                data,
                errors: [{ message: 'Request timed out', path: ['uiapi', 'aggregate', leadSource] }],
            },
        )!;
        const answer = readBoard(state, load, VIEWER);
        const view = viewFrom(state, answer);
        expect(view.notices.map((n) => plain(n.text))).toEqual([
            `${TEXT.kpiLeaderboardPropSecondaryKpis}: Lost amount left out. One request holds at most ten subqueries; choose fewer columns or no comparison.`,
            `Filter choices couldn't be loaded: ${errorText([{ message: 'Request timed out' }])}`,
        ]);
        expect(viewOf(REVENUE).hasNotices).toBe(false);
    });

    it('says what a retry left out: a secondary KPI, the movement, the target field', () => {
        const omissions = { secondary: ['winRate'], comparison: true, targetField: true };
        const state = stateOf(REVENUE, {}, omissions);
        const retry = { baseKey: state.baseKey, omissions };
        const view = viewFrom(state, {}, { retry });
        expect(view.notices.map((n) => n.text)).toEqual([
            `Win rate couldn't be loaded: ${TEXT.kpiLeaderboardNoAnswer}`,
            `Movement since the previous period couldn't be loaded: ${TEXT.kpiLeaderboardNoAnswer}`,
            `${TEXT.kpiLeaderboardPropTargetField}: the User field Sales_Quota__c doesn't exist, isn't a number or is hidden from you. Targets aren't shown.`,
        ]);
    });

    it('notes what the viewer sees, and the currency of amounts when a KPI is an amount', () => {
        expect(footnotes(stateOf(REVENUE).plan, 'EUR').map((n) => n.text)).toEqual([
            'Counts only the records you can see.',
            'Amounts in EUR.',
        ]);
        expect(footnotes(stateOf({ kpi: 'winRate' }).plan, 'EUR').map((n) => n.text)).toEqual([
            'Counts only the records you can see.',
        ]);
        expect(viewOf({ ...REVENUE, currencyCode: 'EUR' }).footnotes[1].text).toBe('Amounts in EUR.');
    });

    it.each([
        [REVENUE, undefined, "You're #4 of 5. $28,000.00 to reach #2. Down 2 since the previous period."],
        [
            { kpi: 'closedWonRevenue', comparison: 'none' },
            (world: World) => (world.totals['closedWonRevenue|current|value'][VIEWER] = { records: 2, sum: 40000 }),
            "You're tied for #2 of 5. $50,000.00 to reach #1.",
        ],
        [
            { kpi: 'winRate', minSample: 5 },
            (world: World) => (world.totals['winRate|current|whole'][VIEWER] = { records: 3 }),
            "You're not ranked: Fewer than 5 records.",
        ],
    ])('sums up the viewer on %j', (properties, change, summary) => {
        const world = salesWorld();
        change?.(world);
        expect(plain(viewOf(properties, {}, world).viewerSummary)).toBe(summary);
    });

    it('has nothing to say about a viewer who is not on the board', () => {
        const world = salesWorld();
        world.users = world.users.filter((user) => user.id !== VIEWER);
        expect(viewOf(REVENUE, {}, world).viewerSummary).toBe('');
    });
});

describe('kpiLeaderboardModel: the filter bar', () => {
    it('offers every fixed period, plus the configured rolling window chosen', () => {
        const fixed = periodFilter(stateOf(REVENUE).config!);
        expect(fixed).toMatchObject({ name: 'period', label: 'Period', value: 'thisFiscalQuarter' });
        expect(fixed.options).toHaveLength(12);
        const rolling = periodFilter(stateOf({ ...REVENUE, period: 'rollingDays:45' }).config!);
        expect(rolling.value).toBe('rollingDays:45');
        expect(rolling.options).toHaveLength(13);
        expect(rolling.options[12]).toEqual({ value: 'rollingDays:45', label: 'Last 45 days' });
    });

    it('offers the same period in each year shown, by its dates, newest first', () => {
        const config = stateOf({ ...REVENUE, yearsShown: 3 }, { yearsBack: 1 }).config!;
        const years = yearFilter(config, NOW, CONTEXT);
        expect(years).toMatchObject({ name: 'yearsBack', label: 'Year', value: '1' });
        expect(years.options.map((o) => o.value)).toEqual(['0', '1', '2']);
        expect(years.options.map((o) => o.label)).toEqual([
            expect.stringContaining('2024'),
            expect.stringContaining('2023'),
            expect.stringContaining('2022'),
        ]);
    });

    it('offers All, the values the org answered, and a chosen value the org did not list', () => {
        const config = stateOf({ ...REVENUE, opportunityType: 'Renewal' }).config!;
        const options = [{ value: 'New Customer', label: 'New customer' }];
        const data = { options: { opportunityType: options } } as unknown as Parameters<typeof picklistFilter>[2];
        expect(picklistFilter('opportunityType', config, data)).toEqual({
            name: 'opportunityType',
            label: 'Opportunity type',
            value: 'Renewal',
            options: [
                { value: '', label: 'All' },
                { value: 'New Customer', label: 'New customer' },
                { value: 'Renewal', label: 'Renewal' },
            ],
        });
        expect(picklistFilter('leadSource', stateOf(REVENUE).config!, undefined)).toEqual({
            name: 'leadSource',
            label: 'Lead source',
            value: '',
            options: [{ value: '', label: 'All' }],
        });
    });

    it('lays out the bar: period, year when more than one, the KPI’s picklists, grouping; none when hidden', () => {
        const names = (properties: BoardProperties) => {
            const { state, answer } = answered(properties);
            return filterBar(state, answer.data, CONTEXT).map((filter) => filter.name);
        };
        expect(names(REVENUE)).toEqual(['period', 'yearsBack', 'opportunityType', 'leadSource', 'groupBy']);
        expect(names({ ...REVENUE, yearsShown: 1 })).toEqual(['period', 'opportunityType', 'leadSource', 'groupBy']);
        expect(names({ kpi: 'leadsCreated', yearsShown: 1 })).toEqual(['period', 'leadSource', 'groupBy']);
        expect(names({ kpi: 'emailsSent', yearsShown: 1 })).toEqual(['period', 'groupBy']);
        expect(names({ ...REVENUE, showFilters: false })).toEqual([]);
        expect(names({ ...REVENUE, variant: 'compact' })).toEqual([]);
        expect(filterBar(stateOf({ kpi: 'nonsense' }), undefined, CONTEXT)).toEqual([]);
        const grouping = filterBar(stateOf(REVENUE, { groupBy: 'manager' }), undefined, CONTEXT).pop()!;
        expect(grouping).toEqual({
            name: 'groupBy',
            label: 'Show',
            value: 'manager',
            options: [
                { value: 'rep', label: 'Reps' },
                { value: 'manager', label: 'Teams by manager' },
                { value: 'role', label: 'Teams by role' },
            ],
        });
    });

    it.each<[string, string, BoardChoices]>([
        ['period', 'lastMonth', { groupBy: 'role', period: 'lastMonth' }],
        ['yearsBack', '2', { groupBy: 'role', yearsBack: 2 }],
        ['opportunityType', '', { groupBy: 'role', opportunityType: '' }],
        ['groupBy', 'rep', { groupBy: 'rep' }],
    ])('sets the choice %s to %p', (name, value, expected) => {
        expect(chooseFilter({ groupBy: 'role' }, name, value)).toEqual(expected);
    });

    it('changes nothing for a name the bar does not offer, and never changes the choices it was given', () => {
        fc.assert(
            fc.property(fc.string(), fc.string(), (name, value) => {
                const choices: BoardChoices = Object.freeze({ groupBy: 'role' });
                const next = chooseFilter(choices, name, value);
                expect(choices).toEqual({ groupBy: 'role' });
                const offered = ['period', 'yearsBack', 'opportunityType', 'leadSource', 'groupBy'].includes(name);
                expect(next === choices).toBe(!offered);
            }),
        );
    });
});

describe('kpiLeaderboardModel: the table', () => {
    const headerKeys = (view: LeaderboardView) => view.headers.map((header) => header.key);

    it('shows target, pace and gap, movement and secondary columns only where they apply', () => {
        expect(headerKeys(viewOf(REVENUE))).toEqual(REVENUE_COLUMNS);
        expect(headerKeys(viewOf({ ...REVENUE, variant: 'compact' }))).toEqual([
            'rank',
            'name',
            'value',
            'percentOfTarget',
            'movement',
        ]);
        expect(
            headerKeys(viewOf({ kpi: 'winRate', comparison: 'none', targetSource: 'everyone', target: '25%' })),
        ).toEqual(['rank', 'name', 'value', 'percentOfTarget', 'gapToTarget']);
        expect(headerKeys(viewOf({ kpi: 'closedWonRevenue', comparison: 'none' }))).toEqual(['rank', 'name', 'value']);
        expect(viewOf(REVENUE).headers.map((header) => header.label)).toEqual([
            'Rank',
            'Rep',
            'Closed-won revenue',
            '% of target',
            'Pace',
            'To target',
            'Change',
            'Win rate',
        ]);
    });

    it('marks the sorted column for screen readers and by an arrow, and aligns numbers right', () => {
        const descending = viewOf(REVENUE, { sort: { key: 'value', direction: 'descending' } }).headers;
        expect(descending.map((h) => [h.key, h.ariaSort, h.arrow]).slice(0, 3)).toEqual([
            ['rank', undefined, ''],
            ['name', undefined, ''],
            ['value', 'descending', '▼'],
        ]);
        expect(viewOf(REVENUE).headers[0]).toMatchObject({ ariaSort: 'ascending', arrow: '▲' });
        expect(descending.map((h) => h.thClass).slice(1, 3)).toEqual([
            'kpi-leaderboard__th',
            'kpi-leaderboard__th kpi-leaderboard__number',
        ]);
    });

    it.each<[SortState, string, boolean | undefined, SortState]>([
        [INITIAL_SORT, 'rank', true, { key: 'rank', direction: 'descending' }],
        [{ key: 'name', direction: 'descending' }, 'name', true, { key: 'name', direction: 'ascending' }],
        [INITIAL_SORT, 'name', true, { key: 'name', direction: 'ascending' }],
        [INITIAL_SORT, 'value', true, { key: 'value', direction: 'descending' }],
        [INITIAL_SORT, 'value', false, { key: 'value', direction: 'ascending' }],
        [INITIAL_SORT, 'value', undefined, { key: 'value', direction: 'descending' }],
        [INITIAL_SORT, 'percentOfTarget', false, { key: 'percentOfTarget', direction: 'descending' }],
        [INITIAL_SORT, 'gapToTarget', true, { key: 'gapToTarget', direction: 'ascending' }],
        [INITIAL_SORT, 'pace', false, { key: 'pace', direction: 'descending' }],
        [INITIAL_SORT, 'movement', true, { key: 'movement', direction: 'descending' }],
        [INITIAL_SORT, 'secondary:winRate', false, { key: 'secondary:winRate', direction: 'descending' }],
    ])('from %j, sorting by %s (higher is better: %p) gives %j', (sort, key, higherIsBetter, expected) => {
        const kpi = higherIsBetter === undefined ? undefined : { ...findBoardKpi('closedWonRevenue')!, higherIsBetter };
        expect(nextSort(sort, key, kpi)).toEqual(expected);
    });

    it('pins the viewer under "Your position" with the rows around them, and shows all when expanded', () => {
        const view = viewOf({ ...REVENUE, rowLimit: 2 });
        expect(view.rows.map((row) => (row.isSeparator ? '—' : row.name))).toEqual([
            'Avery Kim',
            'Blake Ruiz',
            '—',
            'Casey Moore',
            'Dana Fox',
            'Emery Hart',
        ]);
        expect(view.rows[2]).toMatchObject({ key: 'separator', text: 'Your position', colspan: 8 });
        expect(view.rows[4]).toMatchObject({ isViewer: true, ariaCurrent: 'true' });
        expect(view.rows[4].rowClass).toBe('kpi-leaderboard__row kpi-leaderboard__row_viewer slds-is-selected');
        expect(view).toMatchObject({ hasMoreRows: true, toggleLabel: 'Show all 5', expandedState: 'false' });
        const expanded = viewOf({ ...REVENUE, rowLimit: 2 }, { expanded: true });
        expect(rowNames(expanded)).toEqual(['Avery Kim', 'Blake Ruiz', 'Casey Moore', 'Dana Fox', 'Emery Hart']);
        expect(expanded).toMatchObject({ hasMoreRows: true, toggleLabel: 'Show top 2', expandedState: 'true' });
        expect(viewOf(REVENUE).hasMoreRows).toBe(false);
    });

    it('orders rows by the chosen column', () => {
        const byName = viewOf(REVENUE, { sort: { key: 'name', direction: 'descending' } });
        expect(rowNames(byName)).toEqual(['Emery Hart', 'Dana Fox', 'Casey Moore', 'Blake Ruiz', 'Avery Kim']);
    });

    it('fills each row: rank, ties, name, value with its bar, target progress, pace, gap, movement, secondary', () => {
        const [avery, blake] = viewOf(REVENUE).rows;
        expect(avery).toMatchObject({
            rankText: '1',
            tied: false,
            name: 'Avery Kim',
            canOpenUser: true,
            memberText: '',
        });
        expect(blake).toMatchObject({ rankText: '2', tied: true, unrankedText: '' });
        const cells = Object.fromEntries(avery.cells!.map((cell) => [cell.key, cell]));
        expect(cells.value).toMatchObject({
            isValue: true,
            text: '$90,000.00',
            barStyle: 'width: 100.0%',
            cellClass: 'kpi-leaderboard__number',
        });
        expect(cells.percentOfTarget).toMatchObject({
            text: '90%',
            barStyle: 'width: 90.0%',
            barClass: 'kpi-leaderboard__bar-fill',
            cellClass: 'kpi-leaderboard__number kpi-leaderboard__percent',
        });
        expect(cells.gapToTarget).toMatchObject({
            text: '$10,000.00',
            cellClass: 'kpi-leaderboard__number kpi-leaderboard__gap',
        });
        expect(cells.pace.cellClass).toBe('kpi-leaderboard__number kpi-leaderboard__pace');
        expect(cells.movement).toMatchObject({
            isMovement: true,
            text: 'Up 2',
            movementGlyph: '▲',
            movementNumber: '2',
            movementClass: 'kpi-leaderboard__movement kpi-leaderboard__movement_up',
        });
        expect(cells['secondary:winRate'].text).toBe('40%');
    });

    it('prorates the quarterly target field to the period shown, as tiles and coverage do', () => {
        const percent = (view: ReturnType<typeof viewOf>) =>
            Object.fromEntries(view.rows[0].cells!.map((cell) => [cell.key, cell.text])).percentOfTarget;
        expect(percent(viewOf(REVENUE))).toBe('90%');
        // A month is a third of the quarter's quota: the same $90K is 270% of a $33.3K month target.
        expect(percent(viewOf({ ...REVENUE, period: 'thisMonth' }))).toBe('270%');
        // A year is four quarters' quota.
        expect(percent(viewOf({ ...REVENUE, period: 'thisYear' }))).toBe('22.5%');
    });

    it('says so when the viewer sees only their own records, and shows their numbers without a rank or total', () => {
        const world = salesWorld();
        const own = ownRecordsOnly(world);
        const view = viewOf(REVENUE, {}, own);
        expect(view.viewerSummary).toBe(
            'Only your own records for Closed-won revenue are visible to you, so there is nobody to rank you against: ' +
                "these are your own numbers. A ranking needs the org's sharing to let you see the other people's records.",
        );
        expect(rowNames(view)).toEqual(['Dana Fox']);
        expect(view.rows[0]).toMatchObject({ rankText: '–', isViewer: true });
        expect(view.showTotalRow).toBe(false);
        expect(viewOf(REVENUE).viewerSummary).toMatch(/^You're #4 of 5/);
    });

    it('totals the value and target columns and leaves the others empty', () => {
        const view = viewOf(REVENUE);
        expect(view.showTotalRow).toBe(true);
        expect(view.totalCells.map((cell) => [cell.key, cell.text.length > 0])).toEqual([
            ['value', true],
            ['percentOfTarget', true],
            ['pace', true],
            ['gapToTarget', true],
            ['movement', false],
            ['secondary:winRate', false],
        ]);
        expect(view.totalCells[0].text).toBe('$182,000.00');
        expect(viewOf({ ...REVENUE, variant: 'compact' }).showTotalRow).toBe(false);
    });

    it('names teams, and the team of those without a manager or role', () => {
        const byManager = viewOf(REVENUE, {}, salesWorld());
        expect(byManager.headers[1].label).toBe('Rep');
        const { state, answer } = answered(REVENUE, salesWorld(), { groupBy: 'manager' });
        const teams = viewFrom(state, answer, { expanded: true });
        expect(teams.headers[1].label).toBe('Team (manager)');
        expect(teams.rows.map((row) => [row.name, row.memberText])).toEqual([
            ['Morgan Lee', 'Reps: 4'],
            ['No manager', 'Reps: 1'],
        ]);
        const roles = answered(REVENUE, salesWorld(), { groupBy: 'role' });
        const byRole = viewFrom(roles.state, roles.answer, { expanded: true });
        expect(byRole.headers[1].label).toBe('Team (role)');
        expect(rowNames(byRole)).toEqual(['East', 'West', 'No role']);
    });

    it.each([
        ['up', { kind: 'up', places: 3 }, '▲', '3', 'Up 3', false],
        ['down', { kind: 'down', places: 1 }, '▼', '1', 'Down 1', false],
        ['same', { kind: 'same', places: 0 }, '–', '', 'Same rank', false],
        ['new', { kind: 'new', places: 0 }, '', '', 'New', true],
        ['unknown', null, '', '', '', false],
    ] as const)('shows a %s movement', (_name, movement, glyph, number, text, isNew) => {
        const column: BoardColumn = { key: 'movement', kind: 'movement', label: 'Change', unit: 'count' };
        const row = { movement, progress: {}, secondary: {} } as unknown as BoardRow;
        expect(rowCell(column, row, 1, () => '')).toMatchObject({
            movementGlyph: glyph,
            movementNumber: number,
            text,
            movementIsNew: isNew,
        });
    });

    it.each([
        [0.5, 'width: 50.0%'],
        [1.5, 'width: 100.0%'],
        [-0.2, 'width: 0.0%'],
        [0.12345, 'width: 12.3%'],
    ])('draws a bar for a share of %p as %p', (share, style) => {
        expect(barWidth(share)).toBe(style);
    });

    it('keeps every bar between 0 and 100 %', () => {
        fc.assert(
            fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (share) => {
                const width = Number(/^width: (\d+\.\d)%$/.exec(barWidth(share))![1]);
                expect(width).toBeGreaterThanOrEqual(0);
                expect(width).toBeLessThanOrEqual(100);
            }),
        );
    });

    it('aligns every row with the headers and shows each rep once, the viewer always, in any order and limit', () => {
        const sums = fc.array(fc.option(fc.integer({ min: 0, max: 200_000 }), { nil: undefined }), {
            minLength: 5,
            maxLength: 5,
        });
        fc.assert(
            fc.property(
                sums,
                fc.constantFrom(...REVENUE_COLUMNS),
                fc.constantFrom<SortState['direction']>('ascending', 'descending'),
                fc.integer({ min: 1, max: 6 }),
                fc.boolean(),
                (values, key, direction, rowLimit, expanded) => {
                    const world = salesWorld();
                    const current: Record<string, { records: number; sum: number }> = {};
                    world.users.forEach((user, index) => {
                        const sum = values[index];
                        if (sum !== undefined) current[user.id] = { records: 1, sum };
                    });
                    world.totals['closedWonRevenue|current|value'] = current;
                    const view = viewOf({ ...REVENUE, rowLimit }, { sort: { key, direction }, expanded }, world);
                    const columns = view.headers.length;
                    const people = view.rows.filter((row) => !row.isSeparator);
                    for (const row of people) expect(row.cells).toHaveLength(columns - 2);
                    expect(view.totalCells).toHaveLength(columns - 2);
                    for (const row of view.rows.filter((r) => r.isSeparator)) expect(row.colspan).toBe(columns);
                    expect(new Set(people.map((row) => row.key)).size).toBe(people.length);
                    expect(people.filter((row) => row.isViewer)).toHaveLength(1);
                    expect(people.length).toBe(expanded ? 5 : Math.min(5, Math.max(rowLimit, people.length)));
                    // Expanded, nobody is pinned: no separator.
                    expect(expanded && view.rows.some((row) => row.isSeparator)).toBe(false);
                },
            ),
            { numRuns: 60 },
        );
    });
});

describe('kpiLeaderboardModel: the whole view', () => {
    it('shows nothing but the problems while the properties are wrong', () => {
        const state = stateOf({ kpi: 'nonsense' });
        const view = viewFrom(state, {});
        expect(view).toMatchObject({
            hasConfigErrors: true,
            isLoading: false,
            isError: false,
            hasRows: false,
            showFilterBar: false,
            rows: [],
            headers: [],
            totalCells: [],
            viewerSummary: '',
            toggleLabel: '',
        });
    });

    it('computes the view again only when an input changes', () => {
        const view = cachedLeaderboardView();
        const { state, answer } = answered(REVENUE);
        const input = { state, answer, retry: null, sort: INITIAL_SORT, expanded: false, context: CONTEXT };
        const first = view(input);
        expect(view({ ...input })).toBe(first);
        expect(view({ ...input, expanded: true })).not.toBe(first);
        expect(view({ ...input, cardTitle: 'Top reps' }).heading).toBe('Top reps');
    });
});

describe('kpiLeaderboardModel: where a click goes', () => {
    it('opens a user record, and the KPI’s list view of records', () => {
        expect(userPage('005000000000001AAA')).toEqual({
            type: 'standard__recordPage',
            attributes: { recordId: '005000000000001AAA', objectApiName: 'User', actionName: 'view' },
        });
        expect(recordsPage(findBoardKpi('closedWonRevenue')!)).toEqual({
            type: 'standard__objectPage',
            attributes: { objectApiName: 'Opportunity', actionName: 'list' },
            state: { filterName: 'kpiOpportunitiesWon' },
        });
    });
});

describe('kpiLeaderboardModel: labels', () => {
    it('labels every property the board reads as App Builder does', () => {
        for (const name of BOARD_PROPERTY_NAMES)
            expect([name, PROPERTY_LABELS[name]]).toEqual([name, expect.any(String)]);
    });

    it('words every problem the configuration reports, naming a labelled property, whatever the values', () => {
        const value = fc.oneof(
            fc.string(),
            fc.integer({ min: -5, max: 500 }),
            fc.boolean(),
            fc.constant(null),
            fc.constantFrom('percentOfTarget', 'role', 'team', 'userField', 'everyone', 'compact', '25%', 'winRate'),
        );
        // The leaderboard's own codes have its templates, the readers' codes kpiProperties' ones.
        const templates: Record<string, string> = { ...PROBLEM_TEMPLATES, ...PROBLEM_LABELS };
        fc.assert(
            fc.property(fc.dictionary(fc.constantFrom(...BOARD_PROPERTY_NAMES), value), (properties) => {
                for (const problem of readBoardConfig(properties).problems) {
                    expect([problem.code, templates[problem.code]]).toEqual([problem.code, expect.any(String)]);
                    expect([problem.property, PROPERTY_LABELS[problem.property]]).toEqual([
                        problem.property,
                        expect.any(String),
                    ]);
                }
            }),
            { numRuns: 300 },
        );
    });
});
