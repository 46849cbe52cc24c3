import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
    dateFunctions,
    dateFunctionValue,
    dateLiterals,
    dateRangeKinds,
    dayFromIso,
    dayFromYmd,
    isoFromDay,
    literalRange,
    localDayOf,
    localHourOf,
    makeCalendar,
    parseInstant,
    relativeRange,
    weekStartOf,
    ymdFromDay,
    zoneOffsetMinutes,
    type Calendar,
} from '../dates';

// Friday 2026-05-15; fiscal year from February, named by its ending month (Salesforce's default).
const friday: Calendar = {
    today: dayFromIso('2026-05-15'),
    weekStart: 0,
    fiscalYearStartMonth: 2,
    fiscalYearNamedByStart: false,
};

function range(r: { start: number; end: number }): string {
    return `${isoFromDay(r.start)}..${isoFromDay(r.end)}`;
}

describe('civil days', () => {
    it('round-trips dates, including leap days and far years', () => {
        for (const iso of ['1970-01-01', '2024-02-29', '2026-12-31', '1899-03-01', '2400-02-29']) {
            assert.equal(isoFromDay(dayFromIso(iso)), iso);
            const { year, month, day } = ymdFromDay(dayFromIso(iso));
            assert.equal(dayFromYmd(year, month, day), dayFromIso(iso));
        }
    });

    it('rejects what is not a date', () => {
        for (const bad of ['2026-13-01', '2026/01/01', 'soon', '']) assert.ok(Number.isNaN(dayFromIso(bad)), bad);
    });

    it('parses ISO instants like Date.parse', () => {
        for (const iso of [
            '2026-03-08T09:59:59Z',
            '2026-03-08T10:00:00.000Z',
            '2024-02-29T23:59:59.999Z',
            '2026-01-01T00:00:00+01:00',
        ]) {
            assert.equal(parseInstant(iso), Date.parse(iso), iso);
        }
    });
});

/**
 * A table of the shared schema's names (`all`) and what each gives: one test that the table has every name and no
 * other, then one test per name that `actual` of it is its value.
 */
function coversEach<T>(
    what: string,
    all: Iterable<string>,
    expected: Record<string, T>,
    actual: (name: string) => T,
    title: (name: string, want: T) => string,
): void {
    it(`covers ${what}`, () => assert.deepEqual([...all].sort(), Object.keys(expected).sort()));
    for (const [name, want] of Object.entries(expected)) it(title(name, want), () => assert.equal(actual(name), want));
}

describe('date literals (SOQL date formats and literals page)', () => {
    const expected: Record<string, string> = {
        YESTERDAY: '2026-05-14..2026-05-15',
        TODAY: '2026-05-15..2026-05-16',
        TOMORROW: '2026-05-16..2026-05-17',
        LAST_WEEK: '2026-05-03..2026-05-10',
        THIS_WEEK: '2026-05-10..2026-05-17',
        NEXT_WEEK: '2026-05-17..2026-05-24',
        LAST_MONTH: '2026-04-01..2026-05-01',
        THIS_MONTH: '2026-05-01..2026-06-01',
        NEXT_MONTH: '2026-06-01..2026-07-01',
        LAST_90_DAYS: '2026-02-14..2026-05-16',
        NEXT_90_DAYS: '2026-05-16..2026-08-14',
        LAST_QUARTER: '2026-01-01..2026-04-01',
        THIS_QUARTER: '2026-04-01..2026-07-01',
        NEXT_QUARTER: '2026-07-01..2026-10-01',
        LAST_FISCAL_QUARTER: '2026-02-01..2026-05-01',
        THIS_FISCAL_QUARTER: '2026-05-01..2026-08-01',
        NEXT_FISCAL_QUARTER: '2026-08-01..2026-11-01',
        LAST_YEAR: '2025-01-01..2026-01-01',
        THIS_YEAR: '2026-01-01..2027-01-01',
        NEXT_YEAR: '2027-01-01..2028-01-01',
        LAST_FISCAL_YEAR: '2025-02-01..2026-02-01',
        THIS_FISCAL_YEAR: '2026-02-01..2027-02-01',
        NEXT_FISCAL_YEAR: '2027-02-01..2028-02-01',
    };

    coversEach(
        'every literal of the shared schema enum',
        dateLiterals,
        expected,
        (literal) => range(literalRange(literal, friday)),
        (literal, want) => `${literal} is ${want}`,
    );

    it('starts the week on the locale first day (Monday in de-DE)', () => {
        assert.equal(range(literalRange('THIS_WEEK', { ...friday, weekStart: 1 })), '2026-05-11..2026-05-18');
        assert.equal(weekStartOf('en-US'), 0);
        assert.equal(weekStartOf('de-DE'), 1);
    });

    it('crosses year ends for fiscal quarters (fiscal Q4 is November to January)', () => {
        const january = { ...friday, today: dayFromIso('2027-01-10') };
        assert.equal(range(literalRange('THIS_FISCAL_QUARTER', january)), '2026-11-01..2027-02-01');
        assert.equal(range(literalRange('THIS_FISCAL_YEAR', january)), '2026-02-01..2027-02-01');
    });

    it('rejects an unknown literal', () =>
        assert.throws(() => literalRange('LAST_DECADE', friday), /unknown date literal/));
});

describe('date ranges (DateRange input, n = 2)', () => {
    const expected: Record<string, string> = {
        last_n_days: '2026-05-13..2026-05-16',
        next_n_days: '2026-05-16..2026-05-18',
        last_n_weeks: '2026-04-26..2026-05-10',
        next_n_weeks: '2026-05-17..2026-05-31',
        last_n_months: '2026-03-01..2026-05-01',
        next_n_months: '2026-06-01..2026-08-01',
        last_n_quarters: '2025-10-01..2026-04-01',
        next_n_quarters: '2026-07-01..2027-01-01',
        last_n_fiscal_quarters: '2025-11-01..2026-05-01',
        next_n_fiscal_quarters: '2026-08-01..2027-02-01',
        last_n_years: '2024-01-01..2026-01-01',
        next_n_years: '2027-01-01..2029-01-01',
        last_n_fiscal_years: '2024-02-01..2026-02-01',
        next_n_fiscal_years: '2027-02-01..2029-02-01',
        n_days_ago: '2026-05-13..2026-05-14',
        n_weeks_ago: '2026-04-26..2026-05-03',
        n_months_ago: '2026-03-01..2026-04-01',
        n_quarters_ago: '2025-10-01..2026-01-01',
        n_years_ago: '2024-01-01..2025-01-01',
        n_fiscal_quarters_ago: '2025-11-01..2026-02-01',
        n_fiscal_years_ago: '2024-02-01..2025-02-01',
    };

    coversEach(
        'every field of the shared schema DateRange input',
        dateRangeKinds,
        expected,
        (kind) => range(relativeRange(kind, 2, friday)),
        (kind, want) => `${kind}: 2 is ${want}`,
    );

    it('last_n_days: 90 equals LAST_90_DAYS (today included)', () => {
        assert.equal(range(relativeRange('last_n_days', 90, friday)), range(literalRange('LAST_90_DAYS', friday)));
    });

    it('rejects a negative or fractional n', () => {
        assert.throws(() => relativeRange('last_n_days', -1, friday), /whole number/);
        assert.throws(() => relativeRange('last_n_days', 1.5, friday), /whole number/);
    });
});

describe('date functions (SOQL date functions page)', () => {
    const expected: Record<string, number> = {
        CALENDAR_MONTH: 5,
        CALENDAR_QUARTER: 2,
        CALENDAR_YEAR: 2026,
        DAY_IN_MONTH: 15,
        DAY_IN_WEEK: 6,
        DAY_IN_YEAR: 135,
        WEEK_IN_MONTH: 3,
        WEEK_IN_YEAR: 20,
        FISCAL_MONTH: 4,
        FISCAL_QUARTER: 2,
        FISCAL_YEAR: 2027,
        DAY_ONLY: dayFromIso('2026-05-15'),
        HOUR_IN_DAY: 7,
    };

    coversEach(
        'every GroupByFunction value',
        dateFunctions,
        expected,
        (fn) => dateFunctionValue(fn, friday.today, friday, 7),
        (fn, want) => `${fn}(2026-05-15 07:xx) is ${want}`,
    );

    it('names fiscal years by the starting month when the org says so', () => {
        const january = dayFromIso('2026-01-20');
        assert.equal(dateFunctionValue('FISCAL_YEAR', january, friday), 2026);
        assert.equal(dateFunctionValue('FISCAL_YEAR', january, { ...friday, fiscalYearNamedByStart: true }), 2025);
        assert.equal(dateFunctionValue('FISCAL_MONTH', january, friday), 12);
        assert.equal(dateFunctionValue('FISCAL_QUARTER', january, friday), 4);
        const calendarYear = { ...friday, fiscalYearStartMonth: 1, fiscalYearNamedByStart: true };
        assert.equal(dateFunctionValue('FISCAL_YEAR', january, calendarYear), 2026);
    });
});

describe('time zones', () => {
    it('finds the local day and hour across the date line and DST changes', () => {
        const ms = Date.parse('2026-05-15T06:30:00Z');
        assert.equal(isoFromDay(localDayOf(ms, 'America/Los_Angeles')), '2026-05-14');
        assert.equal(localHourOf(ms, 'America/Los_Angeles'), 23);
        assert.equal(isoFromDay(localDayOf(Date.parse('2026-05-15T11:00:00Z'), 'Pacific/Kiritimati')), '2026-05-16');
        assert.equal(zoneOffsetMinutes(Date.parse('2026-03-08T09:59:00Z'), 'America/Los_Angeles'), -480);
        assert.equal(zoneOffsetMinutes(Date.parse('2026-03-08T10:00:00Z'), 'America/Los_Angeles'), -420);
        assert.equal(zoneOffsetMinutes(Date.parse('2026-01-01T00:00:00Z'), 'Asia/Kathmandu'), 345);
        assert.equal(zoneOffsetMinutes(Date.parse('2026-04-04T14:59:00Z'), 'Australia/Lord_Howe'), 660);
        assert.equal(zoneOffsetMinutes(Date.parse('2026-04-04T15:00:00Z'), 'Australia/Lord_Howe'), 630);
    });

    it("makes the viewer's today from now in their time zone", () => {
        const now = new Date('2026-05-15T06:30:00Z');
        assert.equal(isoFromDay(makeCalendar(now, 'America/Los_Angeles', 'en-US', 2, false).today), '2026-05-14');
        assert.equal(isoFromDay(makeCalendar(now, 'Asia/Tokyo', 'ja-JP', 2, false).today), '2026-05-15');
    });

    it('rejects a bad time zone or fiscal month with the setting named', () => {
        assert.throws(() => makeCalendar(new Date(), 'Mars/Olympus', 'en-US', 1, false), /viewer\.timeZone/);
        assert.throws(() => makeCalendar(new Date(), 'UTC', 'en-US', 13, false), /fiscalYearStartMonth/);
    });
});
