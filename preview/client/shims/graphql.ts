/**
 * `lightning/graphql` for the preview: the wire adapter sends each document to the preview server's engine over
 * HTTP, as the running user, so requests can be counted and measured like real ones.
 * Result shape `{ data, errors, refresh }` and config `{ query, variables, operationName }` follow
 * https://developer.salesforce.com/docs/platform/lwc/guide/reference-graphql-wire.html
 */
// Type-only: erased when transpiled, so the bundle never imports this module from itself.
import type { GraphQLError } from 'lightning/graphql';
import { VIEWER_HEADERS, previewContext } from '../context';

/** What `gql` returns: the document text, interpolations resolved. Components treat it as opaque. */
export interface PreviewDocument {
    readonly kind: 'Document';
    readonly source: string;
}

interface GraphQLConfig {
    query?: PreviewDocument | null;
    variables?: Record<string, unknown>;
    operationName?: string;
}

export interface GraphQLResult {
    data: unknown;
    errors: readonly GraphQLError[] | undefined;
    refresh: () => Promise<void>;
}

const isDocument = (value: unknown): value is PreviewDocument =>
    typeof value === 'object' && value !== null && (value as PreviewDocument).kind === 'Document';

/** Tagged template; interpolated documents (fragments) are inlined as text. */
export function gql(strings: TemplateStringsArray | string, ...values: unknown[]): PreviewDocument {
    const parts = typeof strings === 'string' ? [strings] : strings;
    let source = parts[0];
    values.forEach((value, index) => {
        source += (isDocument(value) ? value.source : String(value)) + parts[index + 1];
    });
    return Object.freeze({ kind: 'Document', source });
}

/** Wire data is immutable on the platform; freezing it here makes a component that mutates it fail in the preview too. */
function deepFreeze<T>(value: T): T {
    if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
        Object.freeze(value);
        for (const child of Object.values(value)) deepFreeze(child);
    }
    return value;
}

/**
 * Sends one document as the running user; network and server failures become GraphQL-shaped errors, each naming what
 * went wrong (unreachable, an HTTP status, a body that is not JSON or not a GraphQL response). A body with `data`
 * and no `errors` is passed on as it is, `data: null` included, for the components to judge.
 */
export async function executeGraphQL(request: {
    query: string;
    variables?: Record<string, unknown>;
    operationName?: string;
}): Promise<{ data?: unknown; errors?: GraphQLError[] }> {
    const { selection } = previewContext();
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    for (const [key, header] of Object.entries(VIEWER_HEADERS)) {
        headers[header] = selection[key as keyof typeof VIEWER_HEADERS];
    }
    let response: Response;
    let text: string;
    try {
        response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify(request) });
        text = await response.text();
    } catch (error) {
        return { errors: [{ message: `preview server unreachable: ${(error as Error).message}` }] };
    }
    const status = `preview server answered ${response.status} ${response.statusText}`.trim();
    let body: unknown;
    try {
        body = JSON.parse(text);
    } catch {
        return { errors: [{ message: response.ok ? `${status} with a body that is not JSON` : status }] };
    }
    const answer = typeof body === 'object' && body !== null ? (body as { data?: unknown; errors?: unknown }) : {};
    if (answer.errors !== undefined && answer.errors !== null) {
        return { data: answer.data, errors: answer.errors as GraphQLError[] };
    }
    if (!response.ok) return { errors: [{ message: status }] };
    if (!('data' in answer)) return { errors: [{ message: `${status} with neither data nor errors` }] };
    return { data: answer.data };
}

/** The wire adapter: emits nothing while loading, then one value per response. */
export class graphql {
    private config: GraphQLConfig | undefined;
    private configKey = '';
    private connected = false;
    private sequence = 0;

    constructor(private readonly emit: (value: GraphQLResult) => void) {}

    update(config: GraphQLConfig): void {
        const key = JSON.stringify([config.query?.source, config.variables, config.operationName]);
        this.config = config;
        // The engine sees a request only when the document or its variables really change, like LDS's cache key.
        if (key === this.configKey) return;
        this.configKey = key;
        if (this.connected) void this.run();
    }

    connect(): void {
        this.connected = true;
        if (this.config) void this.run();
    }

    disconnect(): void {
        this.connected = false;
        this.sequence += 1;
    }

    private readonly refresh = (): Promise<void> => this.run();

    private async run(): Promise<void> {
        const config = this.config;
        if (!config || !isDocument(config.query)) return;
        const sequence = ++this.sequence;
        const body = await executeGraphQL({
            query: config.query.source,
            variables: config.variables,
            operationName: config.operationName,
        });
        // A newer config or a disconnect supersedes this response.
        if (sequence !== this.sequence || !this.connected) return;
        this.emit({
            data: body.data === undefined ? undefined : deepFreeze(body.data),
            errors:
                body.errors && (!Array.isArray(body.errors) || body.errors.length > 0)
                    ? deepFreeze(body.errors)
                    : undefined,
            refresh: this.refresh,
        });
    }
}
