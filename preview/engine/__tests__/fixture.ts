/**
 * A small hand-built org with exact values, so every expected number in the engine tests can be checked by hand.
 * Now is Friday 2026-05-15 12:00 in Los Angeles (19:00 UTC); the fiscal year starts in February and is named by its
 * ending month, so fiscal Q1 is Feb–Apr 2026, Q2 is May–Jul 2026 and this fiscal year is FY2027.
 */
import { createEngine, type EngineOptions } from '../index';
import type { EngineRequest, EngineResponse, ViewerContext } from '../api';
import type { EngineOrg, SObjectRecord } from '../org';

export const NOW = '2026-05-15T19:00:00.000Z';

export const P = {
    admin: '00e000000000001AAA',
    standard: '00e000000000002AAA',
    sales: '00e000000000003AAA',
    support: '00e000000000004AAA',
};

export const U = {
    admin: '005000000000001AAA',
    vp: '005000000000002AAA',
    manager: '005000000000003AAA',
    rep1: '005000000000004AAA',
    rep2: '005000000000005AAA',
    rep3: '005000000000006AAA',
    agent: '005000000000007AAA',
};

export const QUEUE = '00G000000000001AAA';
export const A = { acme: '001000000000001AAA', globex: '001000000000002AAA' };
export const O = {
    renewal: '006000000000001AAA',
    expansion: '006000000000002AAA',
    beta: '006000000000003AAA',
    gamma: '006000000000004AAA',
    delta: '006000000000005AAA',
    epsilon: '006000000000006AAA',
    zeta: '006000000000007AAA',
};

function user(Id: string, Name: string, ProfileId: string, ManagerId: string | null, IsActive = true): SObjectRecord {
    return { Id, Name, ProfileId, ManagerId, IsActive, Email: `${Name.split(' ')[0].toLowerCase()}@example.com` };
}

interface OppInput {
    Id: string;
    Name: string;
    OwnerId: string;
    Amount: number | null;
    CloseDate: string;
    StageName: string;
    IsWon: boolean;
    CreatedDate: string;
    LeadSource: string | null;
    Loss_Reason__c?: string | null;
    AccountId?: string | null;
    Probability?: number;
}

function opp(o: OppInput): SObjectRecord {
    const IsClosed = o.StageName.startsWith('Closed');
    return { AccountId: null, Loss_Reason__c: null, Probability: IsClosed ? (o.IsWon ? 100 : 0) : 10, ...o, IsClosed };
}

export function fixtureOrg(): EngineOrg {
    return {
        org: {
            fiscalYearStartMonth: 2,
            fiscalYearNameBasedOn: 'endingMonth',
            corporateCurrency: 'USD',
            now: NOW,
        },
        records: {
            Profile: [
                { Id: P.admin, Name: 'System Administrator' },
                { Id: P.standard, Name: 'Standard User' },
                { Id: P.sales, Name: 'Custom: Sales Profile' },
                { Id: P.support, Name: 'Custom: Support Profile' },
            ],
            User: [
                user(U.admin, 'Ada Admin', P.admin, null),
                user(U.vp, 'Vic Vp', P.standard, null),
                user(U.manager, 'Mona Manager', P.standard, U.vp),
                user(U.rep1, 'Rita Rep', P.sales, U.manager),
                user(U.rep2, 'Raj Rep', P.sales, U.manager),
                user(U.rep3, 'Olga Other', P.sales, U.vp, false),
                user(U.agent, 'Sam Support', P.support, null),
            ],
            Group: [{ Id: QUEUE, Name: 'Support Queue', DeveloperName: 'Support_Queue', Type: 'Queue' }],
            Account: [
                { Id: A.acme, Name: 'Acme', OwnerId: U.rep1, Industry: 'Retail', AnnualRevenue: 5000000 },
                { Id: A.globex, Name: 'Globex', OwnerId: U.rep3, Industry: null, AnnualRevenue: null },
            ],
            Opportunity: [
                opp({
                    Id: O.renewal,
                    Name: 'Acme - Renewal',
                    OwnerId: U.rep1,
                    Amount: 1000,
                    CloseDate: '2026-05-10',
                    StageName: 'Closed Won',
                    IsWon: true,
                    CreatedDate: '2026-01-05T18:00:00.000Z',
                    LeadSource: 'Web',
                    AccountId: A.acme,
                }),
                opp({
                    Id: O.expansion,
                    Name: 'Acme - Expansion',
                    OwnerId: U.rep1,
                    Amount: 2500.5,
                    CloseDate: '2026-02-01',
                    StageName: 'Closed Lost',
                    IsWon: false,
                    // 23:30 on Nov 19 in Los Angeles, Nov 20 in UTC.
                    CreatedDate: '2025-11-20T07:30:00.000Z',
                    LeadSource: 'Phone Inquiry',
                    Loss_Reason__c: 'Price',
                    AccountId: A.acme,
                }),
                opp({
                    Id: O.beta,
                    Name: 'Beta deal',
                    OwnerId: U.rep2,
                    Amount: 400,
                    CloseDate: '2026-06-30',
                    StageName: 'Prospecting',
                    IsWon: false,
                    // 23:30 on May 14 in Los Angeles, May 15 in UTC.
                    CreatedDate: '2026-05-15T06:30:00.000Z',
                    LeadSource: null,
                }),
                opp({
                    Id: O.gamma,
                    Name: 'gamma DEAL',
                    OwnerId: U.rep2,
                    Amount: null,
                    CloseDate: '2025-12-31',
                    StageName: 'Closed Won',
                    IsWon: true,
                    CreatedDate: '2025-12-01T00:00:00.000Z',
                    LeadSource: 'Web',
                }),
                opp({
                    Id: O.delta,
                    Name: 'Delta',
                    OwnerId: U.rep3,
                    Amount: 7000,
                    CloseDate: '2026-05-15',
                    StageName: 'Negotiation/Review',
                    IsWon: false,
                    CreatedDate: '2026-04-01T12:00:00.000Z',
                    LeadSource: 'Partner Referral',
                    AccountId: A.globex,
                }),
                opp({
                    Id: O.epsilon,
                    Name: 'Epsilon',
                    OwnerId: U.manager,
                    Amount: 300,
                    CloseDate: '2027-01-31',
                    StageName: 'Closed Lost',
                    IsWon: false,
                    CreatedDate: '2026-03-01T12:00:00.000Z',
                    LeadSource: 'Web',
                    Loss_Reason__c: 'No Budget',
                }),
                opp({
                    Id: O.zeta,
                    Name: 'Zeta_1%',
                    OwnerId: U.admin,
                    Amount: 50,
                    CloseDate: '2026-01-31',
                    StageName: 'Closed Won',
                    IsWon: true,
                    CreatedDate: '2026-02-01T12:00:00.000Z',
                    LeadSource: 'Other',
                }),
            ],
            OpportunityHistory: [
                { Id: '008000000000001AAA', OpportunityId: O.renewal, StageName: 'Prospecting', Amount: 800 },
                { Id: '008000000000002AAA', OpportunityId: O.renewal, StageName: 'Closed Won', Amount: 1000 },
                { Id: '008000000000003AAA', OpportunityId: O.delta, StageName: 'Negotiation/Review', Amount: 7000 },
                { Id: '008000000000004AAA', OpportunityId: O.epsilon, StageName: 'Closed Lost', Amount: 300 },
            ],
            Task: [
                {
                    Id: '00T000000000001AAA',
                    OwnerId: U.rep1,
                    WhatId: O.renewal,
                    Subject: 'Call',
                    TaskSubtype: 'Call',
                    ActivityDate: '2026-05-14',
                },
                {
                    Id: '00T000000000002AAA',
                    OwnerId: U.rep3,
                    WhatId: O.delta,
                    Subject: 'Call',
                    TaskSubtype: 'Call',
                    ActivityDate: '2026-05-11',
                },
                {
                    Id: '00T000000000003AAA',
                    OwnerId: U.rep1,
                    WhatId: A.acme,
                    Subject: 'Email',
                    TaskSubtype: 'Email',
                    ActivityDate: '2026-04-30',
                },
                // Raj's task on Rita's deal: Raj sees the task but not the deal.
                {
                    Id: '00T000000000004AAA',
                    OwnerId: U.rep2,
                    WhatId: O.renewal,
                    Subject: 'Follow up',
                    TaskSubtype: 'Email',
                    ActivityDate: '2026-05-01',
                },
            ],
            Case: [
                {
                    Id: '500000000000001AAA',
                    CaseNumber: '00001001',
                    OwnerId: U.agent,
                    Status: 'New',
                    IsClosed: false,
                    CSAT__c: 4.5,
                    AccountId: A.acme,
                },
                {
                    Id: '500000000000002AAA',
                    CaseNumber: '00001002',
                    OwnerId: QUEUE,
                    Status: 'New',
                    IsClosed: false,
                    CSAT__c: null,
                    AccountId: A.acme,
                },
                {
                    Id: '500000000000003AAA',
                    CaseNumber: '00001003',
                    OwnerId: U.rep1,
                    Status: 'Closed',
                    IsClosed: true,
                    CSAT__c: 3,
                    AccountId: A.globex,
                },
            ],
        },
    };
}

export function viewer(userId: string, overrides: Partial<ViewerContext> = {}): ViewerContext {
    return { userId, locale: 'en-US', currency: 'USD', timeZone: 'America/Los_Angeles', ...overrides };
}

/** One engine per test file; the schema and validator are the offline checker's. */
export function fixtureEngine(options: EngineOptions = {}) {
    const engine = createEngine(fixtureOrg(), options);
    const run = (
        query: string,
        as: string = U.admin,
        variables?: Record<string, unknown>,
        overrides: Partial<ViewerContext> = {},
    ): EngineResponse => engine.execute({ query, variables } as EngineRequest, viewer(as, overrides));
    return { engine, run };
}

/** The nodes of `uiapi.query.<Object>` in a response. */
export function nodes(response: EngineResponse, object: string, section = 'query'): Record<string, unknown>[] {
    assert(!response.errors, `unexpected errors: ${JSON.stringify(response.errors)}`);
    const data = response.data as {
        uiapi: Record<string, Record<string, { edges: { node: Record<string, unknown> }[] }>>;
    };
    return data.uiapi[section][object].edges.map((e) => e.node);
}

/** Ids of `uiapi.query.<Object>` nodes. */
export function ids(response: EngineResponse, object: string): string[] {
    return nodes(response, object).map((n) => n.Id as string);
}

function assert(condition: unknown, message: string): asserts condition {
    if (!condition) throw new Error(message);
}
