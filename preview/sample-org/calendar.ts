/**
 * Days, times and fiscal periods of the sample org. Days are whole numbers counted from 1970-01-01 (the org's local
 * calendar date), times are UTC milliseconds; everything is computed once per day and cached, so formatting a million
 * DateTimes stays cheap.
 */
import { wallClock } from '../engine/dates';

/** How a standard fiscal year is numbered: by the calendar year it starts in or the one it ends in (Setup > Fiscal Year). */
export type FiscalYearNameBasis = 'startingMonth' | 'endingMonth';

export interface FiscalSettings {
    /** 1 = January … 12 = December. */
    fiscalYearStartMonth: number;
    fiscalYearNameBasedOn: FiscalYearNameBasis;
}

const DAY_MS = 86_400_000;
const PAD2 = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const ISO_TIMES: (string | undefined)[] = new Array(86_400);

function isoTime(secondsOfDay: number): string {
    const hours = Math.floor(secondsOfDay / 3600);
    const minutes = Math.floor(secondsOfDay / 60) % 60;
    return `${PAD2[hours]}:${PAD2[minutes]}:${PAD2[secondsOfDay % 60]}.000Z`;
}

/** Day number of a calendar date. */
export function dayNumber(year: number, month: number, dayOfMonth: number): number {
    return Date.UTC(year, month - 1, dayOfMonth) / DAY_MS;
}

/** `YYYY-MM-DD` of a day number. */
export function formatDay(day: number): string {
    return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Day number of a `YYYY-MM-DD` string. */
export function parseDay(date: string): number {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
    return dayNumber(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Fiscal quarter (1–4) of a calendar month (1–12) for a standard fiscal year starting in `startMonth`. */
export function fiscalQuarterOfMonth(month: number, startMonth: number): number {
    return Math.floor(((((month - startMonth) % 12) + 12) % 12) / 3) + 1;
}

/** Fiscal year number of a calendar month of a calendar year. */
export function fiscalYearOfMonth(year: number, month: number, settings: FiscalSettings): number {
    if (settings.fiscalYearStartMonth === 1) return year;
    const startYear = month >= settings.fiscalYearStartMonth ? year : year - 1;
    return settings.fiscalYearNameBasedOn === 'startingMonth' ? startYear : startYear + 1;
}

/** Fiscal year and quarter of a `YYYY-MM-DD` date (what Opportunity.FiscalYear / FiscalQuarter hold for CloseDate). */
export function fiscalPeriodOf(date: string, settings: FiscalSettings): { fiscalYear: number; fiscalQuarter: number } {
    const year = Number(date.slice(0, 4));
    const month = Number(date.slice(5, 7));
    return {
        fiscalYear: fiscalYearOfMonth(year, month, settings),
        fiscalQuarter: fiscalQuarterOfMonth(month, settings.fiscalYearStartMonth),
    };
}

/** First day (`YYYY-MM-DD`) of a fiscal year. */
export function fiscalYearStartDate(fiscalYear: number, settings: FiscalSettings): string {
    const start = settings.fiscalYearStartMonth;
    const startYear = start === 1 || settings.fiscalYearNameBasedOn === 'startingMonth' ? fiscalYear : fiscalYear - 1;
    return formatDay(dayNumber(startYear, start, 1));
}

/** Offset of a time zone from UTC at an instant, in milliseconds (positive east of Greenwich). */
export function timeZoneOffsetMs(utcMs: number, timeZone: string): number {
    const local = wallClock(utcMs, timeZone);
    const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
    return wall - Math.floor(utcMs / 1000) * 1000;
}

/** The org's calendar around `now`: local days, business-hour instants and fast ISO formatting. */
export class Timeline {
    readonly nowMs: number;
    /** Local day of `now` in the org's time zone. */
    readonly today: number;
    private readonly base: number;
    private readonly dates: (string | undefined)[];
    private readonly isoDays: (string | undefined)[];
    private readonly offsets: Float64Array;
    private readonly formatter: Intl.DateTimeFormat;

    constructor(
        now: Date,
        readonly timeZone: string,
        readonly fiscal: FiscalSettings,
    ) {
        // Whole seconds, like the instants generated from it, so no record sorts after `now`.
        this.nowMs = Math.floor(now.getTime() / 1000) * 1000;
        this.formatter = new Intl.DateTimeFormat('en-CA', {
            timeZone,
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
        });
        this.today = parseDay(this.formatter.format(new Date(this.nowMs)));
        this.base = this.today - 4000;
        this.dates = new Array(6000);
        this.isoDays = new Array(6000);
        this.offsets = new Float64Array(6000).fill(Number.NaN);
    }

    /** `YYYY-MM-DD` of a day number. */
    date(day: number): string {
        const index = day - this.base;
        if (index < 0 || index >= this.dates.length) return formatDay(day);
        return (this.dates[index] ??= formatDay(day));
    }

    /** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
    weekday(day: number): number {
        return (((day + 4) % 7) + 7) % 7;
    }

    year(day: number): number {
        return Number(this.date(day).slice(0, 4));
    }

    /** 1–12. */
    month(day: number): number {
        return Number(this.date(day).slice(5, 7));
    }

    dayOfMonth(day: number): number {
        return Number(this.date(day).slice(8, 10));
    }

    firstOfMonth(day: number): number {
        return day - this.dayOfMonth(day) + 1;
    }

    lastOfMonth(day: number): number {
        return dayNumber(this.year(day), this.month(day) + 1, 0);
    }

    /** Last day of the fiscal quarter containing `day`. */
    fiscalQuarterEnd(day: number): number {
        const month = this.month(day);
        const monthsIntoQuarter = (((month - this.fiscal.fiscalYearStartMonth) % 3) + 3) % 3;
        return dayNumber(this.year(day), month + (3 - monthsIntoQuarter), 0);
    }

    /** The org time zone's UTC offset on a day (at local noon, so business hours never straddle a DST change). */
    private offset(day: number): number {
        const index = day - this.base;
        if (index < 0 || index >= this.offsets.length) return this.noonOffset(day);
        if (Number.isNaN(this.offsets[index])) this.fillMonthOffsets(day);
        return this.offsets[index];
    }

    private noonOffset(day: number): number {
        return timeZoneOffsetMs(day * DAY_MS + DAY_MS / 2, this.timeZone);
    }

    /** Offsets change at most once a month: two look-ups a month, plus a binary search when they differ. */
    private fillMonthOffsets(day: number): void {
        const first = Math.max(this.firstOfMonth(day), this.base);
        const last = Math.min(this.lastOfMonth(day), this.base + this.offsets.length - 1);
        const startOffset = this.noonOffset(first);
        const endOffset = this.noonOffset(last);
        let change = last + 1;
        if (startOffset !== endOffset) {
            let low = first + 1;
            let high = last;
            while (low < high) {
                const middle = (low + high) >>> 1;
                if (this.noonOffset(middle) === endOffset) high = middle;
                else low = middle + 1;
            }
            change = low;
        }
        for (let each = first; each <= last; each++) {
            this.offsets[each - this.base] = each < change ? startOffset : endOffset;
        }
    }

    /** UTC instant of a local wall-clock time (seconds after local midnight) on a day. */
    instant(day: number, secondsOfDay: number): number {
        return day * DAY_MS + Math.round(secondsOfDay) * 1000 - this.offset(day);
    }

    /** Local day of an instant. */
    dayOf(ms: number): number {
        const utcDay = Math.floor(ms / DAY_MS);
        return Math.floor((ms + this.offset(utcDay)) / DAY_MS);
    }

    /** Seconds after local midnight of `now`. */
    get nowSecondsOfDay(): number {
        return (this.nowMs - this.instant(this.today, 0)) / 1000;
    }

    /**
     * `YYYY-MM-DDTHH:mm:ss.000Z` of a whole-second instant: one concatenation of a cached day part and a cached time
     * part, so a million DateTimes share their pieces instead of each holding a chain of small strings.
     */
    iso(ms: number): string {
        const utcDay = Math.floor(ms / DAY_MS);
        const seconds = Math.floor((ms - utcDay * DAY_MS) / 1000);
        const index = utcDay - this.base;
        const day =
            index >= 0 && index < this.isoDays.length
                ? (this.isoDays[index] ??= `${this.date(utcDay)}T`)
                : `${this.date(utcDay)}T`;
        return day + (ISO_TIMES[seconds] ??= isoTime(seconds));
    }
}
