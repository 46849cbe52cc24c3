import { fillLabel as formatLabel } from 'c/kpiProperties';
import { KPI_CHART_LABELS } from './kpiChartLabels';

export { KPI_CHART_LABELS };

/** Chart types the kpiChartJs static resource registers controllers for (scripts/chartjs-entry.ts). */
export const KPI_CHART_TYPES = ['bar', 'line', 'doughnut'] as const;
export type KpiChartType = (typeof KPI_CHART_TYPES)[number];

/**
 * Okabe–Ito colours, ordered so the first series stay distinguishable under common colour-vision deficiencies
 * and yellow (weak contrast on white) comes last. https://jfly.uni-koeln.de/color/
 */
export const KPI_PALETTE = [
    '#0072B2', // blue
    '#E69F00', // orange
    '#009E73', // bluish green
    '#D55E00', // vermillion
    '#56B4E9', // sky blue
    '#CC79A7', // reddish purple
    '#000000', // black
    '#F0E442', // yellow
] as const;

// Line series also differ by marker and dash, so colour is never the only cue (WCAG 1.4.1).
const POINT_STYLES = ['circle', 'rect', 'triangle', 'rectRot', 'crossRot', 'star'] as const;
const DASHES: readonly (readonly number[])[] = [[], [6, 4], [2, 3], [10, 3, 2, 3]];

export type KpiChartValue = number | null;
export type KpiChartAxis = 'primary' | 'percent';
/** Chart.js scale id of the right-hand percent axis. */
export const PERCENT_AXIS_ID = 'percent';

/** One series of values, one value per label. */
export interface KpiChartSeries {
    label: string;
    data: readonly KpiChartValue[];
    /** Text the table view shows instead of the raw number, e.g. a formatted currency. */
    displayValues?: readonly (string | null | undefined)[];
    /** Any CSS colour; defaults to the palette colour for the series' position. */
    color?: string;
    /** Draws this series as bars or a line inside a bar/line chart (e.g. a quota line over bars). */
    type?: 'bar' | 'line';
    /**
     * `percent` measures the series (values 0–100) on a second, right-hand 0–100 % axis, e.g. a win-rate line over
     * count bars; `primary` (the default) on the left axis.
     */
    axis?: KpiChartAxis;
    fill?: boolean;
    stack?: string;
}

export interface KpiChartInput {
    type: unknown;
    labels: unknown;
    series: unknown;
    options?: unknown;
}

export type KpiChartProblem =
    | { code: 'type'; value: string }
    | { code: 'labels' }
    | { code: 'series'; name: string }
    | { code: 'length'; name: string; values: number; labels: number }
    | { code: 'value'; name: string; position: number };

export type KpiChartDataset = Record<string, unknown> & { label: string; data: KpiChartValue[] };

export interface KpiChartConfig {
    type: KpiChartType;
    data: { labels: string[]; datasets: KpiChartDataset[] };
    options: Record<string, unknown>;
}

export interface KpiDataTable {
    columns: { key: string; label: string }[];
    rows: { key: string; header: string; cells: { key: string; text: string }[] }[];
}

type PlainObject = Record<string, unknown>;
/** The part of a Chart.js legend item the legend sort reads. */
interface LegendItem {
    datasetIndex: number;
}

function isPlainObject(value: unknown): value is PlainObject {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
    const proto = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
}

/**
 * Deep copy of arrays and plain objects into fresh, writable ones. LWC hands @api values to children as read-only
 * proxies; Chart.js defines `_chartjs` on data arrays and would throw on them. Functions, dates and other
 * instances are kept by reference (Chart.js only reads them).
 */
export function plainCopy<T>(value: T, seen: WeakMap<object, unknown> = new WeakMap()): T {
    if (value === null || typeof value !== 'object') return value;
    const known = seen.get(value);
    if (known !== undefined) return known as T;
    if (Array.isArray(value)) {
        const copy: unknown[] = [];
        seen.set(value, copy);
        for (const item of value) copy.push(plainCopy(item, seen));
        return copy as T;
    }
    if (!isPlainObject(value)) return value;
    const copy: PlainObject = {};
    seen.set(value, copy);
    for (const key of Object.keys(value)) copy[key] = plainCopy(value[key], seen);
    return copy as T;
}

/** Returns `base` with `override` merged in: plain objects merge key by key, anything else replaces. */
export function mergeOptions(base: PlainObject, override: unknown): PlainObject {
    if (!isPlainObject(override)) return base;
    const merged: PlainObject = { ...base };
    for (const key of Object.keys(override)) {
        const next = override[key];
        const current = merged[key];
        merged[key] = isPlainObject(current) && isPlainObject(next) ? mergeOptions(current, next) : next;
    }
    return merged;
}

/** The one label filler, under the name kpiChart imports. */
export { formatLabel };

export function paletteColor(index: number): string {
    return KPI_PALETTE[index % KPI_PALETTE.length];
}

export function isKpiChartType(value: unknown): value is KpiChartType {
    return typeof value === 'string' && (KPI_CHART_TYPES as readonly string[]).includes(value);
}

function seriesName(series: unknown, index: number): string {
    const label = isPlainObject(series) ? series.label : undefined;
    return typeof label === 'string' && label.trim() ? label : `#${index + 1}`;
}

/** Everything wrong with the inputs, in the order a developer would fix them; empty when the chart can be drawn. */
export function checkChartInput(input: KpiChartInput): KpiChartProblem[] {
    const problems: KpiChartProblem[] = [];
    if (!isKpiChartType(input.type)) problems.push({ code: 'type', value: String(input.type) });
    const labels = input.labels;
    if (!Array.isArray(labels)) problems.push({ code: 'labels' });
    if (!Array.isArray(input.series)) {
        problems.push({ code: 'series', name: 'series' });
        return problems;
    }
    input.series.forEach((series: unknown, index) => {
        const name = seriesName(series, index);
        const data = isPlainObject(series) ? series.data : undefined;
        if (!Array.isArray(data)) {
            problems.push({ code: 'series', name });
            return;
        }
        if (Array.isArray(labels) && data.length !== labels.length) {
            problems.push({ code: 'length', name, values: data.length, labels: labels.length });
        }
        const position = data.findIndex(
            (value: unknown) => value !== null && (typeof value !== 'number' || !Number.isFinite(value)),
        );
        if (position >= 0) problems.push({ code: 'value', name, position: position + 1 });
    });
    return problems;
}

function withAlpha(color: string, alpha: string): string {
    return /^#[0-9a-f]{6}$/i.test(color) ? `${color}${alpha}` : color;
}

function datasetFor(chartType: KpiChartType, series: KpiChartSeries, index: number, labelCount: number) {
    const dataset: KpiChartDataset = { label: series.label, data: [...series.data] };
    if (chartType === 'doughnut') {
        // A doughnut colours slices (labels), not series.
        dataset.backgroundColor = Array.from({ length: labelCount }, (_, slice) => paletteColor(slice));
        return dataset;
    }
    const color = series.color ?? paletteColor(index);
    const drawAs = series.type ?? chartType;
    dataset.type = drawAs;
    dataset.borderColor = color;
    if (series.axis === 'percent') dataset.yAxisID = PERCENT_AXIS_ID;
    // Lines over bars: Chart.js draws higher `order` first.
    dataset.order = drawAs === 'line' ? 0 : 1;
    if (drawAs === 'line') {
        dataset.backgroundColor = withAlpha(color, '33');
        dataset.pointStyle = POINT_STYLES[index % POINT_STYLES.length];
        dataset.pointRadius = 4;
        dataset.borderDash = [...DASHES[index % DASHES.length]];
        dataset.fill = series.fill ?? false;
    } else {
        dataset.backgroundColor = color;
        dataset.borderWidth = 1;
    }
    if (series.stack !== undefined) dataset.stack = series.stack;
    return dataset;
}

function defaultOptions(
    type: KpiChartType,
    series: readonly KpiChartSeries[],
    formatPercent: (value: number) => string,
): PlainObject {
    const options: PlainObject = {
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { display: type === 'doughnut' || series.length > 1, position: 'bottom' } },
    };
    if (type === 'doughnut') return options;
    const scales: PlainObject = { y: { beginAtZero: true } };
    if (series.some((item) => item.type === 'line') && type === 'bar') {
        // Lines get a lower `order` to be drawn over the bars; the legend keeps the callers' series order.
        options.plugins = mergeOptions(options.plugins as PlainObject, {
            legend: { labels: { sort: (a: LegendItem, b: LegendItem) => a.datasetIndex - b.datasetIndex } },
        });
    }
    if (series.some((item) => item.axis === 'percent')) {
        // 0–100 unless a value lies outside (suggested, so nothing is clipped); its grid lines would cross the bars'.
        scales[PERCENT_AXIS_ID] = {
            type: 'linear',
            position: 'right',
            suggestedMin: 0,
            suggestedMax: 100,
            grid: { drawOnChartArea: false },
            ticks: { callback: (value: number | string) => formatPercent(Number(value)) },
        };
    }
    options.scales = scales;
    return options;
}

/** `12 %`-style tick text when the caller gives no locale-aware formatter. */
export function defaultPercentFormat(value: number): string {
    return `${value} %`;
}

/**
 * The Chart.js configuration for valid inputs (see checkChartInput), built from copies so nothing Chart.js
 * mutates belongs to the caller. `reducedMotion` wins over any animation the caller's options ask for.
 */
export function buildChartConfig(
    input: { type: KpiChartType; labels: readonly unknown[]; series: readonly KpiChartSeries[]; options?: unknown },
    reducedMotion: boolean,
    formatPercent: (value: number) => string = defaultPercentFormat,
): KpiChartConfig {
    const series = plainCopy(input.series);
    const labels = input.labels.map((label) => String(label));
    let options = mergeOptions(defaultOptions(input.type, series, formatPercent), plainCopy(input.options));
    if (reducedMotion) options = { ...options, animation: false };
    return {
        type: input.type,
        data: { labels, datasets: series.map((item, index) => datasetFor(input.type, item, index, labels.length)) },
        options,
    };
}

/** Rows per label and one column per series, for the table alternative to the chart. */
export function buildDataTable(
    labels: readonly unknown[],
    series: readonly KpiChartSeries[],
    formatNumber: (value: number) => string,
    noValueText: string,
): KpiDataTable {
    return {
        columns: series.map((item, index) => ({ key: `col-${index}`, label: item.label })),
        rows: labels.map((label, row) => ({
            key: `row-${row}`,
            header: String(label),
            cells: series.map((item, column) => {
                const value = item.data[row];
                const display = item.displayValues?.[row];
                let text = noValueText;
                if (display) text = display;
                else if (typeof value === 'number') text = formatNumber(value);
                return { key: `cell-${column}`, text };
            }),
        })),
    };
}

/** The inputs and state kpiChart's template reads: its properties, the view toggle and the load outcome. */
export interface KpiChartViewInput {
    type: KpiChartType;
    labels: readonly string[];
    series: readonly KpiChartSeries[];
    title: string;
    summary: string;
    categoryLabel?: string;
    showTable: boolean;
    loadFailed: boolean;
}

/** Everything kpiChart's template shows apart from the chart and the table rows. */
export interface KpiChartView {
    invalidInput: boolean;
    problemMessages: string[];
    isEmpty: boolean;
    canToggle: boolean;
    toggleLabel: string;
    frameHidden: boolean;
    tableShown: boolean;
    tableCaption: string;
    categoryHeader: string;
}

/** The sentence the error panel shows for one problem checkChartInput found. */
export function chartProblemMessage(problem: KpiChartProblem): string {
    switch (problem.code) {
        case 'type':
            return formatLabel(KPI_CHART_LABELS.invalidType, problem.value, KPI_CHART_TYPES.join(', '));
        case 'labels':
            return KPI_CHART_LABELS.invalidLabels;
        case 'series':
            return formatLabel(KPI_CHART_LABELS.invalidSeries, problem.name);
        case 'length':
            return formatLabel(KPI_CHART_LABELS.seriesLength, problem.name, problem.values, problem.labels);
        default:
            return formatLabel(KPI_CHART_LABELS.invalidValue, problem.name, problem.position);
    }
}

/** The canvas's text alternative: the summary, else the title, else a generic one. */
export function chartAccessibleName(input: { summary: string; title: string }): string {
    return input.summary || input.title || KPI_CHART_LABELS.defaultSummary;
}

/** True when the inputs cannot be drawn (see checkChartInput). */
export function isInvalidChartInput(input: KpiChartInput): boolean {
    return checkChartInput(input).length > 0;
}

export function buildChartView(input: KpiChartViewInput): KpiChartView {
    const problems = checkChartInput(input);
    const invalidInput = problems.length > 0;
    const isEmpty = input.labels.length === 0 || input.series.length === 0;
    const canToggle = !invalidInput && !isEmpty;
    return {
        invalidInput,
        problemMessages: problems.map(chartProblemMessage),
        isEmpty,
        canToggle,
        toggleLabel: input.showTable ? KPI_CHART_LABELS.showChart : KPI_CHART_LABELS.showTable,
        frameHidden: input.showTable || isEmpty || input.loadFailed,
        tableShown: input.showTable && canToggle,
        tableCaption: input.title || KPI_CHART_LABELS.tableCaption,
        categoryHeader: input.categoryLabel || KPI_CHART_LABELS.category,
    };
}

/** buildChartConfig with the percent axis' ticks in the viewer's locale. */
export function buildLocaleChartConfig(
    input: { type: KpiChartType; labels: readonly unknown[]; series: readonly KpiChartSeries[]; options?: unknown },
    reducedMotion: boolean,
    locale: string,
): KpiChartConfig {
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    return buildChartConfig(input, reducedMotion, (value) => percent.format(value / 100));
}

/** buildDataTable with numbers in the viewer's locale and the "no value" label for gaps. */
export function buildLocaleDataTable(
    labels: readonly unknown[],
    series: readonly KpiChartSeries[],
    locale: string,
): KpiDataTable {
    const format = new Intl.NumberFormat(locale);
    return buildDataTable(labels, series, (value) => format.format(value), KPI_CHART_LABELS.noValue);
}
