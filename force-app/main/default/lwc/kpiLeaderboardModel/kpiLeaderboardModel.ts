/**
 * What the leaderboard shows, computed from its properties, the wire's answers and the viewer's sort and filter
 * choices: the plan, what the wire asks next, every state and text, the filter bar, the table's columns, rows and
 * totals. Pure: the viewer's User Id, locale, currency and time zone and the clock are passed in, so it is tested
 * without a DOM; kpiLeaderboard only holds the properties, the wire and the event handlers.
 */
import { fillLabel, problemMessage } from 'c/kpiProperties';
import { reduceErrors, summarizeErrors } from 'c/kpiErrors';
import { formatComparedWindow, formatCount, formatDateRange, formatKpiValue } from 'c/kpiFormat';
import type { KpiUnit } from 'c/kpiFormat';
import {
    BOARD_GROUPINGS,
    GROUPS_PER_PAGE,
    MAX_PAGES,
    boardWindows,
    buildBoard,
    omissionsAfterFailure,
    planBoard,
    planBoardPage,
    readBoardConfig,
    readBoardCursors,
    readBoardResponses,
    sortRows,
} from 'c/kpiLeaderboardQuery';
import type {
    Board,
    BoardChoices,
    BoardConfig,
    BoardData,
    BoardDocument,
    BoardFilter,
    BoardKpi,
    BoardOmissions,
    BoardPlan,
    BoardProperties,
    BoardResponse,
    BoardRow,
    ConfigProblem,
    SortDirection,
} from 'c/kpiLeaderboardQuery';
import { PERIOD_KINDS, periodKey } from 'c/kpiPeriods';
import { viewerSlice } from 'c/kpiRanking';
import type { Movement, UnrankedReason } from 'c/kpiRanking';
import { kpiTitle } from 'c/kpiResults';
import { LABELS, PERIOD_LABELS, PROBLEM_LABELS, PROPERTY_LABELS } from './kpiLeaderboardLabels';

export { LABELS, PERIOD_LABELS, PROBLEM_LABELS, PROPERTY_LABELS };

/** Who is looking, and how: from `@salesforce/user/Id` and `@salesforce/i18n/*`. */
export interface ViewerContext {
    userId: string;
    locale: string;
    /** Amounts are shown in it unless the admin named another currency. */
    currency: string;
    timeZone: string;
    /** 1 = Sunday … 7 = Saturday. */
    firstDayOfWeek: number;
}

/** The i18n module gives 1 (Sunday) … 7; anything else (the Jest mock gives 0) falls back to Sunday. */
export function weekStart(value: unknown): number {
    return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 7 ? value : 1;
}

/** The App Builder properties the board reads (cardTitle is only shown, never planned). */
export const BOARD_PROPERTY_NAMES = [
    'kpi',
    'secondaryKpis',
    'period',
    'comparison',
    'fiscalYearStartMonth',
    'yearsShown',
    'opportunityType',
    'leadSource',
    'rankedUsers',
    'roleName',
    'profileName',
    'managerId',
    'groupBy',
    'rankBy',
    'rankMethod',
    'minSample',
    'targetSource',
    'target',
    'targetField',
    'rowLimit',
    'variant',
    'showFilters',
    'currencyCode',
] as const satisfies readonly (keyof BoardProperties)[];

export function boardProperties(source: BoardProperties): BoardProperties {
    return Object.fromEntries(BOARD_PROPERTY_NAMES.map((name) => [name, source[name]]));
}

/**
 * The last result of `compute`, as long as every part of `keyOf` is the same value or object: the wire must see
 * the same objects while nothing changed, and re-reading answers on every template binding would be wasted work.
 */
export function memoizeLast<A extends unknown[], R>(
    compute: (...args: A) => R,
    keyOf: (...args: A) => readonly unknown[] = (...args) => args,
): (...args: A) => R {
    let last: { key: readonly unknown[]; value: R } | undefined;
    return (...args) => {
        const key = keyOf(...args);
        const same = last && last.key.length === key.length && key.every((part, index) => part === last!.key[index]);
        if (!same) last = { key, value: compute(...args) };
        return last!.value;
    };
}

// ---- The plan ----

/** Parts the server refused for one board (its baseKey), to leave out when it is asked again. */
export interface Retry {
    baseKey: string;
    omissions: BoardOmissions;
}

export interface PlanRequest {
    properties: BoardProperties;
    choices: BoardChoices;
    retry: Retry | null;
    now: Date;
}

/** The board a property set and the viewer's choices ask for. */
export interface PlanState {
    key: string;
    /** The same for a board and its retries without refused parts. */
    baseKey: string;
    now: Date;
    problems: ConfigProblem[];
    config?: BoardConfig;
    plan?: BoardPlan;
    /** planBoard threw: shown as an error, never thrown at the page. */
    failure?: unknown;
}

export function omissionsOf(retry: Retry | null, baseKey: string): BoardOmissions {
    return retry?.baseKey === baseKey ? retry.omissions : {};
}

/** Properties, choices and the day make a board; a retry's omissions for that board refine it. */
export function planKeys(request: PlanRequest): { baseKey: string; key: string } {
    const baseKey = JSON.stringify([request.properties, request.choices, request.now.toISOString().slice(0, 10)]);
    return { baseKey, key: JSON.stringify([baseKey, omissionsOf(request.retry, baseKey)]) };
}

export function planBoardState(request: PlanRequest, context: ViewerContext): PlanState {
    const { baseKey, key } = planKeys(request);
    const { config, problems } = readBoardConfig(request.properties, request.choices);
    const state: PlanState = { key, baseKey, now: request.now, problems, config };
    if (!config) return state;
    const { userId, timeZone, firstDayOfWeek } = context;
    const without = omissionsOf(request.retry, baseKey);
    try {
        state.plan = planBoard(config, { userId, now: request.now, timeZone, firstDayOfWeek, without });
    } catch (failure) {
        state.failure = failure;
    }
    return state;
}

/** planBoardState, planned again only when the board's key changes. */
export function boardPlanner(context: ViewerContext): (request: PlanRequest) => PlanState {
    return memoizeLast(
        (request: PlanRequest) => planBoardState(request, context),
        (request) => [planKeys(request).key],
    );
}

// ---- What the wire asks, and what it answered ----

export const PAGE_OPERATION = 'KpiLeaderboardPage';

export interface Load {
    /** The request the answers are for (document and variables): settings that do not change it reuse them. */
    key: string;
    responses: BoardResponse[];
    /** The document the wire is set to: the board's, then each page's; the last one stays once all are in. */
    asked: BoardDocument;
    /** An answer to `asked` is still to come and belongs after `responses`. */
    waiting: boolean;
    /** The server refused the document and nothing more can be left out. */
    fatal?: readonly unknown[];
}

/** What a request is: the same text and variables is the same answer, whatever else changed (rows, grouping). */
export function requestKey(plan: BoardPlan): string {
    return JSON.stringify([plan.query, plan.variables]);
}

/** The load, when it holds answers to the plan's request. */
export function currentLoad(plan: BoardPlan | undefined, load: Load | null): Load | null {
    return plan && load && load.key === requestKey(plan) ? load : null;
}

/** The board's document, or the page being fetched (or fetched last). */
export function askedDocument(state: PlanState, load: Load | null): BoardDocument | undefined {
    return currentLoad(state.plan, load)?.asked ?? state.plan;
}

export function mergeOmissions(a: BoardOmissions, b: BoardOmissions): BoardOmissions {
    const secondary = [...new Set([...(a.secondary ?? []), ...(b.secondary ?? [])])].sort();
    return {
        ...(secondary.length ? { secondary } : {}),
        ...(a.comparison || b.comparison ? { comparison: true } : {}),
        ...(a.options || b.options ? { options: true } : {}),
        ...(a.targetField || b.targetField ? { targetField: true } : {}),
    };
}

/** The wire's value, as `lightning/graphql` gives it. */
export interface WireAnswer {
    data?: unknown;
    errors?: readonly unknown[] | null;
}

export interface Progress {
    load: Load | null;
    retry: Retry | null;
}

/**
 * Each answer: to the board's document (it replaces what was read), to the page being fetched (it is added), or
 * to the last page again (a refresh: it replaces that page). More groups to fetch set the next page; a refused
 * document is asked again without the parts the errors point at, when the board can do without them. Undefined
 * when the answer changes nothing.
 */
export function receiveAnswer(
    state: PlanState,
    progress: Progress,
    answer: WireAnswer | undefined,
): Progress | undefined {
    const plan = state.plan;
    if (!answer || (answer.data === undefined && !answer.errors) || !plan) return undefined;
    const load = currentLoad(plan, progress.load);
    const asked = load?.asked ?? plan;
    const response: BoardResponse = { document: asked, data: answer.data, errors: answer.errors ?? null };
    let responses = [response];
    if (load && asked.operationName === PAGE_OPERATION) {
        responses = load.waiting ? [...load.responses, response] : [...load.responses.slice(0, -1), response];
    }
    const key = requestKey(plan);
    // While pages are still to come only their cursors matter: the whole is read once, when the last page is in.
    const cursors = readBoardCursors(plan, responses);
    if (cursors.answered && Object.keys(cursors.next).length > 0) {
        return {
            load: { key, responses, asked: planBoardPage(plan, cursors.next), waiting: true },
            retry: progress.retry,
        };
    }
    const data = readBoardResponses(plan, responses);
    if (!data.answered) {
        const more = omissionsAfterFailure(plan, data);
        const omitted = omissionsOf(progress.retry, state.baseKey);
        const merged = more ? mergeOmissions(omitted, more) : undefined;
        if (merged && JSON.stringify(merged) !== JSON.stringify(omitted)) {
            return { load: progress.load, retry: { baseKey: state.baseKey, omissions: merged } };
        }
        return { load: { key, responses, asked, waiting: false, fatal: answer.errors ?? [] }, retry: progress.retry };
    }
    return { load: { key, responses, asked, waiting: false }, retry: progress.retry };
}

/** The answers read: undefined data while a page is still to come; a board unless what it needs failed. */
export interface BoardAnswer {
    data?: BoardData;
    fatal?: readonly unknown[];
    board?: Board;
}

export function readBoard(state: PlanState, load: Load | null, userId: string): BoardAnswer {
    const plan = state.plan;
    const current = currentLoad(plan, load);
    const data =
        plan && current && !current.waiting && !current.fatal ? readBoardResponses(plan, current.responses) : undefined;
    const fatal = fatalErrors(state, current, data);
    return { data, fatal, board: plan && data && !fatal ? buildBoard(plan, data, userId) : undefined };
}

/** Why the board itself cannot be shown: planning threw, the server refused it, or a part it needs failed. */
export function fatalErrors(
    state: PlanState,
    load: Load | null,
    data: BoardData | undefined,
): readonly unknown[] | undefined {
    if (state.failure) return [state.failure];
    if (load?.fatal) return load.fatal.length > 0 ? load.fatal : [LABELS.noAnswer];
    const plan = state.plan;
    if (!data || !plan) return undefined;
    const main = plan.config.kpi.id;
    const essential = (reads: { kpi: string; window: string }[], role: string) =>
        role === 'users' || reads.some((r) => r.kpi === main && r.window === 'current');
    const failed = data.failures.filter((f) => essential(f.subquery.reads, f.subquery.role));
    if (failed.length > 0) return failed.flatMap((f) => f.errors);
    if (data.missing.some((s) => essential(s.reads, s.role))) return [LABELS.noAnswer];
    const hidden = data.hiddenFields.find((h) => essential(h.reads, h.subquery.role));
    if (hidden) return [fillLabel(LABELS.fieldHidden, hidden.field, kpiName(plan.config.kpi))];
    return undefined;
}

export type BoardStatus = 'idle' | 'loading' | 'error' | 'empty' | 'rows';

/** Idle only when there is nothing to plan (configuration errors); loading is never shown as empty. */
export function boardStatus(state: PlanState, answer: BoardAnswer): BoardStatus {
    if (answer.fatal) return 'error';
    if (answer.board) return answer.board.rows.length > 0 ? 'rows' : 'empty';
    return state.plan ? 'loading' : 'idle';
}

// ---- Texts ----

export interface KeyedText {
    key: string;
    text: string;
}

function keyed(prefix: string, texts: readonly string[]): KeyedText[] {
    return texts.map((text, index) => ({ key: `${prefix}-${index}`, text }));
}

export function kpiName(kpi: BoardKpi): string {
    return kpiTitle(kpi.id);
}

/** A KPI's title by id among the plan's KPIs; the id itself when the plan does not hold it. */
export function titleOf(id: string, plan: BoardPlan): string {
    const kpi = plan.kpis.find((k) => k.id === id);
    return kpi ? kpiName(kpi) : id;
}

/** A configuration problem as a sentence naming the property as App Builder labels it. */
export function problemText(problem: ConfigProblem): string {
    return problemMessage(problem, PROPERTY_LABELS, PROBLEM_LABELS);
}

export function configErrors(problems: readonly ConfigProblem[]): KeyedText[] {
    return keyed('error', problems.filter((problem) => problem.severity === 'error').map(problemText));
}

/**
 * The most useful line about why a part failed: the kind as the error panel words it (no access, not supported,
 * network), else the server's own message (shortened by kpiErrors), never a generic line where the server said why.
 */
export function errorText(errors: readonly unknown[]): string {
    const reduced = reduceErrors(errors);
    if (reduced.some((entry) => entry.kind !== 'other')) return summarizeErrors(reduced);
    return reduced[0]?.message || LABELS.noAnswer;
}

export function boardCurrency(config: BoardConfig | undefined, context: ViewerContext): string {
    return config?.currencyCode ?? context.currency;
}

/** A value in its unit, or a dash: never an empty cell that a screen reader skips. */
export function formatValue(value: number | null | undefined, unit: KpiUnit, locale: string, currency: string): string {
    if (value === null || value === undefined) return '–';
    return formatKpiValue(value, unit, { locale, currency }) || '–';
}

export function kpiLabel(config: BoardConfig | undefined): string {
    return config ? kpiName(config.kpi) : '';
}

export function heading(cardTitle: string | undefined, config: BoardConfig | undefined): string {
    return cardTitle || fillLabel(LABELS.title, kpiLabel(config));
}

export function dateRange(plan: BoardPlan | undefined, locale: string): string {
    return plan ? formatDateRange(plan.window, locale) : '';
}

export function subtitle(plan: BoardPlan | undefined, locale: string): string {
    if (!plan) return '';
    const parts = [dateRange(plan, locale)];
    if (plan.config.rankBy === 'percentOfTarget') parts.push(LABELS.rankedByTarget);
    const compared = plan.comparisonWindow;
    if (compared && plan.config.comparison !== 'none') {
        parts.push(fillLabel(LABELS.movementWindow, formatComparedWindow(compared, plan.config.comparison, locale)));
    }
    return parts.join(' · ');
}

export function caption(state: PlanState, locale: string): string {
    return fillLabel(LABELS.caption, kpiLabel(state.config), dateRange(state.plan, locale));
}

/** Parts left out before asking: over the subquery budget, or refused by the server on an earlier try. */
export function omissionNotices(plan: BoardPlan, omitted: BoardOmissions, data: BoardData | undefined): string[] {
    const texts: string[] = [];
    const overBudget = plan.droppedSecondary.filter((id) => !omitted.secondary?.includes(id));
    if (overBudget.length > 0) {
        const titles = plan.config.secondary.filter((k) => overBudget.includes(k.id)).map(kpiName);
        texts.push(fillLabel(LABELS.tooManySecondary, PROPERTY_LABELS.secondaryKpis, titles.join(', ')));
    }
    for (const kpi of plan.config.secondary.filter((k) => omitted.secondary?.includes(k.id))) {
        texts.push(fillLabel(LABELS.partFailed, kpiName(kpi), LABELS.noAnswer));
    }
    if (omitted.comparison) texts.push(fillLabel(LABELS.partFailed, LABELS.movementPart, LABELS.noAnswer));
    if (omitted.targetField || data?.targetFieldHidden) {
        const field = plan.config.target.source === 'userField' ? plan.config.target.field : '';
        texts.push(fillLabel(LABELS.targetFieldFailed, PROPERTY_LABELS.targetField, field));
    }
    return texts;
}

/** Parts of an answer the board can do without: failed or hidden secondary parts, groups past the last page. */
export function answerNotices(plan: BoardPlan, data: BoardData, locale: string): string[] {
    const texts: string[] = [];
    const main = plan.config.kpi.id;
    for (const failure of data.failures) {
        const what = failure.subquery.reads.find((r) => r.kpi !== main || r.window === 'comparison');
        if (failure.subquery.role === 'options') {
            texts.push(fillLabel(LABELS.partFailed, LABELS.filterValuesPart, errorText(failure.errors)));
        } else if (what) {
            const name = what.kpi === main ? LABELS.movementPart : titleOf(what.kpi, plan);
            texts.push(fillLabel(LABELS.partFailed, name, errorText(failure.errors)));
        }
    }
    for (const { reads, field } of data.hiddenFields) {
        const other = reads.find((r) => r.kpi !== main);
        if (other) texts.push(fillLabel(LABELS.fieldHidden, field, titleOf(other.kpi, plan)));
        // The ranked KPI's comparison hidden while its current value is not: the movement goes, and says why.
        else if (reads.some((r) => r.window === 'comparison')) {
            texts.push(fillLabel(LABELS.fieldHidden, field, LABELS.movementPart));
        }
    }
    if (data.truncated.length > 0) {
        texts.push(fillLabel(LABELS.incomplete, formatCount(GROUPS_PER_PAGE * MAX_PAGES, locale)));
    }
    if (data.unseenOwners.length > 0) {
        texts.push(fillLabel(LABELS.ownersUnseen, formatCount(data.unseenOwners.length, locale)));
    }
    // An error the answer ties to no part of the board, which still came back whole: said, not dropped.
    if (data.unplaced.length > 0) texts.push(fillLabel(LABELS.unplaced, errorText(data.unplaced)));
    return texts;
}

/** Notices for the viewer: values ignored, columns left out or unreadable, an incomplete board; each once. */
export function notices(state: PlanState, retry: Retry | null, answer: BoardAnswer, locale: string): KeyedText[] {
    const texts = state.problems.filter((p) => p.severity === 'warning').map(problemText);
    const { plan } = state;
    if (plan) texts.push(...omissionNotices(plan, omissionsOf(retry, state.baseKey), answer.data));
    if (plan && answer.data && !answer.fatal) texts.push(...answerNotices(plan, answer.data, locale));
    return keyed('notice', [...new Set(texts)]);
}

export function footnotes(plan: BoardPlan | undefined, currency: string): KeyedText[] {
    const notes = [LABELS.visibility];
    if (plan?.kpis.some((kpi) => kpi.unit === 'currency')) notes.push(fillLabel(LABELS.amountsCurrency, currency));
    return keyed('note', notes);
}

function unrankedText(reason: UnrankedReason | null, config: BoardConfig, locale: string): string {
    if (reason === 'belowMinSample') return fillLabel(LABELS.belowMinSample, formatCount(config.minSample, locale));
    if (reason === 'noTarget') return LABELS.noTarget;
    return reason === 'noValue' ? LABELS.noValue : '';
}

function movementWords(movement: Movement): string {
    if (movement.kind === 'up') return fillLabel(LABELS.movedUp, movement.places);
    if (movement.kind === 'down') return fillLabel(LABELS.movedDown, movement.places);
    return movement.kind === 'same' ? LABELS.same : LABELS.new;
}

/** One sentence for the viewer: rank, the gap to the next rank, the movement; empty when they are not on it. */
export function viewerSummary(plan: BoardPlan, board: Board, context: ViewerContext): string {
    const row = board.rows.find((r) => r.key === board.viewerKey);
    if (!row) return '';
    // Nobody else's records are visible: say so instead of "#1 of 1" (the row shows the viewer's own numbers).
    if (board.ownOnly) return fillLabel(LABELS.ownOnly, kpiName(plan.config.kpi));
    const { locale } = context;
    if (row.rank === null) {
        return fillLabel(LABELS.viewerUnranked, unrankedText(row.unranked ?? 'noValue', plan.config, locale));
    }
    const rank = row.rank;
    const rankLabel = row.tied ? LABELS.viewerRankTied : LABELS.viewerRank;
    const parts = [fillLabel(rankLabel, formatCount(rank, locale), formatCount(board.rankedCount, locale))];
    if (row.valueGapToNext !== null) {
        // A gap to the next rank means a better rank exists: the largest rank above the viewer's.
        const nextRank = Math.max(...board.rows.map((r) => r.rank ?? 0).filter((r) => r < rank));
        const gap = formatValue(row.valueGapToNext, plan.config.kpi.unit, locale, boardCurrency(plan.config, context));
        parts.push(fillLabel(LABELS.viewerGap, gap, formatCount(nextRank, locale)));
    }
    if (row.movement && row.movement.kind !== 'new') {
        parts.push(fillLabel(LABELS.viewerMoved, movementWords(row.movement)));
    }
    return parts.join(' ');
}

// ---- The filter bar ----

export interface FilterOption {
    label: string;
    value: string;
}

/** One filter of `c-kpi-filter-bar`; `name` is the BoardChoices key it sets. */
export interface FilterControl {
    name: keyof BoardChoices;
    label: string;
    value: string;
    options: FilterOption[];
    disabled?: boolean;
}

/** Every fixed period, and the configured rolling window when the admin chose one. */
export function periodFilter(config: BoardConfig): FilterControl {
    const current = periodKey(config.period);
    const kinds = PERIOD_KINDS.filter((kind) => kind !== 'rollingDays').map(String);
    const values = kinds.includes(current) ? kinds : [...kinds, current];
    const options = values.map((value) => ({
        value,
        label: (PERIOD_LABELS as Record<string, string>)[value] ?? fillLabel(LABELS.periodRolling, value.split(':')[1]),
    }));
    return { name: 'period', label: LABELS.filterPeriod, value: current, options };
}

/** The same period this year and in each earlier year shown, labelled by its dates. */
export function yearFilter(config: BoardConfig, now: Date, context: ViewerContext): FilterControl {
    const options = Array.from({ length: config.yearsShown }, (_, yearsBack) => {
        const { window } = boardWindows({ ...config, yearsBack }, { ...context, now });
        return { value: String(yearsBack), label: formatDateRange(window, context.locale) };
    });
    return { name: 'yearsBack', label: LABELS.filterYear, value: String(config.yearsBack), options };
}

/** "All", the values the org answered with, and the chosen value even when the org did not list it. */
export function picklistFilter(name: BoardFilter, config: BoardConfig, data: BoardData | undefined): FilterControl {
    const chosen = config.filters[name] ?? '';
    const values = [...(data?.options[name] ?? [])];
    if (chosen && !values.some((option) => option.value === chosen)) values.push({ value: chosen, label: chosen });
    const options = [{ value: '', label: LABELS.all }, ...values.map(({ value, label }) => ({ value, label }))];
    const label = name === 'opportunityType' ? LABELS.filterType : LABELS.filterSource;
    return { name, label, value: chosen, options };
}

export function groupFilter(config: BoardConfig): FilterControl {
    const labels: Record<string, string> = {
        rep: LABELS.groupRep,
        manager: LABELS.groupManager,
        role: LABELS.groupRole,
    };
    const options = BOARD_GROUPINGS.map((value) => ({ value, label: labels[value] }));
    return { name: 'groupBy', label: LABELS.filterGroup, value: config.groupBy, options };
}

/** The filters of the bar: a year switch when more than one year is shown, a picklist only where the KPI has it. */
export function filterBar(state: PlanState, data: BoardData | undefined, context: ViewerContext): FilterControl[] {
    const config = state.config;
    if (!config?.showFilters) return [];
    const filters = [periodFilter(config)];
    if (config.yearsShown > 1) filters.push(yearFilter(config, state.now, context));
    for (const name of ['opportunityType', 'leadSource'] as const) {
        if (state.plan?.subqueries.some((s) => s.filter === name)) filters.push(picklistFilter(name, config, data));
    }
    filters.push(groupFilter(config));
    return filters;
}

const CHOICES = new Set<string>(['period', 'yearsBack', 'opportunityType', 'leadSource', 'groupBy']);

/** The choices after the viewer set one filter; a name the bar does not offer changes nothing. */
export function chooseFilter(choices: BoardChoices, name: string, value: string): BoardChoices {
    if (!CHOICES.has(name)) return choices;
    return { ...choices, [name]: name === 'yearsBack' ? Number(value) : value };
}

// ---- The table ----

export interface SortState {
    key: string;
    direction: SortDirection;
}

export const INITIAL_SORT: SortState = { key: 'rank', direction: 'ascending' };

const DESCENDING_FIRST = new Set(['percentOfTarget', 'pace', 'movement']);

/** The same column again reverses; another starts with its best first (the highest, unless lower is better). */
export function nextSort(sort: SortState, key: string, kpi: BoardKpi | undefined): SortState {
    if (key === sort.key) return { key, direction: sort.direction === 'ascending' ? 'descending' : 'ascending' };
    const higherFirst =
        DESCENDING_FIRST.has(key) || key.startsWith('secondary:') || (key === 'value' && kpi?.higherIsBetter !== false);
    return { key, direction: higherFirst ? 'descending' : 'ascending' };
}

export type ColumnKind =
    'rank' | 'name' | 'value' | 'percentOfTarget' | 'pace' | 'gapToTarget' | 'movement' | 'secondary';

export interface BoardColumn {
    /** The sort key: the kind, or `secondary:<id>`. */
    key: string;
    kind: ColumnKind;
    label: string;
    unit: KpiUnit;
}

/** Target columns when there is a target (pace and gap not in the compact layout), movement when it is known. */
export function boardColumns(plan: BoardPlan, board: Board): BoardColumn[] {
    const { kpi, groupBy, variant } = plan.config;
    const compact = variant === 'compact';
    const column = (kind: ColumnKind, label: string, unit = kpi.unit): BoardColumn => ({
        key: kind,
        kind,
        label,
        unit,
    });
    const entity = groupBy === 'manager' ? LABELS.teamManager : groupBy === 'role' ? LABELS.teamRole : LABELS.rep;
    const columns = [column('rank', LABELS.rank), column('name', entity), column('value', kpiName(kpi))];
    if (board.hasTarget) columns.push(column('percentOfTarget', LABELS.percentOfTarget, 'percent'));
    if (board.hasTarget && !compact && kpi.additive) columns.push(column('pace', LABELS.pace));
    if (board.hasTarget && !compact) columns.push(column('gapToTarget', LABELS.gapToTarget));
    if (board.hasComparison) columns.push(column('movement', LABELS.movement));
    for (const id of compact ? [] : board.secondary) {
        const unit = plan.kpis.find((k) => k.id === id)!.unit;
        columns.push({ key: `secondary:${id}`, kind: 'secondary', label: titleOf(id, plan), unit });
    }
    return columns;
}

export interface Header {
    key: string;
    label: string;
    ariaSort?: SortDirection;
    thClass: string;
    arrow: string;
}

export function headers(columns: readonly BoardColumn[], sort: SortState): Header[] {
    return columns.map(({ key, kind, label }) => {
        const sorted = key === sort.key;
        const numeric = kind !== 'rank' && kind !== 'name';
        return {
            key,
            label,
            ariaSort: sorted ? sort.direction : undefined,
            thClass: `kpi-leaderboard__th${numeric ? ' kpi-leaderboard__number' : ''}`,
            arrow: sorted ? (sort.direction === 'ascending' ? '▲' : '▼') : '',
        };
    });
}

/** A number cell of a row or of the total; the value and percent cells carry a bar, movement its words. */
export interface Cell {
    key: string;
    cellClass: string;
    text: string;
    /** The value cell: a button that opens the KPI's records. */
    isValue: boolean;
    isMovement: boolean;
    barStyle?: string;
    barClass?: string;
    movementIsNew?: boolean;
    movementGlyph?: string;
    movementNumber?: string;
    movementClass?: string;
}

const CELL_CLASSES: Partial<Record<ColumnKind, string>> = {
    percentOfTarget: 'kpi-leaderboard__number kpi-leaderboard__percent',
    pace: 'kpi-leaderboard__number kpi-leaderboard__pace',
    gapToTarget: 'kpi-leaderboard__number kpi-leaderboard__gap',
};

/** A bar's width as a share of its cell, 0 to 100 %. */
export function barWidth(share: number): string {
    return `width: ${Math.max(0, Math.min(100, share * 100)).toFixed(1)}%`;
}

const GLYPHS: Record<string, string> = { up: '▲', down: '▼', same: '–' };

function movementCell(cell: Cell, movement: Movement | null): Cell {
    const moved = movement && (movement.kind === 'up' || movement.kind === 'down');
    return {
        ...cell,
        isMovement: true,
        text: movement ? movementWords(movement) : '',
        movementIsNew: movement?.kind === 'new',
        movementGlyph: movement ? (GLYPHS[movement.kind] ?? '') : '',
        movementNumber: moved ? String(movement.places) : '',
        movementClass: `kpi-leaderboard__movement kpi-leaderboard__movement_${movement?.kind ?? 'none'}`,
    };
}

export type Format = (value: number | null | undefined, unit: KpiUnit) => string;

/** A row's cell in one column after the rank and the name; `scale` is the largest value, the value bar's 100 %. */
export function rowCell(column: BoardColumn, row: BoardRow, scale: number, format: Format): Cell {
    const cell: Cell = {
        key: column.key,
        cellClass: CELL_CLASSES[column.kind] ?? 'kpi-leaderboard__number',
        text: '',
        isValue: false,
        isMovement: false,
    };
    const { progress } = row;
    switch (column.kind) {
        case 'value':
            return {
                ...cell,
                isValue: true,
                text: format(row.value, column.unit),
                barStyle: barWidth(scale > 0 ? Math.abs(row.value ?? 0) / scale : 0),
                barClass: 'kpi-leaderboard__bar-fill',
            };
        case 'percentOfTarget':
            return {
                ...cell,
                text: format(progress.percentOfTarget, 'percent'),
                barStyle: barWidth(progress.percentOfTarget ?? 0),
                barClass: `kpi-leaderboard__bar-fill${progress.met ? ' kpi-leaderboard__bar-fill_met' : ''}`,
            };
        case 'pace':
            return { ...cell, text: format(progress.pace, column.unit) };
        case 'gapToTarget':
            return { ...cell, text: format(progress.gapToTarget, column.unit) };
        case 'movement':
            return movementCell(cell, row.movement);
        default:
            return { ...cell, text: format(row.secondary[column.key.slice('secondary:'.length)], column.unit) };
    }
}

/** The total under the value and target columns; movement and secondary KPIs have none. */
export function totalCells(
    columns: readonly BoardColumn[],
    board: Board,
    format: Format,
): { key: string; text: string }[] {
    const { value, progress } = board.total;
    const totals: Partial<Record<ColumnKind, number | null>> = {
        value,
        percentOfTarget: progress.percentOfTarget,
        pace: progress.pace,
        gapToTarget: progress.gapToTarget,
    };
    return columns.slice(2).map((column) => ({
        key: column.key,
        text: column.kind in totals ? format(totals[column.kind], column.unit) : '',
    }));
}

export interface DisplayRow {
    key: string;
    isSeparator: boolean;
    rowClass: string;
    ariaCurrent?: string;
    isViewer?: boolean;
    rankText?: string;
    tied?: boolean;
    unrankedText?: string;
    name?: string;
    canOpenUser?: boolean;
    userId?: string | null;
    memberText?: string;
    cells?: Cell[];
    /** The separator's text and how many columns it spans. */
    text?: string;
    colspan?: number;
}

export function displayRow(
    row: BoardRow,
    columns: readonly BoardColumn[],
    config: BoardConfig,
    scale: number,
    format: Format,
    locale: string,
): DisplayRow {
    const team = config.groupBy === 'manager' ? LABELS.noManager : config.groupBy === 'role' ? LABELS.noRole : row.key;
    return {
        key: row.key,
        isSeparator: false,
        rowClass: `kpi-leaderboard__row${row.isViewer ? ' kpi-leaderboard__row_viewer slds-is-selected' : ''}`,
        ariaCurrent: row.isViewer ? 'true' : undefined,
        isViewer: row.isViewer,
        rankText: row.rank === null ? '–' : String(row.rank),
        tied: row.tied,
        unrankedText: unrankedText(row.unranked, config, locale),
        name: row.name ?? team,
        canOpenUser: Boolean(row.userId),
        userId: row.userId,
        memberText: row.kind === 'team' ? fillLabel(LABELS.members, formatCount(row.memberIds.length, locale)) : '',
        cells: columns.slice(2).map((column) => rowCell(column, row, scale, format)),
    };
}

/**
 * The rows on screen in the chosen order: the top rows, then (below "Your position") the viewer with the rows
 * around them when they are further down; every row once expanded.
 */
export function tableRows(
    plan: BoardPlan,
    board: Board,
    columns: readonly BoardColumn[],
    view: { sort: SortState; expanded: boolean; format: Format; locale: string },
): DisplayRow[] {
    const sorted = sortRows(board.rows, view.sort.key, view.sort.direction);
    const byKey = new Map(sorted.map((row) => [row.key, row]));
    const keys = sorted.map((row) => row.key);
    const { top, pinned } = view.expanded
        ? { top: keys, pinned: [] }
        : viewerSlice(keys, board.viewerKey, plan.config.rowLimit);
    const scale = Math.max(0, ...board.rows.map((row) => Math.abs(row.value ?? 0)));
    const display = (key: string) => displayRow(byKey.get(key)!, columns, plan.config, scale, view.format, view.locale);
    const rows = top.map(display);
    if (pinned.length > 0) {
        const text = LABELS.yourPosition;
        rows.push({
            key: 'separator',
            isSeparator: true,
            rowClass: 'kpi-leaderboard__separator',
            text,
            colspan: columns.length,
        });
        rows.push(...pinned.map(display));
    }
    return rows;
}

export function toggleLabel(board: Board, config: BoardConfig, expanded: boolean, locale: string): string {
    return expanded
        ? fillLabel(LABELS.showTop, formatCount(config.rowLimit, locale))
        : fillLabel(LABELS.showAll, formatCount(board.rows.length, locale));
}

// ---- Everything the template shows ----

export interface LeaderboardInput {
    cardTitle?: string;
    state: PlanState;
    answer: BoardAnswer;
    retry: Retry | null;
    sort: SortState;
    expanded: boolean;
    context: ViewerContext;
}

export interface LeaderboardView {
    cardClass: string;
    heading: string;
    subtitle: string;
    configErrors: KeyedText[];
    hasConfigErrors: boolean;
    notices: KeyedText[];
    hasNotices: boolean;
    filters: FilterControl[];
    showFilterBar: boolean;
    isLoading: boolean;
    isError: boolean;
    isEmpty: boolean;
    hasRows: boolean;
    fatalErrors?: readonly unknown[];
    viewerSummary: string;
    caption: string;
    headers: Header[];
    rows: DisplayRow[];
    showTotalRow: boolean;
    totalCells: { key: string; text: string }[];
    hasMoreRows: boolean;
    toggleLabel: string;
    expandedState: string;
    footnotes: KeyedText[];
}

export function leaderboardView(input: LeaderboardInput): LeaderboardView {
    const { state, answer, context } = input;
    const { config, plan } = state;
    const { board } = answer;
    const compact = config?.variant === 'compact';
    const currency = boardCurrency(config, context);
    const format: Format = (value, unit) => formatValue(value, unit, context.locale, currency);
    const status = boardStatus(state, answer);
    const configProblems = configErrors(state.problems);
    const noticeList = notices(state, input.retry, answer, context.locale);
    const filters = filterBar(state, answer.data, context);
    const shown = plan && board && status === 'rows';
    const columns = shown ? boardColumns(plan, board) : [];
    const sorting = { sort: input.sort, expanded: input.expanded, format, locale: context.locale };
    return {
        cardClass: `slds-card kpi-leaderboard${compact ? ' kpi-leaderboard_compact' : ''}`,
        heading: heading(input.cardTitle, config),
        subtitle: subtitle(plan, context.locale),
        configErrors: configProblems,
        hasConfigErrors: configProblems.length > 0,
        notices: noticeList,
        hasNotices: noticeList.length > 0,
        filters,
        showFilterBar: filters.length > 0,
        isLoading: status === 'loading',
        isError: status === 'error',
        isEmpty: status === 'empty',
        hasRows: status === 'rows',
        fatalErrors: answer.fatal,
        viewerSummary: shown ? viewerSummary(plan, board, context) : '',
        caption: caption(state, context.locale),
        headers: headers(columns, input.sort),
        rows: shown ? tableRows(plan, board, columns, sorting) : [],
        showTotalRow: status === 'rows' && !compact && !board?.ownOnly,
        totalCells: shown ? totalCells(columns, board, format) : [],
        hasMoreRows: Boolean(shown && board.rows.length > plan.config.rowLimit),
        toggleLabel: shown ? toggleLabel(board, plan.config, input.expanded, context.locale) : '',
        expandedState: String(input.expanded),
        footnotes: footnotes(plan, currency),
    };
}

/** leaderboardView, computed again only when one of its inputs is another value or object. */
export function cachedLeaderboardView(): (input: LeaderboardInput) => LeaderboardView {
    return memoizeLast(leaderboardView, (input) => [
        input.cardTitle,
        input.state,
        input.answer,
        input.retry,
        input.sort,
        input.expanded,
        input.context,
    ]);
}

// ---- Where a click goes ----

export function userPage(recordId: string) {
    return {
        type: 'standard__recordPage',
        attributes: { recordId, objectApiName: 'User', actionName: 'view' },
    };
}

/**
 * The records behind the number: the KPI's list view. A list view cannot be filtered to one owner or period
 * from a URL (page references take a filterName only), so the list shows the KPI's records the viewer can see.
 * https://developer.salesforce.com/docs/platform/lwc/guide/reference-page-reference-type.html
 */
export function recordsPage(kpi: BoardKpi) {
    return {
        type: 'standard__objectPage',
        attributes: { objectApiName: kpi.drillDown.object, actionName: 'list' },
        state: { filterName: kpi.drillDown.listView },
    };
}
