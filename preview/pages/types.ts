/**
 * A Lightning page of the preview, the way App Builder stores one: a template with regions, each a list of
 * components with their property values. One page per file in this folder; the server reads every file.
 */
import type { PropertyValue } from '../client/appBuilder';

export type PageType = 'home' | 'app' | 'record';

/** Which kind of sample-org user a page opens as, until the preview bar picks someone else. */
export type UserKind = 'rep' | 'salesManager' | 'serviceAgent' | 'serviceManager' | 'admin';

/** Layouts after App Builder's standard templates; each names the regions it has. */
export const PAGE_TEMPLATES = {
    /** "One Region". */
    oneRegion: ['main'],
    /** "Header and Right Sidebar" (Home pages and record pages). */
    headerAndRightSidebar: ['header', 'main', 'sidebar'],
    /** "Header and Two Equal Regions". */
    headerAndTwoRegions: ['header', 'left', 'right'],
} as const;

export type PageTemplate = keyof typeof PAGE_TEMPLATES;

export interface ComponentInstance {
    /** Tag name as written in markup: `c-kpi-chart`, or `preview-chart-demo` for the preview's own demos. */
    component: string;
    /** App Builder property values; properties left out get the `default` from the `.js-meta.xml`. */
    properties?: Record<string, PropertyValue>;
}

export interface RegionDefinition {
    name: string;
    components: ComponentInstance[];
}

export interface PageDefinition {
    /** URL-safe id, unique across pages. */
    id: string;
    /** Tab label. */
    label: string;
    type: PageType;
    /** App pages: the API name in `/lightning/n/<apiName>`. */
    apiName?: string;
    /** Record pages: the object whose records the page shows. */
    objectApiName?: string;
    /** Who the page is for, in a sentence; shown in the page header. */
    description: string;
    defaultUser: UserKind;
    /** Tab order. */
    order: number;
    template: PageTemplate;
    regions: RegionDefinition[];
}

/** The property values of the first `component` placed on a page (benchmarks run with them); fails when none is. */
export function placedProperties(page: PageDefinition, component: string): Record<string, PropertyValue> {
    const instance = page.regions
        .flatMap((region) => region.components)
        .find((candidate) => candidate.component === component);
    if (!instance) throw new Error(`preview/pages: page ${page.id} places no ${component}`);
    return instance.properties ?? {};
}
