/**
 * Win-loss analysis as plain data: reads the component's properties, plans the one document of a render (aggregate
 * subqueries and one page of recent losses) and shapes the response into win rates, a won/lost series, loss reasons
 * and recent-loss rows, tying each error to the section it costs. Pure: no clock, no platform calls.
 */
import { comparisonWindow, currentWindow, isoDate, parseIsoDate, parsePeriod, propertyText } from 'c/kpiPeriods';
import { subqueriesOfError as placeError } from 'c/kpiPlanner';
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

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;
const SALESFORCE_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const PICKLIST_VALUE = /^[^\n\r]{1,255}$/;
const CURRENCY_CODE = /^[A-Za-z]{3}$/;

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

/** What a property accepts, described by a custom label the component words (args fill its placeholders). */
export type ExpectCode =
    'period' | 'fieldName' | 'typeValue' | 'leadSourceValue' | 'userId' | 'currencyCode' | 'orgValues' | 'hiddenField';

/** What a property accepts: literal values shown as they are, or a description for the component to word. */
export type Expectation = { values: string } | { describe: ExpectCode; args?: string[] };

export interface PropertyProblem {
    property: string;
    value: string;
    /** What the property accepts, for the message. */
    expected: Expectation;
}

export const DEFAULT_SETTINGS: WinLossSettings = {
    period: { kind: 'thisFiscalQuarter' },
    grouping: 'month',
    measure: 'count',
    scope: 'team',
    lossReasonField: 'Loss_Reason__c',
    minSample: 10,
    fiscalYearStartMonth: 1,
    opportunityType: '',
    leadSource: '',
    ownerId: '',
    currencyCode: '',
};

function blank(value: unknown): boolean {
    return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
    const text = typeof value === 'string' ? value.trim() : '';
    return (allowed as readonly string[]).includes(text) ? (text as T) : undefined;
}

function wholeNumber(value: unknown, min: number, max: number): number | undefined {
    const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    return typeof number === 'number' && Number.isInteger(number) && number >= min && number <= max
        ? number
        : undefined;
}

/** The filters that offer the org's picklist values, by the Opportunity field each filters on. */
export const PICKLIST_FILTERS = { opportunityType: 'Type', leadSource: 'LeadSource' } as const;
export type PicklistFilter = keyof typeof PICKLIST_FILTERS;

export interface PicklistOption {
    label: string;
    value: string;
}

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
    const read = <T>(
        property: string,
        expected: Expectation,
        parse: (value: unknown) => T | undefined,
        apply: (v: T) => void,
    ) => {
        const value = props[property];
        if (blank(value)) return;
        const parsed = parse(value);
        if (parsed === undefined) problems.push({ property, value: propertyText(value), expected });
        else apply(parsed);
    };
    read('period', { describe: 'period' }, parsePeriod, (v) => (settings.period = v));
    read(
        'grouping',
        { values: GROUPINGS.join(', ') },
        (v) => oneOf(v, GROUPINGS),
        (v) => (settings.grouping = v),
    );
    read(
        'measure',
        { values: MEASURES.join(', ') },
        (v) => oneOf(v, MEASURES),
        (v) => (settings.measure = v),
    );
    read(
        'scope',
        { values: SCOPES.join(', ') },
        (v) => oneOf(v, SCOPES),
        (v) => (settings.scope = v),
    );
    read(
        'minSample',
        { values: '0 … 10000' },
        (v) => wholeNumber(v, 0, 10000),
        (v) => (settings.minSample = v),
    );
    read(
        'fiscalYearStartMonth',
        { values: '1 … 12' },
        (v) => wholeNumber(v, 1, 12),
        (v) => (settings.fiscalYearStartMonth = v),
    );
    const text = (pattern: RegExp) => (v: unknown) =>
        typeof v === 'string' && pattern.test(v.trim()) ? v.trim() : undefined;
    read('lossReasonField', { describe: 'fieldName' }, text(FIELD_NAME), (v) => (settings.lossReasonField = v));
    // An explicitly emptied loss-reason property means "no such field": the component explains how to add one.
    if (props.lossReasonField === '' || props.lossReasonField === null) settings.lossReasonField = '';
    read('opportunityType', { describe: 'typeValue' }, text(PICKLIST_VALUE), (v) => (settings.opportunityType = v));
    read('leadSource', { describe: 'leadSourceValue' }, text(PICKLIST_VALUE), (v) => (settings.leadSource = v));
    read('ownerId', { describe: 'userId' }, text(SALESFORCE_ID), (v) => (settings.ownerId = v));
    read(
        'currencyCode',
        { describe: 'currencyCode' },
        text(CURRENCY_CODE),
        (v) => (settings.currencyCode = v.toUpperCase()),
    );
    for (const filter of Object.keys(PICKLIST_FILTERS) as PicklistFilter[]) {
        const value = settings[filter];
        const options = picklists?.[filter];
        if (!value || options === undefined || options?.some((option) => option.value === value)) continue;
        const field = PICKLIST_FILTERS[filter];
        const expected: Expectation =
            options === null
                ? { describe: 'hiddenField', args: [field] }
                : { describe: 'orgValues', args: [field, options.map((option) => option.value).join(', ')] };
        problems.push({ property: filter, value, expected });
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
    const infos = path(data, 'uiapi', 'objectInfos');
    const info = Array.isArray(infos) ? infos.find((item) => path(item, 'ApiName') === DESCRIBED_OBJECT) : undefined;
    const fields = path(info, 'fields');
    if (!Array.isArray(fields)) return undefined;
    const optionsOf = (name: string): PicklistOption[] | null => {
        const field = fields.find((item) => path(item, 'ApiName') === name);
        if (!field) return null;
        const byValue = new Map<string, PicklistOption>();
        const recordTypes = path(field, 'picklistValuesByRecordTypeIDs');
        for (const recordType of Array.isArray(recordTypes) ? recordTypes : []) {
            const values = path(recordType, 'picklistValues');
            for (const entry of Array.isArray(values) ? values : []) {
                const value = textAt(entry, 'value');
                if (value && !byValue.has(value)) byValue.set(value, { label: textAt(entry, 'label') || value, value });
            }
        }
        return [...byValue.values()];
    };
    return {
        opportunityType: optionsOf(PICKLIST_FILTERS.opportunityType),
        leadSource: optionsOf(PICKLIST_FILTERS.leadSource),
    };
}

/** One bar of the trend: its first day and the month index (year × 12 + month − 1) it starts in. */
export interface Bucket {
    start: string;
    month: number;
    /** 1-4 for fiscal quarters (the org's numbering when its fiscal year is named by the year it starts in). */
    fiscalQuarter?: number;
}

interface TrendChunk {
    alias: string;
    /** Month index the chunk's year (calendar or fiscal) starts in. */
    yearStart: number;
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
    chunks: TrendChunk[];
    grouping: WinLossGrouping;
    hasTeam: boolean;
    reasonField: string;
    subqueries: WinLossSubquery[];
    /** Optional sections this document leaves out (the input's `omit`). */
    omitted: OptionalSection[];
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

const RESULT_FIELD: Record<WinLossGrouping, { fn: string; result: string }> = {
    month: { fn: 'CALENDAR_MONTH', result: 'calendarMonth' },
    quarter: { fn: 'CALENDAR_QUARTER', result: 'calendarQuarter' },
    fiscalQuarter: { fn: 'FISCAL_QUARTER', result: 'fiscalQuarter' },
};

// Amount may be hidden by field-level security: @optional leaves it out instead of failing the document.
const MEASURES_SELECTION = 'Id { count { value } } Amount @optional { sum { value } }';

class Variables {
    readonly values: Record<string, string> = {};
    private readonly types: Record<string, string> = {};
    use(name: string, type: string, value: string): string {
        this.values[name] = value;
        this.types[name] = type;
        return `$${name}`;
    }
    declarations(): string {
        return Object.entries(this.types)
            .map(([name, type]) => `$${name}: ${type}`)
            .join(', ');
    }
}

function dateRange(variables: Variables, prefix: string, start: string, end: string): string {
    const from = variables.use(`${prefix}Start`, 'Date', start);
    const to = variables.use(`${prefix}End`, 'Date', end);
    return `CloseDate: { gte: { value: ${from} }, lt: { value: ${to} } }`;
}

/** Conditions every subquery shares: closed deals, the viewer's filters and the record page's account. */
function sharedConditions(input: PlanInput, variables: Variables): string[] {
    const { settings } = input;
    const conditions = ['IsClosed: { eq: true }'];
    if (settings.opportunityType)
        conditions.push(`Type: { eq: ${variables.use('opportunityType', 'Picklist', settings.opportunityType)} }`);
    if (settings.leadSource)
        conditions.push(`LeadSource: { eq: ${variables.use('leadSource', 'Picklist', settings.leadSource)} }`);
    if (input.accountId) conditions.push(`AccountId: { eq: ${variables.use('accountId', 'ID', input.accountId)} }`);
    return conditions;
}

/** The team condition: one rep when an owner is chosen, else the scope (the viewer, or the viewer's reports). */
function teamCondition(input: PlanInput, variables: Variables): string | undefined {
    const { settings } = input;
    if (settings.ownerId) return `OwnerId: { eq: ${variables.use('ownerId', 'ID', settings.ownerId)} }`;
    if (settings.scope === 'mine') return `OwnerId: { eq: ${variables.use('userId', 'ID', input.userId)} }`;
    if (settings.scope === 'team')
        return `Owner: { ManagerId: { eq: ${variables.use('userId', 'ID', input.userId)} } }`;
    return undefined;
}

interface PlannedSubquery {
    alias: string;
    section: WinLossSection;
    text: string[];
}

function aggregateSubquery(
    alias: string,
    section: WinLossSection,
    where: string[],
    groupBy: string[],
    selection: string,
): PlannedSubquery {
    const args = [`where: { ${where.join(', ')} }`, `groupBy: { ${groupBy.join(', ')} }`, `first: ${MAX_GROUPS}`];
    return {
        alias,
        section,
        text: [
            `      ${alias}: Opportunity(${args.join(', ')}) {`,
            `        edges { node { aggregate { ${selection} } } }`,
            '        pageInfo { hasNextPage }',
            '      }',
        ],
    };
}

/** Assembles the document and notes the lines each subquery spans (1-based, as GraphQL error locations count). */
function assemble(
    name: string,
    variables: Variables,
    aggregates: PlannedSubquery[],
    records: PlannedSubquery[],
): { query: string; subqueries: WinLossSubquery[] } {
    const declarations = variables.declarations();
    const lines = [`query ${name}${declarations ? `(${declarations})` : ''} {`, '  uiapi {'];
    const subqueries: WinLossSubquery[] = [];
    const place = (root: 'aggregate' | 'query', planned: PlannedSubquery[]) => {
        if (planned.length === 0) return;
        lines.push(`    ${root} {`);
        for (const { alias, section, text } of planned) {
            subqueries.push({ alias, section, root, lines: [lines.length + 1, lines.length + text.length] });
            lines.push(...text);
        }
        lines.push('    }');
    };
    place('aggregate', aggregates);
    place('query', records);
    // query-objectinfo (picklist values: API 65.0+): the filters' values ride in the same document. It is metadata,
    // not one of the ten record or aggregate subqueries (query-limits counts those).
    // https://developer.salesforce.com/docs/platform/graphql/guide/query-objectinfo.html
    lines.push(
        `    objectInfos(apiNames: ["${DESCRIBED_OBJECT}"]) {`,
        '      ApiName',
        '      fields { ApiName ... on PicklistField { picklistValuesByRecordTypeIDs { recordTypeID picklistValues { label value } } } }',
        '    }',
    );
    lines.push('  }', '}');
    return { query: lines.join('\n'), subqueries };
}

/**
 * Plans the one document of a render: win rates (company, team, reps; now and the period before), the trend by
 * close-date function, the loss reasons and one page of recent losses, at most MAX_SUBQUERIES subqueries.
 */
export function planWinLoss(input: PlanInput): WinLossPlan {
    const { settings, calendar, now } = input;
    const omitted = [...new Set(input.omit ?? [])];
    const calendarFor = { ...calendar, fiscalYearStartMonth: settings.fiscalYearStartMonth };
    const current = currentWindow(settings.period, now, calendarFor);
    const previous = comparisonWindow(settings.period, 'previousPeriod', now, calendarFor) as DateWindow;
    const buckets = trendBuckets(current, settings.grouping, settings.fiscalYearStartMonth);
    const variables = new Variables();
    const shared = sharedConditions(input, variables);
    const team = teamCondition(input, variables);
    const teamWhere = team ? [...shared, team] : shared;
    const nowRange = dateRange(variables, 'now', current.start, current.end);
    const beforeRange = dateRange(variables, 'before', previous.start, previous.end);
    const byWon = ['IsWon: { group: true }'];
    const wonSelection = `IsWon { value } ${MEASURES_SELECTION}`;
    const aggregates: PlannedSubquery[] = [
        aggregateSubquery('companyNow', 'rates', [...shared, nowRange], byWon, wonSelection),
        aggregateSubquery('companyBefore', 'rates', [...shared, beforeRange], byWon, wonSelection),
    ];
    if (team) {
        aggregates.push(
            aggregateSubquery('teamNow', 'rates', [...teamWhere, nowRange], byWon, wonSelection),
            aggregateSubquery('teamBefore', 'rates', [...teamWhere, beforeRange], byWon, wonSelection),
        );
    }
    // The owner's name rides on each rep's group, so the names need no second request.
    aggregates.push(
        aggregateSubquery(
            'reps',
            'rates',
            [...teamWhere, nowRange],
            ['OwnerId: { group: true }', ...byWon],
            `OwnerId { value } Owner { Name { max { value } } } ${wonSelection}`,
        ),
    );
    const reasonField = omitted.includes('reasons') ? '' : settings.lossReasonField;
    if (reasonField) {
        aggregates.push(
            aggregateSubquery(
                'reasons',
                'reasons',
                [...teamWhere, 'IsWon: { eq: false }', nowRange],
                [`${reasonField}: { group: true }`],
                `${reasonField} @optional { value } ${MEASURES_SELECTION}`,
            ),
        );
    }

    // One subquery per (calendar or fiscal) year: the date function's number then names one bucket.
    const { fn, result } = RESULT_FIELD[settings.grouping];
    const yearOffset = settings.grouping === 'fiscalQuarter' ? settings.fiscalYearStartMonth - 1 : 0;
    const trendEnd = current.end;
    const chunks: TrendChunk[] = [];
    for (
        let yearStart = floorTo(buckets[0].month, 12, yearOffset);
        yearStart <= buckets[buckets.length - 1].month;
        yearStart += 12
    ) {
        const alias = `trend${chunks.length}`;
        const start = Math.max(yearStart, buckets[0].month);
        const end = monthStart(yearStart + 12) < trendEnd ? monthStart(yearStart + 12) : trendEnd;
        aggregates.push(
            aggregateSubquery(
                alias,
                'trend',
                [...teamWhere, dateRange(variables, alias, monthStart(start), end)],
                [`CloseDate: { function: ${fn} }`, ...byWon],
                `CloseDate { ${result} { value } } ${wonSelection}`,
            ),
        );
        chunks.push({ alias, yearStart });
    }

    const records: PlannedSubquery[] = [];
    if (!omitted.includes('recent')) {
        const reason = reasonField ? ` ${reasonField} @optional { value displayValue }` : '';
        records.push({
            alias: 'recentLosses',
            section: 'recent',
            text: [
                `      recentLosses: Opportunity(where: { ${[...teamWhere, 'IsWon: { eq: false }', nowRange].join(', ')} }, ` +
                    `orderBy: { CloseDate: { order: DESC }, Id: { order: ASC } }, first: ${RECENT_LOSSES}) {`,
                '        edges { node { Id Name { value } CloseDate { value displayValue } Amount @optional { value displayValue }' +
                    ` Account { Name { value } } Owner { Name { value } }${reason} } }`,
                '      }',
            ],
        });
    }
    const operationName = 'KpiWinLoss';
    const { query, subqueries } = assemble(operationName, variables, aggregates, records);
    return {
        query,
        variables: variables.values,
        operationName,
        current,
        previous,
        buckets,
        chunks,
        grouping: settings.grouping,
        hasTeam: Boolean(team),
        reasonField,
        subqueries,
        omitted,
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

type Json = Record<string, unknown>;

function asObject(value: unknown): Json | undefined {
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

function path(value: unknown, ...keys: string[]): unknown {
    let node = value;
    for (const key of keys) node = asObject(node)?.[key];
    return node;
}

function numberAt(value: unknown, ...keys: string[]): number {
    const found = path(value, ...keys);
    return typeof found === 'number' && Number.isFinite(found) ? found : 0;
}

interface Tally {
    won: number;
    lost: number;
    wonAmount: number;
    lostAmount: number;
}

const emptyTally = (): Tally => ({ won: 0, lost: 0, wonAmount: 0, lostAmount: 0 });

function addRow(tally: Tally, row: unknown): void {
    const count = numberAt(row, 'Id', 'count', 'value');
    const amount = numberAt(row, 'Amount', 'sum', 'value');
    if (path(row, 'IsWon', 'value') === true) {
        tally.won += count;
        tally.wonAmount += amount;
    } else {
        tally.lost += count;
        tally.lostAmount += amount;
    }
}

export function rateOf(tally: Tally, minSample: number): WinRate {
    const closed = tally.won + tally.lost;
    const closedAmount = tally.wonAmount + tally.lostAmount;
    return {
        ...tally,
        closed,
        countRate: closed > 0 ? tally.won / closed : null,
        amountRate: closedAmount > 0 ? tally.wonAmount / closedAmount : null,
        tooSmall: closed < minSample,
    };
}

interface Subquery {
    rows: unknown[];
    truncated: boolean;
}

function subqueryOf(data: unknown, subquery: WinLossSubquery): Subquery | undefined {
    const node = path(data, 'uiapi', subquery.root, subquery.alias);
    const edges = path(node, 'edges');
    if (!Array.isArray(edges)) return undefined;
    return {
        rows: edges.map((edge) =>
            subquery.root === 'aggregate' ? path(edge, 'node', 'aggregate') : path(edge, 'node'),
        ),
        truncated: path(node, 'pageInfo', 'hasNextPage') === true,
    };
}

function bucketIndex(plan: WinLossPlan, chunk: TrendChunk, functionValue: number): number {
    const month =
        plan.grouping === 'month' ? chunk.yearStart + functionValue - 1 : chunk.yearStart + (functionValue - 1) * 3;
    return plan.buckets.findIndex((bucket) => bucket.month === month);
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
 * shown. Undefined when an error hits a section the analysis cannot do without, or cannot be placed.
 */
export function sectionsToOmit(plan: WinLossPlan, data: unknown, errors: unknown): OptionalSection[] | undefined {
    if (asObject(path(data, 'uiapi')) || !Array.isArray(errors) || errors.length === 0) return undefined;
    const omit = new Set<OptionalSection>();
    for (const error of errors) {
        if (errorBlamesField(error, plan.reasonField)) {
            omit.add('reasons');
            continue;
        }
        const sections = subqueriesOfError(error, plan).map((s) => s.section);
        if (sections.length === 0 || sections.some((section) => !OPTIONAL_SECTIONS.includes(section))) return undefined;
        for (const section of sections) omit.add(section as OptionalSection);
    }
    return [...omit];
}

function textAt(value: unknown, ...keys: string[]): string {
    const found = path(value, ...keys);
    return typeof found === 'string' ? found : typeof found === 'number' ? String(found) : '';
}

function recentLoss(node: unknown, reasonField: string): RecentLoss {
    return {
        id: path(node, 'Id') as string,
        name: textAt(node, 'Name', 'value'),
        account: textAt(node, 'Account', 'Name', 'value'),
        amount: textAt(node, 'Amount', 'displayValue') || textAt(node, 'Amount', 'value'),
        closeDate: textAt(node, 'CloseDate', 'displayValue') || textAt(node, 'CloseDate', 'value'),
        owner: textAt(node, 'Owner', 'Name', 'value'),
        reason: reasonField ? textAt(node, reasonField, 'displayValue') || textAt(node, reasonField, 'value') : '',
    };
}

/**
 * Shapes the response (data and errors may both be present): each section reads its own subqueries, and the errors
 * are tied to the sections they cost.
 */
export function readWinLoss(data: unknown, plan: WinLossPlan, minSample: number, errors?: unknown): WinLossResult {
    const failed: Partial<Record<WinLossSection, unknown[]>> = {};
    const unplaced: unknown[] = [];
    const failedAliases = new Set<string>();
    let reasonFieldFailed = false;
    for (const error of Array.isArray(errors) ? errors : []) {
        const owners = subqueriesOfError(error, plan);
        if (owners.some((s) => s.section === 'reasons') && errorBlamesField(error, plan.reasonField)) {
            reasonFieldFailed = true;
        }
        if (owners.length === 0) unplaced.push(error);
        for (const section of new Set(owners.map((s) => s.section))) (failed[section] ??= []).push(error);
        for (const subquery of owners) failedAliases.add(subquery.alias);
    }
    const missing: string[] = [];
    let truncated = false;
    const byAlias = new Map(plan.subqueries.map((s) => [s.alias, s]));
    const read = (alias: string): unknown[] => {
        const subquery = byAlias.get(alias);
        const found = subquery ? subqueryOf(data, subquery) : undefined;
        if (!found && !failedAliases.has(alias)) missing.push(alias);
        truncated ||= found?.truncated ?? false;
        return found?.rows ?? [];
    };
    const tallyOf = (alias: string): WinRate => {
        const tally = emptyTally();
        for (const row of read(alias)) addRow(tally, row);
        return rateOf(tally, minSample);
    };
    const company = { current: tallyOf('companyNow'), previous: tallyOf('companyBefore') };
    const team = plan.hasTeam ? { current: tallyOf('teamNow'), previous: tallyOf('teamBefore') } : undefined;

    const reps = new Map<string, { tally: Tally; name: string | null }>();
    for (const row of read('reps')) {
        const ownerId = path(row, 'OwnerId', 'value');
        if (typeof ownerId !== 'string') continue;
        const rep = reps.get(ownerId) ?? { tally: emptyTally(), name: null };
        rep.name ??= textAt(row, 'Owner', 'Name', 'max', 'value') || null;
        addRow(rep.tally, row);
        reps.set(ownerId, rep);
    }
    const repRates = [...reps]
        .map(([ownerId, { tally, name }]) => ({ ownerId, name, ...rateOf(tally, minSample) }))
        .sort((a, b) => b.closed - a.closed || a.ownerId.localeCompare(b.ownerId));

    const reasons: ReasonRow[] = [];
    if (plan.reasonField) {
        for (const row of read('reasons')) {
            const value = path(row, plan.reasonField, 'value');
            reasons.push({
                reason: typeof value === 'string' && value !== '' ? value : null,
                count: numberAt(row, 'Id', 'count', 'value'),
                amount: numberAt(row, 'Amount', 'sum', 'value'),
            });
        }
        reasons.sort((a, b) => b.count - a.count || b.amount - a.amount);
    }

    const tallies = plan.buckets.map(emptyTally);
    const { result } = RESULT_FIELD[plan.grouping];
    for (const chunk of plan.chunks) {
        for (const row of read(chunk.alias)) {
            const index = bucketIndex(plan, chunk, numberAt(row, 'CloseDate', result, 'value'));
            if (index >= 0) addRow(tallies[index], row);
        }
    }
    const rates = tallies.map((tally) => rateOf(tally, 0));
    const trend: TrendSeries = {
        buckets: plan.buckets,
        won: tallies.map((t) => t.won),
        lost: tallies.map((t) => t.lost),
        wonAmount: tallies.map((t) => t.wonAmount),
        lostAmount: tallies.map((t) => t.lostAmount),
        countRate: rates.map((r) => r.countRate),
        amountRate: rates.map((r) => r.amountRate),
    };

    const recent = byAlias.has('recentLosses')
        ? read('recentLosses')
              .filter((node) => typeof path(node, 'Id') === 'string')
              .map((node) => recentLoss(node, plan.reasonField))
        : [];
    return {
        company,
        team,
        reps: repRates,
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
