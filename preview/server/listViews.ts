/**
 * The package's list views (objects/<Object>/listViews/*.listView-meta.xml) as the preview runs them: the view's
 * filters become a UI API GraphQL `where`, its columns the fields of each row, and both are put into plain words.
 * Pure apart from reading the file. ListView and ListViewFilter fields follow
 * https://developer.salesforce.com/docs/platform/api-metadata/references/meta-types/metadata-listview.html
 */
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { findField, findObjectDescription, objectDescriptions } from '../../schema/index';
import type { FieldDescription, ObjectDescription } from '../../schema/types';
import { defaultDir, repoRoot } from '../../scripts/lib/paths';
import { dateLiterals, dateRangeKinds } from '../engine/dates';

/** A list view file that cannot be run: the message names the file and what in it is wrong. */
export class ListViewError extends Error {}

export interface ListViewFilter {
    field: string;
    operation: string;
    value?: string;
}

/** A list view file as written. */
export interface ListViewDefinition {
    file: string;
    object: string;
    name: string;
    label: string;
    filterScope: string;
    columns: string[];
    filters: ListViewFilter[];
    booleanFilter?: string;
}

/** One column of the list: its header and where its value sits in a record node. */
export interface ListViewColumn {
    token: string;
    label: string;
    /** Paths into a node (`['Account', 'Name']`); a polymorphic parent has one per object it can be, first found wins. */
    reads: string[][];
}

/** What the preview's list page needs to show a packaged list view. */
export interface ListViewPlan {
    object: string;
    name: string;
    label: string;
    /** Relative to the repository, for messages. */
    file: string;
    columns: ListViewColumn[];
    /** The `where` argument as GraphQL input text. */
    where?: string;
    /** Each filter in plain words, numbered like the file's filters. */
    conditions: string[];
    /** The booleanFilter as written, when the filters are not simply all required. */
    logic?: string;
    /** Whose records, in plain words. */
    scopeText: string;
    /** `uiapi.query.<Object>(scope:)`; absent for Everything (all the viewer can see). */
    scope?: string;
    /** The object's field the rows are sorted by (its name). */
    orderBy: string;
    query: string;
    operationName: string;
}

interface TokenTarget {
    /** Field path from the object: `IsClosed`, `Account.Name`, or a relationship (`Who`) for the parent's name. */
    path: string;
    /** Header when the field's own label would mislead. */
    label?: string;
}

/** The owner's alias column: the preview's User has no Alias field, so the owner's name stands in for it. */
const OWNER_ALIAS: TokenTarget = { path: 'Owner', label: 'Owner' };

/**
 * List view tokens (scripts/validate/metadata.ts LIST_VIEW_TOKENS, plus the owner's alias) and the fields they name,
 * from the object reference's field descriptions.
 */
export const TOKEN_FIELDS: Readonly<Record<string, Readonly<Record<string, TokenTarget>>>> = {
    Account: { 'ACCOUNT.NAME': { path: 'Name' }, 'CORE.USERS.ALIAS': OWNER_ALIAS },
    Campaign: {
        'CAMPAIGN.NAME': { path: 'Name' },
        'CAMPAIGN.STATUS': { path: 'Status' },
        'CAMPAIGN.START_DATE': { path: 'StartDate' },
        'CAMPAIGN.ACTIVE': { path: 'IsActive' },
        'CORE.USERS.ALIAS': OWNER_ALIAS,
    },
    Lead: {
        FULL_NAME: { path: 'Name' },
        'LEAD.COMPANY': { path: 'Company' },
        'LEAD.STATE': { path: 'State' },
        'LEAD.EMAIL': { path: 'Email' },
        'LEAD.PHONE': { path: 'Phone' },
        'LEAD.STATUS': { path: 'Status' },
        'LEAD.LEAD_SOURCE': { path: 'LeadSource' },
        'LEAD.CREATED_DATE': { path: 'CreatedDate' },
        'LEAD.UNREAD': { path: 'IsUnreadByOwner' },
        'CORE.USERS.ALIAS': OWNER_ALIAS,
    },
    Opportunity: {
        'OPPORTUNITY.NAME': { path: 'Name', label: 'Opportunity Name' },
        'ACCOUNT.NAME': { path: 'Account.Name' },
        'OPPORTUNITY.STAGE_NAME': { path: 'StageName' },
        'OPPORTUNITY.AMOUNT': { path: 'Amount' },
        'OPPORTUNITY.CLOSE_DATE': { path: 'CloseDate' },
        'OPPORTUNITY.CREATED_DATE': { path: 'CreatedDate' },
        'OPPORTUNITY.CLOSED': { path: 'IsClosed' },
        'OPPORTUNITY.WON': { path: 'IsWon' },
        'CORE.USERS.ALIAS': OWNER_ALIAS,
    },
    Task: {
        SUBJECT: { path: 'Subject' },
        WHO_NAME: { path: 'Who', label: 'Name' },
        WHAT_NAME: { path: 'What', label: 'Related To' },
        DUE_DATE: { path: 'ActivityDate', label: 'Due Date' },
        STATUS: { path: 'Status' },
        PRIORITY: { path: 'Priority' },
        IS_CLOSED: { path: 'IsClosed' },
        IS_RECURRENCE: { path: 'IsRecurrence' },
        LAST_UPDATE: { path: 'LastModifiedDate' },
        TASK_SUBTYPE: { path: 'TaskSubtype' },
        TYPE: { path: 'Type' },
        'CORE.USERS.ALIAS': OWNER_ALIAS,
    },
};

/** ListViewFilter.operation → the UI API operator, and how the operation reads. */
const OPERATIONS: Record<string, { words: string; operator?: string }> = {
    equals: { words: 'equals', operator: 'eq' },
    notEqual: { words: 'does not equal', operator: 'ne' },
    lessThan: { words: 'is less than', operator: 'lt' },
    greaterThan: { words: 'is greater than', operator: 'gt' },
    lessOrEqual: { words: 'is at most', operator: 'lte' },
    greaterOrEqual: { words: 'is at least', operator: 'gte' },
    contains: { words: 'contains' },
    notContain: { words: 'does not contain' },
    startsWith: { words: 'starts with' },
    includes: { words: 'includes', operator: 'includes' },
    excludes: { words: 'excludes', operator: 'excludes' },
};

/** filterScope → `scope:` of the query; Everything is what the viewer can see, so it needs none. */
const SCOPES: Record<string, { scope?: string; words: string }> = {
    Everything: { words: 'every record you can see' },
    Mine: { scope: 'MINE', words: 'records you own' },
    MineAndMyGroups: { scope: 'MINE_AND_MY_GROUPS', words: 'records you and your queues own' },
    Team: { scope: 'TEAM', words: 'records you and your team own' },
};

/** Fields Lightning shows as a record's name where `Name` does not exist. */
export const NAME_FIELDS: Readonly<Record<string, string>> = { Case: 'CaseNumber', Task: 'Subject', Event: 'Subject' };

// sharedTo decides who may pick the view, not which rows it shows, so the preview can ignore it.
const KNOWN_ELEMENTS = new Set(['fullName', 'label', 'columns', 'filterScope', 'filters', 'booleanFilter', 'sharedTo']);

const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: true,
    isArray: (_name, jpath) => jpath === 'ListView.columns' || jpath === 'ListView.filters',
});

const text = (value: unknown): string | undefined =>
    typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

const displayFile = (file: string): string => path.relative(repoRoot, file) || file;

/** Reads one list view file; the object is the folder it sits in (`objects/<Object>/listViews/`). */
export function parseListView(file: string, xml: string, object: string): ListViewDefinition {
    const where = displayFile(file);
    const fail = (message: string): never => {
        throw new ListViewError(`${where}: ${message}`);
    };
    const valid = XMLValidator.validate(xml);
    if (valid !== true) fail(`malformed XML at line ${valid.err.line}: ${valid.err.msg}`);
    const root = (parser.parse(xml) as Record<string, unknown>).ListView as Record<string, unknown> | undefined;
    if (!root || typeof root !== 'object') return fail('root element must be <ListView>');
    for (const element of Object.keys(root)) {
        // Elements that would change which records show, and that the preview does not model, must not pass silently.
        if (!KNOWN_ELEMENTS.has(element)) fail(`<${element}> is not supported by the preview's list page`);
    }
    const filters = ((root.filters as Record<string, unknown>[] | undefined) ?? []).map((filter, index) => ({
        field: text(filter.field) ?? fail(`filter ${index + 1} has no <field>`),
        operation: text(filter.operation) ?? fail(`filter ${index + 1} has no <operation>`),
        value: text(filter.value),
    }));
    const columns = ((root.columns as unknown[] | undefined) ?? []).map(
        (column, index) => text(column) ?? fail(`column ${index + 1} is empty`),
    );
    return {
        file,
        object,
        name: text(root.fullName) ?? path.basename(file, '.listView-meta.xml'),
        label: text(root.label) ?? fail('needs a <label>'),
        filterScope: text(root.filterScope) ?? fail('needs a <filterScope>'),
        columns,
        filters,
        booleanFilter: text(root.booleanFilter),
    };
}

/** A field reached from the object through relationship names, with the GraphQL selection that reads it. */
interface Resolved {
    field: FieldDescription;
    selection: string;
    reads: string[][];
    /** Reached through a parent that can be one of several objects (Task.Who, Task.What). */
    polymorphic: boolean;
}

function relationshipField(object: ObjectDescription, name: string): FieldDescription | undefined {
    return object.fields.find((field) => field.type === 'Reference' && field.relationshipName === name);
}

function nameFieldOf(object: string): string {
    return NAME_FIELDS[object] ?? 'Name';
}

/** Resolves `Account.Name` or `Who` (the parent's name) on an object; undefined when a step does not exist. */
function resolvePath(
    object: ObjectDescription,
    steps: string[],
    descriptions: readonly ObjectDescription[],
): Resolved | undefined {
    const [step, ...rest] = steps;
    const own = findField(object, step);
    if (own && rest.length === 0 && own.type !== 'Reference') {
        return { field: own, selection: `${step} { value displayValue }`, reads: [[step]], polymorphic: false };
    }
    const reference = relationshipField(object, step);
    if (!reference?.referenceTo) return undefined;
    const parts: { target: string; resolved: Resolved }[] = [];
    for (const target of reference.referenceTo) {
        const parent = findObjectDescription(target, descriptions);
        const resolved = parent && resolvePath(parent, rest.length > 0 ? rest : [nameFieldOf(target)], descriptions);
        if (resolved) parts.push({ target, resolved });
    }
    if (parts.length === 0) return undefined;
    const polymorphic = reference.referenceTo.length > 1;
    const inner = polymorphic
        ? parts.map(({ target, resolved }) => `... on ${target} { ${resolved.selection} }`).join(' ')
        : parts[0].resolved.selection;
    const reads = [...new Map(parts.flatMap(({ resolved }) => resolved.reads).map((r) => [r.join('.'), r])).values()];
    return {
        field: parts[0].resolved.field,
        selection: `${step} { ${inner} }`,
        reads: reads.map((read) => [step, ...read]),
        polymorphic: polymorphic || parts.some(({ resolved }) => resolved.polymorphic),
    };
}

/** GraphQL enum values (date literals) print bare; everything else prints as JSON. */
class EnumValue {
    constructor(readonly name: string) {}
}

type Input = string | number | boolean | null | EnumValue | Input[] | { [key: string]: Input };

export function printInput(value: Input): string {
    if (value instanceof EnumValue) return value.name;
    if (Array.isArray(value)) return `[${value.map(printInput).join(', ')}]`;
    if (value !== null && typeof value === 'object') {
        return `{ ${Object.entries(value)
            .map(([key, inner]) => `${key}: ${printInput(inner)}`)
            .join(', ')} }`;
    }
    return JSON.stringify(value);
}

const DATE_TYPES = new Set(['Date', 'DateTime']);
const NUMBER_TYPES = new Set(['Int', 'Double', 'Currency', 'Percent']);
const TEXT_TYPES = new Set(['String', 'TextArea', 'Email', 'Phone', 'Url', 'Picklist', 'MultiPicklist']);

const literalWords = (literal: string): string => literal.toLowerCase().replace(/_/g, ' ');

/** One filter value as a UI API operand and in words; `fail` names the file and filter. */
function operand(
    field: FieldDescription,
    raw: string,
    fail: (message: string) => never,
): { input: Input; words: string } {
    if (field.type === 'Boolean') {
        // List views store checkbox filters as 1/0 (Salesforce's default views write them so).
        if (raw === '1' || raw.toLowerCase() === 'true') return { input: true, words: 'true' };
        if (raw === '0' || raw.toLowerCase() === 'false') return { input: false, words: 'false' };
        return fail(`value "${raw}" is not a checkbox value (1 or 0)`);
    }
    if (DATE_TYPES.has(field.type)) {
        if ((dateLiterals as readonly string[]).includes(raw)) {
            return { input: { literal: new EnumValue(raw) }, words: literalWords(raw) };
        }
        const relative = /^([A-Z_]+):(\d+)$/.exec(raw);
        if (relative) {
            const kind = relative[1].toLowerCase();
            if (!(dateRangeKinds as readonly string[]).includes(kind)) {
                return fail(`date literal "${raw}" is not one the preview knows (${dateRangeKinds.join(', ')})`);
            }
            return {
                input: { range: { [kind]: Number(relative[2]) } },
                words: literalWords(relative[1]).replace(/\bn\b/, relative[2]),
            };
        }
        const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(raw);
        if (
            (field.type === 'Date' && dateOnly) ||
            (field.type === 'DateTime' && !dateOnly && !isNaN(Date.parse(raw)))
        ) {
            return { input: { value: raw }, words: raw };
        }
        return fail(
            `value "${raw}" is neither a date literal nor a ${field.type === 'Date' ? 'YYYY-MM-DD date' : 'date-time'}`,
        );
    }
    if (NUMBER_TYPES.has(field.type)) {
        const number = Number(raw);
        if (raw === '' || !Number.isFinite(number)) return fail(`value "${raw}" is not a number`);
        if (field.type === 'Int' && !Number.isInteger(number)) return fail(`value "${raw}" is not a whole number`);
        return { input: number, words: raw };
    }
    if (TEXT_TYPES.has(field.type)) return { input: raw, words: `"${raw}"` };
    return fail(`a ${field.type} field cannot be filtered on in the preview`);
}

const nest = (steps: string[], condition: Input): Input =>
    steps.reduceRight<Input>((inner, step) => ({ [step]: inner }), condition);

const orWords = (words: string[]): string =>
    words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;

/** One ListViewFilter as a `where` condition and a sentence. */
function translateFilter(
    view: ListViewDefinition,
    object: ObjectDescription,
    filter: ListViewFilter,
    index: number,
    descriptions: readonly ObjectDescription[],
): { input: Input; words: string } {
    const at = `${displayFile(view.file)}: filter ${index + 1} (${filter.field})`;
    const fail = (message: string): never => {
        throw new ListViewError(`${at}: ${message}`);
    };
    const target = targetOf(view, filter.field, `filter ${index + 1}`);
    const resolved = resolvePath(object, target.path.split('.'), descriptions);
    if (!resolved) return fail(`maps to ${view.object}.${target.path}, which schema/objects does not describe`);
    if (resolved.polymorphic || resolved.reads.length !== 1) {
        return fail(`filtering on a polymorphic parent (${target.path}) is not supported by the preview`);
    }
    const { field } = resolved;
    const steps = resolved.reads[0];
    const operation = OPERATIONS[filter.operation];
    if (!operation) {
        return fail(`operation "${filter.operation}" is not supported (${Object.keys(OPERATIONS).join(', ')})`);
    }
    const label = target.label ?? field.label;
    const sentence = (valueWords: string) => `${label} ${operation.words} ${valueWords}`;
    if (filter.value === undefined) {
        if (filter.operation !== 'equals' && filter.operation !== 'notEqual') return fail('needs a <value>');
        return { input: nest(steps, { [operation.operator!]: null }), words: sentence('blank') };
    }
    // Several values separated by commas mean any of them (Salesforce's list view filter rule for text and picklists).
    const raws = TEXT_TYPES.has(field.type) ? filter.value.split(',').map((raw) => raw.trim()) : [filter.value];
    const values = raws.map((raw) => operand(field, raw, fail));
    const words = sentence(orWords(values.map((value) => value.words)));
    const inputs = values.map((value) => value.input);
    switch (filter.operation) {
        case 'includes':
        case 'excludes':
            if (field.type !== 'MultiPicklist')
                return fail(`${filter.operation} applies to multi-select picklists only`);
            return { input: nest(steps, { [operation.operator!]: inputs }), words };
        case 'contains':
        case 'notContain':
        case 'startsWith': {
            if (!TEXT_TYPES.has(field.type)) return fail(`${filter.operation} applies to text fields only`);
            const likes = inputs.map((input) =>
                nest(steps, { like: filter.operation === 'startsWith' ? `${String(input)}%` : `%${String(input)}%` }),
            );
            const any = likes.length === 1 ? likes[0] : { or: likes };
            return { input: filter.operation === 'notContain' ? { not: any } : any, words };
        }
        default:
            if (inputs.length > 1) {
                if (filter.operation === 'equals') return { input: nest(steps, { in: inputs }), words };
                if (filter.operation === 'notEqual') return { input: nest(steps, { nin: inputs }), words };
                return fail(`${filter.operation} takes one value, not "${filter.value}"`);
            }
            return { input: nest(steps, { [operation.operator!]: inputs[0] }), words };
    }
}

function targetOf(view: ListViewDefinition, token: string, what: string): TokenTarget {
    if (token.endsWith('__c')) return { path: token };
    const target = TOKEN_FIELDS[view.object]?.[token];
    if (!target) {
        throw new ListViewError(
            `${displayFile(view.file)}: ${what} token "${token}" is not a list view token the preview maps for ${view.object} (preview/server/listViews.ts TOKEN_FIELDS)`,
        );
    }
    return target;
}

/** booleanFilter (`1 AND (2 OR NOT 3)`) over the translated filters; AND binds tighter than OR. */
export function parseBooleanFilter(logic: string, conditions: readonly Input[], where: string): Input {
    const tokens = logic.match(/\d+|\(|\)|AND|OR|NOT|\S+/gi) ?? [];
    let position = 0;
    const fail = (message: string): never => {
        throw new ListViewError(`${where}: booleanFilter "${logic}": ${message}`);
    };
    const peek = () => tokens[position]?.toUpperCase();
    const factor = (): Input => {
        const token = tokens[position++];
        if (token === undefined) return fail('ends too early');
        if (token.toUpperCase() === 'NOT') return { not: factor() };
        if (token === '(') {
            const inner = expression();
            if (tokens[position++] !== ')') fail('a "(" is not closed');
            return inner;
        }
        if (!/^\d+$/.test(token)) return fail(`"${token}" is not a filter number, AND, OR, NOT or a parenthesis`);
        const condition = conditions[Number(token) - 1];
        return condition ?? fail(`names filter ${token}, but there are ${conditions.length}`);
    };
    const chain = (operator: 'AND' | 'OR', next: () => Input): Input => {
        const parts = [next()];
        while (peek() === operator) {
            position++;
            parts.push(next());
        }
        return parts.length === 1 ? parts[0] : { [operator.toLowerCase()]: parts };
    };
    const expression = (): Input => chain('OR', () => chain('AND', factor));
    const result = expression();
    if (position < tokens.length) fail(`unexpected "${tokens[position]}"`);
    return result;
}

/** The query the list page runs: the view's rows as the viewer, first page, with the total. */
function listViewQuery(object: string, plan: Omit<ListViewPlan, 'query'>, selections: string[]): string {
    const args = [
        ...(plan.where ? [`where: ${plan.where}`] : []),
        'first: $first',
        `orderBy: { ${plan.orderBy}: { order: ASC } }`,
        ...(plan.scope ? [`scope: ${plan.scope}`] : []),
    ];
    return [
        `query ${plan.operationName}($first: Int) {`,
        `    uiapi { query { ${object}(${args.join(', ')}) {`,
        `        edges { node { Id ${selections.join(' ')} } }`,
        '        totalCount',
        '    } } }',
        '}',
    ].join('\n');
}

/** Translates a list view: every token, operation and value either maps or throws a ListViewError naming it. */
export function planListView(
    view: ListViewDefinition,
    descriptions: readonly ObjectDescription[] = objectDescriptions,
): ListViewPlan {
    const file = displayFile(view.file);
    const object = findObjectDescription(view.object, descriptions);
    if (!object) throw new ListViewError(`${file}: object ${view.object} is not described in schema/objects`);
    const scope = SCOPES[view.filterScope];
    if (!scope) {
        throw new ListViewError(
            `${file}: filterScope "${view.filterScope}" is not supported by the preview (${Object.keys(SCOPES).join(', ')})`,
        );
    }
    const selections: string[] = [];
    const columns = view.columns.map((token, index) => {
        const target = targetOf(view, token, `column ${index + 1}`);
        const resolved = resolvePath(object, target.path.split('.'), descriptions);
        if (!resolved) {
            throw new ListViewError(
                `${file}: column ${index + 1} (${token}) maps to ${view.object}.${target.path}, which schema/objects does not describe`,
            );
        }
        selections.push(resolved.selection);
        return { token, label: target.label ?? resolved.field.label, reads: resolved.reads };
    });
    const translated = view.filters.map((filter, index) => translateFilter(view, object, filter, index, descriptions));
    const inputs = translated.map((filter) => filter.input);
    let where: Input | undefined;
    if (view.booleanFilter) where = parseBooleanFilter(view.booleanFilter, inputs, file);
    else if (inputs.length === 1) where = inputs[0];
    else if (inputs.length > 1) where = { and: inputs };
    const orderBy = nameFieldOf(view.object);
    if (!findField(object, orderBy))
        throw new ListViewError(`${file}: ${view.object} has no ${orderBy} field to sort by`);
    const plan = {
        object: view.object,
        name: view.name,
        label: view.label,
        file,
        columns,
        where: where === undefined ? undefined : printInput(where),
        conditions: translated.map((filter) => filter.words),
        logic: view.booleanFilter,
        scopeText: scope.words,
        scope: scope.scope,
        orderBy,
        operationName: 'previewListView',
    };
    return { ...plan, query: listViewQuery(view.object, plan, selections) };
}

export const objectsDir = path.join(defaultDir, 'objects');

/** The packaged list view file for a drill-down, or undefined when the package has none by that name. */
export function listViewFile(object: string, name: string, dir = objectsDir): string | undefined {
    if (!/^\w+$/.test(object) || !/^\w+$/.test(name)) return undefined;
    const file = path.join(dir, object, 'listViews', `${name}.listView-meta.xml`);
    return fs.existsSync(file) ? file : undefined;
}

/** Every packaged list view file, as object and file. */
export function packagedListViewFiles(dir = objectsDir): { object: string; file: string }[] {
    if (!fs.existsSync(dir)) return [];
    return fs
        .readdirSync(dir)
        .sort()
        .flatMap((object) => {
            const folder = path.join(dir, object, 'listViews');
            if (!fs.existsSync(folder)) return [];
            return fs
                .readdirSync(folder)
                .filter((name) => name.endsWith('.listView-meta.xml'))
                .sort()
                .map((name) => ({ object, file: path.join(folder, name) }));
        });
}

/** Reads and plans one file. */
export function loadListView(file: string, object: string): ListViewPlan {
    return planListView(parseListView(file, fs.readFileSync(file, 'utf8'), object));
}
