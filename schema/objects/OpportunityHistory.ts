// Written from the OpportunityHistory object reference:
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_opportunityhistory.htm
// A history row is never edited, so the object has no LastModifiedDate/LastModifiedById.
import type { ObjectDescription } from '../types';
import { auditFields, idField } from '../systemFields';
import { opportunityStages } from './Opportunity';

export const OpportunityHistory: ObjectDescription = {
    apiName: 'OpportunityHistory',
    label: 'Opportunity History',
    pluralLabel: 'Opportunity History',
    docUrl: 'https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_opportunityhistory.htm',
    fields: [
        idField('Opportunity History ID'),
        {
            name: 'OpportunityId',
            type: 'Reference',
            label: 'Opportunity ID',
            referenceTo: ['Opportunity'],
            relationshipName: 'Opportunity',
            childRelationshipName: 'OpportunityHistories',
        },
        { name: 'StageName', type: 'Picklist', label: 'Stage', picklistValues: opportunityStages },
        { name: 'Amount', type: 'Currency', label: 'Amount' },
        { name: 'CloseDate', type: 'Date', label: 'Close Date' },
        { name: 'Probability', type: 'Percent', label: 'Probability (%)' },
        {
            name: 'ForecastCategory',
            type: 'Picklist',
            label: 'Forecast Category',
            picklistValues: ['Omitted', 'Pipeline', 'BestCase', 'Forecast', 'Closed'],
        },
        { name: 'ExpectedRevenue', type: 'Currency', label: 'Expected Revenue' },
        ...auditFields({ lastModified: false }),
    ],
};
