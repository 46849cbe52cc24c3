/**
 * Reads a kpiPlanner document's response back into one result per KPI: value, comparison, sample size, sparkline,
 * breakdown groups. Failure isolation: an error the response ties to a subquery (by path, by the field path in its
 * message, or by the line it points at) only fails the KPIs that read that subquery; KPIs that were only collateral
 * damage of a document the server refused are marked `retry` so the component can plan them again without the
 * failing one.
 */
import { KPI_CATALOG, findKpi, kpiParts, kpiTargetPart } from 'c/kpiCatalog';
import type { KpiDefinition, ResolvedPart } from 'c/kpiCatalog';
import { reduceErrors } from 'c/kpiErrors';
import type { KpiErrorKind, KpiErrorMessage } from 'c/kpiErrors';
import { isoDate, parseIsoDate, quotaShare } from 'c/kpiPeriods';
import { fillLabel } from 'c/kpiProperties';
import type { DateWindow } from 'c/kpiPeriods';
import { DATE_FUNCTION_RESULT, resolveField, subqueriesOfError } from 'c/kpiPlanner';
import type {
    DateFunction,
    GroupKey,
    KpiPlan,
    KpiProblem,
    NoteCode,
    PlannedRequest,
    PlannedSubquery,
    Reads,
    SparkSlice,
} from 'c/kpiPlanner';
import { KPI_LABELS, RESULT_LABELS } from './kpiResultsLabels';

export type ResultStatus = 'ok' | 'empty' | 'targetMet' | 'error' | 'retry';
export type ResultErrorKind = KpiErrorKind | 'config' | 'incomplete';

export interface KpiResultError {
    kind: ResultErrorKind;
    /** Sentences for the viewer (label text, or the server's message shortened). */
    messages: string[];
    /** For `config`: what was wrong with the request, property by property. */
    problems?: KpiProblem[];
    /** A grouped subquery had more groups than one page holds: the number would leave some out. */
    truncated?: boolean;
}

/** A rate's two sides: won and closed deals, converted and created leads (null for other measures). */
export interface RateParts {
    numerator: number;
    denominator: number;
}

export interface SparkPoint {
    start: string;
    end: string;
    value: number | null;
    sampleSize: number;
    parts?: RateParts;
}

export interface GroupResult {
    /** Owner or campaign Id, picklist value, `true`/`false`; null for records without a value. */
    key: string | null;
    /** The picklist label in the viewer's language, when the key is a picklist value. */
    label: string | null;
    value: number | null;
    sampleSize: number;
    comparisonValue: number | null;
    comparisonSampleSize: number | null;
    parts?: RateParts;
    comparisonParts?: RateParts;
}

/** A grouped KPI over a set of its groups (a team's members, everyone): computed as one population. */
export interface SetValue {
    value: number | null;
    sampleSize: number;
    comparisonValue: number | null;
    comparisonSampleSize: number | null;
}

/** Named sets of group keys per request key, for readResults to compute each set's value. */
export type GroupSets = Record<string, Record<string, readonly string[]>>;

export interface KpiResult {
    key: string;
    kpi: string;
    status: ResultStatus;
    value: number | null;
    comparisonValue: number | null;
    /** Records the value rests on (the denominator's for rates). */
    sampleSize: number | null;
    comparisonSampleSize: number | null;
    /** The sample is below the KPI's minimum for a rate worth trusting. */
    lowSample: boolean;
    /**
     * Coverage and KPIs with a default target (closed-won revenue): the revenue target used (the component's, or the
     * quota field's, each quota once).
     */
    target: number | null;
    /** Rates: the numerator and denominator the value divides, now and in the comparison window. */
    parts?: RateParts;
    comparisonParts?: RateParts;
    sparkline: SparkPoint[];
    groups?: GroupResult[];
    /** Grouped requests: the value of each named set of groups the caller asked for. */
    sets?: Record<string, SetValue>;
    window?: DateWindow;
    comparisonWindow?: DateWindow;
    notes: NoteCode[];
    error?: KpiResultError;
    /**
     * The comparison window could not be read (its subquery failed or came back malformed) while the current one
     * could: the value stands, the comparison is unavailable (comparisonValue null), never "no change".
     */
    comparisonError?: KpiResultError;
    /** The KPI's own target (closed-won revenue's quota) could not be read: the value stands, without a target. */
    targetError?: KpiResultError;
    /**
     * Errors the answer carried that no subquery could be tied to, while every subquery this result reads came back
     * whole and well formed: the numbers stand, and these sentences say the server reported something.
     */
    warnings?: string[];
}

type Key = string | number | boolean | null;

const HAS_OWN = Object.prototype.hasOwnProperty;

interface Row {
    keys: Key[];
    labels: (string | null)[];
    /** `Field.fn` → number; null when the server has no value; absent when the field was left out (hidden). */
    numbers: Record<string, number | null>;
}

interface SubqueryData {
    rows: Row[];
    truncated: boolean;
}

/** Thrown while computing; becomes the result's error. */
class ResultProblem extends Error {
    constructor(readonly error: KpiResultError) {
        super(error.messages.join(' '));
    }
}

const problemOf = (kind: ResultErrorKind, message: string) => new ResultProblem({ kind, messages: [message] });

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * Each selection's `Field.fn` keys, built once per subquery: a leaderboard reads thousands of rows of each. A field
 * selected `@optional` may be left out (hidden from the viewer); any other may not. A count is never null (a count of
 * no records is 0) and is a whole number of at least 0; a sum or an average of no values is null in UI API (zero
 * records, or none with a value), which adds nothing to a total.
 */
const SELECTION_KEYS = new WeakMap<
    PlannedSubquery,
    { field: string; optional: boolean; fns: { fn: string; key: string; counts: boolean }[] }[]
>();

function selectionKeys(subquery: PlannedSubquery) {
    let keys = SELECTION_KEYS.get(subquery);
    if (!keys) {
        keys = subquery.selections.map((selection) => ({
            field: selection.field,
            optional: subquery.text.selection.includes(`${selection.field} @optional `),
            fns: selection.fns.map((fn) => ({
                fn,
                key: `${selection.field}.${fn}`,
                counts: fn === 'count' || fn === 'countDistinct',
            })),
        }));
        SELECTION_KEYS.set(subquery, keys);
    }
    return keys;
}

/** A part of the answer that is missing or of another shape than the document asked for: the KPI cannot be read. */
const malformed = (subquery: { alias: string }, part: string) =>
    problemOf('incomplete', fillLabel(RESULT_LABELS.malformed, `${subquery.alias}.${part}`));
const notANumber = (subquery: { alias: string }, part: string) =>
    problemOf('incomplete', fillLabel(RESULT_LABELS.notANumber, `${subquery.alias}.${part}`));

/** The range of each date function's value (SOQL date functions); DAY_ONLY is a `YYYY-MM-DD` text. */
const DATE_KEY_RANGE: Record<Exclude<DateFunction, 'DAY_ONLY'>, [number, number]> = {
    CALENDAR_YEAR: [1, 9999],
    CALENDAR_QUARTER: [1, 4],
    CALENDAR_MONTH: [1, 12],
    DAY_IN_YEAR: [1, 366],
};
const ISO_DAY = /^\d{4}-\d{2}-\d{2}/;

/** The yes/no fields the catalog's shares count (won among closed, responded among members). */
const YES_NO_FIELDS = new Set(
    KPI_CATALOG.flatMap((kpi) =>
        kpi.measure.kind === 'share' &&
        typeof kpi.measure.field === 'string' &&
        Array.isArray(kpi.measure.values) &&
        kpi.measure.values.every((v) => typeof v === 'boolean')
            ? [kpi.measure.field]
            : [],
    ),
);

/**
 * A group key as the document asked for it: a date function's number in its range (or its day), a text, number or
 * boolean for a field; null only where records can lack a value (never for an owner: every record has one).
 */
function checkedKey(value: unknown, key: GroupKey, subquery: PlannedSubquery, path: string): Key {
    // A yes/no field a share counts (IsWon) is true or false on every record: a text or a null is another shape.
    if (YES_NO_FIELDS.has(key.field)) {
        if (typeof value === 'boolean') return value;
        throw malformed(subquery, path);
    }
    if (value === null) {
        if (key.field === 'OwnerId' || key.field === 'Id') throw malformed(subquery, path);
        return null;
    }
    // A sparkline's date key is checked against its slice by dayOfRow (a day of no bucket is an inconsistent answer).
    if (key.fn && subquery.slice && (typeof value === 'number' || typeof value === 'string')) return value;
    if (key.fn) {
        if (key.fn === 'DAY_ONLY') {
            if (typeof value === 'string' && ISO_DAY.test(value)) return value;
        } else {
            const [low, high] = DATE_KEY_RANGE[key.fn];
            if (typeof value === 'number' && Number.isInteger(value) && value >= low && value <= high) return value;
        }
        throw malformed(subquery, path);
    }
    if (typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    throw malformed(subquery, path);
}

/** One aggregate node as plain keys and numbers, following the selections the planner made; refuses another shape. */
function readRow(aggregate: Record<string, unknown>, subquery: PlannedSubquery): Row {
    const keys: Key[] = [];
    const labels: (string | null)[] = [];
    for (const key of subquery.groupBy) {
        const field = aggregate[key.field];
        if (!isObject(field)) throw malformed(subquery, key.field);
        const holder = key.fn ? field[DATE_FUNCTION_RESULT[key.fn]] : field;
        if (!isObject(holder) || !('value' in holder)) {
            throw malformed(subquery, key.fn ? `${key.field}.${DATE_FUNCTION_RESULT[key.fn]}` : `${key.field}.value`);
        }
        keys.push(checkedKey(holder.value, key, subquery, key.field));
        labels.push(typeof field.label === 'string' ? field.label : key.name ? nameOf(aggregate, key.name) : null);
    }
    // A plain object: rows of one subquery share its shape, which V8 reads faster than a Map per row.
    const numbers: Record<string, number | null> = {};
    for (const selection of selectionKeys(subquery)) {
        const field = aggregate[selection.field];
        if (!isObject(field)) {
            // Left out by @optional: the field is hidden from the viewer (number() says so for the KPIs needing it).
            if (field === undefined && selection.optional) continue;
            throw malformed(subquery, selection.field);
        }
        for (const { fn, key, counts } of selection.fns) {
            const holder = field[fn];
            if (!isObject(holder) || !('value' in holder)) throw malformed(subquery, key);
            const value = holder.value;
            if (value === null && !counts) numbers[key] = null;
            else if (
                typeof value !== 'number' ||
                !Number.isFinite(value) ||
                (counts && (value < 0 || !Number.isInteger(value)))
            ) {
                throw notANumber(subquery, key);
            } else numbers[key] = value;
        }
    }
    return { keys, labels, numbers };
}

/** A group's name selected as `Owner { Name { max { value } } }` beside its Id key. */
function nameOf(aggregate: Record<string, unknown>, path: string): string | null {
    const [parent, field] = path.split('.');
    const holder = isObject(aggregate[parent]) ? (aggregate[parent] as Record<string, unknown>)[field] : undefined;
    const max = isObject(holder) ? holder.max : undefined;
    return isObject(max) && typeof max.value === 'string' ? max.value : null;
}

/** The text of a group's keys, to find the same group twice. */
const groupId = (keys: Key[]): Key => (keys.length === 1 ? keys[0] : keys.map(String).join('\u0000'));

/**
 * One connection read strictly: `edges` an array of `{ node: { aggregate } }`, each group once (an aggregate without
 * groupBy has at most one row), `pageInfo` an object. `edges: []` is a well-formed answer of no records.
 * Throws a ResultProblem naming the alias and part.
 */
function readConnection(connection: unknown, subquery: PlannedSubquery): SubqueryData {
    if (!isObject(connection)) throw malformed(subquery, 'edges');
    const edges = connection.edges;
    if (!Array.isArray(edges)) throw malformed(subquery, 'edges');
    const grouped = subquery.groupBy.length > 0;
    const rows: Row[] = [];
    const seen = new Set<Key>();
    for (let index = 0; index < edges.length; index++) {
        const edge = edges[index];
        const node = isObject(edge) ? edge.node : undefined;
        if (!isObject(node)) throw malformed(subquery, `edges[${index}].node`);
        if (!isObject(node.aggregate)) throw malformed(subquery, `edges[${index}].node.aggregate`);
        const row = readRow(node.aggregate, subquery);
        if (!grouped && index > 0) {
            throw problemOf('incomplete', fillLabel(RESULT_LABELS.duplicateGroup, `${subquery.alias}.edges[${index}]`));
        }
        if (grouped) {
            const id = groupId(row.keys);
            if (seen.has(id)) {
                throw problemOf(
                    'incomplete',
                    fillLabel(RESULT_LABELS.duplicateGroup, `${subquery.alias}: ${String(id)}`),
                );
            }
            seen.add(id);
        }
        rows.push(row);
    }
    // Page info left out reads as one page (as before); page info of another shape is refused.
    const pageInfo = connection.pageInfo;
    if (pageInfo !== undefined && (!isObject(pageInfo) || typeof (pageInfo.hasNextPage ?? false) !== 'boolean')) {
        throw malformed(subquery, 'pageInfo');
    }
    return { rows, truncated: isObject(pageInfo) && pageInfo.hasNextPage === true };
}

/** Undefined when the answer has no such alias (an answer to part of the document); throws for a malformed one. */
function subqueryData(data: unknown, subquery: PlannedSubquery): SubqueryData | undefined {
    const aggregate = isObject(data) && isObject(data.uiapi) ? data.uiapi.aggregate : undefined;
    if (!isObject(aggregate) || !(subquery.alias in aggregate)) return undefined;
    return readConnection(aggregate[subquery.alias], subquery);
}

/** The error of an answer that lacks `part` of `alias` or gives it in another shape than asked for. */
export function malformedAnswer(alias: string, part: string): KpiResultError {
    return malformed({ alias }, part).error;
}

/**
 * Why the answer to one aggregate subquery cannot be read (a sentence naming its alias and the part), or undefined
 * when it is well formed or absent: for readers that place failures themselves (the leaderboard's boardData).
 */
export function answerProblem(data: unknown, subquery: PlannedSubquery): KpiResultError | undefined {
    try {
        subqueryData(data, subquery);
        return undefined;
    } catch (problem) {
        if (problem instanceof ResultProblem) return problem.error;
        throw problem;
    }
}

/** The most telling sentence of some errors (never blank: an error without a message is still an error). */
function summaryOf(errors: readonly unknown[]): string {
    return reduceErrors(errors).find((m) => m.message)?.message ?? RESULT_LABELS.unknown;
}

function errorFrom(messages: KpiErrorMessage[], fallbackKind: ResultErrorKind = 'other'): KpiResultError {
    const kinds: KpiErrorKind[] = ['noAccess', 'notSupported', 'network'];
    const kind = kinds.find((k) => messages.some((m) => m.kind === k)) ?? fallbackKind;
    const texts = messages.map((m) => m.message).filter(Boolean);
    return { kind, messages: texts.length > 0 ? texts : [RESULT_LABELS.unknown] };
}

function aliasesOf(request: PlannedRequest): string[] {
    const all = [request.reads.current, request.reads.comparison ?? {}, request.reads.sparkline ?? {}];
    return [...new Set(all.flatMap((reads) => Object.values(reads).flat()))];
}

/**
 * The aliases whose failure costs one part of a result, not the result (compute catches them): subqueries only the
 * comparison reads, and the default target of a KPI that is not coverage (closed-won revenue's quota).
 */
function partOnly(request: PlannedRequest): Set<string> {
    const kpi = findKpi(request.kpi);
    const ownTarget = kpi !== undefined && kpi.measure.kind !== 'coverage';
    const target = ownTarget ? (request.reads.current.target ?? []) : [];
    const current = Object.entries(request.reads.current).filter(([role]) => !(ownTarget && role === 'target'));
    const comparison = Object.values(request.reads.comparison ?? {}).flat();
    const others = new Set([
        ...current.flatMap(([, aliases]) => aliases),
        ...Object.values(request.reads.sparkline ?? {}).flat(),
    ]);
    return new Set([...comparison, ...target].filter((alias) => !others.has(alias)));
}

/** A result with nothing read yet: an error until something says otherwise (also the loader's over-budget one). */
export function emptyResult(key: string, kpi: string): KpiResult {
    return {
        key,
        kpi,
        status: 'error',
        value: null,
        comparisonValue: null,
        sampleSize: null,
        comparisonSampleSize: null,
        lowSample: false,
        target: null,
        sparkline: [],
        notes: [],
    };
}

/**
 * Results for the requests of one document (`documentIndex`) plus every request the plan rejected, keyed by request
 * key. `data` and `errors` are what the graphql wire adapter emitted; both may be present (partial response).
 */
export function readResults(
    plan: KpiPlan,
    data: unknown,
    errors?: readonly unknown[] | null,
    documentIndex = 0,
    sets: GroupSets = {},
): Record<string, KpiResult> {
    const results: Record<string, KpiResult> = {};
    for (const rejected of plan.rejected) {
        results[rejected.key] = {
            ...emptyResult(rejected.key, rejected.kpi),
            error: { kind: 'config', messages: rejected.problems.map(describeProblem), problems: rejected.problems },
        };
    }
    const document = plan.documents[documentIndex];
    if (!document) return results;

    const failed = new Map<string, unknown[]>();
    const unplaced: unknown[] = [];
    const placeable = { subqueries: [...document.subqueries, ...document.records] };
    for (const error of errors ?? []) {
        const subqueries = subqueriesOfError(error, placeable, true);
        if (subqueries.length === 0) unplaced.push(error);
        for (const subquery of subqueries) failed.set(subquery.alias, [...(failed.get(subquery.alias) ?? []), error]);
    }
    const hasData = isObject(data) && isObject(data.uiapi) && isObject(data.uiapi.aggregate);
    const byAlias = new Map(document.subqueries.map((s) => [s.alias, s]));
    const cache = new Map<string, SubqueryData | ResultProblem | undefined>();
    const warnings = unplaced.length > 0 ? [fillLabel(RESULT_LABELS.unplaced, summaryOf(unplaced))] : undefined;

    for (const request of plan.requests.filter((r) => r.document === documentIndex)) {
        const result: KpiResult = {
            ...emptyResult(request.key, request.kpi),
            window: request.window,
            comparisonWindow: request.comparisonWindow,
            notes: [...request.notes],
        };
        results[request.key] = result;
        const partly = partOnly(request);
        const own = aliasesOf(request).flatMap((alias) =>
            hasData && partly.has(alias) ? [] : (failed.get(alias) ?? []),
        );
        if (own.length > 0) {
            result.error = errorFrom(reduceErrors(own));
            continue;
        }
        if (!hasData) {
            if (failed.size > 0 && unplaced.length === 0) {
                result.status = 'retry';
                result.error = { kind: 'other', messages: [RESULT_LABELS.retry] };
            } else {
                result.error = unplaced.length
                    ? errorFrom(reduceErrors(unplaced))
                    : { kind: 'incomplete', messages: [RESULT_LABELS.noResponse] };
            }
            continue;
        }
        try {
            const read = (alias: string): SubqueryData => {
                // A comparison-only or target-only subquery with errors of its own: that part is unavailable (compute catches).
                const placed = failed.get(alias);
                if (placed) throw new ResultProblem(errorFrom(reduceErrors(placed)));
                // Read once per alias: a grouped request reads its rows for every group and set.
                let found = cache.get(alias);
                if (!cache.has(alias)) {
                    try {
                        found = subqueryData(data, byAlias.get(alias)!);
                    } catch (problem) {
                        if (!(problem instanceof ResultProblem)) throw problem;
                        found = problem;
                    }
                    cache.set(alias, found);
                }
                if (found instanceof ResultProblem) throw found;
                if (!found) {
                    if (unplaced.length > 0) throw new ResultProblem(errorFrom(reduceErrors(unplaced)));
                    throw problemOf('incomplete', RESULT_LABELS.incomplete);
                }
                if (found.truncated) {
                    throw new ResultProblem({
                        kind: 'incomplete',
                        messages: [RESULT_LABELS.tooManyGroups],
                        truncated: true,
                    });
                }
                return found;
            };
            compute(request, findKpi(request.kpi)!, read, byAlias, result, sets[request.key]);
            if (warnings) result.warnings = warnings;
        } catch (problem) {
            if (!(problem instanceof ResultProblem)) throw problem;
            result.error = problem.error;
            result.status = 'error';
            result.value = null;
            result.comparisonValue = null;
            result.sparkline = [];
            result.comparisonSampleSize = null;
            delete result.groups;
            delete result.sets;
            delete result.parts;
            delete result.comparisonParts;
            delete result.comparisonError;
            delete result.targetError;
        }
    }
    return results;
}

/** Rows of a window's role: every subquery (chunk) the role reads, concatenated with its subquery. */
type RowsOf = (reads: Reads, role: string) => { rows: Row[]; subquery: PlannedSubquery }[];

function compute(
    request: PlannedRequest,
    kpi: KpiDefinition,
    read: (alias: string) => SubqueryData,
    byAlias: Map<string, PlannedSubquery>,
    result: KpiResult,
    sets?: Record<string, readonly string[]>,
): void {
    const rowsOf: RowsOf = (reads, role) =>
        (reads[role] ?? []).map((alias) => ({ rows: read(alias).rows, subquery: byAlias.get(alias)! }));
    // One alias (the usual case) is its rows as they are: no copy per group and set.
    const flat = (reads: Reads, role: string): Row[] => {
        const aliases = reads[role] ?? [];
        return aliases.length === 1 ? read(aliases[0]).rows : aliases.flatMap((alias) => read(alias).rows);
    };
    const grouped = request.groupBy !== undefined;
    const shareAt = grouped ? 1 : 0;

    const evaluate = (reads: Reads, select: (row: Row) => boolean = () => true): Computed =>
        measure(kpi, request, (role) => flat(reads, role).filter(select), shareAt);

    const bucketed = new Map<string, Row[][]>();
    if (request.reads.sparkline) {
        const sparkReads = request.reads.sparkline;
        const buckets = request.sparkline;
        for (const role of Object.keys(sparkReads)) {
            const perBucket: Row[][] = buckets.map(() => []);
            for (const { rows, subquery } of rowsOf(sparkReads, role)) {
                for (const row of rows) {
                    const day = dayOfRow(row.keys[row.keys.length - 1], subquery.slice!);
                    if (day === undefined) throw problemOf('incomplete', RESULT_LABELS.inconsistent);
                    perBucket[bucketIndex(buckets, day)].push(row);
                }
            }
            bucketed.set(role, perBucket);
        }
        result.sparkline = buckets.map((bucket, index) => {
            const computed = measure(kpi, request, (role) => bucketed.get(role)?.[index] ?? [], 0);
            return {
                start: bucket.start,
                end: bucket.end,
                value: computed.value,
                sampleSize: computed.sampleSize ?? 0,
                ...(computed.parts ? { parts: computed.parts } : {}),
            };
        });
    }

    // Folded by the planner: the current window is the sparkline's last point, so its rows are the current rows.
    const current = request.currentFromSparkline
        ? measure(
              kpi,
              request,
              (role) => [...(bucketed.get(role)?.at(-1) ?? []), ...flat(request.reads.current, role)],
              shareAt,
          )
        : evaluate(request.reads.current);
    // The comparison stands apart: a failed or malformed comparison subquery costs the comparison, not the value.
    let comparison: Computed | undefined;
    let then: RowIndex | undefined;
    if (request.reads.comparison) {
        try {
            comparison = evaluate(request.reads.comparison);
            if (grouped) then = indexByKey(rowsOf, request.reads.comparison);
        } catch (problem) {
            if (!(problem instanceof ResultProblem)) throw problem;
            comparison = undefined;
            then = undefined;
            result.comparisonError = problem.error;
        }
    }
    const distinctTotal = kpi.measure.kind === 'aggregate' && kpi.measure.aggregate.fn === 'countDistinct';
    result.value = grouped && distinctTotal ? null : current.value;
    result.sampleSize = current.sampleSize;
    result.target = current.target ?? null;
    // A KPI with a default tile target (closed-won revenue): the same revenue target as coverage reads. Its failure
    // costs the target only, never the number.
    const tileTarget = kpi.measure.kind === 'coverage' ? undefined : kpiTargetPart(kpi);
    if (tileTarget && request.reads.current.target) {
        try {
            result.target = targetOf(tileTarget, request, flat(request.reads.current, 'target'));
        } catch (problem) {
            if (!(problem instanceof ResultProblem)) throw problem;
            result.target = null;
            result.targetError = problem.error;
        }
    } else if (tileTarget && request.target !== undefined) result.target = request.target;
    result.comparisonValue = comparison && !(grouped && distinctTotal) ? comparison.value : null;
    result.comparisonSampleSize = comparison?.sampleSize ?? null;
    if (current.parts) result.parts = current.parts;
    if (comparison?.parts) result.comparisonParts = comparison.parts;
    result.lowSample = kpi.minSample !== undefined && result.sampleSize !== null && result.sampleSize < kpi.minSample;

    const now = grouped ? indexByKey(rowsOf, request.reads.current) : undefined;
    if (grouped && now) {
        const keys = new Map<string, { key: Key; label: string | null }>();
        const collect = (reads: Reads) => {
            for (const role of Object.keys(reads)) {
                for (const row of flat(reads, role))
                    keys.set(String(row.keys[0]), { key: row.keys[0], label: row.labels[0] });
            }
        };
        collect(request.reads.current);
        if (request.reads.comparison && then) collect(request.reads.comparison);
        const over = (index: RowIndex, key: Key) =>
            measure(kpi, request, (role) => index.get(role)?.get(key) ?? [], shareAt);
        result.groups = [...keys.values()].map(({ key, label }) => {
            const group = over(now, key);
            const before = then ? over(then, key) : undefined;
            return {
                key: key === null ? null : String(key),
                label,
                value: group.value,
                sampleSize: group.sampleSize ?? 0,
                comparisonValue: before ? before.value : null,
                comparisonSampleSize: before ? (before.sampleSize ?? 0) : null,
                ...(group.parts ? { parts: group.parts } : {}),
                ...(before?.parts ? { comparisonParts: before.parts } : {}),
            };
        });
    }

    if (now && sets) result.sets = setValues(kpi, request, now, then, sets, shareAt);

    if (current.targetMet) result.status = 'targetMet';
    else result.status = result.value === null && !grouped ? 'empty' : 'ok';
}

/** Rows by role, then by their group key (the first key), built once per window. */
type RowIndex = Map<string, Map<Key, Row[]>>;

function indexByKey(rowsOf: RowsOf, reads: Reads): RowIndex {
    const byRole: RowIndex = new Map();
    for (const role of Object.keys(reads)) {
        const byKey = new Map<Key, Row[]>();
        for (const { rows } of rowsOf(reads, role)) {
            for (const row of rows) {
                const list = byKey.get(row.keys[0]);
                if (list) list.push(row);
                else byKey.set(row.keys[0], [row]);
            }
        }
        byRole.set(role, byKey);
    }
    return byRole;
}

/** Each set's value from its groups' rows, indexed once by group key (2,000 reps in 2,000 sets stay linear). */
function setValues(
    kpi: KpiDefinition,
    request: PlannedRequest,
    now: RowIndex,
    then: RowIndex | undefined,
    sets: Record<string, readonly string[]>,
    shareAt: number,
): Record<string, SetValue> {
    const rowsIn = (byKey: Map<Key, Row[]> | undefined, keys: readonly string[]): Row[] => {
        const rows: Row[] = [];
        if (!byKey) return rows;
        for (const key of keys) {
            const found = byKey.get(key);
            if (found) for (const row of found) rows.push(row);
        }
        return rows;
    };
    const over = (byRole: RowIndex, keys: readonly string[]) =>
        measure(kpi, request, (role) => rowsIn(byRole.get(role), keys), shareAt);
    const out: Record<string, SetValue> = {};
    for (const [name, keys] of Object.entries(sets)) {
        const current = over(now, keys);
        const before = then ? over(then, keys) : undefined;
        out[name] = {
            value: current.value,
            sampleSize: current.sampleSize ?? 0,
            comparisonValue: before ? before.value : null,
            comparisonSampleSize: before ? (before.sampleSize ?? 0) : null,
        };
    }
    return out;
}

const firstOfMonth = (year: number, month: number): string =>
    `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;

/**
 * The viewer's day a sparkline row stands for (the first day of its month, quarter or year segment when it is not a
 * day): a month or quarter number is the one within the slice's 12 months, a day-in-year the one within its 365
 * days, an edge sliver's UTC day the viewer's day the planner recorded for it. Undefined when the key names nothing.
 */
function dayOfRow(key: Key, slice: SparkSlice): string | undefined {
    if (slice.edgesOnly) return slice.edges?.find((edge) => edge.utcDay === key)?.day;
    if (slice.fn === 'DAY_ONLY') {
        return typeof key === 'string' && !Number.isNaN(parseIsoDate(key)) ? key.slice(0, 10) : undefined;
    }
    if (typeof key !== 'number' || !Number.isInteger(key)) return undefined;
    const startYear = Number(slice.start.slice(0, 4));
    const startMonth = Number(slice.start.slice(5, 7));
    const monthWithin = (month: number) => firstOfMonth(month < startMonth ? startYear + 1 : startYear, month);
    switch (slice.fn) {
        case 'CALENDAR_YEAR':
            // The years the slice spans, and the UTC year just outside it (an edge day); any other year would join
            // the nearest bucket as if it were an edge day.
            if (key < startYear - 1 || key > Number(slice.end.slice(0, 4)) + 1) return undefined;
            return firstOfMonth(key, slice.months?.[0] ?? 1);
        case 'CALENDAR_QUARTER':
            return key >= 1 && key <= 4 ? monthWithin(3 * key - 2) : undefined;
        case 'CALENDAR_MONTH':
            return key >= 1 && key <= 12 ? monthWithin(key) : undefined;
        case 'DAY_IN_YEAR': {
            if (key < 1 || key > 366) return undefined;
            const start = parseIsoDate(slice.start);
            const inYear = (y: number) => parseIsoDate(`${y}-01-01`) + key - 1;
            return isoDate(inYear(startYear) >= start ? inYear(startYear) : inYear(startYear + 1));
        }
    }
}

/** Buckets tile the span; a day just before or after it (a UTC date key near midnight) joins the nearest end. */
function bucketIndex(buckets: readonly DateWindow[], date: string): number {
    const index = buckets.findIndex((b) => b.start <= date && date < b.end);
    if (index >= 0) return index;
    return date < buckets[0].start ? 0 : buckets.length - 1;
}

interface Computed {
    value: number | null;
    sampleSize: number | null;
    target?: number | null;
    targetMet?: boolean;
    parts?: RateParts;
}

function number(row: Row, key: string): number | null {
    if (!HAS_OWN.call(row.numbers, key)) {
        throw problemOf('noAccess', RESULT_LABELS.fieldHidden.replace('{0}', key.split('.')[0]));
    }
    return row.numbers[key] ?? null;
}

function total(rows: Row[], key: string): number {
    return rows.reduce((sum, row) => sum + (number(row, key) ?? 0), 0);
}

/** Count, sum, average or distinct count of a part's rows. */
function aggregateOf(part: ResolvedPart, request: PlannedRequest, rows: Row[]): Computed {
    const records = total(rows, 'Id.count');
    const { fn, field } = part.aggregate;
    if (fn === 'count' || !field) return { value: records, sampleSize: records };
    const name = resolveField(field, request.settings);
    switch (fn) {
        case 'sum':
            return { value: total(rows, `${name}.sum`), sampleSize: records };
        case 'countDistinct':
            return { value: total(rows, `${name}.countDistinct`), sampleSize: records };
        case 'avg': {
            const counted = total(rows, `${name}.count`);
            // Daily sparkline rows carry sum and count; totals carry the server's avg.
            const weighted = rows.some((row) => HAS_OWN.call(row.numbers, `${name}.avg`))
                ? rows.reduce(
                      (sum, row) => sum + (number(row, `${name}.avg`) ?? 0) * (number(row, `${name}.count`) ?? 0),
                      0,
                  )
                : total(rows, `${name}.sum`);
            return { value: counted > 0 ? weighted / counted : null, sampleSize: counted };
        }
    }
}

/**
 * A target part's number (kpiCatalog REVENUE_TARGET): each person once, prorated from the quarterly quota to the
 * period shown (kpiPeriods quotaShare). Rows are one per user with their manager (group keys `id`, `manager`); a user
 * to whom someone with a number of their own reports directly holds a roll-up copy of their team's and is left out.
 * Users without a number count as nothing and make nobody a roll-up; when nobody in scope has one there is no target
 * (null, not a target of 0).
 */
function targetOf(part: ResolvedPart, request: PlannedRequest, rows: Row[]): number | null {
    if (!part.perPerson) return aggregateOf(part, request, rows).value;
    const name = `${resolveField(part.aggregate.field!, request.settings)}.sum`;
    const managers = new Set<Key>();
    let holders = 0;
    for (const row of rows) {
        if (number(row, name) === null) continue;
        holders++;
        managers.add(row.keys[1]);
    }
    if (holders === 0) return null;
    let sum = 0;
    for (const row of rows) if (!managers.has(row.keys[0])) sum += number(row, name) ?? 0;
    return sum * quotaShare(request.period);
}

const divide = (a: number, b: number): number | null => (b > 0 ? a / b : null);

/** A rate and its two sides; the sample is the denominator's records. */
function rate(numerator: Computed, denominator: Computed): Computed {
    return {
        value: divide(numerator.value ?? 0, denominator.value ?? 0),
        sampleSize: denominator.sampleSize,
        parts: { numerator: numerator.value ?? 0, denominator: denominator.value ?? 0 },
    };
}

const PARTS = new WeakMap<KpiDefinition, Map<string, ResolvedPart>>();

/** A KPI's parts by role, resolved once: a leaderboard measures each KPI for thousands of sets of owners. */
function partsOf(kpi: KpiDefinition): Map<string, ResolvedPart> {
    let parts = PARTS.get(kpi);
    if (!parts) PARTS.set(kpi, (parts = new Map(kpiParts(kpi).map((part) => [part.role, part]))));
    return parts;
}

function measure(
    kpi: KpiDefinition,
    request: PlannedRequest,
    rows: (role: string) => Row[],
    shareAt: number,
): Computed {
    const parts = partsOf(kpi);
    const m = kpi.measure;
    switch (m.kind) {
        case 'aggregate': {
            const computed = aggregateOf(parts.get('value')!, request, rows('value'));
            if (computed.value === null) return computed;
            if (m.perRecord) return { ...computed, value: divide(computed.value, computed.sampleSize ?? 0) };
            if (m.multiplier && request.settings[m.multiplier.setting] === true) {
                return { ...computed, value: computed.value * m.multiplier.factor };
            }
            return computed;
        }
        case 'share': {
            const all = rows('value');
            const wanted = (Array.isArray(m.values) ? m.values : (request.settings[m.values.setting] as string[])).map(
                String,
            );
            const part = parts.get('value')!;
            const inShare = all.filter((row) => wanted.includes(String(row.keys[shareAt])));
            return rate(aggregateOf(part, request, inShare), aggregateOf(part, request, all));
        }
        case 'ratio': {
            return rate(
                aggregateOf(parts.get('numerator')!, request, rows('numerator')),
                aggregateOf(parts.get('denominator')!, request, rows('denominator')),
            );
        }
        case 'coverage': {
            const pipeline = aggregateOf(parts.get('pipeline')!, request, rows('pipeline'));
            const won = aggregateOf(parts.get('won')!, request, rows('won')).value ?? 0;
            const target = request.target ?? targetOf(parts.get('target')!, request, rows('target'));
            if (!target) return { value: null, sampleSize: pipeline.sampleSize, target: target ?? null };
            const remaining = target - won;
            if (remaining <= 0) return { value: null, sampleSize: pipeline.sampleSize, target, targetMet: true };
            return { value: (pipeline.value ?? 0) / remaining, sampleSize: pipeline.sampleSize, target };
        }
        case 'averageDuration':
            return averageDuration(rows('years'), rows('fromDays'), rows('toDays'), {
                from: shiftOf(rows, 'from'),
                to: shiftOf(rows, 'to'),
            });
    }
}

/**
 * Days to add to a DateTime end's UTC day numbers for the viewer's local days: the records counted ahead (local day
 * after the UTC one) less those behind (kpiPlanner shiftFilter); 0 for a Date field or a viewer on UTC.
 */
function shiftOf(rows: (name: string) => Row[], end: 'from' | 'to'): number {
    const count = (name: string) => rows(name).reduce((sum, row) => sum + (number(row, 'Id.count') ?? 0), 0);
    return count(`${end}Ahead`) - count(`${end}Behind`);
}

/**
 * mean(to − from) = mean(to) − mean(from) over the same records. A date's day number is days(Jan 1 of its year)
 * + (day in year − 1), so each sum comes from a CALENDAR_YEAR histogram and a DAY_IN_YEAR histogram. Dates without
 * a value would make the histograms disagree: that is reported, never averaged over. A DateTime end's UTC days are
 * moved to the viewer's by the shift counts (docs/kpis.md, "Durations in the viewer's calendar").
 */
function averageDuration(
    years: Row[],
    fromDays: Row[],
    toDays: Row[],
    shifts: { from: number; to: number } = { from: 0, to: 0 },
): Computed {
    const count = (rows: Row[]) => rows.reduce((sum, row) => sum + (number(row, 'Id.count') ?? 0), 0);
    const records = count(years);
    const keyed = (rows: Row[], at: number) => rows.filter((row) => typeof row.keys[at] === 'number');
    if (
        count(keyed(years, 0)) !== records ||
        count(keyed(years, 1)) !== records ||
        count(keyed(fromDays, 0)) !== records ||
        count(keyed(toDays, 0)) !== records
    ) {
        throw problemOf('incomplete', RESULT_LABELS.inconsistent);
    }
    if (records === 0) return { value: null, sampleSize: 0 };
    const jan1 = (year: Key) => parseIsoDate(`${String(year).padStart(4, '0')}-01-01`);
    const yearSum = (at: number) =>
        years.reduce((sum, row) => sum + jan1(row.keys[at]) * (number(row, 'Id.count') ?? 0), 0);
    const daySum = (rows: Row[]) =>
        rows.reduce((sum, row) => sum + ((row.keys[0] as number) - 1) * (number(row, 'Id.count') ?? 0), 0);
    const from = yearSum(0) + daySum(fromDays) + shifts.from;
    const to = yearSum(1) + daySum(toDays) + shifts.to;
    return { value: (to - from) / records, sampleSize: records };
}

/**
 * One answer from a document and its page documents (planPage), in the order they were answered: each aggregate's
 * groups joined, its page info the last page's. Other parts of the answer are the first one's.
 */
export function mergePages(answers: readonly unknown[]): unknown {
    const [first, ...pages] = answers;
    if (pages.length === 0 || !isObject(first) || !isObject(first.uiapi) || !isObject(first.uiapi.aggregate)) {
        return first;
    }
    const aggregate: Record<string, unknown> = { ...first.uiapi.aggregate };
    for (const page of pages) {
        const more = isObject(page) && isObject(page.uiapi) ? page.uiapi.aggregate : undefined;
        if (!isObject(more)) continue;
        for (const [alias, connection] of Object.entries(more)) {
            const before = aggregate[alias];
            if (!isObject(before) || !Array.isArray(before.edges)) continue;
            // A page that answers the alias malformed makes the joined answer malformed: the reader refuses it
            // instead of reading the pages before it as if they were all.
            if (!isObject(connection) || !Array.isArray(connection.edges)) {
                aggregate[alias] = isObject(connection) ? { ...connection, edges: null } : connection;
                continue;
            }
            aggregate[alias] = { ...connection, edges: [...before.edges, ...connection.edges] };
        }
    }
    return { ...first, uiapi: { ...first.uiapi, aggregate } };
}

/** The aggregate nodes (`edges[].node.aggregate`) of an extra aggregate (PlanExtras.aggregates); undefined if absent. */
export function readExtraRows(
    plan: KpiPlan,
    key: string,
    data: unknown,
): { nodes: Record<string, unknown>[]; hasNextPage: boolean; endCursor: string | null } | undefined {
    const subquery = plan.documents[0]?.subqueries.find((s) => s.extra === key);
    const aggregate = isObject(data) && isObject(data.uiapi) ? data.uiapi.aggregate : undefined;
    const connection = subquery && isObject(aggregate) ? aggregate[subquery.alias] : undefined;
    if (!isObject(connection)) return undefined;
    // A malformed connection (edges not a list, a node without its aggregate) is not a shorter list: none.
    if (answerProblem(data, subquery!)) return undefined;
    const nodes = (connection.edges as { node: { aggregate: Record<string, unknown> } }[]).map(
        (edge) => edge.node.aggregate,
    );
    const pageInfo = isObject(connection.pageInfo) ? connection.pageInfo : {};
    const endCursor = typeof pageInfo.endCursor === 'string' && pageInfo.endCursor ? pageInfo.endCursor : null;
    return { nodes, hasNextPage: pageInfo.hasNextPage === true, endCursor };
}

/** One field of a listed record: its value and the server's formatting of it. */
export interface RecordField {
    value: unknown;
    displayValue: string | null;
}

export interface RecordRow {
    id: string;
    /** By the field path the request named (`Amount`, `Account.Name`); absent when hidden from the viewer. */
    fields: Record<string, RecordField>;
}

export interface RecordsResult {
    key: string;
    rows: RecordRow[];
    hasMore: boolean;
    error?: KpiResultError;
}

/**
 * A record's field by path: undefined when it is left out (hidden by @optional) or its parent is null or left out
 * (the record has none), null when a parent that is there lacks the field, or the field is there in another shape
 * than `{ value, displayValue }` (the row cannot be read).
 */
function fieldAt(node: Record<string, unknown>, path: string): RecordField | undefined | null {
    const steps = path.split('.');
    let holder: unknown = node;
    for (const [index, step] of steps.entries()) {
        // A record without an account has a null Account; every record has an owner.
        if (index > 0 && holder === null) return steps[0] === 'Owner' ? null : undefined;
        if (!isObject(holder)) return null;
        holder = holder[step];
        // A parent left out reads as none (as a null one); a parent that is there has the fields selected of it.
        if (holder === undefined && index === 0 && steps.length > 1) return undefined;
    }
    // Own fields are selected @optional (left out when hidden); a parent's are not.
    if (holder === undefined) return steps.length === 1 ? undefined : null;
    if (!isObject(holder) || !('value' in holder)) return null;
    const { value, displayValue } = holder;
    if (value !== null && typeof value === 'object') return null;
    if (displayValue !== undefined && displayValue !== null && typeof displayValue !== 'string') return null;
    return { value, displayValue: typeof displayValue === 'string' ? displayValue : null };
}

/** The record page planned under `key` (PlanExtras.records): its rows, or why there are none. */
export function readRecords(
    plan: KpiPlan,
    key: string,
    data: unknown,
    errors?: readonly unknown[] | null,
): RecordsResult {
    const rejected = plan.rejected.find((r) => r.key === key);
    if (rejected) {
        const error: KpiResultError = { kind: 'config', messages: rejected.problems.map(describeProblem) };
        return { key, rows: [], hasMore: false, error: { ...error, problems: rejected.problems } };
    }
    const document = plan.documents[0];
    const planned = document?.records.find((r) => r.key === key);
    if (!document || !planned) return { key, rows: [], hasMore: false, error: { kind: 'incomplete', messages: [] } };
    const own = (errors ?? []).filter((error) =>
        subqueriesOfError(error, { subqueries: [...document.subqueries, ...document.records] }, true).some(
            (s) => s.alias === planned.alias,
        ),
    );
    if (own.length > 0) return { key, rows: [], hasMore: false, error: errorFrom(reduceErrors(own)) };
    const query = isObject(data) && isObject(data.uiapi) ? data.uiapi.query : undefined;
    const connection = isObject(query) ? query[planned.alias] : undefined;
    if (!isObject(connection) || !Array.isArray(connection.edges)) {
        const error = connection === undefined ? problemOf('incomplete', RESULT_LABELS.incomplete).error : undefined;
        return { key, rows: [], hasMore: false, error: error ?? malformed(planned, 'edges').error };
    }
    const rows: RecordRow[] = [];
    const ids = new Set<string>();
    const leftOut = new Set<string>();
    for (const [index, edge] of (connection.edges as unknown[]).entries()) {
        const node = isObject(edge) && isObject(edge.node) ? edge.node : undefined;
        // A row without its node or Id is not a shorter page: the page cannot be read.
        if (!node || typeof node.Id !== 'string' || !node.Id) {
            const error = malformed(planned, `edges[${index}].node${node ? '.Id' : ''}`).error;
            return { key, rows: [], hasMore: false, error };
        }
        if (ids.has(node.Id)) {
            const error = problemOf(
                'incomplete',
                fillLabel(RESULT_LABELS.duplicateGroup, `${planned.alias}: ${node.Id}`),
            );
            return { key, rows: [], hasMore: false, error: error.error };
        }
        ids.add(node.Id);
        const fields: Record<string, RecordField> = {};
        for (const path of planned.fields) {
            const found = fieldAt(node, path);
            if (found === null) {
                return {
                    key,
                    rows: [],
                    hasMore: false,
                    error: malformed(planned, `edges[${index}].node.${path}`).error,
                };
            }
            if (found) fields[path] = found;
            else if (!path.includes('.')) leftOut.add(path);
        }
        rows.push({ id: node.Id, fields });
    }
    // Field-level security hides a field on every record or on none: on some records only is another shape.
    const mixed = [...leftOut].find((path) => rows.some((row) => path in row.fields));
    if (mixed) return { key, rows: [], hasMore: false, error: malformed(planned, mixed).error };
    const pageInfo = isObject(connection.pageInfo) ? connection.pageInfo : {};
    return { key, rows, hasMore: pageInfo.hasNextPage === true };
}

export interface PicklistOption {
    label: string;
    value: string;
}

/**
 * An object's picklist values from the document's objectInfos answer (PlanExtras.picklists), by field: the active
 * values once each (first label wins across record types), or null for a field the viewer's describe lacks (hidden).
 * Undefined until an answer carries the object.
 */
export function readPicklistValues(
    data: unknown,
    object: string,
    fields: readonly string[],
): Record<string, PicklistOption[] | null> | undefined {
    const infos = isObject(data) && isObject(data.uiapi) ? data.uiapi.objectInfos : undefined;
    const info = Array.isArray(infos) ? infos.find((item) => isObject(item) && item.ApiName === object) : undefined;
    const described = isObject(info) && Array.isArray(info.fields) ? info.fields.filter(isObject) : undefined;
    if (!described) return undefined;
    const optionsOf = (name: string): PicklistOption[] | null => {
        const field = described.find((item) => item.ApiName === name);
        if (!field) return null;
        const byValue = new Map<string, PicklistOption>();
        const recordTypes = Array.isArray(field.picklistValuesByRecordTypeIDs)
            ? field.picklistValuesByRecordTypeIDs
            : [];
        for (const recordType of recordTypes) {
            const values =
                isObject(recordType) && Array.isArray(recordType.picklistValues) ? recordType.picklistValues : [];
            for (const entry of values) {
                const value = isObject(entry) && typeof entry.value === 'string' ? entry.value : '';
                const label = isObject(entry) && typeof entry.label === 'string' ? entry.label : '';
                if (value && !byValue.has(value)) byValue.set(value, { label: label || value, value });
            }
        }
        return [...byValue.values()];
    };
    return Object.fromEntries(fields.map((field) => [field, optionsOf(field)]));
}

/** All results of a plan whose documents were answered one by one (`responses[i]` for `plan.documents[i]`). */
export function readAllResults(
    plan: KpiPlan,
    responses: readonly ({ data?: unknown; errors?: readonly unknown[] | null } | undefined)[],
): Record<string, KpiResult> {
    if (plan.documents.length === 0) return readResults(plan, undefined);
    return Object.assign(
        {},
        ...plan.documents.map((_, index) => readResults(plan, responses[index]?.data, responses[index]?.errors, index)),
    );
}

/** One sentence for the App Builder or tile: what is wrong and with which property. */
export function describeProblem(problem: KpiProblem): string {
    return fillLabel(RESULT_LABELS.problems[problem.code], problem.property, problem.value ?? '');
}

export function describeNote(note: NoteCode): string {
    return RESULT_LABELS.notes[note];
}

/** The KPI's title in the viewer's language. */
export function kpiTitle(id: string): string {
    const kpi = findKpi(id);
    return kpi ? KPI_LABELS[kpi.label] : '';
}

/** The KPI's one-sentence definition, for help text. */
export function kpiHelp(id: string): string {
    const kpi = findKpi(id);
    return kpi ? KPI_LABELS[kpi.help] : '';
}

/** Every KPI as an App Builder / picklist option: value is the catalog id. */
export function kpiOptions(): { label: string; value: string }[] {
    return KPI_CATALOG.map((kpi) => ({ label: KPI_LABELS[kpi.label], value: kpi.id }));
}
