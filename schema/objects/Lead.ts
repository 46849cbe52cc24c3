// Written from the Lead object reference:
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_lead.htm
// OwnerId refers to Group or User there (leads sit in queues), so Owner is polymorphic: select it with
// `Owner { ... on User { Name { value } } }` and filter it with `Owner: { User: { ... } }`.
import { lookup, picklist } from '../fields';
import { industryValues, leadSourceValues, ownerField, personNameFields, standardObject } from '../systemFields';

export const Lead = standardObject({ apiName: 'Lead', label: 'Lead', pluralLabel: 'Leads', idLabel: 'Lead ID' }, [
    ...personNameFields(),
    { name: 'Company', type: 'String', label: 'Company' },
    picklist('Status', 'Status', [
        'Open - Not Contacted',
        'Working - Contacted',
        'Closed - Converted',
        'Closed - Not Converted',
    ]),
    picklist('LeadSource', 'Lead Source', leadSourceValues),
    ownerField({ queues: true }),
    { name: 'IsConverted', type: 'Boolean', label: 'Converted' },
    { name: 'ConvertedDate', type: 'Date', label: 'Converted Date' },
    lookup('ConvertedOpportunity', 'Converted Opportunity ID', { to: ['Opportunity'] }),
    lookup('ConvertedAccount', 'Converted Account ID', { to: ['Account'] }),
    lookup('ConvertedContact', 'Converted Contact ID', { to: ['Contact'] }),
    picklist('Industry', 'Industry', industryValues),
    picklist('Rating', 'Rating', ['Hot', 'Warm', 'Cold']),
]);
