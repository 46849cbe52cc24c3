import type { PageDefinition } from './types';

/** The Account record page: this account's opportunities, as the account owner sees them. */
const accountRecord: PageDefinition = {
    id: 'account',
    label: 'Account',
    type: 'record',
    objectApiName: 'Account',
    description: "An Account record page as the account's owner sees it.",
    defaultUser: 'rep',
    order: 4,
    template: 'headerAndRightSidebar',
    regions: [
        {
            name: 'main',
            components: [
                {
                    component: 'c-kpi-win-loss',
                    properties: {
                        period: 'rollingDays:365',
                        grouping: 'quarter',
                        measure: 'amount',
                        scope: 'all',
                        lossReasonField: 'Loss_Reason__c',
                        minSample: 5,
                    },
                },
                {
                    component: 'preview-chart-demo',
                    properties: { cardTitle: 'Opportunities of this account', measure: 'Amount', lastMonths: 36 },
                },
            ],
        },
        {
            name: 'sidebar',
            components: [
                {
                    component: 'preview-chart-demo',
                    properties: {
                        cardTitle: 'Opportunities by type',
                        chartType: 'doughnut',
                        groupBy: 'Type',
                        measure: 'Count',
                        lastMonths: 36,
                    },
                },
            ],
        },
    ],
};

export default accountRecord;
