import { LightningElement, api } from 'lwc';
import locale from '@salesforce/i18n/locale';
import {
    KPI_CHART_LABELS,
    buildChartView,
    buildLocaleChartConfig,
    buildLocaleDataTable,
    chartAccessibleName,
    isInvalidChartInput,
} from 'c/kpiChartData';
import type { KpiChartSeries, KpiChartType, KpiChartView, KpiDataTable } from 'c/kpiChartData';
import { loadChartJs } from 'c/kpiChartLoader';
import type { KpiChartConstructor, KpiChartInstance } from 'c/kpiChartLoader';

function prefersReducedMotion(): boolean {
    return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * The one chart lifecycle of the package: loads Chart.js once per page, draws into a manual-DOM host, updates the
 * chart in place when inputs change, destroys it on disconnect and offers the data as a table.
 */
export default class KpiChart extends LightningElement {
    /** Text alternative for screen readers: what the chart shows and its key figure. */
    @api
    get summary(): string {
        return this.summaryValue;
    }
    set summary(value: string) {
        this.summaryValue = value;
        this.chart?.canvas?.setAttribute('aria-label', chartAccessibleName(this));
    }

    /** Shown above the chart, as the table caption, and as the text alternative when there is no summary. */
    @api
    override get title(): string {
        return this.titleValue;
    }
    override set title(value: string) {
        this.titleValue = value;
        this.chart?.canvas?.setAttribute('aria-label', chartAccessibleName(this));
    }

    /** Header of the table's first column, e.g. "Sales rep". */
    @api categoryLabel?: string;

    /** 'bar', 'line' or 'doughnut'. */
    @api
    get type(): KpiChartType {
        return this.typeValue;
    }
    set type(value: KpiChartType) {
        this.typeValue = value;
        this.queueChartUpdate();
    }

    /** One label per category (x axis, or doughnut slice). */
    @api
    get labels(): readonly string[] {
        return this.labelsValue;
    }
    set labels(value: readonly string[]) {
        // Undefined until the parent's data arrives: an empty chart, not a wrong one.
        this.labelsValue = value ?? [];
        this.queueChartUpdate();
    }

    /** The series to draw, each with one value per label (named `series`: @api names may not start with "data"). */
    @api
    get series(): readonly KpiChartSeries[] {
        return this.seriesValue;
    }
    set series(value: readonly KpiChartSeries[]) {
        this.seriesValue = value ?? [];
        this.queueChartUpdate();
    }

    /** Chart.js options merged over the defaults. */
    @api
    get options(): Record<string, unknown> | undefined {
        return this.optionsValue;
    }
    set options(value: Record<string, unknown> | undefined) {
        this.optionsValue = value;
        this.queueChartUpdate();
    }

    typeValue: KpiChartType = 'bar';
    labelsValue: readonly string[] = [];
    seriesValue: readonly KpiChartSeries[] = [];
    optionsValue?: Record<string, unknown>;
    summaryValue = '';
    titleValue = '';

    loading = false;
    loadFailed = false;
    loadError: unknown;
    showTable = false;

    readonly text = KPI_CHART_LABELS;

    private chartJs?: KpiChartConstructor;
    private chart?: KpiChartInstance;
    private chartHost?: HTMLElement;
    private chartType?: KpiChartType;
    private connected = false;
    private updatePending = false;
    private syncQueued = false;

    override connectedCallback(): void {
        this.connected = true;
        this.updatePending = true;
        this.load();
    }

    override disconnectedCallback(): void {
        this.connected = false;
        this.destroyChart();
    }

    override renderedCallback(): void {
        this.syncChart();
    }

    // The component is its own view input: c/kpiChartData reads its public properties and view state.
    get view(): KpiChartView {
        return buildChartView(this);
    }

    get table(): KpiDataTable {
        return buildLocaleDataTable(this.labelsValue, this.seriesValue, locale);
    }

    handleToggleView(): void {
        this.showTable = !this.showTable;
    }

    handleRetry(): void {
        this.load();
    }

    private load(): void {
        this.loadFailed = false;
        this.loadError = undefined;
        this.loading = !this.chartJs;
        loadChartJs(this).then(
            (chartJs) => {
                this.chartJs = chartJs;
                this.loading = false;
                this.syncChart();
            },
            (error: unknown) => {
                this.loading = false;
                this.loadFailed = true;
                this.loadError = error;
            },
        );
    }

    private queueChartUpdate(): void {
        this.updatePending = true;
        if (this.syncQueued) return;
        this.syncQueued = true;
        // Parents often set labels and series one after the other: draw once for both.
        Promise.resolve().then(() => {
            this.syncQueued = false;
            this.syncChart();
        });
    }

    // Creates the chart once per canvas host, then only updates it; a new host (re-render) or type gets a new chart.
    private syncChart(): void {
        const host = this.template?.querySelector<HTMLElement>('.kpi-chart__canvas-host');
        if (!host) {
            this.destroyChart();
            return;
        }
        if (!this.chartJs || !this.connected || isInvalidChartInput(this)) return;
        const reducedMotion = prefersReducedMotion();
        if (this.chart && this.chartHost === host && this.chartType === this.typeValue) {
            if (!this.updatePending) return;
            const { data, options } = buildLocaleChartConfig(this, reducedMotion, locale);
            this.chart.data.labels = data.labels;
            this.chart.data.datasets = data.datasets;
            this.chart.options = options;
            this.chart.update(reducedMotion ? 'none' : undefined);
        } else {
            this.destroyChart();
            const canvas = document.createElement('canvas');
            canvas.setAttribute('role', 'img');
            canvas.setAttribute('aria-label', chartAccessibleName(this));
            host.appendChild(canvas);
            this.chart = new this.chartJs(canvas, buildLocaleChartConfig(this, reducedMotion, locale));
            this.chartHost = host;
            this.chartType = this.typeValue;
        }
        this.updatePending = false;
    }

    private destroyChart(): void {
        if (!this.chart) return;
        const canvas = this.chart.canvas;
        this.chart.destroy();
        canvas?.remove();
        this.chart = undefined;
        this.chartHost = undefined;
        this.chartType = undefined;
        this.updatePending = true;
    }
}
