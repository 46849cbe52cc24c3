/**
 * The tile documents the fuzz properties mutate (issue 11): each fixture's plan, as scripts/generate-tile-fixtures.ts
 * plans it, with its real answer; and what a result shows as numbers, to compare a mutated answer's with.
 */
import { PRESETS } from 'c/kpiConfig';
import { planKpis } from 'c/kpiPlanner';
import type { KpiPlan } from 'c/kpiPlanner';
import type { KpiResult } from 'c/kpiResults';
import { kpiRequest } from './kpiFixtures';
import fc from 'fast-check';
import { mutatedAnswers } from './kpiFuzz';
import type { Json, Mutated } from './kpiFuzz';
import salesTeam from '../../main/default/lwc/kpiBoard/__tests__/data/boardSalesTeam.json';
import closedWonRevenue from '../../main/default/lwc/kpiMetric/__tests__/data/metricClosedWonRevenue.json';
import winRateTeam from '../../main/default/lwc/kpiMetric/__tests__/data/metricWinRateTeam.json';

export const FIXTURE_CONTEXT = {
    userId: '005000000000000000',
    now: new Date('2024-05-20T16:00:00Z'),
    calendar: { timeZone: 'America/Los_Angeles', firstDayOfWeek: 1, fiscalYearStartMonth: 1 },
};

const SETTINGS: Record<string, Record<string, string>> = { pipelineCoverage: { quotaField: 'Sales_Quota__c' } };

export interface TileCase {
    name: string;
    plan: KpiPlan;
    data: Json;
}

/** The tile documents of the fixtures, planned as the fixture script plans them, with their answers. */
export function tileCases(): TileCase[] {
    const board = (kpi: string) => kpiRequest(kpi, { scope: 'team', sparkline: 4, settings: SETTINGS[kpi] ?? {} });
    const cases: [string, KpiPlan, { documents: { query: string; response: unknown }[] }][] = [
        ['closedWonRevenue', planKpis([kpiRequest('closedWonRevenue')], FIXTURE_CONTEXT), closedWonRevenue],
        [
            'winRateTeam',
            planKpis([kpiRequest('winRate', { comparison: 'samePeriodLastYear', scope: 'team' })], FIXTURE_CONTEXT),
            winRateTeam,
        ],
        ['salesTeam', planKpis(PRESETS.sales.map(board), FIXTURE_CONTEXT), salesTeam],
    ];
    return cases.map(([name, plan, fixture]) => {
        if (plan.documents[0].query !== fixture.documents[0].query) throw new Error(`${name}: the fixture drifted`);
        return { name, plan, data: (fixture.documents[0].response as { data: Json }).data };
    });
}

/** Answers of any of the cases, each mutated (kpiFuzz mutatedAnswers), with the case it came from. */
export function mutatedTileAnswers<C extends TileCase>(cases: readonly C[]): fc.Arbitrary<{ c: C; mutated: Mutated }> {
    return fc.oneof(
        ...cases.map((c) =>
            mutatedAnswers(
                c.data,
                c.plan.documents[0].subqueries.map((s) => s.alias),
            ).map((mutated) => ({ c, mutated })),
        ),
    );
}

/** What a result shows as numbers: the value and its parts, the comparison, the trend, the groups. */
export function numbersOf(result: KpiResult) {
    return {
        current: {
            status: result.status,
            value: result.value,
            sampleSize: result.sampleSize,
            parts: result.parts,
            sparkline: result.sparkline.map((p) => [p.value, p.sampleSize, p.parts]),
            groups: result.groups?.map((g) => [g.key, g.value, g.sampleSize, g.parts]),
        },
        comparison: {
            value: result.comparisonValue,
            sampleSize: result.comparisonSampleSize,
            parts: result.comparisonParts,
            groups: result.groups?.map((g) => [g.key, g.comparisonValue, g.comparisonSampleSize]),
        },
        target: { target: result.target },
    };
}

/** Why a mutated result's numbers may differ from the original's; undefined when they may not. */
export function marker(result: KpiResult, part: 'current' | 'comparison' | 'target'): string | undefined {
    if (result.error && result.error.messages.length > 0 && result.error.messages.every(Boolean)) return 'error';
    if (part === 'comparison' && result.comparisonError?.messages.length) return 'comparison unavailable';
    if (part === 'target' && result.targetError?.messages.length) return 'target unavailable';
    return undefined;
}
