/** The engine answers as the running user: switching the user in the preview bar changes what comes back. */
import type { Page } from 'playwright-core';
import { assert, assertNoIssues, settle, type BrowserTest, type GraphQLExchange, type TestContext } from './harness';

/** Total records behind the chart demos' aggregates in these responses. */
function recordCount(exchanges: GraphQLExchange[]): number {
    let total = 0;
    for (const exchange of exchanges) {
        if (exchange.operationName !== 'previewChartDemo') continue;
        const aggregate =
            (
                exchange.response.data as {
                    uiapi?: {
                        aggregate?: Record<
                            string,
                            { edges: { node: { aggregate: { Id?: { count?: { value: number } } } } }[] }
                        >;
                    };
                }
            )?.uiapi?.aggregate ?? {};
        for (const connection of Object.values(aggregate)) {
            for (const edge of connection.edges) total += edge.node.aggregate.Id?.count?.value ?? 0;
        }
    }
    return total;
}

async function runningUserId(page: Page): Promise<string> {
    return page.locator('preview-bar select[name="user"]').inputValue();
}

const tests: BrowserTest[] = [
    {
        name: 'switching the running user changes what the engine returns (access as the viewer)',
        async run(t: TestContext) {
            const opened = await t.open('/lightning/page/home');
            const { page } = opened;
            const repId = await runningUserId(page);
            const asRep = await opened.exchanges();
            assert(asRep.length > 0, 'the Home page sent no GraphQL request');
            assert(
                asRep.every((e) => e.headers['x-kpi-user-id'] === repId),
                'requests did not carry the running user',
            );
            const repCount = recordCount(asRep);

            const adminOption = page
                .locator('preview-bar select[name="user"] optgroup[label="Administrators"] option')
                .first();
            const adminId = await adminOption.getAttribute('value');
            assert(adminId && adminId !== repId, 'the bar lists no administrator');
            await Promise.all([
                page.waitForURL((url) => url.searchParams.get('user') === adminId),
                page.locator('preview-bar select[name="user"]').selectOption(adminId),
            ]);
            await settle(page);
            assert((await runningUserId(page)) === adminId, 'the bar does not show the admin after switching');
            const asAdmin = (await opened.exchanges()).slice(asRep.length);
            assert(asAdmin.length > 0, 'switching user sent no GraphQL request');
            assert(
                asAdmin.every((e) => e.headers['x-kpi-user-id'] === adminId),
                'requests did not carry the new user',
            );
            const adminCount = recordCount(asAdmin);
            assert(
                adminCount > repCount && repCount > 0,
                `the admin (sees all) should count more records than the rep (sees own): admin ${adminCount}, rep ${repCount}`,
            );
            const header = await page.locator('[data-id="running-user"]').innerText();
            assert(/View All Data/.test(header), `the header should say the admin sees all records: ${header}`);
            assertNoIssues(opened, 'user switch');
        },
    },
];

export default tests;
