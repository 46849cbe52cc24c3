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
                    component: 'preview-chart-demo',
                    properties: { cardTitle: 'My pipeline by stage', groupBy: 'StageName', measure: 'Amount' },
                },
            ],
        },
        {
            name: 'sidebar',
            components: [
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
