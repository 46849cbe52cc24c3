import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GraphQLEnumType, GraphQLObjectType, GraphQLUnionType, isNonNullType } from 'graphql';
import { getObjectDescription } from '../index';
import {
    buildUiApiSchema,
    buildUiApiSchemaFor,
    generateObjectSdl,
    patchedSharedSchema,
    recordScopeValues,
    sharedSchemaPath,
} from '../uiapi';

describe('buildUiApiSchema', () => {
    const schema = buildUiApiSchema();

    it('is built once and cached', () => assert.equal(buildUiApiSchema(), schema));

    it('reads the shared schema from node_modules', () => {
        assert.match(sharedSchemaPath, /node_modules\/@salesforce\/webapp-template-feature-graphql-experimental\//);
    });

    it('fills the empty RecordScope enum and keeps @optional on FIELD', () => {
        const scope = schema.getType('RecordScope') as GraphQLEnumType;
        assert.deepEqual(
            scope.getValues().map((v) => v.name),
            recordScopeValues,
        );
        assert.ok(recordScopeValues.includes('MINE') && recordScopeValues.includes('TEAM'));
        assert.deepEqual(schema.getDirective('optional')?.locations, ['FIELD']);
    });

    it('roots: Query.uiapi with query, aggregate and currentUser', () => {
        const uiapi = schema.getQueryType()!.getFields().uiapi;
        assert.ok(isNonNullType(uiapi.type));
        const fields = (schema.getType('UIAPI') as GraphQLObjectType).getFields();
        assert.equal(String(fields.query.type), 'RecordQuery!');
        assert.equal(String(fields.aggregate.type), 'RecordQueryAggregate!');
        assert.equal(String(fields.currentUser.type), 'User');
    });

    it('record and aggregate roots take the documented arguments', () => {
        const record = (schema.getType('RecordQuery') as GraphQLObjectType).getFields().Opportunity;
        assert.deepEqual(
            record.args.map((a) => `${a.name}: ${String(a.type)}`),
            [
                'first: Int',
                'after: String',
                'where: Opportunity_Filter',
                'orderBy: Opportunity_OrderBy',
                'scope: RecordScope',
                'upperBound: Int',
                'updateMRU: Boolean',
            ],
        );
        assert.equal(String(record.type), 'OpportunityConnection');
        const aggregate = (schema.getType('RecordQueryAggregate') as GraphQLObjectType).getFields().Opportunity;
        assert.deepEqual(
            aggregate.args.map((a) => a.name),
            ['first', 'after', 'where', 'orderBy', 'groupBy', 'scope'],
        );
    });

    it('object types implement Record with *Value fields and relationships', () => {
        const opportunity = schema.getType('Opportunity') as GraphQLObjectType;
        assert.deepEqual(
            opportunity.getInterfaces().map((i) => i.name),
            ['Record'],
        );
        const fields = opportunity.getFields();
        assert.equal(String(fields.Amount.type), 'CurrencyValue');
        assert.equal(String(fields.Probability.type), 'PercentValue');
        assert.equal(String(fields.Owner.type), 'User');
        assert.equal(String(fields.OpportunityHistories.type), 'OpportunityHistoryConnection');
        const owner = schema.getType('Lead_Owner') as GraphQLUnionType;
        assert.deepEqual(
            owner.getTypes().map((t) => t.name),
            ['User', 'Group'],
        );
    });

    it('aggregate results nest functions under each field', () => {
        const result = (schema.getType('OpportunityAggregateResult') as GraphQLObjectType).getFields();
        assert.equal(String(result.Amount.type), 'CurrencyAggregate');
        assert.equal(String(result.CloseDate.type), 'DateAggregate');
        assert.equal(String(result.Owner.type), 'UserAggregateResult');
    });
});

describe('schema generation guards', () => {
    it('builds for a subset of objects', () => {
        const subset = ['User', 'UserRole', 'Profile'].map((name) => getObjectDescription(name));
        const schema = buildUiApiSchemaFor(subset);
        assert.ok(schema.getType('User'));
        assert.equal(schema.getType('Opportunity'), undefined);
    });

    it('refuses inconsistent descriptions, naming the file and field', () => {
        const user = getObjectDescription('User');
        assert.throws(
            () => generateObjectSdl([user]),
            /schema\/objects\/User\.ts: field "UserRoleId" refers to "UserRole"/,
        );
    });

    it('patches the shared schema text, and fails loudly when it changes shape', () => {
        const patched = patchedSharedSchema('enum RecordScope @generic {\n}\n');
        assert.match(patched, /enum RecordScope \{\n {2}DELEGATED/);
        assert.match(patched, /directive @optional on FIELD/);
        assert.throws(() => patchedSharedSchema('scalar Long\n'), /no RecordScope enum found/);
    });
});
