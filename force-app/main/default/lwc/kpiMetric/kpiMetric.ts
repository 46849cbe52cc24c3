import { api } from 'lwc';
import { readMetricConfig } from 'c/kpiConfig';
import type { KpiConfig } from 'c/kpiConfig';
import { currentResults, currentState } from 'c/kpiLoader';
import KpiTileHost from 'c/kpiTileHost';
import type { TileInput } from 'c/kpiTileModel';

/** A single KPI never needs more than one document (the planner's largest request is seven subqueries). */
const MAX_DOCUMENTS = 1;

/** One KPI tile for App Builder: the number, its change, target and trend, from one request. */
export default class KpiMetric extends KpiTileHost {
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

    get config(): KpiConfig {
        return readMetricConfig(this);
    }

    protected get maxDocuments(): number {
        return MAX_DOCUMENTS;
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
}
