/**
 * Temporary directories for the tooling tests: each test file that imports this removes the ones it made when its
 * tests are done.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';

const made: string[] = [];
after(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A new empty directory under the OS temp dir, named `<prefix>` plus random characters. */
export function tempDir(prefix: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    made.push(dir);
    return dir;
}
