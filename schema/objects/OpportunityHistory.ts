// Written from the OpportunityHistory object reference:
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_opportunityhistory.htm
// A history row is never edited, so the object has no LastModifiedDate/LastModifiedById.
import { lookup, picklist } from '../fields';
import { standardObject } from '../systemFields';
import { opportunityStages } from './Opportunity';

export const OpportunityHistory = standardObject(
    {
        apiName: 'OpportunityHistory',
        label: 'Opportunity History',
        pluralLabel: 'Opportunity History',
        idLabel: 'Opportunity History ID',
        lastModified: false,
    },
    [
        lookup('Opportunity', 'Opportunity ID', { child: 'OpportunityHistories' }),
        picklist('StageName', 'Stage', opportunityStages),
        { name: 'Amount', type: 'Currency', label: 'Amount' },
        { name: 'CloseDate', type: 'Date', label: 'Close Date' },
        { name: 'Probability', type: 'Percent', label: 'Probability (%)' },
        picklist('ForecastCategory', 'Forecast Category', ['Omitted', 'Pipeline', 'BestCase', 'Forecast', 'Closed']),
        { name: 'ExpectedRevenue', type: 'Currency', label: 'Expected Revenue' },
    ],
);
