// Written from the Opportunity object reference:
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_opportunity.htm
// Loss_Reason__c is the sample org's custom field (its metadata lives in sample-app/).
import type { ObjectDescription } from '../types';
import { auditFields, idField, leadSourceValues } from '../systemFields';

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

export const Opportunity: ObjectDescription = {
    apiName: 'Opportunity',
    label: 'Opportunity',
    pluralLabel: 'Opportunities',
    docUrl: 'https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_opportunity.htm',
    fields: [
        idField('Opportunity ID'),
        { name: 'Name', type: 'String', label: 'Name' },
        {
            name: 'AccountId',
            type: 'Reference',
            label: 'Account ID',
            referenceTo: ['Account'],
            relationshipName: 'Account',
            childRelationshipName: 'Opportunities',
        },
        {
            name: 'OwnerId',
            type: 'Reference',
            label: 'Owner ID',
            referenceTo: ['User'],
            relationshipName: 'Owner',
        },
        { name: 'Amount', type: 'Currency', label: 'Amount' },
        { name: 'CloseDate', type: 'Date', label: 'Close Date' },
        { name: 'StageName', type: 'Picklist', label: 'Stage', picklistValues: opportunityStages },
        { name: 'IsClosed', type: 'Boolean', label: 'Closed' },
        { name: 'IsWon', type: 'Boolean', label: 'Won' },
        { name: 'Probability', type: 'Percent', label: 'Probability (%)' },
        {
            name: 'Type',
            type: 'Picklist',
            label: 'Opportunity Type',
            picklistValues: [
                'Existing Customer - Upgrade',
                'Existing Customer - Replacement',
                'Existing Customer - Downgrade',
                'New Customer',
            ],
        },
        { name: 'LeadSource', type: 'Picklist', label: 'Lead Source', picklistValues: leadSourceValues },
        {
            name: 'ForecastCategoryName',
            type: 'Picklist',
            label: 'Forecast Category',
            picklistValues: ['Omitted', 'Pipeline', 'Best Case', 'Commit', 'Closed'],
        },
        {
            name: 'CampaignId',
            type: 'Reference',
            label: 'Campaign ID',
            referenceTo: ['Campaign'],
            relationshipName: 'Campaign',
            childRelationshipName: 'Opportunities',
        },
        { name: 'FiscalQuarter', type: 'Int', label: 'Fiscal Quarter' },
        { name: 'FiscalYear', type: 'Int', label: 'Fiscal Year' },
        { name: 'ExpectedRevenue', type: 'Currency', label: 'Expected Amount' },
        {
            name: 'Loss_Reason__c',
            type: 'Picklist',
            label: 'Loss Reason',
            picklistValues: ['Price', 'Competitor', 'No Budget', 'No Decision', 'Timing', 'Product Fit', 'Other'],
            custom: true,
        },
        ...auditFields(),
    ],
};
