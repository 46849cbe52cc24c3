// Written from the Group object reference:
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_group.htm
// Described only because Lead.OwnerId and Case.OwnerId can point to a queue (a Group of type Queue): the UI API models
// those owners as a User | Group union, so queries must select owner fields through `... on User` fragments.
import { picklist } from '../fields';
import { nameField, standardObject } from '../systemFields';

export const Group = standardObject({ apiName: 'Group', label: 'Group', pluralLabel: 'Groups', idLabel: 'Group ID' }, [
    nameField(),
    { name: 'DeveloperName', type: 'String', label: 'Developer Name' },
    picklist('Type', 'Type', ['Regular', 'Role', 'RoleAndSubordinates', 'Queue']),
]);
