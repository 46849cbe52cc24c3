/**
 * Every document shape kpiLeaderboardQuery can produce, for the offline validator (scripts/graphql/dynamic-documents.ts).
 * A board's text depends on the ranked KPI and the secondary ones (which subqueries, merged or not), how the period
 * reaches the server (literal to date, whole literal, rolling range, explicit dates for a past year), the comparison,
 * who is ranked (owners by semi-join or by a grouped subquery, role, profile, team), which filters are set, the target
 * field, the filter values, and what a retry leaves out; dates, names, Ids and filter values are variables. Subqueries
 * render independently, so each dimension is varied on its own around a base board, for every KPI, instead of
 * crossing them all; page documents repeat a board's subqueries with `after`.
 */
// kpiLeaderboardQuery reads answers through kpiResults, which imports custom labels.
import '../../preview/oracle/nodeLabels';
import path from 'node:path';
import {
    BOARD_KPIS,
    boardPageQuery,
    boardQuery,
    planBoard,
    planBoardPage,
    readBoardConfig,
} from '../../force-app/main/default/lwc/kpiLeaderboardQuery/kpiLeaderboardQuery';
import type {
    BoardChoices,
    BoardContext,
    BoardOmissions,
    BoardProperties,
} from '../../force-app/main/default/lwc/kpiLeaderboardQuery/kpiLeaderboardQuery';
import { lwcDir } from '../lib/paths';
import type { DynamicDocument } from './dynamic-documents';

export const leaderboardModule = path.join(lwcDir, 'kpiLeaderboardQuery', 'kpiLeaderboardQuery.ts');

const context: BoardContext = {
    userId: '005000000000001AAA',
    now: new Date('2024-05-20T16:00:00Z'),
    timeZone: 'America/New_York',
    firstDayOfWeek: 1,
};

/** One change from the base board each: the dimensions a document's text depends on. */
const VARIANTS: { name: string; properties?: BoardProperties; choices?: BoardChoices; without?: BoardOmissions }[] = [
    { name: 'base' },
    { name: 'whole literal', properties: { period: 'lastQuarter' } },
    { name: 'rolling', properties: { period: 'rollingDays:30' } },
    { name: 'past year', choices: { yearsBack: 1 } },
    { name: 'no comparison', properties: { comparison: 'none' } },
    { name: 'same period last year', properties: { comparison: 'samePeriodLastYear' } },
    { name: 'role', properties: { rankedUsers: 'role', roleName: 'SalesRep' } },
    { name: 'profile', properties: { rankedUsers: 'profile', profileName: 'Standard User' } },
    { name: 'my team', properties: { rankedUsers: 'team' } },
    { name: "a manager's team", properties: { rankedUsers: 'team', managerId: '005000000000002AAA' } },
    { name: 'filters', properties: { opportunityType: 'New Customer', leadSource: 'Web' } },
    { name: 'target field', properties: { targetSource: 'userField' } },
    { name: 'compact', properties: { variant: 'compact' } },
    { name: 'no filter bar', properties: { showFilters: false } },
    { name: 'retry without comparison and filter values', without: { comparison: true, options: true } },
    { name: 'retry without target field', properties: { targetSource: 'userField' }, without: { targetField: true } },
    // Boards as pages hold them: a manager's app page and a rep's Home page.
    { name: "manager's page", properties: { rankedUsers: 'team', targetSource: 'userField' } },
    {
        name: "rep's home",
        properties: { variant: 'compact', rankedUsers: 'role', roleName: 'SalesRep', targetSource: 'userField' },
    },
];

const SECONDARY_SETS = [
    'winRate,newLogos,emailsSent',
    'closedWonRevenue,opportunitiesWon,averageDealSize',
    'leadConversionRate,outboundCalls',
    BOARD_KPIS.map((kpi) => kpi.id).join(','),
];

function documentsOf(label: string, properties: BoardProperties, choices: BoardChoices = {}, without?: BoardOmissions) {
    const { config, problems } = readBoardConfig(properties, choices);
    if (!config) {
        const codes = problems.map((p) => `${p.property}: ${p.code}`).join(', ');
        throw new Error(`leaderboard-documents: ${label} was refused (${codes})`);
    }
    const plan = planBoard(config, { ...context, without });
    const cursors = Object.fromEntries(plan.subqueries.filter((s) => s.paged).map((s) => [s.alias, 'cursor']));
    return [
        { label, source: boardQuery(plan) },
        { label: `${label}/page`, source: boardPageQuery(planBoardPage(plan, cursors)) },
    ];
}

/** Every distinct document text, each labelled with the first board that produced it. */
export function leaderboardDocuments(): DynamicDocument[] {
    const found = new Map<string, DynamicDocument>();
    const add = (documents: DynamicDocument[]) => {
        for (const document of documents) if (!found.has(document.source)) found.set(document.source, document);
    };
    for (const kpi of BOARD_KPIS) {
        for (const variant of VARIANTS) {
            const properties = { kpi: kpi.id, yearsShown: 3, ...variant.properties };
            add(documentsOf(`${kpi.id}/${variant.name}`, properties, variant.choices, variant.without));
        }
        for (const secondaryKpis of SECONDARY_SETS) {
            add(documentsOf(`${kpi.id} with ${secondaryKpis}`, { kpi: kpi.id, secondaryKpis }));
        }
    }
    return [...found.values()];
}
