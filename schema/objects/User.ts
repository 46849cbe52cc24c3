// Written from the User object reference:
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_user.htm
// Sales_Quota__c is the sample org's custom field (its metadata lives in sample-app/).
import type { ObjectDescription } from '../types';
import { auditFields, idField } from '../systemFields';

export const User: ObjectDescription = {
    apiName: 'User',
    label: 'User',
    pluralLabel: 'Users',
    docUrl: 'https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_user.htm',
    fields: [
        idField('User ID'),
        { name: 'Name', type: 'String', label: 'Full Name' },
        { name: 'FirstName', type: 'String', label: 'First Name' },
        { name: 'LastName', type: 'String', label: 'Last Name' },
        { name: 'Username', type: 'String', label: 'Username' },
        { name: 'Email', type: 'Email', label: 'Email' },
        { name: 'IsActive', type: 'Boolean', label: 'Active' },
        {
            name: 'ManagerId',
            type: 'Reference',
            label: 'Manager ID',
            referenceTo: ['User'],
            relationshipName: 'Manager',
            childRelationshipName: 'ManagedUsers',
        },
        {
            name: 'UserRoleId',
            type: 'Reference',
            label: 'Role ID',
            referenceTo: ['UserRole'],
            relationshipName: 'UserRole',
            childRelationshipName: 'Users',
        },
        {
            name: 'ProfileId',
            type: 'Reference',
            label: 'Profile ID',
            referenceTo: ['Profile'],
            relationshipName: 'Profile',
            childRelationshipName: 'Users',
        },
        { name: 'Title', type: 'String', label: 'Title' },
        { name: 'Department', type: 'String', label: 'Department' },
        {
            name: 'TimeZoneSidKey',
            type: 'Picklist',
            label: 'Time Zone',
            picklistValues: ['America/Los_Angeles', 'America/New_York', 'Europe/London', 'Europe/Paris', 'Asia/Tokyo'],
        },
        { name: 'Sales_Quota__c', type: 'Currency', label: 'Sales Quota', custom: true },
        ...auditFields(),
    ],
};
