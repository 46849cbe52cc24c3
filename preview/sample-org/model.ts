import type { FiscalSettings } from './calendar';

export type FieldValue = string | number | boolean | null;

/** One record as the engine reads it: Dates `YYYY-MM-DD`, DateTimes ISO UTC, references as Ids. */
export interface SObjectRecord {
    Id: string;
    [field: string]: FieldValue;
}

export interface SampleOrgOptions {
    /** Same seed, size and now ⇒ the same records. Any 32-bit integer. */
    seed?: number;
    /** Approximate total number of records, 1,000 to 1,000,000. */
    size?: number;
    /** The end of the history; records are never created after it. */
    now?: Date;
    /** 1 = January … 12 = December. */
    fiscalYearStartMonth?: number;
    fiscalYearNameBasedOn?: FiscalSettings['fiscalYearNameBasedOn'];
    /**
     * Sales reps, instead of one per 2,000 records (managers, agents and marketing follow). For benchmarks of a wide
     * sales floor, such as 2,000 reps over 1 M records; the preview keeps the default.
     */
    reps?: number;
}

/** Users the preview offers as "run as", one per storyline the data tells. */
export interface Personas {
    admin: string;
    marketingManager: string;
    salesVp: string;
    /** The manager of `salesRep`. */
    salesManager: string;
    /** A tenured, active rep of average skill. */
    salesRep: string;
    /** The rep with the highest win skill and volume. */
    topRep: string;
    /** Joined about six weeks before `now`: nothing before that. */
    newRep: string;
    /** Took the whole previous calendar month off: no activity in it (see `repLeave`). */
    repOnLeave: string;
    /** Left the company: inactive, owns history but nothing after leaving. */
    inactiveRep: string;
    serviceVp: string;
    serviceManager: string;
    serviceAgent: string;
}

export interface OrgSettings extends FiscalSettings {
    Id: string;
    Name: string;
    /** Corporate currency; the sample org is single-currency. */
    corporateCurrency: string;
    timeZoneSidKey: string;
    /** Salesforce locale key of the org default, e.g. `en_US`. */
    localeSidKey: string;
    seed: number;
    size: number;
    /** ISO UTC instant the history ends at. */
    now: string;
    /** `now` as a local date of the org time zone. */
    today: string;
    /** First day of the generated history (records of people and accounts may be older). */
    historyStart: string;
    personas: Personas;
    /** The leave of `personas.repOnLeave`: no record of theirs is created in these days (inclusive). */
    repLeave: { userId: string; from: string; to: string };
}

export interface SampleOrg {
    org: OrgSettings;
    /** Records by object API name, each list in Id order. */
    records: Record<string, SObjectRecord[]>;
    byId: Map<string, SObjectRecord>;
}

const AUDIT_REFERENCES = { CreatedById: ['User'], LastModifiedById: ['User'] } as const;

/** Every reference field of the sample org and the objects it may point to (more than one = polymorphic). */
export const REFERENCE_FIELDS: Record<string, Record<string, readonly string[]>> = {
    Profile: { ...AUDIT_REFERENCES },
    UserRole: { ParentRoleId: ['UserRole'], ...AUDIT_REFERENCES },
    User: { ManagerId: ['User'], UserRoleId: ['UserRole'], ProfileId: ['Profile'], ...AUDIT_REFERENCES },
    Account: { OwnerId: ['User'], ...AUDIT_REFERENCES },
    Contact: { AccountId: ['Account'], OwnerId: ['User'], ...AUDIT_REFERENCES },
    Lead: {
        OwnerId: ['User'],
        ConvertedOpportunityId: ['Opportunity'],
        ConvertedAccountId: ['Account'],
        ConvertedContactId: ['Contact'],
        ...AUDIT_REFERENCES,
    },
    Campaign: { OwnerId: ['User'], ...AUDIT_REFERENCES },
    CampaignMember: { CampaignId: ['Campaign'], LeadId: ['Lead'], ContactId: ['Contact'], ...AUDIT_REFERENCES },
    Opportunity: { AccountId: ['Account'], OwnerId: ['User'], CampaignId: ['Campaign'], ...AUDIT_REFERENCES },
    OpportunityHistory: { OpportunityId: ['Opportunity'], CreatedById: ['User'] },
    Task: {
        OwnerId: ['User'],
        WhoId: ['Contact', 'Lead'],
        WhatId: ['Account', 'Opportunity', 'Case', 'Campaign'],
        ...AUDIT_REFERENCES,
    },
    Case: { OwnerId: ['User'], AccountId: ['Account'], ContactId: ['Contact'], ...AUDIT_REFERENCES },
};

/** Object API names in the order the generator creates them (parents before children). */
export const SAMPLE_OBJECTS = Object.keys(REFERENCE_FIELDS);
