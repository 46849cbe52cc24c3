/** Per-request measurements of `POST /graphql`, for browser tests and benchmarks (`GET /metrics`). */
import type { EngineMetrics } from '../engine/api';

export interface RequestMetrics extends EngineMetrics {
    seq: number;
    at: string;
    operationName?: string;
    userId: string;
    dataset: string;
    /** Errors in the response (validation, access, limits). */
    errors: number;
    /** Time from request start to response end, including JSON parsing and serialization. */
    totalMs: number;
}

export interface MetricsSummary {
    count: number;
    totals: { bytes: number; subqueries: number; rowsScanned: number; ms: number; totalMs: number };
    requests: RequestMetrics[];
}

/** Keeps the most recent requests; counts and totals cover every request since the last reset. */
export class MetricsLog {
    private requests: RequestMetrics[] = [];
    private seq = 0;
    private totals = { bytes: 0, subqueries: 0, rowsScanned: 0, ms: 0, totalMs: 0 };
    private count = 0;

    constructor(private readonly keep = 1000) {}

    record(entry: Omit<RequestMetrics, 'seq' | 'at'>): RequestMetrics {
        const full: RequestMetrics = { seq: ++this.seq, at: new Date().toISOString(), ...entry };
        this.requests.push(full);
        if (this.requests.length > this.keep) this.requests.shift();
        this.count += 1;
        for (const key of Object.keys(this.totals) as (keyof MetricsLog['totals'])[]) this.totals[key] += full[key];
        return full;
    }

    reset(): void {
        this.requests = [];
        this.count = 0;
        this.totals = { bytes: 0, subqueries: 0, rowsScanned: 0, ms: 0, totalMs: 0 };
    }

    summary(): MetricsSummary {
        return { count: this.count, totals: { ...this.totals }, requests: [...this.requests] };
    }
}
