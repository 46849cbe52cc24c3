/**
 * The KPIs a leaderboard can rank: every catalog KPI that groups by owner and adds up per owner, read through
 * kpiCatalog, plus the leaderboard's own "new logos", which the catalog cannot express yet (its filters cannot name the
 * start of the period, and the KPI needs "no won deal before the period").
 */
import { KPI_CATALOG, KPI_OBJECTS, KPI_SETTINGS, isGroupableByOwner, kpiParts } from 'c/kpiCatalog';
import type { Filter, FilterValue, KpiDefinition, KpiUnit, ResolvedPart, Timing } from 'c/kpiCatalog';

/** How the parts of a KPI make its number, per owner and for a team (whose parts are added up first). */
export type Combine = 'count' | 'sum' | 'perRecord' | 'average' | 'share' | 'ratio';

export type PartRole = 'value' | 'whole' | 'share' | 'numerator' | 'denominator';

/** Records whose first child record matching `filter` is dated in the window (first won deal of an account). */
export interface FirstChild {
    object: string;
    /** The child's reference to the parent (`AccountId`). */
    link: string;
    filter: Filter;
    dateField: string;
}

/** One population counted per owner: one aggregate subquery grouped by the owner field. */
export interface BoardPart {
    role: PartRole;
    object: string;
    filter: Filter;
    /** Field the period applies to; null when the part is dated through `firstChild`. */
    dateField: string | null;
    /** Summed beside the record count (Amount). */
    sumField?: string;
    /** Also count records with a value in `sumField`, the divisor of an average. */
    countField?: boolean;
    firstChild?: FirstChild;
    /** Field holding the owner's Id (the group key). */
    ownerField: string;
    /** Relationship path to the owning User, for filters on the owner (`Owner`, `Owner.User` where polymorphic). */
    ownerPath: string;
}

export interface BoardKpi {
    id: string;
    /** Custom label names (catalog names for catalog KPIs). */
    label: string;
    help: string;
    /** The object whose owners are ranked and whose records the drill-down shows. */
    object: string;
    unit: KpiUnit;
    higherIsBetter: boolean;
    timing: Timing;
    combine: Combine;
    /** Counts and sums add up across reps (team totals, pace); rates and averages do not. */
    additive: boolean;
    /** A rate or average resting on fewer records is listed unranked; 0 for additive KPIs. */
    minSample: number;
    multiplier: number;
    parts: BoardPart[];
    drillDown: { object: string; listView: string };
    /** False for KPIs the leaderboard defines itself: they should move into kpiCatalog. */
    fromCatalog: boolean;
}

/** Filter fields the board's filters set, per object the filter can reach. */
export const FILTER_FIELDS: Record<'opportunityType' | 'leadSource', Record<string, string>> = {
    opportunityType: { Opportunity: 'Type' },
    leadSource: { Opportunity: 'LeadSource', Lead: 'LeadSource' },
};

// SOQL refuses Task and Event as the inner select of a semi-join ("Entity 'Task' is not supported for semi join
// inner selects"), so their owners are found by a grouped aggregate instead (see boardDocument).
export const NO_SEMI_JOIN = new Set(['Task', 'Event']);

const SETTING_DEFAULTS = Object.fromEntries(Object.values(KPI_SETTINGS).map((s) => [s.id, s.default]));

/** A catalog filter with every admin setting at its default (the leaderboard exposes none of them yet). */
export function resolveDefaults(value: FilterValue): FilterValue {
    if (Array.isArray(value)) return value.map(resolveDefaults);
    if (typeof value === 'object' && value !== null) {
        const { setting } = value as { setting?: unknown };
        if (typeof setting === 'string' && Object.keys(value).length === 1) {
            return SETTING_DEFAULTS[setting] as FilterValue;
        }
        return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, resolveDefaults(inner)]));
    }
    return value;
}

function fieldName(ref: unknown): string {
    return typeof ref === 'string' ? ref : String(resolveDefaults(ref as FilterValue));
}

/** `Owner.User.ManagerId` → `Owner.User`: where the owning User sits, from the catalog's team scope path. */
function ownerPathOf(part: ResolvedPart): string {
    return part.scope.team.replace(/\.ManagerId$/, '');
}

function boardPart(role: PartRole, part: ResolvedPart, extra: Filter = {}): BoardPart {
    const { fn, field } = part.aggregate;
    return {
        role,
        object: part.object,
        filter: { ...(resolveDefaults(part.filter) as Filter), ...extra },
        dateField: part.dateField === null ? null : fieldName(part.dateField),
        ...(fn === 'sum' || fn === 'avg' ? { sumField: fieldName(field) } : {}),
        ...(fn === 'avg' ? { countField: true } : {}),
        ownerField: part.scope.mine,
        ownerPath: ownerPathOf(part),
    };
}

/** The share measure's condition: `IsWon: { eq: true }` for one boolean, `in` for a list of values. */
function shareCondition(field: string, values: FilterValue): Filter {
    const list = Array.isArray(values) ? values : [values];
    return list.length === 1 && typeof list[0] === 'boolean' ? { [field]: { eq: list[0] } } : { [field]: { in: list } };
}

/** The catalog KPI as the leaderboard reads it, or undefined when it cannot be ranked per owner. */
export function fromCatalog(kpi: KpiDefinition): BoardKpi | undefined {
    if (!isGroupableByOwner(kpi)) return undefined;
    const parts = kpiParts(kpi);
    // Owners must be a plain field of the record (not a parent's owner) to group by them.
    if (parts.some((part) => part.scope.mine.includes('.'))) return undefined;
    const base = {
        id: kpi.id,
        label: kpi.label,
        help: kpi.help,
        object: kpi.object,
        unit: kpi.unit,
        higherIsBetter: kpi.higherIsBetter,
        timing: kpi.timing,
        multiplier: 1,
        drillDown: kpi.drillDown,
        fromCatalog: true,
    };
    const measure = kpi.measure;
    const rateMinimum = kpi.minSample ?? 0;
    switch (measure.kind) {
        case 'aggregate': {
            const { fn } = measure.aggregate;
            if (fn === 'countDistinct') return undefined;
            const combine: Combine =
                fn === 'count' ? 'count' : fn === 'avg' ? 'average' : measure.perRecord ? 'perRecord' : 'sum';
            const additive = combine === 'count' || combine === 'sum';
            const multiplier =
                measure.multiplier && SETTING_DEFAULTS[measure.multiplier.setting] === true
                    ? measure.multiplier.factor
                    : 1;
            return {
                ...base,
                combine,
                additive,
                minSample: additive ? 0 : rateMinimum,
                multiplier,
                parts: [boardPart('value', parts[0])],
            };
        }
        case 'share': {
            const field = fieldName(measure.field);
            const values = resolveDefaults(measure.values as FilterValue);
            return {
                ...base,
                combine: 'share',
                additive: false,
                minSample: rateMinimum,
                parts: [boardPart('whole', parts[0]), boardPart('share', parts[0], shareCondition(field, values))],
            };
        }
        case 'ratio':
            return {
                ...base,
                combine: 'ratio',
                additive: false,
                minSample: rateMinimum,
                parts: [boardPart('numerator', parts[0]), boardPart('denominator', parts[1])],
            };
        default:
            return undefined;
    }
}

/**
 * New logos: accounts whose first won opportunity closes in the period, credited to the account's owner. Exact and
 * aggregate-only: Account grouped by OwnerId, with a semi-join (a won deal in the period) and an anti-join (no won
 * deal before it). Crediting the first deal's owner instead is not expressible: an Opportunity semi-join inside an
 * Opportunity query is refused by SOQL, and semi-joins cannot nest.
 */
export const NEW_LOGOS: BoardKpi = {
    id: 'newLogos',
    label: 'kpiLeaderboardNewLogos',
    help: 'kpiLeaderboardNewLogosHelp',
    object: 'Account',
    unit: 'count',
    higherIsBetter: true,
    timing: 'event',
    combine: 'count',
    additive: true,
    minSample: 0,
    multiplier: 1,
    parts: [
        {
            role: 'value',
            object: 'Account',
            filter: {},
            dateField: null,
            firstChild: {
                object: 'Opportunity',
                link: 'AccountId',
                filter: { IsWon: { eq: true } },
                dateField: 'CloseDate',
            },
            ownerField: KPI_OBJECTS.Opportunity.mine,
            ownerPath: 'Owner',
        },
    ],
    drillDown: { object: 'Account', listView: 'kpiNewLogos' },
    fromCatalog: false,
};

/** Every KPI a leaderboard ranks, catalog order first. */
export const BOARD_KPIS: readonly BoardKpi[] = [
    ...KPI_CATALOG.map(fromCatalog).filter((kpi): kpi is BoardKpi => kpi !== undefined),
    NEW_LOGOS,
];

const BY_ID = new Map(BOARD_KPIS.map((kpi) => [kpi.id, kpi]));

export function findBoardKpi(id: unknown): BoardKpi | undefined {
    return typeof id === 'string' ? BY_ID.get(id.trim()) : undefined;
}

/** The objects a filter reaches for a KPI: its parts' own objects and the child object of a first-child part. */
export function filteredObjects(kpi: BoardKpi): string[] {
    return [...new Set(kpi.parts.map((part) => part.firstChild?.object ?? part.object))];
}
