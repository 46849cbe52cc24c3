// Written from the Case object reference:
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_case.htm
// OwnerId refers to Group or User (cases sit in queues); the GraphQL guide's polymorphic-filter page uses exactly
// this field as its example (Case_Owner_Filters), so Owner is a User | Group union here.
// CSAT__c, NPS__c, First_Response_Minutes__c and First_Contact_Resolution__c are the sample org's custom fields.
import { lookup, picklist } from '../fields';
import { ownerField, standardObject } from '../systemFields';

export const Case = standardObject({ apiName: 'Case', label: 'Case', pluralLabel: 'Cases', idLabel: 'Case ID' }, [
    { name: 'CaseNumber', type: 'String', label: 'Case Number' },
    { name: 'Subject', type: 'String', label: 'Subject' },
    picklist('Status', 'Status', ['New', 'Working', 'Escalated', 'Closed']),
    picklist('Origin', 'Case Origin', ['Phone', 'Email', 'Web']),
    picklist('Reason', 'Case Reason', [
        'Installation',
        'Equipment Complexity',
        'Performance',
        'Breakdown',
        'Equipment Design',
        'Feedback',
        'Other',
    ]),
    picklist('Type', 'Case Type', ['Mechanical', 'Electrical', 'Electronic', 'Structural', 'Other']),
    picklist('Priority', 'Priority', ['High', 'Medium', 'Low']),
    { name: 'IsClosed', type: 'Boolean', label: 'Closed' },
    { name: 'IsEscalated', type: 'Boolean', label: 'Escalated' },
    { name: 'ClosedDate', type: 'DateTime', label: 'Closed Date' },
    ownerField({ queues: true }),
    lookup('Account', 'Account ID', { child: 'Cases' }),
    lookup('Contact', 'Contact ID', { child: 'Cases' }),
    { name: 'CSAT__c', type: 'Double', label: 'CSAT', custom: true },
    { name: 'NPS__c', type: 'Double', label: 'NPS', custom: true },
    { name: 'First_Response_Minutes__c', type: 'Double', label: 'First Response (Minutes)', custom: true },
    { name: 'First_Contact_Resolution__c', type: 'Boolean', label: 'First Contact Resolution', custom: true },
]);
