import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { buildComponents, componentPaths, listBundles, transpileComponent } from '../build';

const component = `
import { LightningElement, api, wire } from 'lwc';
import type { GraphQLResult } from 'lightning/graphql';
import { graphql } from 'lightning/graphql';

export default class KpiThing extends LightningElement {
    /** The title. */
    @api title: string | undefined;
    private count = 0;

    @wire(graphql, { query: undefined })
    handle({ data, errors }: GraphQLResult): void {
        this.count = data && !errors ? 1 : 0;
    }
}
`;

function tempLwcDir(): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), 'kpi-build-'));
}

test('keeps @api and @wire decorators as written and strips types', () => {
    const js = transpileComponent('kpiThing.ts', component);
    assert.match(js, /@api\s*\n?\s*title;/);
    assert.match(js, /@wire\(graphql, \{ query: undefined \}\)/);
    assert.doesNotMatch(js, /__esDecorate|__decorate/);
    assert.doesNotMatch(js, /GraphQLResult|: string/);
    assert.doesNotMatch(js, /import type/);
});

test('reports a syntax error with the file name', () => {
    assert.throws(() => transpileComponent('/x/kpiBroken.ts', 'export default class {'), /kpiBroken\.ts: /);
});

test('writes .js beside each .ts, skips tests, and removes .js whose .ts is gone', () => {
    const dir = tempLwcDir();
    const bundle = path.join(dir, 'kpiThing');
    fs.mkdirSync(path.join(bundle, '__tests__'), { recursive: true });
    fs.writeFileSync(path.join(bundle, 'kpiThing.ts'), component);
    fs.writeFileSync(path.join(bundle, 'helper.ts'), 'export const two: number = 2;\n');
    fs.writeFileSync(path.join(bundle, 'stale.js'), 'export const old = 1;\n');
    fs.writeFileSync(path.join(bundle, '__tests__', 'kpiThing.test.ts'), 'test("x", () => {});\n');

    const built = buildComponents(dir);

    assert.deepEqual(built.map((file) => path.basename(file.output)).sort(), ['helper.js', 'kpiThing.js']);
    assert.equal(fs.existsSync(path.join(bundle, 'stale.js')), false);
    assert.equal(fs.existsSync(path.join(bundle, '__tests__', 'kpiThing.test.js')), false);
    assert.equal(fs.readFileSync(path.join(bundle, 'helper.js'), 'utf8').trim(), 'export const two = 2;');
});

test('lists bundles and maps each to a c/ path entry', () => {
    const dir = tempLwcDir();
    for (const name of ['kpiB', 'kpiA']) {
        fs.mkdirSync(path.join(dir, name));
        fs.writeFileSync(path.join(dir, name, `${name}.ts`), 'export {};\n');
    }
    assert.deepEqual(listBundles(dir), ['kpiA', 'kpiB']);
    const paths = componentPaths(dir);
    assert.deepEqual(Object.keys(paths), ['c/kpiA', 'c/kpiB']);
    assert.match(paths['c/kpiA'][0], /kpiA\/kpiA\.ts$/);
});
