// Written from the Task object reference:
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_task.htm
// Task is beta in the GraphQL API (API 59.0+, see query-limits); WhoId/WhatId are polymorphic, so Who/What are unions
// of the described objects they can point to and need `... on Contact` style fragments.
import { lookup, picklist } from '../fields';
import { ownerField, standardObject } from '../systemFields';

export const Task = standardObject({ apiName: 'Task', label: 'Task', pluralLabel: 'Tasks', idLabel: 'Activity ID' }, [
    { name: 'Subject', type: 'String', label: 'Subject' },
    picklist('TaskSubtype', 'Task Subtype', ['Task', 'Email', 'ListEmail', 'Cadence', 'Call', 'LinkedIn']),
    picklist('Type', 'Type', ['Call', 'Email', 'Meeting', 'Other']),
    picklist('CallType', 'Call Type', ['Inbound', 'Outbound', 'Internal']),
    picklist('Status', 'Status', ['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred']),
    picklist('Priority', 'Priority', ['High', 'Normal', 'Low']),
    { name: 'ActivityDate', type: 'Date', label: 'Due Date Only' },
    ownerField({ label: 'Assigned To ID' }),
    lookup('Who', 'Name ID', { to: ['Contact', 'Lead'], child: 'Tasks' }),
    lookup('What', 'Related To ID', { to: ['Account', 'Opportunity', 'Campaign', 'Case'], child: 'Tasks' }),
    { name: 'CallDurationInSeconds', type: 'Int', label: 'Call Duration' },
    { name: 'IsClosed', type: 'Boolean', label: 'Closed' },
]);
