/**
 * Reads the leaderboard's App Builder properties (and the viewer's filter choices) into one checked configuration.
 * Every bad value, alone or in combination, becomes a problem naming the property: `error` stops the board (nothing
 * sensible can be shown), `warning` drops or ignores the value and the board says so.
 */
import { findKpi } from 'c/kpiCatalog';
import { isComparison, parsePeriod, propertyText } from 'c/kpiPeriods';
import type { Comparison, Period } from 'c/kpiPeriods';
import { RANK_BY, RANK_METHODS } from 'c/kpiRanking';
import type { RankBy, RankMethod } from 'c/kpiRanking';
import { FILTER_FIELDS, filteredObjects, findBoardKpi } from './boardKpis';
import type { BoardKpi } from './boardKpis';

export type RankedUsersMode = 'owners' | 'role' | 'profile' | 'team';
export const RANKED_USERS: readonly RankedUsersMode[] = ['owners', 'role', 'profile', 'team'];

export type BoardGrouping = 'rep' | 'manager' | 'role';
export const BOARD_GROUPINGS: readonly BoardGrouping[] = ['rep', 'manager', 'role'];

export type TargetSource = 'none' | 'everyone' | 'userField';
export const TARGET_SOURCES: readonly TargetSource[] = ['none', 'everyone', 'userField'];

export type BoardVariant = 'full' | 'compact';
export const BOARD_VARIANTS: readonly BoardVariant[] = ['full', 'compact'];

export type BoardFilter = keyof typeof FILTER_FIELDS;

export const MAX_YEARS = 10;
export const DEFAULT_YEARS = 3;
export const MAX_ROWS = 200;
export const MAX_MIN_SAMPLE = 100_000;
export const DEFAULT_TARGET_FIELD = 'Sales_Quota__c';

/** The App Builder properties, as the page stores them (anything may arrive: stale or hand-edited values). */
export interface BoardProperties {
    kpi?: unknown;
    secondaryKpis?: unknown;
    period?: unknown;
    comparison?: unknown;
    fiscalYearStartMonth?: unknown;
    yearsShown?: unknown;
    opportunityType?: unknown;
    leadSource?: unknown;
    rankedUsers?: unknown;
    roleName?: unknown;
    profileName?: unknown;
    managerId?: unknown;
    groupBy?: unknown;
    rankBy?: unknown;
    rankMethod?: unknown;
    minSample?: unknown;
    targetSource?: unknown;
    target?: unknown;
    targetField?: unknown;
    rowLimit?: unknown;
    variant?: unknown;
    showFilters?: unknown;
    currencyCode?: unknown;
}

/** What the viewer switched in the filter bar; each replaces the matching property. */
export interface BoardChoices {
    period?: string;
    yearsBack?: number;
    opportunityType?: string;
    leadSource?: string;
    groupBy?: string;
}

export type RankedUsers =
    | { mode: 'owners' }
    | { mode: 'role'; roleName: string }
    | { mode: 'profile'; profileName: string }
    /** `managerId` null: the viewer's own direct reports. */
    | { mode: 'team'; managerId: string | null };

export type BoardTarget =
    { source: 'none' } | { source: 'everyone'; value: number } | { source: 'userField'; field: string };

export interface BoardConfig {
    kpi: BoardKpi;
    secondary: BoardKpi[];
    period: Period;
    comparison: Comparison;
    fiscalYearStartMonth: number;
    yearsShown: number;
    /** 0 for the current period, 1 for the same period a year earlier, … */
    yearsBack: number;
    filters: Record<BoardFilter, string | null>;
    rankedUsers: RankedUsers;
    groupBy: BoardGrouping;
    rankBy: RankBy;
    rankMethod: RankMethod;
    minSample: number;
    target: BoardTarget;
    rowLimit: number;
    variant: BoardVariant;
    showFilters: boolean;
    /** ISO 4217 code amounts are shown in (sums come back in the org's corporate currency); null for the viewer's. */
    currencyCode: string | null;
}

export type ConfigProblemCode =
    | 'unknownKpi'
    | 'notRankable'
    | 'badSecondary'
    | 'secondaryIsMain'
    | 'badPeriod'
    | 'badComparison'
    | 'comparisonNotSupported'
    | 'badFiscalMonth'
    | 'badYears'
    | 'badYearChoice'
    | 'badFilterValue'
    | 'filterNotApplicable'
    | 'badRankedUsers'
    | 'missingRole'
    | 'missingProfile'
    | 'badManager'
    | 'badGroupBy'
    | 'badRankBy'
    | 'badRankMethod'
    | 'badMinSample'
    | 'minSampleIgnored'
    | 'badTargetSource'
    | 'badTarget'
    | 'missingTarget'
    | 'percentTarget'
    | 'badTargetField'
    | 'targetNeeded'
    | 'targetIgnored'
    | 'badRowLimit'
    | 'badVariant'
    | 'badShowFilters'
    | 'badCurrency';

export interface ConfigProblem {
    code: ConfigProblemCode;
    /** The App Builder property at fault. */
    property: string;
    value?: string;
    severity: 'error' | 'warning';
}

const SALESFORCE_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;
const DEVELOPER_NAME = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;
const MAX_TEXT = 255;

const isBlank = (value: unknown) => value === undefined || value === null || propertyText(value).trim() === '';
const text = (value: unknown) => (isBlank(value) ? '' : propertyText(value).trim());

/** An App Builder Integer (or its text, from the preview or a hand-edited page); undefined when blank. */
function integer(value: unknown): number | undefined {
    if (isBlank(value)) return undefined;
    const number = typeof value === 'number' ? value : Number(propertyText(value).trim());
    return Number.isInteger(number) ? number : NaN;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T | undefined {
    if (isBlank(value)) return fallback;
    const choice = text(value);
    return (allowed as readonly string[]).includes(choice) ? (choice as T) : undefined;
}

function booleanOf(value: unknown, fallback: boolean): boolean | undefined {
    if (typeof value === 'boolean') return value;
    if (isBlank(value)) return fallback;
    return text(value) === 'true' ? true : text(value) === 'false' ? false : undefined;
}

/** A target as typed: `1500000`, `25%` or `0.25`; percent KPIs take a share, so `25` alone is refused for them. */
export function parseTarget(value: unknown, percentUnit: boolean): number | 'percentTarget' | undefined {
    const raw = text(value).replace(/[\s,]/g, '');
    const match = /^(\d+(?:\.\d+)?)(%?)$/.exec(raw);
    if (!match) return undefined;
    const number = Number(match[1]) / (match[2] ? 100 : 1);
    if (percentUnit && !match[2] && number > 1) return 'percentTarget';
    return number;
}

export interface ConfigResult {
    config?: BoardConfig;
    problems: ConfigProblem[];
}

/** Checks the properties and the viewer's choices; `config` is absent when an error stops the board. */
export function readBoardConfig(properties: BoardProperties, choices: BoardChoices = {}): ConfigResult {
    const problems: ConfigProblem[] = [];
    const error = (code: ConfigProblemCode, property: string, value?: unknown) =>
        problems.push({
            code,
            property,
            severity: 'error',
            ...(value === undefined ? {} : { value: propertyText(value) }),
        });
    const warn = (code: ConfigProblemCode, property: string, value?: unknown) =>
        problems.push({
            code,
            property,
            severity: 'warning',
            ...(value === undefined ? {} : { value: propertyText(value) }),
        });

    const kpiId = isBlank(properties.kpi) ? 'closedWonRevenue' : text(properties.kpi);
    const kpi = findBoardKpi(kpiId);
    if (!kpi) error(findKpi(kpiId) ? 'notRankable' : 'unknownKpi', 'kpi', kpiId);

    const secondary: BoardKpi[] = [];
    for (const id of text(properties.secondaryKpis)
        .split(/[,;]/)
        .map((s) => s.trim())
        .filter(Boolean)) {
        const found = findBoardKpi(id);
        if (!found) warn('badSecondary', 'secondaryKpis', id);
        else if (found.id === kpi?.id) warn('secondaryIsMain', 'secondaryKpis', id);
        else if (!secondary.includes(found)) secondary.push(found);
    }

    const periodText = choices.period ?? (isBlank(properties.period) ? 'thisFiscalQuarter' : text(properties.period));
    const period = parsePeriod(periodText);
    if (!period) error('badPeriod', 'period', periodText);

    const comparisonText = isBlank(properties.comparison) ? 'previousPeriod' : text(properties.comparison);
    let comparison: Comparison = 'none';
    if (!isComparison(comparisonText)) warn('badComparison', 'comparison', comparisonText);
    else comparison = comparisonText;
    if (kpi?.timing === 'snapshot' && comparison !== 'none') {
        // What was open at the end of the previous period cannot be read back now.
        warn('comparisonNotSupported', 'comparison', comparison);
        comparison = 'none';
    }

    const fiscal = integer(properties.fiscalYearStartMonth) ?? 1;
    if (!(fiscal >= 1 && fiscal <= 12))
        error('badFiscalMonth', 'fiscalYearStartMonth', properties.fiscalYearStartMonth);

    let yearsShown = integer(properties.yearsShown) ?? DEFAULT_YEARS;
    if (!(yearsShown >= 1 && yearsShown <= MAX_YEARS)) {
        warn('badYears', 'yearsShown', properties.yearsShown);
        yearsShown = 1;
    }
    let yearsBack = choices.yearsBack ?? 0;
    if (!(Number.isInteger(yearsBack) && yearsBack >= 0 && yearsBack < yearsShown)) {
        warn('badYearChoice', 'yearsShown', yearsBack);
        yearsBack = 0;
    }

    const filters: Record<BoardFilter, string | null> = { opportunityType: null, leadSource: null };
    for (const name of Object.keys(FILTER_FIELDS) as BoardFilter[]) {
        const value = text(choices[name] ?? properties[name]);
        if (!value) continue;
        if (value.length > MAX_TEXT) {
            warn('badFilterValue', name, value.slice(0, 40));
            continue;
        }
        const reaches = [kpi, ...secondary].filter((k): k is BoardKpi =>
            Boolean(k && filteredObjects(k).some((object) => FILTER_FIELDS[name][object])),
        );
        if (kpi && !reaches.includes(kpi)) warn('filterNotApplicable', name, kpi.id);
        filters[name] = value;
    }

    const mode = oneOf(properties.rankedUsers, RANKED_USERS, 'owners');
    let rankedUsers: RankedUsers = { mode: 'owners' };
    if (!mode) error('badRankedUsers', 'rankedUsers', properties.rankedUsers);
    else if (mode === 'role') {
        const roleName = text(properties.roleName);
        if (!DEVELOPER_NAME.test(roleName)) error('missingRole', 'roleName', roleName);
        rankedUsers = { mode, roleName };
    } else if (mode === 'profile') {
        const profileName = text(properties.profileName);
        if (!profileName || profileName.length > MAX_TEXT) error('missingProfile', 'profileName', profileName);
        rankedUsers = { mode, profileName };
    } else if (mode === 'team') {
        const managerId = text(properties.managerId) || 'me';
        if (managerId !== 'me' && !SALESFORCE_ID.test(managerId)) error('badManager', 'managerId', managerId);
        rankedUsers = { mode, managerId: managerId === 'me' ? null : managerId };
    }

    const groupBy = oneOf(choices.groupBy ?? properties.groupBy, BOARD_GROUPINGS, 'rep');
    if (!groupBy) error('badGroupBy', 'groupBy', choices.groupBy ?? properties.groupBy);
    const rankBy = oneOf(properties.rankBy, RANK_BY, 'value');
    if (!rankBy) error('badRankBy', 'rankBy', properties.rankBy);
    const rankMethod = oneOf(properties.rankMethod, RANK_METHODS, 'competition');
    if (!rankMethod) error('badRankMethod', 'rankMethod', properties.rankMethod);

    let minSample = kpi?.minSample ?? 0;
    const givenMinimum = integer(properties.minSample);
    if (givenMinimum !== undefined) {
        if (!(givenMinimum >= 0 && givenMinimum <= MAX_MIN_SAMPLE))
            error('badMinSample', 'minSample', properties.minSample);
        else if (kpi?.additive && givenMinimum > 0) warn('minSampleIgnored', 'minSample', kpi.id);
        else if (kpi && !kpi.additive) minSample = givenMinimum;
    }

    const source = oneOf(properties.targetSource, TARGET_SOURCES, 'none');
    let target: BoardTarget = { source: 'none' };
    if (!source) error('badTargetSource', 'targetSource', properties.targetSource);
    else if (source === 'everyone') {
        const parsed = isBlank(properties.target) ? undefined : parseTarget(properties.target, kpi?.unit === 'percent');
        if (isBlank(properties.target)) error('missingTarget', 'target');
        else if (parsed === 'percentTarget') error('percentTarget', 'target', properties.target);
        else if (parsed === undefined) error('badTarget', 'target', properties.target);
        else target = { source, value: parsed };
    } else if (source === 'userField') {
        const field = isBlank(properties.targetField) ? DEFAULT_TARGET_FIELD : text(properties.targetField);
        if (!FIELD_NAME.test(field)) error('badTargetField', 'targetField', field);
        else target = { source, field };
    } else if (!isBlank(properties.target)) warn('targetIgnored', 'target', properties.target);
    if (rankBy === 'percentOfTarget' && source === 'none') error('targetNeeded', 'rankBy', rankBy);

    const rowLimit = integer(properties.rowLimit) ?? 10;
    if (!(rowLimit >= 1 && rowLimit <= MAX_ROWS)) error('badRowLimit', 'rowLimit', properties.rowLimit);
    const variant = oneOf(properties.variant, BOARD_VARIANTS, 'full');
    if (!variant) error('badVariant', 'variant', properties.variant);
    const showFilters = booleanOf(properties.showFilters, true);
    if (showFilters === undefined) warn('badShowFilters', 'showFilters', properties.showFilters);
    let currencyCode: string | null = text(properties.currencyCode).toUpperCase() || null;
    if (currencyCode !== null && !/^[A-Z]{3}$/.test(currencyCode)) {
        warn('badCurrency', 'currencyCode', properties.currencyCode);
        currencyCode = null;
    }

    if (problems.some((problem) => problem.severity === 'error') || !kpi || !period) return { problems };
    return {
        problems,
        config: {
            kpi,
            secondary,
            period,
            comparison,
            fiscalYearStartMonth: fiscal,
            yearsShown,
            yearsBack,
            filters,
            rankedUsers,
            groupBy: groupBy!,
            rankBy: rankBy!,
            rankMethod: rankMethod!,
            minSample,
            target,
            rowLimit,
            variant: variant!,
            showFilters: (showFilters ?? true) && variant !== 'compact',
            currencyCode,
        },
    };
}
