import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { quietSfEnv, runSf, sfEnvironment, sfFailure, takeOption, UsageError, withJsonFlag } from '../lib/sf';
import { tempDir } from '../lib/tempDirs';

function tmpDir(): string {
    return tempDir('kpi-sf-test-');
}

/** An executable standing in for sf that reports what it was started with. */
function fakeSf(
    body = 'process.stdout.write(JSON.stringify({ env: process.env, argv: process.argv.slice(2), cwd: process.cwd() }));',
): string {
    const file = path.join(tmpDir(), 'fake-sf');
    fs.writeFileSync(file, `#!${process.execPath}\n${body}\n`, { mode: 0o755 });
    return file;
}

interface Report {
    env: Record<string, string>;
    argv: string[];
    cwd: string;
}

test('the spawned CLI gets the variables that keep sf offline and in the foreground', async () => {
    const result = await runSf(['project', 'convert', 'source'], { bin: fakeSf(), json: true });
    assert.equal(result.exitCode, 0);
    const report = result.json as Report;
    assert.equal(report.env.SF_DISABLE_TELEMETRY, 'true');
    assert.equal(report.env.SF_SKIP_NEW_VERSION_CHECK, 'true');
    assert.equal(report.env.SF_DISABLE_AUTOUPDATE, 'true');
    for (const [name, value] of Object.entries(quietSfEnv)) assert.equal(report.env[name], value, name);
    assert.deepEqual(report.argv, ['project', 'convert', 'source', '--json']);
});

test('the quiet variables win over the caller’s environment', async () => {
    const result = await runSf([], {
        bin: fakeSf(),
        json: true,
        env: { ...process.env, SF_DISABLE_TELEMETRY: 'false' },
    });
    assert.equal((result.json as Report).env.SF_DISABLE_TELEMETRY, 'true');
});

test('an unwritable HOME is replaced by a temporary one, removed afterwards', async () => {
    const result = await runSf([], { bin: fakeSf(), json: true, env: { ...process.env, HOME: '/nonexistent/home' } });
    const home = (result.json as Report).env.HOME;
    assert.notEqual(home, '/nonexistent/home');
    assert.ok(home.startsWith(path.join(os.tmpdir(), 'kpi-sf-home-')), home);
    assert.equal(fs.existsSync(home), false);
});

test('a writable HOME is kept', () => {
    const home = tmpDir();
    assert.deepEqual(sfEnvironment({ HOME: home }).env.HOME, home);
    const replaced = sfEnvironment(
        { HOME: home, XDG_CONFIG_HOME: '/ro' },
        () => false,
        () => '/tmp/fresh',
    );
    assert.deepEqual(
        [replaced.env.HOME, replaced.tempHome, replaced.env.XDG_CONFIG_HOME],
        ['/tmp/fresh', '/tmp/fresh', undefined],
    );
});

test('captures stdout, stderr and the exit code; runs in the given directory', async () => {
    const cwd = tmpDir();
    const bin = fakeSf('process.stdout.write("out"); process.stderr.write("err"); process.exitCode = 3;');
    const result = await runSf(['x'], { bin, cwd });
    assert.deepEqual([result.stdout, result.stderr, result.exitCode, result.args], ['out', 'err', 3, ['x']]);
    const where = await runSf([], { bin: fakeSf(), cwd, json: true });
    assert.equal(fs.realpathSync((where.json as Report).cwd), fs.realpathSync(cwd));
});

test('a hung CLI is stopped at the timeout with exit code 124', async () => {
    const result = await runSf([], { bin: fakeSf('setTimeout(() => {}, 60000);'), timeoutMs: 300 });
    assert.equal(result.exitCode, 124);
    assert.match(result.stderr, /stopped after 300 ms/);
});

test('a missing executable is a failed result, not a crash', async () => {
    const result = await runSf([], { bin: path.join(tmpDir(), 'nothing-here') });
    assert.notEqual(result.exitCode, 0);
    assert.match(result.stderr, /could not start/);
});

test('the real pinned sf runs and reports its version', async () => {
    const result = await runSf(['--version']);
    assert.equal(result.exitCode, 0, result.stderr);
    assert.match(result.stdout, /@salesforce\/cli\/2\.146\.3/);
});

test('the real sf reports a JSON error that sfFailure turns into one line', async () => {
    const result = await runSf(
        ['project', 'deploy', 'start', '--source-dir', 'force-app', '--target-org', 'kpiNoSuchOrg'],
        {
            json: true,
        },
    );
    assert.notEqual(result.exitCode, 0);
    assert.match(sfFailure(result), /kpiNoSuchOrg/);
});

test('--json is added once', () => {
    assert.deepEqual(withJsonFlag(['a']), ['a', '--json']);
    assert.deepEqual(withJsonFlag(['a', '--json']), ['a', '--json']);
});

test('takeOption reads --name value, --name=value and short forms and keeps the rest in order', () => {
    assert.deepEqual(takeOption(['--dry-run', '--target-org', 'dev', '-w', '5'], ['--target-org', '-o']), {
        value: 'dev',
        rest: ['--dry-run', '-w', '5'],
    });
    assert.deepEqual(takeOption(['--target-org=dev'], ['--target-org']), { value: 'dev', rest: [] });
    assert.deepEqual(takeOption(['-o', 'dev'], ['--target-org', '-o']), { value: 'dev', rest: [] });
    assert.deepEqual(takeOption(['x'], ['--target-org']), { value: undefined, rest: ['x'] });
    assert.throws(() => takeOption(['--target-org'], ['--target-org']), UsageError);
    assert.throws(() => takeOption(['--target-org', '--dry-run'], ['--target-org']), /--target-org needs a value/);
});
