import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { PreviewServer } from '../../preview/server/index';
import { startTestServer } from '../../preview/server/__tests__/testServer';
import type { SfOptions, SfResult } from '../lib/sf';
import {
    componentProbes,
    connectSfOrg,
    defaultDeps,
    httpTransport,
    OrgUnavailable,
    parseIncludeOutput,
    sampleEngineTransport,
    shapeDifferences,
    shapeOf,
    undocumentedProbes,
    verify,
    verifyOrg,
    type Transport,
    type VerifyOrgDeps,
} from '../verify-org';

const UNDOCUMENTED = [
    'optional-in-aggregate',
    'aggregate-after-cursor',
    'relationship-in-aggregate',
    'empty-semi-join',
    'objectinfos-in-limit',
    'datetime-literal',
    'fiscal-quarter-grouping',
];
const LARGEST = ['largest-tile', 'largest-leaderboard', 'largest-win-loss'];

function deps(org: Transport | (() => Promise<Transport>), overrides: Partial<VerifyOrgDeps> = {}) {
    const logs: string[] = [];
    const connects: string[] = [];
    const value: VerifyOrgDeps = {
        connect: async (targetOrg) => {
            connects.push(targetOrg);
            return typeof org === 'function' ? org() : org;
        },
        local: () => sampleEngineTransport(),
        probes: () => undocumentedProbes(),
        log: (line) => logs.push(line),
        ...overrides,
    };
    return { logs, connects, deps: value };
}

describe('npm run verify:org against the preview server standing in for the org', () => {
    let server: PreviewServer;
    let admin: string;
    before(async () => {
        server = await startTestServer(new Date().toISOString());
        admin = server.datasets.get('1k').sample.org.personas.admin;
    });
    after(() => server.close());

    it('reports every probe (each undocumented construct, each component’s largest document) as held', async () => {
        const org = httpTransport(`${server.url}/graphql`, admin, { 'x-kpi-user-id': admin, 'x-kpi-dataset': '1k' });
        const run = deps(org, { probes: defaultDeps.probes });
        const code = await verifyOrg(['--target-org', 'preview'], run.deps);
        const report = run.logs.join('\n');
        assert.deepEqual(run.connects, ['preview']);
        for (const id of [...UNDOCUMENTED, ...LARGEST]) {
            assert.match(report, new RegExp(`^✔ held  ${id}: `, 'm'), `${id} is reported as held:\n${report}`);
        }
        assert.match(report, /^verify:org: 10 held, 0 did not hold, 0 not asked$/m);
        assert.equal(code, 0, report);
        // The values beside the shapes: the literal against its bounds, the groups paged.
        assert.match(report, /org: THIS_QUARTER counted \d+, UTC bounds .* counted \d+/);
        assert.match(report, /org: \d+ groups, not past 2,000/);
    });

    it('names what did not hold when the org answers otherwise, and exits 1', async () => {
        const real = httpTransport(`${server.url}/graphql`, admin, { 'x-kpi-user-id': admin, 'x-kpi-dataset': '1k' });
        // An org that counts objectInfos toward the 10 differently and names the owner without the max wrapper.
        const org: Transport = {
            name: 'a different org',
            userId: admin,
            async send(request) {
                if (request.query.includes('a8: Opportunity') && !request.query.includes('a9:')) {
                    return { status: 200, body: { errors: [{ message: 'objectInfos is not allowed here' }] } };
                }
                const answer = await real.send(request);
                const text = JSON.stringify(answer.body).replace(
                    /"Name":\{"max":\{"value":("[^"]*"|null)\}\}/g,
                    '"Name":{"value":$1}',
                );
                return { ...answer, body: JSON.parse(text) as typeof answer.body };
            },
        };
        const run = deps(org);
        assert.equal(await verifyOrg(['-o', 'other'], run.deps), 1);
        const report = run.logs.join('\n');
        assert.match(report, /^✖ did not hold  objectinfos-in-limit: /m);
        assert.match(
            report,
            /9 aggregates and objectInfos: the org answered errors \(objectInfos is not allowed here\), the engine data/,
        );
        assert.match(report, /^✖ did not hold  relationship-in-aggregate: /m);
        assert.match(
            report,
            /data\.uiapi\.aggregate\.Opportunity\.edges\[\]\.node\.aggregate\.Owner\.Name\.value: only on the org/,
        );
        assert.match(report, /Owner\.Name\.max: only in the engine/);
        assert.match(report, /^✔ held  optional-in-aggregate: /m);
        assert.match(report, /^verify:org: 5 held, 2 did not hold, 0 not asked$/m);
    });

    it('reports a probe it could not ask (no answer from the org) as not asked', async () => {
        const org: Transport = { name: 'down', userId: admin, send: async () => ({ failure: 'connect ECONNREFUSED' }) };
        const run = deps(org);
        assert.equal(await verifyOrg(['--target-org', 'down'], run.deps), 1);
        const report = run.logs.join('\n');
        for (const id of UNDOCUMENTED) assert.match(report, new RegExp(`^\\? not asked  ${id}: `, 'm'));
        assert.match(report, /connect ECONNREFUSED/);
    });
});

describe('verify:org without an org', () => {
    it('says the Salesforce CLI is missing and exits 1, sending nothing', async () => {
        let sent = 0;
        const run = deps(() =>
            connectSfOrg('kpiDev', {
                sfInstalled: () => false,
                sf: async (args) => {
                    sent += 1;
                    return { args, stdout: '', stderr: '', exitCode: 0, durationMs: 0 };
                },
            }),
        );
        assert.equal(await verifyOrg(['--target-org', 'kpiDev'], run.deps), 1);
        assert.equal(sent, 0);
        assert.match(run.logs.join('\n'), /the Salesforce CLI is not installed .*npm install.*Nothing was sent/);
    });

    it('says the org is not authorised and exits 1', async () => {
        const run = deps(() =>
            connectSfOrg('kpiDev', {
                sfInstalled: () => true,
                sf: async (args) => ({
                    args,
                    stdout: JSON.stringify({ status: 1, message: 'No authorization information found for kpiDev.' }),
                    stderr: '',
                    exitCode: 1,
                    json: { status: 1, message: 'No authorization information found for kpiDev.' },
                    durationMs: 0,
                }),
            }),
        );
        assert.equal(await verifyOrg(['--target-org', 'kpiDev'], run.deps), 1);
        assert.match(run.logs.join('\n'), /sf cannot reach org kpiDev: No authorization information found/);
    });

    it('needs --target-org (usage, exit 2) and refuses unknown arguments', async () => {
        for (const argv of [[], ['--target-org', 'x', '--bogus'], ['-o', 'x', '--api-version', '65']]) {
            const run = deps(() => Promise.reject(new OrgUnavailable('not reached')));
            assert.equal(await verifyOrg(argv, run.deps), 2, argv.join(' '));
            assert.deepEqual(run.connects, []);
            assert.match(run.logs.join('\n'), /usage: npm run verify:org -- --target-org ALIAS/);
        }
    });
});

describe('the sf transport', () => {
    it('posts { query, variables } to the GraphQL endpoint with sf api request rest, as the CLI’s user', async () => {
        const calls: { args: string[]; options?: SfOptions; body?: unknown }[] = [];
        const sf = async (args: string[], options?: SfOptions): Promise<SfResult> => {
            const body = args.find((arg) => arg.startsWith('@'));
            calls.push({ args, options, body: body && JSON.parse(fs.readFileSync(body.slice(1), 'utf8')) });
            if (args[0] === 'org') {
                const json = { status: 0, result: { id: '005xx0000012345AAA', username: 'me@example.com' } };
                return { args, stdout: JSON.stringify(json), stderr: '', exitCode: 0, json, durationMs: 0 };
            }
            const stdout =
                'HTTP/1.1 200\ncontent-type: application/json\n{\n  "data": { "uiapi": { "query": {} } }\n}\n';
            return { args, stdout, stderr: '', exitCode: 0, durationMs: 0 };
        };
        const org = await connectSfOrg('kpiDev', { sf, sfInstalled: () => true, apiVersion: '65.0' });
        assert.equal(org.userId, '005xx0000012345AAA');
        assert.match(org.name, /org kpiDev as me@example.com/);
        const answer = await org.send({ query: '{ uiapi { query { __typename } } }', variables: { a: 1 } });
        assert.deepEqual(answer, { status: 200, body: { data: { uiapi: { query: {} } } } });
        assert.deepEqual(calls[0].args, ['org', 'display', 'user', '--target-org', 'kpiDev']);
        const [, request] = calls;
        assert.deepEqual(request.args.slice(0, 6), [
            'api',
            'request',
            'rest',
            '/services/data/v65.0/graphql',
            '--method',
            'POST',
        ]);
        assert.ok(request.args.includes('--include'));
        assert.deepEqual(request.args.slice(-2), ['--target-org', 'kpiDev']);
        assert.deepEqual(request.body, { query: '{ uiapi { query { __typename } } }', variables: { a: 1 } });
        // The request file is removed once answered.
        const file = request.args.find((arg) => arg.startsWith('@'))!.slice(1);
        assert.equal(fs.existsSync(file), false);
    });

    it('reads sf’s printed answer: the status line, REST-style error arrays, colour codes, no JSON', () => {
        assert.deepEqual(parseIncludeOutput('HTTP/2 400\nx: y\n[{"message":"bad","errorCode":"X"}]'), {
            status: 400,
            body: { errors: [{ message: 'bad', errorCode: 'X' }] },
        });
        assert.deepEqual(parseIncludeOutput('\u001b[1mHTTP/1.1 200\u001b[0m\n{"data":null}'), {
            status: 200,
            body: { data: null },
        });
        assert.equal(parseIncludeOutput('Error (1): expired').failure, 'the answer held no JSON');
    });
});

describe('shapes', () => {
    it('compare keys and value types, not values; a null or an empty array matches anything', () => {
        const org = { a: { value: 1 }, rows: [{ x: 'a' }, { x: 'b', y: true }], none: null, empty: [] };
        const local = { a: { value: 2 }, rows: [{ x: 'c', y: false }], none: { value: 3 }, empty: [{ z: 1 }] };
        assert.deepEqual(shapeDifferences(shapeOf(org), shapeOf(local)), []);
        assert.deepEqual(shapeDifferences(shapeOf({ a: { value: 1 }, b: 1 }), shapeOf({ a: { value: '1' }, c: 1 })), [
            'a.value: number on the org, string in the engine',
            'b: only on the org',
            'c: only in the engine',
        ]);
    });

    it('take each component’s largest document from the validator’s enumeration', async () => {
        const probes = componentProbes();
        assert.deepEqual(probes.map((probe) => probe.id).sort(), [...LARGEST].sort());
        for (const probe of probes) assert.match(probe.question, /its largest document, ".+" \(10 subqueries\)/);
        const local = sampleEngineTransport();
        const results = await verify(local, local, probes);
        for (const result of results) {
            assert.equal(result.verdict, 'held', result.details.join('\n'));
            assert.equal(
                result.org[0].answer.body?.errors,
                undefined,
                JSON.stringify(result.org[0].answer.body?.errors),
            );
        }
    });
});
