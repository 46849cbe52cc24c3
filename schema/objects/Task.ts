// Written from the Task object reference:
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_task.htm
// Task is beta in the GraphQL API (API 59.0+, see query-limits); WhoId/WhatId are polymorphic, so Who/What are unions
// of the described objects they can point to and need `... on Contact` style fragments.
import type { ObjectDescription } from '../types';
import { auditFields, idField } from '../systemFields';

export const Task: ObjectDescription = {
    apiName: 'Task',
    label: 'Task',
    pluralLabel: 'Tasks',
    docUrl: 'https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_task.htm',
    fields: [
        idField('Activity ID'),
        { name: 'Subject', type: 'String', label: 'Subject' },
        {
            name: 'TaskSubtype',
            type: 'Picklist',
            label: 'Task Subtype',
            picklistValues: ['Task', 'Email', 'ListEmail', 'Cadence', 'Call', 'LinkedIn'],
        },
        {
            name: 'Type',
            type: 'Picklist',
            label: 'Type',
            picklistValues: ['Call', 'Email', 'Meeting', 'Other'],
        },
        { name: 'CallType', type: 'Picklist', label: 'Call Type', picklistValues: ['Inbound', 'Outbound', 'Internal'] },
        {
            name: 'Status',
            type: 'Picklist',
            label: 'Status',
            picklistValues: ['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred'],
        },
        { name: 'Priority', type: 'Picklist', label: 'Priority', picklistValues: ['High', 'Normal', 'Low'] },
        { name: 'ActivityDate', type: 'Date', label: 'Due Date Only' },
        {
            name: 'OwnerId',
            type: 'Reference',
            label: 'Assigned To ID',
            referenceTo: ['User'],
            relationshipName: 'Owner',
        },
        {
            name: 'WhoId',
            type: 'Reference',
            label: 'Name ID',
            referenceTo: ['Contact', 'Lead'],
            relationshipName: 'Who',
            childRelationshipName: 'Tasks',
        },
        {
            name: 'WhatId',
            type: 'Reference',
            label: 'Related To ID',
            referenceTo: ['Account', 'Opportunity', 'Campaign', 'Case'],
            relationshipName: 'What',
            childRelationshipName: 'Tasks',
        },
        { name: 'CallDurationInSeconds', type: 'Int', label: 'Call Duration' },
        { name: 'IsClosed', type: 'Boolean', label: 'Closed' },
        ...auditFields(),
    ],
};
