// Written from the Lead object reference:
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_lead.htm
// OwnerId refers to Group or User there (leads sit in queues), so Owner is polymorphic: select it with
// `Owner { ... on User { Name { value } } }` and filter it with `Owner: { User: { ... } }`.
import type { ObjectDescription } from '../types';
import { auditFields, idField, industryValues, leadSourceValues } from '../systemFields';

export const Lead: ObjectDescription = {
    apiName: 'Lead',
    label: 'Lead',
    pluralLabel: 'Leads',
    docUrl: 'https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_lead.htm',
    fields: [
        idField('Lead ID'),
        { name: 'FirstName', type: 'String', label: 'First Name' },
        { name: 'LastName', type: 'String', label: 'Last Name' },
        { name: 'Name', type: 'String', label: 'Full Name' },
        { name: 'Company', type: 'String', label: 'Company' },
        {
            name: 'Status',
            type: 'Picklist',
            label: 'Status',
            picklistValues: [
                'Open - Not Contacted',
                'Working - Contacted',
                'Closed - Converted',
                'Closed - Not Converted',
            ],
        },
        { name: 'LeadSource', type: 'Picklist', label: 'Lead Source', picklistValues: leadSourceValues },
        {
            name: 'OwnerId',
            type: 'Reference',
            label: 'Owner ID',
            referenceTo: ['User', 'Group'],
            relationshipName: 'Owner',
        },
        { name: 'IsConverted', type: 'Boolean', label: 'Converted' },
        { name: 'ConvertedDate', type: 'Date', label: 'Converted Date' },
        {
            name: 'ConvertedOpportunityId',
            type: 'Reference',
            label: 'Converted Opportunity ID',
            referenceTo: ['Opportunity'],
            relationshipName: 'ConvertedOpportunity',
        },
        {
            name: 'ConvertedAccountId',
            type: 'Reference',
            label: 'Converted Account ID',
            referenceTo: ['Account'],
            relationshipName: 'ConvertedAccount',
        },
        {
            name: 'ConvertedContactId',
            type: 'Reference',
            label: 'Converted Contact ID',
            referenceTo: ['Contact'],
            relationshipName: 'ConvertedContact',
        },
        { name: 'Industry', type: 'Picklist', label: 'Industry', picklistValues: industryValues },
        { name: 'Rating', type: 'Picklist', label: 'Rating', picklistValues: ['Hot', 'Warm', 'Cold'] },
        ...auditFields(),
    ],
};
