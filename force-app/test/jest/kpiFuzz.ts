/**
 * Mutated UI API answers for the readers' fuzz properties (issue 11): a real answer (a fixture) with keys dropped,
 * nulls, strings for numbers, `{}` for an aggregate, a duplicated edge, emptied or nulled edges, a null node, and
 * junk in `errors`. Each mutation says whether the answer it makes is still one the API could give (`valid`: no
 * records, a sum of no values, a text group without a value): those may change the numbers; any other must leave
 * the numbers as they were or make the part it hits say it is unavailable. Plain data and fast-check: no DOM.
 */
import fc from 'fast-check';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Path = (string | number)[];

/** The seed of every fuzz property: a failure names it, and rerunning with it gives the same answers. */
export const FUZZ_SEED = 20261103;

export interface Site {
    path: Path;
    value: Json;
}

export interface Mutation {
    kind: string;
    path: Path;
    /** The answer is still one the API could give: its numbers may change without a marker. */
    valid: boolean;
}

export interface Mutated {
    data: Json;
    errors: unknown[] | undefined;
    mutations: Mutation[];
}

/** Every node under `data` (the root itself excluded), with its path. */
export function sitesOf(data: Json): Site[] {
    const sites: Site[] = [];
    const walk = (value: Json, path: Path) => {
        if (path.length > 0) sites.push({ path, value });
        if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...path, index]));
        else if (value && typeof value === 'object') {
            for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
        }
    };
    walk(data, []);
    return sites;
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function parentOf(root: Json, path: Path): { holder: Record<string | number, Json>; key: string | number } {
    let holder = root as Record<string | number, Json>;
    for (const step of path.slice(0, -1)) holder = holder[step] as Record<string | number, Json>;
    return { holder, key: path[path.length - 1] };
}

/** The blocks whose value is a number: counts, sums, averages, date function results. */
const NUMERIC_HOLDERS = new Set([
    'count',
    'countDistinct',
    'sum',
    'avg',
    'calendarYear',
    'calendarQuarter',
    'calendarMonth',
    'dayInYear',
]);

/** Group keys a record can lack a value for (picklists, a campaign): null there is an answer, not junk. */
const REQUIRED_KEYS = new Set(['OwnerId', 'Id', 'IsWon', 'HasResponded', 'IsClosed']);

/** Whether setting the leaf at `path` to null still gives an answer the API could give. */
function nullIsValid(path: Path, value: Json): boolean {
    const [fn, leaf] = path.slice(-2);
    // A listed record's parent it has none of (no account); every record has an owner.
    if (path[1] === 'query' && fn === 'node' && leaf !== 'Owner' && value !== null && typeof value === 'object') {
        return true;
    }
    if (leaf !== 'value') return path[path.length - 1] === 'label' || path[path.length - 1] === 'displayValue';
    // A sum, average, max or min of no values is null; a count never is.
    if (fn === 'sum' || fn === 'avg' || fn === 'max' || fn === 'min') return true;
    // A group key of a text field (a picklist, a campaign) without a value; owners, Ids and yes/no fields always have one.
    const field = path[path.length - 2];
    return typeof value === 'string' && typeof field === 'string' && !REQUIRED_KEYS.has(field);
}

type Kind =
    'drop' | 'null' | 'numberText' | 'abc' | 'object' | 'duplicateEdge' | 'emptyEdges' | 'nullEdges' | 'nullNode';

/** One mutation of the answer, applied in place; undefined when it does not apply to the site. */
function mutate(root: Json, site: Site, kind: Kind): Mutation | undefined {
    const { holder, key } = parentOf(root, site.path);
    const { path, value } = site;
    const last = path[path.length - 1];
    switch (kind) {
        case 'drop':
            // A row left out of a list is another answer the API could give (one group fewer): not junk.
            if (Array.isArray(holder)) {
                holder.splice(key as number, 1);
                return { kind, path, valid: true };
            }
            delete holder[key];
            // Leaving out a label, a display value, a cursor or a listed record's parent (none) is an answer too.
            return {
                kind,
                path,
                valid:
                    last === 'label' ||
                    last === 'displayValue' ||
                    last === 'endCursor' ||
                    (path[1] === 'query' &&
                        path[path.length - 2] === 'node' &&
                        value !== null &&
                        typeof value === 'object'),
            };
        case 'null':
            holder[key] = null;
            return { kind, path, valid: nullIsValid(path, value) };
        case 'numberText':
            if (typeof value !== 'number' && typeof value !== 'boolean') return undefined;
            holder[key] = String(value);
            return { kind, path, valid: false };
        case 'abc':
            if (typeof value === 'string') return undefined;
            holder[key] = 'abc';
            // A text where there was none (a label, a display value, a picklist value) is a text answer too.
            return { kind, path, valid: value === null && !NUMERIC_HOLDERS.has(String(path[path.length - 2])) };
        case 'object':
            if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
            holder[key] = {};
            return { kind, path, valid: false };
        case 'duplicateEdge':
            if (last !== 'edges' || !Array.isArray(value) || value.length === 0) return undefined;
            (holder[key] as Json[]).push(clone(value[0]));
            return { kind, path, valid: false };
        case 'emptyEdges':
            if (last !== 'edges' || !Array.isArray(value)) return undefined;
            holder[key] = [];
            // `edges: []` in a well-formed connection is an answer of no records.
            return { kind, path, valid: true };
        case 'nullEdges':
            if (last !== 'edges') return undefined;
            holder[key] = null;
            return { kind, path, valid: false };
        case 'nullNode':
            if (last !== 'node') return undefined;
            holder[key] = null;
            return { kind, path, valid: false };
    }
}

const KINDS: Kind[] = [
    'drop',
    'null',
    'numberText',
    'abc',
    'object',
    'duplicateEdge',
    'emptyEdges',
    'nullEdges',
    'nullNode',
];

/** Junk for `errors`: null, strings, objects without a message, errors placed on a real alias or an unknown one. */
export function junkErrors(aliases: readonly string[]): fc.Arbitrary<unknown> {
    return fc.oneof(
        fc.constant(null),
        fc.constant('Something failed'),
        fc.constant(''),
        fc.constant({}),
        fc.constant({ extensions: { code: 'X' } }),
        fc.constant({ message: 'An error no subquery owns' }),
        fc.constant({ message: 'Unknown alias', path: ['uiapi', 'aggregate', 'zz9'] }),
        fc
            .constantFrom(...aliases)
            .map((alias) => ({ message: `INSUFFICIENT_ACCESS on ${alias}`, path: ['uiapi', 'aggregate', alias] })),
        fc.constantFrom(...aliases).map((alias) => ({ path: ['uiapi', 'aggregate', alias] })),
    );
}

/**
 * Answers mutated from `data` (and its `errors`): one to three mutations at sites under `under` (the path the
 * readers read, such as `['uiapi']`), or junk added to `errors`.
 */
export function mutatedAnswers(
    data: Json,
    aliases: readonly string[],
    errors: unknown[] | undefined = undefined,
): fc.Arbitrary<Mutated> {
    const sites = sitesOf(data);
    const step = fc.oneof(
        { weight: 5, arbitrary: fc.tuple(fc.nat(sites.length - 1), fc.constantFrom(...KINDS)) },
        { weight: 1, arbitrary: junkErrors(aliases).map((junk) => ({ junk })) },
    );
    return fc.array(step, { minLength: 1, maxLength: 3 }).map((steps) => {
        const root = clone(data);
        const mutations: Mutation[] = [];
        let list = errors ? [...errors] : undefined;
        for (const s of steps) {
            if (!Array.isArray(s)) {
                list = [...(list ?? []), s.junk];
                mutations.push({ kind: 'errors', path: [], valid: false });
                continue;
            }
            const [index, kind] = s;
            // Sites of the original answer: an earlier mutation may have taken the path away.
            const site = siteIn(root, sites[index].path);
            if (!site) continue;
            const done = mutate(root, site, kind);
            if (done) mutations.push(done);
        }
        return { data: root, errors: list, mutations };
    });
}

function siteIn(root: Json, path: Path): Site | undefined {
    let value: Json = root;
    for (const step of path) {
        if (value === null || typeof value !== 'object') return undefined;
        const next: Json | undefined = (value as Record<string | number, Json>)[step];
        if (next === undefined) return undefined;
        value = next;
    }
    return { path, value };
}

/** Every mutation still gives an answer the API could give (the numbers may then change without a marker). */
export const allValid = (mutated: Mutated): boolean => mutated.mutations.every((m) => m.valid);

/** Strings of a view that are NaN, Infinity or ∞, and numbers that are not finite, by path. */
export function badValues(view: unknown, path = ''): string[] {
    if (typeof view === 'number') return Number.isFinite(view) ? [] : [`${path}: ${view}`];
    if (typeof view === 'string') return /NaN|Infinity|∞/.test(view) ? [`${path}: ${view}`] : [];
    if (Array.isArray(view)) return view.flatMap((item, index) => badValues(item, `${path}[${index}]`));
    if (view && typeof view === 'object') {
        return Object.entries(view).flatMap(([key, item]) => badValues(item, path ? `${path}.${key}` : key));
    }
    return [];
}

/** fast-check parameters of a fuzz property: the seed, and no shrinking past what a report needs. */
export const fuzzParameters = (numRuns: number) => ({ seed: FUZZ_SEED, numRuns, endOnFailure: true });
