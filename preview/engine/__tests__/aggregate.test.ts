import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EngineResponse } from '../api';
import { fixtureEngine, U } from './fixture';

const { run } = fixtureEngine();

type Row = Record<string, Record<string, unknown>>;

/** `edges[].node.aggregate` of `uiapi.aggregate.<object>`: the nesting UI API returns. */
function rows(response: EngineResponse, object = 'Opportunity'): Row[] {
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    const data = response.data as { uiapi: { aggregate: Record<string, { edges: { node: { aggregate: Row } }[] }> } };
    return data.uiapi.aggregate[object].edges.map((e) => e.node.aggregate);
}

function aggregate(args: string, selection: string, as = U.admin, object = 'Opportunity'): Row[] {
    const argList = args ? `(${args})` : '';
    return rows(
        run(`{ uiapi { aggregate { ${object}${argList} { edges { node { aggregate { ${selection} } } } } } } }`, as),
        object,
    );
}

describe('aggregate functions (graphql guide: aggregate, aggregate-support)', () => {
    it('groups by a field with count, sum, avg, min and max', () => {
        const result = aggregate(
            'groupBy: { StageName: { group: true } }',
            'StageName { value } Id { count { value } } Amount { count { value } sum { value } avg { value } min { value } max { value } }',
        );
        // Per stage: records counted, then the count, sum, avg, min and max of Amount (nulls left out).
        const stage = (name: string, records: number, [count, sum, avg, min, max]: number[]) => ({
            StageName: { value: name },
            Id: { count: { value: records } },
            Amount: {
                count: { value: count },
                sum: { value: sum },
                avg: { value: avg },
                min: { value: min },
                max: { value: max },
            },
        });
        assert.deepEqual(result, [
            stage('Closed Lost', 2, [2, 2800.5, 1400.25, 300, 2500.5]),
            stage('Closed Won', 3, [2, 1050, 525, 50, 1000]),
            stage('Negotiation/Review', 1, [1, 7000, 7000, 7000, 7000]),
            stage('Prospecting', 1, [1, 400, 400, 400, 400]),
        ]);
    });

    it('returns one row without groupBy, also when nothing matches', () => {
        assert.deepEqual(
            aggregate(
                '',
                'Id { count { value } } Amount { sum { value } } LeadSource { countDistinct { value } } OwnerId { countDistinct { value } } CloseDate { min { value } max { value } } Name { min { value } max { value } }',
            ),
            [
                {
                    Id: { count: { value: 7 } },
                    Amount: { sum: { value: 11250.5 } },
                    LeadSource: { countDistinct: { value: 4 } },
                    OwnerId: { countDistinct: { value: 5 } },
                    CloseDate: { min: { value: '2025-12-31' }, max: { value: '2027-01-31' } },
                    Name: { min: { value: 'Acme - Expansion' }, max: { value: 'Zeta_1%' } },
                },
            ],
        );
        assert.deepEqual(
            aggregate('where: { Amount: { gt: 1000000000 } }', 'Id { count { value } } Amount { sum { value } }'),
            [{ Id: { count: { value: 0 } }, Amount: { sum: { value: null } } }],
        );
    });

    it('formats aggregate values for the viewer', () => {
        const [won] = aggregate(
            'where: { StageName: { eq: "Closed Won" } }',
            'Amount { sum { value displayValue format } avg { value displayValue } } Id { count { value format } }',
            U.admin,
        );
        assert.deepEqual(won, {
            Amount: {
                sum: { value: 1050, displayValue: '$1,050.00', format: '$1,050.00' },
                avg: { value: 525, displayValue: '525' },
            },
            Id: { count: { value: 3, format: '3' } },
        });
        const response = run(
            '{ uiapi { aggregate { Opportunity(where: { StageName: { eq: "Closed Won" } }) { edges { node { aggregate { Amount { sum { displayValue } } } } } } } } }',
            U.admin,
            undefined,
            { locale: 'de-DE' },
        );
        assert.deepEqual(rows(response), [{ Amount: { sum: { displayValue: '1.050,00\u00a0$' } } }]);
    });
});

describe('groupBy (aggregate-groupby, aggregate-groupby-schema)', () => {
    it("groups by a parent's field and orders by an aggregate", () => {
        assert.deepEqual(
            aggregate(
                'groupBy: { Owner: { Name: { group: true } } }, orderBy: { Id: { function: COUNT, order: DESC } }',
                'Owner { Name { value } } Id { count { value } }',
            ),
            [
                { Owner: { Name: { value: 'Raj Rep' } }, Id: { count: { value: 2 } } },
                { Owner: { Name: { value: 'Rita Rep' } }, Id: { count: { value: 2 } } },
                { Owner: { Name: { value: 'Ada Admin' } }, Id: { count: { value: 1 } } },
                { Owner: { Name: { value: 'Mona Manager' } }, Id: { count: { value: 1 } } },
                { Owner: { Name: { value: 'Olga Other' } }, Id: { count: { value: 1 } } },
            ],
        );
    });

    it('groups by date functions, fiscal ones following the org (fiscal year from February)', () => {
        assert.deepEqual(
            aggregate(
                'where: { CloseDate: { eq: { literal: THIS_FISCAL_YEAR } } }, groupBy: { CloseDate: { function: FISCAL_QUARTER } }',
                'CloseDate { fiscalQuarter { value } } Id { count { value } } Amount { sum { value } }',
            ),
            [
                {
                    CloseDate: { fiscalQuarter: { value: 1 } },
                    Id: { count: { value: 1 } },
                    Amount: { sum: { value: 2500.5 } },
                },
                {
                    CloseDate: { fiscalQuarter: { value: 2 } },
                    Id: { count: { value: 3 } },
                    Amount: { sum: { value: 8400 } },
                },
                {
                    CloseDate: { fiscalQuarter: { value: 4 } },
                    Id: { count: { value: 1 } },
                    Amount: { sum: { value: 300 } },
                },
            ],
        );
        assert.deepEqual(
            aggregate(
                'groupBy: { CloseDate: { function: CALENDAR_MONTH } }',
                'CloseDate { calendarMonth { value } } Id { count { value } }',
            ).map((r) => [r.CloseDate.calendarMonth, r.Id.count]),
            [
                [{ value: 1 }, { value: 2 }],
                [{ value: 2 }, { value: 1 }],
                [{ value: 5 }, { value: 2 }],
                [{ value: 6 }, { value: 1 }],
                [{ value: 12 }, { value: 1 }],
            ],
        );
        assert.deepEqual(
            aggregate(
                'groupBy: { CloseDate: { function: FISCAL_YEAR } }',
                'CloseDate { fiscalYear { value } } Id { count { value } }',
            ),
            [
                { CloseDate: { fiscalYear: { value: 2026 } }, Id: { count: { value: 2 } } },
                { CloseDate: { fiscalYear: { value: 2027 } }, Id: { count: { value: 5 } } },
            ],
        );
    });

    it('groups date-times by DAY_ONLY in UTC', () => {
        assert.deepEqual(
            aggregate(
                'where: { Name: { eq: "Beta deal" } }, groupBy: { CreatedDate: { function: DAY_ONLY } }',
                'CreatedDate { dayOnly { value format } }',
            ),
            [{ CreatedDate: { dayOnly: { value: '2026-05-15', format: '5/15/2026' } } }],
        );
    });

    it('adds ROLLUP subtotals after their groups, with grouping flags', () => {
        const result = aggregate(
            'where: { IsClosed: { eq: true } }, groupBy: { IsWon: { group: true }, LeadSource: { group: true }, type: ROLLUP }',
            'IsWon { value grouping { value } } LeadSource { value grouping { value } } Id { count { value } }',
        );
        assert.deepEqual(
            result.map((r) => [r.IsWon.value, r.LeadSource.value, r.Id.count, r.IsWon.grouping, r.LeadSource.grouping]),
            [
                [false, 'Phone Inquiry', { value: 1 }, { value: 0 }, { value: 0 }],
                [false, 'Web', { value: 1 }, { value: 0 }, { value: 0 }],
                [false, null, { value: 2 }, { value: 0 }, { value: 1 }],
                [true, 'Other', { value: 1 }, { value: 0 }, { value: 0 }],
                [true, 'Web', { value: 2 }, { value: 0 }, { value: 0 }],
                [true, null, { value: 3 }, { value: 0 }, { value: 1 }],
                [null, null, { value: 5 }, { value: 1 }, { value: 1 }],
            ],
        );
    });

    it('adds CUBE subtotals for every combination', () => {
        const result = aggregate(
            'where: { IsClosed: { eq: true } }, groupBy: { IsWon: { group: true }, LeadSource: { group: true }, type: CUBE }, first: 20',
            'IsWon { value } LeadSource { value } Id { count { value } }',
        );
        assert.deepEqual(
            result.map((r) => [r.IsWon.value, r.LeadSource.value, r.Id.count]),
            [
                [false, 'Phone Inquiry', { value: 1 }],
                [false, 'Web', { value: 1 }],
                [false, null, { value: 2 }],
                [true, 'Other', { value: 1 }],
                [true, 'Web', { value: 2 }],
                [true, null, { value: 3 }],
                [null, 'Other', { value: 1 }],
                [null, 'Phone Inquiry', { value: 1 }],
                [null, 'Web', { value: 3 }],
                [null, null, { value: 5 }],
            ],
        );
    });
});

describe('aggregate orderBy and pagination (aggregate-orderby)', () => {
    const query = (after: string | null) =>
        run(
            `query Q($after: String) { uiapi { aggregate { Opportunity(groupBy: { StageName: { group: true } }, orderBy: { Amount: { function: SUM, order: DESC } }, first: 2, after: $after) {
                edges { cursor node { aggregate { StageName { value } Amount { sum { value } } } } }
                pageInfo { hasNextPage endCursor } totalCount
            } } } }`,
            U.admin,
            { after },
        );

    it('orders groups by an aggregate and pages through them with cursors', () => {
        const first = query(null);
        assert.deepEqual(
            rows(first).map((r) => [r.StageName.value, r.Amount.sum]),
            [
                ['Negotiation/Review', { value: 7000 }],
                ['Closed Lost', { value: 2800.5 }],
            ],
        );
        const data = first.data as {
            uiapi: {
                aggregate: {
                    Opportunity: { pageInfo: { hasNextPage: boolean; endCursor: string }; totalCount: number };
                };
            };
        };
        assert.equal(data.uiapi.aggregate.Opportunity.totalCount, 4);
        assert.equal(data.uiapi.aggregate.Opportunity.pageInfo.hasNextPage, true);
        const second = query(data.uiapi.aggregate.Opportunity.pageInfo.endCursor);
        assert.deepEqual(
            rows(second).map((r) => r.StageName.value),
            ['Closed Won', 'Prospecting'],
        );
    });

    it('orders by a grouped field without a function', () => {
        assert.deepEqual(
            aggregate(
                'groupBy: { LeadSource: { group: true } }, orderBy: { LeadSource: { order: DESC, nulls: LAST } }',
                'LeadSource { value }',
            ).map((r) => r.LeadSource.value),
            ['Web', 'Phone Inquiry', 'Partner Referral', 'Other', null],
        );
    });
});

describe('aggregate errors', () => {
    it('rejects a field that is neither grouped nor aggregated', () => {
        const response = run(
            '{ uiapi { aggregate { Opportunity { edges { node { aggregate { Amount { value } } } } } } } }',
        );
        assert.equal(response.data, undefined);
        assert.equal(response.errors![0].extensions?.errorType, 'ValidationError');
        assert.match(response.errors![0].message, /must be grouped or aggregated: Amount/);
    });

    it('rejects sum on text through the schema (PicklistAggregate has no sum)', () => {
        const response = run(
            '{ uiapi { aggregate { Opportunity { edges { node { aggregate { StageName { sum { value } } } } } } } } }',
        );
        assert.match(response.errors![0].message, /Field 'sum' in type 'PicklistAggregate' is undefined/);
    });

    it('rejects ordering by a field that is not grouped', () => {
        const response = run(
            '{ uiapi { aggregate { Opportunity(groupBy: { StageName: { group: true } }, orderBy: { LeadSource: { order: ASC } }) { edges { node { aggregate { StageName { value } } } } } } } }',
        );
        assert.match(response.errors![0].message, /LeadSource must be grouped or aggregated/);
    });
});

describe('aggregates as the viewer', () => {
    it("counts only the records the viewer can see (the manager's team)", () => {
        assert.deepEqual(
            aggregate(
                'groupBy: { OwnerId: { group: true } }',
                'OwnerId { value displayValue } Id { count { value } }',
                U.manager,
            ),
            [
                { OwnerId: { value: U.manager, displayValue: 'Mona Manager' }, Id: { count: { value: 1 } } },
                { OwnerId: { value: U.rep1, displayValue: 'Rita Rep' }, Id: { count: { value: 2 } } },
                { OwnerId: { value: U.rep2, displayValue: 'Raj Rep' }, Id: { count: { value: 2 } } },
            ],
        );
        assert.deepEqual(aggregate('', 'Id { count { value } }', U.rep1), [{ Id: { count: { value: 2 } } }]);
    });

    it('counts detail rows through their readable parents (OpportunityHistory)', () => {
        const count = (as: string) => aggregate('', 'Id { count { value } }', as, 'OpportunityHistory')[0].Id.count;
        assert.deepEqual(count(U.rep1), { value: 2 });
        assert.deepEqual(count(U.rep3), { value: 1 });
        assert.deepEqual(count(U.manager), { value: 3 });
        assert.deepEqual(count(U.admin), { value: 4 });
        const response = run(
            '{ uiapi { aggregate { OpportunityHistory { edges { node { aggregate { Id { count { value } } } } } } } } }',
            U.rep1,
        );
        // The rep's two opportunities (owner index), then their two history rows.
        assert.equal(response.metrics.rowsScanned, 2 + 2);
    });
});
