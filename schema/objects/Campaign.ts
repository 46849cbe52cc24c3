// Written from the Campaign object reference:
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_campaign.htm
// The roll-up counts are int except NumberSent (double); the amounts are currency (filter and sort, no group).
import { picklist } from '../fields';
import { nameField, ownerField, standardObject } from '../systemFields';

export const Campaign = standardObject(
    { apiName: 'Campaign', label: 'Campaign', pluralLabel: 'Campaigns', idLabel: 'Campaign ID' },
    [
        nameField(),
        picklist('Type', 'Type', [
            'Conference',
            'Webinar',
            'Trade Show',
            'Public Relations',
            'Partners',
            'Referral Program',
            'Advertisement',
            'Banner Ads',
            'Direct Mail',
            'Email',
            'Telemarketing',
            'Other',
        ]),
        picklist('Status', 'Status', ['Planned', 'In Progress', 'Completed', 'Aborted']),
        { name: 'StartDate', type: 'Date', label: 'Start Date' },
        { name: 'EndDate', type: 'Date', label: 'End Date' },
        { name: 'IsActive', type: 'Boolean', label: 'Active' },
        ownerField(),
        { name: 'BudgetedCost', type: 'Currency', label: 'Budgeted Cost in Campaign' },
        { name: 'ActualCost', type: 'Currency', label: 'Actual Cost in Campaign' },
        { name: 'NumberSent', type: 'Double', label: 'Num Sent in Campaign' },
        { name: 'NumberOfLeads', type: 'Int', label: 'Leads in Campaign' },
        { name: 'NumberOfConvertedLeads', type: 'Int', label: 'Converted Leads in Campaign' },
        { name: 'NumberOfContacts', type: 'Int', label: 'Contacts in Campaign' },
        { name: 'NumberOfResponses', type: 'Int', label: 'Responses in Campaign' },
        { name: 'NumberOfOpportunities', type: 'Int', label: 'Opportunities in Campaign' },
        { name: 'NumberOfWonOpportunities', type: 'Int', label: 'Won Opportunities in Campaign' },
        { name: 'AmountAllOpportunities', type: 'Currency', label: 'Value Opportunities in Campaign' },
        { name: 'AmountWonOpportunities', type: 'Currency', label: 'Value Won Opportunities in Campaign' },
    ],
);
