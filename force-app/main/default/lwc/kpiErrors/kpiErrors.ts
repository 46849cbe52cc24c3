import kpiErrorNetwork from '@salesforce/label/c.kpiErrorNetwork';
import kpiErrorNoAccess from '@salesforce/label/c.kpiErrorNoAccess';
import kpiErrorNotSupported from '@salesforce/label/c.kpiErrorNotSupported';
import kpiErrorUndescribed from '@salesforce/label/c.kpiErrorUndescribed';
import kpiErrorUnknown from '@salesforce/label/c.kpiErrorUnknown';

/** What the user can do about an error: ask for field access, for the object, retry later, or report it. */
export type KpiErrorKind = 'noAccess' | 'notSupported' | 'network' | 'other';

export interface KpiErrorMessage {
    kind: KpiErrorKind;
    message: string;
}

const MAX_MESSAGE_LENGTH = 300;
// Deep enough for { body: { output: { fieldErrors: { f: [ … ] } } } }, shallow enough to stop on cycles.
const MAX_DEPTH = 6;

// Messages from fetch() and LDS when the browser cannot reach Salesforce (Chrome, Firefox, Safari, Aura).
const NETWORK =
    /failed to fetch|networkerror|load failed|network request failed|err_internet_disconnected|disconnected or canceled/i;
// UI API GraphQL (graphql-java) reports a field the user cannot see as undefined in the object's type;
// an object missing from RecordQuery / RecordQueryAggregate is not available to this user or org.
// (queries run with the user's object and field access: https://developer.salesforce.com/docs/platform/lwc/guide/reference-graphql-wire.html)
const UNDEFINED_FIELD = /Field '[^']+' in type '([^']+)' is undefined/;
const OBJECT_ROOTS = new Set(['RecordQuery', 'RecordQueryAggregate']);
const NOT_SUPPORTED =
    /sObject type '[^']+' is not supported|is not supported in UI API|object is not supported|\bINVALID_TYPE\b|\bNOT_SUPPORTED\b/i;
const NO_ACCESS =
    /no such column|\bINVALID_FIELD\b|\bINSUFFICIENT_ACCESS|insufficient access|insufficient privileges|not accessible|\bFIELD_NOT_ACCESSIBLE\b/i;

type Raw = Record<string, unknown>;

const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null;
function text(value: unknown): string | undefined {
    return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** Classifies from the message and any error code the platform attached. */
export function classifyError(message: string, codes: readonly unknown[] = []): KpiErrorKind {
    const haystack = [message, ...codes.filter((code): code is string => typeof code === 'string')].join(' ');
    if (NETWORK.test(haystack)) return 'network';
    const undefinedIn = UNDEFINED_FIELD.exec(haystack)?.[1];
    if (undefinedIn) return OBJECT_ROOTS.has(undefinedIn) ? 'notSupported' : 'noAccess';
    if (NOT_SUPPORTED.test(haystack)) return 'notSupported';
    if (NO_ACCESS.test(haystack)) return 'noAccess';
    return 'other';
}

/** Drops graphql-java's "Validation error of type X:" prefix and "@ 'path'" suffix, collapses whitespace, caps length. */
export function shortenMessage(message: string): string {
    const short = message
        .replace(/^Validation error (?:of type )?\(?\w+(?:@\[[^\]]*\])?\)?\s*:\s*/i, '')
        .replace(/\s@\s'[^']*'\s*$/, '')
        .replace(/\s+/g, ' ')
        .trim();
    return short.length > MAX_MESSAGE_LENGTH ? `${short.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : short;
}

function push(out: KpiErrorMessage[], message: string, codes: readonly unknown[] = []): void {
    out.push({ kind: classifyError(message, codes), message: shortenMessage(message) });
}

// One entry of a UI API body: { message, errorCode } or a GraphQL error { message, errorType, extensions }.
// An entry that is there but says nothing (null, an empty string: `errors: [null]`) is still an error: never a blank.
function collectEntry(entry: unknown, out: KpiErrorMessage[], depth: number): void {
    if (entry === null || entry === undefined || (typeof entry === 'string' && !text(entry))) {
        out.push({ kind: 'other', message: kpiErrorUndescribed });
        return;
    }
    if (!isObject(entry)) {
        collect(entry, out, depth + 1);
        return;
    }
    const message = text(entry.message);
    if (!message) {
        collect(entry, out, depth + 1);
        return;
    }
    const extensions = isObject(entry.extensions) ? entry.extensions : {};
    push(out, message, [entry.errorCode, entry.errorType, extensions.errorCode, extensions.ErrorType]);
}

function collectBody(body: unknown, out: KpiErrorMessage[], depth: number): boolean {
    const before = out.length;
    if (Array.isArray(body)) {
        for (const entry of body) collectEntry(entry, out, depth);
    } else if (typeof body === 'string') {
        collect(body, out, depth);
    } else if (isObject(body)) {
        const output = isObject(body.output) ? body.output : undefined;
        const lists = [body.pageErrors, output?.errors];
        const fieldMaps = [body.fieldErrors, output?.fieldErrors];
        for (const list of lists) if (Array.isArray(list)) for (const entry of list) collectEntry(entry, out, depth);
        for (const map of fieldMaps) {
            if (!isObject(map)) continue;
            for (const list of Object.values(map)) {
                if (Array.isArray(list)) for (const entry of list) collectEntry(entry, out, depth);
            }
        }
        if (out.length === before && text(body.message)) push(out, text(body.message)!, [body.errorCode]);
    }
    return out.length > before;
}

function collect(error: unknown, out: KpiErrorMessage[], depth: number): void {
    if (error === null || error === undefined) return;
    if (depth > MAX_DEPTH) {
        out.push({ kind: 'other', message: kpiErrorUnknown });
        return;
    }
    if (typeof error === 'string') {
        if (text(error)) push(out, text(error)!);
        return;
    }
    if (Array.isArray(error)) {
        for (const item of error) collectEntry(item, out, depth);
        return;
    }
    if (!isObject(error)) {
        out.push({ kind: 'other', message: kpiErrorUnknown });
        return;
    }
    // A GraphQL result ({ data, errors }) or an AggregateError: the entries are the errors, if any.
    if ('errors' in error || 'data' in error) {
        collect(error.errors, out, depth + 1);
        return;
    }
    if ('body' in error && collectBody(error.body, out, depth)) return;
    const message = text(error.message) ?? text(error.statusText);
    if (message) {
        push(out, message, [error.errorCode, error.errorType, error.name]);
        return;
    }
    // LDS reports an unreachable server as status 0.
    if (error.status === 0) {
        out.push({ kind: 'network', message: kpiErrorNetwork });
        return;
    }
    out.push({ kind: 'other', message: kpiErrorUnknown });
}

/**
 * Turns any error the platform hands a component (GraphQL `errors`, a `{ data, errors }` result, UI API and LDS
 * error bodies, `Error`s, fetch failures, strings, arrays of these, or junk) into short, deduplicated messages.
 * https://developer.salesforce.com/docs/platform/lwc/guide/data-error.html
 */
export function reduceErrors(error: unknown): KpiErrorMessage[] {
    const out: KpiErrorMessage[] = [];
    collect(error, out, 0);
    const seen = new Set<string>();
    return out.filter((entry) => {
        if (seen.has(entry.message)) return false;
        seen.add(entry.message);
        return true;
    });
}

/** The messages alone, for places that only list them. */
export function errorMessages(error: unknown): string[] {
    return reduceErrors(error).map((entry) => entry.message);
}

const SUMMARY_ORDER: readonly [KpiErrorKind, string][] = [
    ['noAccess', kpiErrorNoAccess],
    ['notSupported', kpiErrorNotSupported],
    ['network', kpiErrorNetwork],
];

/** One friendly line for a list of errors: the most actionable kind wins; empty when there is nothing to report. */
export function summarizeErrors(errors: readonly KpiErrorMessage[]): string {
    if (errors.length === 0) return '';
    const found = SUMMARY_ORDER.find(([kind]) => errors.some((entry) => entry.kind === kind));
    return found ? found[1] : kpiErrorUnknown;
}
