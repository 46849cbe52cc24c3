/**
 * The one way the project runs the Salesforce CLI: the pinned `sf` from node_modules, offline-safe environment,
 * output captured (and optionally echoed), `--json` parsed.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './paths';

export const sfBin = path.join(repoRoot, 'node_modules', '.bin', 'sf');

/**
 * Without these `sf` checks the registry for a newer version, starts a detached telemetry uploader, and may start a
 * detached `sf update` (platform-notes, checked with strace). The rest keep it from writing a log file into HOME,
 * from fetching release notes after an update, and from drawing progress bars and colours into captured output.
 */
export const quietSfEnv: Readonly<Record<string, string>> = {
    SF_DISABLE_TELEMETRY: 'true',
    SF_SKIP_NEW_VERSION_CHECK: 'true',
    SF_DISABLE_AUTOUPDATE: 'true',
    SF_HIDE_RELEASE_NOTES: 'true',
    SF_DISABLE_LOG_FILE: 'true',
    SF_USE_PROGRESS_BAR: 'false',
    FORCE_COLOR: '0',
};

export interface SfOptions {
    /** Directory holding sfdx-project.json; `sf project …` commands resolve paths from there. */
    cwd?: string;
    /** Adds `--json` (when absent) and parses stdout into `json`. */
    json?: boolean;
    /** Also writes the output to this process's stdout/stderr as it arrives (long deploys). */
    echo?: boolean;
    /** Kills `sf` after this many milliseconds; the result then has exit code 124. */
    timeoutMs?: number;
    /** Base environment, process.env by default. */
    env?: NodeJS.ProcessEnv;
    /** Executable to run instead of the pinned sf (tests). */
    bin?: string;
}

export interface SfResult {
    args: string[];
    stdout: string;
    stderr: string;
    exitCode: number;
    /** Parsed stdout when `json` was asked for and stdout was JSON. */
    json?: unknown;
    durationMs: number;
}

export type SfRunner = (args: string[], options?: SfOptions) => Promise<SfResult>;

export function isWritableDir(dir: string | undefined): boolean {
    if (!dir) return false;
    try {
        if (!fs.statSync(dir).isDirectory()) return false;
        fs.accessSync(dir, fs.constants.W_OK);
        return true;
    } catch {
        return false;
    }
}

/**
 * The environment `sf` runs with. `sf` writes config and state under HOME, so an unwritable HOME (CI sandboxes) is
 * replaced by `tempHome`, which the caller removes afterwards.
 */
export function sfEnvironment(
    base: NodeJS.ProcessEnv,
    writable: (dir: string | undefined) => boolean = isWritableDir,
    makeTempHome: () => string = () => fs.mkdtempSync(path.join(os.tmpdir(), 'kpi-sf-home-')),
): { env: NodeJS.ProcessEnv; tempHome?: string } {
    const env: NodeJS.ProcessEnv = { ...base, ...quietSfEnv };
    if (writable(base.HOME)) return { env };
    const tempHome = makeTempHome();
    env.HOME = tempHome;
    for (const name of ['XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME', 'XDG_STATE_HOME']) delete env[name];
    return { env, tempHome };
}

export function withJsonFlag(args: string[]): string[] {
    return args.includes('--json') ? args : [...args, '--json'];
}

/** Runs `sf args…` and resolves when it has exited (never rejects for a non-zero exit). */
export const runSf: SfRunner = (args, options = {}) => {
    const finalArgs = options.json ? withJsonFlag(args) : args;
    const { env, tempHome } = sfEnvironment(options.env ?? process.env);
    const started = Date.now();
    return new Promise<SfResult>((resolve) => {
        const child = spawn(options.bin ?? sfBin, finalArgs, {
            cwd: options.cwd ?? repoRoot,
            env,
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        const out: Buffer[] = [];
        const err: Buffer[] = [];
        let timedOut = false;
        let spawnError: Error | undefined;
        child.stdout.on('data', (chunk: Buffer) => {
            out.push(chunk);
            if (options.echo) process.stdout.write(chunk);
        });
        child.stderr.on('data', (chunk: Buffer) => {
            err.push(chunk);
            if (options.echo) process.stderr.write(chunk);
        });
        const timer =
            options.timeoutMs === undefined
                ? undefined
                : setTimeout(() => {
                      timedOut = true;
                      child.kill('SIGTERM');
                      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
                  }, options.timeoutMs);
        child.on('error', (error) => {
            spawnError = error;
        });
        child.on('close', (code) => {
            if (timer) clearTimeout(timer);
            if (tempHome) fs.rmSync(tempHome, { recursive: true, force: true });
            const stdout = Buffer.concat(out).toString('utf8');
            let stderr = Buffer.concat(err).toString('utf8');
            if (spawnError) stderr += `could not start ${options.bin ?? sfBin}: ${spawnError.message}\n`;
            if (timedOut) stderr += `sf ${finalArgs.join(' ')} was stopped after ${options.timeoutMs} ms\n`;
            const exitCode = timedOut ? 124 : (code ?? 1);
            resolve({
                args: finalArgs,
                stdout,
                stderr,
                exitCode,
                json: options.json ? parseJson(stdout) : undefined,
                durationMs: Date.now() - started,
            });
        });
    });
};

function parseJson(text: string): unknown {
    try {
        return JSON.parse(text);
    } catch {
        return undefined;
    }
}

/** The human-readable reason an sf call failed: the JSON error's message, else stderr, else stdout. */
export function sfFailure(result: SfResult): string {
    const json = result.json as { message?: unknown } | undefined;
    if (json && typeof json.message === 'string') return json.message;
    return (result.stderr.trim() || result.stdout.trim() || `exit code ${result.exitCode}`).split('\n')[0];
}

export interface SfdxProject {
    packageDirectories: { path: string; default?: boolean }[];
    sourceApiVersion: string;
}

export function readSfdxProject(projectDir = repoRoot): SfdxProject {
    const file = path.join(projectDir, 'sfdx-project.json');
    const project = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<SfdxProject>;
    if (!Array.isArray(project.packageDirectories) || typeof project.sourceApiVersion !== 'string') {
        throw new Error(`${file}: needs packageDirectories and sourceApiVersion`);
    }
    return project as SfdxProject;
}

/** Absolute paths of the package directories that exist on disk. */
export function packageDirs(projectDir = repoRoot): string[] {
    return readSfdxProject(projectDir)
        .packageDirectories.map((dir) => path.resolve(projectDir, dir.path))
        .filter((dir) => fs.existsSync(dir));
}

/** A command-line mistake: the CLI prints the message and its usage and exits with 2. */
export class UsageError extends Error {}

/**
 * Removes `--name value`, `--name=value` or `-x value` from argv; returns the value (last one wins) and the rest,
 * which the scripts pass through to sf unchanged.
 */
export function takeOption(argv: string[], names: string[]): { value?: string; rest: string[] } {
    const rest: string[] = [];
    let value: string | undefined;
    for (let i = 0; i < argv.length; i += 1) {
        const arg = argv[i];
        const inline = names.find((name) => arg.startsWith(`${name}=`));
        if (inline) value = arg.slice(inline.length + 1);
        else if (names.includes(arg)) {
            const next = argv[i + 1];
            if (next === undefined || next.startsWith('-')) throw new UsageError(`${arg} needs a value`);
            value = next;
            i += 1;
        } else rest.push(arg);
    }
    return { value, rest };
}
