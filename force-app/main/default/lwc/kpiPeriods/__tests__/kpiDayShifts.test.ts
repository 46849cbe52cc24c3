import fc from 'fast-check';
import { dayShifts, localDay, offsetMinutes } from 'c/kpiPeriods';
import type { DayShift } from 'c/kpiPeriods';

// What the planner asks the server (kpiPlanner shiftFilter) and the reader adds (kpiResults shiftOf), replayed
// per record: the UTC day plus the sign of the band whose instants and UTC hours hold the record.
const MS_PER_DAY = 86_400_000;
const NOW = Date.parse('2026-12-04T12:00:00Z');
const FROM = NOW - 10 * 366 * MS_PER_DAY;
const TO = NOW + 2 * MS_PER_DAY;

function shiftedDay(instant: number, shifts: readonly DayShift[]): number {
    const iso = new Date(instant).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const hour = new Date(instant).getUTCHours();
    let day = Math.floor(instant / MS_PER_DAY);
    for (const band of shifts) {
        const inRange = band.ranges.some(
            (r) => (r.start === undefined || iso >= r.start) && (r.end === undefined || iso < r.end),
        );
        if (inRange && hour >= band.hours[0] && hour < band.hours[1]) day += band.sign;
    }
    return day;
}

// Etc/GMT+12 is UTC−12 and Etc/GMT-14 is UTC+14 (POSIX signs): every whole-hour offset from −12 to +14.
const WHOLE_HOUR_ZONES = Array.from({ length: 27 }, (_, i) => i - 12).map((offset) =>
    offset === 0 ? 'UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`,
);
const DST_ZONES = ['America/Los_Angeles', 'America/New_York', 'Europe/Berlin', 'Pacific/Auckland', 'Australia/Sydney'];

describe('dayShifts: durations in the viewer’s calendar', () => {
    it('names every whole-hour zone from −12 to +14 with its offset', () => {
        expect(WHOLE_HOUR_ZONES.map((zone) => offsetMinutes(NOW, zone) / 60)).toEqual(
            Array.from({ length: 27 }, (_, i) => i - 12),
        );
    });

    it('gives the local day of any instant, for every whole-hour zone, at any time', () => {
        fc.assert(
            fc.property(
                fc.constantFrom(...WHOLE_HOUR_ZONES),
                // Before the ten years the shifts follow too: a zone without DST has one band for ever.
                fc.integer({ min: FROM - 20 * 366 * MS_PER_DAY, max: TO }),
                (zone, instant) => {
                    const shifts = dayShifts(zone, FROM, TO);
                    expect(shiftedDay(instant, shifts)).toBe(localDay(instant, zone));
                },
            ),
            { numRuns: 2000 },
        );
    });

    it('gives the local day of any instant of the last ten years in zones with DST, across every change', () => {
        fc.assert(
            fc.property(fc.constantFrom(...DST_ZONES), fc.integer({ min: FROM, max: TO }), (zone, instant) => {
                const shifts = dayShifts(zone, FROM, TO);
                expect(shiftedDay(instant, shifts)).toBe(localDay(instant, zone));
            }),
            { numRuns: 2000 },
        );
        // The instants around a change, minute by minute: 2026-03-08 10:00Z is 03:00 PDT in Los Angeles.
        const change = Date.parse('2026-03-08T10:00:00Z');
        const shifts = dayShifts('America/Los_Angeles', FROM, TO);
        for (let minute = -120; minute <= 120; minute += 1) {
            const instant = change + minute * 60_000;
            expect(shiftedDay(instant, shifts)).toBe(localDay(instant, 'America/Los_Angeles'));
        }
    });

    it('is off by at most a day, only in the half hour a half-hour zone cannot tell by its hour', () => {
        for (const zone of ['Asia/Kolkata', 'America/St_Johns', 'Australia/Adelaide']) {
            const shifts = dayShifts(zone, FROM, TO);
            fc.assert(
                fc.property(fc.integer({ min: FROM, max: TO }), (instant) => {
                    const error = shiftedDay(instant, shifts) - localDay(instant, zone);
                    // The hour cannot tell the half hour of a half-hour offset: 18:30–19:00 UTC in India (+5:30),
                    // 03:00–03:30 UTC in Newfoundland (−3:30); those records are read on their UTC day.
                    const utcMinute = Math.floor(instant / 60_000) % 1440;
                    const offset = offsetMinutes(instant, zone);
                    const blind =
                        offset > 0
                            ? utcMinute >= 1440 - offset && utcMinute < Math.ceil((1440 - offset) / 60) * 60
                            : utcMinute >= Math.floor(-offset / 60) * 60 && utcMinute < -offset;
                    expect(error === 0 || (blind && Math.abs(error) === 1)).toBe(true);
                }),
                { numRuns: 500 },
            );
        }
    });

    it('is empty for a viewer on UTC, and one band for ever for a zone without DST', () => {
        expect(dayShifts('UTC', FROM, TO)).toEqual([]);
        expect(dayShifts('Pacific/Kiritimati', FROM, TO)).toEqual([{ sign: 1, hours: [10, 24], ranges: [{}] }]);
        expect(dayShifts('Etc/GMT+12', FROM, TO)).toEqual([{ sign: -1, hours: [0, 12], ranges: [{}] }]);
        const berlin = dayShifts('Europe/Berlin', FROM, TO);
        // Winter (+1): from 23:00 UTC the local day is the next; summer (+2): from 22:00 UTC.
        expect(berlin.map((band) => band.hours)).toEqual([
            [23, 24],
            [22, 24],
        ]);
        // Ten years of summer and winter: about ten ranges each, the winter one open towards the past.
        expect(berlin[0].ranges[0]).toEqual({ end: '2017-03-26T01:00:00Z' });
    });
});
