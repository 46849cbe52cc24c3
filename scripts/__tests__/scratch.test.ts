import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { SfOptions, SfResult } from '../lib/sf';
import { planScratch, scratch, scratchUsage } from '../scratch';
import { tempDir } from '../lib/tempDirs';

/** A project directory with the given top-level folders and files. */
function project(entries: string[]): string {
    const dir = tempDir('kpi-scratch-test-');
    for (const entry of entries) {
        if (entry.endsWith('.json')) {
            fs.mkdirSync(path.dirname(path.join(dir, entry)), { recursive: true });
            fs.writeFileSync(path.join(dir, entry), '{}');
        } else fs.mkdirSync(path.join(dir, entry), { recursive: true });
    }
    return dir;
}

function recorder(failAt?: string) {
    const calls: string[] = [];
    const logs: string[] = [];
    const sfCalls: { args: string[]; options?: SfOptions }[] = [];
    return {
        calls,
        logs,
        sfCalls,
        deps: (projectDir: string) => ({
            projectDir,
            build: async () => {
                calls.push('build');
            },
            sf: async (args: string[], options?: SfOptions): Promise<SfResult> => {
                calls.push(args.slice(0, 3).join(' '));
                sfCalls.push({ args, options });
                const exitCode = failAt && args.join(' ').startsWith(failAt) ? 1 : 0;
                return { args, stdout: '', stderr: '', exitCode, durationMs: 0 };
            },
            log: (line: string) => {
                logs.push(line);
            },
        }),
    };
}

test('creates the org, deploys force-app and sample-app, imports the sample plan: the exact sf command lines', () => {
    const dir = project(['force-app', 'sample-app', 'data/sample-plan.json']);
    const plan = planScratch(['--alias', 'kpiScratch', '--duration-days', '7'], dir);
    assert.equal(plan.missingData, undefined);
    assert.deepEqual(
        plan.steps.map((step) => step.args.join(' ')),
        [
            'org create scratch --definition-file config/project-scratch-def.json --alias kpiScratch --duration-days 7',
            'project deploy start --source-dir force-app --source-dir sample-app --target-org kpiScratch',
            'data import tree --plan data/sample-plan.json --target-org kpiScratch',
        ],
    );
});

test('passes the Dev Hub and other sf org create scratch flags through', () => {
    const dir = project(['force-app', 'data/sample-plan.json']);
    const plan = planScratch(['-a', 'kpiScratch', '--target-dev-hub=hub', '--wait', '15'], dir);
    assert.deepEqual(plan.steps[0].args, [
        'org',
        'create',
        'scratch',
        '--definition-file',
        'config/project-scratch-def.json',
        '--alias',
        'kpiScratch',
        '--target-dev-hub',
        'hub',
        '--wait',
        '15',
    ]);
    assert.equal(plan.steps[1].args.join(' '), 'project deploy start --source-dir force-app --target-org kpiScratch');
});

test('without data/sample-plan.json: no import step and a clear note', () => {
    const plan = planScratch(['--alias', 'kpiScratch'], project(['force-app', 'sample-app']));
    assert.equal(plan.steps.length, 2);
    assert.equal(plan.missingData, 'data/sample-plan.json is missing: the scratch org gets no sample records');
});

test('rejects a missing alias and a duration outside 1–30 days', () => {
    const dir = project(['force-app']);
    assert.throws(() => planScratch([], dir), /scratch needs --alias NAME/);
    assert.throws(() => planScratch(['--alias'], dir), /--alias needs a value/);
    for (const days of ['0', '31', 'seven', '2.5']) {
        assert.throws(
            () => planScratch(['--alias', 'a', '--duration-days', days], dir),
            /--duration-days must be a whole number of days from 1 to 30/,
        );
    }
    assert.equal(planScratch(['--alias', 'a', '-y', '30'], dir).steps[0].args.at(-1), '30');
});

test('runs build and each step in order, streaming sf output from the project directory', async () => {
    const dir = project(['force-app', 'sample-app', 'data/sample-plan.json']);
    const run = recorder();
    assert.equal(await scratch(['--alias', 'kpiScratch'], run.deps(dir)), 0);
    assert.deepEqual(run.calls, ['build', 'org create scratch', 'project deploy start', 'data import tree']);
    for (const call of run.sfCalls) assert.deepEqual(call.options, { echo: true, cwd: dir });
    assert.ok(run.logs.at(-1)?.includes('scratch org kpiScratch is ready'));
});

test('stops at the first failing step and returns its exit code', async () => {
    const dir = project(['force-app', 'data/sample-plan.json']);
    const run = recorder('project deploy start');
    assert.equal(await scratch(['--alias', 'kpiScratch'], run.deps(dir)), 1);
    assert.deepEqual(run.calls, ['build', 'org create scratch', 'project deploy start']);
    assert.ok(run.logs.some((line) => line.startsWith('✖ deploy force-app failed')));
});

test('says clearly, before and after, that the sample plan is missing', async () => {
    const run = recorder();
    assert.equal(await scratch(['--alias', 'kpiScratch'], run.deps(project(['force-app']))), 0);
    const notes = run.logs.filter((line) => line.includes('data/sample-plan.json is missing'));
    assert.equal(notes.length, 2);
    assert.ok(!run.calls.includes('data import tree'));
});

test('a usage mistake prints the usage, exits 2 and builds nothing', async () => {
    const run = recorder();
    assert.equal(await scratch(['--duration-days', '7'], run.deps(project(['force-app']))), 2);
    assert.deepEqual(run.calls, []);
    assert.ok(run.logs.join('\n').includes(scratchUsage));
});
