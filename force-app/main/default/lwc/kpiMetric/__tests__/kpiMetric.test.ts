import { LABELS } from '../../kpiConfig/__tests__/kpiLabels';
import { gql } from 'lightning/graphql';
import KpiMetric from 'c/kpiMetric';
import { planKpis } from 'c/kpiPlanner';
import {
    cleanUp,
    emitErrors,
    FIXTURE_NOW,
    flush,
    gqlTokens,
    lastConfig,
    messages,
    mount,
    navigations,
    pinClock,
    plain,
    refreshButtonOf,
    respond,
    sentDocuments,
    shadow,
    shadowText,
    wiredConfigs,
} from '../../../../../test/jest/kpiTestUtils';
import type { Fixture } from '../../../../../test/jest/kpiTestUtils';
import closedWonRevenue from './data/metricClosedWonRevenue.json';
import emptyOpenRate from './data/metricCampaignOpenRateEmpty.json';
import winRateTeam from './data/metricWinRateTeam.json';

// The platform numbers weekdays from 1 = Sunday (create-i18n); @lwc/jest-transformer's stand-in is 0.
jest.mock('@salesforce/i18n/firstDayOfWeek', () => ({ default: 1 }), { virtual: true });
jest.mock('c/kpiPlanner', () => {
    const actual = jest.requireActual('c/kpiPlanner');
    return { ...actual, planKpis: jest.fn(actual.planKpis) };
});

type MetricElement = HTMLElement & Record<string, unknown>;

const create = (props: Record<string, unknown> = {}) => mount<MetricElement>('c-kpi-metric', KpiMetric, props);
const tile = (element: HTMLElement) => shadow(element, 'c-kpi-tile')!;
const refreshButton = (element: HTMLElement) => refreshButtonOf(tile(element))!;
const fixture = (data: unknown) => data as Fixture;

describe('c-kpi-metric', () => {
    beforeEach(() => pinClock());
    afterEach(cleanUp);

    it('sends the planner document once and shows a spinner, not "no data", until it answers', async () => {
        const element = create();
        await flush();
        const [document] = fixture(closedWonRevenue).documents;
        expect(sentDocuments()).toEqual([gqlTokens(document.query)]);
        expect(wiredConfigs()).toEqual([
            { query: undefined, variables: document.variables, operationName: 'KpiMetrics' },
        ]);
        expect(lastConfig()).toMatchObject({ operationName: 'KpiMetrics' });
        expect(shadow(tile(element), 'lightning-spinner')).not.toBeNull();
        expect(shadow(tile(element), '.kpi-tile__empty')).toBeNull();
        expect(shadow(tile(element), '.kpi-tile__value')).toBeNull();
    });

    it('shows the number, its change, trend and time once the wire answers', async () => {
        const element = create();
        await flush();
        respond(fixture(closedWonRevenue).documents[0]);
        await flush();
        const shown = tile(element);
        expect(shadowText(shown, '.kpi-tile__drill')).toBe(LABELS.kpiClosedWonRevenue);
        expect(shadowText(shown, '.kpi-tile__value')).toBe('$94.9K$94,900.00');
        expect(plain(shadowText(shown, '.kpi-tile__change span[aria-hidden="true"] + span'))).toBe(
            '+$94.9K vs Jan 1 – Feb 19, 2024, same days of the previous period (was $0) · Better',
        );
        expect(shadowText(shown, '.kpi-tile__period')).toBe('This fiscal quarter · My records · Apr 1 – May 20, 2024');
        const sparkline = shadow(shown, 'c-kpi-sparkline') as HTMLElement & { points: unknown[]; label: string };
        expect(sparkline.points).toHaveLength(6);
        expect(sparkline.label.replace(/[\u2009\u202f]/g, ' ')).toContain('Apr 1 – May 20, 2024: $94.9K');
        // No target typed: the rep's own quota, the same number pipeline coverage and the leaderboard use.
        expect(shadowText(shown, '.kpi-tile__target-line')).toBe('Off track · 58% of target · Target $165K');
        expect(shadowText(shown, '.kpi-tile__footer')).toBe('As of 9:00 AM');
        expect(shadow(shown, 'lightning-spinner')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it("judges a team's rate against its target and flags a sample too small to trust", async () => {
        const element = create({ kpi: 'winRate', comparison: 'samePeriodLastYear', scope: 'team', target: '50' });
        await flush();
        const [document] = fixture(winRateTeam).documents;
        expect(sentDocuments()).toEqual([gqlTokens(document.query)]);
        respond(document);
        await flush();
        const shown = tile(element);
        expect(shadowText(shown, '.kpi-tile__value')).toBe('40%40%');
        expect(shadowText(shown, '.kpi-tile__target-line')).toBe('At risk · 80% of target · Target 50%');
        expect(shadowText(shown, '.kpi-tile__sample')).toBe('Based on 5 records');
        expect(shadowText(shown, '.kpi-tile__low-sample')).toBe(LABELS.kpiTileLowSample);
        expect(shadowText(shown, '.kpi-tile__change .slds-assistive-text')).toContain('same days last year');
        expect(shadowText(shown, '.kpi-tile__note')).toBe(LABELS.kpiTileVisibleOnly);
    });

    it('says there is nothing to show when the period has no records', async () => {
        const element = create({ kpi: 'campaignOpenRate', period: 'thisMonth' });
        await flush();
        const [document] = fixture(emptyOpenRate).documents;
        expect(sentDocuments()).toEqual([gqlTokens(document.query)]);
        respond(document);
        await flush();
        expect(shadowText(tile(element), '.kpi-tile__empty')).toBe(LABELS.kpiTileEmpty);
        expect(shadowText(tile(element), '.kpi-tile__sample')).toBe('Based on 0 records');
    });

    it('explains an error the wire reports, accessibly', async () => {
        const element = create();
        await flush();
        emitErrors([{ message: 'Failed to fetch' }]);
        await flush();
        const panel = shadow(tile(element), 'c-kpi-error-panel') as HTMLElement & { friendlyMessage: string };
        expect(panel.friendlyMessage).toBe(LABELS.kpiErrorNetwork);
        await expect(element).toBeAccessible();
    });

    it('names every bad property inline and sends nothing', async () => {
        const element = create({
            kpi: 'wins',
            period: 'fortnight',
            sparkline: 99,
            amberThreshold: 90,
            greenThreshold: 10,
        });
        await flush();
        expect(gql).not.toHaveBeenCalled();
        expect(wiredConfigs()).toEqual([]);
        const items = messages(tile(element), '[role="alert"]')!.lines;
        expect(items).toHaveLength(3);
        expect(items[0]).toContain('KPI: "wins"');
        expect(items[1]).toContain('Period: "fortnight"');
        expect(items[2]).toContain('Trend periods: "99"');
        expect(messages(tile(element), '.kpi-tile__warnings')!.lines).toHaveLength(1);
        await expect(element).toBeAccessible();
    });

    it('shows a problem only the plan reveals (a trend over too many days) on the tile', async () => {
        const element = create({ period: 'rollingDays', rollingDays: 365, sparkline: 12 });
        await flush();
        expect(wiredConfigs()).toEqual([]);
        expect(messages(tile(element), '[role="alert"]')!.lines).toContainEqual(
            expect.stringContaining('Trend periods: 12 periods cover too many days'),
        );
    });

    it('follows property changes with a new document', async () => {
        const element = create();
        await flush();
        element.kpi = 'winRate';
        element.scope = 'team';
        element.comparison = 'samePeriodLastYear';
        await flush();
        expect(sentDocuments()).toEqual([
            gqlTokens(fixture(closedWonRevenue).documents[0].query),
            gqlTokens(fixture(winRateTeam).documents[0].query),
        ]);
    });

    it('refreshes through the wire, waiting meanwhile, and reports a failed refresh', async () => {
        const element = create();
        await flush();
        let finish!: () => void;
        const refresh = jest.fn(() => new Promise<void>((resolve) => (finish = resolve)));
        respond(fixture(closedWonRevenue).documents[0], refresh);
        await flush();
        refreshButton(element).click();
        await flush();
        expect(refresh).toHaveBeenCalledTimes(1);
        expect(refreshButton(element).disabled).toBe(true);
        refreshButton(element).click();
        expect(refresh).toHaveBeenCalledTimes(1);
        finish();
        await flush();
        expect(refreshButton(element).disabled).toBe(false);
        expect(sentDocuments()).toHaveLength(1);

        const failing = jest.fn(() => Promise.reject(new Error('Failed to fetch')));
        respond(fixture(closedWonRevenue).documents[0], failing);
        await flush();
        refreshButton(element).click();
        await flush();
        const panel = shadow(element, '.kpi-metric__refresh-error') as HTMLElement & { errors: unknown };
        expect(panel.errors).toEqual(new Error('Failed to fetch'));
        expect(shadowText(tile(element), '.kpi-tile__value')).toBe('$94.9K$94,900.00');
    });

    it('plans again instead of refreshing once the day has changed', async () => {
        const element = create();
        await flush();
        const refresh = jest.fn(() => Promise.resolve());
        respond(fixture(closedWonRevenue).documents[0], refresh);
        await flush();
        jest.setSystemTime(new Date(FIXTURE_NOW.getTime() + 86_400_000));
        refreshButton(element).click();
        await flush();
        expect(refresh).not.toHaveBeenCalled();
        expect(wiredConfigs()[0].variables!.d1).toBe('2024-02-21');
        expect(shadow(tile(element), 'lightning-spinner')).not.toBeNull();
    });

    it('does nothing on refresh before the wire has answered', async () => {
        const element = create();
        await flush();
        refreshButton(element).click();
        await flush();
        expect(refreshButton(element).disabled).toBe(false);
    });

    it('shows a planner failure instead of a tile that would load forever', async () => {
        (planKpis as jest.Mock).mockImplementationOnce(() => {
            throw new Error('planner broke');
        });
        const element = create();
        await flush();
        expect(shadow(element, 'c-kpi-tile')).toBeNull();
        expect((shadow(element, 'c-kpi-error-panel') as HTMLElement & { errors: unknown }).errors).toEqual(
            new Error('planner broke'),
        );
    });

    it('navigates to the records behind the number', async () => {
        const element = create();
        await flush();
        respond(fixture(closedWonRevenue).documents[0]);
        await flush();
        shadow(tile(element), 'a.kpi-tile__drill')!.click();
        expect(navigations()).toEqual([
            {
                type: 'standard__objectPage',
                attributes: { objectApiName: 'Opportunity', actionName: 'list' },
                state: { filterName: 'kpiOpportunitiesWon' },
            },
        ]);
    });

    it('formats amounts in the currency the admin names', async () => {
        const element = create({ currencyCode: 'EUR', cardTitle: 'Revenue (EUR)' });
        await flush();
        respond(fixture(closedWonRevenue).documents[0]);
        await flush();
        expect(shadowText(tile(element), '.kpi-tile__value')).toBe('€94.9K€94,900.00');
        expect(shadowText(tile(element), '.kpi-tile__drill')).toBe('Revenue (EUR)');
    });
});
