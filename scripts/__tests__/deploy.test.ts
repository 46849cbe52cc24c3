import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deploy, deployArgs, deployUsage } from '../deploy';
import type { SfOptions, SfResult } from '../lib/sf';

/** Records what deploy would do instead of building and calling an org. */
function recorder(exitCode = 0) {
    const calls: string[] = [];
    const sfCalls: { args: string[]; options?: SfOptions }[] = [];
    const logs: string[] = [];
    return {
        calls,
        sfCalls,
        logs,
        deps: {
            build: async () => {
                calls.push('build');
            },
            sf: async (args: string[], options?: SfOptions): Promise<SfResult> => {
                calls.push('sf');
                sfCalls.push({ args, options });
                return { args, stdout: '', stderr: '', exitCode, durationMs: 0 };
            },
            log: (line: string) => {
                logs.push(line);
            },
        },
    };
}

test('deploys force-app to the target org, passing other flags through', () => {
    assert.deepEqual(deployArgs(['--target-org', 'kpiDev', '--dry-run']), [
        'project',
        'deploy',
        'start',
        '--source-dir',
        'force-app',
        '--target-org',
        'kpiDev',
        '--dry-run',
    ]);
    assert.deepEqual(deployArgs(['--dry-run', '--wait', '30', '--target-org=kpiDev']).slice(5), [
        '--target-org',
        'kpiDev',
        '--dry-run',
        '--wait',
        '30',
    ]);
    assert.deepEqual(deployArgs(['-o', 'me@example.com']).slice(5), ['--target-org', 'me@example.com']);
});

test('builds first, then runs sf with its output streamed, and returns sf’s exit code', async () => {
    const run = recorder(0);
    assert.equal(await deploy(['--target-org', 'kpiDev', '--dry-run'], run.deps), 0);
    assert.deepEqual(run.calls, ['build', 'sf']);
    assert.deepEqual(run.sfCalls[0].args, deployArgs(['--target-org', 'kpiDev', '--dry-run']));
    assert.equal(run.sfCalls[0].options?.echo, true);
    assert.ok(run.logs.includes('sf project deploy start --source-dir force-app --target-org kpiDev --dry-run'));

    const failing = recorder(1);
    assert.equal(await deploy(['--target-org', 'kpiDev'], failing.deps), 1);
    assert.ok(failing.logs.includes('deploy failed (sf exit code 1)'));
});

test('without --target-org: a clear message, usage, exit code 2, and nothing built or deployed', async () => {
    for (const argv of [[], ['--dry-run'], ['--target-org']]) {
        const run = recorder();
        assert.equal(await deploy(argv, run.deps), 2, argv.join(' '));
        assert.deepEqual(run.calls, []);
        assert.match(run.logs.join('\n'), /--target-org/);
        assert.ok(run.logs.join('\n').includes(deployUsage));
    }
});
