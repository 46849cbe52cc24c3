import { LightningElement, api, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
import type { GraphQLDocument, GraphQLResult } from 'lightning/graphql';
import firstDayOfWeek from '@salesforce/i18n/firstDayOfWeek';
import timeZone from '@salesforce/i18n/timeZone';
import userId from '@salesforce/user/Id';
import { readMetricConfig } from 'c/kpiConfig';
import type { KpiConfig } from 'c/kpiConfig';
import {
    RoundCache,
    currentResults,
    currentState,
    isAnswer,
    parsedDocument,
    receive,
    refreshAll,
    restartState,
} from 'c/kpiLoader';
import type { LoadState, Round } from 'c/kpiLoader';
import { kpiQuery } from 'c/kpiPlanner';
import type { TileInput } from 'c/kpiTileModel';

/** A single KPI never needs more than one document (the planner's largest request is seven subqueries). */
const MAX_DOCUMENTS = 1;

/** One KPI tile for App Builder: the number, its change, target and trend, from one request. */
export default class KpiMetric extends LightningElement {
    /** KPI id from the catalog. */
    @api kpi?: string;
    /** thisFiscalQuarter, lastMonth, … or rollingDays (with rollingDays). */
    @api period?: string;
    /** Days before today a rolling period covers. */
    @api rollingDays?: number;
    /** none, previousPeriod or samePeriodLastYear. */
    @api comparison?: string;
    /** mine, team or all. */
    @api scope?: string;
    /** Goal in the KPI's unit; rates in percent. */
    @api target?: string;
    /** Percent of target from which the tile is amber. */
    @api amberThreshold?: number;
    /** Percent of target from which the tile is green. */
    @api greenThreshold?: number;
    /** Pipeline coverage: the revenue target instead of the users' quota field. */
    @api revenueTarget?: string;
    /** Periods in the trend line; 0 for none. */
    @api sparkline?: number;
    /** Month (1-12) the org's fiscal year starts in. */
    @api fiscalYearStartMonth?: number;
    /** ISO code the amounts are in, when not the viewer's currency. */
    @api currencyCode?: string;
    /** Opportunity field holding the loss reason. */
    @api lossReasonField?: string;
    /** User field holding the sales quota. */
    @api quotaField?: string;
    /** Campaign member statuses that count as sent, comma-separated. */
    @api sentStatuses?: string;
    /** Campaign member statuses that count as opened, comma-separated. */
    @api openedStatuses?: string;
    /** Opportunity amounts are monthly: contract values are annualized. */
    @api amountsAreMonthly = false;
    /** Replaces the KPI's name as the tile's title. */
    @api cardTitle?: string;

    refreshing = false;
    refreshError?: unknown;
    private state?: LoadState;
    private clock = Date.now();
    private refreshers: ((() => Promise<void>) | undefined)[] = [];
    private readonly rounds = new RoundCache();

    get config(): KpiConfig {
        return readMetricConfig(this);
    }

    get round(): Round {
        const config = this.config;
        return this.rounds.get(config, currentState(this.state, config), {
            userId,
            timeZone,
            firstDayOfWeek,
            now: new Date(this.clock),
        });
    }

    get query0(): GraphQLDocument | undefined {
        const round = this.round;
        if (round.plan.documents.length === 0) return undefined;
        return parsedDocument(
            round,
            0,
            () => gql`
                ${kpiQuery(round.plan, 0)}
            `,
        ) as GraphQLDocument;
    }

    get variables0(): Record<string, string> | undefined {
        return this.round.plan.documents[0]?.variables;
    }

    get operationName0(): string | undefined {
        return this.round.plan.documents[0]?.operationName;
    }

    @wire(graphql, { query: '$query0', variables: '$variables0', operationName: '$operationName0' })
    handleDocument0(result: GraphQLResult): void {
        const round = this.round;
        if (!round.plan.documents[0] || !isAnswer(result)) return;
        this.refreshers[0] = result.refresh;
        this.state = receive(currentState(this.state, this.config), round, 0, result, Date.now(), MAX_DOCUMENTS);
    }

    get planError(): unknown {
        return this.round.error;
    }

    get tile(): TileInput {
        const config = this.config;
        const state = currentState(this.state, config);
        const round = this.round;
        const [setup] = config.tiles;
        return {
            ...setup,
            result: currentResults(state, round, MAX_DOCUMENTS)[setup.key],
            ...(config.title ? { title: config.title } : {}),
            ...(config.currency ? { currency: config.currency } : {}),
            ...(state.asOf === undefined ? {} : { asOf: state.asOf }),
            warnings: config.problems.filter((p) => p.severity === 'warning').map((p) => p.message),
        };
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
