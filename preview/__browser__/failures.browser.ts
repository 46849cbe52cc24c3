/**
 * Every state settles. On every page, the GraphQL endpoint fails in one way per test (500, abort, never answers,
 * invalid JSON, `{}`, `{"data": null}`, errors only, `errors: [null]`, partial data); every component on the page
 * explains itself: an error message, or "taking long" with a retry when the answer never comes (the page's clock
 * fast-forwards through the components' timeout instead of waiting it out), with no NaN, no ∞, no spinner left and no
 * blank component. Then the endpoint works again, each component's retry (or refresh) is pressed once and real
 * numbers show. One page load per failure and page; every component is checked at once, by polling conditions.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page, Route } from 'playwright-core';
import { lwcDir } from '../../scripts/lib/paths';
import {
    assert,
    assertAccessible,
    label,
    type BrowserTest,
    type OpenedPage,
    type PageInfo,
    type TestContext,
} from './harness';

/** The components' timeout (kpiWaiting ANSWER_TIMEOUT_MS), read from its source: it imports labels Node cannot. */
const ANSWER_TIMEOUT_MS = (() => {
    const source = fs.readFileSync(path.join(lwcDir, 'kpiWaiting', 'kpiWaiting.ts'), 'utf8');
    const found = /export const ANSWER_TIMEOUT_MS = ([\d_]+);/.exec(source);
    if (!found) throw new Error('kpiWaiting.ts: no ANSWER_TIMEOUT_MS');
    return Number(found[1].replace(/_/g, ''));
})();

/** The message every injected error carries, so a test can tell that a component names the cause. */
const INJECTED = 'Injected failure:';

type Expect = 'error' | 'takingLong' | 'partial';

interface Failure {
    name: string;
    expect: Expect;
    handle(route: Route): Promise<void>;
}

const answer =
    (body: unknown) =>
    (route: Route): Promise<void> =>
        route.fulfill({
            status: 200,
            contentType: 'application/json',
            body: typeof body === 'string' ? body : JSON.stringify(body),
        });

/**
 * The real answer with one subquery failed: the last aggregate alias of each document comes back null, with an error
 * placed on it (path uiapi/aggregate/<alias>); the rest of the data stays.
 */
async function partialData(route: Route): Promise<void> {
    const response = await route.fetch();
    const body = (await response.json()) as {
        data?: { uiapi?: { aggregate?: Record<string, unknown> } } | null;
        errors?: unknown[];
    };
    const aggregate = body.data?.uiapi?.aggregate;
    const alias = aggregate ? Object.keys(aggregate).pop() : undefined;
    if (aggregate && alias) {
        aggregate[alias] = null;
        const error = { message: `${INJECTED} ${alias} could not be read`, path: ['uiapi', 'aggregate', alias] };
        body.errors = [...(body.errors ?? []), error];
    }
    await route.fulfill({ response, json: body });
}

const FAILURES: Failure[] = [
    {
        name: '500',
        expect: 'error',
        handle: (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' }),
    },
    { name: 'abort', expect: 'error', handle: (route) => route.abort('failed') },
    // Neither fulfilled nor aborted: the request stays open until the browser context closes.
    { name: 'never answers', expect: 'takingLong', handle: async () => undefined },
    { name: 'invalid JSON', expect: 'error', handle: answer('{"data": {"uiapi": ') },
    { name: '{}', expect: 'error', handle: answer({}) },
    { name: '{"data": null}', expect: 'error', handle: answer({ data: null }) },
    {
        name: 'errors only',
        expect: 'error',
        handle: answer({ errors: [{ message: `${INJECTED} the server refused the document` }] }),
    },
    { name: 'errors: [null]', expect: 'error', handle: answer({ errors: [null] }) },
    { name: 'partial data', expect: 'partial', handle: partialData },
];

/** What a failing endpoint is expected to leave in the page's log; anything else fails the test. */
const EXPECTED_ISSUES = [
    /^HTTP 500: .*\/graphql$/,
    /^request failed: POST .*\/graphql /,
    /^console error: Failed to load resource: (the server responded with a status of 500|net::ERR_FAILED)/,
    // The harness reads every GraphQL answer; a 500's text or invalid JSON is not one, on purpose.
    /^unreadable GraphQL exchange: /,
];

const TILE_HOSTS = new Set(['c-kpi-board', 'c-kpi-metric']);

interface Placed {
    tag: string;
    index: number;
    locator: Locator;
}

function placed(page: Page, info: PageInfo): Placed[] {
    const seen = new Map<string, number>();
    return info.components.map((tag) => {
        const index = seen.get(tag) ?? 0;
        seen.set(tag, index + 1);
        return { tag, index, locator: page.locator(`[data-kpi-component="${tag}"]`).nth(index) };
    });
}

const nameOf = (component: Placed): string => `${component.tag} #${component.index + 1}`;

/** What a component (or one of its tiles) shows, read in the page in one round trip. */
interface Shown {
    height: number;
    /** All its text, through shadow roots and hidden details (an error panel's messages are behind a button). */
    text: string;
    spinner: boolean;
    /** A role="status" region that says Loading. */
    loading: boolean;
    /** The summary line of each error panel. */
    errors: string[];
    takingLong: boolean;
    retry: boolean;
    /** The text of each element matching each selector asked for. */
    matches: Record<string, string[]>;
}

interface Snapshot extends Shown {
    tiles: Shown[];
    /** Pixels painted on its first canvas (0 when it has none). */
    painted: number;
}

/**
 * Reads a component in the page. Built with `new Function`, not written as one: tsx's helpers (`__name`) would not
 * exist in the page. Every element is found through open shadow roots.
 */
const SNAPSHOT = new Function(
    'root',
    'args',
    `const deep = (node) => {
        if (node.nodeType === Node.TEXT_NODE) return node.textContent || '';
        let text = node.shadowRoot ? deep(node.shadowRoot) : '';
        for (const child of Array.from(node.childNodes)) text += deep(child);
        return text;
    };
    const elements = (node, out = []) => {
        if (node.shadowRoot) elements(node.shadowRoot, out);
        for (const child of Array.from(node.children || [])) {
            out.push(child);
            elements(child, out);
        }
        return out;
    };
    const shown = (el) => {
        const all = elements(el);
        const status = all.filter((e) => e.getAttribute('role') === 'status');
        const matches = {};
        for (const selector of args.selectors) {
            matches[selector] = all.filter((e) => e.matches(selector)).map((e) => deep(e).replace(/\\s+/g, ' ').trim());
        }
        return {
            height: el.getBoundingClientRect().height,
            text: deep(el),
            spinner: all.some((e) => e.tagName === 'LIGHTNING-SPINNER'),
            loading: status.some((e) => /Loading/.test(deep(e))),
            errors: all
                .filter((e) => e.classList.contains('kpi-error-panel__summary'))
                .map((e) => deep(e).trim()),
            takingLong: status.some((e) => deep(e).includes(args.takingLong)),
            retry: all.some((e) => e.tagName === 'BUTTON' && deep(e).trim() === args.retry),
            matches,
        };
    };
    const canvas = elements(root).find((e) => e.tagName === 'CANVAS');
    let painted = 0;
    if (canvas && canvas.width > 0 && canvas.height > 0) {
        const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
        let n = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) n += 1;
        painted = n / (data.length / 4);
    }
    const tiles = elements(root).filter((e) => e.tagName === 'C-KPI-TILE').map(shown);
    return { ...shown(root), tiles, painted };`,
) as (root: Element, args: { selectors: string[]; takingLong: string; retry: string }) => Snapshot;

/** What each component shows when it works: elements that hold its numbers (or say it has no records). */
const NUMBERS: Record<string, string> = {
    'c-kpi-board': '.kpi-tile__value, .kpi-tile__empty',
    'c-kpi-metric': '.kpi-tile__value, .kpi-tile__empty',
    'c-kpi-leaderboard': '.kpi-leaderboard__table td, .kpi-leaderboard__empty',
    'c-kpi-win-loss': 'table.kpi-win-loss__rates td, [data-id="empty"]',
    'preview-chart-demo': 'c-kpi-chart',
};
const NOTICES = '.kpi-leaderboard__notices li';

function snapshot(component: Placed): Promise<Snapshot> {
    const selectors = [...Object.values(NUMBERS), NOTICES];
    return component.locator.evaluate(SNAPSHOT, {
        selectors,
        takingLong: label('kpiTakingLong'),
        retry: label('kpiRetry'),
    });
}

/** Each tile of a tile host, or the component itself: the parts that must each explain themselves. */
function parts(component: Placed, shown: Snapshot): Shown[] {
    return TILE_HOSTS.has(component.tag) ? shown.tiles : [shown];
}

/** Why the component is not settled yet: a spinner, "Loading…", or nothing visible; undefined when it is. */
function unsettled(shown: Snapshot): string | undefined {
    if (shown.spinner) return 'a spinner is left';
    if (shown.loading) return 'it still says Loading';
    if (shown.height < 40) return `it is blank (height ${shown.height})`;
    const broken = /NaN|Infinity|∞/.exec(shown.text);
    if (broken) return `it shows "${broken[0]}"`;
    return undefined;
}

const hasDigit = (texts: readonly string[] | undefined): boolean => (texts ?? []).some((text) => /\d/.test(text));

/** Real numbers: each part shows its value (or says it has no records), with a digit among them. */
function showsNumbers(component: Placed, shown: Snapshot): string | undefined {
    const selector = NUMBERS[component.tag];
    assert(selector, `failures.browser.ts: no rule for what ${component.tag} shows when it works`);
    if (TILE_HOSTS.has(component.tag)) {
        const blank = shown.tiles.findIndex((tile) => (tile.matches[selector] ?? []).length === 0);
        if (blank >= 0) return `tile #${blank + 1} shows no value`;
    }
    const found = shown.matches[selector] ?? [];
    if (found.length === 0) return 'it shows no numbers';
    // The chart demo's numbers are drawn: Chart.js must have painted its canvas.
    if (component.tag === 'preview-chart-demo') return shown.painted > 0.02 ? undefined : 'its chart is not drawn';
    return hasDigit(found) ? undefined : 'no digit in what it shows';
}

/** Why the component has not explained the failure (yet); undefined once it has. */
function unexplained(component: Placed, shown: Snapshot, expect: Expect): string | undefined {
    const problem = unsettled(shown);
    if (problem) return problem;
    const each = parts(component, shown);
    if (each.length === 0) return 'it has no parts to show';
    if (expect === 'takingLong') {
        const silent = each.findIndex((part) => !part.takingLong || !part.retry);
        return silent >= 0 ? `part #${silent + 1} does not say it is taking long, with a retry` : undefined;
    }
    if (expect === 'error') {
        const silent = each.findIndex((part) => !part.errors.some(Boolean));
        return silent >= 0 ? `part #${silent + 1} shows no error message` : undefined;
    }
    // Partial data: the failed part says why (the injected error among its messages, or for the leaderboard a notice
    // naming the part that could not be loaded); tiles that answered keep their numbers.
    const partFailed = label('kpiLeaderboardPartFailed').split('{1}')[0].replace('{0}', '').trim();
    const noticed = (shown.matches[NOTICES] ?? []).some((notice) => notice.includes(partFailed));
    if (!shown.text.includes(INJECTED) && !noticed) return 'nothing names the failed subquery';
    if (TILE_HOSTS.has(component.tag) && shown.tiles.length > 1) {
        if (!shown.tiles.some((tile) => hasDigit(tile.matches[NUMBERS[component.tag]]))) {
            return 'no tile that answered kept its number';
        }
    }
    return undefined;
}

/** Why the component has not recovered (yet): any error or "taking long" left, or no numbers. */
function unrecovered(component: Placed, shown: Snapshot): string | undefined {
    const problem = unsettled(shown);
    if (problem) return problem;
    if (shown.errors.length > 0) return `it still shows an error: ${shown.errors[0]}`;
    if (shown.takingLong) return 'it still says it is taking long';
    return showsNumbers(component, shown);
}

/** Polls until `check` finds nothing wrong with any component; fails with what is still wrong after `timeoutMs`. */
async function waitForAll(
    page: Page,
    components: Placed[],
    check: (component: Placed, shown: Snapshot) => string | undefined,
    what: string,
    options: { timeoutMs?: number; onPoll?: () => Promise<void> } = {},
): Promise<void> {
    const deadline = Date.now() + (options.timeoutMs ?? 15_000);
    for (;;) {
        const problems: string[] = [];
        for (const component of components) {
            const problem = check(component, await snapshot(component));
            if (problem) problems.push(`${nameOf(component)}: ${problem}`);
        }
        if (problems.length === 0) return;
        assert(Date.now() < deadline, `${what}:\n  ${problems.join('\n  ')}`);
        await options.onPoll?.();
        await page.waitForTimeout(100);
    }
}

/** Presses the component's retry when it offers one, else its refresh (the first: a board's serves its tiles). */
async function pressRefresh(component: Placed): Promise<void> {
    const retry = component.locator.getByRole('button', { name: label('kpiRetry'), exact: true });
    const refresh = component.locator.getByRole('button', { name: label('kpiTileRefresh'), exact: true });
    const button = (await retry.count()) > 0 ? retry.first() : refresh.first();
    assert((await button.count()) > 0, `${nameOf(component)}: no refresh or retry button`);
    await button.click();
}

function assertOnlyExpectedIssues(opened: OpenedPage, what: string): void {
    const unexpected = opened.issues.filter((issue) => !EXPECTED_ISSUES.some((pattern) => pattern.test(issue)));
    assert(unexpected.length === 0, `${what}: ${unexpected.length} problem(s):\n  ${unexpected.join('\n  ')}`);
}

async function failAndRecover(t: TestContext, info: PageInfo, failure: Failure): Promise<void> {
    const what = `page ${info.id}, endpoint ${failure.name}`;
    // Until the endpoint works again every request fails; after, each new one goes through. A request held open
    // stays open: only a retry can get past it.
    let working = false;
    const opened = await t.open(info.url, {
        clock: 'controlled',
        settle: false,
        prepare: async (context) => {
            await context.route('**/graphql', (route) => (working ? route.continue() : failure.handle(route)));
        },
    });
    const { page } = opened;
    await page
        .locator('[data-kpi-component]')
        .nth(info.components.length - 1)
        .waitFor();
    const components = placed(page, info);
    assert(components.length > 0, `${what}: the page places no component`);

    if (failure.expect === 'takingLong') {
        // Every component shows that it waits (its timer runs from that render), then the clock jumps past it.
        await waitForAll(
            page,
            components,
            (component, shown) => {
                const waiting = parts(component, shown).findIndex((part) => !part.spinner && !part.loading);
                return waiting >= 0 || parts(component, shown).length === 0
                    ? `part #${waiting + 1} does not show that it is loading`
                    : undefined;
            },
            `${what}: before the timeout`,
        );
        await page.clock.fastForward(ANSWER_TIMEOUT_MS + 1_000);
    }
    let lastJump = Date.now();
    await waitForAll(page, components, (component, shown) => unexplained(component, shown, failure.expect), what, {
        // A component that rendered its spinner after the jump gets another one, instead of a real 20 s wait.
        onPoll: async () => {
            if (failure.expect !== 'takingLong' || Date.now() - lastJump < 2_000) return;
            lastJump = Date.now();
            await page.clock.fastForward(ANSWER_TIMEOUT_MS + 1_000);
        },
    });
    // axe once per failure, on the page that holds every kind of kit component (tiles, board, leaderboard, win-loss).
    if (info.components.includes('c-kpi-win-loss') && info.components.includes('c-kpi-leaderboard')) {
        await assertAccessible(page, what);
    }

    // The endpoint works again; each component is asked once to try again.
    working = true;
    for (const component of components) await pressRefresh(component);
    await waitForAll(page, components, unrecovered, `${what}, after refresh`);
    assertOnlyExpectedIssues(opened, what);
}

export default async function failureTests(t: TestContext): Promise<BrowserTest[]> {
    const pages: PageInfo[] = await t.pages();
    return FAILURES.flatMap((failure) =>
        pages.map((info) => ({
            name: `failures: endpoint ${failure.name} on page ${info.id}: every component explains it, then recovers`,
            run: () => failAndRecover(t, info, failure),
        })),
    );
}
