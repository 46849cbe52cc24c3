import fc from 'fast-check';
import {
    calendarProblems,
    comparisonWindow,
    currentWindow,
    daysBetween,
    isComparison,
    isoDate,
    isTimeZone,
    localDay,
    parseIsoDate,
    parsePeriod,
    periodKey,
    PERIOD_KINDS,
    quotaShare,
    DAYS_PER_QUARTER,
    sparklineWindows,
    spanOf,
    startOfDayMs,
    todayIn,
    windowIndexOf,
    windowInstants,
} from 'c/kpiPeriods';
import type { DateWindow, Period, PeriodKind, ViewerCalendar } from 'c/kpiPeriods';

// +14 and −12 are the extremes; the rest change offset (DST, half hours, DST at midnight in Santiago).
const ZONES = [
    'UTC',
    'Pacific/Kiritimati',
    'Etc/GMT+12',
    'America/New_York',
    'Europe/Berlin',
    'Australia/Sydney',
    'Australia/Lord_Howe',
    'Asia/Kolkata',
    'America/Santiago',
];
const HOUR = 3_600_000;

const calendarArb = fc.record({
    timeZone: fc.constantFrom(...ZONES),
    firstDayOfWeek: fc.integer({ min: 1, max: 7 }),
    fiscalYearStartMonth: fc.integer({ min: 1, max: 12 }),
});
// 1999-2101 spans several leap years, 2000 (leap) and 2100 (not leap).
const nowArb = fc.date({
    min: new Date('1999-01-01T00:00:00Z'),
    max: new Date('2101-01-01T00:00:00Z'),
    noInvalidDate: true,
});
const periodArb: fc.Arbitrary<Period> = fc.oneof(
    fc.constantFrom(...PERIOD_KINDS.filter((kind) => kind !== 'rollingDays')).map((kind) => ({ kind })),
    fc.integer({ min: 1, max: 400 }).map((days) => ({ kind: 'rollingDays' as PeriodKind, days })),
);
const comparisonArb = fc.constantFrom('previousPeriod' as const, 'samePeriodLastYear' as const);

const length = (w: DateWindow) => daysBetween(w.start, w.end);

/** Days a whole period of this kind lasts. */
function lengthRange(period: Period): [number, number] {
    if (period.kind === 'rollingDays') return [period.days! + 1, period.days! + 1];
    if (period.kind.endsWith('Week')) return [7, 7];
    if (period.kind.endsWith('Month')) return [28, 31];
    if (period.kind.endsWith('Quarter')) return [89, 92];
    return [365, 366];
}

const runs = { numRuns: 300 };

/** The first day of the same period a year earlier: 52 weeks back for weeks, the same date otherwise (29 Feb → 28). */
function oneYearBefore(period: Period, start: string): string {
    if (period.kind.endsWith('Week')) return isoDate(parseIsoDate(start) - 364);
    const year = String(Number(start.slice(0, 4)) - 1).padStart(4, '0');
    return start.slice(5) === '02-29' ? `${year}-02-28` : `${year}${start.slice(4)}`;
}

describe('currentWindow', () => {
    it('contains today for this/rolling periods and ends by today for last periods', () => {
        fc.assert(
            fc.property(calendarArb, nowArb, periodArb, fc.boolean(), (calendar, now, period, toDate) => {
                const today = todayIn(now, calendar.timeZone);
                const window = currentWindow(period, now, calendar, toDate);
                expect(window.start < window.end).toBe(true);
                const past = period.kind.startsWith('last');
                expect(past ? window.end <= today : window.start <= today && today < window.end).toBe(true);
                expect(!toDate || window.end <= isoDate(parseIsoDate(today) + 1)).toBe(true);
            }),
            runs,
        );
    });

    it('covers a whole period unless it stops today, and names the literal the server uses', () => {
        fc.assert(
            fc.property(calendarArb, nowArb, periodArb, (calendar, now, period) => {
                const whole = currentWindow(period, now, calendar, false);
                const [min, max] = lengthRange(period);
                expect(length(whole)).toBeGreaterThanOrEqual(min);
                expect(length(whole)).toBeLessThanOrEqual(max);
                expect(whole.toDate).toBe(false);
                const server = period.kind === 'rollingDays' ? `last_n_days ${whole.lastNDays}` : whole.literal;
                expect(server).toMatch(
                    period.kind === 'rollingDays'
                        ? `last_n_days ${period.days}`
                        : /^(THIS|LAST)_(FISCAL_)?(WEEK|MONTH|QUARTER|YEAR)$/,
                );
                const toDate = currentWindow(period, now, calendar, true);
                expect(toDate.start).toBe(whole.start);
                expect(toDate.toDate).toBe(toDate.end !== whole.end);
            }),
            runs,
        );
    });

    it('starts weeks on the viewer’s first day of the week', () => {
        fc.assert(
            fc.property(calendarArb, nowArb, (calendar, now) => {
                const start = parseIsoDate(currentWindow({ kind: 'thisWeek' }, now, calendar).start);
                // 1970-01-01 was a Thursday; firstDayOfWeek 1 = Sunday.
                expect((((start + 4) % 7) + 7) % 7).toBe(calendar.firstDayOfWeek - 1);
            }),
            runs,
        );
    });

    it('makes fiscal periods calendar periods when the fiscal year starts in January', () => {
        fc.assert(
            fc.property(calendarArb, nowArb, (calendar, now) => {
                const january = { ...calendar, fiscalYearStartMonth: 1 };
                const pairs: [PeriodKind, PeriodKind][] = [
                    ['thisFiscalYear', 'thisYear'],
                    ['lastFiscalYear', 'lastYear'],
                    ['thisFiscalQuarter', 'thisQuarter'],
                    ['lastFiscalQuarter', 'lastQuarter'],
                ];
                for (const [fiscal, plain] of pairs) {
                    const a = currentWindow({ kind: fiscal }, now, january);
                    const b = currentWindow({ kind: plain }, now, january);
                    expect([a.start, a.end]).toEqual([b.start, b.end]);
                }
                // Quarters stay calendar quarters whenever the fiscal year starts on a quarter boundary.
                const shifted = { ...calendar, fiscalYearStartMonth: 1 + 3 * (calendar.fiscalYearStartMonth % 4) };
                const fq = currentWindow({ kind: 'thisFiscalQuarter' }, now, shifted);
                const cq = currentWindow({ kind: 'thisQuarter' }, now, shifted);
                expect([fq.start, fq.end]).toEqual([cq.start, cq.end]);
            }),
            runs,
        );
    });

    it('starts fiscal years on the first of the fiscal start month', () => {
        fc.assert(
            fc.property(calendarArb, nowArb, (calendar, now) => {
                for (const kind of ['thisFiscalYear', 'lastFiscalYear'] as const) {
                    const { start, end } = currentWindow({ kind }, now, calendar, false);
                    expect(Number(start.slice(5, 7))).toBe(calendar.fiscalYearStartMonth);
                    expect(start.slice(8)).toBe('01');
                    expect(end.slice(5)).toBe(start.slice(5));
                }
            }),
            runs,
        );
    });
});

describe('comparisonWindow', () => {
    it('puts the previous whole period right before this one', () => {
        fc.assert(
            fc.property(calendarArb, nowArb, periodArb, (calendar, now, period) => {
                const current = currentWindow(period, now, calendar, false);
                const previous = comparisonWindow(period, 'previousPeriod', now, calendar, false)!;
                expect(previous.end).toBe(current.start);
                const [min, max] = lengthRange(period);
                expect(length(previous)).toBeGreaterThanOrEqual(min);
                expect(length(previous)).toBeLessThanOrEqual(max);
            }),
            runs,
        );
    });

    it('aligns to date: as many days as have passed, clamped at the end of the other period', () => {
        fc.assert(
            fc.property(calendarArb, nowArb, periodArb, comparisonArb, (calendar, now, period, comparison) => {
                const current = currentWindow(period, now, calendar, true);
                const compared = comparisonWindow(period, comparison, now, calendar, true)!;
                const whole = comparisonWindow(period, comparison, now, calendar, false)!;
                expect(compared.start).toBe(whole.start);
                // A complete period is compared with the whole other period; a to-date one day for day.
                const expected = current.toDate ? Math.min(length(current), length(whole)) : length(whole);
                expect(length(compared)).toBe(expected);
                // A rolling window longer than a year overlaps the same window a year earlier, as it should.
                const mayOverlap = comparison === 'samePeriodLastYear' && length(current) > 365;
                expect(mayOverlap || compared.end <= current.start).toBe(true);
                expect(compared.toDate).toBe(current.toDate);
            }),
            runs,
        );
    });

    it('compares with the same period one year earlier', () => {
        fc.assert(
            fc.property(calendarArb, nowArb, periodArb, (calendar, now, period) => {
                const current = currentWindow(period, now, calendar, false);
                const lastYear = comparisonWindow(period, 'samePeriodLastYear', now, calendar, false)!;
                expect(lastYear.start).toBe(oneYearBefore(period, current.start));
                const rolling = period.kind === 'rollingDays';
                expect(
                    rolling
                        ? length(lastYear) === length(current)
                        : lastYear.end === oneYearBefore(period, current.end),
                ).toBe(true);
            }),
            runs,
        );
    });

    it('is absent without a comparison', () => {
        expect(comparisonWindow({ kind: 'thisMonth' }, 'none', new Date(), calendarOf('UTC'))).toBeUndefined();
    });
});

describe('sparklineWindows', () => {
    it('tiles the last N periods without gaps or overlaps and ends with the current window', () => {
        fc.assert(
            fc.property(
                calendarArb,
                nowArb,
                periodArb,
                fc.integer({ min: 1, max: 12 }),
                (calendar, now, period, count) => {
                    const windows = sparklineWindows(period, count, now, calendar);
                    expect(windows).toHaveLength(count);
                    windows.slice(1).forEach((w, i) => expect(w.start).toBe(windows[i].end));
                    expect(windows[count - 1]).toEqual(currentWindow(period, now, calendar));
                    const [min, max] = lengthRange(period);
                    for (const w of windows.slice(0, -1)) {
                        expect(length(w)).toBeGreaterThanOrEqual(min);
                        expect(length(w)).toBeLessThanOrEqual(max);
                    }
                    const instants = windows.map((w) => windowInstants(w, calendar.timeZone));
                    instants.slice(1).forEach((w, i) => expect(w.start).toBe(instants[i].end));
                    expect(spanOf(windows)).toMatchObject({ start: windows[0].start, end: windows[count - 1].end });
                },
            ),
            { numRuns: 150 },
        );
    });

    it('is empty for no buckets', () => {
        expect(sparklineWindows({ kind: 'thisMonth' }, 0, new Date(), calendarOf('UTC'))).toEqual([]);
        expect(spanOf([])).toBeUndefined();
    });
});

describe('day edges in the viewer’s time zone', () => {
    it('finds the first instant of each day; days last 23 to 25 hours', () => {
        const dayArb = fc.integer({ min: parseIsoDate('1999-01-01'), max: parseIsoDate('2100-12-31') });
        fc.assert(
            fc.property(fc.constantFrom(...ZONES), dayArb, (zone, day) => {
                const date = isoDate(day);
                const start = startOfDayMs(date, zone);
                expect(localDay(start, zone)).toBe(day);
                expect(localDay(start - 60_000, zone)).toBe(day - 1);
                const next = startOfDayMs(isoDate(day + 1), zone);
                expect(next - start).toBeGreaterThanOrEqual(23 * HOUR);
                expect(next - start).toBeLessThanOrEqual(25 * HOUR);
            }),
            runs,
        );
    });

    const dayLengths: [string, string, number][] = [
        ['America/New_York', '2024-03-10', 23],
        ['America/New_York', '2024-11-03', 25],
        ['Europe/Berlin', '2024-03-31', 23],
        ['Europe/Berlin', '2024-10-27', 25],
        ['Australia/Sydney', '2024-04-07', 25],
        ['Australia/Sydney', '2024-10-06', 23],
        ['Pacific/Kiritimati', '2024-02-29', 24],
        ['Etc/GMT+12', '2024-02-29', 24],
    ];
    it.each(dayLengths)('%s %s lasts %d hours', (zone, date, hours) => {
        const { start, end } = windowInstants(
            { start: date, end: isoDate(parseIsoDate(date) + 1), toDate: false },
            zone,
        );
        expect((Date.parse(end) - Date.parse(start)) / HOUR).toBe(hours);
    });

    it('starts a day at the DST transition when midnight does not exist (Santiago, 2022-09-11)', () => {
        expect(windowInstants({ start: '2022-09-11', end: '2022-09-12', toDate: false }, 'America/Santiago')).toEqual({
            start: '2022-09-11T04:00:00Z',
            end: '2022-09-12T03:00:00Z',
        });
    });

    const todays: [string, string, string][] = [
        ['2024-03-10T11:30:00Z', 'Pacific/Kiritimati', '2024-03-11'],
        ['2024-03-10T11:30:00Z', 'Etc/GMT+12', '2024-03-09'],
        ['2024-03-10T09:59:00Z', 'Pacific/Kiritimati', '2024-03-10'],
        ['2024-03-10T12:00:00Z', 'Etc/GMT+12', '2024-03-10'],
        ['2024-12-31T23:30:00Z', 'Asia/Kolkata', '2025-01-01'],
    ];
    it.each(todays)('at %s, today in %s is %s', (instant, zone, expected) => {
        expect(todayIn(new Date(instant), zone)).toBe(expected);
    });
});

function calendarOf(timeZone: string, firstDayOfWeek = 1, fiscalYearStartMonth = 1): ViewerCalendar {
    return { timeZone, firstDayOfWeek, fiscalYearStartMonth };
}

describe('worked examples', () => {
    const ny = calendarOf('America/New_York', 1, 2);
    const may20 = new Date('2024-05-20T16:00:00Z');
    const cases: [string, Period, Date, ViewerCalendar, [string, string], [string, string], [string, string]][] = [
        // Quarter to date: 50 days into Q2 against 50 days into Q1 and into Q2 of 2023.
        [
            'quarter to date',
            { kind: 'thisQuarter' },
            may20,
            ny,
            ['2024-04-01', '2024-05-21'],
            ['2024-01-01', '2024-02-20'],
            ['2023-04-01', '2023-05-21'],
        ],
        // 28 days of leap February against 28 of January, and all 28 of February 2023.
        [
            'month to date on 28 February of a leap year',
            { kind: 'thisMonth' },
            new Date('2024-02-28T15:00:00Z'),
            ny,
            ['2024-02-01', '2024-02-29'],
            ['2024-01-01', '2024-01-29'],
            ['2023-02-01', '2023-03-01'],
        ],
        // On its last day the month is complete: compared with the whole of January and of February 2023.
        [
            'month on 29 February',
            { kind: 'thisMonth' },
            new Date('2024-02-29T15:00:00Z'),
            ny,
            ['2024-02-01', '2024-03-01'],
            ['2024-01-01', '2024-02-01'],
            ['2023-02-01', '2023-03-01'],
        ],
        // 31 days of March against February 2024, clamped at its 29 days.
        [
            'month to date clamped at a shorter month',
            { kind: 'thisMonth' },
            // 22:00 on 31 March in Kiritimati (UTC+14).
            new Date('2024-03-31T08:00:00Z'),
            calendarOf('Pacific/Kiritimati'),
            ['2024-03-01', '2024-04-01'],
            ['2024-02-01', '2024-03-01'],
            ['2023-03-01', '2023-04-01'],
        ],
        [
            'month to date clamped, 30 of 31 days',
            { kind: 'thisMonth' },
            new Date('2024-03-30T12:00:00Z'),
            ny,
            ['2024-03-01', '2024-03-31'],
            ['2024-02-01', '2024-03-01'],
            ['2023-03-01', '2023-03-31'],
        ],
        // Fiscal year from February: Q1 = Feb-Apr, so 20 May is in Q2 (May-Jul).
        [
            'fiscal quarter to date',
            { kind: 'thisFiscalQuarter' },
            may20,
            ny,
            ['2024-05-01', '2024-05-21'],
            ['2024-02-01', '2024-02-21'],
            ['2023-05-01', '2023-05-21'],
        ],
        [
            'last 30 days (LAST_N_DAYS:30 includes today)',
            { kind: 'rollingDays', days: 30 },
            may20,
            ny,
            ['2024-04-20', '2024-05-21'],
            ['2024-03-20', '2024-04-20'],
            ['2023-04-20', '2023-05-21'],
        ],
        [
            'last week, weeks starting Monday',
            { kind: 'lastWeek' },
            may20,
            calendarOf('Europe/Berlin', 2),
            ['2024-05-13', '2024-05-20'],
            ['2024-05-06', '2024-05-13'],
            ['2023-05-15', '2023-05-22'],
        ],
    ];
    it.each(cases)('%s', (_name, period, now, calendar, current, previous, lastYear) => {
        const window = currentWindow(period, now, calendar);
        expect([window.start, window.end]).toEqual(current);
        const p = comparisonWindow(period, 'previousPeriod', now, calendar)!;
        expect([p.start, p.end]).toEqual(previous);
        const y = comparisonWindow(period, 'samePeriodLastYear', now, calendar)!;
        expect([y.start, y.end]).toEqual(lastYear);
    });

    it('moves a window starting on 29 February to 28 February a year earlier', () => {
        const now = new Date('2024-03-30T12:00:00Z');
        const rolling: Period = { kind: 'rollingDays', days: 30 };
        expect(currentWindow(rolling, now, calendarOf('UTC')).start).toBe('2024-02-29');
        expect(comparisonWindow(rolling, 'samePeriodLastYear', now, calendarOf('UTC'))).toMatchObject({
            start: '2023-02-28',
            end: '2023-03-31',
        });
    });

    it('asks the server for this fiscal quarter to date', () => {
        expect(currentWindow({ kind: 'thisFiscalQuarter' }, may20, ny)).toMatchObject({
            literal: 'THIS_FISCAL_QUARTER',
            toDate: true,
        });
    });
});

describe('parsing and validation', () => {
    const periods: [unknown, Period | undefined][] = [
        ['thisFiscalQuarter', { kind: 'thisFiscalQuarter' }],
        [' lastYear ', { kind: 'lastYear' }],
        ['rollingDays:30', { kind: 'rollingDays', days: 30 }],
        ['rollingDays:3650', { kind: 'rollingDays', days: 3650 }],
        ['rollingDays:0', undefined],
        ['rollingDays:3651', undefined],
        ['rollingDays:x', undefined],
        ['rollingDays', undefined],
        ['nextMonth', undefined],
        ['toString', undefined],
        [42, undefined],
        [null, undefined],
        [{ kind: 'lastMonth' }, { kind: 'lastMonth' }],
        [
            { kind: 'rollingDays', days: 7 },
            { kind: 'rollingDays', days: 7 },
        ],
        [{ kind: 'rollingDays' }, undefined],
    ];
    it.each(periods)('parsePeriod(%j)', (input, expected) => {
        expect(parsePeriod(input)).toEqual(expected);
    });

    it('writes periods back as App Builder stores them', () => {
        for (const kind of PERIOD_KINDS) {
            const period: Period = kind === 'rollingDays' ? { kind, days: 14 } : { kind };
            expect(parsePeriod(periodKey(period))).toEqual(period);
        }
    });

    it('knows comparisons and time zones', () => {
        expect(isComparison('samePeriodLastYear')).toBe(true);
        expect(isComparison('lastYear')).toBe(false);
        expect(isTimeZone('Pacific/Kiritimati')).toBe(true);
        expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
        expect(isTimeZone('')).toBe(false);
        expect(isTimeZone(undefined)).toBe(false);
    });

    it('names each bad calendar property', () => {
        expect(calendarProblems(calendarOf('UTC'))).toEqual([]);
        expect(calendarProblems({ timeZone: 'Nowhere/Land', firstDayOfWeek: 0, fiscalYearStartMonth: 13 })).toEqual([
            'timeZone',
            'firstDayOfWeek',
            'fiscalYearStartMonth',
        ]);
        expect(calendarProblems({ timeZone: 'UTC', firstDayOfWeek: 1.5, fiscalYearStartMonth: 0 })).toEqual([
            'firstDayOfWeek',
            'fiscalYearStartMonth',
        ]);
    });

    it('reads only real dates', () => {
        expect(parseIsoDate('2024-02-29')).toBe(19782);
        expect(parseIsoDate('2023-02-29')).toBeNaN();
        expect(parseIsoDate('2023-13-01')).toBeNaN();
        expect(parseIsoDate('2024-01-01T23:00:00Z')).toBe(parseIsoDate('2024-01-01'));
        expect(parseIsoDate('soon')).toBeNaN();
        expect(isoDate(19782)).toBe('2024-02-29');
    });

    it('finds the window holding a day', () => {
        const windows = sparklineWindows({ kind: 'thisMonth' }, 3, new Date('2024-03-10T12:00:00Z'), calendarOf('UTC'));
        expect(windowIndexOf(windows, '2024-01-31')).toBe(0);
        expect(windowIndexOf(windows, '2024-02-01')).toBe(1);
        expect(windowIndexOf(windows, '2024-03-10')).toBe(2);
        expect(windowIndexOf(windows, '2024-03-11')).toBe(-1);
    });
});

describe('quotaShare (a quarterly quota prorated to the period shown)', () => {
    it.each([
        ['thisMonth', 1 / 3],
        ['lastMonth', 1 / 3],
        ['thisQuarter', 1],
        ['lastFiscalQuarter', 1],
        ['thisYear', 4],
        ['thisFiscalYear', 4],
        ['thisWeek', 7 / DAYS_PER_QUARTER],
    ])('%s is %f of a quarter', (kind, share) => {
        expect(quotaShare(parsePeriod(kind)!)).toBeCloseTo(share, 12);
    });

    it('a rolling window counts today and the days before it, like LAST_N_DAYS', () => {
        expect(quotaShare(parsePeriod('rollingDays:90')!)).toBeCloseTo(91 / 91.3125, 12);
        expect(quotaShare(parsePeriod('rollingDays:6')!)).toBeCloseTo(quotaShare(parsePeriod('thisWeek')!), 12);
    });

    it('is positive and finite for every period', () => {
        fc.assert(
            fc.property(fc.constantFrom(...PERIOD_KINDS), fc.integer({ min: 1, max: 365 }), (kind, days) => {
                const period = kind === 'rollingDays' ? { kind, days } : { kind };
                const share = quotaShare(period);
                expect(share).toBeGreaterThan(0);
                expect(share).toBeLessThanOrEqual(366 / DAYS_PER_QUARTER);
            }),
        );
    });
});
