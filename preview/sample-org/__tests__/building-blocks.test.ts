import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
    Timeline,
    dayNumber,
    fiscalPeriodOf,
    fiscalQuarterOfMonth,
    fiscalYearStartDate,
    formatDay,
    parseDay,
    timeZoneOffsetMs,
    type FiscalSettings,
} from '../calendar';
import { byCreation, countAtMost } from '../context';
import { IdSequence, caseSafeSuffix, objectApiNameOfId, toCaseSafeId } from '../ids';
import { Random, WeightedPicker } from '../random';

const calendarYear: FiscalSettings = { fiscalYearStartMonth: 1, fiscalYearNameBasedOn: 'endingMonth' };
const april = (basis: FiscalSettings['fiscalYearNameBasedOn']): FiscalSettings => ({
    fiscalYearStartMonth: 4,
    fiscalYearNameBasedOn: basis,
});

describe('Ids', () => {
    it('adds the case-safe suffix: one letter per 5 characters, a bit per upper-case letter', () => {
        // 001A0 → A at position 3 → 8 → I; 00000 → A; 6Vm9r → V at position 1 → 2 → C.
        assert.equal(caseSafeSuffix('001A0000006Vm9r'), 'IAC');
        assert.equal(toCaseSafeId('001A0000006Vm9r'), '001A0000006Vm9rIAC');
        assert.equal(toCaseSafeId('001a0000006vm9r'), '001a0000006vm9rAAA');
        assert.equal(toCaseSafeId('001A0000006Vm9rIAC'), '001A0000006Vm9rIAC');
        assert.equal(toCaseSafeId('001A0000006Vm9rAAA'), undefined, 'a wrong suffix is not an Id');
        assert.equal(toCaseSafeId('not an id'), undefined);
    });

    it('hands out consecutive, valid Ids and knows their object', () => {
        const sequence = new IdSequence('006', 61);
        // Base 62 counts 0-9, A-Z, a-z: 61 is z, 62 is 10.
        assert.deepEqual([sequence.next(), sequence.next()], ['0065g000000000zAAA', '0065g0000000010AAA']);
        // 00Q5g: Q upper at position 2 → E; 00000 → A; 0000A: A at position 4 → Q.
        const upper = new IdSequence('00Q', 10).next();
        assert.equal(upper, '00Q5g000000000AEAQ');
        assert.equal(objectApiNameOfId(upper), 'Lead');
        assert.equal(objectApiNameOfId('00e5g000000000AAAA'), 'Profile');
        assert.equal(objectApiNameOfId('00E5g000000000AAAA'), 'UserRole');
        assert.equal(objectApiNameOfId('a015g000000000AAAA'), undefined);
    });
});

describe('fiscal periods', () => {
    it('numbers quarters from the fiscal start month', () => {
        assert.deepEqual(
            [1, 3, 4, 6, 7, 12].map((month) => fiscalQuarterOfMonth(month, 1)),
            [1, 1, 2, 2, 3, 4],
        );
        assert.deepEqual(
            [4, 6, 7, 12, 1, 3].map((month) => fiscalQuarterOfMonth(month, 4)),
            [1, 1, 2, 3, 4, 4],
        );
        assert.deepEqual(
            [2, 4, 5, 1].map((month) => fiscalQuarterOfMonth(month, 2)),
            [1, 1, 2, 4],
        );
    });

    it('names a fiscal year by its starting or ending calendar year', () => {
        assert.deepEqual(fiscalPeriodOf('2026-03-31', calendarYear), { fiscalYear: 2026, fiscalQuarter: 1 });
        assert.deepEqual(fiscalPeriodOf('2026-03-31', april('endingMonth')), { fiscalYear: 2026, fiscalQuarter: 4 });
        assert.deepEqual(fiscalPeriodOf('2026-04-01', april('endingMonth')), { fiscalYear: 2027, fiscalQuarter: 1 });
        assert.deepEqual(fiscalPeriodOf('2026-04-01', april('startingMonth')), { fiscalYear: 2026, fiscalQuarter: 1 });
        assert.deepEqual(fiscalPeriodOf('2027-01-15', april('startingMonth')), { fiscalYear: 2026, fiscalQuarter: 4 });
        assert.equal(fiscalYearStartDate(2027, april('endingMonth')), '2026-04-01');
        assert.equal(fiscalYearStartDate(2026, april('startingMonth')), '2026-04-01');
        assert.equal(fiscalYearStartDate(2026, calendarYear), '2026-01-01');
    });
});

describe('Timeline', () => {
    const timeline = new Timeline(new Date('2026-11-27T18:30:00.500Z'), 'America/Los_Angeles', april('endingMonth'));

    it('knows the local today and formats dates and DateTimes', () => {
        assert.equal(timeline.date(timeline.today), '2026-11-27');
        assert.equal(timeline.nowMs, Date.parse('2026-11-27T18:30:00Z'));
        assert.equal(parseDay('2026-11-27'), timeline.today);
        assert.equal(formatDay(dayNumber(2024, 2, 29)), '2024-02-29');
        assert.throws(() => parseDay('27/11/2026'), /Not a YYYY-MM-DD date/);
        for (const iso of ['2026-11-27T00:00:00.000Z', '2024-02-29T23:59:59.000Z', '2019-01-01T12:05:09.000Z']) {
            assert.equal(timeline.iso(Date.parse(iso)), iso);
        }
        assert.equal(timeline.weekday(parseDay('2026-11-27')), 5, 'a Friday');
        assert.equal(timeline.date(timeline.fiscalQuarterEnd(parseDay('2026-11-27'))), '2026-12-31');
        assert.equal(timeline.date(timeline.fiscalQuarterEnd(parseDay('2026-04-01'))), '2026-06-30');
        assert.equal(timeline.date(timeline.lastOfMonth(parseDay('2028-02-03'))), '2028-02-29');
    });

    it('turns local wall-clock times into instants across daylight-saving changes', () => {
        const nineAm = 9 * 3600;
        // Los Angeles: UTC-8 in winter, UTC-7 from the second Sunday of March to the first Sunday of November.
        assert.equal(timeline.iso(timeline.instant(parseDay('2026-03-07'), nineAm)), '2026-03-07T17:00:00.000Z');
        assert.equal(timeline.iso(timeline.instant(parseDay('2026-03-09'), nineAm)), '2026-03-09T16:00:00.000Z');
        assert.equal(timeline.iso(timeline.instant(parseDay('2026-10-31'), nineAm)), '2026-10-31T16:00:00.000Z');
        assert.equal(timeline.iso(timeline.instant(parseDay('2026-11-02'), nineAm)), '2026-11-02T17:00:00.000Z');
        assert.equal(timeline.dayOf(Date.parse('2026-11-28T07:30:00Z')), parseDay('2026-11-27'));
        assert.equal(timeZoneOffsetMs(Date.parse('2026-07-01T12:00:00Z'), 'Asia/Tokyo'), 9 * 3_600_000);
    });
});

describe('random numbers', () => {
    it('repeat for a seed and stream, and differ across seeds and streams', () => {
        const draw = (seed: number, stream: number): number[] => {
            const random = new Random(seed, stream);
            return Array.from({ length: 5 }, () => random.next());
        };
        assert.deepEqual(draw(1, 0), draw(1, 0));
        assert.notDeepEqual(draw(1, 0), draw(2, 0));
        assert.notDeepEqual(draw(1, 0), draw(1, 1));
    });

    it('are uniform enough, within range, and weighted picks follow the weights', () => {
        const random = new Random(42);
        let sum = 0;
        const counts = [0, 0, 0];
        const picker = new WeightedPicker([1, 0, 3]);
        for (let i = 0; i < 40_000; i++) {
            const value = random.next();
            assert.ok(value >= 0 && value < 1, `out of range: ${value}`);
            sum += value;
            const dice = random.int(2, 4);
            assert.ok(dice >= 2 && dice <= 4, `int out of range: ${dice}`);
            counts[picker.pick(random)]++;
        }
        assert.ok(Math.abs(sum / 40_000 - 0.5) < 0.01, `mean ${sum / 40_000}`);
        assert.equal(counts[1], 0);
        assert.ok(Math.abs(counts[2] / counts[0] - 3) < 0.2, `ratio ${counts[2] / counts[0]}`);
        assert.throws(() => new WeightedPicker([0, 0]), /at least one positive/);
    });
});

describe('ordering helpers', () => {
    it('sort by creation time, keeping ties in order, and count how many are at most a value', () => {
        const items = [5000, 1000, 5000, 3000].map((createdMs, order) => ({ createdMs, order }));
        assert.deepEqual(
            byCreation(items).map((item) => item.order),
            [1, 3, 0, 2],
        );
        assert.equal(countAtMost([1, 2, 2, 5], 2), 3);
        assert.equal(countAtMost([1, 2, 2, 5], 0), 0);
        assert.equal(countAtMost([1, 2, 2, 5], 9), 4);
    });
});
