// Written from the Contact object reference:
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_contact.htm
import type { ObjectDescription } from '../types';
import { auditFields, idField, leadSourceValues } from '../systemFields';

export const Contact: ObjectDescription = {
    apiName: 'Contact',
    label: 'Contact',
    pluralLabel: 'Contacts',
    docUrl: 'https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_contact.htm',
    fields: [
        idField('Contact ID'),
        { name: 'FirstName', type: 'String', label: 'First Name' },
        { name: 'LastName', type: 'String', label: 'Last Name' },
        { name: 'Name', type: 'String', label: 'Full Name' },
        {
            name: 'AccountId',
            type: 'Reference',
            label: 'Account ID',
            referenceTo: ['Account'],
            relationshipName: 'Account',
            childRelationshipName: 'Contacts',
        },
        { name: 'Email', type: 'Email', label: 'Email' },
        {
            name: 'OwnerId',
            type: 'Reference',
            label: 'Owner ID',
            referenceTo: ['User'],
            relationshipName: 'Owner',
        },
        { name: 'LeadSource', type: 'Picklist', label: 'Lead Source', picklistValues: leadSourceValues },
        ...auditFields(),
    ],
};
