import type { PageDefinition } from './types';

/** A sales rep's Lightning Home page: their own numbers first. */
const home: PageDefinition = {
    id: 'home',
    label: 'Home',
    type: 'home',
    description: "A sales rep's Home page: everything runs as the rep, so they see what they own.",
    defaultUser: 'rep',
    order: 1,
    template: 'headerAndRightSidebar',
    regions: [
        {
            name: 'main',
            components: [
                {
                    component: 'c-kpi-board',
                    properties: {
                        preset: 'sales',
                        scope: 'mine',
                        // Closed-won revenue's target is the rep's quota (Sales_Quota__c), as in the leaderboard and coverage.
                        targets: 'opportunitiesWon=4, winRate=30',
                    },
                },
                {
                    component: 'preview-chart-demo',
                    properties: { cardTitle: 'My pipeline by stage', groupBy: 'StageName', measure: 'Amount' },
                },
            ],
        },
        {
            name: 'sidebar',
            components: [
                {
                    component: 'c-kpi-leaderboard',
                    properties: {
                        kpi: 'closedWonRevenue',
                        period: 'thisFiscalQuarter',
                        rankedUsers: 'profile',
                        profileName: 'Custom: Sales Profile',
                        targetSource: 'userField',
                        rankBy: 'percentOfTarget',
                        variant: 'compact',
                        rowLimit: 5,
                    },
                },
                {
                    component: 'c-kpi-board',
                    properties: { preset: 'activity', period: 'thisWeek', scope: 'mine', cardTitle: 'My week' },
                },
                {
                    component: 'c-kpi-metric',
                    properties: { kpi: 'averageSalesCycle', period: 'thisFiscalYear', scope: 'mine', target: '60' },
                },
                {
                    component: 'preview-chart-demo',
                    properties: {
                        cardTitle: 'My opportunities by lead source',
                        chartType: 'doughnut',
                        groupBy: 'LeadSource',
                        measure: 'Count',
                    },
                },
            ],
        },
    ],
};

export default home;
