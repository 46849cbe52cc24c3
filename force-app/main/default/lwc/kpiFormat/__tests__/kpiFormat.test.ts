import '../../kpiConfig/__tests__/kpiLabels';
import {
    formatAsOf,
    formatChange,
    formatComparedWindow,
    formatCount,
    formatDateRange,
    formatKpiValue,
} from 'c/kpiFormat';
import type { KpiUnit } from 'c/kpiFormat';
import { plain } from '../../../../../test/jest/kpiTestUtils';

// ICU puts no-break and thin spaces between numbers, units and dashes; compare with plain spaces.

describe('formatKpiValue', () => {
    const cases: [string, string, KpiUnit, number, boolean, string][] = [
        ['en-US', 'USD', 'currency', 1234567.891, false, '$1,234,567.89'],
        ['en-US', 'USD', 'currency', 1234567.891, true, '$1.2M'],
        ['en-US', 'EUR', 'currency', 1234567.891, false, '€1,234,567.89'],
        ['en-US', 'JPY', 'currency', 1234567.891, false, '¥1,234,568'],
        ['de-DE', 'EUR', 'currency', 1234567.891, false, '1.234.567,89 €'],
        ['de-DE', 'EUR', 'currency', 1234567.891, true, '1,2 Mio. €'],
        ['de-DE', 'USD', 'currency', 1234567.891, false, '1.234.567,89 $'],
        ['de-DE', 'JPY', 'currency', 1234567.891, false, '1.234.568 ¥'],
        ['ja-JP', 'JPY', 'currency', 1234567.891, false, '￥1,234,568'],
        ['ja-JP', 'JPY', 'currency', 1234567.891, true, '￥123万'],
        ['ja-JP', 'USD', 'currency', 1234567.891, false, '$1,234,567.89'],
        ['en-US', 'USD', 'percent', 0.2567, false, '25.7%'],
        ['de-DE', 'EUR', 'percent', 0.2567, false, '25,7 %'],
        ['ja-JP', 'JPY', 'percent', 0.2567, false, '25.7%'],
        ['en-US', 'USD', 'days', 12.46, false, '12.5 days'],
        ['en-US', 'USD', 'days', 1, false, '1 day'],
        ['de-DE', 'EUR', 'days', 12.46, false, '12,5 Tage'],
        ['ja-JP', 'JPY', 'days', 12.46, false, '12.5 日'],
        ['en-US', 'USD', 'count', 1234567, false, '1,234,567'],
        ['en-US', 'USD', 'count', 1234567, true, '1.2M'],
        ['de-DE', 'EUR', 'count', 1234567, false, '1.234.567'],
        ['ja-JP', 'JPY', 'count', 1234567, true, '123万'],
        ['en-US', 'USD', 'multiple', 3.24, false, '3.2×'],
        ['de-DE', 'EUR', 'multiple', 3.24, false, '3,2×'],
        ['en-US', 'USD', 'count', 0, false, '0'],
    ];
    it.each(cases)('%s %s %s %d (compact %s) → %s', (locale, currency, unit, value, compact, expected) => {
        expect(plain(formatKpiValue(value, unit, { locale, currency, compact }))).toBe(expected);
    });

    // Compact: at most 3 significant digits and one decimal, no trailing ".0", whole where the locale has no word.
    const compactCases: [string, string | undefined, KpiUnit, number, string][] = [
        ['en-US', 'USD', 'currency', 19000, '$19K'],
        ['en-US', 'USD', 'currency', 19500, '$19.5K'],
        ['en-US', 'USD', 'currency', 1000, '$1K'],
        ['en-US', 'USD', 'currency', 123456, '$123K'],
        ['en-US', 'USD', 'currency', 999999, '$1M'],
        ['en-US', 'USD', 'currency', 1500000000, '$1.5B'],
        ['en-US', 'USD', 'currency', 999, '$999'],
        ['en-US', 'USD', 'currency', 12.34, '$12.3'],
        ['en-US', 'USD', 'currency', -19000, '-$19K'],
        ['en-US', 'USD', 'currency', 0, '$0'],
        ['en-US', undefined, 'count', 62100, '62.1K'],
        ['en-US', undefined, 'count', 123456, '123K'],
        ['de-DE', 'EUR', 'currency', 19000, '19.000 €'],
        ['de-DE', 'EUR', 'currency', 123456, '123.456 €'],
        ['de-DE', 'EUR', 'currency', 1500, '1500 €'],
        ['de-DE', 'EUR', 'currency', 12.34, '12,3 €'],
        ['de-DE', 'EUR', 'currency', 2000000, '2 Mio. €'],
        ['de-DE', 'EUR', 'currency', 123456789, '123 Mio. €'],
        ['de-DE', undefined, 'count', 1500000000, '1,5 Mrd.'],
        ['ja-JP', 'JPY', 'currency', 19000, '￥1.9万'],
        ['ja-JP', 'JPY', 'currency', 1000, '￥1000'],
        ['ja-JP', 'JPY', 'currency', 20000, '￥2万'],
        ['ja-JP', 'USD', 'currency', 1500000000, '$15億'],
        ['ja-JP', undefined, 'count', 123456, '12.3万'],
    ];
    it.each(compactCases)('compact %s %s %s %d → %s', (locale, currency, unit, value, expected) => {
        expect(plain(formatKpiValue(value, unit, { locale, currency, compact: true }))).toBe(expected);
    });

    it('keeps rates, days and multiples as they are when compact is asked for', () => {
        const options = { locale: 'en-US', compact: true };
        expect(formatKpiValue(0.2567, 'percent', options)).toBe('25.7%');
        expect(formatKpiValue(12000.5, 'days', options)).toBe('12,000.5 days');
        expect(formatKpiValue(3.24, 'multiple', options)).toBe('3.2×');
    });

    it('shows nothing, never a false zero, for a missing value', () => {
        for (const value of [null, undefined, NaN, Infinity]) {
            expect(formatKpiValue(value, 'count', { locale: 'en-US' })).toBe('');
        }
    });

    it('needs a currency for amounts', () => {
        expect(() => formatKpiValue(5, 'currency', { locale: 'en-US' })).toThrow(/currency is required/);
    });

    it('formats sample sizes', () => {
        expect(plain(formatCount(12345, 'de-DE'))).toBe('12.345');
        expect(formatCount(12345, 'ja-JP')).toBe('12,345');
    });
});

describe('formatChange', () => {
    const en = { locale: 'en-US', currency: 'USD' };
    const cases: [string, number, number, KpiUnit, boolean, object][] = [
        ['up and good', 110, 100, 'count', true, { direction: 'up', tone: 'good', text: '+10%', ratio: 0.1 }],
        ['up and bad', 110, 100, 'days', false, { direction: 'up', tone: 'bad', text: '+10 days' }],
        ['down and good', 35, 40, 'days', false, { direction: 'down', tone: 'good', text: '-5 days' }],
        ['down and bad', 900, 1000, 'currency', true, { direction: 'down', tone: 'bad', text: '-10%' }],
        ['flat', 5, 5, 'count', true, { direction: 'flat', tone: 'neutral', text: '0%', ratio: 0 }],
        ['from zero', 5, 0, 'count', true, { direction: 'up', text: '+5', ratio: null }],
        ['from zero amount', 250, 0, 'currency', true, { direction: 'up', text: '+$250.00', ratio: null }],
        ['flat days', 3, 3, 'days', false, { direction: 'flat', tone: 'neutral', text: '0 days' }],
        ['rate in points', 0.32, 0.28, 'percent', true, { direction: 'up', tone: 'good', text: '+4 pts' }],
        ['multiple', 2.5, 3, 'multiple', true, { direction: 'down', tone: 'bad', text: '-0.5×' }],
    ];
    it.each(cases)('%s', (_name, current, previous, unit, higherIsBetter, expected) => {
        expect(formatChange(current, previous, unit, higherIsBetter, en)).toMatchObject(expected);
    });

    it('writes the change in the viewer’s locale', () => {
        expect(plain(formatChange(0.9, 1, 'count', true, { locale: 'de-DE' })?.text)).toBe('-10 %');
        expect(formatChange(0.2, 0.25, 'percent', true, { locale: 'de-DE' })?.text).toBe('-5 pts');
    });

    it('shortens a change from zero the way the value is shortened', () => {
        const compact = { ...en, compact: true };
        expect(formatChange(19000, 0, 'currency', true, compact)?.text).toBe('+$19K');
        expect(formatChange(0, 1234567, 'count', false, compact)?.text).toBe('-100%');
        expect(
            plain(formatChange(123456, 0, 'currency', true, { locale: 'de-DE', currency: 'EUR', compact: true })?.text),
        ).toBe('+123.456 €');
    });

    it('has no change without both values', () => {
        expect(formatChange(null, 1, 'count', true, en)).toBeNull();
        expect(formatChange(1, undefined, 'count', true, en)).toBeNull();
        expect(formatChange(NaN, 1, 'count', true, en)).toBeNull();
    });
});

describe('formatAsOf', () => {
    const now = new Date('2024-05-20T16:00:00Z');
    const cases: [number, string, string][] = [
        [-10 * 1000, 'en-US', 'now'],
        [-5 * 60 * 1000, 'en-US', '5 minutes ago'],
        [-5 * 60 * 1000, 'de-DE', 'vor 5 Minuten'],
        [-5 * 60 * 1000, 'ja-JP', '5 分前'],
        [-3 * 3600 * 1000, 'en-US', '3 hours ago'],
    ];
    it.each(cases)('%d ms → %s %s', (offset, locale, expected) => {
        expect(plain(formatAsOf(new Date(now.getTime() + offset), now, locale, 'UTC'))).toBe(expected);
    });

    it('gives the date and time in the viewer’s zone after a day', () => {
        const text = plain(formatAsOf(new Date('2024-05-18T23:30:00Z'), now, 'en-US', 'Pacific/Kiritimati'));
        expect(text).toBe('May 19, 2024, 1:30 PM');
    });
});

describe('formatDateRange', () => {
    it('writes the last day inclusive, in each locale', () => {
        const window = { start: '2024-04-01', end: '2024-05-21' };
        expect(plain(formatDateRange(window, 'en-US'))).toBe('Apr 1 – May 20, 2024');
        expect(plain(formatDateRange(window, 'de-DE'))).toBe('01.04. – 20.05.2024');
        expect(formatDateRange(window, 'ja-JP')).toBe('2024/04/01～2024/05/20');
    });

    it('writes a single day once', () => {
        expect(formatDateRange({ start: '2024-02-29', end: '2024-03-01' }, 'en-US')).toBe('Feb 29, 2024');
    });
});

describe('formatComparedWindow', () => {
    it('names the days compared with and whether they are the same days or the whole period', () => {
        const sameDays = { start: '2024-01-01', end: '2024-02-20', toDate: true };
        const whole = { start: '2023-10-01', end: '2024-01-01', toDate: false };
        expect(plain(formatComparedWindow(sameDays, 'previousPeriod', 'en-US'))).toBe(
            'Jan 1 – Feb 19, 2024, same days of the previous period',
        );
        expect(plain(formatComparedWindow(whole, 'previousPeriod', 'en-US'))).toBe(
            'Oct 1 – Dec 31, 2023, the previous period',
        );
        expect(plain(formatComparedWindow(sameDays, 'samePeriodLastYear', 'en-US'))).toBe(
            'Jan 1 – Feb 19, 2024, same days last year',
        );
        expect(plain(formatComparedWindow(whole, 'samePeriodLastYear', 'en-US'))).toBe(
            'Oct 1 – Dec 31, 2023, same period last year',
        );
        // The dates follow the locale; the words are labels (English here, where Jest reads the default values).
        expect(plain(formatComparedWindow(sameDays, 'previousPeriod', 'de-DE'))).toMatch(/^01\.01\. – 19\.02\.2024, /);
    });
});
