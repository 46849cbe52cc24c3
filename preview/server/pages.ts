/**
 * Page definitions (preview/pages, one file per page) and the checks App Builder would make when saving them:
 * known component, placeable on the page type, known properties with valid values, regions of the template.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isPlaceable, parsePropertyValue, propertiesFor, type PageTarget } from '../client/appBuilder';
import { PAGE_TEMPLATES, type PageDefinition, type PageType } from '../pages/types';
import type { RegisteredBundle } from '../build';

export const pagesDir = path.join(__dirname, '..', 'pages');

export const PAGE_TARGETS: Record<PageType, PageTarget> = {
    home: 'lightning__HomePage',
    app: 'lightning__AppPage',
    record: 'lightning__RecordPage',
};

/** Every `preview/pages/*.ts` but the types, each default-exporting one page; sorted by `order`. */
export function loadPages(dir = pagesDir): PageDefinition[] {
    const pages: PageDefinition[] = [];
    for (const file of fs.readdirSync(dir).sort()) {
        if (!file.endsWith('.ts') || file === 'types.ts' || file.endsWith('.d.ts')) continue;
        const full = path.join(dir, file);
        const page = (require(full) as { default?: PageDefinition }).default;
        if (!page || typeof page !== 'object' || typeof page.id !== 'string') {
            throw new Error(`${full}: expected a default export of a PageDefinition`);
        }
        pages.push(page);
    }
    const ids = new Set<string>();
    for (const page of pages) {
        if (ids.has(page.id)) throw new Error(`preview/pages: two pages have the id "${page.id}"`);
        ids.add(page.id);
    }
    return pages.sort((a, b) => a.order - b.order);
}

/** What App Builder would refuse to save, one message per problem, each naming the page and the component. */
export function checkPage(page: PageDefinition, components: readonly RegisteredBundle[]): string[] {
    const problems: string[] = [];
    const where = `page "${page.id}"`;
    const target = PAGE_TARGETS[page.type];
    if (!target) return [`${where}: unknown type ${JSON.stringify(page.type)} (home, app or record)`];
    if (page.type === 'app' && !page.apiName) problems.push(`${where}: app pages need an apiName`);
    if (page.type === 'record' && !page.objectApiName) problems.push(`${where}: record pages need an objectApiName`);
    const regionNames: readonly string[] = PAGE_TEMPLATES[page.template] ?? [];
    if (regionNames.length === 0) problems.push(`${where}: unknown template ${JSON.stringify(page.template)}`);
    for (const region of page.regions) {
        if (regionNames.length > 0 && !regionNames.includes(region.name)) {
            problems.push(
                `${where}: template ${page.template} has no region "${region.name}" (${regionNames.join(', ')})`,
            );
        }
        region.components.forEach((instance, index) => {
            const at = `${where}, region ${region.name}, component ${index + 1} (${instance.component})`;
            const registered = components.find((component) => component.tag === instance.component);
            if (!registered) {
                problems.push(`${at}: not in the preview bundle; known: ${components.map((c) => c.tag).join(', ')}`);
                return;
            }
            if (!registered.meta || !isPlaceable(registered.meta, target, page.objectApiName)) {
                problems.push(
                    `${at}: its .js-meta.xml does not expose it to ${target}${page.objectApiName ? ` for ${page.objectApiName}` : ''}`,
                );
                return;
            }
            const properties = propertiesFor(registered.meta, target);
            for (const [name, value] of Object.entries(instance.properties ?? {})) {
                const property = properties.find((candidate) => candidate.name === name);
                if (!property) {
                    const known = properties.map((candidate) => candidate.name).join(', ') || 'none';
                    problems.push(`${at}: no App Builder property "${name}" for ${target} (known: ${known})`);
                    continue;
                }
                const parsed = parsePropertyValue(property, value);
                if (!parsed.ok) problems.push(`${at}: ${parsed.message}`);
            }
        });
    }
    return problems;
}
