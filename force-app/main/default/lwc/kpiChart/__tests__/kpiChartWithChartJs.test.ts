import { readonly } from 'lwc';
import { cleanUp, flush, shadow } from '../../../../../test/jest/kpiTestUtils';
import { createChart } from './kpiChartTestUtils';

// The real Chart.js, set up by the static resource's own entry (only bar, line, doughnut registered), instead of
// the mock: checks that kpiChartData's configs are accepted and the create/update/destroy cycle against the library.
type ChartJsStatics = { instances: Record<string, RealChart> };
let ChartJs: ChartJsStatics;

interface RealChart {
    canvas: HTMLCanvasElement | null;
    config: { type: string };
    data: { labels: string[]; datasets: { data: number[]; type?: string }[] };
    getDatasetMeta(index: number): { type: string; data: unknown[]; yAxisID?: string };
    scales: Record<string, { position: string; min: number; max: number; ticks: { label: unknown }[] }>;
}

const charts = (): RealChart[] => Object.values(ChartJs.instances);

describe('c-kpi-chart with the real Chart.js', () => {
    beforeAll(() => {
        // jsdom has no ResizeObserver; Chart.js only needs it to follow container size changes.
        (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
            observe(): void {}
            unobserve(): void {}
            disconnect(): void {}
        };
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        require('../../../../../../scripts/chartjs-entry');
        ChartJs = (window as unknown as { Chart: ChartJsStatics }).Chart;
    });

    afterEach(cleanUp);

    it.each(['bar', 'line', 'doughnut'])(
        'draws a %s chart from read-only inputs and updates it in place',
        async (type) => {
            const element = createChart({
                type,
                labels: readonly(['Q1', 'Q2']),
                series: readonly([
                    { label: 'Won', data: [3, 5] },
                    { label: 'Lost', data: [1, null], type: type === 'doughnut' ? undefined : 'line' },
                ]),
                options: readonly({ plugins: { tooltip: { callbacks: { label: () => 'x' } } } }),
            });
            await flush();
            const [chart] = charts();
            expect(chart.canvas).toBe(shadow(element, 'canvas'));
            expect(chart.config.type).toBe(type);
            expect(chart.getDatasetMeta(0).data).toHaveLength(2);
            expect(chart.getDatasetMeta(1).type).toBe(type === 'doughnut' ? 'doughnut' : 'line');

            element.labels = readonly(['Q1', 'Q2', 'Q3']);
            element.series = readonly([{ label: 'Won', data: [3, 5, 8] }]);
            await flush();
            expect(charts()).toEqual([chart]);
            expect(chart.data.labels).toEqual(['Q1', 'Q2', 'Q3']);
            expect(chart.getDatasetMeta(0).data).toHaveLength(3);

            element.remove();
            expect(charts()).toHaveLength(0);
        },
    );

    it('draws bars and a line on the right-hand percent axis in one chart', async () => {
        createChart({
            type: 'bar',
            labels: readonly(['Jan', 'Feb', 'Mar']),
            series: readonly([
                { label: 'Won', data: [3, 5, 0] },
                { label: 'Lost', data: [1, 0, 0] },
                { label: 'Win rate', data: [75, 100, null], type: 'line', axis: 'percent' },
            ]),
        });
        await flush();
        const [chart] = charts();
        expect(chart.getDatasetMeta(0).type).toBe('bar');
        expect(chart.getDatasetMeta(2)).toMatchObject({ type: 'line', yAxisID: 'percent' });
        expect(chart.scales.percent).toMatchObject({ position: 'right', min: 0, max: 100 });
        expect(chart.scales.y.position).toBe('left');
        // jsdom's canvas has no height, so Chart.js keeps one tick: enough to see the locale's percent format.
        expect(chart.scales.percent.ticks[0].label).toBe('0%');
    });

    it('draws again after reconnecting', async () => {
        const element = createChart({ labels: ['A'], series: [{ label: 'S', data: [1] }] });
        await flush();
        element.remove();
        document.body.appendChild(element);
        await flush();
        const [chart] = charts();
        expect(charts()).toHaveLength(1);
        expect(chart.canvas).toBe(shadow(element, 'canvas'));
    });
});
