/**
 * The board's one document, planned by the shared planner (kpiPlanner): the ranked KPI grouped by owner in the
 * current and the comparison window and the secondary KPIs in the current window (KPI requests), plus what only a
 * board needs beside them (planner extras): the ranked users (User grouped by Id), the owners of the KPI's records
 * where a semi-join cannot find them, and the values the filter bar offers. Every grouped subquery pages its groups
 * (`first: 2000`, `after`), never records.
 */
import { MAX_GROUPS, nest, planKpis, planPage, teamCondition } from 'c/kpiPlanner';
import type { KpiDocument, KpiPlan, KpiRequest, PlannedSubquery, AggregateExtra } from 'c/kpiPlanner';
import { comparisonWindow, currentWindow, yearsEarlier } from 'c/kpiPeriods';
import type { DateWindow, ViewerCalendar } from 'c/kpiPeriods';
import { FILTER_FIELDS, NO_SEMI_JOIN } from './boardKpis';
import type { BoardKpi, PartRole } from './boardKpis';
import type { BoardConfig, BoardFilter } from './boardConfig';
import { TEAM_LEVELS } from 'c/kpiCatalog';
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

/** A subquery of the board's document, with what the board reads from it. */
export interface BoardSubquery extends PlannedSubquery {
    role: 'kpi' | 'users' | 'owners' | 'options';
    /** The KPI parts this subquery answers (identical subqueries of several KPIs are merged). */
    reads: KpiRead[];
    filter?: BoardFilter;
    /** Paged through its groups with `after`. */
    paged: boolean;
}

export interface BoardDocument {
    query: string;
    variables: Record<string, string>;
    operationName: string;
    subqueries: BoardSubquery[];
    /** The planner's document it is, for page documents (planPage). */
    document: KpiDocument;
}

export interface BoardPlan extends BoardDocument {
    config: BoardConfig;
    calendar: ViewerCalendar;
    /** The shared planner's plan: kpiResults reads the answer with it. */
    kpiPlan: KpiPlan;
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

/**
 * Conditions on the ranked users: active, and in the chosen role, profile or manager's team. A team is what scope
 * "team" means everywhere (kpiPlanner teamCondition): everyone below the manager in the management chain, down to
 * TEAM_LEVELS levels, which the platform lets a filter reach from under a record's Owner as well as on User itself.
 */
function cohort(config: BoardConfig): Filter {
    const users = config.rankedUsers;
    const conditions: Filter = { IsActive: { eq: true } };
    if (users.mode === 'role') conditions.UserRole = { DeveloperName: { eq: { $string: users.roleName } } };
    else if (users.mode === 'profile') conditions.Profile = { Name: { eq: { $string: users.profileName } } };
    else if (users.mode === 'team') {
        Object.assign(
            conditions,
            teamCondition(users.managerId ? { $id: users.managerId } : { $user: true }, TEAM_LEVELS),
        );
    }
    return conditions;
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

/** Which filters the bar offers, on which object: the ranked KPI's first object the filter reaches. */
function optionObjects(kpis: BoardKpi[]): { filter: BoardFilter; object: string; field: string }[] {
    const found: { filter: BoardFilter; object: string; field: string }[] = [];
    for (const filter of Object.keys(FILTER_FIELDS) as BoardFilter[]) {
        for (const kpi of kpis) {
            const object = kpi.parts.map((part) => part.datedObject).find((o) => FILTER_FIELDS[filter][o]);
            if (object) {
                found.push({ filter, object, field: FILTER_FIELDS[filter][object] });
                break;
            }
        }
    }
    return found;
}

/** The board's extras: ranked users (and the owners where no semi-join finds them) and the filter bar's values. */
function boardExtras(config: BoardConfig, targetField: string | null, comparison: boolean, withOptions: boolean) {
    const kpi = config.kpi;
    const users = cohort(config);
    // Only people who own a record of the KPI's object the viewer can see (of any date) are ranked: under private
    // sharing a rep whose records are hidden would otherwise rank at a zero that is not a zero (docs/kpis.md, "A
    // leaderboard that cannot lie"). A semi-join runs with the viewer's sharing, as every query does; Task and Event
    // allow none, so their owners are read apart.
    const semiJoin = !NO_SEMI_JOIN.has(kpi.object);
    const where: Filter = semiJoin ? { ...users, Id: { inq: { [kpi.object]: {}, ApiName: 'OwnerId' } } } : users;
    // Team fields only when teams can be shown, the creation date only for movement: 2,000 users make the biggest part.
    const teams = (grouping: 'manager' | 'role') => config.groupBy === grouping || config.showFilters;
    const extras: AggregateExtra[] = [
        {
            key: 'users',
            object: 'User',
            where,
            groupBy: 'Id',
            select: [
                'Name { max { value } }',
                ...(teams('manager') ? ['ManagerId { max { value } }', 'Manager { Name { max { value } } }'] : []),
                ...(teams('role') ? ['UserRoleId { max { value } }', 'UserRole { Name { max { value } } }'] : []),
                ...(comparison ? ['CreatedDate { min { value } }'] : []),
                ...(targetField ? [`${targetField} @optional { max { value } }`] : []),
            ],
            first: GROUPS_PER_PAGE,
            paged: true,
        },
    ];
    if (!semiJoin) {
        const [part] = kpi.parts;
        const ownerPath = part.ownerField.replace(/Id$/, '');
        extras.push({
            key: 'owners',
            object: kpi.object,
            where: nest(ownerPath, users as FilterValue),
            groupBy: part.ownerField,
            select: [],
            first: GROUPS_PER_PAGE,
            paged: true,
        });
    }
    if (withOptions) {
        for (const { filter, object, field } of optionObjects([kpi, ...config.secondary])) {
            extras.push({
                key: `options:${filter}`,
                object,
                where: {},
                groupBy: field,
                keySelection: 'value label',
                select: [],
                first: MAX_OPTIONS,
            });
        }
    }
    return extras;
}

const WINDOW_OF: Record<'current' | 'comparison', BoardWindow> = { current: 'current', comparison: 'comparison' };

/** The planner's subqueries as the board reads them: which KPI parts or which extra each answers. */
function boardSubqueries(plan: KpiPlan, document: KpiDocument): BoardSubquery[] {
    return document.subqueries.map((subquery) => {
        const paged = subquery.text.pageInfo?.includes('endCursor') === true;
        if (subquery.extra) {
            const [kind, filter] = subquery.extra.split(':');
            return {
                ...subquery,
                role: kind as BoardSubquery['role'],
                reads: [],
                ...(filter ? { filter: filter as BoardFilter } : {}),
                paged,
            };
        }
        const reads: KpiRead[] = [];
        for (const request of plan.requests) {
            for (const window of ['current', 'comparison'] as const) {
                for (const [part, aliases] of Object.entries(request.reads[window] ?? {})) {
                    if (aliases.includes(subquery.alias)) {
                        reads.push({ kpi: request.kpi, window: WINDOW_OF[window], part: part as PartRole });
                    }
                }
            }
        }
        return { ...subquery, role: 'kpi', reads, paged };
    });
}

/** A board document from a planner document: the text, variables and subqueries as the board reads them. */
function boardDocument(plan: KpiPlan, document: KpiDocument): BoardDocument {
    return {
        query: document.query,
        variables: document.variables,
        operationName: document.operationName,
        subqueries: boardSubqueries(plan, document),
        document,
    };
}

/**
 * Plans the board's one document through the shared planner: the ranked KPI grouped by owner (now and, unless left
 * out, in the comparison window), the users, the owners, the filter values, then each secondary KPI whole, while
 * they fit in one document of ten subqueries; secondary KPIs that do not fit are listed in `droppedSecondary`.
 */
export function planBoard(config: BoardConfig, context: BoardContext): BoardPlan {
    const without = context.without ?? {};
    const { calendar, window, fullWindow, comparison: compared } = boardWindows(config, context);
    const comparison = without.comparison ? null : compared;
    const targetField = config.target.source === 'userField' && !without.targetField ? config.target.field : null;
    const filters = Object.fromEntries(
        Object.entries(config.filters).filter((entry): entry is [string, string] => entry[1] !== null),
    );
    const request = (kpi: BoardKpi, compare: boolean): KpiRequest => ({
        key: kpi.id,
        kpi: kpi.id,
        period: config.period,
        comparison: compare && comparison ? config.comparison : 'none',
        scope: 'all',
        groupBy: 'owner',
        filters,
        owners: cohort(config),
        yearsBack: config.yearsBack,
        paged: true,
        // Names come once, with the users: not again beside every KPI's groups.
        groupNames: false,
    });
    const planContext = { userId: context.userId, now: context.now, calendar, documentName: 'KpiLeaderboard' };
    const extras = {
        aggregates: boardExtras(config, targetField, comparison !== null, config.showFilters && !without.options),
    };
    const wanted = config.secondary.filter((other) => !without.secondary?.includes(other.id));
    let kept = wanted;
    let kpiPlan = planKpis([request(config.kpi, true), ...kept.map((k) => request(k, false))], planContext, extras);
    // One request per render: secondary KPIs are left out from the last until the rest fits one document.
    while (kpiPlan.documents.length > 1 && kept.length > 0) {
        kept = kept.slice(0, -1);
        kpiPlan = planKpis([request(config.kpi, true), ...kept.map((k) => request(k, false))], planContext, extras);
    }
    const droppedSecondary = config.secondary.filter((other) => !kept.includes(other)).map((other) => other.id);
    return {
        ...boardDocument(kpiPlan, kpiPlan.documents[0]),
        config,
        calendar,
        kpiPlan,
        kpis: [config.kpi, ...kept],
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
 * A follow-up document for the subqueries that have more groups: each repeated alone with `after: $<alias>After`
 * (the planner's planPage). Cursors are keyed by alias; subqueries without a cursor are left out.
 */
export function planBoardPage(plan: BoardPlan, cursors: Record<string, string>): BoardDocument {
    return boardDocument(plan.kpiPlan, planPage(plan.document, cursors));
}

/** A page document's text, for `gql` (registered like boardQuery). */
export function boardPageQuery(page: BoardDocument | undefined): string {
    return page?.query ?? '';
}
