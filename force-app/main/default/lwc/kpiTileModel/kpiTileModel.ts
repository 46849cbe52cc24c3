/**
 * What a KPI tile shows, computed from its setup and its result: every text, in the viewer's locale and currency, and
 * every state (loading, configuration problem, error, empty, number). Pure: the clock and locale are passed in.
 */
import kpiErrorNetwork from '@salesforce/label/c.kpiErrorNetwork';
import kpiErrorNoAccess from '@salesforce/label/c.kpiErrorNoAccess';
import kpiErrorNotSupported from '@salesforce/label/c.kpiErrorNotSupported';
import kpiErrorUnknown from '@salesforce/label/c.kpiErrorUnknown';
import kpiSparklineNoValue from '@salesforce/label/c.kpiSparklineNoValue';
import kpiSparklineSummary from '@salesforce/label/c.kpiSparklineSummary';
import kpiTileAsOf from '@salesforce/label/c.kpiTileAsOf';
import kpiTileAtRisk from '@salesforce/label/c.kpiTileAtRisk';
import kpiTileBetter from '@salesforce/label/c.kpiTileBetter';
import kpiTileComparisonUnavailable from '@salesforce/label/c.kpiTileComparisonUnavailable';
import kpiTileChangeAssistive from '@salesforce/label/c.kpiTileChangeAssistive';
import kpiTileChangeVisible from '@salesforce/label/c.kpiTileChangeVisible';
import kpiTileDown from '@salesforce/label/c.kpiTileDown';
import kpiTileEmpty from '@salesforce/label/c.kpiTileEmpty';
import kpiTileFlat from '@salesforce/label/c.kpiTileFlat';
import kpiTileLoading from '@salesforce/label/c.kpiTileLoading';
import kpiTileLowSample from '@salesforce/label/c.kpiTileLowSample';
import kpiTileNoComparison from '@salesforce/label/c.kpiTileNoComparison';
import kpiTileNoQuota from '@salesforce/label/c.kpiTileNoQuota';
import kpiTileOffTrack from '@salesforce/label/c.kpiTileOffTrack';
import kpiTileOnTrack from '@salesforce/label/c.kpiTileOnTrack';
import kpiTileProgress from '@salesforce/label/c.kpiTileProgress';
import kpiTileProgressBeyond from '@salesforce/label/c.kpiTileProgressBeyond';
import kpiTileSample from '@salesforce/label/c.kpiTileSample';
import kpiTileScopeAll from '@salesforce/label/c.kpiTileScopeAll';
import kpiTileScopeMine from '@salesforce/label/c.kpiTileScopeMine';
import kpiTileScopeTeam from '@salesforce/label/c.kpiTileScopeTeam';
import kpiTileTarget from '@salesforce/label/c.kpiTileTarget';
import kpiTileTargetMet from '@salesforce/label/c.kpiTileTargetMet';
import kpiTileTargetLine from '@salesforce/label/c.kpiTileTargetLine';
import kpiTileTargetMetDetail from '@salesforce/label/c.kpiTileTargetMetDetail';
import kpiTileTargetUnavailable from '@salesforce/label/c.kpiTileTargetUnavailable';
import kpiTileUp from '@salesforce/label/c.kpiTileUp';
import kpiTileViewRecords from '@salesforce/label/c.kpiTileViewRecords';
import kpiTileVisibleOnly from '@salesforce/label/c.kpiTileVisibleOnly';
import kpiTileVs from '@salesforce/label/c.kpiTileVs';
import kpiTileWas from '@salesforce/label/c.kpiTileWas';
import kpiTileWorse from '@salesforce/label/c.kpiTileWorse';
import { findKpi } from 'c/kpiCatalog';
import type { KpiDefinition } from 'c/kpiCatalog';
import { describePlanProblem } from 'c/kpiConfig';
import { PERIOD_LABELS, fillLabel } from 'c/kpiProperties';
import type { TileSetup } from 'c/kpiConfig';
import { errorMessages } from 'c/kpiErrors';
import { formatChange, formatComparedWindow, formatCount, formatDateRange, formatKpiValue } from 'c/kpiFormat';
import type { FormatOptions, KpiUnit } from 'c/kpiFormat';
import type { Scope } from 'c/kpiPlanner';
import { describeNote, kpiHelp, kpiTitle } from 'c/kpiResults';
import type { KpiResult, ResultErrorKind } from 'c/kpiResults';

/** A tile's setup plus what its component knows so far. */
export interface TileInput extends TileSetup {
    /** The admin's title; the KPI's name otherwise. */
    title?: string;
    /** Undefined until the component's request for this KPI has answered. */
    result?: KpiResult;
    /** ISO code the amounts are in, when the admin named one. */
    currency?: string;
    /** When the numbers arrived (epoch ms); the board shows it once instead. */
    asOf?: number;
    /** Ignored settings, shown under the number. */
    warnings?: string[];
}

export interface TileContext {
    locale: string;
    /** The viewer's currency, for amounts when the setup names none. */
    currency: string;
    timeZone: string;
    now: Date;
}

export type TileState = 'loading' | 'config' | 'error' | 'empty' | 'value';
export type TargetStatus = 'green' | 'amber' | 'red';

export interface Line {
    key: string;
    text: string;
}

export interface ChangeView {
    arrow: string;
    directionText: string;
    text: string;
    comparisonText: string;
    previousText: string;
    toneText: string;
    /** What the eye reads (the arrow stands for the direction); whole sentences, since inline parts join unspaced. */
    visibleText: string;
    /** What a screen reader reads instead, direction in words. */
    assistiveText: string;
    className: string;
}

export interface TargetView {
    targetText: string;
    progressText: string;
    /** Status, share and target in one line. */
    line: string;
    /** 0-100, for the bar and aria-valuenow. */
    percent: number;
    barStyle: string;
    status: TargetStatus;
    statusText: string;
    className: string;
}

export interface SampleView {
    text: string;
    low: boolean;
    lowText: string;
}

export interface TrendView {
    points: { key: string; value: number | null }[];
    summary: string;
}

export interface PageReference {
    type: string;
    attributes: Record<string, string>;
    state: Record<string, string>;
}

export interface TileView {
    key: string;
    state: TileState;
    isLoading: boolean;
    isConfig: boolean;
    isError: boolean;
    isEmpty: boolean;
    hasValue: boolean;
    title: string;
    help: string;
    periodText: string;
    scopeText: string;
    dateRange: string;
    /** Period, scope and days in one line. */
    periodLine: string;
    loadingText: string;
    configMessages: Line[];
    errorSummary: string;
    errorMessages: string[];
    emptyText: string;
    valueText: string;
    /** The value unabbreviated, for screen readers, when the shown one is compact. */
    valueFull: string;
    detailText: string;
    change: ChangeView | null;
    noComparisonText: string;
    target: TargetView | null;
    /** The KPI's own target (the quota) could not be read: why, in place of the target line. */
    noTargetText: string;
    sample: SampleView | null;
    notes: Line[];
    scopeNote: string;
    trend: TrendView | null;
    asOfText: string;
    drillDown: PageReference | null;
    /** The drill-down link's accessible name: the title, then what the link does. */
    drillLabel: string;
    warnings: Line[];
}

const SCOPE_LABELS: Record<Scope, string> = { mine: kpiTileScopeMine, team: kpiTileScopeTeam, all: kpiTileScopeAll };

const STATUS_LABELS: Record<TargetStatus, string> = {
    green: kpiTileOnTrack,
    amber: kpiTileAtRisk,
    red: kpiTileOffTrack,
};

const ERROR_SUMMARIES: Partial<Record<ResultErrorKind, string>> = {
    noAccess: kpiErrorNoAccess,
    notSupported: kpiErrorNotSupported,
    network: kpiErrorNetwork,
};

const lines = (texts: readonly string[], prefix: string): Line[] =>
    texts.map((text, index) => ({ key: `${prefix}-${index}`, text }));

/**
 * Where the tile's drill-down leads: the KPI's list view. A standard__objectPage list reference takes a list view
 * (`filterName`) and no ad-hoc filter, so the period and scope of the number cannot travel with it
 * (https://developer.salesforce.com/docs/platform/lwc/guide/reference-page-reference-type.html).
 */
export function drillDownReference(kpi: KpiDefinition): PageReference {
    return {
        type: 'standard__objectPage',
        attributes: { objectApiName: kpi.drillDown.object, actionName: 'list' },
        state: { filterName: kpi.drillDown.listView },
    };
}

/**
 * Red, amber or green by the share of the target reached. For lower-is-better KPIs the share is target ÷ value, so
 * half the allowed days is 200 % and twice the allowed days is 50 %.
 */
export function targetAttainment(value: number, target: number, higherIsBetter: boolean): number {
    if (target <= 0) return higherIsBetter || value <= 0 ? Infinity : 0;
    if (higherIsBetter) return value / target;
    return value <= 0 ? Infinity : target / value;
}

export function targetStatus(attainment: number, amber: number, green: number): TargetStatus {
    if (attainment * 100 >= green) return 'green';
    return attainment * 100 >= amber ? 'amber' : 'red';
}

/** "As of" in the viewer's zone: the time alone today, the date and time before today. */
export function formatAsOfTime(asOf: number, now: Date, locale: string, timeZone: string): string {
    const day = new Intl.DateTimeFormat('en-CA', { timeZone, dateStyle: 'short' });
    const sameDay = day.format(asOf) === day.format(now);
    const format = sameDay
        ? new Intl.DateTimeFormat(locale, { timeZone, timeStyle: 'short' })
        : new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short' });
    return fillLabel(kpiTileAsOf, format.format(asOf));
}

/** The tile's short form of a number: kpiFormat's compact notation ("$19K", "1,2 Mio. €"). */
export function formatShort(value: number | null | undefined, unit: KpiUnit, format: FormatOptions): string {
    return formatKpiValue(value, unit, { ...format, compact: true });
}

/** Rates and averages rest on a sample worth stating; totals do not. */
function showsSample(kpi: KpiDefinition): boolean {
    const { measure } = kpi;
    if (kpi.minSample !== undefined || kpi.unit === 'percent' || kpi.unit === 'days') return true;
    return measure.kind === 'aggregate' && (measure.perRecord === true || measure.aggregate.fn === 'avg');
}

function changeView(kpi: KpiDefinition, result: KpiResult, input: TileInput, format: FormatOptions): ChangeView | null {
    const change = formatChange(result.value, result.comparisonValue, kpi.unit, kpi.higherIsBetter, format);
    if (!change) return null;
    const arrows = { up: '▲', down: '▼', flat: '▬' };
    const directions = { up: kpiTileUp, down: kpiTileDown, flat: kpiTileFlat };
    const tones = { good: kpiTileBetter, bad: kpiTileWorse, neutral: kpiTileFlat };
    const previous = formatShort(result.comparisonValue, kpi.unit, format);
    // The change names the days it compares with: a to-date quarter is compared with the same days of the last one.
    const window = result.comparisonWindow;
    const kind = input.comparison === 'samePeriodLastYear' ? 'samePeriodLastYear' : 'previousPeriod';
    const comparisonText = window ? fillLabel(kpiTileVs, formatComparedWindow(window, kind, format.locale)) : '';
    const previousText = fillLabel(kpiTileWas, previous);
    const directionText = directions[change.direction];
    const toneText = tones[change.tone];
    return {
        arrow: arrows[change.direction],
        directionText,
        text: change.text,
        comparisonText,
        previousText,
        toneText,
        visibleText: fillLabel(kpiTileChangeVisible, change.text, comparisonText, previousText, toneText),
        assistiveText: fillLabel(
            kpiTileChangeAssistive,
            directionText,
            change.text,
            comparisonText,
            previousText,
            toneText,
        ),
        className: `kpi-tile__change kpi-tile__change_${change.tone}`,
    };
}

function targetView(
    kpi: KpiDefinition,
    value: number,
    input: TileInput,
    format: FormatOptions,
    locale: string,
    read: number | null = null,
): TargetView | null {
    // The typed target, else the one the KPI reads itself (closed-won revenue: the quota, as coverage uses it).
    const target = input.target ?? (kpi.target && kpi.measure.kind !== 'coverage' && read ? read : null);
    if (target === null) return null;
    const attainment = targetAttainment(value, target, kpi.higherIsBetter);
    const status = targetStatus(attainment, input.amber, input.green);
    const percent = Math.max(0, Math.min(100, Number.isFinite(attainment) ? Math.round(attainment * 100) : 100));
    // Nothing against a lower-is-better target (0 days) is no share of it: it is beyond the target, never "∞".
    const progressText = Number.isFinite(attainment)
        ? fillLabel(
              kpiTileProgress,
              new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(attainment),
          )
        : kpiTileProgressBeyond;
    const targetText = fillLabel(kpiTileTarget, formatShort(target, kpi.unit, format));
    return {
        targetText,
        progressText,
        line: fillLabel(kpiTileTargetLine, STATUS_LABELS[status], progressText, targetText),
        percent,
        barStyle: `width: ${percent}%`,
        status,
        statusText: STATUS_LABELS[status],
        className: `kpi-tile__target kpi-tile__target_${status}`,
    };
}

function trendView(kpi: KpiDefinition, result: KpiResult, format: FormatOptions, locale: string): TrendView | null {
    if (result.sparkline.length < 2) return null;
    const points = result.sparkline.map((point, index) => ({ key: `p${index}`, value: point.value }));
    const described = result.sparkline.map((point) => {
        const value = formatShort(point.value, kpi.unit, format) || kpiSparklineNoValue;
        return `${formatDateRange(point, locale)}: ${value}`;
    });
    return { points, summary: fillLabel(kpiSparklineSummary, described.join('; ')) };
}

function errorView(result: KpiResult): Pick<TileView, 'state' | 'configMessages' | 'errorSummary' | 'errorMessages'> {
    const error = result.error!;
    if (error.kind === 'config') {
        const messages = error.problems?.length ? error.problems.map(describePlanProblem) : error.messages;
        return { state: 'config', configMessages: lines(messages, 'config'), errorSummary: '', errorMessages: [] };
    }
    return {
        state: 'error',
        configMessages: [],
        errorSummary: ERROR_SUMMARIES[error.kind] ?? (error.messages.find(Boolean) || kpiErrorUnknown),
        errorMessages: error.messages.length > 0 ? error.messages : [kpiErrorUnknown],
    };
}

/** Everything a tile shows, in the viewer's locale; a failure to compute it becomes the tile's error, never a throw. */
export function buildTileView(input: TileInput, context: TileContext): TileView {
    try {
        return compose(input, context);
    } catch (error) {
        return failedView(input, errorMessages(error));
    }
}

/** A tile with nothing to show yet: every text empty, every part absent. */
function blankView(key: string, title: string): TileView {
    return {
        key,
        state: 'loading',
        isLoading: false,
        isConfig: false,
        isError: false,
        isEmpty: false,
        hasValue: false,
        title,
        help: '',
        periodText: '',
        scopeText: '',
        dateRange: '',
        periodLine: '',
        loadingText: '',
        configMessages: [],
        errorSummary: '',
        errorMessages: [],
        emptyText: '',
        valueText: '',
        valueFull: '',
        detailText: '',
        change: null,
        noComparisonText: '',
        target: null,
        noTargetText: '',
        sample: null,
        notes: [],
        scopeNote: '',
        trend: null,
        asOfText: '',
        drillDown: null,
        drillLabel: '',
        warnings: [],
    };
}

/** A tile that could not be composed: its title and the reason, nothing that could fail again. */
function failedView(input: TileInput, messages: string[]): TileView {
    return {
        ...blankView(input.key, input.title || input.key),
        state: 'error',
        isError: true,
        errorSummary: messages.find(Boolean) || kpiErrorUnknown,
        errorMessages: messages.length > 0 ? messages : [kpiErrorUnknown],
    };
}

function compose(input: TileInput, context: TileContext): TileView {
    const kpi = findKpi(input.kpi);
    const title = input.title || (kpi ? kpiTitle(kpi.id) : input.key);
    const format: FormatOptions = {
        locale: context.locale,
        currency: input.currency || context.currency,
        compact: true,
    };
    const result = input.result;
    const view: TileView = {
        ...blankView(input.key, title),
        help: kpi ? kpiHelp(kpi.id) : '',
        periodText: input.period ? fillLabel(PERIOD_LABELS[input.period.kind], input.period.days ?? '') : '',
        scopeText: input.scope ? SCOPE_LABELS[input.scope] : '',
        dateRange: result?.window ? formatDateRange(result.window, context.locale) : '',
        loadingText: fillLabel(kpiTileLoading, title),
        emptyText: kpiTileEmpty,
        scopeNote: input.scope === 'team' || input.scope === 'all' ? kpiTileVisibleOnly : '',
        asOfText:
            input.asOf === undefined || !result
                ? ''
                : formatAsOfTime(input.asOf, context.now, context.locale, context.timeZone),
        drillDown: kpi ? drillDownReference(kpi) : null,
        drillLabel: fillLabel(kpiTileViewRecords, title),
        // Ignored settings, and errors the answer carried that no number was tied to (the numbers came back whole).
        warnings: lines([...(input.warnings ?? []), ...(result?.error ? [] : (result?.warnings ?? []))], 'warning'),
    };
    if (input.problems.length > 0 || (!kpi && input.kpi)) {
        view.state = 'config';
        view.configMessages = lines(input.problems, 'config');
    } else if (result?.error) {
        Object.assign(view, errorView(result));
    } else if (result && kpi) {
        fillNumbers(view, kpi, result, input, format, context.locale);
    }
    view.periodLine = [view.periodText, view.scopeText, view.dateRange].filter(Boolean).join(' · ');
    view.isLoading = view.state === 'loading';
    view.isConfig = view.state === 'config';
    view.isError = view.state === 'error';
    view.isEmpty = view.state === 'empty';
    view.hasValue = view.state === 'value';
    return view;
}

function fillNumbers(
    view: TileView,
    kpi: KpiDefinition,
    result: KpiResult,
    input: TileInput,
    format: FormatOptions,
    locale: string,
): void {
    view.notes = lines(result.notes.map(describeNote), 'note');
    view.trend = trendView(kpi, result, format, locale);
    if (showsSample(kpi) && result.sampleSize !== null) {
        view.sample = {
            text: fillLabel(kpiTileSample, formatCount(result.sampleSize, locale)),
            low: result.lowSample,
            lowText: kpiTileLowSample,
        };
    }
    if (result.status === 'targetMet') {
        view.state = 'value';
        view.valueText = kpiTileTargetMet;
        view.valueFull = kpiTileTargetMet;
        view.detailText = fillLabel(kpiTileTargetMetDetail, formatShort(result.target, 'currency', format));
        return;
    }
    if (result.value === null) {
        view.state = 'empty';
        if (kpi.measure.kind === 'coverage' && !result.target) view.emptyText = kpiTileNoQuota;
        return;
    }
    // The reader never gives NaN or ∞; should one come, it is an error, never a number on screen.
    if (!Number.isFinite(result.value)) throw new Error(kpiErrorUnknown);
    view.state = 'value';
    view.valueText = formatShort(result.value, kpi.unit, format);
    view.valueFull = formatKpiValue(result.value, kpi.unit, { ...format, compact: false });
    if (result.comparisonWindow) {
        // A comparison that could not be read is unavailable, never "no change" or "no value to compare with".
        view.change = result.comparisonError ? null : changeView(kpi, result, input, format);
        if (!view.change) {
            view.noComparisonText = result.comparisonError ? kpiTileComparisonUnavailable : kpiTileNoComparison;
        }
    }
    view.target = targetView(kpi, result.value, input, format, locale, result.target);
    if (!view.target && input.target === null && result.targetError) {
        view.noTargetText = fillLabel(kpiTileTargetUnavailable, result.targetError.messages.join(' '));
    }
}
