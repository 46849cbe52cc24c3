import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { forceAppModules, tagName } from '../../build';

test('module names map to tags as LWC maps them', () => {
    assert.equal(tagName('c', 'kpiChart'), 'c-kpi-chart');
    assert.equal(tagName('preview', 'chartDemo'), 'preview-chart-demo');
    assert.equal(tagName('c', 'kpiWinLoss'), 'c-kpi-win-loss');
});

test('bundles from the built .js and refuses a missing or stale one, naming it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpi-lwc-'));
    const bundle = path.join(dir, 'kpiThing');
    fs.mkdirSync(bundle);
    fs.writeFileSync(path.join(bundle, 'kpiThing.ts'), 'export default 1;');
    fs.writeFileSync(path.join(bundle, 'kpiThing.html'), '<template></template>');
    assert.throws(() => forceAppModules(dir), /kpiThing\.js; run npm run build first/);
    fs.writeFileSync(path.join(bundle, 'kpiThing.js'), 'export default 1;');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(path.join(bundle, 'kpiThing.js'), old, old);
    assert.throws(() => forceAppModules(dir), /missing or older than their \.ts/);
    fs.utimesSync(path.join(bundle, 'kpiThing.js'), new Date(), new Date());
    assert.deepEqual(forceAppModules(dir), [
        { name: 'kpiThing', path: path.join(bundle, 'kpiThing.js'), hasTemplate: true },
    ]);
});
