import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'graphql';
import { extractAll } from '../../../scripts/graphql/extract';
import { forceAppDir } from '../../../scripts/lib/paths';
import { DEFAULT_LIMITS, checkLimits, countVariableValues, measureDocument, measureText } from '../limits';

const measure = (source: string, variables: Record<string, unknown> = {}) => measureDocument(parse(source), variables);

describe('counting a document', () => {
    test('fields count every selection, aliases and __typename included; depth counts fields within fields', () => {
        const cost = measure(
            'query { uiapi { a: __typename query { Account { edges { node { Id n: Name { value } } } } } } }',
        );
        // uiapi, a, query, Account, edges, node, Id, n, value
        assert.equal(cost.fields, 9);
        assert.equal(cost.depth, 7);
        assert.equal(cost.subqueries, 1);
    });

    test('subqueries are the objects under uiapi.query and uiapi.aggregate, through aliases and fragments', () => {
        const cost = measure(`
            query {
                uiapi {
                    query { a: Account { edges { node { Id } } } b: Account { edges { node { Id } } } __typename }
                    aggregate { ...Objects }
                    objectInfos(apiNames: ["Account"]) { ApiName }
                }
            }
            fragment Objects on AggregateQuery { Opportunity { edges { node { Id } } } Case { edges { node { Id } } } }`);
        assert.equal(cost.subqueries, 4, '2 aliased and 2 in the fragment; __typename and objectInfos are none');
    });

    test('answer size multiplies fields by the rows of every connection above them', () => {
        const nested = measure(
            'query { uiapi { query { Account(first: 200) { edges { node { Name { value } Opportunities(first: 5) { edges { node { Id Amount { value displayValue } } } } } } } } } }',
        );
        assert.equal(nested.cells, 200 * (1 + 5 * 3));
        const byDefault = measure('query { uiapi { query { Account { edges { node { Id } } } } } }');
        assert.equal(byDefault.cells, 10, 'no first: the engine pages 10 rows');
        const paged = 'query q($n: Int = 50) { uiapi { query { Account(first: $n) { edges { node { Id } } } } } }';
        assert.equal(measure(paged).cells, 50, "the variable's default");
        assert.equal(measure(paged, { n: 2000 }).cells, 2000, "the request's value");
        assert.equal(
            measure(paged, { n: 5000 }).cells,
            2000,
            'above 2,000 is the engine refusing, not a bigger answer',
        );
    });

    test('argument values count every literal, list item and object field; variables count as well', () => {
        const cost = measure(
            'query { uiapi { query { Account(first: 5, where: { or: [{ Name: { eq: "a" } }, { Name: { eq: "b" } }] }) { edges { node { Id } } } } } }',
        );
        // 5; the where object, its list, 2 × (object, object, string)
        assert.equal(cost.values, 1 + 2 + 2 * 3);
        assert.equal(countVariableValues({ first: 5, where: { Name: { in: ['a', 'b', 'c'] } } }), 1 + 1 + 1 + 1 + 3);
        const deep = JSON.parse(`${'['.repeat(100_000)}1${']'.repeat(100_000)}`) as unknown;
        assert.equal(countVariableValues({ deep }), 100_001, 'nested deeper than the stack would allow a recursion');
    });

    test('a fragment spread many times counts at every spread, in time linear in the text', () => {
        // Each fragment spreads the next twice: 2^40 fields once expanded, which a naive count would never finish.
        const fragments = Array.from(
            { length: 40 },
            (_, i) => `fragment F${i} on Account { ${i === 39 ? 'Id' : `...F${i + 1} ...F${i + 1}`} }`,
        ).join('\n');
        const cost = measure(`query { uiapi { query { Account { edges { node { ...F0 } } } } } } ${fragments}`);
        assert.equal(cost.fields, 5 + 2 ** 39);
    });

    test('fragment cycles and chains of fragments end without overflowing the stack', () => {
        const cycle = measure(
            'query { uiapi { ...A } } fragment A on UIAPI { __typename ...B } fragment B on UIAPI { ...A }',
        );
        assert.equal(cycle.fields, 2);
        const chain = Array.from({ length: 5_000 }, (_, i) => `fragment F${i} on UIAPI { ...F${i + 1} }`).join(' ');
        const cost = measure(`query { uiapi { ...F0 } } ${chain} fragment F5000 on UIAPI { __typename }`);
        assert.equal(cost.depth, DEFAULT_LIMITS.depth + 1, 'too deep to follow: reported as just past the limit');
    });

    test('the text: braces outside arguments are field depth; brackets inside them only nesting', () => {
        const text = measureText(
            'query q($w: Filter = { a: { b: 1 } }) { uiapi { query(where: { x: { y: [1] } }) { id } } }',
        );
        assert.equal(text.depth, 3);
        assert.equal(text.nesting, 6, '{ uiapi { query( { x: { y: [');
        assert.equal(measureText('{ a(s: "{ {") } # { { { strings and comments do not count').depth, 1);
        assert.equal(measureText('{ a '.repeat(60_000), 1_000).tokens, 1_001, 'stops counting past the token limit');
    });
});

describe('checkLimits', () => {
    test('names the limit and the measured value', () => {
        assert.equal(
            checkLimits(
                'query { uiapi { query { Account(first: 2000) { edges { node { Id } } } } } }',
                {},
                { ...DEFAULT_LIMITS, cells: 1_999 },
            ),
            'query limit exceeded (cells): the document has 2,000 values in the answer (fields × rows); the preview server allows at most 1,999',
        );
        assert.match(
            checkLimits(`{ ${'a '.repeat(1_001)}}`) ?? '',
            /\(fields\): the document has 1,001 selected fields/,
        );
        assert.match(
            checkLimits(`${'{ a '.repeat(30)}${'}'.repeat(30)}`) ?? '',
            /\(depth\): the document has 30 levels/,
        );
        assert.match(
            checkLimits(`{ a(b: ${'['.repeat(70)}${']'.repeat(70)}) }`) ?? '',
            /\(nesting\): the document has 72 levels of nested brackets/,
        );
        assert.match(
            checkLimits('query q($in: [String]) { a(in: $in) }', { in: Array(1_500).fill('x') }) ?? '',
            /\(values\): the document has 1,502 values in arguments and variables; .* at most 1,000/,
        );
    });

    test('leaves what does not parse to the engine, which answers "Invalid syntax" as the API does', () => {
        assert.equal(checkLimits('query { uiapi { '), undefined);
        assert.equal(checkLimits('query { "unterminated'), undefined);
    });

    test('refuses none of the documents the package sends', () => {
        const { documents } = extractAll(forceAppDir);
        assert.ok(documents.length > 1_000, `${documents.length} documents`);
        const refused = documents.filter((document) => checkLimits(document.source) !== undefined);
        assert.deepEqual(
            refused.map((document) => `${document.label ?? document.file}: ${checkLimits(document.source)}`),
            [],
        );
    });
});
