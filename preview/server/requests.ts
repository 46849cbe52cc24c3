/**
 * What the preview server checks of a request before it routes it: who may ask (loopback hosts, same-origin writes)
 * and what a `POST /graphql` must look like. Every refusal is an HttpError with a one-line message.
 */
import type { IncomingMessage } from 'node:http';
import type { EngineRequest, ViewerContext } from '../engine/api';

export class HttpError extends Error {
    constructor(
        readonly status: number,
        message: string,
    ) {
        super(message);
    }
}

export const MAX_BODY = 1024 * 1024;

/** `localhost`, `127.0.0.1` or `[::1]`, with any port. */
const LOOPBACK_HOST = /^(?:localhost|127\.0\.0\.1|\[::1\])(?::\d{1,5})?$/i;

/** The first value of a request header. */
export function header(req: IncomingMessage, name: string): string | undefined {
    const value = req.headers[name];
    return Array.isArray(value) ? value[0] : value;
}

/**
 * Refuses what a web page on another site could make a browser send: a Host that is not a loopback name (DNS
 * rebinding: evil.example resolving to 127.0.0.1), and a request that changes state from another origin.
 */
export function checkCaller(req: IncomingMessage): void {
    const host = header(req, 'host') ?? '';
    if (!LOOPBACK_HOST.test(host)) {
        throw new HttpError(
            403,
            `the preview server answers only loopback hosts (localhost, 127.0.0.1, [::1]), not Host: ${host.slice(0, 100)}`,
        );
    }
    const method = req.method ?? 'GET';
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return;
    const origin = header(req, 'origin');
    const site = header(req, 'sec-fetch-site');
    // Browsers send Origin with every POST; Sec-Fetch-Site is the fallback for one that does not. Tools send neither.
    const foreign =
        origin !== undefined
            ? origin.toLowerCase() !== `http://${host.toLowerCase()}`
            : site !== undefined && site !== 'same-origin' && site !== 'none';
    if (foreign) {
        const from = origin ?? `Sec-Fetch-Site: ${site}`;
        throw new HttpError(403, `cross-site ${method} refused: ${from.slice(0, 100)} is not this server's origin`);
    }
}

/** The body as text; 413 as soon as it passes `max` bytes, without reading the rest. */
export function readBody(req: IncomingMessage, max = MAX_BODY): Promise<string> {
    const tooLarge = () => new HttpError(413, `request body over ${max.toLocaleString('en-US')} bytes`);
    if (Number(header(req, 'content-length')) > max) return Promise.reject(tooLarge());
    return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        req.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size <= max) chunks.push(chunk);
            else {
                req.removeAllListeners('data');
                req.pause();
                reject(tooLarge());
            }
        });
        req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        req.on('error', reject);
    });
}

const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);

/** A GraphQL-over-HTTP request body: `{ query, variables?, operationName? }`. */
export function parseGraphQLRequest(text: string): EngineRequest {
    let body: unknown;
    try {
        body = JSON.parse(text);
    } catch (error) {
        throw new HttpError(400, `request body is not JSON: ${(error as Error).message}`);
    }
    if (!isObject(body)) throw new HttpError(400, 'request body must be a JSON object with a "query" string');
    const { query, variables, operationName } = body;
    if (typeof query !== 'string') throw new HttpError(400, 'request body needs a "query" string');
    if (variables !== undefined && variables !== null && !isObject(variables))
        throw new HttpError(400, 'request body "variables" must be an object of variable values');
    if (operationName !== undefined && operationName !== null && typeof operationName !== 'string')
        throw new HttpError(400, 'request body "operationName" must be a string');
    return { query, variables: variables ?? undefined, operationName: operationName ?? undefined };
}

/** A header the engine would choke on, named: Intl rejects what is not a locale, currency or time zone. */
function checked(name: string, value: string, valid: (value: string) => unknown): string {
    try {
        if (valid(value) !== false) return value;
    } catch {
        // Falls through to the refusal: RangeError is how Intl says "not one of mine".
    }
    throw new HttpError(400, `${name}: ${JSON.stringify(value.slice(0, 100))} is not valid`);
}

/** The viewer of a GraphQL request from its headers (`names`, preview/client/context.ts VIEWER_HEADERS). */
export function readViewer(
    req: IncomingMessage,
    names: { userId: string; locale: string; currency: string; timeZone: string },
    isUser: (userId: string) => boolean,
): ViewerContext {
    const userId = header(req, names.userId);
    if (!userId) throw new HttpError(400, `${names.userId} header is required: the User Id the query runs as`);
    if (!isUser(userId))
        throw new HttpError(400, `${names.userId}: no user ${userId.slice(0, 100)} in this sample org`);
    return {
        userId,
        locale: checked(names.locale, header(req, names.locale) ?? 'en-US', (v) => Intl.getCanonicalLocales(v)),
        currency: checked(
            names.currency,
            header(req, names.currency) ?? 'USD',
            (v) => /^[A-Z]{3}$/.test(v) && new Intl.NumberFormat('en-US', { style: 'currency', currency: v }),
        ),
        timeZone: checked(
            names.timeZone,
            header(req, names.timeZone) ?? 'America/Los_Angeles',
            (v) => new Intl.DateTimeFormat('en-US', { timeZone: v }),
        ),
    };
}
