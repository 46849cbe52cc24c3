import { api, wire } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { gql, graphql } from 'lightning/graphql';
import type { GraphQLDocument, GraphQLResult } from 'lightning/graphql';
import viewerCurrency from '@salesforce/i18n/currency';
import firstDayOfWeek from '@salesforce/i18n/firstDayOfWeek';
import locale from '@salesforce/i18n/locale';
import timeZone from '@salesforce/i18n/timeZone';
import userId from '@salesforce/user/Id';
import type { FilterChangeDetail } from 'c/kpiFilterBar';
import { planWinLoss, readPicklists, readSettings, readWinLoss, winLossQuery } from 'c/kpiWinLossData';
import type {
    FilterPicklists,
    OptionalSection,
    PropertyProblem,
    WinLossPlan,
    WinLossResult,
    WinLossSettings,
} from 'c/kpiWinLossData';
import {
    LABELS,
    isFilterName,
    omission,
    opportunityPage,
    planKey,
    remember,
    requestKey,
    shownPlan,
    waitKey,
    winLossProperties,
    winLossView,
} from 'c/kpiWinLossModel';
import type { Memo, Overrides, SectionErrors, WinLossView } from 'c/kpiWinLossModel';
import KpiAnswering from 'c/kpiAnswering';

// The viewer's locale and currency are fixed for the page's life.
const FORMAT = { locale, currency: viewerCurrency };

interface Memos {
    read: { settings: WinLossSettings; problems: PropertyProblem[] };
    plan: WinLossPlan;
    document: GraphQLDocument | undefined;
    result: WinLossResult | undefined;
    picklists: FilterPicklists | undefined;
    view: WinLossView;
}

/**
 * Win-loss analysis: win rates for the company, the team and each rep, won vs lost over time, why deals are lost
 * and the latest losses. Thin: kpiWinLossData plans the one document and shapes the answer, kpiWinLossModel turns
 * it into what the template shows.
 */
export default class KpiWinLoss extends NavigationMixin(KpiAnswering) {
    /** Which closed deals count: thisFiscalQuarter, lastMonth, rollingDays:90… The viewer can switch it. */
    @api period = 'thisFiscalQuarter';
    /** Buckets of the won vs lost chart: month, quarter or fiscalQuarter. The viewer can switch it. */
    @api grouping = 'month';
    /** What the bars show: count (deals) or amount. The viewer can switch it. */
    @api measure = 'count';
    /** API name of the Opportunity field holding the loss reason; empty when the org has none. */
    @api lossReasonField = 'Loss_Reason__c';
    /** Fewer closed deals than this flag a win rate as too small to trust; empty for win rate's own (the catalog's). */
    @api minSample: number | string | undefined;
    /** Whose deals form the team row: mine, team (the viewer's direct reports) or all. */
    @api scope = 'team';
    /** Month (1-12) the org's fiscal year starts in; aligns fiscal quarters and comparisons. */
    @api fiscalYearStartMonth: number | string = 1;
    /** Only opportunities of this Type; empty for all. */
    @api opportunityType = '';
    /** Only opportunities from this Lead Source; empty for all. */
    @api leadSource = '';
    /** Only this owner's opportunities (a User Id); empty for the scope. */
    @api ownerId = '';
    /** ISO code of the currency sums come back in (the corporate currency); empty for the viewer's currency. */
    @api currencyCode = '';
    /** Set by the Account record page: only that account's opportunities. */
    @api recordId?: string;

    readonly labels = LABELS;
    /** The document and variables the latest answer was for. */
    answeredKey?: string;

    overrides: Overrides = {};
    /** Optional sections the server refused the whole document for: re-planned without them. */
    omitted: OptionalSection[] = [];
    /** The errors that made each omitted section go, shown in its place. */
    omittedErrors: SectionErrors = {};
    answered = false;
    responseData?: unknown;
    responseErrors?: readonly unknown[];
    /** The plan the shown answer was asked with: until a new answer arrives, the old one is read with it (shownPlan). */
    answeredPlan?: WinLossPlan;

    private readonly now = new Date();
    // Getters run during render: caches live in a plain object, whose contents LWC does not observe.
    private readonly memo: Partial<Record<keyof Memos, Memo<unknown>>> = {};

    private remembered<K extends keyof Memos>(key: K, inputs: unknown[], compute: () => Memos[K]): Memos[K] {
        const memo = remember(this.memo[key] as Memo<Memos[K]> | undefined, inputs, compute);
        this.memo[key] = memo;
        return memo.value;
    }

    /** The org's Type and Lead Source values from the latest answer that carried them. */
    get picklists(): FilterPicklists | undefined {
        const data = this.responseData;
        const known = this.memo.picklists?.value as FilterPicklists | undefined;
        // A later answer without objectInfos (a failed document) keeps the values already known.
        return this.remembered('picklists', [data], () => readPicklists(data) ?? known);
    }

    get read(): Memos['read'] {
        const props = winLossProperties(this, this.overrides);
        const picklists = this.picklists;
        return this.remembered('read', [JSON.stringify(props), picklists], () => readSettings(props, picklists));
    }

    get plan(): WinLossPlan {
        const settings = this.read.settings;
        return this.remembered('plan', [planKey(settings, this.recordId, this.omitted)], () =>
            planWinLoss({
                settings,
                now: this.now,
                calendar: { timeZone, firstDayOfWeek, fiscalYearStartMonth: settings.fiscalYearStartMonth },
                userId,
                accountId: this.recordId,
                omit: this.omitted,
            }),
        );
    }

    // gql once per document text: a new document object on every render would re-run the wire.
    get winLossDocument(): GraphQLDocument | undefined {
        if (this.waiting.suspended) return undefined;
        const text = winLossQuery(this.plan);
        return this.remembered(
            'document',
            [text],
            () => gql`
                ${text}
            `,
        );
    }

    get winLossVariables(): Record<string, string> {
        return this.plan.variables;
    }

    get winLossOperation(): string {
        return this.plan.operationName;
    }

    // One request per render: rates, trend, reasons and recent losses are subqueries of one document.
    @wire(graphql, { query: '$winLossDocument', variables: '$winLossVariables', operationName: '$winLossOperation' })
    handleResult(result: GraphQLResult): void {
        // Every error entry an object with a message, `data: null` an error: what omission and the reader expect.
        const answer = this.answers.receive(result);
        if (!answer) return;
        const plan = this.plan;
        this.answeredKey = requestKey(plan);
        const omit = omission(plan, answer, this.omitted, this.omittedErrors);
        if (omit) {
            this.omittedErrors = omit.omittedErrors;
            this.omitted = omit.omitted;
            return;
        }
        this.answered = true;
        this.answeredPlan = plan;
        this.responseData = answer.data ?? undefined;
        this.responseErrors = answer.errors?.length ? answer.errors : undefined;
    }

    /** What the component waits for: the document asked and not answered yet, or the refresh in progress. */
    override get waitKey(): string | undefined {
        return waitKey(this.plan, this.answeredKey, this.waiting.refreshing);
    }

    get showLoading(): boolean {
        return this.view.isLoading && !this.waiting.takingLong;
    }

    handleRefresh(): void {
        this.answers.refresh();
    }

    handleRetry(): void {
        this.answers.retry();
    }

    get shownPlan(): WinLossPlan {
        return shownPlan(this.answeredPlan, this.plan);
    }

    // Shaped once per answer, plan and sample size.
    get result(): WinLossResult | undefined {
        const data = this.responseData as { uiapi?: unknown } | undefined;
        const plan = this.shownPlan;
        const { minSample } = this.read.settings;
        const errors = this.responseErrors;
        return this.remembered('result', [data, plan, minSample, errors], () =>
            data?.uiapi ? readWinLoss(data, plan, minSample, errors) : undefined,
        );
    }

    // Read by the whole template: built once per answer, setting and omission.
    get view(): WinLossView {
        const input = {
            answered: this.answered,
            result: this.result,
            errors: this.responseErrors,
            settings: this.read.settings,
            problems: this.read.problems,
            plan: this.shownPlan,
            picklists: this.picklists,
            omitted: this.omitted,
            omittedErrors: this.omittedErrors,
            format: FORMAT,
        };
        return this.remembered('view', Object.values(input), () => winLossView(input));
    }

    handleFilterChange(event: CustomEvent<FilterChangeDetail>): void {
        const { name, value } = event.detail;
        if (isFilterName(name)) this.override(name, value);
    }

    handleShowOnly(event: Event): void {
        this.override('ownerId', (event.currentTarget as HTMLElement).dataset.owner ?? '');
    }

    handleAllOwners(): void {
        this.override('ownerId', '');
    }

    handleOpenRecord(event: MouseEvent): void {
        const id = (event.currentTarget as HTMLElement).dataset.id;
        // Modified clicks keep the link's own behaviour (new tab or window).
        if (!id || event.ctrlKey || event.metaKey || event.shiftKey) return;
        event.preventDefault();
        this[NavigationMixin.Navigate](opportunityPage(id));
    }

    // Filters and grouping ask the server again; the previous answer stays on screen until the new one arrives.
    private override(key: keyof Overrides, value: string): void {
        this.overrides = { ...this.overrides, [key]: value };
    }
}
