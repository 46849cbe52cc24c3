import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { objectDescriptions } from '../../../schema/index';
import { buildUiApiSchemaFor } from '../../../schema/uiapi';
import { createEngine } from '../index';
import { A, fixtureEngine, fixtureOrg, ids, nodes, O, U, viewer } from './fixture';

const { run } = fixtureEngine();

/** Each `[argument, names]` row: `query(argument)` answers the Opportunities of those names, in that order. */
function answers(query: (argument: string) => string[], rows: [argument: string, names: string][]): void {
    for (const [argument, names] of rows) assert.deepEqual(query(argument), named(names), argument);
}

/** The fixture's Opportunity Ids by their short names, in the order written: `named('beta zeta')`. */
function named(names: string): string[] {
    return names.split(' ').map((name) => {
        const id = (O as Record<string, string>)[name];
        if (!id) throw new Error(`no fixture Opportunity named ${name}`);
        return id;
    });
}

/** Opportunity Ids matching a `where` literal, in default (row) order, as the admin. */
function opps(where: string, as = U.admin, variables?: Record<string, unknown>, tz?: string): string[] {
    const vars = variables
        ? `(${Object.keys(variables)
              .map((k) => `$${k}: ${typeFor(k)}`)
              .join(', ')})`
        : '';
    const response = run(
        `query Q${vars} { uiapi { query { Opportunity(where: ${where}, first: 100) { edges { node { Id } } } } } }`,
        as,
        variables,
        tz ? { timeZone: tz } : {},
    );
    return ids(response, 'Opportunity');
}

function typeFor(name: string): string {
    return name === 'n' ? 'Int' : name === 'owner' ? 'ID' : 'String';
}

describe('field operators (graphql guide: filter-fields)', () => {
    it('eq compares text without case', () => assert.deepEqual(opps('{ Name: { eq: "GAMMA deal" } }'), named('gamma')));

    it('eq null finds empty fields; ne keeps them (SOQL null semantics)', () => {
        assert.deepEqual(opps('{ LeadSource: { eq: null } }'), named('beta'));
        assert.deepEqual(opps('{ LeadSource: { ne: "Web" } }'), named('expansion beta delta zeta'));
    });

    it('lt, gt, lte, gte order numbers and never match null', () => {
        answers(opps, [
            ['{ Amount: { gt: 400 } }', 'renewal expansion delta'],
            ['{ Amount: { lte: 400 } }', 'beta epsilon zeta'],
            ['{ Amount: { gte: 2500.5, lt: 7000 } }', 'expansion'],
        ]);
    });

    it('ANDs several operators on one field', () =>
        assert.deepEqual(opps('{ Amount: { gt: 100, lt: 1000 } }'), named('beta epsilon')));

    it('orders text without case', () => assert.deepEqual(opps('{ Name: { lt: "b" } }'), named('renewal expansion')));

    it('in and nin match lists, text without case', () => {
        assert.deepEqual(
            opps('{ StageName: { in: ["closed won", "Prospecting"] } }'),
            named('renewal beta gamma zeta'),
        );
        assert.deepEqual(opps('{ StageName: { nin: ["Closed Won", "Closed Lost"] } }'), named('beta delta'));
    });

    it('like takes % and _ wildcards and backslash escapes', () => {
        answers(opps, [
            ['{ Name: { like: "acme%" } }', 'renewal expansion'],
            ['{ Name: { like: "%deal" } }', 'beta gamma'],
            ['{ Name: { like: "_eta%" } }', 'beta zeta'],
            [String.raw`{ Name: { like: "Zeta\\_1\\%" } }`, 'zeta'],
        ]);
        assert.deepEqual(opps(String.raw`{ Name: { like: "Zeta\\_1\\%x" } }`), []);
    });

    it('booleans compare with eq and ne', () => {
        assert.deepEqual(opps('{ IsWon: { eq: true } }'), named('renewal gamma zeta'));
        assert.deepEqual(opps('{ IsClosed: { ne: true } }'), named('beta delta'));
    });

    it('takes operands from variables', () => {
        assert.deepEqual(
            opps('{ Name: { like: $pattern } }', U.admin, { pattern: 'acme%' }),
            named('renewal expansion'),
        );
    });
});

describe('boolean operators (filter-boolean)', () => {
    it('or, and, not combine filters', () => {
        answers(opps, [
            ['{ or: [{ Amount: { gt: 5000 } }, { LeadSource: { eq: "Other" } }] }', 'delta zeta'],
            ['{ not: { IsClosed: { eq: true } } }', 'beta delta'],
            ['{ and: [{ IsWon: { eq: true } }, { Amount: { gte: 100 } }] }', 'renewal'],
        ]);
        assert.deepEqual(
            opps(
                '{ or: [{ and: [{ IsWon: { eq: true } }, { LeadSource: { eq: "Web" } }] }, { Name: { eq: "Delta" } }] }',
            ),
            named('renewal gamma delta'),
        );
    });
});

describe('relationship filters (filter-relationship, filter-polymorphic, filter-joins)', () => {
    it("filters on a parent's fields", () => {
        assert.deepEqual(
            opps('{ Owner: { ManagerId: { eq: $owner } } }', U.admin, { owner: U.manager }),
            named('renewal expansion beta gamma'),
        );
        assert.deepEqual(opps('{ Owner: { Name: { like: "r%" } } }'), named('renewal expansion beta gamma'));
        assert.deepEqual(opps('{ Account: { Industry: { eq: "Retail" } } }'), named('renewal expansion'));
    });

    it('filters a polymorphic parent per type', () => {
        const tasks = (where: string) =>
            ids(run(`{ uiapi { query { Task(where: ${where}) { edges { node { Id } } } } } }`), 'Task');
        assert.deepEqual(tasks('{ What: { Opportunity: { StageName: { eq: "Closed Won" } } } }'), [
            '00T000000000001AAA',
            '00T000000000004AAA',
        ]);
        assert.deepEqual(tasks('{ What: { Account: { Name: { eq: "Acme" } } } }'), ['00T000000000003AAA']);
    });

    it('semi-joins and anti-joins on child rows', () => {
        const accounts = (op: string) =>
            ids(
                run(
                    `{ uiapi { query { Account(where: { Id: { ${op}: { Opportunity: { IsWon: { eq: true } }, ApiName: "AccountId" } } }) { edges { node { Id } } } } } }`,
                ),
                'Account',
            );
        assert.deepEqual(accounts('inq'), [A.acme]);
        assert.deepEqual(accounts('ninq'), [A.globex]);
    });
});

describe('date filters (value, literal, range)', () => {
    it('matches a date value', () =>
        assert.deepEqual(opps('{ CloseDate: { eq: { value: "2026-05-15" } } }'), named('delta')));

    it('compares against literal ranges as a whole (fiscal year starts in February)', () => {
        assert.deepEqual(opps('{ CloseDate: { eq: { literal: THIS_FISCAL_QUARTER } } }'), named('renewal beta delta'));
        assert.deepEqual(opps('{ CloseDate: { lt: { literal: THIS_FISCAL_YEAR } } }'), named('gamma zeta'));
        assert.deepEqual(opps('{ CloseDate: { gt: { literal: THIS_FISCAL_YEAR } } }'), []);
        answers(opps, [
            ['{ CloseDate: { gte: { literal: THIS_FISCAL_YEAR } } }', 'renewal expansion beta delta epsilon'],
            ['{ CloseDate: { lte: { literal: LAST_FISCAL_YEAR } } }', 'gamma zeta'],
            ['{ CloseDate: { ne: { literal: THIS_FISCAL_YEAR } } }', 'gamma zeta'],
        ]);
    });

    it('takes relative ranges and lists of dates', () => {
        assert.deepEqual(
            opps('{ CloseDate: { gte: { range: { last_n_days: 5 } } } }'),
            named('renewal beta delta epsilon'),
        );
        assert.deepEqual(
            opps('{ CloseDate: { in: [{ literal: TODAY }, { value: "2026-02-01" }] } }'),
            named('expansion delta'),
        );
        assert.deepEqual(
            opps('{ CloseDate: { eq: { range: { n_days_ago: $n } } } }', U.admin, { n: 5 }),
            named('renewal'),
        );
    });

    it("applies literals to date-times in the viewer's time zone", () => {
        // Beta was created at 06:30 UTC on May 15: still May 14 in Los Angeles.
        assert.deepEqual(opps('{ CreatedDate: { eq: { literal: TODAY } } }'), []);
        assert.deepEqual(opps('{ CreatedDate: { eq: { literal: YESTERDAY } } }'), named('beta'));
        assert.deepEqual(opps('{ CreatedDate: { eq: { literal: TODAY } } }', U.admin, undefined, 'UTC'), named('beta'));
    });

    it('compares date-time values as instants', () => {
        assert.deepEqual(opps('{ CreatedDate: { gte: { value: "2026-04-01T12:00:00Z" } } }'), named('beta delta'));
        assert.deepEqual(opps('{ CreatedDate: { eq: { value: "2026-04-01T05:00:00-07:00" } } }'), named('delta'));
    });

    it('rejects a malformed date operand before running', () => {
        const response = run(
            '{ uiapi { query { Opportunity(where: { CloseDate: { eq: { value: "15/05/2026" } } }) { edges { node { Id } } } } } }',
        );
        assert.equal(response.data, undefined);
        assert.match(response.errors![0].message, /not a YYYY-MM-DD date/);
    });
});

describe('date-function filters', () => {
    it('filters on calendar and fiscal parts of a date', () => {
        answers(opps, [
            ['{ CloseDate: { CALENDAR_YEAR: { value: { eq: 2026 } } } }', 'renewal expansion beta delta zeta'],
            ['{ CloseDate: { FISCAL_YEAR: { value: { eq: 2027 } } } }', 'renewal expansion beta delta epsilon'],
            ['{ CloseDate: { FISCAL_QUARTER: { value: { in: [4] } } } }', 'gamma epsilon zeta'],
            // Sundays: May 10 2026, Feb 1 2026, Jan 31 2027.
            ['{ CloseDate: { DAY_IN_WEEK: { value: { eq: 1 } } } }', 'renewal expansion epsilon'],
        ]);
    });

    it('computes date-time functions in UTC, or in the viewer zone with convertTimezoneValue', () => {
        // Expansion: 07:30 UTC on Nov 20 is 23:30 on Nov 19 in Los Angeles.
        answers(opps, [
            ['{ CreatedDate: { DAY_IN_MONTH: { value: { eq: 20 } } } }', 'expansion'],
            ['{ CreatedDate: { DAY_IN_MONTH: { convertTimezoneValue: { eq: 19 } } } }', 'expansion'],
            ['{ CreatedDate: { HOUR_IN_DAY: { value: { eq: 7 } } } }', 'expansion'],
            ['{ CreatedDate: { DAY_ONLY: { value: { eq: "2026-05-15" } } } }', 'beta'],
            ['{ CreatedDate: { DAY_ONLY: { convertTimezoneValue: { eq: "2026-05-14" } } } }', 'beta'],
        ]);
    });
});

/** Opportunity Ids in the order an orderBy literal gives. */
function ordered(orderBy: string): string[] {
    return ids(
        run(`{ uiapi { query { Opportunity(orderBy: ${orderBy}, first: 100) { edges { node { Id } } } } } }`),
        'Opportunity',
    );
}

describe('orderBy (SOQL ORDER BY: ascending and nulls first by default, text without case)', () => {
    it('sorts with nulls first by default, or last when asked', () => {
        answers(ordered, [
            ['{ Amount: { order: DESC } }', 'gamma delta expansion renewal beta epsilon zeta'],
            ['{ Amount: { order: DESC, nulls: LAST } }', 'delta expansion renewal beta epsilon zeta gamma'],
            ['{ Amount: { order: ASC } }', 'gamma zeta epsilon beta renewal expansion delta'],
        ]);
    });

    it('sorts by several keys in the order written, and text without case', () => {
        assert.deepEqual(
            ordered('{ LeadSource: { order: ASC }, Amount: { order: DESC } }'),
            named('beta zeta delta expansion gamma renewal epsilon'),
        );
        assert.deepEqual(ordered('{ Name: { order: ASC } }'), named('expansion renewal beta delta epsilon gamma zeta'));
    });

    it("sorts by a parent's field", () => {
        assert.deepEqual(
            ordered('{ Owner: { Name: { order: ASC } }, Name: { order: ASC } }'),
            named('zeta epsilon delta beta gamma expansion renewal'),
        );
    });

    it('keeps the written key order when orderBy comes in a variable', () => {
        const response = run(
            'query Q($o: Opportunity_OrderBy) { uiapi { query { Opportunity(orderBy: $o) { edges { node { Id } } } } } }',
            U.admin,
            { o: { LeadSource: { order: 'ASC' }, Amount: { order: 'DESC' } } },
        );
        assert.deepEqual(ids(response, 'Opportunity'), named('beta zeta delta expansion gamma renewal epsilon'));
    });
});

type Page = {
    edges: { cursor: string; node: { Id: string } }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
    totalCount: number;
};

function page(args: string, variables?: Record<string, unknown>): Page {
    const vars = variables
        ? `(${Object.keys(variables)
              .map((k) => `$${k}: ${k === 'after' ? 'String' : 'Int'}`)
              .join(', ')})`
        : '';
    const response = run(
        `query P${vars} { uiapi { query { Opportunity(${args}, orderBy: { Name: { order: ASC } }) { edges { cursor node { Id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount } } } }`,
        U.admin,
        variables,
    );
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    return (response.data as { uiapi: { query: { Opportunity: Page } } }).uiapi.query.Opportunity;
}

const cursor = (index: number) => Buffer.from(`v1:${index}`).toString('base64');

describe('pagination (paginate, paginate-use-upperbound, query-limits)', () => {
    it('pages with opaque v1:<index> cursors, pageInfo and totalCount', () => {
        const first = page('first: 3');
        assert.deepEqual(
            first.edges.map((e) => e.node.Id),
            named('expansion renewal beta'),
        );
        assert.deepEqual(first.pageInfo, {
            hasNextPage: true,
            hasPreviousPage: false,
            startCursor: cursor(0),
            endCursor: cursor(2),
        });
        assert.equal(first.totalCount, 7);
        assert.equal(cursor(9), 'djE6OQ==');
        const second = page('first: $first, after: $after', { first: 3, after: first.pageInfo.endCursor });
        assert.deepEqual(
            second.edges.map((e) => e.node.Id),
            named('delta epsilon gamma'),
        );
        assert.deepEqual(
            second.edges.map((e) => e.cursor),
            [cursor(3), cursor(4), cursor(5)],
        );
        assert.equal(second.pageInfo.hasPreviousPage, true);
        const last = page('first: $first, after: $after', { first: 3, after: second.pageInfo.endCursor });
        assert.deepEqual(
            last.edges.map((e) => e.node.Id),
            named('zeta'),
        );
        assert.equal(last.pageInfo.hasNextPage, false);
        const beyond = page('first: $first, after: $after', { first: 3, after: last.pageInfo.endCursor });
        assert.deepEqual(beyond.edges, []);
        assert.equal(beyond.pageInfo.endCursor, null);
    });

    it('returns 10 rows when first is not given', () => {
        const contacts = Array.from({ length: 25 }, (_, i) => ({
            Id: `003${String(i).padStart(12, '0')}AAA`,
            Name: `Contact ${i}`,
            OwnerId: U.rep1,
        }));
        const org = fixtureOrg();
        org.records.Contact = contacts;
        const engine = createEngine(org);
        const response = engine.execute(
            { query: '{ uiapi { query { Contact { edges { node { Id } } pageInfo { hasNextPage } totalCount } } } }' },
            viewer(U.rep2),
        );
        const data = response.data as { uiapi: { query: { Contact: Page } } };
        assert.equal(data.uiapi.query.Contact.edges.length, 10);
        assert.equal(data.uiapi.query.Contact.totalCount, 25);
        assert.equal(data.uiapi.query.Contact.pageInfo.hasNextPage, true);
    });

    it('limits the query to upperBound rows', () => {
        const bounded = page('first: $first, upperBound: 4', { first: 200 });
        assert.equal(bounded.edges.length, 4);
        assert.equal(bounded.totalCount, 4);
        assert.equal(bounded.pageInfo.hasNextPage, false);
    });

    it('rejects first above 2000, also from a variable', () => {
        const literal = run('{ uiapi { query { Opportunity(first: 2001) { edges { node { Id } } } } } }');
        assert.equal(literal.data, undefined);
        assert.match(literal.errors![0].message, /2000/);
        const variable = run(
            'query Q($n: Int) { uiapi { query { Opportunity(first: $n) { edges { node { Id } } } } } }',
            U.admin,
            { n: 2001 },
        );
        assert.equal(variable.data, undefined);
        assert.equal(variable.errors![0].extensions?.errorType, 'ValidationError');
        assert.match(variable.errors![0].message, /2000/);
    });

    it('rejects upperBound with first below 200', () => {
        const response = run(
            'query Q($n: Int) { uiapi { query { Opportunity(first: $n, upperBound: 500) { edges { node { Id } } } } } }',
            U.admin,
            {
                n: 50,
            },
        );
        assert.match(response.errors![0].message, /first must be 200 to 2000/);
    });

    it('answers a bad cursor or an offset past 2000 with a null subquery and an error beside the other data', () => {
        const response = run(
            `query Q($bad: String, $far: String) { uiapi { query {
                broken: Opportunity(after: $bad) { edges { node { Id } } }
                far: Opportunity(after: $far) { edges { node { Id } } }
                fine: Opportunity(first: 1) { edges { node { Id } } }
            } } }`,
            U.admin,
            { bad: 'not-a-cursor', far: cursor(2500) },
        );
        const data = response.data as { uiapi: { query: Record<string, Page | null> } };
        assert.equal(data.uiapi.query.broken, null);
        assert.equal(data.uiapi.query.far, null);
        assert.equal(data.uiapi.query.fine!.edges.length, 1);
        assert.equal(response.errors!.length, 2);
        assert.deepEqual(response.errors![0].path, ['uiapi', 'query', 'broken']);
        assert.equal(response.errors![0].extensions?.errorType, 'DataFetchingException');
        assert.match(response.errors![1].message, /Maximum SOQL offset allowed is 2000/);
    });
});

describe('scope (SOQL USING SCOPE)', () => {
    const scoped = (scope: string | null, as: string) =>
        ids(
            run(
                `{ uiapi { query { Opportunity(${scope ? `scope: ${scope}, ` : ''}first: 100) { edges { node { Id } } } } } }`,
                as,
            ),
            'Opportunity',
        );

    it('MINE is what the viewer owns, TEAM what their reports own, EVERYTHING what they can see', () => {
        assert.deepEqual(scoped('MINE', U.manager), named('epsilon'));
        assert.deepEqual(scoped('TEAM', U.manager), named('renewal expansion beta gamma epsilon'));
        assert.deepEqual(scoped('EVERYTHING', U.manager), named('renewal expansion beta gamma epsilon'));
        assert.deepEqual(scoped('MINE', U.admin), named('zeta'));
        assert.equal(scoped('EVERYTHING', U.admin).length, 7);
    });

    it('rejects a scope the object does not support', () => {
        const response = run('{ uiapi { query { Opportunity(scope: MY_TERRITORY) { edges { node { Id } } } } } }');
        assert.equal(response.data, undefined);
        assert.match(response.errors![0].message, /scope MY_TERRITORY is not supported for Opportunity/);
        const history = run('{ uiapi { query { OpportunityHistory(scope: MINE) { edges { node { Id } } } } } }');
        assert.match(history.errors![0].message, /not supported for OpportunityHistory/);
    });
});

describe('record nodes', () => {
    it('returns Id, ApiName, DisplayValue, parents and child relationships', () => {
        const response = run(`{ uiapi { query { Account(where: { Name: { eq: "Acme" } }) { edges { node {
            Id ApiName DisplayValue __typename
            Owner { Name { value } Manager { Name { value } } }
            Opportunities(orderBy: { Amount: { order: DESC } }, first: 1) { edges { node { Name { value } } } totalCount }
        } } } } } }`);
        const [acme] = nodes(response, 'Account');
        assert.deepEqual(acme, {
            Id: A.acme,
            ApiName: 'Account',
            DisplayValue: 'Acme',
            __typename: 'Account',
            Owner: { Name: { value: 'Rita Rep' }, Manager: { Name: { value: 'Mona Manager' } } },
            Opportunities: { edges: [{ node: { Name: { value: 'Acme - Expansion' } } }], totalCount: 2 },
        });
    });

    it('resolves a polymorphic parent through inline fragments', () => {
        const response = run(`{ uiapi { query { Task(orderBy: { Subject: { order: ASC } }) { edges { node {
            What { __typename ... on Opportunity { StageName { value } } ... on Account { Name { value } } }
        } } } } } }`);
        assert.deepEqual(
            nodes(response, 'Task').map((n) => n.What),
            [
                { __typename: 'Opportunity', StageName: { value: 'Closed Won' } },
                { __typename: 'Opportunity', StageName: { value: 'Negotiation/Review' } },
                { __typename: 'Account', Name: { value: 'Acme' } },
                { __typename: 'Opportunity', StageName: { value: 'Closed Won' } },
            ],
        );
    });

    it('honours @skip, @include, aliases and named fragments', () => {
        const response = run(`query { uiapi { query { Opportunity(where: { Name: { eq: "Delta" } }) { edges { node {
            ...Amounts
            label: Name { value }
            StageName @skip(if: true) { value }
            LeadSource @include(if: false) { value }
        } } } } } }
        fragment Amounts on Opportunity { Amount { value } }`);
        assert.deepEqual(nodes(response, 'Opportunity'), [{ Amount: { value: 7000 }, label: { value: 'Delta' } }]);
    });
});

describe('multi-select picklists (includes, excludes)', () => {
    // The package's objects have no multi-select picklist: add one to Account for these tests.
    const descriptions = objectDescriptions.map((d) =>
        d.apiName !== 'Account'
            ? d
            : {
                  ...d,
                  fields: [
                      ...d.fields,
                      {
                          name: 'Regions__c',
                          type: 'MultiPicklist' as const,
                          label: 'Regions',
                          custom: true,
                          picklistValues: ['North', 'South', 'East', 'West'],
                      },
                  ],
              },
    );
    const org = fixtureOrg();
    org.records.Account[0].Regions__c = 'North;East';
    org.records.Account[1].Regions__c = 'South';
    const engine = createEngine(org, { schema: buildUiApiSchemaFor(descriptions), descriptions });
    const accounts = (where: string) =>
        ids(
            engine.execute(
                { query: `{ uiapi { query { Account(where: ${where}) { edges { node { Id } } } } } }` },
                viewer(U.admin),
            ),
            'Account',
        );

    it('includes matches any listed value; "A;B" needs both', () => {
        assert.deepEqual(accounts('{ Regions__c: { includes: ["East"] } }'), [A.acme]);
        assert.deepEqual(accounts('{ Regions__c: { includes: ["South", "West"] } }'), [A.globex]);
        assert.deepEqual(accounts('{ Regions__c: { includes: ["North;South"] } }'), []);
        assert.deepEqual(accounts('{ Regions__c: { includes: ["east;NORTH"] } }'), [A.acme]);
    });

    it('excludes, eq and ne compare whole selections', () => {
        assert.deepEqual(accounts('{ Regions__c: { excludes: ["North"] } }'), [A.globex]);
        assert.deepEqual(accounts('{ Regions__c: { eq: "East;North" } }'), [A.acme]);
        assert.deepEqual(accounts('{ Regions__c: { ne: "South" } }'), [A.acme]);
    });
});
