// lightning/graphql is not typed by @salesforce/lightning-types.
// https://developer.salesforce.com/docs/platform/lwc/guide/reference-graphql-wire.html
declare module 'lightning/graphql' {
    import type { WireAdapterConstructor } from 'lwc';

    /** A parsed GraphQL document; opaque to component code. */
    export interface GraphQLDocument {
        readonly __kpiGraphQLDocument: unique symbol;
    }

    export interface GraphQLError {
        message: string;
        locations?: { line: number; column: number }[];
        path?: (string | number)[];
        extensions?: Record<string, unknown>;
        /** UI API also reports an errorType such as "ValidationError" or "InvalidSyntax". */
        errorType?: string;
    }

    export interface GraphQLConfig {
        query: GraphQLDocument | undefined;
        variables?: Record<string, unknown>;
        operationName?: string;
    }

    export interface GraphQLResult<TData = unknown> {
        data?: TData;
        errors?: readonly GraphQLError[];
        /** Re-runs the current query and variables; resolves when fresh data reaches the wire. */
        refresh?: () => Promise<void>;
    }

    export function gql(strings: TemplateStringsArray | string, ...values: unknown[]): GraphQLDocument;
    export const graphql: WireAdapterConstructor<GraphQLConfig, GraphQLResult>;
}
