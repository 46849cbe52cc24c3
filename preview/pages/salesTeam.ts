import type { PageDefinition } from './types';

/** A sales manager's app page: the team's numbers, as the manager sees them. */
const salesTeam: PageDefinition = {
    id: 'sales-team',
    label: 'Sales Team',
    type: 'app',
    apiName: 'KPI_Sales_Team',
    description: "A sales manager's app page: the manager sees their team's records.",
    defaultUser: 'salesManager',
    order: 2,
    template: 'headerAndTwoRegions',
    regions: [
        {
            name: 'left',
            components: [
                {
                    component: 'c-kpi-board',
                    properties: {
                        preset: 'custom',
                        kpis: 'opportunitiesOpened, pipelineCreated, opportunitiesWon, opportunitiesLost, closedWonRevenue, lostAmount, averageDealSize, averageContractValue, winRate, winRateByAmount, pipelineValue, pipelineCoverage',
                        scope: 'team',
                        // Revenue target: the team's quotas, each once (no revenue target typed), for both closed-won
                        // revenue and coverage.
                        targets: 'winRate=30, pipelineCoverage=3',
                        cardTitle: 'Team sales',
                    },
                },
                {
                    component: 'c-kpi-win-loss',
                    properties: {
                        period: 'thisFiscalQuarter',
                        grouping: 'fiscalQuarter',
                        measure: 'count',
                        scope: 'team',
                        lossReasonField: 'Loss_Reason__c',
                        minSample: 10,
                    },
                },
            ],
        },
        {
            name: 'right',
            components: [
                {
                    component: 'c-kpi-leaderboard',
                    properties: {
                        kpi: 'closedWonRevenue',
                        secondaryKpis: 'winRate,newLogos,opportunitiesOpened',
                        period: 'thisFiscalQuarter',
                        comparison: 'previousPeriod',
                        rankedUsers: 'team',
                        managerId: 'me',
                        targetSource: 'userField',
                        targetField: 'Sales_Quota__c',
                        yearsShown: 3,
                        rowLimit: 10,
                        variant: 'full',
                    },
                },
                {
                    component: 'c-kpi-board',
                    properties: {
                        preset: 'custom',
                        kpis: 'leadsCreated, leadsFromCampaigns, leadConversionRate, averageDaysLeadToOpportunity, averageSalesCycle',
                        scope: 'team',
                        cardTitle: 'Team funnel',
                    },
                },
                {
                    component: 'c-kpi-board',
                    properties: {
                        preset: 'custom',
                        kpis: 'emailsSent, outboundCalls, campaignOpens, campaignOpenRate, campaignResponses, campaignResponseRate',
                        scope: 'team',
                        period: 'thisMonth',
                        cardTitle: 'Team activity and campaigns',
                    },
                },
                {
                    component: 'c-kpi-metric',
                    properties: { kpi: 'winRate', scope: 'team', comparison: 'samePeriodLastYear', target: '30' },
                },
            ],
        },
    ],
};

export default salesTeam;
