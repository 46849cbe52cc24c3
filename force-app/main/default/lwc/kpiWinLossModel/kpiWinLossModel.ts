/**
 * The win-loss component's view as plain data: the filter bar, property messages, the rates table, the won vs lost
 * chart, the loss reasons and recent losses, each section with its errors and notes, from the settings and the answer
 * kpiWinLossData shapes. Pure: no DOM, no clock, no platform calls; one small function per concern.
 */
import kpiWinLossTitle from '@salesforce/label/c.kpiWinLossTitle';
import kpiWinLossLoading from '@salesforce/label/c.kpiWinLossLoading';
import kpiWinLossEmpty from '@salesforce/label/c.kpiWinLossEmpty';
import kpiWinLossPartial from '@salesforce/label/c.kpiWinLossPartial';
import kpiWinLossTruncated from '@salesforce/label/c.kpiWinLossTruncated';
import kpiResultNoResponse from '@salesforce/label/c.kpiResultNoResponse';
import kpiConfigPropPeriod from '@salesforce/label/c.kpiConfigPropPeriod';
import kpiWinLossGrouping from '@salesforce/label/c.kpiWinLossGrouping';
import kpiWinLossMeasure from '@salesforce/label/c.kpiWinLossMeasure';
import kpiWinLossPropGrouping from '@salesforce/label/c.kpiWinLossPropGrouping';
import kpiWinLossPropMinSample from '@salesforce/label/c.kpiWinLossPropMinSample';
import kpiSettingLossReasonField from '@salesforce/label/c.kpiSettingLossReasonField';
import kpiConfigPropScope from '@salesforce/label/c.kpiConfigPropScope';
import kpiConfigPropFiscalYearStartMonth from '@salesforce/label/c.kpiConfigPropFiscalYearStartMonth';
import kpiConfigPropCurrencyCode from '@salesforce/label/c.kpiConfigPropCurrencyCode';
import kpiGroupingType from '@salesforce/label/c.kpiGroupingType';
import kpiGroupingSource from '@salesforce/label/c.kpiGroupingSource';
import kpiWinLossMonth from '@salesforce/label/c.kpiWinLossMonth';
import kpiWinLossQuarter from '@salesforce/label/c.kpiWinLossQuarter';
import kpiWinLossFiscalQuarter from '@salesforce/label/c.kpiWinLossFiscalQuarter';
import kpiWinLossFiscalQuarterBucket from '@salesforce/label/c.kpiWinLossFiscalQuarterBucket';
import kpiWinLossQuarterBucket from '@salesforce/label/c.kpiWinLossQuarterBucket';
import kpiWinLossCount from '@salesforce/label/c.kpiWinLossCount';
import kpiWinLossAmount from '@salesforce/label/c.kpiWinLossAmount';
import kpiWinLossRatesHeading from '@salesforce/label/c.kpiWinLossRatesHeading';
import kpiWinLossWho from '@salesforce/label/c.kpiWinLossWho';
import kpiWinLossRateByCount from '@salesforce/label/c.kpiWinLossRateByCount';
import kpiWinLossRateByAmount from '@salesforce/label/c.kpiWinLossRateByAmount';
import kpiWinLossClosedDeals from '@salesforce/label/c.kpiWinLossClosedDeals';
import kpiWinLossPrevious from '@salesforce/label/c.kpiWinLossPrevious';
import kpiWinLossPreviousNote from '@salesforce/label/c.kpiWinLossPreviousNote';
import kpiWinLossTooSmall from '@salesforce/label/c.kpiWinLossTooSmall';
import kpiWinLossCompany from '@salesforce/label/c.kpiWinLossCompany';
import kpiWinLossTeam from '@salesforce/label/c.kpiWinLossTeam';
import kpiWinLossMine from '@salesforce/label/c.kpiWinLossMine';
import kpiWinLossRep from '@salesforce/label/c.kpiWinLossRep';
import kpiWinLossShowOnly from '@salesforce/label/c.kpiWinLossShowOnly';
import kpiWinLossAllOwners from '@salesforce/label/c.kpiWinLossAllOwners';
import kpiWinLossTrendHeading from '@salesforce/label/c.kpiWinLossTrendHeading';
import kpiWinLossWon from '@salesforce/label/c.kpiWinLossWon';
import kpiWinLossLost from '@salesforce/label/c.kpiWinLossLost';
import kpiWinLossWinRate from '@salesforce/label/c.kpiWinLossWinRate';
import kpiWinLossTrendSummary from '@salesforce/label/c.kpiWinLossTrendSummary';
import kpiWinLossRateSummary from '@salesforce/label/c.kpiWinLossRateSummary';
import kpiWinLossReasonsHeading from '@salesforce/label/c.kpiWinLossReasonsHeading';
import kpiGroupingLossReason from '@salesforce/label/c.kpiGroupingLossReason';
import kpiWinLossNoReason from '@salesforce/label/c.kpiWinLossNoReason';
import kpiWinLossNoReasonField from '@salesforce/label/c.kpiWinLossNoReasonField';
import kpiWinLossLostDeals from '@salesforce/label/c.kpiWinLossLostDeals';
import kpiLostAmount from '@salesforce/label/c.kpiLostAmount';
import kpiWinLossRecentHeading from '@salesforce/label/c.kpiWinLossRecentHeading';
import kpiWinLossOpportunity from '@salesforce/label/c.kpiWinLossOpportunity';
import kpiWinLossAccount from '@salesforce/label/c.kpiWinLossAccount';
import kpiWinLossCloseDate from '@salesforce/label/c.kpiWinLossCloseDate';
import kpiGroupingOwner from '@salesforce/label/c.kpiGroupingOwner';
import kpiWinLossNoRecent from '@salesforce/label/c.kpiWinLossNoRecent';
import kpiWinLossRunsAsViewer from '@salesforce/label/c.kpiWinLossRunsAsViewer';
import kpiWinLossSectionFailed from '@salesforce/label/c.kpiWinLossSectionFailed';
import kpiWinLossReasonFieldUnavailable from '@salesforce/label/c.kpiWinLossReasonFieldUnavailable';
import kpiLeaderboardAmountsCurrency from '@salesforce/label/c.kpiLeaderboardAmountsCurrency';
import kpiLeaderboardAll from '@salesforce/label/c.kpiLeaderboardAll';
import kpiWinLossFilterHidden from '@salesforce/label/c.kpiWinLossFilterHidden';
import kpiTilePeriodRollingDays from '@salesforce/label/c.kpiTilePeriodRollingDays';
import type { KpiChartSeries } from 'c/kpiChartData';
import type { Filter, FilterOption } from 'c/kpiFilterBar';
import { formatComparedWindow, formatCount, formatKpiValue } from 'c/kpiFormat';
import { periodKey } from 'c/kpiPeriods';
import { PERIOD_LABELS, fillLabel, problemMessage } from 'c/kpiProperties';
import type { PropertyProblem } from 'c/kpiProperties';
import type { DateWindow, Period } from 'c/kpiPeriods';
import { sectionsToOmit, subqueriesOfError } from 'c/kpiWinLossData';
import type {
    Bucket,
    FilterPicklists,
    OptionalSection,
    PicklistFilter,
    ReasonRow,
    RecentLoss,
    TrendSeries,
    WinLossGrouping,
    WinLossMeasure,
    WinLossPlan,
    WinLossResult,
    WinLossSection,
    WinLossSettings,
    WinRate,
} from 'c/kpiWinLossData';

/** Labels the template shows as they are; every other string comes with the data it belongs to. */
export const LABELS = {
    title: kpiWinLossTitle,
    loading: kpiWinLossLoading,
    empty: kpiWinLossEmpty,
    partial: kpiWinLossPartial,
    truncated: kpiWinLossTruncated,
    allOwners: kpiWinLossAllOwners,
    sectionFailed: kpiWinLossSectionFailed,
    noAnswer: kpiResultNoResponse,
} as const;

/** The named periods the filter offers (a rolling one only when the property asks for it). */
const NAMED_PERIODS: Record<string, string> = Object.fromEntries(
    Object.entries(PERIOD_LABELS).filter(([kind]) => kind !== 'rollingDays'),
);

/** Each property's App Builder label (kpiWinLoss.js-meta.xml), for the messages that name it. */
export const PROPERTY_LABELS: Record<keyof WinLossSettings, string> = {
    period: kpiConfigPropPeriod,
    grouping: kpiWinLossPropGrouping,
    measure: kpiWinLossMeasure,
    lossReasonField: kpiSettingLossReasonField,
    minSample: kpiWinLossPropMinSample,
    scope: kpiConfigPropScope,
    fiscalYearStartMonth: kpiConfigPropFiscalYearStartMonth,
    opportunityType: kpiGroupingType,
    leadSource: kpiGroupingSource,
    ownerId: kpiGroupingOwner,
    currencyCode: kpiConfigPropCurrencyCode,
};

/**
 * The App Builder properties as readSettings takes them, off the component (every property PROPERTY_LABELS names),
 * the viewer's filter and owner choices over them.
 */
export function winLossProperties(
    component: Readonly<Record<keyof WinLossSettings, unknown>>,
    overrides: Overrides,
): Record<string, unknown> {
    const names = Object.keys(PROPERTY_LABELS) as (keyof WinLossSettings)[];
    return { ...Object.fromEntries(names.map((name) => [name, component[name]])), ...overrides };
}

/** What the wire asks: the same text and variables are the same request. */
export const requestKey = (plan: WinLossPlan): string => JSON.stringify([plan.query, plan.variables]);

/** What the component waits for (AnswerController.track): the document asked and not answered yet, or a refresh. */
export function waitKey(plan: WinLossPlan, answeredKey: string | undefined, refreshing: boolean): string | undefined {
    const key = requestKey(plan);
    const pending = key !== answeredKey;
    return pending || refreshing ? JSON.stringify([key, pending, refreshing]) : undefined;
}

/** A recent loss's record page. */
export function opportunityPage(recordId: string) {
    return {
        type: 'standard__recordPage',
        attributes: { recordId, objectApiName: 'Opportunity', actionName: 'view' },
    };
}

// Colour-vision safe (Okabe-Ito blue and vermillion bars, told apart by lightness too; a black dashed line with
// markers for the rate).
export const WON_COLOR = '#0072B2';
export const LOST_COLOR = '#D55E00';
export const RATE_COLOR = '#000000';

/** The filters the viewer can switch, named as the settings they override. */
export type FilterName = 'period' | 'grouping' | 'measure' | PicklistFilter;
export const FILTER_NAMES: readonly FilterName[] = ['period', 'grouping', 'measure', 'opportunityType', 'leadSource'];
/** What the viewer chose over the App Builder properties: the filters, and one owner from the rates table. */
export type Overrides = Partial<Record<FilterName | 'ownerId', string>>;
export type SectionErrors = Partial<Record<OptionalSection, readonly unknown[]>>;

export interface ViewFormat {
    locale: string;
    /** The viewer's currency, for sums when the currency property is empty. */
    currency: string;
}

/** One paragraph: its text, and the class and data-id that place and style it. */
export interface Line {
    key: string;
    text: string;
    className?: string;
    id?: string;
}

export interface Cell {
    key: string;
    text: string;
    /** A warning badge after the text, e.g. too few deals to trust the rate. */
    badge?: string;
}

/** A table row: its header cell is text, a link to a record (href) or a button that shows only one owner. */
export interface TableRow {
    key: string;
    head: string;
    href?: string;
    recordId?: string;
    ownerId?: string;
    /** The owner button's accessible description. */
    title?: string;
    cells: Cell[];
}

export interface Table {
    id: string;
    className: string;
    /** The scroll region around the table: a named, focusable region so the keyboard can scroll it. */
    regionId: string;
    label: string;
    columns: { key: string; label: string }[];
    rows: TableRow[];
}

export interface TrendChart {
    labels: string[];
    series: KpiChartSeries[];
    summary: string;
    categoryLabel: string;
}

export interface Section {
    key: WinLossSection;
    heading: string;
    /** Shown before the section's errors: why the section cannot show what it should. */
    notices: Line[];
    errors?: readonly unknown[];
    errorId: string;
    errorClass: string;
    table: Table | null;
    chart: TrendChart | null;
    /** Shown after the table or chart, or in place of a table that has nothing to show. */
    notes: Line[];
}

export interface ViewInput {
    /** The wire has answered at least once. */
    answered: boolean;
    result: WinLossResult | undefined;
    /** The latest answer's errors; undefined when it had none. */
    errors: readonly unknown[] | undefined;
    settings: WinLossSettings;
    problems: readonly PropertyProblem[];
    /** The plan the shown answer was asked with (until a new answer arrives, the old one is read with its plan). */
    plan: WinLossPlan;
    picklists: FilterPicklists | undefined;
    omitted: readonly OptionalSection[];
    omittedErrors: SectionErrors;
    format: ViewFormat;
}

export interface WinLossView {
    isLoading: boolean;
    hasError: boolean;
    errors: readonly unknown[] | undefined;
    isPartial: boolean;
    unplacedErrors: readonly unknown[] | undefined;
    truncated: boolean;
    isEmpty: boolean;
    propertyMessages: Line[];
    filters: Filter[];
    hiddenFilters: Line[];
    ownerFiltered: boolean;
    sections: Section[];
}

export function isFilterName(name: unknown): name is FilterName {
    return (FILTER_NAMES as readonly unknown[]).includes(name);
}

/** Each bad property as one line naming it by its App Builder label, keyed by property. */
export function propertyMessages(problems: readonly PropertyProblem[]): Line[] {
    return problems.map((p) => ({ key: p.property, text: problemMessage(p, PROPERTY_LABELS) }));
}

/** The named periods, and a rolling period as it is when the property asks for one. */
export function periodOptions(period: Period): FilterOption[] {
    const options = Object.entries(NAMED_PERIODS).map(([value, label]) => ({ label, value }));
    const current = periodKey(period);
    if (!NAMED_PERIODS[current]) {
        options.push({ label: fillLabel(kpiTilePeriodRollingDays, period.days ?? ''), value: current });
    }
    return options;
}

export function groupingOptions(): FilterOption[] {
    return [
        { label: kpiWinLossMonth, value: 'month' },
        { label: kpiWinLossQuarter, value: 'quarter' },
        { label: kpiWinLossFiscalQuarter, value: 'fiscalQuarter' },
    ];
}

export function measureOptions(): FilterOption[] {
    return [
        { label: kpiWinLossCount, value: 'count' },
        { label: kpiWinLossAmount, value: 'amount' },
    ];
}

/** All, then the org's values; until they arrive, the chosen value is the only one to show. */
export function picklistOptions(picklists: FilterPicklists | undefined, filter: PicklistFilter, current: string) {
    const options: FilterOption[] = [{ label: kpiLeaderboardAll, value: '' }];
    const known = picklists?.[filter];
    if (known) return [...options, ...known];
    return current ? [...options, { label: current, value: current }] : options;
}

/** Field-level security hides the filter's field from the viewer (the describe came back without it). */
export function filterHidden(picklists: FilterPicklists | undefined, filter: PicklistFilter): boolean {
    return picklists?.[filter] === null;
}

export function filters(settings: WinLossSettings, picklists: FilterPicklists | undefined): Filter[] {
    const picklist = (name: PicklistFilter, label: string): Filter => ({
        name,
        label,
        value: settings[name],
        options: picklistOptions(picklists, name, settings[name]),
        disabled: filterHidden(picklists, name),
    });
    return [
        {
            name: 'period',
            label: kpiConfigPropPeriod,
            value: periodKey(settings.period),
            options: periodOptions(settings.period),
        },
        { name: 'grouping', label: kpiWinLossGrouping, value: settings.grouping, options: groupingOptions() },
        { name: 'measure', label: kpiWinLossMeasure, value: settings.measure, options: measureOptions() },
        picklist('opportunityType', kpiGroupingType),
        picklist('leadSource', kpiGroupingSource),
    ];
}

/** Why a filter is off: field-level security hides its field from the viewer. */
export function hiddenFilters(picklists: FilterPicklists | undefined): Line[] {
    const hidden: [PicklistFilter, string, string][] = [
        ['opportunityType', 'type-hidden', kpiGroupingType],
        ['leadSource', 'lead-source-hidden', kpiGroupingSource],
    ];
    return hidden
        .filter(([filter]) => filterHidden(picklists, filter))
        .map(([, id, label]) => ({ key: id, id, text: fillLabel(kpiWinLossFilterHidden, label) }));
}

export function percentText(value: number | null, format: ViewFormat): string {
    return value === null ? '—' : formatKpiValue(value, 'percent', { locale: format.locale });
}

/** Sums come back in the corporate currency: the property names it, else the viewer's currency is assumed. */
export function currencyOf(settings: WinLossSettings, format: ViewFormat): ViewFormat {
    return { locale: format.locale, currency: settings.currencyCode || format.currency };
}

export function moneyText(value: number, format: ViewFormat): string {
    return formatKpiValue(value, 'currency', { locale: format.locale, currency: format.currency });
}

export function currencyNote(settings: WinLossSettings): string {
    return settings.currencyCode ? fillLabel(kpiLeaderboardAmountsCurrency, settings.currencyCode) : '';
}

/** The team row's name: the chosen owner, the viewer's own deals, or the team. */
export function teamLabel(settings: WinLossSettings): string {
    if (settings.ownerId) return kpiWinLossRep;
    return settings.scope === 'mine' ? kpiWinLossMine : kpiWinLossTeam;
}

export function rateRow(
    key: string,
    who: string,
    rate: { current: WinRate; previous?: WinRate; ownerId?: string },
    format: ViewFormat,
): TableRow {
    const { current, previous, ownerId } = rate;
    const cells: Cell[] = [
        { key: 'count', text: percentText(current.countRate, format) },
        { key: 'amount', text: percentText(current.amountRate, format) },
        { key: 'closed', text: formatCount(current.closed, format.locale) },
        { key: 'previous', text: previous ? percentText(previous.countRate, format) : '' },
    ];
    if (current.tooSmall) cells[2].badge = kpiWinLossTooSmall;
    return {
        key,
        head: who,
        cells,
        ...(ownerId ? { ownerId, title: fillLabel(kpiWinLossShowOnly, who) } : {}),
    };
}

/**
 * The company, then the team (when the scope has one), then each rep as a button that shows only that rep. A row
 * whose counts failed is left out (the section's error says what failed), never shown as zero closed deals.
 */
export function rateRows(result: WinLossResult, settings: WinLossSettings, format: ViewFormat): TableRow[] {
    const rows: TableRow[] = [];
    if (result.company.current.known) rows.push(rateRow('company', kpiWinLossCompany, result.company, format));
    if (result.team?.current.known) rows.push(rateRow('team', teamLabel(settings), result.team, format));
    for (const rep of result.reps) {
        const row = { current: rep, ownerId: rep.ownerId };
        rows.push(rateRow(`rep-${rep.ownerId}`, rep.name ?? rep.ownerId, row, format));
    }
    return rows;
}

function monthText(year: number, month: number, locale: string): string {
    return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
        new Date(Date.UTC(year, month - 1, 1)),
    );
}

/** A bucket's name in the viewer's locale: "May 2024", "Q2 2024", or "FQ1 (Feb 2024)" with its first month. */
export function bucketLabel(bucket: Bucket, grouping: WinLossGrouping, locale: string): string {
    const [year, month] = bucket.start.split('-').map(Number);
    if (grouping === 'month') return monthText(year, month, locale);
    if (bucket.fiscalQuarter !== undefined) {
        return fillLabel(kpiWinLossFiscalQuarterBucket, bucket.fiscalQuarter, monthText(year, month, locale));
    }
    return fillLabel(kpiWinLossQuarterBucket, Math.floor((month - 1) / 3) + 1, year);
}

/** Won and lost bars, and the win rate as a line on the right-hand 0–100 % axis of the same chart. */
export function chartSeries(trend: TrendSeries, measure: WinLossMeasure, format: ViewFormat): KpiChartSeries[] {
    const amount = measure === 'amount';
    const won = amount ? trend.wonAmount : trend.won;
    const lost = amount ? trend.lostAmount : trend.lost;
    const rates = amount ? trend.amountRate : trend.countRate;
    const display = (values: number[]) =>
        values.map((v) => (amount ? moneyText(v, format) : formatCount(v, format.locale)));
    return [
        { label: kpiWinLossWon, data: [...won], displayValues: display(won), color: WON_COLOR },
        { label: kpiWinLossLost, data: [...lost], displayValues: display(lost), color: LOST_COLOR },
        {
            label: kpiWinLossWinRate,
            data: rates.map((r) => (r === null ? null : Math.round(r * 1000) / 10)),
            displayValues: rates.map((r) => percentText(r, format)),
            color: RATE_COLOR,
            type: 'line',
            axis: 'percent',
        },
    ];
}

/**
 * The chart's text alternative: how many periods, deals won and lost, and the win rate of the buckets within the
 * selected period, from the chart's own bars (its scope), left out when no bucket starts within it.
 */
export function chartSummary(result: WinLossResult, format: ViewFormat, current: Pick<DateWindow, 'start'>): string {
    const sum = (values: number[]) =>
        formatCount(
            values.reduce((a, b) => a + b, 0),
            format.locale,
        );
    const { trend } = result;
    const bars = fillLabel(kpiWinLossTrendSummary, trend.buckets.length, sum(trend.won), sum(trend.lost));
    const within = trend.buckets.flatMap((bucket, i) => (bucket.start >= current.start ? [i] : []));
    const won = within.reduce((total, i) => total + trend.won[i], 0);
    const closed = within.reduce((total, i) => total + trend.won[i] + trend.lost[i], 0);
    if (closed === 0) return bars;
    return `${bars} ${fillLabel(kpiWinLossRateSummary, percentText(won / closed, format))}`;
}

export function groupingLabel(grouping: WinLossGrouping): string {
    return groupingOptions().find((o) => o.value === grouping)?.label ?? '';
}

export function trendChart(input: ViewInput, result: WinLossResult, format: ViewFormat): TrendChart {
    return {
        labels: result.trend.buckets.map((bucket) => bucketLabel(bucket, input.plan.grouping, format.locale)),
        series: chartSeries(result.trend, input.settings.measure, format),
        summary: chartSummary(result, format, input.plan.current),
        categoryLabel: groupingLabel(input.settings.grouping),
    };
}

export function reasonRows(reasons: readonly ReasonRow[], format: ViewFormat): TableRow[] {
    return reasons.map((row, index) => ({
        key: `reason-${index}`,
        head: row.reason ?? kpiWinLossNoReason,
        cells: [
            { key: 'count', text: formatCount(row.count, format.locale) },
            { key: 'amount', text: moneyText(row.amount, format) },
        ],
    }));
}

export function recordHref(id: string): string {
    return `/lightning/r/Opportunity/${id}/view`;
}

export function recentRows(recent: readonly RecentLoss[]): TableRow[] {
    return recent.map((loss) => ({
        key: loss.id,
        head: loss.name,
        href: recordHref(loss.id),
        recordId: loss.id,
        cells: (['account', 'amount', 'closeDate', 'owner', 'reason'] as const).map((key) => ({
            key,
            text: loss[key],
        })),
    }));
}

/** Nothing closed in the period nor in any bucket of the trend; a failed rates or trend part cannot tell. */
export function isEmpty(result: WinLossResult | undefined): boolean {
    return Boolean(
        result &&
        !result.failed.rates &&
        !result.failed.trend &&
        result.company.current.closed === 0 &&
        result.trend.won.every((v, i) => v + result.trend.lost[i] === 0),
    );
}

/** Errors that belong to no section, or sections that came back without data or error. */
export function isPartial(result: WinLossResult | undefined): boolean {
    return Boolean(result && (result.unplaced.length > 0 || result.missing.length > 0));
}

/** The server blamed the loss-reason field: it does not exist, or field-level security hides it from the viewer. */
export function reasonFieldUnavailable(input: ViewInput): string {
    const blamed =
        Boolean(input.result?.reasonFieldFailed) ||
        (input.omitted.includes('reasons') && Boolean(input.omittedErrors.reasons));
    return blamed ? fillLabel(kpiWinLossReasonFieldUnavailable, input.settings.lossReasonField) : '';
}

/** Each section's errors: from the answer, or those that made an optional section go from the document. */
export function sectionErrors(input: ViewInput): Partial<Record<WinLossSection, readonly unknown[]>> {
    const failed = input.result?.failed ?? {};
    return {
        rates: failed.rates,
        trend: failed.trend,
        // An unavailable field is explained by its own notice, not as a failure.
        reasons: reasonFieldUnavailable(input) ? undefined : (failed.reasons ?? input.omittedErrors.reasons),
        recent: failed.recent ?? input.omittedErrors.recent,
    };
}

function table(key: WinLossSection, label: string, columns: string[], rows: TableRow[]): Table {
    return {
        id: key,
        className: `slds-table slds-table_bordered slds-table_cell-buffer kpi-win-loss__${key}`,
        regionId: `${key}-region`,
        label,
        columns: columns.map((column, index) => ({ key: `column-${index}`, label: column })),
        rows,
    };
}

function section(key: WinLossSection, heading: string, errors: readonly unknown[] | undefined): Section {
    return {
        key,
        heading,
        notices: [],
        errors,
        errorId: `${key}-error`,
        errorClass: `kpi-win-loss__${key}-error`,
        table: null,
        chart: null,
        notes: [],
    };
}

const NOTE = 'slds-text-color_weak slds-text-body_small';

export function ratesSection(input: ViewInput, result: WinLossResult, format: ViewFormat): Section {
    const columns = [kpiWinLossWho, kpiWinLossRateByCount, kpiWinLossRateByAmount, kpiWinLossClosedDeals];
    const rows = rateRows(result, input.settings, format);
    const note = currencyNote(input.settings);
    // The column is aligned to date (as many days as this period has had); the chart's buckets are whole periods.
    const previousWindow = formatComparedWindow(input.plan.previous, 'previousPeriod', format.locale);
    return {
        ...section('rates', kpiWinLossRatesHeading, sectionErrors(input).rates),
        table: rows.length > 0 ? table('rates', kpiWinLossRatesHeading, [...columns, kpiWinLossPrevious], rows) : null,
        notes: [
            { key: 'previous', text: fillLabel(kpiWinLossPreviousNote, previousWindow), className: NOTE },
            { key: 'runs-as-viewer', text: kpiWinLossRunsAsViewer, className: NOTE },
            ...(note ? [{ key: 'currency', text: note, className: `${NOTE} kpi-win-loss__currency` }] : []),
        ],
    };
}

export function trendSection(input: ViewInput, result: WinLossResult, format: ViewFormat): Section {
    return {
        ...section('trend', kpiWinLossTrendHeading, sectionErrors(input).trend),
        // Bars of a measure that failed would be zeros that stand for nothing: the section's error says why instead.
        chart: result.trend.known[input.settings.measure] ? trendChart(input, result, format) : null,
    };
}

/** The loss reasons, or why there are none: the field is unavailable, failed, or not set up at all. */
export function reasonsSection(input: ViewInput, format: ViewFormat): Section {
    const unavailable = reasonFieldUnavailable(input);
    const base = section('reasons', kpiWinLossReasonsHeading, sectionErrors(input).reasons);
    const notices: Line[] = unavailable
        ? [
              {
                  key: 'reason-field-unavailable',
                  id: 'reason-field-unavailable',
                  text: unavailable,
                  className: 'slds-text-color_error kpi-win-loss__reason-field-unavailable',
              },
          ]
        : [];
    if (base.errors) return { ...base, notices };
    if (input.plan.reasonField && !unavailable) {
        const columns = [kpiGroupingLossReason, kpiWinLossLostDeals, kpiLostAmount];
        const rows = reasonRows(input.result?.reasons ?? [], format);
        return { ...base, notices, table: table('reasons', kpiWinLossReasonsHeading, columns, rows) };
    }
    const className = 'slds-box slds-theme_shade kpi-win-loss__no-reason-field';
    return {
        ...base,
        notices,
        notes: [{ key: 'no-reason-field', id: 'no-reason-field', text: kpiWinLossNoReasonField, className }],
    };
}

/** The latest losses as links to their records, or that there are none, or why they failed. */
export function recentSection(input: ViewInput): Section {
    const base = section('recent', kpiWinLossRecentHeading, sectionErrors(input).recent);
    if (base.errors) return base;
    const rows = recentRows(input.result?.recent ?? []);
    if (rows.length === 0) {
        const className = 'slds-text-color_weak kpi-win-loss__no-recent';
        return { ...base, notes: [{ key: 'no-recent', id: 'no-recent', text: kpiWinLossNoRecent, className }] };
    }
    const columns = [kpiWinLossOpportunity, kpiWinLossAccount, kpiWinLossAmount, kpiWinLossCloseDate];
    const all = [...columns, kpiGroupingOwner, kpiGroupingLossReason];
    return { ...base, table: table('recent', kpiWinLossRecentHeading, all, rows) };
}

/** Rates and trend only when something closed; reasons and recent losses whenever there is an answer. */
export function sections(input: ViewInput): Section[] {
    const format = currencyOf(input.settings, input.format);
    const result = input.result;
    const shown =
        result && !isEmpty(result) ? [ratesSection(input, result, format), trendSection(input, result, format)] : [];
    return [...shown, reasonsSection(input, format), recentSection(input)];
}

/** Everything the template shows, in one object: the component computes it once per answer and setting. */
export function winLossView(input: ViewInput): WinLossView {
    const { result } = input;
    const unplaced = result?.unplaced ?? [];
    // An answer that cannot be read (errors only, `data: {}`, `uiapi: null`) is an error, never empty sections.
    const failed = input.answered && !result;
    return {
        isLoading: !input.answered,
        hasError: failed,
        errors: failed ? (input.errors ?? [LABELS.noAnswer]) : input.errors,
        isPartial: isPartial(result),
        unplacedErrors: unplaced.length > 0 ? unplaced : undefined,
        truncated: Boolean(result?.truncated),
        isEmpty: isEmpty(result),
        propertyMessages: propertyMessages(input.problems),
        filters: filters(input.settings, input.picklists),
        hiddenFilters: hiddenFilters(input.picklists),
        ownerFiltered: Boolean(input.settings.ownerId),
        sections: input.answered ? sections(input) : [],
    };
}

/** What decides the document: display-only choices (measure, sample size, currency) do not change it. */
export function planKey(settings: WinLossSettings, recordId: string | undefined, omitted: readonly OptionalSection[]) {
    return JSON.stringify([{ ...settings, measure: 'count', minSample: 0, currencyCode: '' }, recordId, omitted]);
}

/**
 * The plan to read the shown answer with: the one it was asked with, or the current one when that asks the very same
 * document (fiscal quarters of a January fiscal year are calendar quarters: no new request, new bucket names).
 */
export function shownPlan(answered: WinLossPlan | undefined, current: WinLossPlan): WinLossPlan {
    if (!answered || answered === current) return current;
    const same =
        answered.query === current.query && JSON.stringify(answered.variables) === JSON.stringify(current.variables);
    return same ? current : answered;
}

/**
 * The optional sections to leave out when they made the server refuse the whole document, with the errors that
 * made each go (those tied to its subqueries, else all); undefined when the answer is to be shown as it is.
 */
export function omission(
    plan: WinLossPlan,
    answer: { data?: unknown; errors?: readonly unknown[] },
    omitted: readonly OptionalSection[],
    omittedErrors: SectionErrors,
): { omitted: OptionalSection[]; omittedErrors: SectionErrors } | undefined {
    const omit = sectionsToOmit(plan, answer.data, answer.errors);
    if (!omit || omit.every((name) => omitted.includes(name))) return undefined;
    const errors = answer.errors ?? [];
    const kept: SectionErrors = { ...omittedErrors };
    for (const name of omit) {
        const tied = errors.filter((error) => subqueriesOfError(error, plan).some((s) => s.section === name));
        kept[name] = tied.length > 0 ? tied : errors;
    }
    return { omitted: [...new Set([...omitted, ...omit])], omittedErrors: kept };
}

/** One computation's last inputs and value. */
export interface Memo<T> {
    inputs: readonly unknown[];
    value: T;
}

/** The same memo while every input is identical to last time's, else a fresh one: getters run on every render. */
export function remember<T>(memo: Memo<T> | undefined, inputs: readonly unknown[], compute: () => T): Memo<T> {
    const same = memo?.inputs.length === inputs.length && memo.inputs.every((input, i) => Object.is(input, inputs[i]));
    return memo && same ? memo : { inputs, value: compute() };
}
