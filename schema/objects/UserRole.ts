// Written from the UserRole object reference:
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_userrole.htm
// ParentRoleId is a plain reference there (no relationship name), so no parent-role traversal is generated.
import type { ObjectDescription } from '../types';
import { auditFields, idField } from '../systemFields';

export const UserRole: ObjectDescription = {
    apiName: 'UserRole',
    label: 'Role',
    pluralLabel: 'Roles',
    docUrl: 'https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_userrole.htm',
    fields: [
        idField('Role ID'),
        { name: 'Name', type: 'String', label: 'Name' },
        { name: 'DeveloperName', type: 'String', label: 'Developer Name' },
        { name: 'ParentRoleId', type: 'Reference', label: 'Parent Role ID', referenceTo: ['UserRole'] },
        ...auditFields(),
    ],
};
