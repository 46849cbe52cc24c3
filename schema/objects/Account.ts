// Written from the Account object reference:
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_account.htm
import { picklist } from '../fields';
import { industryValues, nameField, ownerField, standardObject } from '../systemFields';

export const Account = standardObject(
    { apiName: 'Account', label: 'Account', pluralLabel: 'Accounts', idLabel: 'Account ID' },
    [
        nameField('Account Name'),
        picklist('Type', 'Account Type', [
            'Prospect',
            'Customer - Direct',
            'Customer - Channel',
            'Channel Partner / Reseller',
            'Installation Partner',
            'Technology Partner',
            'Other',
        ]),
        picklist('Industry', 'Industry', industryValues),
        { name: 'AnnualRevenue', type: 'Currency', label: 'Annual Revenue' },
        { name: 'NumberOfEmployees', type: 'Int', label: 'Employees' },
        ownerField(),
        { name: 'BillingCountry', type: 'String', label: 'Billing Country' },
    ],
);
