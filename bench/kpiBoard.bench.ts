/**
 * `npm run bench`: what one KPI board costs as the org grows, beside the naive way (one request per tile, every record
 * of the period fetched and summed in the browser). Requests and bytes are exact; times are one run's on this machine,
 * so compare them as ratios within a run.
 *
 * `--browser` adds the render time in Chromium on preview pages (bench/browser.ts).
 *
 *   npx tsx bench/kpiBoard.bench.ts [--sizes 1000,100000,1000000] [--browser [--no-build]]
 */
import '../preview/oracle/nodeLabels';
import { KPI_CATALOG } from '../force-app/main/default/lwc/kpiCatalog/kpiCatalog';
import { readBoardConfig } from '../force-app/main/default/lwc/kpiConfig/kpiConfig';
import { dateFieldType, kpiQuery, planKpis, resolveField } from '../force-app/main/default/lwc/kpiPlanner/kpiPlanner';
import type { KpiPlan, PlannedRequest } from '../force-app/main/default/lwc/kpiPlanner/kpiPlanner';
import { readAllResults } from '../force-app/main/default/lwc/kpiResults/kpiResults';
import type { ViewerContext } from '../preview/engine/api';
import { createEngine } from '../preview/engine/index';
import { generateSampleOrg } from '../preview/sample-org/index';
import { BrowserBench, datasetFor } from './browser';
import { BENCH_NOW, BENCH_TIME_ZONE, runBench, sizesOption, type Engine } from './common';

export interface Cost {
    requests: number;
    bytes: number;
    /** Engine time plus the client's own work (planning and shaping, or summing records). */
    ms: number;
}

/** The board as the component plans it: one document for the Sales preset, read into tile values. */
export function boardCost(
    engine: Engine,
    viewer: ViewerContext,
    sparkline = 4,
): { cost: Cost; values: Record<string, number | null> } {
    const started = performance.now();
    const config = readBoardConfig({ preset: 'sales', scope: 'all', sparkline });
    const plan: KpiPlan = planKpis(config.requests, {
        userId: viewer.userId,
        now: BENCH_NOW,
        calendar: { timeZone: BENCH_TIME_ZONE, fiscalYearStartMonth: config.fiscalYearStartMonth, firstDayOfWeek: 1 },
    });
    let bytes = 0;
    let engineMs = 0;
    const answers = plan.documents.map((document, index) => {
        const response = engine.execute(
            { query: kpiQuery(plan, index), variables: document.variables, operationName: document.operationName },
            viewer,
        );
        bytes += response.metrics.bytes;
        engineMs += response.metrics.ms;
        return response;
    });
    const results = readAllResults(plan, answers);
    const values = Object.fromEntries(Object.entries(results).map(([key, result]) => [key, result.value ?? null]));
    const clientMs = performance.now() - started - engineMs;
    return { cost: { requests: plan.documents.length, bytes, ms: engineMs + clientMs }, values };
}

/** The naive tile: page through every record of the KPI's object in the period and sum in the browser. */
function naiveTileCost(engine: Engine, viewer: ViewerContext, request: PlannedRequest): Cost {
    const kpi = KPI_CATALOG.find((entry) => entry.id === request.kpi)!;
    const dateField = kpi.dateField ? resolveField(kpi.dateField, request.settings) : 'CreatedDate';
    const isDateTime = dateFieldType(kpi.object, dateField) === 'DateTime';
    const bound = (day: string): string => (isDateTime ? `${day}T00:00:00.000Z` : day);
    // Everything the tile shows: the period, its comparison and the sparkline's periods.
    const windows = [
        request.window,
        ...(request.comparisonWindow ? [request.comparisonWindow] : []),
        ...request.sparkline,
    ];
    const start = windows.map((window) => window.start).sort()[0];
    const end = windows.map((window) => window.end).sort()[windows.length - 1];
    const where = `{ and: [{ ${dateField}: { gte: { value: "${bound(start)}" } } }, { ${dateField}: { lte: { value: "${bound(end)}" } } }] }`;
    const fields =
        kpi.object === 'Opportunity' ? 'Amount { value } IsWon { value } IsClosed { value } StageName { value }' : '';
    let after: string | null = null;
    let cost: Cost = { requests: 0, bytes: 0, ms: 0 };
    let sum = 0;
    do {
        const cursor: string = after ? `, after: "${after}"` : '';
        const query = `query Naive { uiapi { query { ${kpi.object}(where: ${where}, first: 2000, upperBound: 1000000${cursor}) { edges { node { Id ${dateField} { value } ${fields} } } pageInfo { hasNextPage endCursor } } } } }`;
        const started = performance.now();
        const response = engine.execute({ query }, viewer);
        if (response.errors?.length) throw new Error(`naive ${kpi.id}: ${response.errors[0].message}`);
        const connection = (response.data as { uiapi: { query: Record<string, NaivePage> } }).uiapi.query[kpi.object];
        for (const edge of connection.edges) sum += edge.node.Amount?.value ?? 1;
        cost = {
            requests: cost.requests + 1,
            bytes: cost.bytes + response.metrics.bytes,
            ms: cost.ms + (performance.now() - started),
        };
        after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
    } while (after);
    // The summing is the browser's work in the naive design; it stays in the measured time.
    return Number.isFinite(sum) ? cost : { ...cost, ms: Number.NaN };
}

interface NaivePage {
    edges: { node: { Amount?: { value: number | null } } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export function naiveCost(engine: Engine, viewer: ViewerContext): Cost {
    const config = readBoardConfig({ preset: 'sales', scope: 'all' });
    const plan = planKpis(config.requests, {
        userId: viewer.userId,
        now: BENCH_NOW,
        calendar: { timeZone: BENCH_TIME_ZONE, fiscalYearStartMonth: config.fiscalYearStartMonth, firstDayOfWeek: 1 },
    });
    return plan.requests
        .map((request) => naiveTileCost(engine, viewer, request))
        .reduce((total, tile) => ({
            requests: total.requests + tile.requests,
            bytes: total.bytes + tile.bytes,
            ms: total.ms + tile.ms,
        }));
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The in-process columns of one size; the sample org is dropped before the browser's server builds its own. */
function inProcessRow(size: number): string {
    const org = generateSampleOrg({ seed: 1, size, now: BENCH_NOW, fiscalYearStartMonth: 1 });
    const engine = createEngine(org);
    const viewer: ViewerContext = {
        userId: org.org.personas.admin,
        locale: 'en-US',
        currency: 'USD',
        timeZone: BENCH_TIME_ZONE,
        now: BENCH_NOW,
    };
    boardCost(engine, viewer); // warm the engine's indexes so neither side pays for them
    const board = boardCost(engine, viewer).cost;
    const plain = boardCost(engine, viewer, 0).cost;
    const naive = naiveCost(engine, viewer);
    return (
        `${String(size).padEnd(8)} | ${String(board.requests).padStart(9)}  ${kb(board.bytes).padEnd(9)} ${board.ms.toFixed(0).padStart(3)} | ` +
        `${kb(plain.bytes).padStart(19)} ${plain.ms.toFixed(0).padStart(3)} | ` +
        `${String(naive.requests).padStart(9)}  ${kb(naive.bytes).padEnd(10)} ${naive.ms.toFixed(0).padStart(4)} | ` +
        `${(naive.bytes / board.bytes).toFixed(0).padStart(5)}x (${(naive.bytes / plain.bytes).toFixed(0)}x)`
    );
}

/** Boards measured in Chromium: as placed on preview pages, each beside the page's other components. */
const BROWSER_BOARDS: { column: string; path: string; persona: string; index: number }[] = [
    { column: 'Home Sales board, rep', path: '/lightning/page/home', persona: 'rep', index: 0 },
    {
        column: 'Sales Team 12-tile board, manager',
        path: '/lightning/n/KPI_Sales_Team',
        persona: 'salesManager',
        index: 0,
    },
];

async function browserColumns(bench: BrowserBench, size: number): Promise<string> {
    const dataset = datasetFor(size);
    if (!dataset) return BROWSER_BOARDS.map(() => 'n/a (no such preview sample org)').join(' | ');
    const personas = await bench.personas(dataset);
    const cells: string[] = [];
    for (const board of BROWSER_BOARDS) {
        const { median: timing } = await bench.measure(dataset, {
            path: board.path,
            userId: personas[board.persona],
            tag: 'c-kpi-board',
            index: board.index,
            readiness: 'board',
            operations: /^KpiMetrics/,
        });
        cells.push(
            `${timing.navigationMs.toFixed(0).padStart(5)} ${timing.requestMs.toFixed(0).padStart(5)} ${timing.responseMs.toFixed(0).padStart(5)} (${timing.shown} values)`,
        );
    }
    return cells.join(' | ');
}

async function main(): Promise<void> {
    const withBrowser = process.argv.includes('--browser');
    const bench = withBrowser
        ? await BrowserBench.start({
              build: !process.argv.includes('--no-build'),
              now: BENCH_NOW,
              log: (line) => console.error(line),
          })
        : undefined;
    console.log(
        'KPI board (Sales preset: 6 tiles, this fiscal quarter vs previous), as the admin; naive = one request',
    );
    console.log(
        'per tile, every record of the period, comparison and sparkline span fetched (2000 a page) and summed.',
    );
    if (withBrowser) {
        console.log(
            'browser ms: Chromium, preview page as placed (other components load too), navigation → every tile settled,',
        );
        console.log(
            "and from the page's first KpiMetrics request sent (req) and last answer in (resp): boards on one page" +
                ' share those operation names. Median of 3 after a warm-up. Columns: ' +
                BROWSER_BOARDS.map((board) => board.column).join('; '),
        );
    }
    console.log(
        'records  | board req  bytes     ms | no sparkline: bytes  ms | naive req  bytes       ms | bytes ratio (no spark)' +
            (withBrowser ? ' | browser ms: nav   req  resp (×2 boards)' : ''),
    );
    try {
        for (const size of sizesOption()) {
            const row = inProcessRow(size);
            console.log(bench ? `${row} | ${await browserColumns(bench, size)}` : row);
        }
    } finally {
        await bench?.close();
    }
}

if (require.main === module) runBench(main);
