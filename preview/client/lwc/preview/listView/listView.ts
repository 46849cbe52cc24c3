import { LightningElement, api, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
import type { GraphQLError, GraphQLResult } from 'lightning/graphql';
import { NavigationMixin, type PageReference } from 'lightning/navigation';
import type { ListViewPlan } from '../../../../server/listViews';

type FieldValue = { value?: unknown; displayValue?: unknown } | null;
type RecordNode = Record<string, unknown> & { Id: string };

type ListData = {
    uiapi: { query: Record<string, { totalCount: number; edges: { node: RecordNode }[] }> };
};

interface Item {
    id: string;
    name: string;
    url: string;
    reference: PageReference;
}

interface Row extends Item {
    cells: { key: string; text: string }[];
}

const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** A column's text in a node: the first of its paths that reaches a field (polymorphic parents have several). */
function cellText(node: Record<string, unknown>, reads: readonly (readonly string[])[]): string {
    for (const read of reads) {
        let current: unknown = node;
        for (const step of read)
            current = current && typeof current === 'object' ? (current as Record<string, unknown>)[step] : undefined;
        const field = current as FieldValue | undefined;
        if (field && typeof field === 'object' && ('value' in field || 'displayValue' in field)) {
            const shown = field.displayValue ?? field.value;
            return shown === null || shown === undefined ? '' : String(shown);
        }
    }
    return '';
}

/**
 * Where navigation to an object's list lands. With a packaged list view (`listView`, planned by the preview server
 * from its file): the view's filters, columns and rows as the viewer sees them. Without: the first records the
 * viewer can see, by name. Rows link to their records through NavigationMixin like a Lightning component would.
 */
export default class ListView extends NavigationMixin(LightningElement) {
    @api objectApiName?: string;
    /** The field Lightning shows as the record's name (`Name`, or `CaseNumber` for cases). */
    @api nameField = 'Name';
    @api pageSize = 25;
    /** A packaged list view as preview/server/listViews.ts plans it, as JSON; empty for the object's records. */
    @api listView = '';

    data?: ListData;
    errors?: readonly GraphQLError[];
    items: Item[] = [];
    rows: Row[] = [];

    private planSource = '';
    private planValue?: ListViewPlan;

    get plan(): ListViewPlan | undefined {
        if (this.listView !== this.planSource) {
            this.planSource = this.listView;
            this.planValue = this.listView ? (JSON.parse(this.listView) as ListViewPlan) : undefined;
        }
        return this.planValue;
    }

    get query() {
        const plan = this.plan;
        if (plan)
            return gql`
                ${plan.query}
            `;
        if (!NAME.test(this.objectApiName ?? '') || !NAME.test(this.nameField)) return undefined;
        return gql`
            query previewList($first: Int) {
                uiapi { query { ${this.objectApiName}(first: $first, orderBy: { ${this.nameField}: { order: ASC } }) {
                    edges { node { Id ${this.nameField} { value } } }
                    totalCount
                } } }
            }
        `;
    }

    get operationName(): string {
        return this.plan?.operationName ?? 'previewList';
    }

    get variables() {
        return { first: Number(this.pageSize) || 25 };
    }

    @wire(graphql, { query: '$query', variables: '$variables', operationName: '$operationName' })
    handleResult(result: GraphQLResult): void {
        this.data = result.data as ListData | undefined;
        this.errors = result.errors;
        void this.buildItems();
    }

    get loading(): boolean {
        return !this.data && !this.errors;
    }

    private get object(): string {
        return this.plan?.object ?? this.objectApiName ?? '';
    }

    private get connection() {
        return this.data?.uiapi.query[this.object];
    }

    get cardTitle(): string {
        if (this.plan) return `Records in this view (${this.plan.scopeText})`;
        const total = this.connection?.totalCount;
        return total === undefined ? (this.objectApiName ?? '') : `${this.objectApiName}: ${total} visible to you`;
    }

    get caption(): string {
        const connection = this.connection;
        const label = this.plan?.label ?? '';
        if (!connection) return label;
        return `${label}: showing ${connection.edges.length} of ${connection.totalCount}`;
    }

    get conditions(): { key: string; text: string }[] {
        return (this.plan?.conditions ?? []).map((text, index) => ({
            key: String(index),
            text: `${index + 1}. ${text}`,
        }));
    }

    get hasConditions(): boolean {
        return this.conditions.length > 0;
    }

    get isEmpty(): boolean {
        return !!this.connection && this.connection.edges.length === 0;
    }

    get columnCount(): number {
        return this.plan?.columns.length ?? 1;
    }

    get headers(): { key: string; label: string }[] {
        return (this.plan?.columns ?? []).map((column) => ({ key: column.token, label: column.label }));
    }

    private async buildItems(): Promise<void> {
        const objectApiName = this.object;
        const plan = this.plan;
        const built = await Promise.all(
            (this.connection?.edges ?? []).map(async ({ node }) => {
                const id = String(node.Id);
                const texts = plan
                    ? plan.columns.map((column) => cellText(node, column.reads))
                    : [cellText(node, [[this.nameField]])];
                const reference: PageReference = {
                    type: 'standard__recordPage',
                    attributes: { recordId: id, objectApiName, actionName: 'view' },
                };
                const url = await this[NavigationMixin.GenerateUrl](reference);
                const cells = texts.slice(1).map((text, index) => ({ key: `${id}-${index + 1}`, text }));
                return { id, url, reference, name: texts[0] || id, cells };
            }),
        );
        this.items = built;
        this.rows = built;
    }

    handleOpen(event: MouseEvent): void {
        event.preventDefault();
        const item = this.items.find((candidate) => candidate.id === (event.currentTarget as HTMLElement).dataset.id);
        if (item) this[NavigationMixin.Navigate](item.reference);
    }
}
