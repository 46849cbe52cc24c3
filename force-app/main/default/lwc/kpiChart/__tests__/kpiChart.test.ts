import { readonly } from 'lwc';
import KpiChart from 'c/kpiChart';
import { loadScript } from 'lightning/platformResourceLoader';
import { flush, mount, shadow, shadowAll } from '../../../../../test/jest/kpiTestUtils';
import { ChartJsMock, attachChartJsListener, createChart, useChartJsMock } from './kpiChartTestUtils';

const mockedLoadScript = loadScript as jest.MockedFunction<typeof loadScript>;

const labels = ['Q1', 'Q2', 'Q3'];
const series = [
    { label: 'Won', data: [3, 5, 8] },
    { label: 'Quota', data: [4, 4, 4], type: 'line' as const },
];

describe('c-kpi-chart', () => {
    useChartJsMock();
    afterEach(() => {
        delete (window as unknown as { matchMedia?: unknown }).matchMedia;
    });

    it('loads Chart.js once for every chart on the page', async () => {
        createChart({ labels, series });
        createChart({ labels, series });
        createChart({ labels, series, type: 'line' });
        await flush();
        expect(mockedLoadScript).toHaveBeenCalledTimes(1);
        expect(mockedLoadScript.mock.calls[0][1]).toBe('kpiChartJs');
        expect(ChartJsMock.instances).toHaveLength(3);
        createChart({ labels, series });
        await flush();
        expect(mockedLoadScript).toHaveBeenCalledTimes(1);
        expect(ChartJsMock.instances).toHaveLength(4);
    });

    it('draws into a labelled canvas inside the manual host', async () => {
        const element = createChart({ labels, series, summary: 'Won deals grew from 3 to 8.', title: 'Wins' });
        await flush();
        const [chart] = ChartJsMock.instances;
        const canvas = shadow(element, '.kpi-chart__canvas-host canvas')!;
        expect(chart.canvas).toBe(canvas);
        expect(canvas.getAttribute('role')).toBe('img');
        expect(canvas.getAttribute('aria-label')).toBe('Won deals grew from 3 to 8.');
        expect(chart.type).toBe('bar');
        expect(chart.data.labels).toEqual(labels);
        expect(chart.data.datasets.map((dataset) => dataset.type)).toEqual(['bar', 'line']);
        expect(shadow(element, '.kpi-chart__title')!.textContent).toBe('Wins');
        expect(shadow(element, 'lightning-spinner')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('reads back its public properties', () => {
        const options = { plugins: {} };
        const element = createChart({ labels, series, options, summary: 'S' });
        expect([element.type, element.labels, element.series, element.options, element.summary]).toEqual([
            'bar',
            labels,
            series,
            options,
            'S',
        ]);
    });

    it('falls back to the title, then a default text alternative, and follows summary changes', async () => {
        const titled = createChart({ labels, series, title: 'Wins' });
        const plain = createChart({ labels, series });
        await flush();
        expect(shadow(titled, 'canvas')!.getAttribute('aria-label')).toBe('Wins');
        expect(shadow(plain, 'canvas')!.getAttribute('aria-label')).toBe('c.kpiChartDefaultSummary');
        plain.summary = 'Now summarised';
        expect(shadow(plain, 'canvas')!.getAttribute('aria-label')).toBe('Now summarised');
        titled.title = 'Losses';
        expect(shadow(titled, 'canvas')!.getAttribute('aria-label')).toBe('Losses');
        expect(titled.title).toBe('Losses');
    });

    it('hands Chart.js writable copies, never the read-only proxies LWC passes down', async () => {
        const proxied = readonly(series);
        expect(() => attachChartJsListener(proxied[0].data as unknown[])).toThrow(TypeError);
        createChart({ labels: readonly(labels), series: proxied, options: readonly({ plugins: { title: {} } }) });
        await flush();
        const [chart] = ChartJsMock.instances;
        expect(chart.data.datasets[0].data).toEqual([3, 5, 8]);
        expect(chart.data.datasets[0].data).not.toBe(series[0].data);
        expect(chart.data.labels).not.toBe(labels);
        expect(chart.listened).toHaveLength(2);
    });

    it('updates the same chart in place, once per batch of input changes', async () => {
        const element = createChart({ labels, series });
        await flush();
        const [chart] = ChartJsMock.instances;
        element.labels = ['A', 'B'];
        element.series = [{ label: 'Won', data: [1, 2] }];
        element.options = { plugins: { legend: { position: 'top' } } };
        await flush();
        expect(ChartJsMock.instances).toHaveLength(1);
        expect(chart.update).toHaveBeenCalledTimes(1);
        expect(chart.update).toHaveBeenCalledWith(undefined);
        expect(chart.data.labels).toEqual(['A', 'B']);
        expect(chart.data.datasets.map((dataset) => dataset.data)).toEqual([[1, 2]]);
        expect(chart.options).toMatchObject({ plugins: { legend: { position: 'top' } } });
        expect(chart.listened).toEqual([[1, 2]]);
        expect(chart.destroy).not.toHaveBeenCalled();
    });

    it('recreates the chart when the type changes', async () => {
        const element = createChart({ labels, series });
        await flush();
        element.type = 'line';
        await flush();
        expect(ChartJsMock.instances).toHaveLength(2);
        expect(ChartJsMock.instances[0].destroy).toHaveBeenCalledTimes(1);
        expect(ChartJsMock.instances[1].type).toBe('line');
        expect(shadowAll(element, 'canvas')).toHaveLength(1);
    });

    it('destroys the chart on disconnect and draws a fresh one when reconnected', async () => {
        const element = createChart({ labels, series });
        await flush();
        const [first] = ChartJsMock.instances;
        element.remove();
        expect(first.destroy).toHaveBeenCalledTimes(1);
        expect(shadow(element, 'canvas')).toBeNull();
        document.body.appendChild(element);
        await flush();
        expect(ChartJsMock.instances).toHaveLength(2);
        const second = ChartJsMock.instances[1];
        expect(second.canvas).toBe(shadow(element, 'canvas'));
        expect(second.data.labels).toEqual(labels);
        expect(shadowAll(element, 'canvas')).toHaveLength(1);
        expect(mockedLoadScript).toHaveBeenCalledTimes(0);
    });

    it('does not draw for a chart removed before Chart.js arrived', async () => {
        const element = createChart({ labels, series });
        element.remove();
        await flush();
        expect(ChartJsMock.instances).toHaveLength(0);
    });

    it('keeps the chart through re-renders such as the table toggle', async () => {
        const element = createChart({ labels, series, title: 'Wins', categoryLabel: 'Quarter' });
        await flush();
        const toggle = shadow<HTMLButtonElement>(element, '.kpi-chart__toggle')!;
        expect(toggle.textContent!.trim()).toBe('c.kpiChartShowTable');
        toggle.click();
        await flush();
        expect(toggle.textContent!.trim()).toBe('c.kpiChartShowChart');
        expect(shadow<HTMLElement>(element, '.kpi-chart__frame')!.hidden).toBe(true);
        const table = shadow<HTMLTableElement>(element, 'table')!;
        expect(table.caption!.textContent!.trim()).toBe('Wins');
        const headers = [...table.querySelectorAll('thead th')];
        expect(headers.map((th) => [th.textContent, th.getAttribute('scope')])).toEqual([
            ['Quarter', 'col'],
            ['Won', 'col'],
            ['Quota', 'col'],
        ]);
        const rows = [...table.querySelectorAll('tbody tr')].map((tr) =>
            [...tr.children].map((cell) => `${cell.tagName}:${cell.textContent}`),
        );
        expect(rows).toEqual([
            ['TH:Q1', 'TD:3', 'TD:4'],
            ['TH:Q2', 'TD:5', 'TD:4'],
            ['TH:Q3', 'TD:8', 'TD:4'],
        ]);
        expect(table.querySelector('tbody th')!.getAttribute('scope')).toBe('row');
        await expect(element).toBeAccessible();
        toggle.click();
        await flush();
        expect(shadow(element, 'table')).toBeNull();
        expect(ChartJsMock.instances).toHaveLength(1);
        expect(ChartJsMock.instances[0].destroy).not.toHaveBeenCalled();
    });

    it('draws a rate line on the percent axis over the bars, updates it in place and tables it', async () => {
        const mixed = readonly([
            { label: 'Won', data: [3, 5, 0] },
            { label: 'Lost', data: [1, 0, 0] },
            {
                label: 'Win rate',
                data: [75, 100, null],
                displayValues: ['75%', '100%', '—'],
                type: 'line' as const,
                axis: 'percent' as const,
            },
        ]);
        const element = createChart({ type: 'bar', labels, series: mixed, summary: 'Won, lost and win rate' });
        await flush();
        const [chart] = ChartJsMock.instances;
        expect(chart.data.datasets.map((d) => [d.type, d.yAxisID])).toEqual([
            ['bar', undefined],
            ['bar', undefined],
            ['line', 'percent'],
        ]);
        const axis = (chart.options.scales as Record<string, { ticks: { callback(v: number): string } }>).percent;
        expect(axis.ticks.callback(50)).toBe('50%');
        expect(() => attachChartJsListener(chart.data.datasets[2].data)).not.toThrow();
        expect(shadow(element, 'canvas')!.getAttribute('aria-label')).toBe('Won, lost and win rate');

        element.series = readonly([mixed[0], mixed[1], { ...mixed[2], data: [50, 0, 25] }]);
        await flush();
        expect(ChartJsMock.instances).toEqual([chart]);
        expect(chart.update).toHaveBeenCalledTimes(1);
        expect(chart.data.datasets[2]).toMatchObject({ data: [50, 0, 25], yAxisID: 'percent' });

        shadow<HTMLButtonElement>(element, '.kpi-chart__toggle')!.click();
        await flush();
        const table = shadow<HTMLTableElement>(element, 'table')!;
        expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual([
            'c.kpiChartCategory',
            'Won',
            'Lost',
            'Win rate',
        ]);
        expect([...table.querySelectorAll('tbody tr:first-child td')].map((td) => td.textContent)).toEqual([
            '3',
            '1',
            '75%',
        ]);
        await expect(element).toBeAccessible();
    });

    it('uses default table headings without a title or category label', async () => {
        const element = createChart({ labels: ['A'], series: [{ label: 'S', data: [null] }] });
        await flush();
        shadow<HTMLButtonElement>(element, '.kpi-chart__toggle')!.click();
        await flush();
        const table = shadow<HTMLTableElement>(element, 'table')!;
        expect(table.caption!.textContent!.trim()).toBe('c.kpiChartTableCaption');
        expect(table.querySelector('thead th')!.textContent).toBe('c.kpiChartCategory');
        expect(table.querySelector('td')!.textContent).toBe('c.kpiChartNoValue');
    });

    it('turns animation off when the user prefers reduced motion', async () => {
        window.matchMedia = jest.fn().mockReturnValue({ matches: true }) as unknown as typeof window.matchMedia;
        const element = createChart({ labels, series, options: { animation: { duration: 900 } } });
        await flush();
        const [chart] = ChartJsMock.instances;
        expect(window.matchMedia).toHaveBeenCalledWith('(prefers-reduced-motion: reduce)');
        expect(chart.options.animation).toBe(false);
        element.labels = ['A', 'B', 'C'];
        await flush();
        expect(chart.update).toHaveBeenCalledWith('none');
        expect(chart.options.animation).toBe(false);
    });

    it('treats inputs that have not arrived yet as no data, not as an error', async () => {
        const element = createChart({ labels: undefined, series: undefined });
        await flush();
        expect(shadow(element, 'c-kpi-error-panel')).toBeNull();
        expect(shadow(element, '.kpi-chart__empty')!.textContent).toBe('c.kpiChartNoData');
    });

    it('says so when there is no data, and offers no table', async () => {
        const element = createChart({ labels: [], series: [] });
        await flush();
        expect(shadow(element, '.kpi-chart__empty')!.textContent).toBe('c.kpiChartNoData');
        expect(shadow(element, '.kpi-chart__toggle')).toBeNull();
        expect(shadow<HTMLElement>(element, '.kpi-chart__frame')!.hidden).toBe(true);
        await expect(element).toBeAccessible();
    });

    it('shows what is wrong with invalid inputs instead of drawing, and recovers', async () => {
        const element = createChart({ labels, series });
        await flush();
        element.series = [{ label: 'Won', data: [1, 'x' as unknown as number] }];
        element.type = 'pie' as never;
        await flush();
        expect(ChartJsMock.instances[0].destroy).toHaveBeenCalledTimes(1);
        expect(shadow(element, 'canvas')).toBeNull();
        const panel = shadow(element, 'c-kpi-error-panel') as HTMLElement & {
            errors: string[];
            friendlyMessage: string;
        };
        expect(panel.friendlyMessage).toBe('c.kpiChartInvalidInput');
        expect(panel.errors).toEqual(['c.kpiChartInvalidType', 'c.kpiChartSeriesLength', 'c.kpiChartInvalidValue']);
        expect(shadow(element, '.kpi-chart__toggle')).toBeNull();
        await expect(element).toBeAccessible();

        element.type = 'bar';
        element.series = [{ label: 'Won', data: [1, 2, 3] }];
        await flush();
        expect(shadow(element, 'c-kpi-error-panel')).toBeNull();
        expect(ChartJsMock.instances).toHaveLength(2);
        expect(ChartJsMock.instances[1].canvas).toBe(shadow(element, 'canvas'));
    });

    it('reports labels and series that are not lists', async () => {
        const element = mount('c-kpi-chart', KpiChart, { labels: 'Q1', series: [{ label: 'Won' }] });
        await flush();
        const panel = shadow(element, 'c-kpi-error-panel') as HTMLElement & { errors: string[] };
        expect(panel.errors).toEqual(['c.kpiChartInvalidLabels', 'c.kpiChartInvalidSeries']);
        expect(ChartJsMock.instances).toHaveLength(0);
    });
});
