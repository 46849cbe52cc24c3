import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rollup, type Plugin } from 'rollup';
import ts from 'typescript';
import { repoRoot, staticResourcesDir } from './lib/paths';

/** The module that registers the Chart.js pieces the package uses and publishes `window.Chart`. */
export const chartJsEntry = path.join(__dirname, 'chartjs-entry.ts');
/** Git-ignored build output deployed as the `kpiChartJs` static resource. */
export const chartJsResourceFile = path.join(staticResourcesDir, 'kpiChartJs.js');
/** Chart.js's own all-in-one build, measured for comparison only. */
export const chartJsFullUmdFile = path.join(repoRoot, 'node_modules', 'chart.js', 'dist', 'chart.umd.min.js');

export interface ChartJsBuildResult {
    file: string;
    bytes: number;
    gzipBytes: number;
    fullUmdBytes: number;
    fullUmdGzipBytes: number;
}

// Rollup reads JavaScript only; the entry is TypeScript like every other script here.
function transpileTypeScript(): Plugin {
    return {
        name: 'kpi-transpile-typescript',
        transform(code, id) {
            if (!id.endsWith('.ts')) return null;
            const out = ts.transpileModule(code, {
                fileName: id,
                compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.ESNext, sourceMap: false },
            });
            return { code: out.outputText, map: null };
        },
    };
}

const gzipSize = (bytes: Buffer): number => zlib.gzipSync(bytes, { level: 9 }).length;

/** Bundles the installed chart.js ESM build into one minified classic script for `loadScript`. */
export async function buildChartJs(outFile: string = chartJsResourceFile): Promise<ChartJsBuildResult> {
    if (!fs.existsSync(chartJsFullUmdFile)) {
        throw new Error(`build-chartjs: ${chartJsFullUmdFile} not found; is chart.js installed (npm ci)?`);
    }
    const bundle = await rollup({
        input: chartJsEntry,
        plugins: [transpileTypeScript(), nodeResolve({ browser: true })],
        onwarn(warning) {
            throw new Error(`build-chartjs: rollup warning treated as error: ${warning.message}`);
        },
    });
    try {
        await bundle.write({
            file: outFile,
            format: 'iife',
            // loadScript injects a classic <script>; the IIFE keeps Chart.js's internals out of the global scope.
            plugins: [terser({ format: { comments: /^!/ }, compress: { passes: 2 } })],
            sourcemap: false,
        });
    } finally {
        await bundle.close();
    }
    const built = fs.readFileSync(outFile);
    const fullUmd = fs.readFileSync(chartJsFullUmdFile);
    return {
        file: outFile,
        bytes: built.length,
        gzipBytes: gzipSize(built),
        fullUmdBytes: fullUmd.length,
        fullUmdGzipBytes: gzipSize(fullUmd),
    };
}

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

if (require.main === module) {
    buildChartJs()
        .then((result) => {
            const rel = path.relative(repoRoot, result.file);
            console.log(`${rel}: ${kib(result.bytes)} (gzip ${kib(result.gzipBytes)})`);
            console.log(
                `chart.js/dist/chart.umd.min.js: ${kib(result.fullUmdBytes)} (gzip ${kib(result.fullUmdGzipBytes)})`,
            );
        })
        .catch((error: unknown) => {
            console.error(error instanceof Error ? error.message : error);
            process.exitCode = 1;
        });
}
