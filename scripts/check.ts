/**
 * `npm test`: every check the repository makes, in order, each timed. A failing step names the file and the problem
 * in its own output; the summary names the step. Exits non-zero when any step fails.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './lib/paths';

interface Step {
    name: string;
    command: string[];
    /** Later steps are pointless when this one fails (e.g. nothing to compile without a build). */
    required?: boolean;
}

/** Test files of the tooling (scripts, schema, preview), run by Node's test runner. */
export function toolingTestFiles(root = repoRoot): string[] {
    const found: string[] = [];
    const walk = (dir: string): void => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) walk(full);
            else if (entry.name.endsWith('.test.ts') && path.basename(dir) === '__tests__') found.push(full);
        }
    };
    for (const top of ['scripts', 'schema', 'preview']) {
        const dir = path.join(root, top);
        if (fs.existsSync(dir)) walk(dir);
    }
    return found.sort().map((file) => path.relative(root, file));
}

const bin = (name: string): string => path.join(repoRoot, 'node_modules', '.bin', name);
const tsx = (script: string): string[] => [bin('tsx'), script];

export function steps(): Step[] {
    return [
        { name: 'build', command: tsx('scripts/build.ts'), required: true },
        { name: 'typecheck', command: [bin('tsc'), '--noEmit', '-p', 'tsconfig.json'] },
        { name: 'lint', command: [bin('eslint'), '.'] },
        { name: 'format', command: [bin('prettier'), '--check', '.'] },
        // --no-cache: @lwc/jest-transformer's cache key ignores coverage mode (platform-notes, "Jest coverage trap").
        { name: 'jest', command: [bin('sfdx-lwc-jest'), '--coverage', '--', '--no-cache'] },
        { name: 'tooling tests', command: [process.execPath, '--import', 'tsx', '--test', ...toolingTestFiles()] },
        { name: 'platform compile', command: tsx('scripts/validate/compile.ts') },
        { name: 'graphql', command: tsx('scripts/validate/graphql.ts') },
        { name: 'metadata', command: tsx('scripts/validate/metadata.ts') },
        { name: 'package conversion', command: tsx('scripts/validate/package.ts') },
        // The real components in Chromium against the sample org; the build step above made the .js.
        { name: 'browser', command: [...tsx('scripts/browser-test.ts'), '--no-component-build'] },
    ];
}

function main(): void {
    const only = process.argv.slice(2);
    const all = steps();
    // A step is named whole or by one of its words ("compile", "package"); a name that selects nothing is an error,
    // not a silent pass.
    const names = (step: Step): string[] => [step.name, ...step.name.split(' ')];
    const unknown = only.filter((name) => !all.some((step) => names(step).includes(name)));
    if (unknown.length) {
        console.error(
            `unknown check ${unknown.map((n) => `"${n}"`).join(', ')}; the steps are: ${all.map((s) => s.name).join(', ')}`,
        );
        process.exit(2);
    }
    const selected = all.filter((step) => only.length === 0 || only.some((name) => names(step).includes(name)));
    const results: { name: string; ok: boolean; seconds: number }[] = [];
    for (const step of selected) {
        console.log(`\n▶ ${step.name}: ${step.command.map((part) => path.relative(repoRoot, part) || part).join(' ')}`);
        const started = Date.now();
        const run = spawnSync(step.command[0], step.command.slice(1), { cwd: repoRoot, stdio: 'inherit' });
        const ok = run.status === 0;
        results.push({ name: step.name, ok, seconds: (Date.now() - started) / 1000 });
        if (!ok) console.error(`✖ ${step.name} failed${run.error ? `: ${run.error.message}` : ''}`);
        if (!ok && step.required) break;
    }
    console.log('\nstep                  result   seconds');
    for (const result of results) {
        console.log(`${result.name.padEnd(22)}${(result.ok ? 'ok' : 'FAILED').padEnd(9)}${result.seconds.toFixed(1)}`);
    }
    const failed = results.filter((result) => !result.ok).length;
    const skipped = selected.length - results.length;
    console.log(`checks: ${results.length - failed} passed, ${failed + skipped} failed`);
    process.exit(failed + skipped === 0 ? 0 : 1);
}

if (require.main === module) main();
