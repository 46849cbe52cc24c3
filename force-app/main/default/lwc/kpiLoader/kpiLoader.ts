/**
 * The requests of a KPI component, round by round: which plan is current, which of its documents have answered, and
 * the results each tile shows. A document the server refused because of one KPI is planned again without it (the
 * KPIs the refused parts did not include); the results already read are held meanwhile. Pure and immutable: a
 * component keeps the LoadState in a field and replaces it, which is what makes it re-render and re-wire.
 *
 * `refusedParts` is the one decision every component makes after a refusal (tiles here, the leaderboard in
 * kpiLeaderboardQuery's omissionsAfterFailure, win-loss in kpiWinLossData's sectionsToOmit): which parts the errors
 * cost, so the next document leaves exactly those out.
 */
import { tooManyRequestsMessage } from 'c/kpiConfig';
import type { KpiConfig } from 'c/kpiConfig';
import { todayIn } from 'c/kpiPeriods';
import { planKpis, subqueriesOfError } from 'c/kpiPlanner';
import type { KpiDocument, KpiPlan, PlacedSubquery, PlannedRequest } from 'c/kpiPlanner';
import { emptyResult, readResults } from 'c/kpiResults';
import type { KpiResult } from 'c/kpiResults';
import type { TileInput } from 'c/kpiTileModel';

/** What the graphql wire emitted for one document. */
export interface Answer {
    data?: unknown;
    errors?: readonly unknown[] | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * What the server refused, when it answered a document with errors and no data (GraphQL refuses a whole document
 * for one bad field or object): each error is placed on its subqueries, and `partsOf` says what those cost, the
 * parts a component can leave out, or undefined for one it cannot do without (or an error it cannot place). Undefined
 * when the answer carries data or no error, or when any error costs an essential part: the answer is then shown as it
 * is, errors and all, and nothing is asked again.
 */
export function refusedParts<S extends PlacedSubquery, P>(
    document: { subqueries: readonly S[] },
    answer: Answer,
    partsOf: (subqueries: S[], error: unknown) => readonly P[] | undefined,
    byObject = false,
): P[] | undefined {
    if (isRecord(answer.data) && isRecord(answer.data.uiapi)) return undefined;
    const errors = answer.errors ?? [];
    if (errors.length === 0) return undefined;
    const parts = new Set<P>();
    for (const error of errors) {
        const cost = partsOf(subqueriesOfError(error, document, byObject), error);
        if (!cost) return undefined;
        for (const part of cost) parts.add(part);
    }
    return [...parts];
}

/** Every alias a request reads, in any window and role. */
function aliasesRead(request: PlannedRequest): Set<string> {
    const all = [request.reads.current, request.reads.comparison ?? {}, request.reads.sparkline ?? {}];
    return new Set(all.flatMap((reads) => Object.values(reads).flat()));
}

/**
 * The tiles' requests to ask again after document `index` was refused: those it answers that no error hit. Every
 * request is a part a tile can do without (the KPIs hit show their error); an error on nothing known stops retries.
 */
function tileRetries(plan: KpiPlan, document: KpiDocument, index: number, answer: Answer): string[] {
    const requests = plan.requests.filter((request) => request.document === index);
    const placeable = { subqueries: [...document.subqueries, ...document.records] };
    const hit = refusedParts(
        placeable,
        answer,
        (subqueries) => {
            const aliases = subqueries.map((subquery) => subquery.alias);
            const keys = requests.filter((r) => aliases.some((a) => aliasesRead(r).has(a))).map((r) => r.key);
            return keys.length > 0 ? keys : undefined;
        },
        true,
    );
    return hit ? document.keys.filter((key) => !hit.includes(key)) : [];
}

export interface LoadState {
    /** The config the state belongs to; another config starts afresh. */
    configKey: string;
    /** 0 for the first request; each retry adds one. */
    round: number;
    /** Keys planned this round; undefined for every request of the config. */
    keys?: string[];
    /** Results read in earlier rounds. */
    held: Record<string, KpiResult>;
    /** The round's answers by document index, for the plan `planKey`. */
    answers: (Answer | undefined)[];
    planKey: string;
    /** When the last answer arrived (epoch ms). */
    asOf?: number;
    /**
     * The answers of the current round's documents by what was asked (text and variables): a property change that
     * leaves a document as it was keeps its answer, whether or not the platform's wire emits it again.
     */
    known?: Record<string, Answer>;
}

export interface LoaderContext {
    userId?: string;
    timeZone: string;
    firstDayOfWeek: number;
    now: Date;
    /** Lowered only in tests. */
    maxSubqueries?: number;
}

export interface Round {
    key: string;
    plan: KpiPlan;
    /** Set when the planner itself failed: the component shows it instead of tiles. */
    error?: unknown;
    /** The component's parsed documents for this plan, cached so the wire sees the same object on every read. */
    documents: unknown[];
}

const EMPTY_PLAN: KpiPlan = { documents: [], requests: [], rejected: [] };

export function configKey(config: KpiConfig): string {
    return JSON.stringify([config.requests, config.fiscalYearStartMonth]);
}

export function initialState(config: KpiConfig): LoadState {
    return { configKey: configKey(config), round: 0, held: {}, answers: [], planKey: '' };
}

/** The state for this config: the one kept, unless the config changed since (then only its known answers stay). */
export function currentState(state: LoadState | undefined, config: KpiConfig): LoadState {
    if (state && state.configKey === configKey(config)) return state;
    return { ...initialState(config), ...(state?.known ? { known: state.known } : {}) };
}

const askedOf = (document: KpiDocument): string => `${document.query}\u0000${JSON.stringify(document.variables)}`;

/** The round's answers by document index: its own, else a known answer to the very same document. */
function answersOf(state: LoadState, round: Round): (Answer | undefined)[] {
    const own = state.planKey === round.key ? state.answers : [];
    return round.plan.documents.map((document, index) => own[index] ?? state.known?.[askedOf(document)]);
}

function dayOf(now: Date, timeZone: string): string {
    try {
        return todayIn(now, timeZone);
    } catch {
        // The planner reports the bad time zone on each tile; the key only needs to be stable.
        return now.toISOString().slice(0, 10);
    }
}

/** Plans are remembered by what they depend on, so the wire's query and variables keep their identity. */
export class RoundCache {
    private round?: Round;

    get(config: KpiConfig, state: LoadState, context: LoaderContext): Round {
        const requests = state.keys
            ? config.requests.filter((request) => state.keys!.includes(request.key!))
            : config.requests;
        const key = JSON.stringify([
            configKey(config),
            state.round,
            state.keys ?? null,
            dayOf(context.now, context.timeZone),
            context.timeZone,
            context.firstDayOfWeek,
            context.userId ?? null,
        ]);
        if (this.round?.key === key) return this.round;
        let plan = EMPTY_PLAN;
        let error: unknown;
        try {
            plan = planKpis(requests, {
                userId: context.userId,
                now: context.now,
                calendar: {
                    timeZone: context.timeZone,
                    firstDayOfWeek: context.firstDayOfWeek,
                    fiscalYearStartMonth: config.fiscalYearStartMonth,
                },
                ...(context.maxSubqueries ? { maxSubqueries: context.maxSubqueries } : {}),
            });
        } catch (failure) {
            error = failure;
        }
        this.round = { key, plan, documents: [], ...(error === undefined ? {} : { error }) };
        return this.round;
    }
}

export interface Settled {
    /** Results by request key; keys of documents not answered yet are absent (their tiles are loading). */
    results: Record<string, KpiResult>;
    /** Every document the component may send has answered. */
    complete: boolean;
    /** Keys to plan again because another KPI made the server refuse their document. */
    retry: string[];
}

/** Reads whatever documents of a plan have answered; documents past `maxDocuments` are never sent. */
export function settle(plan: KpiPlan, answers: readonly (Answer | undefined)[], maxDocuments: number): Settled {
    const results = readResults(plan, undefined, undefined, -1);
    const retry: string[] = [];
    let complete = true;
    plan.documents.forEach((document, index) => {
        if (index >= maxDocuments) {
            for (const key of document.keys) results[key] = overBudget(plan, key);
            return;
        }
        const answer = answers[index];
        if (!answer) complete = false;
        else {
            Object.assign(results, readResults(plan, answer.data, answer.errors, index));
            retry.push(...tileRetries(plan, document, index, answer));
        }
    });
    return { results, complete, retry: complete ? retry : [] };
}

function overBudget(plan: KpiPlan, key: string): KpiResult {
    const kpi = plan.requests.find((request) => request.key === key)?.kpi ?? key;
    return { ...emptyResult(key, kpi), error: { kind: 'config', messages: [tooManyRequestsMessage()] } };
}

/** True when the wire has answered: the first emission, before any response, has neither data nor errors. */
export function isAnswer(answer: Answer | undefined): answer is Answer {
    return !!answer && (answer.data !== undefined || (answer.errors !== undefined && answer.errors !== null));
}

/**
 * The state after document `index` of `round` answered. When every document has answered and some KPIs were only
 * collateral damage of a refused document, the next round plans those alone; every other result is held.
 */
export function receive(
    state: LoadState,
    round: Round,
    index: number,
    answer: Answer,
    at: number,
    maxDocuments: number,
): LoadState {
    const answers = answersOf(state, round);
    answers[index] = { data: answer.data, errors: answer.errors };
    const known: Record<string, Answer> = {};
    round.plan.documents.forEach((document, i) => {
        if (answers[i]) known[askedOf(document)] = answers[i]!;
    });
    const next: LoadState = { ...state, answers, planKey: round.key, asOf: at, known };
    const settled = settle(round.plan, answers, maxDocuments);
    // Each round drops at least the KPI that failed, so rounds end; the cap only guards against a server that loops.
    if (settled.retry.length === 0 || state.round >= round.plan.requests.length) return next;
    const held = { ...state.held };
    for (const [key, result] of Object.entries(settled.results)) {
        if (!settled.retry.includes(key)) held[key] = result;
    }
    return { ...next, round: state.round + 1, keys: settled.retry, held, answers: [], planKey: '', known: {} };
}

/** Results of the tiles: held ones, then the current round's. */
export function currentResults(state: LoadState, round: Round, maxDocuments: number): Record<string, KpiResult> {
    return { ...state.held, ...settle(round.plan, answersOf(state, round), maxDocuments).results };
}

/** Document `index` of the round as the component parsed it, parsed once: the wire sees one object per plan. */
export function parsedDocument(round: Round, index: number, parse: () => unknown): unknown {
    if (!(index in round.documents)) round.documents[index] = parse();
    return round.documents[index];
}

/** The documents of the round the component sends (at most `maxDocuments`). */
export function documentCount(round: Round, maxDocuments: number): number {
    return Math.min(round.plan.documents.length, maxDocuments);
}

/** Every tile of the config with what is known of it so far. */
export function tileInputs(
    config: KpiConfig,
    results: Record<string, KpiResult>,
    extras: Partial<Pick<TileInput, 'title' | 'asOf' | 'warnings'>> = {},
): TileInput[] {
    return config.tiles.map((setup) => ({
        ...setup,
        ...extras,
        result: results[setup.key],
        ...(config.currency ? { currency: config.currency } : {}),
    }));
}

/**
 * What a refresh does once the clock has moved: a new state when a new plan must go out (a retry round ran, or the
 * day changed), or undefined when calling the wires' own `refresh` is enough.
 */
export function restartState(state: LoadState, before: Round, after: Round): LoadState | undefined {
    if (state.round === 0 && after.key === before.key) return undefined;
    return { ...state, round: 0, keys: undefined, held: {}, answers: [], planKey: '', known: {} };
}

/** Calls the refresh of every answered document; undefined when there is none to call. */
export function refreshAll(refreshers: readonly ((() => Promise<void>) | undefined)[]): Promise<void> | undefined {
    const pending = refreshers.filter((refresh): refresh is () => Promise<void> => typeof refresh === 'function');
    if (pending.length === 0) return undefined;
    return Promise.all(pending.map((refresh) => refresh())).then(() => undefined);
}
