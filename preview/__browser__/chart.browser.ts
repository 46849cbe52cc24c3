/**
 * What Jest cannot show: Chart.js really drawing on a canvas inside the component, and the same canvas surviving
 * updates (new properties, new data, a refresh) with read-only wire data, under the real LWC engine.
 */
import {
    assert,
    assertChartDrawn,
    assertFinalState,
    canvasStats,
    setProperty,
    settle,
    waitForRedraw,
    type BrowserTest,
    type TestContext,
} from './harness';

const tests: BrowserTest[] = [
    {
        name: 'Chart.js draws on the canvas and keeps drawing after updates, refresh and a bad value',
        async run(t: TestContext) {
            const opened = await t.open('/lightning/page/home');
            const { page } = opened;
            const first = await canvasStats(page);
            assertChartDrawn(first, 'first render');

            await page.locator('[data-id="toggle-properties"]').click();
            await setProperty(page, 'Chart type', 'line');
            const asLine = await waitForRedraw(page, first, 'chart type bar → line');
            assertChartDrawn(asLine, 'after chart type change');
            const canvas = await page.locator('canvas').first().elementHandle();

            await t.resetMetrics();
            await setProperty(page, 'Group by', 'LeadSource');
            const regrouped = await waitForRedraw(page, asLine, 'group by stage → lead source');
            assertChartDrawn(regrouped, 'after new data');
            assert(
                (await t.metrics()).count === 1,
                'a property change that alters the query should send exactly one request',
            );

            await t.resetMetrics();
            await page.locator('preview-chart-demo').first().locator('[data-id="refresh"]').click();
            await settle(page);
            assert((await t.metrics()).count === 1, 'refresh() should re-run the query once');
            assertChartDrawn(await canvasStats(page), 'after refresh');

            await t.resetMetrics();
            await setProperty(page, 'In the last N months', '99');
            const error = page.locator('preview-property-panel [role="alert"]');
            assert((await error.count()) === 1, 'an out-of-range Integer should be refused with a message');
            assert(/at most 36/.test(await error.innerText()), `unexpected message: ${await error.innerText()}`);
            assert((await t.metrics()).count === 0, 'a refused value must not reach the component');

            const same = await page.locator('canvas').first().elementHandle();
            assert(
                canvas && same && (await page.evaluate(([a, b]) => a === b, [canvas, same])),
                'new data re-created the chart instead of updating it in place (a new canvas element)',
            );
            await assertFinalState(opened, 'property panel with an error', 'chart-after-updates');
        },
    },
];

export default tests;
