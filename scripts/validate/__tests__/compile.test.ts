import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import { buildComponents } from '../../build';
import { buildProblems, checkBundle, compileCheck, formatProblem, type CompileReport } from '../compile';
import { tempDir } from '../../lib/tempDirs';

const fixtures = path.join(__dirname, 'fixtures', 'compile', 'lwc');

/** A fresh copy of the fixture bundles, so builds and mtimes never touch the repository. */
function copyFixtures(bundles?: string[]): string {
    const root = tempDir('kpi-compile-test-');
    const lwc = path.join(root, 'lwc');
    fs.mkdirSync(lwc);
    for (const bundle of bundles ?? fs.readdirSync(fixtures)) {
        fs.cpSync(path.join(fixtures, bundle), path.join(lwc, bundle), { recursive: true });
    }
    return lwc;
}

const messages = (report: CompileReport, bundle: string): string[] =>
    (report.bundles.find((result) => result.bundle === bundle)?.problems ?? []).map((problem) =>
        formatProblem(problem),
    );

let report: CompileReport;
let builtDir: string;

before(async () => {
    builtDir = copyFixtures();
    buildComponents(builtDir);
    report = await compileCheck([builtDir], 65);
});

test('a valid bundle with a helper module, template and styles compiles without problems', () => {
    const good = report.bundles.find((result) => result.bundle === 'kpiGood');
    assert.ok(good?.compiled);
    assert.deepEqual(good.problems, []);
});

test('a public property named data* fails (platform LWC1503 / compiler LWC1107)', () => {
    const found = messages(report, 'kpiDataProp');
    assert.ok(
        found.some((line) => /kpiDataProp\.js:\d+:\d+: LWC1(503|107).*dataFoo/.test(line)),
        found.join('\n'),
    );
});

test('an iterator without key fails with LWC1071 on the template', () => {
    const found = messages(report, 'kpiNoKey');
    assert.ok(
        found.some((line) => /kpiNoKey\.html:\d+:\d+: .*LWC1071/.test(line)),
        found.join('\n'),
    );
});

test('a namespace import of lwc fails', () => {
    const found = messages(report, 'kpiNsImport');
    assert.ok(
        found.some((line) => line.includes('Namespace imports are not allowed on "lwc"')),
        found.join('\n'),
    );
});

test('a compiler crash (namespace import as the only lwc import) fails instead of passing', () => {
    const found = messages(report, 'kpiNsFirst');
    assert.ok(
        found.some((line) => line.includes('the platform compiler crashed')),
        found.join('\n'),
    );
});

test('counts errors across bundles, one line per problem with the file path', () => {
    assert.equal(report.bundles.length, 5);
    assert.ok(report.errors >= 4, `errors: ${report.errors}`);
    for (const result of report.bundles) {
        for (const problem of result.problems) assert.ok(problem.file.startsWith(builtDir), problem.file);
    }
});

test('a bundle with TypeScript but no built JavaScript fails with "run npm run build" and is not compiled', async () => {
    const lwc = copyFixtures(['kpiGood']);
    const result = await checkBundle(path.join(lwc, 'kpiGood'), 65);
    assert.equal(result.compiled, false);
    const lines = result.problems.map((problem) => formatProblem(problem, lwc));
    assert.ok(
        lines.includes('kpiGood/kpiGood.js: missing, built from kpiGood.ts: run npm run build'),
        lines.join('\n'),
    );
    assert.ok(lines.includes('kpiGood/format.js: missing, built from format.ts: run npm run build'), lines.join('\n'));
});

test('JavaScript older than its TypeScript is stale', () => {
    const lwc = copyFixtures(['kpiGood']);
    buildComponents(lwc);
    const bundle = path.join(lwc, 'kpiGood');
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(bundle, 'format.ts'), later, later);
    const problems = buildProblems(bundle);
    assert.deepEqual(
        problems.map((problem) => formatProblem(problem, lwc)),
        ['kpiGood/format.js: older than format.ts (stale): run npm run build'],
    );
});

test('a folder without a module named after it fails', () => {
    const lwc = copyFixtures([]);
    fs.mkdirSync(path.join(lwc, 'kpiEmpty'));
    fs.writeFileSync(path.join(lwc, 'kpiEmpty', 'kpiEmpty.html'), '<template></template>');
    assert.deepEqual(
        buildProblems(path.join(lwc, 'kpiEmpty')).map((problem) => problem.message),
        ['missing: a bundle needs a module named after its folder'],
    );
});

test('zero bundles is a pass', async () => {
    const empty = await compileCheck([copyFixtures([])], 65);
    assert.deepEqual([empty.bundles.length, empty.errors, empty.warnings], [0, 0, 0]);
});
