/**
 * Documents that force-app builds at run time, enumerated so the offline validator can check every one of them.
 *
 * Convention: a component never interpolates arbitrary strings into `gql`. A document that depends on run-time
 * input (App Builder properties, the chosen KPI, the period) is built by a pure force-app module, and the component
 * passes that builder's result straight to gql: `gql`${buildKpiQuery(plan)}``. The module is registered here with
 * the names of its builders and a `documents()` that returns every document those builders can produce (one per
 * KPI, period kind, object...). extract.ts accepts an interpolation in a component only when it is a call to a
 * registered builder (directly, or through a const initialised with such a call), and
 * `npm run validate:graphql` validates each enumerated document.
 *
 * To add a builder: import it below, add an entry, and make `documents()` cover every branch of the builder.
 */
import { leaderboardDocuments, leaderboardModule } from './leaderboard-documents';
import { plannerDocuments, plannerModule } from './planner-documents';
import { winLossDocuments, winLossModule } from './winloss-documents';

export interface DynamicDocument {
    /** Names the variant in messages, e.g. `winRate/FISCAL_QUARTER`. */
    label: string;
    source: string;
}

export interface DynamicDocumentSource {
    /** Absolute path of the force-app module that exports the builders. */
    module: string;
    /** Exported functions whose return value a component may interpolate into gql. */
    builders: string[];
    /** Every document the builders can produce. */
    documents(): DynamicDocument[];
}

export const dynamicDocumentSources: DynamicDocumentSource[] = [
    // kpiPlanner: components wire gql`${kpiQuery(plan)}` (KPI values) and gql`${kpiRecordsQuery(drillDown)}` (the
    // records behind a number); planner-documents.ts enumerates every document shape of both.
    { module: plannerModule, builders: ['kpiQuery', 'kpiRecordsQuery'], documents: plannerDocuments },
    // kpiWinLoss: gql`${winLossQuery(plan)}`, one document of aggregates plus one page of recent losses.
    { module: winLossModule, builders: ['winLossQuery'], documents: winLossDocuments },
    // kpiLeaderboardQuery: gql`${boardQuery(plan)}` (the board) and gql`${boardPageQuery(page)}` (groups past 2,000).
    { module: leaderboardModule, builders: ['boardQuery', 'boardPageQuery'], documents: leaderboardDocuments },
];
