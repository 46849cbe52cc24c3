// Written from the CampaignMember object reference:
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_campaignmember.htm
import { lookup, picklist } from '../fields';
import { standardObject } from '../systemFields';

export const CampaignMember = standardObject(
    {
        apiName: 'CampaignMember',
        label: 'Campaign Member',
        pluralLabel: 'Campaign Members',
        idLabel: 'Campaign Member ID',
    },
    [
        lookup('Campaign', 'Campaign ID', { child: 'CampaignMembers' }),
        lookup('Lead', 'Lead ID', { child: 'CampaignMembers' }),
        lookup('Contact', 'Contact ID', { child: 'CampaignMembers' }),
        picklist('Status', 'Status', ['Sent', 'Opened', 'Responded']),
        { name: 'HasResponded', type: 'Boolean', label: 'Responded' },
        { name: 'FirstRespondedDate', type: 'Date', label: 'First Responded Date' },
    ],
);
