/**
 * The contract between the preview's UI API GraphQL engine and its callers (the preview server, benchmarks, tests).
 * The engine executes documents as `lightning/graphql` sends them, as the viewer, against a generated sample org.
 */
import type { GraphQLError } from 'lightning/graphql';

/** Who is asking, and how they see numbers and dates. */
export interface ViewerContext {
    /** User Id of the running user (a record of the sample org's User object). */
    userId: string;
    /** BCP 47 locale, e.g. `en-US`, `de-DE`, `ja-JP`. */
    locale: string;
    /** ISO 4217 currency of the viewer, e.g. `USD`, `EUR`. */
    currency: string;
    /** IANA time zone, e.g. `America/Los_Angeles`, `Pacific/Kiritimati`. */
    timeZone: string;
    /** "Now" for date literals and ranges; defaults to the org's generation time. */
    now?: Date;
}

export interface EngineRequest {
    query: string;
    variables?: Record<string, unknown>;
    operationName?: string;
}

/** An error shaped like the ones UI API GraphQL returns: what `lightning/graphql` hands components. */
export type EngineError = GraphQLError;

/** Measurement hooks: what one request cost. */
export interface EngineMetrics {
    /** Bytes of the JSON response body (`{ data, errors }`). */
    bytes: number;
    /** Top-level `uiapi.query.X` / `uiapi.aggregate.X` selections in the document. */
    subqueries: number;
    /** Records the engine examined to answer. */
    rowsScanned: number;
    /** Wall time spent executing, in milliseconds. */
    ms: number;
}

export interface EngineResponse {
    data?: unknown;
    errors?: EngineError[];
    metrics: EngineMetrics;
}

export interface Engine {
    execute(request: EngineRequest, viewer: ViewerContext): EngineResponse;
}
