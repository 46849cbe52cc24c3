/**
 * What kpiTileHost gives kpiMetric and kpiBoard for issue 11's "every state settles": a tile that has waited past the
 * timeout says so with a retry, the retry sends never-answered documents afresh (or refreshes answered ones even while
 * a refresh hangs), refresh works after a failed first answer, and an answer without data is an explained error.
 */
import KpiBoard from 'c/kpiBoard';
import KpiMetric from 'c/kpiMetric';
import { ANSWER_TIMEOUT_MS } from 'c/kpiWaiting';
import {
    cleanUp,
    expectTakingLong,
    fakeTimers,
    mount,
    refreshButtonOf,
    respond,
    retryButtonOf,
    shadow,
    shadowAll,
    takingLongOf,
    tilesOf,
    turns,
    wireUpdates,
} from '../../../../../test/jest/kpiTestUtils';
import type { Fixture } from '../../../../../test/jest/kpiTestUtils';
import closedWonRevenue from '../../kpiMetric/__tests__/data/metricClosedWonRevenue.json';
import { describeSettling } from '../../../../../test/jest/kpiSettling';

// The platform numbers weekdays from 1 = Sunday (create-i18n); @lwc/jest-transformer's stand-in is 0.
jest.mock('@salesforce/i18n/firstDayOfWeek', () => ({ default: 1 }), { virtual: true });

const [document0] = (closedWonRevenue as unknown as Fixture).documents;
const createMetric = () => mount('c-kpi-metric', KpiMetric);
const tile = (element: HTMLElement) => shadow(element, 'c-kpi-tile')!;
const inTile = (element: HTMLElement, selector: string) => shadow(tile(element), selector);
const refreshButton = (element: HTMLElement) => refreshButtonOf(tile(element))!;
const retryButton = (element: HTMLElement) => retryButtonOf(tile(element));

describeSettling({
    tag: 'kpiTileHost (c-kpi-metric)',
    create: createMetric,
    root: tile,
    answer: (refresh) => respond(document0, refresh),
    operationName: 'KpiMetrics',
    selectors: {
        content: '.kpi-tile__value',
        loading: 'lightning-spinner',
        error: 'c-kpi-error-panel',
        refreshError: '.kpi-metric__refresh-error',
    },
    badAnswers: [
        ['data: {}', { data: {} }, 'c.kpiResultNoResponse'],
        ['data: { uiapi: null }', { data: { uiapi: null } }, 'c.kpiResultNoResponse'],
    ],
});

describe('kpiTileHost: retries of what it draws', () => {
    afterEach(cleanUp);

    it('a refresh that hangs past the timeout offers a retry that refreshes again; the number stays', async () => {
        fakeTimers();
        const element = createMetric();
        await turns();
        const refresh = jest.fn(() => new Promise<void>(() => undefined));
        respond(document0, refresh);
        await turns();
        refreshButton(element).click();
        await turns();
        expect(refreshButton(element).disabled).toBe(true);
        jest.advanceTimersByTime(ANSWER_TIMEOUT_MS);
        await turns();
        expect(inTile(element, '.kpi-tile__value')).not.toBeNull();
        retryButton(element)!.click();
        await turns();
        expect(refresh).toHaveBeenCalledTimes(2);
        expect(retryButton(element)).toBeNull();
    });

    it('a board: one tile retry asks every document afresh', async () => {
        fakeTimers();
        const update = wireUpdates();
        const element = mount('c-kpi-board', KpiBoard, { preset: 'sales' });
        await turns();
        jest.advanceTimersByTime(ANSWER_TIMEOUT_MS);
        await turns();
        const tiles = [...tilesOf(element).values()];
        expect(tiles.length).toBeGreaterThan(1);
        for (const each of tiles) expectTakingLong(each);
        const wires = new Set(update.mock.calls.map(([config]) => config.operationName)).size;
        update.mockClear();
        retryButtonOf(tiles[0])!.click();
        await turns();
        expect(update.mock.calls.length).toBeGreaterThanOrEqual(2 * wires);
        // Every tile waits afresh: the board is refreshing.
        for (const each of tiles) expect(takingLongOf(each)).toBeNull();
        expect(shadowAll(element, 'c-kpi-tile')).toHaveLength(tiles.length);
    });
});
