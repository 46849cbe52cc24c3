import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateSampleOrg } from '../../sample-org/index';
import { createEngine } from '../index';
import type { EngineResponse } from '../api';
import { viewer } from './fixture';

// The smallest generated org: the engine against the sample org the preview really serves.
const org = generateSampleOrg({ seed: 7, size: 1000, now: new Date('2026-05-15T19:00:00Z'), fiscalYearStartMonth: 2 });
const engine = createEngine(org);
const personas = org.org.personas;

function run(query: string, userId: string, variables?: Record<string, unknown>): EngineResponse {
    return engine.execute({ query, variables }, viewer(userId));
}

function countByOwner(userId: string, scope = ''): Map<string, number> {
    const response = run(
        `{ uiapi { aggregate { Opportunity(${scope} groupBy: { OwnerId: { group: true } }, first: 2000) { edges { node { aggregate { OwnerId { value } Id { count { value } } } } } } } } }`,
        userId,
    );
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    const data = response.data as {
        uiapi: {
            aggregate: {
                Opportunity: {
                    edges: { node: { aggregate: { OwnerId: { value: string }; Id: { count: { value: number } } } } }[];
                };
            };
        };
    };
    return new Map(
        data.uiapi.aggregate.Opportunity.edges.map((e) => [
            e.node.aggregate.OwnerId.value,
            e.node.aggregate.Id.count.value,
        ]),
    );
}

function total(counts: Map<string, number>): number {
    return [...counts.values()].reduce((a, b) => a + b, 0);
}

describe('the engine on the generated sample org', () => {
    it('lets the admin count every opportunity', () => {
        assert.equal(total(countByOwner(personas.admin)), org.records.Opportunity.length);
    });

    it("gives a manager exactly their team's records, and a rep exactly their own", () => {
        const users = org.records.User;
        const reportsTo = (manager: string) => users.filter((u) => u.ManagerId === manager).map((u) => u.Id);
        const team = new Set([personas.salesManager, ...reportsTo(personas.salesManager)]);
        const everyone = countByOwner(personas.admin);
        const expected = [...team].reduce((sum, id) => sum + (everyone.get(id) ?? 0), 0);
        assert.ok(expected > 0);
        assert.equal(total(countByOwner(personas.salesManager)), expected);
        const mine = countByOwner(personas.salesRep);
        assert.deepEqual([...mine.keys()], [personas.salesRep]);
        assert.equal(mine.get(personas.salesRep), everyone.get(personas.salesRep));
        assert.equal(total(countByOwner(personas.salesVp)) >= expected, true);
    });

    it('shows the service fields a rep may not see only through @optional', () => {
        const hidden = run('{ uiapi { query { Case { edges { node { CSAT__c { value } } } } } } }', personas.salesRep);
        assert.match(hidden.errors![0].message, /Field 'CSAT__c' in type 'Case' is undefined/);
        const optional = run(
            '{ uiapi { query { Case { edges { node { Id CSAT__c @optional { value } } } } } } }',
            personas.salesRep,
        );
        assert.equal(optional.errors, undefined);
        const manager = run(
            '{ uiapi { query { Case(first: 1) { edges { node { CSAT__c { value } } } } } } }',
            personas.serviceManager,
        );
        assert.equal(manager.errors, undefined);
    });

    it('pages through every record with upperBound, once each', () => {
        const seen = new Set<string>();
        let after: string | null = null;
        let totalCount = 0;
        do {
            const response = run(
                'query P($after: String) { uiapi { query { Lead(first: 200, upperBound: 2000, after: $after, orderBy: { CreatedDate: { order: DESC } }) { edges { node { Id } } pageInfo { hasNextPage endCursor } totalCount } } } }',
                personas.admin,
                { after },
            );
            assert.equal(response.errors, undefined, JSON.stringify(response.errors));
            const page = (
                response.data as {
                    uiapi: {
                        query: {
                            Lead: {
                                edges: { node: { Id: string } }[];
                                pageInfo: { hasNextPage: boolean; endCursor: string };
                                totalCount: number;
                            };
                        };
                    };
                }
            ).uiapi.query.Lead;
            for (const edge of page.edges) {
                assert.ok(!seen.has(edge.node.Id), 'a record came twice');
                seen.add(edge.node.Id);
            }
            totalCount = page.totalCount;
            after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
        } while (after);
        assert.equal(seen.size, Math.min(2000, org.records.Lead.length));
        assert.equal(totalCount, seen.size);
    });

    it('answers this fiscal quarter by close date the way the records say', () => {
        const response = run(
            '{ uiapi { aggregate { Opportunity(where: { CloseDate: { eq: { literal: THIS_FISCAL_QUARTER } } }) { edges { node { aggregate { Id { count { value } } } } } } } } }',
            personas.admin,
        );
        const data = response.data as {
            uiapi: {
                aggregate: { Opportunity: { edges: { node: { aggregate: { Id: { count: { value: number } } } } }[] } };
            };
        };
        // Fiscal year from February: Q2 is May through July.
        const expected = org.records.Opportunity.filter((o) => {
            const d = String(o.CloseDate);
            return d >= '2026-05-01' && d < '2026-08-01';
        }).length;
        assert.equal(data.uiapi.aggregate.Opportunity.edges[0].node.aggregate.Id.count.value, expected);
    });
});
