/**
 * One UI API GraphQL document per board: `uiapi.aggregate` subqueries grouped by owner for the ranked KPI in the
 * current and the comparison window, the secondary KPIs in the current window, the ranked users (an aggregate on
 * User grouped by Id, paged in groups like the KPI subqueries), and the values the
 * filter bar offers. Every grouped subquery pages its groups (`first: 2000`, `after`), never records.
 */
import {
    FIRST_SUBQUERY_LINE,
    MAX_GROUPS,
    MAX_SUBQUERIES,
    aggregateSubquery,
    allOf,
    boundsCondition,
    dateFieldType,
    nest,
    renderFilter,
    serverDateCondition,
    serverPeriod,
    uiapiDocument,
    windowBounds,
} from 'c/kpiPlanner';
import { comparisonWindow, currentWindow, startOfDayMs, todayIn } from 'c/kpiPeriods';
import type { DateWindow, ViewerCalendar } from 'c/kpiPeriods';
import { FILTER_FIELDS, NO_SEMI_JOIN } from './boardKpis';
import type { BoardKpi, BoardPart, PartRole } from './boardKpis';
import type { BoardConfig, BoardFilter } from './boardConfig';
import type { Filter, FilterValue } from 'c/kpiCatalog';

/** Groups one page holds: the most a subquery returns (query-limits), so 2,000 reps need one page per subquery. */
export const GROUPS_PER_PAGE = MAX_GROUPS;
/**
 * Pages fetched per subquery before the board says it is incomplete (4,000 groups). Aggregate results cannot use a
 * server-side cursor (SOQL: no queryMore with GROUP BY), and the preview engine, like SOQL's OFFSET, refuses to skip
 * more than 2,000 groups, so a third page would fail the subquery instead of completing it.
 */
export const MAX_PAGES = 2;
/** Values the filter bar offers at most per filter. */
export const MAX_OPTIONS = 200;

export type BoardWindow = 'current' | 'comparison';

export interface BoardContext {
    /** The viewer's User Id (`@salesforce/user/Id`): highlights their row and answers managerId "me". */
    userId: string;
    now: Date;
    timeZone: string;
    /** 1 = Sunday … 7 = Saturday (`@salesforce/i18n/firstDayOfWeek`). */
    firstDayOfWeek: number;
    /** Parts left out after the server refused them, so the rest can still be shown. */
    without?: BoardOmissions;
}

export interface BoardOmissions {
    secondary?: string[];
    comparison?: boolean;
    options?: boolean;
    targetField?: boolean;
}

export interface KpiRead {
    kpi: string;
    window: BoardWindow;
    part: PartRole;
}

export interface BoardSubquery {
    alias: string;
    object: string;
    role: 'kpi' | 'users' | 'owners' | 'options';
    /** The KPI parts this subquery answers (identical subqueries of several KPIs are merged). */
    reads: KpiRead[];
    filter?: BoardFilter;
    /** The group key field. */
    groupField: string;
    sumField?: string;
    countField?: boolean;
    /** Pages through its groups with `after`. */
    paged: boolean;
    /** First and last line (1-based) in the document, to place errors that carry a location. */
    lines: [number, number];
    /** Variables the subquery uses, for page documents that repeat it alone. */
    variables: string[];
    /** Rendered `where` input; empty for none. */
    where: string;
    /** Rendered aggregate selection. */
    selection: string;
}

export interface BoardDocument {
    query: string;
    variables: Record<string, string>;
    /** GraphQL type of each variable. */
    variableTypes: Record<string, string>;
    operationName: string;
    subqueries: BoardSubquery[];
}

export interface BoardPlan extends BoardDocument {
    config: BoardConfig;
    calendar: ViewerCalendar;
    /** The ranked KPI first, then the secondary KPIs the document holds. */
    kpis: BoardKpi[];
    /** Secondary KPIs left out: over the subquery budget or refused by the server. */
    droppedSecondary: string[];
    window: DateWindow;
    /** The whole period the window belongs to (for pace). */
    fullWindow: DateWindow;
    comparisonWindow: DateWindow | null;
    /** The User field read as each rep's target, when the document selects it. */
    targetField: string | null;
    userId: string;
}

const variable = (name: string): FilterValue => ({ $var: name });

/** One condition per field, so several fields are ANDed explicitly rather than by position in one object. */
function split(filter: Filter): Filter[] {
    return Object.entries(filter).map(([key, value]) => ({ [key]: value }));
}

/** Renders filter data as GraphQL input text, `$var` marking a variable; adds the variables it names to `used`. */
function render(value: FilterValue, used: Set<string>): string {
    return renderFilter(value, (marker) => {
        if (typeof marker.$var !== 'string') return undefined;
        used.add(marker.$var);
        return `$${marker.$var}`;
    });
}

interface WindowUse {
    window: DateWindow;
    /** Dates go to the server as the period's literal or range (the org's fiscal settings apply). */
    server: boolean;
    prefix: string;
}

interface Variables {
    define(name: string, type: string, value: string): FilterValue;
    types: Map<string, string>;
    values: Record<string, string>;
}

function variableTable(): Variables {
    const types = new Map<string, string>();
    const values: Record<string, string> = {};
    return {
        types,
        values,
        define(name, type, value) {
            types.set(name, type);
            values[name] = value;
            return variable(name);
        },
    };
}

/** The condition for "dated in the window", or with `before` "dated before the window starts". */
function dateCondition(
    use: WindowUse,
    type: 'Date' | 'DateTime',
    vars: Variables,
    timeZone: string,
    before = false,
): FilterValue {
    const { window } = use;
    if (use.server) {
        const period = serverPeriod(window);
        if (period && before) return { lt: period };
        const inWindow = serverDateCondition(window);
        if (inWindow) return inWindow;
    }
    const bounds = windowBounds(window, type, timeZone);
    const suffix = type === 'Date' ? '' : 'Time';
    const start = vars.define(`${use.prefix}Start${suffix}`, type, bounds.start);
    if (before) return { lt: { value: start } };
    return boundsCondition(start, vars.define(`${use.prefix}End${suffix}`, type, bounds.end));
}

/** Conditions on the owning user: active, and in the chosen role, profile or manager's team. */
function cohortConditions(config: BoardConfig, vars: Variables, userId: string): Filter[] {
    const users = config.rankedUsers;
    const conditions: Filter[] = [{ IsActive: { eq: true } }];
    if (users.mode === 'role') {
        conditions.push({ UserRole: { DeveloperName: { eq: vars.define('roleName', 'String', users.roleName) } } });
    } else if (users.mode === 'profile') {
        conditions.push({ Profile: { Name: { eq: vars.define('profileName', 'String', users.profileName) } } });
    } else if (users.mode === 'team') {
        conditions.push({ ManagerId: { eq: vars.define('managerId', 'ID', users.managerId ?? userId) } });
    }
    return conditions;
}

function filterConditions(config: BoardConfig, object: string, vars: Variables): Filter[] {
    const conditions: Filter[] = [];
    for (const name of Object.keys(FILTER_FIELDS) as BoardFilter[]) {
        const field = FILTER_FIELDS[name][object];
        const value = config.filters[name];
        if (field && value !== null) conditions.push({ [field]: { eq: vars.define(name, 'Picklist', value) } });
    }
    return conditions;
}

function partWhere(
    part: BoardPart,
    use: WindowUse,
    config: BoardConfig,
    vars: Variables,
    context: BoardContext,
    owner: Filter[],
): Filter {
    const conditions: Filter[] = [...split(part.filter)];
    if (part.dateField !== null) {
        const type = dateFieldType(part.object, part.dateField);
        conditions.push(nest(part.dateField, dateCondition(use, type, vars, context.timeZone)));
    }
    if (part.firstChild) {
        const child = part.firstChild;
        const type = dateFieldType(child.object, child.dateField);
        const inWindow = allOf([
            ...split(child.filter),
            nest(child.dateField, dateCondition(use, type, vars, context.timeZone)),
            ...filterConditions(config, child.object, vars),
        ]);
        const before = allOf([
            ...split(child.filter),
            nest(child.dateField, dateCondition(use, type, vars, context.timeZone, true)),
        ]);
        conditions.push({ Id: { inq: { [child.object]: inWindow, ApiName: child.link } } });
        conditions.push({ Id: { ninq: { [child.object]: before, ApiName: child.link } } });
    } else {
        conditions.push(...filterConditions(config, part.object, vars));
    }
    conditions.push(...owner.map((condition) => nest(part.ownerPath, condition as FilterValue)));
    return allOf(conditions);
}

interface Spec {
    key: string;
    object: string;
    role: BoardSubquery['role'];
    reads: KpiRead[];
    filter?: BoardFilter;
    groupField: string;
    where: string;
    used: Set<string>;
    selection: string[];
    sumField?: string;
    countField?: boolean;
    paged: boolean;
}

function kpiSelection(spec: Spec): string[] {
    const selection = [`${spec.groupField} { value }`, 'Id { count { value } }'];
    if (spec.sumField) {
        // A measured field the viewer cannot see is left out (@optional) instead of failing the whole board.
        const fns = spec.countField ? 'sum { value } count { value }' : 'sum { value }';
        selection.push(`${spec.sumField} @optional { ${fns} }`);
    }
    return selection;
}

function kpiSpecs(
    kpi: BoardKpi,
    window: BoardWindow,
    use: WindowUse,
    config: BoardConfig,
    vars: Variables,
    context: BoardContext,
): Spec[] {
    return kpi.parts.map((part) => {
        const used = new Set<string>();
        const owner = cohortConditions(config, vars, context.userId);
        const where = render(partWhere(part, use, config, vars, context, owner), used);
        return {
            key: JSON.stringify([part.object, where, part.ownerField]),
            object: part.object,
            role: 'kpi' as const,
            reads: [{ kpi: kpi.id, window, part: part.role }],
            groupField: part.ownerField,
            where,
            used,
            selection: [],
            sumField: part.sumField,
            countField: part.countField,
            paged: true,
        };
    });
}

/** An instant on the same day `years` years before the viewer's today (29 February becomes the 28th). */
function yearsEarlier(now: Date, years: number, timeZone: string): Date {
    if (years === 0) return now;
    const [year, month, day] = todayIn(now, timeZone).split('-').map(Number);
    const lastDay = new Date(Date.UTC(year - years, month, 0)).getUTCDate();
    const pad = (n: number, width = 2) => String(n).padStart(width, '0');
    const date = `${pad(year - years, 4)}-${pad(month)}-${pad(Math.min(day, lastDay))}`;
    return new Date(startOfDayMs(date, timeZone) + 12 * 3_600_000);
}

type Rendered = Pick<BoardSubquery, 'alias' | 'object' | 'where' | 'groupField' | 'selection' | 'paged'>;

function renderSubquery(subquery: Rendered, after: string | null): string[] {
    const args = [
        ...(subquery.where ? [`where: ${subquery.where}`] : []),
        `groupBy: { ${subquery.groupField}: { group: true } }`,
        `first: ${subquery.paged ? GROUPS_PER_PAGE : MAX_OPTIONS}`,
        ...(after ? [`after: $${after}`] : []),
    ];
    const pageInfo = subquery.paged ? 'hasNextPage endCursor' : null;
    return aggregateSubquery(subquery.alias, subquery.object, args, subquery.selection, pageInfo);
}

/** The document around the subqueries, declaring the variables they use; returns each subquery's lines. */
function assemble(
    name: string,
    items: { subquery: BoardSubquery; after: string | null }[],
    types: Record<string, string>,
): { query: string; lines: [number, number][] } {
    const body: string[] = [];
    const lines: [number, number][] = [];
    const declared = new Set<string>();
    let line = FIRST_SUBQUERY_LINE;
    for (const { subquery, after } of items) {
        const rendered = renderSubquery(subquery, after);
        subquery.variables.forEach((v) => declared.add(v));
        if (after) declared.add(after);
        lines.push([line, line + rendered.length - 1]);
        line += rendered.length;
        body.push(...rendered);
    }
    const declarations = [...declared].map((v) => `$${v}: ${types[v]}`).join(', ');
    return { query: uiapiDocument(name, declarations, 'aggregate', body), lines };
}

/** Which filters the bar offers, on which object: the ranked KPI's first object the filter reaches. */
function optionObjects(kpis: BoardKpi[]): { filter: BoardFilter; object: string; field: string }[] {
    const found: { filter: BoardFilter; object: string; field: string }[] = [];
    for (const filter of Object.keys(FILTER_FIELDS) as BoardFilter[]) {
        for (const kpi of kpis) {
            const object = kpi.parts
                .map((part) => part.firstChild?.object ?? part.object)
                .find((o) => FILTER_FIELDS[filter][o]);
            if (object) {
                found.push({ filter, object, field: FILTER_FIELDS[filter][object] });
                break;
            }
        }
    }
    return found;
}

export interface BoardWindows {
    calendar: ViewerCalendar;
    /** The days the board counts. */
    window: DateWindow;
    /** The whole period the window belongs to (for pace). */
    fullWindow: DateWindow;
    comparison: DateWindow | null;
}

/**
 * The days a board counts: the period `yearsBack` years before today, to date for events in the current year, whole
 * for a past year and for what is due (open pipeline); and the window it is compared with.
 */
export function boardWindows(
    config: BoardConfig,
    context: Pick<BoardContext, 'now' | 'timeZone' | 'firstDayOfWeek'>,
): BoardWindows {
    const calendar: ViewerCalendar = {
        timeZone: context.timeZone,
        firstDayOfWeek: context.firstDayOfWeek,
        fiscalYearStartMonth: config.fiscalYearStartMonth,
    };
    const now = yearsEarlier(context.now, config.yearsBack, context.timeZone);
    const toDate = config.kpi.timing === 'event' && config.yearsBack === 0;
    return {
        calendar,
        window: currentWindow(config.period, now, calendar, toDate),
        fullWindow: currentWindow(config.period, now, calendar, false),
        comparison:
            config.comparison === 'none'
                ? null
                : (comparisonWindow(config.period, config.comparison, now, calendar, toDate) ?? null),
    };
}

/**
 * Plans the board's one document. Subqueries go in order of need (the ranked KPI now, the users, the comparison, the
 * filter values, then each secondary KPI whole) until the ten the API allows are used; secondary KPIs that do not fit
 * are listed in `droppedSecondary`.
 */
export function planBoard(config: BoardConfig, context: BoardContext): BoardPlan {
    const without = context.without ?? {};
    const kpi = config.kpi;
    const { calendar, window, fullWindow, comparison: compared } = boardWindows(config, context);
    const comparison = without.comparison ? null : compared;
    const past = config.yearsBack > 0;

    const vars = variableTable();
    const specs = new Map<string, Spec>();
    const budget = MAX_SUBQUERIES;
    // Identical subqueries (same object, filter and owner field) are one, unless they sum different fields.
    const keyOf = (spec: Spec): string => {
        const existing = specs.get(spec.key);
        const clash = existing?.sumField && spec.sumField && existing.sumField !== spec.sumField;
        return clash ? `${spec.key}|${spec.sumField}` : spec.key;
    };
    const add = (list: Spec[]): boolean => {
        const keyed = list.map((spec) => ({ ...spec, key: keyOf(spec) }));
        const fresh = new Set(keyed.filter((spec) => !specs.has(spec.key)).map((spec) => spec.key));
        if (specs.size + fresh.size > budget) return false;
        for (const spec of keyed) {
            const existing = specs.get(spec.key);
            if (existing) {
                existing.reads.push(...spec.reads);
                existing.sumField ??= spec.sumField;
                existing.countField ||= spec.countField;
            } else specs.set(spec.key, spec);
        }
        return true;
    };

    const current: WindowUse = { window, server: !past, prefix: 'from' };
    add(kpiSpecs(kpi, 'current', current, config, vars, context));

    const targetField = config.target.source === 'userField' && !without.targetField ? config.target.field : null;
    const usersUsed = new Set<string>();
    const userConditions = cohortConditions(config, vars, context.userId);
    const semiJoin = config.rankedUsers.mode === 'owners' && !NO_SEMI_JOIN.has(kpi.object);
    if (semiJoin) userConditions.push({ Id: { inq: { [kpi.object]: {}, ApiName: 'OwnerId' } } });
    // Team fields only when teams can be shown, the creation date only for movement: 2,000 users make the biggest part.
    const teams = (grouping: 'manager' | 'role') => config.groupBy === grouping || config.showFilters;
    const userSelection = [
        'Id { value }',
        'Name { max { value } }',
        ...(teams('manager') ? ['ManagerId { max { value } }', 'Manager { Name { max { value } } }'] : []),
        ...(teams('role') ? ['UserRoleId { max { value } }', 'UserRole { Name { max { value } } }'] : []),
        ...(comparison ? ['CreatedDate { min { value } }'] : []),
        ...(targetField ? [`${targetField} @optional { max { value } }`] : []),
    ];
    add([
        {
            key: 'users',
            object: 'User',
            role: 'users',
            reads: [],
            groupField: 'Id',
            where: render(allOf(userConditions), usersUsed),
            used: usersUsed,
            selection: userSelection,
            paged: true,
        },
    ]);
    if (config.rankedUsers.mode === 'owners' && !semiJoin) {
        const ownersUsed = new Set<string>();
        const ownerPath = kpi.parts[0].ownerPath;
        const conditions = cohortConditions(config, vars, context.userId).map((c) => nest(ownerPath, c as FilterValue));
        add([
            {
                key: 'owners',
                object: kpi.object,
                role: 'owners',
                reads: [],
                groupField: kpi.parts[0].ownerField,
                where: render(allOf(conditions), ownersUsed),
                used: ownersUsed,
                selection: [`${kpi.parts[0].ownerField} { value }`],
                paged: true,
            },
        ]);
    }
    if (comparison)
        add(kpiSpecs(kpi, 'comparison', { window: comparison, server: false, prefix: 'prev' }, config, vars, context));
    if (config.showFilters && !without.options) {
        for (const { filter, object, field } of optionObjects([kpi, ...config.secondary])) {
            add([
                {
                    key: `options:${filter}`,
                    object,
                    role: 'options',
                    reads: [],
                    filter,
                    groupField: field,
                    where: '',
                    used: new Set(),
                    selection: [`${field} { value label }`],
                    paged: false,
                },
            ]);
        }
    }
    const kept: BoardKpi[] = [kpi];
    const droppedSecondary: string[] = [];
    for (const other of config.secondary) {
        if (without.secondary?.includes(other.id) || !add(kpiSpecs(other, 'current', current, config, vars, context))) {
            droppedSecondary.push(other.id);
        } else kept.push(other);
    }

    const subqueries: BoardSubquery[] = [...specs.values()].map((spec, index) => ({
        alias: spec.role === 'kpi' ? `q${index}` : spec.role === 'options' ? `${spec.filter}Options` : spec.role,
        object: spec.object,
        role: spec.role,
        reads: spec.reads,
        ...(spec.filter ? { filter: spec.filter } : {}),
        groupField: spec.groupField,
        ...(spec.sumField ? { sumField: spec.sumField } : {}),
        ...(spec.countField ? { countField: true } : {}),
        paged: spec.paged,
        lines: [0, 0],
        variables: [...spec.used],
        where: spec.where,
        selection: (spec.role === 'kpi' ? kpiSelection(spec) : spec.selection).join(' '),
    }));
    const variableTypes = Object.fromEntries(vars.types);
    const { query, lines } = assemble(
        'KpiLeaderboard',
        subqueries.map((subquery) => ({ subquery, after: null })),
        variableTypes,
    );
    subqueries.forEach((subquery, index) => (subquery.lines = lines[index]));
    const used = new Set(subqueries.flatMap((s) => s.variables));
    return {
        query,
        variables: Object.fromEntries(Object.entries(vars.values).filter(([name]) => used.has(name))),
        variableTypes,
        operationName: 'KpiLeaderboard',
        subqueries,
        config,
        calendar,
        kpis: kept,
        droppedSecondary,
        window,
        fullWindow,
        comparisonWindow: comparison,
        targetField,
        userId: context.userId,
    };
}

/** The board's document text, for `gql`: the builder scripts/graphql/leaderboard-documents.ts registers. */
export function boardQuery(plan: BoardPlan | undefined): string {
    return plan?.query ?? '';
}

/**
 * A follow-up document for the subqueries that have more groups: each repeated alone with `after: $<alias>After`.
 * Cursors are keyed by alias; subqueries without a cursor are left out.
 */
export function planBoardPage(plan: BoardPlan, cursors: Record<string, string>): BoardDocument {
    const types = { ...plan.variableTypes };
    const items = plan.subqueries
        .filter((subquery) => subquery.paged && typeof cursors[subquery.alias] === 'string')
        .map((subquery) => {
            const after = `${subquery.alias}After`;
            types[after] = 'String';
            return { subquery: { ...subquery }, after };
        });
    const { query, lines } = assemble('KpiLeaderboardPage', items, types);
    const variables: Record<string, string> = {};
    for (const { subquery, after } of items) {
        for (const name of subquery.variables) variables[name] = plan.variables[name];
        variables[after] = cursors[subquery.alias];
    }
    return {
        query,
        variables,
        variableTypes: types,
        operationName: 'KpiLeaderboardPage',
        subqueries: items.map(({ subquery }, index) => ({ ...subquery, lines: lines[index] })),
    };
}

/** A page document's text, for `gql` (registered like boardQuery). */
export function boardPageQuery(page: BoardDocument | undefined): string {
    return page?.query ?? '';
}
