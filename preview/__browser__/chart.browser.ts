/**
 * What Jest cannot show: Chart.js really drawing on a canvas inside the component, and the same canvas surviving
 * updates (new properties, new data, a refresh) with read-only wire data, under the real LWC engine.
 */
import type { Page } from 'playwright-core';
import {
    assert,
    assertAccessible,
    assertNoIssues,
    canvasStats,
    screenshot,
    settle,
    type BrowserTest,
    type CanvasStats,
    type TestContext,
} from './harness';

function assertDrawn(stats: CanvasStats, what: string): void {
    assert(stats.width > 100 && stats.height > 100, `${what}: canvas is ${stats.width}×${stats.height}`);
    assert(stats.painted > 0.02, `${what}: only ${(stats.painted * 100).toFixed(2)} % of the canvas is painted`);
    assert(stats.colours >= 3, `${what}: only ${stats.colours} colours on the canvas`);
}

async function waitForRedraw(page: Page, before: CanvasStats, what: string): Promise<CanvasStats> {
    const deadline = Date.now() + 10_000;
    for (;;) {
        await settle(page);
        const after = await canvasStats(page);
        if (after.hash !== before.hash) return after;
        assert(Date.now() < deadline, `${what}: the canvas did not change`);
        await page.waitForTimeout(100);
    }
}

/** Sets one App Builder property of the first component through the property panel, as an admin would. */
async function setProperty(page: Page, label: string, value: string): Promise<void> {
    const form = page
        .locator('preview-property-panel fieldset')
        .filter({ has: page.getByLabel(label, { exact: true }) })
        .first();
    const field = form.getByLabel(label, { exact: true });
    if ((await field.evaluate((element) => element.tagName)) === 'SELECT') await field.selectOption(value);
    else {
        await field.fill(value);
        await field.dispatchEvent('change');
    }
}

const tests: BrowserTest[] = [
    {
        name: 'Chart.js draws on the canvas and keeps drawing after updates, refresh and a bad value',
        async run(t: TestContext) {
            const opened = await t.open('/lightning/page/home');
            const { page } = opened;
            const first = await canvasStats(page);
            assertDrawn(first, 'first render');

            await page.locator('[data-id="toggle-properties"]').click();
            await setProperty(page, 'Chart type', 'line');
            const asLine = await waitForRedraw(page, first, 'chart type bar → line');
            assertDrawn(asLine, 'after chart type change');
            const canvas = await page.locator('canvas').first().elementHandle();

            await t.resetMetrics();
            await setProperty(page, 'Group by', 'LeadSource');
            const regrouped = await waitForRedraw(page, asLine, 'group by stage → lead source');
            assertDrawn(regrouped, 'after new data');
            assert(
                (await t.metrics()).count === 1,
                'a property change that alters the query should send exactly one request',
            );

            await t.resetMetrics();
            await page.locator('preview-chart-demo').first().locator('[data-id="refresh"]').click();
            await settle(page);
            assert((await t.metrics()).count === 1, 'refresh() should re-run the query once');
            assertDrawn(await canvasStats(page), 'after refresh');

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
            await assertAccessible(page, 'property panel with an error');
            await screenshot(page, 'chart-after-updates');
            assertNoIssues(opened, 'chart updates');
        },
    },
];

export default tests;
