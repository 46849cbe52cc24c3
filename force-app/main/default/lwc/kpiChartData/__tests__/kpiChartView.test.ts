import {
    KPI_CHART_LABELS,
    PERCENT_AXIS_ID,
    buildChartView,
    buildLocaleChartConfig,
    buildLocaleDataTable,
    chartAccessibleName,
    chartProblemMessage,
    isInvalidChartInput,
} from 'c/kpiChartData';
import type { KpiChartSeries, KpiChartViewInput } from 'c/kpiChartData';

// The labels with placeholders get their real shape, so the tests see every value land in its place.
jest.mock('@salesforce/label/c.kpiChartInvalidType', () => ({ default: 'Type "{0}"; use one of {1}.' }), {
    virtual: true,
});
jest.mock('@salesforce/label/c.kpiChartInvalidSeries', () => ({ default: 'Series {0} has no data list.' }), {
    virtual: true,
});
jest.mock('@salesforce/label/c.kpiChartSeriesLength', () => ({ default: '{0}: {1} values for {2} labels.' }), {
    virtual: true,
});
jest.mock('@salesforce/label/c.kpiChartInvalidValue', () => ({ default: '{0}: value {1} is not a number.' }), {
    virtual: true,
});

const series: KpiChartSeries[] = [
    { label: 'Won', data: [3, 5] },
    { label: 'Rate', data: [60, null], type: 'line', axis: 'percent' },
];

function viewInput(overrides: Partial<KpiChartViewInput> = {}): KpiChartViewInput {
    return {
        type: 'bar',
        labels: ['Q1', 'Q2'],
        series,
        title: '',
        summary: '',
        showTable: false,
        loadFailed: false,
        ...overrides,
    };
}

describe('KPI_CHART_LABELS', () => {
    it('maps each key to its custom label', () => {
        const placeholders = ['invalidType', 'invalidSeries', 'seriesLength', 'invalidValue'];
        for (const [key, text] of Object.entries(KPI_CHART_LABELS)) {
            if (placeholders.includes(key)) continue;
            expect(text).toBe(`c.kpiChart${key[0].toUpperCase()}${key.slice(1)}`);
        }
        expect(placeholders.map((key) => KPI_CHART_LABELS[key as keyof typeof KPI_CHART_LABELS])).toEqual([
            'Type "{0}"; use one of {1}.',
            'Series {0} has no data list.',
            '{0}: {1} values for {2} labels.',
            '{0}: value {1} is not a number.',
        ]);
    });
});

describe('chartProblemMessage', () => {
    it('fills each problem into its label', () => {
        expect(chartProblemMessage({ code: 'type', value: 'pie' })).toBe('Type "pie"; use one of bar, line, doughnut.');
        expect(chartProblemMessage({ code: 'labels' })).toBe('c.kpiChartInvalidLabels');
        expect(chartProblemMessage({ code: 'series', name: 'Won' })).toBe('Series Won has no data list.');
        expect(chartProblemMessage({ code: 'length', name: 'Won', values: 1, labels: 3 })).toBe(
            'Won: 1 values for 3 labels.',
        );
        expect(chartProblemMessage({ code: 'value', name: 'Won', position: 2 })).toBe('Won: value 2 is not a number.');
    });
});

describe('chartAccessibleName', () => {
    it('prefers the summary, then the title, then the default text alternative', () => {
        expect(chartAccessibleName({ summary: 'Wins grew', title: 'Wins' })).toBe('Wins grew');
        expect(chartAccessibleName({ summary: '', title: 'Wins' })).toBe('Wins');
        expect(chartAccessibleName({ summary: '', title: '' })).toBe('c.kpiChartDefaultSummary');
    });
});

describe('isInvalidChartInput', () => {
    it('is true exactly when checkChartInput finds a problem', () => {
        expect(isInvalidChartInput({ type: 'bar', labels: ['a'], series: [{ label: 'A', data: [1] }] })).toBe(false);
        expect(isInvalidChartInput({ type: 'bar', labels: [], series: [] })).toBe(false);
        expect(isInvalidChartInput({ type: 'pie', labels: ['a'], series: [{ label: 'A', data: [1] }] })).toBe(true);
        expect(isInvalidChartInput({ type: 'bar', labels: ['a'], series: [{ label: 'A', data: [1, 2] }] })).toBe(true);
    });
});

describe('buildChartView', () => {
    it('shows the chart with a table toggle for valid data', () => {
        expect(buildChartView(viewInput())).toEqual({
            invalidInput: false,
            problemMessages: [],
            isEmpty: false,
            canToggle: true,
            toggleLabel: 'c.kpiChartShowTable',
            frameHidden: false,
            tableShown: false,
            tableCaption: 'c.kpiChartTableCaption',
            categoryHeader: 'c.kpiChartCategory',
        });
    });

    it('swaps the chart for the table, captioned with the title and headed with the category label', () => {
        expect(buildChartView(viewInput({ showTable: true, title: 'Wins', categoryLabel: 'Quarter' }))).toMatchObject({
            canToggle: true,
            toggleLabel: 'c.kpiChartShowChart',
            frameHidden: true,
            tableShown: true,
            tableCaption: 'Wins',
            categoryHeader: 'Quarter',
        });
    });

    it('offers no toggle or table without labels or without series, and hides the frame', () => {
        const noLabels = viewInput({ labels: [], series: [{ label: 'Won', data: [] }] });
        for (const input of [noLabels, viewInput({ series: [] })]) {
            expect(buildChartView({ ...input, showTable: true })).toMatchObject({
                invalidInput: false,
                isEmpty: true,
                canToggle: false,
                frameHidden: true,
                tableShown: false,
            });
            expect(buildChartView(input).frameHidden).toBe(true);
        }
    });

    it('hides the frame when Chart.js failed to load, keeping the table toggle', () => {
        expect(buildChartView(viewInput({ loadFailed: true }))).toMatchObject({ frameHidden: true, canToggle: true });
    });

    it('lists what is wrong with invalid inputs and offers no table', () => {
        const view = buildChartView(
            viewInput({ type: 'pie' as never, series: [{ label: 'Won', data: [1, Number.NaN, 3] }], showTable: true }),
        );
        expect(view).toMatchObject({ invalidInput: true, isEmpty: false, canToggle: false, tableShown: false });
        expect(view.problemMessages).toEqual([
            'Type "pie"; use one of bar, line, doughnut.',
            'Won: 3 values for 2 labels.',
            'Won: value 2 is not a number.',
        ]);
    });
});

describe('buildLocaleChartConfig', () => {
    it('formats percent-axis ticks in the locale and keeps reduced motion', () => {
        const input = { type: 'bar' as const, labels: ['Q1', 'Q2'], series, options: { animation: { duration: 9 } } };
        const tick = (locale: string, reducedMotion = false) => {
            const config = buildLocaleChartConfig(input, reducedMotion, locale);
            const scales = config.options.scales as Record<string, { ticks: { callback(v: number): string } }>;
            return [scales[PERCENT_AXIS_ID].ticks.callback(50), config.options.animation];
        };
        expect(tick('en-US')).toEqual(['50%', { duration: 9 }]);
        expect(tick('de-DE', true)).toEqual(['50\u00a0%', false]);
    });
});

describe('buildLocaleDataTable', () => {
    it('formats numbers in the locale and marks gaps with the no-value label', () => {
        const table = buildLocaleDataTable(['Q1', 'Q2'], [{ label: 'Amount', data: [1234.5, null] }], 'de-DE');
        expect(table.rows.map((row) => row.cells[0].text)).toEqual(['1.234,5', 'c.kpiChartNoValue']);
        expect(buildLocaleDataTable(['Q1'], [{ label: 'Amount', data: [1234.5] }], 'en-US').rows[0].cells[0].text).toBe(
            '1,234.5',
        );
    });
});
