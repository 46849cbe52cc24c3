/**
 * `npm run package`: builds, converts force-app to Metadata API format in dist/package/ (package.xml naming
 * "Lightning KPI Kit", checked like `npm run validate:package`: bundles, static resources, labels and the drill-down
 * list views as ListView members), and zips it to dist/lightning-kpi-kit.zip with package.xml at the root, ready for
 * `sf project deploy start --metadata-dir dist/lightning-kpi-kit.zip --single-package`.
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { build } from './build';
import { distDir, forceAppDir, repoRoot } from './lib/paths';
import { runSf, type SfRunner } from './lib/sf';
import { checkConvertedOutput, compareManifest, convertSource, expectedMembers } from './validate/package';
import { runCommand } from './lib/command';

export const packageDir = path.join(distDir, 'package');
export const zipFile = path.join(distDir, 'lightning-kpi-kit.zip');

/** A fixed timestamp keeps the zip byte-identical for identical sources. */
const zipDate = new Date('2000-01-01T00:00:00Z');

/** Files under dir, `/`-separated and sorted, for a reproducible archive. */
export function listFiles(dir: string, prefix = ''): string[] {
    const files: string[] = [];
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
        if (entry.isDirectory()) files.push(...listFiles(path.join(dir, entry.name), rel));
        else files.push(rel);
    }
    return files.sort();
}

/** Zips dir's contents with its files at the archive root (package.xml first-level, as a single-package deploy reads it). */
export async function zipDirectory(dir: string, target: string): Promise<{ files: number; bytes: number }> {
    const zip = new JSZip();
    const files = listFiles(dir);
    for (const rel of files) zip.file(rel, fs.readFileSync(path.join(dir, rel)), { date: zipDate });
    const data = await zip.generateAsync({
        type: 'nodebuffer',
        compression: 'DEFLATE',
        compressionOptions: { level: 9 },
    });
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, data);
    return { files: files.length, bytes: data.length };
}

export interface PackageDeps {
    build: () => Promise<void>;
    sf: SfRunner;
    log: (line: string) => void;
}

export interface PackageResult {
    dir: string;
    zip: string;
    /** Members of package.xml per metadata type. */
    members: Record<string, number>;
    files: number;
    dirBytes: number;
    zipBytes: number;
}

export async function makePackage(
    deps: PackageDeps = { build, sf: runSf, log: console.log },
    paths: { rootDir: string; outDir: string; zip: string; projectDir: string } = {
        rootDir: forceAppDir,
        outDir: packageDir,
        zip: zipFile,
        projectDir: repoRoot,
    },
): Promise<PackageResult> {
    await deps.build();
    const { manifest } = await convertSource({
        sf: deps.sf,
        projectDir: paths.projectDir,
        rootDir: paths.rootDir,
        outDir: paths.outDir,
    });
    const expected = expectedMembers(paths.rootDir);
    const problems = [...compareManifest(expected, manifest), ...checkConvertedOutput(paths.outDir, expected)];
    if (problems.length > 0) throw new Error(`the converted package is incomplete:\n${problems.join('\n')}`);
    const zipped = await zipDirectory(paths.outDir, paths.zip);
    const dirBytes = listFiles(paths.outDir).reduce(
        (sum, rel) => sum + fs.statSync(path.join(paths.outDir, rel)).size,
        0,
    );
    const members = Object.fromEntries([...manifest.types].map(([type, names]) => [type, names.length]));
    return { dir: paths.outDir, zip: paths.zip, members, files: zipped.files, dirBytes, zipBytes: zipped.bytes };
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
    const started = Date.now();
    const result = await makePackage();
    const rel = (file: string): string => path.relative(repoRoot, file);
    console.log(`${rel(result.dir)}/: ${result.files} files, ${kb(result.dirBytes)}`);
    const members = Object.entries(result.members).map(([type, count]) => `${count} ${type}`);
    console.log(`package.xml: ${members.join(', ')}`);
    console.log(`${rel(result.zip)}: ${kb(result.zipBytes)}`);
    console.log(`packaged in ${((Date.now() - started) / 1000).toFixed(1)} s; deploy it with:`);
    console.log(`  npx sf project deploy start --metadata-dir ${rel(result.zip)} --single-package --target-org ALIAS`);
}

if (require.main === module) runCommand(() => main());
