import { LightningElement, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
import type { GraphQLDocument, GraphQLResult } from 'lightning/graphql';
import firstDayOfWeek from '@salesforce/i18n/firstDayOfWeek';
import timeZone from '@salesforce/i18n/timeZone';
import userId from '@salesforce/user/Id';
import type { KpiConfig } from 'c/kpiConfig';
import { RoundCache, currentState, isAnswer, parsedDocument, receive, refreshAll, restartState } from 'c/kpiLoader';
import type { LoadState, Round } from 'c/kpiLoader';
import { kpiQuery } from 'c/kpiPlanner';

/**
 * What kpiMetric and kpiBoard share: the round their properties plan, the wire of its first document, the answers and
 * the refresh button. No template: a base class, not a component to place. The App Builder properties stay `@api` in
 * each component, because the platform's deploy check of js-meta.xml properties ignores `@api` fields inherited from
 * a base class (server-side, reproduced by the CLI team in https://github.com/forcedotcom/cli/issues/3339).
 */
export default abstract class KpiTileHost extends LightningElement {
    refreshing = false;
    refreshError?: unknown;
    protected state?: LoadState;
    private clock = Date.now();
    private refreshers: ((() => Promise<void>) | undefined)[] = [];
    private readonly rounds = new RoundCache();

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
        if (index >= round.plan.documents.length || !isAnswer(result)) return;
        this.refreshers[index] = result.refresh;
        const state = currentState(this.state, this.config);
        this.state = receive(state, round, index, result, Date.now(), this.maxDocuments);
    }

    get planError(): unknown {
        return this.round.error;
    }

    handleRefresh(): void {
        if (this.refreshing) return;
        const before = this.round;
        this.clock = Date.now();
        this.refreshError = undefined;
        const restarted = restartState(currentState(this.state, this.config), before, this.round);
        // A new plan goes out by itself: the wire sees a new query or new variables.
        if (restarted) {
            this.state = restarted;
            return;
        }
        const refreshing = refreshAll(this.refreshers.slice(0, before.plan.documents.length));
        if (!refreshing) return;
        this.refreshing = true;
        refreshing
            .catch((error: unknown) => {
                this.refreshError = error;
            })
            .finally(() => {
                this.refreshing = false;
            });
    }
}
