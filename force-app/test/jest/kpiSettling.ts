/**
 * Issue 11's "every state settles", as one suite every component that asks the server runs: refresh after a failed
 * first answer, the answer kept while a refresh is out, nothing asked before the first answer, answers without data
 * explained, "taking long" with a retry that sends the document afresh, and no timer left once removed. A component
 * gives how to mount it, where its states show and what a good answer is; its own tests add what only it does.
 */
/* eslint-disable jest/no-export -- a suite for test files to run, not a test file of its own */
import { ANSWER_TIMEOUT_MS } from 'c/kpiWaiting';
import {
    shadow as $,
    cleanUp,
    emitErrors,
    emitResponse,
    expectRetrySendsAfresh,
    expectTakingLong,
    fakeTimers,
    flush,
    refreshButtonOf,
    retryButtonOf,
    takingLongOf,
    timersAroundRemoval,
    turns,
} from './kpiTestUtils';

type Refresh = () => Promise<void>;

export interface SettlingSpec {
    /** The component's tag, for the suite's name. */
    tag: string;
    /** Mounts it with properties that a good answer answers. */
    create: () => HTMLElement;
    /** Where its states show: the element itself, or the tile a tile host draws. */
    root?: (element: HTMLElement) => HTMLElement;
    /** Emits a well-formed answer, with the refresh the wire offers. */
    answer: (refresh?: Refresh) => void;
    /** The operation the retry sends again. */
    operationName: string;
    /**
     * What shows the answer, the wait, an error, a refresh that failed (where the component keeps the answer), and
     * what an answer without data must not leave on screen (the content unless said).
     */
    selectors: { content: string; loading: string; error: string; refreshError?: string; blank?: string };
    /** Answers without usable data beyond `data: null` and `errors: [null]`, each with the label it names. */
    badAnswers?: [name: string, answer: object, label: string][];
    /** Before each test (a pinned clock). */
    setUp?: () => void;
    /** Waits for a render to settle: one flush unless the component renders in more turns (a chart). */
    settle?: () => Promise<void>;
}

/** What every component explains the same way: no data at all, and an error without a message. */
const NO_DATA: [string, object, string][] = [
    ['data: null', { data: null }, 'c.kpiResultNoResponse'],
    ['errors: [null]', { errors: [null] }, 'c.kpiErrorUndescribed'],
];

export function describeSettling(spec: SettlingSpec): void {
    const { selectors } = spec;
    const root = (element: HTMLElement) => (spec.root ? spec.root(element) : element);
    const find = (element: HTMLElement, selector: string) => $(root(element), selector);
    const refreshButton = (element: HTMLElement) => refreshButtonOf(root(element))!;
    const settle = spec.settle ?? flush;

    describe(`${spec.tag}: every state settles`, () => {
        afterEach(cleanUp);

        describe('refresh', () => {
            beforeEach(() => spec.setUp?.());

            it('has a labelled refresh button that asks again after a failed first answer', async () => {
                const element = spec.create();
                await settle();
                const refresh = jest.fn(() => Promise.resolve());
                emitErrors([{ message: 'Failed to fetch' }], undefined, refresh);
                await settle();
                expect(find(element, selectors.error)).not.toBeNull();
                expect(refreshButton(element).alternativeText).toBe('c.kpiTileRefresh');
                refreshButton(element).click();
                await settle();
                expect(refresh).toHaveBeenCalledTimes(1);
                spec.answer(refresh);
                await settle();
                expect(find(element, selectors.error)).toBeNull();
                expect(find(element, selectors.content)).not.toBeNull();
                expect(refreshButton(element).disabled).toBe(false);
                await expect(element).toBeAccessible();
            });

            if (selectors.refreshError) {
                const refreshError = selectors.refreshError;
                it('keeps the answer while a refresh is out, asks once, and shows a failed refresh', async () => {
                    const element = spec.create();
                    await settle();
                    let fail: (error: Error) => void = () => undefined;
                    const refresh = jest.fn(() => new Promise<void>((_, reject) => (fail = reject)));
                    spec.answer(refresh);
                    await settle();
                    refreshButton(element).click();
                    await settle();
                    expect(refreshButton(element).disabled).toBe(true);
                    refreshButton(element).click();
                    expect(refresh).toHaveBeenCalledTimes(1);
                    expect(find(element, selectors.content)).not.toBeNull();
                    fail(new Error('Failed to fetch'));
                    await settle();
                    expect(refreshButton(element).disabled).toBe(false);
                    // Beside the tile for a tile host (the tile keeps its number), inside the others.
                    expect($(element, refreshError) ?? find(element, refreshError)).not.toBeNull();
                    expect(find(element, selectors.content)).not.toBeNull();
                });
            }

            it('does nothing before the first answer: it is on its way', async () => {
                const element = spec.create();
                await settle();
                refreshButton(element).click();
                await settle();
                expect(refreshButton(element).disabled).toBe(false);
                expect(find(element, selectors.loading)).not.toBeNull();
            });

            it.each([...NO_DATA, ...(spec.badAnswers ?? [])])(
                'explains an answer with %s instead of loading forever or showing a blank',
                async (_name, answer, label) => {
                    const element = spec.create();
                    await settle();
                    emitResponse(answer);
                    await settle();
                    expect(find(element, selectors.loading)).toBeNull();
                    expect(find(element, selectors.blank ?? selectors.content)).toBeNull();
                    const panel = find(element, selectors.error)!;
                    expect(panel.shadowRoot!.textContent).toContain(label);
                },
            );
        });

        describe('taking long', () => {
            beforeEach(fakeTimers);

            it('says so with a retry after the timeout, the retry sends the document afresh, an answer ends it', async () => {
                const element = spec.create();
                await turns();
                expect(find(element, selectors.loading)).not.toBeNull();
                jest.advanceTimersByTime(ANSWER_TIMEOUT_MS - 1);
                await turns();
                expect(retryButtonOf(root(element))).toBeNull();
                jest.advanceTimersByTime(1);
                await turns();
                expectTakingLong(root(element));
                expect(find(element, selectors.loading)).toBeNull();
                await expectRetrySendsAfresh(root(element), spec.operationName);
                expect(find(element, selectors.loading)).not.toBeNull();
                jest.useRealTimers();
                spec.answer();
                await settle();
                expect(find(element, selectors.content)).not.toBeNull();
                expect(takingLongOf(root(element))).toBeNull();
                expect(refreshButton(element).disabled).toBe(false);
            });

            it('leaves no timer behind once removed from the page', async () => {
                const { waiting, removed } = await timersAroundRemoval(spec.create);
                expect(waiting).toBeGreaterThan(0);
                expect(removed).toBe(0);
            });
        });
    });
}
