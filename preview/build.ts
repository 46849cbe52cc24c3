/**
 * Bundles the preview app for the browser: the page shell, every component in force-app, lightning-base-components,
 * synthetic shadow, and the preview's versions of the platform modules (`lightning/graphql`, labels, i18n, …).
 *
 * force-app components are bundled from the built `.js` beside each `.ts` (npm run build), because that is exactly the
 * file the platform deploys and compiles; a `.js` missing or older than its `.ts` stops the build with a message.
 * The preview's own modules are TypeScript and transpiled here the same way (scripts/build.ts transpileComponent).
 */
import fs from 'node:fs';
import path from 'node:path';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import { rollup, type Plugin, type RollupLog } from 'rollup';
import { bundleSources, listBundles, transpileComponent } from '../scripts/build';
import { labelsFile, lwcDir, repoRoot, staticResourcesDir } from '../scripts/lib/paths';
import type { ComponentMeta } from './client/appBuilder';
import { PREVIEW_I18N_KEYS } from './client/i18n';
import { readComponentMeta, readLabels } from './server/metadata';
import { readTranslations } from '../scripts/validate/translations';

export const clientDir = path.join(__dirname, 'client');
export const clientLwcDir = path.join(clientDir, 'lwc');
export const previewOutDir = path.join(repoRoot, 'artifacts', 'preview');
export const bundleFile = path.join(previewOutDir, 'app.js');
export const manifestFile = path.join(previewOutDir, 'manifest.json');

const SHIMS: Record<string, string> = {
    'lightning/graphql': path.join(clientDir, 'shims', 'graphql.ts'),
    'lightning/navigation': path.join(clientDir, 'shims', 'navigation.ts'),
    'lightning/platformResourceLoader': path.join(clientDir, 'shims', 'platformResourceLoader.ts'),
    'lightning/platformShowToastEvent': path.join(clientDir, 'shims', 'platformShowToastEvent.ts'),
    'lightning/primitiveIcon': path.join(clientLwcDir, 'lightning', 'primitiveIcon', 'primitiveIcon.ts'),
};

const REGISTRY_ID = 'kpi-preview:registry';

export interface RegisteredBundle {
    /** Markup tag, e.g. `c-kpi-chart`. */
    tag: string;
    /** Module specifier, e.g. `c/kpiChart`. */
    specifier: string;
    source: 'force-app' | 'preview';
    meta?: ComponentMeta;
}

export interface PreviewManifest {
    builtAt: string;
    mode: 'production' | 'development';
    /** Segment of `/resource/<stamp>/<name>` URLs, like the platform's cache-busting timestamp. */
    resourceStamp: string;
    components: RegisteredBundle[];
}

export interface PreviewBuildResult {
    file: string;
    bytes: number;
    ms: number;
    manifest: PreviewManifest;
}

/** `kpiChart` → `kpi-chart`, as LWC maps module names to tags. */
export const tagName = (namespace: string, name: string): string =>
    `${namespace}-${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;

const rel = (file: string): string => path.relative(repoRoot, file);

/** The built `.js` of every force-app bundle; throws naming each bundle whose `.js` is missing or stale. */
export function forceAppModules(dir = lwcDir): { name: string; path: string; hasTemplate: boolean }[] {
    const stale: string[] = [];
    const modules = [];
    for (const bundle of listBundles(dir)) {
        const bundleDir = path.join(dir, bundle);
        for (const source of bundleSources(bundleDir)) {
            const built = source.replace(/\.ts$/, '.js');
            if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < fs.statSync(source).mtimeMs)
                stale.push(rel(built));
        }
        const entry = path.join(bundleDir, `${bundle}.js`);
        if (fs.existsSync(entry) || fs.existsSync(entry.replace(/\.js$/, '.ts'))) {
            modules.push({
                name: bundle,
                path: entry,
                hasTemplate: fs.existsSync(path.join(bundleDir, `${bundle}.html`)),
            });
        }
    }
    if (stale.length > 0) {
        throw new Error(`preview build: missing or older than their .ts: ${stale.join(', ')}; run npm run build first`);
    }
    return modules;
}

/** Every component (a bundle with a template) the preview can place on a page. */
export function collectComponents(): RegisteredBundle[] {
    const registered: RegisteredBundle[] = forceAppModules()
        .filter((module) => module.hasTemplate)
        .map((module) => ({
            tag: tagName('c', module.name),
            specifier: `c/${module.name}`,
            source: 'force-app' as const,
            meta: readComponentMeta(path.join(lwcDir, module.name)),
        }));
    const previewNamespaceDir = path.join(clientLwcDir, 'preview');
    for (const name of listBundles(previewNamespaceDir)) {
        const bundleDir = path.join(previewNamespaceDir, name);
        // The shell's own parts (app, bar, …) have no .js-meta.xml: only placeable demos are registered.
        const meta = readComponentMeta(bundleDir);
        if (meta)
            registered.push({ tag: tagName('preview', name), specifier: `preview/${name}`, source: 'preview', meta });
    }
    return registered;
}

function registrySource(components: RegisteredBundle[]): string {
    const imports = components.map((component, index) => `import C${index} from '${component.specifier}';`);
    const entries = components.map(
        (component, index) =>
            `${JSON.stringify(component.tag)}: { ctor: C${index}, source: ${JSON.stringify(component.source)}, meta: ${JSON.stringify(component.meta ?? null)} }`,
    );
    return `${imports.join('\n')}\nexport const components = {\n${entries.join(',\n')}\n};\n`;
}

function staticResourceExists(name: string): boolean {
    if (!fs.existsSync(staticResourcesDir)) return false;
    return fs.readdirSync(staticResourcesDir).some((file) => file.split('.')[0] === name);
}

/** The translations folder beside the labels folder (force-app/main/default/translations). */
export const translationsDir = path.join(path.dirname(path.dirname(labelsFile)), 'translations');

/** Language code → text, of one label across the languages read. */
export function labelTranslations(
    translations: Map<string, Map<string, string>>,
    name: string,
): Record<string, string> {
    const texts: Record<string, string> = {};
    for (const [language, byName] of translations) {
        const text = byName.get(name);
        if (text !== undefined) texts[language] = text;
    }
    return texts;
}

/**
 * A `@salesforce/label/c.<name>` module: the English value, or its translation into the viewer's language when there
 * is one (preview/client/labels.ts). A label without translations stays a constant, exactly as before.
 */
export function labelModule(english: string, translations: Record<string, string>): string {
    if (Object.keys(translations).length === 0) return `export default ${JSON.stringify(english)};`;
    const resolver = JSON.stringify(path.join(clientDir, 'labels.ts').split(path.sep).join('/'));
    return `import { labelValue } from ${resolver};\nexport default labelValue(${JSON.stringify(english)}, ${JSON.stringify(translations)});`;
}

/** Resolves the platform's scoped modules to the preview's implementations; everything else falls through to LWC. */
function previewModules(components: RegisteredBundle[], resourceStamp: string): Plugin {
    const labels = readLabels(labelsFile);
    const translations = readTranslations(translationsDir);
    const virtual = new Map<string, string>();
    const define = (id: string, code: string): string => {
        virtual.set(`\0${id}`, code);
        return `\0${id}`;
    };
    const importPath = (file: string): string => JSON.stringify(file.split(path.sep).join('/'));
    return {
        name: 'kpi-preview-modules',
        resolveId(source, importer) {
            if (SHIMS[source]) return SHIMS[source];
            if (source === REGISTRY_ID) return define(REGISTRY_ID, registrySource(components));
            const from = importer ? rel(importer.replace(/^\0/, '').split('?')[0]) : 'the entry';
            let match = /^@salesforce\/label\/c\.(\w+)$/.exec(source);
            if (match) {
                const value = labels.get(match[1]);
                if (value === undefined) this.error(`${from} imports ${source}, which is not in ${rel(labelsFile)}`);
                return define(`label:${match[1]}`, labelModule(value, labelTranslations(translations, match[1])));
            }
            match = /^@salesforce\/i18n\/(.+)$/.exec(source);
            if (match && PREVIEW_I18N_KEYS.includes(match[1])) {
                const code = `import { i18nValue } from ${importPath(path.join(clientDir, 'i18n.ts'))};\nexport default i18nValue(${JSON.stringify(match[1])});`;
                return define(`i18n:${match[1]}`, code);
            }
            if (source === '@salesforce/user/Id') {
                const code = `import { previewContext } from ${importPath(path.join(clientDir, 'context.ts'))};\nexport default previewContext().selection.userId;`;
                return define('user:Id', code);
            }
            if (source === '@salesforce/user/isGuest') return define('user:isGuest', 'export default false;');
            // lightning-base-components opens every gate; this one makes comboboxes call attachInternals, which
            // synthetic shadow (what Lightning Experience runs, and so the preview) does not support.
            if (source === '@salesforce/gate/bc.260.enableComboboxElementInternals') {
                return define('gate:comboboxInternals', 'export default { isOpen: () => false };');
            }
            match = /^@salesforce\/resourceUrl\/(\w+)$/.exec(source);
            if (match) {
                if (!staticResourceExists(match[1])) {
                    this.error(`${from} imports ${source}, but ${rel(staticResourcesDir)} has no resource ${match[1]}`);
                }
                return define(
                    `resource:${match[1]}`,
                    `export default ${JSON.stringify(`/resource/${resourceStamp}/${match[1]}`)};`,
                );
            }
            return null;
        },
        load(id) {
            return virtual.get(id) ?? null;
        },
        transform(code, id) {
            const file = id.split('?')[0];
            if (!file.endsWith('.ts') || file.includes(`${path.sep}node_modules${path.sep}`)) return null;
            return { code: transpileComponent(file, code), map: null };
        },
    };
}

export async function buildPreview(options: { mode?: 'production' | 'development' } = {}): Promise<PreviewBuildResult> {
    const started = Date.now();
    const mode = options.mode ?? 'production';
    const resourceStamp = String(started);
    const components = collectComponents();
    const aliases = forceAppModules().map((module) => ({ name: `c/${module.name}`, path: module.path }));
    const bundle = await rollup({
        input: path.join(clientDir, 'main.ts'),
        plugins: [
            previewModules(components, resourceStamp),
            replace({
                preventAssignment: true,
                values: { 'process.env.NODE_ENV': JSON.stringify(mode), 'import.meta.env.SSR': 'false' },
            }),
            lwc({
                rootDir: clientLwcDir,
                modules: [...aliases, { npm: 'lightning-base-components' }],
                enableDynamicComponents: false,
            }),
        ],
        onwarn(warning: RollupLog, warn) {
            // lightning-base-components has import cycles that are harmless at run time.
            if (warning.code === 'CIRCULAR_DEPENDENCY') return;
            // Its own templates trip compiler warnings (duplicate slots in lightning-card) that are not ours to fix.
            if (warning.id?.includes(`${path.sep}lightning-base-components${path.sep}`)) return;
            if (warning.code === 'UNRESOLVED_IMPORT') {
                throw new Error(`preview build: cannot resolve ${warning.exporter} imported by ${warning.id}`);
            }
            warn(warning);
        },
    });
    try {
        fs.mkdirSync(previewOutDir, { recursive: true });
        await bundle.write({ file: bundleFile, format: 'iife', inlineDynamicImports: true, sourcemap: false });
    } finally {
        await bundle.close();
    }
    const manifest: PreviewManifest = { builtAt: new Date(started).toISOString(), mode, resourceStamp, components };
    fs.writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
    return { file: bundleFile, bytes: fs.statSync(bundleFile).size, ms: Date.now() - started, manifest };
}

if (require.main === module) {
    const mode = process.argv.includes('--debug') ? 'development' : 'production';
    buildPreview({ mode })
        .then((result) => {
            const tags = result.manifest.components.map((component) => component.tag).join(', ');
            console.log(
                `preview bundle ${rel(result.file)}: ${(result.bytes / 1024).toFixed(0)} KB in ${result.ms} ms (${mode})`,
            );
            console.log(`components: ${tags}`);
        })
        .catch((error: unknown) => {
            console.error(error instanceof Error ? error.message : error);
            process.exit(1);
        });
}
