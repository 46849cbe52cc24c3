import { api, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
import type { GraphQLResult } from 'lightning/graphql';
import { NavigationMixin } from 'lightning/navigation';
import currency from '@salesforce/i18n/currency';
import firstDayOfWeek from '@salesforce/i18n/firstDayOfWeek';
import locale from '@salesforce/i18n/locale';
import timeZone from '@salesforce/i18n/timeZone';
import userId from '@salesforce/user/Id';
import { boardPageQuery, boardQuery } from 'c/kpiLeaderboardQuery';
import type { BoardChoices, BoardDocument, BoardPlan, BoardProperties } from 'c/kpiLeaderboardQuery';
import {
    INITIAL_SORT,
    LABELS,
    PAGE_OPERATION,
    askedDocument,
    boardPlanner,
    boardProperties,
    cachedLeaderboardView,
    chooseFilter,
    currentLoad,
    memoizeLast,
    nextSort,
    readBoard,
    receiveAnswer,
    recordsPage,
    userPage,
    weekStart,
} from 'c/kpiLeaderboardModel';
import KpiAnswering from 'c/kpiAnswering';
import type {
    BoardAnswer,
    LeaderboardView,
    Load,
    PlanState,
    Retry,
    SortState,
    ViewerContext,
} from 'c/kpiLeaderboardModel';

const VIEWER: ViewerContext = { userId, locale, currency, timeZone, firstDayOfWeek: weekStart(firstDayOfWeek) };

/**
 * A sales leaderboard for Home and app pages: reps (or teams) ranked on a catalog KPI, against a target, ties done
 * right, the viewer always in view. One GraphQL request per render (more only to page past 2,000 groups). What it
 * shows is computed by kpiLeaderboardModel; this class holds the properties, the wire and the event handlers.
 */
export default class KpiLeaderboard extends NavigationMixin(KpiAnswering) {
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
    retry: Retry | null = null;
    load: Load | null = null;
    sort: SortState = INITIAL_SORT;
    expanded = false;
    readonly labels = LABELS;
    private readonly planOf = boardPlanner(VIEWER);
    private readonly readOf = memoizeLast(readBoard);
    private readonly viewOf = cachedLeaderboardView();
    /** Parsed once per document text: the wire compares documents by identity. */
    private readonly parse = memoizeLast(
        (_text: string, asked: BoardDocument) =>
            asked.operationName === PAGE_OPERATION
                ? gql`
                      ${boardPageQuery(asked)}
                  `
                : gql`
                      ${boardQuery(asked as BoardPlan)}
                  `,
        (text) => [text],
    );

    get planState(): PlanState {
        const properties: BoardProperties = boardProperties(this);
        return this.planOf({ properties, choices: this.choices, retry: this.retry, now: new Date() });
    }

    get answer(): BoardAnswer {
        return this.readOf(this.planState, this.load, userId);
    }

    get view(): LeaderboardView {
        const { cardTitle, retry, sort, expanded } = this;
        return this.viewOf({
            cardTitle,
            state: this.planState,
            answer: this.answer,
            retry,
            sort,
            expanded,
            context: VIEWER,
        });
    }

    get boardDocument(): unknown {
        if (this.waiting.suspended) return undefined;
        const asked = askedDocument(this.planState, this.load);
        return asked ? this.parse(asked.query, asked) : undefined;
    }

    get boardVariables(): Record<string, string> | undefined {
        return askedDocument(this.planState, this.load)?.variables;
    }

    get boardOperationName(): string | undefined {
        return askedDocument(this.planState, this.load)?.operationName;
    }

    /** Each answer sets what is read so far and what to ask next (a page, or the board without refused parts). */
    @wire(graphql, { query: '$boardDocument', variables: '$boardVariables', operationName: '$boardOperationName' })
    handleBoard(result: GraphQLResult | undefined): void {
        const answer = this.answers.receive(result);
        if (!answer) return;
        const next = receiveAnswer(this.planState, { load: this.load, retry: this.retry }, answer);
        if (!next) return;
        this.load = next.load;
        this.retry = next.retry;
    }

    /** What the board waits for: the document asked and not answered yet, or the refresh in progress. */
    override get waitKey(): string | undefined {
        const state = this.planState;
        if (!state.plan) return undefined;
        const load = currentLoad(state.plan, this.load);
        const pending = !load || load.waiting;
        const { refreshing } = this.waiting;
        if (!pending && !refreshing) return undefined;
        const asked = askedDocument(state, this.load);
        return JSON.stringify([asked?.query, asked?.variables, pending, refreshing]);
    }

    get showRefresh(): boolean {
        return Boolean(this.planState.plan);
    }

    get showSpinner(): boolean {
        return !this.waiting.takingLong;
    }

    handleRefresh(): void {
        if (this.planState.plan) this.answers.refresh(this.resend);
    }

    handleRetry(): void {
        if (this.planState.plan) this.answers.retry(this.resend);
    }

    /** Pages were fetched after the board's document: the wire goes back to it, a new config sent by itself. */
    private readonly resend = (): boolean => {
        const plan = this.planState.plan;
        if (!plan || currentLoad(plan, this.load)?.asked.operationName !== PAGE_OPERATION) return false;
        this.load = null;
        return true;
    };

    handleFilterChange(event: CustomEvent<{ name: string; value: string }>): void {
        this.choices = chooseFilter(this.choices, event.detail.name, event.detail.value);
        this.expanded = false;
    }

    handleSort(event: Event): void {
        const key = (event.currentTarget as HTMLElement).dataset.key!;
        this.sort = nextSort(this.sort, key, this.planState.plan?.config.kpi);
    }

    handleToggleRows(): void {
        this.expanded = !this.expanded;
    }

    handleOpenUser(event: Event): void {
        const recordId = (event.currentTarget as HTMLElement).dataset.id;
        if (recordId) this[NavigationMixin.Navigate](userPage(recordId));
    }

    handleOpenRecords(): void {
        const kpi = this.planState.plan?.config.kpi;
        if (kpi) this[NavigationMixin.Navigate](recordsPage(kpi));
    }
}
