import { api, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
import type { GraphQLError, GraphQLResult } from 'lightning/graphql';
import type { KpiChartSeries, KpiChartType } from 'c/kpiChartData';
import KpiAnswering from 'c/kpiAnswering';

type SourceObject = 'Opportunity' | 'Case';
type Measure = 'Amount' | 'Count';

interface AggregateValue {
    value?: unknown;
    displayValue?: string | null;
    sum?: { value: number | null };
    count?: { value: number | null };
}

type DemoData = {
    uiapi?: {
        aggregate?: Record<
            string,
            { edges?: ({ node?: { aggregate?: Record<string, AggregateValue | undefined> } } | null)[] } | null
        >;
    };
};

/** The date each object is filtered on. */
const DATE_FIELDS: Record<SourceObject, string> = { Opportunity: 'CloseDate', Case: 'CreatedDate' };

const FIELD_LABELS: Record<string, string> = {
    StageName: 'Stage',
    LeadSource: 'Lead source',
    Type: 'Type',
    ForecastCategoryName: 'Forecast category',
    Status: 'Status',
    Origin: 'Origin',
    Priority: 'Priority',
    Reason: 'Reason',
};

const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * Preview-only demo: one real UI API aggregate query through the engine, drawn by the package's `c-kpi-chart`.
 * It shows the chart lifecycle live until the KPI components arrive; it is not part of the package.
 * A field that does not exist on the chosen object fails the query, and the error panel shows the engine's error.
 */
export default class ChartDemo extends KpiAnswering {
    /** Card title. */
    @api cardTitle = 'Opportunities by stage';
    /** 'Opportunity' or 'Case'. */
    @api sourceObject: SourceObject = 'Opportunity';
    /** 'bar', 'line' or 'doughnut'. */
    @api chartType: KpiChartType = 'bar';
    /** Picklist field the records are grouped by. */
    @api groupBy = 'StageName';
    /** 'Amount' (sum) or 'Count'. */
    @api measure: Measure = 'Amount';
    /** Records of the last N months (the current month not included, like LAST_N_MONTHS:n). */
    @api lastMonths = 12;
    /** Set on record pages: only this account's records. */
    @api recordId?: string;

    data?: DemoData;
    errors?: readonly GraphQLError[];
    answered = false;

    /** Built at run time because object and field are properties: `lightning/graphql` allows dynamic queries. */
    get query() {
        if (this.waiting.suspended) return undefined;
        const object = this.sourceObject;
        const field = this.groupBy;
        if (!NAME.test(object) || !NAME.test(field)) return undefined;
        const dateField = DATE_FIELDS[object] ?? 'CreatedDate';
        const accountVariable = this.recordId ? ', $accountId: ID' : '';
        const accountFilter = this.recordId ? ', AccountId: { eq: $accountId }' : '';
        const amount = this.measure === 'Amount' ? 'Amount { sum { value } }' : '';
        return gql`
            query previewChartDemo($months: Int${accountVariable}) {
                uiapi {
                    aggregate {
                        ${object}(
                            where: { ${dateField}: { gte: { range: { last_n_months: $months } } }${accountFilter} }
                            groupBy: { ${field}: { group: true } }
                        ) {
                            edges {
                                node {
                                    aggregate {
                                        ${field} { value displayValue }
                                        ${amount}
                                        Id { count { value } }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        `;
    }

    get variables() {
        const months = Number(this.lastMonths) || 12;
        return this.recordId ? { months, accountId: this.recordId } : { months };
    }

    @wire(graphql, { query: '$query', variables: '$variables', operationName: 'previewChartDemo' })
    handleResult(result: GraphQLResult): void {
        const answer = this.answers.receive(result);
        if (!answer) return;
        this.answered = true;
        this.data = answer.data as DemoData | undefined;
        this.errors = answer.errors as readonly GraphQLError[] | undefined;
    }

    override get waitKey(): string | undefined {
        return this.answered ? undefined : 'first answer';
    }

    get loading(): boolean {
        return !this.answered && !this.waiting.takingLong;
    }

    private get rows(): { label: string; value: number }[] {
        const edges = this.data?.uiapi?.aggregate?.[this.sourceObject]?.edges ?? [];
        return edges
            .map((edge) => {
                const aggregate = edge?.node?.aggregate ?? {};
                const group = aggregate[this.groupBy];
                const value = this.measure === 'Amount' ? aggregate.Amount?.sum?.value : aggregate.Id?.count?.value;
                return { label: String(group?.displayValue ?? group?.value ?? '(none)'), value: Number(value ?? 0) };
            })
            .sort((a, b) => b.value - a.value);
    }

    get hasRows(): boolean {
        return this.rows.length > 0;
    }

    get isEmpty(): boolean {
        return !!this.data && !this.errors && !this.hasRows;
    }

    get labels(): string[] {
        return this.rows.map((row) => row.label);
    }

    get series(): KpiChartSeries[] {
        return [{ label: this.measureLabel, data: this.rows.map((row) => row.value) }];
    }

    get measureLabel(): string {
        return this.measure === 'Amount' ? 'Amount (sum, corporate currency)' : `${this.sourceObject} records`;
    }

    get categoryLabel(): string {
        return FIELD_LABELS[this.groupBy] ?? this.groupBy;
    }

    get summary(): string {
        const top = this.rows[0];
        return top ? `${this.measureLabel} by ${this.categoryLabel}; highest: ${top.label}, ${top.value}.` : '';
    }

    /** Re-runs the query through the wire's `refresh`, as the kit's refresh buttons do. */
    handleRefresh(): void {
        this.answers.refresh();
    }

    handleRetry(): void {
        this.answers.retry();
    }
}
