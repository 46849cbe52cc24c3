/**
 * The engine held to Salesforce's UI API GraphQL guide: each test is one rule a guide page states, named with the page
 * it comes from, and checks that the engine refuses what the page refuses, accepts what it accepts and answers in the
 * shape it shows. Rules the docs leave open are not here; docs/engine-differences.md lists them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EngineResponse } from '../api';
import { createEngine } from '../index';
import { A, fixtureEngine, fixtureOrg, U, viewer } from './fixture';

const GUIDE = 'https://developer.salesforce.com/docs/platform/graphql/guide';
const LWC_GUIDE = 'https://developer.salesforce.com/docs/platform/lwc/guide';
const PAGES = {
    limits: `${GUIDE}/query-limits.html`,
    paginate: `${GUIDE}/paginate.html`,
    paginateUse: `${GUIDE}/paginate-use.html`,
    lwcPaginate: `${LWC_GUIDE}/reference-graphql-pagination.html`,
    aggregateExamples: `${GUIDE}/aggregate-examples.html`,
    aggregateSupport: `${GUIDE}/aggregate-support.html`,
    groupBy: `${GUIDE}/aggregate-groupby.html`,
    groupBySchema: `${GUIDE}/aggregate-groupby-schema.html`,
    aggregateOrderBy: `${GUIDE}/aggregate-orderby.html`,
    orderSchema: `${GUIDE}/order-schema.html`,
    filterFields: `${GUIDE}/filter-fields.html`,
    filterBoolean: `${GUIDE}/filter-boolean.html`,
    filterParent: `${GUIDE}/filter-parent.html`,
    joins: `${GUIDE}/filter-joins.html`,
    records: `${GUIDE}/query-record-objects.html`,
    requests: `${GUIDE}/requests-and-responses.html`,
    relationships: `${LWC_GUIDE}/reference-graphql-relationships.html`,
};

const { run } = fixtureEngine();

// Answers are arbitrary JSON read path by path.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

function accepted(response: EngineResponse): Json {
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    return response.data;
}

function refused(response: EngineResponse, message?: RegExp): void {
    assert.ok(response.errors && response.errors.length > 0, `expected an error, got ${JSON.stringify(response.data)}`);
    if (message) assert.match(response.errors.map((e) => e.message).join('\n'), message);
}

const records = (args: string, selection = 'Id', as = U.admin) =>
    run(`{ uiapi { query { Opportunity${args ? `(${args})` : ''} { edges { node { ${selection} } } } } } }`, as);
const aggregate = (args: string, selection: string, as = U.admin) =>
    run(
        `{ uiapi { aggregate { Opportunity${args ? `(${args})` : ''} { edges { node { aggregate { ${selection} } } } } } } }`,
        as,
    );
const edges = (data: Json, object = 'Opportunity', section = 'query'): Json[] => data.uiapi[section][object].edges;
const names = (response: EngineResponse): string[] =>
    edges(accepted(response)).map((edge) => edge.node.Name.value as string);

describe(`query limits (${PAGES.limits})`, () => {
    const subqueries = (n: number) =>
        `{ uiapi { query { ${Array.from({ length: n }, (_, i) => `q${i}: Opportunity { edges { node { Id } } }`).join(' ')} } } }`;

    it('"Each GraphQL query can contain up to 10 subqueries": 10 are answered, 11 refused', () => {
        accepted(run(subqueries(10)));
        refused(run(subqueries(11)), /10/);
    });

    it('"Each subquery can return up to 2000 records": first 2000 is answered, 2001 refused', () => {
        accepted(records('first: 2000'));
        refused(records('first: 2001'), /2000/);
    });

    it('"By default, the first 10 records are returned"', () => {
        const many = run('{ uiapi { query { User { edges { node { Id } } pageInfo { hasNextPage } totalCount } } } }');
        const data = accepted(many);
        const total = data.uiapi.query.User.totalCount as number;
        assert.ok(total > 0);
        assert.equal(edges(data, 'User').length, Math.min(total, 10));
    });

    it("a field not supported for filtering is \"Field 'FieldName' in type 'ObjectName' is undefined\"", () => {
        refused(records('where: { NoSuchField__c: { eq: 1 } }'), /NoSuchField__c/);
    });
});

describe(`pagination (${PAGES.paginate}, ${PAGES.paginateUse}, ${PAGES.lwcPaginate})`, () => {
    it('"If hasNextPage is true, you can supply the value of endCursor to the after argument" for the next page', () => {
        const page = (after: string | null) =>
            run(
                `query P($after: String) { uiapi { query { Opportunity(first: 3, after: $after, orderBy: { Name: { order: ASC } }) {
                    edges { cursor node { Name { value } } } pageInfo { hasNextPage endCursor } totalCount } } } }`,
                U.admin,
                { after },
            );
        const first = accepted(page(null)).uiapi.query.Opportunity;
        assert.equal(first.pageInfo.hasNextPage, true);
        assert.equal(first.edges.length, 3);
        for (const edge of first.edges) assert.equal(typeof edge.cursor, 'string');
        const second = accepted(page(first.pageInfo.endCursor)).uiapi.query.Opportunity;
        const seen = [...first.edges, ...second.edges].map((edge: Json) => edge.node.Name.value);
        assert.equal(new Set(seen).size, seen.length, 'no record twice');
        assert.equal(second.totalCount, first.totalCount);
    });

    it('"Using pagination without an upper-bound limit lets you retrieve up to 4,000 records only"', () => {
        // The fixture org and 4,200 more opportunities of the admin's.
        const org = fixtureOrg();
        const template = org.records.Opportunity[0];
        for (let i = 0; i < 4200; i += 1) {
            const Id = `006${String(i + 1000).padStart(12, '0')}AAA`;
            org.records.Opportunity.push({ ...template, Id, Name: `Bulk ${i}`, OwnerId: U.admin });
        }
        const engine = createEngine(org);
        const page = (after: string | null) =>
            engine.execute(
                {
                    query: `query P($after: String) { uiapi { query { Opportunity(first: 2000, after: $after) {
                        edges { node { Id } } pageInfo { hasNextPage endCursor } } } } }`,
                    variables: { after },
                },
                viewer(U.admin),
            );
        const first = accepted(page(null)).uiapi.query.Opportunity;
        const second = accepted(page(first.pageInfo.endCursor)).uiapi.query.Opportunity;
        assert.equal(first.edges.length + second.edges.length, 4000);
        assert.equal(second.pageInfo.hasNextPage, true);
        refused(page(second.pageInfo.endCursor), /2000/);
    });

    it('"Backward pagination arguments last and before are currently not supported"', () => {
        refused(records('last: 2'));
        refused(records('before: "x"'));
    });

    it('"Paginate using an upper-bound limit" (API 59.0+): upperBound with first between 200 and 2000', () => {
        accepted(records('first: 200, upperBound: 500'));
        refused(records('first: 10, upperBound: 500'), /200/);
    });
});

describe(`aggregates (${PAGES.aggregateExamples})`, () => {
    it('aggregate functions without groupBy answer one row: "Amount { avg { value displayValue } }" and totalCount', () => {
        const data = accepted(
            run(`query AvgOpportunityExample { uiapi { aggregate { Opportunity {
                edges { node { aggregate { Amount { avg { value displayValue } sum { value } } } } } totalCount } } } }`),
        );
        const rows = edges(data, 'Opportunity', 'aggregate');
        assert.equal(rows.length, 1);
        assert.equal(typeof rows[0].node.aggregate.Amount.avg.value, 'number');
        assert.equal(typeof rows[0].node.aggregate.Amount.avg.displayValue, 'string');
        assert.equal(typeof data.uiapi.aggregate.Opportunity.totalCount, 'number');
    });

    it('"To use the count function and group by a field, use Id { count { value } }": one row per group', () => {
        const rows = edges(
            accepted(
                aggregate('groupBy: { StageName: { group: true } }', 'StageName { value } Id { count { value } }'),
            ),
            'Opportunity',
            'aggregate',
        );
        const stages = rows.map((row) => row.node.aggregate.StageName.value);
        assert.equal(new Set(stages).size, stages.length);
        const total = rows.reduce((sum, row) => sum + row.node.aggregate.Id.count.value, 0);
        const all = accepted(aggregate('', 'Id { count { value } }'));
        assert.equal(total, edges(all, 'Opportunity', 'aggregate')[0].node.aggregate.Id.count.value);
    });

    it('"You can\'t simultaneously query both the record and aggregate fields within RecordAggregate"', () => {
        refused(
            run(
                '{ uiapi { aggregate { Opportunity { edges { node { Id aggregate { Id { count { value } } } } } } } } }',
            ),
        );
    });
});

describe(`aggregate functions per field type (${PAGES.aggregateSupport})`, () => {
    it('"average and sum apply to currency and numeric values but not to string values"', () => {
        accepted(aggregate('', 'Amount { avg { value } sum { value } min { value } max { value } }'));
        refused(aggregate('', 'Name { sum { value } }'), /sum/);
        refused(aggregate('', 'Name { avg { value } }'), /avg/);
    });

    it('String fields take count, countDistinct, min and max', () => {
        accepted(aggregate('', 'Name { count { value } countDistinct { value } min { value } max { value } }'));
    });

    it('Date fields take count, countDistinct, min and max, not sum or avg', () => {
        accepted(aggregate('', 'CloseDate { count { value } countDistinct { value } min { value } max { value } }'));
        refused(aggregate('', 'CloseDate { sum { value } }'), /sum/);
        refused(aggregate('', 'CloseDate { avg { value } }'), /avg/);
    });

    it('"grouping can\'t be used with DateTime": a DateTime groups only through a date function', () => {
        refused(aggregate('groupBy: { CreatedDate: { group: true } }', 'Id { count { value } }'));
        accepted(
            aggregate(
                'groupBy: { CreatedDate: { function: CALENDAR_MONTH } }',
                'CreatedDate { calendarMonth { value } } Id { count { value } }',
            ),
        );
    });
});

describe(`groupBy (${PAGES.groupBy}, ${PAGES.groupBySchema})`, () => {
    it('groups by Boolean, String, ID (Id and references: "Id: GroupByClause", "OwnerId: GroupByClause") and picklists', () => {
        for (const field of ['IsWon', 'Name', 'Id', 'OwnerId', 'StageName']) {
            accepted(aggregate(`groupBy: { ${field}: { group: true } }`, `${field} { value } Id { count { value } }`));
        }
    });

    it('a currency (Double) field is not in the groupable types', () => {
        refused(aggregate('groupBy: { Amount: { group: true } }', 'Id { count { value } }'));
    });

    it('"optional types CUBE or ROLLUP": ROLLUP adds the subtotal rows', () => {
        const plain = edges(
            accepted(
                aggregate('groupBy: { StageName: { group: true } }', 'StageName { value } Id { count { value } }'),
            ),
            'Opportunity',
            'aggregate',
        );
        const rolled = edges(
            accepted(
                aggregate(
                    'groupBy: { StageName: { group: true }, type: ROLLUP }',
                    'StageName { value } Id { count { value } }',
                ),
            ),
            'Opportunity',
            'aggregate',
        );
        assert.equal(rolled.length, plain.length + 1, 'one grand total row');
    });
});

describe(`aggregate orderBy (${PAGES.aggregateOrderBy})`, () => {
    it('"To use the orderBy argument, your field must be grouped or aggregated"', () => {
        const select = 'StageName { value } Amount { sum { value } }';
        const group = 'groupBy: { StageName: { group: true } }';
        accepted(aggregate(`${group}, orderBy: { StageName: { order: DESC } }`, select));
        const bySum = edges(
            accepted(aggregate(`${group}, orderBy: { Amount: { function: SUM, order: DESC } }`, select)),
            'Opportunity',
            'aggregate',
        ).map((row) => row.node.aggregate.Amount.sum.value ?? 0);
        assert.deepEqual(
            bySum,
            [...bySum].sort((a, b) => b - a),
        );
        refused(aggregate(`${group}, orderBy: { Name: { order: ASC } }`, select));
    });
});

describe(`orderBy (${PAGES.orderSchema})`, () => {
    it('"By default, the result is ordered in ascending order" and "By default, null values are sorted first"', () => {
        const amounts = edges(accepted(records('orderBy: { Amount: {} }, first: 50', 'Amount { value }'))).map(
            (edge) => edge.node.Amount.value as number | null,
        );
        const nulls = amounts.filter((value) => value === null).length;
        assert.ok(nulls > 0, 'the fixture has an opportunity without an amount');
        assert.deepEqual(amounts.slice(0, nulls), Array(nulls).fill(null));
        const rest = amounts.slice(nulls) as number[];
        assert.deepEqual(
            rest,
            [...rest].sort((a, b) => a - b),
        );
        const last = edges(accepted(records('orderBy: { Amount: { nulls: LAST } }, first: 50', 'Amount { value }')));
        assert.equal(last.at(-1).node.Amount.value, null);
    });

    it('"The order by object has input object fields for each parent relationship": order by Owner.Name', () => {
        const owners = edges(
            accepted(records('orderBy: { Owner: { Name: { order: DESC } } }, first: 50', 'Owner { Name { value } }')),
        ).map((edge) => (edge.node.Owner.Name.value as string).toLowerCase());
        assert.deepEqual(owners, [...owners].sort().reverse());
    });
});

describe(`field operators (${PAGES.filterFields})`, () => {
    it('"If multiple operations are specified on an Operator, both operations are … AND\'d together"', () => {
        const amounts = edges(accepted(records('where: { Amount: { gt: 500, lt: 5000 } }', 'Amount { value }'))).map(
            (edge) => edge.node.Amount.value,
        );
        assert.ok(amounts.length > 0);
        for (const amount of amounts) assert.ok(amount > 500 && amount < 5000, String(amount));
    });

    it('"String comparisons are case-insensitive" with eq', () => {
        assert.deepEqual(
            names(records('where: { Name: { eq: "acme - renewal" } }', 'Name { value }')),
            names(records('where: { Name: { eq: "ACME - RENEWAL" } }', 'Name { value }')),
        );
        assert.deepEqual(names(records('where: { Name: { eq: "acme - renewal" } }', 'Name { value }')), [
            'Acme - Renewal',
        ]);
    });
});

describe(`boolean operators (${PAGES.filterBoolean})`, () => {
    const ids = (where: string) =>
        edges(accepted(records(`where: ${where}, first: 2000`))).map((edge) => edge.node.Id as string);
    const won = '{ StageName: { eq: "Closed Won" } }';
    const big = '{ Amount: { gte: 1000 } }';

    it('"AND and OR take in a list, while NOT takes in a single filter to invert"', () => {
        const all = ids('{ Id: { ne: null } }');
        const [a, b] = [new Set(ids(won)), new Set(ids(big))];
        assert.deepEqual(
            ids(`{ and: [${won}, ${big}] }`),
            all.filter((id) => a.has(id) && b.has(id)),
        );
        assert.deepEqual(
            ids(`{ or: [${won}, ${big}] }`),
            all.filter((id) => a.has(id) || b.has(id)),
        );
        assert.deepEqual(
            ids(`{ not: ${won} }`),
            all.filter((id) => !a.has(id)),
        );
        refused(records(`where: { not: [${won}] }`));
    });

    it('"Whenever two operators have a value on the filter type, the query combines them with an implicit AND"', () => {
        assert.deepEqual(
            ids('{ StageName: { eq: "Closed Won" }, Amount: { gte: 1000 } }'),
            ids(`{ and: [${won}, ${big}] }`),
        );
    });
});

describe(`parent relationship filters (${PAGES.filterParent})`, () => {
    it('"The sObject is also added to the filter type for each parent relationship": filter on Account.Industry', () => {
        const rows = edges(
            accepted(records('where: { Account: { Industry: { eq: "Retail" } } }', 'Account { Name { value } }')),
        );
        assert.ok(rows.length > 0);
        for (const row of rows) assert.equal(row.node.Account.Name.value, 'Acme');
    });
});

describe(`semi-joins and anti-joins (${PAGES.joins})`, () => {
    const accounts = (where: string) =>
        run(`{ uiapi { query { Account(where: ${where}) { edges { node { Id } } } } } }`).data as Json;
    const ids = (data: Json) => (data.uiapi.query.Account.edges as Json[]).map((edge) => edge.node.Id).sort();

    it('"returns accounts if an associated opportunity is closed won" (inq on Id with ApiName AccountId)', () => {
        const won = accounts(
            '{ Id: { inq: { Opportunity: { StageName: { eq: "Closed Won" } }, ApiName: "AccountId" } } }',
        );
        assert.deepEqual(ids(won), [A.acme]);
    });

    it('an anti-join (ninq) keeps the records the subquery does not name', () => {
        const all = ids(accounts('{ Id: { ne: null } }'));
        const won = ids(
            accounts('{ Id: { inq: { Opportunity: { StageName: { eq: "Closed Won" } }, ApiName: "AccountId" } } }'),
        );
        const notWon = ids(
            accounts('{ Id: { ninq: { Opportunity: { StageName: { eq: "Closed Won" } }, ApiName: "AccountId" } } }'),
        );
        assert.deepEqual([...won, ...notWon].sort(), all);
    });

    it('"To restrict the records to show only those records with associated child records, use empty curly brackets {}"', () => {
        const withOpportunities = ids(accounts('{ Id: { inq: { Opportunity: {}, ApiName: "AccountId" } } }'));
        assert.deepEqual(withOpportunities, [A.acme, A.globex].sort());
    });
});

describe(`objects, fields and optional fields (${PAGES.records})`, () => {
    it('a field the context user cannot access fails the query; "use optional fields" so it succeeds without it', () => {
        // The support profile cannot see Opportunity.Loss_Reason__c (preview/engine/access.ts).
        refused(records('', 'Id Loss_Reason__c { value }', U.agent), /Loss_Reason__c/);
        const data = accepted(records('', 'Id Loss_Reason__c @optional { value }', U.agent));
        for (const edge of edges(data)) assert.equal('Loss_Reason__c' in edge.node, false);
        // Someone who can see it gets it.
        const admin = edges(accepted(records('first: 1', 'Id Loss_Reason__c @optional { value }')));
        assert.equal('Loss_Reason__c' in admin[0].node, true);
    });

    it('"Optional fields available in API v65.0 and later"', () => {
        const older = fixtureEngine({ apiVersion: 64 });
        refused(older.run('{ uiapi { query { Opportunity { edges { node { Id Name @optional { value } } } } } } }'));
    });
});

describe(`requests and responses (${PAGES.requests})`, () => {
    const document = `query accounts { uiapi { query { Account { edges { node { Id } } } } } }
        query opportunities { uiapi { query { Opportunity { edges { node { Id } } } } } }`;

    it('"use the operationName field to indicate which query to execute"', () => {
        const { engine } = fixtureEngine();
        const viewer = { userId: U.admin, locale: 'en-US', currency: 'USD', timeZone: 'UTC' };
        const answer = engine.execute({ query: document, operationName: 'opportunities' }, viewer);
        assert.deepEqual(Object.keys(accepted(answer).uiapi.query), ['Opportunity']);
        refused(engine.execute({ query: document }, viewer));
    });

    it('"If the query defines any variables, include them as a map under the variables field"', () => {
        const answer = run(
            'query Q($stage: Picklist) { uiapi { query { Opportunity(where: { StageName: { eq: $stage } }) { edges { node { StageName { value } } } } } } }',
            U.admin,
            { stage: 'Closed Won' },
        );
        const stages = edges(accepted(answer)).map((edge) => edge.node.StageName.value);
        assert.ok(stages.length > 0);
        assert.deepEqual(new Set(stages), new Set(['Closed Won']));
    });

    it('answers as the query is written: data under uiapi, every field { value displayValue }', () => {
        const data = accepted(records('first: 1', 'Id Name { value displayValue } Amount { value displayValue }'));
        const node = edges(data)[0].node;
        assert.deepEqual(Object.keys(node), ['Id', 'Name', 'Amount']);
        assert.deepEqual(Object.keys(node.Amount), ['value', 'displayValue']);
    });
});

describe(`relationships (${PAGES.relationships})`, () => {
    it('"you can request multiple levels of parent relationships"', () => {
        const data = accepted(records('first: 5', 'Account { Owner { Manager { Name { value } } } }'));
        assert.ok(edges(data).length > 0);
    });

    it('"The GraphQL wire adapter only supports one level of child relationships"', () => {
        accepted(run('{ uiapi { query { Account { edges { node { Opportunities { edges { node { Id } } } } } } } } }'));
        refused(
            run(
                '{ uiapi { query { Account { edges { node { Opportunities { edges { node { OpportunityHistories { edges { node { Id } } } } } } } } } } } }',
            ),
        );
    });
});
