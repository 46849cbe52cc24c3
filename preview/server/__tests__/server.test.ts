import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { PreviewManifest } from '../../build';
import type { PreviewServer } from '../index';
import { emptyManifest, startTestServer } from './testServer';

const manifest: PreviewManifest = {
    ...emptyManifest,
    components: [
        {
            tag: 'preview-chart-demo',
            specifier: 'preview/chartDemo',
            source: 'preview',
            meta: {
                exposed: true,
                targets: ['lightning__HomePage', 'lightning__AppPage', 'lightning__RecordPage'],
                targetConfigs: [
                    {
                        targets: ['lightning__HomePage', 'lightning__AppPage', 'lightning__RecordPage'],
                        objects: [],
                        properties: [
                            { name: 'cardTitle', type: 'String', label: 'Title', required: false },
                            {
                                name: 'sourceObject',
                                type: 'String',
                                label: 'Object',
                                required: true,
                                datasource: ['Opportunity', 'Case'],
                            },
                            {
                                name: 'chartType',
                                type: 'String',
                                label: 'Chart type',
                                required: true,
                                datasource: ['bar', 'line', 'doughnut'],
                            },
                            {
                                name: 'groupBy',
                                type: 'String',
                                label: 'Group by',
                                required: true,
                                datasource: [
                                    'StageName',
                                    'LeadSource',
                                    'Type',
                                    'ForecastCategoryName',
                                    'Status',
                                    'Origin',
                                    'Priority',
                                    'Reason',
                                ],
                            },
                            {
                                name: 'measure',
                                type: 'String',
                                label: 'Measure',
                                required: true,
                                datasource: ['Amount', 'Count'],
                            },
                            { name: 'lastMonths', type: 'Integer', label: 'Months', required: true, min: 1, max: 36 },
                        ],
                    },
                ],
            },
        },
    ],
};

const countQuery =
    'query count { uiapi { aggregate { Opportunity { edges { node { aggregate { Id { count { value } } } } } } } } }';

// Responses are arbitrary JSON read field by field; a type per response would repeat the engine's.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

let server: PreviewServer;
let personas: { admin: string; salesRep: string };

async function graphql(body: unknown, headers: Record<string, string>): Promise<{ status: number; json: Json }> {
    const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-kpi-dataset': '1k', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, json: await response.json() };
}

const countAs = async (userId: string): Promise<number> => {
    const { json } = await graphql({ query: countQuery, operationName: 'count' }, { 'x-kpi-user-id': userId });
    assert.equal(json.errors, undefined, JSON.stringify(json.errors));
    return json.data.uiapi.aggregate.Opportunity.edges[0].node.aggregate.Id.count.value;
};

describe('preview server', () => {
    before(async () => {
        server = await startTestServer('2026-03-15T12:00:00Z', { manifest });
        personas = server.datasets.get('1k').sample.org.personas;
    });
    after(() => server.close());

    test('reports health with the loaded dataset', async () => {
        const health = await (await fetch(`${server.url}/api/health`)).json();
        assert.equal(health.ok, true);
        assert.equal(health.datasets[0].size, '1k');
        assert.ok(health.datasets[0].records > 500);
    });

    test('runs GraphQL as the viewer in the headers and records metrics', async () => {
        await fetch(`${server.url}/metrics`, { method: 'DELETE' });
        const query =
            'query accounts { uiapi { query { Account(first: 2) { edges { node { Id Name { value } } } } } } }';
        const { status, json } = await graphql(
            { query, operationName: 'accounts' },
            { 'x-kpi-user-id': personas.admin },
        );
        assert.equal(status, 200);
        assert.equal(json.data.uiapi.query.Account.edges.length, 2);
        const metrics = await (await fetch(`${server.url}/metrics`)).json();
        assert.equal(metrics.count, 1);
        const [entry] = metrics.requests;
        assert.equal(entry.operationName, 'accounts');
        assert.equal(entry.userId, personas.admin);
        assert.equal(entry.subqueries, 1);
        assert.ok(entry.bytes > 50 && entry.rowsScanned > 0 && entry.ms >= 0);
        assert.equal(metrics.totals.bytes, entry.bytes);
    });

    test('the admin sees more opportunities than a rep', async () => {
        const admin = await countAs(personas.admin);
        const rep = await countAs(personas.salesRep);
        assert.ok(rep > 0 && admin > rep, `admin ${admin}, rep ${rep}`);
    });

    test('answers GraphQL errors with 200 and the request problems with 400', async () => {
        const invalid = await graphql(
            { query: 'query { uiapi { query { NoSuchObject { edges { node { Id } } } } } }' },
            { 'x-kpi-user-id': personas.admin },
        );
        assert.equal(invalid.status, 200);
        assert.ok(invalid.json.errors.length > 0);
        const anonymous = await graphql({ query: countQuery }, {});
        assert.equal(anonymous.status, 400);
        assert.match(anonymous.json.errors[0].message, /x-kpi-user-id/);
        const notJson = await graphql('{', { 'x-kpi-user-id': personas.admin });
        assert.equal(notJson.status, 400);
        assert.match(notJson.json.errors[0].message, /not JSON/);
        const badSize = await graphql(
            { query: countQuery },
            { 'x-kpi-user-id': personas.admin, 'x-kpi-dataset': '7k' },
        );
        assert.equal(badSize.status, 400);
    });

    test('resets metrics', async () => {
        await countAs(personas.admin);
        assert.equal((await fetch(`${server.url}/metrics/reset`, { method: 'POST' })).status, 204);
        assert.equal((await (await fetch(`${server.url}/metrics`)).json()).count, 0);
    });

    test('serves SLDS assets and nothing outside them', async () => {
        const sprite = await fetch(`${server.url}/assets/icons/utility-sprite/svg/symbols.svg`);
        assert.equal(sprite.status, 200);
        assert.equal(sprite.headers.get('content-type'), 'image/svg+xml');
        await sprite.arrayBuffer();
        for (const escape of ['/assets/..%2f..%2fpackage.json', '/assets/%2e%2e/%2e%2e/package.json']) {
            assert.equal((await fetch(`${server.url}${escape}`)).status, 404, escape);
        }
    });

    test('renders a page with the viewer context, defaulting to the page audience', async () => {
        const response = await fetch(`${server.url}/lightning/page/home?size=1k`);
        assert.equal(response.status, 200);
        const html = await response.text();
        const json = /<script type="application\/json" id="kpi-preview-context">(.*?)<\/script>/s.exec(html)?.[1];
        assert.ok(json, 'no context in the page');
        const context = JSON.parse(json);
        assert.equal(context.page.id, 'home');
        assert.equal(context.selection.userId, personas.salesRep);
        assert.equal(context.selection.dataset, '1k');
        // Page-definition problems depend on this test's small manifest; the selection itself must be clean.
        assert.deepEqual(
            context.problems.filter((problem: string) => !problem.startsWith('page "')),
            [],
        );
        assert.match(response.headers.get('set-cookie') ?? '', /^kpiPreview=/);
    });

    test('keeps the session choices in a cookie and reports values it does not offer', async () => {
        const cookie = `kpiPreview=${encodeURIComponent(JSON.stringify({ userId: personas.admin, locale: 'de-DE', dataset: '1k' }))}`;
        const html = await (
            await fetch(`${server.url}/lightning/n/KPI_Sales_Team?currency=XYZ`, { headers: { cookie } })
        ).text();
        const context = JSON.parse(/id="kpi-preview-context">(.*?)<\/script>/s.exec(html)?.[1] ?? '{}');
        assert.equal(context.selection.userId, personas.admin);
        assert.equal(context.selection.locale, 'de-DE');
        assert.equal(context.selection.currency, 'USD');
        assert.match(context.problems.join(' '), /currency=XYZ is not offered/);
    });

    test('routes record and list URLs to generated views, unknown URLs to a not-found page', async () => {
        const dataset = server.datasets.get('1k');
        const opportunity = dataset.sample.records.Opportunity[0].Id;
        const read = async (path: string) =>
            JSON.parse(
                /id="kpi-preview-context">(.*?)<\/script>/s.exec(
                    await (await fetch(`${server.url}${path}?size=1k`)).text(),
                )?.[1] ?? '{}',
            );
        const record = await read(`/lightning/r/${opportunity}/view`);
        assert.equal(record.page.id, 'record-Opportunity');
        assert.equal(record.objectApiName, 'Opportunity');
        assert.equal(record.pageReference.attributes.recordId, opportunity);
        const list = await read('/lightning/o/Case/list');
        assert.equal(list.page.regions[0].components[0].properties.nameField, 'CaseNumber');
        const missing = await read('/lightning/n/No_Such_Page');
        assert.equal(missing.page.id, 'not-found');
        assert.equal((await fetch(`${server.url}/nothing-here`)).status, 404);
    });

    test('lists pages with their tab URLs and the problems of their definitions', async () => {
        const pages = await (await fetch(`${server.url}/api/pages?size=1k`)).json();
        assert.ok(pages.length >= 4);
        for (const page of pages) {
            assert.ok(Array.isArray(page.problems), page.id);
            assert.match(page.url, /^\/lightning\/.+\?user=\w+$/);
        }
    });
});
