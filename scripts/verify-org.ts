/**
 * `npm run verify:org -- --target-org ALIAS [--api-version 65.0] [--save FILE]`: the first thing to run on a new org.
 *
 * Sends probe documents to the org's UI API GraphQL endpoint and the same documents to the preview engine (the 1k
 * sample org, as its admin), and compares each answer's shape: data or errors, and the tree of keys and value types
 * (values themselves differ by org). One probe per construct the package relies on that Salesforce's docs leave open
 * (issue 13), plus each component's largest document, taken from the enumeration the GraphQL validator checks
 * (scripts/graphql/dynamic-documents.ts). A probe "held" when the org answered in the engine's shape; one that did
 * not hold names where the org differs, and is a fact to bring back into docs/engine-differences.md and the engine.
 *
 * Transport. `sf api request graphql` sends only `{"query": …}` (no variables: see
 * node_modules/@salesforce/plugin-api/lib/commands/api/request/graphql.js and
 * https://developer.salesforce.com/docs/platform/salesforce-cli-reference/guide/cli_reference_api_request_graphql.html),
 * and the component documents carry variables. So the script posts `{ query, variables }` to the GraphQL endpoint
 * `/services/data/vXX.X/graphql` (https://developer.salesforce.com/docs/platform/graphql/guide/requests-and-responses.html)
 * with `sf api request rest --method POST --body @file --include`, which uses the CLI's stored auth
 * (https://developer.salesforce.com/docs/platform/salesforce-cli-reference/guide/cli_reference_api_request_rest.html).
 * The transport is an interface, so the tests run the whole script against the preview server standing in for the org.
 *
 * Exit codes: 0 every probe held, 1 a probe did not hold (or could not be asked, or the org cannot be reached, or sf
 * is not installed), 2 a usage mistake.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kind, parse, type DocumentNode, type FieldNode, type TypeNode } from 'graphql';
import { createEngine, type Engine, type ViewerContext } from '../preview/engine/index';
import { generateSampleOrg } from '../preview/sample-org/index';
import { dynamicDocumentSources, type DynamicDocumentSource } from './graphql/dynamic-documents';
import { leaderboardModule } from './graphql/leaderboard-documents';
import { plannerModule } from './graphql/planner-documents';
import { winLossModule } from './graphql/winloss-documents';
import { runCommand } from './lib/command';
import { runSf, sfBin, sfFailure, takeOption, UsageError, type SfRunner } from './lib/sf';
import { packageApiVersion } from './validate/graphql';

export const verifyOrgUsage =
    'usage: npm run verify:org -- --target-org ALIAS [--api-version 65.0] [--save report.json]\n' +
    'ALIAS is an org alias or username you have authorised, e.g. with `npx sf org login web --alias ALIAS`.';

export interface GraphQLRequest {
    query: string;
    variables?: Record<string, unknown>;
    operationName?: string;
}

export interface GraphQLBody {
    data?: unknown;
    errors?: { message?: unknown }[];
}

/** One answer: the HTTP status and JSON body, or why there is none. */
export interface Answer {
    status?: number;
    body?: GraphQLBody;
    /** The request could not be made or its answer was not JSON. */
    failure?: string;
}

/** Where documents go: an org through sf, the preview server over HTTP, or the engine in this process. */
export interface Transport {
    /** Named in the report, e.g. `org kpiDev (sf api request rest)`. */
    name: string;
    /** The running user's Id, for `$userId`-style variables. */
    userId: string;
    send(request: GraphQLRequest): Promise<Answer>;
}

// ---------------------------------------------------------------------------------------------------------------
// Transports

/** The org cannot be asked at all (no CLI, no auth): reported as such, exit 1. */
export class OrgUnavailable extends Error {}

export interface SfTransportOptions {
    sf?: SfRunner;
    /** `XX.X`; the package's sourceApiVersion by default. */
    apiVersion?: string;
    /** Whether the pinned CLI is installed (tests replace it). */
    sfInstalled?: () => boolean;
    timeoutMs?: number;
}

/** `HTTP/1.1 200` + header lines + pretty JSON, as `sf api request rest --include` prints them. */
export function parseIncludeOutput(stdout: string): Answer {
    const text = stdout.replace(/\u001b\[[0-9;]*m/g, '');
    const status = /^HTTP\/\S+ (\d{3})/m.exec(text);
    const start = text.search(/^[{[]/m);
    if (start < 0) return { status: status ? Number(status[1]) : undefined, failure: 'the answer held no JSON' };
    try {
        const json = JSON.parse(text.slice(start)) as unknown;
        // REST-style failures (401, 400 before GraphQL runs) are an array of { message, errorCode }.
        const body: GraphQLBody = Array.isArray(json)
            ? { errors: json as { message?: unknown }[] }
            : (json as GraphQLBody);
        return { status: status ? Number(status[1]) : undefined, body };
    } catch (error) {
        return { failure: `the answer was not JSON: ${(error as Error).message}` };
    }
}

/** Asks the org through the pinned sf CLI with its stored auth; throws OrgUnavailable when that cannot work. */
export async function connectSfOrg(targetOrg: string, options: SfTransportOptions = {}): Promise<Transport> {
    const sf = options.sf ?? runSf;
    const installed = options.sfInstalled ?? (() => fs.existsSync(sfBin));
    if (!installed()) {
        throw new OrgUnavailable(
            `the Salesforce CLI is not installed (${path.relative(process.cwd(), sfBin) || sfBin} is missing): ` +
                'run `npm install` (it installs @salesforce/cli from package.json), authorise the org with ' +
                '`npx sf org login web --alias ALIAS`, then run this again. Nothing was sent.',
        );
    }
    const apiVersion = options.apiVersion ?? packageApiVersion().toFixed(1);
    const timeoutMs = options.timeoutMs ?? 120_000;
    const who = await sf(['org', 'display', 'user', '--target-org', targetOrg], { json: true, timeoutMs });
    const result = (who.json as { result?: { id?: unknown; username?: unknown } } | undefined)?.result;
    if (who.exitCode !== 0 || typeof result?.id !== 'string') {
        throw new OrgUnavailable(
            `sf cannot reach org ${targetOrg}: ${sfFailure(who).replace(/\s+/g, ' ').trim()}. Authorise it with ` +
                `\`npx sf org login web --alias ${targetOrg}\` and run this again. Nothing was sent.`,
        );
    }
    const endpoint = `/services/data/v${apiVersion}/graphql`;
    return {
        name: `org ${targetOrg} as ${String(result.username ?? result.id)} (sf api request rest ${endpoint})`,
        userId: result.id,
        async send(request) {
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpi-verify-org-'));
            const file = path.join(dir, 'request.json');
            try {
                fs.writeFileSync(file, JSON.stringify(request));
                const args = ['api', 'request', 'rest', endpoint, '--method', 'POST'];
                args.push('--header', 'Content-Type: application/json', '--body', `@${file}`, '--include');
                const answer = await sf([...args, '--target-org', targetOrg], { timeoutMs });
                const parsed = parseIncludeOutput(answer.stdout);
                if (parsed.failure && answer.exitCode !== 0) return { failure: sfFailure(answer) };
                return parsed;
            } finally {
                fs.rmSync(dir, { recursive: true, force: true });
            }
        },
    };
}

/** The preview server (or anything speaking its `POST /graphql`), e.g. the stand-in org of the tests. */
export function httpTransport(url: string, userId: string, headers: Record<string, string> = {}): Transport {
    return {
        name: `${url} (HTTP)`,
        userId,
        async send(request) {
            try {
                const response = await fetch(url, {
                    method: 'POST',
                    headers: { 'content-type': 'application/json', ...headers },
                    body: JSON.stringify(request),
                });
                const text = await response.text();
                try {
                    return { status: response.status, body: JSON.parse(text) as GraphQLBody };
                } catch {
                    return { status: response.status, failure: `the answer was not JSON: ${text.slice(0, 200)}` };
                }
            } catch (error) {
                return { failure: (error as Error).message };
            }
        },
    };
}

/** The engine in this process: the reference each org answer is compared with. */
export function engineTransport(engine: Engine, viewer: ViewerContext, name = 'preview engine'): Transport {
    return {
        name,
        userId: viewer.userId,
        async send(request) {
            const response = engine.execute(request, viewer);
            const body: GraphQLBody = {};
            if (response.data !== undefined) body.data = response.data;
            if (response.errors && response.errors.length > 0) body.errors = response.errors;
            return { status: 200, body };
        },
    };
}

/** The engine on the 1k sample org (fiscal year from January), as its admin, now. */
export function sampleEngineTransport(now = new Date()): Transport {
    const sample = generateSampleOrg({ seed: 1, size: 1000, now });
    const viewer: ViewerContext = {
        userId: sample.org.personas.admin,
        locale: 'en-US',
        currency: 'USD',
        timeZone: 'UTC',
        now,
    };
    return engineTransport(createEngine(sample), viewer, 'preview engine (1k sample org, as its admin)');
}

// ---------------------------------------------------------------------------------------------------------------
// Shapes

/** The shape of a JSON value: its kind, an object's keys, an array's elements merged into one. */
export type Shape =
    | { kind: 'null' | 'string' | 'number' | 'boolean' }
    | { kind: 'array'; element?: Shape }
    | { kind: 'object'; keys: Map<string, Shape> };

export function shapeOf(value: unknown): Shape {
    if (value === null || value === undefined) return { kind: 'null' };
    if (Array.isArray(value)) {
        let element: Shape | undefined;
        for (const item of value) element = element ? mergeShapes(element, shapeOf(item)) : shapeOf(item);
        return { kind: 'array', element };
    }
    if (typeof value === 'object') {
        const keys = new Map<string, Shape>();
        for (const [key, item] of Object.entries(value)) keys.set(key, shapeOf(item));
        return { kind: 'object', keys };
    }
    const kind = typeof value;
    return { kind: kind === 'string' || kind === 'number' || kind === 'boolean' ? kind : 'string' };
}

/** Rows of one array: keys present on some rows only are kept (an @optional field left out of some). */
function mergeShapes(a: Shape, b: Shape): Shape {
    if (a.kind === 'null') return b;
    if (b.kind === 'null') return a;
    if (a.kind === 'object' && b.kind === 'object') {
        const keys = new Map(a.keys);
        for (const [key, shape] of b.keys) keys.set(key, keys.has(key) ? mergeShapes(keys.get(key)!, shape) : shape);
        return { kind: 'object', keys };
    }
    if (a.kind === 'array' && b.kind === 'array') {
        const element = a.element && b.element ? mergeShapes(a.element, b.element) : (a.element ?? b.element);
        return { kind: 'array', element };
    }
    return a;
}

/**
 * Where two shapes differ. A null is a value (a record's empty field, a missing parent), not a shape, so it matches
 * anything; so does an empty array (no rows here, rows there). Keys are compared both ways.
 */
export function shapeDifferences(org: Shape, local: Shape, at = ''): string[] {
    if (org.kind === 'null' || local.kind === 'null') return [];
    if (org.kind !== local.kind) return [`${at || '(root)'}: ${org.kind} on the org, ${local.kind} in the engine`];
    if (org.kind === 'array' && local.kind === 'array') {
        if (!org.element || !local.element) return [];
        return shapeDifferences(org.element, local.element, `${at}[]`);
    }
    if (org.kind === 'object' && local.kind === 'object') {
        const out: string[] = [];
        for (const [key, shape] of org.keys) {
            const path = at ? `${at}.${key}` : key;
            const other = local.keys.get(key);
            if (other === undefined) out.push(`${path}: only on the org`);
            else out.push(...shapeDifferences(shape, other, path));
        }
        for (const key of local.keys.keys()) {
            if (!org.keys.has(key)) out.push(`${at ? `${at}.${key}` : key}: only in the engine`);
        }
        return out;
    }
    return [];
}

/** What an answer is at the top: data, errors, both (partial), or no answer. */
export function answerKind(answer: Answer): 'data' | 'errors' | 'data and errors' | 'no answer' {
    if (answer.failure || !answer.body) return 'no answer';
    const hasData = answer.body.data !== undefined && answer.body.data !== null;
    const hasErrors = Array.isArray(answer.body.errors) && answer.body.errors.length > 0;
    if (hasData && hasErrors) return 'data and errors';
    if (hasErrors) return 'errors';
    return hasData ? 'data' : 'no answer';
}

function firstError(answer: Answer): string {
    if (answer.failure) return answer.failure;
    const message = answer.body?.errors?.[0]?.message;
    return typeof message === 'string' ? message.slice(0, 300) : '(no message)';
}

// ---------------------------------------------------------------------------------------------------------------
// Probes

export interface Step {
    label: string;
    request: GraphQLRequest;
    answer: Answer;
}

export interface Probe {
    id: string;
    /** The open question, as the issue words it. */
    question: string;
    /** Sends its documents through one transport; later steps may depend on earlier answers (cursors). */
    run(transport: Transport): Promise<Step[]>;
    /** Values worth reading beside the shape (counts that tell how a literal was resolved, groups seen). */
    note?(steps: Step[]): string | undefined;
}

async function single(transport: Transport, label: string, request: GraphQLRequest): Promise<Step[]> {
    return [{ label, request, answer: await transport.send(request) }];
}

const dig = (value: unknown, ...keys: (string | number)[]): unknown =>
    keys.reduce<unknown>(
        (at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined),
        value,
    );

function edgeCount(step: Step | undefined, alias: string, via = 'aggregate'): number | undefined {
    const edges = dig(step?.answer.body?.data, 'uiapi', via, alias, 'edges');
    return Array.isArray(edges) ? edges.length : undefined;
}

function countOf(step: Step | undefined, alias: string): number | undefined {
    const value = dig(step?.answer.body?.data, 'uiapi', 'aggregate', alias, 'edges', 0, 'node', 'aggregate');
    const count = dig(value, 'Id', 'count', 'value');
    return typeof count === 'number' ? count : undefined;
}

const COUNT = 'Id { count { value } }';

/** The first instant of the calendar quarter holding `now`, and of the next one, in UTC. */
export function utcQuarterBounds(now: Date): { start: string; end: string } {
    const month = Math.floor(now.getUTCMonth() / 3) * 3;
    return {
        start: new Date(Date.UTC(now.getUTCFullYear(), month, 1)).toISOString(),
        end: new Date(Date.UTC(now.getUTCFullYear(), month + 3, 1)).toISOString(),
    };
}

function aggregatePage(groups: number, after: string | null): GraphQLRequest {
    return {
        query: `query VerifyAggregateAfter($after: String) { uiapi { aggregate {
  Opportunity(groupBy: { Name: { group: true } }, orderBy: { Name: { order: ASC } }, first: ${groups}, after: $after) {
    edges { node { aggregate { Name { value } ${COUNT} } } }
    pageInfo { hasNextPage endCursor }
  }
} } }`,
        variables: { after },
    };
}

function endCursor(step: Step): string | undefined {
    const info = dig(step.answer.body?.data, 'uiapi', 'aggregate', 'Opportunity', 'pageInfo') as
        { hasNextPage?: unknown; endCursor?: unknown } | undefined;
    return info?.hasNextPage === true && typeof info.endCursor === 'string' ? info.endCursor : undefined;
}

/** One probe per construct the docs leave open (issue 13, "Undocumented constructs" and the points before it). */
export function undocumentedProbes(now = new Date()): Probe[] {
    const ownerGroups = (selection: string) => `{ uiapi { aggregate {
  Opportunity(groupBy: { OwnerId: { group: true } }, first: 2000) {
    edges { node { aggregate { OwnerId { value } ${selection} } } }
    pageInfo { hasNextPage }
  }
} } }`;
    const bounds = utcQuarterBounds(now);
    return [
        {
            id: 'optional-in-aggregate',
            question: '`@optional` inside an aggregate selection (`Amount @optional { sum { value } }`)',
            run: (t) =>
                single(t, 'owners with Amount @optional', {
                    query: ownerGroups(`${COUNT} Amount @optional { sum { value } }`),
                }),
        },
        {
            id: 'aggregate-after-cursor',
            question: '`after` cursors on aggregates past 2,000 groups (SOQL cannot page GROUP BY results)',
            async run(t) {
                const first = await single(t, 'page 1 of 2,000 groups by Name', aggregatePage(2000, null));
                const cursor = endCursor(first[0]);
                if (cursor) {
                    const second = await single(t, 'page 2, after 2,000 groups', aggregatePage(2000, cursor));
                    return [...first, ...second];
                }
                // Too few groups to go past 2,000: at least page an aggregate with a cursor.
                const small = await single(
                    t,
                    'page 1 of 2 groups (2,000 or fewer groups here)',
                    aggregatePage(2, null),
                );
                const smallCursor = endCursor(small[0]);
                if (!smallCursor) return [...first, ...small];
                const next = await single(t, 'page 2 of 2 groups, after its cursor', aggregatePage(2, smallCursor));
                return [...first, ...small, ...next];
            },
            note(steps) {
                const groups = edgeCount(steps[0], 'Opportunity');
                if (groups === undefined) return undefined;
                const past = steps.some((step) => step.label.startsWith('page 2, after 2,000'));
                return past
                    ? `past 2,000 groups: page 2 had ${edgeCount(steps[1], 'Opportunity') ?? '?'} groups`
                    : `${groups} groups, not past 2,000 (only a small page was paged with after)`;
            },
        },
        {
            id: 'relationship-in-aggregate',
            question: '`Owner { Name { max { value } } }` beside its Id key in aggregate results',
            run: (t) =>
                single(t, 'owners with their names', {
                    query: ownerGroups(`${COUNT} Owner { Name { max { value } } }`),
                }),
        },
        {
            id: 'empty-semi-join',
            question: 'an empty `{}` semi-join subquery (`Id: { inq: { Opportunity: {}, ApiName: "OwnerId" } }`)',
            run: (t) =>
                single(t, 'users who own an opportunity', {
                    query: `{ uiapi { query {
  User(where: { Id: { inq: { Opportunity: {}, ApiName: "OwnerId" } } }, first: 200) {
    edges { node { Id Name { value } } }
  }
} } }`,
                }),
            note: (steps) => `${edgeCount(steps[0], 'User', 'query') ?? '?'} users`,
        },
        {
            id: 'objectinfos-in-limit',
            question: 'whether objectInfos counts toward the 10-subquery limit (10 subqueries + objectInfos)',
            async run(t) {
                const aggregates = (n: number) =>
                    Array.from(
                        { length: n },
                        (_, i) =>
                            `a${i}: Opportunity(where: { Probability: { gte: ${i * 10} } }) { edges { node { aggregate { ${COUNT} } } } }`,
                    ).join('\n    ');
                const document = (n: number) => `{ uiapi {
  aggregate {
    ${aggregates(n)}
  }
  objectInfos(apiNames: ["Opportunity"]) { ApiName }
} }`;
                // 9 + objectInfos is within the limit either way: it tells a refusal of 10 + objectInfos apart from
                // a refusal of objectInfos beside aggregates.
                const nine = await single(t, '9 aggregates and objectInfos', { query: document(9) });
                return [...nine, ...(await single(t, '10 aggregates and objectInfos', { query: document(10) }))];
            },
        },
        {
            id: 'datetime-literal',
            question:
                'a date literal on a DateTime field (THIS_QUARTER, THIS_FISCAL_QUARTER on CreatedDate) vs explicit bounds',
            run: (t) =>
                single(t, 'CreatedDate by literal and by UTC bounds', {
                    query: `query VerifyDateTimeLiteral($start: DateTime, $end: DateTime) { uiapi { aggregate {
  literal: Opportunity(where: { CreatedDate: { eq: { literal: THIS_QUARTER } } }) { edges { node { aggregate { ${COUNT} } } } }
  utcBounds: Opportunity(where: { CreatedDate: { gte: { value: $start }, lt: { value: $end } } }) { edges { node { aggregate { ${COUNT} } } } }
  fiscal: Opportunity(where: { CreatedDate: { eq: { literal: THIS_FISCAL_QUARTER } } }) { edges { node { aggregate { ${COUNT} } } } }
} } }`,
                    variables: bounds,
                }),
            note(steps) {
                const literal = countOf(steps[0], 'literal');
                const utc = countOf(steps[0], 'utcBounds');
                if (literal === undefined || utc === undefined) return undefined;
                const reading =
                    literal === utc
                        ? 'equal: consistent with UTC (or no record near a quarter edge)'
                        : 'different: the literal is resolved in another time zone (the user’s?)';
                return `THIS_QUARTER counted ${literal}, UTC bounds ${bounds.start}..${bounds.end} counted ${utc} (${reading}); THIS_FISCAL_QUARTER counted ${countOf(steps[0], 'fiscal') ?? '?'}`;
            },
        },
        {
            id: 'fiscal-quarter-grouping',
            question: 'FISCAL_QUARTER grouping (refused by orgs with custom fiscal years)',
            run: (t) =>
                single(t, 'this fiscal year by fiscal quarter', {
                    query: `{ uiapi { aggregate {
  Opportunity(where: { CloseDate: { eq: { literal: THIS_FISCAL_YEAR } } }, groupBy: { CloseDate: { function: FISCAL_QUARTER } }) {
    edges { node { aggregate { CloseDate { fiscalQuarter { value } } ${COUNT} } } }
  }
} } }`,
                }),
        },
    ];
}

/** Subqueries (uiapi.query / uiapi.aggregate fields, objectInfos) of a document: how large it is. */
export function subqueryCount(document: DocumentNode): number {
    let count = 0;
    for (const definition of document.definitions) {
        if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
        for (const uiapi of definition.selectionSet.selections) {
            if (uiapi.kind !== Kind.FIELD || !uiapi.selectionSet) continue;
            for (const section of uiapi.selectionSet.selections) {
                if (section.kind !== Kind.FIELD) continue;
                if (section.name.value === 'objectInfos') count += 1;
                else count += (section as FieldNode).selectionSet?.selections.length ?? 0;
            }
        }
    }
    return count;
}

function typeName(type: TypeNode): string {
    return type.kind === Kind.NAMED_TYPE ? type.name.value : typeName(type.type);
}

/**
 * Values for a generated document's variables. Only shapes are compared, so they are placeholders: dates ascend in
 * 90-day steps over the last years (bounds stay in order), IDs are the running user, cursors are left out (the first
 * page), everything else is null (a filter on an empty value).
 */
export function placeholderVariables(
    document: DocumentNode,
    userId: string,
    now = new Date(),
): Record<string, unknown> {
    const variables: Record<string, unknown> = {};
    const start = Date.UTC(now.getUTCFullYear() - 3, 0, 1);
    let dates = 0;
    for (const definition of document.definitions) {
        if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
        for (const variable of definition.variableDefinitions ?? []) {
            const name = variable.variable.name.value;
            const type = typeName(variable.type);
            if (type === 'Date' || type === 'DateTime') {
                const instant = new Date(start + dates * 90 * 86_400_000).toISOString();
                variables[name] = type === 'Date' ? instant.slice(0, 10) : instant;
                dates += 1;
            } else if (type === 'ID') variables[name] = userId;
            else if (/After$/.test(name)) continue;
            else variables[name] = null;
        }
    }
    return variables;
}

interface Largest {
    label: string;
    source: string;
    document: DocumentNode;
    size: number;
}

// Enumerating every document takes seconds; a source's largest is found once per process.
const largestFound = new WeakMap<DynamicDocumentSource, Largest | undefined>();

function largestDocument(source: DynamicDocumentSource): Largest | undefined {
    if (largestFound.has(source)) return largestFound.get(source);
    let best: Largest | undefined;
    for (const candidate of source.documents()) {
        const document = parse(candidate.source);
        const size = subqueryCount(document);
        if (!best || size > best.size || (size === best.size && candidate.source.length > best.source.length)) {
            best = { ...candidate, document, size };
        }
    }
    largestFound.set(source, best);
    return best;
}

const COMPONENTS = new Map<string, string>([
    [plannerModule, 'tile board (kpiMetric, kpiBoard: kpiPlanner)'],
    [leaderboardModule, 'leaderboard (kpiLeaderboardQuery)'],
    [winLossModule, 'win-loss (kpiWinLossData)'],
]);

/** Each component's largest document (most subqueries, then longest) among every document its builders produce. */
export function componentProbes(sources: readonly DynamicDocumentSource[] = dynamicDocumentSources): Probe[] {
    return sources.map((source) => {
        const best = largestDocument(source);
        const component = COMPONENTS.get(source.module) ?? path.basename(source.module, '.ts');
        const id = `largest-${component.split(' ')[0]}`;
        return {
            id,
            question: `${component}: its largest document, ${best ? `"${best.label}" (${best.size} subqueries)` : 'none'}`,
            run: (t) =>
                best
                    ? single(t, best.label, {
                          query: best.source,
                          variables: placeholderVariables(best.document, t.userId),
                      })
                    : Promise.resolve([]),
        };
    });
}

// ---------------------------------------------------------------------------------------------------------------
// Comparison and report

export type Verdict = 'held' | 'did not hold' | 'not asked';

export interface ProbeResult {
    id: string;
    question: string;
    verdict: Verdict;
    /** What differs, or why the probe could not be asked. */
    details: string[];
    notes: string[];
    org: Step[];
    local: Step[];
}

export function compareSteps(org: Step[], local: Step[]): { verdict: Verdict; details: string[] } {
    const details: string[] = [];
    if (org.some((step) => step.answer.failure) || org.length === 0) {
        const failed = org.find((step) => step.answer.failure);
        return {
            verdict: 'not asked',
            details: [failed ? `${failed.label}: ${failed.answer.failure}` : 'no document'],
        };
    }
    if (org.length !== local.length) {
        details.push(`the org took ${org.length} step(s), the engine ${local.length}`);
    }
    for (let i = 0; i < Math.min(org.length, local.length); i += 1) {
        const [a, b] = [org[i].answer, local[i].answer];
        const [orgKind, localKind] = [answerKind(a), answerKind(b)];
        const label = org[i].label === local[i].label ? org[i].label : `${org[i].label} / ${local[i].label}`;
        if (orgKind !== localKind) {
            const why = (kind: string, answer: Answer) => (kind === 'data' ? kind : `${kind} (${firstError(answer)})`);
            details.push(`${label}: the org answered ${why(orgKind, a)}, the engine ${why(localKind, b)}`);
            continue;
        }
        if (orgKind === 'data' || orgKind === 'data and errors') {
            for (const difference of shapeDifferences(shapeOf(a.body?.data), shapeOf(b.body?.data), 'data')) {
                details.push(`${label}: ${difference}`);
            }
        }
    }
    return { verdict: details.length === 0 ? 'held' : 'did not hold', details };
}

export async function verify(org: Transport, local: Transport, probes: readonly Probe[]): Promise<ProbeResult[]> {
    const results: ProbeResult[] = [];
    for (const probe of probes) {
        const orgSteps = await probe.run(org);
        const localSteps = await probe.run(local);
        const { verdict, details } = compareSteps(orgSteps, localSteps);
        const notes: string[] = [];
        const orgNote = probe.note?.(orgSteps);
        const localNote = probe.note?.(localSteps);
        if (orgNote) notes.push(`org: ${orgNote}`);
        if (localNote) notes.push(`engine: ${localNote}`);
        for (const [who, steps] of [['org', orgSteps] as const, ['engine', localSteps] as const]) {
            for (const step of steps) {
                const kind = answerKind(step.answer);
                if (kind !== 'data') notes.push(`${who}, ${step.label}: ${kind}: ${firstError(step.answer)}`);
            }
        }
        results.push({
            id: probe.id,
            question: probe.question,
            verdict,
            details,
            notes,
            org: orgSteps,
            local: localSteps,
        });
    }
    return results;
}

const MARK: Record<Verdict, string> = { held: '✔ held', 'did not hold': '✖ did not hold', 'not asked': '? not asked' };

export function formatReport(org: Transport, local: Transport, results: readonly ProbeResult[]): string[] {
    const lines = [`verify:org: ${results.length} probes, ${org.name} against the ${local.name}`, ''];
    for (const result of results) {
        lines.push(`${MARK[result.verdict]}  ${result.id}: ${result.question}`);
        for (const detail of result.details) lines.push(`      ${detail}`);
        for (const note of result.notes) lines.push(`      · ${note}`);
    }
    const count = (verdict: Verdict) => results.filter((result) => result.verdict === verdict).length;
    lines.push(
        '',
        `verify:org: ${count('held')} held, ${count('did not hold')} did not hold, ${count('not asked')} not asked`,
    );
    return lines;
}

export interface VerifyOrgDeps {
    connect: (targetOrg: string, apiVersion?: string) => Promise<Transport>;
    local: () => Transport;
    probes: () => Probe[];
    log: (line: string) => void;
}

export const defaultDeps: VerifyOrgDeps = {
    connect: (targetOrg, apiVersion) => connectSfOrg(targetOrg, { apiVersion }),
    local: () => sampleEngineTransport(),
    probes: () => [...undocumentedProbes(), ...componentProbes()],
    log: console.log,
};

/** Returns the exit code (see the header). */
export async function verifyOrg(argv: string[], deps: VerifyOrgDeps = defaultDeps): Promise<number> {
    let targetOrg: string | undefined;
    let apiVersion: string | undefined;
    let save: string | undefined;
    try {
        const org = takeOption(argv, ['--target-org', '-o']);
        const version = takeOption(org.rest, ['--api-version']);
        const saved = takeOption(version.rest, ['--save']);
        if (saved.rest.length) throw new UsageError(`unknown argument ${saved.rest.join(' ')}`);
        if (!org.value) throw new UsageError('verify:org needs --target-org ALIAS: which org to probe');
        if (version.value && !/^\d+\.\d$/.test(version.value)) throw new UsageError('--api-version is XX.X, e.g. 65.0');
        [targetOrg, apiVersion, save] = [org.value, version.value, saved.value];
    } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        deps.log(`${error.message}\n${verifyOrgUsage}`);
        return 2;
    }
    let org: Transport;
    try {
        org = await deps.connect(targetOrg, apiVersion);
    } catch (error) {
        if (!(error instanceof OrgUnavailable)) throw error;
        deps.log(`verify:org: ${error.message}`);
        return 1;
    }
    const local = deps.local();
    const results = await verify(org, local, deps.probes());
    for (const line of formatReport(org, local, results)) deps.log(line);
    if (save) {
        fs.writeFileSync(save, `${JSON.stringify({ org: org.name, local: local.name, results }, null, 2)}\n`);
        deps.log(`verify:org: every request and answer is in ${save}`);
    }
    return results.every((result) => result.verdict === 'held') ? 0 : 1;
}

if (require.main === module) runCommand(() => verifyOrg(process.argv.slice(2)));
