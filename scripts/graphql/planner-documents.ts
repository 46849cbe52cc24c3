/**
 * Every document shape kpiPlanner can produce, for the offline validator (scripts/graphql/dynamic-documents.ts).
 * A document's text depends on the KPI, the kind of period (server literal, literal to date, rolling range), whether
 * there is a comparison (explicit date variables), the scope (owner paths), the sparkline's grain (CALENDAR_QUARTER or
 * CALENDAR_MONTH in 12-month chunks, CALENDAR_YEAR with or without a CALENDAR_MONTH segment filter, DAY_IN_YEAR
 * chunks, DAY_ONLY) and, for DateTime fields away from UTC, its edge slivers (left out with `not`, read alone by
 * DAY_ONLY; one edge or several), the breakdown and which KPIs share a document; dates and the user Id are variables.
 * The enumeration crosses all of those for every catalog KPI, plus boards that merge and split, plus the records query
 * behind each KPI's number (kpiRecordsQuery) per period and scope.
 */
import path from 'node:path';
import { KPI_CATALOG, KPI_IDS } from '../../force-app/main/default/lwc/kpiCatalog/kpiCatalog';
import {
    kpiQuery,
    kpiRecordsQuery,
    planDrillDown,
    planKpis,
} from '../../force-app/main/default/lwc/kpiPlanner/kpiPlanner';
import type { KpiRequest, PlanContext } from '../../force-app/main/default/lwc/kpiPlanner/kpiPlanner';
import { lwcDir } from '../lib/paths';
import type { DynamicDocument } from './dynamic-documents';

export const plannerModule = path.join(lwcDir, 'kpiPlanner', 'kpiPlanner.ts');

const now = new Date('2024-05-20T16:00:00Z');
const user = '005000000000001AAA';
// Fiscal years from February make fiscal sparklines month segments of CALENDAR_YEAR; from January, calendar years.
// New York and Kiritimati put edge slivers west and east of UTC; a viewer on UTC has none.
const contexts: Record<string, PlanContext> = {
    fiscalFeb: {
        userId: user,
        now,
        calendar: { timeZone: 'America/New_York', firstDayOfWeek: 1, fiscalYearStartMonth: 2 },
    },
    fiscalJan: {
        userId: user,
        now,
        calendar: { timeZone: 'Pacific/Kiritimati', firstDayOfWeek: 2, fiscalYearStartMonth: 1 },
    },
    utc: {
        userId: user,
        now,
        calendar: { timeZone: 'UTC', firstDayOfWeek: 1, fiscalYearStartMonth: 2 },
    },
};
const sparklineContexts = new Set(['utc']);

/** Sparkline grains the main enumeration leaves out: one edge, several month chunks, months of fiscal quarters, days. */
const sparklines: [string, number][] = [
    ['thisMonth', 2],
    ['thisMonth', 24],
    ['thisFiscalQuarter', 4],
    ['thisWeek', 8],
    ['lastFiscalYear', 6],
];

// One period per way a window reaches the server: literal to date, whole literal, rolling range, yearly buckets.
const periods = ['thisMonth', 'lastQuarter', 'rollingDays:30', 'thisFiscalYear'];
const scopes = ['mine', 'team', 'all'];
// samePeriodLastYear renders like previousPeriod (explicit date variables); both are listed anyway.
const comparisons = ['none', 'previousPeriod', 'samePeriodLastYear'];

/** Boards as components will ask: presets that merge subqueries, and everything at once (several documents). */
const boards: Record<string, KpiRequest[]> = {
    sales: [
        'opportunitiesWon',
        'closedWonRevenue',
        'averageDealSize',
        'winRate',
        'pipelineValue',
        'pipelineCoverage',
    ].map((kpi) => ({ kpi, period: 'thisFiscalQuarter', comparison: 'previousPeriod', scope: 'mine', sparkline: 4 })),
    marketing: [
        'leadsCreated',
        'leadsFromCampaigns',
        'campaignOpenRate',
        'campaignResponseRate',
        'leadConversionRate',
    ].map((kpi) => ({ kpi, period: 'thisMonth', comparison: 'samePeriodLastYear', scope: 'all', sparkline: 6 })),
    activity: ['emailsSent', 'outboundCalls', 'opportunitiesOpened'].map((kpi) => ({
        kpi,
        period: 'thisWeek',
        comparison: 'previousPeriod',
        scope: 'team',
        sparkline: 8,
    })),
    everything: KPI_IDS.map((kpi) => ({
        kpi,
        period: 'thisQuarter',
        comparison: 'previousPeriod',
        scope: 'team',
        sparkline: 4,
    })),
};

function documentsOf(label: string, requests: KpiRequest[], context: PlanContext): DynamicDocument[] {
    const plan = planKpis(requests, context);
    if (plan.rejected.length > 0) {
        const problems = plan.rejected.map((r) => `${r.key}: ${r.problems.map((p) => p.code).join(', ')}`);
        throw new Error(`planner-documents: ${label} was rejected (${problems.join('; ')})`);
    }
    return plan.documents.map((_, index) => ({
        label: plan.documents.length > 1 ? `${label}#${index + 1}` : label,
        source: kpiQuery(plan, index),
    }));
}

/** Every distinct document text, each labelled with the first request that produced it. */
export function plannerDocuments(): DynamicDocument[] {
    const found = new Map<string, DynamicDocument>();
    const add = (documents: DynamicDocument[]) => {
        for (const document of documents) if (!found.has(document.source)) found.set(document.source, document);
    };
    for (const [calendar, context] of Object.entries(contexts)) {
        for (const kpi of KPI_CATALOG) {
            for (const [period, sparkline] of sparklines) {
                const request = { kpi: kpi.id, period, scope: 'all', comparison: 'previousPeriod', sparkline };
                add(documentsOf(`${kpi.id}/${period}/sparkline ${sparkline}/${calendar}`, [request], context));
            }
        }
        if (sparklineContexts.has(calendar)) continue;
        for (const kpi of KPI_CATALOG) {
            for (const period of periods) {
                for (const scope of scopes) {
                    for (const comparison of comparisons) {
                        for (const sparkline of [0, 4]) {
                            const label = `${kpi.id}/${period}/${scope}/${comparison}/sparkline ${sparkline}/${calendar}`;
                            add(documentsOf(label, [{ kpi: kpi.id, period, scope, comparison, sparkline }], context));
                        }
                    }
                }
            }
            for (const groupBy of kpi.groupings) {
                for (const comparison of ['none', 'previousPeriod']) {
                    const request = { kpi: kpi.id, period: 'thisQuarter', scope: 'team', comparison, groupBy };
                    add(documentsOf(`${kpi.id}/by ${groupBy}/${comparison}/${calendar}`, [request], context));
                }
            }
        }
        for (const [name, requests] of Object.entries(boards))
            add(documentsOf(`board ${name}/${calendar}`, requests, context));
        for (const kpi of KPI_CATALOG) {
            for (const period of periods) {
                for (const scope of scopes) {
                    const label = `records behind ${kpi.id}/${period}/${scope}/${calendar}`;
                    const { drillDown, problems } = planDrillDown({ kpi: kpi.id, period, scope }, context, [
                        'CreatedDate',
                    ]);
                    if (problems.length > 0) throw new Error(`planner-documents: ${label} was rejected`);
                    add([{ label, source: kpiRecordsQuery(drillDown) }]);
                }
            }
        }
    }
    return [...found.values()];
}
