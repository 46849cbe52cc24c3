/**
 * Times the engine on a generated sample org: a 10-subquery aggregate document (the shape of a KPI dashboard) run as
 * the admin, a sales manager and a rep. Wall time and CPU time are both reported because a busy machine stretches the
 * first but not the second.
 *
 *   npx tsx preview/engine/bench.ts [--size 20000] [--runs 7]
 */
import { generateSampleOrg } from '../sample-org/index';
import { createEngine } from './index';
import type { EngineMetrics, ViewerContext } from './api';

/** Ten aggregate subqueries over every object a KPI page reads, with date literals, ranges and functions. */
export const dashboardDocument = `query KpiDashboard { uiapi { aggregate {
  wonByQuarter: Opportunity(where: { IsWon: { eq: true }, CloseDate: { eq: { literal: THIS_FISCAL_YEAR } } }, groupBy: { CloseDate: { function: FISCAL_QUARTER } }) { edges { node { aggregate { CloseDate { fiscalQuarter { value } } Amount { sum { value } } Id { count { value } } } } } }
  winLossByOwner: Opportunity(where: { IsClosed: { eq: true }, CloseDate: { gte: { range: { last_n_days: 365 } } } }, groupBy: { OwnerId: { group: true }, IsWon: { group: true } }, first: 2000) { edges { node { aggregate { OwnerId { value } IsWon { value } Amount { sum { value } } Id { count { value } } } } } }
  pipelineByStage: Opportunity(where: { IsClosed: { eq: false } }, groupBy: { StageName: { group: true } }) { edges { node { aggregate { StageName { value } Amount { sum { value } avg { value } } } } } }
  createdByMonth: Opportunity(where: { CreatedDate: { gte: { range: { last_n_months: 12 } } } }, groupBy: { CreatedDate: { function: CALENDAR_MONTH } }, first: 12) { edges { node { aggregate { CreatedDate { calendarMonth { value } } Id { count { value } } } } } }
  leadsBySource: Lead(where: { CreatedDate: { eq: { literal: THIS_QUARTER } } }, groupBy: { LeadSource: { group: true } }) { edges { node { aggregate { LeadSource { value } Id { count { value } } } } } }
  leadsConverted: Lead(where: { IsConverted: { eq: true }, ConvertedDate: { eq: { literal: THIS_QUARTER } } }) { edges { node { aggregate { Id { count { value } } } } } }
  callsByOwner: Task(where: { TaskSubtype: { eq: "Call" }, ActivityDate: { eq: { literal: LAST_90_DAYS } } }, groupBy: { OwnerId: { group: true } }, first: 2000) { edges { node { aggregate { OwnerId { value } Id { count { value } } } } } }
  backlogByOrigin: Case(where: { IsClosed: { eq: false } }, groupBy: { Origin: { group: true } }) { edges { node { aggregate { Origin { value } Id { count { value } } } } } }
  closedThisMonth: Case(where: { ClosedDate: { eq: { literal: THIS_MONTH } } }, groupBy: { OwnerId: { group: true } }, first: 2000) { edges { node { aggregate { OwnerId { value } Id { count { value } } } } } }
  stageChanges: OpportunityHistory(where: { CreatedDate: { eq: { literal: THIS_FISCAL_QUARTER } } }, groupBy: { StageName: { group: true } }) { edges { node { aggregate { StageName { value } Amount { sum { value } } } } } }
} } }`;

export interface BenchResult {
    persona: string;
    firstMs: number;
    medianMs: number;
    medianCpuMs: number;
    metrics: EngineMetrics;
}

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}

export function benchmark(
    size: number,
    runs: number,
): { generateMs: number; createMs: number; results: BenchResult[] } {
    let started = performance.now();
    const org = generateSampleOrg({ seed: 1, size, now: new Date('2026-05-15T19:00:00Z'), fiscalYearStartMonth: 2 });
    const generateMs = performance.now() - started;
    started = performance.now();
    const engine = createEngine(org);
    const createMs = performance.now() - started;
    const results: BenchResult[] = [];
    for (const persona of ['admin', 'salesManager', 'salesRep'] as const) {
        const viewer: ViewerContext = {
            userId: org.org.personas[persona],
            locale: 'en-US',
            currency: 'USD',
            timeZone: 'America/Los_Angeles',
        };
        const wall: number[] = [];
        const cpu: number[] = [];
        let metrics: EngineMetrics | undefined;
        for (let i = 0; i < runs; i++) {
            const before = process.cpuUsage();
            const response = engine.execute({ query: dashboardDocument }, viewer);
            const used = process.cpuUsage(before);
            if (response.errors) throw new Error(`${persona}: ${JSON.stringify(response.errors)}`);
            wall.push(response.metrics.ms);
            cpu.push((used.user + used.system) / 1000);
            metrics = response.metrics;
        }
        results.push({
            persona,
            firstMs: wall[0],
            medianMs: median(wall.slice(1)),
            medianCpuMs: median(cpu.slice(1)),
            metrics: metrics!,
        });
    }
    return { generateMs, createMs, results };
}

function option(name: string, fallback: number): number {
    const at = process.argv.indexOf(`--${name}`);
    const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`--${name}: expected a positive whole number`);
    return value;
}

if (require.main === module) {
    const size = option('size', 20_000);
    const runs = Math.max(2, option('runs', 7));
    const { generateMs, createMs, results } = benchmark(size, runs);
    console.log(
        `size ${size}: generated in ${Math.round(generateMs)} ms, engine created in ${Math.round(createMs)} ms`,
    );
    for (const r of results) {
        console.log(
            `${r.persona.padEnd(13)} first ${r.firstMs.toFixed(1)} ms, then median ${r.medianMs.toFixed(1)} ms wall / ${r.medianCpuMs.toFixed(1)} ms CPU; ` +
                `${r.metrics.subqueries} subqueries, ${r.metrics.rowsScanned} rows scanned, ${r.metrics.bytes} bytes`,
        );
    }
}
