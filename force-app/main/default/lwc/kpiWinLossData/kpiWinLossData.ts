/**
 * Win-loss analysis as plain data: reads the component's properties, plans the one document of a render (aggregate
 * subqueries and one page of recent losses) and shapes the response into win rates, a won/lost series, loss reasons
 * and recent-loss rows, tying each error to the section it costs. Pure: no clock, no platform calls.
 */
import { findKpi } from 'c/kpiCatalog';
import { comparisonWindow, currentWindow, isoDate, parseIsoDate, periodKey } from 'c/kpiPeriods';
import {
    problemOf,
    readChoice,
    readCurrencyCode,
    readFieldName,
    readPeriod,
    readText,
    readUserId,
    readWholeNumber,
} from 'c/kpiProperties';
import type { PropertyProblem, Reading } from 'c/kpiProperties';
import { refusedParts } from 'c/kpiLoader';
import { planKpis, subqueriesOfError as placeError } from 'c/kpiPlanner';
import type { KpiPlan, KpiRequest } from 'c/kpiPlanner';
import { describeProblem, readPicklistValues, readRecords, readResults } from 'c/kpiResults';
import type { KpiResult, PicklistOption, RecordRow } from 'c/kpiResults';
import type { DateWindow, Period, ViewerCalendar } from 'c/kpiPeriods';

export type WinLossGrouping = 'month' | 'quarter' | 'fiscalQuarter';
export type WinLossMeasure = 'count' | 'amount';
export type WinLossScope = 'mine' | 'team' | 'all';

export const GROUPINGS: readonly WinLossGrouping[] = ['month', 'quarter', 'fiscalQuarter'];
export const MEASURES: readonly WinLossMeasure[] = ['count', 'amount'];
export const SCOPES: readonly WinLossScope[] = ['mine', 'team', 'all'];

/** A trend shows at least this many buckets, so a one-month period still has a history. */
export const MIN_BUCKETS = 6;
/** A trend spans at most two years (24 months, 8 quarters): three year chunks keep the document within ten subqueries. */
export const MAX_TREND_MONTHS = 24;
/** Rep rows the aggregate returns in one page (query-limits: 2000 groups per subquery). */
export const MAX_GROUPS = 2000;
export const RECENT_LOSSES = 10;

export interface WinLossSettings {
    period: Period;
    grouping: WinLossGrouping;
    measure: WinLossMeasure;
    scope: WinLossScope;
    /** Empty when the admin has not named a loss-reason field. */
    lossReasonField: string;
    minSample: number;
    fiscalYearStartMonth: number;
    opportunityType: string;
    leadSource: string;
    ownerId: string;
    /** ISO code of the currency sums come back in; empty for the viewer's currency. */
    currencyCode: string;
}

export type { PropertyProblem };

export const DEFAULT_SETTINGS: WinLossSettings = {
    period: { kind: 'thisFiscalQuarter' },
    grouping: 'month',
    measure: 'count',
    scope: 'team',
    lossReasonField: 'Loss_Reason__c',
    // One minimum sample per KPI: the catalog's win rate threshold, unless the admin sets another.
    minSample: findKpi('winRate')?.minSample ?? 0,
    fiscalYearStartMonth: 1,
    opportunityType: '',
    leadSource: '',
    ownerId: '',
    currencyCode: '',
};

/** The filters that offer the org's picklist values, by the Opportunity field each filters on. */
export const PICKLIST_FILTERS = { opportunityType: 'Type', leadSource: 'LeadSource' } as const;
export type PicklistFilter = keyof typeof PICKLIST_FILTERS;

export type { PicklistOption };

/** Per filter: the field's active values (labels to show, API values to filter by), or null when the viewer's
 * describe has no such field (field-level security hides it). */
export type FilterPicklists = Record<PicklistFilter, PicklistOption[] | null>;

/**
 * Reads App Builder properties: blank ones take the default, each bad one is reported by name and replaced by the
 * default so the rest of the component still works. With the org's picklist values, a type or lead source that is
 * not one of them (or whose field the viewer cannot see) is bad too.
 */
export function readSettings(
    props: Record<string, unknown>,
    picklists?: FilterPicklists,
): {
    settings: WinLossSettings;
    problems: PropertyProblem[];
} {
    const problems: PropertyProblem[] = [];
    const settings: WinLossSettings = { ...DEFAULT_SETTINGS };
    // A bad value is replaced by the default, so each problem is a warning.
    const take = <T>(property: keyof WinLossSettings, reading: Reading<T>, apply: (v: T) => void) => {
        if (reading.ok) apply(reading.value);
        else problems.push(problemOf(property, reading, 'warning'));
    };
    const d = DEFAULT_SETTINGS;
    take('period', readPeriod(props.period, periodKey(d.period)), (v) => (settings.period = v));
    take('grouping', readChoice(props.grouping, GROUPINGS, d.grouping), (v) => (settings.grouping = v));
    take('measure', readChoice(props.measure, MEASURES, d.measure), (v) => (settings.measure = v));
    take('scope', readChoice(props.scope, SCOPES, d.scope), (v) => (settings.scope = v));
    take('minSample', readWholeNumber(props.minSample, 0, 10000, d.minSample), (v) => (settings.minSample = v));
    take(
        'fiscalYearStartMonth',
        readWholeNumber(props.fiscalYearStartMonth, 1, 12, d.fiscalYearStartMonth),
        (v) => (settings.fiscalYearStartMonth = v),
    );
    take(
        'lossReasonField',
        readFieldName(props.lossReasonField, d.lossReasonField),
        (v) => (settings.lossReasonField = v),
    );
    // An explicitly emptied loss-reason property means "no such field": the component explains how to add one.
    if (props.lossReasonField === '' || props.lossReasonField === null) settings.lossReasonField = '';
    take('opportunityType', readText(props.opportunityType, d.opportunityType), (v) => (settings.opportunityType = v));
    take('leadSource', readText(props.leadSource, d.leadSource), (v) => (settings.leadSource = v));
    take('ownerId', readUserId(props.ownerId, d.ownerId), (v) => (settings.ownerId = v));
    take('currencyCode', readCurrencyCode(props.currencyCode), (v) => (settings.currencyCode = v ?? d.currencyCode));
    for (const filter of Object.keys(PICKLIST_FILTERS) as PicklistFilter[]) {
        const value = settings[filter];
        const options = picklists?.[filter];
        if (!value || options === undefined || options?.some((option) => option.value === value)) continue;
        const field = PICKLIST_FILTERS[filter];
        problems.push(
            options === null
                ? { property: filter, value, code: 'fieldHidden', severity: 'warning', args: [field] }
                : {
                      property: filter,
                      value,
                      code: 'notOrgValue',
                      severity: 'warning',
                      args: [field, options.map((option) => option.value).join(', ')],
                  },
        );
        settings[filter] = '';
    }
    return { settings, problems };
}

/** The picklist fields the document describes; the name the objectInfos answer is read by. */
const DESCRIBED_OBJECT = 'Opportunity';

/**
 * The filters' picklist values from the document's objectInfos answer; undefined until an answer carries them. A
 * value active in several record types is offered once, with its first label.
 */
export function readPicklists(data: unknown): FilterPicklists | undefined {
    const found = readPicklistValues(data, DESCRIBED_OBJECT, Object.values(PICKLIST_FILTERS));
    return (
        found && {
            opportunityType: found[PICKLIST_FILTERS.opportunityType],
            leadSource: found[PICKLIST_FILTERS.leadSource],
        }
    );
}

/** One bar of the trend: its first day and the month index (year × 12 + month − 1) it starts in. */
export interface Bucket {
    start: string;
    month: number;
    /** 1-4 for fiscal quarters (the org's numbering when its fiscal year is named by the year it starts in). */
    fiscalQuarter?: number;
}

/** What a subquery feeds: the rates table, the won/lost chart, the loss reasons or the recent losses. */
export type WinLossSection = 'rates' | 'trend' | 'reasons' | 'recent';
/** Sections the analysis can do without: re-planned without them when they make the server refuse the document. */
export type OptionalSection = 'reasons' | 'recent';
const OPTIONAL_SECTIONS: readonly WinLossSection[] = ['reasons', 'recent'];

/** query-limits: at most ten subqueries (records and aggregates together) per document. */
export const MAX_SUBQUERIES = 10;

export interface WinLossSubquery {
    alias: string;
    object: string;
    section: WinLossSection;
    root: 'aggregate' | 'query';
    /** First and last line of the subquery in the document text, to place errors that carry only a location. */
    lines: [number, number];
}

export interface WinLossPlan {
    query: string;
    variables: Record<string, string>;
    operationName: string;
    current: DateWindow;
    previous: DateWindow;
    buckets: Bucket[];
    grouping: WinLossGrouping;
    hasTeam: boolean;
    reasonField: string;
    subqueries: WinLossSubquery[];
    /** Optional sections this document leaves out (the input's `omit`). */
    omitted: OptionalSection[];
    /** The shared planner's plan the document comes from; kpiResults reads its answer. */
    kpiPlan: KpiPlan;
}

export interface PlanInput {
    settings: WinLossSettings;
    now: Date;
    calendar: ViewerCalendar;
    userId: string;
    /** The Account record page the component sits on, if any. */
    accountId?: string;
    /** Sections to leave out, e.g. the reasons after the server said the field does not exist. */
    omit?: readonly OptionalSection[];
}

function monthOf(date: string): number {
    const [year, month] = date.split('-').map(Number);
    return year * 12 + month - 1;
}

function monthStart(month: number): string {
    return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-01`;
}

function floorTo(month: number, size: number, offset: number): number {
    return month - ((((month - offset) % size) + size) % size);
}

/** The buckets covering the current window, extended back to MIN_BUCKETS and cut to the last MAX_TREND_MONTHS. */
export function trendBuckets(window: DateWindow, grouping: WinLossGrouping, fiscalYearStartMonth: number): Bucket[] {
    const size = grouping === 'month' ? 1 : 3;
    const offset = grouping === 'fiscalQuarter' ? fiscalYearStartMonth - 1 : 0;
    const last = floorTo(monthOf(isoDate(parseIsoDate(window.end) - 1)), size, offset);
    let first = floorTo(monthOf(window.start), size, offset);
    first = Math.min(first, last - (MIN_BUCKETS - 1) * size);
    first = Math.max(first, last - (MAX_TREND_MONTHS - size));
    const buckets: Bucket[] = [];
    for (let month = first; month <= last; month += size) {
        const bucket: Bucket = { start: monthStart(month), month };
        if (grouping === 'fiscalQuarter') bucket.fiscalQuarter = (month - floorTo(month, 12, offset)) / 3 + 1;
        buckets.push(bucket);
    }
    return buckets;
}

/** Rates, trend, reasons: each a pair of catalog KPIs (by count, by amount) the shared planner reads together. */
const SECTION_KPIS = {
    rates: ['winRate', 'winRateByAmount'],
    trend: ['winRate', 'winRateByAmount'],
    reasons: ['opportunitiesLost', 'lostAmount'],
} as const;

/** Request keys of the plan, by what they feed. */
const KEYS = {
    company: ['company', 'companyAmount'],
    team: ['team', 'teamAmount'],
    reps: ['reps', 'repsAmount'],
    trend: ['trend', 'trendAmount'],
    reasons: ['reasons', 'reasonsAmount'],
    recent: 'recent',
} as const;

const SECTION_OF_KEY: Record<string, WinLossSection> = {
    company: 'rates',
    companyAmount: 'rates',
    team: 'rates',
    teamAmount: 'rates',
    reps: 'rates',
    repsAmount: 'rates',
    trend: 'trend',
    trendAmount: 'trend',
    reasons: 'reasons',
    reasonsAmount: 'reasons',
    recent: 'recent',
};

const RECENT_FIELDS = ['Name', 'CloseDate', 'Amount', 'Account.Name', 'Owner.Name'];

/** The trend's buckets as planner windows: each to the next bucket's start, the last to the current window's end. */
function bucketWindows(buckets: readonly Bucket[], end: string): DateWindow[] {
    return buckets.map((bucket, i) => ({
        start: bucket.start,
        end: buckets[i + 1]?.start ?? end,
        toDate: i === buckets.length - 1,
    }));
}

/**
 * Plans the one document of a render through the shared planner: win rates (company, team, reps; now and the period
 * before), the trend per bucket, the loss reasons and one page of recent losses, at most MAX_SUBQUERIES subqueries.
 */
export function planWinLoss(input: PlanInput): WinLossPlan {
    const { settings, calendar, now } = input;
    const omitted = [...new Set(input.omit ?? [])];
    const calendarFor = { ...calendar, fiscalYearStartMonth: settings.fiscalYearStartMonth };
    const current = currentWindow(settings.period, now, calendarFor);
    const previous = comparisonWindow(settings.period, 'previousPeriod', now, calendarFor) as DateWindow;
    const buckets = trendBuckets(current, settings.grouping, settings.fiscalYearStartMonth);
    const common: KpiRequest = {
        kpi: '',
        period: settings.period,
        filters: { opportunityType: settings.opportunityType, leadSource: settings.leadSource },
        ...(input.accountId ? { record: { object: 'Account', id: input.accountId } } : {}),
    };
    const hasTeam = Boolean(settings.ownerId) || settings.scope !== 'all';
    const team: Partial<KpiRequest> = settings.ownerId
        ? { scope: 'mine', scopeUser: settings.ownerId }
        : { scope: settings.scope };
    const pair = (keys: readonly string[], kpis: readonly string[], extra: Partial<KpiRequest>): KpiRequest[] =>
        keys.map((key, i) => ({ ...common, ...extra, key, kpi: kpis[i] }));
    const reasonField = omitted.includes('reasons') ? '' : settings.lossReasonField;
    const requests: KpiRequest[] = [
        ...pair(KEYS.company, SECTION_KPIS.rates, { scope: 'all', comparison: 'previousPeriod' }),
        ...(hasTeam ? pair(KEYS.team, SECTION_KPIS.rates, { ...team, comparison: 'previousPeriod' }) : []),
        ...pair(KEYS.reps, SECTION_KPIS.rates, { ...team, groupBy: 'owner' }),
        ...pair(KEYS.trend, SECTION_KPIS.trend, { ...team, buckets: bucketWindows(buckets, current.end) }),
        ...(reasonField
            ? pair(KEYS.reasons, SECTION_KPIS.reasons, {
                  ...team,
                  groupBy: 'lossReason',
                  settings: { lossReasonField: reasonField },
              })
            : []),
    ];
    const records = omitted.includes('recent')
        ? []
        : [
              {
                  key: KEYS.recent,
                  request: { ...common, ...team, kpi: 'opportunitiesLost' },
                  fields: reasonField ? [...RECENT_FIELDS, reasonField] : RECENT_FIELDS,
                  first: RECENT_LOSSES,
              },
          ];
    const kpiPlan = planKpis(
        requests,
        { userId: input.userId, now, calendar: calendarFor, documentName: 'KpiWinLoss' },
        { records, picklists: [DESCRIBED_OBJECT] },
    );
    const document = kpiPlan.documents[0];
    const sectionOf = (keys: readonly string[]): WinLossSection =>
        (['rates', 'trend', 'reasons'] as const).find((section) =>
            keys.some((key) => SECTION_OF_KEY[key] === section),
        ) ?? 'rates';
    const readers = (alias: string) =>
        kpiPlan.requests
            .filter((request) =>
                Object.values(request.reads).some((reads) =>
                    Object.values(reads ?? {})
                        .flat()
                        .includes(alias),
                ),
            )
            .map((request) => request.key);
    const subqueries: WinLossSubquery[] = [
        ...(document?.subqueries ?? []).map((s) => ({
            alias: s.alias,
            object: s.object,
            section: sectionOf(readers(s.alias)),
            root: 'aggregate' as const,
            lines: s.lines,
        })),
        ...(document?.records ?? []).map((r) => ({
            alias: r.alias,
            object: r.object,
            section: 'recent' as const,
            root: 'query' as const,
            lines: r.lines,
        })),
    ];
    return {
        query: document?.query ?? '',
        variables: document?.variables ?? {},
        operationName: document?.operationName ?? '',
        current,
        previous,
        buckets,
        grouping: settings.grouping,
        hasTeam,
        reasonField,
        subqueries,
        omitted,
        kpiPlan,
    };
}

export function winLossQuery(plan: WinLossPlan | undefined): string {
    return plan?.query ?? '';
}

export interface WinRate {
    won: number;
    lost: number;
    closed: number;
    wonAmount: number;
    lostAmount: number;
    /** Won ÷ closed deals; null without closed deals. */
    countRate: number | null;
    /** Won amount ÷ closed amount; null when nothing closed had an amount. */
    amountRate: number | null;
    /** Fewer closed deals than the minimum sample. */
    tooSmall: boolean;
    /** The counts were read (their request did not fail): without them the zeros above stand for nothing. */
    known: boolean;
}

export interface RepRate extends WinRate {
    ownerId: string;
    /** The owner's name from the group; null when the response has none. */
    name: string | null;
}

export interface ReasonRow {
    /** Null for lost deals without a reason. */
    reason: string | null;
    count: number;
    amount: number;
}

export interface TrendSeries {
    buckets: Bucket[];
    won: number[];
    lost: number[];
    wonAmount: number[];
    lostAmount: number[];
    countRate: (number | null)[];
    amountRate: (number | null)[];
    /** Each measure's buckets were read: a failed one leaves zeros that stand for nothing. */
    known: { count: boolean; amount: boolean };
}

export interface RecentLoss {
    id: string;
    name: string;
    account: string;
    amount: string;
    closeDate: string;
    owner: string;
    reason: string;
}

export interface WinLossResult {
    company: { current: WinRate; previous: WinRate };
    team?: { current: WinRate; previous: WinRate };
    reps: RepRate[];
    trend: TrendSeries;
    reasons: ReasonRow[];
    recent: RecentLoss[];
    /** A grouped subquery hit its page limit: some groups are missing. */
    truncated: boolean;
    /** Subqueries the response did not carry and no error explains. */
    missing: string[];
    /** Errors by the section whose subqueries they belong to. */
    failed: Partial<Record<WinLossSection, unknown[]>>;
    /** Errors no subquery could be tied to. */
    unplaced: unknown[];
    /** The server blamed the loss-reason field (it does not exist, or the viewer cannot see it). */
    reasonFieldFailed: boolean;
}

/** One rate from its catalog KPIs' results: won and closed from the count KPI's parts, amounts from the amount KPI's. */
function winRateOf(
    count: { value: number | null; parts?: { numerator: number; denominator: number } } | undefined,
    amount: { value: number | null; parts?: { numerator: number; denominator: number } } | undefined,
    minSample: number,
): WinRate {
    const won = count?.parts?.numerator ?? 0;
    const closed = count?.parts?.denominator ?? 0;
    const wonAmount = amount?.parts?.numerator ?? 0;
    const closedAmount = amount?.parts?.denominator ?? 0;
    return {
        won,
        lost: closed - won,
        closed,
        wonAmount,
        lostAmount: closedAmount - wonAmount,
        countRate: count?.value ?? null,
        amountRate: amount?.value ?? null,
        tooSmall: closed < minSample,
        known: count !== undefined,
    };
}

const asObject = (value: unknown): Record<string, unknown> | undefined =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
        ? (value as Record<string, unknown>)
        : undefined;

function textAt(value: unknown, key: string): string {
    const found = asObject(value)?.[key];
    return typeof found === 'string' ? found : typeof found === 'number' ? String(found) : '';
}

/**
 * The subqueries an error belongs to: by its path (`uiapi/aggregate/<alias>`), that path written in its message, or
 * the lines its locations point at. Empty when it cannot be placed.
 */
export function subqueriesOfError(error: unknown, plan: WinLossPlan): WinLossSubquery[] {
    return placeError(error, plan);
}

function errorBlamesField(error: unknown, field: string): boolean {
    return Boolean(field) && new RegExp(`\\b${field}\\b`, 'i').test(textAt(error, 'message'));
}

/** True when GraphQL errors blame the loss-reason field (missing, misspelled or not visible to the viewer). */
export function blamesField(errors: unknown, field: string): boolean {
    return Array.isArray(errors) && errors.some((error) => errorBlamesField(error, field));
}

/**
 * After the server refused the whole document (no data): the optional sections to leave out so the rest can be
 * shown (kpiLoader's refusedParts). Undefined when an error hits a section the analysis cannot do without, or
 * cannot be placed.
 */
export function sectionsToOmit(plan: WinLossPlan, data: unknown, errors: unknown): OptionalSection[] | undefined {
    const answer = { data, errors: Array.isArray(errors) ? errors : [] };
    return refusedParts(plan, answer, (subqueries, error): OptionalSection[] | undefined => {
        if (errorBlamesField(error, plan.reasonField)) return ['reasons'];
        const sections = subqueries.map((s) => s.section);
        if (sections.length === 0 || sections.some((section) => !OPTIONAL_SECTIONS.includes(section))) return undefined;
        return sections as OptionalSection[];
    });
}

function recentLoss(row: RecordRow, reasonField: string): RecentLoss {
    const shown = (path: string) => {
        const field = row.fields[path];
        if (!field) return '';
        return (
            field.displayValue ||
            (typeof field.value === 'string' || typeof field.value === 'number' ? String(field.value) : '')
        );
    };
    return {
        id: row.id,
        name: shown('Name'),
        account: shown('Account.Name'),
        amount: shown('Amount'),
        closeDate: shown('CloseDate'),
        owner: shown('Owner.Name'),
        reason: reasonField ? shown(reasonField) : '',
    };
}

/**
 * Shapes the response (data and errors may both be present) from the shared reader's results: each section reads
 * its own KPIs, and the errors are tied to the sections they cost.
 */
export function readWinLoss(data: unknown, plan: WinLossPlan, minSample: number, errors?: unknown): WinLossResult {
    const list = Array.isArray(errors) ? errors : [];
    const failed: Partial<Record<WinLossSection, unknown[]>> = {};
    const unplaced: unknown[] = [];
    const failedAliases = new Set<string>();
    let reasonFieldFailed = false;
    for (const error of list) {
        const owners = subqueriesOfError(error, plan);
        if (owners.some((s) => s.section === 'reasons') && errorBlamesField(error, plan.reasonField)) {
            reasonFieldFailed = true;
        }
        if (owners.length === 0) unplaced.push(error);
        for (const section of new Set(owners.map((s) => s.section))) (failed[section] ??= []).push(error);
        for (const subquery of owners) failedAliases.add(subquery.alias);
    }
    const results = readResults(plan.kpiPlan, data, list);
    // A request the planner refused (a calendar the platform should never give) says why instead of showing zeros.
    for (const rejected of plan.kpiPlan.rejected)
        unplaced.push({ message: rejected.problems.map(describeProblem).join(' ') });
    const uiapi = asObject(asObject(data)?.uiapi);
    const missing = plan.subqueries
        .filter((s) => !failedAliases.has(s.alias) && !(s.alias in (asObject(uiapi?.[s.root]) ?? {})))
        .map((s) => s.alias);
    const truncated = Object.values(results).some((r) => r.error?.truncated === true);
    const ok = (key: string) => (results[key]?.error ? undefined : results[key]);
    // The comparison window's value and parts, unless the comparison could not be read.
    const previousOf = (result: KpiResult | undefined) =>
        result && !result.comparisonError
            ? { value: result.comparisonValue, parts: result.comparisonParts }
            : undefined;
    const pairOf = (keys: readonly string[]) => ({
        current: winRateOf(ok(keys[0]), ok(keys[1]), minSample),
        previous: winRateOf(previousOf(ok(keys[0])), previousOf(ok(keys[1])), minSample),
    });
    const company = pairOf(KEYS.company);
    const team = plan.hasTeam ? pairOf(KEYS.team) : undefined;

    const amounts = new Map((ok(KEYS.reps[1])?.groups ?? []).map((g) => [g.key, g]));
    const reps: RepRate[] = (ok(KEYS.reps[0])?.groups ?? [])
        .filter((group): group is typeof group & { key: string } => typeof group.key === 'string')
        .map((group) => ({
            ownerId: group.key,
            name: group.label,
            ...winRateOf(group, amounts.get(group.key), minSample),
        }))
        .sort((a, b) => b.closed - a.closed || a.ownerId.localeCompare(b.ownerId));

    const lostAmounts = new Map((ok(KEYS.reasons[1])?.groups ?? []).map((g) => [g.key, g.value ?? 0]));
    const reasons: ReasonRow[] = plan.reasonField
        ? (ok(KEYS.reasons[0])?.groups ?? [])
              .map((group) => ({
                  reason: group.key === null || group.key === '' ? null : group.key,
                  count: group.value ?? 0,
                  amount: lostAmounts.get(group.key) ?? 0,
              }))
              .sort((a, b) => b.count - a.count || b.amount - a.amount)
        : [];

    const countPoints = ok(KEYS.trend[0])?.sparkline ?? [];
    const amountPoints = ok(KEYS.trend[1])?.sparkline ?? [];
    const rates = plan.buckets.map((_, i) => winRateOf(countPoints[i], amountPoints[i], 0));
    const trend: TrendSeries = {
        buckets: plan.buckets,
        won: rates.map((r) => r.won),
        lost: rates.map((r) => r.lost),
        wonAmount: rates.map((r) => r.wonAmount),
        lostAmount: rates.map((r) => r.lostAmount),
        countRate: rates.map((r) => r.countRate),
        amountRate: rates.map((r) => r.amountRate),
        known: { count: ok(KEYS.trend[0]) !== undefined, amount: ok(KEYS.trend[1]) !== undefined },
    };

    const recentRead = plan.omitted.includes('recent') ? undefined : readRecords(plan.kpiPlan, KEYS.recent, data, list);
    const recent = recentRead?.error ? [] : (recentRead?.rows ?? []).map((row) => recentLoss(row, plan.reasonField));

    // What the reader refused (a part of another shape, a comparison it could not read) fails its section with the reader's sentence, unless errors of the answer already explain the section: never zeros.
    const placedSections = new Set(Object.keys(failed));
    const refuse = (section: WinLossSection, messages: readonly string[]) => {
        if (placedSections.has(section) || messages.length === 0) return;
        const known = (failed[section] ??= []);
        for (const message of messages) {
            if (!known.some((error) => textAt(error, 'message') === message)) known.push({ message });
        }
    };
    // A subquery the answer leaves out (no data, no error) is listed in `missing`: the answer is partial.
    const absent = new Set(missing);
    const readsAbsent = (key: string) =>
        plan.kpiPlan.requests.some(
            (request) =>
                request.key === key &&
                Object.values(request.reads).some((reads) =>
                    Object.values(reads ?? {}).some((aliases) => aliases.some((alias) => absent.has(alias))),
                ),
        );
    for (const [key, read] of Object.entries(results)) {
        const section = SECTION_OF_KEY[key];
        if (!section || readsAbsent(key)) continue;
        // A page limit has its own notice (truncated); a section the reason field left out has its own too.
        if (read.error && !read.error.truncated) refuse(section, read.error.messages);
        if (!read.error && read.comparisonError) refuse(section, read.comparisonError.messages);
    }
    if (recentRead?.error && recentRead.error.messages.length > 0) refuse('recent', recentRead.error.messages);
    return {
        company,
        team,
        reps,
        trend,
        reasons,
        recent,
        truncated,
        missing,
        failed,
        unplaced,
        reasonFieldFailed,
    };
}
