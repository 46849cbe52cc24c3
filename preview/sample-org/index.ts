/**
 * The sample org of the local preview: a deterministic, believable company (sales and service teams, two-plus years of
 * accounts, leads, campaigns, deals with their history, activities and cases) generated in memory from a seed.
 */
import { generateSalesTasks } from './activities';
import { type FiscalYearNameBasis } from './calendar';
import { GenerationContext } from './context';
import { SAMPLE_OBJECTS, type SampleOrg, type SampleOrgOptions } from './model';
import { generatePeople, type PeoplePlan } from './people';
import { SalesGenerator } from './sales';
import { generateCases } from './service';

export {
    fiscalPeriodOf,
    fiscalQuarterOfMonth,
    fiscalYearOfMonth,
    fiscalYearStartDate,
    type FiscalSettings,
    type FiscalYearNameBasis,
} from './calendar';
export { KEY_PREFIXES, objectApiNameOfId, toCaseSafeId } from './ids';
export {
    REFERENCE_FIELDS,
    SAMPLE_OBJECTS,
    type FieldValue,
    type OrgSettings,
    type Personas,
    type SampleOrg,
    type SampleOrgOptions,
    type SObjectRecord,
} from './model';
export * from './values';

export const ORG_TIME_ZONE = 'America/Los_Angeles';
export const MIN_SIZE = 1_000;
export const MAX_SIZE = 1_000_000;

export interface SampleOrgPlan extends PeoplePlan {
    accounts: number;
    contacts: number;
    campaigns: number;
    opportunities: number;
    leads: number;
    campaignMembers: number;
    tasks: number;
    cases: number;
}

/** Records a size asks for per sales rep (their own work, their share of service and everything around it). */
export const RECORDS_PER_REP = 2_000;

/**
 * How many records of each kind a size asks for. People grow with records, so volumes per person stay those of a real
 * team at every size from 20 k up (1 rep per 2,000 records: 10 reps at 20 k, 50 at 100 k, 500 at 1 M, each opening
 * 15–25 deals a quarter, winning 3–10 and logging about 15–20 emails and calls a week); 1 k keeps the smallest whole company (6 reps)
 * with thinner volumes. Sales managers lead about 7 reps, one agent serves about 3 reps' customers (10–15 cases a
 * week each). Opportunity history adds about 3 rows per deal; tasks cover the last 365 days only (older closed
 * activities are archived, as Salesforce archives them, and the UI API does not return archived activities).
 */
export function planSampleOrg(size: number): SampleOrgPlan {
    return planWithReps(size, Math.max(6, Math.round(size / RECORDS_PER_REP)));
}

/** The plan for `size` records with `reps` sales reps (the `reps` option), the people around them following. */
function planWithReps(size: number, reps: number): SampleOrgPlan {
    const agents = Math.max(3, Math.round(reps * 0.3));
    return {
        reps,
        salesManagers: Math.max(2, Math.ceil(reps / 7)),
        agents,
        serviceManagers: Math.max(1, Math.ceil(agents / 8)),
        marketing: Math.max(1, Math.round(reps / 40)),
        accounts: Math.max(20, Math.round(size * 0.02)),
        contacts: Math.round(size * 0.03),
        campaigns: Math.max(6, Math.round(8 * Math.sqrt(size / 1000))),
        opportunities: Math.round(size * 0.075),
        leads: Math.round(size * 0.08),
        campaignMembers: Math.round(size * 0.07),
        tasks: Math.round(size * 0.32),
        cases: Math.round(size * 0.1),
    };
}

function invalid(option: string, expected: string, got: unknown): never {
    throw new RangeError(`generateSampleOrg: option "${option}" must be ${expected} (got ${String(got)})`);
}

/** Generates the sample org. Same seed, size, now and fiscal settings ⇒ the same records, in the same order. */
export function generateSampleOrg(options: SampleOrgOptions = {}): SampleOrg {
    const {
        seed = 1,
        size = 20_000,
        now = new Date(),
        fiscalYearStartMonth = 1,
        fiscalYearNameBasedOn = 'endingMonth' as FiscalYearNameBasis,
        reps,
    } = options;
    if (!Number.isSafeInteger(seed)) invalid('seed', 'an integer', seed);
    if (!Number.isInteger(size) || size < MIN_SIZE || size > MAX_SIZE) {
        invalid('size', `an integer from ${MIN_SIZE} to ${MAX_SIZE}`, size);
    }
    if (reps !== undefined && (!Number.isInteger(reps) || reps < 6 || reps > size / 100)) {
        invalid('reps', `an integer from 6 to ${Math.floor(size / 100)} (one per 100 records)`, reps);
    }
    if (!(now instanceof Date) || Number.isNaN(now.getTime())) invalid('now', 'a valid Date', now);
    if (!Number.isInteger(fiscalYearStartMonth) || fiscalYearStartMonth < 1 || fiscalYearStartMonth > 12) {
        invalid('fiscalYearStartMonth', 'an integer from 1 (January) to 12 (December)', fiscalYearStartMonth);
    }
    if (fiscalYearNameBasedOn !== 'startingMonth' && fiscalYearNameBasedOn !== 'endingMonth') {
        invalid('fiscalYearNameBasedOn', '"startingMonth" or "endingMonth"', fiscalYearNameBasedOn);
    }

    const context = new GenerationContext(
        { seed, size, timeZone: ORG_TIME_ZONE, fiscalYearStartMonth, fiscalYearNameBasedOn },
        now,
    );
    for (const name of SAMPLE_OBJECTS) context.records[name] = [];
    const orgId = context.newId('Organization');
    const plan = reps === undefined ? planSampleOrg(size) : planWithReps(size, reps);

    const people = generatePeople(context, plan);
    const sales = new SalesGenerator(context, people);
    sales.generateAccounts(plan.accounts);
    sales.generateContacts(plan.contacts);
    sales.generateCampaigns(plan.campaigns);
    sales.generateOpportunities(plan.opportunities);
    sales.generateLeads(plan.leads);
    sales.generateCampaignMembers(plan.campaignMembers);
    sales.finish();
    generateSalesTasks(context, people, sales, plan.tasks);
    generateCases(context, people, sales, plan.cases);

    return {
        org: {
            Id: orgId,
            Name: 'Lightning KPI Kit Sample Co.',
            corporateCurrency: 'USD',
            timeZoneSidKey: ORG_TIME_ZONE,
            localeSidKey: 'en_US',
            fiscalYearStartMonth,
            fiscalYearNameBasedOn,
            seed,
            size,
            now: context.iso(context.nowMs),
            today: context.date(context.today),
            historyStart: context.date(context.start),
            personas: {
                admin: people.admin.id,
                marketingManager: people.marketing[0].id,
                salesVp: people.salesVp.id,
                salesManager: people.salesRep.manager!.id,
                salesRep: people.salesRep.id,
                topRep: people.topRep.id,
                newRep: people.newRep.id,
                repOnLeave: people.repOnLeave.id,
                inactiveRep: people.inactiveRep.id,
                serviceVp: people.serviceVp.id,
                serviceManager: people.serviceManagers[0].id,
                serviceAgent: people.agents[0].id,
            },
            repLeave: {
                userId: people.repOnLeave.id,
                from: context.date(people.repOnLeave.gapFrom),
                to: context.date(people.repOnLeave.gapTo),
            },
        },
        records: context.records,
        byId: context.indexById(),
    };
}
