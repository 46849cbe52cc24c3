/**
 * `npm run validate:metadata`: the checks the platform would otherwise make only at deploy time (or never), on every
 * `*.js-meta.xml`, the custom labels file, the static resources and the list views of the package directories:
 * well-formed XML, API version, what App Builder shows (labels, descriptions, property types, defaults), the `kpi`
 * prefix, that every `@salesforce/label/c.X` and `@salesforce/resourceUrl/X` import names something that exists, and
 * that every drill-down of the KPI catalog and the leaderboard names a packaged list view of its object.
 */
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { KPI_CATALOG, drillDownNote } from '../../force-app/main/default/lwc/kpiCatalog/kpiCatalog';
import { lwcDir } from '../lib/paths';
import { packageDirs } from '../lib/sf';
import { citationOf, citedTokensByObject } from './listViewTokens';
import { displayPath, listBundleDirs } from './compile';
import { checkTranslations, requiredLanguages } from './translations';

export interface MetaProblem {
    file: string;
    message: string;
}

export const minApiVersion = 65;

/** Element paths that hold lists even when a file has one entry. */
const listPaths = new Set([
    'LightningComponentBundle.targets.target',
    'LightningComponentBundle.targetConfigs.targetConfig',
    'LightningComponentBundle.targetConfigs.targetConfig.property',
    'CustomLabels.labels',
    'ListView.columns',
    'ListView.filters',
]);

const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    isArray: (_name, jpath) => listPaths.has(String(jpath)),
});

type XmlNode = Record<string, unknown>;

/** Parses after validating, so a malformed file yields one problem with its line instead of a half-read tree. */
export function parseXml(file: string, text: string): { doc?: XmlNode; problem?: MetaProblem } {
    const valid = XMLValidator.validate(text);
    if (valid !== true) {
        const { msg, line, col } = valid.err;
        return { problem: { file, message: `malformed XML at line ${line}, column ${col}: ${msg}` } };
    }
    return { doc: parser.parse(text) as XmlNode };
}

const text = (value: unknown): string | undefined => {
    if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
    if (value && typeof value === 'object' && '#text' in value) return text((value as XmlNode)['#text']);
    return undefined;
};

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

/**
 * Bundle and resource names: `kpi` first (the package installs into the org's shared `c` namespace), then what the
 * platform allows for component folders: letters, digits, single underscores, no trailing underscore
 * (https://developer.salesforce.com/docs/platform/lwc/guide/create-components-folder.html).
 */
export function nameProblem(kind: string, name: string): string | undefined {
    if (!name.startsWith('kpi')) return `${kind} name "${name}" must start with "kpi"`;
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name) || name.includes('__') || name.endsWith('_')) {
        return `${kind} name "${name}" may hold only letters, digits and single underscores, not ending in "_"`;
    }
    return undefined;
}

/**
 * Public property names the LWC compiler rejects (LWC1107 data*, LWC1108 on*, LWC1110 reserved, LWC1109 ambiguous)
 * plus `aria*`, which https://lwc.dev/guide/javascript ("JavaScript Property Names") also rules out.
 */
export function propertyNameProblem(name: string): string | undefined {
    if (name.startsWith('on')) return `must not start with "on" (reserved for event handlers, LWC1108)`;
    if (name.startsWith('data') && name.length > 4) return `must not start with "data" (data-* attributes, LWC1107)`;
    if (name.startsWith('aria')) return `must not start with "aria" (ARIA attributes)`;
    if (['is', 'class', 'slot', 'style', 'part'].includes(name)) return `"${name}" is a reserved attribute (LWC1110)`;
    const ambiguous: Record<string, string> = {
        bgcolor: 'bgColor',
        accesskey: 'accessKey',
        contenteditable: 'contentEditable',
        tabindex: 'tabIndex',
        maxlength: 'maxLength',
        maxvalue: 'maxValue',
    };
    if (ambiguous[name]) return `is ambiguous, use "${ambiguous[name]}" (LWC1109)`;
    if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name)) return `is not a JavaScript identifier`;
    return undefined;
}

/**
 * Property types per target. Boolean, Integer and String are valid for all targets (each target's page in the LWC
 * guide, e.g. https://developer.salesforce.com/docs/platform/lwc/guide/targets-lightning-app-page.html); Experience
 * Builder adds Color (Experience Cloud LWR guide, "Create Components for LWR Sites"); flow screens add Date, DateTime,
 * sObject and Apex types (https://developer.salesforce.com/docs/platform/lwc/guide/use-flow-data-types.html).
 */
const typesForAllTargets = ['Boolean', 'Integer', 'String'];
const extraTypesByTarget: Record<string, string[]> = {
    lightningCommunity__Default: ['Color'],
    lightning__FlowScreen: ['Date', 'DateTime'],
};
const flowTypePattern = /^(?:apex:\/\/\w+|@salesforce\/schema\/\w+|\{\w+\}|[A-Z]\w*)(?:\[\])?$/;

export function typeAllowed(type: string, target: string): boolean {
    if (typesForAllTargets.includes(type) || extraTypesByTarget[target]?.includes(type)) return true;
    if (target === 'lightning__FlowScreen' || target === 'lightning__FlowAction') return flowTypePattern.test(type);
    return false;
}

const integerPattern = /^-?\d+$/;

/** Static picklist values; `apex://Class` datasources are dynamic and have none. */
export function datasourceValues(datasource: string): string[] | undefined {
    if (datasource.startsWith('apex://')) return undefined;
    return datasource.split(',').map((value) => value.trim());
}

export interface PropertyContext {
    file: string;
    targets: string[];
    /** `@api` names found in the bundle's source; undefined when the source could not be read. */
    apiNames?: Set<string>;
    /** The `c/` module the component's class extends, if any (its `@api` fields do not count). */
    baseModule?: string;
    /** Label names of the labels file, to resolve `{!$Label.c.X}` in label and description. */
    labels?: Set<string>;
}

/**
 * One `<property>` of a targetConfig. Attribute rules from the XML configuration reference
 * (https://developer.salesforce.com/docs/platform/lwc/guide/reference-configuration-tags.html): min and max only for
 * Integer, datasource and placeholder only for String, name must match a public property of the component's class.
 */
export function checkProperty(attrs: XmlNode, context: PropertyContext): MetaProblem[] {
    const problems: MetaProblem[] = [];
    const name = text(attrs.name);
    const at = name ? `property "${name}"` : 'a property without a name';
    const report = (message: string): void => {
        problems.push({ file: context.file, message: `${at}: ${message}` });
    };
    if (!name) report('needs a name');
    else {
        const nameIssue = propertyNameProblem(name);
        if (nameIssue) report(`name ${nameIssue}`);
        if (context.apiNames && !context.apiNames.has(name)) {
            const inherited = context.baseModule
                ? ` (an @api field inherited from ${context.baseModule} does not count: the platform's deploy check of` +
                  " js-meta.xml properties reads only the component's own class, forcedotcom/cli#3339)"
                : '';
            report(`has no matching @api property in the component${inherited}`);
        }
    }
    for (const attribute of ['label', 'description']) {
        const value = text(attrs[attribute]);
        if (!value) report(`needs a ${attribute} (App Builder shows it to admins)`);
        else checkLabelReference(value, attribute, context.labels, report);
    }
    const type = text(attrs.type);
    if (!type) report('needs a type');
    else {
        for (const target of context.targets) {
            if (!typeAllowed(type, target)) report(`type "${type}" is not valid for target ${target}`);
        }
    }
    const min = text(attrs.min);
    const max = text(attrs.max);
    for (const [attribute, value] of [
        ['min', min],
        ['max', max],
    ] as const) {
        if (value === undefined) continue;
        if (type !== 'Integer') report(`${attribute} is only valid for type Integer`);
        if (!integerPattern.test(value)) report(`${attribute} "${value}" is not an integer`);
    }
    if (min !== undefined && max !== undefined && Number(min) > Number(max)) report(`min ${min} is above max ${max}`);
    const datasource = text(attrs.datasource);
    const choices = datasource === undefined ? undefined : datasourceValues(datasource);
    if (datasource !== undefined && type !== 'String') report('datasource is only valid for type String');
    if (choices?.some((choice) => choice === '')) report(`datasource "${datasource}" has an empty value`);
    if (text(attrs.placeholder) !== undefined && type !== 'String') report('placeholder is only valid for type String');
    const required = text(attrs.required);
    if (required !== undefined && required !== 'true' && required !== 'false') {
        report(`required must be true or false, not "${required}"`);
    }
    const fallback = attrs.default === undefined ? undefined : String(attrs.default);
    if (fallback !== undefined && type) {
        const issue = defaultProblem(fallback, type, min, max, choices);
        if (issue) report(issue);
    }
    return problems;
}

export function defaultProblem(
    value: string,
    type: string,
    min?: string,
    max?: string,
    choices?: string[],
): string | undefined {
    switch (type) {
        case 'Boolean':
            return value === 'true' || value === 'false' ? undefined : `default "${value}" is not true or false`;
        case 'Integer': {
            if (!integerPattern.test(value)) return `default "${value}" is not an integer`;
            if (min !== undefined && Number(value) < Number(min)) return `default ${value} is below min ${min}`;
            if (max !== undefined && Number(value) > Number(max)) return `default ${value} is above max ${max}`;
            return undefined;
        }
        case 'String':
            return choices && !choices.includes(value)
                ? `default "${value}" is not one of the datasource values ${choices.join(', ')}`
                : undefined;
        case 'Date':
            return /^\d{4}-\d{2}-\d{2}$/.test(value) ? undefined : `default "${value}" is not a YYYY-MM-DD date`;
        case 'DateTime':
            return Number.isNaN(Date.parse(value)) ? `default "${value}" is not a date-time` : undefined;
        default:
            return undefined;
    }
}

function checkLabelReference(
    value: string,
    what: string,
    labels: Set<string> | undefined,
    report: (message: string) => void,
): void {
    const match = /^\{!\$Label\.c\.(\w+)\}$/.exec(value);
    if (match && labels && !labels.has(match[1]))
        report(`${what} names custom label ${match[1]}, which does not exist`);
}

/** Public property names declared in a component's source: `@api name`, `@api get name()`, `@api accessor name`. */
export function apiPropertyNames(source: string): Set<string> {
    const names = new Set<string>();
    const pattern = /@api\s+(?:(?:get|set|accessor|static|readonly|declare)\s+)*([A-Za-z_$][\w$]*)/g;
    for (const match of source.matchAll(pattern)) names.add(match[1]);
    return names;
}

/**
 * The `c/` module whose default export the component's default class extends. Deliberately not followed into:
 * deploying a bundle whose js-meta.xml names an `@api` field declared only in such a base class fails on the server
 * (https://github.com/forcedotcom/cli/issues/3339, reproduced through the Metadata API by the CLI team).
 */
export function baseComponentModule(source: string): string | undefined {
    const base = /export\s+default\s+(?:abstract\s+)?class\s+\w*\s*extends\s+([A-Za-z_$][\w$]*)/.exec(source)?.[1];
    if (!base) return undefined;
    const imports = source.matchAll(/import\s+([A-Za-z_$][\w$]*)\s*(?:,\s*\{[^}]*\})?\s+from\s+['"](c\/\w+)['"]/g);
    return [...imports].find((match) => match[1] === base)?.[2];
}

export interface BundleMetaInput {
    file: string;
    text: string;
    /** The bundle's main module (TypeScript source, or built JavaScript when there is no .ts). */
    source?: string;
    labels?: Set<string>;
}

export function checkBundleMeta({ file, text: xml, source, labels }: BundleMetaInput): MetaProblem[] {
    const { doc, problem } = parseXml(file, xml);
    if (problem) return [problem];
    const problems: MetaProblem[] = [];
    const report = (message: string): void => {
        problems.push({ file, message });
    };
    const root = doc?.LightningComponentBundle as XmlNode | undefined;
    if (!root || typeof root !== 'object')
        return [{ file, message: 'root element must be <LightningComponentBundle>' }];

    const apiVersion = text(root.apiVersion);
    if (!apiVersion) report('needs <apiVersion>');
    else if (!(Number(apiVersion) >= minApiVersion)) {
        report(`apiVersion ${apiVersion} is below ${minApiVersion.toFixed(1)} (lightning/graphql needs 65.0)`);
    }
    const exposed = text(root.isExposed);
    if (exposed !== undefined && exposed !== 'true' && exposed !== 'false') {
        report(`isExposed must be true or false, not "${exposed}"`);
    }
    const targets = list((root.targets as XmlNode | undefined)?.target)
        .map(text)
        .filter((target): target is string => target !== undefined);
    if (exposed === 'true') {
        for (const element of ['masterLabel', 'description']) {
            const value = text(root[element]);
            if (!value) report(`an exposed component needs <${element}> (App Builder shows it)`);
            else checkLabelReference(value, element, labels, report);
        }
        if (targets.length === 0) report('an exposed component needs at least one <target>');
    }
    const apiNames = source === undefined ? undefined : apiPropertyNames(source);
    const baseModule = source === undefined ? undefined : baseComponentModule(source);
    const configs = list((root.targetConfigs as XmlNode | undefined)?.targetConfig) as XmlNode[];
    for (const config of configs) {
        const configTargets = (text(config.targets) ?? '')
            .split(',')
            .map((target) => target.trim())
            .filter(Boolean);
        if (configTargets.length === 0) report('a <targetConfig> needs a targets attribute');
        for (const target of configTargets) {
            if (!targets.includes(target)) report(`targetConfig target ${target} is not listed in <targets>`);
        }
        const seen = new Set<string>();
        for (const property of list(config.property) as XmlNode[]) {
            const name = text(property.name);
            if (name && seen.has(name)) report(`property "${name}" is declared twice in one targetConfig`);
            if (name) seen.add(name);
            problems.push(...checkProperty(property, { file, targets: configTargets, apiNames, baseModule, labels }));
        }
    }
    return problems;
}

/**
 * The labels file: every label complete and unprotected (an unmanaged package has no use for protected labels), with
 * the required fields and the 1,000-character value limit of
 * https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_customlabels.htm.
 */
export function checkLabelsFile(file: string, xml: string): { problems: MetaProblem[]; names: Set<string> } {
    const names = new Set<string>();
    const { doc, problem } = parseXml(file, xml);
    if (problem) return { problems: [problem], names };
    const problems: MetaProblem[] = [];
    const root = doc?.CustomLabels as XmlNode | undefined;
    if (!root || typeof root !== 'object') {
        return { problems: [{ file, message: 'root element must be <CustomLabels>' }], names };
    }
    (list(root.labels) as XmlNode[]).forEach((label, index) => {
        const fullName = text(label.fullName);
        const at = fullName ? `label ${fullName}` : `label #${index + 1}`;
        const report = (message: string): void => {
            problems.push({ file, message: `${at}: ${message}` });
        };
        if (!fullName) report('needs a <fullName>');
        else {
            const issue = nameProblem('label', fullName);
            if (issue) report(issue);
            if (names.has(fullName)) report('is defined twice');
            names.add(fullName);
        }
        for (const element of ['value', 'shortDescription', 'language']) {
            if (!text(label[element])) report(`needs a <${element}>`);
        }
        const value = text(label.value);
        if (value && value.length > 1000) report(`value is ${value.length} characters, above the 1,000 limit`);
        const isProtected = text(label.protected);
        if (isProtected !== 'false') report(`<protected> must be false, not ${isProtected ?? 'missing'}`);
    });
    return { problems, names };
}

/** Names imported as `@salesforce/label/c.X` (also in jest.mock or dynamic import strings). */
export function labelReferences(source: string): string[] {
    return [...source.matchAll(/['"`]@salesforce\/label\/c\.([A-Za-z0-9_]+)['"`]/g)].map((match) => match[1]);
}

export function resourceReferences(source: string): string[] {
    return [...source.matchAll(/['"`]@salesforce\/resourceUrl\/([A-Za-z0-9_]+)['"`]/g)].map((match) => match[1]);
}

/**
 * Columns and filter fields per object that a citation allows (scripts/validate/listViewTokens.ts); the preview maps
 * each of them to a field (preview/server/listViews.ts TOKEN_FIELDS).
 */
export const LIST_VIEW_TOKENS: Readonly<Record<string, readonly string[]>> = citedTokensByObject();

const CITATIONS_FILE = 'scripts/validate/listViewTokens.ts';

/**
 * A custom field goes by its API name: the ListView page documents columns as "The field name relative to the object
 * name, for example MyCustomField__c". Its filters need a citation like any other.
 */
function columnProblem(object: string, token: string): string | undefined {
    if (token.endsWith('__c') || citationOf('column', token, object)) return undefined;
    return `column "${token}" has no citation for ${object} (${CITATIONS_FILE})`;
}

/** ListViewFilter.operation values (FilterOperation in the ListView reference above). */
export const FILTER_OPERATIONS = [
    'equals',
    'notEqual',
    'lessThan',
    'greaterThan',
    'lessOrEqual',
    'greaterOrEqual',
    'contains',
    'notContain',
    'startsWith',
    'includes',
    'excludes',
    'within',
];

/** Labels users see in the list view picker: plain text (ListView has no custom-label reference), kept recognisable. */
export const LIST_VIEW_LABEL_PREFIX = 'KPI: ';

/**
 * One `objects/<Object>/listViews/<name>.listView-meta.xml`: kpi-prefixed name equal to its fullName, a `KPI: ` label,
 * the required filterScope, and columns, filter fields, filter values and filterScope that each have a citation
 * (scripts/validate/listViewTokens.ts), known operations, and booleanFilter numbers that exist.
 */
export function checkListView(file: string, xml: string, object: string): MetaProblem[] {
    const name = path.basename(file, '.listView-meta.xml');
    const problems: MetaProblem[] = [];
    const report = (message: string): void => {
        problems.push({ file, message: `list view ${object}.${name}: ${message}` });
    };
    const nameIssue = nameProblem('list view', name);
    if (nameIssue) report(nameIssue);
    const { doc, problem } = parseXml(file, xml);
    if (problem) return [...problems, problem];
    const root = doc?.ListView as XmlNode | undefined;
    if (!root || typeof root !== 'object') return [...problems, { file, message: 'root element must be <ListView>' }];
    const fullName = text(root.fullName);
    if (fullName !== name) report(`<fullName> is ${fullName ? `"${fullName}"` : 'missing'}, expected "${name}"`);
    const label = text(root.label);
    // Values are trimmed, so a bare "KPI: " arrives as "KPI:" and fails the prefix test too.
    if (!label) report('needs a <label>');
    else if (!label.startsWith(LIST_VIEW_LABEL_PREFIX)) {
        report(`label "${label}" must start with "${LIST_VIEW_LABEL_PREFIX}" and name the view`);
    }
    const scope = text(root.filterScope);
    if (!scope) report('needs a <filterScope> (required)');
    else if (!citationOf('filterScope', scope)) report(`filterScope "${scope}" has no citation (${CITATIONS_FILE})`);
    for (const column of list(root.columns).map(text)) {
        const issue = column === undefined ? 'has an empty <columns>' : columnProblem(object, column);
        if (issue) report(issue);
    }
    const filters = list(root.filters) as XmlNode[];
    filters.forEach((filter, index) => {
        const at = `filter ${index + 1}`;
        const field = text(filter.field);
        const operation = text(filter.operation);
        const value = text(filter.value);
        const cited = field ? citationOf('filterField', field, object) : undefined;
        if (!field) report(`${at} needs a <field>`);
        else if (!cited) report(`${at} field "${field}" has no citation for ${object} (${CITATIONS_FILE})`);
        if (value === undefined) report(`${at} needs a <value>`);
        else if (cited && !citationOf('filterValue', value, object, cited.kind)) {
            report(`${at} value "${value}" has no citation as a ${cited.kind} filter value (${CITATIONS_FILE})`);
        }
        if (!operation || !FILTER_OPERATIONS.includes(operation)) {
            report(
                `${at} operation ${operation ? `"${operation}"` : 'is missing'}; one of ${FILTER_OPERATIONS.join(', ')}`,
            );
        }
    });
    const logic = text(root.booleanFilter);
    for (const number of logic?.match(/\d+/g) ?? []) {
        if (Number(number) < 1 || Number(number) > filters.length) {
            report(`booleanFilter "${logic}" names filter ${number}, but there are ${filters.length}`);
        }
    }
    return problems;
}

/** A drill-down a component navigates to, and the source file that declares it (for the message). */
export interface DrillDownRef {
    owner: string;
    file: string;
    object: string;
    listView: string;
    /** The custom label the tile shows beside the link when the list holds more or other records (kpiCatalog). */
    note?: string;
}

/** Every drill-down the package navigates to: the catalog's KPIs (the leaderboard ranks catalog KPIs only). */
export function packagedDrillDowns(): DrillDownRef[] {
    const catalogFile = path.join(lwcDir, 'kpiCatalog', 'kpiCatalog.ts');
    return KPI_CATALOG.map((kpi) => ({
        owner: `KPI ${kpi.id}`,
        file: catalogFile,
        object: kpi.drillDown.object,
        listView: kpi.drillDown.listView,
        note: drillDownNote(kpi),
    }));
}

/**
 * `Object.name` → file of every list view found; drill-downs must name one under their own object, and a drill-down
 * note a custom label that exists (when the labels are known).
 */
export function checkDrillDowns(
    drillDowns: readonly DrillDownRef[],
    listViews: Map<string, string>,
    labels?: Set<string>,
): MetaProblem[] {
    const problems: MetaProblem[] = [];
    for (const { owner, file, object, listView, note } of drillDowns) {
        if (note !== undefined && labels && !labels.has(note)) {
            problems.push({
                file,
                message: `${owner}: drill-down note names custom label ${note}, which does not exist`,
            });
        }
        if (listViews.has(`${object}.${listView}`)) continue;
        const elsewhere = [...listViews.keys()].filter((key) => key.endsWith(`.${listView}`));
        const where = `objects/${object}/listViews/${listView}.listView-meta.xml`;
        const message =
            elsewhere.length > 0
                ? `${owner}: drill-down to ${object} list view ${listView}, but it is packaged for ${elsewhere
                      .map((key) => key.split('.')[0])
                      .join(', ')}, not ${object} (expected ${where})`
                : `${owner}: drill-down to ${object} list view ${listView}, but there is no ${where}`;
        problems.push({ file, message });
    }
    return problems;
}

/** List view files under `objects/`, each as `objects/<Object>/listViews/<name>.listView-meta.xml`. */
function checkListViews(dir: string, listViews: Map<string, string>): MetaProblem[] {
    const problems: MetaProblem[] = [];
    const objectsDir = path.join(dir, 'main', 'default', 'objects');
    for (const file of walkFiles(objectsDir, (name) => name.endsWith('.listView-meta.xml'))) {
        const parts = path.relative(objectsDir, file).split(path.sep);
        if (parts.length !== 3 || parts[1] !== 'listViews') {
            problems.push({ file, message: 'a list view belongs in objects/<Object>/listViews/' });
            continue;
        }
        const object = parts[0];
        listViews.set(`${object}.${path.basename(file, '.listView-meta.xml')}`, file);
        problems.push(...checkListView(file, fs.readFileSync(file, 'utf8'), object));
    }
    return problems;
}

function walkFiles(dir: string, accept: (file: string) => boolean): string[] {
    if (!fs.existsSync(dir)) return [];
    const found: string[] = [];
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) found.push(...walkFiles(full, accept));
        else if (accept(full)) found.push(full);
    }
    return found.sort();
}

export interface MetadataReport {
    problems: MetaProblem[];
    bundles: number;
    labels: number;
    resources: number;
    listViews: number;
    /** Language code → custom labels translated (scripts/validate/translations.ts). */
    translations: Map<string, number>;
    ms: number;
}

/**
 * Checks package directories laid out as `<dir>/main/default/{lwc,labels,staticresources,objects}`. Labels, static
 * resources and list views resolve across all the given directories, as they do in the org the directories deploy to
 * together. Drill-downs default to the package's own when the directories do (sfdx-project.json), to none otherwise.
 */
export function checkMetadata(dirs?: string[], drillDowns?: readonly DrillDownRef[]): MetadataReport {
    const started = Date.now();
    const targets = drillDowns ?? (dirs === undefined ? packagedDrillDowns() : []);
    const ownDirs = dirs === undefined;
    dirs ??= packageDirs();
    const problems: MetaProblem[] = [];
    const labelNames = new Set<string>();
    let hasLabelsFile = false;
    for (const dir of dirs) {
        const file = path.join(dir, 'main', 'default', 'labels', 'CustomLabels.labels-meta.xml');
        if (!fs.existsSync(file)) continue;
        hasLabelsFile = true;
        const result = checkLabelsFile(file, fs.readFileSync(file, 'utf8'));
        problems.push(...result.problems);
        for (const name of result.names) labelNames.add(name);
    }

    const resourceNames = new Set<string>();
    for (const dir of dirs) {
        const resourcesDir = path.join(dir, 'main', 'default', 'staticresources');
        const metaFiles = walkFiles(resourcesDir, (file) => file.endsWith('.resource-meta.xml'));
        for (const file of metaFiles) {
            const name = path.basename(file, '.resource-meta.xml');
            resourceNames.add(name);
            problems.push(...checkStaticResource(file, name));
        }
    }

    let bundles = 0;
    for (const dir of dirs) {
        for (const bundleDir of listBundleDirs(path.join(dir, 'main', 'default', 'lwc'))) {
            bundles += 1;
            problems.push(...checkBundleDir(bundleDir, hasLabelsFile ? labelNames : undefined));
        }
    }

    for (const dir of dirs) {
        for (const file of walkFiles(dir, (name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))) {
            const source = fs.readFileSync(file, 'utf8');
            for (const label of new Set(labelReferences(source))) {
                if (!labelNames.has(label)) {
                    const where = hasLabelsFile ? 'is missing from' : 'cannot be found: there is no';
                    problems.push({
                        file,
                        message: `imports @salesforce/label/c.${label}, which ${where} labels/CustomLabels.labels-meta.xml`,
                    });
                }
            }
            for (const resource of new Set(resourceReferences(source))) {
                if (!resourceNames.has(resource)) {
                    problems.push({
                        file,
                        message: `imports @salesforce/resourceUrl/${resource}, but there is no staticresources/${resource}.resource-meta.xml`,
                    });
                }
            }
        }
    }
    const listViews = new Map<string, string>();
    for (const dir of dirs) problems.push(...checkListViews(dir, listViews));
    problems.push(...checkDrillDowns(targets, listViews, hasLabelsFile ? labelNames : undefined));
    // Every label in each language the package ships, with the label's placeholders (scripts/validate/translations.ts).
    const translations = checkTranslations(dirs, requiredLanguages(dirs, ownDirs));
    problems.push(...translations.problems);
    return {
        problems,
        bundles,
        labels: labelNames.size,
        resources: resourceNames.size,
        listViews: listViews.size,
        translations: translations.translated,
        ms: Date.now() - started,
    };
}

function checkBundleDir(bundleDir: string, labels: Set<string> | undefined): MetaProblem[] {
    const name = path.basename(bundleDir);
    const problems: MetaProblem[] = [];
    const nameIssue = nameProblem('bundle', name);
    if (nameIssue) problems.push({ file: bundleDir, message: nameIssue });
    const metaFile = path.join(bundleDir, `${name}.js-meta.xml`);
    for (const stray of fs.readdirSync(bundleDir).filter((file) => file.endsWith('.js-meta.xml'))) {
        if (stray !== `${name}.js-meta.xml`) {
            problems.push({ file: path.join(bundleDir, stray), message: `must be named ${name}.js-meta.xml` });
        }
    }
    if (!fs.existsSync(metaFile)) {
        problems.push({ file: metaFile, message: 'missing: every bundle needs its configuration file' });
        return problems;
    }
    const sourceFile = [`${name}.ts`, `${name}.js`].map((file) => path.join(bundleDir, file)).find(fs.existsSync);
    const source = sourceFile ? fs.readFileSync(sourceFile, 'utf8') : undefined;
    problems.push(...checkBundleMeta({ file: metaFile, text: fs.readFileSync(metaFile, 'utf8'), source, labels }));
    return problems;
}

/** A static resource's metadata is well formed and names its content type, and its content file exists. */
function checkStaticResource(metaFile: string, name: string): MetaProblem[] {
    const problems: MetaProblem[] = [];
    const nameIssue = nameProblem('static resource', name);
    if (nameIssue) problems.push({ file: metaFile, message: nameIssue });
    const { doc, problem } = parseXml(metaFile, fs.readFileSync(metaFile, 'utf8'));
    if (problem) return [...problems, problem];
    const root = doc?.StaticResource as XmlNode | undefined;
    if (!root || typeof root !== 'object')
        return [...problems, { file: metaFile, message: 'root must be <StaticResource>' }];
    if (!text(root.contentType)) problems.push({ file: metaFile, message: 'needs a <contentType>' });
    const dir = path.dirname(metaFile);
    const content = fs
        .readdirSync(dir)
        .some((file) => file !== path.basename(metaFile) && (file === name || file.startsWith(`${name}.`)));
    if (!content) {
        problems.push({
            file: metaFile,
            message: `has no content file ${name}.* beside it (built resources: npm run build)`,
        });
    }
    return problems;
}

const translationSummary = (translated: Map<string, number>): string =>
    translated.size === 0
        ? ''
        : `translations ${[...translated].map(([language, count]) => `${language} ${count}`).join(', ')}, `;

/** `metadata.ts [packageDir…]`: the package directories of sfdx-project.json unless others are named. */
function main(argv: string[]): void {
    const report = checkMetadata(argv.length > 0 ? argv.map((dir) => path.resolve(dir)) : undefined);
    for (const problem of report.problems) console.log(`${displayPath(problem.file)}: ${problem.message}`);
    console.log(
        `metadata: ${report.bundles} bundles, ${report.labels} labels, ${report.resources} static resources, ` +
            `${report.listViews} list views, ${translationSummary(report.translations)}${report.problems.length} problems in ${(report.ms / 1000).toFixed(1)} s`,
    );
    process.exitCode = report.problems.length > 0 ? 1 : 0;
}

if (require.main === module) main(process.argv.slice(2));
