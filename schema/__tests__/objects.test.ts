import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
    customFields,
    describeProblems,
    getField,
    getObjectDescription,
    isGroupable,
    objectDescriptions,
} from '../index';
import { lookup, picklist } from '../fields';
import { standardObject } from '../systemFields';
import type { FieldType, ObjectDescription } from '../types';

// The fields the KPI kit reads, as the issue lists them: a description losing one breaks a component.
const required: Record<string, Record<string, FieldType>> = {
    User: {
        Name: 'String',
        FirstName: 'String',
        LastName: 'String',
        Username: 'String',
        Email: 'Email',
        IsActive: 'Boolean',
        ManagerId: 'Reference',
        UserRoleId: 'Reference',
        ProfileId: 'Reference',
        Title: 'String',
        Department: 'String',
        TimeZoneSidKey: 'Picklist',
        Sales_Quota__c: 'Currency',
    },
    UserRole: { Name: 'String', DeveloperName: 'String', ParentRoleId: 'Reference' },
    Profile: { Name: 'String' },
    Account: {
        Name: 'String',
        Type: 'Picklist',
        Industry: 'Picklist',
        AnnualRevenue: 'Currency',
        NumberOfEmployees: 'Int',
        OwnerId: 'Reference',
        BillingCountry: 'String',
    },
    Contact: {
        FirstName: 'String',
        LastName: 'String',
        Name: 'String',
        AccountId: 'Reference',
        Email: 'Email',
        OwnerId: 'Reference',
        LeadSource: 'Picklist',
    },
    Lead: {
        FirstName: 'String',
        LastName: 'String',
        Name: 'String',
        Company: 'String',
        Status: 'Picklist',
        LeadSource: 'Picklist',
        OwnerId: 'Reference',
        IsConverted: 'Boolean',
        ConvertedDate: 'Date',
        ConvertedOpportunityId: 'Reference',
        ConvertedAccountId: 'Reference',
        ConvertedContactId: 'Reference',
        Industry: 'Picklist',
        Rating: 'Picklist',
    },
    Campaign: {
        Name: 'String',
        Type: 'Picklist',
        Status: 'Picklist',
        StartDate: 'Date',
        EndDate: 'Date',
        IsActive: 'Boolean',
        OwnerId: 'Reference',
        BudgetedCost: 'Currency',
        ActualCost: 'Currency',
        NumberSent: 'Double',
        NumberOfLeads: 'Int',
        NumberOfConvertedLeads: 'Int',
        NumberOfContacts: 'Int',
        NumberOfResponses: 'Int',
        NumberOfOpportunities: 'Int',
        NumberOfWonOpportunities: 'Int',
        AmountAllOpportunities: 'Currency',
        AmountWonOpportunities: 'Currency',
    },
    CampaignMember: {
        CampaignId: 'Reference',
        LeadId: 'Reference',
        ContactId: 'Reference',
        Status: 'Picklist',
        HasResponded: 'Boolean',
        FirstRespondedDate: 'Date',
    },
    Opportunity: {
        Name: 'String',
        AccountId: 'Reference',
        OwnerId: 'Reference',
        Amount: 'Currency',
        CloseDate: 'Date',
        StageName: 'Picklist',
        IsClosed: 'Boolean',
        IsWon: 'Boolean',
        Probability: 'Percent',
        Type: 'Picklist',
        LeadSource: 'Picklist',
        ForecastCategoryName: 'Picklist',
        CampaignId: 'Reference',
        FiscalQuarter: 'Int',
        FiscalYear: 'Int',
        ExpectedRevenue: 'Currency',
        Loss_Reason__c: 'Picklist',
    },
    OpportunityHistory: {
        OpportunityId: 'Reference',
        StageName: 'Picklist',
        Amount: 'Currency',
        CloseDate: 'Date',
        Probability: 'Percent',
        ForecastCategory: 'Picklist',
        ExpectedRevenue: 'Currency',
        CreatedDate: 'DateTime',
        CreatedById: 'Reference',
    },
    Task: {
        Subject: 'String',
        TaskSubtype: 'Picklist',
        Type: 'Picklist',
        CallType: 'Picklist',
        Status: 'Picklist',
        Priority: 'Picklist',
        ActivityDate: 'Date',
        OwnerId: 'Reference',
        WhoId: 'Reference',
        WhatId: 'Reference',
        CallDurationInSeconds: 'Int',
        IsClosed: 'Boolean',
    },
    Case: {
        CaseNumber: 'String',
        Subject: 'String',
        Status: 'Picklist',
        Origin: 'Picklist',
        Reason: 'Picklist',
        Type: 'Picklist',
        Priority: 'Picklist',
        IsClosed: 'Boolean',
        IsEscalated: 'Boolean',
        ClosedDate: 'DateTime',
        OwnerId: 'Reference',
        AccountId: 'Reference',
        ContactId: 'Reference',
        CSAT__c: 'Double',
        NPS__c: 'Double',
        First_Response_Minutes__c: 'Double',
        First_Contact_Resolution__c: 'Boolean',
    },
};

describe('schema/objects', () => {
    it('the descriptions are consistent', () => assert.deepEqual(describeProblems(), []));

    for (const [objectName, fields] of Object.entries(required)) {
        it(`${objectName} has the fields the kit reads, with the object reference's types and system fields`, () => {
            for (const [fieldName, type] of Object.entries(fields)) {
                assert.equal(getField(objectName, fieldName).type, type, `${objectName}.${fieldName}`);
            }
            const names = getObjectDescription(objectName).fields.map((f) => f.name);
            for (const system of ['Id', 'CreatedDate', 'CreatedById', 'SystemModstamp']) {
                assert.ok(names.includes(system), `${objectName}.${system}`);
            }
            const audited = objectName !== 'OpportunityHistory';
            assert.equal(names.includes('LastModifiedDate'), audited, `${objectName}.LastModifiedDate`);
        });
    }

    it('relationships the kit traverses', () => {
        assert.equal(getField('User', 'ManagerId').relationshipName, 'Manager');
        assert.deepEqual(getField('User', 'ManagerId').referenceTo, ['User']);
        assert.equal(getField('User', 'UserRoleId').relationshipName, 'UserRole');
        assert.equal(getField('Opportunity', 'OwnerId').relationshipName, 'Owner');
        assert.deepEqual(getField('Task', 'WhoId').referenceTo, ['Contact', 'Lead']);
        assert.deepEqual(getField('Lead', 'OwnerId').referenceTo, ['User', 'Group']);
        assert.deepEqual(getField('Lead', 'ConvertedOpportunityId').referenceTo, ['Opportunity']);
    });

    it('marks exactly the sample-org fields custom, with the picklist values the product uses', () => {
        const custom = customFields().map(({ object, field }) => `${object.apiName}.${field.name}`);
        assert.deepEqual(custom.sort(), [
            'Case.CSAT__c',
            'Case.First_Contact_Resolution__c',
            'Case.First_Response_Minutes__c',
            'Case.NPS__c',
            'Opportunity.Loss_Reason__c',
            'User.Sales_Quota__c',
        ]);
        // Loss_Reason__c's values are compared with sample-app's field-meta.xml in preview/sample-org/__tests__.
        assert.ok(getField('Opportunity', 'Loss_Reason__c').picklistValues?.includes('Competitor'));
        assert.deepEqual(getField('Task', 'CallType').picklistValues, ['Inbound', 'Outbound', 'Internal']);
        assert.ok(getField('Task', 'TaskSubtype').picklistValues?.includes('Call'));
        assert.ok(getField('Task', 'TaskSubtype').picklistValues?.includes('Email'));
        assert.ok(getField('Opportunity', 'StageName').picklistValues?.includes('Closed Won'));
    });

    it('every description cites an object reference page', () => {
        for (const object of objectDescriptions) {
            assert.match(
                object.docUrl,
                /^https:\/\/developer\.salesforce\.com\/docs\/.*object_reference/,
                object.apiName,
            );
        }
    });

    it('groupable defaults follow the types.ts contract', () => {
        assert.equal(isGroupable(getField('Opportunity', 'Amount')), false);
        assert.equal(isGroupable(getField('Opportunity', 'StageName')), true);
        assert.equal(isGroupable(getField('Case', 'ClosedDate')), false);
    });

    it('getObjectDescription and getField name the problem', () => {
        assert.throws(() => getObjectDescription('Opportunty'), /No object description for "Opportunty".*Opportunity/);
        assert.throws(() => getField('Case', 'Statuss'), /schema\/objects\/Case\.ts has no field "Statuss"/);
    });
});

describe('field builders', () => {
    it('lookup names the field after its relationship and points to the object of that name unless told', () => {
        assert.deepEqual(lookup('Account', 'Account ID'), {
            name: 'AccountId',
            type: 'Reference',
            label: 'Account ID',
            referenceTo: ['Account'],
            relationshipName: 'Account',
        });
        const manager = lookup('Manager', 'Manager ID', { to: ['User'], child: 'ManagedUsers' });
        assert.deepEqual(manager.referenceTo, ['User']);
        assert.equal(manager.childRelationshipName, 'ManagedUsers');
    });

    it('picklist copies its values, so fields never share one array', () => {
        const values = ['A', 'B'];
        const field = picklist('Kind', 'Kind', values);
        assert.deepEqual(field, { name: 'Kind', type: 'Picklist', label: 'Kind', picklistValues: ['A', 'B'] });
        assert.notEqual(field.picklistValues, values);
    });

    it('standardObject cites the object reference page and adds the Id and audit fields around its own', () => {
        const widget = standardObject(
            { apiName: 'Widget', label: 'Widget', pluralLabel: 'Widgets', idLabel: 'Widget ID', lastModified: false },
            [{ name: 'Size', type: 'Int', label: 'Size' }],
        );
        assert.equal(
            widget.docUrl,
            'https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_widget.htm',
        );
        assert.deepEqual(
            widget.fields.map((field) => field.name),
            ['Id', 'Size', 'CreatedDate', 'CreatedById', 'SystemModstamp'],
        );
    });
});

describe('describeProblems catches broken descriptions', () => {
    const base = (fields: ObjectDescription['fields']): ObjectDescription => ({
        apiName: 'Widget__c',
        label: 'Widget',
        pluralLabel: 'Widgets',
        docUrl: 'https://example.com/widget',
        fields: [{ name: 'Id', type: 'Id', label: 'ID' }, ...fields],
    });

    it('unknown reference targets, custom flags, picklists without values, child name clashes', () => {
        const problems = describeProblems([
            getObjectDescription('User'),
            getObjectDescription('UserRole'),
            getObjectDescription('Profile'),
            base([
                lookup('Gadget', 'Gadget'),
                { name: 'Size', type: 'Picklist', label: 'Size' },
                { name: 'Weight__c', type: 'Double', label: 'Weight' },
                lookup('Owner', 'Owner', { to: ['User'], child: 'ManagedUsers' }),
            ]),
        ]);
        const text = problems.join('\n');
        assert.match(text, /Widget__c\.ts: field "GadgetId" refers to "Gadget", which has no file in schema\/objects/);
        assert.match(text, /field "Size": a picklist needs picklistValues/);
        assert.match(text, /field "Weight__c": custom must be true exactly when the name ends in __c/);
        assert.match(text, /child relationship User\.ManagedUsers is also added by/);
    });
});
