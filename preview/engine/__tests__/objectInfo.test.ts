import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine, defaultAccessModel, type AccessModel } from '../index';
import { MASTER_RECORD_TYPE_ID } from '../objectInfo';
import { fixtureEngine, fixtureOrg, U, viewer } from './fixture';

const { run } = fixtureEngine();

const PICKLISTS = `query Picklists {
  uiapi {
    objectInfos(apiNames: ["Opportunity"]) {
      ApiName
      label
      fields {
        ApiName
        dataType
        ... on PicklistField { picklistValuesByRecordTypeIDs { recordTypeID picklistValues { label value } } }
      }
    }
  }
}`;

interface DescribedField {
    ApiName: string;
    dataType: string;
    picklistValuesByRecordTypeIDs?: { recordTypeID: string; picklistValues: { label: string; value: string }[] }[];
}

function fieldsOf(response: ReturnType<typeof run>): Map<string, DescribedField> {
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    const infos = (response.data as { uiapi: { objectInfos: { fields: DescribedField[] }[] } }).uiapi.objectInfos;
    return new Map(infos[0].fields.map((field) => [field.ApiName, field]));
}

describe('uiapi.objectInfos', () => {
    it("lists a picklist's values under the master record type, and no values for other fields", () => {
        const fields = fieldsOf(run(PICKLISTS, U.admin));
        const type = fields.get('Type');
        assert.equal(type?.dataType, 'PICKLIST');
        assert.equal(type?.picklistValuesByRecordTypeIDs?.[0].recordTypeID, MASTER_RECORD_TYPE_ID);
        const values = type?.picklistValuesByRecordTypeIDs?.[0].picklistValues ?? [];
        assert.ok(values.some((v) => v.value === 'New Customer' && v.label === 'New Customer'));
        assert.ok(fields.get('LeadSource')?.picklistValuesByRecordTypeIDs?.[0].picklistValues.length);
        assert.equal(fields.get('Amount')?.dataType, 'CURRENCY');
        assert.equal('picklistValuesByRecordTypeIDs' in (fields.get('Amount') ?? {}), false);
    });

    it('leaves out fields field-level security hides from the viewer', () => {
        assert.ok(fieldsOf(run(PICKLISTS, U.admin)).has('Loss_Reason__c'));
        // The fixture's agent has the Support profile, which cannot see Opportunity.Loss_Reason__c.
        const agent = fieldsOf(run(PICKLISTS, U.agent));
        assert.equal(agent.has('Loss_Reason__c'), false);
        assert.ok(agent.has('Type'));
        const model: AccessModel = {
            ...defaultAccessModel,
            hiddenFields: { 'Custom: Sales Profile': ['Opportunity.Type', 'Opportunity.LeadSource'] },
        };
        const hidden = createEngine(fixtureOrg(), { access: model });
        const rep = fieldsOf(hidden.execute({ query: PICKLISTS }, viewer(U.rep1)) as ReturnType<typeof run>);
        assert.equal(rep.has('Type'), false);
        assert.equal(rep.has('LeadSource'), false);
        assert.ok(rep.has('StageName'));
    });

    it('answers beside record and aggregate subqueries, and does not count as a subquery', () => {
        const response = run(
            `{ uiapi {
                query { Opportunity(first: 1) { edges { node { Id } } } }
                aggregate { Opportunity { edges { node { aggregate { Id { count { value } } } } } } }
                objectInfos(apiNames: ["Opportunity"]) { ApiName }
            } }`,
        );
        assert.equal(response.errors, undefined);
        const uiapi = (response.data as { uiapi: Record<string, unknown> }).uiapi;
        assert.deepEqual(uiapi.objectInfos, [{ ApiName: 'Opportunity' }]);
        assert.equal(response.metrics.subqueries, 2);
    });

    it('restricts fields to objectInfoInputs fieldNames', () => {
        const response = run(
            '{ uiapi { objectInfos(objectInfoInputs: [{ apiName: "Opportunity", fieldNames: ["Type"] }]) { fields { ApiName } } } }',
        );
        const infos = (response.data as { uiapi: { objectInfos: { fields: unknown[] }[] } }).uiapi.objectInfos;
        assert.deepEqual(infos[0].fields, [{ ApiName: 'Type' }]);
    });

    it('answers null with an error at the index of an object the viewer cannot read or that does not exist', () => {
        const hidden = createEngine(fixtureOrg(), { unsupportedObjects: ['Task'] });
        const response = hidden.execute(
            { query: '{ uiapi { objectInfos(apiNames: ["Opportunity", "Task", "Nope__c"]) { ApiName } } }' },
            viewer(U.admin),
        );
        const infos = (response.data as { uiapi: { objectInfos: unknown[] } }).uiapi.objectInfos;
        assert.deepEqual(infos, [{ ApiName: 'Opportunity' }, null, null]);
        assert.deepEqual(
            response.errors?.map((e) => e.path),
            [
                ['uiapi', 'objectInfos', 1],
                ['uiapi', 'objectInfos', 2],
            ],
        );
    });

    it('fails the request, naming the property, when a selected property is not modelled', () => {
        const response = run('{ uiapi { objectInfos(apiNames: ["Opportunity"]) { ApiName createable } } }');
        assert.equal(response.data, undefined);
        assert.match(response.errors?.[0].message ?? '', /ObjectInfo\.createable is not modelled/);
    });
});
