/**
 * Numbers, changes, date ranges and "as of" times in the viewer's locale and currency, with Intl only. Locale-specific
 * wording (units, relative times, month names) comes from Intl; the phrases Intl lacks ("3.2×", "+4 pts") are labels.
 */
import kpiFormatMultiple from '@salesforce/label/c.kpiFormatMultiple';
import kpiFormatPercentagePoints from '@salesforce/label/c.kpiFormatPercentagePoints';
import kpiFormatPreviousPeriod from '@salesforce/label/c.kpiFormatPreviousPeriod';
import kpiFormatSameDaysLastYear from '@salesforce/label/c.kpiFormatSameDaysLastYear';
import kpiFormatSameDaysPrevious from '@salesforce/label/c.kpiFormatSameDaysPrevious';
import kpiFormatSamePeriodLastYear from '@salesforce/label/c.kpiFormatSamePeriodLastYear';

/** `multiple` is for coverage-style ratios read as "3.2×"; `percent` values are fractions (0.25 → 25%). */
export type KpiUnit = 'count' | 'currency' | 'percent' | 'days' | 'multiple';

export interface FormatOptions {
    /** BCP 47 locale (`@salesforce/i18n/locale`). */
    locale: string;
    /** ISO 4217 code the amounts are in; required for `currency`. */
    currency?: string;
    /** Short form for tiles: 1.2K, 3.4M, 123K (Intl compact notation, at most 3 significant digits). */
    compact?: boolean;
}

export type ChangeDirection = 'up' | 'down' | 'flat';
export type ChangeTone = 'good' | 'bad' | 'neutral';

export interface FormattedChange {
    direction: ChangeDirection;
    /** Good or bad given whether higher is better; neutral when flat. */
    tone: ChangeTone;
    /** `+12.5%` relative to the previous value (the unit's delta when that is zero); `−3 pts` for rates; `+2 days`. */
    text: string;
    /** (current − previous) / |previous|, or null when the previous value is zero. */
    ratio: number | null;
}

// Smaller differences are floating-point noise and read as no change.
const FLAT_EPSILON = 1e-9;

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
    const key = `${locale}|${JSON.stringify(options)}`;
    let format = numberFormats.get(key);
    if (!format) {
        format = new Intl.NumberFormat(locale, options);
        numberFormats.set(key, format);
    }
    return format;
}

/**
 * Compact form: at most 3 significant digits and at most one decimal, whichever keeps fewer ($1.2M, $123K, $19.5K).
 * `minimumFractionDigits: 0` drops the ".0" that a currency's default minimum (2 digits, clamped to the maximum of 1)
 * would otherwise keep ("$19.0K"). `roundingPriority` is Intl.NumberFormat v3 (ES2023; Node 20 and Chromium 156 give
 * the same text); a browser without it rounds to the 3 significant digits alone ($1.23M).
 * https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Intl/NumberFormat/NumberFormat
 */
const COMPACT: Intl.NumberFormatOptions = {
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
    maximumSignificantDigits: 3,
    roundingPriority: 'lessPrecision',
};

/**
 * Where the locale has no short word for the magnitude (German thousands, Japanese below 万), the number stays whole:
 * rounding it to 3 significant digits would print a false "123.000 €" for 123,456.
 */
const UNABBREVIATED: Intl.NumberFormatOptions = {
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
};

function unitOptions(unit: KpiUnit, options: FormatOptions): Intl.NumberFormatOptions {
    switch (unit) {
        case 'currency':
            if (!options.currency) throw new RangeError('formatKpiValue: currency is required for the currency unit');
            return { style: 'currency', currency: options.currency };
        case 'percent':
            return { style: 'percent', maximumFractionDigits: 1 };
        case 'days':
            return { style: 'unit', unit: 'day', unitDisplay: 'long', maximumFractionDigits: 1 };
        case 'multiple':
        case 'count':
            return { maximumFractionDigits: 1 };
    }
}

/** Compact notation applies to amounts and counts; rates, days and multiples are short already. */
function formatNumber(
    value: number,
    unit: KpiUnit,
    options: FormatOptions,
    extra: Intl.NumberFormatOptions = {},
): string {
    const base = { ...unitOptions(unit, options), ...extra };
    if (!options.compact || (unit !== 'currency' && unit !== 'count')) {
        return numberFormat(options.locale, base).format(value);
    }
    const short = numberFormat(options.locale, { ...base, ...COMPACT });
    if (short.formatToParts(value).some((part) => part.type === 'compact')) return short.format(value);
    return numberFormat(options.locale, { ...base, ...UNABBREVIATED }).format(value);
}

/** A KPI value in its unit; percent values are ratios (0.25 → 25%). Empty for a missing value, never a false zero. */
export function formatKpiValue(value: number | null | undefined, unit: KpiUnit, options: FormatOptions): string {
    if (value === null || value === undefined || !Number.isFinite(value)) return '';
    const text = formatNumber(value, unit, options);
    return unit === 'multiple' ? kpiFormatMultiple.replace('{0}', text) : text;
}

/** How many records a number rests on, grouped as the locale groups digits. */
export function formatCount(value: number, locale: string): string {
    return numberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

function signed(value: number, locale: string, options: Intl.NumberFormatOptions): string {
    return numberFormat(locale, { ...options, signDisplay: 'exceptZero' }).format(value);
}

/** The change from `previous` to `current`, with its direction and tone; null when either value is missing. */
export function formatChange(
    current: number | null | undefined,
    previous: number | null | undefined,
    unit: KpiUnit,
    higherIsBetter: boolean,
    options: FormatOptions,
): FormattedChange | null {
    if (current === null || current === undefined || previous === null || previous === undefined) return null;
    if (!Number.isFinite(current) || !Number.isFinite(previous)) return null;
    const delta = current - previous;
    const direction: ChangeDirection = Math.abs(delta) < FLAT_EPSILON ? 'flat' : delta > 0 ? 'up' : 'down';
    const tone: ChangeTone =
        direction === 'flat' ? 'neutral' : (direction === 'up') === higherIsBetter ? 'good' : 'bad';
    const ratio = previous === 0 ? null : delta / Math.abs(previous);
    let text: string;
    if (unit === 'percent') {
        const points = signed(direction === 'flat' ? 0 : delta * 100, options.locale, { maximumFractionDigits: 1 });
        text = kpiFormatPercentagePoints.replace('{0}', points);
    } else if (unit === 'days' || unit === 'multiple') {
        text = formatNumber(delta, unit, options, { signDisplay: 'exceptZero' });
        if (unit === 'multiple') text = kpiFormatMultiple.replace('{0}', text);
    } else if (ratio !== null) {
        text = signed(direction === 'flat' ? 0 : ratio, options.locale, { style: 'percent', maximumFractionDigits: 1 });
    } else {
        text = formatNumber(delta, unit, options, { signDisplay: 'exceptZero' });
    }
    return { direction, tone, text, ratio };
}

const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
    ['second', 60],
    ['minute', 60],
    ['hour', 24],
];

/**
 * When the numbers were fetched: "5 minutes ago" within a day (Intl.RelativeTimeFormat), otherwise the date and time
 * in the viewer's time zone.
 */
export function formatAsOf(asOf: Date, now: Date, locale: string, timeZone: string): string {
    let amount = Math.round((asOf.getTime() - now.getTime()) / 1000);
    for (const [unit, size] of RELATIVE_STEPS) {
        if (Math.abs(amount) < size) {
            return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(
                unit === 'second' ? 0 : amount,
                unit,
            );
        }
        amount = Math.round(amount / size);
    }
    return new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(asOf);
}

/** A half-open window of civil days (`YYYY-MM-DD`) as the locale writes a date range, last day inclusive. */
export function formatDateRange(window: { start: string; end: string }, locale: string): string {
    const start = new Date(`${window.start}T00:00:00Z`);
    const last = new Date(new Date(`${window.end}T00:00:00Z`).getTime() - 86_400_000);
    const format = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'medium' });
    return last.getTime() <= start.getTime() ? format.format(start) : format.formatRange(start, last);
}

const COMPARED_WINDOW = {
    previousPeriod: { sameDays: kpiFormatSameDaysPrevious, whole: kpiFormatPreviousPeriod },
    samePeriodLastYear: { sameDays: kpiFormatSameDaysLastYear, whole: kpiFormatSamePeriodLastYear },
};

/**
 * The window a comparison reads, named with its days and how it lines up with the current one: "Jul 1 – Sep 3, 2026,
 * the same days of the previous period". A to-date window holds as many days as the current period has had so far,
 * so it says so: a chart of whole periods shows other numbers, and the reader must see why.
 */
export function formatComparedWindow(
    window: { start: string; end: string; toDate: boolean },
    comparison: keyof typeof COMPARED_WINDOW,
    locale: string,
): string {
    const words = COMPARED_WINDOW[comparison];
    return (window.toDate ? words.sameDays : words.whole).replace('{0}', formatDateRange(window, locale));
}
