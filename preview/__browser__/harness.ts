/**
 * What browser tests get from the runner (scripts/browser-test.ts): a browser, the preview server's URL, and helpers
 * that open a page and record everything that went wrong on it (console errors, uncaught errors, failed requests).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page, Request, Response } from 'playwright-core';
import { labelsFile, repoRoot } from '../../scripts/lib/paths';
import { readLabels } from '../server/metadata';
import type { MetricsSummary } from '../server/metrics';

export const screenshotDir = path.join(repoRoot, 'artifacts', 'screenshots');

let labels: Map<string, string> | undefined;

/** A custom label's text from the labels file, as the components show it; fails on a name that is not there. */
export function label(name: string): string {
    labels ??= readLabels(labelsFile);
    const value = labels.get(name);
    if (value === undefined) throw new Error(`${labelsFile}: no label ${name}`);
    return value;
}
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface BrowserTest {
    name: string;
    run(t: TestContext): Promise<void>;
}

/** What each `preview/__browser__/*.browser.ts` default-exports: its tests, or a function that makes them. */
export type BrowserTestModule = BrowserTest[] | ((t: TestContext) => Promise<BrowserTest[]>);

export interface PageInfo {
    id: string;
    label: string;
    type: string;
    url: string;
    components: string[];
    problems: string[];
}

export interface GraphQLExchange {
    operationName?: string;
    headers: Record<string, string>;
    variables?: unknown;
    response: { data?: unknown; errors?: { message: string }[] };
}

export interface OpenedPage {
    page: Page;
    context: BrowserContext;
    /** Console errors, uncaught exceptions, failed and 4xx/5xx requests, in order. */
    issues: string[];
    /** Every `POST /graphql` answered on this page so far, in order, once their bodies are read. */
    exchanges(): Promise<GraphQLExchange[]>;
}

export interface OpenOptions {
    /** Runs on the new browser context before the page loads, e.g. to route requests (`context.route`). */
    prepare?: (context: BrowserContext) => Promise<void>;
    /**
     * 'fixed' (default): the page's clock stands still at `now` and its timers run in real time. 'controlled': the
     * clock starts at `now` with Playwright's fake timers, so a test can `page.clock.fastForward` through a timeout.
     */
    clock?: 'fixed' | 'controlled';
    /** Wait until no component is loading (default true); off for pages whose requests are meant never to answer. */
    settle?: boolean;
}

export class TestContext {
    private readonly opened: OpenedPage[] = [];

    constructor(
        readonly browser: Browser,
        readonly baseUrl: string,
        /** The instant the server's sample org was generated for; pages see it as their clock (see BROWSER_TEST_NOW). */
        readonly now?: Date,
    ) {}

    async pages(): Promise<PageInfo[]> {
        const response = await fetch(`${this.baseUrl}/api/pages`);
        return (await response.json()) as PageInfo[];
    }

    async metrics(): Promise<MetricsSummary> {
        return (await (await fetch(`${this.baseUrl}/metrics`)).json()) as MetricsSummary;
    }

    async resetMetrics(): Promise<void> {
        await fetch(`${this.baseUrl}/metrics`, { method: 'DELETE' });
    }

    /** Opens a path in a fresh browser context (own cookies) and waits until every component has settled. */
    async open(pathAndQuery: string, options: OpenOptions = {}): Promise<OpenedPage> {
        // Reduced motion: Chart.js draws without animation, so pixels and screenshots are final when read.
        const context = await this.browser.newContext({
            viewport: { width: 1280, height: 900 },
            reducedMotion: 'reduce',
        });
        context.setDefaultTimeout(10_000);
        // The components read "today" from the browser; it must be the day the server's sample org ends on.
        if (this.now && options.clock === 'controlled') await context.clock.install({ time: this.now });
        else if (this.now) await context.clock.setFixedTime(this.now);
        await options.prepare?.(context);
        const page = await context.newPage();
        const exchanges: Promise<GraphQLExchange | undefined>[] = [];
        const opened: OpenedPage = {
            page,
            context,
            issues: [],
            exchanges: async () => (await Promise.all(exchanges)).filter((e): e is GraphQLExchange => !!e),
        };
        this.opened.push(opened);
        page.on('console', (message) => {
            if (message.type() === 'error') opened.issues.push(`console error: ${message.text()}`);
        });
        page.on('pageerror', (error) => opened.issues.push(`uncaught: ${error.message}`));
        page.on('requestfailed', (request: Request) => {
            opened.issues.push(
                `request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText})`,
            );
        });
        page.on('response', (response: Response) => {
            if (response.status() >= 400) opened.issues.push(`HTTP ${response.status()}: ${response.url()}`);
            if (response.url().endsWith('/graphql') && response.request().method() === 'POST') {
                exchanges.push(readExchange(opened, response));
            }
        });
        if (options.settle === false) {
            await page.goto(`${this.baseUrl}${pathAndQuery}`, { waitUntil: 'load' });
            return opened;
        }
        await page.goto(`${this.baseUrl}${pathAndQuery}`, { waitUntil: 'networkidle' });
        await settle(page);
        return opened;
    }

    /** Everything that went wrong on the pages opened since the last close, for a failing test's report. */
    issues(): string[] {
        return this.opened.flatMap((opened) => opened.issues);
    }

    async close(): Promise<void> {
        await Promise.all(this.opened.map((opened) => opened.context.close()));
        this.opened.length = 0;
    }
}

async function readExchange(opened: OpenedPage, response: Response): Promise<GraphQLExchange | undefined> {
    try {
        const request = response.request();
        const body = JSON.parse(request.postData() ?? '{}') as { operationName?: string; variables?: unknown };
        return {
            operationName: body.operationName,
            variables: body.variables,
            headers: request.headers(),
            response: (await response.json()) as GraphQLExchange['response'],
        };
    } catch (error) {
        opened.issues.push(`unreadable GraphQL exchange: ${(error as Error).message}`);
        return undefined;
    }
}

/** Waits for network quiet and for no component to show its loading state. */
export async function settle(page: Page, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    await page.waitForLoadState('networkidle');
    const loading = page.getByRole('status').filter({ hasText: /Loading/ });
    while ((await loading.count()) > 0) {
        if (Date.now() > deadline)
            throw new Error(`still loading after ${timeoutMs} ms: ${await loading.first().innerText()}`);
        await page.waitForTimeout(50);
    }
}

export function assert(condition: unknown, message: string): asserts condition {
    if (!condition) throw new Error(message);
}

export function assertNoIssues(opened: OpenedPage, what: string): void {
    assert(opened.issues.length === 0, `${what}: ${opened.issues.length} problem(s):\n  ${opened.issues.join('\n  ')}`);
}

/** Injects axe-core and fails with each violation's rule, impact and first targets. */
export async function assertAccessible(page: Page, what: string): Promise<void> {
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
        const axe = (
            window as unknown as {
                axe: {
                    run(
                        context: unknown,
                        options: unknown,
                    ): Promise<{
                        violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
                    }>;
                };
            }
        ).axe;
        const result = await axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map(
            (v) =>
                `${v.id} (${v.impact}): ${v.help} at ${v.nodes
                    .slice(0, 3)
                    .map((n) => n.target.join(' '))
                    .join(', ')}`,
        );
    });
    assert(
        violations.length === 0,
        `${what}: axe found ${violations.length} violation(s):\n  ${violations.join('\n  ')}`,
    );
}

/** Every icon on the page names a symbol its SLDS sprite has (a missing one renders as an empty square). */
export async function assertIconsExist(page: Page, baseUrl: string, what: string): Promise<void> {
    const hrefs = await page
        .locator('svg use')
        .evaluateAll((uses) => uses.map((use) => use.getAttribute('href') ?? ''));
    const sprites = new Map<string, string>();
    const missing: string[] = [];
    for (const href of new Set(hrefs)) {
        const [file, symbol] = href.split('#');
        if (!file || !symbol) {
            missing.push(href || '(empty href)');
            continue;
        }
        if (!sprites.has(file)) sprites.set(file, await (await fetch(`${baseUrl}${file}`)).text());
        if (!sprites.get(file)?.includes(`id="${symbol}"`)) missing.push(href);
    }
    assert(missing.length === 0, `${what}: icons not in the SLDS sprites: ${missing.join(', ')}`);
}

export async function screenshot(page: Page, name: string): Promise<string> {
    fs.mkdirSync(screenshotDir, { recursive: true });
    const file = path.join(screenshotDir, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    return file;
}

/**
 * How a test that opened a page ends: the page passes axe, is saved as `screenshotName` when given, and logged
 * nothing wrong.
 */
export async function assertFinalState(opened: OpenedPage, what: string, screenshotName?: string): Promise<void> {
    await assertAccessible(opened.page, what);
    if (screenshotName) await screenshot(opened.page, screenshotName);
    assertNoIssues(opened, what);
}

export interface CanvasStats {
    width: number;
    height: number;
    /** Share of pixels that are not fully transparent. */
    painted: number;
    colours: number;
    /** Cheap fingerprint of the pixels, to tell one drawing from another. */
    hash: number;
}

/** Reads the pixels Chart.js drew on the n-th canvas of the page, or on the canvas a locator names. */
export async function canvasStats(where: Page | Locator, index = 0): Promise<CanvasStats> {
    const canvas = 'goto' in where ? where.locator('canvas').nth(index) : where;
    return canvas.evaluate((canvas: HTMLCanvasElement) => {
        const context = canvas.getContext('2d');
        if (!context) throw new Error('canvas has no 2d context');
        const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
        let painted = 0;
        let hash = 0;
        const colours = new Set<number>();
        for (let i = 0; i < data.length; i += 4) {
            if (data[i + 3] === 0) continue;
            painted += 1;
            const colour = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
            if (colours.size < 1000) colours.add(colour);
            hash = (hash * 31 + colour + i) | 0;
        }
        return {
            width: canvas.width,
            height: canvas.height,
            painted: painted / (data.length / 4),
            colours: colours.size,
            hash,
        };
    });
}

/** Fails unless a canvas holds a chart: a real size, some paint, and at least three colours (marks, axes, text). */
export function assertChartDrawn(stats: CanvasStats, what: string): void {
    assert(stats.width > 100 && stats.height > 100, `${what}: canvas is ${stats.width}×${stats.height}`);
    assert(stats.painted > 0.02, `${what}: only ${(stats.painted * 100).toFixed(2)} % of the canvas is painted`);
    assert(stats.colours >= 3, `${what}: only ${stats.colours} colours on the canvas`);
}

/** Waits (10 s at most) until the canvas `read` reads holds another drawing than `before`, and returns it. */
export async function waitForRedraw(
    page: Page,
    before: CanvasStats,
    what: string,
    read: (page: Page) => Promise<CanvasStats> = (p) => canvasStats(p),
): Promise<CanvasStats> {
    const deadline = Date.now() + 10_000;
    for (;;) {
        await settle(page);
        const after = await read(page);
        if (after.hash !== before.hash) return after;
        assert(Date.now() < deadline, `${what}: the canvas did not change`);
        await page.waitForTimeout(100);
    }
}

/** Sets one App Builder property of the first component that has it, through the property panel, as an admin would. */
export async function setProperty(page: Page, label: string, value: string): Promise<void> {
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
