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
                    component: 'preview-chart-demo',
                    properties: { cardTitle: 'Team pipeline by stage', groupBy: 'StageName', measure: 'Amount' },
                },
            ],
        },
        {
            name: 'right',
            components: [
                {
                    component: 'preview-chart-demo',
                    properties: {
                        cardTitle: 'Opportunities by forecast category',
                        chartType: 'line',
                        groupBy: 'ForecastCategoryName',
                        measure: 'Count',
                        lastMonths: 24,
                    },
                },
            ],
        },
    ],
};

export default salesTeam;
