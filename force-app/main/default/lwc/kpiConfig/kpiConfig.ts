/**
 * App Builder properties in, what a KPI component requests and shows out. Values arrive as an admin typed them, or
 * stale from an older page: every bad value, alone or in combination, becomes a problem that names the property's
 * label and says what to do. An error stops only what it touches (one KPI, or the whole component); a value that
 * nothing uses is a warning. Nothing here throws on input.
 */
import kpiConfigBadCurrency from '@salesforce/label/c.kpiConfigBadCurrency';
import kpiConfigBadNumber from '@salesforce/label/c.kpiConfigBadNumber';
import kpiConfigBadPreset from '@salesforce/label/c.kpiConfigBadPreset';
import kpiConfigBadTargetEntry from '@salesforce/label/c.kpiConfigBadTargetEntry';
import kpiConfigBadWholeNumber from '@salesforce/label/c.kpiConfigBadWholeNumber';
import kpiConfigDuplicate from '@salesforce/label/c.kpiConfigDuplicate';
import kpiConfigKpisIgnored from '@salesforce/label/c.kpiConfigKpisIgnored';
import kpiConfigNoKpis from '@salesforce/label/c.kpiConfigNoKpis';
import kpiConfigPropAmberThreshold from '@salesforce/label/c.kpiConfigPropAmberThreshold';
import kpiConfigPropComparison from '@salesforce/label/c.kpiConfigPropComparison';
import kpiConfigPropCurrencyCode from '@salesforce/label/c.kpiConfigPropCurrencyCode';
import kpiConfigPropFirstDayOfWeek from '@salesforce/label/c.kpiConfigPropFirstDayOfWeek';
import kpiConfigPropFiscalYearStartMonth from '@salesforce/label/c.kpiConfigPropFiscalYearStartMonth';
import kpiConfigPropGreenThreshold from '@salesforce/label/c.kpiConfigPropGreenThreshold';
import kpiConfigPropKpi from '@salesforce/label/c.kpiConfigPropKpi';
import kpiConfigPropKpis from '@salesforce/label/c.kpiConfigPropKpis';
import kpiConfigPropPeriod from '@salesforce/label/c.kpiConfigPropPeriod';
import kpiConfigPropPreset from '@salesforce/label/c.kpiConfigPropPreset';
import kpiConfigPropRevenueTarget from '@salesforce/label/c.kpiConfigPropRevenueTarget';
import kpiConfigPropRollingDays from '@salesforce/label/c.kpiConfigPropRollingDays';
import kpiConfigPropScope from '@salesforce/label/c.kpiConfigPropScope';
import kpiConfigPropSparkline from '@salesforce/label/c.kpiConfigPropSparkline';
import kpiConfigPropTarget from '@salesforce/label/c.kpiConfigPropTarget';
import kpiConfigPropTargets from '@salesforce/label/c.kpiConfigPropTargets';
import kpiConfigPropTimeZone from '@salesforce/label/c.kpiConfigPropTimeZone';
import kpiConfigRateTarget from '@salesforce/label/c.kpiConfigRateTarget';
import kpiConfigTargetNotShown from '@salesforce/label/c.kpiConfigTargetNotShown';
import kpiConfigThresholdOrder from '@salesforce/label/c.kpiConfigThresholdOrder';
import kpiConfigTooManyKpis from '@salesforce/label/c.kpiConfigTooManyKpis';
import kpiConfigTooManyRequests from '@salesforce/label/c.kpiConfigTooManyRequests';
import kpiConfigUnusedInvalid from '@salesforce/label/c.kpiConfigUnusedInvalid';
import kpiSettingAmountsAreMonthly from '@salesforce/label/c.kpiSettingAmountsAreMonthly';
import kpiSettingLossReasonField from '@salesforce/label/c.kpiSettingLossReasonField';
import kpiSettingOpenedStatuses from '@salesforce/label/c.kpiSettingOpenedStatuses';
import kpiSettingQuotaField from '@salesforce/label/c.kpiSettingQuotaField';
import kpiSettingSentStatuses from '@salesforce/label/c.kpiSettingSentStatuses';
import { KPI_SETTINGS, findKpi, kpiSettingIds } from 'c/kpiCatalog';
import type { KpiDefinition } from 'c/kpiCatalog';
import { COMPARISONS, MAX_ROLLING_DAYS, parsePeriod, propertyText } from 'c/kpiPeriods';
import type { Comparison, Period } from 'c/kpiPeriods';
import { SCOPES } from 'c/kpiPlanner';
import type { KpiProblem, KpiRequest, Scope, SettingValue } from 'c/kpiPlanner';
import { fillLabel } from 'c/kpiProperties';
import { describeProblem } from 'c/kpiResults';

/** Property values as App Builder hands them to the component (`@api` fields), unchecked. */
export interface KpiProperties {
    kpi?: unknown;
    preset?: unknown;
    kpis?: unknown;
    target?: unknown;
    targets?: unknown;
    period?: unknown;
    rollingDays?: unknown;
    comparison?: unknown;
    scope?: unknown;
    amberThreshold?: unknown;
    greenThreshold?: unknown;
    revenueTarget?: unknown;
    sparkline?: unknown;
    fiscalYearStartMonth?: unknown;
    currencyCode?: unknown;
    lossReasonField?: unknown;
    quotaField?: unknown;
    sentStatuses?: unknown;
    openedStatuses?: unknown;
    amountsAreMonthly?: unknown;
    cardTitle?: unknown;
}

export type PropertyName = keyof KpiProperties;

export interface ConfigProblem {
    /** The App Builder property at fault (API name). */
    property: PropertyName | 'timeZone' | 'firstDayOfWeek';
    /** One sentence naming the property's label and what to do. */
    message: string;
    /** `error` stops what it touches; `warning` reports a value that is ignored. */
    severity: 'error' | 'warning';
    /** For errors: the KPIs (keys) it stops; absent when it stops the whole component. */
    kpis?: string[];
}

/** One tile as configured: what it measures and how its number is judged. */
export interface TileSetup {
    /** The KPI id as listed (also the request key); for an unknown id, the text the admin typed. */
    key: string;
    kpi: string;
    period?: Period;
    comparison?: Comparison;
    scope?: Scope;
    /** In the KPI's unit: fractions for rates (an admin's 25 is 0.25); null when there is none. */
    target: number | null;
    /** Percent of target from which the tile is amber, and green. */
    amber: number;
    green: number;
    /** Messages of the errors that stop this tile (its own and the component's). */
    problems: string[];
}

export interface KpiConfig {
    tiles: TileSetup[];
    /** Planner requests for the tiles nothing stops. */
    requests: KpiRequest[];
    fiscalYearStartMonth: number;
    /** ISO code the amounts are in, when the admin names one; otherwise the viewer's currency applies. */
    currency?: string;
    title?: string;
    /** Board only: the preset shown. */
    preset?: Preset;
    problems: ConfigProblem[];
}

export type Preset = 'sales' | 'marketing' | 'activity' | 'custom';

/** Board presets, each sized to fit one request with the default period, comparison and trend. */
export const PRESETS: Record<Exclude<Preset, 'custom'>, readonly string[]> = {
    sales: ['closedWonRevenue', 'opportunitiesWon', 'winRate', 'averageDealSize', 'pipelineValue', 'pipelineCoverage'],
    marketing: ['leadsCreated', 'leadConversionRate', 'campaignOpenRate'],
    activity: ['emailsSent', 'outboundCalls', 'opportunitiesOpened'],
};
export const PRESET_NAMES: readonly Preset[] = ['sales', 'marketing', 'activity', 'custom'];

/** Tiles on one board; more would not fit the few requests a board may make. */
export const MAX_BOARD_KPIS = 12;
/** Requests (wires) a board may make at once; kpiBoard declares this many. */
export const MAX_BOARD_REQUESTS = 3;
export const MAX_TREND_PERIODS = 24;
export const MAX_THRESHOLD = 1000;

/** Defaults shared with the `.js-meta.xml` files (a test compares them). */
export const METRIC_DEFAULTS = {
    kpi: 'closedWonRevenue',
    period: 'thisFiscalQuarter',
    rollingDays: 30,
    comparison: 'previousPeriod',
    scope: 'mine',
    amberThreshold: 80,
    greenThreshold: 100,
    sparkline: 6,
    fiscalYearStartMonth: 1,
} as const;

export const BOARD_DEFAULTS = { ...METRIC_DEFAULTS, preset: 'sales', sparkline: 4 } as const;

const SETTING_PROPERTIES = [
    'lossReasonField',
    'quotaField',
    'sentStatuses',
    'openedStatuses',
    'amountsAreMonthly',
] as const;

const PROPERTY_LABELS: Record<ConfigProblem['property'], string> = {
    kpi: kpiConfigPropKpi,
    preset: kpiConfigPropPreset,
    kpis: kpiConfigPropKpis,
    target: kpiConfigPropTarget,
    targets: kpiConfigPropTargets,
    period: kpiConfigPropPeriod,
    rollingDays: kpiConfigPropRollingDays,
    comparison: kpiConfigPropComparison,
    scope: kpiConfigPropScope,
    amberThreshold: kpiConfigPropAmberThreshold,
    greenThreshold: kpiConfigPropGreenThreshold,
    revenueTarget: kpiConfigPropRevenueTarget,
    sparkline: kpiConfigPropSparkline,
    fiscalYearStartMonth: kpiConfigPropFiscalYearStartMonth,
    currencyCode: kpiConfigPropCurrencyCode,
    lossReasonField: kpiSettingLossReasonField,
    quotaField: kpiSettingQuotaField,
    sentStatuses: kpiSettingSentStatuses,
    openedStatuses: kpiSettingOpenedStatuses,
    amountsAreMonthly: kpiSettingAmountsAreMonthly,
    cardTitle: '',
    timeZone: kpiConfigPropTimeZone,
    firstDayOfWeek: kpiConfigPropFirstDayOfWeek,
};

/** Planner request properties that have another name in App Builder. */
const PLANNER_PROPERTIES: Record<string, ConfigProblem['property']> = {
    key: 'kpis',
    target: 'revenueTarget',
};

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;
const DECIMAL = /^\d+(?:\.\d+)?$/;
const WHOLE = /^-?\d+$/;

/** The label App Builder shows for a property, for messages. */
export function propertyLabel(property: string): string {
    return PROPERTY_LABELS[property as ConfigProblem['property']] || property;
}

/** A planner problem (sparkline too long, no user, bad calendar …) in App Builder's words. */
export function describePlanProblem(problem: KpiProblem): string {
    const property = PLANNER_PROPERTIES[problem.property] ?? problem.property;
    return describeProblem({ ...problem, property: propertyLabel(property) });
}

/** Why KPIs past the board's request budget are not loaded. */
export function tooManyRequestsMessage(): string {
    return fillLabel(
        kpiConfigTooManyRequests,
        propertyLabel('kpis'),
        MAX_BOARD_REQUESTS,
        propertyLabel('sparkline'),
        propertyLabel('comparison'),
    );
}

const isBlank = (value: unknown): boolean =>
    value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

const shown = (value: unknown): string => (typeof value === 'string' ? value.trim() : propertyText(value));

function wholeNumber(value: unknown, min: number, max: number): number | undefined {
    const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
    if (!WHOLE.test(text)) return undefined;
    const number = Number(text);
    return number >= min && number <= max ? number : undefined;
}

function decimal(value: unknown): number | undefined {
    if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
    if (typeof value !== 'string' || !DECIMAL.test(value.trim())) return undefined;
    return Number(value.trim());
}

/** An ISO 4217 code the browser knows; Intl formats any three letters, so its list of currencies decides. */
function isCurrencyCode(code: string): boolean {
    if (!/^[A-Z]{3}$/.test(code)) return false;
    const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : undefined;
    return known ? known.includes(code) : true;
}

class Problems {
    readonly list: ConfigProblem[] = [];

    error(property: ConfigProblem['property'], message: string, kpis?: string[]): void {
        this.list.push({ property, message, severity: 'error', ...(kpis ? { kpis } : {}) });
    }

    warning(property: ConfigProblem['property'], message: string): void {
        this.list.push({ property, message, severity: 'warning' });
    }

    /** A bad value nothing shown uses. */
    unused(property: ConfigProblem['property'], message: string): void {
        this.warning(property, fillLabel(kpiConfigUnusedInvalid, message));
    }

    /** An error for the KPIs affected, or a warning when none of the shown KPIs is. */
    scoped(property: ConfigProblem['property'], message: string, kpis: string[]): void {
        if (kpis.length > 0) this.error(property, message, kpis);
        else this.unused(property, message);
    }
}

function badWholeNumber(property: PropertyName, value: unknown, min: number, max: number): string {
    return fillLabel(kpiConfigBadWholeNumber, propertyLabel(property), shown(value), min, max);
}

/** An integer property: its default when blank, undefined (with an error or warning) when bad. */
function readWhole(
    props: KpiProperties,
    property: PropertyName,
    fallback: number,
    min: number,
    max: number,
    report: (message: string) => void,
): number | undefined {
    const value = props[property];
    if (isBlank(value)) return fallback;
    const number = wholeNumber(value, min, max);
    if (number === undefined) report(badWholeNumber(property, value, min, max));
    return number;
}

function readChoice<T extends string>(
    props: KpiProperties,
    property: PropertyName,
    fallback: T,
    allowed: readonly T[],
    code: KpiProblem['code'],
    problems: Problems,
): T | undefined {
    const value = props[property];
    if (isBlank(value)) return fallback;
    const text = shown(value);
    if ((allowed as readonly string[]).includes(text)) return text as T;
    problems.error(property, describeProblem({ code, property: propertyLabel(property), value: text }));
    return undefined;
}

/** An admin's swappable field or value list, checked the way the planner will read it. */
function readSetting(id: string, value: unknown): SettingValue | undefined {
    const setting = KPI_SETTINGS[id];
    if (isBlank(value)) return setting.default;
    switch (setting.kind) {
        case 'field':
            return typeof value === 'string' && FIELD_NAME.test(value.trim()) ? value.trim() : undefined;
        case 'values': {
            const list = typeof value === 'string' ? value.split(',') : value;
            if (!Array.isArray(list)) return undefined;
            const values = list.map((item) => (typeof item === 'string' ? item.trim() : ''));
            return values.every((item) => item.length > 0 && item.length <= 255) ? values : undefined;
        }
        case 'boolean':
            if (typeof value === 'boolean') return value;
            return value === 'true' ? true : value === 'false' ? false : undefined;
    }
}

/** The period, with `rollingDays` read from its own property. */
function readPeriod(props: KpiProperties, fallback: string, problems: Problems): Period | undefined {
    const raw = isBlank(props.period) ? fallback : shown(props.period);
    const rolling = raw === 'rollingDays';
    const days = readWhole(props, 'rollingDays', METRIC_DEFAULTS.rollingDays, 1, MAX_ROLLING_DAYS, (message) =>
        rolling ? problems.error('rollingDays', message) : problems.unused('rollingDays', message),
    );
    if (rolling) return days === undefined ? undefined : { kind: 'rollingDays', days };
    const period = parsePeriod(raw);
    if (!period) {
        const message = describeProblem({ code: 'badPeriod', property: propertyLabel('period'), value: raw });
        problems.error('period', message);
    }
    return period;
}

/** A target typed by an admin, in the KPI's unit; rates are typed in percent. */
function readTarget(
    value: unknown,
    kpi: KpiDefinition | undefined,
    property: 'target' | 'targets',
    problems: Problems,
    key: string,
): number | null {
    if (isBlank(value)) return null;
    const number = decimal(value);
    if (number === undefined) {
        problems.error(property, fillLabel(kpiConfigBadNumber, propertyLabel(property), shown(value)), [key]);
        return null;
    }
    if (kpi?.unit !== 'percent') return number;
    if (number > 100) {
        problems.error(property, fillLabel(kpiConfigRateTarget, propertyLabel(property), shown(value)), [key]);
        return null;
    }
    return number / 100;
}

/** `winRate=25, closedWonRevenue=250000` → raw values per KPI id; malformed entries are warnings. */
function readTargetList(value: unknown, keys: string[], problems: Problems): Map<string, string> {
    const targets = new Map<string, string>();
    if (isBlank(value)) return targets;
    for (const entry of shown(value)
        .split(/[,;\n]/)
        .map((item) => item.trim())
        .filter(Boolean)) {
        const match = /^([A-Za-z]\w*)\s*[=:]\s*(.+)$/.exec(entry);
        if (!match) {
            problems.warning('targets', fillLabel(kpiConfigBadTargetEntry, propertyLabel('targets'), entry));
        } else if (!keys.includes(match[1])) {
            problems.warning('targets', fillLabel(kpiConfigTargetNotShown, propertyLabel('targets'), match[1]));
        } else {
            if (targets.has(match[1])) {
                problems.warning('targets', fillLabel(kpiConfigDuplicate, propertyLabel('targets'), match[1]));
            }
            targets.set(match[1], match[2].trim());
        }
    }
    return targets;
}

/** The KPI ids a board shows: a preset's, or the admin's list. */
function readBoardKpis(props: KpiProperties, problems: Problems): { preset?: Preset; ids: string[] } {
    const preset = (isBlank(props.preset) ? BOARD_DEFAULTS.preset : shown(props.preset)) as Preset;
    if (!PRESET_NAMES.includes(preset)) {
        problems.error('preset', fillLabel(kpiConfigBadPreset, propertyLabel('preset'), preset));
        return { ids: [] };
    }
    const listed = isBlank(props.kpis)
        ? []
        : shown(props.kpis)
              .split(/[\s,;]+/)
              .filter(Boolean);
    if (preset !== 'custom') {
        if (listed.length > 0) problems.warning('kpis', fillLabel(kpiConfigKpisIgnored, propertyLabel('kpis')));
        return { preset, ids: [...PRESETS[preset]] };
    }
    if (listed.length === 0) {
        problems.error('kpis', fillLabel(kpiConfigNoKpis, propertyLabel('kpis')));
        return { preset, ids: [] };
    }
    const ids: string[] = [];
    for (const id of listed) {
        if (ids.includes(id)) problems.warning('kpis', fillLabel(kpiConfigDuplicate, propertyLabel('kpis'), id));
        else ids.push(id);
    }
    if (ids.length > MAX_BOARD_KPIS) {
        problems.error('kpis', fillLabel(kpiConfigTooManyKpis, propertyLabel('kpis'), ids.length, MAX_BOARD_KPIS));
        return { preset, ids: [] };
    }
    return { preset, ids };
}

interface Shared {
    period?: Period;
    comparison?: Comparison;
    scope?: Scope;
    sparkline?: number;
    amber?: number;
    green?: number;
    fiscalYearStartMonth?: number;
    currency?: string;
    revenueTarget?: number;
    settings: Record<string, SettingValue | undefined>;
}

/** Properties every KPI component has, checked against the KPIs it shows. */
function readShared(
    props: KpiProperties,
    kpis: { key: string; kpi?: KpiDefinition; target: boolean }[],
    defaults: typeof METRIC_DEFAULTS | typeof BOARD_DEFAULTS,
    problems: Problems,
): Shared {
    const known = kpis.filter((entry): entry is { key: string; kpi: KpiDefinition; target: boolean } => !!entry.kpi);
    const keysWhere = (test: (kpi: KpiDefinition) => boolean) =>
        known.filter((entry) => test(entry.kpi)).map((entry) => entry.key);

    const period = readPeriod(props, defaults.period, problems);
    const comparison = readChoice(props, 'comparison', defaults.comparison, COMPARISONS, 'badComparison', problems);
    const scope = readChoice(props, 'scope', defaults.scope, SCOPES, 'badScope', problems);
    const sparkline = readWhole(props, 'sparkline', defaults.sparkline, 0, MAX_TREND_PERIODS, (message) =>
        problems.error('sparkline', message),
    );

    const fiscal = !period || period.kind.includes('Fiscal');
    const fiscalYearStartMonth = readWhole(props, 'fiscalYearStartMonth', 1, 1, 12, (message) =>
        fiscal ? problems.error('fiscalYearStartMonth', message) : problems.unused('fiscalYearStartMonth', message),
    );

    const targeted = known.filter((entry) => entry.target).map((entry) => entry.key);
    const thresholds: Partial<Record<'amber' | 'green', number>> = {};
    for (const [property, fallback, name] of [
        ['amberThreshold', defaults.amberThreshold, 'amber'],
        ['greenThreshold', defaults.greenThreshold, 'green'],
    ] as const) {
        thresholds[name] = readWhole(props, property, fallback, 0, MAX_THRESHOLD, (message) =>
            problems.scoped(property, message, targeted),
        );
    }
    const { amber, green } = thresholds;
    if (amber !== undefined && green !== undefined && amber >= green) {
        const message = fillLabel(
            kpiConfigThresholdOrder,
            propertyLabel('amberThreshold'),
            amber,
            propertyLabel('greenThreshold'),
            green,
        );
        problems.scoped('amberThreshold', message, targeted);
    }

    let currency: string | undefined;
    if (!isBlank(props.currencyCode)) {
        const code = shown(props.currencyCode).toUpperCase();
        if (isCurrencyCode(code)) currency = code;
        else {
            const message = fillLabel(kpiConfigBadCurrency, propertyLabel('currencyCode'), shown(props.currencyCode));
            problems.scoped(
                'currencyCode',
                message,
                keysWhere((kpi) => kpi.unit === 'currency'),
            );
        }
    }

    let revenueTarget: number | undefined;
    if (!isBlank(props.revenueTarget)) {
        const number = decimal(props.revenueTarget);
        if (number !== undefined && number > 0) revenueTarget = number;
        else {
            const message = fillLabel(kpiConfigBadNumber, propertyLabel('revenueTarget'), shown(props.revenueTarget));
            problems.scoped(
                'revenueTarget',
                message,
                keysWhere((kpi) => kpi.measure.kind === 'coverage'),
            );
        }
    }

    const settings: Record<string, SettingValue | undefined> = {};
    for (const id of SETTING_PROPERTIES) {
        const value = readSetting(id, props[id]);
        settings[id] = value;
        if (value === undefined) {
            const message = describeProblem({
                code: 'badSetting',
                property: propertyLabel(id),
                value: shown(props[id]),
            });
            problems.scoped(
                id,
                message,
                keysWhere((kpi) => kpiSettingIds(kpi).includes(id)),
            );
        }
    }

    return {
        period,
        comparison,
        scope,
        sparkline,
        amber,
        green,
        fiscalYearStartMonth,
        currency,
        revenueTarget,
        settings,
    };
}

/** Tiles and requests once every property has been read; errors without KPIs stop every tile. */
function assemble(
    entries: { key: string; kpi?: KpiDefinition; target: number | null }[],
    shared: Shared,
    problems: Problems,
    title: unknown,
    preset?: Preset,
): KpiConfig {
    const componentErrors = problems.list.filter((p) => p.severity === 'error' && !p.kpis).map((p) => p.message);
    const tiles: TileSetup[] = entries.map((entry) => ({
        key: entry.key,
        kpi: entry.kpi?.id ?? entry.key,
        period: shared.period,
        comparison: shared.comparison,
        scope: shared.scope,
        target: entry.target,
        amber: shared.amber ?? METRIC_DEFAULTS.amberThreshold,
        green: shared.green ?? METRIC_DEFAULTS.greenThreshold,
        problems: [
            ...componentErrors,
            ...problems.list.filter((p) => p.kpis?.includes(entry.key)).map((p) => p.message),
        ],
    }));
    const requests: KpiRequest[] = [];
    for (const [index, tile] of tiles.entries()) {
        const kpi = entries[index].kpi;
        if (!kpi || tile.problems.length > 0) continue;
        const settings: Record<string, SettingValue> = {};
        for (const id of kpiSettingIds(kpi)) settings[id] = shared.settings[id]!;
        requests.push({
            key: tile.key,
            kpi: kpi.id,
            period: tile.period!,
            comparison: tile.comparison,
            scope: tile.scope,
            sparkline: shared.sparkline,
            settings,
            ...(kpi.measure.kind === 'coverage' && shared.revenueTarget !== undefined
                ? { target: shared.revenueTarget }
                : {}),
        });
    }
    return {
        tiles,
        requests,
        fiscalYearStartMonth: shared.fiscalYearStartMonth ?? 1,
        ...(shared.currency ? { currency: shared.currency } : {}),
        ...(typeof title === 'string' && title.trim() ? { title: title.trim() } : {}),
        ...(preset ? { preset } : {}),
        problems: problems.list,
    };
}

/** kpiMetric: one KPI, its target typed in the KPI's unit (percent for rates). */
export function readMetricConfig(props: KpiProperties): KpiConfig {
    const problems = new Problems();
    const id = isBlank(props.kpi) ? METRIC_DEFAULTS.kpi : shown(props.kpi);
    const kpi = findKpi(id);
    if (!kpi) problems.error('kpi', describeProblem({ code: 'unknownKpi', property: propertyLabel('kpi'), value: id }));
    const target = readTarget(props.target, kpi, 'target', problems, id);
    const shared = readShared(props, [{ key: id, kpi, target: target !== null }], METRIC_DEFAULTS, problems);
    return assemble([{ key: id, kpi, target }], shared, problems, props.cardTitle);
}

/** kpiBoard: a preset or a custom list, with targets as `kpiId=number` pairs. */
export function readBoardConfig(props: KpiProperties): KpiConfig {
    const problems = new Problems();
    const { preset, ids } = readBoardKpis(props, problems);
    const rawTargets = readTargetList(props.targets, ids, problems);
    const entries = ids.map((key) => {
        const kpi = findKpi(key);
        if (!kpi) {
            const message = describeProblem({ code: 'unknownKpi', property: propertyLabel('kpis'), value: key });
            problems.error('kpis', message, [key]);
        }
        const target = readTarget(rawTargets.get(key), kpi, 'targets', problems, key);
        return { key, kpi, target };
    });
    const shared = readShared(
        props,
        entries.map((entry) => ({ key: entry.key, kpi: entry.kpi, target: entry.target !== null })),
        BOARD_DEFAULTS,
        problems,
    );
    return assemble(entries, shared, problems, props.cardTitle, preset);
}
