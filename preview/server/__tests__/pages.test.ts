import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RegisteredBundle } from '../../build';
import type { PageDefinition } from '../../pages/types';
import { checkPage, loadPages } from '../pages';

const chart: RegisteredBundle = {
    tag: 'c-kpi-demo',
    specifier: 'c/kpiDemo',
    source: 'force-app',
    meta: {
        exposed: true,
        targets: ['lightning__AppPage', 'lightning__RecordPage'],
        targetConfigs: [
            {
                targets: ['lightning__AppPage'],
                objects: [],
                properties: [
                    { name: 'limit', type: 'Integer', label: 'Limit', required: true, min: 1, max: 10 },
                    { name: 'mode', type: 'String', label: 'Mode', required: false, datasource: ['a', 'b'] },
                ],
            },
            { targets: ['lightning__RecordPage'], objects: ['Account'], properties: [] },
        ],
    },
};
const hidden: RegisteredBundle = {
    tag: 'c-kpi-hidden',
    specifier: 'c/kpiHidden',
    source: 'force-app',
    meta: { exposed: false, targets: [], targetConfigs: [] },
};

const page = (overrides: Partial<PageDefinition>): PageDefinition => ({
    id: 'p',
    label: 'P',
    type: 'app',
    apiName: 'P',
    description: '',
    defaultUser: 'rep',
    order: 1,
    template: 'oneRegion',
    regions: [],
    ...overrides,
});

test('a valid page has no problems', () => {
    const valid = page({
        regions: [{ name: 'main', components: [{ component: 'c-kpi-demo', properties: { limit: 5, mode: 'a' } }] }],
    });
    assert.deepEqual(checkPage(valid, [chart]), []);
});

test('names the page, region, component and property of each problem', () => {
    const bad = page({
        regions: [
            {
                name: 'main',
                components: [
                    { component: 'c-kpi-missing' },
                    { component: 'c-kpi-hidden' },
                    { component: 'c-kpi-demo', properties: { limit: 11, mode: 'c', colour: 'red' } },
                ],
            },
            { name: 'sidebar', components: [] },
        ],
    });
    const problems = checkPage(bad, [chart, hidden]);
    assert.equal(problems.length, 6, problems.join('\n'));
    assert.match(problems[0], /page "p", region main, component 1 \(c-kpi-missing\): not in the preview bundle/);
    assert.match(problems[1], /c-kpi-hidden.*does not expose it to lightning__AppPage/);
    assert.match(problems[2], /Limit \(limit\): must be at most 10/);
    assert.match(problems[3], /must be one of a, b/);
    assert.match(problems[4], /no App Builder property "colour".*known: limit, mode/);
    assert.match(problems[5], /template oneRegion has no region "sidebar"/);
});

test('record pages respect the objects a component is limited to', () => {
    const onCase = page({
        type: 'record',
        objectApiName: 'Case',
        apiName: undefined,
        regions: [{ name: 'main', components: [{ component: 'c-kpi-demo' }] }],
    });
    assert.match(checkPage(onCase, [chart]).join(), /does not expose it to lightning__RecordPage for Case/);
    assert.deepEqual(checkPage({ ...onCase, objectApiName: 'Account' }, [chart]), []);
});

test('the repository pages load, in tab order, with unique ids', () => {
    const pages = loadPages();
    assert.ok(pages.length >= 4);
    assert.deepEqual(
        pages.map((p) => p.order),
        [...pages.map((p) => p.order)].sort((a, b) => a - b),
    );
    assert.ok(pages.some((p) => p.type === 'home') && pages.some((p) => p.type === 'record'));
});
