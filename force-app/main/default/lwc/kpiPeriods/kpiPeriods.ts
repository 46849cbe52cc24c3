/**
 * Periods in the viewer's calendar: which days "this fiscal quarter" or "the last 30 days" cover, what they are compared
 * with, and the buckets of a sparkline. Days are civil dates in the viewer's time zone, written `YYYY-MM-DD`; every
 * window is half-open, [start, end). Nothing here reads the clock: callers pass `now`.
 */

export type PeriodKind =
    | 'thisWeek'
    | 'lastWeek'
    | 'thisMonth'
    | 'lastMonth'
    | 'thisQuarter'
    | 'lastQuarter'
    | 'thisYear'
    | 'lastYear'
    | 'thisFiscalQuarter'
    | 'lastFiscalQuarter'
    | 'thisFiscalYear'
    | 'lastFiscalYear'
    | 'rollingDays';

export interface Period {
    kind: PeriodKind;
    /** For `rollingDays`: today and this many days before it, as Salesforce's LAST_N_DAYS:n counts them. */
    days?: number;
}

export type Comparison = 'none' | 'previousPeriod' | 'samePeriodLastYear';

/** The UI API `DateLiteral` values a period maps onto; the server resolves them with the org's fiscal settings. */
export type DateLiteral =
    | 'TOMORROW'
    | 'THIS_WEEK'
    | 'LAST_WEEK'
    | 'THIS_MONTH'
    | 'LAST_MONTH'
    | 'THIS_QUARTER'
    | 'LAST_QUARTER'
    | 'THIS_YEAR'
    | 'LAST_YEAR'
    | 'THIS_FISCAL_QUARTER'
    | 'LAST_FISCAL_QUARTER'
    | 'THIS_FISCAL_YEAR'
    | 'LAST_FISCAL_YEAR';

/** How the viewer's calendar works: where days, weeks and fiscal years start. */
export interface ViewerCalendar {
    /** IANA time zone of the viewer (`@salesforce/i18n/timeZone`). */
    timeZone: string;
    /** First day of the week, 1 = Sunday … 7 = Saturday, as `@salesforce/i18n/firstDayOfWeek` gives it. */
    firstDayOfWeek: number;
    /** Month (1-12) the org's standard fiscal year starts in (Organization.FiscalYearStartMonth). */
    fiscalYearStartMonth: number;
}

export interface DateWindow {
    /** First day, `YYYY-MM-DD`. */
    start: string;
    /** The day after the last one, `YYYY-MM-DD`. */
    end: string;
    /** The literal the server evaluates to the same days (with `lt: TOMORROW` when `toDate`). */
    literal?: DateLiteral;
    /** For rolling windows: the UI API `DateRange` the server evaluates to the same days. */
    lastNDays?: number;
    /** The period runs past today and the window stops at the end of today. */
    toDate: boolean;
}

/** The period, how long a bucket is, and whether it is the one containing today. */
interface PeriodRule {
    unit: Unit;
    offset: 0 | -1;
    literal: DateLiteral;
}

type Unit = 'week' | 'month' | 'quarter' | 'year' | 'fiscalQuarter' | 'fiscalYear';

/** Each unit gives two periods, e.g. thisFiscalQuarter (THIS_FISCAL_QUARTER) and lastFiscalQuarter, in this order. */
const UNITS: readonly Unit[] = ['week', 'month', 'quarter', 'year', 'fiscalQuarter', 'fiscalYear'];

const RULES = Object.fromEntries(
    UNITS.flatMap((unit) => {
        const name = unit.charAt(0).toUpperCase() + unit.slice(1);
        const literal = unit.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase();
        return [
            [`this${name}`, { unit, offset: 0, literal: `THIS_${literal}` }],
            [`last${name}`, { unit, offset: -1, literal: `LAST_${literal}` }],
        ];
    }),
) as Record<Exclude<PeriodKind, 'rollingDays'>, PeriodRule>;

export const PERIOD_KINDS: readonly PeriodKind[] = [...(Object.keys(RULES) as PeriodKind[]), 'rollingDays'];
export const COMPARISONS: readonly Comparison[] = ['none', 'previousPeriod', 'samePeriodLastYear'];

/** The longest rolling window accepted; ten years is already more than any KPI tile shows. */
export const MAX_ROLLING_DAYS = 3650;

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

/** Whole days since 1970-01-01 for a civil date. */
function dayNumber(year: number, month: number, day: number): number {
    return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

function civil(day: number): { year: number; month: number; day: number } {
    const date = new Date(day * MS_PER_DAY);
    return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** `YYYY-MM-DD` of a day number. */
export function isoDate(day: number): string {
    return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Day number of a `YYYY-MM-DD` string (or the date part of an ISO date-time); NaN when it is not one. */
export function parseIsoDate(text: string): number {
    const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
    if (!match) return NaN;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const result = dayNumber(year, month, day);
    return civil(result).day === day && month >= 1 && month <= 12 ? result : NaN;
}

/** Days from `start` to `end` (`YYYY-MM-DD` each). */
export function daysBetween(start: string, end: string): number {
    return parseIsoDate(end) - parseIsoDate(start);
}

function addMonths(day: number, months: number): number {
    const { year, month, day: dayOfMonth } = civil(day);
    const index = year * 12 + (month - 1) + months;
    const targetYear = Math.floor(index / 12);
    const targetMonth = (index % 12) + 1;
    const lastDay = civil(dayNumber(targetYear, targetMonth + 1, 1) - 1).day;
    return dayNumber(targetYear, targetMonth, Math.min(dayOfMonth, lastDay));
}

/** `YYYY-MM-DD` a number of months later (earlier when negative), the day clamped to the month's length. */
export function shiftMonths(date: string, months: number): string {
    return isoDate(addMonths(parseIsoDate(date), months));
}

/** 0 = Sunday … 6 = Saturday. */
function weekday(day: number): number {
    return (((day + 4) % 7) + 7) % 7;
}

function startOfUnit(unit: Unit, day: number, calendar: ViewerCalendar): number {
    const { year, month } = civil(day);
    switch (unit) {
        case 'week':
            return day - ((weekday(day) - (calendar.firstDayOfWeek - 1) + 7) % 7);
        case 'month':
            return dayNumber(year, month, 1);
        case 'quarter':
            return dayNumber(year, month - ((month - 1) % 3), 1);
        case 'year':
            return dayNumber(year, 1, 1);
        case 'fiscalQuarter': {
            const monthsIntoYear = (month - calendar.fiscalYearStartMonth + 12) % 12;
            return addMonths(dayNumber(year, month, 1), -(monthsIntoYear % 3));
        }
        case 'fiscalYear': {
            const startYear = month >= calendar.fiscalYearStartMonth ? year : year - 1;
            return dayNumber(startYear, calendar.fiscalYearStartMonth, 1);
        }
    }
}

/** Start of the unit `count` units after the one starting on `start` (which is a unit start). */
function shiftUnit(unit: Unit, start: number, count: number): number {
    switch (unit) {
        case 'week':
            return start + 7 * count;
        case 'month':
            return addMonths(start, count);
        case 'quarter':
        case 'fiscalQuarter':
            return addMonths(start, 3 * count);
        case 'year':
        case 'fiscalYear':
            return addMonths(start, 12 * count);
    }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One wall-clock formatter per zone (day, hour and minute), for local days and UTC offsets alike. */
function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
    let formatter = formatters.get(timeZone);
    if (!formatter) {
        formatter = new Intl.DateTimeFormat('en-US', {
            timeZone,
            hourCycle: 'h23',
            year: 'numeric',
            month: 'numeric',
            day: 'numeric',
            hour: 'numeric',
            minute: 'numeric',
        });
        formatters.set(timeZone, formatter);
    }
    return formatter;
}

/** True when Intl knows the IANA time zone. */
export function isTimeZone(timeZone: unknown): boolean {
    if (typeof timeZone !== 'string' || !timeZone) return false;
    try {
        zoneFormatter(timeZone);
        return true;
    } catch {
        return false;
    }
}

/** The civil day an instant falls on in `timeZone` (wall-clock parts from Intl, no library). */
export function localDay(instantMs: number, timeZone: string): number {
    const parts: Record<string, number> = {};
    for (const part of zoneFormatter(timeZone).formatToParts(new Date(instantMs))) {
        if (part.type === 'year' || part.type === 'month' || part.type === 'day') parts[part.type] = Number(part.value);
    }
    return dayNumber(parts.year, parts.month, parts.day);
}

/** `YYYY-MM-DD` of the day `now` falls on for the viewer. */
export function todayIn(now: Date, timeZone: string): string {
    return isoDate(localDay(now.getTime(), timeZone));
}

// Local midnight lies within UTC+14 … UTC-12 of UTC midnight; a margin covers historical offsets.
const EARLIEST_OFFSET_MS = 15 * 3_600_000;
const LATEST_OFFSET_MS = 13 * 3_600_000;

/** An instant on the same day `years` years before the viewer's today (29 February becomes the 28th), at noon. */
export function yearsEarlier(now: Date, years: number, timeZone: string): Date {
    if (years === 0) return now;
    const [year, month, day] = todayIn(now, timeZone).split('-').map(Number);
    const lastDay = new Date(Date.UTC(year - years, month, 0)).getUTCDate();
    const pad = (n: number, width = 2) => String(n).padStart(width, '0');
    const date = `${pad(year - years, 4)}-${pad(month)}-${pad(Math.min(day, lastDay))}`;
    return new Date(startOfDayMs(date, timeZone) + 12 * 3_600_000);
}

/**
 * The first instant (epoch ms) of a civil day in `timeZone`. Where DST skips midnight the day starts at the
 * transition. Local date never runs backwards across a transition, so a binary search over minutes finds it.
 */
export function startOfDayMs(date: string, timeZone: string): number {
    const day = parseIsoDate(date);
    const utcMidnight = day * MS_PER_DAY;
    let low = (utcMidnight - EARLIEST_OFFSET_MS) / MS_PER_MINUTE;
    let high = (utcMidnight + LATEST_OFFSET_MS) / MS_PER_MINUTE;
    while (low < high) {
        const middle = Math.floor((low + high) / 2);
        if (localDay(middle * MS_PER_MINUTE, timeZone) >= day) high = middle;
        else low = middle + 1;
    }
    return low * MS_PER_MINUTE;
}

/** `YYYY-MM-DDThh:mm:ssZ` (the form SOQL documents for dateTime values) of an instant. */
export function isoInstant(instantMs: number): string {
    return new Date(instantMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A window as UTC instants, for DateTime fields: [start of the first day, start of the day after the last). */
export function windowInstants(days: DateWindow, timeZone: string): { start: string; end: string } {
    return {
        start: isoInstant(startOfDayMs(days.start, timeZone)),
        end: isoInstant(startOfDayMs(days.end, timeZone)),
    };
}

/** Problems with a calendar, each naming the property; empty when it is usable. */
export function calendarProblems(calendar: ViewerCalendar): string[] {
    const problems: string[] = [];
    if (!isTimeZone(calendar.timeZone)) problems.push('timeZone');
    if (!(Number.isInteger(calendar.firstDayOfWeek) && calendar.firstDayOfWeek >= 1 && calendar.firstDayOfWeek <= 7)) {
        problems.push('firstDayOfWeek');
    }
    const month = calendar.fiscalYearStartMonth;
    if (!(Number.isInteger(month) && month >= 1 && month <= 12)) problems.push('fiscalYearStartMonth');
    return problems;
}

/**
 * An App Builder value as text, for parsers and messages. Values arrive as `unknown` (a hand-edited page or the
 * preview can hold anything): an object shows as `[object Object]` instead of throwing when its toString is broken.
 */
export function propertyText(value: unknown): string {
    return typeof value === 'object' && value !== null ? Object.prototype.toString.call(value) : String(value);
}

/**
 * Reads a period as App Builder stores it: a kind (`thisFiscalQuarter`) or `rollingDays:30`. Undefined when the text
 * is not one, so the caller can say which property is wrong.
 */
export function parsePeriod(value: unknown): Period | undefined {
    if (typeof value === 'object' && value !== null) {
        const { kind, days } = value as Period;
        return parsePeriod(kind === 'rollingDays' ? `rollingDays:${String(days)}` : kind);
    }
    if (typeof value !== 'string') return undefined;
    const text = value.trim();
    const rolling = /^rollingDays:(\d+)$/.exec(text);
    if (rolling) {
        const days = Number(rolling[1]);
        return days >= 1 && days <= MAX_ROLLING_DAYS ? { kind: 'rollingDays', days } : undefined;
    }
    return Object.prototype.hasOwnProperty.call(RULES, text) ? { kind: text as PeriodKind } : undefined;
}

/** `thisFiscalQuarter`, `rollingDays:30`: the inverse of parsePeriod. */
export function periodKey(period: Period): string {
    return period.kind === 'rollingDays' ? `rollingDays:${period.days}` : period.kind;
}

export function isComparison(value: unknown): value is Comparison {
    return typeof value === 'string' && (COMPARISONS as readonly string[]).includes(value);
}

/** How a period steps back: by calendar units, or by blocks of days for rolling windows. */
interface Stepper {
    start: number;
    fullEnd: number;
    shift(start: number, count: number): number;
    yearEarlier(start: number): number;
}

function stepper(period: Period, today: number, calendar: ViewerCalendar): Stepper {
    if (period.kind === 'rollingDays') {
        const length = (period.days ?? 0) + 1;
        return {
            start: today - (period.days ?? 0),
            fullEnd: today + 1,
            shift: (start, count) => start + length * count,
            yearEarlier: (start) => addMonths(start, -12),
        };
    }
    const rule = RULES[period.kind];
    const start = shiftUnit(rule.unit, startOfUnit(rule.unit, today, calendar), rule.offset);
    return {
        start,
        fullEnd: shiftUnit(rule.unit, start, 1),
        shift: (from, count) => shiftUnit(rule.unit, from, count),
        // 52 weeks keep the weekday; month-based units start on the 1st, so twelve months back is exact.
        yearEarlier: (from) => (rule.unit === 'week' ? from - 364 : addMonths(from, -12)),
    };
}

function window(start: number, end: number, toDate: boolean, server: Partial<DateWindow> = {}): DateWindow {
    return { start: isoDate(start), end: isoDate(end), toDate, ...server };
}

/**
 * The days a period covers for the viewer today. With `toDate` (KPIs about things that happened) a period that runs
 * past today stops at the end of today; KPIs about what is due (open pipeline) take the whole period.
 */
export function currentWindow(period: Period, now: Date, calendar: ViewerCalendar, toDate = true): DateWindow {
    const today = localDay(now.getTime(), calendar.timeZone);
    const step = stepper(period, today, calendar);
    const cut = toDate && step.fullEnd > today + 1;
    const server: Partial<DateWindow> =
        period.kind === 'rollingDays' ? { lastNDays: period.days } : { literal: RULES[period.kind].literal };
    return window(step.start, cut ? today + 1 : step.fullEnd, cut, server);
}

/**
 * The window a period is compared with. A to-date window is compared with as many days of the other period, clamped
 * at that period's end (31 days of March against 28 of February); a complete period with the whole other period.
 */
export function comparisonWindow(
    period: Period,
    comparison: Comparison,
    now: Date,
    calendar: ViewerCalendar,
    toDate = true,
): DateWindow | undefined {
    if (comparison === 'none') return undefined;
    const today = localDay(now.getTime(), calendar.timeZone);
    const step = stepper(period, today, calendar);
    const current = currentWindow(period, now, calendar, toDate);
    const start = comparison === 'previousPeriod' ? step.shift(step.start, -1) : step.yearEarlier(step.start);
    const fullEnd = comparison === 'previousPeriod' ? step.start : step.shift(step.yearEarlier(step.start), 1);
    if (!current.toDate) return window(start, fullEnd, false);
    const elapsed = daysBetween(current.start, current.end);
    return window(start, Math.min(start + elapsed, fullEnd), true);
}

/** The periods of a sparkline, oldest first: `count - 1` whole periods, then the current window. */
export function sparklineWindows(
    period: Period,
    count: number,
    now: Date,
    calendar: ViewerCalendar,
    toDate = true,
): DateWindow[] {
    if (!(Number.isInteger(count) && count > 0)) return [];
    const today = localDay(now.getTime(), calendar.timeZone);
    const step = stepper(period, today, calendar);
    const windows: DateWindow[] = [];
    for (let back = count - 1; back > 0; back--) {
        const start = step.shift(step.start, -back);
        windows.push(window(start, step.shift(start, 1), false));
    }
    windows.push(currentWindow(period, now, calendar, toDate));
    return windows;
}

/** The whole span of several windows: the first start to the last end. */
export function spanOf(windows: readonly DateWindow[]): DateWindow | undefined {
    if (windows.length === 0) return undefined;
    return {
        start: windows[0].start,
        end: windows[windows.length - 1].end,
        toDate: windows[windows.length - 1].toDate,
    };
}

/** Index of the window containing a day (`YYYY-MM-DD`), or -1. */
export function windowIndexOf(windows: readonly DateWindow[], date: string): number {
    const day = parseIsoDate(date);
    return windows.findIndex((w) => parseIsoDate(w.start) <= day && day < parseIsoDate(w.end));
}

/** Months a calendar unit spans; weeks and rolling windows are prorated by days instead. */
const UNIT_MONTHS: Partial<Record<Unit, number>> = { month: 1, quarter: 3, fiscalQuarter: 3, year: 12, fiscalYear: 12 };

/** The days of an average quarter (a year of 365.25 days ÷ 4), for prorating a quarterly quota to days. */
export const DAYS_PER_QUARTER = 365.25 / 4;

/**
 * The share of a quarterly quota that is the target of a period (docs/kpis.md, "One target per person"): by months
 * for month-based periods (a month is a third, a year four quarters), by days for weeks and rolling windows (their
 * days ÷ 91.3125). The whole period counts, not the part elapsed: a target is for the period, and pace says where the
 * viewer stands within it.
 */
export function quotaShare(period: Period): number {
    if (period.kind === 'rollingDays') return ((period.days ?? 0) + 1) / DAYS_PER_QUARTER;
    const unit = RULES[period.kind].unit;
    const months = UNIT_MONTHS[unit];
    return months !== undefined ? months / 3 : 7 / DAYS_PER_QUARTER;
}

/** The viewer's UTC offset in minutes at an instant (east positive), from Intl's wall-clock parts. */
export function offsetMinutes(instantMs: number, timeZone: string): number {
    const formatter = zoneFormatter(timeZone);
    const parts: Record<string, number> = {};
    for (const part of formatter.formatToParts(new Date(instantMs))) parts[part.type] = Number(part.value);
    const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
    return Math.round((wall - Math.floor(instantMs / MS_PER_MINUTE) * MS_PER_MINUTE) / MS_PER_MINUTE);
}

/**
 * Where a DateTime's local day differs from its UTC day, for reading durations in the viewer's calendar when the
 * server groups DateTime fields in UTC. `sign` +1: the local day is the UTC day after (east of UTC), −1: the UTC day
 * before (west of UTC), for the records whose UTC hour of day h is `hours[0]` ≤ h < `hours[1]` (HOUR_IN_DAY in UTC,
 * as SOQL date functions are without convertTimezone(), like the DAY_IN_YEAR groups the shift corrects).
 * `ranges`: the UTC instants [start, end) the band holds in; no start is "since ever", no end "from then on".
 */
export interface DayShift {
    sign: 1 | -1;
    hours: [number, number];
    ranges: { start?: string; end?: string }[];
}

/**
 * The UTC hours whose local day is not the UTC day at an offset (minutes east): from 24:00 − offset east of UTC,
 * before −offset west of it. For a half-hour offset only the whole hours: the half hour between is read on its UTC day.
 */
function shiftedHours(offset: number): { sign: 1 | -1; hours: [number, number] } | null {
    if (offset > 0) {
        const from = Math.ceil((1440 - offset) / 60);
        return from < 24 ? { sign: 1, hours: [from, 24] } : null;
    }
    const to = Math.floor(-offset / 60);
    return to > 0 ? { sign: -1, hours: [0, to] } : null;
}

const SHIFT_STEP_MS = 7 * MS_PER_DAY;
const shiftCache = new Map<string, DayShift[]>();

/**
 * The day shifts of `timeZone` between two instants (docs/kpis.md, "Durations in the viewer's calendar"): the
 * offsets found week by week, each change placed to the minute. Before `fromMs` only the hours every offset seen
 * shares are counted as shifted (exact for a zone without DST; with DST, exact since `fromMs`). Empty for UTC.
 */
export function dayShifts(timeZone: string, fromMs: number, toMs: number): DayShift[] {
    const key = `${timeZone}|${Math.floor(fromMs / MS_PER_DAY)}|${Math.floor(toMs / MS_PER_DAY)}`;
    const cached = shiftCache.get(key);
    if (cached) return cached;
    // Segments of one offset: [start, end) in epoch minutes.
    const segments: { start: number; end: number; offset: number }[] = [];
    let at = fromMs;
    let offset = offsetMinutes(at, timeZone);
    let start = fromMs;
    while (at < toMs) {
        const next = Math.min(at + SHIFT_STEP_MS, toMs);
        const nextOffset = offsetMinutes(next, timeZone);
        if (nextOffset !== offset) {
            // Binary search the first minute with the new offset (one change within a week).
            let low = Math.floor(at / MS_PER_MINUTE) + 1;
            let high = Math.floor(next / MS_PER_MINUTE);
            while (low < high) {
                const middle = Math.floor((low + high) / 2);
                if (offsetMinutes(middle * MS_PER_MINUTE, timeZone) === offset) low = middle + 1;
                else high = middle;
            }
            segments.push({ start, end: low * MS_PER_MINUTE, offset });
            start = low * MS_PER_MINUTE;
            offset = offsetMinutes(start, timeZone);
            // Go on from the change: a second change within the same week is found on the next step.
            at = start;
            continue;
        }
        at = next;
    }
    segments.push({ start, end: Number.POSITIVE_INFINITY, offset });

    const bands = new Map<string, DayShift>();
    const band = (shift: { sign: 1 | -1; hours: [number, number] }) => {
        const id = `${shift.sign}|${shift.hours.join('-')}`;
        let found = bands.get(id);
        if (!found) bands.set(id, (found = { ...shift, ranges: [] }));
        return found;
    };
    for (const segment of segments) {
        const shift = shiftedHours(segment.offset);
        if (!shift) continue;
        band(shift).ranges.push({
            start: isoInstant(segment.start),
            ...(Number.isFinite(segment.end) ? { end: isoInstant(segment.end) } : {}),
        });
    }
    // Before the first instant: the hours every offset seen shares (the smallest on one side of UTC).
    const offsets = segments.map((segment) => segment.offset);
    const sameSide = offsets.every((o) => o > 0) || offsets.every((o) => o < 0);
    if (sameSide) {
        const shared = shiftedHours(offsets.reduce((a, b) => (Math.abs(a) <= Math.abs(b) ? a : b)));
        if (shared) band(shared).ranges.unshift({ end: isoInstant(fromMs) });
    }
    const result = [...bands.values()].map((b) => ({ ...b, ranges: joined(b.ranges) }));
    shiftCache.set(key, result);
    return result;
}

/** Adjacent ranges joined: [a, b) and [b, c) are [a, c). */
function joined(ranges: { start?: string; end?: string }[]): { start?: string; end?: string }[] {
    const out: { start?: string; end?: string }[] = [];
    for (const range of ranges) {
        const last = out.at(-1);
        if (last && last.end !== undefined && last.end === range.start) {
            if (range.end === undefined) delete last.end;
            else last.end = range.end;
        } else out.push({ ...range });
    }
    return out;
}
