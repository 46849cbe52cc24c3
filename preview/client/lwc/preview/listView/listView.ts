import { LightningElement, api, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
import type { GraphQLError, GraphQLResult } from 'lightning/graphql';
import { NavigationMixin, type PageReference } from 'lightning/navigation';

type ListData = {
    uiapi: {
        query: Record<string, { totalCount: number; edges: { node: Record<string, { value: unknown } | string> }[] }>;
    };
};

interface Item {
    id: string;
    name: string;
    url: string;
    reference: PageReference;
}

/**
 * Where navigation to an object's list or home lands: the first records the viewer can see, by name, each linked
 * through NavigationMixin like a Lightning component would link to a record.
 */
export default class ListView extends NavigationMixin(LightningElement) {
    @api objectApiName?: string;
    /** The field Lightning shows as the record's name (`Name`, or `CaseNumber` for cases). */
    @api nameField = 'Name';
    @api pageSize = 25;

    data?: ListData;
    errors?: readonly GraphQLError[];
    items: Item[] = [];

    get query() {
        const valid = (name: string | undefined) => !!name && /^[A-Za-z][A-Za-z0-9_]*$/.test(name);
        if (!valid(this.objectApiName) || !valid(this.nameField)) return undefined;
        return gql`
            query previewList($first: Int) {
                uiapi { query { ${this.objectApiName}(first: $first, orderBy: { ${this.nameField}: { order: ASC } }) {
                    edges { node { Id ${this.nameField} { value } } }
                    totalCount
                } } }
            }
        `;
    }

    get variables() {
        return { first: Number(this.pageSize) || 25 };
    }

    @wire(graphql, { query: '$query', variables: '$variables', operationName: 'previewList' })
    handleResult(result: GraphQLResult): void {
        this.data = result.data as ListData | undefined;
        this.errors = result.errors;
        void this.buildItems();
    }

    get loading(): boolean {
        return !this.data && !this.errors;
    }

    private get connection() {
        return this.data?.uiapi.query[this.objectApiName ?? ''];
    }

    get cardTitle(): string {
        const total = this.connection?.totalCount;
        return total === undefined ? (this.objectApiName ?? '') : `${this.objectApiName}: ${total} visible to you`;
    }

    private async buildItems(): Promise<void> {
        const objectApiName = this.objectApiName ?? '';
        this.items = await Promise.all(
            (this.connection?.edges ?? []).map(async ({ node }) => {
                const id = String(node.Id);
                const name = node[this.nameField] as { value: unknown } | undefined;
                const reference: PageReference = {
                    type: 'standard__recordPage',
                    attributes: { recordId: id, objectApiName, actionName: 'view' },
                };
                const url = await this[NavigationMixin.GenerateUrl](reference);
                return { id, url, reference, name: String(name?.value ?? id) };
            }),
        );
    }

    handleOpen(event: MouseEvent): void {
        event.preventDefault();
        const item = this.items.find((candidate) => candidate.id === (event.currentTarget as HTMLElement).dataset.id);
        if (item) this[NavigationMixin.Navigate](item.reference);
    }
}
