import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import JSZip from 'jszip';
import { buildComponents } from '../build';
import { repoRoot } from '../lib/paths';
import { runSf, type SfRunner } from '../lib/sf';
import { makePackage, zipDirectory } from '../package';
import { tempDir } from '../lib/tempDirs';

const goodPackage = path.join(__dirname, '..', 'validate', '__tests__', 'fixtures', 'metadata', 'good');
function tmpProject(): string {
    const project = tempDir('kpi-npm-package-test-');
    fs.cpSync(goodPackage, path.join(project, 'force-app'), { recursive: true });
    fs.copyFileSync(path.join(repoRoot, '.forceignore'), path.join(project, '.forceignore'));
    fs.writeFileSync(
        path.join(project, 'sfdx-project.json'),
        JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }], sourceApiVersion: '65.0' }),
    );
    return project;
}

const layout = (project: string) => ({
    projectDir: project,
    rootDir: path.join(project, 'force-app'),
    outDir: path.join(project, 'dist', 'package'),
    zip: path.join(project, 'dist', 'lightning-kpi-kit.zip'),
});

test('builds, converts with the real sf and zips with package.xml at the archive root', async () => {
    const project = tmpProject();
    const paths = layout(project);
    const order: string[] = [];
    const result = await makePackage(
        {
            build: async () => {
                order.push('build');
                buildComponents(path.join(paths.rootDir, 'main', 'default', 'lwc'));
            },
            sf: async (args, options) => {
                order.push(`sf ${args.slice(0, 3).join(' ')}`);
                return runSf(args, options);
            },
            log: () => {},
        },
        paths,
    );
    assert.deepEqual(order, ['build', 'sf project convert source']);
    assert.equal(result.zip, paths.zip);
    assert.ok(result.zipBytes > 0 && result.dirBytes > 0);

    const zip = await JSZip.loadAsync(fs.readFileSync(paths.zip));
    const names = Object.keys(zip.files)
        .filter((name) => !zip.files[name].dir)
        .sort();
    assert.deepEqual(names, [
        'labels/CustomLabels.labels',
        'lwc/kpiCard/kpiCard.html',
        'lwc/kpiCard/kpiCard.js',
        'lwc/kpiCard/kpiCard.js-meta.xml',
        'objects/Opportunity.object',
        'package.xml',
        'staticresources/kpiNotes.resource',
        'staticresources/kpiNotes.resource-meta.xml',
    ]);
    assert.equal(result.files, names.length);
    assert.deepEqual(result.members, {
        CustomLabel: 1,
        CustomLabels: 1,
        LightningComponentBundle: 1,
        ListView: 1,
        StaticResource: 1,
    });
    const manifest = await zip.file('package.xml')!.async('string');
    assert.match(manifest, /<fullName>Lightning KPI Kit<\/fullName>/);
    assert.match(manifest, /<members>Opportunity\.kpiWonDeals<\/members>\s*<name>ListView<\/name>/);
    assert.doesNotMatch(manifest, /<name>CustomObject<\/name>/);
});

test('refuses to package an unbuilt bundle and writes no zip', async () => {
    const project = tmpProject();
    const paths = layout(project);
    // Stands in for a convert of the unbuilt source: the bundle without its .js, as sf writes it.
    const convert: SfRunner = async (args) => {
        const out = path.join(paths.outDir, 'lwc', 'kpiCard');
        fs.mkdirSync(out, { recursive: true });
        fs.writeFileSync(path.join(out, 'kpiCard.html'), '<template></template>');
        fs.mkdirSync(path.join(paths.outDir, 'objects'));
        fs.writeFileSync(
            path.join(paths.outDir, 'objects', 'Opportunity.object'),
            '<CustomObject><listViews><fullName>kpiWonDeals</fullName></listViews></CustomObject>',
        );
        fs.writeFileSync(
            path.join(paths.outDir, 'package.xml'),
            '<Package><types><members>kpiCard</members><name>LightningComponentBundle</name></types>' +
                '<types><members>kpiNotes</members><name>StaticResource</name></types>' +
                '<types><members>kpiCardTitle</members><name>CustomLabel</name></types>' +
                '<types><members>CustomLabels</members><name>CustomLabels</name></types>' +
                '<types><members>Opportunity.kpiWonDeals</members><name>ListView</name></types>' +
                '<fullName>Lightning KPI Kit</fullName></Package>',
        );
        return { args, stdout: '{"status":0}', stderr: '', exitCode: 0, json: { status: 0 }, durationMs: 1 };
    };
    await assert.rejects(
        makePackage({ build: async () => {}, sf: convert, log: () => {} }, paths),
        /the converted package is incomplete:\nbundle kpiCard converts without kpiCard\.js \(npm run build makes it from kpiCard\.ts\)/,
    );
    assert.equal(fs.existsSync(paths.zip), false);
});

test('the same files give a byte-identical zip', async () => {
    const dir = tempDir('kpi-zip-test-');
    fs.mkdirSync(path.join(dir, 'in', 'lwc'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'in', 'package.xml'), '<Package/>');
    fs.writeFileSync(path.join(dir, 'in', 'lwc', 'a.js'), 'export {};');
    await zipDirectory(path.join(dir, 'in'), path.join(dir, 'one.zip'));
    fs.utimesSync(path.join(dir, 'in', 'package.xml'), new Date(), new Date(Date.now() + 5000));
    await zipDirectory(path.join(dir, 'in'), path.join(dir, 'two.zip'));
    assert.ok(fs.readFileSync(path.join(dir, 'one.zip')).equals(fs.readFileSync(path.join(dir, 'two.zip'))));
});
