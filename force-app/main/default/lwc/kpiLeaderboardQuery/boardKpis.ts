/**
 * The KPIs a leaderboard can rank: every catalog KPI that groups by owner and adds up per owner, read from
 * kpiCatalog as it is. The leaderboard defines no KPI of its own; the shared planner and reader compute every number.
 */
import { KPI_CATALOG, KPI_FILTERS, isGroupableByOwner, kpiParts } from 'c/kpiCatalog';
import type { KpiDefinition, KpiUnit, ResolvedPart, Timing } from 'c/kpiCatalog';

/** How the parts of a KPI make its number: decides whether team totals add up (counts, sums) or not (rates). */
export type Combine = 'count' | 'sum' | 'perRecord' | 'average' | 'share' | 'ratio';

export type PartRole = ResolvedPart['role'];

/** One population of a ranked KPI: its object, where its owner sits, and the field it sums (hidden ones matter). */
export interface BoardPart {
    role: PartRole;
    object: string;
    /** Summed or averaged field (Amount); a viewer who cannot see it cannot be ranked on it. */
    sumField?: string;
    /** The object its dates come from: its own, or the first child's (new logos are dated by their first won deal). */
    datedObject: string;
    /** Field holding the owner's Id (the group key). */
    ownerField: string;
}

export interface BoardKpi {
    id: string;
    /** Custom label names (the catalog's). */
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
    parts: BoardPart[];
    drillDown: { object: string; listView: string };
}

/** Filter fields the board's filters set, per object the filter can reach: the catalog's filters. */
export const FILTER_FIELDS: Record<'opportunityType' | 'leadSource', Record<string, string>> = {
    opportunityType: KPI_FILTERS.opportunityType.fields,
    leadSource: KPI_FILTERS.leadSource.fields,
};

// SOQL refuses Task and Event as the inner select of a semi-join ("Entity 'Task' is not supported for semi join
// inner selects"), so their owners are found by a grouped aggregate instead (see boardDocument).
export const NO_SEMI_JOIN = new Set(['Task', 'Event']);

function fieldName(ref: unknown): string | undefined {
    return typeof ref === 'string' ? ref : undefined;
}

function combineOf(kpi: KpiDefinition): Combine | undefined {
    const measure = kpi.measure;
    switch (measure.kind) {
        case 'aggregate':
            if (measure.aggregate.fn === 'countDistinct') return undefined;
            if (measure.aggregate.fn === 'count') return 'count';
            if (measure.aggregate.fn === 'avg') return 'average';
            return measure.perRecord ? 'perRecord' : 'sum';
        case 'share':
            return 'share';
        case 'ratio':
            return 'ratio';
        default:
            return undefined;
    }
}

/** The catalog KPI as the leaderboard ranks it, or undefined when it cannot be ranked per owner. */
export function fromCatalog(kpi: KpiDefinition): BoardKpi | undefined {
    if (!isGroupableByOwner(kpi)) return undefined;
    const parts = kpiParts(kpi);
    // Owners must be a plain field of the record (not a parent's owner) to group by them.
    if (parts.some((part) => part.scope.mine.includes('.'))) return undefined;
    const combine = combineOf(kpi);
    if (!combine) return undefined;
    const additive = combine === 'count' || combine === 'sum';
    return {
        id: kpi.id,
        label: kpi.label,
        help: kpi.help,
        object: kpi.object,
        unit: kpi.unit,
        higherIsBetter: kpi.higherIsBetter,
        timing: kpi.timing,
        combine,
        additive,
        minSample: additive ? 0 : (kpi.minSample ?? 0),
        parts: parts.map((part) => {
            const { fn, field } = part.aggregate;
            const sumField = fn === 'sum' || fn === 'avg' ? fieldName(field) : undefined;
            return {
                role: part.role,
                object: part.object,
                ...(sumField ? { sumField } : {}),
                datedObject: part.firstChild?.object ?? part.object,
                ownerField: part.scope.mine,
            };
        }),
        drillDown: kpi.drillDown,
    };
}

/** Every KPI a leaderboard ranks, in catalog order. */
export const BOARD_KPIS: readonly BoardKpi[] = KPI_CATALOG.map(fromCatalog).filter(
    (kpi): kpi is BoardKpi => kpi !== undefined,
);

const BY_ID = new Map(BOARD_KPIS.map((kpi) => [kpi.id, kpi]));

export function findBoardKpi(id: unknown): BoardKpi | undefined {
    return typeof id === 'string' ? BY_ID.get(id.trim()) : undefined;
}

/** The objects a filter reaches for a KPI: its parts' own objects and the child object a part is dated by. */
export function filteredObjects(kpi: BoardKpi): string[] {
    return [...new Set(kpi.parts.map((part) => part.datedObject))];
}
