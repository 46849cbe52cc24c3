// Written from the CampaignMember object reference:
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_campaignmember.htm
import type { ObjectDescription } from '../types';
import { auditFields, idField } from '../systemFields';

export const CampaignMember: ObjectDescription = {
    apiName: 'CampaignMember',
    label: 'Campaign Member',
    pluralLabel: 'Campaign Members',
    docUrl: 'https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_campaignmember.htm',
    fields: [
        idField('Campaign Member ID'),
        {
            name: 'CampaignId',
            type: 'Reference',
            label: 'Campaign ID',
            referenceTo: ['Campaign'],
            relationshipName: 'Campaign',
            childRelationshipName: 'CampaignMembers',
        },
        {
            name: 'LeadId',
            type: 'Reference',
            label: 'Lead ID',
            referenceTo: ['Lead'],
            relationshipName: 'Lead',
            childRelationshipName: 'CampaignMembers',
        },
        {
            name: 'ContactId',
            type: 'Reference',
            label: 'Contact ID',
            referenceTo: ['Contact'],
            relationshipName: 'Contact',
            childRelationshipName: 'CampaignMembers',
        },
        { name: 'Status', type: 'Picklist', label: 'Status', picklistValues: ['Sent', 'Opened', 'Responded'] },
        { name: 'HasResponded', type: 'Boolean', label: 'Responded' },
        { name: 'FirstRespondedDate', type: 'Date', label: 'First Responded Date' },
        ...auditFields(),
    ],
};
