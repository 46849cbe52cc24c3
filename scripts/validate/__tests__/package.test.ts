import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { buildComponents } from '../../build';
import { repoRoot } from '../../lib/paths';
import type { SfRunner } from '../../lib/sf';
import {
    checkConvertedOutput,
    compareManifest,
    expectedMembers,
    packageCheck,
    parseManifest,
    type ExpectedMembers,
} from '../package';
import { tempDir } from '../../lib/tempDirs';

const goodPackage = path.join(__dirname, 'fixtures', 'metadata', 'good');
/** A throwaway SFDX project whose force-app is the well-formed fixture package, built or not. */
function fixtureProject({ built, forceignore = true }: { built: boolean; forceignore?: boolean }): string {
    const project = tempDir('kpi-package-test-');
    fs.cpSync(goodPackage, path.join(project, 'force-app'), { recursive: true });
    fs.writeFileSync(
        path.join(project, 'sfdx-project.json'),
        JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }], sourceApiVersion: '65.0' }),
    );
    if (forceignore) fs.copyFileSync(path.join(repoRoot, '.forceignore'), path.join(project, '.forceignore'));
    if (built) buildComponents(path.join(project, 'force-app', 'main', 'default', 'lwc'));
    return project;
}

const manifestXml = (types: string, fullName = '<fullName>Lightning KPI Kit</fullName>'): string =>
    `<?xml version="1.0" encoding="UTF-8"?>
<Package xmlns="http://soap.sforce.com/2006/04/metadata">${types}<version>65.0</version>${fullName}</Package>`;

const expected: ExpectedMembers = {
    bundles: ['kpiCard', 'kpiTable'],
    resources: ['kpiChartJs'],
    labels: ['kpiA'],
    listViews: ['Opportunity.kpiWon'],
    objects: [],
};
const complete =
    '<types><members>kpiA</members><name>CustomLabel</name></types>' +
    '<types><members>CustomLabels</members><name>CustomLabels</name></types>' +
    '<types><members>kpiCard</members><members>kpiTable</members><name>LightningComponentBundle</name></types>' +
    '<types><members>Opportunity.kpiWon</members><name>ListView</name></types>' +
    '<types><members>kpiChartJs</members><name>StaticResource</name></types>';

test('a complete manifest passes', () => {
    assert.deepEqual(compareManifest(expected, parseManifest(manifestXml(complete))), []);
});

test('a bundle missing from package.xml is caught', () => {
    const withoutTable = complete.replace('<members>kpiTable</members>', '');
    assert.deepEqual(compareManifest(expected, parseManifest(manifestXml(withoutTable))), [
        'LightningComponentBundle kpiTable is missing from package.xml',
    ]);
});

test('missing static resources, labels, list views and package name are caught', () => {
    const bundlesOnly =
        '<types><members>kpiCard</members><members>kpiTable</members><name>LightningComponentBundle</name></types>';
    assert.deepEqual(compareManifest(expected, parseManifest(manifestXml(bundlesOnly, ''))), [
        '<fullName> is missing, expected "Lightning KPI Kit"',
        'StaticResource kpiChartJs is missing from package.xml',
        'CustomLabel kpiA is missing from package.xml',
        'CustomLabels CustomLabels is missing from package.xml',
        'ListView Opportunity.kpiWon is missing from package.xml',
    ]);
});

test('a standard object listed whole, where the source only adds list views, is caught', () => {
    const whole = complete + '<types><members>Opportunity</members><name>CustomObject</name></types>';
    assert.deepEqual(compareManifest(expected, parseManifest(manifestXml(whole))), [
        'CustomObject Opportunity is in package.xml, but the source only adds list views to it',
    ]);
    assert.deepEqual(compareManifest({ ...expected, objects: ['Opportunity'] }, parseManifest(manifestXml(whole))), []);
});

test('a list view missing from its object file in the converted tree is caught', () => {
    const out = tempDir('kpi-package-test-');
    fs.mkdirSync(path.join(out, 'objects'));
    const listViews = ['Opportunity.kpiWon', 'Opportunity.kpiLost', 'Lead.kpiNew'];
    const only = { bundles: [], resources: [], labels: [], listViews, objects: [] };
    fs.writeFileSync(
        path.join(out, 'objects', 'Opportunity.object'),
        '<CustomObject><listViews><fullName>kpiWon</fullName></listViews></CustomObject>',
    );
    assert.deepEqual(checkConvertedOutput(out, only), [
        'list view Opportunity.kpiLost is missing from objects/Opportunity.object in the converted package',
        'list view Lead.kpiNew is missing from objects/Lead.object in the converted package',
    ]);
});

test('finds bundles, static resources, labels and list views by folder convention', () => {
    assert.deepEqual(expectedMembers(goodPackage), {
        bundles: ['kpiCard'],
        resources: ['kpiNotes'],
        labels: ['kpiCardTitle'],
        listViews: ['Opportunity.kpiWonDeals'],
        objects: [],
    });
});

test('the real sf convert of a built fixture package lists everything under the package name', async () => {
    const project = fixtureProject({ built: true });
    const report = await packageCheck({ projectDir: project, rootDir: path.join(project, 'force-app') });
    assert.deepEqual(report.problems, []);
    assert.equal(report.manifest.fullName, 'Lightning KPI Kit');
    assert.deepEqual(report.manifest.types.get('LightningComponentBundle'), ['kpiCard']);
    assert.deepEqual(report.manifest.types.get('StaticResource'), ['kpiNotes']);
    assert.deepEqual(report.manifest.types.get('CustomLabel'), ['kpiCardTitle']);
    assert.deepEqual(report.manifest.types.get('CustomLabels'), ['CustomLabels']);
    assert.deepEqual(report.manifest.types.get('ListView'), ['Opportunity.kpiWonDeals']);
    assert.equal(report.manifest.types.get('CustomObject'), undefined);
});

test('the real sf convert of an unbuilt package is caught: the bundle ships without JavaScript', async () => {
    const project = fixtureProject({ built: false });
    const report = await packageCheck({ projectDir: project, rootDir: path.join(project, 'force-app') });
    assert.deepEqual(report.problems, [
        'bundle kpiCard converts without kpiCard.js (npm run build makes it from kpiCard.ts)',
    ]);
});

test('without .forceignore the TypeScript source would ship, and that is caught', async () => {
    const project = fixtureProject({ built: true, forceignore: false });
    const report = await packageCheck({ projectDir: project, rootDir: path.join(project, 'force-app') });
    assert.deepEqual(report.problems, [
        'the package would ship lwc/kpiCard/kpiCard.ts (.forceignore should exclude it)',
    ]);
});

test('a failing sf convert throws with sf’s message', async () => {
    const failing: SfRunner = async (args) => ({
        args,
        stdout: JSON.stringify({ status: 1, message: 'The path "nowhere" does not exist' }),
        stderr: '',
        exitCode: 1,
        json: { status: 1, message: 'The path "nowhere" does not exist' },
        durationMs: 1,
    });
    await assert.rejects(
        packageCheck({ sf: failing, projectDir: os.tmpdir(), rootDir: path.join(os.tmpdir(), 'nowhere') }),
        { message: 'sf project convert source failed: The path "nowhere" does not exist' },
    );
});
