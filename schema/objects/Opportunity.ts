// Written from the Opportunity object reference:
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_opportunity.htm
// Loss_Reason__c is the sample org's custom field (its metadata lives in sample-app/).
import { lookup, picklist } from '../fields';
import { leadSourceValues, nameField, ownerField, standardObject } from '../systemFields';

/** Standard stages of a new org's sales process, in pipeline order. */
export const opportunityStages = [
    'Prospecting',
    'Qualification',
    'Needs Analysis',
    'Value Proposition',
    'Id. Decision Makers',
    'Perception Analysis',
    'Proposal/Price Quote',
    'Negotiation/Review',
    'Closed Won',
    'Closed Lost',
];

export const Opportunity = standardObject(
    { apiName: 'Opportunity', label: 'Opportunity', pluralLabel: 'Opportunities', idLabel: 'Opportunity ID' },
    [
        nameField(),
        lookup('Account', 'Account ID', { child: 'Opportunities' }),
        ownerField(),
        { name: 'Amount', type: 'Currency', label: 'Amount' },
        { name: 'CloseDate', type: 'Date', label: 'Close Date' },
        picklist('StageName', 'Stage', opportunityStages),
        { name: 'IsClosed', type: 'Boolean', label: 'Closed' },
        { name: 'IsWon', type: 'Boolean', label: 'Won' },
        { name: 'Probability', type: 'Percent', label: 'Probability (%)' },
        picklist('Type', 'Opportunity Type', [
            'Existing Customer - Upgrade',
            'Existing Customer - Replacement',
            'Existing Customer - Downgrade',
            'New Customer',
        ]),
        picklist('LeadSource', 'Lead Source', leadSourceValues),
        picklist('ForecastCategoryName', 'Forecast Category', ['Omitted', 'Pipeline', 'Best Case', 'Commit', 'Closed']),
        lookup('Campaign', 'Campaign ID', { child: 'Opportunities' }),
        { name: 'FiscalQuarter', type: 'Int', label: 'Fiscal Quarter' },
        { name: 'FiscalYear', type: 'Int', label: 'Fiscal Year' },
        { name: 'ExpectedRevenue', type: 'Currency', label: 'Expected Amount' },
        {
            ...picklist('Loss_Reason__c', 'Loss Reason', [
                'Price',
                'Competitor',
                'No Budget',
                'No Decision',
                'Timing',
                'Product Fit',
                'Other',
            ]),
            custom: true,
        },
    ],
);
