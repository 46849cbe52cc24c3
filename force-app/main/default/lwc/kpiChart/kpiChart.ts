import { LightningElement, api } from 'lwc';
import locale from '@salesforce/i18n/locale';
import kpiChartCategory from '@salesforce/label/c.kpiChartCategory';
import kpiChartDefaultSummary from '@salesforce/label/c.kpiChartDefaultSummary';
import kpiChartInvalidInput from '@salesforce/label/c.kpiChartInvalidInput';
import kpiChartInvalidLabels from '@salesforce/label/c.kpiChartInvalidLabels';
import kpiChartInvalidSeries from '@salesforce/label/c.kpiChartInvalidSeries';
import kpiChartInvalidType from '@salesforce/label/c.kpiChartInvalidType';
import kpiChartInvalidValue from '@salesforce/label/c.kpiChartInvalidValue';
import kpiChartLoadFailed from '@salesforce/label/c.kpiChartLoadFailed';
import kpiChartLoading from '@salesforce/label/c.kpiChartLoading';
import kpiChartNoData from '@salesforce/label/c.kpiChartNoData';
import kpiChartNoValue from '@salesforce/label/c.kpiChartNoValue';
import kpiChartRetry from '@salesforce/label/c.kpiChartRetry';
import kpiChartSeriesLength from '@salesforce/label/c.kpiChartSeriesLength';
import kpiChartShowChart from '@salesforce/label/c.kpiChartShowChart';
import kpiChartShowTable from '@salesforce/label/c.kpiChartShowTable';
import kpiChartTableCaption from '@salesforce/label/c.kpiChartTableCaption';
import { KPI_CHART_TYPES, buildChartConfig, buildDataTable, checkChartInput, formatLabel } from 'c/kpiChartData';
import type { KpiChartConfig, KpiChartProblem, KpiChartSeries, KpiChartType, KpiDataTable } from 'c/kpiChartData';
import { loadChartJs } from 'c/kpiChartLoader';
import type { KpiChartConstructor, KpiChartInstance } from 'c/kpiChartLoader';

function prefersReducedMotion(): boolean {
    return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

function problemMessage(problem: KpiChartProblem): string {
    switch (problem.code) {
        case 'type':
            return formatLabel(kpiChartInvalidType, problem.value, KPI_CHART_TYPES.join(', '));
        case 'labels':
            return kpiChartInvalidLabels;
        case 'series':
            return formatLabel(kpiChartInvalidSeries, problem.name);
        case 'length':
            return formatLabel(kpiChartSeriesLength, problem.name, problem.values, problem.labels);
        default:
            return formatLabel(kpiChartInvalidValue, problem.name, problem.position);
    }
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
        this.chart?.canvas?.setAttribute('aria-label', this.accessibleName);
    }

    /** Shown above the chart, as the table caption, and as the text alternative when there is no summary. */
    @api
    override get title(): string {
        return this.titleValue;
    }
    override set title(value: string) {
        this.titleValue = value;
        this.chart?.canvas?.setAttribute('aria-label', this.accessibleName);
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

    readonly text = {
        invalidInput: kpiChartInvalidInput,
        loadFailed: kpiChartLoadFailed,
        loading: kpiChartLoading,
        noData: kpiChartNoData,
        retry: kpiChartRetry,
    };

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

    get problems(): KpiChartProblem[] {
        return checkChartInput({ type: this.typeValue, labels: this.labelsValue, series: this.seriesValue });
    }

    get invalidInput(): boolean {
        return this.problems.length > 0;
    }

    get problemMessages(): string[] {
        return this.problems.map(problemMessage);
    }

    get isEmpty(): boolean {
        return this.labelsValue.length === 0 || this.seriesValue.length === 0;
    }

    get canToggle(): boolean {
        return !this.invalidInput && !this.isEmpty;
    }

    get toggleLabel(): string {
        return this.showTable ? kpiChartShowChart : kpiChartShowTable;
    }

    get frameHidden(): boolean {
        return this.showTable || this.isEmpty || this.loadFailed;
    }

    get tableShown(): boolean {
        return this.showTable && this.canToggle;
    }

    get tableCaption(): string {
        return this.titleValue || kpiChartTableCaption;
    }

    get categoryHeader(): string {
        return this.categoryLabel || kpiChartCategory;
    }

    get table(): KpiDataTable {
        const format = new Intl.NumberFormat(locale);
        return buildDataTable(this.labelsValue, this.seriesValue, (value) => format.format(value), kpiChartNoValue);
    }

    get accessibleName(): string {
        return this.summaryValue || this.titleValue || kpiChartDefaultSummary;
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

    private config(reducedMotion: boolean): KpiChartConfig {
        const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
        return buildChartConfig(
            { type: this.typeValue, labels: this.labelsValue, series: this.seriesValue, options: this.optionsValue },
            reducedMotion,
            (value) => percent.format(value / 100),
        );
    }

    // Creates the chart once per canvas host, then only updates it; a new host (re-render) or type gets a new chart.
    private syncChart(): void {
        const host = this.template?.querySelector<HTMLElement>('.kpi-chart__canvas-host');
        if (!host) {
            this.destroyChart();
            return;
        }
        if (!this.chartJs || !this.connected || this.invalidInput) return;
        const reducedMotion = prefersReducedMotion();
        if (this.chart && this.chartHost === host && this.chartType === this.typeValue) {
            if (!this.updatePending) return;
            const { data, options } = this.config(reducedMotion);
            this.chart.data.labels = data.labels;
            this.chart.data.datasets = data.datasets;
            this.chart.options = options;
            this.chart.update(reducedMotion ? 'none' : undefined);
        } else {
            this.destroyChart();
            const canvas = document.createElement('canvas');
            canvas.setAttribute('role', 'img');
            canvas.setAttribute('aria-label', this.accessibleName);
            host.appendChild(canvas);
            this.chart = new this.chartJs(canvas, this.config(reducedMotion));
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
