/**
 * Calendar arithmetic for the engine: civil days, the viewer's "today", date literals and ranges, date functions.
 * A civil day is a whole number of days since 1970-01-01 (no time zone); every range is half-open [start, end).
 */

/** What a relative date depends on: the viewer's today, week start and the org's fiscal year. */
export interface Calendar {
    /** The viewer's current civil day. */
    today: number;
    /** First day of the week, 0 = Sunday … 6 = Saturday (from the viewer's locale). */
    weekStart: number;
    /** Month (1-12) the org's fiscal year starts in. */
    fiscalYearStartMonth: number;
    /** True when a fiscal year is named after the calendar year it starts in (Organization.UsesStartDateAsFiscalYearName). */
    fiscalYearNamedByStart: boolean;
}

export interface DayRange {
    start: number;
    end: number;
}

const MS_PER_DAY = 86_400_000;

export function dayFromYmd(year: number, month: number, day: number): number {
    return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** Parses `YYYY-MM-DD` (or the date part of an ISO datetime); NaN when it is not a date. */
export function dayFromIso(iso: string): number {
    if (iso.length < 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return NaN;
    const year = Number(iso.slice(0, 4));
    const month = Number(iso.slice(5, 7));
    const day = Number(iso.slice(8, 10));
    if (!Number.isInteger(year) || !(month >= 1 && month <= 12) || !(day >= 1 && day <= 31)) return NaN;
    return dayFromYmd(year, month, day);
}

export function isoFromDay(day: number): string {
    return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export interface Ymd {
    year: number;
    month: number;
    day: number;
}

// Civil-from-days without allocating a Date (Howard Hinnant's public-domain algorithm), hot in scans.
export function ymdFromDay(day: number): Ymd {
    const z = day + 719468;
    const era = Math.floor(z / 146097);
    const doe = z - era * 146097;
    const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153);
    const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
    const m = mp < 10 ? mp + 3 : mp - 9;
    return { year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: number): number {
    return (((day + 4) % 7) + 7) % 7;
}

function addMonths(year: number, month: number, delta: number): { year: number; month: number } {
    const index = year * 12 + (month - 1) + delta;
    return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

function monthStart(year: number, month: number, delta = 0): number {
    const m = addMonths(year, month, delta);
    return dayFromYmd(m.year, m.month, 1);
}

const zoneFormatters = new Map<string, Intl.DateTimeFormat>();

function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
    let formatter = zoneFormatters.get(timeZone);
    if (!formatter) {
        formatter = new Intl.DateTimeFormat('en-US', {
            timeZone,
            hourCycle: 'h23',
            year: 'numeric',
            month: 'numeric',
            day: 'numeric',
            hour: 'numeric',
            minute: 'numeric',
            second: 'numeric',
        });
        zoneFormatters.set(timeZone, formatter);
    }
    return formatter;
}

export interface WallClock extends Ymd {
    hour: number;
    minute: number;
    second: number;
}

/** The local date and time (to the second) an instant shows on a wall clock in `timeZone`. */
export function wallClock(epochMs: number, timeZone: string): WallClock {
    const parts: Record<string, number> = {};
    for (const p of zoneFormatter(timeZone).formatToParts(new Date(epochMs))) {
        if (p.type !== 'literal') parts[p.type] = Number(p.value);
    }
    return parts as unknown as WallClock;
}

/** Throws a clear error for a time zone Intl does not know. */
export function assertTimeZone(timeZone: string): void {
    try {
        zoneFormatter(timeZone);
    } catch {
        throw new RangeError(`viewer.timeZone: "${timeZone}" is not an IANA time zone`);
    }
}

const offsetCache = new Map<string, Map<number, number>>();
const OFFSET_BUCKET_MS = 15 * 60_000;

function offsetAt(epochMs: number, timeZone: string): number {
    const parts = wallClock(epochMs, timeZone);
    const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
    return Math.round((wall - Math.floor(epochMs / 60_000) * 60_000) / 60_000);
}

/**
 * Minutes to add to a UTC instant to get local wall time in `timeZone`. Cached per UTC day when the offset is the
 * same at both ends of the day (no transition inside), else per 15 minutes: a few thousand Intl calls for years of data.
 */
export function zoneOffsetMinutes(epochMs: number, timeZone: string): number {
    if (timeZone === 'UTC') return 0;
    let cache = offsetCache.get(timeZone);
    if (!cache) {
        cache = new Map();
        offsetCache.set(timeZone, cache);
    }
    const day = Math.floor(epochMs / MS_PER_DAY);
    let offset = cache.get(day);
    if (offset === undefined) {
        const start = offsetAt(day * MS_PER_DAY, timeZone);
        const end = offsetAt((day + 1) * MS_PER_DAY - 60_000, timeZone);
        // NaN marks a transition day: fall through to the finer buckets.
        offset = start === end ? start : NaN;
        cache.set(day, offset);
    }
    if (!Number.isNaN(offset)) return offset;
    const bucketKey = -1 - Math.floor(epochMs / OFFSET_BUCKET_MS);
    let fine = cache.get(bucketKey);
    if (fine === undefined) {
        fine = offsetAt(Math.floor(epochMs / OFFSET_BUCKET_MS) * OFFSET_BUCKET_MS, timeZone);
        cache.set(bucketKey, fine);
    }
    return fine;
}

/** Epoch ms of an ISO instant; a fast path for `YYYY-MM-DDTHH:MM:SS(.sss)Z`, Date.parse for anything else. */
export function parseInstant(iso: string): number {
    const n = iso.length;
    if ((n === 20 || n === 24) && iso.charCodeAt(n - 1) === 90 && iso.charCodeAt(10) === 84) {
        const year =
            (iso.charCodeAt(0) - 48) * 1000 +
            (iso.charCodeAt(1) - 48) * 100 +
            (iso.charCodeAt(2) - 48) * 10 +
            (iso.charCodeAt(3) - 48);
        const month = (iso.charCodeAt(5) - 48) * 10 + (iso.charCodeAt(6) - 48);
        const day = (iso.charCodeAt(8) - 48) * 10 + (iso.charCodeAt(9) - 48);
        const hour = (iso.charCodeAt(11) - 48) * 10 + (iso.charCodeAt(12) - 48);
        const minute = (iso.charCodeAt(14) - 48) * 10 + (iso.charCodeAt(15) - 48);
        const second = (iso.charCodeAt(17) - 48) * 10 + (iso.charCodeAt(18) - 48);
        const ms =
            n === 24 ? (iso.charCodeAt(20) - 48) * 100 + (iso.charCodeAt(21) - 48) * 10 + (iso.charCodeAt(22) - 48) : 0;
        if (month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour < 24 && minute < 60 && second < 60) {
            return dayFromYmd(year, month, day) * MS_PER_DAY + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms;
        }
    }
    return Date.parse(iso);
}

/** The civil day an instant falls on in `timeZone`. */
export function localDayOf(epochMs: number, timeZone: string): number {
    return Math.floor((epochMs + zoneOffsetMinutes(epochMs, timeZone) * 60_000) / MS_PER_DAY);
}

/** Local hour (0-23) of an instant in `timeZone`. */
export function localHourOf(epochMs: number, timeZone: string): number {
    const local = epochMs + zoneOffsetMinutes(epochMs, timeZone) * 60_000;
    return Math.floor((((local % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY) / 3_600_000);
}

/** First day of the week for a BCP 47 locale, 0 = Sunday (Intl week info; Sunday when unknown). */
export function weekStartOf(locale: string): number {
    try {
        const loc = new Intl.Locale(locale) as Intl.Locale & {
            weekInfo?: { firstDay: number };
            getWeekInfo?: () => { firstDay: number };
        };
        const info = loc.getWeekInfo ? loc.getWeekInfo() : loc.weekInfo;
        return info ? info.firstDay % 7 : 0;
    } catch {
        throw new RangeError(`viewer.locale: "${locale}" is not a BCP 47 locale`);
    }
}

export function makeCalendar(
    now: Date,
    timeZone: string,
    locale: string,
    fiscalYearStartMonth: number,
    fiscalYearNamedByStart: boolean,
): Calendar {
    assertTimeZone(timeZone);
    if (!(Number.isInteger(fiscalYearStartMonth) && fiscalYearStartMonth >= 1 && fiscalYearStartMonth <= 12)) {
        throw new RangeError(`org.fiscalYearStartMonth: expected 1-12, got ${String(fiscalYearStartMonth)}`);
    }
    return {
        today: localDayOf(now.getTime(), timeZone),
        weekStart: weekStartOf(locale),
        fiscalYearStartMonth,
        fiscalYearNamedByStart,
    };
}

function weekStartDay(cal: Calendar, day: number): number {
    return day - ((weekdayOf(day) - cal.weekStart + 7) % 7);
}

/** Start day of the fiscal year containing `day`. */
function fiscalYearStartDay(cal: Calendar, day: number): number {
    const { year, month } = ymdFromDay(day);
    const startYear = month >= cal.fiscalYearStartMonth ? year : year - 1;
    return dayFromYmd(startYear, cal.fiscalYearStartMonth, 1);
}

function fiscalQuarterStartDay(cal: Calendar, day: number, deltaQuarters = 0): number {
    const { year, month } = ymdFromDay(day);
    const monthsIntoYear = (month - cal.fiscalYearStartMonth + 12) % 12;
    const quarterStart = addMonths(year, month, -(monthsIntoYear % 3));
    return monthStart(quarterStart.year, quarterStart.month, deltaQuarters * 3);
}

function calendarQuarterStartDay(day: number, deltaQuarters = 0): number {
    const { year, month } = ymdFromDay(day);
    return monthStart(year, month - ((month - 1) % 3), deltaQuarters * 3);
}

function shiftFiscalYears(cal: Calendar, day: number, delta: number): number {
    const { year, month } = ymdFromDay(fiscalYearStartDay(cal, day));
    return monthStart(year, month, delta * 12);
}

/** The UI API `DateLiteral` enum values, as SOQL defines them. */
export const dateLiterals = [
    'YESTERDAY',
    'TODAY',
    'TOMORROW',
    'LAST_WEEK',
    'THIS_WEEK',
    'NEXT_WEEK',
    'LAST_MONTH',
    'THIS_MONTH',
    'NEXT_MONTH',
    'LAST_90_DAYS',
    'NEXT_90_DAYS',
    'LAST_QUARTER',
    'THIS_QUARTER',
    'NEXT_QUARTER',
    'LAST_FISCAL_QUARTER',
    'THIS_FISCAL_QUARTER',
    'NEXT_FISCAL_QUARTER',
    'LAST_YEAR',
    'THIS_YEAR',
    'NEXT_YEAR',
    'LAST_FISCAL_YEAR',
    'THIS_FISCAL_YEAR',
    'NEXT_FISCAL_YEAR',
] as const;

export type DateLiteral = (typeof dateLiterals)[number];

/** The periods date literals and ranges count in. */
type PeriodUnit = 'day' | 'week' | 'month' | 'quarter' | 'fiscal_quarter' | 'year' | 'fiscal_year';
const periodUnits: readonly string[] = ['day', 'week', 'month', 'quarter', 'fiscal_quarter', 'year', 'fiscal_year'];

/** First day of the `unit` period `delta` periods from the one holding today (0: this one, -1: the last one). */
function periodStart(unit: PeriodUnit, cal: Calendar, delta: number): number {
    const t = cal.today;
    switch (unit) {
        case 'day':
            return t + delta;
        case 'week':
            return weekStartDay(cal, t) + 7 * delta;
        case 'month': {
            const { year, month } = ymdFromDay(t);
            return monthStart(year, month, delta);
        }
        case 'quarter':
            return calendarQuarterStartDay(t, delta);
        case 'fiscal_quarter':
            return fiscalQuarterStartDay(cal, t, delta);
        case 'year':
            return dayFromYmd(ymdFromDay(t).year + delta, 1, 1);
        case 'fiscal_year':
            return shiftFiscalYears(cal, t, delta);
    }
}

/** From the start of period `from` to the start of period `to`, counted as periodStart counts. */
function periods(unit: PeriodUnit, cal: Calendar, from: number, to: number): DayRange {
    return { start: periodStart(unit, cal, from), end: periodStart(unit, cal, to) };
}

/** The unit a literal or range kind names (`FISCAL_QUARTER`, `fiscal_quarters`), if it is one. */
function periodUnit(name: string | undefined): PeriodUnit | undefined {
    const unit = name?.toLowerCase();
    return unit !== undefined && periodUnits.includes(unit) ? (unit as PeriodUnit) : undefined;
}

const LITERAL_SHIFTS: Record<string, number> = { LAST: -1, THIS: 0, NEXT: 1 };
const DAY_LITERALS: Record<string, number> = { YESTERDAY: -1, TODAY: 0, TOMORROW: 1 };

// Ranges per developer.salesforce.com/docs/platform/salesforce-soql-sosl/guide/sforce-api-calls-soql-select-dateformats.html
export function literalRange(literal: string, cal: Calendar): DayRange {
    const day = DAY_LITERALS[literal];
    if (day !== undefined) return periods('day', cal, day, day + 1);
    // LAST_90_DAYS includes today (91 days); NEXT_90_DAYS starts tomorrow.
    if (literal === 'LAST_90_DAYS') return periods('day', cal, -90, 1);
    if (literal === 'NEXT_90_DAYS') return periods('day', cal, 1, 91);
    const [, shift, name] = /^(LAST|THIS|NEXT)_([A-Z_]+)$/.exec(literal) ?? [];
    const unit = periodUnit(name);
    if (!unit || unit === 'day') throw new RangeError(`unknown date literal ${literal}`);
    return periods(unit, cal, LITERAL_SHIFTS[shift], LITERAL_SHIFTS[shift] + 1);
}

/** The UI API `DateRange` input fields. */
export const dateRangeKinds = [
    'last_n_days',
    'next_n_days',
    'last_n_weeks',
    'next_n_weeks',
    'last_n_months',
    'next_n_months',
    'last_n_quarters',
    'next_n_quarters',
    'last_n_fiscal_quarters',
    'next_n_fiscal_quarters',
    'last_n_years',
    'next_n_years',
    'last_n_fiscal_years',
    'next_n_fiscal_years',
    'n_days_ago',
    'n_weeks_ago',
    'n_months_ago',
    'n_quarters_ago',
    'n_years_ago',
    'n_fiscal_quarters_ago',
    'n_fiscal_years_ago',
] as const;

// Ranges per the SOQL date literals LAST_N_DAYS:n … N_FISCAL_YEARS_AGO:n (same page as literalRange).
export function relativeRange(kind: string, n: number, cal: Calendar): DayRange {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`${kind} needs a whole number ≥ 0, got ${String(n)}`);
    const [, direction, lastOrNext, ago] = /^(?:(last|next)_n_([a-z_]+)s|n_([a-z_]+)s_ago)$/.exec(kind) ?? [];
    const unit = periodUnit(lastOrNext ?? ago);
    if (!unit) throw new RangeError(`unknown date range ${kind}`);
    if (ago !== undefined) return periods(unit, cal, -n, 1 - n);
    if (direction === 'next') return periods(unit, cal, 1, 1 + n);
    // LAST_N_DAYS:n includes today; the other LAST_N_ ranges end where the current period starts.
    return periods(unit, cal, -n, unit === 'day' ? 1 : 0);
}

/** The UI API `GroupByFunction` enum values. */
export const dateFunctions = [
    'DAY_IN_WEEK',
    'DAY_IN_MONTH',
    'DAY_IN_YEAR',
    'WEEK_IN_MONTH',
    'WEEK_IN_YEAR',
    'CALENDAR_MONTH',
    'CALENDAR_QUARTER',
    'CALENDAR_YEAR',
    'FISCAL_MONTH',
    'FISCAL_QUARTER',
    'FISCAL_YEAR',
    'DAY_ONLY',
    'HOUR_IN_DAY',
] as const;

export type DateFunction = (typeof dateFunctions)[number];

export function fiscalYearOf(cal: Pick<Calendar, 'fiscalYearStartMonth' | 'fiscalYearNamedByStart'>, ymd: Ymd): number {
    if (cal.fiscalYearStartMonth === 1) return ymd.year;
    const startYear = ymd.month >= cal.fiscalYearStartMonth ? ymd.year : ymd.year - 1;
    return cal.fiscalYearNamedByStart ? startYear : startYear + 1;
}

// Values per developer.salesforce.com/docs/platform/salesforce-soql-sosl/guide/sforce-api-calls-soql-select-date-functions.html
export function dateFunctionValue(fn: string, day: number, cal: Calendar, hour = 0): number {
    const ymd = ymdFromDay(day);
    switch (fn) {
        case 'CALENDAR_MONTH':
            return ymd.month;
        case 'CALENDAR_QUARTER':
            return Math.floor((ymd.month - 1) / 3) + 1;
        case 'CALENDAR_YEAR':
            return ymd.year;
        case 'DAY_IN_MONTH':
            return ymd.day;
        // 1 = Sunday … 7 = Saturday.
        case 'DAY_IN_WEEK':
            return weekdayOf(day) + 1;
        case 'DAY_IN_YEAR':
            return day - dayFromYmd(ymd.year, 1, 1) + 1;
        // Week 1 is January 1-7 (and the 1st-7th of a month), not an ISO week.
        case 'WEEK_IN_YEAR':
            return Math.floor((day - dayFromYmd(ymd.year, 1, 1)) / 7) + 1;
        case 'WEEK_IN_MONTH':
            return Math.floor((ymd.day - 1) / 7) + 1;
        case 'FISCAL_MONTH':
            return ((ymd.month - cal.fiscalYearStartMonth + 12) % 12) + 1;
        case 'FISCAL_QUARTER':
            return Math.floor(((ymd.month - cal.fiscalYearStartMonth + 12) % 12) / 3) + 1;
        case 'FISCAL_YEAR':
            return fiscalYearOf(cal, ymd);
        case 'DAY_ONLY':
            return day;
        case 'HOUR_IN_DAY':
            return hour;
        default:
            throw new RangeError(`unknown date function ${fn}`);
    }
}
