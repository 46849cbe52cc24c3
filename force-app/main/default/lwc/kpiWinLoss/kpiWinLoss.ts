import { LightningElement, api, wire } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { gql, graphql } from 'lightning/graphql';
import type { GraphQLDocument, GraphQLResult } from 'lightning/graphql';
import currency from '@salesforce/i18n/currency';
import firstDayOfWeek from '@salesforce/i18n/firstDayOfWeek';
import locale from '@salesforce/i18n/locale';
import timeZone from '@salesforce/i18n/timeZone';
import userId from '@salesforce/user/Id';
import kpiWinLossTitle from '@salesforce/label/c.kpiWinLossTitle';
import kpiWinLossBadProperty from '@salesforce/label/c.kpiWinLossBadProperty';
import kpiWinLossLoading from '@salesforce/label/c.kpiWinLossLoading';
import kpiWinLossEmpty from '@salesforce/label/c.kpiWinLossEmpty';
import kpiWinLossPartial from '@salesforce/label/c.kpiWinLossPartial';
import kpiWinLossTruncated from '@salesforce/label/c.kpiWinLossTruncated';
import kpiWinLossPeriod from '@salesforce/label/c.kpiWinLossPeriod';
import kpiWinLossGrouping from '@salesforce/label/c.kpiWinLossGrouping';
import kpiWinLossMeasure from '@salesforce/label/c.kpiWinLossMeasure';
import kpiWinLossType from '@salesforce/label/c.kpiWinLossType';
import kpiWinLossLeadSource from '@salesforce/label/c.kpiWinLossLeadSource';
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
import kpiWinLossReason from '@salesforce/label/c.kpiWinLossReason';
import kpiWinLossNoReason from '@salesforce/label/c.kpiWinLossNoReason';
import kpiWinLossNoReasonField from '@salesforce/label/c.kpiWinLossNoReasonField';
import kpiWinLossLostDeals from '@salesforce/label/c.kpiWinLossLostDeals';
import kpiWinLossLostAmount from '@salesforce/label/c.kpiWinLossLostAmount';
import kpiWinLossRecentHeading from '@salesforce/label/c.kpiWinLossRecentHeading';
import kpiWinLossOpportunity from '@salesforce/label/c.kpiWinLossOpportunity';
import kpiWinLossAccount from '@salesforce/label/c.kpiWinLossAccount';
import kpiWinLossCloseDate from '@salesforce/label/c.kpiWinLossCloseDate';
import kpiWinLossOwner from '@salesforce/label/c.kpiWinLossOwner';
import kpiWinLossNoRecent from '@salesforce/label/c.kpiWinLossNoRecent';
import kpiWinLossRunsAsViewer from '@salesforce/label/c.kpiWinLossRunsAsViewer';
import kpiTilePeriodThisWeek from '@salesforce/label/c.kpiTilePeriodThisWeek';
import kpiTilePeriodLastWeek from '@salesforce/label/c.kpiTilePeriodLastWeek';
import kpiTilePeriodThisMonth from '@salesforce/label/c.kpiTilePeriodThisMonth';
import kpiTilePeriodLastMonth from '@salesforce/label/c.kpiTilePeriodLastMonth';
import kpiTilePeriodThisQuarter from '@salesforce/label/c.kpiTilePeriodThisQuarter';
import kpiTilePeriodLastQuarter from '@salesforce/label/c.kpiTilePeriodLastQuarter';
import kpiTilePeriodThisYear from '@salesforce/label/c.kpiTilePeriodThisYear';
import kpiTilePeriodLastYear from '@salesforce/label/c.kpiTilePeriodLastYear';
import kpiTilePeriodThisFiscalQuarter from '@salesforce/label/c.kpiTilePeriodThisFiscalQuarter';
import kpiTilePeriodLastFiscalQuarter from '@salesforce/label/c.kpiTilePeriodLastFiscalQuarter';
import kpiTilePeriodThisFiscalYear from '@salesforce/label/c.kpiTilePeriodThisFiscalYear';
import kpiTilePeriodLastFiscalYear from '@salesforce/label/c.kpiTilePeriodLastFiscalYear';
import kpiTilePeriodRollingDays from '@salesforce/label/c.kpiTilePeriodRollingDays';
import { formatLabel } from 'c/kpiChartData';
import type { KpiChartSeries } from 'c/kpiChartData';
import { formatCount, formatKpiValue } from 'c/kpiFormat';
import { periodKey } from 'c/kpiPeriods';
import {
    MAX_OWNER_NAMES,
    blamesField,
    planWinLoss,
    readRecentLosses,
    readSettings,
    readWinLoss,
    recentLossesQuery,
    winLossQuery,
} from 'c/kpiWinLossData';
import type {
    Bucket,
    PropertyProblem,
    RecentLoss,
    WinLossPlan,
    WinLossResult,
    WinLossSettings,
    WinRate,
} from 'c/kpiWinLossData';

const PERIOD_LABELS: Record<string, string> = {
    thisWeek: kpiTilePeriodThisWeek,
    lastWeek: kpiTilePeriodLastWeek,
    thisMonth: kpiTilePeriodThisMonth,
    lastMonth: kpiTilePeriodLastMonth,
    thisQuarter: kpiTilePeriodThisQuarter,
    lastQuarter: kpiTilePeriodLastQuarter,
    thisYear: kpiTilePeriodThisYear,
    lastYear: kpiTilePeriodLastYear,
    thisFiscalQuarter: kpiTilePeriodThisFiscalQuarter,
    lastFiscalQuarter: kpiTilePeriodLastFiscalQuarter,
    thisFiscalYear: kpiTilePeriodThisFiscalYear,
    lastFiscalYear: kpiTilePeriodLastFiscalYear,
};

// Colour-vision safe pair (Okabe-Ito blue and vermillion), told apart by lightness too.
const WON_COLOR = '#0072B2';
const LOST_COLOR = '#D55E00';

type Overrides = Partial<
    Record<'period' | 'grouping' | 'measure' | 'opportunityType' | 'leadSource' | 'ownerId', string>
>;

interface RateRow {
    key: string;
    who: string;
    countRate: string;
    amountRate: string;
    closed: string;
    previous: string;
    tooSmall: boolean;
    ownerId?: string;
    showOnlyLabel?: string;
}

/**
 * Win-loss analysis: win rates for the company, the team and each rep, won vs lost over time, why deals are lost
 * and the latest losses. Thin: kpiWinLossData plans the two documents and shapes the answers.
 */
export default class KpiWinLoss extends NavigationMixin(LightningElement) {
    /** Which closed deals count: thisFiscalQuarter, lastMonth, rollingDays:90… The viewer can switch it. */
    @api period = 'thisFiscalQuarter';
    /** Buckets of the won vs lost chart: month, quarter or fiscalQuarter. The viewer can switch it. */
    @api grouping = 'month';
    /** What the bars show: count (deals) or amount. The viewer can switch it. */
    @api measure = 'count';
    /** API name of the Opportunity field holding the loss reason; empty when the org has none. */
    @api lossReasonField = 'Loss_Reason__c';
    /** Fewer closed deals than this flag a win rate as too small to trust. */
    @api minSample: number | string = 10;
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
    /** Set by the Account record page: only that account's opportunities. */
    @api recordId?: string;

    readonly labels = {
        title: kpiWinLossTitle,
        loading: kpiWinLossLoading,
        empty: kpiWinLossEmpty,
        partial: kpiWinLossPartial,
        truncated: kpiWinLossTruncated,
        period: kpiWinLossPeriod,
        grouping: kpiWinLossGrouping,
        measure: kpiWinLossMeasure,
        type: kpiWinLossType,
        leadSource: kpiWinLossLeadSource,
        ratesHeading: kpiWinLossRatesHeading,
        who: kpiWinLossWho,
        rateByCount: kpiWinLossRateByCount,
        rateByAmount: kpiWinLossRateByAmount,
        closedDeals: kpiWinLossClosedDeals,
        previous: kpiWinLossPrevious,
        tooSmall: kpiWinLossTooSmall,
        allOwners: kpiWinLossAllOwners,
        trendHeading: kpiWinLossTrendHeading,
        reasonsHeading: kpiWinLossReasonsHeading,
        reason: kpiWinLossReason,
        noReasonField: kpiWinLossNoReasonField,
        lostDeals: kpiWinLossLostDeals,
        lostAmount: kpiWinLossLostAmount,
        recentHeading: kpiWinLossRecentHeading,
        opportunity: kpiWinLossOpportunity,
        account: kpiWinLossAccount,
        closeDate: kpiWinLossCloseDate,
        owner: kpiWinLossOwner,
        amount: kpiWinLossAmount,
        noRecent: kpiWinLossNoRecent,
        runsAsViewer: kpiWinLossRunsAsViewer,
        winRate: kpiWinLossWinRate,
    };

    overrides: Overrides = {};
    /** Set when the server blamed the loss-reason field: the document is re-planned without it. */
    reasonFieldFailed = false;
    answered = false;
    aggregateData?: unknown;
    /** The plan the shown answer was asked with: until a new answer arrives, the old one is read with its plan. */
    answeredPlan?: WinLossPlan;
    aggregateErrors?: readonly unknown[];
    recentData?: unknown;
    recentErrors?: readonly unknown[];

    private readonly now = new Date();
    // Getters run during render: caches live in a plain object, whose contents LWC does not observe.
    private readonly memo: {
        planKey?: string;
        plan?: WinLossPlan;
        aggregate?: { text: string; document: GraphQLDocument | undefined };
        recent?: { text: string; document: GraphQLDocument | undefined };
        recentVariables?: { key: string; value: Record<string, string | string[]> };
    } = {};

    get read(): { settings: WinLossSettings; problems: PropertyProblem[] } {
        return readSettings({
            period: this.period,
            grouping: this.grouping,
            measure: this.measure,
            lossReasonField: this.lossReasonField,
            minSample: this.minSample,
            scope: this.scope,
            fiscalYearStartMonth: this.fiscalYearStartMonth,
            opportunityType: this.opportunityType,
            leadSource: this.leadSource,
            ownerId: this.ownerId,
            ...this.overrides,
        });
    }

    get settings(): WinLossSettings {
        return this.read.settings;
    }

    get propertyMessages(): { key: string; text: string }[] {
        return this.read.problems.map((p) => ({
            key: p.property,
            text: formatLabel(kpiWinLossBadProperty, p.property, p.value, p.expected),
        }));
    }

    get plan(): WinLossPlan {
        const settings = this.settings;
        // Chart-only choices (measure, sample size) do not change the documents.
        const documentSettings = { ...settings, measure: 'count', minSample: 0 };
        const key = JSON.stringify([documentSettings, this.recordId, this.reasonFieldFailed]);
        if (key !== this.memo.planKey || !this.memo.plan) {
            this.memo.planKey = key;
            this.memo.plan = planWinLoss({
                settings,
                now: this.now,
                calendar: { timeZone, firstDayOfWeek, fiscalYearStartMonth: settings.fiscalYearStartMonth },
                userId,
                accountId: this.recordId,
                withoutReasons: this.reasonFieldFailed,
            });
        }
        return this.memo.plan;
    }

    // gql once per document text: a new document object on every render would re-run the wire.
    get aggregateQuery(): GraphQLDocument | undefined {
        const aggregateText = winLossQuery(this.plan);
        if (this.memo.aggregate?.text !== aggregateText) {
            this.memo.aggregate = {
                text: aggregateText,
                document: gql`
                    ${aggregateText}
                `,
            };
        }
        return this.memo.aggregate.document;
    }

    get aggregateVariables(): Record<string, string> {
        return this.plan.variables;
    }

    get aggregateOperation(): string {
        return this.plan.operationName;
    }

    @wire(graphql, { query: '$aggregateQuery', variables: '$aggregateVariables', operationName: '$aggregateOperation' })
    handleAggregate(result: GraphQLResult): void {
        if (!result || (result.data === undefined && result.errors === undefined)) return;
        const plan = this.plan;
        if (!this.reasonFieldFailed && plan.reasonField && blamesField(result.errors, plan.reasonField)) {
            this.reasonFieldFailed = true;
            return;
        }
        this.answered = true;
        this.answeredPlan = plan;
        this.aggregateData = result.data ?? undefined;
        this.aggregateErrors = result.errors?.length ? result.errors : undefined;
    }

    get recentQuery(): GraphQLDocument | undefined {
        if (!this.answered) return undefined;
        const recentText = recentLossesQuery(this.plan);
        if (this.memo.recent?.text !== recentText) {
            this.memo.recent = {
                text: recentText,
                document: gql`
                    ${recentText}
                `,
            };
        }
        return this.memo.recent.document;
    }

    // Waits for the aggregates: the owner names it reads are those of the reps found there.
    get recentVariables(): Record<string, string | string[]> | undefined {
        if (!this.answered) return undefined;
        const ownerIds = (this.result?.reps.map((rep) => rep.ownerId) ?? []).slice(0, MAX_OWNER_NAMES);
        // An empty `in` list may be refused like SOQL's `IN ()`; the viewer's own Id is a harmless stand-in.
        const value = { ...this.plan.recent.variables, ownerIds: ownerIds.length > 0 ? ownerIds : [userId] };
        const key = JSON.stringify(value);
        if (this.memo.recentVariables?.key !== key) this.memo.recentVariables = { key, value };
        return this.memo.recentVariables.value;
    }

    get recentOperation(): string {
        return this.plan.recent.operationName;
    }

    @wire(graphql, { query: '$recentQuery', variables: '$recentVariables', operationName: '$recentOperation' })
    handleRecent(result: GraphQLResult): void {
        if (!result || (result.data === undefined && result.errors === undefined)) return;
        this.recentData = result.data ?? undefined;
        this.recentErrors = result.errors?.length ? result.errors : undefined;
    }

    get result(): WinLossResult | undefined {
        return this.aggregateData
            ? readWinLoss(this.aggregateData, this.answeredPlan ?? this.plan, this.settings.minSample)
            : undefined;
    }

    get isLoading(): boolean {
        return !this.answered;
    }

    get hasError(): boolean {
        return this.answered && !this.result && Boolean(this.aggregateErrors);
    }

    get isPartial(): boolean {
        return Boolean(this.result && (this.aggregateErrors || this.result.missing.length > 0));
    }

    get isEmpty(): boolean {
        const result = this.result;
        return Boolean(
            result &&
            result.company.current.closed === 0 &&
            result.trend.won.every((v, i) => v + result.trend.lost[i] === 0),
        );
    }

    get hasData(): boolean {
        return Boolean(this.result) && !this.isEmpty;
    }

    get periodOptions(): { label: string; value: string }[] {
        const options = Object.entries(PERIOD_LABELS).map(([value, label]) => ({ label, value }));
        const current = periodKey(this.settings.period);
        if (!PERIOD_LABELS[current]) {
            options.push({
                label: formatLabel(kpiTilePeriodRollingDays, this.settings.period.days ?? ''),
                value: current,
            });
        }
        return options;
    }

    get periodValue(): string {
        return periodKey(this.settings.period);
    }

    get groupingOptions(): { label: string; value: string }[] {
        return [
            { label: kpiWinLossMonth, value: 'month' },
            { label: kpiWinLossQuarter, value: 'quarter' },
            { label: kpiWinLossFiscalQuarter, value: 'fiscalQuarter' },
        ];
    }

    get measureOptions(): { label: string; value: string }[] {
        return [
            { label: kpiWinLossCount, value: 'count' },
            { label: kpiWinLossAmount, value: 'amount' },
        ];
    }

    private percent(value: number | null): string {
        return value === null ? '—' : formatKpiValue(value, 'percent', { locale });
    }

    private money(value: number): string {
        return formatKpiValue(value, 'currency', { locale, currency });
    }

    private rateRow(key: string, who: string, current: WinRate, previous?: WinRate, ownerId?: string): RateRow {
        return {
            key,
            who,
            countRate: this.percent(current.countRate),
            amountRate: this.percent(current.amountRate),
            closed: formatCount(current.closed, locale),
            previous: previous ? this.percent(previous.countRate) : '',
            tooSmall: current.tooSmall,
            ...(ownerId ? { ownerId, showOnlyLabel: formatLabel(kpiWinLossShowOnly, who) } : {}),
        };
    }

    get ownerNames(): Record<string, string> {
        return this.recentData ? readRecentLosses(this.recentData, this.plan.reasonField).ownerNames : {};
    }

    get rateRows(): RateRow[] {
        const result = this.result;
        if (!result) return [];
        const rows = [this.rateRow('company', kpiWinLossCompany, result.company.current, result.company.previous)];
        if (result.team) {
            const who = this.settings.ownerId
                ? kpiWinLossRep
                : this.settings.scope === 'mine'
                  ? kpiWinLossMine
                  : kpiWinLossTeam;
            rows.push(this.rateRow('team', who, result.team.current, result.team.previous));
        }
        const names = this.ownerNames;
        for (const rep of result.reps) {
            rows.push(
                this.rateRow(`rep-${rep.ownerId}`, names[rep.ownerId] ?? rep.ownerId, rep, undefined, rep.ownerId),
            );
        }
        return rows;
    }

    get ownerFiltered(): boolean {
        return Boolean(this.settings.ownerId);
    }

    private bucketLabel(bucket: Bucket): string {
        const [year, month] = bucket.start.split('-').map(Number);
        if ((this.answeredPlan ?? this.plan).grouping === 'month') {
            return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
                new Date(Date.UTC(year, month - 1, 1)),
            );
        }
        if (bucket.fiscalQuarter !== undefined) {
            const start = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
                new Date(Date.UTC(year, month - 1, 1)),
            );
            return formatLabel(kpiWinLossFiscalQuarterBucket, bucket.fiscalQuarter, start);
        }
        return formatLabel(kpiWinLossQuarterBucket, Math.floor((month - 1) / 3) + 1, year);
    }

    get chartLabels(): string[] {
        return this.result?.trend.buckets.map((bucket) => this.bucketLabel(bucket)) ?? [];
    }

    get chartSeries(): KpiChartSeries[] {
        const trend = this.result?.trend;
        if (!trend) return [];
        const amount = this.settings.measure === 'amount';
        const won = amount ? trend.wonAmount : trend.won;
        const lost = amount ? trend.lostAmount : trend.lost;
        const display = (values: number[]) => values.map((v) => (amount ? this.money(v) : formatCount(v, locale)));
        return [
            { label: kpiWinLossWon, data: [...won], displayValues: display(won), color: WON_COLOR },
            { label: kpiWinLossLost, data: [...lost], displayValues: display(lost), color: LOST_COLOR },
        ];
    }

    get rateSeries(): KpiChartSeries[] {
        const trend = this.result?.trend;
        if (!trend) return [];
        const rates = this.settings.measure === 'amount' ? trend.amountRate : trend.countRate;
        return [
            {
                label: kpiWinLossWinRate,
                data: rates.map((r) => (r === null ? null : Math.round(r * 1000) / 10)),
                displayValues: rates.map((r) => this.percent(r)),
                color: WON_COLOR,
            },
        ];
    }

    get rateOptions(): Record<string, unknown> {
        return { scales: { y: { beginAtZero: true, max: 100 } } };
    }

    get chartSummary(): string {
        const trend = this.result?.trend;
        if (!trend) return '';
        const won = trend.won.reduce((a, b) => a + b, 0);
        const lost = trend.lost.reduce((a, b) => a + b, 0);
        return formatLabel(
            kpiWinLossTrendSummary,
            this.chartLabels.length,
            formatCount(won, locale),
            formatCount(lost, locale),
        );
    }

    get rateSummary(): string {
        return formatLabel(kpiWinLossRateSummary, this.percent(this.result?.company.current.countRate ?? null));
    }

    get groupingLabel(): string {
        return this.groupingOptions.find((o) => o.value === this.settings.grouping)?.label ?? '';
    }

    get hasReasonField(): boolean {
        return Boolean(this.plan.reasonField);
    }

    get reasonRows(): { key: string; reason: string; count: string; amount: string }[] {
        return (this.result?.reasons ?? []).map((row, index) => ({
            key: `reason-${index}`,
            reason: row.reason ?? kpiWinLossNoReason,
            count: formatCount(row.count, locale),
            amount: this.money(row.amount),
        }));
    }

    get recentRows(): (RecentLoss & { href: string })[] {
        if (!this.recentData) return [];
        return readRecentLosses(this.recentData, this.plan.reasonField).losses.map((loss) => ({
            ...loss,
            href: `/lightning/r/Opportunity/${loss.id}/view`,
        }));
    }

    get hasRecent(): boolean {
        return this.recentRows.length > 0;
    }

    handlePeriodChange(event: CustomEvent<{ value: string }>): void {
        this.override('period', event.detail.value);
    }

    handleGroupingChange(event: CustomEvent<{ value: string }>): void {
        this.override('grouping', event.detail.value);
    }

    handleMeasureChange(event: CustomEvent<{ value: string }>): void {
        this.override('measure', event.detail.value);
    }

    handleTypeChange(event: CustomEvent<{ value: string }>): void {
        this.override('opportunityType', event.detail.value ?? '');
    }

    handleLeadSourceChange(event: CustomEvent<{ value: string }>): void {
        this.override('leadSource', event.detail.value ?? '');
    }

    handleShowOnly(event: Event): void {
        const ownerId = (event.currentTarget as HTMLElement).dataset.owner ?? '';
        this.override('ownerId', ownerId);
    }

    handleAllOwners(): void {
        this.override('ownerId', '');
    }

    handleOpenRecord(event: MouseEvent): void {
        const id = (event.currentTarget as HTMLElement).dataset.id;
        // Modified clicks keep the link's own behaviour (new tab or window).
        if (!id || event.ctrlKey || event.metaKey || event.shiftKey) return;
        event.preventDefault();
        this[NavigationMixin.Navigate]({
            type: 'standard__recordPage',
            attributes: { recordId: id, objectApiName: 'Opportunity', actionName: 'view' },
        });
    }

    // Filters and grouping ask the server again; the previous answer stays on screen until the new one arrives.
    private override(key: keyof Overrides, value: string): void {
        this.overrides = { ...this.overrides, [key]: value };
    }
}
