/**
 * What one win-loss render costs as the org grows, planned and shaped by the component's own module
 * (kpiWinLossData), beside the naive way: every closed opportunity of the span the card shows (the trend's buckets
 * and the previous period), 2,000 a page, with rates, trend, reasons and recent losses computed in the browser.
 * Both run as the admin and as a sales manager with the Sales Team page's settings (preview/pages/salesTeam.ts).
 * Requests and bytes are exact; times are one run's on this machine, so compare them as ratios.
 * `--browser` adds the render time in Chromium on the Sales Team page of the preview server (bench/browser.ts).
 *
 *   npx tsx bench/winloss.bench.ts [--sizes 1000,100000,1000000] [--browser [--no-build]]
 *   (1 M records: NODE_OPTIONS=--max-old-space-size=12000)
 */
import '../preview/oracle/nodeLabels';
import {
    planWinLoss,
    readSettings,
    readWinLoss,
    winLossQuery,
} from '../force-app/main/default/lwc/kpiWinLossData/kpiWinLossData';
import type { WinLossPlan, WinLossResult } from '../force-app/main/default/lwc/kpiWinLossData/kpiWinLossData';
import type { ViewerContext } from '../preview/engine/api';
import { createEngine } from '../preview/engine/index';
import salesTeam from '../preview/pages/salesTeam';
import { placedProperties } from '../preview/pages/types';
import { generateSampleOrg } from '../preview/sample-org/index';
import { BrowserBench, datasetFor, type RenderMeasurement } from './browser';
import { BENCH_NOW, BENCH_TIME_ZONE, runBench, sizesOption, type Engine } from './common';

const PAGE_SIZE = 2000;

/** The Sales Team page's win-loss card, as placed there. */
const SALES_TEAM = placedProperties(salesTeam, 'c-kpi-win-loss');

export interface WinLossCost {
    requests: number;
    bytes: number;
    engineMs: number;
    /** The client's own work: planning and shaping the answers (component), or paging and computing (naive). */
    clientMs: number;
    /** Closed deals of the current period the company row rests on, to check both designs agree. */
    companyClosed: number;
    teamClosed: number;
    /** Won and lost deals per trend bucket, as text, to check both designs agree. */
    trend: string;
}

function viewerOf(userId: string): ViewerContext {
    return { userId, locale: 'en-US', currency: 'USD', timeZone: BENCH_TIME_ZONE, now: BENCH_NOW };
}

function planFor(viewer: ViewerContext): WinLossPlan {
    const { settings, problems } = readSettings(SALES_TEAM);
    if (problems.length > 0) throw new Error(`win-loss settings: ${JSON.stringify(problems)}`);
    return planWinLoss({
        settings,
        now: BENCH_NOW,
        calendar: { timeZone: BENCH_TIME_ZONE, firstDayOfWeek: 1, fiscalYearStartMonth: settings.fiscalYearStartMonth },
        userId: viewer.userId,
    });
}

/** A second document, for a plan from before win-loss asked once per render (records beside the aggregates). */
type SecondDocument = { query: string; variables: Record<string, unknown>; operationName: string };

/** One render as kpiWinLoss does it: plan, ask, shape. */
export function winLossCost(engine: Engine, viewer: ViewerContext): { cost: WinLossCost; result: WinLossResult } {
    let clientMs = 0;
    let started = performance.now();
    const plan = planFor(viewer);
    clientMs += performance.now() - started;
    const response = engine.execute(
        { query: winLossQuery(plan), variables: plan.variables, operationName: plan.operationName },
        viewer,
    );
    if (response.errors?.length) throw new Error(`${plan.operationName}: ${response.errors[0].message}`);
    let requests = 1;
    let bytes = response.metrics.bytes;
    let engineMs = response.metrics.ms;
    started = performance.now();
    const result = readWinLoss(response.data, plan, Number(SALES_TEAM.minSample));
    clientMs += performance.now() - started;
    const second = (plan as unknown as { recent?: SecondDocument }).recent;
    if (second) {
        const ownerIds = result.reps.map((rep) => rep.ownerId).slice(0, 200);
        const answer = engine.execute(
            {
                query: second.query,
                variables: { ...second.variables, ownerIds: ownerIds.length ? ownerIds : [viewer.userId] },
                operationName: second.operationName,
            },
            viewer,
        );
        if (answer.errors?.length) throw new Error(`${second.operationName}: ${answer.errors[0].message}`);
        requests += 1;
        bytes += answer.metrics.bytes;
        engineMs += answer.metrics.ms;
    }
    return {
        cost: {
            requests,
            bytes,
            engineMs,
            clientMs,
            companyClosed: result.company.current.closed,
            teamClosed: result.team?.current.closed ?? result.company.current.closed,
            trend: JSON.stringify([result.trend.won, result.trend.lost]),
        },
        result,
    };
}

interface NaiveNode {
    Id: string;
    Name: { value: string | null };
    CloseDate: { value: string };
    IsWon: { value: boolean };
    Amount: { value: number | null };
    OwnerId: { value: string };
    Owner: { Name: { value: string | null }; ManagerId: { value: string | null } } | null;
    Account: { Name: { value: string | null } } | null;
    Loss_Reason__c: { value: string | null };
}

interface Tally {
    won: number;
    lost: number;
    wonAmount: number;
    lostAmount: number;
}

const tally = (): Tally => ({ won: 0, lost: 0, wonAmount: 0, lostAmount: 0 });

function add(into: Tally, node: NaiveNode): void {
    const amount = node.Amount.value ?? 0;
    if (node.IsWon.value) {
        into.won += 1;
        into.wonAmount += amount;
    } else {
        into.lost += 1;
        into.lostAmount += amount;
    }
}

/** The naive card: page through every closed deal of the span and compute everything the card shows in the client. */
export function naiveCost(engine: Engine, viewer: ViewerContext): WinLossCost {
    const plan = planFor(viewer);
    const start = [plan.previous.start, plan.buckets[0].start].sort()[0];
    const end = plan.current.end;
    const where = `{ and: [{ IsClosed: { eq: true } }, { CloseDate: { gte: { value: "${start}" } } }, { CloseDate: { lt: { value: "${end}" } } }] }`;
    const fields =
        'Id Name { value } CloseDate { value } IsWon { value } Amount { value } OwnerId { value } ' +
        'Owner { Name { value } ManagerId { value } } Account { Name { value } } Loss_Reason__c { value }';
    const nodes: NaiveNode[] = [];
    let cost = { requests: 0, bytes: 0, engineMs: 0, clientMs: 0 };
    let after: string | null = null;
    const started = performance.now();
    do {
        const cursor: string = after ? `, after: "${after}"` : '';
        const query = `query NaiveWinLoss { uiapi { query { Opportunity(where: ${where}, first: ${PAGE_SIZE}, upperBound: 1000000${cursor}) { edges { node { ${fields} } } pageInfo { hasNextPage endCursor } } } } }`;
        const response = engine.execute({ query, operationName: 'NaiveWinLoss' }, viewer);
        if (response.errors?.length) throw new Error(`naive win-loss: ${response.errors[0].message}`);
        const connection = (
            response.data as {
                uiapi: {
                    query: {
                        Opportunity: {
                            edges: { node: NaiveNode }[];
                            pageInfo: { hasNextPage: boolean; endCursor: string | null };
                        };
                    };
                };
            }
        ).uiapi.query.Opportunity;
        for (const edge of connection.edges) nodes.push(edge.node);
        cost = {
            ...cost,
            requests: cost.requests + 1,
            bytes: cost.bytes + response.metrics.bytes,
            engineMs: cost.engineMs + response.metrics.ms,
        };
        after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
    } while (after);

    // What the browser would compute from the records: the same rows the component's card shows.
    const inWindow = (date: string, window: { start: string; end: string }) =>
        date >= window.start && date < window.end;
    const inTeam = (node: NaiveNode) => node.Owner?.ManagerId.value === viewer.userId;
    const company = { now: tally(), before: tally() };
    const team = { now: tally(), before: tally() };
    const reps = new Map<string, Tally>();
    const reasons = new Map<string, Tally>();
    const buckets = plan.buckets.map(tally);
    const size = plan.grouping === 'month' ? 1 : 3;
    const losses: NaiveNode[] = [];
    for (const node of nodes) {
        const date = node.CloseDate.value;
        const now = inWindow(date, plan.current);
        const before = inWindow(date, plan.previous);
        if (now) add(company.now, node);
        if (before) add(company.before, node);
        if (!inTeam(node)) continue;
        if (now) {
            add(team.now, node);
            const rep = reps.get(node.OwnerId.value) ?? tally();
            add(rep, node);
            reps.set(node.OwnerId.value, rep);
            if (!node.IsWon.value) {
                const reason = node.Loss_Reason__c.value ?? '';
                const row = reasons.get(reason) ?? tally();
                add(row, node);
                reasons.set(reason, row);
                losses.push(node);
            }
        }
        if (before) add(team.before, node);
        const [year, month] = date.split('-').map(Number);
        const monthIndex = year * 12 + month - 1;
        const bucket = plan.buckets.findIndex((b) => monthIndex >= b.month && monthIndex < b.month + size);
        if (bucket >= 0 && date < plan.current.end) add(buckets[bucket], node);
    }
    losses.sort((a, b) => b.CloseDate.value.localeCompare(a.CloseDate.value) || a.Id.localeCompare(b.Id));
    const recent = losses
        .slice(0, 10)
        .map((node) => [node.Name.value, node.Account?.Name.value, node.Owner?.Name.value]);
    const clientMs = performance.now() - started - cost.engineMs;
    if (recent.length > 10 || buckets.length !== plan.buckets.length) throw new Error('naive win-loss: bad shape');
    return {
        ...cost,
        clientMs,
        companyClosed: company.now.won + company.now.lost,
        teamClosed: team.now.won + team.now.lost,
        trend: JSON.stringify([buckets.map((b) => b.won), buckets.map((b) => b.lost)]),
    };
}

const VIEWERS = [
    ['admin', 'admin'],
    ['manager', 'salesManager'],
] as const;

interface Row {
    size: number;
    viewer: string;
    component: WinLossCost;
    naive: WinLossCost;
    browser?: RenderMeasurement;
}

/** In-process costs of one size; the sample org is dropped before the browser's server builds its own. */
function measureInProcess(size: number): Row[] {
    const org = generateSampleOrg({ seed: 1, size, now: BENCH_NOW, fiscalYearStartMonth: 1 });
    const engine = createEngine(org);
    const personas = org.org.personas as unknown as Record<string, string>;
    return VIEWERS.map(([name, persona]) => {
        const viewer = viewerOf(personas[persona]);
        winLossCost(engine, viewer); // warm the engine's indexes so neither side pays for them
        const component = winLossCost(engine, viewer).cost;
        const naive = naiveCost(engine, viewer);
        const differ = (['companyClosed', 'teamClosed', 'trend'] as const).filter(
            (key) => naive[key] !== component[key],
        );
        if (differ.length > 0) {
            throw new Error(
                `${size} records, ${name}: naive and component disagree on ${differ.map((key) => `${key} (${naive[key]} vs ${component[key]})`).join(', ')}`,
            );
        }
        return { size, viewer: name, component, naive };
    });
}

const kb = (bytes: number): string =>
    bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number): string => (value < 10 ? value.toFixed(1) : value.toFixed(0));

function printRow(row: Row, withBrowser: boolean): void {
    const { component: c, naive: n } = row;
    const cells = [
        row.size.toLocaleString('en-US'),
        row.viewer,
        String(c.companyClosed),
        String(c.requests),
        kb(c.bytes),
        ms(c.engineMs),
        ms(c.clientMs),
        String(n.requests),
        kb(n.bytes),
        ms(n.engineMs),
        ms(n.clientMs),
        `${(n.bytes / c.bytes).toFixed(0)}×`,
        `${((n.engineMs + n.clientMs) / (c.engineMs + c.clientMs)).toFixed(1)}×`,
    ];
    if (withBrowser) {
        const b = row.browser?.median;
        cells.push(
            b ? String(b.requests) : 'n/a',
            b ? kb(b.bytes) : 'n/a',
            b ? ms(b.navigationMs) : 'n/a',
            b ? ms(b.requestMs) : 'n/a',
            b ? ms(b.responseMs) : 'n/a',
        );
    }
    console.log(`| ${cells.join(' | ')} |`);
}

async function main(): Promise<void> {
    const withBrowser = process.argv.includes('--browser');
    const log = (line: string) => console.error(line);
    const bench = withBrowser
        ? await BrowserBench.start({ build: !process.argv.includes('--no-build'), now: BENCH_NOW, log })
        : undefined;
    console.log(
        'Win-loss card (Sales Team settings: this fiscal quarter vs previous, by fiscal quarter, team scope, loss reasons),',
    );
    console.log(
        'one render. naive = every closed deal of the span shown, 2,000 a page, computed in the client. Times: one run.',
    );
    if (withBrowser)
        console.log(
            'browser: Chromium on the preview Sales Team page (its other components load at the same time), median of 3 ' +
                'after a warm-up; ms from navigation start, from the win-loss request sent and from its answer in.',
        );
    console.log('');
    const header = [
        'records',
        'viewer',
        'closed deals',
        'requests',
        'bytes',
        'engine ms',
        'shaping ms',
        'naive requests',
        'naive bytes',
        'naive engine ms',
        'naive client ms',
        'bytes ratio',
        'time ratio',
        ...(withBrowser
            ? [
                  'browser requests',
                  'browser bytes',
                  'browser ms: navigation →',
                  'request sent →',
                  'answer in → rendered',
              ]
            : []),
    ];
    console.log(`| ${header.join(' | ')} |`);
    console.log(`|${header.map(() => '---').join('|')}|`);
    try {
        for (const size of sizesOption()) {
            const rows = measureInProcess(size);
            const dataset = datasetFor(size);
            if (bench && dataset) {
                const personas = await bench.personas(dataset);
                for (const row of rows) {
                    const persona = VIEWERS.find(([name]) => name === row.viewer)?.[1] ?? 'admin';
                    row.browser = await bench.measure(dataset, {
                        path: '/lightning/n/KPI_Sales_Team',
                        userId: personas[persona],
                        tag: 'c-kpi-win-loss',
                        readiness: 'winLoss',
                        operations: /^KpiWinLoss/,
                        waitForRequests: true,
                    });
                }
            } else if (bench)
                log(`--browser: the preview offers no ${size}-record sample org (1000, 20000, 100000, 1000000)`);
            for (const row of rows) printRow(row, withBrowser);
        }
    } finally {
        await bench?.close();
    }
}

if (require.main === module) runBench(main);
