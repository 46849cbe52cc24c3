import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine } from '../index';
import type { EngineRequest } from '../api';
import { MAX_PARENT_LEVELS } from '../filter';
import type { EngineOrg, SObjectRecord } from '../org';
import { fixtureOrg, P, QUEUE, U, viewer } from './fixture';

// Teams that follow the hierarchy (issue 12): scope "team" is an `or` over Owner.ManagerId, Owner.Manager.ManagerId,
// … as deep as a filter may reach. The engine must evaluate nested relationship filters under `or` as the platform
// does, and refuse what the platform refuses: more than five child-to-parent levels in one path (query-limits).

/** A management chain seven deep below the VP: chain[0] reports to the VP, chain[i] to chain[i - 1]. */
const CHAIN = Array.from({ length: 7 }, (_, i) => `005000000000${String(100 + i)}AAA`);
const OPP_OF = CHAIN.map((_, i) => `006000000000${String(100 + i)}AAA`);
const LEAD_OF = CHAIN.map((_, i) => `00Q000000000${String(100 + i)}AAA`);
const QUEUE_LEAD = '00Q000000000199AAA';

function org(): EngineOrg {
    const base = fixtureOrg();
    const users: SObjectRecord[] = CHAIN.map((Id, i) => ({
        Id,
        Name: `Level ${i + 1}`,
        ProfileId: P.sales,
        ManagerId: i === 0 ? U.vp : CHAIN[i - 1],
        IsActive: true,
        Email: `level${i + 1}@example.com`,
    }));
    const opportunities: SObjectRecord[] = CHAIN.map((owner, i) => ({
        Id: OPP_OF[i],
        Name: `Deal of level ${i + 1}`,
        OwnerId: owner,
        Amount: 1000 * (i + 1),
        CloseDate: '2026-05-10',
        StageName: 'Closed Won',
        IsWon: true,
        IsClosed: true,
        CreatedDate: '2026-04-01T12:00:00.000Z',
        LeadSource: 'Web',
        AccountId: null,
        Loss_Reason__c: null,
        Probability: 100,
    }));
    const lead = (Id: string, OwnerId: string): SObjectRecord => ({
        Id,
        LastName: `Lead ${Id.slice(-6, -3)}`,
        Company: 'Acme',
        Status: 'Open - Not Contacted',
        OwnerId,
        IsConverted: false,
        CreatedDate: '2026-04-01T12:00:00.000Z',
    });
    return {
        ...base,
        records: {
            ...base.records,
            User: [...(base.records.User ?? []), ...users],
            Opportunity: [...(base.records.Opportunity ?? []), ...opportunities],
            Lead: [...CHAIN.map((owner, i) => lead(LEAD_OF[i], owner)), lead(QUEUE_LEAD, QUEUE)],
        },
    };
}

const engine = createEngine(org());

function run(query: string, variables: Record<string, unknown> = {}) {
    return engine.execute({ query, variables } as EngineRequest, viewer(U.admin));
}

/** `Manager.Manager.ManagerId` for level 3: the path from a User to the manager `level` levels up. */
const managerPath = (level: number) => [...Array<string>(level - 1).fill('Manager'), 'ManagerId'];

/** `{ A: { B: { C: inner } } }` from a path. */
const nested = (path: string[], inner: string): string => path.reduceRight((acc, key) => `{ ${key}: ${acc} }`, inner);

/** The planner's team filter on a User: an `or` over each level down to `levels`. */
const teamOr = (levels: number, user = '$me') =>
    `{ or: [${Array.from({ length: levels }, (_, i) => nested(managerPath(i + 1), `{ eq: ${user} }`)).join(', ')}] }`;

function opportunityIds(where: string, me = U.vp): string[] {
    const response = run(
        `query Q($me: ID) { uiapi { query { Opportunity(where: ${where}, first: 200) { edges { node { Id } } } } } }`,
        { me },
    );
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    const data = response.data as { uiapi: { query: { Opportunity: { edges: { node: { Id: string } }[] } } } };
    return data.uiapi.query.Opportunity.edges.map((edge) => edge.node.Id).sort();
}

function errorsOf(query: string, variables: Record<string, unknown> = { me: U.vp }) {
    return run(query, variables).errors ?? [];
}

describe('hierarchy-wide team filters (nested relationships under or)', () => {
    it('an or over Owner.ManagerId, Owner.Manager.ManagerId, … finds every owner down to five levels', () => {
        const found = opportunityIds(`{ Owner: ${teamOr(MAX_PARENT_LEVELS)} }`);
        // The VP's direct reports in the base fixture (Mona, the inactive Olga) and the chain's first four levels
        // (levels 1 to 5 below the VP: chain[0] is level 1; Mona's reps are level 2).
        const fixtureTeam = ['006000000000001AAA', '006000000000002AAA', '006000000000003AAA'];
        const fixtureTeamOfVp = [...fixtureTeam, '006000000000004AAA', '006000000000005AAA', '006000000000006AAA'];
        assert.deepEqual(found, [...fixtureTeamOfVp, ...OPP_OF.slice(0, 5)].sort());
        assert.ok(!found.includes(OPP_OF[5]), 'six levels down is beyond the filter');
    });

    it('each level alone finds exactly the owners that far below; a missing manager matches no deeper level', () => {
        for (let level = 1; level <= MAX_PARENT_LEVELS; level++) {
            const found = opportunityIds(`{ Owner: ${nested(managerPath(level), '{ eq: $me }')} }`, CHAIN[0]);
            // chain[0] is the manager of chain[1], the manager's manager of chain[2], …
            assert.deepEqual(found, [OPP_OF[level]], `level ${level}`);
        }
        // The admin and the VP have no manager: nothing is `level` levels below a user above them.
        assert.deepEqual(opportunityIds(`{ Owner: ${nested(managerPath(2), '{ eq: $me }')} }`, U.admin), []);
    });

    it('the same or through the polymorphic Owner of a lead (its User branch); queue-owned leads never match', () => {
        const response = run(
            `query Q($me: ID) { uiapi { query { Lead(where: { Owner: { User: ${teamOr(MAX_PARENT_LEVELS)} } }, first: 200) { edges { node { Id } } } } } }`,
            { me: CHAIN[0] },
        );
        assert.equal(response.errors, undefined, JSON.stringify(response.errors));
        const data = response.data as { uiapi: { query: { Lead: { edges: { node: { Id: string } }[] } } } };
        assert.deepEqual(data.uiapi.query.Lead.edges.map((edge) => edge.node.Id).sort(), LEAD_OF.slice(1, 6).sort());
    });

    it('an aggregate over the team: one count per level, as a tile would sum them', () => {
        const response = run(
            `query Q($me: ID) { uiapi { aggregate { Opportunity(where: { Owner: ${teamOr(MAX_PARENT_LEVELS)} }) { edges { node { aggregate { Id { count { value } } Amount { sum { value } } } } } } } } }`,
            { me: CHAIN[0] },
        );
        assert.equal(response.errors, undefined, JSON.stringify(response.errors));
        const data = response.data as {
            uiapi: {
                aggregate: {
                    Opportunity: {
                        edges: {
                            node: {
                                aggregate: { Id: { count: { value: number } }; Amount: { sum: { value: number } } };
                            };
                        }[];
                    };
                };
            };
        };
        const [row] = data.uiapi.aggregate.Opportunity.edges;
        assert.equal(row.node.aggregate.Id.count.value, 5);
        assert.equal(row.node.aggregate.Amount.sum.value, 2000 + 3000 + 4000 + 5000 + 6000);
    });
});

describe('relationship depth in filters: at most five levels (query-limits)', () => {
    const oppQuery = (where: string) =>
        `query Q($me: ID) { uiapi { query { Opportunity(where: ${where}) { edges { node { Id } } } } } }`;

    it('five relationships are accepted: Owner and four Managers', () => {
        assert.deepEqual(errorsOf(oppQuery(`{ Owner: ${nested(managerPath(5), '{ eq: $me }')} }`)), []);
    });

    it('a sixth relationship is refused, naming the path and the limit', () => {
        const errors = errorsOf(oppQuery(`{ Owner: ${nested(managerPath(6), '{ eq: $me }')} }`));
        assert.equal(errors.length, 1);
        assert.match(errors[0].message, /Opportunity\.Owner\.Manager\.Manager\.Manager\.Manager\.Manager crosses 6/);
        assert.match(errors[0].message, /at most 5/);
        assert.equal(errors[0].extensions?.errorType, 'ValidationError');
    });

    it('depth is counted through or, and and not as well', () => {
        const deep = nested(managerPath(6), '{ eq: $me }');
        for (const where of [
            `{ Owner: { or: [{ ManagerId: { eq: $me } }, ${deep}] } }`,
            `{ and: [{ Owner: ${deep} }] }`,
            `{ not: { Owner: ${deep} } }`,
        ]) {
            assert.equal(errorsOf(oppQuery(where)).length, 1, where);
        }
    });

    it('on User itself five Managers are five levels: ManagerId at the end is a field, not a relationship', () => {
        const users = (where: string) =>
            `query Q($me: ID) { uiapi { query { User(where: ${where}) { edges { node { Id } } } } } }`;
        assert.deepEqual(
            errorsOf(users(nested([...Array<string>(5).fill('Manager'), 'ManagerId'], '{ eq: $me }'))),
            [],
        );
        assert.equal(
            errorsOf(users(nested([...Array<string>(6).fill('Manager'), 'ManagerId'], '{ eq: $me }'))).length,
            1,
        );
    });

    it("a polymorphic parent's type branch is not a level (Lead.Owner.User)", () => {
        const leads = (levels: number) =>
            `query Q($me: ID) { uiapi { query { Lead(where: { Owner: { User: ${nested(managerPath(levels), '{ eq: $me }')} } }) { edges { node { Id } } } } } }`;
        assert.deepEqual(errorsOf(leads(5)), []);
        assert.equal(errorsOf(leads(6)).length, 1);
    });

    it("a semi-join's inner filter counts its own relationships", () => {
        const where = `{ Id: { inq: { Opportunity: { Owner: ${nested(managerPath(5), '{ eq: $me }')} }, ApiName: "AccountId" } } }`;
        const errors = errorsOf(
            `query Q($me: ID) { uiapi { query { Account(where: { Owner: ${nested(managerPath(4), '{ eq: $me }')}, and: [${where}] }) { edges { node { Id } } } } } }`,
        );
        assert.deepEqual(errors, []);
    });
});
