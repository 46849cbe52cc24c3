import { LightningElement, api, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
import type { GraphQLResult } from 'lightning/graphql';
import { NavigationMixin } from 'lightning/navigation';
import viewerCurrency from '@salesforce/i18n/currency';
import viewerFirstDayOfWeek from '@salesforce/i18n/firstDayOfWeek';
import locale from '@salesforce/i18n/locale';
import timeZone from '@salesforce/i18n/timeZone';
import userId from '@salesforce/user/Id';
import { reduceErrors, summarizeErrors } from 'c/kpiErrors';
import { formatCount, formatDateRange, formatKpiValue } from 'c/kpiFormat';
import {
    BOARD_GROUPINGS,
    boardPageQuery,
    boardQuery,
    boardWindows,
    buildBoard,
    GROUPS_PER_PAGE,
    MAX_PAGES,
    omissionsAfterFailure,
    planBoard,
    planBoardPage,
    readBoardConfig,
    readBoardResponses,
    sortRows,
} from 'c/kpiLeaderboardQuery';
import type {
    Board,
    BoardChoices,
    BoardConfig,
    BoardData,
    BoardDocument,
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
import { kpiTitle } from 'c/kpiResults';
import { LABELS, PERIOD_LABELS, PROBLEM_LABELS, PROPERTY_LABELS } from './kpiLeaderboardLabels';

/** The board a property set and the viewer's choices ask for; remembered so the wire sees the same objects. */
interface PlanState {
    key: string;
    baseKey: string;
    problems: ConfigProblem[];
    config?: BoardConfig;
    plan?: BoardPlan;
    /** planBoard threw: shown as an error, never thrown at the page. */
    failure?: unknown;
}

interface Load {
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

function fill(template: string, ...values: (string | number)[]): string {
    return values.reduce<string>((text, value, index) => text.split(`{${index}}`).join(String(value)), template);
}

/** The i18n module gives 1 (Sunday) … 7; anything else (the Jest mock gives 0) falls back to Sunday. */
const firstDayOfWeek =
    Number.isInteger(viewerFirstDayOfWeek) && viewerFirstDayOfWeek >= 1 && viewerFirstDayOfWeek <= 7
        ? viewerFirstDayOfWeek
        : 1;

/** Plans, page documents and parsed gql documents, kept outside reactive state (computing them is not a change). */
class BoardCache {
    state?: PlanState;
    private documentText?: string;
    private document?: unknown;
    private dataFor?: readonly BoardResponse[];
    private dataPlan?: BoardPlan;
    private boardPlan?: BoardPlan;
    private data?: BoardData;
    private boardFor?: BoardData;
    private board?: Board;

    planState(key: string, make: () => PlanState): PlanState {
        if (this.state?.key !== key) this.state = make();
        return this.state;
    }

    parsed(text: string, parse: () => unknown): unknown {
        if (this.documentText !== text) {
            this.documentText = text;
            this.document = parse();
        }
        return this.document;
    }

    dataOf(plan: BoardPlan, responses: readonly BoardResponse[]): BoardData {
        if (this.dataFor !== responses || this.dataPlan !== plan || !this.data) {
            this.dataFor = responses;
            this.dataPlan = plan;
            this.data = readBoardResponses(plan, responses);
        }
        return this.data;
    }

    /** Built again for another plan on the same answers: grouping, targets and ranking rules live in the plan. */
    boardOf(plan: BoardPlan, data: BoardData): Board {
        if (this.boardFor !== data || this.boardPlan !== plan || !this.board) {
            this.boardFor = data;
            this.boardPlan = plan;
            this.board = buildBoard(plan, data, userId);
        }
        return this.board;
    }
}

const DESCENDING_FIRST = new Set(['percentOfTarget', 'pace', 'movement']);

/**
 * A sales leaderboard for Home and app pages: reps (or teams) ranked on a catalog KPI, against a target, ties done
 * right, the viewer always in view. One GraphQL request per render (more only to page past 2,000 groups).
 */
export default class KpiLeaderboard extends NavigationMixin(LightningElement) {
    /** Card title; empty for "Leaderboard: <KPI>". */
    @api cardTitle?: string;
    /** KPI to rank on (a catalog KPI counted per owner, or newLogos). */
    @api kpi?: string;
    /** More KPIs shown as columns, comma-separated ids. */
    @api secondaryKpis?: string;
    /** thisFiscalQuarter, thisMonth, rollingDays:30, … */
    @api period?: string;
    /** previousPeriod, samePeriodLastYear or none: what movement is measured against. */
    @api comparison?: string;
    /** Month (1-12) the org's fiscal year starts in, for fiscal comparisons and past years. */
    @api fiscalYearStartMonth?: number;
    /** How many years the year switch offers (1 hides it). */
    @api yearsShown?: number;
    /** Opportunity Type to count; empty for all. */
    @api opportunityType?: string;
    /** Lead Source to count; empty for all. */
    @api leadSource?: string;
    /** owners, role, profile or team. */
    @api rankedUsers?: string;
    /** Role developer name, when rankedUsers is role. */
    @api roleName?: string;
    /** Profile name, when rankedUsers is profile. */
    @api profileName?: string;
    /** Manager's User Id (or "me"), when rankedUsers is team. */
    @api managerId?: string;
    /** rep, manager or role. */
    @api groupBy?: string;
    /** value or percentOfTarget. */
    @api rankBy?: string;
    /** competition (1, 2, 2, 4) or dense (1, 2, 2, 3). */
    @api rankMethod?: string;
    /** Records a rate or average needs to be ranked; empty for the KPI's own minimum. */
    @api minSample?: number;
    /** none, everyone or userField. */
    @api targetSource?: string;
    /** The target everyone is measured against (150000, 25%). */
    @api target?: string;
    /** Numeric User field holding each rep's target. */
    @api targetField?: string;
    /** Rows shown before "Show all" (the viewer is pinned below them). */
    @api rowLimit?: number;
    /** full or compact (Home page). */
    @api variant?: string;
    /** Show the filter bar (never in the compact layout). */
    @api showFilters?: boolean;
    /** ISO currency code of amounts; empty for the viewer's currency. */
    @api currencyCode?: string;

    choices: BoardChoices = {};
    retry: { baseKey: string; omissions: BoardOmissions } | null = null;
    load: Load | null = null;
    sortKey = 'rank';
    sortDirection: SortDirection = 'ascending';
    expanded = false;
    private readonly cache = new BoardCache();

    get properties(): BoardProperties {
        return {
            kpi: this.kpi,
            secondaryKpis: this.secondaryKpis,
            period: this.period,
            comparison: this.comparison,
            fiscalYearStartMonth: this.fiscalYearStartMonth,
            yearsShown: this.yearsShown,
            opportunityType: this.opportunityType,
            leadSource: this.leadSource,
            rankedUsers: this.rankedUsers,
            roleName: this.roleName,
            profileName: this.profileName,
            managerId: this.managerId,
            groupBy: this.groupBy,
            rankBy: this.rankBy,
            rankMethod: this.rankMethod,
            minSample: this.minSample,
            targetSource: this.targetSource,
            target: this.target,
            targetField: this.targetField,
            rowLimit: this.rowLimit,
            variant: this.variant,
            showFilters: this.showFilters,
            currencyCode: this.currencyCode,
        };
    }

    get planState(): PlanState {
        const now = new Date();
        const baseKey = JSON.stringify([this.properties, this.choices, now.toISOString().slice(0, 10)]);
        const omissions = this.retry?.baseKey === baseKey ? this.retry.omissions : {};
        const key = JSON.stringify([baseKey, omissions]);
        return this.cache.planState(key, () => {
            const { config, problems } = readBoardConfig(this.properties, this.choices);
            const state: PlanState = { key, baseKey, problems, config };
            if (!config) return state;
            try {
                state.plan = planBoard(config, { userId, now, timeZone, firstDayOfWeek, without: omissions });
            } catch (failure) {
                state.failure = failure;
            }
            return state;
        });
    }

    /** The load of the current board's request, if any answer arrived for it. */
    get currentLoad(): Load | null {
        const plan = this.planState.plan;
        return plan && this.load && this.load.key === requestKey(plan) ? this.load : null;
    }

    /** What the wire asks for now: the board's document, or the page being fetched (or fetched last). */
    get askedDocument(): BoardDocument | undefined {
        return this.currentLoad?.asked ?? this.planState.plan;
    }

    get boardDocument(): unknown {
        const asked = this.askedDocument;
        if (!asked) return undefined;
        if (asked.operationName === 'KpiLeaderboardPage') {
            return this.cache.parsed(
                asked.query,
                () => gql`
                    ${boardPageQuery(asked)}
                `,
            );
        }
        return this.cache.parsed(
            asked.query,
            () => gql`
                ${boardQuery(asked as BoardPlan)}
            `,
        );
    }

    get boardVariables(): Record<string, string> | undefined {
        return this.askedDocument?.variables;
    }

    get boardOperationName(): string | undefined {
        return this.askedDocument?.operationName;
    }

    /**
     * Each answer: to the board's document (it replaces what was read), to the page being fetched (it is added), or
     * to the last page again (a refresh: it replaces that page). More groups to fetch set the next page; a refused
     * document is asked again without the parts the errors point at, when the board can do without them.
     */
    @wire(graphql, { query: '$boardDocument', variables: '$boardVariables', operationName: '$boardOperationName' })
    handleBoard(result: GraphQLResult | undefined): void {
        if (!result || (result.data === undefined && !result.errors)) return;
        const state = this.planState;
        const plan = state.plan;
        if (!plan) return;
        const load = this.currentLoad;
        const asked = load?.asked ?? plan;
        const response: BoardResponse = { document: asked, data: result.data, errors: result.errors ?? null };
        let responses = [response];
        if (load && asked.operationName === 'KpiLeaderboardPage') {
            responses = load.waiting ? [...load.responses, response] : [...load.responses.slice(0, -1), response];
        }
        const data = readBoardResponses(plan, responses);
        if (!data.answered) {
            const more = omissionsAfterFailure(plan, data);
            const omitted = this.retry?.baseKey === state.baseKey ? this.retry.omissions : {};
            const merged = more ? mergeOmissions(omitted, more) : undefined;
            if (merged && JSON.stringify(merged) !== JSON.stringify(omitted)) {
                this.retry = { baseKey: state.baseKey, omissions: merged };
                return;
            }
            this.load = { key: requestKey(plan), responses, asked, waiting: false, fatal: result.errors ?? [] };
            return;
        }
        const more = Object.keys(data.next).length > 0;
        this.load = {
            key: requestKey(plan),
            responses,
            asked: more ? planBoardPage(plan, data.next) : asked,
            waiting: more,
        };
    }

    get problems(): ConfigProblem[] {
        return this.planState.problems;
    }

    get configErrors(): { key: string; text: string }[] {
        return this.problems
            .filter((problem) => problem.severity === 'error')
            .map((problem, index) => ({ key: `error-${index}`, text: problemText(problem) }));
    }

    get hasConfigErrors(): boolean {
        return this.configErrors.length > 0;
    }

    get plan(): BoardPlan | undefined {
        return this.planState.plan;
    }

    get data(): BoardData | undefined {
        const load = this.currentLoad;
        const plan = this.plan;
        if (!plan || !load || load.waiting || load.fatal) return undefined;
        return this.cache.dataOf(plan, load.responses);
    }

    /** Why the board itself cannot be shown: what it cannot do without failed. */
    get fatalErrors(): readonly unknown[] | undefined {
        if (this.planState.failure) return [this.planState.failure];
        const load = this.currentLoad;
        if (load?.fatal) return load.fatal.length > 0 ? load.fatal : [LABELS.noAnswer];
        const data = this.data;
        const plan = this.plan;
        if (!data || !plan) return undefined;
        const main = plan.config.kpi.id;
        const essential = (reads: { kpi: string; window: string }[], role: string) =>
            role === 'users' || reads.some((r) => r.kpi === main && r.window === 'current');
        const failed = data.failures.filter((f) => essential(f.subquery.reads, f.subquery.role));
        if (failed.length > 0) return failed.flatMap((f) => f.errors);
        if (data.missing.some((s) => essential(s.reads, s.role))) return [LABELS.noAnswer];
        const hidden = data.hiddenFields.find((h) => essential(h.reads, h.subquery.role));
        if (hidden) return [fill(LABELS.fieldHidden, hidden.field, this.kpiName(plan.config.kpi))];
        return undefined;
    }

    get board(): Board | undefined {
        const data = this.data;
        const plan = this.plan;
        if (!data || !plan || this.fatalErrors) return undefined;
        return this.cache.boardOf(plan, data);
    }

    get isLoading(): boolean {
        return Boolean(this.plan) && !this.fatalErrors && !this.board;
    }

    get isError(): boolean {
        return Boolean(this.fatalErrors);
    }

    get isEmpty(): boolean {
        return Boolean(this.board) && this.board!.rows.length === 0;
    }

    get hasRows(): boolean {
        return Boolean(this.board) && this.board!.rows.length > 0;
    }

    get isCompact(): boolean {
        return this.planState.config?.variant === 'compact';
    }

    get cardClass(): string {
        return `slds-card kpi-leaderboard${this.isCompact ? ' kpi-leaderboard_compact' : ''}`;
    }

    kpiName(kpi: BoardKpi): string {
        return kpi.fromCatalog ? kpiTitle(kpi.id) : LABELS.newLogos;
    }

    get kpiLabel(): string {
        const kpi = this.planState.config?.kpi;
        return kpi ? this.kpiName(kpi) : '';
    }

    get heading(): string {
        return this.cardTitle || fill(LABELS.title, this.kpiLabel);
    }

    get dateRange(): string {
        return this.plan ? formatDateRange(this.plan.window, locale) : '';
    }

    get subtitle(): string {
        if (!this.plan) return '';
        const parts = [this.dateRange];
        if (this.plan.config.rankBy === 'percentOfTarget') parts.push(LABELS.rankedByTarget);
        return parts.join(' · ');
    }

    get caption(): string {
        return fill(LABELS.caption, this.kpiLabel, this.dateRange);
    }

    get currency(): string {
        return this.planState.config?.currencyCode ?? viewerCurrency;
    }

    private format(value: number | null | undefined, unit = this.planState.config?.kpi.unit ?? 'count'): string {
        if (value === null || value === undefined) return '–';
        return formatKpiValue(value, unit, { locale, currency: this.currency }) || '–';
    }

    /** Notices for the viewer: values ignored, columns left out or unreadable, an incomplete board. */
    get notices(): { key: string; text: string }[] {
        const texts = this.problems.filter((p) => p.severity === 'warning').map(problemText);
        const plan = this.plan;
        const data = this.data;
        if (plan) {
            const omitted = this.retry?.baseKey === this.planState.baseKey ? this.retry.omissions : {};
            const overBudget = plan.droppedSecondary.filter((id) => !omitted.secondary?.includes(id));
            if (overBudget.length > 0) {
                const titles = plan.config.secondary
                    .filter((k) => overBudget.includes(k.id))
                    .map((k) => this.kpiName(k));
                texts.push(fill(LABELS.tooManySecondary, PROPERTY_LABELS.secondaryKpis, titles.join(', ')));
            }
            for (const kpi of plan.config.secondary.filter((k) => omitted.secondary?.includes(k.id))) {
                texts.push(fill(LABELS.partFailed, this.kpiName(kpi), LABELS.noAnswer));
            }
            if (omitted.comparison) texts.push(fill(LABELS.partFailed, LABELS.movementPart, LABELS.noAnswer));
            if (omitted.targetField || data?.targetFieldHidden) {
                const field = plan.config.target.source === 'userField' ? plan.config.target.field : '';
                texts.push(fill(LABELS.targetFieldFailed, PROPERTY_LABELS.targetField, field));
            }
        }
        if (plan && data && !this.fatalErrors) {
            const main = plan.config.kpi.id;
            for (const failure of data.failures) {
                const what = failure.subquery.reads.find((r) => r.kpi !== main || r.window === 'comparison');
                if (failure.subquery.role === 'options') {
                    texts.push(fill(LABELS.partFailed, LABELS.filterValuesPart, errorText(failure.errors)));
                } else if (what) {
                    const name = what.kpi === main ? LABELS.movementPart : this.titleOf(what.kpi);
                    texts.push(fill(LABELS.partFailed, name, errorText(failure.errors)));
                }
            }
            for (const { reads, field } of data.hiddenFields) {
                const other = reads.find((r) => r.kpi !== main);
                if (other) texts.push(fill(LABELS.fieldHidden, field, this.titleOf(other.kpi)));
            }
            if (data.truncated.length > 0)
                texts.push(fill(LABELS.incomplete, formatCount(GROUPS_PER_PAGE * MAX_PAGES, locale)));
        }
        return [...new Set(texts)].map((text, index) => ({ key: `notice-${index}`, text }));
    }

    get hasNotices(): boolean {
        return this.notices.length > 0;
    }

    titleOf(id: string): string {
        const kpi =
            this.plan?.kpis.find((k) => k.id === id) ?? this.planState.config?.secondary.find((k) => k.id === id);
        return kpi ? this.kpiName(kpi) : id;
    }

    get footnotes(): { key: string; text: string }[] {
        const notes = [LABELS.visibility];
        if (this.plan?.kpis.some((kpi) => kpi.unit === 'currency'))
            notes.push(fill(LABELS.amountsCurrency, this.currency));
        return notes.map((text, index) => ({ key: `note-${index}`, text }));
    }

    get showFilterBar(): boolean {
        return Boolean(this.planState.config?.showFilters);
    }

    get periodOptions(): { value: string; label: string; selected: boolean }[] {
        const config = this.planState.config;
        if (!config) return [];
        const current = periodKey(config.period);
        const kinds = PERIOD_KINDS.filter((kind) => kind !== 'rollingDays').map(String);
        const values = kinds.includes(current) ? kinds : [...kinds, current];
        return values.map((value) => ({
            value,
            label: PERIOD_LABELS[value] ?? fill(LABELS.periodRolling, value.split(':')[1]),
            selected: value === current,
        }));
    }

    get showYearSwitch(): boolean {
        return (this.planState.config?.yearsShown ?? 1) > 1;
    }

    get yearOptions(): { value: string; label: string; selected: boolean }[] {
        const config = this.planState.config;
        if (!config) return [];
        const now = new Date();
        return Array.from({ length: config.yearsShown }, (_, yearsBack) => {
            const { window } = boardWindows({ ...config, yearsBack }, { now, timeZone, firstDayOfWeek });
            return {
                value: String(yearsBack),
                label: formatDateRange(window, locale),
                selected: yearsBack === config.yearsBack,
            };
        });
    }

    private filterOptions(
        name: 'opportunityType' | 'leadSource',
    ): { value: string; label: string; selected: boolean }[] {
        const chosen = this.planState.config?.filters[name] ?? '';
        const values = [...(this.data?.options[name] ?? [])];
        if (chosen && !values.some((option) => option.value === chosen)) values.push({ value: chosen, label: chosen });
        return [
            { value: '', label: LABELS.all, selected: chosen === '' },
            ...values.map((option) => ({ ...option, selected: option.value === chosen })),
        ];
    }

    get typeOptions() {
        return this.filterOptions('opportunityType');
    }

    get sourceOptions() {
        return this.filterOptions('leadSource');
    }

    get showTypeFilter(): boolean {
        return Boolean(this.plan?.subqueries.some((s) => s.filter === 'opportunityType'));
    }

    get showSourceFilter(): boolean {
        return Boolean(this.plan?.subqueries.some((s) => s.filter === 'leadSource'));
    }

    get groupOptions(): { value: string; label: string; selected: boolean }[] {
        const labels: Record<string, string> = {
            rep: LABELS.groupRep,
            manager: LABELS.groupManager,
            role: LABELS.groupRole,
        };
        const current = this.planState.config?.groupBy ?? 'rep';
        return BOARD_GROUPINGS.map((value) => ({ value, label: labels[value], selected: value === current }));
    }

    handleFilterChange(event: Event): void {
        const select = event.target as HTMLSelectElement;
        const name = select.dataset.filter as keyof BoardChoices;
        const value = name === 'yearsBack' ? Number(select.value) : select.value;
        this.choices = { ...this.choices, [name]: value };
        this.expanded = false;
    }

    get entityLabel(): string {
        const grouping = this.planState.config?.groupBy;
        return grouping === 'manager' ? LABELS.teamManager : grouping === 'role' ? LABELS.teamRole : LABELS.rep;
    }

    get showTargetColumns(): boolean {
        return Boolean(this.board?.hasTarget);
    }

    get showPace(): boolean {
        return this.showTargetColumns && !this.isCompact && Boolean(this.plan?.config.kpi.additive);
    }

    get showGap(): boolean {
        return this.showTargetColumns && !this.isCompact;
    }

    get showMovement(): boolean {
        return Boolean(this.board?.hasComparison);
    }

    get secondaryIds(): string[] {
        return this.isCompact ? [] : (this.board?.secondary ?? []);
    }

    get headers() {
        const columns: { key: string; label: string }[] = [
            { key: 'rank', label: LABELS.rank },
            { key: 'name', label: this.entityLabel },
            { key: 'value', label: this.kpiLabel },
        ];
        if (this.showTargetColumns) columns.push({ key: 'percentOfTarget', label: LABELS.percentOfTarget });
        if (this.showPace) columns.push({ key: 'pace', label: LABELS.pace });
        if (this.showGap) columns.push({ key: 'gapToTarget', label: LABELS.gapToTarget });
        if (this.showMovement) columns.push({ key: 'movement', label: LABELS.movement });
        for (const id of this.secondaryIds) columns.push({ key: `secondary:${id}`, label: this.titleOf(id) });
        return columns.map((column) => {
            const sorted = column.key === this.sortKey;
            return {
                ...column,
                ariaSort: sorted ? this.sortDirection : undefined,
                thClass: `kpi-leaderboard__th${column.key === 'rank' || column.key === 'name' ? '' : ' kpi-leaderboard__number'}`,
                arrow: sorted ? (this.sortDirection === 'ascending' ? '▲' : '▼') : '',
            };
        });
    }

    get columnCount(): number {
        return this.headers.length;
    }

    handleSort(event: Event): void {
        const key = (event.currentTarget as HTMLElement).dataset.key!;
        if (key === this.sortKey) {
            this.sortDirection = this.sortDirection === 'ascending' ? 'descending' : 'ascending';
            return;
        }
        this.sortKey = key;
        const higherFirst =
            DESCENDING_FIRST.has(key) ||
            key.startsWith('secondary:') ||
            (key === 'value' && this.plan?.config.kpi.higherIsBetter !== false);
        this.sortDirection = higherFirst ? 'descending' : 'ascending';
    }

    get rowLimitValue(): number {
        return this.planState.config?.rowLimit ?? 10;
    }

    get sortedRows(): BoardRow[] {
        return this.board ? sortRows(this.board.rows, this.sortKey, this.sortDirection) : [];
    }

    get tableRows(): Record<string, unknown>[] {
        const board = this.board;
        if (!board) return [];
        const sorted = this.sortedRows;
        const byKey = new Map(sorted.map((row) => [row.key, row]));
        const keys = sorted.map((row) => row.key);
        const { top, pinned } = this.expanded
            ? { top: keys, pinned: [] as string[] }
            : viewerSlice(keys, board.viewerKey, this.rowLimitValue);
        const scale = Math.max(0, ...board.rows.map((row) => Math.abs(row.value ?? 0)));
        const display = (key: string) => this.displayRow(byKey.get(key)!, scale);
        const rows: Record<string, unknown>[] = top.map(display);
        if (pinned.length > 0) {
            rows.push({ ...this.separator(), key: 'separator' });
            rows.push(...pinned.map(display));
        }
        return rows;
    }

    private separator() {
        return { isSeparator: true, rowClass: 'kpi-leaderboard__separator', text: LABELS.yourPosition };
    }

    private displayRow(row: BoardRow, scale: number) {
        const kpi = this.plan!.config.kpi;
        const config = this.plan!.config;
        const unranked =
            row.unranked === 'belowMinSample'
                ? fill(LABELS.belowMinSample, formatCount(config.minSample, locale))
                : row.unranked === 'noTarget'
                  ? LABELS.noTarget
                  : row.unranked === 'noValue'
                    ? LABELS.noValue
                    : '';
        const percent = row.progress.percentOfTarget;
        const width = (share: number) => `width: ${Math.max(0, Math.min(100, share * 100)).toFixed(1)}%`;
        const movement = row.movement;
        const moveText = !movement
            ? ''
            : movement.kind === 'up'
              ? fill(LABELS.movedUp, movement.places)
              : movement.kind === 'down'
                ? fill(LABELS.movedDown, movement.places)
                : movement.kind === 'same'
                  ? LABELS.same
                  : LABELS.new;
        const name =
            row.name ??
            (config.groupBy === 'manager' ? LABELS.noManager : config.groupBy === 'role' ? LABELS.noRole : row.key);
        return {
            key: row.key,
            isSeparator: false,
            rowClass: `kpi-leaderboard__row${row.isViewer ? ' kpi-leaderboard__row_viewer slds-is-selected' : ''}`,
            ariaCurrent: row.isViewer ? 'true' : undefined,
            isViewer: row.isViewer,
            rankText: row.rank === null ? '–' : String(row.rank),
            tied: row.tied,
            unrankedText: unranked,
            name,
            canOpenUser: Boolean(row.userId),
            userId: row.userId,
            memberText: row.kind === 'team' ? fill(LABELS.members, formatCount(row.memberIds.length, locale)) : '',
            valueText: this.format(row.value),
            barStyle: width(scale > 0 ? Math.abs(row.value ?? 0) / scale : 0),
            percentText: this.format(percent, 'percent'),
            percentBarStyle: width(percent ?? 0),
            percentClass: `kpi-leaderboard__bar-fill${row.progress.met ? ' kpi-leaderboard__bar-fill_met' : ''}`,
            paceText: this.format(row.progress.pace, kpi.unit),
            gapText: this.format(row.progress.gapToTarget, kpi.unit),
            movementGlyph: !movement
                ? ''
                : movement.kind === 'up'
                  ? '▲'
                  : movement.kind === 'down'
                    ? '▼'
                    : movement.kind === 'same'
                      ? '–'
                      : '',
            movementNumber:
                movement && (movement.kind === 'up' || movement.kind === 'down') ? String(movement.places) : '',
            movementIsNew: movement?.kind === 'new',
            movementText: moveText,
            movementClass: `kpi-leaderboard__movement kpi-leaderboard__movement_${movement?.kind ?? 'none'}`,
            secondaryCells: this.secondaryIds.map((id) => ({
                key: id,
                text: this.format(row.secondary[id], this.plan!.kpis.find((k) => k.id === id)!.unit),
            })),
        };
    }

    get hasMoreRows(): boolean {
        return (this.board?.rows.length ?? 0) > this.rowLimitValue;
    }

    get toggleLabel(): string {
        return this.expanded
            ? fill(LABELS.showTop, formatCount(this.rowLimitValue, locale))
            : fill(LABELS.showAll, formatCount(this.board?.rows.length ?? 0, locale));
    }

    get expandedState(): string {
        return String(this.expanded);
    }

    handleToggleRows(): void {
        this.expanded = !this.expanded;
    }

    get totalRow() {
        const board = this.board!;
        return {
            valueText: this.format(board.total.value),
            percentText: this.format(board.total.progress.percentOfTarget, 'percent'),
            paceText: this.format(board.total.progress.pace),
            gapText: this.format(board.total.progress.gapToTarget),
        };
    }

    get showTotalRow(): boolean {
        return this.hasRows && !this.isCompact;
    }

    get footerFillerCount(): { key: string }[] {
        const filled = 2 + (this.showTargetColumns ? 1 : 0) + (this.showPace ? 1 : 0) + (this.showGap ? 1 : 0);
        return Array.from({ length: this.columnCount - 1 - filled }, (_, index) => ({ key: `fill-${index}` }));
    }

    /** One sentence for the viewer: rank, the gap to the next rank, the movement. */
    get viewerSummary(): string {
        const board = this.board;
        if (!board?.viewerKey) return '';
        const row = board.rows.find((r) => r.key === board.viewerKey)!;
        if (row.rank === null) {
            const reason =
                row.unranked === 'belowMinSample'
                    ? fill(LABELS.belowMinSample, formatCount(this.plan!.config.minSample, locale))
                    : row.unranked === 'noTarget'
                      ? LABELS.noTarget
                      : LABELS.noValue;
            return fill(LABELS.viewerUnranked, reason);
        }
        const rankLabel = row.tied ? LABELS.viewerRankTied : LABELS.viewerRank;
        const parts = [fill(rankLabel, formatCount(row.rank, locale), formatCount(board.rankedCount, locale))];
        if (row.valueGapToNext !== null) {
            const nextRank = board.rows.filter((r) => r.rank !== null && r.rank < row.rank!).pop()!.rank!;
            parts.push(fill(LABELS.viewerGap, this.format(row.valueGapToNext), formatCount(nextRank, locale)));
        }
        if (row.movement && row.movement.kind !== 'new') {
            const text =
                row.movement.kind === 'up'
                    ? fill(LABELS.movedUp, row.movement.places)
                    : row.movement.kind === 'down'
                      ? fill(LABELS.movedDown, row.movement.places)
                      : LABELS.same;
            parts.push(fill(LABELS.viewerMoved, text));
        }
        return parts.join(' ');
    }

    handleOpenUser(event: Event): void {
        const recordId = (event.currentTarget as HTMLElement).dataset.id;
        if (!recordId) return;
        this[NavigationMixin.Navigate]({
            type: 'standard__recordPage',
            attributes: { recordId, objectApiName: 'User', actionName: 'view' },
        });
    }

    /**
     * The records behind the number: the KPI's list view. A list view cannot be filtered to one owner or period
     * from a URL (page references take a filterName only), so the list shows the KPI's records the viewer can see.
     * https://developer.salesforce.com/docs/platform/lwc/guide/reference-page-reference-type.html
     */
    handleOpenRecords(): void {
        const kpi = this.plan?.config.kpi;
        if (!kpi) return;
        this[NavigationMixin.Navigate]({
            type: 'standard__objectPage',
            attributes: { objectApiName: kpi.drillDown.object, actionName: 'list' },
            state: { filterName: kpi.drillDown.listView },
        });
    }

    readonly labels = LABELS;
}

/** What a request is: the same text and variables is the same answer, whatever else changed (rows, grouping). */
function requestKey(plan: BoardPlan): string {
    return JSON.stringify([plan.query, plan.variables]);
}

function mergeOmissions(a: BoardOmissions, b: BoardOmissions): BoardOmissions {
    const secondary = [...new Set([...(a.secondary ?? []), ...(b.secondary ?? [])])].sort();
    return {
        ...(secondary.length ? { secondary } : {}),
        ...(a.comparison || b.comparison ? { comparison: true } : {}),
        ...(a.options || b.options ? { options: true } : {}),
        ...(a.targetField || b.targetField ? { targetField: true } : {}),
    };
}

/** A configuration problem as a sentence naming the property as App Builder labels it. */
function problemText(problem: ConfigProblem): string {
    return fill(
        PROBLEM_LABELS[problem.code],
        PROPERTY_LABELS[problem.property] ?? problem.property,
        problem.value ?? '',
    );
}

/** The most useful line about why a part failed (no access, not supported, …), as the error panel words it. */
function errorText(errors: readonly unknown[]): string {
    return summarizeErrors(reduceErrors(errors)) || LABELS.noAnswer;
}
