/**
 * When an answer is late, and what counts as one: every component (tiles, leaderboard, win-loss) waits for its
 * documents through one AnswerWait and reads each wire value through readWireAnswer, so a request that never answers
 * ends in "taking long" with a retry instead of a spinner forever, and a value without data or with `errors: [null]`
 * is an error the component can explain rather than a load that never ends. A component with one wire (leaderboard,
 * win-loss) hands all of it to one AnswerController: answers in, refresh and retry out, what to show back. No DOM, no
 * LWC: the timer functions are injected (the real ones by default), so Jest drives it with fake timers.
 */
import kpiErrorUndescribed from '@salesforce/label/c.kpiErrorUndescribed';
import kpiResultNoResponse from '@salesforce/label/c.kpiResultNoResponse';
import kpiRetry from '@salesforce/label/c.kpiRetry';
import kpiTakingLong from '@salesforce/label/c.kpiTakingLong';

/**
 * How long a component waits for an answer before it says so and offers a retry. UI API GraphQL answers the
 * package's documents in well under a few seconds; 20 s is past any ordinary slow answer (a cold org, a large
 * aggregate) and well before a user gives up and reloads the page.
 */
export const ANSWER_TIMEOUT_MS = 20_000;

export const WAITING_LABELS = { takingLong: kpiTakingLong, retry: kpiRetry } as const;

export interface Timers {
    set(callback: () => void, ms: number): unknown;
    clear(handle: unknown): void;
}

/* eslint-disable @lwc/lwc/no-async-operation -- the one timer of the package: waiting for an answer has to end */
const REAL_TIMERS: Timers = {
    set: (callback, ms) => setTimeout(callback, ms),
    clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
/* eslint-enable @lwc/lwc/no-async-operation */

/**
 * Waits for one thing at a time, named by a key (a document and its variables, a refresh): `track` it after every
 * render, undefined once it answered. After `timeoutMs` without an answer, `takingLong` turns true and `onChange`
 * tells the component to re-render. A new key, `restart` (a retry) or `stop` (disconnect) clears the timer.
 */
export class AnswerWait {
    takingLong = false;
    private key?: string;
    private handle?: unknown;

    constructor(
        private readonly onChange: (takingLong: boolean) => void,
        private readonly timeoutMs: number = ANSWER_TIMEOUT_MS,
        private readonly timers: Timers = REAL_TIMERS,
    ) {}

    /** What is awaited now; the same key again changes nothing, another one starts the wait afresh. */
    track(key: string | undefined): void {
        if (key === this.key) return;
        this.key = key;
        this.arm();
    }

    /** Asked again for the same thing: not taking long any more, and the full timeout again. */
    restart(): void {
        this.arm();
    }

    /** Nothing is awaited (the component left the page): no timer left behind. */
    stop(): void {
        this.key = undefined;
        this.clear();
        this.set(false);
    }

    get waiting(): boolean {
        return this.handle !== undefined;
    }

    private arm(): void {
        this.clear();
        this.set(false);
        if (this.key === undefined) return;
        this.handle = this.timers.set(() => {
            this.handle = undefined;
            this.set(true);
        }, this.timeoutMs);
    }

    private clear(): void {
        if (this.handle === undefined) return;
        this.timers.clear(this.handle);
        this.handle = undefined;
    }

    private set(takingLong: boolean): void {
        if (this.takingLong === takingLong) return;
        this.takingLong = takingLong;
        this.onChange(takingLong);
    }
}

/** What a wire emitted, as the readers take it. */
export interface WireAnswer {
    data?: unknown;
    errors?: readonly unknown[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** An error entry as the readers expect one: an object with a message (a null or message-less one says so). */
function describedError(entry: unknown): Record<string, unknown> {
    if (typeof entry === 'string' && entry.trim()) return { message: entry };
    if (!isObject(entry)) return { message: kpiErrorUndescribed };
    return typeof entry.message === 'string' && entry.message.trim()
        ? entry
        : { ...entry, message: kpiErrorUndescribed };
}

/**
 * A wire value as an answer, or undefined while there is none yet (the first emission has neither data nor
 * errors). Every error entry comes out as an object with a message, so readers never meet `null` and the error
 * panel never shows a blank; `errors: []` is no error. An answer with no data object and no error (`data: null`)
 * gets the "no answer came back" error: it can never be read as numbers, nor wait forever.
 */
export function readWireAnswer(value: unknown): WireAnswer | undefined {
    if (!isObject(value)) return undefined;
    const raw = value.errors;
    const list = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
    const errors = list.map(describedError);
    const { data } = value;
    if (data === undefined && errors.length === 0) return undefined;
    if (errors.length > 0) return data === undefined || data === null ? { errors } : { data, errors };
    return isObject(data) ? { data } : { data, errors: [{ message: kpiResultNoResponse }] };
}

/** The `refresh` a wire value carries, when it carries one. */
export function refreshOf(value: unknown): (() => Promise<void>) | undefined {
    return isObject(value) && typeof value.refresh === 'function' ? (value.refresh as () => Promise<void>) : undefined;
}

/**
 * Sends a wire's document afresh when there is no `refresh` to call (it never answered): `suspend(true)` makes the
 * component's query getter return undefined, and one microtask later `suspend(false)` gives the document back. The
 * wire reads its config in a microtask queued when the component's field changed, before this one, so it sees the
 * document go and come back: a new request.
 */
export function askAfresh(suspend: (suspended: boolean) => void): void {
    suspend(true);
    queueMicrotask(() => suspend(false));
}

/** What a component shows of its wait; a new object on every change, so a component field holding it re-renders. */
export interface Waiting {
    /** A refresh (or retry) is out: the refresh button waits, what is shown stays. */
    readonly refreshing: boolean;
    /** Why the latest refresh failed; undefined once another one is asked. */
    readonly refreshError?: unknown;
    /** The answer has not come for the timeout: a message and a retry instead of a spinner. */
    readonly takingLong: boolean;
    /** True for one microtask while a retry takes the document off the wire, so it is asked afresh. */
    readonly suspended: boolean;
}

export const NOT_WAITING: Waiting = Object.freeze({ refreshing: false, takingLong: false, suspended: false });

/**
 * Refresh, retry and "taking long" for a component with one wire. The component passes each wire value to
 * `receive`, tracks its `waitKey` after every render (`track`), stops on disconnect, and calls `refresh` and `retry`
 * from its buttons; `show` hands it every new Waiting to keep in a field the template reads.
 *
 * A refresh asks through the wire's `refresh`, which works after a failed answer too (the answer or failure shown stays
 * until the next one); a second refresh waits for the first. Before any answer there is no refresh: the first answer
 * is on its way, and only the retry, offered once it is taking long, sends the document afresh by taking it off the
 * wire for a moment. `resend` lets a component ask its own way instead (true when it did: the leaderboard goes back
 * from a page to its board document); the refresh then ends with the next answer.
 */
export class AnswerController {
    private current: Waiting = NOT_WAITING;
    private wireRefresh?: () => Promise<void>;
    /** Counts refreshes: only the latest one's end clears `refreshing`. */
    private refreshId = 0;
    private readonly wait: AnswerWait;

    constructor(
        private readonly show: (waiting: Waiting) => void,
        timeoutMs: number = ANSWER_TIMEOUT_MS,
        timers: Timers = REAL_TIMERS,
    ) {
        this.wait = new AnswerWait((takingLong) => this.update({ takingLong }), timeoutMs, timers);
    }

    get waiting(): Waiting {
        return this.current;
    }

    /** A wire value as an answer (readWireAnswer), undefined before there is one; an answer ends the refresh. */
    receive(value: unknown): WireAnswer | undefined {
        const answer = readWireAnswer(value);
        if (!answer) return undefined;
        this.wireRefresh = refreshOf(value) ?? this.wireRefresh;
        this.update({ refreshing: false });
        return answer;
    }

    /** What is awaited now (AnswerWait.track): the document not answered yet, or the refresh out; else undefined. */
    track(key: string | undefined): void {
        this.wait.track(key);
    }

    /** The component left the page: no timer left behind. */
    stop(): void {
        this.wait.stop();
    }

    /** The refresh button: asks again unless a refresh is out or no answer came yet. */
    refresh(resend?: () => boolean): void {
        this.ask(false, resend);
    }

    /** The retry offered while taking long: waits the full timeout again and asks, even while a refresh is out. */
    retry(resend?: () => boolean): void {
        this.wait.restart();
        this.ask(true, resend);
    }

    private ask(force: boolean, resend?: () => boolean): void {
        const refresh = this.wireRefresh;
        if ((this.current.refreshing || !refresh) && !force) return;
        const id = ++this.refreshId;
        this.update({ refreshing: true, refreshError: undefined });
        if (resend?.()) return;
        if (!refresh) {
            askAfresh((suspended) => this.update({ suspended }));
            return;
        }
        refresh()
            .catch((error: unknown) => {
                if (id === this.refreshId) this.update({ refreshError: error });
            })
            .finally(() => {
                if (id === this.refreshId) this.update({ refreshing: false });
            });
    }

    private update(change: Partial<Waiting>): void {
        const next = { ...this.current, ...change };
        const keys = Object.keys(next) as (keyof Waiting)[];
        if (keys.every((key) => next[key] === this.current[key])) return;
        this.current = next;
        this.show(next);
    }
}
