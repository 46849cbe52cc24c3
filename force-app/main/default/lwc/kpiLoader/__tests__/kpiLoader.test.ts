import { LABELS } from '../../kpiConfig/__tests__/kpiLabels';
import { readBoardConfig, readMetricConfig } from 'c/kpiConfig';
import type { KpiConfig } from 'c/kpiConfig';
import { kpiQuery } from 'c/kpiPlanner';
import {
    RoundCache,
    configKey,
    currentResults,
    currentState,
    documentCount,
    initialState,
    isAnswer,
    receive,
    refreshAll,
    refusedParts,
    restartState,
    settle,
    tileInputs,
} from 'c/kpiLoader';
import type { LoaderContext } from 'c/kpiLoader';
import type { Period } from 'c/kpiPeriods';
import activityNoTask from '../../kpiBoard/__tests__/data/boardActivityNoTask.json';
import salesTeam from '../../kpiBoard/__tests__/data/boardSalesTeam.json';

const context: LoaderContext = {
    userId: '005000000000000000',
    timeZone: 'America/Los_Angeles',
    firstDayOfWeek: 1,
    now: new Date('2024-05-20T16:00:00Z'),
};

describe('kpiLoader: rounds', () => {
    it('plans the config once per day and keeps the same round object', () => {
        const config = readBoardConfig({ preset: 'sales', scope: 'team' });
        const cache = new RoundCache();
        const state = initialState(config);
        const round = cache.get(config, state, context);
        expect(cache.get(config, state, { ...context, now: new Date('2024-05-21T06:59:00Z') })).toBe(round);
        expect(round.plan.documents).toHaveLength(1);
        expect(kpiQuery(round.plan, 0)).toBe(salesTeam.documents[0].query);
        expect(round.plan.documents[0].variables).toEqual(salesTeam.documents[0].variables);
        const tomorrow = cache.get(config, state, { ...context, now: new Date('2024-05-21T07:00:00Z') });
        expect(tomorrow).not.toBe(round);
        expect(tomorrow.key).not.toBe(round.key);
    });

    it('reports a planner that throws as the round error instead of throwing', () => {
        const config = readMetricConfig({});
        const broken: KpiConfig = {
            ...config,
            requests: [
                {
                    kpi: 'winRate',
                    // Serialises for the cache key, then fails when the planner reads it.
                    period: {
                        toJSON: () => 'thisMonth',
                        get kind(): string {
                            throw new Error('planner input exploded');
                        },
                    } as unknown as Period,
                },
            ],
        };
        const round = new RoundCache().get(broken, initialState(config), context);
        expect(round.error).toBeInstanceOf(Error);
        expect(round.plan.documents).toEqual([]);
    });

    it('keys a bad time zone without throwing; the planner reports it on the tile', () => {
        const config = readMetricConfig({});
        const round = new RoundCache().get(config, initialState(config), { ...context, timeZone: 'Mars/Olympus' });
        expect(round.error).toBeUndefined();
        expect(round.plan.rejected[0].problems[0]).toMatchObject({ code: 'badCalendar', property: 'timeZone' });
    });

    it('starts afresh when the config changes', () => {
        const config = readMetricConfig({});
        const state = { ...initialState(config), round: 2 };
        expect(currentState(state, config)).toBe(state);
        expect(currentState(state, readMetricConfig({ kpi: 'winRate' })).round).toBe(0);
        expect(currentState(undefined, config)).toEqual(initialState(config));
        expect(configKey(config)).toContain('closedWonRevenue');
    });
});

describe('kpiLoader: answers', () => {
    it('tells an answer from the first emission, which has neither data nor errors', () => {
        expect(isAnswer(undefined)).toBe(false);
        expect(isAnswer({ data: undefined, errors: undefined })).toBe(false);
        expect(isAnswer({ data: undefined, errors: null })).toBe(false);
        expect(isAnswer({ data: null })).toBe(true);
        expect(isAnswer({ errors: [] })).toBe(true);
    });

    it('reads the answered documents; the others stay loading', () => {
        const config = readBoardConfig({ preset: 'sales', scope: 'team' });
        const round = new RoundCache().get(config, initialState(config), context);
        const pending = settle(round.plan, [], 3);
        expect(pending).toEqual({ results: {}, complete: false, retry: [] });
        const done = settle(round.plan, [salesTeam.documents[0].response], 3);
        expect(done.complete).toBe(true);
        expect(Object.keys(done.results).sort()).toEqual([...config.requests.map((r) => r.key!)].sort());
        expect(done.results.closedWonRevenue.value).toBe(294300);
    });

    it('marks KPIs of documents past the budget with a message instead of sending them', () => {
        const config = readBoardConfig({ preset: 'sales', scope: 'team' });
        const round = new RoundCache().get(config, initialState(config), { ...context, maxSubqueries: 3 });
        expect(round.plan.documents.length).toBeGreaterThan(2);
        expect(documentCount(round, 2)).toBe(2);
        const settled = settle(round.plan, [], 2);
        const over = round.plan.documents.slice(2).flatMap((document) => document.keys);
        expect(over.length).toBeGreaterThan(0);
        for (const key of over) {
            expect(settled.results[key].error).toMatchObject({ kind: 'config' });
            expect(settled.results[key].error!.messages[0]).toContain('Trend periods');
        }
    });

    it('keeps the answer of a document a property change left as it was (the wire need not emit it again)', () => {
        // Closed-won revenue takes three subqueries (value, comparison, the viewer's quota), leads created two.
        const limited = { ...context, maxSubqueries: 3 };
        const before = readBoardConfig({ preset: 'custom', kpis: 'closedWonRevenue,leadsCreated', sparkline: 0 });
        const after = readBoardConfig({ preset: 'custom', kpis: 'closedWonRevenue,emailsSent', sparkline: 0 });
        const cache = new RoundCache();
        const first = cache.get(before, initialState(before), limited);
        expect(first.plan.documents).toHaveLength(2);
        const answer = { data: { uiapi: { aggregate: {} } }, errors: [] };
        const state = receive(initialState(before), first, 0, answer, 1, 3);

        const changed = currentState(state, after);
        const second = cache.get(after, changed, limited);
        expect(second.plan.documents[0].query).toBe(first.plan.documents[0].query);
        expect(second.plan.documents[1].query).not.toBe(first.plan.documents[1].query);
        const results = currentResults(changed, second, 3);
        // The unchanged document's KPI is read from the answer it had (here an incomplete one), not left loading.
        expect(results.closedWonRevenue).toBeDefined();
        expect(results.emailsSent).toBeUndefined();
        // A refresh asks afresh: nothing known is kept.
        expect(currentResults(restartState(changed, first, second)!, second, 3)).toEqual({});
    });

    it('plans the KPIs again that a refused document only took down with it, holding the rest', () => {
        const config = readBoardConfig({ preset: 'activity' });
        const cache = new RoundCache();
        let state = initialState(config);
        const first = cache.get(config, state, context);
        expect(kpiQuery(first.plan, 0)).toBe(activityNoTask.documents[0].query);
        state = receive(state, first, 0, activityNoTask.documents[0].response, 1000, 3);
        expect(state).toMatchObject({ round: 1, keys: ['opportunitiesOpened'], answers: [], planKey: '', asOf: 1000 });
        expect(Object.keys(state.held).sort()).toEqual(['emailsSent', 'outboundCalls']);
        expect(state.held.emailsSent.error?.kind).toBe('notSupported');

        const second = cache.get(config, state, context);
        expect(second.plan.requests.map((r) => r.key)).toEqual(['opportunitiesOpened']);
        expect(kpiQuery(second.plan, 0)).toBe(activityNoTask.documents[1].query);
        expect(currentResults(state, second, 3).opportunitiesOpened).toBeUndefined();

        state = receive(state, second, 0, activityNoTask.documents[1].response, 2000, 3);
        expect(state.round).toBe(1);
        const results = currentResults(state, second, 3);
        expect(results.opportunitiesOpened).toMatchObject({ status: 'ok', value: 2 });
        expect(results.emailsSent.error?.kind).toBe('notSupported');
    });

    it('keeps answers only for the plan they answered', () => {
        const config = readBoardConfig({ preset: 'sales', scope: 'team' });
        const cache = new RoundCache();
        const round = cache.get(config, initialState(config), context);
        const state = receive(initialState(config), round, 0, salesTeam.documents[0].response, 5, 3);
        const tomorrow = cache.get(config, state, { ...context, now: new Date('2024-05-22T16:00:00Z') });
        expect(currentResults(state, tomorrow, 3)).toEqual({});
        expect(currentResults(state, round, 3).winRate.value).toBeCloseTo(10 / 30);
        const again = receive(state, tomorrow, 0, { data: null, errors: [{ message: 'x' }] }, 6, 3);
        expect(again.answers).toHaveLength(1);
    });
});

describe('kpiLoader: refresh and tiles', () => {
    it('restarts after a retry round or a new day, and lets the wires refresh otherwise', () => {
        const config = readMetricConfig({});
        const cache = new RoundCache();
        const state = initialState(config);
        const round = cache.get(config, state, context);
        expect(restartState(state, round, round)).toBeUndefined();
        const later = cache.get(config, state, { ...context, now: new Date('2024-06-01T16:00:00Z') });
        expect(restartState(state, round, later)).toMatchObject({ round: 0, held: {}, answers: [] });
        expect(restartState({ ...state, round: 1, keys: ['x'] }, round, round)).toMatchObject({ round: 0 });
    });

    it('calls every refresh it was given and reports the first failure', async () => {
        expect(refreshAll([undefined])).toBeUndefined();
        const ok = jest.fn(() => Promise.resolve());
        await expect(refreshAll([ok, undefined, ok])).resolves.toBeUndefined();
        expect(ok).toHaveBeenCalledTimes(2);
        await expect(refreshAll([() => Promise.reject(new Error('offline'))])).rejects.toThrow('offline');
    });

    it('gives each tile its setup, its result and the component extras', () => {
        const config = readMetricConfig({ currencyCode: 'EUR' });
        const [tile] = tileInputs(config, {}, { title: 'Mine', asOf: 1 });
        expect(tile).toMatchObject({
            key: 'closedWonRevenue',
            title: 'Mine',
            asOf: 1,
            currency: 'EUR',
            result: undefined,
        });
        expect(LABELS.kpiTileLoading).toContain('{0}');
    });
});

describe('refusedParts: the one decision after a refused document', () => {
    const document = {
        subqueries: [
            { alias: 'q0', object: 'Opportunity', lines: [3, 6] as [number, number], part: 'ranked' },
            { alias: 'q1', object: 'Task', lines: [7, 9] as [number, number], part: 'calls' },
            { alias: 'q2', object: 'Lead', lines: [10, 12] as [number, number], part: 'leads' },
        ],
    };
    const optional = (subqueries: { part: string }[]) =>
        subqueries.length > 0 && subqueries.every((s) => s.part !== 'ranked')
            ? subqueries.map((s) => s.part)
            : undefined;
    const at = (alias: string) => ({ message: 'No such column', path: ['uiapi', 'aggregate', alias] });

    it('collects each error by path, by a path in its message or by its lines, once each', () => {
        const errors = [
            at('q1'),
            { message: 'refused at uiapi/aggregate/q1' },
            { message: 'x', locations: [{ line: 11 }] },
        ];
        expect(refusedParts(document, { data: null, errors }, optional)).toEqual(['calls', 'leads']);
    });

    it('places an error by its object only when asked to', () => {
        const errors = [{ message: 'no access', path: ['uiapi', 'aggregate', 'Task'] }];
        expect(refusedParts(document, { errors }, optional)).toBeUndefined();
        expect(refusedParts(document, { errors }, optional, true)).toEqual(['calls']);
    });

    it.each<[string, unknown, unknown[]]>([
        ['the answer carries data', { uiapi: { aggregate: {} } }, [at('q1')]],
        ['there is no error', undefined, []],
        ['an error cannot be placed', undefined, [at('q1'), { message: 'Something went wrong' }]],
        ['an error costs an essential part', undefined, [at('q1'), at('q0')]],
    ])('asks nothing again when %s', (_, data, errors) => {
        expect(refusedParts(document, { data, errors }, optional)).toBeUndefined();
    });
});
