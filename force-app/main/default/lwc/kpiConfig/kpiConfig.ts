/**
 * App Builder properties in, what a KPI component requests and shows out. Values arrive as an admin typed them, or
 * stale from an older page: every bad value, alone or in combination, becomes a problem that names the property's
 * label and says what to do. An error stops only what it touches (one KPI, or the whole component); a value that
 * nothing uses is a warning. Nothing here throws on input.
 */
import kpiConfigBadNumber from '@salesforce/label/c.kpiConfigBadNumber';
import kpiConfigBadTargetEntry from '@salesforce/label/c.kpiConfigBadTargetEntry';
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
import kpiProblemBadSetting from '@salesforce/label/c.kpiProblemBadSetting';
import { KPI_IDS, KPI_SETTINGS, findKpi, kpiSettingIds } from 'c/kpiCatalog';
import type { KpiDefinition } from 'c/kpiCatalog';
import { COMPARISONS, MAX_ROLLING_DAYS } from 'c/kpiPeriods';
import type { Comparison, Period } from 'c/kpiPeriods';
import { SCOPES } from 'c/kpiPlanner';
import type { KpiProblem, KpiRequest, Scope, SettingValue } from 'c/kpiPlanner';
import { fillLabel, isBlank, problemMessage, problemOf, read, shown } from 'c/kpiProperties';
import type { PropertyProblem, ReaderCode, Reading } from 'c/kpiProperties';
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

/**
 * The tiles' own codes, for what a single value reader cannot tell: combinations (amber not below green, a list while
 * the preset is not custom), the board's lists (a target pair, a KPI listed twice, too many KPIs), a rate target over
 * 100, a coverage target of 0 and a list of values. Every other problem carries a kpiProperties reader's code.
 */
export type TileProblemCode =
    | 'rateTarget'
    | 'notAboveZero'
    | 'thresholdOrder'
    | 'badTargetEntry'
    | 'targetNotShown'
    | 'duplicate'
    | 'kpisIgnored'
    | 'noKpis'
    | 'tooManyKpis'
    | 'badSetting';

export type ConfigProblemCode = ReaderCode | TileProblemCode;

/** kpiProperties' problem shape, with the tiles' codes, the sentence it is worded as and the KPIs it stops. */
export interface ConfigProblem extends PropertyProblem<ConfigProblemCode> {
    /** The App Builder property at fault (API name). */
    property: PropertyName | 'timeZone' | 'firstDayOfWeek';
    /** One sentence naming the property's label and what to do (problemMessage's). */
    message: string;
    /** For errors: the KPIs (keys) it stops; absent when it stops the whole component. */
    kpis?: string[];
}

/** A problem found, before it is ranked an error or a warning. */
type Found = Omit<PropertyProblem<ConfigProblemCode>, 'severity'> & { property: ConfigProblem['property'] };

/** problemMessage's templates for the tiles' own codes: {0} the property's label, {1} the value, {2}… the args. */
const TEMPLATES: Record<TileProblemCode, string> = {
    rateTarget: kpiConfigRateTarget,
    notAboveZero: kpiConfigBadNumber,
    thresholdOrder: kpiConfigThresholdOrder,
    badTargetEntry: kpiConfigBadTargetEntry,
    targetNotShown: kpiConfigTargetNotShown,
    duplicate: kpiConfigDuplicate,
    kpisIgnored: kpiConfigKpisIgnored,
    noKpis: kpiConfigNoKpis,
    tooManyKpis: kpiConfigTooManyKpis,
    badSetting: kpiProblemBadSetting,
};

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

/** A reader's failure as a problem of `property`. */
const failed = (property: ConfigProblem['property'], reading: Extract<Reading<unknown>, { ok: false }>): Found => ({
    ...problemOf(property, reading),
    property,
});

/** A problem with one of the tiles' own codes. */
const own = (
    property: ConfigProblem['property'],
    code: TileProblemCode,
    value: unknown,
    args?: (string | number)[],
): Found => ({ property, value: shown(value), code, ...(args ? { args } : {}) });

class Problems {
    readonly list: ConfigProblem[] = [];

    error(found: Found, kpis?: string[]): void {
        this.push(found, 'error', problemMessage({ ...found, severity: 'error' }, PROPERTY_LABELS, TEMPLATES), kpis);
    }

    warning(found: Found): void {
        this.push(found, 'warning', problemMessage({ ...found, severity: 'warning' }, PROPERTY_LABELS, TEMPLATES));
    }

    /** A bad value nothing shown uses. */
    unused(found: Found): void {
        const message = problemMessage({ ...found, severity: 'warning' }, PROPERTY_LABELS, TEMPLATES);
        this.push(found, 'warning', fillLabel(kpiConfigUnusedInvalid, message));
    }

    /** An error for the KPIs affected, or a warning when none of the shown KPIs is. */
    scoped(found: Found, kpis: string[]): void {
        if (kpis.length > 0) this.error(found, kpis);
        else this.unused(found);
    }

    private push(found: Found, severity: ConfigProblem['severity'], message: string, kpis?: string[]): void {
        this.list.push({ ...found, severity, message, ...(kpis ? { kpis } : {}) });
    }
}

/** An integer property: its default when blank, undefined (with an error or warning) when bad. */
function readWhole(
    props: KpiProperties,
    property: PropertyName,
    fallback: number,
    min: number,
    max: number,
    report: (found: Found) => void,
): number | undefined {
    const reading = read.wholeNumber(props[property], min, max, fallback);
    if (reading.ok) return reading.value;
    report(failed(property, reading));
    return undefined;
}

function choiceOf<T extends string>(
    props: KpiProperties,
    property: PropertyName,
    fallback: T,
    allowed: readonly T[],
    problems: Problems,
): T | undefined {
    const reading = read.choice(props[property], allowed, fallback);
    if (reading.ok) return reading.value;
    problems.error(failed(property, reading));
    return undefined;
}

/** An admin's swappable field or value list, checked the way the planner will read it. */
function readSetting(id: (typeof SETTING_PROPERTIES)[number], value: unknown): SettingValue | Found {
    const setting = KPI_SETTINGS[id];
    if (isBlank(value)) return setting.default;
    const reading: Reading<SettingValue> | undefined =
        setting.kind === 'field'
            ? read.fieldName(value, '')
            : setting.kind === 'boolean'
              ? read.boolean(value, false)
              : undefined;
    if (reading) return reading.ok ? reading.value : failed(id, reading);
    const list = typeof value === 'string' ? value.split(',') : value;
    const values = Array.isArray(list) ? list.map((item) => (typeof item === 'string' ? item.trim() : '')) : [];
    return values.length > 0 && values.every((item) => item.length > 0 && item.length <= 255)
        ? values
        : own(id, 'badSetting', value);
}

const isFound = (value: SettingValue | Found): value is Found =>
    typeof value === 'object' && value !== null && !Array.isArray(value);

/** The period, with `rollingDays` read from its own property. */
function periodOf(props: KpiProperties, fallback: string, problems: Problems): Period | undefined {
    const rolling = (isBlank(props.period) ? fallback : shown(props.period)) === 'rollingDays';
    const days = readWhole(props, 'rollingDays', METRIC_DEFAULTS.rollingDays, 1, MAX_ROLLING_DAYS, (found) =>
        rolling ? problems.error(found) : problems.unused(found),
    );
    if (rolling) return days === undefined ? undefined : { kind: 'rollingDays', days };
    const reading = read.period(props.period, fallback);
    if (reading.ok) return reading.value;
    problems.error(failed('period', reading));
    return undefined;
}

/** A target typed by an admin, in the KPI's unit; rates are typed in percent. */
function targetOf(
    value: unknown,
    kpi: KpiDefinition | undefined,
    property: 'target' | 'targets',
    problems: Problems,
    key: string,
): number | null {
    const reading = read.target(value);
    if (!reading.ok) {
        problems.error(failed(property, reading), [key]);
        return null;
    }
    const number = reading.value;
    if (number === null || kpi?.unit !== 'percent') return number;
    if (number > 100) {
        problems.error(own(property, 'rateTarget', value), [key]);
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
            problems.warning(own('targets', 'badTargetEntry', entry));
        } else if (!keys.includes(match[1])) {
            problems.warning(own('targets', 'targetNotShown', match[1]));
        } else {
            if (targets.has(match[1])) {
                problems.warning(own('targets', 'duplicate', match[1]));
            }
            targets.set(match[1], match[2].trim());
        }
    }
    return targets;
}

/** The KPI ids a board shows: a preset's, or the admin's list. */
function readBoardKpis(props: KpiProperties, problems: Problems): { preset?: Preset; ids: string[] } {
    const presetReading = read.choice(props.preset, PRESET_NAMES, BOARD_DEFAULTS.preset);
    if (!presetReading.ok) {
        problems.error(failed('preset', presetReading));
        return { ids: [] };
    }
    const preset = presetReading.value;
    const listed = read.kpiList(props.kpis);
    if (preset !== 'custom') {
        if (!listed.ok || listed.value.length > 0) problems.warning(own('kpis', 'kpisIgnored', props.kpis));
        return { preset, ids: [...PRESETS[preset]] };
    }
    if (!listed.ok) {
        problems.error(failed('kpis', listed));
        return { preset, ids: [] };
    }
    const ids = listed.value;
    if (ids.length === 0) {
        problems.error(own('kpis', 'noKpis', props.kpis));
        return { preset, ids: [] };
    }
    // The list reader keeps each KPI once; each further mention is worth a warning.
    const seen = new Set<string>();
    for (const id of String(props.kpis)
        .split(/[\s,;]+/)
        .filter(Boolean)) {
        if (seen.has(id)) problems.warning(own('kpis', 'duplicate', id));
        seen.add(id);
    }
    if (ids.length > MAX_BOARD_KPIS) {
        problems.error(own('kpis', 'tooManyKpis', ids.length, [MAX_BOARD_KPIS]));
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

    const period = periodOf(props, defaults.period, problems);
    const comparison = choiceOf(props, 'comparison', defaults.comparison, COMPARISONS, problems);
    const scope = choiceOf(props, 'scope', defaults.scope, SCOPES, problems);
    const sparkline = readWhole(props, 'sparkline', defaults.sparkline, 0, MAX_TREND_PERIODS, (found) =>
        problems.error(found),
    );

    const fiscal = !period || period.kind.includes('Fiscal');
    const fiscalYearStartMonth = readWhole(props, 'fiscalYearStartMonth', 1, 1, 12, (found) =>
        fiscal ? problems.error(found) : problems.unused(found),
    );

    const targeted = known.filter((entry) => entry.target).map((entry) => entry.key);
    const thresholds: Partial<Record<'amber' | 'green', number>> = {};
    for (const [property, fallback, name] of [
        ['amberThreshold', defaults.amberThreshold, 'amber'],
        ['greenThreshold', defaults.greenThreshold, 'green'],
    ] as const) {
        thresholds[name] = readWhole(props, property, fallback, 0, MAX_THRESHOLD, (found) =>
            problems.scoped(found, targeted),
        );
    }
    const { amber, green } = thresholds;
    if (amber !== undefined && green !== undefined && amber >= green) {
        problems.scoped(
            own('amberThreshold', 'thresholdOrder', amber, [propertyLabel('greenThreshold'), green]),
            targeted,
        );
    }

    let currency: string | undefined;
    const code = read.currencyCode(props.currencyCode);
    if (code.ok) currency = code.value ?? undefined;
    else
        problems.scoped(
            failed('currencyCode', code),
            keysWhere((kpi) => kpi.unit === 'currency'),
        );

    let revenueTarget: number | undefined;
    const coverage = read.target(props.revenueTarget);
    if (coverage.ok && coverage.value !== null && coverage.value > 0) revenueTarget = coverage.value;
    else if (!coverage.ok || coverage.value === 0)
        problems.scoped(
            coverage.ok ? own('revenueTarget', 'notAboveZero', props.revenueTarget) : failed('revenueTarget', coverage),
            keysWhere((kpi) => kpi.measure.kind === 'coverage'),
        );

    const settings: Record<string, SettingValue | undefined> = {};
    for (const id of SETTING_PROPERTIES) {
        const value = readSetting(id, props[id]);
        if (!isFound(value)) settings[id] = value;
        else
            problems.scoped(
                value,
                keysWhere((kpi) => kpiSettingIds(kpi).includes(id)),
            );
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
    // One revenue target per component (docs/kpis.md, "One target per person"): the revenue target property, else a
    // target typed for a KPI whose default target is the revenue target (closed-won revenue), else the quota field,
    // which the planner reads and the tile shows. Coverage and closed-won revenue then measure against one number.
    const typedRevenue = entries.find(
        (entry) => entry.kpi?.target && entry.kpi.measure.kind !== 'coverage' && entry.target !== null,
    )?.target;
    const revenueTarget = shared.revenueTarget ?? typedRevenue ?? undefined;
    const tileTarget = (entry: (typeof entries)[number]): number | null =>
        entry.target ?? (entry.kpi?.target && entry.kpi.measure.kind !== 'coverage' ? (revenueTarget ?? null) : null);
    const tiles: TileSetup[] = entries.map((entry) => ({
        key: entry.key,
        kpi: entry.kpi?.id ?? entry.key,
        period: shared.period,
        comparison: shared.comparison,
        scope: shared.scope,
        target: tileTarget(entry),
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
            ...(kpi.measure.kind === 'coverage' && revenueTarget !== undefined ? { target: revenueTarget } : {}),
            ...(kpi.target && kpi.measure.kind !== 'coverage' && tile.target !== null ? { target: tile.target } : {}),
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
    const reading = read.kpiId(props.kpi, (id) => Boolean(findKpi(id)), METRIC_DEFAULTS.kpi, KPI_IDS);
    if (!reading.ok) problems.error(failed('kpi', reading));
    const id = reading.value;
    const kpi = findKpi(id);
    const target = targetOf(props.target, kpi, 'target', problems, id);
    const shared = readShared(props, [{ key: id, kpi, target: target !== null }], METRIC_DEFAULTS, problems);
    return assemble([{ key: id, kpi, target }], shared, problems, props.cardTitle);
}

/** kpiBoard: a preset or a custom list, with targets as `kpiId=number` pairs. */
export function readBoardConfig(props: KpiProperties): KpiConfig {
    const problems = new Problems();
    const { preset, ids } = readBoardKpis(props, problems);
    const rawTargets = readTargetList(props.targets, ids, problems);
    const entries = ids.map((key) => {
        const reading = read.kpiId(key, (id) => Boolean(findKpi(id)), key, KPI_IDS);
        if (!reading.ok) problems.error(failed('kpis', reading), [key]);
        const kpi = findKpi(key);
        const target = targetOf(rawTargets.get(key), kpi, 'targets', problems, key);
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
