/** Every state settles (issue 11): refresh after a failure, "taking long" with a retry, answers without data. */
import KpiWinLoss from 'c/kpiWinLoss';
import { ANSWER_TIMEOUT_MS } from 'c/kpiWaiting';
import { useChartJsMock } from '../../kpiChart/__tests__/kpiChartTestUtils';
import response from '../../kpiWinLossData/__tests__/data/winLoss.json';
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
    refreshButtonOf,
    timersAroundRemoval,
    turns,
} from '../../../../../test/jest/kpiTestUtils';

// The platform gives 1 (Sunday) … 7; the stock mock's 0 is a value the planner rightly refuses.
jest.mock('@salesforce/i18n/firstDayOfWeek', () => ({ default: 1 }), { virtual: true });

useChartJsMock();

const create = () => mount('c-kpi-win-loss', KpiWinLoss);
const refreshButton = (element: HTMLElement) => refreshButtonOf(element)!;
async function settle(): Promise<void> {
    await flush();
    await flush();
}

describe('c-kpi-win-loss: every state settles', () => {
    afterEach(cleanUp);

    it('has a labelled refresh button that asks again after a failed first answer', async () => {
        const element = create();
        await settle();
        const refresh = jest.fn(() => Promise.resolve());
        emitErrors([{ message: 'Failed to fetch' }], undefined, refresh);
        await settle();
        expect($(element, '[data-id="error"]')).not.toBeNull();
        expect(refreshButton(element).alternativeText).toBe('c.kpiTileRefresh');
        refreshButton(element).click();
        await settle();
        expect(refresh).toHaveBeenCalledTimes(1);
        emitData(response, undefined, refresh);
        await settle();
        expect($(element, '[data-id="error"]')).toBeNull();
        expect($(element, '.kpi-win-loss__rates')).not.toBeNull();
        expect(refreshButton(element).disabled).toBe(false);
        await expect(element).toBeAccessible();
    });

    it('keeps the answer while a refresh is out, and shows a failed refresh', async () => {
        const element = create();
        await settle();
        let fail: (error: Error) => void = () => undefined;
        const refresh = jest.fn(() => new Promise<void>((_, reject) => (fail = reject)));
        emitData(response, undefined, refresh);
        await settle();
        refreshButton(element).click();
        await settle();
        expect(refreshButton(element).disabled).toBe(true);
        expect($(element, '.kpi-win-loss__rates')).not.toBeNull();
        fail(new Error('Failed to fetch'));
        await settle();
        expect(refreshButton(element).disabled).toBe(false);
        expect($(element, '[data-id="refresh-error"]')).not.toBeNull();
    });

    it('does nothing before the first answer: it is on its way', async () => {
        const element = create();
        await settle();
        refreshButton(element).click();
        await settle();
        expect(refreshButton(element).disabled).toBe(false);
        expect($(element, '[data-id="loading"]')).not.toBeNull();
    });

    it.each([
        ['data: null', { data: null }, 'c.kpiResultNoResponse'],
        ['errors: [null]', { errors: [null] }, 'c.kpiErrorUndescribed'],
        ['data: {}', { data: {} }, 'c.kpiResultNoResponse'],
        ['data: { uiapi: null }', { data: { uiapi: null } }, 'c.kpiResultNoResponse'],
    ])(
        'explains an answer with %s instead of loading forever or showing empty sections',
        async (_n, answer, message) => {
            const element = create();
            await settle();
            emitResponse(answer);
            await settle();
            expect($(element, '[data-id="loading"]')).toBeNull();
            expect($(element, 'section')).toBeNull();
            const panel = $(element, '[data-id="error"]')!;
            expect(panel.shadowRoot!.textContent).toContain(message);
        },
    );

    describe('taking long', () => {
        beforeEach(fakeTimers);

        it('says so with a retry after the timeout, and the retry sends the document afresh', async () => {
            const element = create();
            await turns();
            expect($(element, '[data-id="loading"]')).not.toBeNull();
            jest.advanceTimersByTime(ANSWER_TIMEOUT_MS);
            await turns();
            expectTakingLong(element);
            expect($(element, '[data-id="loading"]')).toBeNull();
            await expectRetrySendsAfresh(element, 'KpiWinLoss');
            expect($(element, '[data-id="loading"]')).not.toBeNull();
        });

        it('leaves no timer behind once removed from the page', async () => {
            const { waiting, removed } = await timersAroundRemoval(create);
            expect(waiting).toBeGreaterThan(0);
            expect(removed).toBe(0);
        });
    });
});
