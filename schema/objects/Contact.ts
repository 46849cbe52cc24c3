// Written from the Contact object reference:
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_contact.htm
import { lookup, picklist } from '../fields';
import { leadSourceValues, ownerField, personNameFields, standardObject } from '../systemFields';

export const Contact = standardObject(
    { apiName: 'Contact', label: 'Contact', pluralLabel: 'Contacts', idLabel: 'Contact ID' },
    [
        ...personNameFields(),
        lookup('Account', 'Account ID', { child: 'Contacts' }),
        { name: 'Email', type: 'Email', label: 'Email' },
        ownerField(),
        picklist('LeadSource', 'Lead Source', leadSourceValues),
    ],
);
