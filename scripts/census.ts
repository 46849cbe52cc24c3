/**
 * The census of issue 12's "done when": at a dataset size (default 20k, the preview's default), every KPI tile, leaderboard
 * and win-loss of every preview page as the page's default viewer, and the Sales Team page as the VP of Sales, computed
 * the way the components compute them (their own config readers and planners, the preview engine as that user, the
 * components' result readers). Flags a tile showing 0 or "No records" (and says whether the oracle, computed straight
 * from the records, agrees that there are none), a leaderboard ranking only zeros, and reports the share of a manager's
 * and the VP's rate tiles that rest on more than their minimum sample (target at least 3/4).
 *
 *   npx tsx scripts/census.ts [--size 20k|1k|100k|1m] [--now 2026-11-20T18:00:00Z] [--seed 42]
 *
 * Defaults are the preview server's: seed 42, now = the current time, the viewer in the org's time zone.
 */
import '../preview/oracle/nodeLabels';
import { KPI_CATALOG } from '../force-app/main/default/lwc/kpiCatalog/kpiCatalog';
import { readBoardConfig, readMetricConfig } from '../force-app/main/default/lwc/kpiConfig/kpiConfig';
import type { KpiProperties } from '../force-app/main/default/lwc/kpiConfig/kpiConfig';
import {
    buildBoard,
    planBoard,
    readBoardConfig as readLeaderboardConfig,
    readBoardResponses,
} from '../force-app/main/default/lwc/kpiLeaderboardQuery/kpiLeaderboardQuery';
import type { BoardProperties } from '../force-app/main/default/lwc/kpiLeaderboardQuery/kpiLeaderboardQuery';
import { currentWindow, parsePeriod } from '../force-app/main/default/lwc/kpiPeriods/kpiPeriods';
import { kpiQuery, planKpis } from '../force-app/main/default/lwc/kpiPlanner/kpiPlanner';
import { readAllResults } from '../force-app/main/default/lwc/kpiResults/kpiResults';
import {
    planWinLoss,
    readSettings,
    readWinLoss,
    winLossQuery,
} from '../force-app/main/default/lwc/kpiWinLossData/kpiWinLossData';
import type { ViewerContext } from '../preview/engine/api';
import { askLeaderboard } from './leaderboardAnswers';
import { createEngine } from '../preview/engine/index';
import { indexById, oracleKpi } from '../preview/oracle/kpis';
import type { PageDefinition, UserKind } from '../preview/pages/types';
import { DATASET_SIZES } from '../preview/server/choices';
import { loadPages } from '../preview/server/pages';
import { personaFor } from '../preview/server/users';
import { generateSampleOrg, ORG_TIME_ZONE } from '../preview/sample-org/index';
import type { SampleOrg } from '../preview/sample-org/index';

type Engine = ReturnType<typeof createEngine>;

export interface CensusLine {
    page: string;
    viewer: string;
    component: string;
    label: string;
    value: string;
    /** Why the line is flagged (0, no records, a ranking of zeros); empty when it is not. */
    flag: string;
    /** Rate tiles: whether the number rests on more than its minimum sample. */
    rate?: { sampleSize: number; minSample: number };
}

export interface Census {
    lines: CensusLine[];
    /** Per viewer with rate tiles: how many rest on more than their minimum sample. */
    rates: { viewer: string; above: number; total: number }[];
}

function arg(name: string): string | undefined {
    const index = process.argv.indexOf(`--${name}`);
    return index >= 0 ? process.argv[index + 1] : undefined;
}

const fmt = (value: number | null | undefined, unit?: string): string => {
    if (value === null || value === undefined) return 'No records';
    if (unit === 'percent') return `${(value * 100).toFixed(1)}%`;
    if (unit === 'currency') return `$${Math.round(value).toLocaleString('en-US')}`;
    if (unit === 'multiple') return `${value.toFixed(2)}×`;
    if (unit === 'days') return `${value.toFixed(1)} d`;
    return Number.isInteger(value) ? String(value) : value.toFixed(2);
};

function periodLabel(period: unknown): string {
    if (typeof period === 'string') return period;
    const { kind, days } = (period ?? {}) as { kind?: string; days?: number };
    return days ? `${kind}:${days}` : String(kind);
}

interface Run {
    sample: SampleOrg;
    engine: Engine;
    now: Date;
    byId: ReturnType<typeof indexById>;
}

function viewerOf(run: Run, userId: string): ViewerContext {
    return { userId, locale: 'en-US', currency: 'USD', timeZone: ORG_TIME_ZONE, now: run.now };
}

function nameOf(run: Run, userId: string): string {
    const user = run.sample.byId.get(userId);
    return `${String(user?.Name)} (${String(user?.Title)})`;
}

/** A kpi-board or kpi-metric: its tiles as kpiResults reads them, each checked against the oracle when it is empty. */
function tiles(run: Run, page: string, viewer: string, component: string, props: KpiProperties): CensusLine[] {
    const config = component === 'c-kpi-metric' ? readMetricConfig(props) : readBoardConfig(props);
    const calendar = { timeZone: ORG_TIME_ZONE, firstDayOfWeek: 1, fiscalYearStartMonth: config.fiscalYearStartMonth };
    const plan = planKpis(config.requests, { userId: viewer, now: run.now, calendar });
    const answers = plan.documents.map((document, index) =>
        run.engine.execute(
            { query: kpiQuery(plan, index), variables: document.variables, operationName: document.operationName },
            viewerOf(run, viewer),
        ),
    );
    const results = readAllResults(plan, answers);
    const title = typeof props.cardTitle === 'string' ? `${component} "${props.cardTitle}"` : component;
    return config.requests.map((request) => {
        const kpi = KPI_CATALOG.find((entry) => entry.id === request.kpi)!;
        const result = results[request.key ?? request.kpi] ?? results[request.kpi];
        const period = parsePeriod(request.period as never) ?? (request.period as never);
        const label = `${kpi.id} (${periodLabel(request.period)}, ${request.scope})`;
        if (!result || result.error) {
            return {
                page,
                viewer,
                component: title,
                label,
                value: `error ${JSON.stringify(result?.error?.messages ?? 'no result')}`,
                flag: 'ERROR',
            };
        }
        let flag = '';
        if (result.value === null || result.value === 0) {
            // The oracle's own answer from the records: is it really none?
            const toDate = currentWindow(period, run.now, calendar, true);
            const whole = currentWindow(period, run.now, calendar, false);
            const oracle = oracleKpi(
                run.sample,
                kpi.id,
                {
                    userId: viewer,
                    timeZone: ORG_TIME_ZONE,
                    scope: request.scope as 'mine' | 'team' | 'all',
                    toDate,
                    whole,
                    settings: request.settings as never,
                    ...(request.target !== undefined && kpi.id === 'pipelineCoverage'
                        ? { target: request.target as number }
                        : {}),
                },
                kpi.id === 'pipelineValue' || kpi.id === 'pipelineCoverage' ? whole : toDate,
                run.byId,
            );
            const none = oracle.sampleSize === 0 ? 'the records really are none' : `oracle ${fmt(oracle.value)}`;
            flag = `${result.value === null ? 'NO RECORDS' : 'ZERO'} (${none})`;
        }
        // Rate tiles (percent KPIs) count toward the share; durations show their minimum sample without counting.
        const rate =
            kpi.minSample !== undefined && kpi.unit === 'percent'
                ? { sampleSize: result.sampleSize ?? 0, minSample: kpi.minSample }
                : undefined;
        const sample = `n=${result.sampleSize ?? 0}${kpi.minSample !== undefined ? `/min ${kpi.minSample}` : ''}`;
        return {
            page,
            viewer,
            component: title,
            label,
            value: `${fmt(result.value, kpi.unit)}  [${sample}]`,
            flag,
            rate,
        };
    });
}

/** A leaderboard as kpiLeaderboard plans, pages, reads and ranks it. */
function leaderboard(run: Run, page: string, viewer: string, props: BoardProperties): CensusLine[] {
    const { config, problems } = readLeaderboardConfig(props);
    if (!config)
        return [
            {
                page,
                viewer,
                component: 'c-kpi-leaderboard',
                label: 'config',
                value: JSON.stringify(problems),
                flag: 'ERROR',
            },
        ];
    const plan = planBoard(config, { userId: viewer, now: run.now, timeZone: ORG_TIME_ZONE, firstDayOfWeek: 1 });
    const { responses } = askLeaderboard(run.engine, viewerOf(run, viewer), plan);
    const board = buildBoard(plan, readBoardResponses(plan, responses), viewer);
    const kpi = KPI_CATALOG.find((entry) => entry.id === props.kpi);
    const ranked = board.rows.filter((row) => row.rank !== null);
    const nonZero = ranked.filter((row) => row.value !== null && row.value !== 0);
    const others = ranked.filter((row) => !row.isViewer);
    let flag = '';
    // Private sharing: the viewer sees only their own records, so the card shows their numbers unranked and says why
    // (issue 12 item 4); a flag only when even their own row is missing.
    const ownOnly = board.ownOnly === true;
    if (ownOnly && !board.rows.some((row) => row.isViewer)) flag = 'OWN RECORDS ONLY, BUT NO ROW FOR THE VIEWER';
    else if (ownOnly) flag = '';
    else if (ranked.length === 0) flag = 'NO ROWS';
    else if (nonZero.length === 0) flag = 'RANKING OF ZEROS';
    else if (others.length > 0 && others.every((row) => !row.value))
        flag = 'RANKING OF ZEROS (everyone but the viewer)';
    const shown = board.rows
        .slice(0, 10)
        .map(
            (row) =>
                `${row.rank ?? '–'}${row.isViewer ? '*' : ''} ${row.name ?? row.key}: ${fmt(row.value, kpi?.unit)}`,
        )
        .join('; ');
    return [
        {
            page,
            viewer,
            component: 'c-kpi-leaderboard',
            label: ownOnly
                ? `${String(props.kpi)} (${String(props.period)}, ${String(props.rankedUsers)}): the viewer sees only their own records: their numbers, unranked, and why`
                : `${String(props.kpi)} (${String(props.period)}, ${String(props.rankedUsers)}): ${ranked.length} ranked, ${nonZero.length} non-zero`,
            value: shown,
            flag,
        },
    ];
}

/** The win-loss card as kpiWinLoss plans and reads it. */
function winLoss(
    run: Run,
    page: string,
    viewer: string,
    props: Record<string, unknown>,
    accountId?: string,
): CensusLine[] {
    const { settings } = readSettings(props);
    const plan = planWinLoss({
        settings,
        now: run.now,
        calendar: { timeZone: ORG_TIME_ZONE, firstDayOfWeek: 1, fiscalYearStartMonth: settings.fiscalYearStartMonth },
        userId: viewer,
        ...(accountId ? { accountId } : {}),
    });
    const response = run.engine.execute(
        { query: winLossQuery(plan), variables: plan.variables, operationName: plan.operationName },
        viewerOf(run, viewer),
    );
    const result = readWinLoss(response.data, plan, settings.minSample, response.errors);
    const lines: CensusLine[] = [];
    const add = (label: string, rate: { countRate: number | null; won: number; lost: number; closed: number }) =>
        lines.push({
            page,
            viewer,
            component: 'c-kpi-win-loss',
            label,
            value: `${fmt(rate.countRate, 'percent')} (${rate.won} won, ${rate.lost} lost)  [n=${rate.closed}/min ${settings.minSample}]`,
            flag: rate.closed === 0 ? 'NO RECORDS' : '',
            rate: { sampleSize: rate.closed, minSample: settings.minSample },
        });
    add(`company win rate (${periodLabel(settings.period)})`, result.company.current);
    if (result.team) add(`team win rate (${periodLabel(settings.period)}, ${settings.scope})`, result.team.current);
    const reps = result.reps.map((rep) => `${rep.name}: ${fmt(rep.countRate, 'percent')} of ${rep.closed}`).join('; ');
    if (result.reps.length > 0) {
        lines.push({
            page,
            viewer,
            component: 'c-kpi-win-loss',
            label: `reps (${result.reps.length})`,
            value: reps,
            flag: '',
        });
    }
    return lines;
}

/** The account the preview's Account tab opens for its owner (preview/server/index.ts tabRecordId). */
function accountFor(run: Run, ownerId: string): string | undefined {
    const owned = new Set(run.sample.records.Account.filter((a) => a.OwnerId === ownerId).map((a) => a.Id));
    const today = run.sample.org.today;
    const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
    const counts = new Map<string, number>();
    for (const deal of run.sample.records.Opportunity) {
        const account = String(deal.AccountId);
        const close = String(deal.CloseDate);
        const recent = deal.IsClosed === true && close > yearAgo && close <= today;
        if (owned.has(account) && deal.OwnerId === ownerId)
            counts.set(account, (counts.get(account) ?? 0) + (recent ? 1000 : 1));
    }
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? [...owned][0];
}

function pageLines(run: Run, page: PageDefinition, viewer: string): CensusLine[] {
    const lines: CensusLine[] = [];
    const accountId = page.objectApiName === 'Account' ? accountFor(run, viewer) : undefined;
    for (const region of page.regions) {
        for (const instance of region.components) {
            const props = (instance.properties ?? {}) as Record<string, unknown>;
            if (instance.component === 'c-kpi-board' || instance.component === 'c-kpi-metric') {
                lines.push(...tiles(run, page.id, viewer, instance.component, props as KpiProperties));
            } else if (instance.component === 'c-kpi-leaderboard') {
                lines.push(...leaderboard(run, page.id, viewer, props as BoardProperties));
            } else if (instance.component === 'c-kpi-win-loss') {
                lines.push(...winLoss(run, page.id, viewer, props, accountId));
            } else if (instance.component === 'preview-chart-demo') {
                lines.push({
                    page: page.id,
                    viewer,
                    component: 'preview-chart-demo',
                    label: String(props.cardTitle),
                    value: '(a preview demo chart, not a KPI tile: not counted)',
                    flag: '',
                });
            }
        }
    }
    return lines;
}

export function runCensus(options: { size: number; now: Date; seed: number }): Census & { run: Run } {
    const sample = generateSampleOrg({ seed: options.seed, size: options.size, now: options.now });
    const run: Run = { sample, engine: createEngine(sample), now: options.now, byId: indexById(sample) };
    const lines: CensusLine[] = [];
    const rates: Census['rates'] = [];
    const personas = sample.org.personas;
    const pages = loadPages();
    const audiences: [PageDefinition, string][] = [...pages]
        .sort((a, b) => a.order - b.order)
        .map((page) => [page, personaFor(page.defaultUser as UserKind, personas)]);
    const salesTeam = pages.find((page) => page.id === 'sales-team');
    if (salesTeam) audiences.push([salesTeam, personas.salesVp]);
    for (const [page, viewer] of audiences) {
        const found = pageLines(run, page, viewer);
        lines.push(...found);
        const rateLines = found.filter((line) => line.rate);
        const kind = sample.byId.get(viewer)?.Title;
        if (
            rateLines.length > 0 &&
            (viewer === personas.salesManager || viewer === personas.salesVp || kind !== 'Account Executive')
        ) {
            rates.push({
                viewer: `${page.id} as ${nameOf(run, viewer)}`,
                above: rateLines.filter((line) => line.rate!.sampleSize > line.rate!.minSample).length,
                total: rateLines.length,
            });
        }
    }
    return { lines, rates, run };
}

/** What the company looks like: people, and what each does in the last complete fiscal quarter and the last 4 weeks. */
export function companyProfile(sample: SampleOrg): string[] {
    const { records, org } = sample;
    const users = records.User;
    const roleName = new Map(records.UserRole.map((role) => [role.Id, String(role.Name)]));
    const count = (pattern: RegExp) =>
        users.filter((u) => pattern.test(roleName.get(String(u.UserRoleId)) ?? '')).length;
    const reps = users.filter((u) => /^Sales Rep/.test(roleName.get(String(u.UserRoleId)) ?? ''));
    const agents = users.filter((u) => roleName.get(String(u.UserRoleId)) === 'Support Agent');
    const today = org.today;
    const day = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000;
    const todayN = day(today);
    // The last complete calendar quarter (the sample's fiscal year starts in January by default).
    const month = Number(today.slice(5, 7)) - 1;
    const year = Number(today.slice(0, 4));
    const qStartMonth = Math.floor(month / 3) * 3 - 3;
    const qStart = new Date(Date.UTC(year, qStartMonth, 1)).toISOString().slice(0, 10);
    const qEnd = new Date(Date.UTC(year, qStartMonth + 3, 1)).toISOString().slice(0, 10);
    const tenured = reps.filter((rep) => rep.IsActive === true && String(rep.CreatedDate).slice(0, 10) < qStart);
    const wins = tenured.map(
        (rep) =>
            records.Opportunity.filter(
                (o) =>
                    o.OwnerId === rep.Id &&
                    o.IsWon === true &&
                    String(o.CloseDate) >= qStart &&
                    String(o.CloseDate) < qEnd,
            ).length,
    );
    const opened = tenured.map(
        (rep) =>
            records.Opportunity.filter(
                (o) =>
                    o.OwnerId === rep.Id &&
                    String(o.CreatedDate).slice(0, 10) >= qStart &&
                    String(o.CreatedDate).slice(0, 10) < qEnd,
            ).length,
    );
    const recentTasks = records.Task.filter(
        (t) => todayN - day(String(t.ActivityDate)) < 28 && day(String(t.ActivityDate)) <= todayN,
    );
    const working = reps.filter((rep) => rep.IsActive === true && todayN - day(String(rep.CreatedDate)) > 60);
    const perRep = (subtype: string, callType?: string) =>
        working.map(
            (rep) =>
                recentTasks.filter(
                    (t) =>
                        t.OwnerId === rep.Id &&
                        t.TaskSubtype === subtype &&
                        (callType === undefined || t.CallType === callType),
                ).length / 4,
        );
    const leads = working.map(
        (rep) =>
            records.Lead.filter((l) => l.OwnerId === rep.Id && todayN - day(String(l.CreatedDate)) < 28).length / 4,
    );
    const activeAgents = agents.filter((a) => a.IsActive === true);
    const cases = activeAgents.map(
        (agent) =>
            records.Case.filter((c) => c.OwnerId === agent.Id && todayN - day(String(c.CreatedDate)) < 28).length / 4,
    );
    const range = (values: number[]) =>
        values.length === 0
            ? 'none'
            : `${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)} (mean ${(values.reduce((a, b) => a + b, 0) / values.length).toFixed(1)})`;
    const total = Object.values(records).reduce((sum, list) => sum + list.length, 0);
    return [
        `${total} records, ${users.length} users: ${count(/^VP Sales$/)} VP Sales, ${count(/^Sales Manager/)} sales managers, ` +
            `${reps.length} reps (${reps.filter((r) => r.IsActive === true).length} active), ${count(/^VP Customer Support$/)} VP support, ` +
            `${count(/^Support Manager$/)} support managers, ${agents.length} agents (${activeAgents.length} active), ${count(/^Marketing Manager$/)} marketing`,
        `quarter ${qStart} – ${qEnd} (last complete), ${tenured.length} reps employed all of it: wins per rep ${range(wins)}, opened per rep ${range(opened)}`,
        `last 4 weeks, per active rep past their first 60 days (${working.length}), per week: emails ${range(perRep('Email'))}, ` +
            `calls ${range(perRep('Call'))}, outbound calls ${range(perRep('Call', 'Outbound'))}, new leads ${range(leads)}`,
        `last 4 weeks, cases per active agent (${activeAgents.length}) per week: ${range(cases)}`,
        `campaigns: ${records.Campaign.length} (${records.Campaign.filter((c) => reps.some((r) => r.Id === c.OwnerId)).length} run by reps for their team)`,
    ];
}

function main(): void {
    const sizeName = arg('size') ?? '20k';
    const size = sizeName in DATASET_SIZES ? DATASET_SIZES[sizeName as keyof typeof DATASET_SIZES] : Number(sizeName);
    const now = arg('now') ? new Date(arg('now')!) : new Date();
    const seed = Number(arg('seed') ?? 42);
    const { lines, rates, run } = runCensus({ size, now, seed });
    const users = run.sample.records.User.length;
    console.log(
        `Census: sample org seed ${seed}, size ${size} (${users} users), now ${now.toISOString()}, ${ORG_TIME_ZONE}`,
    );
    for (const line of companyProfile(run.sample)) console.log(line);
    let last = '';
    for (const line of lines) {
        const head = `${line.page} as ${nameOf(run, line.viewer)}`;
        if (head !== last) console.log(`\n## ${head}`);
        last = head;
        console.log(
            `${line.flag ? '✖' : ' '} ${line.component} · ${line.label}: ${line.value}${line.flag ? `   ← ${line.flag}` : ''}`,
        );
    }
    const flagged = lines.filter((line) => line.flag);
    console.log(
        `\n${flagged.length} of ${lines.length} lines flagged (0, "No records", a ranking of zeros or an error).`,
    );
    for (const rate of rates) {
        const share = rate.total ? rate.above / rate.total : 0;
        console.log(
            `${rate.viewer}: ${rate.above} of ${rate.total} rate tiles rest on more than their minimum sample ` +
                `(${(share * 100).toFixed(0)}%, target ≥ 75%: ${share >= 0.75 ? 'met' : 'NOT met'})`,
        );
    }
}

if (require.main === module) main();
