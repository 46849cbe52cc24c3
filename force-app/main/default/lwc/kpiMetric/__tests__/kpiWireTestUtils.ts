/**
 * Test helpers for the components that wire kpiPlanner documents (kpiMetric, kpiBoard): the clock the fixtures were
 * made at, the documents a component handed to `gql`, and responses delivered to the wire of one document.
 */
import { gql, graphql } from 'lightning/graphql';

export interface FixtureDocument {
    operationName: string;
    query: string;
    variables: Record<string, string>;
    response: { data?: unknown; errors?: unknown[] };
}

export interface Fixture {
    description: string;
    documents: FixtureDocument[];
}

/** scripts/generate-tile-fixtures.ts FIXTURE_NOW: Monday 20 May 2024, 9:00 in Los Angeles. */
export const FIXTURE_NOW = new Date('2024-05-20T16:00:00Z');

/** Fakes the date only: LWC's re-renders and the wire stub's promises keep running. */
export function useFixtureClock(now = FIXTURE_NOW): void {
    jest.useFakeTimers({
        now,
        doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'clearTimeout', 'queueMicrotask', 'setInterval'],
    });
}

// eslint-disable-next-line @lwc/lwc/no-async-operation -- a macrotask lets promises and re-renders settle
export const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** The document texts handed to gql`${…}`, in order (the stub's gql returns undefined, the call keeps the text). */
export function sentQueries(): string[] {
    return (gql as unknown as jest.Mock).mock.calls.map((call: unknown[]) => String(call[1]));
}

interface WireConfig {
    query?: unknown;
    variables?: Record<string, string>;
    operationName?: string;
}

type Emit = (value: unknown, filter?: (config: WireConfig) => boolean) => void;

/** The Jest stub of the graphql adapter (sfdx-lwc-jest lightning-stubs/graphql), which the platform types lack. */
export const graphqlStub = graphql as unknown as {
    emit: Emit;
    emitErrors(errors: unknown[]): void;
    getLastConfig(): WireConfig | null;
};
// The stub's emit and emitErrors set one of data and errors; a partial response has both, so use the base emit.
const emitRaw: Emit = (value, filter) =>
    (Object.getPrototypeOf(graphql) as { emit: Emit }).emit.call(graphql, value, filter);

/** Configs of every graphql wire that has a document (an operation name) right now. */
export function wiredDocuments(): WireConfig[] {
    const seen: WireConfig[] = [];
    emitRaw(undefined, (config) => {
        if (config.operationName) seen.push(config);
        return false;
    });
    return seen;
}

/** Delivers a fixture document's response to the wire whose config names that operation. */
export function respond(document: FixtureDocument, refresh?: () => Promise<void>): void {
    const value = { data: document.response.data, errors: document.response.errors, ...(refresh ? { refresh } : {}) };
    emitRaw(value, (config) => config.operationName === document.operationName);
}

export function shadow<T extends Element = HTMLElement>(element: Element, selector: string): T | null {
    return element.shadowRoot!.querySelector<T>(selector);
}

/** Every tile of a component, by the key its tile input carries. */
export function tilesOf(element: HTMLElement): Map<string, HTMLElement> {
    const tiles = Array.from(
        element.shadowRoot!.querySelectorAll<HTMLElement & { tile: { key: string } }>('c-kpi-tile'),
    );
    return new Map(tiles.map((tile) => [tile.tile.key, tile]));
}

/** Text of an element inside a tile's shadow root, spaces collapsed. */
export function tileText(tile: HTMLElement, selector: string): string | undefined {
    return tile
        .shadowRoot!.querySelector(selector)
        ?.textContent?.replace(/[\s\u00a0\u2009\u202f]+/g, ' ')
        .trim();
}
