/** Every state settles (issue 11): refresh after a failure, "taking long" with a retry, answers without data. */
import KpiLeaderboard from 'c/kpiLeaderboard';
import type { BoardProperties } from 'c/kpiLeaderboardQuery';
import { ANSWER_TIMEOUT_MS } from 'c/kpiWaiting';
import {
    shadow as $,
    cleanUp,
    emitData,
    emitErrors,
    emitResponse,
    expectRetrySendsAfresh,
    expectTakingLong,
    fakeTimers,
    flush,
    mount,
    pinClock,
    refreshButtonOf,
    retryButtonOf,
    takingLongOf,
    timersAroundRemoval,
    turns,
} from '../../../../../test/jest/kpiTestUtils';
import { planFor, responseFor, salesWorld } from './data/boardFixtures';

const REVENUE: BoardProperties = { kpi: 'closedWonRevenue', secondaryKpis: 'winRate', targetSource: 'userField' };
const create = () => mount('c-kpi-leaderboard', KpiLeaderboard, REVENUE);
const refreshButton = (element: HTMLElement) => refreshButtonOf(element)!;

describe('c-kpi-leaderboard: every state settles', () => {
    afterEach(cleanUp);

    describe('refresh', () => {
        beforeEach(() => pinClock());

        it('has a labelled refresh button that asks again after a failed first answer', async () => {
            const element = create();
            await flush();
            const refresh = jest.fn(() => Promise.resolve());
            emitErrors([{ message: 'Failed to fetch' }], undefined, refresh);
            await flush();
            expect($(element, 'c-kpi-error-panel')).not.toBeNull();
            expect(refreshButton(element).alternativeText).toBe('c.kpiTileRefresh');
            refreshButton(element).click();
            await flush();
            expect(refresh).toHaveBeenCalledTimes(1);
            emitData(responseFor(planFor(REVENUE), salesWorld()), undefined, refresh);
            await flush();
            expect($(element, 'c-kpi-error-panel')).toBeNull();
            expect($(element, 'table')).not.toBeNull();
            expect(refreshButton(element).disabled).toBe(false);
            await expect(element).toBeAccessible();
        });

        it('waits while a refresh is out, and shows a failed refresh', async () => {
            const element = create();
            await flush();
            let fail: (error: Error) => void = () => undefined;
            const refresh = jest.fn(() => new Promise<void>((_, reject) => (fail = reject)));
            emitData(responseFor(planFor(REVENUE), salesWorld()), undefined, refresh);
            await flush();
            refreshButton(element).click();
            await flush();
            expect(refreshButton(element).disabled).toBe(true);
            refreshButton(element).click();
            expect(refresh).toHaveBeenCalledTimes(1);
            fail(new Error('Failed to fetch'));
            await flush();
            expect(refreshButton(element).disabled).toBe(false);
            expect($(element, '.kpi-leaderboard__refresh-error')).not.toBeNull();
            expect($(element, 'table')).not.toBeNull();
        });

        it('does nothing before the first answer: it is on its way', async () => {
            const element = create();
            await flush();
            refreshButton(element).click();
            await flush();
            expect(refreshButton(element).disabled).toBe(false);
            expect($(element, '.kpi-leaderboard__loading')).not.toBeNull();
        });

        it.each([
            ['data: null', { data: null }, 'c.kpiResultNoResponse'],
            ['errors: [null]', { errors: [null] }, 'c.kpiErrorUndescribed'],
            ['data: {}', { data: {} }, 'c.kpiLeaderboardNoAnswer'],
        ])('explains an answer with %s instead of loading forever', async (_name, answer, message) => {
            const element = create();
            await flush();
            emitResponse(answer);
            await flush();
            expect($(element, '.kpi-leaderboard__loading')).toBeNull();
            const panel = $(element, 'c-kpi-error-panel')!;
            expect(panel.shadowRoot!.textContent).toContain(message);
        });
    });

    describe('taking long', () => {
        beforeEach(fakeTimers);

        it('says so with a retry after the timeout, and the retry sends the document afresh', async () => {
            const element = create();
            await turns();
            expect(retryButtonOf(element)).toBeNull();
            jest.advanceTimersByTime(ANSWER_TIMEOUT_MS - 1);
            await turns();
            expect(retryButtonOf(element)).toBeNull();
            jest.advanceTimersByTime(1);
            await turns();
            expectTakingLong(element);
            expect($(element, 'lightning-spinner')).toBeNull();
            await expectRetrySendsAfresh(element, 'KpiLeaderboard');
            expect($(element, 'lightning-spinner')).not.toBeNull();
            jest.useRealTimers();
            emitData(responseFor(planFor(REVENUE), salesWorld()));
            await flush();
            expect($(element, 'table')).not.toBeNull();
            expect(takingLongOf(element)).toBeNull();
        });

        it('leaves no timer behind once removed from the page', async () => {
            const { waiting, removed } = await timersAroundRemoval(create);
            expect(waiting).toBeGreaterThan(0);
            expect(removed).toBe(0);
        });
    });
});
