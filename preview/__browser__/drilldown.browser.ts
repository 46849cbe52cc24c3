/**
 * A KPI tile's drill-down lands on the packaged list view behind its number: the keyboard opens it, the list page
 * runs the view's filters as the same viewer, and its total matches the tile where the two count the same records.
 */
import type { Locator, Page } from 'playwright-core';
import { CONTEXT_ELEMENT_ID, VIEWER_HEADERS, type PreviewContext, type PreviewUser } from '../client/context';
import { loadListView, packagedListViewFiles } from '../server/listViews';
import {
    assert,
    assertFinalState,
    assertNoIssues,
    screenshot,
    settle,
    type BrowserTest,
    type OpenedPage,
    type TestContext,
} from './harness';

const WON_LABEL = 'KPI: Opportunities Won';

/** The first tile whose drill-down link reads exactly `title`. */
function tileTitled(page: Page, title: string): Locator {
    return page
        .locator('c-kpi-tile')
        .filter({ has: page.locator('a.kpi-tile__drill', { hasText: new RegExp(`^\\s*${title}\\s*$`) }) })
        .first();
}

async function tileNumber(tile: Locator): Promise<number> {
    const text = (await tile.locator('.kpi-tile__value .slds-assistive-text').innerText()).trim();
    const value = Number(text.replace(/[^\d.-]/g, ''));
    assert(/^\d[\d,]*$/.test(text) && Number.isInteger(value), `the tile shows "${text}", not a whole count`);
    return value;
}

/** Focus and Enter on the tile's drill-down, as a keyboard user would; waits for the list page to settle. */
async function drillDown(opened: OpenedPage, tile: Locator, filterName: string): Promise<void> {
    const link = tile.locator('a.kpi-tile__drill');
    await link.focus();
    await Promise.all([
        opened.page.waitForURL(new RegExp(`/lightning/o/Opportunity/list\\?filterName=${filterName}$`)),
        opened.page.keyboard.press('Enter'),
    ]);
    await settle(opened.page);
}

interface ListPage {
    title: string;
    shown: number;
    total: number;
    headers: string[];
    conditions: string;
}

async function readListPage(page: Page, what: string): Promise<ListPage> {
    const problems = page.locator('[data-id="page-problems"]');
    if ((await problems.count()) > 0)
        throw new Error(`${what}: the page reports problems: ${await problems.innerText()}`);
    const errors = page.locator('c-kpi-error-panel');
    if ((await errors.count()) > 0) throw new Error(`${what}: the list shows an error: ${await errors.innerText()}`);
    const title = (await page.locator('[data-id="page-title"]').innerText()).trim();
    const caption = (await page.locator('[data-id="list-view-caption"]').innerText()).trim();
    const counts = /showing (\d+) of (\d+)$/.exec(caption);
    assert(counts, `${what}: the caption "${caption}" does not say "showing N of M"`);
    const shown = Number(counts[1]);
    const rows = await page.locator('[data-id="list-view-table"] tbody tr').count();
    assert(shown === 0 || rows === shown, `${what}: the caption says ${shown} rows are shown, the table has ${rows}`);
    return {
        title,
        shown,
        total: Number(counts[2]),
        headers: await page.locator('[data-id="list-view-table"] thead th').allInnerTexts(),
        conditions: await page.locator('[data-id="list-view-filters"]').innerText(),
    };
}

async function previewContextOf(page: Page): Promise<PreviewContext> {
    return JSON.parse(
        await page
            .locator(`#${CONTEXT_ELEMENT_ID}`)
            .textContent()
            .then((text) => text ?? ''),
    ) as PreviewContext;
}

/**
 * Won opportunities the viewer sees that close later this quarter: in the list view, not yet in the tile. The list
 * view filters on THIS_QUARTER (THIS_FISCAL_QUARTER is not a cited list-view value); the preview's fiscal year starts
 * in January, so the two quarters are one.
 */
async function wonAfterToday(t: TestContext, context: PreviewContext): Promise<number> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    for (const [key, header] of Object.entries(VIEWER_HEADERS)) {
        headers[header] = context.selection[key as keyof typeof VIEWER_HEADERS];
    }
    const query = `query wonLater { uiapi { query { Opportunity(where: { and: [
        { IsWon: { eq: true } }, { CloseDate: { eq: { literal: THIS_QUARTER } } }, { CloseDate: { gt: { literal: TODAY } } }
    ] }) { totalCount } } } }`;
    const response = await fetch(`${t.baseUrl}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query }) });
    const body = (await response.json()) as {
        data?: { uiapi: { query: { Opportunity: { totalCount: number } } } };
        errors?: unknown;
    };
    assert(body.data && !body.errors, `wonLater query failed: ${JSON.stringify(body.errors)}`);
    return body.data.uiapi.query.Opportunity.totalCount;
}

/** Sets the Scope of the first component that has one (the Home page's sales board) in App Builder's panel. */
async function setFirstScope(page: Page, value: string): Promise<void> {
    await page.locator('[data-id="toggle-properties"]').click();
    const form = page
        .locator('preview-property-panel fieldset')
        .filter({ has: page.getByLabel('Scope', { exact: true }) })
        .first();
    await form.getByLabel('Scope', { exact: true }).selectOption(value);
    await settle(page);
}

const tests: BrowserTest[] = [
    {
        name: 'drill-down: the rep\'s "Opportunities won" tile opens its list view by keyboard, as the rep',
        async run(t: TestContext) {
            const opened = await t.open('/lightning/page/home');
            const { page } = opened;
            const tile = tileTitled(page, 'Opportunities won');
            const period = await tile.locator('.kpi-tile__period').innerText();
            const value = await tileNumber(tile);
            const rep = (await previewContextOf(page)).selection.userId;
            await drillDown(opened, tile, 'kpiOpportunitiesWon');
            const list = await readListPage(page, 'won list from the rep');
            assert(list.title === WON_LABEL, `the list page is titled "${list.title}", expected "${WON_LABEL}"`);
            const context = await previewContextOf(page);
            assert(context.selection.userId === rep, `the list ran as ${context.selection.userId}, not the rep ${rep}`);
            for (const header of ['Opportunity Name', 'Account Name', 'Stage', 'Amount', 'Close Date', 'Owner']) {
                assert(list.headers.includes(header), `no "${header}" column in ${list.headers.join(', ')}`);
            }
            for (const words of ['Closed equals true', 'Won equals true', 'Close Date equals this quarter']) {
                assert(list.conditions.includes(words), `the filters do not say "${words}": ${list.conditions}`);
            }
            // "Mine" counts the rep's own wins up to today; the view shows every win the rep can see this quarter.
            assert(/^This fiscal quarter · My records/.test(period), `unexpected tile period line "${period}"`);
            assert(list.total >= value, `the list has ${list.total} records, fewer than the tile's ${value}`);
            assert(list.shown === Math.min(list.total, 25), `first page shows ${list.shown} of ${list.total}`);
            await assertFinalState(opened, 'won list view', 'drilldown-won-list');
        },
    },
    {
        name: 'drill-down: for everything the admin can see, the list total is the tile number plus later wins',
        async run(t: TestContext) {
            const users = (await (await fetch(`${t.baseUrl}/api/users`)).json()) as PreviewUser[];
            const admin = users.find((user) => user.kind === 'admin');
            assert(admin, 'the sample org has no admin persona');
            const opened = await t.open(`/lightning/page/home?user=${encodeURIComponent(admin.id)}`);
            const { page } = opened;
            await setFirstScope(page, 'all');
            const tile = tileTitled(page, 'Opportunities won');
            const period = await tile.locator('.kpi-tile__period').innerText();
            assert(
                /^This fiscal quarter · All records I can see/.test(period),
                `the tile's period line is "${period}", not this fiscal quarter over all visible records`,
            );
            const value = await tileNumber(tile);
            assert(value > 0, "the admin's tile counts no wins this quarter: the comparison would prove little");
            await drillDown(opened, tile, 'kpiOpportunitiesWon');
            const list = await readListPage(page, 'won list, scope all');
            assert(list.title === WON_LABEL, `the list page is titled "${list.title}"`);
            assert((await previewContextOf(page)).selection.userId === admin.id, 'the list did not run as the admin');
            // The tile counts a running period up to today; the list view's THIS_QUARTER is the whole quarter.
            const later = await wonAfterToday(t, await previewContextOf(page));
            assert(
                list.total === value + later,
                `the list has ${list.total} won opportunities, the tile ${value} (+${later} closing after today)`,
            );
            const stageColumn = list.headers.indexOf('Stage');
            const stages = await page
                .locator('[data-id="list-view-table"] tbody tr')
                .evaluateAll((rows, index) => rows.map((row) => row.children[index]?.textContent?.trim()), stageColumn);
            assert(
                stages.length === list.shown && stages.every((stage) => stage === 'Closed Won'),
                `rows that are not won: ${stages.filter((stage) => stage !== 'Closed Won').join(', ')}`,
            );
            await screenshot(page, 'drilldown-won-list-admin');
            assertNoIssues(opened, 'drill-down with scope all');
        },
    },
    {
        name: "drill-down: an unknown filterName says so and shows the object's records",
        async run(t: TestContext) {
            const opened = await t.open('/lightning/o/Opportunity/list?filterName=kpiNoSuchView');
            const { page } = opened;
            const problems = await page.locator('[data-id="page-problems"]').innerText();
            assert(
                problems.includes('No list view "kpiNoSuchView" is packaged for Opportunity'),
                `the page does not say the view is unknown: ${problems}`,
            );
            assert((await page.locator('[data-id="list-view-table"]').count()) === 0, 'a list view table is shown');
            assert((await page.locator('preview-list-view li a').count()) > 0, 'the default list shows no records');
            await assertFinalState(opened, 'unknown list view');
        },
    },
    {
        name: 'drill-down: every packaged list view runs in the preview as the admin, with its label and columns',
        async run(t: TestContext) {
            for (const { object, file } of packagedListViewFiles()) {
                const plan = loadListView(file, object);
                const opened = await t.open(`/lightning/o/${object}/list?filterName=${plan.name}`);
                const list = await readListPage(opened.page, plan.file);
                assert(list.title === plan.label, `${plan.file}: titled "${list.title}", expected "${plan.label}"`);
                const expected = plan.columns.map((column) => column.label);
                assert(
                    JSON.stringify(list.headers) === JSON.stringify(expected),
                    `${plan.file}: columns ${list.headers.join(', ')}, expected ${expected.join(', ')}`,
                );
                for (const exchange of await opened.exchanges()) {
                    assert(!exchange.response.errors, `${plan.file}: ${JSON.stringify(exchange.response.errors)}`);
                }
                assertNoIssues(opened, plan.file);
                await opened.context.close();
            }
        },
    },
];

export default tests;
