import {
    KPI_PALETTE,
    PERCENT_AXIS_ID,
    buildChartConfig,
    buildDataTable,
    checkChartInput,
    formatLabel,
    isKpiChartType,
    mergeOptions,
    paletteColor,
    plainCopy,
} from 'c/kpiChartData';
import type { KpiChartInput, KpiChartProblem, KpiChartSeries } from 'c/kpiChartData';
import { fillLabel } from 'c/kpiProperties';

// Stand-in for LWC's read-only membrane: every write or defineProperty throws.
function deepFreeze<T>(value: T): T {
    if (value && typeof value === 'object') {
        Object.values(value).forEach(deepFreeze);
        Object.freeze(value);
    }
    return value;
}

// What Chart.js does to every data array it watches (helpers.collection listenArrayEvents).
function attachChartJsListener(array: unknown[]): void {
    Object.defineProperty(array, '_chartjs', { configurable: true, enumerable: false, value: { listeners: [] } });
}

describe('plainCopy', () => {
    it('copies arrays and plain objects deeply and keeps functions, dates and primitives', () => {
        const callback = () => 'tick';
        const date = new Date(0);
        const input = deepFreeze({ a: [1, { b: 2 }], f: callback, d: date, n: null, s: 'x', o: Object.create(null) });
        const copy = plainCopy(input);
        expect(copy).toEqual(input);
        expect(copy).not.toBe(input);
        expect(copy.a).not.toBe(input.a);
        expect(copy.a[1]).not.toBe(input.a[1]);
        expect(copy.f).toBe(callback);
        expect(copy.d).toBe(date);
        expect(Object.isFrozen(copy.a)).toBe(false);
        expect(() => attachChartJsListener(copy.a)).not.toThrow();
    });

    it('copies through proxies like the ones LWC hands to children', () => {
        const target = { data: [1, 2, 3] };
        const readOnly = new Proxy(target, {
            get: (object, key) => {
                const value = Reflect.get(object, key);
                return Array.isArray(value) ? new Proxy(value, { defineProperty: () => false }) : value;
            },
            defineProperty: () => false,
        });
        expect(() => attachChartJsListener(readOnly.data)).toThrow(TypeError);
        const copy = plainCopy(readOnly);
        expect(copy).toEqual({ data: [1, 2, 3] });
        expect(() => attachChartJsListener(copy.data)).not.toThrow();
    });

    it('keeps cycles as cycles', () => {
        const cyclic: Record<string, unknown> = { name: 'root' };
        cyclic.self = cyclic;
        const copy = plainCopy(cyclic);
        expect(copy).not.toBe(cyclic);
        expect(copy.self).toBe(copy);
    });
});

describe('mergeOptions', () => {
    it.each([
        [{ a: 1 }, undefined, { a: 1 }],
        [{ a: 1 }, [1], { a: 1 }],
        [{ a: { b: 1, c: 2 } }, { a: { c: 3 } }, { a: { b: 1, c: 3 } }],
        [{ a: { b: 1 } }, { a: 5 }, { a: 5 }],
        [{ a: [1, 2] }, { a: [3] }, { a: [3] }],
        [{}, { z: { y: 1 } }, { z: { y: 1 } }],
    ])('merges %j with %j', (base, override, expected) => {
        expect(mergeOptions(base, override)).toEqual(expected);
    });
});

describe('formatLabel', () => {
    // The kpiProperties fillLabel table (with this module's placeholder cases) tests the one function both names name.
    it('is the one label filler of kpiProperties', () => {
        expect(formatLabel).toBe(fillLabel);
    });
});

describe('paletteColor and isKpiChartType', () => {
    it('cycles through the Okabe–Ito palette', () => {
        expect(paletteColor(0)).toBe('#0072B2');
        expect(paletteColor(KPI_PALETTE.length)).toBe(paletteColor(0));
        expect(new Set(KPI_PALETTE).size).toBe(8);
    });

    it.each([
        ['bar', true],
        ['line', true],
        ['doughnut', true],
        ['pie', false],
        [undefined, false],
        [3, false],
    ])('%j is a chart type: %s', (value, expected) => {
        expect(isKpiChartType(value)).toBe(expected);
    });
});

describe('checkChartInput', () => {
    const valid: KpiChartInput = { type: 'bar', labels: ['Q1', 'Q2'], series: [{ label: 'Won', data: [1, null] }] };
    const cases: [string, Partial<KpiChartInput>, KpiChartProblem[]][] = [
        ['valid input', {}, []],
        ['empty input', { labels: [], series: [] }, []],
        ['an unknown type', { type: 'pie' }, [{ code: 'type', value: 'pie' }]],
        ['labels that are not a list', { labels: 'Q1' }, [{ code: 'labels' }]],
        ['series that are not a list', { series: {} }, [{ code: 'series', name: 'series' }]],
        ['a series without data', { series: [{ label: 'Won' }] }, [{ code: 'series', name: 'Won' }]],
        ['an unnamed series without data', { series: [null] }, [{ code: 'series', name: '#1' }]],
        [
            'a series of the wrong length',
            { series: [{ label: 'Won', data: [1] }] },
            [{ code: 'length', name: 'Won', values: 1, labels: 2 }],
        ],
        [
            'a value that is not a number',
            { series: [{ label: ' ', data: [1, '2'] }] },
            [{ code: 'value', name: '#1', position: 2 }],
        ],
        [
            'an infinite value',
            { series: [{ label: 'Won', data: [Infinity, 1] }] },
            [{ code: 'value', name: 'Won', position: 1 }],
        ],
        [
            'several problems',
            { type: 'radar', labels: null, series: [{ label: 'Won', data: [NaN] }] },
            [{ code: 'type', value: 'radar' }, { code: 'labels' }, { code: 'value', name: 'Won', position: 1 }],
        ],
    ];
    it.each(cases)('reports %s', (_name, change, expected) => {
        expect(checkChartInput({ ...valid, ...change })).toEqual(expected);
    });
});

describe('buildChartConfig', () => {
    const series: KpiChartSeries[] = [
        { label: 'Won', data: [3, 5] },
        { label: 'Quota', data: [4, 4], type: 'line', color: 'rgb(1, 2, 3)' },
        { label: 'Stacked', data: [1, 1], stack: 's' },
    ];

    it('builds colour-safe datasets from copies of the inputs', () => {
        const input = deepFreeze({ type: 'bar' as const, labels: ['Q1', 'Q2'], series });
        const config = buildChartConfig(input, false);
        expect(config.type).toBe('bar');
        expect(config.data.labels).toEqual(['Q1', 'Q2']);
        expect(config.data.labels).not.toBe(input.labels);
        const [won, quota, stacked] = config.data.datasets;
        expect(won).toMatchObject({ label: 'Won', data: [3, 5], type: 'bar', backgroundColor: KPI_PALETTE[0] });
        expect(won.data).not.toBe(series[0].data);
        expect(quota).toMatchObject({ type: 'line', borderColor: 'rgb(1, 2, 3)', fill: false, pointStyle: 'rect' });
        expect(quota.backgroundColor).toBe('rgb(1, 2, 3)');
        expect(stacked).toMatchObject({ stack: 's', backgroundColor: KPI_PALETTE[2] });
        config.data.datasets.forEach((dataset) => expect(() => attachChartJsListener(dataset.data)).not.toThrow());
        expect(config.options).toMatchObject({
            responsive: true,
            maintainAspectRatio: false,
            plugins: { legend: { display: true } },
            scales: { y: { beginAtZero: true } },
        });
        expect(config.options.animation).toBeUndefined();
    });

    it('gives line series distinct markers and dashes and a translucent fill', () => {
        const config = buildChartConfig(
            {
                type: 'line',
                labels: ['a'],
                series: [
                    { label: 'A', data: [1], fill: true },
                    { label: 'B', data: [2] },
                ],
            },
            false,
        );
        const [a, b] = config.data.datasets;
        expect(a).toMatchObject({ backgroundColor: `${KPI_PALETTE[0]}33`, fill: true, borderDash: [] });
        expect(b).toMatchObject({ pointStyle: 'rect', borderDash: [6, 4] });
        expect(a.pointStyle).not.toBe(b.pointStyle);
    });

    it('colours doughnut slices, hides axes and shows the legend', () => {
        const config = buildChartConfig(
            { type: 'doughnut', labels: ['Won', 'Lost', 'Open'], series: [{ label: 'Deals', data: [1, 2, 3] }] },
            false,
        );
        expect(config.data.datasets[0].backgroundColor).toEqual(KPI_PALETTE.slice(0, 3));
        expect(config.options.scales).toBeUndefined();
        expect(config.options).toMatchObject({ plugins: { legend: { display: true } } });
    });

    it('draws a percent series as a line on a right-hand 0–100 % axis over the bars', () => {
        const input = deepFreeze({
            type: 'bar' as const,
            labels: ['Jan', 'Feb'],
            series: [
                { label: 'Won', data: [3, 5] },
                { label: 'Lost', data: [1, 0] },
                { label: 'Win rate', data: [75, null], type: 'line' as const, axis: 'percent' as const },
            ],
        });
        const config = buildChartConfig(input, false, (value) => `${value} pct`);
        const [won, lost, rate] = config.data.datasets;
        expect(won).toMatchObject({ type: 'bar', order: 1 });
        expect(won.yAxisID).toBeUndefined();
        expect(lost.yAxisID).toBeUndefined();
        // Drawn last (lowest order), with a marker and a dash so it is not told apart by colour alone.
        expect(rate).toMatchObject({ type: 'line', yAxisID: PERCENT_AXIS_ID, order: 0, fill: false });
        expect(rate.pointStyle).toBe('triangle');
        expect(rate.borderDash).toEqual([2, 3]);
        expect(() => attachChartJsListener(rate.data)).not.toThrow();
        const scales = config.options.scales as Record<string, Record<string, unknown>>;
        expect(scales.y).toEqual({ beginAtZero: true });
        expect(scales[PERCENT_AXIS_ID]).toMatchObject({
            type: 'linear',
            position: 'right',
            suggestedMin: 0,
            suggestedMax: 100,
            grid: { drawOnChartArea: false },
        });
        const ticks = scales[PERCENT_AXIS_ID].ticks as { callback: (value: number | string) => string };
        expect(ticks.callback(50)).toBe('50 pct');
        expect(ticks.callback('20')).toBe('20 pct');
        const legend = (config.options.plugins as { legend: { labels: { sort(a: object, b: object): number } } })
            .legend;
        const items = [{ datasetIndex: 2 }, { datasetIndex: 0 }, { datasetIndex: 1 }];
        expect(items.sort(legend.labels.sort).map((i) => i.datasetIndex)).toEqual([0, 1, 2]);
    });

    it('formats percent ticks without a formatter and adds no percent axis when no series needs one', () => {
        const withRate = buildChartConfig(
            { type: 'bar', labels: ['a'], series: [{ label: 'Rate', data: [40], type: 'line', axis: 'percent' }] },
            false,
        );
        const scales = withRate.options.scales as Record<string, { ticks: { callback: (v: number) => string } }>;
        expect(scales[PERCENT_AXIS_ID].ticks.callback(40)).toBe('40 %');
        const plain = buildChartConfig(
            { type: 'bar', labels: ['a'], series: [{ label: 'A', data: [1], axis: 'primary' }] },
            false,
        );
        expect(Object.keys(plain.options.scales as object)).toEqual(['y']);
        expect(plain.data.datasets[0].yAxisID).toBeUndefined();
    });

    it('merges caller options and lets reduced motion switch animation off', () => {
        const options = deepFreeze({ animation: { duration: 500 }, plugins: { legend: { position: 'top' } } });
        const input = { type: 'bar' as const, labels: ['a'], series: [{ label: 'A', data: [1] }], options };
        expect(buildChartConfig(input, false).options).toMatchObject({
            animation: { duration: 500 },
            plugins: { legend: { display: false, position: 'top' } },
        });
        expect(buildChartConfig(input, true).options.animation).toBe(false);
    });
});

describe('buildDataTable', () => {
    it('has a row per label and a column per series, preferring display values', () => {
        const table = buildDataTable(
            ['Q1', 'Q2', 3],
            [
                { label: 'Won', data: [1000, null, 2], displayValues: ['$1K', undefined, ''] },
                { label: 'Lost', data: [0, 7, null] },
            ],
            (value) => `#${value}`,
            'none',
        );
        expect(table.columns).toEqual([
            { key: 'col-0', label: 'Won' },
            { key: 'col-1', label: 'Lost' },
        ]);
        expect(table.rows.map((row) => [row.header, ...row.cells.map((cell) => cell.text)])).toEqual([
            ['Q1', '$1K', '#0'],
            ['Q2', 'none', '#7'],
            ['3', '#2', 'none'],
        ]);
        expect(new Set(table.rows.map((row) => row.key)).size).toBe(3);
    });

    it('gives a percent-axis series its own column like any other', () => {
        const table = buildDataTable(
            ['Jan'],
            [
                { label: 'Won', data: [3] },
                { label: 'Win rate', data: [75], displayValues: ['75%'], type: 'line', axis: 'percent' },
            ],
            String,
            '—',
        );
        expect(table.columns.map((c) => c.label)).toEqual(['Won', 'Win rate']);
        expect(table.rows[0].cells.map((c) => c.text)).toEqual(['3', '75%']);
    });
});
