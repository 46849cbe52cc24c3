/**
 * A tile and a request as kpiConfig builds them from an untouched kpiMetric (this quarter against the previous one,
 * the viewer's own records, the default thresholds and trend), with what a test changes on top. One fixture for the
 * config, tile-model and tile tests and for scripts/generate-tile-fixtures.ts: plain data, no Jest, so the fixture
 * script imports it too.
 */
import type { KpiRequest } from 'c/kpiPlanner';
import type { TileInput } from 'c/kpiTileModel';

/** What the tile and the request of a KPI have in common: which KPI, over which window, whose records. */
function defaultsFor(kpi: string) {
    return {
        key: kpi,
        kpi,
        period: { kind: 'thisFiscalQuarter' as const },
        comparison: 'previousPeriod' as const,
        scope: 'mine' as const,
    };
}

/** The tile kpiConfig sets up for `kpi`, with `overrides`. */
export function tileInput(kpi: string, overrides: Partial<TileInput> = {}): TileInput {
    return {
        ...defaultsFor(kpi),
        target: null,
        amber: 80,
        green: 100,
        problems: [],
        ...overrides,
    };
}

/** The request kpiConfig sends the planner for `kpi`, with `overrides`. */
export function kpiRequest(kpi: string, overrides: Partial<KpiRequest> = {}): KpiRequest {
    return {
        ...defaultsFor(kpi),
        sparkline: 6,
        settings: {},
        ...overrides,
    };
}
