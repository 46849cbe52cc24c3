/**
 * Every KPI the package shows, declared once as data. Tiles, boards, the leaderboard and win-loss read KPIs only from
 * here; kpiPlanner turns an entry into UI API GraphQL. Field and object names match schema/objects (a test checks).
 * Labels are custom label names (kpiResults imports their text).
 */

/** A reference to an admin's choice: a field name or values the admin may swap for the default. */
export interface SettingRef {
    setting: string;
}

/** A field by API name, a parent field by relationship path (`Lead.CreatedDate`), or an admin-chosen field. */
export type FieldRef = string | SettingRef;

/**
 * A UI API `where` fragment as plain data, nested exactly as GraphQL nests it (`{ Owner: { ManagerId: { eq: … } } }`),
 * with `{ setting }` where an admin-chosen value goes.
 */
export type FilterValue =
    string | number | boolean | null | SettingRef | FilterValue[] | { [key: string]: FilterValue };
export type Filter = { [key: string]: FilterValue };

export type KpiUnit = 'count' | 'currency' | 'percent' | 'days' | 'multiple';
export type AggregateFunction = 'count' | 'countDistinct' | 'sum' | 'avg';

/** One number the server aggregates: records counted, or a field summed, averaged or counted distinct. */
export interface Aggregate {
    fn: AggregateFunction;
    /** Not for `count`, which counts records (Id). */
    field?: FieldRef;
}

/**
 * "The record's first child matching `filter` is dated in the period" (an account's first won deal): a semi-join on
 * the children in the window and an anti-join on those before it. Semi-joins cannot nest, and an object cannot
 * semi-join itself (SOQL), so the child is another object.
 */
export interface FirstChild {
    object: string;
    /** The child's reference to the record (`AccountId`). */
    link: string;
    filter: Filter;
    dateField: string;
}

/** A population of records: the KPI's own unless a part narrows it or dates it differently. */
export interface KpiPart {
    filter?: Filter;
    /** Date field the period applies to; null for undated populations (quotas on User) and first-child ones. */
    dateField?: FieldRef | null;
    object?: string;
    aggregate: Aggregate;
    /** Paths to the owner's Id and the owner's manager's Id, when they differ from the object's. */
    scope?: ScopePaths;
    /**
     * Each person counted once (targets): the part is read per user (grouped by `id` and `manager`), and a user's
     * number is left out when someone of the same population who has a number of their own reports to them
     * directly, their number being taken for their team's roll-up (docs/kpis.md, "One target per person").
     */
    perPerson?: { id: string; manager: string };
}

/**
 * The revenue target of a scope, the same number wherever a revenue target applies (closed-won revenue's tile target,
 * pipeline coverage): the quota field of the active users in scope, each quota once. A manager whose quota holders
 * report to them carries a roll-up copy of their quotas and is left out; a user whose reports carry no quota (or who
 * has none) counts with their own.
 */
export const REVENUE_TARGET: KpiPart = {
    object: 'User',
    dateField: null,
    aggregate: { fn: 'sum', field: { setting: 'quotaField' } },
    perPerson: { id: 'Id', manager: 'ManagerId' },
};

export type Measure =
    /** The aggregate itself; `perRecord` divides a sum by the records counted, `multiplier` annualizes. */
    | { kind: 'aggregate'; aggregate: Aggregate; perRecord?: boolean; multiplier?: { setting: string; factor: number } }
    /** The share of a population whose `field` is one of `values` (won among closed): one grouped subquery. */
    | { kind: 'share'; aggregate: Aggregate; field: FieldRef; values: (string | boolean)[] | SettingRef }
    /** One population over another, each dated by its own field (converted leads over created leads). */
    | { kind: 'ratio'; numerator: KpiPart; denominator: KpiPart }
    /** Mean of `to` − `from` in days over the KPI's records (sales cycle). */
    | { kind: 'averageDuration'; from: FieldRef; to: FieldRef }
    /** Open pipeline over what is left of the target: pipeline ÷ (target − won). */
    | { kind: 'coverage'; pipeline: KpiPart; won: KpiPart; target: KpiPart };

/**
 * How the number is computed. `aggregate`: the server computes it (count, sum, avg, grouped counts), so the response
 * does not grow with the records. `dateMeans`: exact aggregate reformulation of an average date difference (see
 * averageDuration in kpiPlanner). Paging records with upperBound was considered and is used by no KPI.
 */
export type Strategy = 'aggregate' | 'dateMeans';

/** `event`: things that happened in the period (to date). `snapshot`: what is open and due in the period. */
export type Timing = 'event' | 'snapshot';

export interface ScopePaths {
    /** Filter path compared with the viewer's Id for scope "mine". */
    mine: string;
    /**
     * Path to the owning User's manager (`Owner.ManagerId`): scope "team" compares it, and the manager's manager and
     * so on up to `teamLevels` levels (kpiPlanner teamCondition), with the viewer's Id.
     */
    team: string;
    /**
     * How many levels of the management chain below the viewer scope "team" reaches: TEAM_LEVELS, or fewer where
     * the owner is further from the record than the platform's parent depth allows (MAX_PARENT_LEVELS).
     */
    teamLevels: number;
}

/**
 * Relationships one filter path may cross: "You can specify up to five levels in a child-to-parent relationship",
 * e.g. Contact.Account.Owner.FirstName is three (developer.salesforce.com/docs/platform/graphql/guide/query-limits.html;
 * SOQL says the same, developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/
 * sforce_api_calls_soql_relationships_query_limits.htm). A polymorphic parent's type branch (`Owner: { User: … }`)
 * names the parent's type, not another relationship, so it is not counted (the pages do not say otherwise).
 */
export const MAX_PARENT_LEVELS = 5;

/**
 * Scope "team": everyone below the viewer in the management chain (User.ManagerId), down to five levels:
 * `Owner.ManagerId`, `Owner.Manager.ManagerId`, … `Owner.Manager.Manager.Manager.Manager.ManagerId` crosses the five
 * relationships a filter may. Campaign members reach four: their owner is one relationship further away.
 */
export const TEAM_LEVELS = 5;

export interface KpiDefinition {
    id: string;
    /** Custom label names: the tile title and a one-sentence definition. */
    label: string;
    help: string;
    object: string;
    /** Null when the records are dated through `firstChild` instead of a field of their own. */
    dateField: FieldRef | null;
    /** Dated by their first matching child record (new logos: accounts by their first won deal). */
    firstChild?: FirstChild;
    filter: Filter;
    measure: Measure;
    unit: KpiUnit;
    higherIsBetter: boolean;
    timing: Timing;
    strategy: Strategy;
    /** Why this strategy (developer-facing; docs/kpis.md repeats it). */
    why: string;
    /** Breakdowns this KPI supports (ids of KPI_GROUPINGS); `owner` makes it rankable on the leaderboard. */
    groupings: string[];
    /** Below this many records a rate is flagged as too small to trust. */
    minSample?: number;
    /**
     * Where a click on the number leads: a packaged list view (objects/<object>/listViews/<listView>), filtered like the
     * KPI over its default period; it cannot follow the tile's period or scope (docs/kpis.md, "Drill-down"). Where the
     * view holds more or other records than the KPI counts, DRILL_DOWN_NOTES names the note that says so.
     */
    drillDown: { object: string; listView: string };
    /** Scope paths when they differ from the object's (campaign members scoped by the lead's owner). */
    scope?: ScopePaths;
    /** The target a tile shows when the component types none (REVENUE_TARGET for revenue). */
    target?: KpiPart;
}

/** An admin-swappable field or value list, with its default. */
export interface KpiSetting {
    id: string;
    label: string;
    kind: 'field' | 'values' | 'boolean';
    /** For `field`: the object the field is on; for `values`: the object and field the values belong to. */
    object?: string;
    field?: string;
    /** Field types an admin may pick for a `field` setting (schema/types FieldType names). */
    fieldTypes?: string[];
    default: string | string[] | boolean;
}

export interface KpiGrouping {
    id: string;
    label: string;
    field: FieldRef;
    /** How group keys read: record Ids (owner, campaign), picklist/text values, or booleans. */
    keyType: 'id' | 'text' | 'boolean';
    /** For Id keys: the relationship path to the record's name, read with each group (`Owner.Name`). */
    name?: string;
}

/** An equality filter a component offers (type, lead source): the field it sets on each object that has one. */
export interface KpiFilter {
    id: string;
    /** Object → field; parts on other objects are not filtered (a lead has no opportunity type). */
    fields: Record<string, string>;
}

export const KPI_FILTERS: Record<string, KpiFilter> = {
    opportunityType: { id: 'opportunityType', fields: { Opportunity: 'Type' } },
    leadSource: { id: 'leadSource', fields: { Opportunity: 'LeadSource', Lead: 'LeadSource' } },
};

/**
 * Record context, written once: on a record page of the key object, the field of each KPI object that points at the
 * record (an Account page counts the account's opportunities).
 */
export const KPI_RECORD_PATHS: Record<string, Record<string, string>> = {
    Account: { Opportunity: 'AccountId' },
};

/** Scope paths per object: who owns a record and who manages that owner (UI API relationship filters). */
export const KPI_OBJECTS: Record<string, ScopePaths> = {
    Opportunity: { mine: 'OwnerId', team: 'Owner.ManagerId', teamLevels: TEAM_LEVELS },
    // Lead.Owner is polymorphic (User or queue): the filter names the User branch.
    Lead: { mine: 'OwnerId', team: 'Owner.User.ManagerId', teamLevels: TEAM_LEVELS },
    Task: { mine: 'OwnerId', team: 'Owner.ManagerId', teamLevels: TEAM_LEVELS },
    Campaign: { mine: 'OwnerId', team: 'Owner.ManagerId', teamLevels: TEAM_LEVELS },
    Account: { mine: 'OwnerId', team: 'Owner.ManagerId', teamLevels: TEAM_LEVELS },
    // Campaign, then Owner: two relationships before the chain starts, so four levels of it.
    CampaignMember: { mine: 'Campaign.OwnerId', team: 'Campaign.Owner.ManagerId', teamLevels: MAX_PARENT_LEVELS - 1 },
    // The users themselves: the same people as the records' owners (a sixth level would be reachable here only).
    User: { mine: 'Id', team: 'ManagerId', teamLevels: TEAM_LEVELS },
};

/** Undated populations take active users only, in every scope (a quota of a deactivated user is no target). */
export const EVERYONE_FILTER: Record<string, Filter> = {
    User: { IsActive: { eq: true } },
};

/**
 * Types of the date fields KPIs are dated by, keyed `Object.path`: Date fields compare with `YYYY-MM-DD`, DateTime
 * fields with instants at the viewer's midnight.
 */
export const DATE_FIELD_TYPES: Record<string, 'Date' | 'DateTime'> = {
    'Lead.CreatedDate': 'DateTime',
    'Lead.ConvertedDate': 'Date',
    'Opportunity.CreatedDate': 'DateTime',
    'Opportunity.CloseDate': 'Date',
    'Task.ActivityDate': 'Date',
    'CampaignMember.CreatedDate': 'DateTime',
    'CampaignMember.FirstRespondedDate': 'Date',
    'CampaignMember.Lead.CreatedDate': 'DateTime',
};

export const KPI_SETTINGS: Record<string, KpiSetting> = {
    lossReasonField: {
        id: 'lossReasonField',
        label: 'kpiSettingLossReasonField',
        kind: 'field',
        object: 'Opportunity',
        fieldTypes: ['Picklist', 'String'],
        default: 'Loss_Reason__c',
    },
    quotaField: {
        id: 'quotaField',
        label: 'kpiSettingQuotaField',
        kind: 'field',
        object: 'User',
        fieldTypes: ['Currency', 'Double', 'Int'],
        default: 'Sales_Quota__c',
    },
    sentStatuses: {
        id: 'sentStatuses',
        label: 'kpiSettingSentStatuses',
        kind: 'values',
        object: 'CampaignMember',
        field: 'Status',
        default: ['Sent', 'Opened', 'Responded'],
    },
    openedStatuses: {
        id: 'openedStatuses',
        label: 'kpiSettingOpenedStatuses',
        kind: 'values',
        object: 'CampaignMember',
        field: 'Status',
        default: ['Opened', 'Responded'],
    },
    amountsAreMonthly: {
        id: 'amountsAreMonthly',
        label: 'kpiSettingAmountsAreMonthly',
        kind: 'boolean',
        default: false,
    },
};

export const KPI_GROUPINGS: Record<string, KpiGrouping> = {
    owner: { id: 'owner', label: 'kpiGroupingOwner', field: 'OwnerId', keyType: 'id', name: 'Owner.Name' },
    source: { id: 'source', label: 'kpiGroupingSource', field: 'LeadSource', keyType: 'text' },
    lossReason: {
        id: 'lossReason',
        label: 'kpiGroupingLossReason',
        field: { setting: 'lossReasonField' },
        keyType: 'text',
    },
    type: { id: 'type', label: 'kpiGroupingType', field: 'Type', keyType: 'text' },
    campaign: { id: 'campaign', label: 'kpiGroupingCampaign', field: 'CampaignId', keyType: 'id' },
    stage: { id: 'stage', label: 'kpiGroupingStage', field: 'StageName', keyType: 'text' },
    forecastCategory: {
        id: 'forecastCategory',
        label: 'kpiGroupingForecastCategory',
        field: 'ForecastCategoryName',
        keyType: 'text',
    },
};

const COUNT: Aggregate = { fn: 'count' };
const AMOUNT_SUM: Aggregate = { fn: 'sum', field: 'Amount' };
const WON: Filter = { IsWon: { eq: true } };
const CLOSED: Filter = { IsClosed: { eq: true } };
const OPEN: Filter = { IsClosed: { eq: false } };

const SERVER_COUNT = 'Counted by the server (aggregate count), so the response is one number whatever the volume.';
const SERVER_SUM = 'Summed by the server (aggregate sum of Amount); one number per window whatever the volume.';
const SERVER_SHARE =
    'One grouped aggregate: the server counts each group, the share is read from the groups (at most a few rows).';
const DATE_MEANS =
    'UI API cannot average a date difference, and avg is not offered on Date/DateTime fields (only min/max/count). ' +
    'Mean of (to − from) = mean(to) − mean(from) over the same records, and each mean is exact from two server ' +
    'histograms (CALENDAR_YEAR and DAY_IN_YEAR counts): at most 366 + years rows, never the records. Paging records ' +
    'with upperBound would grow with the data.';

export const KPI_CATALOG: readonly KpiDefinition[] = [
    {
        id: 'leadsCreated',
        label: 'kpiLeadsCreated',
        help: 'kpiLeadsCreatedHelp',
        object: 'Lead',
        dateField: 'CreatedDate',
        filter: {},
        measure: { kind: 'aggregate', aggregate: COUNT },
        unit: 'count',
        higherIsBetter: true,
        timing: 'event',
        strategy: 'aggregate',
        why: SERVER_COUNT,
        groupings: ['owner', 'source'],
        drillDown: { object: 'Lead', listView: 'kpiLeadsCreated' },
    },
    {
        id: 'leadsFromCampaigns',
        label: 'kpiLeadsFromCampaigns',
        help: 'kpiLeadsFromCampaignsHelp',
        object: 'CampaignMember',
        dateField: 'Lead.CreatedDate',
        filter: { LeadId: { ne: null } },
        measure: { kind: 'aggregate', aggregate: { fn: 'countDistinct', field: 'LeadId' } },
        unit: 'count',
        higherIsBetter: true,
        timing: 'event',
        strategy: 'aggregate',
        why: 'Distinct leads counted by the server over campaign members, grouped by campaign when broken down.',
        groupings: ['campaign'],
        drillDown: { object: 'Campaign', listView: 'kpiActiveCampaigns' },
        scope: { mine: 'Lead.OwnerId', team: 'Lead.Owner.User.ManagerId', teamLevels: MAX_PARENT_LEVELS - 1 },
    },
    {
        id: 'opportunitiesOpened',
        label: 'kpiOpportunitiesOpened',
        help: 'kpiOpportunitiesOpenedHelp',
        object: 'Opportunity',
        dateField: 'CreatedDate',
        filter: {},
        measure: { kind: 'aggregate', aggregate: COUNT },
        unit: 'count',
        higherIsBetter: true,
        timing: 'event',
        strategy: 'aggregate',
        why: SERVER_COUNT,
        groupings: ['owner', 'source', 'lossReason', 'type', 'campaign'],
        drillDown: { object: 'Opportunity', listView: 'kpiOpportunitiesOpened' },
    },
    {
        id: 'pipelineCreated',
        label: 'kpiPipelineCreated',
        help: 'kpiPipelineCreatedHelp',
        object: 'Opportunity',
        dateField: 'CreatedDate',
        filter: {},
        measure: { kind: 'aggregate', aggregate: AMOUNT_SUM },
        unit: 'currency',
        higherIsBetter: true,
        timing: 'event',
        strategy: 'aggregate',
        why: SERVER_SUM,
        groupings: ['owner', 'source', 'type'],
        drillDown: { object: 'Opportunity', listView: 'kpiOpportunitiesOpened' },
    },
    {
        id: 'opportunitiesWon',
        label: 'kpiOpportunitiesWon',
        help: 'kpiOpportunitiesWonHelp',
        object: 'Opportunity',
        dateField: 'CloseDate',
        filter: WON,
        measure: { kind: 'aggregate', aggregate: COUNT },
        unit: 'count',
        higherIsBetter: true,
        timing: 'event',
        strategy: 'aggregate',
        why: SERVER_COUNT,
        groupings: ['owner', 'source', 'type', 'campaign'],
        drillDown: { object: 'Opportunity', listView: 'kpiOpportunitiesWon' },
    },
    {
        id: 'opportunitiesLost',
        label: 'kpiOpportunitiesLost',
        help: 'kpiOpportunitiesLostHelp',
        object: 'Opportunity',
        dateField: 'CloseDate',
        filter: { IsClosed: { eq: true }, IsWon: { eq: false } },
        measure: { kind: 'aggregate', aggregate: COUNT },
        unit: 'count',
        higherIsBetter: false,
        timing: 'event',
        strategy: 'aggregate',
        why: SERVER_COUNT,
        groupings: ['owner', 'source', 'type', 'lossReason', 'campaign'],
        drillDown: { object: 'Opportunity', listView: 'kpiOpportunitiesLost' },
    },
    {
        id: 'closedWonRevenue',
        label: 'kpiClosedWonRevenue',
        help: 'kpiClosedWonRevenueHelp',
        object: 'Opportunity',
        dateField: 'CloseDate',
        filter: WON,
        measure: { kind: 'aggregate', aggregate: AMOUNT_SUM },
        unit: 'currency',
        higherIsBetter: true,
        timing: 'event',
        strategy: 'aggregate',
        why: SERVER_SUM,
        groupings: ['owner', 'source', 'type', 'campaign'],
        drillDown: { object: 'Opportunity', listView: 'kpiOpportunitiesWon' },
        // The tile's target unless the component types one: the same revenue target as pipeline coverage's.
        target: REVENUE_TARGET,
    },
    {
        id: 'lostAmount',
        label: 'kpiLostAmount',
        help: 'kpiLostAmountHelp',
        object: 'Opportunity',
        dateField: 'CloseDate',
        filter: { IsClosed: { eq: true }, IsWon: { eq: false } },
        measure: { kind: 'aggregate', aggregate: AMOUNT_SUM },
        unit: 'currency',
        higherIsBetter: false,
        timing: 'event',
        strategy: 'aggregate',
        why: SERVER_SUM,
        groupings: ['owner', 'source', 'type', 'lossReason'],
        drillDown: { object: 'Opportunity', listView: 'kpiOpportunitiesLost' },
    },
    {
        id: 'averageDealSize',
        label: 'kpiAverageDealSize',
        help: 'kpiAverageDealSizeHelp',
        object: 'Opportunity',
        dateField: 'CloseDate',
        filter: WON,
        measure: { kind: 'aggregate', aggregate: AMOUNT_SUM, perRecord: true },
        unit: 'currency',
        higherIsBetter: true,
        timing: 'event',
        strategy: 'aggregate',
        why: 'Revenue and deal count from one server aggregate (sum of Amount, count of Id); divided in the browser.',
        groupings: ['owner', 'source', 'type'],
        drillDown: { object: 'Opportunity', listView: 'kpiOpportunitiesWon' },
    },
    {
        id: 'averageContractValue',
        label: 'kpiAverageContractValue',
        help: 'kpiAverageContractValueHelp',
        object: 'Opportunity',
        dateField: 'CloseDate',
        filter: WON,
        measure: {
            kind: 'aggregate',
            aggregate: { fn: 'avg', field: 'Amount' },
            multiplier: { setting: 'amountsAreMonthly', factor: 12 },
        },
        unit: 'currency',
        higherIsBetter: true,
        timing: 'event',
        strategy: 'aggregate',
        why: 'Averaged by the server (aggregate avg of Amount, deals without an amount left out); ×12 in the browser when amounts are monthly.',
        groupings: ['owner', 'source', 'type'],
        drillDown: { object: 'Opportunity', listView: 'kpiOpportunitiesWon' },
    },
    {
        id: 'winRate',
        label: 'kpiWinRate',
        help: 'kpiWinRateHelp',
        object: 'Opportunity',
        dateField: 'CloseDate',
        filter: CLOSED,
        measure: { kind: 'share', aggregate: COUNT, field: 'IsWon', values: [true] },
        unit: 'percent',
        higherIsBetter: true,
        timing: 'event',
        strategy: 'aggregate',
        why: SERVER_SHARE,
        groupings: ['owner', 'source', 'type', 'campaign'],
        minSample: 20,
        drillDown: { object: 'Opportunity', listView: 'kpiOpportunitiesClosed' },
    },
    {
        id: 'winRateByAmount',
        label: 'kpiWinRateByAmount',
        help: 'kpiWinRateByAmountHelp',
        object: 'Opportunity',
        dateField: 'CloseDate',
        filter: CLOSED,
        measure: { kind: 'share', aggregate: AMOUNT_SUM, field: 'IsWon', values: [true] },
        unit: 'percent',
        higherIsBetter: true,
        timing: 'event',
        strategy: 'aggregate',
        why: SERVER_SHARE,
        groupings: ['owner', 'source', 'type'],
        minSample: 20,
        drillDown: { object: 'Opportunity', listView: 'kpiOpportunitiesClosed' },
    },
    {
        id: 'leadConversionRate',
        label: 'kpiLeadConversionRate',
        help: 'kpiLeadConversionRateHelp',
        object: 'Lead',
        dateField: 'CreatedDate',
        filter: {},
        measure: {
            kind: 'ratio',
            numerator: { dateField: 'ConvertedDate', filter: { IsConverted: { eq: true } }, aggregate: COUNT },
            denominator: { aggregate: COUNT },
        },
        unit: 'percent',
        higherIsBetter: true,
        timing: 'event',
        strategy: 'aggregate',
        why: 'Two server counts dated differently (converted by ConvertedDate, created by CreatedDate), divided in the browser.',
        groupings: ['owner', 'source'],
        minSample: 20,
        drillDown: { object: 'Lead', listView: 'kpiLeadsCreated' },
    },
    {
        id: 'averageDaysLeadToOpportunity',
        label: 'kpiAverageDaysLeadToOpportunity',
        help: 'kpiAverageDaysLeadToOpportunityHelp',
        object: 'Lead',
        dateField: 'ConvertedDate',
        filter: { IsConverted: { eq: true } },
        measure: { kind: 'averageDuration', from: 'CreatedDate', to: 'ConvertedDate' },
        unit: 'days',
        higherIsBetter: false,
        timing: 'event',
        strategy: 'dateMeans',
        why: DATE_MEANS,
        groupings: [],
        minSample: 10,
        drillDown: { object: 'Opportunity', listView: 'kpiOpportunitiesOpened' },
    },
    {
        id: 'averageSalesCycle',
        label: 'kpiAverageSalesCycle',
        help: 'kpiAverageSalesCycleHelp',
        object: 'Opportunity',
        dateField: 'CloseDate',
        filter: WON,
        measure: { kind: 'averageDuration', from: 'CreatedDate', to: 'CloseDate' },
        unit: 'days',
        higherIsBetter: false,
        timing: 'event',
        strategy: 'dateMeans',
        why: DATE_MEANS,
        groupings: [],
        minSample: 10,
        drillDown: { object: 'Opportunity', listView: 'kpiOpportunitiesWon' },
    },
    {
        id: 'emailsSent',
        label: 'kpiEmailsSent',
        help: 'kpiEmailsSentHelp',
        object: 'Task',
        dateField: 'ActivityDate',
        filter: { TaskSubtype: { eq: 'Email' } },
        measure: { kind: 'aggregate', aggregate: COUNT },
        unit: 'count',
        higherIsBetter: true,
        timing: 'event',
        strategy: 'aggregate',
        why: SERVER_COUNT,
        groupings: ['owner'],
        drillDown: { object: 'Task', listView: 'kpiEmailsSent' },
    },
    {
        id: 'outboundCalls',
        label: 'kpiOutboundCalls',
        help: 'kpiOutboundCallsHelp',
        object: 'Task',
        dateField: 'ActivityDate',
        filter: { TaskSubtype: { eq: 'Call' }, CallType: { eq: 'Outbound' } },
        measure: { kind: 'aggregate', aggregate: COUNT },
        unit: 'count',
        higherIsBetter: true,
        timing: 'event',
        strategy: 'aggregate',
        why: SERVER_COUNT,
        groupings: ['owner'],
        drillDown: { object: 'Task', listView: 'kpiOutboundCalls' },
    },
    {
        id: 'campaignOpens',
        label: 'kpiCampaignOpens',
        help: 'kpiCampaignOpensHelp',
        object: 'CampaignMember',
        dateField: 'CreatedDate',
        filter: { Status: { in: { setting: 'openedStatuses' } } },
        measure: { kind: 'aggregate', aggregate: COUNT },
        unit: 'count',
        higherIsBetter: true,
        timing: 'event',
        strategy: 'aggregate',
        why: SERVER_COUNT,
        groupings: ['campaign'],
        drillDown: { object: 'Campaign', listView: 'kpiActiveCampaigns' },
    },
    {
        id: 'campaignOpenRate',
        label: 'kpiCampaignOpenRate',
        help: 'kpiCampaignOpenRateHelp',
        object: 'CampaignMember',
        dateField: 'CreatedDate',
        filter: { Status: { in: { setting: 'sentStatuses' } } },
        measure: { kind: 'share', aggregate: COUNT, field: 'Status', values: { setting: 'openedStatuses' } },
        unit: 'percent',
        higherIsBetter: true,
        timing: 'event',
        strategy: 'aggregate',
        why: SERVER_SHARE,
        groupings: ['campaign'],
        minSample: 50,
        drillDown: { object: 'Campaign', listView: 'kpiActiveCampaigns' },
    },
    {
        id: 'campaignResponses',
        label: 'kpiCampaignResponses',
        help: 'kpiCampaignResponsesHelp',
        object: 'CampaignMember',
        dateField: 'FirstRespondedDate',
        filter: { HasResponded: { eq: true } },
        measure: { kind: 'aggregate', aggregate: COUNT },
        unit: 'count',
        higherIsBetter: true,
        timing: 'event',
        strategy: 'aggregate',
        why: SERVER_COUNT,
        groupings: ['campaign'],
        drillDown: { object: 'Campaign', listView: 'kpiActiveCampaigns' },
    },
    {
        id: 'campaignResponseRate',
        label: 'kpiCampaignResponseRate',
        help: 'kpiCampaignResponseRateHelp',
        object: 'CampaignMember',
        dateField: 'CreatedDate',
        filter: { Status: { in: { setting: 'sentStatuses' } } },
        measure: { kind: 'share', aggregate: COUNT, field: 'HasResponded', values: [true] },
        unit: 'percent',
        higherIsBetter: true,
        timing: 'event',
        strategy: 'aggregate',
        why: SERVER_SHARE,
        groupings: ['campaign'],
        minSample: 50,
        drillDown: { object: 'Campaign', listView: 'kpiActiveCampaigns' },
    },
    {
        id: 'pipelineValue',
        label: 'kpiPipelineValue',
        help: 'kpiPipelineValueHelp',
        object: 'Opportunity',
        dateField: 'CloseDate',
        filter: OPEN,
        measure: { kind: 'aggregate', aggregate: AMOUNT_SUM },
        unit: 'currency',
        higherIsBetter: true,
        timing: 'snapshot',
        strategy: 'aggregate',
        why: SERVER_SUM,
        groupings: ['owner', 'stage', 'forecastCategory', 'type', 'source'],
        drillDown: { object: 'Opportunity', listView: 'kpiOpenPipeline' },
    },
    {
        id: 'pipelineCoverage',
        label: 'kpiPipelineCoverage',
        help: 'kpiPipelineCoverageHelp',
        object: 'Opportunity',
        dateField: 'CloseDate',
        filter: {},
        measure: {
            kind: 'coverage',
            pipeline: { filter: OPEN, aggregate: AMOUNT_SUM },
            won: { filter: WON, aggregate: AMOUNT_SUM },
            target: REVENUE_TARGET,
        },
        unit: 'multiple',
        higherIsBetter: true,
        timing: 'snapshot',
        strategy: 'aggregate',
        why:
            'Two server sums (open Amount, won Amount) and the quota on User per user unless the tile has a target ' +
            '(each quota once: roll-up copies of managers left out in the browser); one division in the browser.',
        groupings: [],
        drillDown: { object: 'Opportunity', listView: 'kpiOpenPipeline' },
    },
    {
        id: 'newLogos',
        label: 'kpiNewLogos',
        help: 'kpiNewLogosHelp',
        object: 'Account',
        dateField: null,
        firstChild: { object: 'Opportunity', link: 'AccountId', filter: WON, dateField: 'CloseDate' },
        filter: {},
        measure: { kind: 'aggregate', aggregate: COUNT },
        unit: 'count',
        higherIsBetter: true,
        timing: 'event',
        strategy: 'aggregate',
        why:
            'Accounts counted by the server with a semi-join (a won deal in the period) and an anti-join (none before ' +
            "it), credited to the account owner; crediting the first deal's owner would need an Opportunity semi-join " +
            'inside an Opportunity query, which SOQL refuses.',
        groupings: ['owner'],
        drillDown: { object: 'Account', listView: 'kpiNewLogos' },
    },
];

const BY_ID = new Map(KPI_CATALOG.map((kpi) => [kpi.id, kpi]));

export const KPI_IDS: readonly string[] = KPI_CATALOG.map((kpi) => kpi.id);

/**
 * What a drill-down list holds beyond the KPI's records, per packaged list view: a custom label name for the tile to
 * show beside its link. Every list view token needs a citation (scripts/validate/listViewTokens.ts), so the task views
 * lost their TaskSubtype filter (no citation for TASK_SUBTYPE as a filter field) and list every task, and the date
 * filters use THIS_QUARTER, the calendar quarter (no citation for THIS_FISCAL_QUARTER as a list view value).
 */
export const DRILL_DOWN_NOTES: Readonly<Record<string, string>> = {
    kpiEmailsSent: 'kpiDrillDownNoteAllTasksEmails',
    kpiOutboundCalls: 'kpiDrillDownNoteAllTasksCalls',
    kpiLeadsCreated: 'kpiDrillDownNoteCalendarQuarter',
    kpiOpportunitiesOpened: 'kpiDrillDownNoteCalendarQuarter',
    kpiOpportunitiesWon: 'kpiDrillDownNoteCalendarQuarter',
    kpiOpportunitiesLost: 'kpiDrillDownNoteCalendarQuarter',
    kpiOpportunitiesClosed: 'kpiDrillDownNoteCalendarQuarter',
    kpiOpenPipeline: 'kpiDrillDownNoteCalendarQuarter',
};

/** The custom label name of the note on a KPI's drill-down, if its list view holds more or other records. */
export function drillDownNote(kpi: KpiDefinition): string | undefined {
    return DRILL_DOWN_NOTES[kpi.drillDown.listView];
}

export function findKpi(id: unknown): KpiDefinition | undefined {
    return typeof id === 'string' ? BY_ID.get(id) : undefined;
}

/** True when the KPI can be ranked per owner (the leaderboard). */
export function isGroupableByOwner(kpi: KpiDefinition): boolean {
    return kpi.groupings.includes('owner');
}

export function isSettingRef(value: unknown): value is SettingRef {
    return (
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.keys(value).length === 1 &&
        typeof (value as SettingRef).setting === 'string'
    );
}

/** A population with everything resolved against its KPI: object, filter, date field and scope paths. */
export interface ResolvedPart {
    /** `value`, or which side of a ratio/coverage it is. */
    role: 'value' | 'numerator' | 'denominator' | 'pipeline' | 'won' | 'target';
    object: string;
    aggregate: Aggregate;
    filter: Filter;
    dateField: FieldRef | null;
    firstChild?: FirstChild;
    scope: ScopePaths;
    perPerson?: { id: string; manager: string };
}

/** The populations a KPI's measure reads; a part on another object does not inherit the KPI's filter. */
export function kpiParts(kpi: KpiDefinition): ResolvedPart[] {
    const part = (role: ResolvedPart['role'], p: KpiPart): ResolvedPart => {
        const object = p.object ?? kpi.object;
        const own = object === kpi.object;
        return {
            role,
            object,
            aggregate: p.aggregate,
            filter: { ...(own ? kpi.filter : {}), ...(p.filter ?? {}) },
            dateField: p.dateField === undefined ? kpi.dateField : p.dateField,
            ...(own && kpi.firstChild ? { firstChild: kpi.firstChild } : {}),
            scope: p.scope ?? (own ? kpi.scope : undefined) ?? KPI_OBJECTS[object],
            ...(p.perPerson ? { perPerson: p.perPerson } : {}),
        };
    };
    const measure = kpi.measure;
    switch (measure.kind) {
        case 'aggregate':
        case 'share':
            return [part('value', { aggregate: measure.aggregate })];
        case 'averageDuration':
            return [part('value', { aggregate: COUNT })];
        case 'ratio':
            return [part('numerator', measure.numerator), part('denominator', measure.denominator)];
        case 'coverage':
            return [part('pipeline', measure.pipeline), part('won', measure.won), part('target', measure.target)];
    }
}

/** Every setting a KPI reads, found wherever a `{ setting }` reference sits in its definition. */
export function kpiSettingIds(kpi: KpiDefinition): string[] {
    const found = new Set<string>();
    const walk = (value: unknown): void => {
        if (Array.isArray(value)) value.forEach(walk);
        else if (typeof value === 'object' && value !== null) {
            const { setting } = value as { setting?: unknown };
            if (typeof setting === 'string') found.add(setting);
            else Object.values(value).forEach(walk);
        }
    };
    walk([kpi.dateField, kpi.filter, kpi.measure, kpi.target ?? null]);
    for (const id of kpi.groupings) walk(KPI_GROUPINGS[id]?.field);
    return [...found].sort();
}

/**
 * The target population a KPI reads when the component types no target: coverage's own target part, or the KPI's
 * default tile target (closed-won revenue's quota). Not one of kpiParts for a KPI whose measure does not need it.
 */
export function kpiTargetPart(kpi: KpiDefinition): ResolvedPart | undefined {
    if (kpi.measure.kind === 'coverage') return kpiParts(kpi).find((part) => part.role === 'target');
    const target = kpi.target;
    if (!target) return undefined;
    const object = target.object ?? kpi.object;
    return {
        role: 'target',
        object,
        aggregate: target.aggregate,
        filter: target.filter ?? {},
        dateField: target.dateField ?? null,
        scope: target.scope ?? KPI_OBJECTS[object],
        ...(target.perPerson ? { perPerson: target.perPerson } : {}),
    };
}
