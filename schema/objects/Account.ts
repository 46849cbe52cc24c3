// Written from the Account object reference:
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_account.htm
import type { ObjectDescription } from '../types';
import { auditFields, idField, industryValues } from '../systemFields';

export const Account: ObjectDescription = {
    apiName: 'Account',
    label: 'Account',
    pluralLabel: 'Accounts',
    docUrl: 'https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_account.htm',
    fields: [
        idField('Account ID'),
        { name: 'Name', type: 'String', label: 'Account Name' },
        {
            name: 'Type',
            type: 'Picklist',
            label: 'Account Type',
            picklistValues: [
                'Prospect',
                'Customer - Direct',
                'Customer - Channel',
                'Channel Partner / Reseller',
                'Installation Partner',
                'Technology Partner',
                'Other',
            ],
        },
        { name: 'Industry', type: 'Picklist', label: 'Industry', picklistValues: industryValues },
        { name: 'AnnualRevenue', type: 'Currency', label: 'Annual Revenue' },
        { name: 'NumberOfEmployees', type: 'Int', label: 'Employees' },
        {
            name: 'OwnerId',
            type: 'Reference',
            label: 'Owner ID',
            referenceTo: ['User'],
            relationshipName: 'Owner',
        },
        { name: 'BillingCountry', type: 'String', label: 'Billing Country' },
        ...auditFields(),
    ],
};
