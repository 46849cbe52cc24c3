/** Every page of the preview renders its components, cleanly and accessibly, and is screenshotted. */
import {
    assert,
    assertAccessible,
    assertIconsExist,
    assertNoIssues,
    screenshot,
    type BrowserTest,
    type OpenedPage,
    type PageInfo,
    type TestContext,
} from './harness';

async function checkPage(t: TestContext, path: string, name: string, components: string[]): Promise<OpenedPage> {
    const opened = await t.open(path);
    const { page } = opened;
    const problems = page.locator('[data-id="page-problems"]');
    if ((await problems.count()) > 0)
        throw new Error(`${name}: the page reports problems: ${await problems.innerText()}`);
    const expected = new Map<string, number>();
    for (const tag of components) expected.set(tag, (expected.get(tag) ?? 0) + 1);
    for (const [tag, count] of expected) {
        const placed = page.locator(`[data-kpi-component="${tag}"]`);
        assert((await placed.count()) === count, `${name}: expected ${count} × ${tag}, found ${await placed.count()}`);
        for (let i = 0; i < count; i += 1) {
            const box = await placed.nth(i).boundingBox();
            assert(
                box && box.height > 40,
                `${name}: ${tag} #${i + 1} rendered nothing visible (height ${box?.height ?? 0})`,
            );
        }
    }
    const errorPanels = page.locator('c-kpi-error-panel');
    if ((await errorPanels.count()) > 0) {
        throw new Error(`${name}: a component shows an error: ${await errorPanels.first().innerText()}`);
    }
    for (const exchange of await opened.exchanges()) {
        assert(
            !exchange.response.errors,
            `${name}: ${exchange.operationName} failed: ${JSON.stringify(exchange.response.errors)}`,
        );
    }
    await assertAccessible(page, name);
    await assertIconsExist(page, t.baseUrl, name);
    await screenshot(page, name);
    assertNoIssues(opened, name);
    return opened;
}

/** One test per page definition, plus the views navigation lands on when no page exists. */
export default async function pageTests(t: TestContext): Promise<BrowserTest[]> {
    const pages: PageInfo[] = await t.pages();
    const tests: BrowserTest[] = pages.map((info) => ({
        name: `page ${info.id} renders ${info.components.join(', ') || 'nothing'}`,
        run: async () => {
            await checkPage(t, info.url, `page-${info.id}`, info.components);
        },
    }));
    tests.push({
        name: 'list view (navigation to an object) renders',
        run: async () => {
            await checkPage(t, '/lightning/o/Opportunity/list', 'view-opportunity-list', ['preview-list-view']);
        },
    });
    tests.push({
        name: 'navigating from the list (NavigationMixin) opens the record view',
        run: async () => {
            const opened = await t.open('/lightning/o/Opportunity/list');
            const link = opened.page.locator('preview-list-view a').first();
            const name = await link.innerText();
            await Promise.all([opened.page.waitForURL(/\/lightning\/r\/Opportunity\/\w+\/view$/), link.click()]);
            const url = new URL(opened.page.url());
            assertNoIssues(opened, 'list → record navigation');
            const record = await checkPage(t, url.pathname, 'view-opportunity-record', ['preview-record-view']);
            const title = await record.page.locator('[data-id="page-title"]').innerText();
            assert(title === name, `the record page shows "${title}", the list linked "${name}"`);
        },
    });
    return tests;
}
