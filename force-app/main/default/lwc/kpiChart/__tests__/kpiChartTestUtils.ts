import KpiChart from 'c/kpiChart';
import type { KpiChartConfig, KpiChartSeries } from 'c/kpiChartData';
import { cleanUp, mount } from '../../../../../test/jest/kpiTestUtils';

// kpiWinLoss's test takes flush from here; the shared module is its home.
export { flush } from '../../../../../test/jest/kpiTestUtils';

export interface ChartElement extends HTMLElement {
    type: string;
    labels: readonly string[];
    series: readonly KpiChartSeries[];
    options?: Record<string, unknown>;
    summary: string;
    categoryLabel?: string;
}

// What Chart.js does to every data array it watches (helpers listenArrayEvents); throws on LWC's read-only proxies.
export function attachChartJsListener(array: unknown[]): void {
    Object.defineProperty(array, '_chartjs', { configurable: true, enumerable: false, value: { listeners: [] } });
}

/** Stands in for window.Chart: records instances and touches data arrays the way Chart.js does. */
export class ChartJsMock {
    static instances: ChartJsMock[] = [];

    canvas: HTMLCanvasElement | null;
    type: string;
    data: KpiChartConfig['data'];
    options: KpiChartConfig['options'];
    /** The data arrays the last construction or update attached listeners to. */
    listened: unknown[][] = [];
    update = jest.fn(() => this.listen());
    destroy = jest.fn(() => {
        this.canvas = null;
    });

    constructor(canvas: HTMLCanvasElement, config: KpiChartConfig) {
        this.canvas = canvas;
        this.type = config.type;
        this.data = config.data;
        this.options = config.options;
        this.listen();
        ChartJsMock.instances.push(this);
    }

    private listen(): void {
        this.listened = this.data.datasets.map((dataset) => {
            attachChartJsListener(dataset.data);
            return dataset.data;
        });
    }
}

/** For a file's tests: window.Chart is ChartJsMock, and each test starts with no instances and no components. */
export function useChartJsMock(): void {
    beforeAll(() => {
        (window as unknown as { Chart: unknown }).Chart = ChartJsMock;
    });
    afterEach(() => {
        cleanUp();
        ChartJsMock.instances = [];
    });
}

export function createChart(props: Partial<ChartElement> & Record<string, unknown>): ChartElement {
    return mount<ChartElement>('c-kpi-chart', KpiChart, props);
}
