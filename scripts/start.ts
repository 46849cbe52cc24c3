/**
 * `npm start`: builds the components (scripts/build.ts) and the preview bundle, then serves the preview on
 * localhost (PORT, default 3000) with the built-in sample org. Works offline.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildPreview } from '../preview/build';
import { startPreviewServer } from '../preview/server';
import { repoRoot } from './lib/paths';

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** Runs `scripts/build.ts` (components' .js and the static resources) in its own process, as `npm run build` does. */
export function runComponentBuild(): void {
    const buildScript = path.join(repoRoot, 'scripts', 'build.ts');
    if (!fs.existsSync(buildScript)) return;
    const started = Date.now();
    const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
    const run = spawnSync(tsx, [buildScript], { cwd: repoRoot, stdio: 'inherit' });
    if (run.status !== 0) throw new Error(`scripts/build.ts failed${run.error ? `: ${run.error.message}` : ''}`);
    console.log(`components built in ${seconds(Date.now() - started)}`);
}

async function main(): Promise<void> {
    runComponentBuild();
    const bundle = await buildPreview();
    console.log(`preview bundle: ${(bundle.bytes / 1024).toFixed(0)} KB in ${seconds(bundle.ms)}`);
    const port = Number(process.env.PORT ?? 3000);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new Error(`PORT=${process.env.PORT} is not a port number`);
    const started = Date.now();
    const server = await startPreviewServer({ port }).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'EADDRINUSE')
            throw new Error(`port ${port} is in use; start with PORT=<another port> npm start`);
        throw error;
    });
    const [dataset] = server.datasets.loaded().map((size) => server.datasets.get(size));
    console.log(
        `sample org: ${dataset.records.toLocaleString('en-US')} records generated in ${seconds(dataset.generateMs)}`,
    );
    console.log(`server ready in ${seconds(Date.now() - started)}`);
    console.log(`\nLightning KPI Kit preview: ${server.url}/lightning/page/home\n(Ctrl+C stops it)`);
    const stop = (): void => {
        void server.close().then(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
}

if (require.main === module) {
    main().catch((error: unknown) => {
        console.error(error instanceof Error ? error.message : error);
        process.exit(1);
    });
}
