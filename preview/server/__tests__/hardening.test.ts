import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, test } from 'node:test';
import type { PreviewServer } from '../index';
import { startTestServer } from './testServer';

interface Answer {
    status: number;
    text: string;
}

let server: PreviewServer;
let admin: string;

/** node:http rather than fetch: fetch will not send a Host or Origin of the caller's choosing. */
function send(
    method: string,
    path: string,
    options: { headers?: Record<string, string>; body?: string | Buffer; chunked?: boolean } = {},
): Promise<Answer> {
    return new Promise((resolve, reject) => {
        const request = http.request(
            `${server.url}${path}`,
            { method, headers: { 'x-kpi-dataset': '1k', ...options.headers } },
            (response) => {
                const chunks: Buffer[] = [];
                response.on('data', (chunk: Buffer) => chunks.push(chunk));
                response.on('end', () =>
                    resolve({
                        status: response.statusCode ?? 0,
                        text: Buffer.concat(chunks).toString('utf8'),
                    }),
                );
            },
        );
        // The server may answer an oversize body before it has all of it and close: the answer is what counts.
        request.on('error', (error: NodeJS.ErrnoException) => {
            if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
        });
        if (options.chunked && options.body) {
            // Without Content-Length: the server finds the size out while reading.
            for (let at = 0; at < options.body.length; at += 64 * 1024)
                request.write(options.body.slice(at, at + 64 * 1024));
            request.end();
        } else request.end(options.body);
    });
}

const postGraphQL = (body: unknown, headers: Record<string, string> = {}, chunked = false) =>
    send('POST', '/graphql', {
        headers: { 'content-type': 'application/json', 'x-kpi-user-id': admin, ...headers },
        body: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body),
        chunked,
    });

/** How many GraphQL requests the engine has run since the last reset (the server's metrics log). */
const executed = async () => JSON.parse((await send('GET', '/metrics')).text).count as number;

/**
 * Refused with this status and a one-line GraphQL-style message without a stack trace, before the engine ran
 * anything: the server's count of executed requests does not move. That the refusal is quick follows from it
 * running no query; how quick is a benchmark's business on this noisy machine, not a timed assertion.
 */
async function assertRefused(request: () => Promise<Answer>, status: number, message: RegExp): Promise<void> {
    const before = await executed();
    const answer = await request();
    assert.equal(answer.status, status, answer.text.slice(0, 300));
    assert.equal(await executed(), before, 'a refused request runs nothing');
    const body = JSON.parse(answer.text) as { errors: { message: string }[] };
    assert.equal(body.errors.length, 1);
    const [{ message: text }] = body.errors;
    assert.match(text, message);
    assert.doesNotMatch(text, /\n|\bat .+:\d+:\d+/, 'a one-line message without a stack trace');
}

const accounts = 'query accounts { uiapi { query { Account(first: 2) { edges { node { Id Name { value } } } } } } }';

async function assertStillServing(): Promise<void> {
    const answer = await postGraphQL({ query: accounts });
    assert.equal(answer.status, 200, answer.text);
    assert.equal(JSON.parse(answer.text).data.uiapi.query.Account.edges.length, 2);
}

describe('preview server hardening', () => {
    before(async () => {
        server = await startTestServer('2026-03-15T12:00:00Z');
        admin = server.datasets.get('1k').sample.org.personas.admin;
    });
    after(() => server.close());

    test('an alias bomb of 34,000 aliases in about 1 MB is refused before it runs', async () => {
        const aliases = Array.from({ length: 34_000 }, (_, i) => `alias${i}: Name { value }`).join(' ');
        const body = JSON.stringify({
            query: `query { uiapi { query { Account { edges { node { ${aliases} } } } } } }`,
        });
        assert.ok(body.length > 900_000 && body.length < 1024 * 1024, `${body.length} bytes`);
        await assertRefused(() => postGraphQL(body), 400, /query limit exceeded \(tokens\).*more than 50,000 tokens/);
        await assertStillServing();
    });

    test('fewer aliases, within the token limit, are refused on the number of fields', async () => {
        const aliases = Array.from({ length: 5_000 }, (_, i) => `a${i}: Name { value }`).join(' ');
        const query = `query { uiapi { query { Account { edges { node { ${aliases} } } } } } }`;
        await assertRefused(() => postGraphQL({ query }), 400, /\(fields\).*10,005 selected fields.*at most 1,000/);
    });

    test('500 levels of nested fields are refused on depth', async () => {
        const query = `query ${'{ a '.repeat(500)}{ b }${' }'.repeat(500)}`;
        await assertRefused(() => postGraphQL({ query }), 400, /\(depth\).*501 levels of nested fields.*at most 24/);
        await assertStillServing();
    });

    test('nested connections of 2,000 rows each are refused on the size of the answer', async () => {
        const query =
            'query { uiapi { query { Account(first: 2000) { edges { node { Opportunities(first: 2000) { edges { node { Id } } } } } } } } }';
        await assertRefused(() => postGraphQL({ query }), 400, /\(cells\).*4,000,000 values in the answer/);
    });

    test('a Host other than a loopback name is refused: no DNS rebinding', async () => {
        for (const host of ['evil.example', 'evil.example:3000', '192.168.1.20:3000', 'localhost.evil.example']) {
            await assertRefused(() => send('GET', '/api/health', { headers: { host } }), 403, /loopback/);
        }
        await assertRefused(() => postGraphQL({ query: accounts }, { host: 'evil.example' }), 403, /loopback/);
        for (const host of ['localhost', 'LOCALHOST:3000', '127.0.0.1:8080', '[::1]:3000']) {
            assert.equal((await send('GET', '/api/health', { headers: { host } })).status, 200, host);
        }
    });

    test('a cross-site POST is refused and changes nothing; a same-origin one works', async () => {
        await postGraphQL({ query: accounts });
        const before = await executed();
        assert.ok(before > 0);
        const evil = { origin: 'http://evil.example' };
        await assertRefused(() => send('POST', '/metrics/reset', { headers: evil }), 403, /cross-site/);
        await assertRefused(() => send('DELETE', '/metrics', { headers: evil }), 403, /cross-site/);
        await assertRefused(() => send('POST', '/metrics/reset', { headers: { origin: 'null' } }), 403, /cross-site/);
        const fetchedCrossSite = { 'sec-fetch-site': 'cross-site' };
        await assertRefused(() => send('POST', '/metrics/reset', { headers: fetchedCrossSite }), 403, /cross-site/);
        await assertRefused(() => postGraphQL({ query: accounts }, evil), 403, /cross-site/);
        assert.equal(await executed(), before, 'the refused requests reset nothing and ran nothing');
        const own = { origin: server.url, 'sec-fetch-site': 'same-origin' };
        assert.equal((await postGraphQL({ query: accounts }, own)).status, 200);
        assert.equal((await send('POST', '/metrics/reset', { headers: own })).status, 204);
        assert.equal(await executed(), 0);
    });

    test('a body that is not JSON, or not a GraphQL request, gets 400 and a one-line message', async () => {
        await assertRefused(() => postGraphQL('{"query": '), 400, /not JSON/);
        await assertRefused(() => postGraphQL('null'), 400, /JSON object/);
        await assertRefused(() => postGraphQL('[1, 2]'), 400, /JSON object/);
        await assertRefused(() => postGraphQL({ query: 42 }), 400, /"query" string/);
        await assertRefused(() => postGraphQL({ query: accounts, variables: [1] }), 400, /"variables".*object/);
        await assertRefused(() => postGraphQL({ query: accounts, variables: 'first=1' }), 400, /"variables".*object/);
        await assertRefused(() => postGraphQL({ query: accounts, operationName: 7 }), 400, /"operationName".*string/);
        await assertStillServing();
    });

    test('a body over 1 MB gets 413 without being read to the end', async () => {
        const body = Buffer.alloc(3 * 1024 * 1024, 'a');
        await assertRefused(() => postGraphQL(body), 413, /over 1,048,576 bytes/);
        await assertRefused(() => postGraphQL(body, {}, true), 413, /over 1,048,576 bytes/);
        await assertStillServing();
    });

    test('unknown datasets, users and viewer settings, and bad URL encoding, get 400', async () => {
        const query = { query: accounts };
        await assertRefused(() => postGraphQL(query, { 'x-kpi-dataset': '7k' }), 400, /x-kpi-dataset: unknown dataset/);
        await assertRefused(
            () => postGraphQL(query, { 'x-kpi-user-id': 'nobody' }),
            400,
            /x-kpi-user-id: no user nobody/,
        );
        await assertRefused(() => postGraphQL(query, { 'x-kpi-locale': '!!' }), 400, /x-kpi-locale/);
        await assertRefused(() => postGraphQL(query, { 'x-kpi-currency': 'EURO' }), 400, /x-kpi-currency/);
        await assertRefused(() => postGraphQL(query, { 'x-kpi-time-zone': 'Mars/Base' }), 400, /x-kpi-time-zone/);
        await assertRefused(() => send('GET', '/api/users?size=7k'), 400, /size: unknown dataset/);
        await assertRefused(() => send('GET', '/lightning/r/%E0%A4%A/view'), 400, /malformed \(bad URL encoding\)/);
        await assertStillServing();
    });

    test('an internal error answers 500 with a generic message and logs the stack to stderr only', async (t) => {
        const dataset = server.datasets.get('1k');
        const logged: unknown[] = [];
        t.mock.method(console, 'error', (...args: unknown[]) => void logged.push(...args));
        t.mock.method(dataset.engine, 'execute', () => {
            throw new Error('secret internal detail');
        });
        const answer = await postGraphQL({ query: accounts });
        assert.equal(answer.status, 500);
        assert.deepEqual(JSON.parse(answer.text), {
            errors: [{ message: 'internal error in the preview server (its log has the details)' }],
        });
        assert.match(String(logged.join(' ')), /secret internal detail[\s\S]*\bat /);
        t.mock.restoreAll();
        await assertStillServing();
    });
});
