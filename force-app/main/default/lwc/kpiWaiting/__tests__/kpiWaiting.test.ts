import { ANSWER_TIMEOUT_MS, AnswerController, AnswerWait, askAfresh, readWireAnswer, refreshOf } from 'c/kpiWaiting';
import type { Waiting } from 'c/kpiWaiting';
import { cleanUp, flush } from '../../../../../test/jest/kpiTestUtils';

describe('kpiWaiting', () => {
    afterEach(cleanUp);

    describe('AnswerWait', () => {
        beforeEach(() => {
            jest.useFakeTimers();
        });

        function waiter() {
            const changes: boolean[] = [];
            const wait = new AnswerWait((takingLong) => changes.push(takingLong));
            return { wait, changes };
        }

        it('is taking long once the timeout passes without an answer, and says so once', () => {
            const { wait, changes } = waiter();
            wait.track('document 1');
            expect(wait.waiting).toBe(true);
            jest.advanceTimersByTime(ANSWER_TIMEOUT_MS - 1);
            expect(wait.takingLong).toBe(false);
            jest.advanceTimersByTime(1);
            expect(wait.takingLong).toBe(true);
            expect(wait.waiting).toBe(false);
            wait.track('document 1');
            jest.advanceTimersByTime(ANSWER_TIMEOUT_MS * 2);
            expect(changes).toEqual([true]);
        });

        it('waits no more once the answer is in (undefined key)', () => {
            const { wait, changes } = waiter();
            wait.track('document 1');
            jest.advanceTimersByTime(ANSWER_TIMEOUT_MS / 2);
            wait.track(undefined);
            jest.advanceTimersByTime(ANSWER_TIMEOUT_MS * 2);
            expect(wait.takingLong).toBe(false);
            expect(changes).toEqual([]);
            expect(jest.getTimerCount()).toBe(0);
        });

        it('starts afresh for another document, and clears "taking long" when it does', () => {
            const { wait, changes } = waiter();
            wait.track('document 1');
            jest.advanceTimersByTime(ANSWER_TIMEOUT_MS);
            wait.track('document 2');
            expect(wait.takingLong).toBe(false);
            jest.advanceTimersByTime(ANSWER_TIMEOUT_MS - 1);
            expect(wait.takingLong).toBe(false);
            jest.advanceTimersByTime(1);
            expect(changes).toEqual([true, false, true]);
        });

        it('a retry (restart) waits the full timeout again for the same document', () => {
            const { wait } = waiter();
            wait.track('document 1');
            jest.advanceTimersByTime(ANSWER_TIMEOUT_MS);
            wait.restart();
            expect(wait.takingLong).toBe(false);
            jest.advanceTimersByTime(ANSWER_TIMEOUT_MS - 1);
            expect(wait.takingLong).toBe(false);
            jest.advanceTimersByTime(1);
            expect(wait.takingLong).toBe(true);
        });

        it('a restart with nothing awaited arms no timer', () => {
            const { wait } = waiter();
            wait.restart();
            expect(jest.getTimerCount()).toBe(0);
        });

        it('stop (disconnect) leaves no timer behind and forgets the key', () => {
            const { wait, changes } = waiter();
            wait.track('document 1');
            wait.stop();
            expect(jest.getTimerCount()).toBe(0);
            jest.advanceTimersByTime(ANSWER_TIMEOUT_MS * 2);
            expect(changes).toEqual([]);
            // Connected again: the same document is awaited afresh.
            wait.track('document 1');
            expect(jest.getTimerCount()).toBe(1);
        });

        it('stop after "taking long" clears it', () => {
            const { wait, changes } = waiter();
            wait.track('document 1');
            jest.advanceTimersByTime(ANSWER_TIMEOUT_MS);
            wait.stop();
            expect(changes).toEqual([true, false]);
        });

        it('takes its timers and timeout from the caller', () => {
            const set = jest.fn(() => 'handle');
            const clear = jest.fn();
            const wait = new AnswerWait(() => undefined, 5, { set, clear });
            wait.track('a');
            expect(set).toHaveBeenCalledWith(expect.any(Function), 5);
            wait.track('b');
            expect(clear).toHaveBeenCalledWith('handle');
        });

        it('waits 20 s: past an ordinary slow answer, before a user reloads', () => {
            expect(ANSWER_TIMEOUT_MS).toBe(20_000);
        });
    });

    describe('readWireAnswer', () => {
        const UNDESCRIBED = 'c.kpiErrorUndescribed';
        const NO_RESPONSE = 'c.kpiResultNoResponse';

        it.each([
            ['undefined', undefined],
            ['null', null],
            ['the first emission', { data: undefined, errors: undefined }],
            ['a value with an empty error list and no data', { data: undefined, errors: [] }],
        ])('is no answer yet for %s', (_name, value) => {
            expect(readWireAnswer(value)).toBeUndefined();
        });

        it('passes data and placed errors on as they are', () => {
            const error = { message: 'No access', path: ['uiapi', 'aggregate', 'q1'] };
            const data = { uiapi: { aggregate: { q0: {} } } };
            expect(readWireAnswer({ data, errors: [error] })).toEqual({ data, errors: [error] });
            expect(readWireAnswer({ data })).toEqual({ data });
            expect(readWireAnswer({ data, errors: [] })).toEqual({ data });
        });

        it.each([
            ['null', [null], [{ message: UNDESCRIBED }]],
            ['an empty message', [{ message: ' ', path: ['uiapi'] }], [{ message: UNDESCRIBED, path: ['uiapi'] }]],
            ['a number', [42], [{ message: UNDESCRIBED }]],
            ['a string', ['Boom'], [{ message: 'Boom' }]],
            ['an error list that is one object', { message: 'Boom' }, [{ message: 'Boom' }]],
        ])('makes every error entry an object with a message: %s', (_name, errors, expected) => {
            expect(readWireAnswer({ errors })).toEqual({ errors: expected });
        });

        it('drops data: null beside errors', () => {
            expect(readWireAnswer({ data: null, errors: [{ message: 'Boom' }] })).toEqual({
                errors: [{ message: 'Boom' }],
            });
        });

        it.each([
            ['null', null],
            ['a string', 'abc'],
        ])('an answer whose data is %s and has no error says no answer came back', (_name, data) => {
            expect(readWireAnswer({ data })).toEqual({ data, errors: [{ message: NO_RESPONSE }] });
        });
    });

    describe('AnswerController', () => {
        function controller() {
            const shown: Waiting[] = [];
            const answers = new AnswerController((waiting) => shown.push(waiting));
            return { answers, shown, last: () => shown.at(-1)! };
        }

        it('asks nothing before an answer; the retry sends the document afresh for one microtask', async () => {
            const { answers, shown, last } = controller();
            answers.refresh();
            expect(shown).toEqual([]);
            answers.retry();
            expect(last()).toMatchObject({ refreshing: true, suspended: true });
            await Promise.resolve();
            expect(last()).toMatchObject({ refreshing: true, suspended: false });
            expect(answers.receive({ data: { uiapi: {} } })).toEqual({ data: { uiapi: {} } });
            expect(last().refreshing).toBe(false);
        });

        it("refreshes through the wire's refresh once, shows its failure, and clears it on the next ask", async () => {
            const { answers, last } = controller();
            let fail: (error: Error) => void = () => undefined;
            const refresh = jest.fn(() => new Promise<void>((_, reject) => (fail = reject)));
            expect(answers.receive({ data: undefined })).toBeUndefined();
            answers.receive({ data: { uiapi: {} }, refresh });
            answers.refresh();
            answers.refresh();
            expect(refresh).toHaveBeenCalledTimes(1);
            expect(last().refreshing).toBe(true);
            const failure = new Error('Failed to fetch');
            fail(failure);
            await flush();
            expect(last()).toMatchObject({ refreshing: false, refreshError: failure });
            answers.refresh();
            expect(last()).toMatchObject({ refreshing: true, refreshError: undefined });
        });

        it('a retry asks even while a refresh is out, and only the latest one ends the refresh', async () => {
            const { answers, last } = controller();
            const ends: (() => void)[] = [];
            const refresh = jest.fn(() => new Promise<void>((resolve) => ends.push(resolve)));
            answers.receive({ data: {}, refresh });
            answers.refresh();
            answers.retry();
            expect(refresh).toHaveBeenCalledTimes(2);
            ends[0]();
            await flush();
            expect(last().refreshing).toBe(true);
            ends[1]();
            await flush();
            expect(last().refreshing).toBe(false);
        });

        it('a component that resends its own way is refreshing until the next answer', () => {
            const { answers, last } = controller();
            const refresh = jest.fn(() => Promise.resolve());
            answers.receive({ data: {}, refresh });
            answers.refresh(() => true);
            expect(refresh).not.toHaveBeenCalled();
            expect(last().refreshing).toBe(true);
            answers.receive({ data: {} });
            expect(last().refreshing).toBe(false);
        });

        it('is taking long after the timeout, not after a retry, and stops with no timer left', () => {
            jest.useFakeTimers({ doNotFake: ['queueMicrotask'] });
            const { answers, last } = controller();
            answers.track('document 1');
            jest.advanceTimersByTime(ANSWER_TIMEOUT_MS);
            expect(last().takingLong).toBe(true);
            answers.retry();
            expect(last().takingLong).toBe(false);
            answers.stop();
            expect(jest.getTimerCount()).toBe(0);
        });
    });

    it('refreshOf gives the refresh a wire value carries', () => {
        const refresh = () => Promise.resolve();
        expect(refreshOf({ data: {}, refresh })).toBe(refresh);
        expect(refreshOf({ data: {} })).toBeUndefined();
        expect(refreshOf(undefined)).toBeUndefined();
    });

    it('askAfresh suspends for one microtask, after the microtasks already queued', async () => {
        const seen: string[] = [];
        const suspend = (suspended: boolean) => seen.push(`suspended ${suspended}`);
        askAfresh((suspended) => {
            suspend(suspended);
            if (suspended) queueMicrotask(() => seen.push('wire reads its config'));
        });
        expect(seen).toEqual(['suspended true']);
        await Promise.resolve();
        await Promise.resolve();
        expect(seen).toEqual(['suspended true', 'wire reads its config', 'suspended false']);
    });
});
