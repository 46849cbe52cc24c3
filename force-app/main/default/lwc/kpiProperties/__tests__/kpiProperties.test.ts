import fs from 'fs';
import path from 'path';
import fc from 'fast-check';
import '../../kpiConfig/__tests__/kpiLabels';
import {
    MAX_SHOWN,
    cut,
    fillLabel,
    isBlank,
    problemMessage,
    problemOf,
    readBoolean,
    readChoice,
    readCurrencyCode,
    readFieldName,
    readKpiId,
    readKpiList,
    readPeriod,
    readTarget,
    readText,
    readUserId,
    readWholeNumber,
} from 'c/kpiProperties';
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
    ])('readChoice: %s', (_, raw, expected) => {
        expect(value(readChoice(raw, ['a', 'b'], 'b'))).toBe(expected);
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
    ])('readWholeNumber(%j, 0, 12)', (raw, expected) => {
        expect(value(readWholeNumber(raw, 0, 12, 5))).toBe(expected);
    });

    it('reports the range of a bad whole number', () => {
        expect(readWholeNumber('99', 1, 12, 1)).toEqual({
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
    ])('readPeriod(%j)', (raw, expected) => {
        expect(value(readPeriod(raw, 'thisMonth'))).toEqual(expected);
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
    ] as const)('readTarget(%j, %j)', (raw, options, expected) => {
        expect(value(readTarget(raw, options))).toBe(expected);
    });

    it.each([
        [undefined, null],
        ['eur', 'EUR'],
        ['ZZZ', undefined],
        ['EURO', undefined],
    ])('readCurrencyCode(%j)', (raw, expected) => {
        expect(value(readCurrencyCode(raw))).toBe(expected);
    });

    it('accepts any three letters where the browser lists no currencies', () => {
        const supported = Intl.supportedValuesOf;
        Object.defineProperty(Intl, 'supportedValuesOf', { value: undefined, configurable: true });
        try {
            expect(value(readCurrencyCode('ZZZ'))).toBe('ZZZ');
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
    ])('readFieldName(%j)', (raw, expected) => {
        expect(value(readFieldName(raw, 'Loss_Reason__c'))).toBe(expected);
    });

    it.each([
        [undefined, ''],
        ['005000000000001', '005000000000001'],
        ['005000000000001AAA', '005000000000001AAA'],
        ['me', 'me'],
        ['0050000', undefined],
        [5, undefined],
    ])('readUserId(%j)', (raw, expected) => {
        expect(value(readUserId(raw, '', ['me']))).toBe(expected);
    });

    it('reads KPI ids and lists', () => {
        const known = (id: string) => ['winRate', 'closedWonRevenue'].includes(id);
        expect(value(readKpiId(undefined, known, 'winRate'))).toBe('winRate');
        expect(readKpiId('nope', known, 'winRate', ['winRate'])).toEqual({
            ok: false,
            code: 'notKpi',
            value: 'nope',
            args: ['winRate'],
        });
        expect(value(readKpiList(' winRate, closedWonRevenue;winRate '))).toEqual(['winRate', 'closedWonRevenue']);
        expect(value(readKpiList(''))).toEqual([]);
        expect(code(readKpiList(['winRate']))).toBe('notKpi');
    });

    it.each([
        [true, true],
        [false, false],
        [undefined, true],
        ['false', false],
        ['true', true],
        ['yes', undefined],
    ])('readBoolean(%j)', (raw, expected) => {
        expect(value(readBoolean(raw, true))).toBe(expected);
    });

    it.each([
        [undefined, ''],
        ['New Business', 'New Business'],
        ['a\nb', undefined],
        ['x'.repeat(256), undefined],
        [{}, undefined],
    ])('readText(%j)', (raw, expected) => {
        expect(value(readText(raw, ''))).toBe(expected);
    });

    it('readText checks a pattern', () => {
        expect(value(readText('Sales_Rep', '', 80, /^[A-Za-z]\w*$/))).toBe('Sales_Rep');
        expect(code(readText('Sales Rep', '', 80, /^[A-Za-z]\w*$/))).toBe('notText');
    });

    it('never throws: any value reads as a value or a problem', () => {
        const readers = [
            (v: unknown) => readChoice(v, ['a'], 'a'),
            (v: unknown) => readWholeNumber(v, 0, 10, 0),
            (v: unknown) => readPeriod(v, 'thisMonth'),
            (v: unknown) => readTarget(v, { percent: true }),
            (v: unknown) => readCurrencyCode(v),
            (v: unknown) => readFieldName(v, 'F'),
            (v: unknown) => readUserId(v, '', ['me']),
            (v: unknown) => readKpiId(v, () => false, 'x'),
            (v: unknown) => readKpiList(v),
            (v: unknown) => readBoolean(v, false),
            (v: unknown) => readText(v, ''),
        ];
        const sound = (reading: Reading<unknown>) =>
            reading.ok
                ? 'value' in reading
                : typeof reading.code === 'string' &&
                  typeof reading.value === 'string' &&
                  problemMessage(problemOf('p', reading), { p: 'P' }).startsWith('P: "') &&
                  problemMessage(problemOf('p', reading), { p: 'P' }).length < 1000;
        expect(() =>
            fc.assert(fc.property(fc.anything(), (raw) => readers.every((read) => sound(read(raw))))),
        ).not.toThrow();
    });
});

describe('problemMessage', () => {
    it('names the property by its label and echoes the value in the one pattern', () => {
        const problem = problemOf('rowLimit', readWholeNumber('500', 1, 200, 10) as never);
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
        const message = problemMessage(problemOf('kpi', readChoice(huge, ['b'], 'b') as never, 'warning'), {
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
