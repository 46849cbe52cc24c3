/**
 * Reads the leaderboard's App Builder properties (and the viewer's filter choices) into one checked configuration.
 * Every bad value, alone or in combination, becomes a problem naming the property: `error` stops the board (nothing
 * sensible can be shown), `warning` drops or ignores the value and the board says so.
 */
import { findKpi } from 'c/kpiCatalog';
import { COMPARISONS } from 'c/kpiPeriods';
import type { Comparison, Period } from 'c/kpiPeriods';
import {
    isBlank,
    problemOf,
    readBoolean,
    readChoice,
    readCurrencyCode,
    readFieldName,
    readKpiId,
    readKpiList,
    readPeriod,
    readTarget,
    readText,
    readUserId,
    readWholeNumber,
    shown,
} from 'c/kpiProperties';
import type { PropertyProblem, Reading, ReaderCode } from 'c/kpiProperties';
import { RANK_BY, RANK_METHODS } from 'c/kpiRanking';
import type { RankBy, RankMethod } from 'c/kpiRanking';
import { BOARD_KPIS, FILTER_FIELDS, filteredObjects, findBoardKpi } from './boardKpis';
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

/**
 * The leaderboard's own codes, for what a single value reader cannot tell: combinations of properties (a target
 * without a source), values the KPI decides (a catalog KPI that cannot be ranked), a required value left blank.
 * Every other problem carries a kpiProperties reader's code.
 */
export type BoardProblemCode =
    | 'notRankable'
    | 'secondaryIsMain'
    | 'comparisonNotSupported'
    | 'badYearChoice'
    | 'filterNotApplicable'
    | 'missingRole'
    | 'missingProfile'
    | 'minSampleIgnored'
    | 'missingTarget'
    | 'percentTarget'
    | 'targetNeeded'
    | 'targetIgnored';

export type ConfigProblemCode = ReaderCode | BoardProblemCode;

/** kpiProperties' problem shape, with the leaderboard's codes. */
export type ConfigProblem = PropertyProblem<ConfigProblemCode>;

const DEVELOPER_NAME = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;
const RANKABLE_IDS = BOARD_KPIS.map((kpi) => kpi.id);

/** A target as typed: `1500000`, `25%` or `0.25`; percent KPIs take a share, so `25` alone is refused for them. */
export function parseTarget(value: unknown, percentUnit: boolean): number | 'percentTarget' | undefined {
    const reading = readTarget(value, { percent: true });
    if (!reading.ok || reading.value === null) return undefined;
    const typedPercent = typeof value === 'string' && value.trim().endsWith('%');
    if (percentUnit && !typedPercent && reading.value > 1) return 'percentTarget';
    return reading.value;
}

export interface ConfigResult {
    config?: BoardConfig;
    problems: ConfigProblem[];
}

/** Checks the properties and the viewer's choices; `config` is absent when an error stops the board. */
export function readBoardConfig(properties: BoardProperties, choices: BoardChoices = {}): ConfigResult {
    const problems: ConfigProblem[] = [];
    const report = (severity: ConfigProblem['severity'], code: BoardProblemCode, property: string, value?: unknown) =>
        problems.push({ property, value: value === undefined ? '' : shown(value), code, severity });
    const error = (code: BoardProblemCode, property: string, value?: unknown) => report('error', code, property, value);
    const warn = (code: BoardProblemCode, property: string, value?: unknown) =>
        report('warning', code, property, value);
    /** The value read, or (its problem reported) undefined. */
    function read<T>(property: string, reading: Reading<T>, severity: ConfigProblem['severity']): T | undefined {
        if (reading.ok) return reading.value;
        problems.push(problemOf(property, reading, severity));
        return undefined;
    }

    const kpiId = read(
        'kpi',
        readKpiId(properties.kpi, (id) => Boolean(findKpi(id)), 'closedWonRevenue', RANKABLE_IDS),
        'error',
    );
    const kpi = kpiId === undefined ? undefined : findBoardKpi(kpiId);
    if (kpiId !== undefined && !kpi) error('notRankable', 'kpi', kpiId);

    const secondary: BoardKpi[] = [];
    for (const id of read('secondaryKpis', readKpiList(properties.secondaryKpis), 'warning') ?? []) {
        const foundId = read(
            'secondaryKpis',
            readKpiId(id, (k) => Boolean(findBoardKpi(k)), '', RANKABLE_IDS),
            'warning',
        );
        const found = foundId === undefined ? undefined : findBoardKpi(foundId);
        if (!found) continue;
        if (found.id === kpi?.id) warn('secondaryIsMain', 'secondaryKpis', id);
        else if (!secondary.includes(found)) secondary.push(found);
    }

    const period = read('period', readPeriod(choices.period ?? properties.period, 'thisFiscalQuarter'), 'error');

    let comparison: Comparison =
        read('comparison', readChoice(properties.comparison, COMPARISONS, 'previousPeriod'), 'warning') ?? 'none';
    if (kpi?.timing === 'snapshot' && comparison !== 'none') {
        // What was open at the end of the previous period cannot be read back now.
        warn('comparisonNotSupported', 'comparison', comparison);
        comparison = 'none';
    }

    const fiscal =
        read('fiscalYearStartMonth', readWholeNumber(properties.fiscalYearStartMonth, 1, 12, 1), 'error') ?? 1;

    const yearsShown =
        read('yearsShown', readWholeNumber(properties.yearsShown, 1, MAX_YEARS, DEFAULT_YEARS), 'warning') ?? 1;
    let yearsBack = choices.yearsBack ?? 0;
    if (!(Number.isInteger(yearsBack) && yearsBack >= 0 && yearsBack < yearsShown)) {
        warn('badYearChoice', 'yearsShown', yearsBack);
        yearsBack = 0;
    }

    const filters: Record<BoardFilter, string | null> = { opportunityType: null, leadSource: null };
    for (const name of Object.keys(FILTER_FIELDS) as BoardFilter[]) {
        const value = read(name, readText(choices[name] ?? properties[name], ''), 'warning');
        if (!value) continue;
        const reaches = [kpi, ...secondary].filter((k): k is BoardKpi =>
            Boolean(k && filteredObjects(k).some((object) => FILTER_FIELDS[name][object])),
        );
        if (kpi && !reaches.includes(kpi)) warn('filterNotApplicable', name, kpi.id);
        filters[name] = value;
    }

    const mode = read('rankedUsers', readChoice(properties.rankedUsers, RANKED_USERS, 'owners'), 'error');
    let rankedUsers: RankedUsers = { mode: 'owners' };
    if (mode === 'role') {
        // A role is named by its developer name: blank or anything else is the same missing role.
        const reading = readText(properties.roleName, '', 80, DEVELOPER_NAME);
        const roleName = reading.value;
        if (!reading.ok || !roleName) error('missingRole', 'roleName', roleName);
        rankedUsers = { mode, roleName };
    } else if (mode === 'profile') {
        const profileName = read('profileName', readText(properties.profileName, ''), 'error');
        if (profileName === '') error('missingProfile', 'profileName', profileName);
        rankedUsers = { mode, profileName: profileName ?? '' };
    } else if (mode === 'team') {
        const managerId = read('managerId', readUserId(properties.managerId, 'me', ['me']), 'error');
        rankedUsers = { mode, managerId: managerId === undefined || managerId === 'me' ? null : managerId };
    }

    const groupBy = read('groupBy', readChoice(choices.groupBy ?? properties.groupBy, BOARD_GROUPINGS, 'rep'), 'error');
    const rankBy = read('rankBy', readChoice(properties.rankBy, RANK_BY, 'value'), 'error');
    const rankMethod = read('rankMethod', readChoice(properties.rankMethod, RANK_METHODS, 'competition'), 'error');

    let minSample = kpi?.minSample ?? 0;
    const givenMinimum = read(
        'minSample',
        readWholeNumber(properties.minSample, 0, MAX_MIN_SAMPLE, undefined),
        'error',
    );
    if (givenMinimum !== undefined) {
        if (kpi?.additive && givenMinimum > 0) warn('minSampleIgnored', 'minSample', kpi.id);
        else if (kpi && !kpi.additive) minSample = givenMinimum;
    }

    const source = read('targetSource', readChoice(properties.targetSource, TARGET_SOURCES, 'none'), 'error');
    let target: BoardTarget = { source: 'none' };
    if (source === 'everyone') {
        const reading = readTarget(properties.target, { percent: true });
        const parsed = parseTarget(properties.target, kpi?.unit === 'percent');
        if (reading.ok && reading.value === null) error('missingTarget', 'target');
        else if (!reading.ok) read('target', reading, 'error');
        else if (parsed === 'percentTarget') error('percentTarget', 'target', properties.target);
        else if (parsed !== undefined) target = { source, value: parsed };
    } else if (source === 'userField') {
        const field = read('targetField', readFieldName(properties.targetField, DEFAULT_TARGET_FIELD), 'error');
        if (field !== undefined) target = { source, field };
    } else if (source === 'none' && !isBlank(properties.target)) warn('targetIgnored', 'target', properties.target);
    if (rankBy === 'percentOfTarget' && source === 'none') error('targetNeeded', 'rankBy', rankBy);

    const rowLimit = read('rowLimit', readWholeNumber(properties.rowLimit, 1, MAX_ROWS, 10), 'error') ?? 10;
    const variant = read('variant', readChoice(properties.variant, BOARD_VARIANTS, 'full'), 'error');
    const showFilters = read('showFilters', readBoolean(properties.showFilters, true), 'warning');
    const currencyCode = read('currencyCode', readCurrencyCode(properties.currencyCode), 'warning') ?? null;

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
