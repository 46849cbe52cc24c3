import assert from 'node:assert/strict';
import '../oracle/nodeLabels';
import { describe, it } from 'node:test';
import { KPI_CATALOG } from '../../force-app/main/default/lwc/kpiCatalog/kpiCatalog';
import { comparisonWindow, currentWindow, parsePeriod } from '../../force-app/main/default/lwc/kpiPeriods/kpiPeriods';
import type { Comparison, ViewerCalendar } from '../../force-app/main/default/lwc/kpiPeriods/kpiPeriods';
import { planKpis } from '../../force-app/main/default/lwc/kpiPlanner/kpiPlanner';
import type { KpiRequest, Scope } from '../../force-app/main/default/lwc/kpiPlanner/kpiPlanner';
import { readAllResults } from '../../force-app/main/default/lwc/kpiResults/kpiResults';
import type { KpiResult } from '../../force-app/main/default/lwc/kpiResults/kpiResults';
import { createEngine } from '../engine/index';
import { ORACLE_KPI_IDS, indexById, oracleKpi, oracleRevenueTarget } from '../oracle/kpis';
import type { OracleRequest, OracleSettings, OracleWindow } from '../oracle/kpis';
import { generateSampleOrg } from '../sample-org/index';

// Issue 4's "done when": every KPI computed from the generated records without engine or planner, and the tiles'
// numbers (plan → preview engine → readAllResults) equal to it for several periods, scopes, users and calendars.

interface Scenario {
    name: string;
    seed: number;
    now: string;
    fiscalYearStartMonth: number;
    timeZone: string;
    locale: string;
    currency: string;
    firstDayOfWeek: number;
    comparison: Comparison;
    periods: string[];
    settings?: Partial<OracleSettings>;
    target?: number;
    /** Sparkline periods; SPARKLINE unless given. */
    sparkline?: number;
}

const SCENARIOS: Scenario[] = [
    {
        name: 'fiscal year from April, Los Angeles, en-US',
        seed: 11,
        now: '2026-05-14T18:30:00Z',
        fiscalYearStartMonth: 4,
        timeZone: 'America/Los_Angeles',
        locale: 'en-US',
        currency: 'USD',
        firstDayOfWeek: 1,
        comparison: 'previousPeriod',
        periods: ['thisMonth', 'thisQuarter', 'thisFiscalYear', 'lastQuarter', 'rollingDays:90'],
    },
    {
        // 00:30 in Berlin on 4 November: the viewer's day already differs from UTC's.
        name: 'calendar fiscal year, Berlin, de-DE, monthly amounts and a tile target',
        seed: 23,
        now: '2026-11-03T23:30:00Z',
        fiscalYearStartMonth: 1,
        timeZone: 'Europe/Berlin',
        locale: 'de-DE',
        currency: 'EUR',
        firstDayOfWeek: 2,
        comparison: 'samePeriodLastYear',
        periods: ['thisWeek', 'thisFiscalQuarter', 'lastFiscalQuarter', 'thisFiscalYear', 'rollingDays:90'],
        settings: { amountsAreMonthly: true, openedStatuses: ['Responded'] },
        target: 400_000,
    },
    {
        // Far east of UTC with southern DST (+13/+12), fiscal quarters that are not calendar quarters (CALENDAR_MONTH
        // in two 12-month chunks), fiscal years in two month segments, and weeks from Monday.
        name: 'fiscal year from February, Auckland, en-NZ, six-period trend lines',
        seed: 37,
        now: '2026-03-31T12:15:00Z',
        fiscalYearStartMonth: 2,
        timeZone: 'Pacific/Auckland',
        locale: 'en-NZ',
        currency: 'NZD',
        firstDayOfWeek: 2,
        comparison: 'previousPeriod',
        periods: ['thisFiscalQuarter', 'lastFiscalYear', 'thisMonth', 'lastWeek'],
        sparkline: 6,
    },
];

const SIZE = 5000;
// Periods each trend line shows unless the scenario says otherwise.
const SPARKLINE = 4;
const SCOPES: Scope[] = ['mine', 'team', 'all'];
// KPIs about what is due take the whole period; the oracle reads both windows and decides per KPI itself.
const SNAPSHOTS = new Set(['pipelineValue', 'pipelineCoverage']);
const DURATIONS = new Set(['averageDaysLeadToOpportunity', 'averageSalesCycle']);
// No trend line: snapshots, durations and distinct counts do not add up bucket by bucket (kpiPlanner).
// Distinct counts do not add up day by day; new logos are dated through a semi-join, not a field to group by.
const SPARKLINELESS = new Set([...SNAPSHOTS, ...DURATIONS, 'leadsFromCampaigns', 'newLogos']);
const RELATIVE = 1e-9;

function close(actual: number | null, expected: number | null, tolerance: (e: number) => number): boolean {
    if (actual === null || expected === null) return actual === expected;
    return Math.abs(actual - expected) <= tolerance(expected);
}

const exactOrRelative = (integer: boolean) => (expected: number) =>
    integer ? 0 : Math.max(Math.abs(expected) * RELATIVE, 1e-12);

describe('every catalog KPI equals the oracle computed from the sample org', () => {
    it('has an oracle for every KPI of the catalog, and no other', () => {
        assert.deepEqual([...ORACLE_KPI_IDS].sort(), KPI_CATALOG.map((kpi) => kpi.id).sort());
    });

    for (const scenario of SCENARIOS) {
        it(scenario.name, () => {
            const now = new Date(scenario.now);
            const sample = generateSampleOrg({
                seed: scenario.seed,
                size: SIZE,
                now,
                fiscalYearStartMonth: scenario.fiscalYearStartMonth,
            });
            const engine = createEngine(sample);
            const byId = indexById(sample);
            const calendar: ViewerCalendar = {
                timeZone: scenario.timeZone,
                firstDayOfWeek: scenario.firstDayOfWeek,
                fiscalYearStartMonth: scenario.fiscalYearStartMonth,
            };
            const { salesRep, salesManager, salesVp, admin, inactiveRep } = sample.org.personas;
            // The inactive rep's manager: a team with a deactivated member (records and quota still owned by them).
            const inactiveManager = String(sample.byId.get(inactiveRep)?.ManagerId);
            // The VP sees two levels down (managers and their reps) but "team" is only the managers.
            const users = { rep: salesRep, manager: salesManager, vp: salesVp, admin, inactiveManager };
            const settings = scenario.settings ?? {};
            const mismatches: string[] = [];
            const seenNonZero = new Set<string>();
            const sparkNonZero = new Set<string>();
            let compared = 0;

            for (const [role, userId] of Object.entries(users)) {
                for (const scope of SCOPES) {
                    for (const period of scenario.periods) {
                        const requests: KpiRequest[] = KPI_CATALOG.map((kpi) => ({
                            kpi: kpi.id,
                            period,
                            scope,
                            comparison: scenario.comparison,
                            sparkline: scenario.sparkline ?? SPARKLINE,
                            settings,
                            ...(scenario.target !== undefined ? { target: scenario.target } : {}),
                        }));
                        const plan = planKpis(requests, { userId, now, calendar });
                        assert.deepEqual(plan.rejected, [], `${role}/${scope}/${period}: planner rejected requests`);
                        const viewer = {
                            userId,
                            locale: scenario.locale,
                            currency: scenario.currency,
                            timeZone: scenario.timeZone,
                            now,
                        };
                        const answers = plan.documents.map((doc) => engine.execute(doc, viewer));
                        const results = readAllResults(plan, answers);

                        const parsed = parsePeriod(period)!;
                        const toDate = currentWindow(parsed, now, calendar, true);
                        const whole = currentWindow(parsed, now, calendar, false);
                        const before = comparisonWindow(parsed, scenario.comparison, now, calendar, true)!;
                        const request: OracleRequest = {
                            userId,
                            timeZone: scenario.timeZone,
                            scope,
                            toDate,
                            whole,
                            settings,
                            period,
                            ...(scenario.target !== undefined ? { target: scenario.target } : {}),
                        };

                        for (const kpi of KPI_CATALOG) {
                            const where = `${role}/${scope}/${period}/${kpi.id}`;
                            const result: KpiResult | undefined = results[kpi.id];
                            if (!result || result.error) {
                                mismatches.push(`${where}: tile has no number (${JSON.stringify(result?.error)})`);
                                continue;
                            }
                            const integer = kpi.unit === 'count';
                            const check = (label: string, actual: number | null, expected: number | null) => {
                                compared++;
                                if (!close(actual, expected, exactOrRelative(integer))) {
                                    mismatches.push(`${where} ${label}: tile ${actual}, oracle ${expected}`);
                                }
                            };
                            const exact = (
                                label: string,
                                actual: number | string | null,
                                expected: number | string | null,
                            ) => {
                                compared++;
                                if (actual !== expected) {
                                    mismatches.push(`${where} ${label}: tile ${actual}, oracle ${expected}`);
                                }
                            };
                            const window: OracleWindow = SNAPSHOTS.has(kpi.id) ? whole : toDate;

                            // Durations count DateTime fields on the viewer's local day, exactly (docs/kpis.md,
                            // "Durations in the viewer's calendar"): the oracle counts them that way too.
                            const current = oracleKpi(sample, kpi.id, request, window, byId);
                            check('value', result.value, current.value);
                            exact('sampleSize', result.sampleSize, current.sampleSize);
                            if (current.value) seenNonZero.add(kpi.id);
                            if (SNAPSHOTS.has(kpi.id)) {
                                // A snapshot has no comparison: the tile must not show one.
                                exact('comparisonValue (none for snapshots)', result.comparisonValue, null);
                            } else {
                                const then = oracleKpi(sample, kpi.id, request, before, byId);
                                check('comparisonValue', result.comparisonValue, then.value);
                                exact('comparisonSampleSize', result.comparisonSampleSize, then.sampleSize);
                            }
                            // Every point of the trend line is the KPI over that bucket's days, as the oracle counts
                            // them (DateTime fields on the viewer's local day).
                            if (result.notes.includes('sparklineNotSupported')) {
                                exact('sparkline points (none)', result.sparkline.length, 0);
                            } else {
                                exact('sparkline points', result.sparkline.length, scenario.sparkline ?? SPARKLINE);
                                exact(
                                    'last sparkline point starts with the period',
                                    result.sparkline.at(-1)?.start ?? null,
                                    toDate.start,
                                );
                                exact(
                                    'last sparkline point ends today',
                                    result.sparkline.at(-1)?.end ?? null,
                                    toDate.end,
                                );
                                result.sparkline.forEach((point, i) => {
                                    const bucket = oracleKpi(sample, kpi.id, request, point, byId);
                                    check(`sparkline[${i}] ${point.start}`, point.value, bucket.value);
                                    exact(`sparkline[${i}] sampleSize`, point.sampleSize, bucket.sampleSize);
                                    if (i > 0)
                                        exact(`sparkline[${i}] follows`, point.start, result.sparkline[i - 1].end);
                                    if (bucket.value) sparkNonZero.add(kpi.id);
                                });
                            }
                            // One target per person: closed-won revenue's is coverage's (the quotas, each once).
                            if (kpi.id === 'closedWonRevenue') {
                                check('target', result.target, oracleRevenueTarget(sample, request, byId));
                            }
                            if (kpi.id === 'pipelineCoverage') {
                                check('target', result.target, current.target ?? null);
                                compared++;
                                if ((result.status === 'targetMet') !== (current.targetMet === true)) {
                                    mismatches.push(
                                        `${where}: status ${result.status}, oracle targetMet ${current.targetMet}`,
                                    );
                                }
                            }
                        }
                    }
                }
            }

            assert.deepEqual(mismatches.slice(0, 25), [], `${mismatches.length} of ${compared} comparisons differ`);
            // Not vacuous: every KPI had a non-zero number somewhere in this scenario.
            const neverNonZero = KPI_CATALOG.map((kpi) => kpi.id).filter((id) => !seenNonZero.has(id));
            assert.deepEqual(neverNonZero, [], 'KPIs whose oracle was zero or empty in every case');
            const trendless = KPI_CATALOG.map((kpi) => kpi.id)
                .filter((id) => !sparkNonZero.has(id))
                .sort();
            assert.deepEqual(trendless, [...SPARKLINELESS].sort(), 'KPIs without a non-zero sparkline point');
        });
    }
});
