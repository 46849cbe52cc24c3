// Written from the Group object reference:
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_group.htm
// Described only because Lead.OwnerId and Case.OwnerId can point to a queue (a Group of type Queue): the UI API models
// those owners as a User | Group union, so queries must select owner fields through `... on User` fragments.
import type { ObjectDescription } from '../types';
import { auditFields, idField } from '../systemFields';

export const Group: ObjectDescription = {
    apiName: 'Group',
    label: 'Group',
    pluralLabel: 'Groups',
    docUrl: 'https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_group.htm',
    fields: [
        idField('Group ID'),
        { name: 'Name', type: 'String', label: 'Name' },
        { name: 'DeveloperName', type: 'String', label: 'Developer Name' },
        {
            name: 'Type',
            type: 'Picklist',
            label: 'Type',
            picklistValues: ['Regular', 'Role', 'RoleAndSubordinates', 'Queue'],
        },
        ...auditFields(),
    ],
};
