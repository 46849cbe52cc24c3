/**
 * Render time in Chromium for the benchmarks' `--browser` columns: the real preview server (one per sample-org size,
 * chosen with the page's `?size=` parameter) and the built preview bundle, a component on its preview page, and the
 * time from navigation start, and from the component's first GraphQL request, to the component fully rendered.
 * A script injected before the page's own watches each animation frame, so a time is exact to one frame (~17 ms).
 * Each target gets one warm-up run (engine indexes, browser code cache), then the median of the measured runs.
 */
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import type { DatasetSize } from '../preview/client/context';
import { buildPreview } from '../preview/build';
import { startPreviewServer, type PreviewServer } from '../preview/server';
import { DATASET_SIZES } from '../preview/server/choices';
import { chromiumArgs, chromiumPath } from '../scripts/browser-test';

/** When a component counts as rendered: every tile shows its value, or the win-loss chart is drawn and its table filled. */
export type Readiness = 'board' | 'winLoss';

export interface RenderTarget {
    /** Page path with no query, e.g. `/lightning/n/KPI_Sales_Team`. */
    path: string;
    /** The viewer (a User Id of the size's sample org); the page's default user when absent. */
    userId?: string;
    /** The component's tag and which of that tag on the page (0 = first). */
    tag: 'c-kpi-board' | 'c-kpi-win-loss';
    index?: number;
    readiness: Readiness;
    /**
     * GraphQL operation names the component sends. Where other components on the page share them (every board's
     * KpiMetrics…), requests, bytes and the request start are the page's for those names, not this component's alone.
     */
    operations: RegExp;
    /** Rendered only once every request of `operations` has been answered (a component that asks twice). */
    waitForRequests?: boolean;
}

export interface RenderTiming {
    /** Navigation start → rendered. */
    navigationMs: number;
    /** The component's first GraphQL request sent → rendered. */
    requestMs: number;
    /** The last of those answers in → rendered: the browser's own work (shaping, DOM, Chart.js). */
    responseMs: number;
    /** The component's GraphQL requests and their response bytes, as the server counted them. */
    requests: number;
    bytes: number;
    /** Tiles showing a value (the others show "no data" or an error), or rate rows (win-loss). */
    shown: number;
}

export interface RenderMeasurement {
    median: RenderTiming;
    runs: RenderTiming[];
}

/** What the injected script leaves on `window` for the benchmark to read. */
interface BenchState {
    requests: { operationName: string; start: number; end?: number }[];
    readyAt?: number;
    shown?: number;
}

const RUN_TIMEOUT_MS = 120_000;

/** Runs in the page before its own scripts: wraps fetch to time GraphQL requests, checks readiness every frame. */
function watchRender(spec: {
    tag: string;
    index: number;
    readiness: Readiness;
    operations: string;
    waitForRequests: boolean;
}): void {
    const operations = new RegExp(spec.operations);
    const state: BenchState = { requests: [] };
    (window as unknown as { __kpiBench: BenchState }).__kpiBench = state;
    const originalFetch = window.fetch.bind(window);
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
        const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        let entry: BenchState['requests'][number] | undefined;
        if (url.endsWith('/graphql') && typeof init?.body === 'string') {
            const operationName = (JSON.parse(init.body) as { operationName?: string }).operationName ?? '';
            if (operations.test(operationName)) {
                entry = { operationName, start: performance.now() };
                state.requests.push(entry);
            }
        }
        const response = await originalFetch(input, init);
        if (!entry) return response;
        // The wire reads the body next; the request is over once the body is in.
        const body = await response.clone().arrayBuffer();
        entry.end = performance.now();
        return new Response(body, {
            status: response.status,
            statusText: response.statusText,
            headers: response.headers,
        });
    };

    // Synthetic shadow hides shadow trees from querySelectorAll: walk every shadowRoot.
    const deepAll = (root: ParentNode, selector: string): Element[] => {
        if (root instanceof Element && root.shadowRoot) return deepAll(root.shadowRoot, selector);
        const found = [...root.querySelectorAll(selector)];
        for (const element of root.querySelectorAll('*')) {
            if (element.shadowRoot) found.push(...deepAll(element.shadowRoot, selector));
        }
        return found;
    };
    const painted = (canvas: HTMLCanvasElement | undefined): boolean => {
        if (!canvas || canvas.width === 0 || canvas.height === 0) return false;
        const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
        if (!data) return false;
        let count = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) count += 1;
        return count / (data.length / 4) > 0.02;
    };
    const shown = (): number | undefined => {
        const component = deepAll(document, spec.tag)[spec.index];
        if (!component) return undefined;
        if (spec.readiness === 'board') {
            const tiles = deepAll(component, 'article.kpi-tile');
            if (tiles.length === 0) return undefined;
            const settled = (tile: Element) =>
                deepAll(tile, '.kpi-tile__value, .kpi-tile__empty, .kpi-tile__config, c-kpi-error-panel').length > 0;
            if (!tiles.every(settled)) return undefined;
            return tiles.filter((tile) =>
                deepAll(tile, '.kpi-tile__value').some((value) => (value.textContent ?? '').trim() !== ''),
            ).length;
        }
        const rows = deepAll(component, '[data-id="rates"] tbody tr').length;
        if (rows === 0) return undefined;
        const trend = deepAll(component, '[data-id="trend-chart"]')[0];
        const canvas = trend ? (deepAll(trend, 'canvas')[0] as HTMLCanvasElement | undefined) : undefined;
        return painted(canvas) ? rows : undefined;
    };
    const check = (): void => {
        const requests = state.requests;
        // Rendered from every answer the component asked for, not from the first of two.
        if (!spec.waitForRequests || (requests.length > 0 && requests.every((request) => request.end !== undefined))) {
            const count = shown();
            if (count !== undefined) {
                state.readyAt = performance.now();
                state.shown = count;
                return;
            }
        }
        requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
}

export function datasetFor(records: number): DatasetSize | undefined {
    return (Object.keys(DATASET_SIZES) as DatasetSize[]).find((size) => DATASET_SIZES[size] === records);
}

export function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export interface BrowserBenchOptions {
    /** Rebuild the preview bundle first (default true): a stale bundle would time older components. */
    build?: boolean;
    /** The sample orgs' seed and end of history, as the in-process benchmarks use, so the data are the same. */
    seed?: number;
    now?: Date;
    /** Measured runs after the warm-up (default 3). */
    runs?: number;
    log?: (line: string) => void;
}

/** One Chromium for the whole benchmark; one preview server per sample-org size, closed before the next is built. */
export class BrowserBench {
    private server?: { size: DatasetSize; instance: PreviewServer };

    private constructor(
        private readonly browser: Browser,
        private readonly options: Required<Pick<BrowserBenchOptions, 'seed' | 'runs'>> & BrowserBenchOptions,
    ) {}

    static async start(options: BrowserBenchOptions = {}): Promise<BrowserBench> {
        if (!fs.existsSync(chromiumPath)) {
            throw new Error(`--browser: ${chromiumPath} is missing; install it with .ci/install-chromium.sh`);
        }
        if (options.build !== false) {
            const built = await buildPreview();
            options.log?.(`preview bundle built in ${(built.ms / 1000).toFixed(1)} s`);
        }
        const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
        return new BrowserBench(browser, { seed: 1, runs: 3, ...options });
    }

    /** The preview server for a size, generating its sample org (seconds to a minute at 1 M records). */
    async serverFor(size: DatasetSize): Promise<PreviewServer> {
        if (this.server?.size === size) return this.server.instance;
        await this.server?.instance.close();
        this.server = undefined;
        const started = Date.now();
        const instance = await startPreviewServer({
            port: 0,
            seed: this.options.seed,
            now: this.options.now,
            preload: [size],
        });
        this.options.log?.(
            `preview server with the ${size} sample org up in ${((Date.now() - started) / 1000).toFixed(1)} s`,
        );
        this.server = { size, instance };
        return instance;
    }

    /** Persona User Ids of a size's sample org (admin, salesManager, rep, …). */
    async personas(size: DatasetSize): Promise<Record<string, string>> {
        const server = await this.serverFor(size);
        return server.datasets.get(size).sample.org.personas as unknown as Record<string, string>;
    }

    async measure(size: DatasetSize, target: RenderTarget): Promise<RenderMeasurement> {
        const server = await this.serverFor(size);
        const query = new URLSearchParams({ size });
        if (target.userId) query.set('user', target.userId);
        const url = `${server.url}${target.path}?${query}`;
        const runs: RenderTiming[] = [];
        for (let run = 0; run <= this.options.runs; run += 1) {
            const timing = await this.once(server, url, target);
            if (run > 0) runs.push(timing);
        }
        return {
            runs,
            median: {
                navigationMs: median(runs.map((r) => r.navigationMs)),
                requestMs: median(runs.map((r) => r.requestMs)),
                responseMs: median(runs.map((r) => r.responseMs)),
                requests: median(runs.map((r) => r.requests)),
                bytes: median(runs.map((r) => r.bytes)),
                shown: median(runs.map((r) => r.shown)),
            },
        };
    }

    private async once(server: PreviewServer, url: string, target: RenderTarget): Promise<RenderTiming> {
        // Reduced motion, as in the browser tests: Chart.js draws at once, so "drawn" is not an animation's length.
        const context = await this.browser.newContext({
            viewport: { width: 1280, height: 900 },
            reducedMotion: 'reduce',
        });
        // The page's "today" must be the sample org's (performance.now, which the timings use, keeps running).
        if (this.options.now) await context.clock.setFixedTime(this.options.now);
        const errors: string[] = [];
        try {
            const spec = {
                tag: target.tag,
                index: target.index ?? 0,
                readiness: target.readiness,
                operations: target.operations.source,
                waitForRequests: target.waitForRequests ?? false,
            };
            // tsx (esbuild keepNames) wraps named inner functions in __name(): give the page an identity one.
            await context.addInitScript({
                content: `globalThis.__name = (target) => target; (${watchRender.toString()})(${JSON.stringify(spec)});`,
            });
            const page = await context.newPage();
            const failed = new Promise<never>((_, reject) =>
                page.on('pageerror', (error) => {
                    errors.push(error.message);
                    reject(new Error(`uncaught in the page: ${error.message}`));
                }),
            );
            failed.catch(() => undefined);
            server.metrics.reset();
            await page.goto(url, { waitUntil: 'commit' });
            try {
                await Promise.race([
                    page.waitForFunction(
                        () => (window as unknown as { __kpiBench?: BenchState }).__kpiBench?.readyAt !== undefined,
                        undefined,
                        { timeout: RUN_TIMEOUT_MS, polling: 100 },
                    ),
                    failed,
                ]);
            } catch (error) {
                throw new Error(
                    `${url}: ${target.tag} #${(target.index ?? 0) + 1} not rendered within ${RUN_TIMEOUT_MS / 1000} s` +
                        `${errors.length ? ` (page errors: ${errors.join('; ')})` : ''}: ${(error as Error).message}`,
                );
            }
            const state = await page.evaluate(() => (window as unknown as { __kpiBench: BenchState }).__kpiBench);
            const readyAt = state.readyAt as number;
            const answered = state.requests.map((r) => r.end ?? Infinity).filter((end) => end <= readyAt);
            const mine = server.metrics.summary().requests.filter((r) => target.operations.test(r.operationName ?? ''));
            return {
                navigationMs: readyAt,
                requestMs: readyAt - Math.min(...state.requests.map((r) => r.start)),
                responseMs: readyAt - Math.max(...answered),
                requests: state.requests.length,
                bytes: mine.reduce((total, r) => total + r.bytes, 0),
                shown: state.shown ?? 0,
            };
        } finally {
            await context.close();
        }
    }

    async close(): Promise<void> {
        await this.server?.instance.close();
        await this.browser.close();
    }
}
