/**
 * Writes the Jest fixtures of kpiMetric, kpiBoard and win-loss: each is a document exactly as the component plans it (query
 * text, variables, operation name) with the response the preview's UI API engine gives for it against the sample
 * org, as a rep or a sales manager, including the engine's own failures (an object the org does not expose, a field
 * hidden by field-level security). The tests check that the component sends this very document, so a fixture cannot
 * drift from the planner unnoticed: rerun this script when a test says the document changed.
 *
 *   npx tsx scripts/generate-tile-fixtures.ts
 */
// kpiWinLossData reads answers through kpiResults, which imports custom labels.
import '../preview/oracle/nodeLabels';
import fs from 'node:fs';
import path from 'node:path';
import prettier from 'prettier';
import { createEngine, defaultAccessModel, type AccessModel } from '../preview/engine';
import { generateSampleOrg } from '../preview/sample-org';
import { PRESETS } from '../force-app/main/default/lwc/kpiConfig/kpiConfig';
import { kpiQuery, planKpis } from '../force-app/main/default/lwc/kpiPlanner/kpiPlanner';
import type { KpiPlan, KpiRequest } from '../force-app/main/default/lwc/kpiPlanner/kpiPlanner';
import { planWinLoss, readSettings } from '../force-app/main/default/lwc/kpiWinLossData/kpiWinLossData';
import {
    buildBoard,
    planBoard,
    readBoardConfig,
    readBoardResponses,
} from '../force-app/main/default/lwc/kpiLeaderboardQuery/kpiLeaderboardQuery';
import { kpiRequest as request } from '../force-app/test/jest/kpiFixtures';
import { lwcDir } from './lib/paths';

/** The clock and user the component tests run with (@lwc/jest-transformer's user Id and time zone). */
export const FIXTURE_NOW = new Date('2024-05-20T16:00:00Z');
const JEST_USER_ID = '005000000000000000';
const TIME_ZONE = 'America/Los_Angeles';
// The platform's convention (1 = Sunday); the component tests mock @salesforce/i18n/firstDayOfWeek to it.
const FIRST_DAY_OF_WEEK = 1;

interface Fixture {
    description: string;
    documents: { operationName: string; query: string; variables: Record<string, string>; response: unknown }[];
}

const sample = generateSampleOrg({ seed: 1, size: 20_000, now: FIXTURE_NOW });
const personas = sample.org.personas;

function engineFor(options: { hideAmount?: boolean; unsupported?: string[] } = {}) {
    const access: AccessModel = options.hideAmount
        ? {
              ...defaultAccessModel,
              hiddenFields: Object.fromEntries(
                  ['Custom: Sales Profile', 'Standard User'].map((profile) => [
                      profile,
                      [...(defaultAccessModel.hiddenFields[profile] ?? []), 'Opportunity.Amount'],
                  ]),
              ),
          }
        : defaultAccessModel;
    return createEngine(sample, { access, unsupportedObjects: options.unsupported ?? [] });
}

function plan(requests: KpiRequest[]): KpiPlan {
    const result = planKpis(requests, {
        userId: JEST_USER_ID,
        now: FIXTURE_NOW,
        calendar: { timeZone: TIME_ZONE, firstDayOfWeek: FIRST_DAY_OF_WEEK, fiscalYearStartMonth: 1 },
    });
    if (result.rejected.length > 0) throw new Error(`rejected: ${JSON.stringify(result.rejected)}`);
    return result;
}

function answer(requests: KpiRequest[], viewer: string, engine = engineFor()): Fixture['documents'] {
    const planned = plan(requests);
    return planned.documents.map((document, index) => {
        const query = kpiQuery(planned, index);
        const variables = { ...document.variables };
        const run = { ...variables, ...(variables.userId ? { userId: viewer } : {}) };
        const { data, errors } = engine.execute(
            { query, variables: run, operationName: document.operationName },
            { userId: viewer, locale: 'en-US', currency: 'USD', timeZone: TIME_ZONE, now: FIXTURE_NOW },
        );
        const response = { ...(data === undefined ? {} : { data }), ...(errors ? { errors } : {}) };
        return { operationName: document.operationName, query, variables, response };
    });
}

/** The board fixtures are the sales and activity presets, as a board places them. */
const { sales: SALES, activity: ACTIVITY } = PRESETS;
const settingsOf: Record<string, KpiRequest['settings']> = {
    pipelineCoverage: { quotaField: 'Sales_Quota__c' },
    closedWonRevenue: { quotaField: 'Sales_Quota__c' },
    opportunitiesOpened: { lossReasonField: 'Loss_Reason__c' },
    opportunitiesWon: {},
};
const boardRequest = (kpi: string, scope: string) =>
    request(kpi, { scope, sparkline: 4, settings: settingsOf[kpi] ?? {} });

/** The sales board's response with one subquery refused by the server: a partial response (data and errors). */
function partial(documents: Fixture['documents'], alias: string): Fixture['documents'] {
    return documents.map((document) => {
        const response = structuredClone(document.response) as {
            data: { uiapi: { aggregate: Record<string, unknown> } };
        };
        delete response.data.uiapi.aggregate[alias];
        const errors = [
            {
                message: 'Request timed out while aggregating. Try again with a narrower filter.',
                locations: [],
                path: ['uiapi', 'aggregate', alias],
                extensions: { ErrorType: 'DataFetchingException' },
            },
        ];
        return { ...document, response: { ...response, errors } };
    });
}

/**
 * The win-loss answer as the component's wire gets it (`data` only), for these properties (the defaults unless
 * given) as `viewer`, on an Account page when `accountId` is given.
 */
function winLossAnswer(viewer: string, properties: Record<string, unknown> = {}, accountId?: string): unknown {
    const { settings } = readSettings(properties);
    const planned = planWinLoss({
        settings,
        now: FIXTURE_NOW,
        calendar: {
            timeZone: TIME_ZONE,
            firstDayOfWeek: FIRST_DAY_OF_WEEK,
            fiscalYearStartMonth: settings.fiscalYearStartMonth,
        },
        userId: JEST_USER_ID,
        accountId,
    });
    const variables = { ...planned.variables, ...(planned.variables.userId ? { userId: viewer } : {}) };
    const { data, errors } = engineFor().execute(
        { query: planned.query, variables, operationName: planned.operationName },
        { userId: viewer, locale: 'en-US', currency: 'USD', timeZone: TIME_ZONE, now: FIXTURE_NOW },
    );
    if (errors?.length) throw new Error(`win-loss fixture: ${JSON.stringify(errors)}`);
    return data;
}

/** The account whose deals `manager`'s reps closed most often in the `days` before the fixture's instant. */
function busiestAccount(manager: string, days: number): string {
    const team = new Set(sample.records.User.filter((user) => user.ManagerId === manager).map((user) => user.Id));
    const since = new Date(FIXTURE_NOW.getTime() - days * 86_400_000).toISOString().slice(0, 10);
    const closed = new Map<string, number>();
    for (const deal of sample.records.Opportunity) {
        if (!deal.IsClosed || !team.has(deal.OwnerId as string) || String(deal.CloseDate) < since) continue;
        closed.set(deal.AccountId as string, (closed.get(deal.AccountId as string) ?? 0) + 1);
    }
    return [...closed].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
}

/** kpiWinLoss's tests of other settings: by calendar quarter, and on an Account page (rolling 90 days, FY from Feb). */
function winLossVariants(manager: string): unknown {
    const account = { period: 'rollingDays:90', grouping: 'fiscalQuarter', fiscalYearStartMonth: 2 };
    const accountId = busiestAccount(manager, 90);
    return {
        note: 'The preview engine (sample seed 1) as the sales manager; written by scripts/generate-tile-fixtures.ts',
        quarter: { properties: { grouping: 'quarter' }, data: winLossAnswer(manager, { grouping: 'quarter' }) },
        account: { properties: account, accountId, data: winLossAnswer(manager, account, accountId) },
    };
}

/** The leaderboard's engine answer (sample seed 1, fiscal year from February) as a sales manager, for its test. */
function engineBoard(viewer: string): unknown {
    const properties = {
        kpi: 'closedWonRevenue',
        secondaryKpis: 'winRate',
        targetSource: 'userField',
        fiscalYearStartMonth: 2,
        period: 'thisFiscalYear',
    };
    const org = generateSampleOrg({ seed: 1, size: 5000, now: FIXTURE_NOW, fiscalYearStartMonth: 2 });
    const context = { userId: JEST_USER_ID, now: FIXTURE_NOW, timeZone: TIME_ZONE, firstDayOfWeek: FIRST_DAY_OF_WEEK };
    const plan = planBoard(readBoardConfig(properties).config!, context);
    const variables = { ...plan.variables, ...(plan.variables.userId ? { userId: viewer } : {}) };
    const managerOf = org.org.personas.salesManager;
    const { data, errors } = createEngine(org).execute(
        { query: plan.query, variables, operationName: plan.operationName },
        { userId: managerOf, locale: 'en-US', currency: 'USD', timeZone: TIME_ZONE, now: FIXTURE_NOW },
    );
    if (errors?.length) throw new Error(`leaderboard fixture: ${JSON.stringify(errors)}`);
    // What the pure path makes of it; the ranking itself is checked against the records by leaderboard-documents.
    const board = buildBoard(plan, readBoardResponses(plan, [{ document: plan, data }]), JEST_USER_ID);
    return {
        note: 'The preview engine (sample org seed 1, size 5000, fiscal year from February, as the sales manager) for this plan; written by scripts/generate-tile-fixtures.ts',
        properties,
        data,
        expected: { rows: board.rows.length, ranks: board.rows.map((row) => String(row.rank ?? '')) },
    };
}

async function main(): Promise<void> {
    const rep = personas.salesRep;
    const manager = personas.salesManager;
    const salesTeam = answer(
        SALES.map((kpi) => boardRequest(kpi, 'team')),
        manager,
    );
    const activity = ACTIVITY.map((kpi) => boardRequest(kpi, 'mine'));
    const noTask = engineFor({ unsupported: ['Task'] });
    const fixtures: Record<string, [string, Fixture]> = {
        metricClosedWonRevenue: [
            'kpiMetric',
            {
                description:
                    'Closed won revenue, this fiscal quarter vs the previous one, mine, 6 trend periods, as a rep',
                documents: answer([request('closedWonRevenue')], rep),
            },
        ],
        metricWinRateTeam: [
            'kpiMetric',
            {
                description: "Win rate of the manager's team, this fiscal quarter vs the same quarter last year",
                documents: answer([request('winRate', { comparison: 'samePeriodLastYear', scope: 'team' })], manager),
            },
        ],
        metricCampaignOpenRateEmpty: [
            'kpiMetric',
            {
                description: 'Campaign open rate of a rep who owns no campaign: no members sent, so no rate',
                documents: answer([request('campaignOpenRate', { period: { kind: 'thisMonth' } })], rep),
            },
        ],
        boardSalesTeam: [
            'kpiBoard',
            {
                description: "The sales preset for a manager's team (scope team), defaults otherwise",
                documents: salesTeam,
            },
        ],
        boardSalesHiddenAmount: [
            'kpiBoard',
            {
                description: 'The sales preset for a rep whose profile cannot see Opportunity.Amount',
                documents: answer(
                    SALES.map((kpi) => boardRequest(kpi, 'mine')),
                    rep,
                    engineFor({ hideAmount: true }),
                ),
            },
        ],
        boardSalesPartial: [
            'kpiBoard',
            {
                description: 'The sales team board with the win-rate subquery refused: data and errors together',
                documents: partial(
                    salesTeam,
                    plan(SALES.map((kpi) => boardRequest(kpi, 'team'))).requests.find((r) => r.kpi === 'winRate')!.reads
                        .current.value[0],
                ),
            },
        ],
        boardMarketingTwoDocuments: [
            'kpiBoard',
            {
                description:
                    'A custom marketing board for everything a marketing manager can see: more subqueries than one ' +
                    'document holds, so two documents',
                documents: answer(
                    ['leadsCreated', 'leadConversionRate', 'campaignOpenRate', 'campaignResponseRate'].map((kpi) =>
                        boardRequest(kpi, 'all'),
                    ),
                    personas.marketingManager,
                ),
            },
        ],
        boardActivityNoTask: [
            'kpiBoard',
            {
                description:
                    'The activity preset in an org without Task: the whole document is refused, then the KPIs that ' +
                    'do not need Task are asked again on their own (second document)',
                documents: [...answer(activity, rep, noTask), ...answer([activity[2]], rep, noTask)],
            },
        ],
    };
    const files: [string, unknown][] = Object.entries(fixtures).map(([name, [bundle, fixture]]) => [
        path.join(lwcDir, bundle, '__tests__', 'data', `${name}.json`),
        fixture,
    ]);
    // The sales manager's team: the wire's data for kpiWinLoss's default settings, read by kpiWinLossData's tests too.
    files.push([path.join(lwcDir, 'kpiWinLossData', '__tests__', 'data', 'winLoss.json'), winLossAnswer(manager)]);
    files.push([
        path.join(lwcDir, 'kpiWinLoss', '__tests__', 'data', 'winLossVariants.json'),
        winLossVariants(manager),
    ]);
    files.push([path.join(lwcDir, 'kpiLeaderboard', '__tests__', 'data', 'engineBoard.json'), engineBoard(manager)]);
    for (const [file, fixture] of files) {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        // Written as Prettier would, so `npm run format:check` passes on regenerated fixtures.
        const options = { ...(await prettier.resolveConfig(file)), filepath: file };
        fs.writeFileSync(file, await prettier.format(JSON.stringify(fixture), options));
        console.log(`wrote ${path.relative(process.cwd(), file)}`);
    }
}

if (require.main === module) {
    main().catch((error: unknown) => {
        console.error(error);
        process.exitCode = 1;
    });
}
