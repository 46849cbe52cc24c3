// Entry of the kpiChartJs static resource: registers only what the kpi components draw, so the bundle tree-shakes.
// https://www.chartjs.org/docs/latest/getting-started/integration.html#bundlers-webpack-rollup-etc
import {
    ArcElement,
    BarController,
    BarElement,
    CategoryScale,
    Chart,
    DoughnutController,
    Filler,
    Legend,
    LineController,
    LineElement,
    LinearScale,
    PointElement,
    Title,
    Tooltip,
} from 'chart.js';

Chart.register(
    BarController,
    LineController,
    DoughnutController,
    BarElement,
    LineElement,
    PointElement,
    ArcElement,
    CategoryScale,
    LinearScale,
    Tooltip,
    Legend,
    Title,
    Filler,
);

// loadScript runs this as a classic script; kpiChartLoader reads the constructor from the (sandboxed) window.
(window as unknown as { Chart: typeof Chart }).Chart = Chart;
