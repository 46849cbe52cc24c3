/**
 * What the component and module tests under force-app/main/default/lwc/<bundle>/__tests__ share: mounting a
 * component and letting it settle, answering the `lightning/graphql` wire stub, the one pinned clock, the navigation
 * mock (jest.config.js maps `lightning/navigation` to ./mocks/lightning/navigation), and reading GraphQL documents by
 * what they say rather than by their layout. It sits outside every bundle and is TypeScript, which .forceignore keeps
 * out of deploys, so it never ships.
 */
import { createElement } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
import type { GraphQLError } from 'lightning/graphql';
import type { PageReference } from 'lightning/navigation';
import { gqlTokens } from './graphqlText';
import { generateUrl, navigate, resetNavigation } from './mocks/lightning/navigation';

export { generateUrl, urlOf } from './mocks/lightning/navigation';
export { aliasedFields, gqlTokens, locationOf, variableNames } from './graphqlText';
export type { FieldPlace } from './graphqlText';

// ---------------------------------------------------------------------------------------------------- components

type ComponentClass = Parameters<typeof createElement>[1]['is'];

/** Creates `tag` as `Component`, sets `props` and attaches it to the document. */
export function mount<T extends HTMLElement = HTMLElement & Record<string, unknown>>(
    tag: string,
    Component: ComponentClass,
    props: object = {},
): T {
    const element = createElement(tag, { is: Component }) as unknown as T;
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

/** Lets every pending promise (the wire's, a loader's) and LWC's re-renders settle. */
// eslint-disable-next-line @lwc/lwc/no-async-operation -- a macrotask drains every pending microtask
export const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** After each test: no components left, the real clock, no calls recorded on any mock, no navigation. */
export function cleanUp(): void {
    document.body.replaceChildren();
    jest.useRealTimers();
    jest.clearAllMocks();
    resetNavigation();
}

export function shadow<T extends Element = HTMLElement>(element: Element, selector: string): T | null {
    return element.shadowRoot!.querySelector<T>(selector);
}

export function shadowAll<T extends Element = HTMLElement>(element: Element, selector: string): T[] {
    return [...element.shadowRoot!.querySelectorAll<T>(selector)];
}

/** A node's text with runs of spaces (ICU's no-break and thin ones too) as one space; undefined without a node. */
export function textOf(node: Element | null | undefined): string | undefined {
    return node?.textContent?.replace(/\s+/g, ' ').trim();
}

/** The text of the first match of `selector` in a component's shadow root, as textOf reads it. */
/** Intl's narrow and thin spaces (in "$1,000", "Jan 1 – Feb 19") as plain spaces, for readable expectations. */
export const plain = (text: string | null | undefined): string | undefined =>
    text?.replace(/[\u00a0\u2009\u202f]/g, ' ');

export function shadowText(element: Element, selector: string): string | undefined {
    return textOf(shadow(element, selector));
}

/**
 * The heading and lines of the message list (c-kpi-message-list: configuration problems, warnings) inside `selector`
 * of a component's shadow root; null where there is none.
 */
export function messages(element: Element, selector: string): { heading: string | undefined; lines: string[] } | null {
    const list = shadow(element, `${selector} c-kpi-message-list`);
    return list && { heading: shadowText(list, 'p'), lines: shadowAll(list, 'li').map((li) => li.textContent ?? '') };
}

/** Every tile of a component, by the key its tile input carries. */
export function tilesOf(element: HTMLElement): Map<string, HTMLElement> {
    const tiles = shadowAll<HTMLElement & { tile: { key: string } }>(element, 'c-kpi-tile');
    return new Map(tiles.map((tile) => [tile.tile.key, tile]));
}

// ------------------------------------------------------------------------------ refresh, retry and "taking long"

type RefreshButton = HTMLElement & { disabled: boolean; alternativeText: string };

/** The first element matching `selector` in the c-kpi-refresh parts of a component's shadow root; null without. */
function inRefresh<T extends Element>(element: Element, selector: string): T | null {
    for (const part of shadowAll(element, 'c-kpi-refresh')) {
        const found = shadow<T>(part, selector);
        if (found) return found;
    }
    return null;
}

/** A component's refresh button (c-kpi-refresh), null where it has none. */
export const refreshButtonOf = (element: Element): RefreshButton | null =>
    inRefresh<RefreshButton>(element, 'lightning-button-icon');

/** The retry a component offers once an answer is taking long, null before. */
export const retryButtonOf = (element: Element): HTMLElement | null => inRefresh(element, '.kpi-refresh__retry');

/** The region that says an answer is taking long, null before. */
export const takingLongOf = (element: Element): HTMLElement | null => inRefresh(element, '.kpi-refresh__taking-long');

/** After the timeout: "taking long" in a status region (read out as it appears), with a retry. */
export function expectTakingLong(element: Element): void {
    const status = takingLongOf(element);
    expect(status?.getAttribute('role')).toBe('status');
    expect(textOf(status)).toContain('c.kpiTakingLong');
    expect(retryButtonOf(element)).not.toBeNull();
}

/** Fake timers for "taking long": microtasks stay real (a retry gives the document back in one). */
export const fakeTimers = (): void => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] });
};

/** Microtasks only: the timers are fake in the "taking long" tests. */
export const turns = (n = 8): Promise<void> =>
    Array.from({ length: n }).reduce<Promise<void>>((turn) => turn.then(() => undefined), Promise.resolve());

type Update = (config: WireConfig) => void;

/** Every config the graphql wires are given from now on. */
export const wireUpdates = () =>
    jest.spyOn((graphql as unknown as { prototype: { update: Update } }).prototype, 'update');

/**
 * Presses the retry of a component whose document never answered: it goes off the wire and comes back (Jest's gql
 * gives undefined, so two updates show it), the last one with `operationName`, and the retry is gone.
 */
export async function expectRetrySendsAfresh(element: Element, operationName: string): Promise<void> {
    const update = wireUpdates();
    retryButtonOf(element)!.click();
    await turns();
    expect(update).toHaveBeenCalledTimes(2);
    expect(update.mock.calls[1][0]).toEqual(expect.objectContaining({ operationName }));
    expect(retryButtonOf(element)).toBeNull();
    update.mockRestore();
}

/** The fake timers pending while a new component waits for its answer, and once it is removed from the page. */
export async function timersAroundRemoval(create: () => HTMLElement): Promise<{ waiting: number; removed: number }> {
    const element = create();
    await turns();
    const waiting = jest.getTimerCount();
    element.remove();
    await turns();
    return { waiting, removed: jest.getTimerCount() };
}

// -------------------------------------------------------------------------------------------------------- clock

/** The instant every test that needs "now" runs at (scripts/generate-tile-fixtures.ts FIXTURE_NOW): Monday 20 May
 * 2024, 9:00 in Los Angeles, the time zone @salesforce/i18n/timeZone gives in Jest. */
export const FIXTURE_NOW = new Date('2024-05-20T16:00:00Z');

/** Fakes Date only, at `now`: timers, microtasks and LWC's re-renders stay real. Undone by cleanUp. */
export function pinClock(now: string | Date = FIXTURE_NOW): Date {
    const at = new Date(now);
    jest.useFakeTimers({
        now: at,
        doNotFake: [
            'hrtime',
            'nextTick',
            'performance',
            'queueMicrotask',
            'requestAnimationFrame',
            'cancelAnimationFrame',
            'requestIdleCallback',
            'cancelIdleCallback',
            'setImmediate',
            'clearImmediate',
            'setInterval',
            'clearInterval',
            'setTimeout',
            'clearTimeout',
        ],
    });
    return at;
}

// ---------------------------------------------------------------------------------------------------- the wire

export interface WireConfig {
    query?: unknown;
    variables?: Record<string, unknown>;
    operationName?: string;
}

type Filter = (config: WireConfig) => boolean;
type Refresh = () => Promise<void>;

export interface WireResponse {
    data?: unknown;
    errors?: readonly unknown[];
    refresh?: Refresh;
}

/** The Jest stub of the graphql adapter (sfdx-lwc-jest lightning-stubs/graphql), which the platform types lack. */
const stub = graphql as unknown as {
    emit(data: unknown, filter?: Filter, refresh?: Refresh): void;
    emitErrors(errors: unknown, filter?: Filter, refresh?: Refresh): void;
    getLastConfig(): WireConfig | null;
};
/** The test adapter's own emit, under the stub's: it delivers a value as it is, data and errors together. */
const emitValue = (value: WireResponse | undefined, filter?: Filter): void =>
    (Object.getPrototypeOf(graphql) as { emit(value: unknown, filter?: Filter): void }).emit.call(
        graphql,
        value,
        filter,
    );

/** Answers the graphql wires (those `filter` picks) with `data` and no errors. */
export function emitData(data: unknown, filter?: Filter, refresh?: Refresh): void {
    stub.emit(data, filter, refresh);
}

/** Answers the graphql wires (those `filter` picks) with `errors` and no data. */
export function emitErrors(errors: readonly (GraphQLError | unknown)[], filter?: Filter, refresh?: Refresh): void {
    stub.emitErrors(errors, filter, refresh);
}

/** Answers with a whole response: a partial one carries data and errors together. */
export function emitResponse(response: WireResponse, filter?: Filter): void {
    emitValue(response, filter);
}

/** The config the last graphql wire was given (null before any). */
export function lastConfig(): WireConfig | null {
    return stub.getLastConfig();
}

/** Configs of every graphql wire that has a document (an operation name) right now. */
export function wiredConfigs(): WireConfig[] {
    const seen: WireConfig[] = [];
    emitValue(undefined, (config) => {
        if (config.operationName) seen.push(config);
        return false;
    });
    return seen;
}

/** The document texts handed to gql`${…}`, in order (the stub's gql returns undefined, the call keeps the text). */
export function sentQueries(): string[] {
    return (gql as unknown as jest.Mock).mock.calls.map((call: unknown[]) => String(call[1]));
}

/** The documents handed to gql, each as gqlTokens reads it. */
export function sentDocuments(): string[] {
    return sentQueries().map(gqlTokens);
}

/** A document as a component plans it, with the answer the preview engine gave (scripts/generate-tile-fixtures.ts). */
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

/** Delivers a fixture document's response to the wire whose config names that operation. */
export function respond(document: FixtureDocument, refresh?: Refresh): void {
    emitResponse(
        { data: document.response.data, errors: document.response.errors, ...(refresh ? { refresh } : {}) },
        (config) => config.operationName === document.operationName,
    );
}

// -------------------------------------------------------------------------------------------------- navigation

/** Every page reference components navigated to, in order. */
export function navigations(): PageReference[] {
    return navigate.mock.calls.map(([reference]) => reference);
}

/** The page reference of the last navigation, undefined before any. */
export function lastNavigation(): PageReference | undefined {
    return navigations().at(-1);
}

/** The page references components asked a URL for, in order. */
export function urlRequests(): PageReference[] {
    return generateUrl.mock.calls.map(([reference]) => reference);
}
