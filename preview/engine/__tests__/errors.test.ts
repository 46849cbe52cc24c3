import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureEngine, U } from './fixture';

const { run } = fixtureEngine();

const validation = { errorType: 'ValidationError', classification: 'ValidationError' };

describe('error shapes (graphql guide: query-status; graphql-java wording)', () => {
    it('reports a syntax error as InvalidSyntax with its location and no data', () => {
        const response = run('{ uiapi { query { Opportunity { edges { node { Id } } } }');
        assert.equal(response.data, undefined);
        assert.equal(response.errors!.length, 1);
        const [error] = response.errors!;
        assert.match(error.message, /^Invalid syntax: Expected Name, found <EOF>/);
        assert.deepEqual(error.extensions, { errorType: 'InvalidSyntax', classification: 'InvalidSyntax' });
        assert.deepEqual(error.locations, [{ line: 1, column: 58 }]);
    });

    it('names an unknown field with its query path, like the real API', () => {
        const response = run('{ uiapi { query { Opportunity { edges { node { Amout { value } } } } } } }');
        assert.deepEqual(response.errors, [
            {
                message:
                    "Validation error (FieldUndefined@[uiapi/query/Opportunity/edges/node/Amout]) : Field 'Amout' in type 'Opportunity' is undefined",
                locations: [{ line: 1, column: 48 }],
                extensions: validation,
                errorType: 'ValidationError',
            },
        ]);
    });

    it('treats an object the schema lacks as undefined on RecordQuery ("object not supported")', () => {
        const response = run('{ uiapi { query { Widget__c { edges { node { Id } } } } } }');
        assert.equal(
            response.errors![0].message,
            "Validation error (FieldUndefined@[uiapi/query/Widget__c]) : Field 'Widget__c' in type 'RecordQuery' is undefined",
        );
    });

    it('names an unknown argument and a wrong argument value', () => {
        const unknown = run('{ uiapi { query { Opportunity(limit: 5) { edges { node { Id } } } } } }');
        assert.equal(
            unknown.errors![0].message,
            'Validation error (UnknownArgument@[uiapi/query/Opportunity]) : Unknown field argument limit',
        );
        const wrong = run(
            '{ uiapi { query { Opportunity(where: { Amount: { gt: "lots" } }) { edges { node { Id } } } } } }',
        );
        assert.equal(wrong.data, undefined);
        assert.equal(
            wrong.errors![0].message,
            `Validation error (WrongType@[uiapi/query/Opportunity]) : argument 'where.Amount.gt' with value '"lots"' is not a valid 'Currency'`,
        );
    });

    it('rejects variables of the wrong type before running', () => {
        const response = run(
            'query Q($n: Int) { uiapi { query { Opportunity(first: $n) { edges { node { Id } } } } } }',
            U.admin,
            { n: 'ten' },
        );
        assert.equal(response.data, undefined);
        assert.match(response.errors![0].message, /Variable "\$n" got invalid value "ten"/);
        assert.deepEqual(response.errors![0].extensions, validation);
    });

    it('asks for an operation name when a document has several, as OperationNotSupported', () => {
        const document =
            'query A { uiapi { query { Account { edges { node { Id } } } } } } query B { uiapi { query { Case { edges { node { Id } } } } } }';
        const response = run(document);
        assert.equal(response.errors![0].extensions!.errorType, 'OperationNotSupported');
        const named = fixtureEngine().engine.execute(
            { query: document, operationName: 'B' },
            { userId: U.admin, locale: 'en-US', currency: 'USD', timeZone: 'UTC' },
        );
        assert.equal(named.errors, undefined);
        const missing = fixtureEngine().engine.execute(
            { query: document, operationName: 'C' },
            { userId: U.admin, locale: 'en-US', currency: 'USD', timeZone: 'UTC' },
        );
        assert.equal(missing.errors![0].message, "Unknown operation named 'C'.");
    });
});

describe('limits (query-limits)', () => {
    const subqueries = (n: number) =>
        `{ uiapi { query { ${Array.from({ length: n }, (_, i) => `q${i}: Account(first: 1) { edges { node { Id } } }`).join(' ')} } } }`;

    it('answers 10 subqueries and rejects 11 with the offending one located', () => {
        const ten = run(subqueries(10));
        assert.equal(ten.errors, undefined);
        assert.equal(ten.metrics.subqueries, 10);
        const source = subqueries(11);
        const eleven = run(source);
        assert.equal(eleven.data, undefined);
        assert.equal(eleven.errors!.length, 1);
        assert.match(
            eleven.errors![0].message,
            /^Validation error \(max-subqueries@\[uiapi\/query\/Account\]\) : .*11 subqueries/,
        );
        assert.deepEqual(eleven.errors![0].locations, [{ line: 1, column: source.indexOf('q10:') + 1 }]);
    });

    it("applies the offline checker's rules, such as the limit on subqueries across records and aggregates", () => {
        const aggregates = Array.from(
            { length: 10 },
            (_, i) => `a${i}: Account { edges { node { aggregate { Id { count { value } } } } } }`,
        ).join(' ');
        const response = run(`{ uiapi { query { Account { edges { node { Id } } } } aggregate { ${aggregates} } } }`);
        assert.match(response.errors![0].message, /max-subqueries/);
    });

    it('answers records and aggregates in one document', () => {
        const response = run(
            '{ uiapi { query { Account(first: 1) { edges { node { Id } } } } aggregate { Account { edges { node { aggregate { Id { count { value } } } } } } } } }',
        );
        assert.equal(response.errors, undefined);
        assert.equal(response.metrics.subqueries, 2);
    });
});

describe('measurement hooks', () => {
    it('reports bytes of the JSON body, subqueries, rows scanned and time', () => {
        const response = run(
            `{ uiapi { query {
                a: Opportunity(where: { IsWon: { eq: true } }) { edges { node { Id } } }
                b: Account { edges { node { Name { value } } } }
                c: OpportunityHistory { totalCount }
            } } }`,
            U.manager,
        );
        const { metrics, ...body } = response;
        assert.equal(metrics.bytes, Buffer.byteLength(JSON.stringify(body)));
        assert.equal(metrics.subqueries, 3);
        // Manager's team owns 5 opportunities (owner index), 2 accounts are public, 3 history rows hang off the 5 deals.
        assert.equal(metrics.rowsScanned, 5 + 2 + (5 + 3));
        assert.ok(Number.isFinite(metrics.ms) && metrics.ms >= 0, String(metrics.ms));
    });

    it('measures failed requests too', () => {
        const response = run('{ nope }');
        assert.equal(response.metrics.subqueries, 0);
        assert.equal(response.metrics.rowsScanned, 0);
        assert.equal(response.metrics.bytes, Buffer.byteLength(JSON.stringify({ errors: response.errors })));
    });
});
