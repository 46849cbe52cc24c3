/**
 * Browser tests of the preview: builds the preview bundle, starts the preview server on a free port, drives Debian's
 * Chromium through playwright-core, and runs preview/__browser__/*.browser.ts one after another.
 * `npx tsx scripts/browser-test.ts [--no-component-build | --no-build] [name filter]`: builds the components
 * (scripts/build.ts) and the bundle first, or only the bundle, or neither. runBrowserTests() builds the bundle and
 * expects `npm run build` to have run (scripts/check.ts does).
 */
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import path from 'node:path';
import { TestContext, screenshotDir, type BrowserTest, type BrowserTestModule } from '../preview/__browser__/harness';
import { buildPreview } from '../preview/build';
import { startPreviewServer } from '../preview/server';
import { repoRoot } from './lib/paths';
import { runComponentBuild } from './start';

export const chromiumPath = '/usr/bin/chromium';

/** Debian's Chromium, offline and quiet: no sandbox (containers), no GPU, no background traffic. */
export const chromiumArgs = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
];

const TEST_TIMEOUT_MS = 45_000;

/**
 * The sample org's dates follow "now", and a new day in the org's time zone makes a different org: the tests pin the
 * server's now and every page's clock to one instant (a Friday afternoon in the middle of a quarter), so what they
 * see does not depend on when they run. Date edge cases are the property tests' job (kpiPeriods, engine dates).
 */
export const BROWSER_TEST_NOW = new Date('2026-11-20T18:00:00Z');

export const browserTestDir = path.join(repoRoot, 'preview', '__browser__');

/** Every `*.browser.ts` in preview/__browser__, in file-name order; each default-exports its tests. */
async function collectTests(context: TestContext): Promise<BrowserTest[]> {
    const tests: BrowserTest[] = [];
    for (const file of fs
        .readdirSync(browserTestDir)
        .filter((name) => name.endsWith('.browser.ts'))
        .sort()) {
        const exported = (require(path.join(browserTestDir, file)) as { default?: BrowserTestModule }).default;
        if (!exported) throw new Error(`preview/__browser__/${file}: no default export of tests`);
        tests.push(...(typeof exported === 'function' ? await exported(context) : exported));
    }
    return tests;
}

export interface BrowserTestOptions {
    /** Rebuild the preview bundle first (default true); components must already be built (npm run build). */
    build?: boolean;
    /** Only tests whose name contains this text. */
    filter?: string;
    log?: (line: string) => void;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms`)), ms);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

export async function runBrowserTests(options: BrowserTestOptions = {}): Promise<boolean> {
    const log = options.log ?? ((line: string) => console.log(line));
    const started = Date.now();
    if (!fs.existsSync(chromiumPath)) {
        log(`browser tests: ${chromiumPath} is missing; install it with .ci/install-chromium.sh`);
        log('0 passed, 1 failed');
        return false;
    }
    if (options.build !== false) {
        try {
            const built = await buildPreview();
            log(`preview bundle: ${(built.bytes / 1024).toFixed(0)} KB built in ${seconds(built.ms)}`);
        } catch (error) {
            log(`browser tests: ${(error as Error).message}`);
            log('0 passed, 1 failed');
            return false;
        }
    }
    const serverStarted = Date.now();
    const server = await startPreviewServer({ port: 0, now: BROWSER_TEST_NOW });
    log(`preview server: ${server.url} up in ${seconds(Date.now() - serverStarted)}`);
    let browser: Browser | undefined;
    let passed = 0;
    let failed = 0;
    try {
        const browserStarted = Date.now();
        // launch() gives every run a new, empty temporary profile (Playwright's own --user-data-dir).
        browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
        log(`chromium ${browser.version()} started in ${seconds(Date.now() - browserStarted)}`);
        const context = new TestContext(browser, server.url, BROWSER_TEST_NOW);
        const tests = await collectTests(context);
        for (const test of tests) {
            if (options.filter && !test.name.includes(options.filter)) continue;
            const testStarted = Date.now();
            try {
                await withTimeout(test.run(context), TEST_TIMEOUT_MS, test.name);
                passed += 1;
                log(`✔ ${test.name} (${seconds(Date.now() - testStarted)})`);
            } catch (error) {
                failed += 1;
                const message = (error as Error).message.replace(/\n/g, '\n  ');
                const seen = context.issues().map((issue) => `\n  on the page: ${issue}`);
                log(`✖ ${test.name} (${seconds(Date.now() - testStarted)})\n  ${message}${seen.join('')}`);
            } finally {
                await context.close();
            }
        }
    } catch (error) {
        failed += 1;
        log(`✖ browser test run: ${(error as Error).stack ?? error}`);
    } finally {
        await browser?.close();
        await server.close();
    }
    log(`screenshots: ${screenshotDir}`);
    log(`browser tests took ${seconds(Date.now() - started)}`);
    log(`${passed} passed, ${failed} failed`);
    return failed === 0 && passed > 0;
}

if (require.main === module) {
    const args = process.argv.slice(2);
    const filter = args.find((arg) => !arg.startsWith('--'));
    const build = !args.includes('--no-build');
    // As a command it builds like npm start; runBrowserTests() alone expects `npm run build` to have run (check.ts).
    if (build && !args.includes('--no-component-build')) runComponentBuild();
    runBrowserTests({ build, filter })
        .then((ok) => process.exit(ok ? 0 : 1))
        .catch((error: unknown) => {
            console.error(error instanceof Error ? error.stack : error);
            process.exit(1);
        });
}
