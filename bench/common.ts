/**
 * What every benchmark shares: the instant the sample org ends at and the viewer's time zone (so in-process and
 * browser runs see the same data), the `--sizes` option and the way a benchmark script runs.
 */
import type { createEngine } from '../preview/engine/index';
import { BROWSER_TEST_NOW } from '../scripts/browser-test';

export type Engine = ReturnType<typeof createEngine>;

/** The browser tests' instant: a Friday afternoon in the middle of a quarter. */
export const BENCH_NOW = BROWSER_TEST_NOW;
export const BENCH_TIME_ZONE = 'America/Los_Angeles';

/** `--sizes 1000,100000`: sample org sizes to run, 1 k, 100 k and 1 M by default. */
export function sizesOption(): number[] {
    const at = process.argv.indexOf('--sizes');
    const text = at >= 0 ? process.argv[at + 1] : '1000,100000,1000000';
    const sizes = (text ?? '').split(',').map(Number);
    if (sizes.some((size) => !Number.isInteger(size) || size < 500))
        throw new RangeError(`--sizes: whole numbers ≥ 500, comma-separated (got "${text}")`);
    return sizes;
}

/** Runs a benchmark's main and exits non-zero with the stack when it fails. */
export function runBench(main: () => Promise<void> | void): void {
    Promise.resolve()
        .then(main)
        .catch((error: unknown) => {
            console.error(error instanceof Error ? error.stack : error);
            process.exit(1);
        });
}
