import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { objectDescriptions } from '../../../schema/index';
import { PROFILES } from '../../sample-org/values';
import { createEngine, defaultAccessModel, type AccessModel } from '../index';
import { A, fixtureEngine, fixtureOrg, ids, nodes, O, QUEUE, U, viewer } from './fixture';

const { engine, run } = fixtureEngine();

const oppIds = (as: string) =>
    ids(run('{ uiapi { query { Opportunity(first: 100) { edges { node { Id } } } } } }', as), 'Opportunity');

describe('sharing: records as the viewer', () => {
    it('a rep sees what they own', () => {
        assert.deepEqual(oppIds(U.rep1), [O.renewal, O.expansion]);
        assert.deepEqual(oppIds(U.rep2), [O.beta, O.gamma]);
        assert.deepEqual(oppIds(U.agent), []);
    });

    it('a manager sees their own and everything their reports own, down the chain', () => {
        assert.deepEqual(oppIds(U.manager), [O.renewal, O.expansion, O.beta, O.gamma, O.epsilon]);
        assert.deepEqual(oppIds(U.vp), [O.renewal, O.expansion, O.beta, O.gamma, O.delta, O.epsilon]);
    });

    it('the admin (View All Data) sees everything', () => assert.equal(oppIds(U.admin).length, 7));

    it('reference data is public and queue-owned records are shared', () => {
        assert.deepEqual(ids(run('{ uiapi { query { Account { edges { node { Id } } } } } }', U.rep2), 'Account'), [
            A.acme,
            A.globex,
        ]);
        const cases = (as: string) => ids(run('{ uiapi { query { Case { edges { node { Id } } } } } }', as), 'Case');
        assert.deepEqual(cases(U.agent), ['500000000000001AAA', '500000000000002AAA']);
        assert.deepEqual(cases(U.rep1), ['500000000000002AAA', '500000000000003AAA']);
    });

    it('a parent the viewer cannot read comes back null, and so does its lookup display value', () => {
        const response = run(
            '{ uiapi { query { Task { edges { node { Id WhatId { value displayValue } What { ... on Opportunity { Name { value } } } } } } } } }',
            U.rep2,
        );
        assert.deepEqual(nodes(response, 'Task'), [
            { Id: '00T000000000004AAA', WhatId: { value: O.renewal, displayValue: null }, What: null },
        ]);
        const asOwner = run(
            '{ uiapi { query { Task(where: { Id: { eq: "00T000000000004AAA" } }) { edges { node { WhatId { displayValue } } } } } } }',
            U.admin,
        );
        assert.deepEqual(nodes(asOwner, 'Task'), [{ WhatId: { displayValue: 'Acme - Renewal' } }]);
    });

    it('describes the viewer for the preview', () => {
        assert.deepEqual(engine.describeViewer(U.rep1), {
            userId: U.rep1,
            profile: 'Custom: Sales Profile',
            viewAllData: false,
            team: [U.rep1],
            hiddenObjects: [],
            hiddenFields: ['Case.CSAT__c', 'Case.NPS__c'],
        });
        assert.deepEqual(new Set(engine.describeViewer(U.manager).team), new Set([U.manager, U.rep1, U.rep2]));
        assert.equal(engine.describeViewer(U.admin).viewAllData, true);
        assert.ok(QUEUE.startsWith('00G'));
    });

    it('rejects an unknown viewer with the setting named', () => {
        assert.throws(
            () =>
                engine.execute(
                    { query: '{ uiapi { query { Account { edges { node { Id } } } } } }' },
                    viewer('005nobody'),
                ),
            /viewer\.userId: no User record/,
        );
        assert.throws(
            () => engine.execute({ query: '{ __typename }' }, viewer(U.admin, { currency: 'dollars' })),
            /viewer\.locale\/currency/,
        );
    });
});

describe('field-level security and @optional (API 65.0)', () => {
    const csat = '{ uiapi { query { Case { edges { node { CaseNumber { value } CSAT__c { value } } } } } } }';

    it('fails the whole query on a hidden field, with the error the per-user schema gives', () => {
        const response = run(csat, U.rep1);
        assert.equal(response.data, undefined);
        assert.deepEqual(response.errors, [
            {
                message:
                    "Validation error (FieldUndefined@[uiapi/query/Case/edges/node/CSAT__c]) : Field 'CSAT__c' in type 'Case' is undefined",
                locations: [{ line: 1, column: 62 }],
                extensions: { errorType: 'ValidationError', classification: 'ValidationError' },
                errorType: 'ValidationError',
            },
        ]);
    });

    it('leaves a hidden @optional field out of each node and keeps the rest', () => {
        const response = run(
            '{ uiapi { query { Case { edges { node { CaseNumber { value } CSAT__c @optional { value } } } } } } }',
            U.rep1,
        );
        assert.deepEqual(nodes(response, 'Case'), [
            { CaseNumber: { value: '00001002' } },
            { CaseNumber: { value: '00001003' } },
        ]);
        const asAgent = run('{ uiapi { query { Case { edges { node { CSAT__c @optional { value } } } } } } }', U.agent);
        assert.deepEqual(nodes(asAgent, 'Case'), [{ CSAT__c: { value: 4.5 } }, { CSAT__c: { value: null } }]);
    });

    it('hides the field from aggregates too', () => {
        const query = (optional: string) =>
            `{ uiapi { aggregate { Case { edges { node { aggregate { Id { count { value } } CSAT__c ${optional} { avg { value } } } } } } } } }`;
        assert.match(
            run(query(''), U.rep1).errors![0].message,
            /Field 'CSAT__c' in type 'CaseAggregateResult' is undefined/,
        );
        const data = run(query('@optional'), U.rep1).data as {
            uiapi: { aggregate: { Case: { edges: { node: { aggregate: unknown } }[] } } };
        };
        assert.deepEqual(data.uiapi.aggregate.Case.edges[0].node.aggregate, { Id: { count: { value: 2 } } });
        const admin = run(query(''), U.admin).data as typeof data;
        assert.deepEqual(admin.uiapi.aggregate.Case.edges[0].node.aggregate, {
            Id: { count: { value: 3 } },
            CSAT__c: { avg: { value: 3.75 } },
        });
    });

    it('rejects filtering, ordering or grouping on a hidden field', () => {
        const where = run(
            '{ uiapi { query { Case(where: { CSAT__c: { gt: 3 } }) { edges { node { Id } } } } } }',
            U.rep1,
        );
        assert.equal(where.data, undefined);
        assert.match(where.errors![0].message, /contains a field not in 'Case_Filter': 'CSAT__c'/);
        const order = run(
            '{ uiapi { query { Case(orderBy: { CSAT__c: { order: ASC } }) { edges { node { Id } } } } } }',
            U.rep1,
        );
        assert.match(order.errors![0].message, /'CSAT__c' is undefined on Case/);
        const group = run(
            '{ uiapi { aggregate { Opportunity(groupBy: { Loss_Reason__c: { group: true } }) { edges { node { aggregate { Id { count { value } } } } } } } } }',
            U.agent,
        );
        assert.match(group.errors![0].message, /'Loss_Reason__c' is undefined on Opportunity/);
    });

    it('hides whole objects per profile, and objects the org does not expose', () => {
        const model: AccessModel = { ...defaultAccessModel, hiddenObjects: { 'Custom: Sales Profile': ['Case'] } };
        const hidden = createEngine(fixtureOrg(), { access: model, unsupportedObjects: ['Task'] });
        const query = (q: string, as = U.rep1) => hidden.execute({ query: q }, viewer(as));
        assert.match(
            query('{ uiapi { query { Case { edges { node { Id } } } } } }').errors![0].message,
            /FieldUndefined@\[uiapi\/query\/Case\]\) : Field 'Case' in type 'RecordQuery' is undefined/,
        );
        assert.deepEqual(query('{ uiapi { query { Case @optional { edges { node { Id } } } } } }').data, {
            uiapi: { query: {} },
        });
        assert.match(
            query('{ uiapi { query { Account { edges { node { Cases { edges { node { Id } } } } } } } } }').errors![0]
                .message,
            /Field 'Cases' in type 'Account' is undefined/,
        );
        assert.match(
            query(
                '{ uiapi { aggregate { Task { edges { node { aggregate { Id { count { value } } } } } } } } }',
                U.admin,
            ).errors![0].message,
            /Field 'Task' in type 'RecordQueryAggregate' is undefined/,
        );
        assert.deepEqual(hidden.describeViewer(U.rep1).hiddenObjects, ['Case', 'Task']);
    });
});

describe('the access model data', () => {
    it('names profiles the sample org creates and fields the schema has', () => {
        const profiles = new Set<string>(Object.values(PROFILES));
        for (const profile of [
            ...defaultAccessModel.viewAllDataProfiles,
            ...Object.keys(defaultAccessModel.hiddenFields),
        ]) {
            assert.ok(profiles.has(profile), `${profile} is not a sample org profile`);
        }
        const objects = new Set(objectDescriptions.map((d) => d.apiName));
        for (const object of [
            ...defaultAccessModel.publicObjects,
            ...Object.keys(defaultAccessModel.controlledByParent),
        ]) {
            if (object !== 'OpportunityFieldHistory' && object !== 'CaseHistory')
                assert.ok(objects.has(object), object);
        }
    });

    it('fails engine creation on a field that does not exist, naming it', () => {
        const model: AccessModel = { ...defaultAccessModel, hiddenFields: { 'Custom: Sales Profile': ['Case.CSAT'] } };
        assert.throws(
            () => createEngine(fixtureOrg(), { access: model }),
            /hiddenFields\["Custom: Sales Profile"\]: no field Case\.CSAT/,
        );
    });
});
