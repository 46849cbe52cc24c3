import { LABELS } from '../../kpiConfig/__tests__/kpiLabels';
import { gql } from 'lightning/graphql';
import KpiBoard from 'c/kpiBoard';
import { KPI_IDS } from 'c/kpiCatalog';
import { PRESETS } from 'c/kpiConfig';
import { planKpis } from 'c/kpiPlanner';
import {
    aliasedFields,
    cleanUp,
    flush,
    gqlTokens,
    lastConfig,
    messages,
    mount,
    pinClock,
    refreshButtonOf,
    respond,
    sentDocuments,
    sentQueries,
    shadow,
    shadowText,
    tilesOf,
    wiredConfigs,
} from '../../../../../test/jest/kpiTestUtils';
import type { Fixture } from '../../../../../test/jest/kpiTestUtils';
import activityNoTaskData from './data/boardActivityNoTask.json';
import marketingTwoDocumentsData from './data/boardMarketingTwoDocuments.json';
import salesHiddenAmountData from './data/boardSalesHiddenAmount.json';
import salesPartialData from './data/boardSalesPartial.json';
import salesTeamData from './data/boardSalesTeam.json';

jest.mock('@salesforce/i18n/firstDayOfWeek', () => ({ default: 1 }), { virtual: true });
jest.mock('c/kpiPlanner', () => {
    const actual = jest.requireActual('c/kpiPlanner');
    return { ...actual, planKpis: jest.fn(actual.planKpis) };
});

const salesTeam = salesTeamData as Fixture;
const salesHiddenAmount = salesHiddenAmountData as Fixture;
const salesPartial = salesPartialData as Fixture;
const activityNoTask = activityNoTaskData as Fixture;
const marketingTwoDocuments = marketingTwoDocumentsData as Fixture;

type BoardElement = HTMLElement & Record<string, unknown>;

const create = (props: Record<string, unknown> = {}) => mount<BoardElement>('c-kpi-board', KpiBoard, props);
/** The documents of fixture documents, as sentDocuments reads them. */
const documentsOf = (...documents: { query: string }[]) => documents.map((document) => gqlTokens(document.query));

const refreshButton = (element: HTMLElement) =>
    shadow(element, 'lightning-button.kpi-board__refresh') as (HTMLElement & { disabled: boolean }) | null;
const value = (tile: HTMLElement) => shadowText(tile, '.kpi-tile__value');
const errorPanel = (tile: HTMLElement) =>
    shadow(tile, 'c-kpi-error-panel') as (HTMLElement & { friendlyMessage: string; errors: string[] }) | null;
const loading = (tile: HTMLElement) => shadow(tile, 'lightning-spinner') !== null;

describe('c-kpi-board', () => {
    beforeEach(() => pinClock());
    afterEach(cleanUp);

    it('asks for every tile of the sales preset in one request, each tile loading until it answers', async () => {
        const element = create({ scope: 'team' });
        await flush();
        expect(sentDocuments()).toEqual(documentsOf(salesTeam.documents[0]));
        expect(wiredConfigs()).toEqual([
            { query: undefined, variables: salesTeam.documents[0].variables, operationName: 'KpiMetrics' },
        ]);
        const tiles = tilesOf(element);
        expect([...tiles.keys()]).toEqual(PRESETS.sales);
        for (const tile of tiles.values()) {
            expect(loading(tile)).toBe(true);
            expect(shadow(tile, '.kpi-tile__empty')).toBeNull();
        }
        expect(shadow(element, '.kpi-board__title')!.textContent).toBe(LABELS.kpiBoardSales);
        expect(shadow(element, '.kpi-board__as-of')).toBeNull();
    });

    it("shows every KPI of a manager's team from that one answer", async () => {
        const element = create({ scope: 'team', targets: 'winRate=50' });
        await flush();
        respond(salesTeam.documents[0]);
        await flush();
        const tiles = tilesOf(element);
        expect([...tiles.values()].map(value)).toEqual([
            '$294K$294,300.00',
            '1010',
            '33.3%33.3%',
            '$29.4K$29,430.00',
            '$2.2M$2,181,200.00',
            '4.5×4.5×',
        ]);
        // One target: the team's quotas, each once (the four reps' $165K + $280K + $255K + $80K, not the manager's
        // roll-up), the same number coverage divides by: $2,181,200 ÷ ($780,000 − $294,300) = 4.5×.
        expect(shadowText(tiles.get('closedWonRevenue')!, '.kpi-tile__target-line')).toBe(
            'Off track · 38% of target · Target $780K',
        );
        expect(shadowText(tiles.get('winRate')!, '.kpi-tile__target-line')).toBe(
            'Off track · 67% of target · Target 50%',
        );
        expect(shadowText(tiles.get('pipelineValue')!, '.kpi-tile__note')).toBe(LABELS.kpiNoteComparisonNotSupported);
        for (const tile of tiles.values()) {
            expect(shadow(tile, '[role="heading"]')!.getAttribute('aria-level')).toBe('3');
            expect(refreshButtonOf(tile)).toBeNull();
            expect(shadow(tile, '.kpi-tile__footer')).toBeNull();
        }
        expect(shadow(element, '.kpi-board__as-of')!.textContent).toBe('As of 9:00 AM');
        await expect(element).toBeAccessible();
    });

    it('isolates a field the viewer cannot see to the tiles that need it', async () => {
        const element = create();
        await flush();
        expect(sentDocuments()).toEqual(documentsOf(salesHiddenAmount.documents[0]));
        respond(salesHiddenAmount.documents[0]);
        await flush();
        const tiles = tilesOf(element);
        for (const key of ['closedWonRevenue', 'averageDealSize', 'pipelineValue', 'pipelineCoverage']) {
            const panel = errorPanel(tiles.get(key)!)!;
            expect(panel.friendlyMessage).toBe(LABELS.kpiErrorNoAccess);
            expect(panel.errors[0]).toContain('Amount');
        }
        expect(value(tiles.get('opportunitiesWon')!)).toBe('22');
        expect(value(tiles.get('winRate')!)).toBe('22.2%22.2%');
        await expect(element).toBeAccessible();
    });

    it('isolates a subquery missing from a partial response to its tile', async () => {
        const element = create({ scope: 'team' });
        await flush();
        respond(salesPartial.documents[0]);
        await flush();
        const tiles = tilesOf(element);
        expect(errorPanel(tiles.get('winRate')!)!.friendlyMessage).toBe(
            'Request timed out while aggregating. Try again with a narrower filter.',
        );
        for (const key of PRESETS.sales.filter((k) => k !== 'winRate')) {
            expect(value(tiles.get(key)!)).toBeTruthy();
            expect(errorPanel(tiles.get(key)!)).toBeNull();
        }
    });

    it('asks again, without them, for KPIs an unsupported object took down with it', async () => {
        const element = create({ preset: 'activity' });
        await flush();
        expect(sentDocuments()).toEqual(documentsOf(activityNoTask.documents[0]));
        // The engine's refusals point at the Task subqueries of the document as it was sent.
        const refusals = activityNoTask.documents[0].response.errors as { locations: { line: number }[] }[];
        const taskSubqueries = [...aliasedFields(sentQueries()[0]).values()].filter((field) => field.name === 'Task');
        expect(refusals.map((error) => error.locations[0].line)).toEqual(taskSubqueries.map((field) => field.lines[0]));
        respond(activityNoTask.documents[0]);
        await flush();
        expect(sentDocuments()).toEqual(documentsOf(...activityNoTask.documents));
        let tiles = tilesOf(element);
        for (const key of ['emailsSent', 'outboundCalls']) {
            expect(errorPanel(tiles.get(key)!)!.friendlyMessage).toBe(LABELS.kpiErrorNotSupported);
        }
        expect(loading(tiles.get('opportunitiesOpened')!)).toBe(true);
        respond(activityNoTask.documents[1]);
        await flush();
        tiles = tilesOf(element);
        expect(value(tiles.get('opportunitiesOpened')!)).toBe('22');
        expect(errorPanel(tiles.get('emailsSent')!)).not.toBeNull();
        await expect(element).toBeAccessible();
    });

    it('reads a board that needs two documents from two wires, each tile as its document answers', async () => {
        const element = create({
            preset: 'custom',
            kpis: 'leadsCreated, leadConversionRate, campaignOpenRate, campaignResponseRate',
            scope: 'all',
        });
        await flush();
        expect(sentDocuments()).toEqual(documentsOf(...marketingTwoDocuments.documents));
        expect(
            wiredConfigs()
                .map((c) => c.operationName)
                .sort(),
        ).toEqual(['KpiMetrics', 'KpiMetrics2']);
        respond(marketingTwoDocuments.documents[1]);
        await flush();
        const loadingKeys = () => [...tilesOf(element)].filter(([, tile]) => loading(tile)).map(([key]) => key);
        expect(loadingKeys().length).toBeGreaterThan(0);
        respond(marketingTwoDocuments.documents[0]);
        await flush();
        expect(loadingKeys()).toEqual([]);
        for (const tile of tilesOf(element).values()) expect(errorPanel(tile)).toBeNull();
    });

    it('settles every tile through property changes and a refresh: only a changed document is asked again', async () => {
        // Issue 12: after one property change the tiles of the unchanged document stayed loading until Refresh.
        const element = create({
            preset: 'custom',
            kpis: 'leadsCreated, leadConversionRate, campaignOpenRate, campaignResponseRate',
            scope: 'all',
        });
        await flush();
        const loadingKeys = () => [...tilesOf(element)].filter(([, tile]) => loading(tile)).map(([key]) => key);
        const refreshes = [jest.fn(() => Promise.resolve()), jest.fn(() => Promise.resolve())];
        marketingTwoDocuments.documents.forEach((document, index) => respond(document, refreshes[index]));
        await flush();
        expect(loadingKeys()).toEqual([]);
        const before = sentQueries().length;

        // Campaign statuses change the campaign document only; the leads document's wire does not emit again.
        element.sentStatuses = 'Sent, Delivered';
        await flush();
        const asked = new Set(sentQueries().slice(0, before));
        expect(
            new Set(
                sentQueries()
                    .slice(before)
                    .filter((query) => !asked.has(query)),
            ).size,
        ).toBe(1);
        respond(marketingTwoDocuments.documents[1], refreshes[1]);
        await flush();
        expect(loadingKeys()).toEqual([]);

        element.openedStatuses = 'Opened, Clicked';
        await flush();
        respond(marketingTwoDocuments.documents[1], refreshes[1]);
        await flush();
        expect(loadingKeys()).toEqual([]);
        expect(tilesOf(element).size).toBe(4);

        refreshButton(element)!.click();
        await flush();
        expect(refreshes.map((refresh) => refresh.mock.calls.length)).toEqual([1, 1]);
        marketingTwoDocuments.documents.forEach((document, index) => respond(document, refreshes[index]));
        await flush();
        expect(loadingKeys()).toEqual([]);
        for (const tile of tilesOf(element).values())
            expect(value(tile) ?? shadow(tile, '.kpi-tile__empty')).toBeTruthy();
    });

    it('tells the tiles past its request budget why they are not loaded', async () => {
        // Fiscal years from February chunk each trend by calendar year: seven documents for these twelve KPIs.
        const kpis = [
            'leadConversionRate',
            'opportunitiesWon',
            'opportunitiesLost',
            'closedWonRevenue',
            'lostAmount',
            'averageDealSize',
            'averageContractValue',
            'winRate',
            'winRateByAmount',
            'averageDaysLeadToOpportunity',
            'averageSalesCycle',
            'emailsSent',
        ];
        const element = create({
            preset: 'custom',
            kpis: kpis.join(','),
            period: 'thisFiscalYear',
            fiscalYearStartMonth: 2,
        });
        await flush();
        expect(wiredConfigs()).toHaveLength(3);
        expect(sentDocuments()).toHaveLength(3);
        const refused = [...tilesOf(element).values()].filter((tile) =>
            messages(tile, '[role="alert"]')?.lines.some((line) => line.includes('more than 3 requests')),
        );
        expect(refused.length).toBeGreaterThan(0);
        expect(refused.length).toBeLessThan(kpis.length);
        expect(KPI_IDS).toEqual(expect.arrayContaining(kpis));
    });

    it('names every bad board property inline and sends nothing', async () => {
        const element = create({ preset: 'finance', scope: 'company', kpis: 'winRate' });
        await flush();
        expect(gql).not.toHaveBeenCalled();
        const problems = messages(element, '.kpi-board__problems')!.lines;
        expect(problems).toEqual([
            'Preset: "finance" is not one of the choices. Choose one of: sales, marketing, activity, custom.',
            'Scope: "company" is not one of the choices. Choose one of: mine, team, all.',
        ]);
        expect(tilesOf(element).size).toBe(0);
        expect(refreshButton(element)).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('gives an unknown KPI of a custom list its own message and loads the rest', async () => {
        const element = create({ preset: 'custom', kpis: 'winRate, wins', targets: 'winRate=25, x' });
        await flush();
        const tiles = tilesOf(element);
        expect(messages(tiles.get('wins')!, '[role="alert"]')!.lines[0]).toContain('KPIs (custom list): "wins"');
        expect(loading(tiles.get('winRate')!)).toBe(true);
        expect(messages(element, '.kpi-board__warnings')!.lines).toEqual([
            'Targets: "x" is not a KPI id and a number, such as winRate=25, so it is ignored.',
        ]);
        expect(shadow(element, '.kpi-board__title')!.textContent).toBe(LABELS.kpiBoardCustom);
        expect(wiredConfigs()).toHaveLength(1);
    });

    it('uses the title the admin gives', () => {
        expect(shadow(create({ cardTitle: 'My week', preset: 'activity' }), '.kpi-board__title')!.textContent).toBe(
            'My week',
        );
        expect(shadow(create({ preset: 'marketing' }), '.kpi-board__title')!.textContent).toBe(
            LABELS.kpiBoardMarketing,
        );
    });

    it('refreshes every document through its wire with one button, and reports a failure', async () => {
        const element = create({
            preset: 'custom',
            kpis: 'leadsCreated, leadConversionRate, campaignOpenRate, campaignResponseRate',
            scope: 'all',
        });
        await flush();
        const refreshes = [jest.fn(() => Promise.resolve()), jest.fn(() => Promise.resolve())];
        marketingTwoDocuments.documents.forEach((document, index) => respond(document, refreshes[index]));
        await flush();
        refreshButton(element)!.click();
        await flush();
        expect(refreshes.map((refresh) => refresh.mock.calls.length)).toEqual([1, 1]);
        expect(refreshButton(element)!.disabled).toBe(false);

        respond(marketingTwoDocuments.documents[0], () => Promise.reject(new Error('Failed to fetch')));
        await flush();
        refreshButton(element)!.click();
        await flush();
        expect((shadow(element, '.kpi-board__refresh-error') as HTMLElement & { errors: unknown }).errors).toEqual(
            new Error('Failed to fetch'),
        );
        await expect(element).toBeAccessible();
    });

    it('starts over on refresh after a retry round, so the failed KPIs get another chance', async () => {
        const element = create({ preset: 'activity' });
        await flush();
        respond(activityNoTask.documents[0]);
        await flush();
        respond(
            activityNoTask.documents[1],
            jest.fn(() => Promise.resolve()),
        );
        await flush();
        refreshButton(element)!.click();
        await flush();
        expect(sentDocuments()).toEqual(documentsOf(...activityNoTask.documents, activityNoTask.documents[0]));
        expect(loading(tilesOf(element).get('emailsSent')!)).toBe(true);
    });

    it('does nothing on refresh before any document has answered', async () => {
        const element = create();
        await flush();
        refreshButton(element)!.click();
        await flush();
        expect(refreshButton(element)!.disabled).toBe(false);
        expect(sentDocuments()).toHaveLength(1);
    });

    it('shows a planner failure instead of tiles that would load forever', async () => {
        (planKpis as jest.Mock).mockImplementationOnce(() => {
            throw new Error('planner broke');
        });
        const element = create();
        await flush();
        expect(tilesOf(element).size).toBe(0);
        expect((shadow(element, 'c-kpi-error-panel') as HTMLElement & { errors: unknown }).errors).toEqual(
            new Error('planner broke'),
        );
        expect(refreshButton(element)).toBeNull();
        expect(lastConfig()).toBeDefined();
    });
});
