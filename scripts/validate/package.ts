/**
 * `npm run validate:package`: converts force-app to Metadata API format offline with `sf project convert source`, the
 * way a deploy or package would see it, and checks that package.xml lists every bundle, static resource, custom label,
 * list view and translation language under the package's name, that every converted bundle carries its built
 * JavaScript, every list view sits in its object's file and every language its translations/<code>.translation, that
 * no standard object is claimed whole, and that no TypeScript sources or tests slipped past .forceignore.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { forceAppDir, repoRoot } from '../lib/paths';
import { runSf, sfFailure, type SfRunner } from '../lib/sf';
import { runCommand } from '../lib/command';

export const packageName = 'Lightning KPI Kit';

export interface ExpectedMembers {
    bundles: string[];
    resources: string[];
    labels: string[];
    /** `Object.name`, the ListView member form. */
    listViews: string[];
    /** Objects the source defines (`objects/X/X.object-meta.xml`); the package may list these as CustomObject. */
    objects: string[];
    /** Language codes of `translations/<code>.translation-meta.xml`, the Translations members; absent without any. */
    translations?: string[];
}

export interface Manifest {
    fullName?: string;
    version?: string;
    /** Metadata type name → members. */
    types: Map<string, string[]>;
}

const manifestParser = new XMLParser({
    parseTagValue: false,
    trimValues: true,
    isArray: (_name, jpath) => ['Package.types', 'Package.types.members'].includes(String(jpath)),
});

export function parseManifest(xml: string): Manifest {
    const valid = XMLValidator.validate(xml);
    if (valid !== true) throw new Error(`package.xml is malformed at line ${valid.err.line}: ${valid.err.msg}`);
    const doc = manifestParser.parse(xml) as {
        Package?: { fullName?: string; version?: string; types?: { name?: string; members?: string[] }[] };
    };
    if (!doc.Package) throw new Error('package.xml has no <Package> root');
    const types = new Map<string, string[]>();
    for (const type of doc.Package.types ?? []) {
        if (type.name) types.set(type.name, [...(types.get(type.name) ?? []), ...(type.members ?? [])]);
    }
    return { fullName: doc.Package.fullName, version: doc.Package.version, types };
}

function subdirs(dir: string): string[] {
    return fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
        .map((entry) => entry.name);
}

/**
 * What a source directory holds, found by folder convention (`lwc/`, `staticresources/`, `labels/`,
 * `objects/<Object>/listViews/`) at any depth.
 */
export function expectedMembers(rootDir: string): ExpectedMembers {
    const expected: ExpectedMembers = { bundles: [], resources: [], labels: [], listViews: [], objects: [] };
    const labelParser = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'labels' });
    const walk = (dir: string): void => {
        for (const name of subdirs(dir)) {
            const full = path.join(dir, name);
            if (name === 'lwc') expected.bundles.push(...subdirs(full));
            else if (name === 'staticresources') {
                for (const file of fs.readdirSync(full).filter((file) => file.endsWith('.resource-meta.xml'))) {
                    expected.resources.push(path.basename(file, '.resource-meta.xml'));
                }
            } else if (name === 'labels') {
                for (const file of fs.readdirSync(full).filter((file) => file.endsWith('.labels-meta.xml'))) {
                    const doc = labelParser.parse(fs.readFileSync(path.join(full, file), 'utf8')) as {
                        CustomLabels?: { labels?: { fullName?: string }[] };
                    };
                    for (const label of doc.CustomLabels?.labels ?? []) {
                        if (label.fullName) expected.labels.push(label.fullName);
                    }
                }
            } else if (name === 'translations') {
                const files = fs.readdirSync(full).filter((file) => file.endsWith('.translation-meta.xml'));
                if (files.length > 0) expected.translations ??= [];
                for (const file of files) expected.translations?.push(path.basename(file, '.translation-meta.xml'));
            } else if (name === 'objects') {
                for (const object of subdirs(full)) {
                    if (fs.existsSync(path.join(full, object, `${object}.object-meta.xml`)))
                        expected.objects.push(object);
                    const listViews = path.join(full, object, 'listViews');
                    if (!fs.existsSync(listViews)) continue;
                    for (const file of fs
                        .readdirSync(listViews)
                        .filter((file) => file.endsWith('.listView-meta.xml'))) {
                        expected.listViews.push(`${object}.${path.basename(file, '.listView-meta.xml')}`);
                    }
                }
            } else if (name !== 'node_modules' && name !== '__tests__') walk(full);
        }
    };
    if (fs.existsSync(rootDir)) walk(rootDir);
    for (const key of ['bundles', 'resources', 'labels', 'listViews', 'objects'] as const) expected[key].sort();
    expected.translations?.sort();
    return expected;
}

/**
 * Compares what the source holds with what package.xml lists. `sf project convert source` writes each label as a
 * `CustomLabel` member plus one `CustomLabels` member named `CustomLabels` (tried with @salesforce/cli 2.146.3).
 */
export function compareManifest(expected: ExpectedMembers, manifest: Manifest, name = packageName): string[] {
    const problems: string[] = [];
    if (manifest.fullName !== name) {
        problems.push(`<fullName> is ${manifest.fullName ? `"${manifest.fullName}"` : 'missing'}, expected "${name}"`);
    }
    const missing = (type: string, members: string[]): void => {
        const listed = new Set(manifest.types.get(type) ?? []);
        for (const member of members) {
            if (!listed.has(member)) problems.push(`${type} ${member} is missing from package.xml`);
        }
    };
    missing('LightningComponentBundle', expected.bundles);
    missing('StaticResource', expected.resources);
    missing('CustomLabel', expected.labels);
    if (expected.labels.length > 0) missing('CustomLabels', ['CustomLabels']);
    missing('ListView', expected.listViews);
    missing('Translations', expected.translations ?? []);
    // A standard object listed whole would deploy its definition over the org's; list views go as ListView members.
    for (const object of manifest.types.get('CustomObject') ?? []) {
        if (!expected.objects.includes(object)) {
            problems.push(`CustomObject ${object} is in package.xml, but the source only adds list views to it`);
        }
    }
    return problems;
}

/**
 * The converted tree ships each bundle's JavaScript, each list view inside its object's `objects/<Object>.object`
 * (where the Metadata API format keeps them), and nothing .forceignore should have kept out.
 */
export function checkConvertedOutput(outDir: string, expected: ExpectedMembers): string[] {
    const problems: string[] = [];
    for (const bundle of expected.bundles) {
        if (!fs.existsSync(path.join(outDir, 'lwc', bundle, `${bundle}.js`))) {
            problems.push(`bundle ${bundle} converts without ${bundle}.js (npm run build makes it from ${bundle}.ts)`);
        }
    }
    const objectParser = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'listViews' });
    for (const member of expected.listViews) {
        const [object, name] = member.split('.');
        const file = path.join(outDir, 'objects', `${object}.object`);
        const doc = fs.existsSync(file)
            ? (objectParser.parse(fs.readFileSync(file, 'utf8')) as {
                  CustomObject?: { listViews?: { fullName?: string }[] };
              })
            : undefined;
        if (!doc?.CustomObject?.listViews?.some((view) => String(view.fullName) === name)) {
            problems.push(`list view ${member} is missing from objects/${object}.object in the converted package`);
        }
    }
    for (const language of expected.translations ?? []) {
        if (!fs.existsSync(path.join(outDir, 'translations', `${language}.translation`))) {
            problems.push(`translations/${language}.translation is missing from the converted package`);
        }
    }
    const forbidden = (name: string): boolean =>
        name.endsWith('.ts') || ['__tests__', 'tsconfig.json', 'jsconfig.json', '.eslintrc.json'].includes(name);
    const walk = (dir: string): void => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (forbidden(entry.name)) {
                problems.push(`the package would ship ${path.relative(outDir, full)} (.forceignore should exclude it)`);
            } else if (entry.isDirectory()) walk(full);
        }
    };
    walk(outDir);
    return problems;
}

export interface ConvertOptions {
    sf?: SfRunner;
    projectDir?: string;
    rootDir?: string;
    outDir: string;
}

/** `sf project convert source` into outDir (replaced), naming the package; throws with sf's message on failure. */
export async function convertSource({
    sf = runSf,
    projectDir = repoRoot,
    rootDir = forceAppDir,
    outDir,
}: ConvertOptions): Promise<{ manifest: Manifest; ms: number }> {
    fs.rmSync(outDir, { recursive: true, force: true });
    const args = ['project', 'convert', 'source', '--root-dir', rootDir, '--output-dir', outDir];
    const result = await sf([...args, '--package-name', packageName], { cwd: projectDir, json: true });
    if (result.exitCode !== 0) throw new Error(`sf project convert source failed: ${sfFailure(result)}`);
    const manifestFile = path.join(outDir, 'package.xml');
    if (!fs.existsSync(manifestFile)) throw new Error(`sf project convert source wrote no ${manifestFile}`);
    return { manifest: parseManifest(fs.readFileSync(manifestFile, 'utf8')), ms: result.durationMs };
}

export interface PackageReport {
    problems: string[];
    expected: ExpectedMembers;
    manifest: Manifest;
    convertMs: number;
}

export async function packageCheck(
    options: { sf?: SfRunner; projectDir?: string; rootDir?: string } = {},
): Promise<PackageReport> {
    const rootDir = options.rootDir ?? forceAppDir;
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kpi-package-check-'));
    try {
        const outDir = path.join(tmp, 'mdapi');
        const { manifest, ms } = await convertSource({ ...options, rootDir, outDir });
        const expected = expectedMembers(rootDir);
        const problems = [...compareManifest(expected, manifest), ...checkConvertedOutput(outDir, expected)];
        return { problems, expected, manifest, convertMs: ms };
    } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
    }
}

/** `package.ts [projectDir]`: converts `<projectDir>/force-app`, this repository's unless another is named. */
async function main(argv: string[]): Promise<void> {
    const started = Date.now();
    const projectDir = argv[0] ? path.resolve(argv[0]) : repoRoot;
    const rootDir = path.join(projectDir, path.relative(repoRoot, forceAppDir));
    const report = await packageCheck({ projectDir, rootDir });
    const where = path.relative(process.cwd(), rootDir) || '.';
    for (const problem of report.problems) console.log(`${where}: ${problem}`);
    const { bundles, resources, labels, listViews } = report.expected;
    console.log(
        `package conversion: ${bundles.length} bundles, ${resources.length} static resources, ${labels.length} labels, ` +
            `${listViews.length} list views, ${report.expected.translations?.length ?? 0} translation languages, ` +
            `${report.problems.length} problems in ${((Date.now() - started) / 1000).toFixed(1)} s ` +
            `(sf convert ${(report.convertMs / 1000).toFixed(1)} s)`,
    );
    process.exitCode = report.problems.length > 0 ? 1 : 0;
}

if (require.main === module) runCommand(() => main(process.argv.slice(2)));
