import KpiLeaderboard from 'c/kpiLeaderboard';
import type { BoardProperties } from 'c/kpiLeaderboardQuery';
import { BOARD_PROPERTY_NAMES } from 'c/kpiLeaderboardModel';
import {
    shadow as $,
    shadowAll as $$,
    cleanUp,
    emitData,
    emitErrors,
    emitResponse,
    flush,
    lastConfig,
    locationOf,
    mount,
    navigations,
    pinClock,
    textOf,
} from '../../../../../test/jest/kpiTestUtils';
import { VIEWER, pageResponseFor, planFor, responseFor, salesWorld } from './data/boardFixtures';
import type { World } from './data/boardFixtures';
import engineBoard from './data/engineBoard.json';

type Board = HTMLElement & BoardProperties & { cardTitle?: string };
/** The config of the board's wire (there is always one once a board is on the page). */
const wired = () => lastConfig()!;
/** Both data and errors in one answer, as a partial response comes. */
const emitBoth = (data: unknown, errors: unknown[]) => emitResponse({ data, errors });

const REVENUE: BoardProperties = { kpi: 'closedWonRevenue', secondaryKpis: 'winRate', targetSource: 'userField' };

const create = (properties: BoardProperties & { cardTitle?: string }) =>
    mount<Board>('c-kpi-leaderboard', KpiLeaderboard, properties);

const text = (node: Element | null) => textOf(node) ?? '';
const bodyRows = (element: HTMLElement) => $$(element, 'tbody tr');
/** Row names without the button's assistive text. */
const names = (element: HTMLElement) =>
    $$(element, 'tbody th[scope="row"]').map((th) =>
        text(th.querySelector('button, span')).replace(', c.kpiLeaderboardOpenUser', ''),
    );
type Combobox = HTMLElement & { value: string; options: { label: string; value: string }[] };
/** A filter bar combobox by the choice it sets. */
const combobox = (element: HTMLElement, name: string) =>
    $(element, 'c-kpi-filter-bar')?.shadowRoot?.querySelector<Combobox>(`lightning-combobox[data-name="${name}"]`) ??
    null;
/** Picks a value as the viewer does: the combobox's change, which the filter bar passes on as filterchange. */
const choose = (element: HTMLElement, name: string, value: string) =>
    combobox(element, name)!.dispatchEvent(new CustomEvent('change', { detail: { value } }));
/** Column names without the sort arrow. */
const headerNames = (element: HTMLElement) => $$(element, 'thead th').map((th) => text(th).replace(/[▲▼]/g, '').trim());

async function showBoard(properties: BoardProperties, world: World = salesWorld()) {
    const element = create(properties);
    await flush();
    emitData(responseFor(planFor(properties), world));
    await flush();
    return element;
}

describe('c-kpi-leaderboard', () => {
    beforeEach(() => pinClock());
    afterEach(cleanUp);

    it('says it is loading until the wire answers, and is accessible meanwhile', async () => {
        const element = create(REVENUE);
        await flush();
        expect($(element, '[role="status"]')).not.toBeNull();
        expect($(element, 'table')).toBeNull();
        expect(wired().operationName).toBe('KpiLeaderboard');
        expect(wired().variables).toEqual(planFor(REVENUE).variables);
        await expect(element).toBeAccessible();
    });

    it('ranks everyone, zeros and ties included, in an accessible table', async () => {
        const element = await showBoard(REVENUE);
        const table = $(element, 'table')!;
        expect(text(table.querySelector('caption'))).toBe('c.kpiLeaderboardCaption');
        expect($$(element, 'thead th').every((th) => th.getAttribute('scope') === 'col')).toBe(true);
        expect(bodyRows(element)).toHaveLength(5);
        expect($$(element, 'tbody .kpi-leaderboard__rank-number').map(text)).toEqual(['1', '2', '2', '4', '5']);
        expect(names(element)).toEqual(['Avery Kim', 'Blake Ruiz', 'Casey Moore', 'Dana Fox', 'Emery Hart']);
        // Emery has nothing yet and is shown as zero, last.
        expect(text(bodyRows(element)[4].querySelector('.kpi-leaderboard__value'))).toBe(
            '$0.00, c.kpiLeaderboardShowRecords',
        );
        expect($$(element, 'tbody .slds-assistive-text').map(text)).toContain('c.kpiLeaderboardTied');
        expect(text($(element, 'tfoot'))).toContain('$182,000.00');
        await expect(element).toBeAccessible();
    });

    it('highlights the viewer and sums up their standing', async () => {
        const element = await showBoard(REVENUE);
        const viewer = $(element, 'tr[aria-current="true"]')!;
        expect(viewer.classList).toContain('kpi-leaderboard__row_viewer');
        expect(text(viewer)).toContain('Dana Fox');
        expect(text(viewer)).toContain('c.kpiLeaderboardYou');
        expect(text($(element, '.kpi-leaderboard__summary'))).toBe(
            'c.kpiLeaderboardViewerRank c.kpiLeaderboardViewerGap c.kpiLeaderboardViewerMoved',
        );
    });

    it('pins the viewer with the reps above and below when they are outside the top rows', async () => {
        const element = await showBoard({ ...REVENUE, rowLimit: 2 });
        const rows = bodyRows(element);
        expect(rows.map((row) => row.classList.contains('kpi-leaderboard__separator'))).toEqual([
            false,
            false,
            true,
            false,
            false,
            false,
        ]);
        expect(text(rows[2])).toBe('c.kpiLeaderboardYourPosition');
        expect(rows[4].getAttribute('aria-current')).toBe('true');
        expect(text(rows[3])).toContain('Casey Moore');
        expect(text(rows[5])).toContain('Emery Hart');
        const toggle = $<HTMLButtonElement>(element, '.kpi-leaderboard__toggle')!;
        expect(toggle.getAttribute('aria-expanded')).toBe('false');
        toggle.click();
        await flush();
        expect(bodyRows(element)).toHaveLength(5);
        expect(toggle.getAttribute('aria-expanded')).toBe('true');
        await expect(element).toBeAccessible();
    });

    it('shows target progress, pace and gap, and movement with words for screen readers', async () => {
        const element = await showBoard(REVENUE);
        expect(headerNames(element)).toEqual([
            'c.kpiLeaderboardRank',
            'c.kpiLeaderboardRep',
            'c.kpiClosedWonRevenue',
            'c.kpiLeaderboardPercentOfTarget',
            'c.kpiLeaderboardPace',
            'c.kpiLeaderboardGapToTarget',
            'c.kpiLeaderboardMovement',
            'c.kpiWinRate',
        ]);
        const first = bodyRows(element)[0];
        expect(text(first.querySelector('.kpi-leaderboard__percent'))).toBe('90%');
        expect(text(first.querySelector('.kpi-leaderboard__gap'))).toBe('$10,000.00');
        expect(text(first)).toContain('c.kpiLeaderboardMovedUp');
        expect(text(first)).toContain('40%');
        const newcomer = bodyRows(element)[4];
        expect(text(newcomer)).toContain('c.kpiLeaderboardNew');
    });

    it('sorts by a column header button, toggles the direction and keeps the focus there', async () => {
        const element = await showBoard(REVENUE);
        const nameHeader = $$(element, 'thead th')[1];
        const button = nameHeader.querySelector('button')!;
        expect(button.getAttribute('type')).toBe('button');
        expect($$(element, 'thead th')[0].getAttribute('aria-sort')).toBe('ascending');
        expect(nameHeader.hasAttribute('aria-sort')).toBe(false);
        button.focus();
        button.click();
        await flush();
        expect(nameHeader.getAttribute('aria-sort')).toBe('ascending');
        expect($$(element, 'thead th')[0].hasAttribute('aria-sort')).toBe(false);
        expect(names(element)[3]).toBe('Dana Fox');
        expect(element.shadowRoot!.activeElement).toBe(button);
        button.click();
        await flush();
        expect(nameHeader.getAttribute('aria-sort')).toBe('descending');
        expect(names(element)[0]).toBe('Emery Hart');
        const valueButton = $$(element, 'thead th')[2].querySelector('button')!;
        valueButton.click();
        await flush();
        expect($$(element, 'thead th')[2].getAttribute('aria-sort')).toBe('descending');
        await expect(element).toBeAccessible();
    });

    it('opens the user record from a name and the KPI list view from a value', async () => {
        const element = await showBoard(REVENUE);
        const userPage = {
            type: 'standard__recordPage',
            attributes: { recordId: '005000000000001AAA', objectApiName: 'User', actionName: 'view' },
        };
        $<HTMLButtonElement>(element, 'tbody th[scope="row"] button')!.click();
        expect(navigations()).toEqual([userPage]);
        $<HTMLButtonElement>(element, '.kpi-leaderboard__value')!.click();
        expect(navigations()).toEqual([
            userPage,
            {
                type: 'standard__objectPage',
                attributes: { objectApiName: 'Opportunity', actionName: 'list' },
                state: { filterName: 'kpiOpportunitiesWon' },
            },
        ]);
    });

    it('switches filters, year and grouping from the filter bar, each a new request', async () => {
        const element = await showBoard({ ...REVENUE, yearsShown: 2 });
        expect(combobox(element, 'opportunityType')!.options.map((o) => o.label)).toEqual([
            'c.kpiLeaderboardAll',
            'New Customer (label)',
            'Existing Customer - Upgrade (label)',
        ]);
        choose(element, 'opportunityType', 'New Customer');
        await flush();
        expect(Object.values(wired().variables!)).toContain('New Customer');
        expect($(element, '[role="status"]')).not.toBeNull();

        choose(element, 'yearsBack', '1');
        await flush();
        // A past year goes as explicit dates (a literal names today's period): the current and the previous window.
        const lastYear = planFor({ ...REVENUE, yearsShown: 2 }, { opportunityType: 'New Customer', yearsBack: 1 });
        expect(wired().variables).toEqual(lastYear.variables);
        expect(Object.values(wired().variables!)).toEqual(
            expect.arrayContaining([lastYear.window.start, lastYear.window.end, lastYear.comparisonWindow!.start]),
        );

        choose(element, 'groupBy', 'manager');
        await flush();
        const choices = { opportunityType: 'New Customer', yearsBack: 1, groupBy: 'manager' };
        emitData(responseFor(planFor({ ...REVENUE, yearsShown: 2 }, choices), salesWorld()));
        await flush();
        expect(names(element)).toEqual(['Morgan Lee', 'c.kpiLeaderboardNoManager']);
        expect(headerNames(element)[1]).toBe('c.kpiLeaderboardTeamManager');
        expect(text(bodyRows(element)[0])).toContain('c.kpiLeaderboardMembers');
        await expect(element).toBeAccessible();
    });

    it('regroups, re-sorts and re-targets from the same answer: settings that do not change the request reuse it', async () => {
        const element = await showBoard(REVENUE);
        const config = wired();
        choose(element, 'groupBy', 'role');
        await flush();
        // The same variables object: the adapter sees an unchanged request and does not fetch again.
        expect(wired()).toEqual(config);
        expect(wired().variables).toBe(config.variables);
        expect(names(element)).toEqual(['East', 'West', 'c.kpiLeaderboardNoRole']);
        expect(headerNames(element)[1]).toBe('c.kpiLeaderboardTeamRole');
        (element as Board).rowLimit = 1;
        await flush();
        // East on top; the viewer's team (West) pinned below the separator with the team under it.
        expect(bodyRows(element)).toHaveLength(4);
        expect(bodyRows(element)[2].getAttribute('aria-current')).toBe('true');
        expect(text(bodyRows(element)[2])).toContain('West');
    });

    it('offers every period and the configured rolling window', async () => {
        const element = await showBoard({ ...REVENUE, period: 'rollingDays:45' });
        const options = combobox(element, 'period')!.options;
        expect(options).toHaveLength(13);
        expect(options[12].label).toBe('c.kpiTilePeriodRollingDays');
        expect(combobox(element, 'period')!.value).toBe(options[12].value);
        choose(element, 'period', options[2].value);
        await flush();
        expect(wired().variables).not.toHaveProperty('fromStart');
    });

    it('shows a compact board for Home: fewer columns, no filters, no total', async () => {
        const element = await showBoard({ ...REVENUE, variant: 'compact', rowLimit: 3 });
        expect($(element, '.kpi-leaderboard__filters')).toBeNull();
        expect($(element, 'tfoot')).toBeNull();
        expect(headerNames(element)).toEqual([
            'c.kpiLeaderboardRank',
            'c.kpiLeaderboardRep',
            'c.kpiClosedWonRevenue',
            'c.kpiLeaderboardPercentOfTarget',
            'c.kpiLeaderboardMovement',
        ]);
        expect($(element, 'article')!.classList).toContain('kpi-leaderboard_compact');
        await expect(element).toBeAccessible();
    });

    it('says so when nobody matches', async () => {
        const element = await showBoard(REVENUE, { users: [], totals: {} });
        expect(text($(element, '.kpi-leaderboard__empty'))).toBe('c.kpiLeaderboardEmpty');
        expect($(element, 'table')).toBeNull();
    });

    it('shows the error panel when the server refuses what the board needs', async () => {
        const element = create(REVENUE);
        await flush();
        emitErrors([{ message: 'Failed to fetch' }]);
        await flush();
        const panel = $(element, 'c-kpi-error-panel') as HTMLElement & { errors: unknown };
        expect(panel).not.toBeNull();
        expect(panel.errors).toEqual([{ message: 'Failed to fetch' }]);
        await expect(element).toBeAccessible();
    });

    it('asks again without a secondary KPI the server refused, and says which', async () => {
        const element = create(REVENUE);
        await flush();
        const plan = planFor(REVENUE);
        const winRate = plan.subqueries.find((s) => s.reads.some((r) => r.kpi === 'winRate'))!;
        emitErrors([
            {
                message: "Validation error of type FieldUndefined: Field 'IsWon' in type 'Opportunity' is undefined",
                locations: [locationOf(plan.query, winRate.alias)],
            },
        ]);
        await flush();
        const retried = planFor(REVENUE, {}, { secondary: ['winRate'] });
        expect(wired().variables).toEqual(retried.variables);
        emitData(responseFor(retried, salesWorld()));
        await flush();
        expect(headerNames(element)).not.toContain('c.kpiWinRate');
        expect($$(element, '.kpi-leaderboard__notices li').map(text)).toEqual(['c.kpiLeaderboardPartFailed']);
    });

    it('shows a partial answer: the board, and a notice for the part that failed', async () => {
        const element = create(REVENUE);
        await flush();
        const plan = planFor(REVENUE);
        const comparison = plan.subqueries.find((s) => s.reads.some((r) => r.window === 'comparison'))!;
        emitBoth(responseFor(plan, salesWorld(), { omit: [comparison.alias] }), [
            { message: 'Request timed out', path: ['uiapi', 'aggregate', comparison.alias] },
        ]);
        await flush();
        expect(bodyRows(element)).toHaveLength(5);
        expect(headerNames(element)).not.toContain('c.kpiLeaderboardMovement');
        expect($$(element, '.kpi-leaderboard__notices li').map(text)).toEqual(['c.kpiLeaderboardPartFailed']);
        await expect(element).toBeAccessible();
    });

    it('pages past the first 2,000 groups with a follow-up request for those subqueries only', async () => {
        const element = create(REVENUE);
        await flush();
        const plan = planFor(REVENUE);
        emitData(responseFor(plan, salesWorld(), { pageSize: 3 }));
        await flush();
        expect(wired().operationName).toBe('KpiLeaderboardPage');
        const users = plan.subqueries.find((s) => s.role === 'users')!;
        expect(Object.keys(wired().variables!)).toEqual(expect.arrayContaining([`${users.alias}After`]));
        expect($(element, '[role="status"]')).not.toBeNull();
        const paged = plan.subqueries.filter((s) => s.paged).map((s) => s.alias);
        emitData(pageResponseFor(plan, salesWorld(), paged, 3));
        await flush();
        expect(bodyRows(element)).toHaveLength(5);
        expect($$(element, 'tbody .kpi-leaderboard__rank-number').map(text)).toEqual(['1', '2', '2', '4', '5']);
        // The wire stays on the last page (switching back would fetch the board again, and page again, forever);
        // the same page answered again (a refresh) replaces it instead of adding to it.
        expect(wired().operationName).toBe('KpiLeaderboardPage');
        emitData(pageResponseFor(plan, salesWorld(), paged, 3));
        await flush();
        expect(bodyRows(element)).toHaveLength(5);
    });

    it('stops at a missing or hidden target field with a notice naming the property', async () => {
        const element = create(REVENUE);
        await flush();
        const plan = planFor(REVENUE);
        const users = plan.subqueries.find((s) => s.role === 'users')!;
        emitErrors([
            {
                message:
                    "Validation error of type FieldUndefined: Field 'Sales_Quota__c' in type 'UserAggregateResult' is undefined",
                locations: [locationOf(plan.query, users.alias, plan.targetField!)],
            },
        ]);
        await flush();
        const retried = planFor(REVENUE, {}, { targetField: true });
        emitData(responseFor(retried, salesWorld()));
        await flush();
        expect(headerNames(element)).not.toContain('c.kpiLeaderboardPercentOfTarget');
        expect($$(element, '.kpi-leaderboard__notices li').map(text)).toEqual(['c.kpiLeaderboardTargetFieldFailed']);
    });

    it('lists every part it could not show: over the budget, refused, hidden, incomplete', async () => {
        const properties = {
            kpi: 'winRate',
            secondaryKpis: 'leadConversionRate,closedWonRevenue,emailsSent,outboundCalls,pipelineCreated,lostAmount',
            comparison: 'none',
        };
        const element = create(properties);
        await flush();
        const plan = planFor(properties);
        expect(plan.droppedSecondary).toEqual(['lostAmount']);
        const leadSource = plan.subqueries.find((s) => s.role === 'options' && s.filter === 'leadSource')!.alias;
        const world = salesWorld();
        world.totals['closedWonRevenue|current|value'][VIEWER] = { records: 1, sum: 12000 };
        const data = responseFor(plan, world, { omit: [leadSource] }) as {
            uiapi: {
                aggregate: Record<
                    string,
                    { edges: { node: { aggregate: Record<string, unknown> } }[]; pageInfo?: unknown }
                >;
            };
        };
        const revenue = plan.subqueries.find((s) => s.reads.some((r) => r.kpi === 'closedWonRevenue'))!;
        for (const edge of data.uiapi.aggregate[revenue.alias].edges) delete edge.node.aggregate.Amount;
        const emails = plan.subqueries.find((s) => s.reads.some((r) => r.kpi === 'emailsSent'))!;
        data.uiapi.aggregate[emails.alias].pageInfo = { hasNextPage: true, endCursor: null };
        emitBoth(data, [{ message: 'INSUFFICIENT_ACCESS', path: ['uiapi', 'aggregate', leadSource] }]);
        await flush();
        expect($$(element, '.kpi-leaderboard__notices li').map(text)).toEqual([
            'c.kpiLeaderboardTooManySecondary',
            'c.kpiLeaderboardPartFailed',
            'c.kpiLeaderboardFieldHidden',
            'c.kpiLeaderboardIncomplete',
        ]);
        expect(bodyRows(element).length).toBe(5);
        expect(combobox(element, 'leadSource')).not.toBeNull();
    });

    it('shows why the ranked KPI cannot be shown when its amount field is hidden', async () => {
        const element = create(REVENUE);
        await flush();
        const plan = planFor(REVENUE);
        const data = responseFor(plan, salesWorld()) as {
            uiapi: { aggregate: Record<string, { edges: { node: { aggregate: Record<string, unknown> } }[] }> };
        };
        const ranked = plan.subqueries.find((s) =>
            s.reads.some((r) => r.kpi === 'closedWonRevenue' && r.window === 'current'),
        )!;
        for (const edge of data.uiapi.aggregate[ranked.alias].edges) delete edge.node.aggregate.Amount;
        emitData(data);
        await flush();
        const panel = $(element, 'c-kpi-error-panel') as HTMLElement & { errors: unknown };
        expect(panel.errors).toEqual(['c.kpiLeaderboardFieldHidden']);
    });

    it('reads a response captured from the preview engine (sample org, as a sales manager)', async () => {
        const element = create(engineBoard.properties);
        await flush();
        emitData(engineBoard.data);
        await flush();
        expect(bodyRows(element).length).toBe(engineBoard.expected.rows);
        expect($$(element, 'tbody .kpi-leaderboard__rank-number').map(text)).toEqual(engineBoard.expected.ranks);
    });
});

describe('c-kpi-leaderboard: bad properties', () => {
    afterEach(cleanUp);

    it('names every property at fault and requests nothing', async () => {
        const element = create({
            kpi: 'averageSalesCycle',
            period: 'fortnight',
            rankBy: 'percentOfTarget',
            rankedUsers: 'role',
            rowLimit: 0,
        });
        await flush();
        const problems = $$(element, '.kpi-leaderboard__config li').map(text);
        expect(problems).toEqual([
            'c.kpiLeaderboardProblemNotRankable',
            'c.kpiPropertyNotPeriod',
            'c.kpiLeaderboardProblemMissingRole',
            'c.kpiLeaderboardProblemTargetNeeded',
            'c.kpiPropertyNotWholeNumber',
        ]);
        expect($(element, '[role="alert"]')).not.toBeNull();
        expect($(element, 'table')).toBeNull();
        expect(wired().variables).toBeUndefined();
        await expect(element).toBeAccessible();
    });

    it('keeps showing the board for values it can ignore, and says which', async () => {
        const element = await showBoard({
            ...REVENUE,
            secondaryKpis: 'winRate, nonsense, closedWonRevenue',
            comparison: 'lastDecade',
            showFilters: 'maybe' as unknown as boolean,
            minSample: 5,
            currencyCode: 'euro',
        });
        expect(bodyRows(element).length).toBe(5);
        expect($$(element, '.kpi-leaderboard__notices li').map(text)).toEqual([
            'c.kpiPropertyNotKpi',
            'c.kpiLeaderboardProblemSecondaryIsMain',
            'c.kpiPropertyNotChoice',
            'c.kpiLeaderboardProblemMinSampleIgnored',
            'c.kpiPropertyNotBoolean',
            'c.kpiPropertyNotCurrency',
        ]);
    });

    it.each([null, 42, {}, [], 'x'.repeat(500), -1, Number.NaN, true])(
        'survives %p in every property without throwing',
        async (value) => {
            const element = create(Object.fromEntries(BOARD_PROPERTY_NAMES.map((name) => [name, value])));
            await flush();
            expect($(element, 'article')).not.toBeNull();
        },
    );
});

describe('c-kpi-leaderboard: the viewer on other boards', () => {
    afterEach(cleanUp);

    it('says when the viewer shares their rank', async () => {
        const world = salesWorld();
        world.totals['closedWonRevenue|current|value'][VIEWER] = { records: 2, sum: 40000 };
        const element = await showBoard({ kpi: 'closedWonRevenue', comparison: 'none' }, world);
        expect(text($(element, '.kpi-leaderboard__summary'))).toBe(
            'c.kpiLeaderboardViewerRankTied c.kpiLeaderboardViewerGap',
        );
    });

    it('explains why the viewer is not ranked on a rate', async () => {
        const world = salesWorld();
        world.totals['winRate|current|whole'][VIEWER] = { records: 3 };
        const element = await showBoard({ kpi: 'winRate', minSample: 5 }, world);
        expect(text($(element, '.kpi-leaderboard__summary'))).toBe('c.kpiLeaderboardViewerUnranked');
        expect($$(element, '.kpi-leaderboard__reason').map(text)).toContain('c.kpiLeaderboardBelowMinSample');
    });
});
