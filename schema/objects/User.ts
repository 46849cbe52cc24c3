// Written from the User object reference:
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_user.htm
// Sales_Quota__c is the sample org's custom field (its metadata lives in sample-app/).
import { lookup, picklist } from '../fields';
import { nameField, standardObject } from '../systemFields';

export const User = standardObject({ apiName: 'User', label: 'User', pluralLabel: 'Users', idLabel: 'User ID' }, [
    nameField('Full Name'),
    { name: 'FirstName', type: 'String', label: 'First Name' },
    { name: 'LastName', type: 'String', label: 'Last Name' },
    { name: 'Username', type: 'String', label: 'Username' },
    { name: 'Email', type: 'Email', label: 'Email' },
    { name: 'IsActive', type: 'Boolean', label: 'Active' },
    lookup('Manager', 'Manager ID', { to: ['User'], child: 'ManagedUsers' }),
    lookup('UserRole', 'Role ID', { child: 'Users' }),
    lookup('Profile', 'Profile ID', { child: 'Users' }),
    { name: 'Title', type: 'String', label: 'Title' },
    { name: 'Department', type: 'String', label: 'Department' },
    picklist('TimeZoneSidKey', 'Time Zone', [
        'America/Los_Angeles',
        'America/New_York',
        'Europe/London',
        'Europe/Paris',
        'Asia/Tokyo',
    ]),
    { name: 'Sales_Quota__c', type: 'Currency', label: 'Sales Quota', custom: true },
]);
