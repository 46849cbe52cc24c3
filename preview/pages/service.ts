import type { PageDefinition } from './types';

/** A service manager's app page: the support team's cases. */
const service: PageDefinition = {
    id: 'service',
    label: 'Service',
    type: 'app',
    apiName: 'KPI_Service',
    description: "A service manager's app page: cases of the support team.",
    defaultUser: 'serviceManager',
    order: 3,
    template: 'headerAndTwoRegions',
    regions: [
        {
            name: 'left',
            components: [
                {
                    component: 'preview-chart-demo',
                    properties: {
                        cardTitle: 'Cases by channel',
                        sourceObject: 'Case',
                        groupBy: 'Origin',
                        measure: 'Count',
                        lastMonths: 3,
                    },
                },
            ],
        },
        {
            name: 'right',
            components: [
                {
                    component: 'preview-chart-demo',
                    properties: {
                        cardTitle: 'Cases by priority',
                        sourceObject: 'Case',
                        chartType: 'doughnut',
                        groupBy: 'Priority',
                        measure: 'Count',
                        lastMonths: 3,
                    },
                },
            ],
        },
    ],
};

export default service;
