/** Locale, currency and time zone from the preview bar reach the components and the engine. */
import { assert, assertFinalState, assertNoIssues, screenshot, type BrowserTest, type TestContext } from './harness';

const tests: BrowserTest[] = [
    {
        name: 'de-DE, EUR and Pacific/Kiritimati (+14) reach @salesforce/i18n and every GraphQL request',
        async run(t: TestContext) {
            const opened = await t.open('/lightning/page/home?locale=de-DE&currency=EUR&tz=Pacific%2FKiritimati');
            const { page } = opened;
            assert((await page.getAttribute('html', 'lang')) === 'de-DE', 'the document language is not de-DE');
            const exchanges = await opened.exchanges();
            assert(exchanges.length > 0, 'no GraphQL request');
            for (const exchange of exchanges) {
                const { headers } = exchange;
                assert(
                    headers['x-kpi-locale'] === 'de-DE' &&
                        headers['x-kpi-currency'] === 'EUR' &&
                        headers['x-kpi-time-zone'] === 'Pacific/Kiritimati',
                    `request ${exchange.operationName} ran with ${headers['x-kpi-locale']} ${headers['x-kpi-currency']} ${headers['x-kpi-time-zone']}`,
                );
            }
            // c-kpi-chart formats its table with @salesforce/i18n/locale: German groups thousands with a dot.
            const chart = page.locator('c-kpi-chart').first();
            await chart.locator('.kpi-chart__toggle').click();
            const cells = await chart.locator('table td').allInnerTexts();
            assert(cells.length > 0, 'the chart table has no cells');
            assert(
                cells.some((text) => /^\d{1,3}(\.\d{3})+$/.test(text.trim())),
                `no de-DE number in the table: ${cells.join(' | ')}`,
            );
            await assertFinalState(opened, 'home de-DE table view', 'page-home-de-DE');
        },
    },
    {
        name: 'Etc/GMT+12 (−12) and ja-JP with JPY render without errors',
        async run(t: TestContext) {
            const opened = await t.open('/lightning/n/KPI_Sales_Team?locale=ja-JP&currency=JPY&tz=Etc%2FGMT%2B12');
            // Chart.js loads after the data arrives; a busy machine can take a while.
            await opened.page
                .locator('canvas')
                .first()
                .waitFor({ timeout: 15_000 })
                .catch(() => assert(false, 'no chart on the Sales Team page in ja-JP'));
            for (const exchange of await opened.exchanges()) {
                assert(
                    !exchange.response.errors,
                    `${exchange.operationName}: ${JSON.stringify(exchange.response.errors)}`,
                );
            }
            // A single-currency org in yen: no amount on the page may be formatted as dollars (tiles, leaderboard
            // and win-loss's recent losses must agree on the one currency).
            const text = await opened.page.locator('main, body').first().innerText();
            assert(
                !text.includes('$'),
                `a dollar amount on the yen Sales Team page: ${text.match(/.{0,40}\$.{0,40}/)?.[0]}`,
            );
            assert(/[¥￥]/.test(text), 'no yen amount on the Sales Team page');
            await screenshot(opened.page, 'page-sales-team-ja-JP');
            assertNoIssues(opened, 'ja-JP sales team');
        },
    },
];

export default tests;
