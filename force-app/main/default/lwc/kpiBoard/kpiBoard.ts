import { api, wire } from 'lwc';
import { graphql } from 'lightning/graphql';
import type { GraphQLDocument, GraphQLResult } from 'lightning/graphql';
import locale from '@salesforce/i18n/locale';
import timeZone from '@salesforce/i18n/timeZone';
import kpiBoardActivity from '@salesforce/label/c.kpiBoardActivity';
import kpiBoardCustom from '@salesforce/label/c.kpiBoardCustom';
import kpiBoardMarketing from '@salesforce/label/c.kpiBoardMarketing';
import kpiBoardSales from '@salesforce/label/c.kpiBoardSales';
import kpiConfigHeading from '@salesforce/label/c.kpiConfigHeading';
import kpiConfigWarnings from '@salesforce/label/c.kpiConfigWarnings';
import kpiTileRefresh from '@salesforce/label/c.kpiTileRefresh';
import { MAX_BOARD_REQUESTS, readBoardConfig } from 'c/kpiConfig';
import type { KpiConfig, Preset } from 'c/kpiConfig';
import { currentResults, currentState, tileInputs } from 'c/kpiLoader';
import KpiTileHost from 'c/kpiTileHost';
import { formatAsOfTime } from 'c/kpiTileModel';
import type { TileInput } from 'c/kpiTileModel';

const TITLES: Record<Preset, string> = {
    sales: kpiBoardSales,
    marketing: kpiBoardMarketing,
    activity: kpiBoardActivity,
    custom: kpiBoardCustom,
};

/**
 * A responsive grid of KPI tiles that share one request (the planner packs them into as few documents as the UI API
 * allows; presets fit one). Each tile fails on its own: a hidden field or unsupported object only touches its KPI.
 */
export default class KpiBoard extends KpiTileHost {
    /** sales, marketing, activity or custom (with kpis). */
    @api preset?: string;
    /** Catalog KPI ids, comma-separated, for the custom preset. */
    @api kpis?: string;
    /** Goals as kpiId=number pairs, comma-separated; rates in percent. */
    @api targets?: string;
    /** thisFiscalQuarter, lastMonth, … or rollingDays (with rollingDays). */
    @api period?: string;
    /** Days before today a rolling period covers. */
    @api rollingDays?: number;
    /** none, previousPeriod or samePeriodLastYear. */
    @api comparison?: string;
    /** mine, team or all. */
    @api scope?: string;
    /** Percent of target from which a tile is amber. */
    @api amberThreshold?: number;
    /** Percent of target from which a tile is green. */
    @api greenThreshold?: number;
    /** Pipeline coverage: the revenue target instead of the users' quota field. */
    @api revenueTarget?: string;
    /** Periods in each trend line; 0 for none. */
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
    /** The board's heading; the preset's name otherwise. */
    @api cardTitle?: string;

    readonly labels = { configHeading: kpiConfigHeading, warnings: kpiConfigWarnings, refresh: kpiTileRefresh };

    get config(): KpiConfig {
        return readBoardConfig(this);
    }

    protected get maxDocuments(): number {
        return MAX_BOARD_REQUESTS;
    }

    get query1(): GraphQLDocument | undefined {
        return this.documentQuery(1);
    }
    get variables1(): Record<string, string> | undefined {
        return this.round.plan.documents[1]?.variables;
    }
    get operationName1(): string | undefined {
        return this.round.plan.documents[1]?.operationName;
    }
    get query2(): GraphQLDocument | undefined {
        return this.documentQuery(2);
    }
    get variables2(): Record<string, string> | undefined {
        return this.round.plan.documents[2]?.variables;
    }
    get operationName2(): string | undefined {
        return this.round.plan.documents[2]?.operationName;
    }

    // The first document's wire is in KpiTileHost; a custom board may need up to MAX_BOARD_REQUESTS.
    @wire(graphql, { query: '$query1', variables: '$variables1', operationName: '$operationName1' })
    handleDocument1(result: GraphQLResult): void {
        this.receiveDocument(1, result);
    }

    @wire(graphql, { query: '$query2', variables: '$variables2', operationName: '$operationName2' })
    handleDocument2(result: GraphQLResult): void {
        this.receiveDocument(2, result);
    }

    get heading(): string {
        const config = this.config;
        return config.title ?? (config.preset ? TITLES[config.preset] : kpiBoardCustom);
    }

    /** Problems that stop the whole board (a bad preset, period, scope …). */
    get boardProblems(): { key: string; text: string }[] {
        return this.config.problems
            .filter((problem) => problem.severity === 'error' && !problem.kpis)
            .map((problem, index) => ({ key: `problem-${index}`, text: problem.message }));
    }

    get hasBoardProblems(): boolean {
        return this.boardProblems.length > 0;
    }

    get warnings(): { key: string; text: string }[] {
        return this.config.problems
            .filter((problem) => problem.severity === 'warning')
            .map((problem, index) => ({ key: `warning-${index}`, text: problem.message }));
    }

    get hasWarnings(): boolean {
        return this.warnings.length > 0;
    }

    get tiles(): TileInput[] {
        const config = this.config;
        const state = currentState(this.state, config);
        return tileInputs(config, currentResults(state, this.round, MAX_BOARD_REQUESTS));
    }

    get asOfText(): string {
        const asOf = currentState(this.state, this.config).asOf;
        return asOf === undefined ? '' : formatAsOfTime(asOf, new Date(), locale, timeZone);
    }

    get showRefresh(): boolean {
        return !this.hasBoardProblems && !this.planError;
    }
}
