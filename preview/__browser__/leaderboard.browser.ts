/**
 * The leaderboard under the real LWC engine: a column header sorts from the keyboard (aria-sort and the row order
 * follow), the viewer's row stays in view, pinned under "Your position" when it falls outside the top rows, and the
 * filter bar regroups from the answer already in while a filter asks the server once.
 */
import type { Locator, Page } from 'playwright-core';
import {
    assert,
    assertFinalState,
    label,
    settle,
    type BrowserTest,
    type GraphQLExchange,
    type OpenedPage,
    type TestContext,
} from './harness';
import { SHARING_COOKIE } from '../server/datasets';

function board(page: Page): Locator {
    return page.locator('c-kpi-leaderboard').first();
}

function header(page: Page, key: string): { th: Locator; button: Locator } {
    const selector = `button.kpi-leaderboard__sort[data-key="${key}"]`;
    return {
        button: board(page).locator(`thead ${selector}`),
        th: board(page)
            .locator('thead th')
            .filter({ has: page.locator(selector) }),
    };
}

/** The value column as numbers, top to bottom (null for "–"), from the rows on screen. */
async function valueColumn(page: Page): Promise<(number | null)[]> {
    const texts = await board(page).locator('tbody tr.kpi-leaderboard__row .kpi-leaderboard__value').allInnerTexts();
    return texts.map((text) => {
        const shown = text.split(',\u00a0')[0].split(', ')[0].trim();
        if (shown === '–') return null;
        const number = Number(shown.replace(/[^0-9.-]/g, ''));
        assert(Number.isFinite(number), `the value cell "${text}" is not a number`);
        return number;
    });
}

function assertOrdered(values: (number | null)[], direction: 'ascending' | 'descending', what: string): void {
    const known = values.filter((value): value is number => value !== null);
    assert(known.length >= 3, `${what}: only ${known.length} rows have a value, too few to show an order`);
    assert(
        values.slice(values.indexOf(null) >= 0 ? values.indexOf(null) : values.length).every((v) => v === null),
        `${what}: rows without a value are not last: ${values.join(', ')}`,
    );
    for (let i = 1; i < known.length; i += 1) {
        const ok = direction === 'ascending' ? known[i - 1] <= known[i] : known[i - 1] >= known[i];
        assert(ok, `${what}: not ${direction} at row ${i + 1}: ${known.join(', ')}`);
    }
    assert(known[0] !== known[known.length - 1], `${what}: every row has the same value, the order proves nothing`);
}

/** Presses a key on whatever has focus, then waits for the re-render. */
async function press(page: Page, key: string): Promise<void> {
    await page.keyboard.press(key);
    await settle(page);
}

async function focusedKey(page: Page): Promise<string | null> {
    return board(page)
        .locator('thead button.kpi-leaderboard__sort')
        .evaluateAll((buttons) => {
            const focused = buttons.find((button) => button.matches(':focus'));
            return focused ? ((focused as HTMLElement).dataset.key ?? null) : null;
        });
}

/** The viewer's row and where it sits: in the top rows, or pinned (with its neighbours) after the separator. */
async function viewerPlacement(page: Page): Promise<{ index: number; pinned: boolean; rows: number }> {
    const rows = board(page).locator('tbody tr');
    const classes = await rows.evaluateAll((trs) => trs.map((tr) => tr.className));
    const viewer = board(page).locator('tbody tr[aria-current="true"]');
    assert((await viewer.count()) === 1, `expected one row marked aria-current, found ${await viewer.count()}`);
    const index = classes.findIndex((name) => name.includes('kpi-leaderboard__row_viewer'));
    assert(index >= 0, 'the aria-current row lacks the viewer class');
    assert(
        (await viewer.getAttribute('class'))?.includes('kpi-leaderboard__row_viewer'),
        'the viewer class and aria-current are on different rows',
    );
    const badge = viewer.locator('.kpi-leaderboard__you');
    assert((await badge.count()) === 1, 'the viewer row has no "You" badge');
    assert((await badge.innerText()).trim() === label('kpiLeaderboardYou'), `badge reads "${await badge.innerText()}"`);
    await viewer.scrollIntoViewIfNeeded();
    assert(await viewer.isVisible(), 'the viewer row is not visible');
    const separator = classes.findIndex((name) => name.includes('kpi-leaderboard__separator'));
    return { index, pinned: separator >= 0 && separator < index, rows: classes.length };
}

/** A filter bar combobox (lightning-combobox) by the choice it sets. */
function filter(page: Page, name: string): Locator {
    return board(page).locator(`c-kpi-filter-bar lightning-combobox[data-name="${name}"]`);
}

/** Opens a filter's list and clicks an option, as a viewer with a mouse does; then waits for the board. */
async function choose(page: Page, name: string, value: string): Promise<void> {
    await filter(page, name).locator('[role="combobox"]').click();
    const option = filter(page, name).locator(`[role="option"][data-value="${value}"]`);
    assert((await option.count()) === 1, `the ${name} filter offers no option "${value}"`);
    await option.click();
    await settle(page);
}

/** The public value and options the leaderboard gave a filter. */
async function filterState(page: Page, name: string): Promise<{ value: string; options: string[] }> {
    return filter(page, name).evaluate((combobox) => {
        const { value, options } = combobox as unknown as { value: string; options: { value: string }[] };
        return { value, options: options.map((option) => option.value) };
    });
}

/** The leaderboard's own requests on the page so far (the board's document and any page of it). */
async function boardRequests(opened: OpenedPage): Promise<GraphQLExchange[]> {
    const own = new Set(['KpiLeaderboard', 'KpiLeaderboardPage']);
    return (await opened.exchanges()).filter((exchange) => own.has(exchange.operationName ?? ''));
}

const tests: BrowserTest[] = [
    {
        name: 'leaderboard: a column header sorts from the keyboard (aria-sort and row order follow)',
        async run(t: TestContext) {
            const opened = await t.open('/lightning/n/KPI_Sales_Team');
            const { page } = opened;
            const rank = header(page, 'rank');
            const value = header(page, 'value');
            assert((await value.button.count()) === 1, 'the Sales Team leaderboard has no sortable value column');
            assert((await rank.th.getAttribute('aria-sort')) === 'ascending', 'the board should start sorted by rank');
            assert((await value.th.getAttribute('aria-sort')) === null, 'an unsorted column should have no aria-sort');

            // Keyboard only: focus the rank header, Tab to the next header (the name), Tab again to the value column.
            await rank.button.focus();
            await page.keyboard.press('Tab');
            await page.keyboard.press('Tab');
            assert((await focusedKey(page)) === 'value', `Tab from Rank focused "${await focusedKey(page)}"`);
            await press(page, 'Enter');
            assert(
                (await value.th.getAttribute('aria-sort')) === 'descending',
                `Enter on the value header: aria-sort is ${await value.th.getAttribute('aria-sort')}, not descending`,
            );
            assert((await rank.th.getAttribute('aria-sort')) === null, 'the rank column kept its aria-sort');
            const descending = await valueColumn(page);
            assertOrdered(descending, 'descending', 'value, descending');

            assert((await focusedKey(page)) === 'value', 'focus left the header after sorting');
            await press(page, 'Space');
            assert(
                (await value.th.getAttribute('aria-sort')) === 'ascending',
                `Space on the value header: aria-sort is ${await value.th.getAttribute('aria-sort')}, not ascending`,
            );
            const ascending = await valueColumn(page);
            assertOrdered(ascending, 'ascending', 'value, ascending');
            assert(
                JSON.stringify(ascending) !== JSON.stringify(descending),
                'the rows did not change order between descending and ascending',
            );
            await assertFinalState(opened, 'leaderboard sorted by value', 'leaderboard-sorted');
        },
    },
    {
        name: 'leaderboard: a rep who sees only their own opportunities (private sharing) gets their numbers, not a ranking of zeros',
        async run(t: TestContext) {
            const opened = await t.open('/lightning/page/home');
            const { page } = opened;
            const summary = (await board(page).locator('.kpi-leaderboard__summary').innerText()).trim();
            const expected = label('kpiLeaderboardOwnOnly').replace('{0}', label('kpiClosedWonRevenue'));
            assert(summary === expected, `the summary reads "${summary}", expected "${expected}"`);
            const rows = board(page).locator('tbody tr.kpi-leaderboard__row');
            assert((await rows.count()) === 1, `${await rows.count()} rows, expected the rep's own row only`);
            assert((await rows.first().getAttribute('aria-current')) === 'true', "the one row is not the rep's");
            const value = await valueColumn(page);
            assert(value.length === 1 && value[0] !== null, `the rep's own value is ${value.join(', ')}`);
            await assertFinalState(opened, 'leaderboard under private sharing', 'leaderboard-own-only');
        },
    },
    {
        name: "leaderboard: the viewer's row is marked and pinned under Your position when outside the top rows",
        async run(t: TestContext) {
            // Public Read Only opportunities (the preview's sharing switch): reps see each other's deals, so rank.
            const opened = await t.open('/lightning/page/home', {
                prepare: (context) => context.addCookies([{ name: SHARING_COOKIE, value: 'public', url: t.baseUrl }]),
            });
            const { page } = opened;
            const summary = board(page).locator('.kpi-leaderboard__summary');
            assert((await summary.count()) === 1, 'the Home leaderboard shows no sentence about the viewer (a rep)');
            let placement = await viewerPlacement(page);
            // Sorting from the keyboard, column by column and both ways, until the viewer falls outside the top rows.
            const keys = await board(page)
                .locator('thead button.kpi-leaderboard__sort')
                .evaluateAll((buttons) => buttons.map((button) => (button as HTMLElement).dataset.key ?? ''));
            for (const key of keys) {
                if (placement.pinned) break;
                await header(page, key).button.focus();
                for (const keyName of ['Enter', 'Space']) {
                    await press(page, keyName);
                    const sorted = await header(page, key).th.getAttribute('aria-sort');
                    assert(
                        sorted === 'ascending' || sorted === 'descending',
                        `${keyName} on ${key}: aria-sort ${sorted}`,
                    );
                    placement = await viewerPlacement(page);
                    if (placement.pinned) break;
                }
            }
            assert(
                placement.pinned,
                `in no column order did the viewer fall outside the top rows to be pinned (${placement.rows} rows, viewer at ${placement.index + 1}, keys ${keys.join(' ')})`,
            );
            const separator = board(page).locator('tbody tr.kpi-leaderboard__separator');
            assert((await separator.count()) === 1, 'no separator row above the pinned viewer');
            const text = (await separator.innerText()).trim();
            assert(text === label('kpiLeaderboardYourPosition'), `the separator reads "${text}"`);
            assert(await separator.isVisible(), 'the separator is not visible');

            // Show all: the viewer is among the rows in order, no longer pinned.
            await board(page).locator('.kpi-leaderboard__toggle').click();
            await settle(page);
            const expanded = await viewerPlacement(page);
            assert(!expanded.pinned, 'with every row shown, the viewer should not be pinned');
            assert((await separator.count()) === 0, 'the separator stayed after Show all');
            await assertFinalState(opened, 'leaderboard with the viewer pinned', 'leaderboard-viewer');
        },
    },
    {
        name: 'leaderboard: the filter bar regroups from the answer in, and a filter asks the server once',
        async run(t: TestContext) {
            const opened = await t.open('/lightning/n/KPI_Sales_Team');
            const { page } = opened;
            const names = await board(page)
                .locator('c-kpi-filter-bar lightning-combobox')
                .evaluateAll((boxes) => boxes.map((box) => (box as HTMLElement).dataset.name));
            assert(
                JSON.stringify(names) ===
                    JSON.stringify(['period', 'yearsBack', 'opportunityType', 'leadSource', 'groupBy']),
                `the filter bar holds ${names.join(', ')}`,
            );
            const shown = await filter(page, 'groupBy').locator('label').innerText();
            assert(shown.trim() === label('kpiLeaderboardFilterGroup'), `the grouping filter is labelled "${shown}"`);
            const asked = (await boardRequests(opened)).length;
            assert(asked >= 1, 'the leaderboard sent no request of its own');

            // Grouping is worked out from the answer already in: the table changes, the server is not asked again.
            await choose(page, 'groupBy', 'manager');
            const entity = (await header(page, 'name').button.innerText()).replace(/[▲▼]/g, '').trim();
            assert(entity === label('kpiLeaderboardTeamManager'), `the name column reads "${entity}" after regrouping`);
            assert((await filterState(page, 'groupBy')).value === 'manager', 'the grouping filter lost its choice');
            const members = await board(page).locator('tbody .kpi-leaderboard__members').count();
            assert(members >= 1, 'no team row says how many reps it has');
            assert((await boardRequests(opened)).length === asked, 'regrouping sent the leaderboard request again');

            // A picklist filter changes what is counted: exactly one new request, carrying the value.
            const { options } = await filterState(page, 'opportunityType');
            const type = options.find((value) => value !== '');
            assert(type, `the type filter offers no value of the org: ${options.join(', ')}`);
            await choose(page, 'opportunityType', type);
            const requests = await boardRequests(opened);
            assert(requests.length === asked + 1, `choosing a type sent ${requests.length - asked} requests, not 1`);
            const variables = requests[requests.length - 1].variables as Record<string, unknown>;
            // The shared planner names its variables; the value must be among them.
            assert(
                Object.values(variables).includes(type),
                `the new request filters on none of ${JSON.stringify(variables)}`,
            );
            assert((await filterState(page, 'opportunityType')).value === type, 'the type filter lost its choice');
            assert((await filterState(page, 'groupBy')).value === 'manager', 'filtering forgot the grouping');
            await assertFinalState(opened, 'leaderboard filtered and regrouped', 'leaderboard-filtered');
        },
    },
];

export default tests;
