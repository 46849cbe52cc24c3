/**
 * An admin editing a board in App Builder (issue 12): change one property, then another, then refresh; every tile
 * settles each time. With marketing KPIs the board needs two documents, so a change that alters one of them must leave
 * the tiles of the other showing their numbers, not loading until Refresh.
 */
import type { Locator, Page } from 'playwright-core';
import { assert, assertFinalState, setProperty, settle, type BrowserTest, type TestContext } from './harness';

function teamBoard(page: Page): Locator {
    return page.locator('c-kpi-board').first();
}

/** Each tile's state: a number, an empty state or an error panel once settled; names the tiles still waiting. */
async function unsettledTiles(board: Locator): Promise<string[]> {
    const tiles = board.locator('c-kpi-tile');
    const count = await tiles.count();
    assert(count > 0, 'the board shows no tiles');
    const waiting: string[] = [];
    for (let i = 0; i < count; i += 1) {
        const tile = tiles.nth(i);
        const title = (await tile.locator('.kpi-tile__title').first().innerText()).trim();
        const spinning = await tile.locator('lightning-spinner').count();
        const shown = await tile.locator('.kpi-tile__value, .kpi-tile__empty, c-kpi-error-panel').count();
        if (spinning > 0 || shown === 0) waiting.push(title);
    }
    return waiting;
}

async function assertSettled(page: Page, step: string): Promise<void> {
    await settle(page);
    const waiting = await unsettledTiles(teamBoard(page));
    assert(waiting.length === 0, `${step}: tiles still without a number: ${waiting.join(', ')}`);
}

const MARKETING = 'leadsCreated, leadConversionRate, campaignOpenRate, campaignResponseRate';

const tests: BrowserTest[] = [
    {
        name: 'properties: one change, another, then refresh; every tile of a multi-document board settles each time',
        async run(t: TestContext) {
            const opened = await t.open('/lightning/n/KPI_Sales_Team');
            const { page } = opened;
            await assertSettled(page, 'first render');
            await page.locator('[data-id="toggle-properties"]').click();

            // Two documents: the lead KPIs and the campaign KPIs (each with its trend).
            await setProperty(page, 'KPIs (custom list)', MARKETING);
            await assertSettled(page, 'after choosing marketing KPIs');

            // Campaign statuses change the campaign document only: it alone is asked again, and the lead tiles keep
            // the answer they had (their wire does not emit again), instead of loading until Refresh.
            await t.resetMetrics();
            await setProperty(page, 'Campaign member statuses that count as sent', 'Sent, Delivered');
            await assertSettled(page, 'after changing the sent statuses');
            const asked = (await t.metrics()).count;
            assert(
                asked === 1,
                `changing the sent statuses sent ${asked} requests, expected the campaign document only`,
            );

            // A change no query depends on: nothing is sent, nothing waits.
            await t.resetMetrics();
            await setProperty(page, 'Targets', 'leadsCreated=40');
            await assertSettled(page, 'after changing the targets');
            assert((await t.metrics()).count === 0, 'a new target sent a request');

            await t.resetMetrics();
            await teamBoard(page).locator('lightning-button.kpi-board__refresh button').click();
            await assertSettled(page, 'after refresh');
            assert((await t.metrics()).count > 0, 'refresh asked the server nothing');
            await assertFinalState(opened, 'board after property changes and a refresh', 'properties-after-changes');
        },
    },
];

export default tests;
