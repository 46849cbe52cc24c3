// Written from the Profile object reference:
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_profile.htm
import { nameField, standardObject } from '../systemFields';

export const Profile = standardObject(
    { apiName: 'Profile', label: 'Profile', pluralLabel: 'Profiles', idLabel: 'Profile ID' },
    [nameField()],
);
