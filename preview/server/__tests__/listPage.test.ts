import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { VIEWER_HEADERS, type PreviewContext } from '../../client/context';
import type { PreviewServer } from '../index';
import type { ListViewPlan } from '../listViews';
import { startTestServer } from './testServer';

describe('the list page and packaged list views', () => {
    let server: PreviewServer;
    before(async () => {
        server = await startTestServer('2026-05-14T18:30:00Z');
    });
    after(() => server.close());

    const read = async (path: string): Promise<PreviewContext> => {
        const html = await (await fetch(`${server.url}${path}`)).text();
        return JSON.parse(/id="kpi-preview-context">(.*?)<\/script>/s.exec(html)?.[1] ?? '{}') as PreviewContext;
    };

    test('filterName naming a packaged view gives its label, its plan, and a query the engine answers', async () => {
        const rep = server.datasets.get('1k').sample.org.personas.salesRep;
        const context = await read(`/lightning/o/Opportunity/list?filterName=kpiOpportunitiesWon&size=1k&user=${rep}`);
        assert.deepEqual(context.problems, []);
        assert.equal(context.page.label, 'KPI: Opportunities Won');
        assert.deepEqual(context.pageReference.state, { filterName: 'kpiOpportunitiesWon' });
        const properties = context.page.regions[0].components[0].properties ?? {};
        const plan = JSON.parse(String(properties.listView)) as ListViewPlan;
        assert.equal(plan.name, 'kpiOpportunitiesWon');
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        for (const [key, header] of Object.entries(VIEWER_HEADERS)) {
            headers[header] = context.selection[key as keyof typeof VIEWER_HEADERS];
        }
        assert.equal(headers[VIEWER_HEADERS.userId], rep, 'the query runs as the page’s viewer');
        const response = await fetch(`${server.url}/graphql`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ query: plan.query, variables: { first: 25 }, operationName: plan.operationName }),
        });
        const body = (await response.json()) as {
            data?: { uiapi: { query: { Opportunity: { totalCount: number } } } };
            errors?: unknown;
        };
        assert.equal(body.errors, undefined, JSON.stringify(body.errors));
        assert.equal(typeof body.data?.uiapi.query.Opportunity.totalCount, 'number');
    });

    test('an unknown filterName, or one packaged for another object, says so and lists the object', async () => {
        for (const path of [
            '/lightning/o/Opportunity/list?filterName=kpiNoSuchView&size=1k',
            '/lightning/o/Lead/list?filterName=kpiOpportunitiesWon&size=1k',
        ]) {
            const context = await read(path);
            const object = path.split('/')[3];
            assert.match(context.problems.join(' '), new RegExp(`No list view "\\w+" is packaged for ${object}`));
            assert.equal(context.page.label, object === 'Lead' ? 'Leads' : 'Opportunities');
            assert.equal(context.page.regions[0].components[0].properties?.listView, undefined);
        }
    });

    test('without filterName the list page is the object’s records, as before', async () => {
        const context = await read('/lightning/o/Opportunity/list?size=1k');
        assert.deepEqual(context.problems, []);
        assert.equal(context.page.id, 'list-Opportunity');
        assert.equal(context.pageReference.state, undefined);
    });
});
