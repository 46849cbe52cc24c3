/**
 * `npm run build`: compiles each component's TypeScript to the JavaScript the platform deploys, beside its source,
 * keeps tsconfig's `c/` paths in step with the bundles, and builds the static resources from npm packages.
 */
import fs from 'node:fs';
import path from 'node:path';
import prettier from 'prettier';
import ts from 'typescript';
import { buildChartJs } from './build-chartjs';
import { lwcDir, repoRoot } from './lib/paths';

/** `target: ESNext` keeps `@api`/`@wire`/`@track` exactly as written, which the LWC compiler needs. */
const compilerOptions: ts.CompilerOptions = {
    target: ts.ScriptTarget.ESNext,
    module: ts.ModuleKind.ESNext,
    isolatedModules: true,
    useDefineForClassFields: true,
    removeComments: false,
};

export interface BuiltFile {
    source: string;
    output: string;
}

/** Every bundle folder name under force-app's lwc directory. */
export function listBundles(dir = lwcDir): string[] {
    if (!fs.existsSync(dir)) return [];
    return fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
        .map((entry) => entry.name)
        .sort();
}

/** The TypeScript sources of a bundle that ship: everything but tests and declarations. */
export function bundleSources(bundleDir: string): string[] {
    return fs
        .readdirSync(bundleDir, { withFileTypes: true })
        .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
        .map((entry) => path.join(bundleDir, entry.name))
        .sort();
}

/** Transpiles one component module; throws with the file name on a syntax error. */
export function transpileComponent(file: string, source: string): string {
    const result = ts.transpileModule(source, { compilerOptions, fileName: file, reportDiagnostics: true });
    const errors = (result.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
    if (errors.length > 0) {
        const text = errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('; ');
        throw new Error(`${path.relative(repoRoot, file)}: ${text}`);
    }
    return result.outputText;
}

/** Writes `name.js` beside every `name.ts` and removes `.js` files whose `.ts` is gone. */
export function buildComponents(dir = lwcDir): BuiltFile[] {
    const built: BuiltFile[] = [];
    for (const bundle of listBundles(dir)) {
        const bundleDir = path.join(dir, bundle);
        const sources = bundleSources(bundleDir);
        const wanted = new Set(sources.map((file) => file.replace(/\.ts$/, '.js')));
        for (const entry of fs.readdirSync(bundleDir)) {
            const file = path.join(bundleDir, entry);
            if (entry.endsWith('.js') && !wanted.has(file)) fs.rmSync(file);
        }
        for (const source of sources) {
            const output = source.replace(/\.ts$/, '.js');
            fs.writeFileSync(output, transpileComponent(source, fs.readFileSync(source, 'utf8')));
            built.push({ source, output });
        }
    }
    return built;
}

/** tsconfig `paths` cannot map `c/*` onto `lwc/*\/*`, so each bundle gets its own entry. */
export function componentPaths(dir = lwcDir): Record<string, string[]> {
    const paths: Record<string, string[]> = {};
    for (const bundle of listBundles(dir)) {
        const entry = path.join(dir, bundle, `${bundle}.ts`);
        if (fs.existsSync(entry))
            paths[`c/${bundle}`] = [`./${path.relative(repoRoot, entry).split(path.sep).join('/')}`];
    }
    return paths;
}

/** Rewrites tsconfig.json's `paths` when the bundles changed; returns whether it wrote. */
export async function syncTsconfigPaths(tsconfigFile = path.join(repoRoot, 'tsconfig.json')): Promise<boolean> {
    const tsconfig = JSON.parse(fs.readFileSync(tsconfigFile, 'utf8'));
    const paths = componentPaths();
    if (JSON.stringify(tsconfig.compilerOptions.paths ?? {}) === JSON.stringify(paths)) return false;
    tsconfig.compilerOptions.paths = paths;
    const options = (await prettier.resolveConfig(tsconfigFile)) ?? {};
    const text = await prettier.format(JSON.stringify(tsconfig), { ...options, filepath: tsconfigFile });
    fs.writeFileSync(tsconfigFile, text);
    return true;
}

export async function build(): Promise<void> {
    const started = Date.now();
    const built = buildComponents();
    const pathsChanged = await syncTsconfigPaths();
    const chart = await buildChartJs();
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    console.log(`built ${built.length} component modules in ${listBundles().length} bundles`);
    if (pathsChanged) console.log('updated tsconfig.json paths for c/ bundles');
    console.log(
        `built ${path.relative(repoRoot, chart.file)}: ${kb(chart.bytes)} (${kb(chart.gzipBytes)} gzip); ` +
            `full chart.umd.min.js: ${kb(chart.fullUmdBytes)}`,
    );
    console.log(`build finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (require.main === module) {
    build().catch((error: unknown) => {
        console.error(error instanceof Error ? error.message : error);
        process.exit(1);
    });
}
