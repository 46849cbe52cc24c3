// Written from the Case object reference:
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_case.htm
// OwnerId refers to Group or User (cases sit in queues); the GraphQL guide's polymorphic-filter page uses exactly
// this field as its example (Case_Owner_Filters), so Owner is a User | Group union here.
// CSAT__c, NPS__c, First_Response_Minutes__c and First_Contact_Resolution__c are the sample org's custom fields.
import type { ObjectDescription } from '../types';
import { auditFields, idField } from '../systemFields';

export const Case: ObjectDescription = {
    apiName: 'Case',
    label: 'Case',
    pluralLabel: 'Cases',
    docUrl: 'https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_case.htm',
    fields: [
        idField('Case ID'),
        { name: 'CaseNumber', type: 'String', label: 'Case Number' },
        { name: 'Subject', type: 'String', label: 'Subject' },
        {
            name: 'Status',
            type: 'Picklist',
            label: 'Status',
            picklistValues: ['New', 'Working', 'Escalated', 'Closed'],
        },
        { name: 'Origin', type: 'Picklist', label: 'Case Origin', picklistValues: ['Phone', 'Email', 'Web'] },
        {
            name: 'Reason',
            type: 'Picklist',
            label: 'Case Reason',
            picklistValues: [
                'Installation',
                'Equipment Complexity',
                'Performance',
                'Breakdown',
                'Equipment Design',
                'Feedback',
                'Other',
            ],
        },
        {
            name: 'Type',
            type: 'Picklist',
            label: 'Case Type',
            picklistValues: ['Mechanical', 'Electrical', 'Electronic', 'Structural', 'Other'],
        },
        { name: 'Priority', type: 'Picklist', label: 'Priority', picklistValues: ['High', 'Medium', 'Low'] },
        { name: 'IsClosed', type: 'Boolean', label: 'Closed' },
        { name: 'IsEscalated', type: 'Boolean', label: 'Escalated' },
        { name: 'ClosedDate', type: 'DateTime', label: 'Closed Date' },
        {
            name: 'OwnerId',
            type: 'Reference',
            label: 'Owner ID',
            referenceTo: ['User', 'Group'],
            relationshipName: 'Owner',
        },
        {
            name: 'AccountId',
            type: 'Reference',
            label: 'Account ID',
            referenceTo: ['Account'],
            relationshipName: 'Account',
            childRelationshipName: 'Cases',
        },
        {
            name: 'ContactId',
            type: 'Reference',
            label: 'Contact ID',
            referenceTo: ['Contact'],
            relationshipName: 'Contact',
            childRelationshipName: 'Cases',
        },
        { name: 'CSAT__c', type: 'Double', label: 'CSAT', custom: true },
        { name: 'NPS__c', type: 'Double', label: 'NPS', custom: true },
        { name: 'First_Response_Minutes__c', type: 'Double', label: 'First Response (Minutes)', custom: true },
        {
            name: 'First_Contact_Resolution__c',
            type: 'Boolean',
            label: 'First Contact Resolution',
            custom: true,
        },
        ...auditFields(),
    ],
};
