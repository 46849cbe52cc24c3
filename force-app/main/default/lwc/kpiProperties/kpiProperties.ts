/**
 * The one App Builder property layer: readers for every kind of property value (a choice from a list, a whole number
 * in a range, a period, a target number, a currency code, a field API name, a User Id, a KPI id or list, a boolean, a
 * text or picklist value), one problem shape, and one function that words a problem as an inline message naming the
 * property by its App Builder label. Values arrive as an admin typed them, or stale from an older page: no reader
 * throws on any input, each returns the value or what is wrong with it.
 */
import kpiPropertyFieldHidden from '@salesforce/label/c.kpiPropertyFieldHidden';
import kpiPropertyNotBoolean from '@salesforce/label/c.kpiPropertyNotBoolean';
import kpiPropertyNotChoice from '@salesforce/label/c.kpiPropertyNotChoice';
import kpiPropertyNotCurrency from '@salesforce/label/c.kpiPropertyNotCurrency';
import kpiPropertyNotFieldName from '@salesforce/label/c.kpiPropertyNotFieldName';
import kpiPropertyNotKpi from '@salesforce/label/c.kpiPropertyNotKpi';
import kpiPropertyNotOrgValue from '@salesforce/label/c.kpiPropertyNotOrgValue';
import kpiPropertyNotPeriod from '@salesforce/label/c.kpiPropertyNotPeriod';
import kpiPropertyNotTarget from '@salesforce/label/c.kpiPropertyNotTarget';
import kpiPropertyNotText from '@salesforce/label/c.kpiPropertyNotText';
import kpiPropertyNotUserId from '@salesforce/label/c.kpiPropertyNotUserId';
import kpiPropertyNotWholeNumber from '@salesforce/label/c.kpiPropertyNotWholeNumber';
import kpiTilePeriodThisWeek from '@salesforce/label/c.kpiTilePeriodThisWeek';
import kpiTilePeriodLastWeek from '@salesforce/label/c.kpiTilePeriodLastWeek';
import kpiTilePeriodThisMonth from '@salesforce/label/c.kpiTilePeriodThisMonth';
import kpiTilePeriodLastMonth from '@salesforce/label/c.kpiTilePeriodLastMonth';
import kpiTilePeriodThisQuarter from '@salesforce/label/c.kpiTilePeriodThisQuarter';
import kpiTilePeriodLastQuarter from '@salesforce/label/c.kpiTilePeriodLastQuarter';
import kpiTilePeriodThisYear from '@salesforce/label/c.kpiTilePeriodThisYear';
import kpiTilePeriodLastYear from '@salesforce/label/c.kpiTilePeriodLastYear';
import kpiTilePeriodThisFiscalQuarter from '@salesforce/label/c.kpiTilePeriodThisFiscalQuarter';
import kpiTilePeriodLastFiscalQuarter from '@salesforce/label/c.kpiTilePeriodLastFiscalQuarter';
import kpiTilePeriodThisFiscalYear from '@salesforce/label/c.kpiTilePeriodThisFiscalYear';
import kpiTilePeriodLastFiscalYear from '@salesforce/label/c.kpiTilePeriodLastFiscalYear';
import kpiTilePeriodRollingDays from '@salesforce/label/c.kpiTilePeriodRollingDays';
import { parsePeriod, propertyText } from 'c/kpiPeriods';
import type { Period, PeriodKind } from 'c/kpiPeriods';

/** What the shared readers find wrong; components may add codes of their own (worded by their own templates). */
export type ReaderCode =
    | 'notChoice'
    | 'notWholeNumber'
    | 'notPeriod'
    | 'notTarget'
    | 'notCurrency'
    | 'notFieldName'
    | 'notUserId'
    | 'notKpi'
    | 'notBoolean'
    | 'notText'
    | 'notOrgValue'
    | 'fieldHidden';

/** The one problem shape of every component's properties. */
export interface PropertyProblem<Code extends string = string> {
    /** The App Builder property at fault (API name). */
    property: string;
    /** The value as given (whole: it is cut only when worded). */
    value: string;
    code: Code;
    /** `error` stops what it touches; `warning` reports a value that is ignored or replaced. */
    severity: 'error' | 'warning';
    /** What the message needs besides the property and value: allowed choices, a range, a field … */
    args?: (string | number)[];
}

/** A reader's answer: the value, or why the given one is not acceptable. */
export type Reading<T> =
    { ok: true; value: T } | { ok: false; code: ReaderCode; value: string; args?: (string | number)[] };

/** Longest value echoed in a message; longer ones are cut with an ellipsis. */
export const MAX_SHOWN = 60;
export const MAX_TEXT = 255;

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;
const SALESFORCE_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const DECIMAL = /^\d+(?:\.\d+)?$/;
const WHOLE = /^-?\d+$/;
const THOUSANDS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?%?$/;

/** `{0}`, `{1}` … in a label replaced by the values, every occurrence; a placeholder without a value stays. */
export function fillLabel(template: string, ...values: readonly (string | number)[]): string {
    return template.replace(/\{(\d+)\}/g, (match, index: string) => {
        const value = values[Number(index)];
        return value === undefined ? match : String(value);
    });
}

/** Empty, whitespace only, null or undefined: the property was left blank. */
export function isBlank(value: unknown): boolean {
    return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** A property value as text, trimmed. */
export function shown(value: unknown): string {
    return typeof value === 'string' ? value.trim() : propertyText(value);
}

/** Text cut to `max` characters (the last one an ellipsis), so a message never echoes a huge value whole. */
export function cut(text: string, max: number = MAX_SHOWN): string {
    const chars = Array.from(text);
    return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

const ok = <T>(value: T): Reading<T> => ({ ok: true, value });
const bad = <T>(code: ReaderCode, value: unknown, args?: (string | number)[]): Reading<T> => ({
    ok: false,
    code,
    value: shown(value),
    ...(args ? { args } : {}),
});

/** One of `allowed`; blank gives the fallback. */
export function readChoice<T extends string>(value: unknown, allowed: readonly T[], fallback: T): Reading<T> {
    if (isBlank(value)) return ok(fallback);
    const text = shown(value);
    return (allowed as readonly string[]).includes(text)
        ? ok(text as T)
        : bad('notChoice', value, [allowed.join(', ')]);
}

/** A whole number from `min` to `max` (a number, or its digits as text); blank gives the fallback. */
export function readWholeNumber<F extends number | undefined>(
    value: unknown,
    min: number,
    max: number,
    fallback: F,
): Reading<number | F> {
    if (isBlank(value)) return ok(fallback);
    const text = typeof value === 'number' || typeof value === 'string' ? String(value).trim() : '';
    const number = WHOLE.test(text) ? Number(text) : NaN;
    return number >= min && number <= max ? ok(number) : bad('notWholeNumber', value, [min, max]);
}

/** A period kind (`thisFiscalQuarter`) or `rollingDays:N`; blank gives the fallback. */
export function readPeriod(value: unknown, fallback: string): Reading<Period> {
    const period = parsePeriod(isBlank(value) ? fallback : shown(value));
    return period ? ok(period) : bad('notPeriod', value);
}

/**
 * A target as typed, at least 0: `250000`, `1,500,000`, `27.5`; with `percent`, `25%` is 0.25 too. Blank is null (no target);
 * `positive` refuses 0.
 */
export function readTarget(
    value: unknown,
    options: { percent?: boolean; positive?: boolean } = {},
): Reading<number | null> {
    if (isBlank(value)) return ok(null);
    if (typeof value === 'number') {
        return Number.isFinite(value) && value >= 0 && !(options.positive && value === 0)
            ? ok(value)
            : bad('notTarget', value);
    }
    // A comma only groups thousands (1,500,000): a decimal comma (27,5) is refused rather than read as 275.
    const compact = shown(value).replace(/\s/g, '');
    if (compact.includes(',') && !THOUSANDS.test(compact)) return bad('notTarget', value);
    const text = compact.replace(/,/g, '');
    const percent = options.percent === true && text.endsWith('%');
    const digits = percent ? text.slice(0, -1) : text;
    if (!DECIMAL.test(digits)) return bad('notTarget', value);
    const number = Number(digits) / (percent ? 100 : 1);
    return options.positive && number === 0 ? bad('notTarget', value) : ok(number);
}

/** An ISO 4217 code the browser knows (Intl formats any three letters, so its list decides); blank is null. */
export function readCurrencyCode(value: unknown): Reading<string | null> {
    if (isBlank(value)) return ok(null);
    const code = shown(value).toUpperCase();
    const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : undefined;
    return /^[A-Z]{3}$/.test(code) && (!known || known.includes(code)) ? ok(code) : bad('notCurrency', value);
}

/** A field API name (`Loss_Reason__c`); blank gives the fallback. */
export function readFieldName(value: unknown, fallback: string): Reading<string> {
    if (isBlank(value)) return ok(fallback);
    const text = shown(value);
    return typeof value === 'string' && FIELD_NAME.test(text) ? ok(text) : bad('notFieldName', value);
}

/** A 15- or 18-character Salesforce Id, or one of `aliases` (such as `me`); blank gives the fallback. */
export function readUserId(value: unknown, fallback: string, aliases: readonly string[] = []): Reading<string> {
    if (isBlank(value)) return ok(fallback);
    const text = shown(value);
    return typeof value === 'string' && (SALESFORCE_ID.test(text) || aliases.includes(text))
        ? ok(text)
        : bad('notUserId', value);
}

/** A KPI id `known` accepts (`choices` lists them for the message); blank gives the fallback. */
export function readKpiId(
    value: unknown,
    known: (id: string) => boolean,
    fallback: string,
    choices: readonly string[] = [],
): Reading<string> {
    const id = isBlank(value) ? fallback : shown(value);
    return known(id) ? ok(id) : bad('notKpi', id, [choices.join(', ')]);
}

/** KPI ids separated by commas, semicolons or white space, in order, each once; blank is an empty list. */
export function readKpiList(value: unknown): Reading<string[]> {
    if (isBlank(value)) return ok([]);
    if (typeof value !== 'string') return bad('notKpi', value, ['']);
    return ok([...new Set(value.split(/[\s,;]+/).filter(Boolean))]);
}

/** A Boolean property, or its text `true` / `false`; blank gives the fallback. */
export function readBoolean(value: unknown, fallback: boolean): Reading<boolean> {
    if (typeof value === 'boolean') return ok(value);
    if (isBlank(value)) return ok(fallback);
    const text = shown(value);
    return text === 'true' ? ok(true) : text === 'false' ? ok(false) : bad('notBoolean', value);
}

/** One line of text (a picklist value, a role or profile name) of at most `max` characters; blank gives the fallback. */
export function readText(value: unknown, fallback: string, max: number = MAX_TEXT, pattern?: RegExp): Reading<string> {
    if (isBlank(value)) return ok(fallback);
    const text = shown(value);
    return typeof value === 'string' && text.length <= max && !/[\r\n]/.test(text) && (!pattern || pattern.test(text))
        ? ok(text)
        : bad('notText', value, [max]);
}

/**
 * Every reader, by the kind of value it reads: `read.choice(value, allowed, fallback)`. A component takes the property
 * layer as this one import instead of naming each reader it uses.
 */
export const read = {
    boolean: readBoolean,
    choice: readChoice,
    currencyCode: readCurrencyCode,
    fieldName: readFieldName,
    kpiId: readKpiId,
    kpiList: readKpiList,
    period: readPeriod,
    target: readTarget,
    text: readText,
    userId: readUserId,
    wholeNumber: readWholeNumber,
} as const;

/** A reading that failed, as the problem of `property`. */
export function problemOf(
    property: string,
    reading: Extract<Reading<unknown>, { ok: false }>,
    severity: PropertyProblem['severity'] = 'error',
): PropertyProblem<ReaderCode> {
    return {
        property,
        value: reading.value,
        code: reading.code,
        severity,
        ...(reading.args ? { args: reading.args } : {}),
    };
}

/** Message templates of the shared codes: {0} the property's label, {1} the value, {2}… the problem's args. */
export const PROBLEM_TEMPLATES: Record<ReaderCode, string> = {
    notChoice: kpiPropertyNotChoice,
    notWholeNumber: kpiPropertyNotWholeNumber,
    notPeriod: kpiPropertyNotPeriod,
    notTarget: kpiPropertyNotTarget,
    notCurrency: kpiPropertyNotCurrency,
    notFieldName: kpiPropertyNotFieldName,
    notUserId: kpiPropertyNotUserId,
    notKpi: kpiPropertyNotKpi,
    notBoolean: kpiPropertyNotBoolean,
    notText: kpiPropertyNotText,
    notOrgValue: kpiPropertyNotOrgValue,
    fieldHidden: kpiPropertyFieldHidden,
};

/**
 * A problem as one inline message: `<Property label>: "<value>" is not …. <what to do>.`, the property named by its
 * App Builder label (`labels[property]`, else the API name), the value cut to a readable length. Components word their
 * own codes with `templates`, in the same pattern.
 */
export function problemMessage(
    problem: PropertyProblem,
    labels: Readonly<Record<string, string>>,
    templates: Readonly<Record<string, string>> = {},
): string {
    const template = templates[problem.code] ?? (PROBLEM_TEMPLATES as Record<string, string>)[problem.code] ?? '';
    const args = (problem.args ?? []).map((arg) => (typeof arg === 'string' ? cut(arg, MAX_TEXT) : arg));
    return fillLabel(template, labels[problem.property] || problem.property, cut(problem.value), ...args);
}

/** Every period kind's name as the components show it (a rolling period's label takes its days as {0}). */
export const PERIOD_LABELS: Readonly<Record<PeriodKind, string>> = {
    thisWeek: kpiTilePeriodThisWeek,
    lastWeek: kpiTilePeriodLastWeek,
    thisMonth: kpiTilePeriodThisMonth,
    lastMonth: kpiTilePeriodLastMonth,
    thisQuarter: kpiTilePeriodThisQuarter,
    lastQuarter: kpiTilePeriodLastQuarter,
    thisYear: kpiTilePeriodThisYear,
    lastYear: kpiTilePeriodLastYear,
    thisFiscalQuarter: kpiTilePeriodThisFiscalQuarter,
    lastFiscalQuarter: kpiTilePeriodLastFiscalQuarter,
    thisFiscalYear: kpiTilePeriodThisFiscalYear,
    lastFiscalYear: kpiTilePeriodLastFiscalYear,
    rollingDays: kpiTilePeriodRollingDays,
};
