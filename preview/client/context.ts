/**
 * What the preview server tells the page it renders: the running user and their locale settings, the page, the
 * sample org's users for the bar. Embedded in the HTML as JSON; read once, like the platform's per-page context.
 */
import type { PageDefinition, UserKind } from '../pages/types';

export type DatasetSize = '1k' | '20k' | '100k' | '1m';

export interface PreviewUser {
    id: string;
    name: string;
    kind: UserKind | 'other';
    profile: string;
    role?: string;
    isActive: boolean;
}

/** The preview bar's choices; sent with every GraphQL request as the viewer. */
export interface PreviewSelection {
    userId: string;
    locale: string;
    currency: string;
    timeZone: string;
    dataset: DatasetSize;
}

export interface PageReference {
    type: string;
    attributes?: Record<string, unknown>;
    state?: Record<string, string | undefined>;
}

export interface Choice {
    value: string;
    label: string;
}

export interface PreviewTab {
    id: string;
    label: string;
    url: string;
    active: boolean;
}

export interface PreviewContext {
    selection: PreviewSelection;
    user: PreviewUser;
    /** The page to render; generated views (a record without a page, a list) get a synthesized definition. */
    page: PageDefinition;
    pageReference: PageReference;
    recordId?: string;
    objectApiName?: string;
    tabs: PreviewTab[];
    users: PreviewUser[];
    choices: { locales: Choice[]; currencies: Choice[]; timeZones: Choice[]; datasets: Choice[] };
    /** What the running user can see, in a sentence (sharing and field-level security of the engine). */
    accessNote: string;
    /** Problems in page definitions, shown on the page instead of a silently missing component. */
    problems: string[];
}

/** Request headers that carry the viewer to `POST /graphql`. */
export const VIEWER_HEADERS = {
    userId: 'x-kpi-user-id',
    locale: 'x-kpi-locale',
    currency: 'x-kpi-currency',
    timeZone: 'x-kpi-time-zone',
    dataset: 'x-kpi-dataset',
} as const satisfies Record<keyof PreviewSelection, string>;

export const CONTEXT_ELEMENT_ID = 'kpi-preview-context';

let cached: PreviewContext | undefined;

export function previewContext(): PreviewContext {
    if (!cached) {
        const element = document.getElementById(CONTEXT_ELEMENT_ID);
        if (!element?.textContent) throw new Error(`preview: #${CONTEXT_ELEMENT_ID} is missing from the page`);
        cached = JSON.parse(element.textContent) as PreviewContext;
    }
    return cached;
}
