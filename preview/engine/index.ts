/**
 * The preview's UI API GraphQL engine: executes documents as `lightning/graphql` sends them, as the viewer, against
 * the sample org, and reports what each request cost (bytes, subqueries, rows scanned, time).
 */
import {
    getVariableValues,
    type FieldNode,
    type GraphQLObjectType,
    type GraphQLSchema,
    type OperationDefinitionNode,
} from 'graphql';
import { objectDescriptions } from '../../schema/index';
import type { ObjectDescription } from '../../schema/types';
import { buildUiApiSchema } from '../../schema/uiapi';
import { validateDocument } from '../../scripts/validate/graphql';
import { checkAccessModel, defaultAccessModel, viewerAccess, type AccessModel, type ViewerAccess } from './access';
import { planAggregateQuery } from './aggregate';
import type { Engine, EngineRequest, EngineResponse, ViewerContext } from './api';
import { makeCalendar } from './dates';
import { checkAccess, prepareDocument, type AccessCheck, type PreparedDocument, type ValidateFn } from './document';
import { EngineFault, faultToError, toEngineError, validationMessage } from './errors';
import { collectFields, fieldDef, objectTypeOf, subfields, type ExecContext } from './execute';
import { planObjectInfos } from './objectInfo';
import type { EngineOrg } from './org';
import { planRecordNode, planRecordQuery } from './records';
import { describeObjects, Tables } from './tables';

export type { Engine, EngineError, EngineMetrics, EngineRequest, EngineResponse, ViewerContext } from './api';
export { defaultAccessModel, type AccessModel } from './access';
export type { EngineOrg, SObjectRecord } from './org';

export interface EngineOptions {
    /** The UI API schema slice; defaults to the offline checker's (`buildUiApiSchema()`). */
    schema?: GraphQLSchema;
    /** Object descriptions the schema was built from; defaults to schema/objects. */
    descriptions?: readonly ObjectDescription[];
    /** Sharing and field-level security; defaults to `defaultAccessModel`. */
    access?: AccessModel;
    /** Objects this org does not expose (edition or licence): absent from every viewer's schema, like Task in some orgs. */
    unsupportedObjects?: readonly string[];
    /** The offline checker; defaults to scripts/validate/graphql.ts `validateDocument`. */
    validate?: ValidateFn;
    /** API version the checker applies (features like currentUser need 66.0); defaults to sfdx-project.json's. */
    apiVersion?: number;
}

/** What the preview shows about one viewer's access. */
export interface ViewerAccessSummary {
    userId: string;
    profile: string;
    viewAllData: boolean;
    /** User Ids whose private records the viewer sees (the viewer and everyone reporting up to them). */
    team: string[];
    hiddenObjects: string[];
    hiddenFields: string[];
}

export interface PreviewEngine extends Engine {
    readonly accessModel: AccessModel;
    describeViewer(userId: string): ViewerAccessSummary;
}

const documentCacheSize = 200;

function remember<K, V>(cache: Map<K, V>, key: K, make: () => V): V {
    let value = cache.get(key);
    if (value === undefined) {
        value = make();
        if (cache.size >= documentCacheSize) cache.delete(cache.keys().next().value as K);
        cache.set(key, value);
    }
    return value;
}

const checkedViewers = new Set<string>();

function assertViewer(viewer: ViewerContext): void {
    if (!viewer || typeof viewer.userId !== 'string') throw new TypeError('viewer.userId: expected a User Id string');
    const key = `${viewer.locale}|${viewer.currency}`;
    if (checkedViewers.has(key)) return;
    try {
        new Intl.NumberFormat(viewer.locale, { style: 'currency', currency: viewer.currency });
        checkedViewers.add(key);
    } catch {
        throw new RangeError(
            `viewer.locale/currency: "${viewer.locale}" / "${viewer.currency}" is not a BCP 47 locale and ISO 4217 currency`,
        );
    }
}

export function createEngine(org: EngineOrg, options: EngineOptions = {}): PreviewEngine {
    const schema = options.schema ?? buildUiApiSchema();
    const descriptions = options.descriptions ?? objectDescriptions;
    const model = options.access ?? defaultAccessModel;
    const apiVersion = options.apiVersion;
    const validate =
        options.validate ?? ((source: string, s: GraphQLSchema) => validateDocument(source, s, { apiVersion }));
    const unsupported = new Set(options.unsupportedObjects ?? []);
    const settings = org.org;
    if (!settings || !Number.isInteger(settings.fiscalYearStartMonth)) {
        throw new RangeError('org.org.fiscalYearStartMonth: expected the month (1-12) the fiscal year starts in');
    }
    const currencySetting = settings.corporateCurrency ?? settings.currencyIsoCode;
    if (typeof currencySetting !== 'string') {
        throw new RangeError('org.org.corporateCurrency: expected the ISO 4217 corporate currency code');
    }
    const corporateCurrency: string = currencySetting;
    const infos = describeObjects(descriptions);
    const objects = new Map(descriptions.map((description) => [description.apiName, description]));
    const tables = new Tables(org, infos);
    checkAccessModel(model, (object, field) => !!infos.get(object)?.fields.has(field));
    const namedByStart = settings.usesStartDateAsFiscalYearName ?? settings.fiscalYearNameBasedOn === 'startingMonth';

    const documents = new Map<string, PreparedDocument>();
    const accessChecks = new Map<string, AccessCheck>();
    const viewers = new Map<string, ViewerAccess>();
    const accessOf = (userId: string) => remember(viewers, userId, () => viewerAccess(userId, tables, model));

    function run(
        request: EngineRequest,
        viewer: ViewerContext,
        ctxOut: { ctx?: ExecContext },
    ): Omit<EngineResponse, 'metrics'> {
        if (typeof request?.query !== 'string') {
            return { errors: [toEngineError('InvalidSyntax', 'Invalid syntax: the request has no query string')] };
        }
        const prepared = remember(documents, request.query, () => prepareDocument(request.query, schema, validate));
        if (prepared.errors.length || !prepared.document) return { errors: prepared.errors };
        const operation = pickOperation(prepared.operations, request.operationName);
        if (!operation) {
            const message = request.operationName
                ? `Unknown operation named '${request.operationName}'.`
                : 'Must provide operation name if query contains multiple operations.';
            return { errors: [toEngineError('OperationNotSupported', message)] };
        }
        const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
        if (coerced.errors) {
            return {
                errors: coerced.errors.map((e) => {
                    const error = toEngineError('ValidationError', e.message);
                    if (e.locations) error.locations = [...e.locations];
                    return error;
                }),
            };
        }
        const access = accessOf(viewer.userId);
        const view = {
            infos,
            isObjectHidden: (o: string) => unsupported.has(o) || access.isObjectHidden(o),
            isFieldHidden: (o: string, f: string) => access.isFieldHidden(o, f),
        };
        const document = prepared.document;
        const check = remember(accessChecks, `${access.profile}\n${request.query}`, () =>
            checkAccess(document, schema, view),
        );
        if (check.errors.length) return { errors: check.errors };

        const now = viewer.now ?? (settings.now !== undefined ? new Date(settings.now) : new Date());
        const cal = makeCalendar(now, viewer.timeZone, viewer.locale, settings.fiscalYearStartMonth, namedByStart);
        const rawVariables = { ...coerced.coerced, ...(request.variables ?? {}) };
        const ctx: ExecContext = {
            schema,
            fragments: prepared.fragments,
            variables: coerced.coerced,
            rawVariables,
            tables,
            access,
            objects,
            isObjectHidden: view.isObjectHidden,
            cal,
            timeZone: viewer.timeZone,
            values: {
                fmt: { locale: viewer.locale, timeZone: viewer.timeZone },
                money: {
                    // A single-currency org has one currency and every user's is it: the viewer's choice of currency
                    // in the preview stands for the org's. Only a multi-currency org (rates) keeps them apart.
                    corporate: settings.currencyRates ? corporateCurrency : (viewer.currency ?? corporateCurrency),
                    viewer: viewer.currency,
                    rates: settings.currencyRates,
                },
            },
            omitted: check.omitted,
            rowsScanned: 0,
            subqueries: 0,
            errors: [],
        };
        ctxOut.ctx = ctx;
        let render: () => Record<string, unknown>;
        try {
            render = planOperation(ctx, operation);
        } catch (error) {
            if (error instanceof EngineFault) return { errors: [faultToError(error)] };
            throw error;
        }
        const data = render();
        return ctx.errors.length ? { data, errors: ctx.errors } : { data };
    }

    return {
        accessModel: model,
        describeViewer(userId) {
            const access = accessOf(userId);
            return {
                userId,
                profile: access.profile,
                viewAllData: access.viewAll,
                team: [...access.team],
                hiddenObjects: [...new Set([...(model.hiddenObjects[access.profile] ?? []), ...unsupported])],
                hiddenFields: [...(model.hiddenFields[access.profile] ?? [])],
            };
        },
        execute(request, viewer) {
            const started = performance.now();
            assertViewer(viewer);
            const holder: { ctx?: ExecContext } = {};
            const response = run(request, viewer, holder);
            const bytes = Buffer.byteLength(JSON.stringify(response));
            return {
                ...response,
                metrics: {
                    bytes,
                    subqueries: holder.ctx?.subqueries ?? 0,
                    rowsScanned: holder.ctx?.rowsScanned ?? 0,
                    ms: performance.now() - started,
                },
            };
        },
    };
}

function pickOperation(
    operations: readonly OperationDefinitionNode[],
    name: string | undefined,
): OperationDefinitionNode | undefined {
    if (name) return operations.find((o) => o.name?.value === name);
    return operations.length === 1 ? operations[0] : undefined;
}

function planOperation(ctx: ExecContext, operation: OperationDefinitionNode): () => Record<string, unknown> {
    const queryType = ctx.schema.getQueryType() as GraphQLObjectType;
    const parts: [string, () => unknown][] = [];
    for (const [key, list] of collectFields(ctx, queryType, [operation.selectionSet])) {
        const name = list[0].name.value;
        if (name === '__typename') parts.push([key, () => queryType.name]);
        else if (name === 'uiapi')
            parts.push([key, planUiapi(ctx, objectTypeOf(fieldDef(queryType, list)), list, [key])]);
        else throw new EngineFault('OperationNotSupported', `${name} is not supported by the preview engine`, list);
    }
    return () => Object.fromEntries(parts.map(([k, render]) => [k, render()]));
}

/** Locates a planning failure at its subquery and words it like the API's validation errors. */
function inSubquery(error: unknown, nodes: readonly FieldNode[], queryPath: string[]): unknown {
    if (!(error instanceof EngineFault)) return error;
    const message =
        error.errorType === 'ValidationError' && !error.message.startsWith('Validation error')
            ? validationMessage('WrongType', queryPath, error.message)
            : error.message;
    return new EngineFault(error.errorType, message, error.nodes.length ? error.nodes : nodes, error.path);
}

function planUiapi(
    ctx: ExecContext,
    uiapiType: GraphQLObjectType,
    nodes: readonly FieldNode[],
    path: string[],
): () => unknown {
    const parts: [string, () => unknown][] = [];
    for (const [key, list] of subfields(ctx, uiapiType, nodes)) {
        const name = list[0].name.value;
        if (name === '__typename') {
            parts.push([key, () => uiapiType.name]);
        } else if (name === 'query' || name === 'aggregate') {
            const sectionType = objectTypeOf(fieldDef(uiapiType, list));
            const planner = name === 'query' ? planRecordQuery : planAggregateQuery;
            const objects: [string, () => unknown][] = [];
            for (const [objectKey, objectNodes] of subfields(ctx, sectionType, list)) {
                if (objectNodes[0].name.value === '__typename') {
                    objects.push([objectKey, () => sectionType.name]);
                    continue;
                }
                ctx.subqueries++;
                try {
                    objects.push([objectKey, planner(ctx, sectionType, objectNodes, [...path, key, objectKey])]);
                } catch (error) {
                    throw inSubquery(error, objectNodes, ['uiapi', name, objectNodes[0].name.value]);
                }
            }
            parts.push([key, () => Object.fromEntries(objects.map(([k, render]) => [k, render()]))]);
        } else if (name === 'currentUser') {
            // The context user as a User record (graphql guide: query the current user).
            const userType = objectTypeOf(fieldDef(uiapiType, list));
            const render = planRecordNode(ctx, 'User', userType, list);
            const users = ctx.tables.get('User')!;
            const row = users.rowOf.get(ctx.access.userId)!;
            parts.push([key, () => render(users, row)]);
        } else if (name === 'objectInfos') {
            parts.push([key, planObjectInfos(ctx, uiapiType, list, [...path, key])]);
        } else {
            throw new EngineFault(
                'OperationNotSupported',
                `uiapi.${name} is not supported by the preview engine`,
                list,
            );
        }
    }
    return () => Object.fromEntries(parts.map(([k, render]) => [k, render()]));
}
