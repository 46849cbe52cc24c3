/**
 * The preview server: serves the bundle, SLDS assets and static resources, renders each Lightning URL as a page of
 * the sample org, runs `POST /graphql` through the engine as the viewer, and records what each request cost.
 * Everything is local: it works offline.
 */
import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { getObjectDescription, findObjectDescription } from '../../schema/index';
import { repoRoot, staticResourcesDir } from '../../scripts/lib/paths';
import { bundleFile, manifestFile, type PreviewManifest } from '../build';
import {
    VIEWER_HEADERS,
    type PageReference,
    type PreviewContext,
    type PreviewSelection,
    type PreviewTab,
} from '../client/context';
import type { PageDefinition } from '../pages/types';
import { PARAMS, choices, isDataset, resolveChoices } from './choices';
import { Datasets, SHARING_COOKIE, type Dataset, type Sharing } from './datasets';
import { renderShell } from './html';
import { checkLimits } from './limits';
import { ListViewError, NAME_FIELDS, listViewFile, loadListView, type ListViewPlan } from './listViews';
import { MetricsLog } from './metrics';
import { checkPage, loadPages } from './pages';
import { HttpError, checkCaller, header, parseGraphQLRequest, readBody, readViewer } from './requests';
import { resolveUnder, sendFile } from './static';
import { personaFor } from './users';

export const sldsAssetsDir = path.join(repoRoot, 'node_modules', '@salesforce-ux', 'design-system', 'assets');
const COOKIE = 'kpiPreview';

export interface PreviewServerOptions {
    /** 0 picks a free port. */
    port?: number;
    host?: string;
    seed?: number;
    /** End of the sample org's history; defaults to the server's start. */
    now?: Date;
    /** Generated at start so the first page does not wait; others on first use. */
    preload?: PreviewSelection['dataset'][];
    /** The built bundle's manifest; read from artifacts/preview by default (tests pass their own). */
    manifest?: PreviewManifest;
}

export interface PreviewServer {
    url: string;
    port: number;
    metrics: MetricsLog;
    datasets: Datasets;
    close(): Promise<void>;
}

const INTERNAL_ERROR = 'internal error in the preview server (its log has the details)';

const BAD_URL = 'the request URL is malformed (bad URL encoding)';

function decodePathPart(part: string): string {
    try {
        return decodeURIComponent(part);
    } catch {
        throw new HttpError(400, BAD_URL);
    }
}

function requestUrl(req: IncomingMessage): URL {
    try {
        return new URL(req.url ?? '/', 'http://localhost');
    } catch {
        throw new HttpError(400, BAD_URL);
    }
}

function readManifest(): PreviewManifest {
    if (!fs.existsSync(manifestFile) || !fs.existsSync(bundleFile)) {
        throw new Error(`preview server: ${path.relative(repoRoot, bundleFile)} is missing; build it (npm start does)`);
    }
    return JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as PreviewManifest;
}

function sendJson(res: ServerResponse, status: number, body: unknown): number {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(text);
    return Buffer.byteLength(text);
}

/** The sharing the engine applies: `public` when the SHARING_COOKIE says so (datasets.ts), else the sample's own. */
function sharingOf(req: IncomingMessage): Sharing {
    const cookies = (req.headers.cookie ?? '').split(';').map((part) => part.trim());
    return cookies.includes(`${SHARING_COOKIE}=public`) ? 'public' : 'private';
}

function readCookie(req: IncomingMessage): Partial<PreviewSelection> {
    const raw = (req.headers.cookie ?? '')
        .split(';')
        .map((part) => part.trim())
        .find((part) => part.startsWith(`${COOKIE}=`));
    if (!raw) return {};
    try {
        const value = JSON.parse(decodeURIComponent(raw.slice(COOKIE.length + 1))) as unknown;
        return value && typeof value === 'object' ? (value as Partial<PreviewSelection>) : {};
    } catch {
        return {};
    }
}

/** The static resource file for `/resource/<stamp>/<name>`, and its content type from `<name>.resource-meta.xml`. */
function staticResource(name: string): { file: string; type?: string } | undefined {
    if (!/^\w+$/.test(name) || !fs.existsSync(staticResourcesDir)) return undefined;
    const file = fs
        .readdirSync(staticResourcesDir)
        .find((entry) => entry.split('.')[0] === name && !entry.endsWith('-meta.xml'));
    if (!file) return undefined;
    const metaFile = path.join(staticResourcesDir, `${name}.resource-meta.xml`);
    const type = fs.existsSync(metaFile)
        ? /<contentType>([^<]+)<\/contentType>/.exec(fs.readFileSync(metaFile, 'utf8'))?.[1]
        : undefined;
    return { file: path.join(staticResourcesDir, file), type };
}

interface PageMatch {
    page: PageDefinition;
    pageReference: PageReference;
    recordId?: string;
    objectApiName?: string;
    problems: string[];
}

function recordViewPage(objectApiName: string): PageDefinition {
    const description = getObjectDescription(objectApiName);
    const fields = description.fields.filter((field) => field.type !== 'Reference' && field.type !== 'Id').slice(0, 14);
    return {
        id: `record-${objectApiName}`,
        label: description.label,
        type: 'record',
        objectApiName,
        description: `No Lightning page of the preview shows ${description.pluralLabel}: this is the record's fields, read as the running user.`,
        defaultUser: 'admin',
        order: 0,
        template: 'oneRegion',
        regions: [
            {
                name: 'main',
                components: [
                    {
                        component: 'preview-record-view',
                        properties: {
                            fields: fields.map((field) => field.name).join(','),
                            fieldLabels: fields.map((field) => field.label.replace(/,/g, ' ')).join(','),
                        },
                    },
                ],
            },
        ],
    };
}

/** The list page: a packaged list view when `filterName` names one of the object's, else the object's records. */
function listViewPage(
    objectApiName: string,
    filterName: string | undefined,
): { page: PageDefinition; problems: string[] } {
    const description = getObjectDescription(objectApiName);
    const problems: string[] = [];
    let plan: ListViewPlan | undefined;
    if (filterName) {
        const file = listViewFile(objectApiName, filterName);
        if (!file) {
            problems.push(
                `No list view "${filterName}" is packaged for ${objectApiName} (objects/${objectApiName}/listViews/): showing every ${description.label.toLowerCase()} the running user can see instead.`,
            );
        } else {
            try {
                plan = loadListView(file, objectApiName);
            } catch (error) {
                if (!(error instanceof ListViewError)) throw error;
                problems.push(
                    `${error.message}. Showing every ${description.label.toLowerCase()} the running user can see instead.`,
                );
            }
        }
    }
    const properties: PageDefinition['regions'][number]['components'][number]['properties'] = {
        objectApiName,
        nameField: NAME_FIELDS[objectApiName] ?? 'Name',
    };
    if (plan) properties.listView = JSON.stringify(plan);
    const page: PageDefinition = {
        id: plan ? `list-${objectApiName}-${plan.name}` : `list-${objectApiName}`,
        label: plan ? plan.label : description.pluralLabel,
        type: 'app',
        description: plan
            ? `The package's list view ${plan.name} of ${description.pluralLabel}, run as the running user: ${plan.scopeText}.`
            : `${description.pluralLabel} the running user can see.`,
        defaultUser: 'admin',
        order: 0,
        template: 'oneRegion',
        regions: [{ name: 'main', components: [{ component: 'preview-list-view', properties }] }],
    };
    return { page, problems };
}

function notFoundPage(pathname: string): PageMatch {
    const page: PageDefinition = {
        id: 'not-found',
        label: 'Page not found',
        type: 'app',
        description: `The preview has no page at ${pathname}.`,
        defaultUser: 'admin',
        order: 0,
        template: 'oneRegion',
        regions: [],
    };
    return {
        page,
        pageReference: { type: 'standard__webPage', attributes: { url: pathname } },
        problems: [
            `No page at ${pathname}: the preview serves /lightning/page/home, /lightning/n/<apiName>, /lightning/r/<Object>/<id>/view and /lightning/o/<Object>/list.`,
        ],
    };
}

/** Which page a Lightning Experience URL shows. */
function matchPage(url: URL, pages: PageDefinition[], dataset: Dataset): PageMatch {
    const { pathname } = url;
    const parts = pathname.split('/').filter(Boolean).map(decodePathPart);
    const [, kind, ...rest] = parts;
    if (kind === 'page' && rest[0] === 'home') {
        const page = pages.find((candidate) => candidate.type === 'home');
        if (page)
            return {
                page,
                pageReference: { type: 'standard__namedPage', attributes: { pageName: 'home' } },
                problems: [],
            };
    }
    if (kind === 'n' && rest[0]) {
        const page = pages.find((candidate) => candidate.type === 'app' && candidate.apiName === rest[0]);
        if (page)
            return {
                page,
                pageReference: { type: 'standard__navItemPage', attributes: { apiName: rest[0] } },
                problems: [],
            };
    }
    if (kind === 'r' && rest.length >= 2) {
        // /lightning/r/<Object>/<id>/<action> or /lightning/r/<id>/<action>
        const [first, second, third] = rest;
        const recordId = /^[a-zA-Z0-9]{15,18}$/.test(first) && !third ? first : second;
        const actionName = (recordId === first ? second : third) ?? 'view';
        const fromId = dataset.prefixes.get(recordId.slice(0, 3));
        const objectApiName = recordId === first ? fromId : first;
        if (objectApiName && findObjectDescription(objectApiName)) {
            const problems =
                fromId && fromId !== objectApiName ? [`${recordId} is a ${fromId} Id, not a ${objectApiName} Id`] : [];
            const page =
                pages.find((candidate) => candidate.type === 'record' && candidate.objectApiName === objectApiName) ??
                recordViewPage(objectApiName);
            const pageReference = {
                type: 'standard__recordPage',
                attributes: { recordId, objectApiName, actionName },
            };
            return { page, pageReference, recordId, objectApiName, problems };
        }
    }
    if (kind === 'o' && rest[0] && findObjectDescription(rest[0])) {
        const filterName = url.searchParams.get('filterName') || undefined;
        const { page, problems } = listViewPage(rest[0], filterName);
        return {
            page,
            pageReference: {
                type: 'standard__objectPage',
                attributes: { objectApiName: rest[0], actionName: rest[1] ?? 'home' },
                ...(filterName ? { state: { filterName } } : {}),
            },
            problems,
        };
    }
    return notFoundPage(pathname);
}

const tabRecords = new WeakMap<Dataset, Map<string, string | undefined>>();

/**
 * A record of the object for the page's tab: one the page's audience owns, and for accounts the one with the most
 * opportunities, so the page opens with something to show.
 */
function tabRecordId(dataset: Dataset, objectApiName: string, ownerId: string): string | undefined {
    let cache = tabRecords.get(dataset);
    if (!cache) tabRecords.set(dataset, (cache = new Map()));
    const key = `${objectApiName}:${ownerId}`;
    if (!cache.has(key)) {
        const records = dataset.sample.records[objectApiName] ?? [];
        const owned = records.filter((record) => record.OwnerId === ownerId);
        let chosen = (owned[0] ?? records[0])?.Id;
        if (objectApiName === 'Account' && owned.length > 0) {
            // The owner's account with the most of their own deals closed in the last year, so the record page has
            // something to show whatever the day (the sample's dates move with "now").
            const ownedIds = new Set(owned.map((record) => record.Id));
            const today = dataset.sample.org.today;
            const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
            const counts = new Map<string, number>();
            for (const opportunity of dataset.sample.records.Opportunity ?? []) {
                const accountId = opportunity.AccountId;
                const closeDate = String(opportunity.CloseDate ?? '');
                const recent = opportunity.IsClosed === true && closeDate > yearAgo && closeDate <= today;
                if (typeof accountId === 'string' && ownedIds.has(accountId) && opportunity.OwnerId === ownerId)
                    counts.set(accountId, (counts.get(accountId) ?? 0) + (recent ? 1000 : 1));
            }
            chosen = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? chosen;
        }
        cache.set(key, chosen);
    }
    return cache.get(key);
}

function tabUrl(page: PageDefinition, dataset: Dataset): string | undefined {
    const userId = personaFor(page.defaultUser, dataset.sample.org.personas);
    let url: string | undefined;
    if (page.type === 'home') url = '/lightning/page/home';
    else if (page.type === 'app' && page.apiName) url = `/lightning/n/${encodeURIComponent(page.apiName)}`;
    else if (page.type === 'record' && page.objectApiName) {
        const recordId = tabRecordId(dataset, page.objectApiName, userId);
        if (recordId) url = `/lightning/r/${page.objectApiName}/${recordId}/view`;
    }
    return url && `${url}?${PARAMS.userId}=${encodeURIComponent(userId)}`;
}

function accessNote(dataset: Dataset, userId: string): string {
    try {
        const access = dataset.engine.describeViewer(userId);
        const sees = access.viewAllData
            ? 'sees all records (View All Data)'
            : access.team.length > 1
              ? `sees what they and the ${access.team.length - 1} people reporting to them own, plus shared records`
              : 'sees what they own, plus shared records';
        const hidden =
            access.hiddenFields.length > 0 ? `; ${access.hiddenFields.length} fields hidden from their profile` : '';
        return `${sees}${hidden}`;
    } catch (error) {
        return `access unknown: ${(error as Error).message}`;
    }
}

export async function startPreviewServer(options: PreviewServerOptions = {}): Promise<PreviewServer> {
    const manifest = options.manifest ?? readManifest();
    const pages = loadPages();
    const pageProblems = new Map(pages.map((page) => [page.id, checkPage(page, manifest.components)]));
    const now = options.now ?? new Date();
    const datasets = new Datasets({ seed: options.seed ?? 42, now });
    for (const size of options.preload ?? ['20k']) datasets.get(size);
    const metrics = new MetricsLog();

    function renderPage(req: IncomingMessage, res: ServerResponse, url: URL): void {
        const { selection: chosen, problems } = resolveChoices(url.searchParams, readCookie(req));
        const dataset = datasets.get(chosen.dataset);
        const match = matchPage(url, pages, dataset);
        let user = dataset.users.find((candidate) => candidate.id === chosen.userId);
        if (!user) {
            if (chosen.userId)
                problems.push(
                    `User ${chosen.userId} is not in the ${chosen.dataset} sample org; showing the page's default user`,
                );
            const fallback = personaFor(match.page.defaultUser, dataset.sample.org.personas);
            user = dataset.users.find((candidate) => candidate.id === fallback) ?? dataset.users[0];
        }
        const selection: PreviewSelection = { ...chosen, userId: user.id };
        const tabs: PreviewTab[] = [];
        for (const page of pages) {
            const tabLink = tabUrl(page, dataset);
            if (tabLink) tabs.push({ id: page.id, label: page.label, url: tabLink, active: page.id === match.page.id });
        }
        const context: PreviewContext = {
            selection,
            user,
            page: match.page,
            pageReference: match.pageReference,
            recordId: match.recordId,
            objectApiName: match.objectApiName,
            tabs,
            users: dataset.users,
            choices: choices(now),
            accessNote: accessNote(dataset, user.id),
            problems: [...problems, ...match.problems, ...(pageProblems.get(match.page.id) ?? [])],
        };
        const cookie = `${COOKIE}=${encodeURIComponent(JSON.stringify(selection))}; Path=/; SameSite=Lax`;
        res.writeHead(200, {
            'content-type': 'text/html; charset=utf-8',
            'cache-control': 'no-store',
            'set-cookie': cookie,
        });
        res.end(renderShell(context));
    }

    async function graphql(req: IncomingMessage, res: ServerResponse): Promise<void> {
        const started = performance.now();
        const dataset = header(req, VIEWER_HEADERS.dataset) ?? '20k';
        if (!isDataset(dataset)) throw new HttpError(400, `${VIEWER_HEADERS.dataset}: unknown dataset size ${dataset}`);
        const request = parseGraphQLRequest(await readBody(req));
        // Before the engine parses or validates anything: the limits are what keeps that work bounded.
        const refusal = checkLimits(request.query, request.variables);
        if (refusal) throw new HttpError(400, refusal);
        const { users } = datasets.get(dataset);
        const engine = datasets.engine(dataset, sharingOf(req));
        const viewer = readViewer(req, VIEWER_HEADERS, (id) => users.some((user) => user.id === id));
        const { operationName } = request;
        const response = engine.execute(request, viewer);
        const body: { data?: unknown; errors?: unknown } = {};
        if (response.data !== undefined) body.data = response.data;
        if (response.errors && response.errors.length > 0) body.errors = response.errors;
        // UI API GraphQL answers 200 with `errors` for invalid or forbidden queries, like every GraphQL endpoint.
        const bytes = sendJson(res, 200, body);
        metrics.record({
            ...response.metrics,
            bytes,
            operationName,
            userId: viewer.userId,
            dataset,
            errors: response.errors?.length ?? 0,
            totalMs: performance.now() - started,
        });
    }

    /** The dataset `?size=` names, 20k by default. */
    function sizeParam(url: URL): Dataset {
        const size = url.searchParams.get(PARAMS.dataset) ?? '20k';
        if (!isDataset(size)) throw new HttpError(400, `${PARAMS.dataset}: unknown dataset size ${size.slice(0, 20)}`);
        return datasets.get(size);
    }

    async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
        checkCaller(req);
        const url = requestUrl(req);
        const { pathname } = url;
        const method = req.method ?? 'GET';
        if (pathname === '/graphql') {
            if (method !== 'POST') throw new HttpError(405, 'POST a GraphQL request to /graphql');
            return graphql(req, res);
        }
        // DELETE /metrics and POST /metrics/reset (for clients that only POST) both empty the log.
        if ((pathname === '/metrics' && method === 'DELETE') || (pathname === '/metrics/reset' && method === 'POST')) {
            metrics.reset();
            res.writeHead(204).end();
            return;
        }
        if (pathname === '/metrics') {
            sendJson(res, 200, metrics.summary());
            return;
        }
        if (method !== 'GET' && method !== 'HEAD')
            throw new HttpError(405, `${method} is not supported on ${pathname}`);
        if (pathname === '/api/users') {
            sendJson(res, 200, sizeParam(url).users);
            return;
        }
        if (pathname === '/api/pages') {
            const dataset = sizeParam(url);
            const list = pages.map((page) => ({
                id: page.id,
                label: page.label,
                type: page.type,
                url: tabUrl(page, dataset),
                components: page.regions.flatMap((region) => region.components.map((instance) => instance.component)),
                problems: pageProblems.get(page.id) ?? [],
            }));
            sendJson(res, 200, list);
            return;
        }
        if (pathname === '/api/health') {
            const loaded = datasets.loaded().map((size) => {
                const dataset = datasets.get(size);
                return { size, records: dataset.records, generateMs: dataset.generateMs };
            });
            sendJson(res, 200, { ok: true, bundleBuiltAt: manifest.builtAt, datasets: loaded });
            return;
        }
        if (pathname === '/preview/app.js') {
            if (!fs.existsSync(bundleFile))
                throw new HttpError(404, 'the preview bundle is not built (npm start builds it)');
            return sendFile(res, bundleFile);
        }
        if (pathname.startsWith('/assets/')) {
            const file = resolveUnder(sldsAssetsDir, pathname.slice('/assets/'.length));
            if (!file) throw new HttpError(404, `no SLDS asset ${pathname}`);
            return sendFile(res, file, { cache: true });
        }
        const resource = /^\/resource\/\d+\/(\w+)$/.exec(pathname);
        if (resource) {
            const found = staticResource(resource[1]);
            if (!found)
                throw new HttpError(
                    404,
                    `no static resource ${resource[1]} in force-app (npm run build makes kpiChartJs)`,
                );
            return sendFile(res, found.file, { type: found.type });
        }
        if (pathname === '/') {
            res.writeHead(302, { location: `/lightning/page/home${url.search}` }).end();
            return;
        }
        if (pathname.startsWith('/lightning/')) return renderPage(req, res, url);
        throw new HttpError(404, `nothing at ${pathname}`);
    }

    const server = http.createServer((req, res) => {
        handle(req, res).catch((error: unknown) => {
            const known = error instanceof HttpError ? error : undefined;
            if (!known)
                console.error(`preview server: ${req.method} ${req.url}: ${(error as Error)?.stack ?? String(error)}`);
            const status = known?.status ?? 500;
            // An unread body (a refusal before or while reading it) is not drained: the connection ends with the answer.
            if (!req.complete) res.setHeader('connection', 'close');
            if (res.headersSent) res.end();
            else sendJson(res, status, { errors: [{ message: known?.message ?? INTERNAL_ERROR }] });
        });
    });
    await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port ?? 3000, options.host ?? '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const host = options.host ?? '127.0.0.1';
    return {
        url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`,
        port,
        metrics,
        datasets,
        close: () =>
            new Promise<void>((resolve, reject) => {
                server.closeAllConnections();
                server.close((error) => (error ? reject(error) : resolve()));
            }),
    };
}

if (require.main === module) {
    const port = Number(process.env.PORT ?? 3000);
    startPreviewServer({ port })
        .then((server) => console.log(`Lightning KPI Kit preview: ${server.url}/lightning/page/home`))
        .catch((error: unknown) => {
            console.error(error instanceof Error ? error.message : error);
            process.exit(1);
        });
}
