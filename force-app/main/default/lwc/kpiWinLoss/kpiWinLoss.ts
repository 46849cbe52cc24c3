import { LightningElement, api, wire } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { gql, graphql } from 'lightning/graphql';
import type { GraphQLDocument, GraphQLResult } from 'lightning/graphql';
import viewerCurrency from '@salesforce/i18n/currency';
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
import kpiWinLossSectionFailed from '@salesforce/label/c.kpiWinLossSectionFailed';
import kpiWinLossReasonFieldUnavailable from '@salesforce/label/c.kpiWinLossReasonFieldUnavailable';
import kpiWinLossAmountsCurrency from '@salesforce/label/c.kpiWinLossAmountsCurrency';
import kpiWinLossExpectPeriod from '@salesforce/label/c.kpiWinLossExpectPeriod';
import kpiWinLossExpectFieldName from '@salesforce/label/c.kpiWinLossExpectFieldName';
import kpiWinLossExpectTypeValue from '@salesforce/label/c.kpiWinLossExpectTypeValue';
import kpiWinLossExpectLeadSourceValue from '@salesforce/label/c.kpiWinLossExpectLeadSourceValue';
import kpiWinLossExpectUserId from '@salesforce/label/c.kpiWinLossExpectUserId';
import kpiWinLossExpectCurrency from '@salesforce/label/c.kpiWinLossExpectCurrency';
import kpiWinLossExpectOrgValues from '@salesforce/label/c.kpiWinLossExpectOrgValues';
import kpiWinLossExpectVisibleField from '@salesforce/label/c.kpiWinLossExpectVisibleField';
import kpiWinLossAllValues from '@salesforce/label/c.kpiWinLossAllValues';
import kpiWinLossFilterHidden from '@salesforce/label/c.kpiWinLossFilterHidden';
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
    planWinLoss,
    readPicklists,
    readSettings,
    readWinLoss,
    sectionsToOmit,
    subqueriesOfError,
    winLossQuery,
} from 'c/kpiWinLossData';
import type {
    Bucket,
    FilterPicklists,
    OptionalSection,
    PicklistFilter,
    ExpectCode,
    Expectation,
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

// Colour-vision safe (Okabe-Ito blue and vermillion bars, told apart by lightness too; a black dashed line with
// markers for the rate).
const WON_COLOR = '#0072B2';
const LOST_COLOR = '#D55E00';
const RATE_COLOR = '#000000';

const EXPECT_LABELS: Record<ExpectCode, string> = {
    period: kpiWinLossExpectPeriod,
    fieldName: kpiWinLossExpectFieldName,
    typeValue: kpiWinLossExpectTypeValue,
    leadSourceValue: kpiWinLossExpectLeadSourceValue,
    userId: kpiWinLossExpectUserId,
    currencyCode: kpiWinLossExpectCurrency,
    orgValues: kpiWinLossExpectOrgValues,
    hiddenField: kpiWinLossExpectVisibleField,
};

/** What a property accepts, in the viewer's language: literal values as they are, descriptions from labels. */
function expectationText(expected: Expectation): string {
    return 'values' in expected
        ? expected.values
        : formatLabel(EXPECT_LABELS[expected.describe], ...(expected.args ?? []));
}

type SectionErrors = Partial<Record<OptionalSection, readonly unknown[]>>;

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
 * and the latest losses. Thin: kpiWinLossData plans the one document and shapes the answer.
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
    /** ISO code of the currency sums come back in (the corporate currency); empty for the viewer's currency. */
    @api currencyCode = '';
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
        sectionFailed: kpiWinLossSectionFailed,
    };

    overrides: Overrides = {};
    /** Optional sections the server refused the whole document for: re-planned without them. */
    omitted: OptionalSection[] = [];
    /** The errors that made each omitted section go, shown in its place. */
    omittedErrors: SectionErrors = {};
    answered = false;
    responseData?: unknown;
    responseErrors?: readonly unknown[];
    /** The plan the shown answer was asked with: until a new answer arrives, the old one is read with its plan. */
    answeredPlan?: WinLossPlan;

    private readonly now = new Date();
    // Getters run during render: caches live in a plain object, whose contents LWC does not observe.
    private readonly memo: {
        planKey?: string;
        plan?: WinLossPlan;
        document?: { text: string; document: GraphQLDocument | undefined };
        result?: { inputs: unknown[]; value: WinLossResult | undefined };
        picklists?: { data: unknown; value: FilterPicklists | undefined };
    } = {};

    /** The org's Type and Lead Source values from the latest answer that carried them. */
    get picklists(): FilterPicklists | undefined {
        const data = this.responseData;
        if (!this.memo.picklists || this.memo.picklists.data !== data) {
            // A later answer without objectInfos (a failed document) keeps the values already known.
            this.memo.picklists = { data, value: readPicklists(data) ?? this.memo.picklists?.value };
        }
        return this.memo.picklists.value;
    }

    get read(): { settings: WinLossSettings; problems: PropertyProblem[] } {
        return readSettings(
            {
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
                currencyCode: this.currencyCode,
                ...this.overrides,
            },
            this.picklists,
        );
    }

    get settings(): WinLossSettings {
        return this.read.settings;
    }

    get propertyMessages(): { key: string; text: string }[] {
        return this.read.problems.map((p) => ({
            key: p.property,
            text: formatLabel(kpiWinLossBadProperty, p.property, p.value, expectationText(p.expected)),
        }));
    }

    get plan(): WinLossPlan {
        const settings = this.settings;
        // Display-only choices (measure, sample size, currency) do not change the document.
        const documentSettings = { ...settings, measure: 'count', minSample: 0, currencyCode: '' };
        const key = JSON.stringify([documentSettings, this.recordId, this.omitted]);
        if (key !== this.memo.planKey || !this.memo.plan) {
            this.memo.planKey = key;
            this.memo.plan = planWinLoss({
                settings,
                now: this.now,
                calendar: { timeZone, firstDayOfWeek, fiscalYearStartMonth: settings.fiscalYearStartMonth },
                userId,
                accountId: this.recordId,
                omit: this.omitted,
            });
        }
        return this.memo.plan;
    }

    // gql once per document text: a new document object on every render would re-run the wire.
    get winLossDocument(): GraphQLDocument | undefined {
        const text = winLossQuery(this.plan);
        if (this.memo.document?.text !== text) {
            this.memo.document = {
                text,
                document: gql`
                    ${text}
                `,
            };
        }
        return this.memo.document.document;
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
        if (!result || (result.data === undefined && result.errors === undefined)) return;
        const plan = this.plan;
        const omit = sectionsToOmit(plan, result.data, result.errors);
        if (omit && omit.some((section) => !this.omitted.includes(section))) {
            const errors = result.errors ?? [];
            const kept: SectionErrors = { ...this.omittedErrors };
            for (const section of omit) {
                const tied = errors.filter((error) =>
                    subqueriesOfError(error, plan).some((subquery) => subquery.section === section),
                );
                kept[section] = tied.length > 0 ? tied : errors;
            }
            this.omittedErrors = kept;
            this.omitted = [...new Set([...this.omitted, ...omit])];
            return;
        }
        this.answered = true;
        this.answeredPlan = plan;
        this.responseData = result.data ?? undefined;
        this.responseErrors = result.errors?.length ? result.errors : undefined;
    }

    // Read by a dozen getters per render: shaped once per answer, plan and sample size.
    get result(): WinLossResult | undefined {
        const data = this.responseData as { uiapi?: unknown } | undefined;
        const inputs = [data, this.answeredPlan ?? this.plan, this.settings.minSample, this.responseErrors];
        const cached = this.memo.result;
        if (cached && cached.inputs.every((input, i) => input === inputs[i])) return cached.value;
        const value = data?.uiapi
            ? readWinLoss(data, inputs[1] as WinLossPlan, inputs[2] as number, this.responseErrors)
            : undefined;
        this.memo.result = { inputs, value };
        return value;
    }

    get isLoading(): boolean {
        return !this.answered;
    }

    get hasError(): boolean {
        return this.answered && !this.result && Boolean(this.responseErrors);
    }

    /** Errors that belong to no section, or sections that came back without data or error. */
    get isPartial(): boolean {
        const result = this.result;
        return Boolean(result && (result.unplaced.length > 0 || result.missing.length > 0));
    }

    get unplacedErrors(): readonly unknown[] | undefined {
        const unplaced = this.result?.unplaced ?? [];
        return unplaced.length > 0 ? unplaced : undefined;
    }

    get ratesErrors(): readonly unknown[] | undefined {
        return this.result?.failed.rates;
    }

    get trendErrors(): readonly unknown[] | undefined {
        return this.result?.failed.trend;
    }

    get reasonsErrors(): readonly unknown[] | undefined {
        if (this.reasonFieldUnavailable) return undefined;
        return this.result?.failed.reasons ?? this.omittedErrors.reasons;
    }

    get recentErrors(): readonly unknown[] | undefined {
        return this.result?.failed.recent ?? this.omittedErrors.recent;
    }

    /** The server blamed the loss-reason field: it does not exist, or field-level security hides it from the viewer. */
    get reasonFieldUnavailable(): string {
        const blamed =
            Boolean(this.result?.reasonFieldFailed) ||
            (this.omitted.includes('reasons') && Boolean(this.omittedErrors.reasons));
        return blamed ? formatLabel(kpiWinLossReasonFieldUnavailable, this.settings.lossReasonField) : '';
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

    private filterOptions(filter: PicklistFilter): { label: string; value: string }[] {
        const options = [{ label: kpiWinLossAllValues, value: '' }];
        const known = this.picklists?.[filter];
        const current = this.settings[filter];
        if (known) return [...options, ...known];
        // Until the org's values arrive, the chosen value is the only one to show.
        return current ? [...options, { label: current, value: current }] : options;
    }

    get typeOptions(): { label: string; value: string }[] {
        return this.filterOptions('opportunityType');
    }

    get leadSourceOptions(): { label: string; value: string }[] {
        return this.filterOptions('leadSource');
    }

    get typeHidden(): boolean {
        return this.picklists?.opportunityType === null;
    }

    get leadSourceHidden(): boolean {
        return this.picklists?.leadSource === null;
    }

    /** Why a filter is off: field-level security hides its field from the viewer. */
    get hiddenFilters(): { key: string; text: string }[] {
        const hidden: { key: string; text: string }[] = [];
        if (this.typeHidden)
            hidden.push({ key: 'type-hidden', text: formatLabel(kpiWinLossFilterHidden, kpiWinLossType) });
        if (this.leadSourceHidden) {
            hidden.push({ key: 'lead-source-hidden', text: formatLabel(kpiWinLossFilterHidden, kpiWinLossLeadSource) });
        }
        return hidden;
    }

    private percent(value: number | null): string {
        return value === null ? '—' : formatKpiValue(value, 'percent', { locale });
    }

    /** Sums come back in the corporate currency: the property names it, else the viewer's currency is assumed. */
    get currency(): string {
        return this.settings.currencyCode || viewerCurrency;
    }

    get currencyNote(): string {
        return this.settings.currencyCode ? formatLabel(kpiWinLossAmountsCurrency, this.settings.currencyCode) : '';
    }

    private money(value: number): string {
        return formatKpiValue(value, 'currency', { locale, currency: this.currency });
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
        for (const rep of result.reps) {
            rows.push(this.rateRow(`rep-${rep.ownerId}`, rep.name ?? rep.ownerId, rep, undefined, rep.ownerId));
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

    /** Won and lost bars, and the win rate as a line on the right-hand 0–100 % axis of the same chart. */
    get chartSeries(): KpiChartSeries[] {
        const trend = this.result?.trend;
        if (!trend) return [];
        const amount = this.settings.measure === 'amount';
        const won = amount ? trend.wonAmount : trend.won;
        const lost = amount ? trend.lostAmount : trend.lost;
        const rates = amount ? trend.amountRate : trend.countRate;
        const display = (values: number[]) => values.map((v) => (amount ? this.money(v) : formatCount(v, locale)));
        return [
            { label: kpiWinLossWon, data: [...won], displayValues: display(won), color: WON_COLOR },
            { label: kpiWinLossLost, data: [...lost], displayValues: display(lost), color: LOST_COLOR },
            {
                label: kpiWinLossWinRate,
                data: rates.map((r) => (r === null ? null : Math.round(r * 1000) / 10)),
                displayValues: rates.map((r) => this.percent(r)),
                color: RATE_COLOR,
                type: 'line',
                axis: 'percent',
            },
        ];
    }

    get chartSummary(): string {
        const result = this.result;
        if (!result) return '';
        const won = result.trend.won.reduce((a, b) => a + b, 0);
        const lost = result.trend.lost.reduce((a, b) => a + b, 0);
        const bars = formatLabel(
            kpiWinLossTrendSummary,
            this.chartLabels.length,
            formatCount(won, locale),
            formatCount(lost, locale),
        );
        return `${bars} ${formatLabel(kpiWinLossRateSummary, this.percent(result.company.current.countRate))}`;
    }

    get groupingLabel(): string {
        return this.groupingOptions.find((o) => o.value === this.settings.grouping)?.label ?? '';
    }

    get hasReasonField(): boolean {
        return Boolean((this.answeredPlan ?? this.plan).reasonField) && !this.reasonFieldUnavailable;
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
        return (this.result?.recent ?? []).map((loss) => ({
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
