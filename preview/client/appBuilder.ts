/**
 * App Builder's view of a component: the properties its `.js-meta.xml` exposes per page type, and how an admin's
 * input becomes a property value. Pure: used by the preview server (to check page definitions) and by the property
 * form in the browser. https://developer.salesforce.com/docs/platform/lwc/guide/reference-configuration-tags.html
 */

/** The Lightning page types the preview renders, as named in `<target>`. */
export type PageTarget = 'lightning__HomePage' | 'lightning__AppPage' | 'lightning__RecordPage';

/** One `<property>` of a `<targetConfig>`. */
export interface MetaProperty {
    name: string;
    type: string;
    label: string;
    description?: string;
    default?: string;
    required: boolean;
    /** Integer only. */
    min?: number;
    max?: number;
    /** Picklist values from a comma-separated `datasource`; Apex data sources are not supported in the preview. */
    datasource?: string[];
    placeholder?: string;
}

export interface MetaTargetConfig {
    targets: string[];
    /** Record pages only: the objects the component may be placed on (empty = any). */
    objects: string[];
    properties: MetaProperty[];
}

/** What a bundle's `.js-meta.xml` says about where and how it can be placed. */
export interface ComponentMeta {
    apiVersion?: string;
    exposed: boolean;
    masterLabel?: string;
    description?: string;
    targets: string[];
    targetConfigs: MetaTargetConfig[];
}

export type PropertyValue = string | number | boolean;

/** App Builder supports these `type`s on Lightning pages; others are rejected when the page is read. */
export const SUPPORTED_PROPERTY_TYPES = ['String', 'Integer', 'Boolean', 'Color'] as const;

/** Can the component be dropped on this page type (and record object)? */
export function isPlaceable(meta: ComponentMeta, target: PageTarget, objectApiName?: string): boolean {
    if (!meta.exposed || !meta.targets.includes(target)) return false;
    if (target !== 'lightning__RecordPage' || !objectApiName) return true;
    const config = meta.targetConfigs.find((c) => c.targets.includes(target));
    return !config || config.objects.length === 0 || config.objects.includes(objectApiName);
}

/** The properties App Builder shows for the component on this page type. */
export function propertiesFor(meta: ComponentMeta, target: PageTarget): MetaProperty[] {
    return meta.targetConfigs.find((config) => config.targets.includes(target))?.properties ?? [];
}

export type ParseResult = { ok: true; value: PropertyValue | undefined } | { ok: false; message: string };

/**
 * Turns what an admin typed (or a page definition holds) into the value the component receives, or says why not.
 * An empty optional value means "not set" (`undefined`), as when an admin clears a field in App Builder.
 */
export function parsePropertyValue(property: MetaProperty, input: unknown): ParseResult {
    const fail = (problem: string): ParseResult => ({
        ok: false,
        message: `${property.label} (${property.name}): ${problem}`,
    });
    if (input === undefined || input === null || input === '') {
        return property.required && property.type !== 'Boolean' ? fail('is required') : { ok: true, value: undefined };
    }
    switch (property.type) {
        case 'Boolean': {
            if (typeof input === 'boolean') return { ok: true, value: input };
            if (input === 'true' || input === 'false') return { ok: true, value: input === 'true' };
            return fail(`expects true or false, got ${JSON.stringify(input)}`);
        }
        case 'Integer': {
            const text = String(input).trim();
            if (!/^-?\d+$/.test(text)) return fail(`expects a whole number, got ${JSON.stringify(input)}`);
            const value = Number(text);
            if (property.min !== undefined && value < property.min) return fail(`must be at least ${property.min}`);
            if (property.max !== undefined && value > property.max) return fail(`must be at most ${property.max}`);
            return { ok: true, value };
        }
        case 'String':
        case 'Color': {
            if (typeof input !== 'string') return fail(`expects text, got ${JSON.stringify(input)}`);
            if (property.datasource && !property.datasource.includes(input)) {
                return fail(`must be one of ${property.datasource.join(', ')}; got ${JSON.stringify(input)}`);
            }
            return { ok: true, value: input };
        }
        default:
            return fail(`type ${property.type} is not supported by the preview`);
    }
}

/** Property values a freshly dropped component gets: App Builder writes each `default` into the page. */
export function defaultValues(properties: readonly MetaProperty[]): Record<string, PropertyValue> {
    const values: Record<string, PropertyValue> = {};
    for (const property of properties) {
        if (property.default === undefined) continue;
        const parsed = parsePropertyValue(property, property.default);
        if (parsed.ok && parsed.value !== undefined) values[property.name] = parsed.value;
    }
    return values;
}
