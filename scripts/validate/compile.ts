/**
 * `npm run validate:compile`: compiles every bundle's built JavaScript, template and styles with Salesforce's platform
 * compiler, which runs the platform's own lint rules (e.g. LWC1503 invalid public property names, LWC1071 iterator
 * without key, namespace imports of `lwc`). Any error fails; a bundle that was not built, or was built before its
 * TypeScript last changed, fails without being compiled against stale output.
 */
import fs from 'node:fs';
import path from 'node:path';
import { lwcDir, repoRoot } from '../lib/paths';
import { packageDirs, readSfdxProject } from '../lib/sf';
import { runCommand } from '../lib/command';

export interface CompileProblem {
    file: string;
    message: string;
    line?: number;
    column?: number;
    severity: 'error' | 'warning';
}

export interface BundleResult {
    bundle: string;
    dir: string;
    problems: CompileProblem[];
    compiled: boolean;
    ms: number;
}

export interface CompileReport {
    bundles: BundleResult[];
    errors: number;
    warnings: number;
    ms: number;
}

/** Files the platform compiles; tests, TypeScript and metadata stay out. */
const compiledExtensions = ['.js', '.html', '.css'];

export function projectApiVersion(projectDir = repoRoot): number {
    const version = Number(readSfdxProject(projectDir).sourceApiVersion);
    if (!Number.isFinite(version)) throw new Error(`sfdx-project.json: sourceApiVersion is not a number`);
    return version;
}

/** Every `lwc` folder of the project's package directories (force-app, and sample-app when it has components). */
export function projectLwcDirs(projectDir = repoRoot): string[] {
    const dirs = packageDirs(projectDir).map((dir) => path.join(dir, 'main', 'default', 'lwc'));
    return [...new Set([lwcDir, ...dirs])].filter((dir) => fs.existsSync(dir));
}

export function listBundleDirs(dir: string): string[] {
    if (!fs.existsSync(dir)) return [];
    return fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
        .map((entry) => path.join(dir, entry.name))
        .sort();
}

/** Paths relative to the bundle, `/`-separated, without `__tests__` folders and dotfiles. */
export function bundleFiles(bundleDir: string): string[] {
    const found: string[] = [];
    const walk = (dir: string, prefix: string): void => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            if (entry.name.startsWith('.') || entry.name === '__tests__') continue;
            const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
            if (entry.isDirectory()) walk(path.join(dir, entry.name), rel);
            else found.push(rel);
        }
    };
    walk(bundleDir, '');
    return found.sort();
}

/** Problems that make compiling pointless: TypeScript with no JavaScript built from it, or JavaScript older than it. */
export function buildProblems(bundleDir: string, files = bundleFiles(bundleDir)): CompileProblem[] {
    const name = path.basename(bundleDir);
    const problems: CompileProblem[] = [];
    const has = new Set(files);
    const at = (rel: string): string => path.join(bundleDir, rel);
    for (const ts of files.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))) {
        const js = ts.replace(/\.ts$/, '.js');
        if (!has.has(js)) {
            problems.push({ file: at(js), message: `missing, built from ${ts}: run npm run build`, severity: 'error' });
        } else if (fs.statSync(at(js)).mtimeMs < fs.statSync(at(ts)).mtimeMs) {
            problems.push({ file: at(js), message: `older than ${ts} (stale): run npm run build`, severity: 'error' });
        }
    }
    if (!has.has(`${name}.js`) && !has.has(`${name}.ts`)) {
        problems.push({
            file: at(`${name}.js`),
            message: `missing: a bundle needs a module named after its folder`,
            severity: 'error',
        });
    }
    return problems;
}

interface Diagnostic {
    level: number;
    message: string;
    filename?: string;
    location?: { line?: number; column?: number };
}

export async function checkBundle(bundleDir: string, apiVersion: number): Promise<BundleResult> {
    const started = Date.now();
    const bundle = path.basename(bundleDir);
    const files = bundleFiles(bundleDir);
    const problems = buildProblems(bundleDir, files);
    const mainBuilt = files.includes(`${bundle}.js`);
    if (!mainBuilt) return { bundle, dir: bundleDir, problems, compiled: false, ms: Date.now() - started };

    const sources: Record<string, string> = {};
    for (const rel of files.filter((file) => compiledExtensions.includes(path.extname(file)))) {
        sources[rel] = fs.readFileSync(path.join(bundleDir, rel), 'utf8');
    }
    try {
        // Loaded on first use: it takes about two seconds, which a run with no bundles should not pay.
        const { compile } = await import('@lwc/sfdc-lwc-compiler');
        const output = await compile({
            bundle: { namespace: 'c', name: bundle, type: 'platform', files: sources, options: { apiVersion } },
            compilerConfigs: [{ outputConfig: { minify: false, env: { NODE_ENV: 'production' } } }],
        });
        for (const diagnostic of output.diagnostics as Diagnostic[]) {
            if (diagnostic.level > 2) continue;
            const rel = diagnostic.filename ?? `${bundle}.js`;
            problems.push({
                file: path.isAbsolute(rel) ? path.join(bundleDir, path.basename(rel)) : path.join(bundleDir, rel),
                message: diagnostic.message,
                line: diagnostic.location?.line,
                column: diagnostic.location?.column,
                severity: diagnostic.level <= 1 ? 'error' : 'warning',
            });
        }
        if (!output.success && !problems.some((problem) => problem.severity === 'error')) {
            problems.push({
                file: bundleDir,
                message: 'the platform compiler failed without a diagnostic',
                severity: 'error',
            });
        }
    } catch (error) {
        // The compiler's own lint rules can throw (e.g. on `import * as x from 'lwc'` as the first lwc import).
        const text = error instanceof Error ? error.message : String(error);
        problems.push({
            file: path.join(bundleDir, `${bundle}.js`),
            message: `the platform compiler crashed: ${text.split('\n').slice(0, 3).join(' | ')}`,
            severity: 'error',
        });
    }
    return { bundle, dir: bundleDir, problems, compiled: true, ms: Date.now() - started };
}

export async function compileCheck(
    dirs: string[] = projectLwcDirs(),
    apiVersion: number = projectApiVersion(),
): Promise<CompileReport> {
    const started = Date.now();
    const bundles: BundleResult[] = [];
    // One bundle at a time: the compiler is CPU-bound and the machine has two cores.
    for (const bundleDir of dirs.flatMap(listBundleDirs)) bundles.push(await checkBundle(bundleDir, apiVersion));
    const all = bundles.flatMap((result) => result.problems);
    return {
        bundles,
        errors: all.filter((problem) => problem.severity === 'error').length,
        warnings: all.filter((problem) => problem.severity === 'warning').length,
        ms: Date.now() - started,
    };
}

/** Repository-relative when inside it, absolute otherwise. */
export function displayPath(file: string, root = repoRoot): string {
    const rel = path.relative(root, file);
    return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel;
}

export function formatProblem(problem: CompileProblem, root = repoRoot): string {
    const where = [displayPath(problem.file, root), problem.line, problem.column].filter((part) => part !== undefined);
    return `${where.join(':')}: ${problem.severity === 'warning' ? 'warning: ' : ''}${problem.message}`;
}

/** `compile.ts [lwcDir…]`: the project's lwc folders unless others are named. */
async function main(argv: string[]): Promise<void> {
    const report = await compileCheck(argv.length > 0 ? argv.map((dir) => path.resolve(dir)) : undefined);
    for (const result of report.bundles) for (const problem of result.problems) console.log(formatProblem(problem));
    console.log(
        `platform compile: ${report.bundles.length} bundles, ${report.errors} errors, ${report.warnings} warnings ` +
            `in ${(report.ms / 1000).toFixed(1)} s`,
    );
    process.exitCode = report.errors > 0 ? 1 : 0;
}

if (require.main === module) runCommand(() => main(process.argv.slice(2)));
