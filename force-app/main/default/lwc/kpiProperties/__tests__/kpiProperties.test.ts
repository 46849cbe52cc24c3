import fs from 'fs';
import path from 'path';
import fc from 'fast-check';
import '../../kpiConfig/__tests__/kpiLabels';
import { MAX_SHOWN, cut, fillLabel, isBlank, problemMessage, problemOf, read } from 'c/kpiProperties';
import type { Reading } from 'c/kpiProperties';

const value = <T>(reading: Reading<T>) => (reading.ok ? reading.value : undefined);
const code = <T>(reading: Reading<T>) => (reading.ok ? undefined : reading.code);

describe('fillLabel', () => {
    it.each([
        ['{0} and {1}, {0} again', ['a', 2], 'a and 2, a again'],
        ['{1} before {0}, {1} after', ['x', 'y'], 'y before x, y after'],
        ['Series {0} has {1} values', ['A', 3], 'Series A has 3 values'],
        ['Missing {2}', ['x'], 'Missing {2}'],
        ['No placeholders', [], 'No placeholders'],
        ['{0}{0}{0}', ['$&'], '$&$&$&'],
    ] as const)('%s with %j', (template, values, expected) => {
        expect(fillLabel(template, ...values)).toBe(expected);
    });
});

describe('cut', () => {
    it('keeps short text and cuts long text to MAX_SHOWN characters with an ellipsis', () => {
        expect(cut('short')).toBe('short');
        const long = 'x'.repeat(10_000);
        expect(cut(long)).toHaveLength(MAX_SHOWN);
        expect(cut(long).endsWith('…')).toBe(true);
        expect(cut('abcdef', 4)).toBe('abc…');
    });
});

describe('readers', () => {
    it.each([
        ['blank', undefined, 'b'],
        ['blank text', '  ', 'b'],
        ['a choice', ' a ', 'a'],
        ['not a choice', 'z', undefined],
        ['an object', { a: 1 }, undefined],
    ])('read.choice: %s', (_, raw, expected) => {
        expect(value(read.choice(raw, ['a', 'b'], 'b'))).toBe(expected);
    });

    it.each([
        [undefined, 5],
        [7, 7],
        [' 12 ', 12],
        ['0', 0],
        ['13', undefined],
        ['-1', undefined],
        [2.5, undefined],
        ['1e1', undefined],
        [true, undefined],
    ])('read.wholeNumber(%j, 0, 12)', (raw, expected) => {
        expect(value(read.wholeNumber(raw, 0, 12, 5))).toBe(expected);
    });

    it('reports the range of a bad whole number', () => {
        expect(read.wholeNumber('99', 1, 12, 1)).toEqual({
            ok: false,
            code: 'notWholeNumber',
            value: '99',
            args: [1, 12],
        });
    });

    it.each([
        [undefined, { kind: 'thisMonth' }],
        ['lastFiscalYear', { kind: 'lastFiscalYear' }],
        ['rollingDays:90', { kind: 'rollingDays', days: 90 }],
        ['someday', undefined],
    ])('read.period(%j)', (raw, expected) => {
        expect(value(read.period(raw, 'thisMonth'))).toEqual(expected);
    });

    it.each([
        [undefined, {}, null],
        ['250000', {}, 250000],
        ['1,500,000', {}, 1500000],
        ['27,5', {}, undefined],
        ['1,50,000', {}, undefined],
        [27.5, {}, 27.5],
        ['25%', { percent: true }, 0.25],
        ['25%', {}, undefined],
        ['0', { positive: true }, undefined],
        [0, { positive: true }, undefined],
        [-1, {}, undefined],
        [Number.NaN, {}, undefined],
        ['abc', {}, undefined],
    ] as const)('read.target(%j, %j)', (raw, options, expected) => {
        expect(value(read.target(raw, options))).toBe(expected);
    });

    it.each([
        [undefined, null],
        ['eur', 'EUR'],
        ['ZZZ', undefined],
        ['EURO', undefined],
    ])('read.currencyCode(%j)', (raw, expected) => {
        expect(value(read.currencyCode(raw))).toBe(expected);
    });

    it('accepts any three letters where the browser lists no currencies', () => {
        const supported = Intl.supportedValuesOf;
        Object.defineProperty(Intl, 'supportedValuesOf', { value: undefined, configurable: true });
        try {
            expect(value(read.currencyCode('ZZZ'))).toBe('ZZZ');
        } finally {
            Object.defineProperty(Intl, 'supportedValuesOf', { value: supported, configurable: true });
        }
    });

    it.each([
        [undefined, 'Loss_Reason__c'],
        [' Reason__c ', 'Reason__c'],
        ['1Field', undefined],
        ['Bad Field', undefined],
        [42, undefined],
    ])('read.fieldName(%j)', (raw, expected) => {
        expect(value(read.fieldName(raw, 'Loss_Reason__c'))).toBe(expected);
    });

    it.each([
        [undefined, ''],
        ['005000000000001', '005000000000001'],
        ['005000000000001AAA', '005000000000001AAA'],
        ['me', 'me'],
        ['0050000', undefined],
        [5, undefined],
    ])('read.userId(%j)', (raw, expected) => {
        expect(value(read.userId(raw, '', ['me']))).toBe(expected);
    });

    it('reads KPI ids and lists', () => {
        const known = (id: string) => ['winRate', 'closedWonRevenue'].includes(id);
        expect(value(read.kpiId(undefined, known, 'winRate'))).toBe('winRate');
        expect(read.kpiId('nope', known, 'winRate', ['winRate'])).toEqual({
            ok: false,
            code: 'notKpi',
            value: 'nope',
            args: ['winRate'],
        });
        expect(value(read.kpiList(' winRate, closedWonRevenue;winRate '))).toEqual(['winRate', 'closedWonRevenue']);
        expect(value(read.kpiList(''))).toEqual([]);
        expect(code(read.kpiList(['winRate']))).toBe('notKpi');
    });

    it.each([
        [true, true],
        [false, false],
        [undefined, true],
        ['false', false],
        ['true', true],
        ['yes', undefined],
    ])('read.boolean(%j)', (raw, expected) => {
        expect(value(read.boolean(raw, true))).toBe(expected);
    });

    it.each([
        [undefined, ''],
        ['New Business', 'New Business'],
        ['a\nb', undefined],
        ['x'.repeat(256), undefined],
        [{}, undefined],
    ])('read.text(%j)', (raw, expected) => {
        expect(value(read.text(raw, ''))).toBe(expected);
    });

    it('read.text checks a pattern', () => {
        expect(value(read.text('Sales_Rep', '', 80, /^[A-Za-z]\w*$/))).toBe('Sales_Rep');
        expect(code(read.text('Sales Rep', '', 80, /^[A-Za-z]\w*$/))).toBe('notText');
    });

    it('never throws: any value reads as a value or a problem', () => {
        const readers = [
            (v: unknown) => read.choice(v, ['a'], 'a'),
            (v: unknown) => read.wholeNumber(v, 0, 10, 0),
            (v: unknown) => read.period(v, 'thisMonth'),
            (v: unknown) => read.target(v, { percent: true }),
            (v: unknown) => read.currencyCode(v),
            (v: unknown) => read.fieldName(v, 'F'),
            (v: unknown) => read.userId(v, '', ['me']),
            (v: unknown) => read.kpiId(v, () => false, 'x'),
            (v: unknown) => read.kpiList(v),
            (v: unknown) => read.boolean(v, false),
            (v: unknown) => read.text(v, ''),
        ];
        const sound = (reading: Reading<unknown>) =>
            reading.ok
                ? 'value' in reading
                : typeof reading.code === 'string' &&
                  typeof reading.value === 'string' &&
                  problemMessage(problemOf('p', reading), { p: 'P' }).startsWith('P: "') &&
                  problemMessage(problemOf('p', reading), { p: 'P' }).length < 1000;
        expect(() =>
            fc.assert(fc.property(fc.anything(), (raw) => readers.every((reader) => sound(reader(raw))))),
        ).not.toThrow();
    });
});

describe('problemMessage', () => {
    it('names the property by its label and echoes the value in the one pattern', () => {
        const problem = problemOf('rowLimit', read.wholeNumber('500', 1, 200, 10) as never);
        expect(problem).toEqual({
            property: 'rowLimit',
            value: '500',
            code: 'notWholeNumber',
            severity: 'error',
            args: [1, 200],
        });
        expect(problemMessage(problem, { rowLimit: 'Rows shown' })).toBe(
            'Rows shown: "500" is not a whole number from 1 to 200. Enter one in that range.',
        );
    });

    it('falls back to the API name and to component templates', () => {
        const problem = { property: 'x', value: 'v', code: 'own', severity: 'warning' } as const;
        expect(problemMessage(problem, {}, { own: '{0}: "{1}" is not mine.' })).toBe('x: "v" is not mine.');
        expect(problemMessage(problem, {})).toBe('');
    });

    it('never shows a 10,000-character value whole', () => {
        const huge = 'a'.repeat(10_000);
        const message = problemMessage(problemOf('kpi', read.choice(huge, ['b'], 'b') as never, 'warning'), {
            kpi: 'KPI',
        });
        expect(message).toContain(`"${'a'.repeat(MAX_SHOWN - 1)}…"`);
        expect(message.length).toBeLessThan(200);
    });

    it('isBlank', () => {
        expect([undefined, null, '', ' '].every(isBlank)).toBe(true);
        expect([0, false, 'x', {}].some(isBlank)).toBe(false);
    });
});

describe('the labels file', () => {
    const xml = fs.readFileSync(
        path.join(__dirname, '..', '..', '..', 'labels', 'CustomLabels.labels-meta.xml'),
        'utf8',
    );
    const labels = [...xml.matchAll(/<labels>([\s\S]*?)<\/labels>/g)].map((match) => ({
        name: /<fullName>([^<]+)<\/fullName>/.exec(match[1])?.[1],
        value: /<value>([\s\S]*?)<\/value>/.exec(match[1])?.[1],
    }));

    it('has no two labels with the same value', () => {
        const byValue = new Map<string, string[]>();
        for (const { name, value: text } of labels) byValue.set(text!, [...(byValue.get(text!) ?? []), name!]);
        expect([...byValue.values()].filter((names) => names.length > 1)).toEqual([]);
    });

    it('words every shared code in the one pattern', () => {
        for (const { name, value: text } of labels.filter((label) => label.name!.startsWith('kpiProperty'))) {
            expect([name, /^\{0\}: "\{1\}" is not .+\. .+\.$/.test(text!)]).toEqual([name, true]);
        }
    });
});
