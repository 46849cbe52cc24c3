/**
 * Picklist values of the sample org. Standard picklists use the values a new Developer Edition or scratch org ships
 * with, so `data/` imports into one unchanged; custom picklists match `sample-app/` metadata.
 * Where the sample org uses all of a picklist's values, in its order, they come from schema/objects, the one list
 * the schema slice, the preview's objectInfo and the generator share; the lists below with literals are the
 * sample org's own choice or order.
 */
import { getField } from '../../schema';
import { industryValues, leadSourceValues } from '../../schema/systemFields';

function schemaPicklist(objectApiName: string, fieldName: string): readonly string[] {
    const values = getField(objectApiName, fieldName).picklistValues;
    if (!values) throw new Error(`schema/objects/${objectApiName}.ts: ${fieldName} is not a picklist`);
    return values;
}

export interface OpportunityStage {
    name: string;
    /** Default probability (%) of the stage. */
    probability: number;
    /** Default ForecastCategoryName of the stage. */
    forecastCategoryName: ForecastCategoryName;
    isClosed: boolean;
    isWon: boolean;
}

export type ForecastCategoryName = 'Pipeline' | 'Best Case' | 'Commit' | 'Omitted' | 'Closed';

/** Open stages in sales-process order, then the two closed stages (OpportunityStage defaults of a new org). */
export const OPEN_STAGES: readonly OpportunityStage[] = [
    { name: 'Prospecting', probability: 10, forecastCategoryName: 'Pipeline', isClosed: false, isWon: false },
    { name: 'Qualification', probability: 10, forecastCategoryName: 'Pipeline', isClosed: false, isWon: false },
    { name: 'Needs Analysis', probability: 20, forecastCategoryName: 'Pipeline', isClosed: false, isWon: false },
    { name: 'Value Proposition', probability: 50, forecastCategoryName: 'Pipeline', isClosed: false, isWon: false },
    { name: 'Id. Decision Makers', probability: 60, forecastCategoryName: 'Pipeline', isClosed: false, isWon: false },
    { name: 'Perception Analysis', probability: 70, forecastCategoryName: 'Pipeline', isClosed: false, isWon: false },
    { name: 'Proposal/Price Quote', probability: 75, forecastCategoryName: 'Pipeline', isClosed: false, isWon: false },
    { name: 'Negotiation/Review', probability: 90, forecastCategoryName: 'Pipeline', isClosed: false, isWon: false },
];
export const CLOSED_WON: OpportunityStage = {
    name: 'Closed Won',
    probability: 100,
    forecastCategoryName: 'Closed',
    isClosed: true,
    isWon: true,
};
export const CLOSED_LOST: OpportunityStage = {
    name: 'Closed Lost',
    probability: 0,
    forecastCategoryName: 'Omitted',
    isClosed: true,
    isWon: false,
};
export const OPPORTUNITY_STAGES: readonly OpportunityStage[] = [...OPEN_STAGES, CLOSED_WON, CLOSED_LOST];

/**
 * OpportunityHistory.ForecastCategory holds the API names of forecast categories, not their labels
 * (object reference, OpportunityHistory: BestCase, Closed, Forecast, MostLikely, Omitted, Pipeline).
 */
export const FORECAST_CATEGORY_API_NAME: Record<ForecastCategoryName, string> = {
    Pipeline: 'Pipeline',
    'Best Case': 'BestCase',
    Commit: 'Forecast',
    Omitted: 'Omitted',
    Closed: 'Closed',
};

/** Opportunity.Type of a new org: one value for new logos, three for deals with existing customers. */
export const OPPORTUNITY_TYPES = [
    'New Customer',
    'Existing Customer - Upgrade',
    'Existing Customer - Replacement',
    'Existing Customer - Downgrade',
] as const;
export const LEAD_SOURCES: readonly string[] = leadSourceValues;
/** Opportunity.Loss_Reason__c (custom, restricted picklist in sample-app). */
export const LOSS_REASONS = schemaPicklist('Opportunity', 'Loss_Reason__c');

export const LEAD_STATUSES = schemaPicklist('Lead', 'Status');
export const LEAD_RATINGS = schemaPicklist('Lead', 'Rating');

export const ACCOUNT_TYPES = schemaPicklist('Account', 'Type');
export const INDUSTRIES: readonly string[] = industryValues;

export const CAMPAIGN_TYPES = [
    'Email',
    'Webinar',
    'Conference',
    'Trade Show',
    'Advertisement',
    'Direct Mail',
    'Partners',
] as const;
export const CAMPAIGN_STATUSES = schemaPicklist('Campaign', 'Status');
/** Member statuses of every sample campaign; only Responded counts as a response (HasResponded). */
export const CAMPAIGN_MEMBER_STATUSES = schemaPicklist('CampaignMember', 'Status');

export const TASK_SUBTYPES = ['Task', 'Email', 'Call'] as const;
export const TASK_TYPES = schemaPicklist('Task', 'Type');
export const CALL_TYPES = schemaPicklist('Task', 'CallType');
export const TASK_STATUSES = schemaPicklist('Task', 'Status');
export const TASK_PRIORITIES = schemaPicklist('Task', 'Priority');

export const CASE_STATUSES = schemaPicklist('Case', 'Status');
export const CASE_ORIGINS = schemaPicklist('Case', 'Origin');
export const CASE_REASONS = schemaPicklist('Case', 'Reason');
export const CASE_TYPES = schemaPicklist('Case', 'Type');
export const CASE_PRIORITIES = schemaPicklist('Case', 'Priority');

/** Profiles the sample users hold (names of standard profiles of a new org). */
export const PROFILES = {
    admin: 'System Administrator',
    manager: 'Standard User',
    sales: 'Custom: Sales Profile',
    support: 'Custom: Support Profile',
    marketing: 'Custom: Marketing Profile',
} as const;
