import { LightningElement, api, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
import type { GraphQLError, GraphQLResult } from 'lightning/graphql';

type FieldValue = { value: unknown; displayValue?: string | null } | null;
type RecordData = { uiapi: { query: Record<string, { edges: { node: Record<string, FieldValue> }[] }> } };

/**
 * Where navigation to a record lands when the preview has no Lightning page for its object: the record's fields,
 * read as the viewer; each field is `@optional`, so fields the viewer cannot see are left out instead of failing.
 */
export default class RecordView extends LightningElement {
    @api recordId?: string;
    @api objectApiName?: string;
    /** Comma-separated field API names. */
    @api fields = '';
    /** Comma-separated labels, one per field. */
    @api fieldLabels = '';

    data?: RecordData;
    errors?: readonly GraphQLError[];

    private get fieldNames(): string[] {
        return this.fields
            .split(',')
            .map((name) => name.trim())
            .filter((name) => /^[A-Za-z][A-Za-z0-9_]*$/.test(name));
    }

    get query() {
        if (!this.objectApiName || !this.recordId || !/^[A-Za-z][A-Za-z0-9_]*$/.test(this.objectApiName))
            return undefined;
        const selections = this.fieldNames.map((name) => `${name} @optional { value displayValue }`).join(' ');
        return gql`
            query previewRecord($id: ID) {
                uiapi { query { ${this.objectApiName}(where: { Id: { eq: $id } }, first: 1) { edges { node { Id ${selections} } } } } }
            }
        `;
    }

    get variables() {
        return { id: this.recordId };
    }

    @wire(graphql, { query: '$query', variables: '$variables', operationName: 'previewRecord' })
    handleResult(result: GraphQLResult): void {
        this.data = result.data as RecordData | undefined;
        this.errors = result.errors;
    }

    get cardTitle(): string {
        return `${this.objectApiName ?? 'Record'} ${this.recordId ?? ''}`;
    }

    get loading(): boolean {
        return !this.data && !this.errors;
    }

    get notVisible(): boolean {
        return !!this.data && !this.node;
    }

    private get node(): Record<string, FieldValue> | undefined {
        return this.data?.uiapi.query[this.objectApiName ?? '']?.edges[0]?.node;
    }

    get rows() {
        const node = this.node;
        if (!node) return [];
        const labels = this.fieldLabels.split(',');
        return this.fieldNames
            .map((name, index) => {
                const field = node[name];
                const text = field ? String(field.displayValue ?? field.value ?? '') : undefined;
                return { name, label: labels[index]?.trim() || name, text };
            })
            .filter((row) => row.text !== undefined);
    }
}
