/**
 * Turns the KPIs a component shows into one UI API GraphQL document (aliased `uiapi.aggregate` subqueries, at most
 * ten) plus its variables. Identical subqueries of different KPIs are merged; dates, the viewer's Id and nothing else
 * travel as variables, so the text only changes when the set of KPIs does. Pure: no clock, no platform calls.
 * Reading the response back is kpiResults' job.
 */
import {
    DATE_FIELD_TYPES,
    EVERYONE_FILTER,
    KPI_FILTERS,
    KPI_GROUPINGS,
    KPI_RECORD_PATHS,
    KPI_SETTINGS,
    findKpi,
    isSettingRef,
    kpiParts,
    kpiSettingIds,
    kpiTargetPart,
} from 'c/kpiCatalog';
import type { Aggregate, FieldRef, Filter, FilterValue, KpiDefinition, ResolvedPart } from 'c/kpiCatalog';
import {
    calendarProblems,
    comparisonWindow,
    currentWindow,
    dayShifts,
    daysBetween,
    isComparison,
    isoDate,
    isoInstant,
    parseIsoDate,
    parsePeriod,
    shiftMonths,
    sparklineWindows,
    startOfDayMs,
    windowInstants,
    yearsEarlier,
} from 'c/kpiPeriods';
import type { Comparison, DateWindow, DayShift, Period, ViewerCalendar } from 'c/kpiPeriods';

export type Scope = 'mine' | 'team' | 'all';
export const SCOPES: readonly Scope[] = ['mine', 'team', 'all'];

export type SettingValue = string | string[] | boolean;

export interface KpiRequest {
    /** Names the request in the results; defaults to the KPI id and must be unique within one plan. */
    key?: string;
    kpi: string;
    /** A Period, or its App Builder spelling (`thisFiscalQuarter`, `rollingDays:30`). */
    period: Period | string;
    comparison?: Comparison | string;
    /**
     * mine: owned by the viewer; team: owned by anyone below the viewer in the management chain, down to five levels
     * (kpiCatalog TEAM_LEVELS); all: whatever the viewer can see.
     */
    scope?: Scope | string;
    /** The admin's choices for the KPI's swappable fields and values (kpiCatalog KPI_SETTINGS ids). */
    settings?: Record<string, SettingValue | undefined>;
    /** How many periods the sparkline shows, the current one last; 0 or absent for none. */
    sparkline?: number;
    /** A breakdown the KPI offers (kpiCatalog KPI_GROUPINGS id), e.g. `owner` for the leaderboard. */
    groupBy?: string;
    /**
     * The revenue target a coverage KPI measures against, or a KPI with a default target (closed-won revenue) shows,
     * instead of the quota field (kpiCatalog REVENUE_TARGET).
     */
    target?: number | null;
    /** Trend buckets given explicitly (contiguous windows, oldest first), instead of `sparkline` periods. */
    buckets?: readonly DateWindow[];
    /** Equality filters (kpiCatalog KPI_FILTERS ids → value) on every part whose object has the field. */
    filters?: Record<string, string | undefined>;
    /** Only the records of this record page (kpiCatalog KPI_RECORD_PATHS), e.g. an Account's opportunities. */
    record?: { object: string; id: string };
    /** Whose records `mine` and `team` mean: the viewer unless another user (a rep picked by the admin) is named. */
    scopeUser?: string;
    /** Conditions on the owning User (active, in a role, a profile or a manager's team), wherever each part's owner is. */
    owners?: Filter;
    /** The same period this many years ago: a past period is whole, and its dates go as values, not literals. */
    yearsBack?: number;
    /** Grouped subqueries ask for a cursor, so a component can page past MAX_GROUPS groups (planPage). */
    paged?: boolean;
    /** False: Id groups come without their names (a component that reads names once elsewhere saves the bytes). */
    groupNames?: boolean;
}

export interface PlanContext {
    /** The viewer's User Id (`@salesforce/user/Id`); needed for scopes mine and team. */
    userId?: string;
    now: Date;
    calendar: ViewerCalendar;
    /** Subqueries per document; the UI API allows 10 (query-limits). Lower only in tests. */
    maxSubqueries?: number;
    /** The documents' operation name (`KpiMetrics`, `KpiMetrics2`, …); a component may name its own. */
    documentName?: string;
}

export type ProblemCode =
    | 'unknownKpi'
    | 'badPeriod'
    | 'badComparison'
    | 'badScope'
    | 'noUser'
    | 'badSetting'
    | 'badSparkline'
    | 'sparklineTooLong'
    | 'badGrouping'
    | 'badTarget'
    | 'badFilter'
    | 'badRecord'
    | 'badBuckets'
    | 'duplicateKey'
    | 'badCalendar'
    | 'tooManySubqueries';

/** Why a request cannot be planned, naming the request property (or setting id) at fault. */
export interface KpiProblem {
    code: ProblemCode;
    property: string;
    value?: string;
}

/** Something the tile should mention although it shows a number. */
export type NoteCode = 'comparisonNotSupported' | 'sparklineNotSupported';

/**
 * A GroupByFunction the planner uses, and the aggregate result property it comes back under (DateAggregate and
 * DateTimeAggregate in the UI API schema; `dayOnly` only on DateTimeAggregate). A groupBy names each field once with
 * one function (GroupByDateFunction, developer.salesforce.com/docs/platform/graphql/guide/aggregate-groupby-schema.html),
 * so year and month of one field cannot be two keys of one subquery.
 */
export type DateFunction = 'CALENDAR_YEAR' | 'CALENDAR_QUARTER' | 'CALENDAR_MONTH' | 'DAY_IN_YEAR' | 'DAY_ONLY';
export const DATE_FUNCTION_RESULT: Record<DateFunction, string> = {
    CALENDAR_YEAR: 'calendarYear',
    CALENDAR_QUARTER: 'calendarQuarter',
    CALENDAR_MONTH: 'calendarMonth',
    DAY_IN_YEAR: 'dayInYear',
    DAY_ONLY: 'dayOnly',
};

/**
 * Instants between the viewer's midnight and UTC midnight at one sparkline bucket edge. Date functions on DateTime
 * fields compute in UTC (SOQL date functions; GraphQL groupBy has no convertTimezone), so only records in these
 * slivers land on the other side of an edge than the viewer's day puts them.
 */
export interface EdgeSlice {
    /** `YYYY-MM-DDThh:mm:ssZ`, inclusive. */
    start: string;
    /** `YYYY-MM-DDThh:mm:ssZ`, exclusive. */
    end: string;
    /** The UTC day the sliver lies in (what DAY_ONLY returns for its records). */
    utcDay: string;
    /** The viewer's day it belongs to. */
    day: string;
}

/** What one sparkline subquery reads and how its date key names a day of the viewer's calendar. */
export interface SparkSlice {
    fn: DateFunction;
    /** Viewer days `[start, end)` the subquery covers: a month or quarter number names one month within 12 months. */
    start: string;
    end: string;
    /** CALENDAR_YEAR per segment of the year: the calendar months kept, all within one bucket in any year. */
    months?: [number, number];
    /** DateTime: the edge slivers left out of this subquery, or (`edgesOnly`) the only records it reads. */
    edges?: EdgeSlice[];
    edgesOnly?: boolean;
}

export interface GroupKey {
    field: string;
    fn?: DateFunction;
    /** Text keys also select `label` (the picklist label in the viewer's language). */
    label?: boolean;
    /** Id keys: the relationship path to the record's name, selected as `max` beside the key (`Owner.Name`). */
    name?: string;
}

export interface Selection {
    field: string;
    fns: ('count' | 'countDistinct' | 'sum' | 'avg')[];
}

export interface PlannedSubquery {
    alias: string;
    object: string;
    groupBy: GroupKey[];
    selections: Selection[];
    /** First and last line (1-based) of the subquery in the document, to place errors that carry a location. */
    lines: [number, number];
    /** Sparkline subqueries: the days covered and how a row's date key maps onto them. */
    slice?: SparkSlice;
    /** An aggregate the component asked for beside its KPIs (PlanExtras.aggregates), by its key. */
    extra?: string;
    /** How to ask for this subquery again with a cursor (planPage): its arguments, selection and variables. */
    text: { args: string[]; selection: string; pageInfo: string | null; variables: string[] };
}

/** What placing a GraphQL error needs of a subquery: its alias, object and lines in the document. */
export interface PlacedSubquery {
    alias: string;
    object?: string;
    lines: [number, number];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * The subqueries of a document an error belongs to: by its `uiapi/aggregate|query/<name>` path, that path in its message,
 * or the line it points at. A name is an alias; with `byObject`, a name no alias has may name subqueries' object.
 * Lives here, not in kpiResults, because documents that show no labels (the leaderboard's) place errors too.
 */
export function subqueriesOfError<S extends PlacedSubquery>(
    error: unknown,
    document: { subqueries: readonly S[] },
    byObject = false,
): S[] {
    if (!isRecord(error)) return [];
    const byName = (name: unknown): S[] => {
        const alias = document.subqueries.filter((s) => s.alias === name);
        return alias.length > 0 || !byObject ? alias : document.subqueries.filter((s) => s.object === name);
    };
    const root = (name: unknown) => name === 'aggregate' || name === 'query';
    if (Array.isArray(error.path) && error.path[0] === 'uiapi' && root(error.path[1])) {
        const found = byName(error.path[2]);
        if (found.length > 0) return found;
    }
    const inMessage =
        typeof error.message === 'string' ? /uiapi\/(?:aggregate|query)\/(\w+)/.exec(error.message) : null;
    if (inMessage) {
        const found = byName(inMessage[1]);
        if (found.length > 0) return found;
    }
    const locations = Array.isArray(error.locations) ? error.locations : [];
    return document.subqueries.filter((s) =>
        locations.some(
            (l) => isRecord(l) && typeof l.line === 'number' && l.line >= s.lines[0] && l.line <= s.lines[1],
        ),
    );
}

export interface KpiDocument {
    query: string;
    variables: Record<string, string>;
    operationName: string;
    subqueries: PlannedSubquery[];
    /** Keys of the requests this document answers. */
    keys: string[];
    /** Record pages (`uiapi.query`) the document carries beside its aggregates. */
    records: PlannedRecords[];
    /** Objects whose picklist values ride in the document (`uiapi.objectInfos`). */
    objectInfos: string[];
}

/** A page of the records behind a KPI's current number, asked beside the aggregates (recent losses). */
export interface RecordsRequest {
    key: string;
    request: KpiRequest;
    /** API names to show; a parent's field by relationship path (`Account.Name`). */
    fields: readonly string[];
    first: number;
}

/**
 * An aggregate a component needs beside its KPIs, on the same path: the ranked users (User grouped by Id), the owners
 * of an object's records, a filter's values. `where` is filter data like a catalog filter (markers for variables).
 */
export interface AggregateExtra {
    key: string;
    object: string;
    where: Filter;
    groupBy: string;
    /** Selection parts (`Name { max { value } }`); the group key's own block is added. */
    select: readonly string[];
    /** The group key's block: `value`, or `value label` for a picklist's labels. */
    keySelection?: string;
    first: number;
    paged?: boolean;
}

/** What a component needs besides KPI numbers, in the same request. */
export interface PlanExtras {
    records?: readonly RecordsRequest[];
    aggregates?: readonly AggregateExtra[];
    /** Objects whose picklist values the document reads (query-objectinfo, API 65.0). */
    picklists?: readonly string[];
}

export interface PlannedRecords {
    key: string;
    kpi: string;
    alias: string;
    object: string;
    fields: string[];
    lines: [number, number];
}

/** Aliases each request reads, by window and by role (`value`, `numerator`, `years`, …). */
export type Reads = Record<string, string[]>;

export interface PlannedRequest {
    key: string;
    kpi: string;
    period: Period;
    comparison: Comparison;
    scope: Scope;
    /** Every setting the KPI reads, defaults filled in. */
    settings: Record<string, SettingValue>;
    groupBy?: string;
    target?: number;
    /** Filter values the request applies, by KPI_FILTERS id. */
    filters: Record<string, string>;
    record?: { object: string; id: string };
    scopeUser?: string;
    owners?: Filter;
    paged?: boolean;
    groupNames?: boolean;
    window: DateWindow;
    comparisonWindow?: DateWindow;
    sparkline: DateWindow[];
    /**
     * The current value is the sparkline's last point (the same window) instead of its own subqueries: set only when
     * that saves a request, because the current window then comes from the client's calendar, not a server literal.
     */
    currentFromSparkline?: boolean;
    notes: NoteCode[];
    /** Index into KpiPlan.documents. */
    document: number;
    reads: { current: Reads; comparison?: Reads; sparkline?: Reads };
}

export interface RejectedRequest {
    key: string;
    kpi: string;
    problems: KpiProblem[];
}

export interface KpiPlan {
    documents: KpiDocument[];
    requests: PlannedRequest[];
    rejected: RejectedRequest[];
}

/** A record page's query text: the KPI's population in its current window, newest first by its date field. */
interface RecordsSpec {
    key: string;
    kpi: string;
    object: string;
    where: Filter;
    orderBy?: string;
    fields: string[];
    first: number;
}

/** The line of a document's first subquery: header, `uiapi {` and `aggregate {` (or `query {`) come first. */
export const FIRST_SUBQUERY_LINE = 4;

export const MAX_SUBQUERIES = 10;
/** Groups a grouped subquery may return in one page (query-limits: 2000 per subquery). */
export const MAX_GROUPS = 2000;
export const MAX_SPARKLINE = 60;
// A DAY_IN_YEAR number names one date only within 365 days, a month or quarter number one month within 12 months:
// longer spans take one subquery per chunk, as many as the request's ten subqueries leave room for.
const DAYS_PER_CHUNK = 365;
const MONTHS_PER_CHUNK = 12;

const SALESFORCE_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;
/** A picklist or text value: one line, as long as a picklist value may be. */
const FILTER_VALUE = /^[^\n\r]{1,255}$/;

/** A field reference with the admin's choice filled in. */
export function resolveField(ref: FieldRef, settings: Record<string, SettingValue>): string {
    return isSettingRef(ref) ? String(settings[ref.setting]) : ref;
}

function resolveValue(value: FilterValue, settings: Record<string, SettingValue>): FilterValue {
    if (isSettingRef(value)) return settings[value.setting] as FilterValue;
    if (Array.isArray(value)) return value.map((item) => resolveValue(item, settings));
    if (typeof value === 'object' && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveValue(v, settings)]));
    }
    return value;
}

/** `Owner.ManagerId` + condition → `{ Owner: { ManagerId: condition } }`. */
export function nest(path: string, condition: FilterValue): Filter {
    return path.split('.').reduceRight<FilterValue>((inner, key) => ({ [key]: inner }), condition) as Filter;
}

/** The filters ANDed, empty ones left out: one stays as it is, none is the empty filter (every record). */
export function allOf(filters: Filter[]): Filter {
    const parts = filters.filter((filter) => Object.keys(filter).length > 0);
    return parts.length === 1 ? parts[0] : parts.length === 0 ? {} : { and: parts };
}

/** Filter data for an enum value (a date literal, a group function): rendered bare, not as a string. */
export const enumValue = (name: string): FilterValue => ({ $enum: name });

export function dateFieldType(object: string, path: string): 'Date' | 'DateTime' {
    const type = DATE_FIELD_TYPES[`${object}.${path}`];
    if (!type) throw new Error(`kpiCatalog DATE_FIELD_TYPES has no entry for ${object}.${path}`);
    return type;
}

/**
 * The window as the server names it, the org's fiscal settings applying: its date literal or its rolling range;
 * undefined when it has neither and needs explicit dates.
 */
export function serverPeriod(window: DateWindow): FilterValue | undefined {
    if (window.literal) return { literal: enumValue(window.literal) };
    if (window.lastNDays !== undefined) return { range: { last_n_days: window.lastNDays } };
    return undefined;
}

/** "Dated in the window" by the server's own period (to date: also before TOMORROW); undefined without one. */
export function serverDateCondition(window: DateWindow): FilterValue | undefined {
    const period = serverPeriod(window);
    if (!period) return undefined;
    return window.literal && window.toDate ? { eq: period, lt: { literal: enumValue('TOMORROW') } } : { eq: period };
}

/** The window's first and after-last moment in a field's terms: days for Date, the viewer's midnights for DateTime. */
export function windowBounds(
    window: DateWindow,
    type: 'Date' | 'DateTime',
    timeZone: string,
): { start: string; end: string } {
    return type === 'Date' ? { start: window.start, end: window.end } : windowInstants(window, timeZone);
}

/** "Dated from `start` up to but excluding `end`", the bounds being filter data (values or variables). */
export function boundsCondition(start: FilterValue, end: FilterValue): FilterValue {
    return { gte: { value: start }, lt: { value: end } };
}

/** The date condition for a window: the server's literal or range where one exists, explicit bounds otherwise. */
function dateCondition(window: DateWindow, type: 'Date' | 'DateTime', timeZone: string): FilterValue {
    const server = serverDateCondition(window);
    if (server) return server;
    const bounds = windowBounds(window, type, timeZone);
    const marker = type === 'Date' ? '$date' : '$dateTime';
    return boundsCondition({ [marker]: bounds.start }, { [marker]: bounds.end });
}

/**
 * "Below `user` in the management chain, down to `levels` levels", as a User filter: `{ or: [{ ManagerId: = user },
 * { Manager: { ManagerId: = user } }, …] }`. A user without a manager (or whose manager has none) matches no deeper
 * branch: a relationship filter on a null parent matches nothing, as in SOQL. `levels` is what the platform lets the
 * filter reach from where it is nested (kpiCatalog TEAM_LEVELS, MAX_PARENT_LEVELS).
 */
export function teamCondition(user: FilterValue, levels: number): Filter {
    const branches: Filter[] = [];
    for (let level = 1; level <= levels; level++) {
        branches.push(nest([...Array<string>(level - 1).fill('Manager'), 'ManagerId'].join('.'), { eq: user }));
    }
    return branches.length === 1 ? branches[0] : { or: branches };
}

/** `condition` on the User a path leads to; the empty path is the record itself (a User). */
function onOwner(path: string, condition: Filter): Filter {
    return path ? nest(path, condition as FilterValue) : condition;
}

function scopeCondition(part: ResolvedPart, scope: Scope, scopeUser?: string): Filter {
    const everyone = EVERYONE_FILTER[part.object] ?? {};
    if (scope === 'all') return everyone;
    const user: FilterValue = scopeUser === undefined ? { $user: true } : { $id: scopeUser };
    // The same population rule in every scope: a deactivated report's quota is no more a team target than anyone's.
    if (scope === 'mine') return { ...everyone, ...nest(part.scope.mine, { eq: user }) };
    return { ...everyone, ...onOwner(ownerPath(part), teamCondition(user, part.scope.teamLevels)) };
}

/** What narrows a part beyond its KPI: the scope, the component's filters and the record page it sits on. */
function requestConditions(part: ResolvedPart, request: Draft['request']): Filter[] {
    const conditions = [scopeCondition(part, request.scope, request.scopeUser)];
    for (const [id, value] of Object.entries(request.filters)) {
        const field = KPI_FILTERS[id].fields[part.object];
        if (field) conditions.push({ [field]: { eq: { $picklist: value } } });
    }
    if (request.record) {
        conditions.push({ [KPI_RECORD_PATHS[request.record.object][part.object]]: { eq: { $id: request.record.id } } });
    }
    if (request.owners && Object.keys(request.owners).length > 0) {
        conditions.push(onOwner(ownerPath(part), request.owners));
    }
    return conditions;
}

/**
 * `Owner`, `Owner.User` (Lead's polymorphic owner), `Campaign.Owner`: where a part's owning User sits; empty for
 * User itself.
 */
export function ownerPath(part: ResolvedPart): string {
    return part.scope.team === 'ManagerId' ? '' : part.scope.team.replace(/\.ManagerId$/, '');
}

/**
 * A first-child part's dating: some child matching its filter (and the component's filters) dated in the window, and
 * none before it. The anti-join ignores the component's filters: "first" means the first deal of any kind.
 */
function firstChildConditions(
    part: ResolvedPart,
    request: Draft['request'],
    window: DateWindow,
    timeZone: string,
): Filter[] {
    const child = part.firstChild;
    if (!child) return [];
    const type = dateFieldType(child.object, child.dateField);
    const inWindow = dateCondition(window, type, timeZone);
    const childFilters: Filter[] = [];
    for (const [id, value] of Object.entries(request.filters)) {
        const field = KPI_FILTERS[id].fields[child.object];
        if (field) childFilters.push({ [field]: { eq: { $picklist: value } } });
    }
    const start = windowBounds(window, type, timeZone).start;
    const before: FilterValue = { lt: { value: { [type === 'Date' ? '$date' : '$dateTime']: start } } };
    return [
        {
            Id: {
                inq: {
                    [child.object]: allOf([child.filter, nest(child.dateField, inWindow), ...childFilters]),
                    ApiName: child.link,
                },
            },
        },
        { Id: { ninq: { [child.object]: allOf([child.filter, nest(child.dateField, before)]), ApiName: child.link } } },
    ];
}

function selectionsFor(aggregate: Aggregate, settings: Record<string, SettingValue>, daily: boolean): Selection[] {
    const selections: Selection[] = [{ field: 'Id', fns: ['count'] }];
    if (aggregate.fn === 'count' || !aggregate.field) return selections;
    const field = resolveField(aggregate.field, settings);
    if (aggregate.fn === 'avg') selections.push({ field, fns: daily ? ['sum', 'count'] : ['avg', 'count'] });
    else selections.push({ field, fns: [aggregate.fn] });
    return selections;
}

interface SubquerySpec {
    object: string;
    where: Filter;
    groupBy: GroupKey[];
    selections: Selection[];
    slice?: SparkSlice;
    /** Asks for a cursor to page past MAX_GROUPS groups. */
    paged?: boolean;
}

function specKey(spec: SubquerySpec): string {
    return JSON.stringify([spec.object, spec.where, spec.groupBy, spec.slice ?? null]);
}

interface Draft {
    request: Omit<PlannedRequest, 'document' | 'reads'>;
    reads: Record<'current' | 'comparison' | 'sparkline', Record<string, string[]>>;
    specs: Map<string, SubquerySpec>;
}

/** Validated, defaults filled; problems name the request property. */
function normalize(
    request: KpiRequest,
    context: PlanContext,
    seenKeys: Set<string>,
): { kpi?: KpiDefinition; draft?: Draft['request']; problems: KpiProblem[] } {
    const problems: KpiProblem[] = [];
    const kpi = findKpi(request?.kpi);
    const key = typeof request?.key === 'string' && request.key ? request.key : String(request?.kpi ?? '');
    if (seenKeys.has(key)) problems.push({ code: 'duplicateKey', property: 'key', value: key });
    seenKeys.add(key);
    if (!kpi) {
        problems.push({ code: 'unknownKpi', property: 'kpi', value: String(request?.kpi ?? '') });
        return { problems };
    }
    for (const property of calendarProblems(context.calendar)) {
        problems.push({
            code: 'badCalendar',
            property,
            value: String(context.calendar[property as keyof ViewerCalendar]),
        });
    }
    const period = parsePeriod(request.period);
    if (!period) problems.push({ code: 'badPeriod', property: 'period', value: String(request.period) });
    const comparison = request.comparison ?? 'none';
    if (!isComparison(comparison)) problems.push({ code: 'badComparison', property: 'comparison', value: comparison });
    const scope = request.scope ?? 'all';
    if (!(SCOPES as readonly string[]).includes(scope)) {
        problems.push({ code: 'badScope', property: 'scope', value: String(scope) });
    } else if (scope !== 'all' && !SALESFORCE_ID.test(request.scopeUser ?? context.userId ?? '')) {
        problems.push({
            code: 'noUser',
            property: request.scopeUser === undefined ? 'scope' : 'scopeUser',
            value: scope,
        });
    }
    const settings: Record<string, SettingValue> = {};
    for (const id of kpiSettingIds(kpi)) {
        const result = readSetting(id, request.settings?.[id]);
        if (result === undefined) {
            problems.push({ code: 'badSetting', property: id, value: String(request.settings?.[id]) });
        } else settings[id] = result;
    }
    const sparkline = request.sparkline ?? 0;
    if (!(Number.isInteger(sparkline) && sparkline >= 0 && sparkline <= MAX_SPARKLINE)) {
        problems.push({ code: 'badSparkline', property: 'sparkline', value: String(request.sparkline) });
    }
    if (request.groupBy !== undefined && !kpi.groupings.includes(request.groupBy)) {
        problems.push({ code: 'badGrouping', property: 'groupBy', value: String(request.groupBy) });
    }
    const target = request.target ?? undefined;
    if (target !== undefined && !(typeof target === 'number' && Number.isFinite(target) && target >= 0)) {
        problems.push({ code: 'badTarget', property: 'target', value: String(target) });
    }
    const filters: Record<string, string> = {};
    for (const [id, value] of Object.entries(request.filters ?? {})) {
        if (value === undefined || value === '') continue;
        if (KPI_FILTERS[id] && typeof value === 'string' && FILTER_VALUE.test(value)) filters[id] = value;
        else problems.push({ code: 'badFilter', property: id, value: String(value) });
    }
    const record = request.record;
    if (record !== undefined) {
        const paths = KPI_RECORD_PATHS[record?.object];
        if (!paths || !SALESFORCE_ID.test(record.id ?? '') || kpiParts(kpi).some((part) => !paths[part.object])) {
            problems.push({ code: 'badRecord', property: 'record', value: `${record?.object}:${record?.id}` });
        }
    }
    const yearsBackGiven = request.yearsBack ?? 0;
    if (!(Number.isInteger(yearsBackGiven) && yearsBackGiven >= 0 && yearsBackGiven <= 100)) {
        problems.push({ code: 'badPeriod', property: 'yearsBack', value: String(request.yearsBack) });
    }
    const given = request.buckets;
    if (given !== undefined && !contiguous(given)) {
        problems.push({ code: 'badBuckets', property: 'buckets', value: String(given?.length) });
    }
    if (problems.length > 0 || !period || !isComparison(comparison)) return { kpi, problems };

    const notes: NoteCode[] = [];
    const snapshot = kpi.timing === 'snapshot';
    let effectiveComparison: Comparison = comparison;
    if (snapshot && comparison !== 'none') {
        notes.push('comparisonNotSupported');
        effectiveComparison = 'none';
    }
    const yearsBack = request.yearsBack ?? 0;
    const now = yearsEarlier(context.now, yearsBack, context.calendar.timeZone);
    // A past period is over: whole, and dated by values (a literal like THIS_QUARTER names today's period).
    const past = (w: DateWindow | undefined): DateWindow | undefined =>
        w && yearsBack > 0 ? { start: w.start, end: w.end, toDate: w.toDate } : w;
    const window = past(currentWindow(period, now, context.calendar, !snapshot && yearsBack === 0))!;
    let buckets: DateWindow[] = [];
    if (sparkline > 0 || given !== undefined) {
        const supported = sparklineSupport(kpi, request.groupBy, snapshot);
        if (!supported) notes.push('sparklineNotSupported');
        else {
            buckets = given ? [...given] : sparklineWindows(period, sparkline, context.now, context.calendar, true);
            const span = daysBetween(buckets[0].start, buckets[buckets.length - 1].end);
            const parts = kpiParts(kpi);
            let needed =
                parts.length * (effectiveComparison === 'none' ? 1 : 2) +
                (kpi.target && request.target == null && request.groupBy === undefined && !record ? 1 : 0);
            let tooManyDays = false;
            for (const part of parts) {
                const type = dateFieldType(part.object, resolveField(part.dateField!, settings));
                const slices = sparklineSlices(type, buckets, context.calendar.timeZone);
                needed += slices.length;
                tooManyDays ||= slices.some(
                    (slice) => slice.fn === 'DAY_ONLY' && !slice.edgesOnly && span + 1 > MAX_GROUPS,
                );
            }
            if (tooManyDays || needed > MAX_SUBQUERIES) {
                const property = given ? 'buckets' : 'sparkline';
                problems.push({ code: 'sparklineTooLong', property, value: String(buckets.length) });
                return { kpi, problems };
            }
        }
    }
    return {
        kpi,
        problems,
        draft: {
            key,
            kpi: kpi.id,
            period,
            comparison: effectiveComparison,
            scope: scope as Scope,
            settings,
            groupBy: request.groupBy,
            target: kpi.measure.kind === 'coverage' || kpi.target ? target : undefined,
            filters,
            ...(record ? { record: { object: record.object, id: record.id } } : {}),
            ...(request.scopeUser !== undefined ? { scopeUser: request.scopeUser } : {}),
            ...(request.owners ? { owners: request.owners } : {}),
            ...(request.paged ? { paged: true } : {}),
            ...(request.groupNames === false ? { groupNames: false } : {}),
            window,
            comparisonWindow: past(
                comparisonWindow(period, effectiveComparison, now, context.calendar, !snapshot && yearsBack === 0),
            ),
            sparkline: buckets,
            notes,
        },
    };
}

/** Buckets a caller gives: 1 to MAX_SPARKLINE windows of ISO days, each ending where the next starts. */
function contiguous(buckets: readonly DateWindow[] | undefined): boolean {
    if (!Array.isArray(buckets) || buckets.length === 0 || buckets.length > MAX_SPARKLINE) return false;
    const day = (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
    return buckets.every(
        (bucket, i) =>
            day(bucket?.start) &&
            day(bucket?.end) &&
            bucket.start < bucket.end &&
            (i === 0 || buckets[i - 1].end === bucket.start),
    );
}

const monthOf = (date: string): number => Number(date.slice(5, 7));
const yearOf = (date: string): number => Number(date.slice(0, 4));

/** `[start, end)` cut at the days `next` steps to from `start`, the last piece ending at `end`. */
function cut(start: string, end: string, next: (from: string) => string): { start: string; end: string }[] {
    const pieces: { start: string; end: string }[] = [];
    for (let from = start; from < end; from = next(from)) {
        const to = next(from);
        pieces.push({ start: from, end: to < end ? to : end });
    }
    return pieces;
}

/** The sliver between the viewer's and UTC's midnight starting `date`, clipped to `[low, high)` (epoch ms). */
function edgeAt(date: string, timeZone: string, low: number, high: number): EdgeSlice | undefined {
    const local = startOfDayMs(date, timeZone);
    const utc = parseIsoDate(date) * 86_400_000;
    // West of UTC the sliver after UTC midnight is still the day before for the viewer; east of it, the reverse.
    const west = local > utc;
    const start = Math.max(Math.min(local, utc), low);
    const end = Math.min(Math.max(local, utc), high);
    if (start >= end) return undefined;
    const dayBefore = isoDate(parseIsoDate(date) - 1);
    return {
        start: isoInstant(start),
        end: isoInstant(end),
        utcDay: west ? date : dayBefore,
        day: west ? dayBefore : date,
    };
}

/**
 * How a sparkline over `buckets` is read for a date field of `type`, one slice per subquery, with the fewest
 * subqueries and then the fewest rows. Buckets on month boundaries (months, quarters, years, fiscal ones) come back
 * per calendar year in segments of months that never straddle a bucket edge (fiscal years: two segments however
 * many years), or per quarter or month in chunks of 12 months; other buckets per day. Date fields are exact as they
 * are. DateTime fields group in UTC, so the slivers between UTC and the viewer's midnight at bucket edges are read by
 * one more subquery grouped by UTC day and left out of the others: every other record has its UTC and local day in
 * the same bucket, which makes the sparkline exact in the viewer's time zone.
 */
function sparklineSlices(type: 'Date' | 'DateTime', buckets: readonly DateWindow[], timeZone: string): SparkSlice[] {
    const start = buckets[0].start;
    const end = buckets[buckets.length - 1].end;
    const inner = buckets.slice(1).map((bucket) => bucket.start);
    const edgeDays = new Set(inner);
    let slices: SparkSlice[];
    if ([start, ...inner].every((date) => date.endsWith('-01'))) {
        const firsts = [...new Set([1, ...inner.map(monthOf)])].sort((a, b) => a - b);
        const segments = firsts.map((first, i): [number, number] => [first, (firsts[i + 1] ?? 13) - 1]);
        const lastDay = isoDate(parseIsoDate(end) - 1);
        const years = yearOf(lastDay) - yearOf(start) + 1;
        const chunks = cut(start, end, (from) => shiftMonths(from, MONTHS_PER_CHUNK));
        const quarterly = [start, ...inner].every((date) => monthOf(date) % 3 === 1);
        const months = (yearOf(lastDay) - yearOf(start)) * 12 + monthOf(lastDay) - monthOf(start) + 1;
        const chunkRows = quarterly ? Math.ceil(months / 3) : months;
        if (
            segments.length < chunks.length ||
            (segments.length === chunks.length && segments.length * years <= chunkRows)
        ) {
            slices = segments.map(([first, last]) => ({
                fn: 'CALENDAR_YEAR',
                start,
                end,
                ...(first > 1 || last < 12 ? { months: [first, last] as [number, number] } : {}),
            }));
        } else {
            const fn: DateFunction = quarterly ? 'CALENDAR_QUARTER' : 'CALENDAR_MONTH';
            slices = chunks.map((chunk) => ({ fn, ...chunk }));
            // A month number wraps after 12 months: records a UTC month puts outside their chunk are edge slivers.
            [start, end, ...chunks.map((chunk) => chunk.start)].forEach((date) => edgeDays.add(date));
        }
    } else if (type === 'Date') {
        slices = cut(start, end, (from) => isoDate(parseIsoDate(from) + DAYS_PER_CHUNK)).map((chunk) => ({
            fn: 'DAY_IN_YEAR',
            ...chunk,
        }));
    } else {
        slices = [{ fn: 'DAY_ONLY', start, end }];
    }
    if (type === 'Date') return slices;
    const low = startOfDayMs(start, timeZone);
    const high = startOfDayMs(end, timeZone);
    const edges = [...edgeDays]
        .sort()
        .map((date) => edgeAt(date, timeZone, low, high))
        .filter((edge): edge is EdgeSlice => edge !== undefined);
    if (edges.length === 0) return slices;
    const within = (slice: SparkSlice) => {
        const [from, to] = [startOfDayMs(slice.start, timeZone), startOfDayMs(slice.end, timeZone)];
        return edges.filter((edge) => Date.parse(edge.start) < to && Date.parse(edge.end) > from);
    };
    return [
        ...slices.map((slice) => {
            const own = within(slice);
            return own.length > 0 ? { ...slice, edges: own } : slice;
        }),
        { fn: 'DAY_ONLY', start, end, edges, edgesOnly: true },
    ];
}

/** Sparklines add up days or months into buckets, so the measure must add up and be dated by the object's own field. */
function sparklineSupport(kpi: KpiDefinition, groupBy: string | undefined, snapshot: boolean): boolean {
    if (snapshot || groupBy !== undefined) return false;
    const { measure } = kpi;
    if (measure.kind === 'averageDuration' || measure.kind === 'coverage') return false;
    if (measure.kind === 'aggregate' && measure.aggregate.fn === 'countDistinct') return false;
    return kpiParts(kpi).every((part) => typeof part.dateField === 'string' && !part.dateField.includes('.'));
}

function readSetting(id: string, value: SettingValue | undefined): SettingValue | undefined {
    const setting = KPI_SETTINGS[id];
    const given = value ?? setting.default;
    switch (setting.kind) {
        case 'field':
            return typeof given === 'string' && FIELD_NAME.test(given.trim()) ? given.trim() : undefined;
        case 'values': {
            const list = typeof given === 'string' ? given.split(',') : given;
            if (!Array.isArray(list)) return undefined;
            const values = list.map((item) => (typeof item === 'string' ? item.trim() : ''));
            return values.length > 0 && values.every((item) => item.length > 0 && item.length <= 255)
                ? values
                : undefined;
        }
        case 'boolean':
            if (typeof given === 'boolean') return given;
            return given === 'true' ? true : given === 'false' ? false : undefined;
    }
}

/** The subqueries one request needs, registered in `specs` by merge key; returns the keys per window and role. */
function draftSubqueries(kpi: KpiDefinition, request: Draft['request'], context: PlanContext): Draft {
    const folded = request.currentFromSparkline === true;
    const specs = new Map<string, SubquerySpec>();
    const reads: Draft['reads'] = { current: {}, comparison: {}, sparkline: {} };
    const { settings } = request;
    const timeZone = context.calendar.timeZone;
    const measure = kpi.measure;
    const grouping = request.groupBy ? KPI_GROUPINGS[request.groupBy] : undefined;
    // A group's name rides along where the relationship is a plain lookup (Lead.Owner is polymorphic: no name).
    const groupingKey = (part: ResolvedPart): GroupKey[] =>
        grouping
            ? [
                  {
                      field: resolveField(grouping.field, settings),
                      ...(grouping.keyType === 'text' ? { label: true } : {}),
                      ...(grouping.name &&
                      request.groupNames !== false &&
                      part.scope.team === `${grouping.name.split('.')[0]}.ManagerId`
                          ? { name: grouping.name }
                          : {}),
                  },
              ]
            : [];
    const shareKey: GroupKey[] = measure.kind === 'share' ? [{ field: resolveField(measure.field, settings) }] : [];

    const add = (role: 'current' | 'comparison' | 'sparkline', name: string, spec: SubquerySpec): void => {
        const key = specKey(spec);
        const existing = specs.get(key);
        if (request.paged && grouping) spec.paged = true;
        if (existing) {
            existing.selections = mergeSelections(existing.selections, spec.selections);
            existing.paged ||= spec.paged;
        } else specs.set(key, spec);
        (reads[role][name] ??= []).push(key);
    };

    const baseWhere = (part: ResolvedPart, dateFilters: Filter[]): Filter =>
        allOf([resolveValue(part.filter, settings) as Filter, ...dateFilters, ...requestConditions(part, request)]);

    const windowFor = (part: ResolvedPart, role: 'current' | 'comparison'): DateWindow | undefined => {
        // Coverage's won part is an event inside a snapshot KPI: it counts to date like any won revenue.
        const toDateWindow = part.role === 'won' && role === 'current';
        if (role === 'comparison') return request.comparisonWindow;
        if (toDateWindow) return currentWindow(request.period, context.now, context.calendar, true);
        return request.window;
    };

    // A KPI's default tile target (closed-won revenue's quota): current window only, for a tile (no breakdown, no
    // record page), unless the component typed one. Coverage's target is one of its parts.
    const tileTarget = measure.kind === 'coverage' ? undefined : defaultTarget(kpi, request);
    for (const role of ['current', 'comparison'] as const) {
        if (role === 'comparison' && !request.comparisonWindow) continue;
        const parts = role === 'current' && tileTarget ? [...kpiParts(kpi), tileTarget] : kpiParts(kpi);
        for (const part of parts) {
            if (part.role === 'target' && (request.target !== undefined || role === 'comparison')) continue;
            if (folded && role === 'current' && part.role !== 'target') continue;
            const dateFilters: Filter[] = firstChildConditions(part, request, windowFor(part, role)!, timeZone);
            if (part.dateField !== null) {
                const path = resolveField(part.dateField, settings);
                const window = windowFor(part, role)!;
                dateFilters.push(nest(path, dateCondition(window, dateFieldType(part.object, path), timeZone)));
            }
            const where = baseWhere(part, dateFilters);
            if (measure.kind === 'averageDuration') {
                const from = resolveField(measure.from, settings);
                const to = resolveField(measure.to, settings);
                const count = selectionsFor(part.aggregate, settings, false);
                const yearKeys: GroupKey[] = [
                    { field: from, fn: 'CALENDAR_YEAR' },
                    { field: to, fn: 'CALENDAR_YEAR' },
                ];
                add(role, 'years', { object: part.object, where, groupBy: yearKeys, selections: count });
                const fromKey: GroupKey = { field: from, fn: 'DAY_IN_YEAR' };
                add(role, 'fromDays', { object: part.object, where, groupBy: [fromKey], selections: count });
                const toKey: GroupKey = { field: to, fn: 'DAY_IN_YEAR' };
                add(role, 'toDays', { object: part.object, where, groupBy: [toKey], selections: count });
                // DAY_IN_YEAR groups a DateTime on its UTC day: count the records whose local day is the next
                // (ahead) or the previous (behind) one, so the mean is over the viewer's days.
                for (const [end, path] of [
                    ['from', from],
                    ['to', to],
                ] as const) {
                    if (dateFieldType(part.object, path) !== 'DateTime') continue;
                    for (const sign of [1, -1] as const) {
                        const bands = shiftsFor(context).filter((band) => band.sign === sign);
                        if (bands.length === 0) continue;
                        add(role, `${end}${sign > 0 ? 'Ahead' : 'Behind'}`, {
                            object: part.object,
                            where: allOf([where, shiftFilter(path, bands)]),
                            groupBy: [],
                            selections: count,
                        });
                    }
                }
                continue;
            }
            // Each person once (REVENUE_TARGET): one row per user with their manager, roll-ups left out by kpiResults.
            const groupBy =
                part.role === 'target'
                    ? part.perPerson
                        ? [{ field: part.perPerson.id }, { field: part.perPerson.manager }]
                        : []
                    : [...groupingKey(part), ...shareKey];
            add(role, part.role, {
                object: part.object,
                where,
                groupBy,
                selections: selectionsFor(part.aggregate, settings, false),
            });
        }
    }

    if (request.sparkline.length > 0) {
        for (const part of kpiParts(kpi)) {
            const path = resolveField(part.dateField!, settings);
            const type = dateFieldType(part.object, path);
            const selections = selectionsFor(part.aggregate, settings, true);
            for (const slice of sparklineSlices(type, request.sparkline, timeZone)) {
                add('sparkline', part.role, {
                    object: part.object,
                    where: baseWhere(part, sliceFilters(path, type, slice, timeZone)),
                    groupBy: [...shareKey, { field: path, fn: slice.fn }],
                    selections,
                    slice,
                });
            }
        }
    }
    return { request, reads, specs };
}

/** The target part a request reads beside a KPI that is not coverage, if any (kpiCatalog kpiTargetPart). */
function defaultTarget(kpi: KpiDefinition, request: Draft['request']): ResolvedPart | undefined {
    if (request.target !== undefined || request.groupBy !== undefined || request.record) return undefined;
    return kpiTargetPart(kpi);
}

/** How far back a DateTime's day shift follows the zone's offset changes (before, see dayShifts). */
const SHIFT_YEARS = 10;

/** The viewer's day shifts from ten years back to tomorrow (cached per day by dayShifts). */
function shiftsFor(context: PlanContext): DayShift[] {
    const now = context.now.getTime();
    return dayShifts(context.calendar.timeZone, now - SHIFT_YEARS * 366 * 86_400_000, now + 2 * 86_400_000);
}

/**
 * The records of a DateTime field whose local day is not their UTC day: the UTC hours of each offset band, in the
 * instants the offset held. HOUR_IN_DAY `value` is UTC like the DAY_IN_YEAR groups it corrects (SOQL date functions,
 * https://developer.salesforce.com/docs/platform/salesforce-soql-sosl/guide/sforce-api-calls-soql-select-date-functions.html),
 * so no time-zone conversion by the server is relied on.
 */
function shiftFilter(path: string, bands: readonly DayShift[]): Filter {
    const instant = (value: string): FilterValue => ({ value: { $dateTime: value } });
    const terms = bands.map((band) => {
        const hours: Record<string, FilterValue> = {};
        if (band.hours[0] > 0) hours.gte = band.hours[0];
        if (band.hours[1] < 24) hours.lt = band.hours[1];
        const inHours = nest(path, { HOUR_IN_DAY: { value: hours } });
        const ranges = band.ranges
            .filter((range) => range.start !== undefined || range.end !== undefined)
            .map((range) =>
                nest(path, {
                    ...(range.start !== undefined ? { gte: instant(range.start) } : {}),
                    ...(range.end !== undefined ? { lt: instant(range.end) } : {}),
                }),
            );
        if (ranges.length === 0) return inHours;
        return allOf([inHours, ranges.length === 1 ? ranges[0] : { or: ranges }]);
    });
    return terms.length === 1 ? terms[0] : { or: terms };
}

/** The date conditions of one sparkline slice: its days, its months, and its edge slivers left out or alone. */
function sliceFilters(path: string, type: 'Date' | 'DateTime', slice: SparkSlice, timeZone: string): Filter[] {
    const instant = (value: string): FilterValue => ({ value: { $dateTime: value } });
    const ranges = (slice.edges ?? []).map((edge) => nest(path, { gte: instant(edge.start), lt: instant(edge.end) }));
    const anyEdge: Filter = ranges.length === 1 ? ranges[0] : { or: ranges };
    if (slice.edgesOnly) return [anyEdge];
    const days: DateWindow = { start: slice.start, end: slice.end, toDate: false };
    const filters = [nest(path, dateCondition(days, type, timeZone))];
    if (slice.months) {
        const [first, last] = slice.months;
        const value: Record<string, FilterValue> = {};
        if (first > 1) value.gte = first;
        if (last < 12) value.lte = last;
        filters.push(nest(path, { CALENDAR_MONTH: { value } }));
    }
    if (ranges.length > 0) filters.push({ not: anyEdge });
    return filters;
}

function mergeSelections(a: Selection[], b: Selection[]): Selection[] {
    const byField = new Map<string, Set<Selection['fns'][number]>>();
    for (const selection of [...a, ...b]) {
        const fns = byField.get(selection.field) ?? new Set();
        selection.fns.forEach((fn) => fns.add(fn));
        byField.set(selection.field, fns);
    }
    return [...byField].map(([field, fns]) => ({ field, fns: [...fns].sort() }));
}

/**
 * Plans the KPIs of one component. Requests that cannot be planned come back in `rejected` with problems naming the
 * property; the rest share documents of at most ten subqueries. Usually that is one document; when more subqueries
 * are needed the requests are packed whole (first fit, largest first) into the fewest documents found, and each
 * document is one more round trip (KpiPlan.documents.length says how many).
 */
export function planKpis(requests: readonly KpiRequest[], context: PlanContext, extras: PlanExtras = {}): KpiPlan {
    const max = context.maxSubqueries ?? MAX_SUBQUERIES;
    const seen = new Set<string>();
    const rejected: RejectedRequest[] = [];
    const drafts: Draft[] = [];
    const records: RecordsSpec[] = [];
    for (const extra of extras.records ?? []) {
        const { spec, problems } = recordsSpec(extra, context, seen);
        if (spec) records.push(spec);
        else rejected.push({ key: extra.key, kpi: String(extra.request?.kpi ?? ''), problems });
    }
    const objectInfos = [...new Set(extras.picklists ?? [])];
    const aggregates = [...(extras.aggregates ?? [])];
    // Record pages and extra aggregates count toward the ten (query-limits); they ride in the first document. The
    // limits page does not say whether the objectInfos block counts: it is counted as one, which holds either way.
    const reserved = records.length + aggregates.length + (objectInfos.length > 0 ? 1 : 0);
    for (const request of requests) {
        const { kpi, draft, problems } = normalize(request, context, seen);
        if (!kpi || !draft || problems.length > 0) {
            const key = request?.key ?? String(request?.kpi ?? '');
            rejected.push({ key, kpi: String(request?.kpi ?? ''), problems });
            continue;
        }
        const planned = draftSubqueries(kpi, draft, context);
        // Only a lowered limit gets here: no request of the catalog needs more than ten subqueries.
        if (planned.specs.size > max) {
            const value = String(planned.specs.size);
            rejected.push({
                key: draft.key,
                kpi: kpi.id,
                problems: [{ code: 'tooManySubqueries', property: 'kpi', value }],
            });
            continue;
        }
        drafts.push(planned);
    }

    let bins = pack(drafts, max, reserved);
    if (bins.length > 1) {
        // One request more costs a round trip: read current values from their sparkline's last point where it is the
        // same window, as few as give the fewest documents (the biggest savings first).
        const folded = new Map<number, Draft>();
        drafts.forEach((draft, index) => {
            if (!foldable(draft)) return;
            const request = { ...draft.request, currentFromSparkline: true };
            const lean = draftSubqueries(findKpi(draft.request.kpi)!, request, context);
            if (lean.specs.size < draft.specs.size) folded.set(index, lean);
        });
        const saving = (index: number): number => drafts[index].specs.size - folded.get(index)!.specs.size;
        const order = [...folded.keys()].sort((a, b) => saving(b) - saving(a) || a - b);
        for (let count = 1; count <= order.length && bins.length > 1; count += 1) {
            const chosen = new Set(order.slice(0, count));
            const tried = pack(
                drafts.map((draft, index) => (chosen.has(index) ? folded.get(index)! : draft)),
                max,
                reserved,
            );
            if (tried.length < bins.length) bins = tried;
        }
    }

    const documents: KpiDocument[] = [];
    const planned: { request: PlannedRequest; index: number }[] = [];
    if (bins.length === 0 && reserved + objectInfos.length > 0) bins.push({ keys: new Set(), drafts: [] });
    bins.forEach((bin, documentIndex) => {
        const inOrder = [...bin.drafts].sort((a, b) => a.index - b.index);
        const specs = new Map<string, SubquerySpec>();
        for (const { draft } of inOrder) {
            for (const [key, spec] of draft.specs) {
                const existing = specs.get(key);
                if (existing) {
                    existing.selections = mergeSelections(existing.selections, spec.selections);
                    existing.paged ||= spec.paged;
                } else specs.set(key, { ...spec });
            }
        }
        const aliases = new Map([...specs.keys()].map((key, i) => [key, `q${i}`]));
        const base = context.documentName ?? 'KpiMetrics';
        const name = documentIndex === 0 ? base : `${base}${documentIndex + 1}`;
        const keys = inOrder.map((d) => d.draft.request.key);
        const first = documentIndex === 0;
        documents.push(
            renderDocument(name, [...specs.values()], [...aliases.values()], keys, context.userId ?? '', {
                records: first ? records : [],
                aggregates: first ? aggregates : [],
                objectInfos: first ? objectInfos : [],
            }),
        );
        for (const { draft, index } of inOrder) {
            const toAliases = (reads: Record<string, string[]>): Reads =>
                Object.fromEntries(
                    Object.entries(reads).map(([role, specKeys]) => [role, specKeys.map((k) => aliases.get(k)!)]),
                );
            planned.push({
                index,
                request: {
                    ...draft.request,
                    document: documentIndex,
                    reads: {
                        current: toAliases(draft.reads.current),
                        ...(draft.request.comparisonWindow ? { comparison: toAliases(draft.reads.comparison) } : {}),
                        ...(draft.request.sparkline.length > 0 ? { sparkline: toAliases(draft.reads.sparkline) } : {}),
                    },
                },
            });
        }
    });
    planned.sort((a, b) => a.index - b.index);
    return { documents, requests: planned.map((p) => p.request), rejected };
}

interface Bin {
    keys: Set<string>;
    drafts: { draft: Draft; index: number }[];
}

/**
 * Requests packed whole into documents of at most `max` subqueries: first fit, largest first. The first document
 * keeps `reserved` places for the record pages it carries.
 */
function pack(drafts: readonly Draft[], max: number, reserved = 0): Bin[] {
    const order = drafts
        .map((draft, index) => ({ draft, index }))
        .sort((a, b) => b.draft.specs.size - a.draft.specs.size || a.index - b.index);
    const bins: Bin[] = [];
    const room = (bin: Bin) => (bin === bins[0] ? max - reserved : max);
    for (const item of order) {
        const fits = bins.find((bin) => new Set([...bin.keys, ...item.draft.specs.keys()]).size <= room(bin));
        const bin = fits ?? bins[bins.push({ keys: new Set(), drafts: [] }) - 1];
        item.draft.specs.forEach((_, key) => bin.keys.add(key));
        bin.drafts.push(item);
    }
    return bins;
}

/** A request whose current window is its sparkline's last point, ungrouped: its value can be read from there. */
function foldable(draft: Draft): boolean {
    const { request } = draft;
    const last = request.sparkline[request.sparkline.length - 1];
    return (
        last !== undefined &&
        request.groupBy === undefined &&
        last.start === request.window.start &&
        last.end === request.window.end &&
        last.toDate === request.window.toDate
    );
}

/** The document text of a plan, for `gql`: the builder scripts/graphql/dynamic-documents.ts registers. */
export function kpiQuery(plan: KpiPlan, index = 0): string {
    return plan.documents[index]?.query ?? '';
}

/**
 * A follow-up document for the grouped subqueries of `document` that have more groups: each asked again alone with
 * `after: $<alias>After` (cursors by alias), under the same alias, so its rows join the first page's (mergePages).
 */
export function planPage(document: KpiDocument, cursors: Record<string, string>): KpiDocument {
    const chosen = document.subqueries.filter(
        (s) => s.text.pageInfo?.includes('endCursor') && typeof cursors[s.alias] === 'string',
    );
    const variables: Record<string, string> = {};
    const types = new Map<string, string>();
    const declared = /\$(\w+): (\w+)/g;
    for (const match of document.query.split('\n')[0].matchAll(declared)) types.set(match[1], match[2]);
    const body: string[] = [];
    const subqueries: PlannedSubquery[] = [];
    let line = FIRST_SUBQUERY_LINE;
    for (const subquery of chosen) {
        const after = `${subquery.alias}After`;
        for (const name of subquery.text.variables) variables[name] = document.variables[name];
        variables[after] = cursors[subquery.alias];
        types.set(after, 'String');
        const args = [...subquery.text.args, `after: $${after}`];
        const lines = aggregateSubquery(
            subquery.alias,
            subquery.object,
            args,
            subquery.text.selection,
            subquery.text.pageInfo,
        );
        subqueries.push({ ...subquery, lines: [line, line + lines.length - 1] });
        line += lines.length;
        body.push(...lines);
    }
    const declarations = Object.keys(variables)
        .map((name) => `$${name}: ${types.get(name)}`)
        .join(', ');
    const operationName = `${document.operationName}Page`;
    return {
        query: uiapiDocument(operationName, declarations, 'aggregate', body),
        variables,
        operationName,
        subqueries,
        keys: document.keys,
        records: [],
        objectInfos: [],
    };
}

/** A page document's text, for `gql` (registered like kpiQuery). */
export function kpiPageQuery(page: KpiDocument | undefined): string {
    return page?.query ?? '';
}

export interface DrillDown {
    object: string;
    query: string;
    variables: Record<string, string>;
    operationName: string;
}

/** The population a click on the number shows: converted leads for a conversion rate, open deals for coverage. */
const DRILL_PART: Record<string, ResolvedPart['role']> = { ratio: 'numerator', coverage: 'pipeline' };

const RELATION_PATH = /^(?:[A-Za-z][A-Za-z0-9_]{0,79}\.)?[A-Za-z][A-Za-z0-9_]{0,79}$/;

/** The records behind a request's current number, validated: its object, filter, window, scope and record page. */
function recordsSpec(
    extra: RecordsRequest,
    context: PlanContext,
    seenKeys: Set<string>,
): { spec?: RecordsSpec; problems: KpiProblem[] } {
    const { kpi, draft, problems } = normalize({ ...extra.request, key: extra.key }, context, seenKeys);
    const badFields = extra.fields.filter((field) => !RELATION_PATH.test(field));
    if (badFields.length > 0) problems.push({ code: 'badSetting', property: 'fields', value: badFields.join(', ') });
    const first = extra.first;
    if (!(Number.isInteger(first) && first >= 1 && first <= MAX_GROUPS)) {
        problems.push({ code: 'badSetting', property: 'first', value: String(first) });
    }
    if (!kpi || !draft || problems.length > 0) return { problems };
    const part = kpiParts(kpi).find((p) => p.role === (DRILL_PART[kpi.measure.kind] ?? 'value'))!;
    const timeZone = context.calendar.timeZone;
    const path = part.dateField === null ? null : resolveField(part.dateField, draft.settings);
    const dateFilters = firstChildConditions(part, draft, draft.window, timeZone);
    if (path) dateFilters.push(nest(path, dateCondition(draft.window, dateFieldType(part.object, path), timeZone)));
    const where = allOf([
        resolveValue(part.filter, draft.settings) as Filter,
        ...dateFilters,
        ...requestConditions(part, draft),
    ]);
    return {
        problems,
        spec: {
            key: extra.key,
            kpi: kpi.id,
            object: part.object,
            where,
            ...(path && !path.includes('.') ? { orderBy: `{ ${path}: { order: DESC }, Id: { order: ASC } }` } : {}),
            fields: [...new Set(extra.fields)].filter((field) => field !== 'Id'),
            first,
        },
    };
}

/** A record's fields as a selection: own fields @optional (hidden ones are left out), parents' as nested blocks. */
function recordSelection(fields: readonly string[]): string {
    const parents = new Map<string, string[]>();
    const own: string[] = [];
    for (const field of fields) {
        const [head, tail] = field.split('.');
        if (tail === undefined) own.push(`${head} @optional { value displayValue }`);
        else parents.set(head, [...(parents.get(head) ?? []), tail]);
    }
    const nested = [...parents].map(
        ([parent, names]) => `${parent} { ${names.map((n) => `${n} { value }`).join(' ')} }`,
    );
    return ['Id', ...own, ...nested].join(' ');
}

function recordsLines(alias: string | null, spec: RecordsSpec, variables: VariableTable): string[] {
    const args = [`where: ${renderValue(spec.where, variables)}`, `first: ${spec.first}`];
    if (spec.orderBy) args.push(`orderBy: ${spec.orderBy}`);
    return [
        `      ${alias ? `${alias}: ` : ''}${spec.object}(${args.join(', ')}) {`,
        `        edges { node { ${recordSelection(spec.fields)} } }`,
        '        pageInfo { hasNextPage endCursor }',
        '      }',
    ];
}

/**
 * The records behind a KPI's current number, for a record list: the same object, filter, period and scope the number
 * was computed with, newest first by the KPI's date field, `first` records a page. `fields` are API names to show.
 */
export function planDrillDown(
    request: KpiRequest,
    context: PlanContext,
    fields: readonly string[],
    first = 50,
): { drillDown?: DrillDown; problems: KpiProblem[] } {
    const key = String(request?.kpi ?? '');
    const { spec, problems } = recordsSpec({ key, request, fields, first }, context, new Set());
    if (!spec) return { problems };
    const variables = variableTable(() => context.userId ?? '');
    const lines = recordsLines(null, spec, variables);
    const query = uiapiDocument('KpiRecords', variables.declarations(), 'query', lines);
    return {
        problems,
        drillDown: { object: spec.object, query, variables: variables.values(), operationName: 'KpiRecords' },
    };
}

/** The drill-down document text, for `gql`: registered with the validator like kpiQuery. */
export function kpiRecordsQuery(drillDown: DrillDown | undefined): string {
    return drillDown?.query ?? '';
}

/**
 * Renders filter data as GraphQL input text. `$enum` marks an enum value; `variable` returns the text of any other
 * marker object (a variable reference), or undefined for an ordinary input object.
 */
export function renderFilter(
    value: FilterValue,
    variable: (marker: Record<string, FilterValue>) => string | undefined,
): string {
    if (value === null) return 'null';
    if (typeof value === 'string') return JSON.stringify(value);
    if (typeof value !== 'object') return String(value);
    if (Array.isArray(value)) return `[${value.map((item) => renderFilter(item, variable)).join(', ')}]`;
    const special = value as Record<string, FilterValue>;
    if (typeof special.$enum === 'string') return special.$enum;
    const marked = variable(special);
    if (marked !== undefined) return marked;
    const entries = Object.entries(value).map(([key, inner]) => `${key}: ${renderFilter(inner, variable)}`);
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
}

function renderValue(value: FilterValue, variables: VariableTable): string {
    return renderFilter(value, (special) => {
        if (special.$user === true) return `$${variables.use('userId', 'ID', '')}`;
        if (typeof special.$id === 'string') return `$${variables.use('id', 'ID', special.$id)}`;
        if (typeof special.$picklist === 'string') return `$${variables.use('p', 'Picklist', special.$picklist)}`;
        if (typeof special.$string === 'string') return `$${variables.use('s', 'String', special.$string)}`;
        if (typeof special.$date === 'string') return `$${variables.use('d', 'Date', special.$date)}`;
        if (typeof special.$dateTime === 'string') return `$${variables.use('t', 'DateTime', special.$dateTime)}`;
        return undefined;
    });
}

interface VariableTable {
    use(prefix: string, type: string, value: string): string;
    /** Runs `render` and lists the variables it used. */
    track<T>(render: () => T): { result: T; used: string[] };
    declarations(): string;
    values(): Record<string, string>;
}

/** Interns variable values: the same date is one variable, named by first use, so text depends on shape only. */
function variableTable(userId: () => string): VariableTable {
    const names = new Map<string, { name: string; type: string; value: string }>();
    const counters: Record<string, number> = {};
    let tracking: Set<string> | null = null;
    return {
        track(render) {
            const outer = tracking;
            tracking = new Set();
            try {
                const result = render();
                return { result, used: [...tracking] };
            } finally {
                tracking = outer;
            }
        },
        use(prefix, type, value) {
            const id = `${type}|${value}`;
            let entry = names.get(id);
            if (!entry) {
                const name =
                    prefix === 'userId' ? 'userId' : `${prefix}${(counters[prefix] = (counters[prefix] ?? -1) + 1)}`;
                entry = { name, type, value: prefix === 'userId' ? userId() : value };
                names.set(id, entry);
            }
            tracking?.add(entry.name);
            return entry.name;
        },
        declarations: () => [...names.values()].map((v) => `$${v.name}: ${v.type}`).join(', '),
        values: () => Object.fromEntries([...names.values()].map((v) => [v.name, v.value])),
    };
}

/** A named query around subquery lines under `uiapi.aggregate` or `uiapi.query`, declaring `declarations`. */
export function uiapiDocument(
    name: string,
    declarations: string,
    kind: 'aggregate' | 'query',
    body: readonly string[],
): string {
    return uiapiSections(name, declarations, [{ kind, body }]);
}

/** A named query of `uiapi` sections (`aggregate { … }`, `query { … }`) and any further `uiapi` lines after them. */
function uiapiSections(
    name: string,
    declarations: string,
    sections: readonly { kind: string; body: readonly string[] }[],
    after: readonly string[] = [],
): string {
    const header = `query ${name}${declarations ? `(${declarations})` : ''} {`;
    const inner = sections.flatMap(({ kind, body }) => [`    ${kind} {`, ...body, '    }']);
    return [header, '  uiapi {', ...inner, ...after, '  }', '}'].join('\n');
}

/** One aliased aggregate subquery as document lines; `pageInfo` lists the page fields a grouped one selects. */
export function aggregateSubquery(
    alias: string,
    object: string,
    args: readonly string[],
    selection: string,
    pageInfo: string | null,
): string[] {
    return [
        `      ${alias}: ${object}(${args.join(', ')}) {`,
        `        edges { node { aggregate { ${selection} } } }`,
        ...(pageInfo ? [`        pageInfo { ${pageInfo} }`] : []),
        '      }',
    ];
}

const FN_ORDER = ['avg', 'count', 'countDistinct', 'sum'];

function renderSelection(spec: SubquerySpec): string {
    const blocks = new Map<string, { parts: string[]; measured: boolean; keyed: boolean }>();
    const block = (field: string) => {
        let entry = blocks.get(field);
        if (!entry) blocks.set(field, (entry = { parts: [], measured: false, keyed: false }));
        return entry;
    };
    for (const key of spec.groupBy) {
        const entry = block(key.field);
        entry.keyed = true;
        if (key.fn) entry.parts.push(`${DATE_FUNCTION_RESULT[key.fn]} { value }`);
        else entry.parts.push(key.label ? 'value label' : 'value');
    }
    for (const selection of spec.selections) {
        const entry = block(selection.field);
        if (selection.field !== 'Id') entry.measured = true;
        for (const fn of [...selection.fns].sort((a, b) => FN_ORDER.indexOf(a) - FN_ORDER.indexOf(b))) {
            entry.parts.push(`${fn} { value }`);
        }
    }
    // A measured field the viewer cannot see is left out (@optional) instead of failing every KPI in the document.
    const fields = [...blocks].map(
        ([field, e]) => `${field}${e.measured && !e.keyed ? ' @optional' : ''} { ${e.parts.join(' ')} }`,
    );
    // A group's name rides beside its Id key (`Owner { Name { max { value } } }`), so names need no second request.
    for (const key of spec.groupBy) {
        if (!key.name) continue;
        const [parent, field] = key.name.split('.');
        fields.push(`${parent} { ${field} { max { value } } }`);
    }
    return fields.join(' ');
}

/** The objectInfos block of a document: each object's picklist fields and their values per record type. */
function objectInfosLines(objects: readonly string[]): string[] {
    if (objects.length === 0) return [];
    // query-objectinfo (picklist values: API 65.0+): metadata the filters offer, read in the same request.
    // https://developer.salesforce.com/docs/platform/graphql/guide/query-objectinfo.html
    return [
        `    objectInfos(apiNames: [${objects.map((o) => JSON.stringify(o)).join(', ')}]) {`,
        '      ApiName',
        '      fields { ApiName ... on PicklistField { picklistValuesByRecordTypeIDs { recordTypeID picklistValues { label value } } } }',
        '    }',
    ];
}

function renderDocument(
    name: string,
    specs: SubquerySpec[],
    aliases: string[],
    keys: string[],
    userId: string,
    extras: {
        records: readonly RecordsSpec[];
        aggregates: readonly AggregateExtra[];
        objectInfos: readonly string[];
    },
): KpiDocument {
    const variables = variableTable(() => userId);
    const body: string[] = [];
    const subqueries: PlannedSubquery[] = [];
    let line = FIRST_SUBQUERY_LINE;
    const place = (planned: Omit<PlannedSubquery, 'lines'>): void => {
        const { args, selection, pageInfo } = planned.text;
        const lines = aggregateSubquery(planned.alias, planned.object, args, selection, pageInfo);
        subqueries.push({ ...planned, lines: [line, line + lines.length - 1] });
        line += lines.length;
        body.push(...lines);
    };
    specs.forEach((spec, i) => {
        const { result: args, used } = variables.track(() => {
            const rendered = [`where: ${renderValue(spec.where, variables)}`];
            if (spec.groupBy.length > 0) {
                const groupBy: Filter = {};
                for (const key of spec.groupBy)
                    groupBy[key.field] = key.fn ? { function: enumValue(key.fn) } : { group: true };
                rendered.push(`groupBy: ${renderValue(groupBy, variables)}`, `first: ${MAX_GROUPS}`);
            }
            return rendered;
        });
        const pageInfo = spec.groupBy.length === 0 ? null : spec.paged ? 'hasNextPage endCursor' : 'hasNextPage';
        place({
            alias: aliases[i],
            object: spec.object,
            groupBy: spec.groupBy,
            selections: spec.selections,
            ...(spec.slice ? { slice: spec.slice } : {}),
            text: { args, selection: renderSelection(spec), pageInfo, variables: used },
        });
    });
    extras.aggregates.forEach((extra, i) => {
        const { result: args, used } = variables.track(() => [
            ...(Object.keys(extra.where).length > 0 ? [`where: ${renderValue(extra.where, variables)}`] : []),
            `groupBy: { ${extra.groupBy}: { group: true } }`,
            `first: ${extra.first}`,
        ]);
        const selection = [`${extra.groupBy} { ${extra.keySelection ?? 'value'} }`, ...extra.select].join(' ');
        place({
            alias: `x${i}`,
            object: extra.object,
            groupBy: [{ field: extra.groupBy }],
            selections: [],
            extra: extra.key,
            text: { args, selection, pageInfo: extra.paged ? 'hasNextPage endCursor' : 'hasNextPage', variables: used },
        });
    });
    const records: PlannedRecords[] = [];
    const recordBody: string[] = [];
    // Aggregates first, then `query {`: its subqueries start after the aggregate block closes and the query opens.
    line += subqueries.length > 0 ? 2 : 0;
    extras.records.forEach((spec, i) => {
        const alias = `r${i}`;
        const lines = recordsLines(alias, spec, variables);
        records.push({
            key: spec.key,
            kpi: spec.kpi,
            alias,
            object: spec.object,
            fields: spec.fields,
            lines: [line, line + lines.length - 1],
        });
        line += lines.length;
        recordBody.push(...lines);
    });
    const query = uiapiSections(
        name,
        variables.declarations(),
        [
            ...(body.length > 0 ? [{ kind: 'aggregate', body }] : []),
            ...(recordBody.length > 0 ? [{ kind: 'query', body: recordBody }] : []),
        ],
        objectInfosLines(extras.objectInfos),
    );
    return {
        query,
        variables: variables.values(),
        operationName: name,
        subqueries,
        keys,
        records,
        objectInfos: [...extras.objectInfos],
    };
}
