import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { packageApiVersion, validateDocument, type Diagnostic } from '../../validate/graphql';

const documentsDir = path.join(__dirname, 'fixtures', 'documents');
const fixture = (name: string): string => fs.readFileSync(path.join(documentsDir, name), 'utf8');

/** 1-based line and column of the first occurrence of `needle`. */
function positionOf(text: string, needle: string): [number, number] {
    const before = text.slice(0, text.indexOf(needle)).split('\n');
    return [before.length, before[before.length - 1].length + 1];
}

function only(diagnostics: Diagnostic[]): Diagnostic {
    assert.equal(diagnostics.length, 1, `expected one diagnostic, got ${JSON.stringify(diagnostics, null, 2)}`);
    return diagnostics[0];
}

describe('validateDocument accepts the documents the package writes', () => {
    for (const name of fs.readdirSync(documentsDir).filter((file) => file.startsWith('good-'))) {
        it(name, () => assert.deepEqual(validateDocument(fixture(name)), []));
    }

    it('currentUser (with @optional fields) once the components run at API 66.0', () => {
        assert.deepEqual(validateDocument(fixture('current-user.graphql'), undefined, { apiVersion: 66 }), []);
    });

    it('polymorphic parents through inline fragments, and a semi-join', () => {
        const source = `query tasks {
            uiapi { query {
                Task(where: { What: { Opportunity: { IsWon: { eq: true } } } }, first: 100) {
                    edges { node { Id Who { ... on Contact { Name { value } } ... on Lead { Company { value } } } } }
                }
            } }
        }`;
        assert.deepEqual(validateDocument(source), []);
        const semiJoin = `query accountsWithWins {
            uiapi { query {
                Account(where: { Id: { inq: { Opportunity: { IsWon: { eq: true } }, ApiName: "AccountId" } } }) {
                    edges { node { Id Opportunities(first: 5) { edges { node { Amount { value } } } } } }
                }
            } }
        }`;
        assert.deepEqual(validateDocument(semiJoin), []);
    });
});

describe('validateDocument rejects', () => {
    it('a misspelled field, suggesting the right one', () => {
        const diagnostic = only(validateDocument(fixture('bad-misspelled-field.graphql')));
        assert.match(diagnostic.message, /Cannot query field "Amonut" on type "Opportunity".*"Amount"/);
        assert.deepEqual(
            [diagnostic.line, diagnostic.column],
            positionOf(fixture('bad-misspelled-field.graphql'), 'Amonut'),
        );
    });

    it('an unknown object', () => {
        const diagnostic = only(validateDocument(fixture('bad-unknown-object.graphql')));
        assert.match(diagnostic.message, /Cannot query field "Opportunities" on type "RecordQuery"/);
    });

    it('a wrong operator', () => {
        const diagnostic = only(validateDocument(fixture('bad-wrong-operator.graphql')));
        assert.match(diagnostic.message, /"greaterThan" is not defined by type "CurrencyOperators"/);
    });

    it('a field without its { value } wrapper', () => {
        const diagnostic = only(validateDocument(fixture('bad-missing-value.graphql')));
        assert.match(diagnostic.message, /"StageName" of type "PicklistValue" must have a selection of subfields/);
    });

    it('a date compared with a bare string instead of { value }', () => {
        const source = `query q { uiapi { query { Opportunity(where: { CloseDate: { gte: "2026-01-01" } }) { totalCount } } } }`;
        assert.match(only(validateDocument(source)).message, /Expected value of type "DateInput"/);
    });

    it('selecting fields of a polymorphic owner without a fragment', () => {
        const source = `query q { uiapi { query { Lead { edges { node { Owner { Name { value } } } } } } } }`;
        assert.match(only(validateDocument(source)).message, /inline fragment on "Group" or "User"/);
    });

    it('11 subqueries in one query, counting aliases and fragments', () => {
        const aliases = Array.from({ length: 9 }, (_, i) => `a${i}: Account { totalCount }`).join('\n');
        const source = `query eleven {
            uiapi { query {
                ${aliases}
                ...more
            } }
        }
        fragment more on RecordQuery { Case { totalCount } Lead { totalCount } }`;
        const diagnostic = only(validateDocument(source));
        assert.equal(diagnostic.rule, 'max-subqueries');
        assert.match(diagnostic.message, /11 subqueries.*at most 10/);
        assert.deepEqual(validateDocument(source.replace('Lead { totalCount }', '')), []);
    });

    it('first: 3000, also as a variable default', () => {
        const diagnostic = only(validateDocument(fixture('bad-first.graphql')));
        assert.equal(diagnostic.rule, 'max-first');
        assert.match(diagnostic.message, /first: 3000\) exceeds 2000/);
        const viaDefault = `query q($n: Int = 2500) { uiapi { query { Account(first: $n) { totalCount } } } }`;
        assert.equal(only(validateDocument(viaDefault)).rule, 'max-first');
        const fine = `query q { uiapi { query { Account(first: 2000) { totalCount } } } }`;
        assert.deepEqual(validateDocument(fine), []);
    });

    it('upperBound with first outside 200..2000, or without first', () => {
        const diagnostic = only(validateDocument(fixture('bad-upper-bound.graphql')));
        assert.equal(diagnostic.rule, 'upper-bound-first');
        assert.match(diagnostic.message, /first: 50\) with upperBound: first must be 200 to 2000/);
        const withoutFirst = `query q { uiapi { query { Account(upperBound: 5000) { totalCount } } } }`;
        assert.match(only(validateDocument(withoutFirst)).message, /upperBound without first/);
    });

    it('upperBound on an aggregate, which has no such argument', () => {
        const source = `query q { uiapi { aggregate { Account(first: 200, upperBound: 500) { totalCount } } } }`;
        assert.match(only(validateDocument(source)).message, /Unknown argument "upperBound"/);
    });

    it('objectInfos picklist values only from API 65.0, objectInfos itself from 56.0', () => {
        const source = `query q { uiapi { objectInfos(apiNames: ["Opportunity"]) { ApiName fields { ApiName
            ... on PicklistField { picklistValuesByRecordTypeIDs { recordTypeID picklistValues { label value } } } } } } }`;
        assert.deepEqual(validateDocument(source, undefined, { apiVersion: 65 }), []);
        const at64 = only(validateDocument(source, undefined, { apiVersion: 64 }));
        assert.equal(at64.rule, 'api-version');
        assert.match(at64.message, /picklistValuesByRecordTypeIDs needs API 65\.0 or later; the package runs at 64\.0/);
        assert.match(
            only(validateDocument(source, undefined, { apiVersion: 55 })).message,
            /uiapi\.objectInfos needs API 56\.0/,
        );
    });

    it('records and aggregates share one query and one limit of 10 subqueries', () => {
        // UIAPI declares both `query` and `aggregate` (aggregate-schema page); nothing documents a ban on using both.
        const mixed = (aggregates: number) => `query mixed { uiapi {
            query { Opportunity { totalCount } }
            aggregate { ${Array.from({ length: aggregates }, (_, i) => `a${i}: Opportunity { edges { node { aggregate { Amount { sum { value } } } } } }`).join(' ')} }
        } }`;
        assert.deepEqual(validateDocument(mixed(9)), []);
        assert.equal(only(validateDocument(mixed(10))).rule, 'max-subqueries');
    });

    it('objectInfos counts as one of the 10 subqueries (query-limits is silent: the limit then holds either way)', () => {
        const withInfos = (aggregates: number) => `query infos { uiapi {
            objectInfos(apiNames: ["Opportunity"]) { ApiName }
            aggregate { ${Array.from({ length: aggregates }, (_, i) => `a${i}: Opportunity { edges { node { aggregate { Amount { sum { value } } } } } }`).join(' ')} }
        } }`;
        assert.deepEqual(validateDocument(withInfos(9)), []);
        assert.match(only(validateDocument(withInfos(10))).message, /11 subqueries.*and objectInfos/);
    });

    it('a record field inside an aggregate node', () => {
        const source = `query q { uiapi { aggregate { Opportunity { edges { node { aggregate { Owner { Email { value } } Name { sum { value } } } } } } } } }`;
        const messages = validateDocument(source).map((d) => d.message);
        assert.ok(
            messages.some((m) => /Cannot query field "sum" on type "StringAggregate"/.test(m)),
            messages.join(),
        );
    });

    it('variables in @include/@skip, which the wire adapter does not support', () => {
        const source = `query q($full: Boolean!) { uiapi { query { Account { edges { node { Name @include(if: $full) { value } } } } } } }`;
        assert.equal(only(validateDocument(source)).rule, 'no-directive-variables');
    });

    it('features newer than the API version the package runs at (sfdx-project.json, 65.0)', () => {
        assert.equal(packageApiVersion(), 65);
        const currentUser = only(validateDocument(fixture('current-user.graphql')));
        assert.equal(currentUser.rule, 'api-version');
        assert.match(currentUser.message, /currentUser needs API 66\.0 or later; the package runs at 65\.0/);
        const optional = validateDocument(fixture('good-optional.graphql'), undefined, { apiVersion: 64 });
        assert.deepEqual(
            optional.map((d) => d.rule),
            ['api-version', 'api-version', 'api-version'],
        );
    });

    it('mutations and syntax errors', () => {
        assert.equal(
            only(validateDocument(`mutation m { uiapi { query { Account { totalCount } } } }`)).rule,
            'query-only',
        );
        const syntax = only(validateDocument(`query q { uiapi { query { Account { totalCount } }`));
        assert.equal(syntax.rule, 'syntax');
        assert.match(syntax.message, /Syntax Error/);
    });
});
