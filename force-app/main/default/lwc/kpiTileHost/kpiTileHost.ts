import { LightningElement, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
import type { GraphQLDocument, GraphQLResult } from 'lightning/graphql';
import firstDayOfWeek from '@salesforce/i18n/firstDayOfWeek';
import timeZone from '@salesforce/i18n/timeZone';
import userId from '@salesforce/user/Id';
import type { KpiConfig } from 'c/kpiConfig';
import {
    RoundCache,
    currentState,
    documentCount,
    parsedDocument,
    receive,
    refreshAll,
    restartState,
} from 'c/kpiLoader';
import type { LoadState, Round } from 'c/kpiLoader';
import { kpiQuery } from 'c/kpiPlanner';
import { askAfresh, readWireAnswer, refreshOf } from 'c/kpiWaiting';

/**
 * What kpiMetric and kpiBoard share: the round their properties plan, the wire of its first document, the answers and
 * the refresh button, and the retry a tile offers when its answer is taking long (a `kpiretry` event from any tile of
 * the component's template; kpiTile keeps the time). No template: a base class, not a component to place. The App Builder properties stay `@api` in
 * each component, because the platform's deploy check of js-meta.xml properties ignores `@api` fields inherited from
 * a base class (server-side, reproduced by the CLI team in https://github.com/forcedotcom/cli/issues/3339).
 */
export default abstract class KpiTileHost extends LightningElement {
    refreshing = false;
    refreshError?: unknown;
    protected state?: LoadState;
    /** True for one microtask while a retry takes the documents off the wires, so they are asked afresh. */
    suspended = false;
    private clock = Date.now();
    private refreshers: ((() => Promise<void>) | undefined)[] = [];
    /** Counts refreshes: only the latest one's end clears `refreshing`. */
    private refreshId = 0;
    /** A retry sent the documents afresh: its first answer ends the refresh. */
    private refetching = false;
    private readonly rounds = new RoundCache();

    constructor() {
        super();
        // Tiles are in this component's template: their retry bubbles up to its shadow root.
        this.template?.addEventListener('kpiretry', () => this.ask(true));
    }

    /** The component's properties, read and checked. */
    abstract get config(): KpiConfig;

    /** Documents the component can send: one wire each, the first one declared here. */
    protected abstract get maxDocuments(): number;

    get round(): Round {
        const config = this.config;
        return this.rounds.get(config, currentState(this.state, config), {
            userId,
            timeZone,
            firstDayOfWeek,
            now: new Date(this.clock),
        });
    }

    protected documentQuery(index: number): GraphQLDocument | undefined {
        if (this.suspended) return undefined;
        const round = this.round;
        if (index >= Math.min(round.plan.documents.length, this.maxDocuments)) return undefined;
        return parsedDocument(
            round,
            index,
            () => gql`
                ${kpiQuery(round.plan, index)}
            `,
        ) as GraphQLDocument;
    }

    get query0(): GraphQLDocument | undefined {
        return this.documentQuery(0);
    }
    get variables0(): Record<string, string> | undefined {
        return this.round.plan.documents[0]?.variables;
    }
    get operationName0(): string | undefined {
        return this.round.plan.documents[0]?.operationName;
    }

    @wire(graphql, { query: '$query0', variables: '$variables0', operationName: '$operationName0' })
    handleDocument0(result: GraphQLResult): void {
        this.receiveDocument(0, result);
    }

    protected receiveDocument(index: number, result: GraphQLResult): void {
        const round = this.round;
        const answer = readWireAnswer(result);
        if (index >= round.plan.documents.length || !answer) return;
        this.refreshers[index] = refreshOf(result) ?? this.refreshers[index];
        const state = currentState(this.state, this.config);
        this.state = receive(state, round, index, answer, Date.now(), this.maxDocuments);
        // A retry that sent the documents afresh (no refresh to call) ends with the first answer.
        if (this.refetching) {
            this.refetching = false;
            this.refreshing = false;
        }
    }

    get planError(): unknown {
        return this.round.error;
    }

    handleRefresh(): void {
        this.ask(false);
    }

    /**
     * Asks every document again: a new plan when the day or a retry round moved on, else each answered wire's
     * `refresh` (before any answer there is nothing to refresh: the first answer is on its way). `force` is the retry
     * a tile offers once an answer is taking long: it asks even while a refresh is out, and a document that never
     * answered (no refresh to call) is sent afresh by taking every document off its wire for a moment.
     */
    protected ask(force: boolean): void {
        if (this.refreshing && !force) return;
        const before = this.round;
        this.clock = Date.now();
        this.refreshError = undefined;
        const restarted = restartState(currentState(this.state, this.config), before, this.round);
        // A new plan goes out by itself: the wire sees a new query or new variables.
        if (restarted) {
            this.state = restarted;
            return;
        }
        const count = documentCount(before, this.maxDocuments);
        const refreshers = this.refreshers.slice(0, count);
        const unanswered = refreshers.length < count || refreshers.some((refresh) => !refresh);
        if (force && unanswered) {
            this.refreshing = true;
            this.refetching = true;
            ++this.refreshId;
            askAfresh((suspended) => {
                this.suspended = suspended;
            });
            return;
        }
        const refreshing = refreshAll(refreshers);
        if (!refreshing) return;
        this.refreshing = true;
        this.refetching = false;
        const id = ++this.refreshId;
        refreshing
            .catch((error: unknown) => {
                if (id === this.refreshId) this.refreshError = error;
            })
            .finally(() => {
                if (id === this.refreshId) this.refreshing = false;
            });
    }
}
