/**
 * Reads the metadata the preview needs from source: custom labels and each bundle's `.js-meta.xml`.
 * https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_customlabels.htm
 * https://developer.salesforce.com/docs/platform/lwc/guide/reference-configuration-tags.html
 */
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { ComponentMeta, MetaProperty, MetaTargetConfig } from '../client/appBuilder';

const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    isArray: (name) => ['labels', 'target', 'targetConfig', 'property', 'object'].includes(name),
});

type Node = Record<string, unknown>;

const asNodes = (value: unknown): Node[] => (Array.isArray(value) ? (value as Node[]) : []);
const asText = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Label name → value from CustomLabels.labels-meta.xml; a missing file has no labels. */
export function readLabels(file: string): Map<string, string> {
    const labels = new Map<string, string>();
    if (!fs.existsSync(file)) return labels;
    const root = parser.parse(fs.readFileSync(file, 'utf8')) as Node;
    const customLabels = root.CustomLabels as Node | undefined;
    if (!customLabels) throw new Error(`${file}: expected a <CustomLabels> root element`);
    for (const label of asNodes(customLabels.labels)) {
        const name = asText(label.fullName);
        const value = asText(label.value);
        if (!name) throw new Error(`${file}: a <labels> entry has no <fullName>`);
        if (value === undefined) throw new Error(`${file}: label ${name} has no <value>`);
        labels.set(name, value);
    }
    return labels;
}

function parseProperty(node: Node, file: string): MetaProperty {
    const name = asText(node.name);
    const type = asText(node.type);
    if (!name || !type) throw new Error(`${file}: every <property> needs name and type`);
    const number = (attribute: string): number | undefined => {
        const text = asText(node[attribute]);
        if (text === undefined) return undefined;
        const value = Number(text);
        if (!Number.isFinite(value))
            throw new Error(`${file}: property ${name} has a non-numeric ${attribute}="${text}"`);
        return value;
    };
    const datasource = asText(node.datasource);
    return {
        name,
        type,
        label: asText(node.label) ?? name,
        description: asText(node.description),
        default: asText(node.default),
        required: asText(node.required) === 'true',
        min: number('min'),
        max: number('max'),
        // Apex data sources (apex://Class) need an org; the preview offers a text field for them instead.
        datasource:
            datasource && !datasource.startsWith('apex://')
                ? datasource.split(',').map((value) => value.trim())
                : undefined,
        placeholder: asText(node.placeholder),
    };
}

export function parseComponentMeta(xml: string, file: string): ComponentMeta {
    const root = (parser.parse(xml) as Node).LightningComponentBundle as Node | undefined;
    if (!root) throw new Error(`${file}: expected a <LightningComponentBundle> root element`);
    const targetConfigs: MetaTargetConfig[] = asNodes((root.targetConfigs as Node | undefined)?.targetConfig).map(
        (config) => ({
            targets: (asText(config.targets) ?? '').split(',').map((target) => target.trim()),
            objects: asNodes((config.objects as Node | undefined)?.object).map((object) => String(object)),
            properties: asNodes(config.property).map((property) => parseProperty(property, file)),
        }),
    );
    return {
        apiVersion: asText(root.apiVersion),
        exposed: asText(root.isExposed) === 'true',
        masterLabel: asText(root.masterLabel),
        description: asText(root.description),
        targets: asNodes((root.targets as Node | undefined)?.target).map((target) => String(target)),
        targetConfigs,
    };
}

export function readComponentMeta(bundleDir: string): ComponentMeta | undefined {
    const file = path.join(bundleDir, `${path.basename(bundleDir)}.js-meta.xml`);
    return fs.existsSync(file) ? parseComponentMeta(fs.readFileSync(file, 'utf8'), file) : undefined;
}
