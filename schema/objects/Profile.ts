// Written from the Profile object reference:
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_profile.htm
import type { ObjectDescription } from '../types';
import { auditFields, idField } from '../systemFields';

export const Profile: ObjectDescription = {
    apiName: 'Profile',
    label: 'Profile',
    pluralLabel: 'Profiles',
    docUrl: 'https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_profile.htm',
    fields: [idField('Profile ID'), { name: 'Name', type: 'String', label: 'Name' }, ...auditFields()],
};
