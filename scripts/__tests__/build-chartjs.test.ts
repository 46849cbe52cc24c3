// kpiChartData words its problems with custom labels (through kpiProperties).
import '../../preview/oracle/nodeLabels';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { after, before, describe, it } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { buildChartJs, type ChartJsBuildResult } from '../build-chartjs';
import { staticResourcesDir } from '../lib/paths';
import { KPI_CHART_TYPES } from '../../force-app/main/default/lwc/kpiChartData/kpiChartData';

interface Registry {
    controllers: { items: Record<string, unknown> };
    elements: { items: Record<string, unknown> };
    scales: { items: Record<string, unknown> };
    plugins: { items: Record<string, unknown> };
}

describe('buildChartJs', () => {
    let dir: string;
    let result: ChartJsBuildResult;
    let code: string;

    before(async () => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpi-chartjs-'));
        result = await buildChartJs(path.join(dir, 'kpiChartJs.js'));
        code = fs.readFileSync(result.file, 'utf8');
    });

    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('reports the sizes of what it wrote and of the full UMD build', () => {
        assert.equal(result.bytes, fs.statSync(result.file).size);
        assert.ok(result.gzipBytes > 0 && result.gzipBytes < result.bytes);
        assert.ok(result.fullUmdBytes > 0 && result.fullUmdGzipBytes < result.fullUmdBytes);
        assert.ok(result.bytes < result.fullUmdBytes, `${result.bytes} B is not smaller than the full UMD build`);
    });

    it('is minified and keeps the licence banners', () => {
        assert.ok(code.split('\n').length < 50, 'expected a minified file');
        assert.match(code, /Chart\.js v4\.\d+\.\d+/);
        assert.match(code, /Released under the MIT License/);
    });

    it('evaluates nothing at run time (Lightning Web Security and CSP forbid it)', () => {
        assert.doesNotMatch(code, /\beval\s*\(/);
        assert.doesNotMatch(code, /\bnew\s+Function\s*\(/);
        assert.doesNotMatch(code, /(^|[^\w$.])Function\s*\(/);
    });

    it('is a classic script that only sets window.Chart, registering just what the components use', () => {
        const window: Record<string, unknown> = {};
        const context = vm.createContext({ window });
        const globalsBefore = Object.keys(context);
        // vm.Script rejects import/export: this parses it as the classic script loadScript injects.
        new vm.Script(code, { filename: 'kpiChartJs.js' }).runInContext(context);
        assert.deepEqual(Object.keys(context), globalsBefore, 'no other globals');
        assert.deepEqual(Object.keys(window), ['Chart']);
        const registry = (window.Chart as { registry: Registry }).registry;
        const ids = (group: { items: Record<string, unknown> }) => Object.keys(group.items).sort();
        assert.deepEqual(ids(registry.controllers), [...KPI_CHART_TYPES].sort());
        assert.deepEqual(ids(registry.elements), ['arc', 'bar', 'line', 'point']);
        assert.deepEqual(ids(registry.scales), ['category', 'linear']);
        assert.deepEqual(ids(registry.plugins), ['filler', 'legend', 'title', 'tooltip']);
    });
});

describe('kpiChartJs.resource-meta.xml', () => {
    it('declares a public JavaScript resource', () => {
        const xml = fs.readFileSync(path.join(staticResourcesDir, 'kpiChartJs.resource-meta.xml'), 'utf8');
        const resource = new XMLParser().parse(xml).StaticResource;
        assert.equal(resource.contentType, 'application/javascript');
        assert.equal(resource.cacheControl, 'Public');
    });
});
