// Written from the UserRole object reference:
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_userrole.htm
// ParentRoleId is a plain reference there (no relationship name), so no parent-role traversal is generated.
import { nameField, standardObject } from '../systemFields';

export const UserRole = standardObject(
    { apiName: 'UserRole', label: 'Role', pluralLabel: 'Roles', idLabel: 'Role ID' },
    [
        nameField(),
        { name: 'DeveloperName', type: 'String', label: 'Developer Name' },
        { name: 'ParentRoleId', type: 'Reference', label: 'Parent Role ID', referenceTo: ['UserRole'] },
    ],
);
